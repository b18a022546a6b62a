"""The reports themselves; importing this package registers each of them (imported by name,
so that PyInstaller's analysis finds every report module)."""

from desktop.reports.builders import city_yearly, commune_plan

__all__ = ["city_yearly", "commune_plan"]
