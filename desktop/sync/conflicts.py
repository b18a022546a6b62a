"""Conflicts: a file brought a record at the same version as the city's copy but with other
content. That should never happen (a commune raises the version on every change), so when
it does — a commune restored an old backup and edited again, or a file was damaged in a way
the checks did not catch — a person decides, and nothing is overwritten silently.

Taking the file's copy writes it over the city's (the city's copy goes to the history) on a
connection without foreign key enforcement, like an import (the record may refer to records
still on their way).

A decision can be undone while the record is still at the conflict's version: the conflict
waits again and, if the file's copy had been taken, the city's copy is put back (the file's
copy goes to the history in its turn). Every write of a copy is in the audit log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from db.base import SyncedRecord, utc_now
from db.enums import AuditAction, ConflictResolution
from db.models import MODELS_BY_RECORD_TYPE, AuditEntry, RecordHistory, SyncConflict
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.settings import actor_name
from desktop.sync.naming import RecordNamer
from desktop.sync.rules import Kind, rules_for
from desktop.sync.verify import commune_names

M_NO_CONFLICT = QT_TRANSLATE_NOOP("Sync", "This conflict no longer exists.")
M_ALREADY_DECIDED = QT_TRANSLATE_NOOP("Sync", "This conflict was already decided.")
M_RECORD_MOVED_ON = QT_TRANSLATE_NOOP(
    "Sync",
    "The record has changed since the conflict was found (a newer version arrived). "
    "Nothing was changed; refresh the list.",
)
M_NOT_DECIDED = QT_TRANSLATE_NOOP("Sync", "This conflict is still waiting for a decision.")
M_CLOSED_BY_NEWER = QT_TRANSLATE_NOOP(
    "Sync",
    "A newer version from the commune closed this conflict; there is no decision to undo.",
)
IGNORED_FIELDS = frozenset({"change_seq"})


@dataclass(frozen=True)
class FieldDifference:
    field: str
    city_value: Any
    file_value: Any
    #: The two values as the interface shows them (amounts, dates, labels, names of the
    #: records referred to).
    city_text: str = ""
    file_text: str = ""


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
    #: The record as people know it: ``"Contract 3112000012 — Nguyễn Thị Lan"``.
    record_label: str = ""

    @property
    def commune_label(self) -> str:
        return f"{self.commune_name} ({self.commune_code})"

    @property
    def waiting(self) -> bool:
        return self.resolved_at is None

    @property
    def can_undo(self) -> bool:
        """Decided by a person (not closed by a newer version)."""
        return self.resolved_at is not None and self.resolution is not None


def _differences(
    namer: RecordNamer, record_type: str, existing: dict[str, Any], incoming: dict[str, Any]
) -> tuple[FieldDifference, ...]:
    return tuple(
        FieldDifference(
            name,
            existing.get(name),
            incoming[name],
            namer.show(record_type, name, existing.get(name)),
            namer.show(record_type, name, incoming[name]),
        )
        for name in incoming
        if name not in IGNORED_FIELDS and existing.get(name) != incoming[name]
    )


def list_conflicts(session: Session, *, pending_only: bool = True) -> list[ConflictRow]:
    """Conflicts waiting for a decision (with ``pending_only=False``, the decided and the
    closed ones too), oldest first."""
    stmt = select(SyncConflict).order_by(SyncConflict.id)
    if pending_only:
        stmt = stmt.where(SyncConflict.resolved_at.is_(None))
    names = commune_names(session)
    namer = RecordNamer(session)
    rows = []
    for c in session.scalars(stmt):
        existing, incoming = json.loads(c.existing_json), json.loads(c.incoming_json)
        rows.append(
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
                differences=_differences(namer, c.record_type, existing, incoming),
                record_label=namer.name(c.record_type, {**incoming, **existing}),
            )
        )
    return rows


def resolve_conflict(session: Session, conflict_id: int, resolution: ConflictResolution) -> None:
    """Keep the city's copy, or take the file's, and close the conflict."""
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise UserError(M_NO_CONFLICT)
    if conflict.resolved_at is not None:
        raise UserError(M_ALREADY_DECIDED)
    if resolution is ConflictResolution.KEEP_EXISTING:
        _require_version(session, conflict)
    else:
        _write_copy(session, conflict, conflict.incoming_json, replaced=conflict.existing_json)
    conflict.resolved_at = utc_now()
    conflict.resolution = resolution
    session.flush()


def reopen_conflict(session: Session, conflict_id: int) -> None:
    """Undo a person's decision: the conflict waits again. If the file's copy had been
    taken, the city's copy is put back and the file's goes to the history."""
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise UserError(M_NO_CONFLICT)
    if conflict.resolved_at is None:
        raise UserError(M_NOT_DECIDED)
    if conflict.resolution is None:
        raise UserError(M_CLOSED_BY_NEWER)
    if conflict.resolution is ConflictResolution.TAKE_INCOMING:
        _write_copy(
            session,
            conflict,
            conflict.existing_json,
            replaced=conflict.incoming_json,
            action=AuditAction.RESTORE,
        )
    else:
        _require_version(session, conflict)
    conflict.resolved_at = None
    conflict.resolution = None
    session.flush()


def _require_version(session: Session, conflict: SyncConflict) -> None:
    """The record is still at the conflict's version (no newer one arrived since)."""
    table = MODELS_BY_RECORD_TYPE[conflict.record_type].__table__
    current = session.execute(
        select(table.c.version).where(table.c.id == conflict.record_id)
    ).scalar_one_or_none()
    if current != conflict.version:
        raise UserError(M_RECORD_MOVED_ON)


def stored_values(model: type[SyncedRecord], copy: dict[str, Any]) -> dict[str, Any]:
    """The values of a copy as the sync file writes them (JSON: dates and times as ISO
    text) turned into those of the model's columns, for any engine; fields the model does
    not know, and the id, are left out."""
    rules = rules_for(model).columns
    values: dict[str, Any] = {}
    for name, value in copy.items():
        rule = rules.get(name)
        if rule is None or name == "id":
            continue
        if value is not None and rule.kind is Kind.DATE and isinstance(value, str):
            value = date.fromisoformat(value)
        elif value is not None and rule.kind is Kind.TIME and isinstance(value, str):
            value = datetime.fromisoformat(value)
        elif value is not None and rule.kind is Kind.BOOL:
            value = bool(value)
        values[name] = value
    return values


def _write_copy(
    session: Session,
    conflict: SyncConflict,
    copy_json: str,
    *,
    replaced: str,
    action: AuditAction = AuditAction.IMPORT,
) -> None:
    """Write one of the conflict's two copies over the record (same version); the copy it
    replaces goes to the history, and the audit log says who did it."""
    _require_version(session, conflict)
    model = MODELS_BY_RECORD_TYPE[conflict.record_type]
    table = cast(Table, model.__table__)
    session.execute(
        update(table)
        .where(table.c.id == conflict.record_id, table.c.version == conflict.version)
        .values(stored_values(model, json.loads(copy_json)))
    )
    session.add(
        RecordHistory(
            import_id=conflict.import_id,
            record_type=conflict.record_type,
            record_id=conflict.record_id,
            version=conflict.version,
            payload_json=replaced,
            replaced_at=utc_now(),
        )
    )
    session.add(
        AuditEntry(
            actor=actor_name(session),
            action=action,
            record_type=conflict.record_type,
            record_id=conflict.record_id,
            version=conflict.version,
            before_json=replaced,
            after_json=copy_json,
        )
    )
