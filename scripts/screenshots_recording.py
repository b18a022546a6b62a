"""Screenshots of the recording pages (Tổng quan, Nhiệm vụ, Đóng góp & nguồn vốn), every
tab and every form, with demo data, to look at what users see.

    python scripts/screenshots_recording.py OUT_DIR [--city]

Runs offscreen by default (under Xvfb set DISPLAY and QT_QPA_PLATFORM=xcb) in a fresh
temporary data folder filled by the demo generator.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget, QWidget

from db.enums import OfficeMode
from desktop.core import demo
from desktop.core.database import Database
from desktop.core.office import set_up_office
from desktop.paths import AppPaths
from desktop.ui.context import AppContext
from desktop.ui.fonts import register_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.translations import install_language


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def tabs_of(widget: QWidget) -> list[tuple[QTabWidget, int]]:
    """Every (tab widget, index) under ``widget``, outer tabs first."""
    found = []
    outer = widget.findChild(QTabWidget)
    if outer is None:
        return found
    for index in range(outer.count()):
        found.append((outer, index))
        inner = outer.widget(index)
        if isinstance(inner, QTabWidget):
            found.extend((inner, i) for i in range(inner.count()))
    return found


def main(out: Path, city: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    register_fonts(app)  # type: ignore[arg-type]
    install_language(os.environ.get("TDCS_LANG", "vi"))
    prefix = "city" if city else "commune"
    with tempfile.TemporaryDirectory() as tmp:
        database = Database.open(AppPaths(Path(tmp)))
        with database.transaction() as session:
            if city:
                set_up_office(session, OfficeMode.CITY)
            else:
                set_up_office(
                    session,
                    OfficeMode.COMMUNE,
                    commune_code="31120",
                    hamlets=["Khu vực 1", "Khu vực 2", "Khu vực Thới Hòa"],
                )
        with database.transaction() as session:
            demo.generate(session, scale="small")
        office = database.office()
        assert office is not None
        window = MainWindow(AppContext(database, office))
        window.show()
        for key in ("overview", "tasks", "funds"):
            page = window.open_page(key)
            grab(window, out / f"{prefix}-{key}.png")
            scroll = page.findChild(QScrollArea)
            if key == "overview" and scroll is not None:
                scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
                grab(window, out / f"{prefix}-{key}-charts.png")
            for tabs, index in tabs_of(page):
                tabs.setCurrentIndex(index)
                name = tabs.tabText(index).replace(" ", "_").replace("/", "-").replace('"', "")
                grab(window, out / f"{prefix}-{key}-{name}.png")
                lister = tabs.widget(index)
                open_form = getattr(lister, "open_form", None)
                if callable(open_form) and hasattr(lister, "model") and lister.model.rowCount():
                    lister.view.selectRow(0)
                    row = lister.selected()
                    form = type(lister).form_class(lister.context, row, lister)
                    form.show()
                    grab(form, out / f"{prefix}-{key}-{name}-form.png")
                    form.close()
        window.close()
        database.close()
    QCoreApplication.processEvents()
    print("today", date.today())


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"), "--city" in sys.argv)
