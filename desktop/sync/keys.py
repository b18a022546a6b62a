"""This office's keys and the keys it trusts.

- A commune has one Ed25519 signing key, made when the office is set up (or, for a data
  folder set up before sync existed, the first time it is needed). The city counts a
  commune's files only under a key **enrolled** for that commune: a first file signed by a
  key the city does not know waits, unapplied (its ledger line keeps the key), until a
  person at the city has the commune read its fingerprint out by phone and types it
  (:func:`confirm_commune_key`). One key belongs to one commune. Forgetting a commune's key
  (:func:`forget_commune_key`) starts the commune afresh (see :mod:`desktop.sync.ledger`).
- The city has an X25519 key that communes encrypt to and an Ed25519 key that signs
  receipts. Their public halves travel to the communes as a small "city key file"; a
  commune imports it once (``tdcs keys import-city FILE``).

Private keys stay in ``own_keys`` (and so in the database backups) and nowhere else.
Fingerprints are read out over the phone to confirm that a key is the right one.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.base import CITY_CODE, utc_now
from db.enums import AuditAction, ImportOutcome
from db.models import AuditEntry, Commune, ImportRecord, OwnKey, TrustedKey
from desktop.core.formatting import format_stored_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import CITY_NAME, OfficeInfo, require_office
from desktop.core.settings import actor_name
from desktop.core.userfiles import write_atomically
from desktop.sync import crypto
from desktop.sync.errors import SyncRefused
from desktop.sync.key_checks import usable_encryption_key, usable_signing_key
from desktop.sync.ledger import KEY_RECORD, ledger_floors, record_details
from desktop.sync.payload import load_json, shown

COMMUNE_SIGNING = "commune_signing"
CITY_ENCRYPTION = "city_encryption"
CITY_SIGNING = "city_signing"

KEY_FILE_FORMAT = "tdcs-city-key"
KEY_FILE_VERSION = 1
KEY_FILE_SUFFIX = ".tdcskey"
MAX_KEY_FILE = 64 * 1024

M_NOT_KEY_FILE = QT_TRANSLATE_NOOP(
    "Sync",
    "This is not a city key file. The city office makes it with “Export the city key” "
    "(tdcs keys export-city) and sends it to the communes.",
)
M_KEY_FILE_DAMAGED = QT_TRANSLATE_NOOP(
    "Sync",
    "The city key file is damaged (its keys do not match its fingerprint). Ask for it again.",
)
M_KEY_UNUSABLE = QT_TRANSLATE_NOOP(
    "Sync",
    "The city key file holds a key that cannot be used (for example a key of zeros): "
    "files encrypted to it could be read by anyone. It was not imported. Ask the city "
    "office for its key file again.",
)
M_KEY_FILE_NEWER = QT_TRANSLATE_NOOP(
    "Sync", "This city key file was made by a newer version of TDCS. Update TDCS first."
)
M_CITY_KEY_AT_CITY = QT_TRANSLATE_NOOP(
    "Sync", "This is the city office: it makes the city key, it does not import one."
)
M_ONLY_CITY = QT_TRANSLATE_NOOP("Sync", "Only the city office has a city key.")
M_ONLY_CITY_ENROLS = QT_TRANSLATE_NOOP("Sync", "Only the city office confirms communes' keys.")
M_NOT_A_COMMUNE = QT_TRANSLATE_NOOP(
    "Sync", "{code} is not the code of one of the 103 communes and wards of Cần Thơ."
)
M_FINGERPRINT_FORM = QT_TRANSLATE_NOOP(
    "Sync",
    "A key fingerprint has 24 digits (six groups of four); what was typed has {count}. Type "
    "the number the commune reads out, for example 6152 4176 0562 6515 7586 5327.",
)
M_ALREADY_ENROLLED = QT_TRANSLATE_NOOP(
    "Sync",
    "The key of {commune} was confirmed on {date} (fingerprint {fingerprint}). If the commune "
    "reinstalled TDCS without a backup, forget that key first (on the Sync page, or: tdcs "
    "keys forget-commune {code}).",
)
M_NO_WAITING_KEY = QT_TRANSLATE_NOOP(
    "Sync",
    "No file from {commune} that waits here is signed with the key {fingerprint}. Check the "
    "number with the commune again (its Sync page shows it under “This office's key "
    "fingerprint”). Files waiting from this commune: {files}.",
)
M_KEY_TAKEN = QT_TRANSLATE_NOOP(
    "Sync",
    "This key (fingerprint {fingerprint}) is already enrolled for {owner}. One key belongs to "
    "one commune: it cannot be enrolled for {commune}.",
)
M_CITY_KEY_CHANGED = QT_TRANSLATE_NOOP(
    "Sync",
    "This office already has a city key with fingerprint {old}; the file holds a different "
    "key ({new}). Confirm the new fingerprint with the city by phone, then import it again "
    "choosing to replace the old key.",
)


@dataclass(frozen=True)
class CityKey:
    encryption_public: bytes
    signing_public: bytes
    fingerprint: str
    pinned_at: datetime | None = None


@dataclass(frozen=True)
class PinnedKey:
    owner_code: str
    public_key: bytes
    fingerprint: str
    pinned_at: datetime


@dataclass(frozen=True)
class WaitingKey:
    """A key that signed files from a commune whose key is not enrolled yet."""

    commune_code: str
    public_key: bytes
    fingerprint: str
    files: int
    last_seen: datetime


def _own(session: Session, purpose: str) -> crypto.KeyPair | None:
    row = session.get(OwnKey, purpose)
    return crypto.KeyPair(row.private_key, row.public_key) if row else None


def _make(session: Session, purpose: str, pair: crypto.KeyPair) -> crypto.KeyPair:
    session.add(OwnKey(purpose=purpose, private_key=pair.private, public_key=pair.public))
    session.flush()
    return pair


def ensure_commune_key(session: Session) -> crypto.KeyPair:
    return _own(session, COMMUNE_SIGNING) or _make(
        session, COMMUNE_SIGNING, crypto.new_signing_key()
    )


def ensure_city_keys(session: Session) -> tuple[crypto.KeyPair, crypto.KeyPair]:
    """``(encryption, signing)`` key pairs of the city office, made on first use."""
    encryption = _own(session, CITY_ENCRYPTION) or _make(
        session, CITY_ENCRYPTION, crypto.new_encryption_key()
    )
    signing = _own(session, CITY_SIGNING) or _make(session, CITY_SIGNING, crypto.new_signing_key())
    return encryption, signing


def ensure_office_keys(session: Session) -> str:
    """Make this office's keys if it has none yet; return the fingerprint to show. Called
    right after the office is set up, in the same transaction."""
    office = require_office(session)
    if office.is_city:
        return own_city_key(session).fingerprint
    return crypto.fingerprint(ensure_commune_key(session).public)


def commune_fingerprint(session: Session) -> str:
    return crypto.fingerprint(ensure_commune_key(session).public)


def own_city_key(session: Session) -> CityKey:
    """The city office's public keys (made if missing)."""
    office = require_office(session)
    if not office.is_city:
        raise SyncRefused(M_ONLY_CITY)
    encryption, signing = ensure_city_keys(session)
    return CityKey(
        encryption.public, signing.public, crypto.fingerprint(encryption.public, signing.public)
    )


