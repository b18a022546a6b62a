"""Screenshots of the set-up wizard and the main window, to look at what users see.

    python scripts/screenshots.py OUT_DIR [--demo]

Runs on the current Qt platform (offscreen by default; under Xvfb set DISPLAY and
QT_QPA_PLATFORM=xcb) in a fresh temporary data folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core import demo
from desktop.core.database import Database
from desktop.core.office import list_communes, set_up_office
from desktop.paths import AppPaths
from desktop.ui.context import AppContext
from desktop.ui.fonts import register_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.style import apply_style
from desktop.ui.translations import install_language
from desktop.ui.wizard import PAGE_COMMUNE, PAGE_HAMLETS, SetupAnswers, SetupWizard


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def main(out: Path, with_demo: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    register_fonts(app)  # type: ignore[arg-type]
    apply_style(app)  # type: ignore[arg-type]
    install_language(os.environ.get("TDCS_LANG", "vi"))
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
        grab(wizard, out / "wizard-2-commune.png")
        assert wizard.currentId() == PAGE_COMMUNE
        wizard.next()
        wizard.hamlets_page.text.setPlainText("Khu vực 1\nKhu vực 2\nKhu vực Thới Hòa")
        assert wizard.currentId() == PAGE_HAMLETS
        grab(wizard, out / "wizard-3-hamlets.png")
        wizard.accept()
        if with_demo:
            with database.transaction() as session:
                demo.generate(session, scale="small")
        office = database.office()
        assert office is not None
        window = MainWindow(AppContext(database, office))
        window.show()
        grab(window, out / "main-window.png")
        window.open_page("settings")
        grab(window, out / "settings.png")
        window.close()
        database.close()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"), "--demo" in sys.argv)
