"""What the recording services of this package share: field checks that several forms use
(the delete and undo of a record are :mod:`desktop.core.removal`'s)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

from desktop.core import validation
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

E = TypeVar("E", bound=StrEnum)

M_FUTURE = QT_TRANSLATE_NOOP("Funds", "This date is in the future.")
M_CHOOSE = QT_TRANSLATE_NOOP("Funds", "Choose one.")


def past_date(value: date | None, field: str, *, today: date, required: bool = True) -> date | None:
    """A date in the accepted range and not after ``today``."""
    day = validation.date_in_range(value, field, required=required)
    if day is not None and day > today:
        raise ValidationError(field, M_FUTURE)
    return day


def choice(value: object, field: str, vocabulary: type[E]) -> E:
    """One of ``vocabulary``'s values (a member or its stored text)."""
    if value is None or value == "":
        raise ValidationError(field, M_CHOOSE)
    return vocabulary(str(value))
