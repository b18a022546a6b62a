"""The city's board: for each of the 103 communes, which files arrived, which are missing,
when the last one was imported, what is refused or waiting for a decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import ImportOutcome
from db.models import ImportRecord, SyncConflict
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.office import CommuneInfo, list_communes
from desktop.sync.keys import pinned_commune_keys
from desktop.sync.ledger import AppliedImport, applied_imports, missing_files

M_ONE_MISSING = QT_TRANSLATE_NOOP("Sync", "File {seq} from {commune} has not arrived.")
M_MANY_MISSING = QT_TRANSLATE_NOOP("Sync", "Files {seqs} from {commune} have not arrived.")
M_NO_FILE = QT_TRANSLATE_NOOP("Sync", "No file sent yet")
M_ONLY_REFUSED = QT_TRANSLATE_NOOP("Sync", "No file imported yet: every file was refused")


@dataclass(frozen=True)
class CommuneStatus:
    commune: CommuneInfo
    files: int
    last_seq: int | None
    last_file_made: datetime | None
    last_import: datetime | None
    missing: tuple[int, ...]
    refused_since: int
    conflicts: int
    key_fingerprint: str | None

    @property
    def code(self) -> str:
        return self.commune.code

    @property
    def name(self) -> str:
        return self.commune.name

    def gap_text(self) -> str:
        """``"File 6 from Cái Khế has not arrived."`` (empty when nothing is missing)."""
        if not self.missing:
            return ""
        if len(self.missing) == 1:
            return tr(M_ONE_MISSING, seq=self.missing[0], commune=self.name)
        return tr(M_MANY_MISSING, seqs=ranges(self.missing), commune=self.name)

    def files_text(self) -> str:
        """What the board says about the commune's files: ``"No file sent yet"`` for a
        commune the city never heard from, the gaps otherwise (empty when complete)."""
        if not self.files:
            return tr(M_ONLY_REFUSED if self.refused_since else M_NO_FILE)
        return self.gap_text()


def ranges(numbers: tuple[int, ...]) -> str:
    """``(6, 9, 10, 11)`` → ``"6, 9–11"``."""
    parts: list[str] = []
    start = previous = numbers[0]
    for number in (*numbers[1:], None):
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def board(session: Session) -> list[CommuneStatus]:
    applied: dict[str, list[AppliedImport]] = {}
    for row in applied_imports(session):
        applied.setdefault(row.commune_code, []).append(row)
    refused_rows = session.execute(
        select(ImportRecord.commune_code, ImportRecord.id).where(
            ImportRecord.outcome == ImportOutcome.REJECTED
        )
    ).all()
    conflicts = dict(
        session.execute(
            select(SyncConflict.commune_code, func.count())
            .where(SyncConflict.resolved_at.is_(None))
            .group_by(SyncConflict.commune_code)
        ).all()
    )
    pinned = pinned_commune_keys(session)
    result = []
    for commune in list_communes(session):
        rows = applied.get(commune.code, [])
        last_applied_id = max((r.id for r in rows), default=0)
        latest = max(rows, key=lambda r: r.seq, default=None)
        key = pinned.get(commune.code)
        result.append(
            CommuneStatus(
                commune=commune,
                files=len(rows),
                last_seq=latest.seq if latest else None,
                last_file_made=latest.export_created_at if latest else None,
                last_import=max((r.received_at for r in rows), default=None),
                missing=tuple(
                    missing_files((r.seq for r in rows), (r.seq for r in rows if r.full_snapshot))
                ),
                refused_since=sum(
                    1 for code, i in refused_rows if code == commune.code and i > last_applied_id
                ),
                conflicts=int(conflicts.get(commune.code, 0)),
                key_fingerprint=key.fingerprint if key else None,
            )
        )
    return result
