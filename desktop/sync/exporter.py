"""The commune side: make the file for the city, and keep the list of files made.

An export carries every record whose change number is above the previous export's (a
full snapshot carries every record, deleted ones as tombstones), so nothing changed between
two exports can be missed. The file is written to the data folder's ``exports`` folder
(and copied wherever the clerk asks) before the export is entered in the ledger, in one
transaction; a failure leaves neither a ledger entry nor a file.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import utc_now
from db.enums import ExportState
from db.migrate import head_revision
from db.models import SYNCED_MODELS, ExportRecord
from desktop.core.errors import UserError
from desktop.core.formatting import format_stored_date, local_time
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import require_office
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.records import current_change_seq
from desktop.core.userfiles import write_atomically
from desktop.sync import container, crypto, keys, payload
from desktop.sync.bulletin_apply import latest_applied
from desktop.sync.files import export_file_name
from desktop.sync.manifest import SIGNATURE_LABEL, BulletinRef, Manifest
from desktop.sync.privacy import WITHHELD
from desktop.version import app_version

M_CITY_DOES_NOT_EXPORT = QT_TRANSLATE_NOOP(
    "Sync", "The city office receives sync files; it does not make them."
)
M_NO_CITY_KEY = QT_TRANSLATE_NOOP(
    "Sync",
    "This office does not have the city's key yet, so it cannot make a file for the city. "
    "Ask the city office for its key file (.tdcskey) and import it on the Sync page "
    "(or: tdcs keys import-city FILE).",
)
M_NOTHING_TO_SEND = QT_TRANSLATE_NOOP(
    "Sync",
    "Nothing has changed since file {seq} of {date}, so there is nothing to send. To send a "
    "complete copy anyway, make a full file.",
)
M_NOTHING_YET = QT_TRANSLATE_NOOP(
    "Sync", "There are no records to send yet. Enter the office's data first."
)
M_NO_SUCH_EXPORT = QT_TRANSLATE_NOOP("Sync", "There is no file number {seq}.")


@dataclass(frozen=True)
class ExportResult:
    export_id: str
    seq: int
    path: Path
    copy: Path | None
    full_snapshot: bool
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ExportRow:
    """One line of the export history."""

    id: str
    seq: int
    file_name: str
    created_at: datetime
    full_snapshot: bool
    total: int
    state: ExportState
    sent_at: datetime | None
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class PendingChanges:
    """What the next export would carry."""

    changes: int
    last_seq: int | None
    last_created_at: datetime | None
    city_key: bool


def _last_export(session: Session) -> ExportRecord | None:
    return session.scalars(select(ExportRecord).order_by(ExportRecord.seq.desc()).limit(1)).first()


def pending_changes(session: Session) -> PendingChanges:
    office = require_office(session)
    last = _last_export(session)
    after = last.to_change_seq if last else 0
    conn = session.connection().connection.driver_connection
    assert conn is not None
    total = 0
    for model in SYNCED_MODELS:
        row = conn.execute(
            f"SELECT count(*) FROM {model.__tablename__} WHERE commune_code = ? AND change_seq > ?",
            (office.unit_code, after),
        ).fetchone()
        total += int(row[0])
    return PendingChanges(
        total,
        last.seq if last else None,
        last.created_at if last else None,
        keys.trusted_city_key(session) is not None,
    )


def make_export(
    session: Session,
    folder: Path,
    *,
    full: bool = False,
    copy_to: Path | None = None,
    progress: Progress = NO_PROGRESS,
) -> ExportResult:
    """Write the next sync file into ``folder`` (and a copy into ``copy_to``) and enter it
    in the export ledger, in the caller's transaction."""
    office = require_office(session)
    if office.is_city:
        raise UserError(M_CITY_DOES_NOT_EXPORT)
    city = keys.trusted_city_key(session)
    if city is None:
        raise UserError(M_NO_CITY_KEY)
    signing = keys.ensure_commune_key(session)
    last = _last_export(session)
    after = 0 if full or last is None else last.to_change_seq
    through = current_change_seq(session)
    progress.report(0, 4)
    conn = session.connection().connection.driver_connection
    assert conn is not None
    tables = payload.read_tables(conn, office.unit_code, after=after, through=through)
    if not full and not tables:
        if last is None:
            raise UserError(M_NOTHING_YET)
        raise UserError(M_NOTHING_TO_SEND, seq=last.seq, date=format_stored_date(last.created_at))
    progress.report(1, 4)
    now = utc_now()
    seq = (last.seq + 1) if last else 1
    manifest, sealed = seal_export(
        tables,
        FileIdentity(
            commune_code=office.unit_code,
            commune_name=office.unit_name,
            seq=seq,
            previous_export_id=last.id if last else None,
            full_snapshot=full,
            created_at=now,
            change_after=after,
            change_through=through,
            covers_from=None if full or last is None else last.created_at,
            bulletin=latest_applied(session),
        ),
        signing,
        city.encryption_public,
    )
    counts = manifest.counts
    progress.report(3, 4)
    name = export_file_name(
        office.unit_code, office.unit_name, seq, local_time(now).date(), full=full
    )
    path = write_atomically(folder / name, sealed, private=True)
    try:
        session.add(
            ExportRecord(
                id=manifest.export_id,
                seq=seq,
                previous_id=manifest.previous_export_id,
                file_name=name,
                created_at=now,
                full_snapshot=full,
                from_change_seq=after,
                to_change_seq=through,
                counts_json=json.dumps(counts, sort_keys=True),
                payload_sha256=manifest.payload_sha256,
                state=ExportState.CREATED,
            )
        )
        session.flush()
        copy = None
        if copy_to is not None and copy_to.resolve() != folder.resolve():
            copy = write_atomically(copy_to / name, sealed, private=True)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    progress.report(4, 4)
    return ExportResult(manifest.export_id, seq, path, copy, full, counts)


