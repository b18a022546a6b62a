"""Screenshots of the Khoản vay page and the import wizard, to look at what users see.

    python scripts/loans_screenshots.py OUT_DIR [--data-dir DIR] [--workbook FILE.xlsx]

Without ``--data-dir`` a temporary commune (31120) is filled with ``demo-data --scale
commune``. Runs offscreen by default (under Xvfb: DISPLAY and QT_QPA_PLATFORM=xcb).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

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


def wait_for(condition: object, timeout_ms: int = 60_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:  # type: ignore[operator]
        settle(100)
        waited += 100


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--workbook", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    register_fonts(app)  # type: ignore[arg-type]
    install_language(os.environ.get("TDCS_LANG", "vi"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.data_dir or Path(tmp)
        database = Database.open(AppPaths(folder))
        if database.office() is None:
            with database.transaction() as session:
                set_up_office(session, OfficeMode.COMMUNE, commune_code="31120")
            with database.transaction() as session:
                demo.generate(session, scale="commune")
        office = database.office()
        assert office is not None
        window = MainWindow(AppContext(database, office))
        window.resize(1500, 860)
        window.show()
        page = window.open_page("loans")
        for key in ("loans", "borrowers", "groups", "grades", "checks", "unchecked", "indicators"):
            tab = page.tab(key)  # type: ignore[attr-defined]
            wait_for(lambda t=tab: not getattr(t, "loading", False))
            settle(600)
            grab(window, args.out / f"loans-{key}.png")
        loans_tab = page.tab("loans")  # type: ignore[attr-defined]
        loans_tab.view.selectRow(0)
        from desktop.ui.loans.loans_tab import LoanForm, balance_dialog

        row = loans_tab.selected()
        dialog = balance_dialog(window.context, row, window)
        dialog.show()
        grab(dialog, args.out / "loans-balances.png")
        dialog.close()
        form = LoanForm(database, row, window)
        form.show()
        grab(form, args.out / "loans-form.png")
        form.close()
        if args.workbook:
            from desktop.ui.loans.import_wizard import ImportWizard

            wizard = ImportWizard(window.context, window)
            wizard.show()
            wizard.file_page.load(args.workbook, sheet=None)
            wait_for(lambda: wizard.file_page.isComplete())
            grab(wizard, args.out / "import-1-file.png")
            wizard.next()
            grab(wizard, args.out / "import-2-mapping.png")
            wizard.next()
            wait_for(lambda: wizard.preview_page.done)
            settle(500)
            grab(wizard, args.out / "import-3-preview.png")
            wizard.next()
            wait_for(lambda: wizard.result_page.done)
            settle(500)
            grab(wizard, args.out / "import-4-result.png")
            wizard.close()
        window.close()
        database.close()


if __name__ == "__main__":
    main()
