"""The manifest: who made the file, which one it is, what it holds, and the hash of the
records, signed by the commune's key.

Format 2 (issue 18) adds one key, ``bulletin``: the city's bulletin the commune had applied
when it made the file (``null`` when none), so that the city's board shows it. Format 1
files, which lack it, are read as before.

The signature covers the exact bytes of ``manifest.json`` (prefixed by
:data:`SIGNATURE_LABEL`); the manifest holds the SHA-256 of ``payload.json``; so one
signature vouches for the whole file. Parsing is strict: every key present, nothing else,
every value of the right type, because another program (or an attacker) may have written it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NoReturn

from db.base import utc_now
from db.models import MODELS_BY_RECORD_TYPE
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg
from desktop.core.text import UNWANTED, nfc
from desktop.sync.errors import SyncRefused
from desktop.sync.payload import M_UNKNOWN_TYPE, load_json, shown

FORMAT = "tdcs-sync"
FORMAT_VERSION = 2
#: The format versions this TDCS reads (1: before the manifest named the bulletin applied).
READABLE_VERSIONS = frozenset({1, 2})
SIGNATURE_LABEL = b"TDCS sync manifest v1\n"

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIMESTAMP_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
HEX64_RE = re.compile(r"[0-9a-f]{64}")
CODE_RE = re.compile(r"[0-9]{2,5}")
RECORD_TYPE_RE = re.compile(r"[a-z_]{1,40}")
COLUMN_RE = re.compile(r"[a-z_][a-z0-9_]{0,63}")
VERSION_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._+-]{0,63}")
#: File numbers: one a day for 2 700 years would not reach it.
MAX_SEQ = 10**6
#: Change numbers (a commune makes a few thousand a year).
MAX_CHANGE = 2**62
#: Records of one type in one file (the largest commune has about 100 000).
MAX_COUNT = 10**7
#: ``payload.json`` is at most this long (the ZIP member limit of the container).
MAX_PAYLOAD = 512 * 1024 * 1024
#: TDCS did not exist before this; a file "made" earlier comes from a wrong clock.
EARLIEST_FILE_TIME = datetime(2024, 1, 1)
#: How far ahead of the city's clock a file's time may be (clocks differ by minutes).
CLOCK_SLACK = timedelta(days=1)

M_BAD_MANIFEST = QT_TRANSLATE_NOOP(
    "Sync",
    "The description inside the file (manifest) is not in the expected form ({detail}). "
    "The file was refused.",
)
M_FILE_TIME = QT_TRANSLATE_NOOP(
    "Sync",
    "The file says it was made on {date}, which cannot be right (a file is made between "
    "{start} and today). The computer clock of {commune} is probably wrong: ask the commune "
    "to set the right date and time, then make the file again. The file was refused.",
)
M_NEWER_MANIFEST = QT_TRANSLATE_NOOP(
    "Sync",
    "This file was made by a newer version of TDCS (sync format {version}; this TDCS reads "
    "format {known}). Update TDCS on this computer, then import the file again.",
)


@dataclass(frozen=True)
class BulletinRef:
    """The city's bulletin a commune had applied when it made a file."""

    id: str
    seq: int
    issued_at: str
    applied_at: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "seq": self.seq,
            "issued_at": self.issued_at,
            "applied_at": self.applied_at,
        }


@dataclass(frozen=True)
class Manifest:
    schema_version: str
    app_version: str
    commune_code: str
    commune_name: str
    export_id: str
    seq: int
    previous_export_id: str | None
    full_snapshot: bool
    created_at: str
    change_after: int
    change_through: int
    covers_from: str | None
    counts: dict[str, int]
    withheld: dict[str, list[str]]
    payload_sha256: str
    payload_size: int
    recipient_key_id: str
    signing_key: bytes
    format_version: int = FORMAT_VERSION
    bulletin: BulletinRef | None = None

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> bytes:
        body = {
            "format": FORMAT,
            "format_version": self.format_version,
            "schema_version": self.schema_version,
            "app_version": self.app_version,
            "commune": {"code": self.commune_code, "name": self.commune_name},
            "export": {
                "id": self.export_id,
                "seq": self.seq,
                "previous_id": self.previous_export_id,
                "full_snapshot": self.full_snapshot,
                "created_at": self.created_at,
            },
            "changes": {
                "after": self.change_after,
                "through": self.change_through,
                "from": self.covers_from,
                "to": self.created_at,
            },
            "counts": self.counts,
            "withheld": self.withheld,
            "payload": {"sha256": self.payload_sha256, "size": self.payload_size},
            "recipient_key_id": self.recipient_key_id,
            "signing_key": base64.b64encode(self.signing_key).decode("ascii"),
        }
        if self.format_version >= 2:
            body["bulletin"] = self.bulletin.to_json() if self.bulletin else None
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")