@dataclass(frozen=True)
class FileIdentity:
    """Which file of which commune, and which changes it covers."""

    commune_code: str
    commune_name: str
    seq: int
    previous_export_id: str | None
    full_snapshot: bool
    created_at: datetime
    change_after: int
    change_through: int
    covers_from: datetime | None
    #: The city's bulletin applied last (the city's board shows it).
    bulletin: BulletinRef | None = None


def seal_export(
    tables: list[payload.Table],
    identity: FileIdentity,
    signing: crypto.KeyPair,
    city_public: bytes,
) -> tuple[Manifest, bytes]:
    """The bytes of a sync file: payload, manifest, signature, ZIP bundle, encryption.
    Pure (no database), so the benchmark can make a city's worth of files from one
    generated database."""
    body = payload.encode(tables)
    manifest = Manifest(
        schema_version=head_revision(),
        app_version=app_version(),
        commune_code=identity.commune_code,
        commune_name=identity.commune_name,
        export_id=str(uuid.uuid4()),
        seq=identity.seq,
        previous_export_id=identity.previous_export_id,
        full_snapshot=identity.full_snapshot,
        created_at=identity.created_at.isoformat(sep=" "),
        change_after=identity.change_after,
        change_through=identity.change_through,
        covers_from=identity.covers_from.isoformat(sep=" ") if identity.covers_from else None,
        counts={t.record_type: len(t.rows) for t in tables},
        withheld={k: sorted(v) for k, v in sorted(WITHHELD.items())},
        payload_sha256=hashlib.sha256(body).hexdigest(),
        payload_size=len(body),
        recipient_key_id=crypto.key_id(city_public).hex(),
        signing_key=signing.public,
        bulletin=identity.bulletin,
    )
    manifest_bytes = manifest.to_json()
    signature = crypto.sign(signing.private, SIGNATURE_LABEL, manifest_bytes)
    archive = container.pack_bundle(container.Bundle(manifest_bytes, signature, body))
    return manifest, container.seal_bundle(archive, city_public)


def list_exports(session: Session) -> list[ExportRow]:
    rows = session.scalars(select(ExportRecord).order_by(ExportRecord.seq.desc()))
    return [
        ExportRow(
            id=r.id,
            seq=r.seq,
            file_name=r.file_name,
            created_at=r.created_at,
            full_snapshot=r.full_snapshot,
            total=sum(json.loads(r.counts_json or "{}").values()),
            state=r.state,
            sent_at=r.sent_at,
            acknowledged_at=r.acknowledged_at,
        )
        for r in rows
    ]


def mark_sent(session: Session, seq: int) -> ExportRow:
    """The clerk says the file went out (e-mail, USB stick)."""
    record = session.scalars(select(ExportRecord).where(ExportRecord.seq == seq)).first()
    if record is None:
        raise UserError(M_NO_SUCH_EXPORT, seq=seq)
    if record.state is ExportState.CREATED:
        record.state = ExportState.SENT
        record.sent_at = utc_now()
        session.flush()
    return next(r for r in list_exports(session) if r.seq == seq)


def export_path(folder: Path, row: ExportRow) -> Path:
    return folder / row.file_name


def copy_export(folder: Path, row: ExportRow, target_dir: Path) -> Path:
    """Copy an earlier file again (to re-send one the city reports missing)."""
    with export_path(folder, row).open("rb") as source:
        return write_atomically(
            target_dir / row.file_name,
            lambda out: shutil.copyfileobj(source, out),
            private=True,
        )
