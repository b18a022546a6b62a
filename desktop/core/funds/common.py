"""What the recording services of this package share: field checks that several forms use
and the create-or-update step through the record store."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from db.base import SyncedRecord
from desktop.core import validation
from desktop.core.errors import FormErrors, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store

M_FUTURE = QT_TRANSLATE_NOOP("Funds", "This date is in the future.")
M_CHOOSE = QT_TRANSLATE_NOOP("Funds", "Choose one.")


class Checks:
    """Runs field checks and keeps every failure, so a form shows all its problems at once."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def run(self, check: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return check(*args, **kwargs)
        except ValidationError as error:
            self.errors.append(error)
            return None

    def fail(self, field: str, message: Any, **params: Any) -> None:
        self.errors.append(ValidationError(field, message, **params))

    def has(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise FormErrors(self.errors)


def past_date(value: date | None, field: str, *, today: date, required: bool = True) -> date | None:
    """A date in the accepted range and not after ``today``."""
    day = validation.date_in_range(value, field, required=required)
    if day is not None and day > today:
        raise ValidationError(field, M_FUTURE)
    return day


def choice(value: Any, field: str) -> Any:
    if value is None or value == "":
        raise ValidationError(field, M_CHOOSE)
    return value


def save(
    session: Session,
    model: type[SyncedRecord],
    values: Mapping[str, Any],
    record_id: str | None,
    expected_version: int | None,
) -> str:
    """Create (``record_id`` None) or update a record through the record store."""
    store = record_store(session)
    if record_id is None:
        return store.create(model, values)
    store.update(model, record_id, values, expected_version=expected_version)
    return record_id


def deleter(model: type[SyncedRecord]) -> Callable[..., None]:
    """``delete(session, record_id, *, expected_version=None)`` for ``model``: a tombstone."""

    def delete(session: Session, record_id: str, *, expected_version: int | None = None) -> None:
        record_store(session).delete(model, record_id, expected_version=expected_version)

    delete.__doc__ = f"Tombstone a {model.record_type} (undo with its restore)."
    return delete


def restorer(model: type[SyncedRecord]) -> Callable[[Session, str], None]:
    """``restore(session, record_id)`` for ``model``: undoes a delete."""

    def restore(session: Session, record_id: str) -> None:
        record_store(session).restore(model, record_id)

    restore.__doc__ = f"Undo the delete of a {model.record_type}."
    return restore
