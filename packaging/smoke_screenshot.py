"""``TDCS.exe --smoke-screenshot OUT.png --data-dir DIR [qt args]``: start the window exactly
as a double-click does (``desktop.ui.app.run_gui``: logging, fonts, style, language, crash
handler, database, main window), save a picture of it, then open every page of the
navigation in turn (``OUT-<page>.png``) and quit.

The release smoke test looks at these pictures to see the bundled font, the Vietnamese
catalogue and the Qt plugins at work inside the frozen program, where an offscreen Wine has
no fonts of its own to hide a missing one; a page that fails to open fails the run (exit
code 1). The pictures are taken by wrapping ``Application.start``, so that the start-up
being tested is the real one, not a copy that could drift from it.

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
from desktop.ui.app import Application, run_gui

#: Long enough for the first page to lay out and paint.
DELAY_MS = 800


def take_pictures(application: Application, out: Path) -> tuple[list[Path], list[str]]:
    """Save the main window as it opened, then with each page shown."""
    window = application.window
    if window is None:
        return [], ["the main window did not open"]
    written: list[Path] = []
    problems: list[str] = []
    pictures: list[tuple[Path, str | None]] = [(out, None)]
    pictures += [
        (out.with_name(f"{out.stem}-{spec.key}{out.suffix}"), spec.key) for spec in window.specs
    ]
    for path, page in pictures:
        if page is not None:
            window.open_page(page)
            QApplication.processEvents()
        if window.grab().save(str(path)):
            written.append(path)
        else:
            problems.append(f"could not write {path}")
    return written, problems


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="TDCS --smoke-screenshot")
    parser.add_argument("out", type=Path)
    parser.add_argument("--data-dir", required=True)
    args, qt_args = parser.parse_known_args(argv)
    database = Database.open(resolve(args.data_dir).ensure())
    ready = database.office() is not None
    database.close()
    if not ready:
        print("smoke-screenshot: run 'tdcs-cli init' on this data folder first", file=sys.stderr)
        return 2

    written: list[Path] = []
    problems: list[str] = []
    real_start = Application.start

    def start_then_shoot(application: Application) -> bool:
        started = real_start(application)

        def shoot() -> None:
            try:
                done, failed = take_pictures(application, args.out)
                written.extend(done)
                problems.extend(failed)
            except Exception:
                problems.append(traceback.format_exc())
            application.app.quit()

        if started:
            QTimer.singleShot(DELAY_MS, shoot)
        return started

    Application.start = start_then_shoot  # type: ignore[method-assign,assignment]
    code = run_gui(args.data_dir, qt_args)
    for problem in problems:
        print(f"smoke-screenshot: {problem}", file=sys.stderr)
    for path in written:
        print(path)
    return 1 if code or problems or not written else 0
