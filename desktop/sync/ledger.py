"""The city's import ledger: every file received, imported or refused.

``imports.counts_json`` keeps, besides the counts per record type, what the board needs
about each file (full snapshot or not, when the commune made it, the key of a file that
waits for its commune's key to be confirmed) and the summary of what it changed, and the
receipt written for it (see :mod:`desktop.sync.receipts`), so no extra table is needed.

**Epochs.** Forgetting a commune's key (:func:`desktop.sync.keys.forget_commune_key`)
starts the commune afresh: the audit entry that records it holds the ledger's last line
then (``ledger_floor``), and the lines up to it no longer count for the commune's file
numbers, gaps and first file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import AuditAction, ImportOutcome
from db.models import AuditEntry, ImportRecord
from desktop.core.formatting import group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr


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
    #: The city's bulletin the commune had applied when it made the file (format 2).
    bulletin_seq: int | None = None
    bulletin_applied_at: datetime | None = None


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
    """A time kept in a ledger line, or ``None`` — also for one no real file has (a line
    written before files dated 9999 were refused would otherwise break every report)."""
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return moment if moment is not None and 2000 <= moment.year <= 2100 else None


#: ``audit_log.record_type`` of enrolling (create) and forgetting (delete) a commune's key.
KEY_RECORD = "commune_key"


def ledger_floors(session: Session) -> dict[str, int]:
    """For each commune whose key was ever forgotten, the last ledger line before its
    current epoch (see the module docstring)."""
    rows = session.execute(
        select(AuditEntry.record_id, AuditEntry.after_json).where(
            AuditEntry.record_type == KEY_RECORD, AuditEntry.action == AuditAction.DELETE
        )
    )
    floors: dict[str, int] = {}
    for code, after in rows:
        try:
            floor = json.loads(after or "{}").get("ledger_floor", 0)
        except (ValueError, AttributeError):
            continue
        if type(floor) is int:
            floors[code] = max(floors.get(code, 0), floor)
    return floors


def applied_imports(
    session: Session, commune_code: str | None = None, *, every_epoch: bool = False
) -> list[AppliedImport]:
    """The files imported, oldest first: of the communes' current epochs, or of all."""
    stmt = select(ImportRecord).where(ImportRecord.outcome == ImportOutcome.APPLIED)
    if commune_code is not None:
        stmt = stmt.where(ImportRecord.commune_code == commune_code)
    floors = {} if every_epoch else ledger_floors(session)
    result = []
    for row in session.scalars(stmt.order_by(ImportRecord.id)):
        if row.id <= floors.get(row.commune_code or "", 0):
            continue
        details = record_details(row)
        bulletin = details.get("bulletin")
        bulletin = bulletin if isinstance(bulletin, dict) else {}
        seq = bulletin.get("seq")
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
                bulletin_seq=seq if type(seq) is int and 0 < seq <= 10**6 else None,
                bulletin_applied_at=stored_time(bulletin.get("applied_at")),
            )
        )
    return result


#: File numbers that have not arrived, as inclusive ranges ``((2, 5), (7, 7))``: a file
#: numbered 10⁹ costs one pair, never a list of 10⁹ numbers.
Gaps = tuple[tuple[int, int], ...]

M_ONE_MISSING = QT_TRANSLATE_NOOP("Sync", "File {seq} from {commune} has not arrived.")
M_MANY_MISSING = QT_TRANSLATE_NOOP("Sync", "Files {seqs} from {commune} have not arrived.")


def missing_files(seqs: Iterable[int], full_snapshots: Iterable[int]) -> Gaps:
    """File numbers below the highest received that have not arrived; a full snapshot
    replaces every file before it, so gaps before the latest one no longer matter."""
    floor = max(full_snapshots, default=0)
    gaps: list[tuple[int, int]] = []
    expected = floor + 1
    for seq in sorted(set(seqs)):
        if seq < expected:
            continue
        if seq > expected:
            gaps.append((expected, seq - 1))
        expected = seq + 1
    return tuple(gaps)


def gaps_without(gaps: Gaps, numbers: Iterable[int]) -> Gaps:
    """``gaps`` less the file numbers in ``numbers`` (files that are on their way)."""
    result = list(gaps)
    for number in sorted(set(numbers)):
        for index, (start, end) in enumerate(result):
            if start <= number <= end:
                parts = [(start, number - 1), (number + 1, end)]
                result[index : index + 1] = [(a, b) for a, b in parts if a <= b]
                break
    return tuple(result)


def gap_count(gaps: Gaps) -> int:
    return sum(end - start + 1 for start, end in gaps)


def ranges(gaps: Gaps) -> str:
    """``((6, 6), (9, 11), (2000, 999999))`` → ``"6, 9–11, 2.000–999.999"``."""
    return ", ".join(
        group_thousands(start)
        if start == end
        else f"{group_thousands(start)}–{group_thousands(end)}"
        for start, end in gaps
    )


def missing_text(gaps: Gaps, commune: str) -> str:
    """``"File 6 from Cái Khế has not arrived."`` (empty when nothing is missing)."""
    if not gaps:
        return ""
    if gap_count(gaps) == 1:
        return tr(M_ONE_MISSING, seq=group_thousands(gaps[0][0]), commune=commune)
    return tr(M_MANY_MISSING, seqs=ranges(gaps), commune=commune)


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
