"""``TDCS.exe --smoke-screenshot OUT.png --data-dir DIR [qt args]``: start the window the
way a double-click does (fonts, language, database, main window), save a picture of it,
then open every page of the navigation in turn (``OUT-<page>.png``) and quit. The release
smoke test looks at these pictures to see the bundled font, the Vietnamese catalogue and
the Qt plugins at work inside the frozen program, where an offscreen Wine has no fonts of
its own to hide a missing one; a page that fails to open fails the run (exit code 1).

The data folder must already be set up (``tdcs-cli init``): the first-run wizard is a modal
dialog that nobody would close.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.database import Database
from desktop.paths import resolve
from desktop.ui.app import Application
from desktop.ui.fonts import register_fonts
from desktop.ui.translations import install_language

#: Long enough for the first page to lay out and paint.
DELAY_MS = 800


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="TDCS --smoke-screenshot")
    parser.add_argument("out", type=Path)
    parser.add_argument("--data-dir", required=True)
    args, qt_args = parser.parse_known_args(argv)
    paths = resolve(args.data_dir).ensure()
    database = Database.open(paths)
    ready = database.office() is not None
    database.close()
    if not ready:
        print("smoke-screenshot: run 'tdcs-cli init' on this data folder first", file=sys.stderr)
        return 2
    app = QApplication([sys.argv[0], *qt_args])
    register_fonts(app)
    install_language("vi")
    application = Application(app, paths)
    if not application.start() or application.window is None:
        return 1
    window = application.window
    out: Path = args.out
    written: list[Path] = []
    problems: list[str] = []

    def shoot() -> None:
        try:
            pictures = [(out, None)] + [
                (out.with_name(f"{out.stem}-{spec.key}{out.suffix}"), spec.key)
                for spec in window.specs
            ]
            for path, page in pictures:
                if page is not None:
                    window.open_page(page)
                    app.processEvents()
                if window.grab().save(str(path)):
                    written.append(path)
                else:
                    problems.append(f"could not write {path}")
        except Exception:
            problems.append(traceback.format_exc())
        app.quit()

    QTimer.singleShot(DELAY_MS, shoot)
    app.exec()
    if application.database is not None:
        application.database.close()
    for problem in problems:
        print(f"smoke-screenshot: {problem}", file=sys.stderr)
    for path in written:
        print(path)
    return 1 if problems or not written else 0
