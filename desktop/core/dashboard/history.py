"""The whole change history in words people read: which kind of record and which record
("II.2.d, Quý III/2026", a donor and a date, a contract and its borrower — deleted records
too), which fields, the values before and after as they are shown elsewhere (1.234.567 đ,
05/02/2026, labels rather than stored codes, the record a reference points at by its name)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from db.enums import AuditAction
from desktop.core.audit import audit_trail
from desktop.core.record_labels import describe_changes, record_type_label
from desktop.core.record_names import REFERENCES, record_names


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    actor: str
    action: AuditAction
    record_type: str
    record_id: str
    version: int
    changes: str
    #: The record in words a person recognises (``II.2.d, Quý III/2026``).
    record_name: str = ""

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
    first; each names its record."""
    trail = audit_trail(session, record_types=record_types, record_id=record_id, limit=limit)
    keys = {(row.record_type, row.record_id) for row in trail}
    for row in trail:
        for field, values in row.changes.items():
            if field in REFERENCES:
                keys.update((REFERENCES[field], v) for v in values if isinstance(v, str))
    names = record_names(session, keys)
    by_id = {record_id: name for (_type, record_id), name in names.items()}
    return [
        HistoryRow(
            row.at,
            row.actor,
            row.action,
            row.record_type,
            row.record_id,
            row.version,
            describe_changes(row.record_type, row.changes, by_id),
            names[(row.record_type, row.record_id)],
        )
        for row in trail
    ]
