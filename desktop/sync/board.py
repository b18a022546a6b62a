"""The city's board: for each of the 103 communes, which files arrived, which are missing,
when the last one was imported, what is refused or waiting for a decision, which of the
city's bulletins the commune has applied (as its latest file says), and how many changes
it made to periods the city had closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import ImportOutcome
from db.models import ImportRecord, SyncConflict
from desktop.core.closed_periods import (
    LateCorrectionRow,
    late_correction_counts,
    list_late_corrections,
)
from desktop.core.database import Database
from desktop.core.formatting import format_stored_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.office import CommuneInfo, list_communes
from desktop.core.owners import ALL_COMMUNES
from desktop.sync.bulletin_issue import latest_for_communes
from desktop.sync.keys import WaitingKey, pinned_commune_keys, waiting_keys
from desktop.sync.ledger import (
    AppliedImport,
    Gaps,
    applied_imports,
    ledger_floors,
    missing_files,
    missing_text,
    ranges,
)

__all__ = ["Board", "CommuneStatus", "board", "ranges", "read_board"]

M_NO_FILE = QT_TRANSLATE_NOOP("Sync", "No file sent yet")
M_ONLY_REFUSED = QT_TRANSLATE_NOOP("Sync", "No file imported yet: every file was refused")
M_BULLETIN = QT_TRANSLATE_NOOP("Sync", "No. {seq} (applied {date})")
M_BULLETIN_BEHIND = QT_TRANSLATE_NOOP("Sync", "No. {seq} (applied {date}); no. {latest} not yet")
M_NO_BULLETIN = QT_TRANSLATE_NOOP("Sync", "None yet (no. {latest} made)")
M_WAITING_KEY = QT_TRANSLATE_NOOP(
    "Sync",
    "{files} files wait for the commune's key to be confirmed (fingerprint {fingerprints})",
)


@dataclass(frozen=True)
class CommuneStatus:
    commune: CommuneInfo
    files: int
    last_seq: int | None
    last_file_made: datetime | None
    last_import: datetime | None
    missing: Gaps
    refused_since: int
    conflicts: int
    key_fingerprint: str | None
    #: Fingerprints of keys that signed files waiting for the commune's key to be enrolled.
    waiting: tuple[str, ...] = ()
    waiting_files: int = 0
    #: The city's bulletin the commune had applied when it made its latest file.
    bulletin_seq: int | None = None
    bulletin_applied_at: datetime | None = None
    #: The newest bulletin the city made for it (to it, or to every commune).
    bulletin_latest: int | None = None
    #: Changes the commune made to records of periods the city had closed.
    late_corrections: int = 0

    @property
    def code(self) -> str:
        return self.commune.code

    @property
    def name(self) -> str:
        return self.commune.name

    def gap_text(self) -> str:
        """``"File 6 from Cái Khế has not arrived."`` (empty when nothing is missing)."""
        return missing_text(self.missing, self.name)

    @property
    def bulletin_behind(self) -> bool:
        """The city made a bulletin for it that its files do not say it applied."""
        return self.bulletin_latest is not None and (self.bulletin_seq or 0) < self.bulletin_latest

    def bulletin_text(self) -> str:
        """``"No. 5 (applied 12/10/2026)"``, with the newer one it has not applied yet."""
        if self.bulletin_seq is None:
            if self.bulletin_latest is None:
                return ""
            return tr(M_NO_BULLETIN, latest=self.bulletin_latest)
        date = format_stored_date(self.bulletin_applied_at)
        if self.bulletin_behind:
            return tr(
                M_BULLETIN_BEHIND, seq=self.bulletin_seq, date=date, latest=self.bulletin_latest
            )
        return tr(M_BULLETIN, seq=self.bulletin_seq, date=date)

    def waiting_text(self) -> str:
        """``"2 files wait for the commune's key to be confirmed (fingerprint …)"``."""
        if not self.waiting:
            return ""
        return tr(M_WAITING_KEY, files=self.waiting_files, fingerprints="; ".join(self.waiting))

    def files_text(self) -> str:
        """What the board says about the commune's files: files waiting for its key to be
        confirmed, ``"No file sent yet"`` for a commune the city never heard from, the gaps
        otherwise (empty when complete)."""
        if self.waiting:
            return self.waiting_text()
        if not self.files:
            return tr(M_ONLY_REFUSED if self.refused_since else M_NO_FILE)
        return self.gap_text()


def board(session: Session) -> list[CommuneStatus]:
    applied: dict[str, list[AppliedImport]] = {}
    for row in applied_imports(session):
        applied.setdefault(row.commune_code, []).append(row)
    refused_rows = session.execute(
        select(ImportRecord.commune_code, ImportRecord.id).where(
            ImportRecord.outcome == ImportOutcome.REJECTED,
            ImportRecord.counts_json.not_like('%"waiting_key"%'),
        )
    ).all()
    floors = ledger_floors(session)
    waiting: dict[str, list[WaitingKey]] = {}
    for found in waiting_keys(session):
        waiting.setdefault(found.commune_code, []).append(found)
    conflicts = dict(
        session.execute(
            select(SyncConflict.commune_code, func.count())
            .where(SyncConflict.resolved_at.is_(None))
            .group_by(SyncConflict.commune_code)
        ).all()
    )
    pinned = pinned_commune_keys(session)
    issued = latest_for_communes(session)
    late = late_correction_counts(session)
    result = []
    for commune in list_communes(session):
        rows = applied.get(commune.code, [])
        last_applied_id = max((r.id for r in rows), default=floors.get(commune.code, 0))
        latest = max(rows, key=lambda r: r.seq, default=None)
        key = pinned.get(commune.code)
        told = max(
            (r for r in rows if r.bulletin_seq is not None),
            key=lambda r: (r.bulletin_seq or 0, r.id),
            default=None,
        )
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
                waiting=tuple(k.fingerprint for k in waiting.get(commune.code, [])),
                waiting_files=sum(k.files for k in waiting.get(commune.code, [])),
                bulletin_seq=told.bulletin_seq if told else None,
                bulletin_applied_at=told.bulletin_applied_at if told else None,
                bulletin_latest=issued.get(commune.code),
                late_corrections=late.get(commune.code, 0),
            )
        )
    return result


@dataclass(frozen=True)
class Board:
    """What the board shows: each commune's state, and the changes communes made to periods
    the city had closed."""

    communes: list[CommuneStatus]
    late_corrections: list[LateCorrectionRow]


def read_board(database: Database) -> Board:
    """The board, read in one snapshot (:meth:`Database.snapshot`): a file imported while
    it is read shows on every line, or on none."""
    with database.snapshot() as session:
        return Board(board(session), list_late_corrections(session, ALL_COMMUNES))
