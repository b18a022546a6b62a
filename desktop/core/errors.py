"""Expected failures: things a person can act on, as opposed to bugs.

A :class:`UserError` carries a translatable message and its parameters; the interface
shows :meth:`UserError.text` (in the user's language), logs show ``str()`` (English). Bugs
are everything else and go to the crash dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from desktop.core.i18n import Msg, tr

P = ParamSpec("P")
V = TypeVar("V")


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


class ErrorCollector:
    """Gathers the problem of every field, so that a person sees them all after one Save
    instead of one per Save.

    Services run each field's rule through :meth:`check`, add the problems that rules of
    their own find with :meth:`add`, and raise once with :meth:`raise_if_any`; the interface
    reads its fields through a collector too (a date that cannot be read is its field's
    problem) and then runs the service's checks through the same one.
    """

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def check(self, rule: Callable[P, V], *args: P.args, **kwargs: P.kwargs) -> V | None:
        """``rule(*args, **kwargs)``, or ``None`` when it refuses the value (the problem is
        kept). A rule that refuses several fields at once (:class:`FormErrors`) adds only
        the problems of fields that have none yet: a field that could not be read keeps
        that message rather than a second one about the empty value."""
        try:
            return rule(*args, **kwargs)
        except ValidationError as error:
            self.errors.append(error)
        except FormErrors as errors:
            failed = {e.field for e in self.errors}
            self.errors.extend(e for e in errors.errors if e.field not in failed)
        return None

    def add(self, field: str, message: Msg, **params: Any) -> None:
        """A problem a service's own rule found (a duplicate, two fields that disagree)."""
        self.errors.append(ValidationError(field, message, **params))

    def has(self, field: str) -> bool:
        """Whether ``field`` already has a problem (to skip checks that build on it)."""
        return any(e.field == field for e in self.errors)

    def raise_if_any(self) -> None:
        """Raise every problem gathered as one :class:`FormErrors`."""
        if self.errors:
            raise FormErrors(list(self.errors))
