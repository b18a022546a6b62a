"""Screenshots of what users see: the set-up wizard, and every page of the main window at a
commune and at the city, on the office screens TDCS must fit (1024×768 and 1366×768, less a
Windows taskbar), with every tab of the pages at 1024×768.

    python scripts/screenshots.py [OUT_DIR]      # default: docs/screenshots

Runs on the current Qt platform (offscreen by default; under Xvfb set DISPLAY and
QT_QPA_PLATFORM=xcb) in fresh temporary data folders filled with demo data, with the bundled
fonts and the Vietnamese interface. Look at the pictures after every change to a page.
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QCoreApplication, QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from sqlalchemy import select

from db.enums import OfficeMode
from db.models import Commune
from desktop.core import demo
from desktop.core.database import Database
from desktop.core.office import CommuneInfo, list_communes, set_up_office
from desktop.paths import AppPaths
from desktop.ui.context import AppContext
from desktop.ui.fonts import register_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.style import apply_style
from desktop.ui.translations import install_language
from desktop.ui.wizard import PAGE_COMMUNE, PAGE_HAMLETS, SetupAnswers, SetupWizard

#: Screen sizes less a 40-pixel Windows taskbar: what a maximised window gets.
SCREENS = {"1024x768": (1024, 728), "1366x768": (1366, 728)}
TODAY = date(2026, 10, 5)


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, path: Path) -> None:
    """Save ``widget`` once what it loads in the background has arrived."""
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(30_000)
        settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    # 256 colours (median cut, no dithering) keep the text sharp and the pictures a third
    # of their size in the repository.
    image = widget.grab().toImage()
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    picture.quantize(256, dither=Image.Dither.NONE).save(path, optimize=True)
    print(path)


def slug(text: str) -> str:
    """``Đóng góp & nguồn vốn`` → ``dong-gop-nguon-von``."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def wizard_pictures(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        database = Database.open(AppPaths(Path(tmp)))
        with database.reading() as session:
            communes = list_communes(session)

        def submit(answers: SetupAnswers) -> None:
            with database.transaction() as session:
                set_up_office(
                    session,
                    answers.mode,
                    commune_code=answers.commune_code,
                    office_name=answers.office_name,
                    hamlets=answers.hamlets,
                )

        wizard = SetupWizard(communes, submit)
        wizard.show()
        grab(wizard, out / "wizard-1-mode.png")
        wizard.next()
        wizard.commune_page.search.setText("cai khe")
        assert wizard.currentId() == PAGE_COMMUNE
        grab(wizard, out / "wizard-2-commune.png")
        wizard.next()
        wizard.hamlets_page.text.setPlainText("Khu vực 1\nKhu vực 2\nKhu vực Thới Hòa")
        assert wizard.currentId() == PAGE_HAMLETS
        grab(wizard, out / "wizard-3-hamlets.png")
        wizard.reject()
        database.close()


def office_database(folder: Path, mode: OfficeMode) -> Database:
    database = Database.open(AppPaths(folder))
    with database.transaction() as session:
        if mode is OfficeMode.COMMUNE:
            set_up_office(session, mode, commune_code="31120", hamlets=["Khu vực 1", "Khu vực 2"])
            demo.generate(session, scale="small", today=TODAY)
        else:
            set_up_office(session, mode)
            some = [
                CommuneInfo(c.code, c.name, c.kind)
                for c in session.scalars(select(Commune).order_by(Commune.code).limit(5))
            ]
            demo.generate(session, scale="small", today=TODAY, communes=some)
    return database


def window_pictures(out: Path, mode: OfficeMode) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        database = office_database(Path(tmp), mode)
        office = database.office()
        assert office is not None
        window = MainWindow(AppContext(database, office))
        window.show()
        for screen, (width, height) in SCREENS.items():
            window.resize(width, height)
            for row in range(window.nav.count()):
                window.nav.setCurrentRow(row)
                page = f"{row + 1}-{slug(window.nav.item(row).text())}"
                folder = out / f"{mode.value}-{screen}"
                grab(window, folder / f"{page}.png")
                if screen != "1024x768":
                    continue
                for tabs in window.stack.currentWidget().findChildren(QTabWidget):
                    if not tabs.isVisibleTo(window):
                        continue
                    for index in range(1, tabs.count()):
                        tabs.setCurrentIndex(index)
                        grab(window, folder / f"{page}-{index + 1}-{slug(tabs.tabText(index))}.png")
                    tabs.setCurrentIndex(0)
        window.close()
        database.close()


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication([])
    register_fonts(app)  # type: ignore[arg-type]
    apply_style(app)  # type: ignore[arg-type]
    install_language(os.environ.get("TDCS_LANG", "vi"))
    wizard_pictures(out)
    for mode in (OfficeMode.COMMUNE, OfficeMode.CITY):
        window_pictures(out, mode)
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main(
        Path(
            sys.argv[1]
            if len(sys.argv) > 1
            else Path(__file__).parent.parent / "docs" / "screenshots"
        )
    )
