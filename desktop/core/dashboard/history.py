"""The whole change history in words people read: which kind of record, which fields, the
values before and after as they are shown elsewhere (1.234.567 đ, 05/02/2026, labels rather
than stored codes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from db.enums import AuditAction
from desktop.core.audit import audit_trail
from desktop.core.record_labels import describe_changes, record_type_label


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    actor: str
    action: AuditAction
    record_type: str
    record_id: str
    version: int
    changes: str

    @property
    def record_label(self) -> str:
        return record_type_label(self.record_type)


def change_history(
    session: Session,
    *,
    record_types: tuple[str, ...] = (),
    record_id: str | None = None,
    limit: int = 5000,
) -> list[HistoryRow]:
    """The latest ``limit`` changes (of some record types, or one record, or all), newest
    first."""
    return [
        HistoryRow(
            row.at,
            row.actor,
            row.action,
            row.record_type,
            row.record_id,
            row.version,
            describe_changes(row.record_type, row.changes),
        )
        for row in audit_trail(session, record_types=record_types, record_id=record_id, limit=limit)
    ]
