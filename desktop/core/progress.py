"""Progress and cancellation for long work, without Qt.

Services that take time (imports, exports, reports, demo data) accept a :class:`Progress`;
the interface passes one that forwards to a progress bar, the command line and tests pass
:data:`NO_PROGRESS` or their own.
"""

from __future__ import annotations

from typing import Protocol

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP

M_CANCELLED = QT_TRANSLATE_NOOP("Progress", "Cancelled. Nothing was changed.")


class Cancelled(UserError):
    def __init__(self) -> None:
        super().__init__(M_CANCELLED)


class Progress(Protocol):
    def report(self, done: int, total: int, text: str = "") -> None:
        """Say how far the work is; raise :class:`Cancelled` if the user asked to stop."""


class _NoProgress:
    def report(self, done: int, total: int, text: str = "") -> None:
        return None


NO_PROGRESS: Progress = _NoProgress()
