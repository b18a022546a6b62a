"""This office's keys and the keys it trusts.

- A commune has one Ed25519 signing key, made when the office is set up (or, for a data
  folder set up before sync existed, the first time it is needed). The city pins its public
  key on the first file it imports from that commune.
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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.orm import Session

from db.base import CITY_CODE, utc_now
from db.models import OwnKey, TrustedKey
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import CITY_NAME, OfficeInfo, require_office
from desktop.sync import crypto
from desktop.sync.errors import SyncRefused
from desktop.sync.files import write_atomically
from desktop.sync.key_checks import usable_encryption_key, usable_signing_key
from desktop.sync.payload import load_json

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
    write_atomically(target, city_key_file_bytes(session))
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


def pin_commune_key(session: Session, commune_code: str, public_key: bytes) -> PinnedKey:
    now = utc_now()
    printed = crypto.fingerprint(public_key)
    session.add(
        TrustedKey(
            owner_code=commune_code,
            purpose=COMMUNE_SIGNING,
            public_key=public_key,
            fingerprint=printed,
            pinned_at=now,
        )
    )
    session.flush()
    return PinnedKey(commune_code, public_key, printed, now)


def forget_commune_key(session: Session, commune_code: str) -> bool:
    """Unpin a commune's key (it reinstalled TDCS without a backup); its next file pins
    the new key. True if there was one."""
    result = session.execute(
        delete(TrustedKey).where(
            TrustedKey.owner_code == commune_code, TrustedKey.purpose == COMMUNE_SIGNING
        )
    )
    return bool(getattr(result, "rowcount", 0))
