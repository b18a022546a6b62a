"""Logging to a rotating file in the data folder, and ``faulthandler`` for hard crashes."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from typing import TextIO

from desktop.paths import AppPaths

LOG_FILE = "tdcs.log"
_fault_stream: TextIO | None = None


def without_passwords(text: str) -> str:
    """``text`` with every password given in this run replaced by ``***``."""
    from db.engine import known_passwords

    for password in known_passwords():
        text = text.replace(password, "***")
    return text


class _MaskPasswords(logging.Filter):
    """A password typed in this run (:func:`db.engine.use_password`) never reaches the log,
    even inside a driver's message or a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        from db.engine import known_passwords

        passwords = known_passwords()
        if passwords:
            text = record.getMessage()
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            for password in passwords:
                text = text.replace(password, "***")
                if record.exc_text:
                    record.exc_text = record.exc_text.replace(password, "***")
            record.msg, record.args = text, None
        return True


def setup_logging(paths: AppPaths, *, level: int = logging.INFO) -> None:
    """Send log records to ``logs/tdcs.log`` (1 MB × 5) and C-level crashes to ``faults.log``."""
    global _fault_stream
    paths.logs.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_tdcs", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        paths.logs / LOG_FILE, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler._tdcs = True  # type: ignore[attr-defined]
    handler.addFilter(_MaskPasswords())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    if _fault_stream is None:
        _fault_stream = (paths.logs / "faults.log").open("a", encoding="utf-8")
        faulthandler.enable(_fault_stream)