def city_key_file_bytes(session: Session) -> bytes:
    key = own_city_key(session)
    body = {
        "format": KEY_FILE_FORMAT,
        "format_version": KEY_FILE_VERSION,
        "unit_code": CITY_CODE,
        "unit_name": CITY_NAME,
        "encryption_key": base64.b64encode(key.encryption_public).decode("ascii"),
        "signing_key": base64.b64encode(key.signing_public).decode("ascii"),
        "fingerprint": key.fingerprint,
    }
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def export_city_key(session: Session, target: Path) -> Path:
    """Write the city key file that communes import."""
    if target.suffix != KEY_FILE_SUFFIX:
        target = target.with_name(target.name + KEY_FILE_SUFFIX)
    write_atomically(target, city_key_file_bytes(session), private=True)
    return target


def read_city_key_file(data: bytes) -> CityKey:
    """Check a city key file strictly and return the keys it holds."""
    if len(data) > MAX_KEY_FILE:
        raise SyncRefused(M_NOT_KEY_FILE)
    try:
        body = load_json(data)
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        raise SyncRefused(M_NOT_KEY_FILE) from error
    if not isinstance(body, dict) or body.get("format") != KEY_FILE_FORMAT:
        raise SyncRefused(M_NOT_KEY_FILE)
    version = body.get("format_version")
    if type(version) is int and version > KEY_FILE_VERSION:
        raise SyncRefused(M_KEY_FILE_NEWER)
    if version != KEY_FILE_VERSION or body.get("unit_code") != CITY_CODE:
        raise SyncRefused(M_NOT_KEY_FILE)
    try:
        encryption = crypto.check_public_key(
            base64.b64decode(str(body.get("encryption_key")), validate=True)
        )
        signing = crypto.check_public_key(
            base64.b64decode(str(body.get("signing_key")), validate=True)
        )
    except (binascii.Error, ValueError, crypto.CryptoFailure) as error:
        raise SyncRefused(M_KEY_FILE_DAMAGED) from error
    printed = crypto.fingerprint(encryption, signing)
    if body.get("fingerprint") != printed:
        raise SyncRefused(M_KEY_FILE_DAMAGED)
    try:
        usable_encryption_key(encryption)
        usable_signing_key(signing)
    except ValueError as error:
        raise SyncRefused(M_KEY_UNUSABLE) from error
    return CityKey(encryption, signing, printed)


