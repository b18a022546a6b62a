"""The bundled fonts, registered at start-up so Vietnamese renders on any machine (a
fresh Windows install, or Wine's offscreen platform that has no fonts at all)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import resources_dir

log = logging.getLogger(__name__)
UI_FAMILY = "Liberation Sans"


def register_fonts(app: QApplication, point_size: int = 10) -> list[str]:
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not register font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if UI_FAMILY in families:
        font = QFont(UI_FAMILY, point_size)
        app.setFont(font)
    return sorted(set(families))
