"""Conflicts: a file brought a record at the same version as the city's copy but with other
content. That should never happen (a commune raises the version on every change), so when
it does — a commune restored an old backup and edited again, or a file was damaged in a way
the checks did not catch — a person decides, and nothing is overwritten silently.

Taking the file's copy writes it over the city's (the city's copy goes to the history) on a
connection without foreign key enforcement, like an import (the record may refer to records
still on their way).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import utc_now
from db.enums import AuditAction, ConflictResolution
from db.models import MODELS_BY_RECORD_TYPE, AuditEntry, RecordHistory, SyncConflict
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.settings import actor_name
from desktop.sync.rules import rules_for
from desktop.sync.verify import commune_names

M_NO_CONFLICT = QT_TRANSLATE_NOOP("Sync", "This conflict no longer exists.")
M_ALREADY_DECIDED = QT_TRANSLATE_NOOP("Sync", "This conflict was already decided.")
M_RECORD_MOVED_ON = QT_TRANSLATE_NOOP(
    "Sync",
    "The record has changed since the conflict was found (a newer version arrived). "
    "Nothing was changed; refresh the list.",
)
IGNORED_FIELDS = frozenset({"change_seq"})


@dataclass(frozen=True)
class FieldDifference:
    field: str
    city_value: Any
    file_value: Any


@dataclass(frozen=True)
class ConflictRow:
    id: int
    commune_code: str
    commune_name: str
    record_type: str
    record_id: str
    version: int
    detected_at: datetime
    resolved_at: datetime | None
    resolution: ConflictResolution | None
    differences: tuple[FieldDifference, ...]


def _differences(existing: dict[str, Any], incoming: dict[str, Any]) -> tuple[FieldDifference, ...]:
    return tuple(
        FieldDifference(name, existing.get(name), incoming[name])
        for name in incoming
        if name not in IGNORED_FIELDS and existing.get(name) != incoming[name]
    )


def list_conflicts(session: Session, *, pending_only: bool = True) -> list[ConflictRow]:
    stmt = select(SyncConflict).order_by(SyncConflict.id)
    if pending_only:
        stmt = stmt.where(SyncConflict.resolved_at.is_(None))
    names = commune_names(session)
    return [
        ConflictRow(
            id=c.id,
            commune_code=c.commune_code,
            commune_name=names.get(c.commune_code, ""),
            record_type=c.record_type,
            record_id=c.record_id,
            version=c.version,
            detected_at=c.detected_at,
            resolved_at=c.resolved_at,
            resolution=c.resolution,
            differences=_differences(json.loads(c.existing_json), json.loads(c.incoming_json)),
        )
        for c in session.scalars(stmt)
    ]


def resolve_conflict(session: Session, conflict_id: int, resolution: ConflictResolution) -> None:
    """Keep the city's copy, or take the file's, and close the conflict."""
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise UserError(M_NO_CONFLICT)
    if conflict.resolved_at is not None:
        raise UserError(M_ALREADY_DECIDED)
    now = utc_now()
    conflict.resolved_at = now
    conflict.resolution = resolution
    if resolution is ConflictResolution.KEEP_EXISTING:
        session.flush()
        return
    model = MODELS_BY_RECORD_TYPE[conflict.record_type]
    table = model.__tablename__
    incoming = json.loads(conflict.incoming_json)
    known = rules_for(model).columns
    values = {k: v for k, v in incoming.items() if k in known and k != "id"}
    conn = session.connection().connection.driver_connection
    assert conn is not None
    current = conn.execute(
        f"SELECT version FROM {table} WHERE id = ?", (conflict.record_id,)
    ).fetchone()
    if current is None or current[0] != conflict.version:
        raise UserError(M_RECORD_MOVED_ON)
    assignments = ", ".join(f"{name} = ?" for name in values)
    conn.execute(
        f"UPDATE {table} SET {assignments} WHERE id = ? AND version = ?",
        (*values.values(), conflict.record_id, conflict.version),
    )
    session.add(
        RecordHistory(
            import_id=conflict.import_id,
            record_type=conflict.record_type,
            record_id=conflict.record_id,
            version=conflict.version,
            payload_json=conflict.existing_json,
            replaced_at=now,
        )
    )
    session.add(
        AuditEntry(
            actor=actor_name(session),
            action=AuditAction.IMPORT,
            record_type=conflict.record_type,
            record_id=conflict.record_id,
            version=conflict.version,
            before_json=conflict.existing_json,
            after_json=conflict.incoming_json,
        )
    )
    session.flush()
