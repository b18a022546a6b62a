"""Why a sync file, key file or receipt was refused, in words a clerk can act on.

Every refusal is a :class:`SyncRefused` (a :class:`UserError`), so the window shows it, the
command line prints it and exits non-zero, and the import ledger records it.
"""

from __future__ import annotations

from typing import Any

from desktop.core.errors import UserError
from desktop.core.i18n import Msg


class SyncRefused(UserError):
    """A file that cannot be used; nothing was changed because of it."""

    def __init__(self, message: Msg, **params: Any) -> None:
        super().__init__(message, **params)
