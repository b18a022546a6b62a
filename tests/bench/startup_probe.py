"""A real ``python -m desktop gui --data-dir DIR`` start that reports when the main window
has been painted, then quits.

    python -m tests.bench.startup_probe RESULT.json gui --data-dir DIR

It does what ``desktop/__main__.py`` does (``desktop.cli.main`` with the same arguments),
without any change to the application: it wraps a few functions of ``desktop.ui.app`` to
note when they ran, and puts an event filter on the main window; at the window's first
paint event it lets the paint finish (a zero-delay timer runs after the whole window has
been painted), writes the times (``time.monotonic()``, the same clock in every process on
Linux) to ``RESULT.json`` and quits the event loop, so the application closes its database
and exits as it always does.
"""

from __future__ import annotations

import time

PYTHON_READY = time.monotonic()

import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402


def main(argv: list[str]) -> int:
    result_path, app_argv = argv[0], argv[1:]
    marks: dict[str, float] = {"python_ready": PYTHON_READY}

    import desktop.cli  # what ``python -m desktop`` imports first

    marks["cli_imported"] = time.monotonic()
    # ``desktop.cli.main`` imports this module before it starts the window; importing it
    # here first costs the same and lets the probe wrap its functions.
    from desktop.ui import app

    marks["ui_imported"] = time.monotonic()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class PaintProbe(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                marks["first_paint_started"] = time.monotonic()
                QTimer.singleShot(0, self.finish)
            return False

        def finish(self) -> None:
            marks["painted"] = time.monotonic()
            QApplication.quit()

    probe = PaintProbe()

    def timed(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            marks.setdefault(f"{name}_started", time.monotonic())
            try:
                return function(*args, **kwargs)
            finally:
                marks.setdefault(f"{name}_done", time.monotonic())

        return wrapper

    app.open_database = timed("database", app.open_database)
    app.auto_backup = timed("backup", app.auto_backup)
    original_show = app.Application.show_window

    def show_window(self: Any, page: str | None = None) -> None:
        marks.setdefault("window_started", time.monotonic())
        original_show(self, page)
        marks.setdefault("window_shown", time.monotonic())
        self.window.installEventFilter(probe)

    app.Application.show_window = show_window  # type: ignore[method-assign]
    original_run = app.run_gui

    def run_gui(*args: Any, **kwargs: Any) -> int:
        marks["run_gui"] = time.monotonic()
        return int(original_run(*args, **kwargs))

    app.run_gui = run_gui
    code = desktop.cli.main(app_argv)
    marks["exited"] = time.monotonic()
    Path(result_path).write_text(json.dumps({"code": code, "marks": marks}), encoding="utf-8")
    return 0 if "painted" in marks and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