class StrictReader:
    """Typed access to a parsed JSON object that refuses anything unexpected (with
    ``message``, whose ``{detail}`` names the key)."""

    def __init__(self, data: Any, where: str, message: Msg = M_BAD_MANIFEST) -> None:
        self.message = message
        self.where = where
        if not isinstance(data, dict):
            self.refuse(where)
        self.data: dict[str, Any] = data
        self.used: set[str] = set()

    def refuse(self, detail: str) -> NoReturn:
        raise SyncRefused(self.message, detail=detail)

    def get(self, key: str) -> Any:
        if key not in self.data:
            self.refuse(f"{self.where}{key}")
        self.used.add(key)
        return self.data[key]

    def text(self, key: str, pattern: re.Pattern[str] | None = None, limit: int = 200) -> str:
        value = self.get(key)
        if (
            not isinstance(value, str)
            or len(value) > limit
            or (pattern is not None and not pattern.fullmatch(value))
            or UNWANTED.search(value)
            or nfc(value) != value
            or value != value.strip()
        ):
            self.refuse(f"{self.where}{key}")
        return value

    def optional_text(self, key: str, pattern: re.Pattern[str]) -> str | None:
        if self.get(key) is None:
            return None
        return self.text(key, pattern)

    def integer(self, key: str, low: int = 0, high: int = MAX_CHANGE) -> int:
        value = self.get(key)
        if type(value) is not int or not low <= value <= high:
            self.refuse(f"{self.where}{key}")
        return value

    def boolean(self, key: str) -> bool:
        value = self.get(key)
        if type(value) is not bool:
            self.refuse(f"{self.where}{key}")
        return value

    def child(self, key: str) -> StrictReader:
        return StrictReader(self.get(key), f"{self.where}{key}.", self.message)

    def done(self) -> None:
        extra = set(self.data) - self.used
        if extra:
            self.refuse(f"{self.where}{shown(min(extra))}")


def parse_timestamp(value: str | None, where: str) -> datetime | None:
    """A time written ``YYYY-MM-DD hh:mm:ss`` that exists (no 30 February)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise SyncRefused(M_BAD_MANIFEST, detail=where) from error
    if moment.isoformat(sep=" ") != value:
        raise SyncRefused(M_BAD_MANIFEST, detail=where)
    return moment


def day_text(moment: datetime) -> str:
    """``05/10/2026``, also for the years 1 and 9999 (no time zone arithmetic that could
    overflow)."""
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d}"


def check_file_time(moment: datetime, commune: str, now: datetime | None = None) -> None:
    """Refuse a time that no real file can have: before TDCS existed, or (more than
    :data:`CLOCK_SLACK`) after the city's clock."""
    latest = (now or utc_now()) + CLOCK_SLACK
    if not EARLIEST_FILE_TIME <= moment <= latest:
        raise SyncRefused(
            M_FILE_TIME,
            date=day_text(moment),
            start=day_text(EARLIEST_FILE_TIME),
            commune=commune,
        )


