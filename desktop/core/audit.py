"""Reading the audit log: who changed what, and when."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import AuditAction
from db.models import AuditEntry
from db.serialize import JsonValue


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    action: AuditAction
    record_type: str
    record_id: str
    version: int
    changes: dict[str, tuple[JsonValue, JsonValue]]


_HIDDEN = {"version", "updated_at", "change_seq", "created_at", "id", "commune_code"}


def _changes(before: str | None, after: str | None) -> dict[str, tuple[JsonValue, JsonValue]]:
    old = json.loads(before) if before else {}
    new = json.loads(after) if after else {}
    keys = [k for k in (new or old) if k not in _HIDDEN]
    return {k: (old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)}


def audit_trail(
    session: Session,
    *,
    record_types: tuple[str, ...] = (),
    record_id: str | None = None,
    limit: int = 2000,
) -> list[AuditRow]:
    """Newest first; narrowed to some record types or one record."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if record_types:
        query = query.where(AuditEntry.record_type.in_(record_types))
    if record_id:
        query = query.where(AuditEntry.record_id == record_id)
    return [
        AuditRow(
            e.at,
            e.actor,
            e.action,
            e.record_type,
            e.record_id,
            e.version,
            _changes(e.before_json, e.after_json),
        )
        for e in session.scalars(query)
    ]
