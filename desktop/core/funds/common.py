"""What the recording services of this package share: field checks that several forms use
and the delete and undo of a record through the record store."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from db.base import SyncedRecord
from desktop.core import validation
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store

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


class Delete(Protocol):
    def __call__(self, session: Session, record_id: str, *, expected_version: int) -> int: ...


def deleter(model: type[SyncedRecord]) -> Delete:
    """``delete(session, record_id, *, expected_version)`` for ``model``: a tombstone; it
    returns the version the delete left (what its undo expects)."""

    def delete(session: Session, record_id: str, *, expected_version: int) -> int:
        return record_store(session).delete(model, record_id, expected_version=expected_version)

    delete.__doc__ = f"Tombstone a {model.record_type} (undo with its restore)."
    return delete


class Restore(Protocol):
    def __call__(self, session: Session, record_id: str, *, expected_version: int) -> int: ...


def restorer(model: type[SyncedRecord]) -> Restore:
    """``restore(session, record_id, *, expected_version)`` for ``model``: undoes a delete
    from the version the delete left."""

    def restore(session: Session, record_id: str, *, expected_version: int) -> int:
        return record_store(session).restore(model, record_id, expected_version=expected_version)

    restore.__doc__ = f"Undo the delete of a {model.record_type}."
    return restore
