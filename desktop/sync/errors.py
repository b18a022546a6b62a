"""Why a sync file, key file or receipt was refused, in words a clerk can act on.

Every refusal is a :class:`SyncRefused` (a :class:`UserError`), so the window shows it, the
command line prints it and exits non-zero, and the import ledger records it.
"""

from __future__ import annotations

from typing import Any

from desktop.core.errors import UserError
from desktop.core.i18n import Msg


class SyncRefused(UserError):
    """A file that cannot be used; nothing was changed because of it.

    ``file_commune`` and ``file_seq`` name the file's commune and number when a refusal
    before the signature was trusted still knows them (a file signed by another key than
    the commune's), so the ledger and the board can put the refusal under that commune."""

    def __init__(
        self,
        message: Msg,
        *,
        file_commune: str | None = None,
        file_seq: int | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message, **params)
        self.file_commune = file_commune
        self.file_seq = file_seq
