"""The delete of a record (a tombstone) and its undo, through the record store: one pair of
functions per record type, made here, so that every service deletes and undoes alike — the
version is required both ways, and the delete returns the version its undo expects.

A record type that only some office may change (the city's targets, notices and closed
periods) gives a ``guard``: it raises :class:`~desktop.core.errors.UserError` elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlalchemy.orm import Session

from db.base import SyncedRecord
from desktop.core.errors import UserError
from desktop.core.i18n import Msg
from desktop.core.office import record_store, require_office

#: Raises when this office may not change the record type.
Guard = Callable[[Session], None]


class Delete(Protocol):
    def __call__(self, session: Session, record_id: str, *, expected_version: int) -> int: ...


class Restore(Protocol):
    def __call__(self, session: Session, record_id: str, *, expected_version: int) -> int: ...


def _allowed(session: Session, guard: Guard | None) -> None:
    if guard is not None:
        guard(session)


def deleter(model: type[SyncedRecord], guard: Guard | None = None) -> Delete:
    """``delete(session, record_id, *, expected_version)`` for ``model``: a tombstone; it
    returns the version the delete left (what its undo expects)."""

    def delete(session: Session, record_id: str, *, expected_version: int) -> int:
        _allowed(session, guard)
        return record_store(session).delete(model, record_id, expected_version=expected_version)

    delete.__doc__ = f"Tombstone a {model.record_type} (undo with its restore)."
    return delete


def restorer(model: type[SyncedRecord], guard: Guard | None = None) -> Restore:
    """``restore(session, record_id, *, expected_version)`` for ``model``: undoes a delete
    from the version the delete left."""

    def restore(session: Session, record_id: str, *, expected_version: int) -> int:
        _allowed(session, guard)
        return record_store(session).restore(model, record_id, expected_version=expected_version)

    restore.__doc__ = f"Undo the delete of a {model.record_type}."
    return restore


def only_at_city(message: Msg) -> Guard:
    """A guard for what only the city office decides (``message`` says so elsewhere)."""

    def guard(session: Session) -> None:
        if not require_office(session).is_city:
            raise UserError(message)

    return guard
