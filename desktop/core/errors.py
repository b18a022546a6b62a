"""Expected failures: things a person can act on, as opposed to bugs.

A :class:`UserError` carries a translatable message and its parameters; the interface
shows :meth:`UserError.text` (in the user's language), logs show ``str()`` (English). Bugs
are everything else and go to the crash dialog.
"""

from __future__ import annotations

from typing import Any

from desktop.core.i18n import Msg, tr


class UserError(Exception):
    """A failure with a clear explanation for the user (bad input, bad file, locked data)."""

    def __init__(self, message: Msg, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(str(message).format(**params) if params else str(message))

    def text(self) -> str:
        return tr(self.message, **self.params)


class ValidationError(UserError):
    """One field's value is not acceptable; ``field`` names it so a form can show the
    message under it."""

    def __init__(self, field: str, message: Msg, **params: Any) -> None:
        super().__init__(message, **params)
        self.field = field


class FormErrors(UserError):
    """Several fields failed at once; forms show each under its field."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.message, **first.params)

    def by_field(self) -> dict[str, str]:
        return {e.field: e.text() for e in self.errors}

    def text(self) -> str:
        return "\n".join(e.text() for e in self.errors)