def parse(data: bytes) -> Manifest:
    """Check a manifest strictly (every number, time and range against sane bounds before
    anything uses it) and return it. Whether its time is plausible is checked once its
    signature is (:func:`check_file_time`)."""
    try:
        body = load_json(data)
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        raise SyncRefused(M_BAD_MANIFEST, detail="JSON") from error
    top = StrictReader(body, "")
    if top.text("format") != FORMAT:
        raise SyncRefused(M_BAD_MANIFEST, detail="format")
    version = top.integer("format_version", 1, 10**6)
    if version not in READABLE_VERSIONS:
        raise SyncRefused(M_NEWER_MANIFEST, version=version, known=FORMAT_VERSION)
    schema_version = top.text("schema_version", VERSION_RE, limit=64)
    app_version = top.text("app_version", VERSION_RE, limit=64)
    commune = top.child("commune")
    code = commune.text("code", CODE_RE)
    name = commune.text("name")
    commune.done()
    export = top.child("export")
    export_id = export.text("id", UUID_RE)
    seq = export.integer("seq", 1, MAX_SEQ)
    previous = export.optional_text("previous_id", UUID_RE)
    full = export.boolean("full_snapshot")
    created_at = export.text("created_at", TIMESTAMP_RE)
    created = parse_timestamp(created_at, "export.created_at")
    export.done()
    changes = top.child("changes")
    after = changes.integer("after")
    through = changes.integer("through")
    covers_from = changes.optional_text("from", TIMESTAMP_RE)
    started = parse_timestamp(covers_from, "changes.from")
    if changes.text("to", TIMESTAMP_RE) != created_at or through < after or (full and after):
        raise SyncRefused(M_BAD_MANIFEST, detail="changes")
    changes.done()
    assert created is not None
    if started is not None and not EARLIEST_FILE_TIME <= started <= created:
        raise SyncRefused(M_BAD_MANIFEST, detail="changes.from")
    counts_reader = top.child("counts")
    counts = {}
    for key in list(counts_reader.data):
        if not RECORD_TYPE_RE.fullmatch(key):
            raise SyncRefused(M_BAD_MANIFEST, detail=f"counts.{shown(key)}")
        if key not in MODELS_BY_RECORD_TYPE:
            raise SyncRefused(M_UNKNOWN_TYPE, type=key)
        counts[key] = counts_reader.integer(key, 0, MAX_COUNT)
    withheld_raw = top.get("withheld")
    if (
        not isinstance(withheld_raw, dict)
        or len(withheld_raw) > 64
        or not all(
            RECORD_TYPE_RE.fullmatch(k)
            and isinstance(v, list)
            and len(v) <= 64
            and all(isinstance(c, str) and COLUMN_RE.fullmatch(c) for c in v)
            for k, v in withheld_raw.items()
        )
    ):
        raise SyncRefused(M_BAD_MANIFEST, detail="withheld")
    payload = top.child("payload")
    sha = payload.text("sha256", HEX64_RE)
    size = payload.integer("size", 0, MAX_PAYLOAD)
    payload.done()
    recipient = top.text("recipient_key_id", HEX64_RE)
    try:
        signing_key = base64.b64decode(top.text("signing_key", limit=64), validate=True)
    except (binascii.Error, ValueError) as error:
        raise SyncRefused(M_BAD_MANIFEST, detail="signing_key") from error
    if len(signing_key) != 32:
        raise SyncRefused(M_BAD_MANIFEST, detail="signing_key")
    bulletin = _bulletin(top, created) if version >= 2 else None
    top.done()
    if (seq == 1) != (previous is None):
        raise SyncRefused(M_BAD_MANIFEST, detail="export.previous_id")
    return Manifest(
        schema_version=schema_version,
        app_version=app_version,
        commune_code=code,
        commune_name=name,
        export_id=export_id,
        seq=seq,
        previous_export_id=previous,
        full_snapshot=full,
        created_at=created_at,
        change_after=after,
        change_through=through,
        covers_from=covers_from,
        counts=counts,
        withheld={k: list(v) for k, v in withheld_raw.items()},
        payload_sha256=sha,
        payload_size=size,
        recipient_key_id=recipient,
        signing_key=signing_key,
        format_version=version,
        bulletin=bulletin,
    )


def _bulletin(top: StrictReader, created: datetime) -> BulletinRef | None:
    """The bulletin applied (format 2): applied before the file was made, issued at most a
    day (of clock difference) after that."""
    if top.get("bulletin") is None:
        return None
    reader = top.child("bulletin")
    bulletin_id = reader.text("id", UUID_RE)
    seq = reader.integer("seq", 1, MAX_SEQ)
    issued_at = reader.text("issued_at", TIMESTAMP_RE)
    applied_at = reader.text("applied_at", TIMESTAMP_RE)
    reader.done()
    issued = parse_timestamp(issued_at, "bulletin.issued_at")
    applied = parse_timestamp(applied_at, "bulletin.applied_at")
    assert issued is not None and applied is not None
    if not EARLIEST_FILE_TIME <= applied <= created or not (
        EARLIEST_FILE_TIME <= issued <= created + CLOCK_SLACK
    ):
        raise SyncRefused(M_BAD_MANIFEST, detail="bulletin")
    return BulletinRef(bulletin_id, seq, issued_at, applied_at)