def trusted_city_key(session: Session) -> CityKey | None:
    """The city's keys as imported at this commune, or ``None``."""
    encryption = session.get(TrustedKey, (CITY_CODE, CITY_ENCRYPTION))
    signing = session.get(TrustedKey, (CITY_CODE, CITY_SIGNING))
    if encryption is None or signing is None:
        return None
    return CityKey(
        encryption.public_key, signing.public_key, encryption.fingerprint, encryption.pinned_at
    )


def import_city_key(session: Session, data: bytes, *, replace: bool = False) -> CityKey:
    """Trust the city key in ``data`` (the bytes of a city key file). A different key than
    the one already trusted is only taken with ``replace``, after a phone call."""
    office: OfficeInfo = require_office(session)
    if office.is_city:
        raise SyncRefused(M_CITY_KEY_AT_CITY)
    key = read_city_key_file(data)
    current = trusted_city_key(session)
    if current is not None and current.fingerprint == key.fingerprint:
        return current
    if current is not None and not replace:
        raise SyncRefused(M_CITY_KEY_CHANGED, old=current.fingerprint, new=key.fingerprint)
    now = utc_now()
    for purpose, public in (
        (CITY_ENCRYPTION, key.encryption_public),
        (CITY_SIGNING, key.signing_public),
    ):
        row = session.get(TrustedKey, (CITY_CODE, purpose))
        if row is None:
            row = TrustedKey(owner_code=CITY_CODE, purpose=purpose)
            session.add(row)
        row.public_key = public
        row.fingerprint = key.fingerprint
        row.pinned_at = now
    session.flush()
    return CityKey(key.encryption_public, key.signing_public, key.fingerprint, now)


def pinned_commune_key(session: Session, commune_code: str) -> PinnedKey | None:
    row = session.get(TrustedKey, (commune_code, COMMUNE_SIGNING))
    if row is None:
        return None
    return PinnedKey(row.owner_code, row.public_key, row.fingerprint, row.pinned_at)


def pinned_commune_keys(session: Session) -> dict[str, PinnedKey]:
    rows = session.query(TrustedKey).filter(TrustedKey.purpose == COMMUNE_SIGNING)
    return {
        r.owner_code: PinnedKey(r.owner_code, r.public_key, r.fingerprint, r.pinned_at)
        for r in rows
    }


def unit_of_key(session: Session, public_key: bytes) -> str | None:
    """The unit that holds ``public_key``: a commune it is enrolled for, or the city
    (its own keys, or the city key a commune trusts); ``None`` for a key nobody has."""
    if session.scalar(select(OwnKey.purpose).where(OwnKey.public_key == public_key).limit(1)):
        return CITY_CODE
    return session.scalar(
        select(TrustedKey.owner_code).where(TrustedKey.public_key == public_key).limit(1)
    )


def _commune_label(session: Session, code: str) -> str:
    name = session.scalar(select(Commune.name).where(Commune.code == code))
    return f"{name} ({code})" if name else shown(code, 12)


def _audit_key(session: Session, action: AuditAction, code: str, body: dict[str, object]) -> None:
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    session.add(
        AuditEntry(
            actor=actor_name(session),
            action=action,
            record_type=KEY_RECORD,
            record_id=code,
            version=1,
            before_json=text if action is AuditAction.DELETE else None,
            after_json=text,
        )
    )


