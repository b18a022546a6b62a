"""Receipts: the city's signed word that it imported a file, which the commune imports
back to mark that export as acknowledged.

Layout::

    0  8  magic "TDCSRCPT"
    8  1  version (1)
    9  4  length N of the body, big-endian
    13 N  body: UTF-8 JSON
    …  64 Ed25519 signature by the city's signing key over "TDCS receipt v1\\n" ‖ body

A receipt holds nothing secret (which file, when, what it changed), so it is signed but not
encrypted.

At the city, each receipt written is remembered on its ledger line (``imports.counts_json``:
``receipt_file``, ``receipt_written_at``, ``receipt_sent_at``) until the person marks it as
e-mailed to the commune: :func:`receipts_to_send` lists the ones still to send. A receipt
written again (the commune says it never arrived) is to be sent again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import utc_now
from db.enums import ExportState, ImportOutcome
from db.models import ExportRecord, ImportRecord
from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import require_office
from desktop.core.userfiles import write_atomically
from desktop.sync import crypto, keys
from desktop.sync.container import MAGIC, RECEIPT_MAGIC
from desktop.sync.errors import SyncRefused
from desktop.sync.files import receipt_file_name
from desktop.sync.ledger import record_details, stored_time
from desktop.sync.manifest import (
    CLOCK_SLACK,
    EARLIEST_FILE_TIME,
    MAX_COUNT,
    day_text,
)
from desktop.sync.payload import load_json, shown
from desktop.sync.verify import commune_names

VERSION = 1
FORMAT = "tdcs-receipt"
SIGNATURE_LABEL = b"TDCS receipt v1\n"
MAX_RECEIPT = 64 * 1024
_PREFIX = len(RECEIPT_MAGIC) + 1 + 4

M_NOT_RECEIPT = QT_TRANSLATE_NOOP(
    "Sync",
    "This is not a receipt from the city. Receipts are files named BienNhan_….tdcsr that "
    "the city sends back after importing a file.",
)
M_IS_SYNC_FILE = QT_TRANSLATE_NOOP(
    "Sync",
    "This is a sync file, not a receipt. Sync files are sent to the city; the city sends "
    "back a receipt (BienNhan_….tdcsr).",
)
M_RECEIPT_NEWER = QT_TRANSLATE_NOOP(
    "Sync", "This receipt was made by a newer version of TDCS. Update TDCS, then import it again."
)
M_RECEIPT_NO_CITY_KEY = QT_TRANSLATE_NOOP(
    "Sync", "Import the city key first: without it a receipt cannot be checked."
)
M_RECEIPT_SIGNATURE = QT_TRANSLATE_NOOP(
    "Sync",
    "The receipt's signature is not the city's (or the receipt was changed). It was not accepted.",
)
M_RECEIPT_OTHER_COMMUNE = QT_TRANSLATE_NOOP(
    "Sync", "This receipt is for unit {code}, not for this office. It was not accepted."
)
M_RECEIPT_UNKNOWN_EXPORT = QT_TRANSLATE_NOOP(
    "Sync",
    "This receipt is for file {seq}, which does not match any file made here. It was not accepted.",
)
M_RECEIPT_TIME = QT_TRANSLATE_NOOP(
    "Sync",
    "The receipt says the city imported the file on {date}, which cannot be right. It was not "
    "accepted: ask the city office to check its computer's date and to send the receipt again.",
)
M_RECEIPT_ONLY_COMMUNE = QT_TRANSLATE_NOOP("Sync", "Receipts are imported at commune offices.")
M_NOT_IMPORTED = QT_TRANSLATE_NOOP("Sync", "No imported file has number {id} in the ledger.")
M_NO_RECEIPT = QT_TRANSLATE_NOOP("Sync", "No receipt was written for ledger line {id}.")


@dataclass(frozen=True)
class Acknowledgement:
    seq: int
    file_name: str
    imported_at: str
    already: bool
    summary: dict[str, int]


def receipt_bytes(session: Session, import_id: int) -> tuple[str, bytes]:
    """``(file name, bytes)`` of the receipt for an applied import."""
    record = session.get(ImportRecord, import_id)
    if record is None or record.outcome is not ImportOutcome.APPLIED:
        raise UserError(M_NOT_IMPORTED, id=import_id)
    _encryption, signing = keys.ensure_city_keys(session)
    details = json.loads(record.counts_json or "{}")
    names = commune_names(session)
    code = record.commune_code or ""
    body = {
        "format": FORMAT,
        "format_version": VERSION,
        "commune": {"code": code, "name": names.get(code, "")},
        "export": {
            "id": record.export_id,
            "seq": record.seq,
            "payload_sha256": details.get("payload_sha256", ""),
        },
        "file_sha256": record.file_sha256,
        "file_name": record.file_name,
        "imported_at": record.received_at.isoformat(sep=" "),
        "summary": details.get("summary", {}),
    }
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
    signature = crypto.sign(signing.private, SIGNATURE_LABEL, raw)
    data = RECEIPT_MAGIC + bytes([VERSION]) + len(raw).to_bytes(4, "big") + raw + signature
    return receipt_file_name(code, names.get(code, code), record.seq or 0), data


def write_receipt(session: Session, import_id: int, folder: Path) -> Path:
    """Write the receipt of an applied import into ``folder`` and put it on the list of
    receipts to send."""
    name, data = receipt_bytes(session, import_id)
    path = write_atomically(folder / name, data, private=True)
    record = session.get(ImportRecord, import_id)
    assert record is not None  # receipt_bytes checked it
    details = record_details(record)
    details.update(
        receipt_file=str(path),
        receipt_written_at=utc_now().isoformat(sep=" ", timespec="seconds"),
        receipt_sent_at=None,
    )
    record.counts_json = json.dumps(details, ensure_ascii=False, sort_keys=True)
    session.flush()
    return path


@dataclass(frozen=True)
class ReceiptToSend:
    """A receipt the city wrote and has not yet marked as e-mailed to its commune."""

    import_id: int
    commune_code: str
    commune_name: str
    seq: int | None
    file_name: str
    receipt: Path
    written_at: datetime | None

    @property
    def commune_label(self) -> str:
        return f"{self.commune_name} ({self.commune_code})" if self.commune_code else ""


def receipts_to_send(session: Session) -> list[ReceiptToSend]:
    """Receipts written and not yet marked as sent, oldest first."""
    names = commune_names(session)
    result = []
    stmt = (
        select(ImportRecord)
        .where(
            ImportRecord.outcome == ImportOutcome.APPLIED,
            ImportRecord.counts_json.contains('"receipt_file"'),
        )
        .order_by(ImportRecord.id)
    )
    for record in session.scalars(stmt):
        details = record_details(record)
        receipt = details.get("receipt_file")
        if not isinstance(receipt, str) or details.get("receipt_sent_at"):
            continue
        code = record.commune_code or ""
        result.append(
            ReceiptToSend(
                import_id=record.id,
                commune_code=code,
                commune_name=names.get(code, ""),
                seq=record.seq,
                file_name=record.file_name,
                receipt=Path(receipt),
                written_at=stored_time(details.get("receipt_written_at")),
            )
        )
    return result


def mark_receipt_sent(session: Session, import_id: int) -> None:
    """The receipt of ``import_id`` was e-mailed to its commune (idempotent)."""
    record = session.get(ImportRecord, import_id)
    details = record_details(record) if record is not None else {}
    if record is None or "receipt_file" not in details:
        raise UserError(M_NO_RECEIPT, id=import_id)
    if not details.get("receipt_sent_at"):
        details["receipt_sent_at"] = utc_now().isoformat(sep=" ", timespec="seconds")
        record.counts_json = json.dumps(details, ensure_ascii=False, sort_keys=True)
        session.flush()


def _parse(data: bytes) -> tuple[bytes, bytes]:
    if data.startswith(MAGIC):
        raise SyncRefused(M_IS_SYNC_FILE)
    if not data.startswith(RECEIPT_MAGIC) or len(data) < _PREFIX:
        raise SyncRefused(M_NOT_RECEIPT)
    if data[len(RECEIPT_MAGIC)] > VERSION:
        raise SyncRefused(M_RECEIPT_NEWER)
    if data[len(RECEIPT_MAGIC)] != VERSION:
        raise SyncRefused(M_NOT_RECEIPT)
    size = int.from_bytes(data[len(RECEIPT_MAGIC) + 1 : _PREFIX], "big")
    if len(data) != _PREFIX + size + crypto.SIGNATURE_SIZE:
        raise SyncRefused(M_NOT_RECEIPT)
    return data[_PREFIX : _PREFIX + size], data[_PREFIX + size :]


def accept_receipt(session: Session, data: bytes) -> Acknowledgement:
    """Check a receipt against the city's key and this office's ledger; mark the export
    acknowledged (idempotent)."""
    office = require_office(session)
    if office.is_city:
        raise SyncRefused(M_RECEIPT_ONLY_COMMUNE)
    if len(data) > MAX_RECEIPT:
        raise SyncRefused(M_NOT_RECEIPT)
    body_bytes, signature = _parse(data)
    city = keys.trusted_city_key(session)
    if city is None:
        raise SyncRefused(M_RECEIPT_NO_CITY_KEY)
    try:
        crypto.verify(city.signing_public, SIGNATURE_LABEL, body_bytes, signature)
    except crypto.CryptoFailure as error:
        raise SyncRefused(M_RECEIPT_SIGNATURE) from error
    try:
        body = load_json(body_bytes)
        code = body["commune"]["code"]
        export = body["export"]
        export_id, seq, payload_sha = export["id"], export["seq"], export["payload_sha256"]
        imported_at = str(body["imported_at"])
        summary = body.get("summary") or {}
    except (ValueError, KeyError, TypeError) as error:
        raise SyncRefused(M_NOT_RECEIPT) from error
    if body.get("format") != FORMAT or not isinstance(code, str):
        raise SyncRefused(M_NOT_RECEIPT)
    try:
        imported = datetime.fromisoformat(imported_at)
    except ValueError as error:
        raise SyncRefused(M_NOT_RECEIPT) from error
    if imported.isoformat(sep=" ") != imported_at or imported.tzinfo is not None:
        raise SyncRefused(M_NOT_RECEIPT)
    if not EARLIEST_FILE_TIME <= imported <= utc_now() + CLOCK_SLACK:
        raise SyncRefused(M_RECEIPT_TIME, date=day_text(imported))
    if code != office.unit_code:
        raise SyncRefused(M_RECEIPT_OTHER_COMMUNE, code=shown(code, 12))
    record = session.scalars(select(ExportRecord).where(ExportRecord.id == export_id)).first()
    if record is None or record.seq != seq or record.payload_sha256 != payload_sha:
        raise SyncRefused(M_RECEIPT_UNKNOWN_EXPORT, seq=shown(seq, 12))
    already = record.state is ExportState.ACKNOWLEDGED
    if not already:
        now = utc_now()
        record.state = ExportState.ACKNOWLEDGED
        record.acknowledged_at = now
        record.sent_at = record.sent_at or now
        session.flush()
    return Acknowledgement(
        record.seq,
        record.file_name,
        format_datetime(imported),
        already,
        {shown(k): v for k, v in summary.items() if type(v) is int and 0 <= v <= MAX_COUNT}
        if isinstance(summary, dict)
        else {},
    )
