"""The Đồng bộ page: a commune sends its file to the city; the city receives, checks,
imports and consolidates the files of all 103 communes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.context import AppContext


def sync_page(context: AppContext) -> QWidget:
    """The commune's or the city's page, by the office's mode."""
    if context.office.is_city:
        from desktop.ui.sync.city_page import CitySyncPage

        return CitySyncPage(context)
    from desktop.ui.sync.commune_page import CommuneSyncPage

    return CommuneSyncPage(context)