def enrol_commune_key(session: Session, commune_code: str, public_key: bytes) -> PinnedKey:
    """Count ``commune_code``'s files under ``public_key`` from now on. Call it only once a
    person has confirmed the key's fingerprint with the commune (:func:`confirm_commune_key`
    does). A key already enrolled for another unit is refused; so is a second key."""
    if not require_office(session).is_city:
        raise SyncRefused(M_ONLY_CITY_ENROLS)
    if commune_code == CITY_CODE or session.get(Commune, commune_code) is None:
        raise SyncRefused(M_NOT_A_COMMUNE, code=shown(commune_code, 12))
    public_key = crypto.check_public_key(public_key)
    printed = crypto.fingerprint(public_key)
    pinned = pinned_commune_key(session, commune_code)
    if pinned is not None and pinned.public_key == public_key:
        return pinned
    owner = unit_of_key(session, public_key)
    if owner is not None:
        raise SyncRefused(
            M_KEY_TAKEN,
            fingerprint=printed,
            owner=_commune_label(session, owner) if owner != CITY_CODE else CITY_NAME,
            commune=_commune_label(session, commune_code),
        )
    if pinned is not None:
        raise SyncRefused(
            M_ALREADY_ENROLLED,
            commune=_commune_label(session, commune_code),
            date=format_stored_date(pinned.pinned_at),
            fingerprint=pinned.fingerprint,
            code=commune_code,
        )
    now = utc_now()
    session.add(
        TrustedKey(
            owner_code=commune_code,
            purpose=COMMUNE_SIGNING,
            public_key=public_key,
            fingerprint=printed,
            pinned_at=now,
        )
    )
    _audit_key(session, AuditAction.CREATE, commune_code, {"fingerprint": printed})
    session.flush()
    return PinnedKey(commune_code, public_key, printed, now)


def waiting_keys(session: Session, commune_code: str | None = None) -> list[WaitingKey]:
    """Keys of files refused because their commune's key is not enrolled yet (in the
    commune's current epoch), for communes that still have no key enrolled."""
    stmt = select(ImportRecord).where(
        ImportRecord.outcome == ImportOutcome.REJECTED,
        ImportRecord.counts_json.contains('"waiting_key"'),
    )
    if commune_code is not None:
        stmt = stmt.where(ImportRecord.commune_code == commune_code)
    enrolled = set(pinned_commune_keys(session))
    floors = ledger_floors(session)
    found: dict[tuple[str, bytes], WaitingKey] = {}
    for row in session.scalars(stmt.order_by(ImportRecord.id)):
        code = row.commune_code or ""
        if code in enrolled or row.id <= floors.get(code, 0):
            continue
        try:
            key = base64.b64decode(str(record_details(row).get("waiting_key")), validate=True)
            crypto.check_public_key(key)
        except (binascii.Error, ValueError, crypto.CryptoFailure):
            continue
        known = found.get((code, key))
        found[(code, key)] = WaitingKey(
            code, key, crypto.fingerprint(key), (known.files if known else 0) + 1, row.received_at
        )
    return list(found.values())


def digits_of(fingerprint: str) -> str:
    return re.sub(r"[^0-9]", "", fingerprint)


def confirm_commune_key(session: Session, commune_code: str, typed: str) -> PinnedKey:
    """Enrol the key of a waiting file from ``commune_code`` whose fingerprint is ``typed``
    (what the commune read out by phone; spaces do not matter)."""
    if not require_office(session).is_city:
        raise SyncRefused(M_ONLY_CITY_ENROLS)
    if commune_code == CITY_CODE or session.get(Commune, commune_code) is None:
        raise SyncRefused(M_NOT_A_COMMUNE, code=shown(commune_code, 12))
    digits = digits_of(typed)
    if len(digits) != crypto.FINGERPRINT_DIGITS:
        raise SyncRefused(M_FINGERPRINT_FORM, count=len(digits))
    pinned = pinned_commune_key(session, commune_code)
    if pinned is not None:
        if digits_of(pinned.fingerprint) == digits:
            return pinned
        raise SyncRefused(
            M_ALREADY_ENROLLED,
            commune=_commune_label(session, commune_code),
            date=format_stored_date(pinned.pinned_at),
            fingerprint=pinned.fingerprint,
            code=commune_code,
        )
    waiting = waiting_keys(session, commune_code)
    for key in waiting:
        if digits_of(key.fingerprint) == digits:
            return enrol_commune_key(session, commune_code, key.public_key)
    raise SyncRefused(
        M_NO_WAITING_KEY,
        commune=_commune_label(session, commune_code),
        fingerprint=" ".join(digits[i : i + 4] for i in range(0, len(digits), 4)),
        files=sum(k.files for k in waiting),
    )


def forget_commune_key(session: Session, commune_code: str) -> bool:
    """Forget a commune's key (it reinstalled TDCS without a backup, after a phone call):
    its next file waits until its new key is confirmed, and the commune starts afresh — its
    file numbers may begin again at 1, and its next complete file replaces what the city
    holds for it. True if there was a key."""
    row = session.get(TrustedKey, (commune_code, COMMUNE_SIGNING))
    if row is None:
        return False
    floor = session.scalar(select(func.max(ImportRecord.id))) or 0
    _audit_key(
        session,
        AuditAction.DELETE,
        commune_code,
        {"fingerprint": row.fingerprint, "ledger_floor": floor},
    )
    session.delete(row)
    session.flush()
    return True
