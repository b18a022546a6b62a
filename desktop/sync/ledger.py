"""The city's import ledger: every file received, imported or refused.

``imports.counts_json`` keeps, besides the counts per record type, what the board needs
about each file (full snapshot or not, when the commune made it) and the summary of what
it changed, and the receipt written for it (see :mod:`desktop.sync.receipts`), so no extra
table is needed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import ImportOutcome
from db.models import ImportRecord


@dataclass(frozen=True)
class AppliedImport:
    id: int
    commune_code: str
    export_id: str | None
    seq: int
    file_sha256: str
    received_at: datetime
    full_snapshot: bool
    export_created_at: datetime | None


@dataclass(frozen=True)
class LedgerRow:
    """One line of the import history."""

    id: int
    file_name: str
    commune_code: str
    commune_name: str
    seq: int | None
    received_at: datetime
    outcome: ImportOutcome
    full_snapshot: bool
    summary: dict[str, int]
    message: str
    problems: tuple[str, ...]


def record_details(row: ImportRecord) -> dict[str, Any]:
    try:
        value = json.loads(row.counts_json or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def stored_time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def applied_imports(session: Session, commune_code: str | None = None) -> list[AppliedImport]:
    stmt = select(ImportRecord).where(ImportRecord.outcome == ImportOutcome.APPLIED)
    if commune_code is not None:
        stmt = stmt.where(ImportRecord.commune_code == commune_code)
    result = []
    for row in session.scalars(stmt.order_by(ImportRecord.id)):
        details = record_details(row)
        result.append(
            AppliedImport(
                id=row.id,
                commune_code=row.commune_code or "",
                export_id=row.export_id,
                seq=row.seq or 0,
                file_sha256=row.file_sha256,
                received_at=row.received_at,
                full_snapshot=bool(details.get("full_snapshot")),
                export_created_at=stored_time(details.get("export_created_at")),
            )
        )
    return result


def missing_files(seqs: Iterable[int], full_snapshots: Iterable[int]) -> list[int]:
    """File numbers below the highest received that have not arrived; a full snapshot
    replaces every file before it, so gaps before the latest one no longer matter."""
    received = set(seqs)
    if not received:
        return []
    floor = max(full_snapshots, default=0)
    return [seq for seq in range(floor + 1, max(received)) if seq not in received]


def ledger_rows(session: Session, names: dict[str, str], limit: int = 5000) -> list[LedgerRow]:
    stmt = select(ImportRecord).order_by(ImportRecord.id.desc()).limit(limit)
    rows = []
    for row in session.scalars(stmt):
        details = record_details(row)
        summary = details.get("summary")
        problems = details.get("problems")
        rows.append(
            LedgerRow(
                id=row.id,
                file_name=row.file_name,
                commune_code=row.commune_code or "",
                commune_name=names.get(row.commune_code or "", ""),
                seq=row.seq,
                received_at=row.received_at,
                outcome=row.outcome,
                full_snapshot=bool(details.get("full_snapshot")),
                summary=summary if isinstance(summary, dict) else {},
                message=row.message,
                problems=tuple(str(p) for p in problems) if isinstance(problems, list) else (),
            )
        )
    return rows
