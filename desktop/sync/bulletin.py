"""The city's bulletin to the communes, byte for byte: what the city decided (targets,
catalogue, closed periods, notices), signed with the city's key that the communes already
trust (the one that signs receipts).

Layout (``docs/sync-format.md``, section 8)::

    0      8  magic "TDCSBLTN"
    8      1  version (1)
    9      4  length M of the manifest, big-endian
    13     M  manifest.json
    13+M   4  length P of the payload, big-endian
    17+M   P  payload.json
    17+M+P 64 Ed25519 signature by the city's signing key over "TDCS bulletin v1\\n" ‖ manifest

The manifest holds the payload's SHA-256, so the one signature vouches for the whole file.
A bulletin is **not encrypted**: communes hold no key to decrypt with (they only sign), and
it carries no personal data — targets, rates, wordings, closed periods and notices are the
city's administrative decisions. Targets go only into a file addressed to their own commune,
so each commune receives its own figures and none of another's.

A bulletin carries the city's whole current word on what it covers (every target of its
commune, the catalogue, every closed period, every notice), not only the change since the
previous one: whatever changed since then is in it, and a commune that missed one bulletin
loses nothing when the next arrives. Everything here is checked against bounds before it is
used; reading allocates in proportion to the file, never to a number written in it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from db.base import CITY_CODE
from db.enums import PeriodKind, TargetKind
from db.models.catalogue import MAX_PROGRAMME_RATE_BP
from desktop.core import validation
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import UNWANTED, clean_multiline, nfc
from desktop.sync import crypto
from desktop.sync.container import BULLETIN_MAGIC, RECEIPT_MAGIC
from desktop.sync.container import MAGIC as SYNC_MAGIC
from desktop.sync.errors import SyncRefused
from desktop.sync.manifest import (
    CODE_RE,
    EARLIEST_FILE_TIME,
    HEX64_RE,
    MAX_SEQ,
    TIMESTAMP_RE,
    UUID_RE,
    VERSION_RE,
    StrictReader,
)
from desktop.sync.payload import load_json

MAGIC = BULLETIN_MAGIC
VERSION = 1
FORMAT = "tdcs-bulletin"
FORMAT_VERSION = 1
SIGNATURE_LABEL = b"TDCS bulletin v1\n"
SUFFIX = ".tdcsb"
KIB = 1024
MAX_MANIFEST = 64 * KIB
MAX_PAYLOAD = 8 * 1024 * KIB
MAX_FILE = MAX_PAYLOAD + MAX_MANIFEST + 81
_PREFIX = len(MAGIC) + 1 + 4
#: Items of one section in one bulletin.
MAX_ITEMS = 10_000
#: Versions of a city-issued record (the record store's bound).
MAX_VERSION = 2**31
TEXT_LIMIT = validation.MAX_LONG_TEXT
#: The sections a bulletin's ``counts`` names, in the order of the payload.
SECTIONS = (
    "targets",
    "notices",
    "closed_periods",
    "programmes",
    "rates",
    "organisations",
    "plan_tasks",
)

PROGRAMME_CODE_RE = re.compile(r"[A-Z0-9_]{1,16}")
ORGANISATION_CODE_RE = re.compile(r"[A-Z0-9_Đ]{1,8}")
TASK_CODE_RE = re.compile(r"[IVX]{1,4}(\.[0-9]{1,2}(\.[a-z]{1,2})?)?")
UNIT_BY_KIND = {
    TargetKind.FUND_MOBILISATION: "dong",
    TargetKind.ENTRUSTED_TRANSFER: "dong",
    TargetKind.GROUPS_GRADED_GOOD: "group",
    TargetKind.LOANS_CHECKED: "loan",
}
#: Count targets (groups, loans) are at most this many.
MAX_COUNT_TARGET = 1_000_000
#: A programme rate, as the catalogue declares it.
MAX_RATE_BP = MAX_PROGRAMME_RATE_BP

M_EMPTY = QT_TRANSLATE_NOOP("Bulletin", "The file is empty (0 bytes). Ask for it to be sent again.")
M_NOT_BULLETIN = QT_TRANSLATE_NOOP(
    "Bulletin",
    "This is not a bulletin from the city. Bulletins are files named ThongBao_….tdcsb that "
    "the city office sends to the communes.",
)
M_IS_SYNC_FILE = QT_TRANSLATE_NOOP(
    "Bulletin",
    "This is a sync file that a commune makes for the city, not a bulletin from the city.",
)
M_IS_RECEIPT = QT_TRANSLATE_NOOP(
    "Bulletin",
    "This is the city's receipt for a file, not a bulletin: import it with “Import the "
    "city's receipt…”.",
)
M_NEWER = QT_TRANSLATE_NOOP(
    "Bulletin",
    "This bulletin was made by a newer version of TDCS (format {version}). Update TDCS on "
    "this computer, then import the bulletin again.",
)
M_TRUNCATED = QT_TRANSLATE_NOOP(
    "Bulletin",
    "The bulletin is incomplete or damaged ({size} bytes): it was probably cut off while "
    "being copied or attached. Ask the city office to send it again. Nothing was changed.",
)
M_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Bulletin", "The file is too large ({size} MB; a bulletin is at most {limit} MB)."
)
M_BAD = QT_TRANSLATE_NOOP(
    "Bulletin",
    "The bulletin is not in the expected form ({detail}). It was refused; nothing was changed.",
)
M_TOO_MANY = QT_TRANSLATE_NOOP(
    "Bulletin",
    "The bulletin has far more parts than the {count} items it declares could have. It was "
    "refused without being read; nothing was changed.",
)
M_COUNTS = QT_TRANSLATE_NOOP(
    "Bulletin",
    "The bulletin says it holds {expected} items of {section}, but it holds {found}. It was "
    "refused; nothing was changed.",
)


@dataclass(frozen=True)
class Addressee:
    code: str
    name: str


@dataclass(frozen=True)
class BulletinManifest:
    """Who issued the bulletin, which one it is, to whom, and what it holds."""

    app_version: str
    city_name: str
    id: str
    seq: int
    issued_at: str
    addressee: Addressee | None
    counts: dict[str, int]
    payload_sha256: str
    payload_size: int
    signing_key: bytes
    format_version: int = FORMAT_VERSION

    @property
    def issued(self) -> datetime:
        return datetime.fromisoformat(self.issued_at)

    def to_json(self) -> bytes:
        body = {
            "format": FORMAT,
            "format_version": self.format_version,
            "app_version": self.app_version,
            "city": {"code": CITY_CODE, "name": self.city_name},
            "bulletin": {"id": self.id, "seq": self.seq, "issued_at": self.issued_at},
            "addressee": asdict(self.addressee) if self.addressee else None,
            "counts": self.counts,
            "payload": {"sha256": self.payload_sha256, "size": self.payload_size},
            "signing_key": base64.b64encode(self.signing_key).decode("ascii"),
        }
        return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


# -- the payload -----------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedItem:
    """What every city-issued record carries: its identity and version."""

    id: str
    version: int
    updated_at: str


@dataclass(frozen=True)
class TargetItem(IssuedItem):
    year: int
    kind: TargetKind
    value: int
    notes: str

    @property
    def unit(self) -> str:
        return UNIT_BY_KIND[self.kind]


@dataclass(frozen=True)
class NoticeItem(IssuedItem):
    addressee: str | None
    title: str
    text: str
    act_by: date | None


@dataclass(frozen=True)
class ClosedPeriodItem(IssuedItem):
    period_kind: PeriodKind
    year: int
    period_no: int
    closed_on: date
    notes: str


@dataclass(frozen=True)
class ProgrammeItem:
    code: str
    name: str
    short_name: str
    active: bool


@dataclass(frozen=True)
class RateItem:
    programme_code: str
    valid_from: date
    rate_bp: int | None
    priority_rate_bp: int | None
    cap_amount: int | None
    cap_note: str
    #: False where the figures are not confirmed yet (DOMAIN.md).
    confirmed: bool


@dataclass(frozen=True)
class OrganisationItem:
    code: str
    name: str
    short_name: str


@dataclass(frozen=True)
class PlanTaskItem:
    code: str
    parent_code: str | None
    section: str
    short_title: str
    text: str
    applies_commune: bool
    applies_city: bool
    is_heading: bool


@dataclass(frozen=True)
class BulletinContent:
    """What a bulletin says. ``targets`` is ``None`` in a bulletin to every commune (targets
    travel only to their own commune); every other section is complete."""

    targets: tuple[TargetItem, ...] | None
    notices: tuple[NoticeItem, ...]
    closed_periods: tuple[ClosedPeriodItem, ...]
    programmes: tuple[ProgrammeItem, ...] = ()
    rates: tuple[RateItem, ...] = ()
    organisations: tuple[OrganisationItem, ...] = ()
    plan_tasks: tuple[PlanTaskItem, ...] = ()

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name) or ()) for name in SECTIONS}

    def catalogue_json(self) -> dict[str, Any]:
        return {
            name: [_plain(asdict(item)) for item in getattr(self, name)]
            for name in ("programmes", "rates", "organisations", "plan_tasks")
        }

    def to_json(self) -> bytes:
        body = {
            "targets": None
            if self.targets is None
            else [_plain(asdict(t)) | {"unit": t.unit} for t in self.targets],
            "notices": [_plain(asdict(n)) for n in self.notices],
            "closed_periods": [_plain(asdict(c)) for c in self.closed_periods],
            "catalogue": self.catalogue_json(),
        }
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def catalogue_digest(content: BulletinContent) -> str:
    """SHA-256 of the catalogue a bulletin carries (to tell whether it changed since)."""
    raw = json.dumps(content.catalogue_json(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


# -- writing -----------------------------------------------------------------------------------


def seal(manifest: BulletinManifest, payload: bytes, signing_private: bytes) -> bytes:
    """The file's bytes: header, manifest, payload, signature."""
    manifest_bytes = manifest.to_json()
    signature = crypto.sign(signing_private, SIGNATURE_LABEL, manifest_bytes)
    return (
        MAGIC
        + bytes([VERSION])
        + len(manifest_bytes).to_bytes(4, "big")
        + manifest_bytes
        + len(payload).to_bytes(4, "big")
        + payload
        + signature
    )


# -- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parts:
    manifest: bytes
    payload: bytes
    signature: bytes


def split(data: bytes) -> Parts:
    """The three parts of a bulletin file, refusing what is plainly not one."""
    if not data:
        raise SyncRefused(M_EMPTY)
    if data.startswith(SYNC_MAGIC):
        raise SyncRefused(M_IS_SYNC_FILE)
    if data.startswith(RECEIPT_MAGIC):
        raise SyncRefused(M_IS_RECEIPT)
    if not data.startswith(MAGIC):
        raise SyncRefused(M_NOT_BULLETIN)
    if len(data) > MAX_FILE:
        raise SyncRefused(
            M_TOO_LARGE, size=len(data) // (1024 * KIB), limit=MAX_FILE // (1024 * KIB)
        )
    if len(data) < _PREFIX:
        raise SyncRefused(M_TRUNCATED, size=len(data))
    version = data[len(MAGIC)]
    if version > VERSION:
        raise SyncRefused(M_NEWER, version=version)
    if version != VERSION:
        raise SyncRefused(M_NOT_BULLETIN)
    size = int.from_bytes(data[len(MAGIC) + 1 : _PREFIX], "big")
    if size > MAX_MANIFEST:
        raise SyncRefused(M_BAD, detail="manifest")
    at = _PREFIX + size
    if len(data) < at + 4:
        raise SyncRefused(M_TRUNCATED, size=len(data))
    payload_size = int.from_bytes(data[at : at + 4], "big")
    end = at + 4 + payload_size
    if len(data) != end + crypto.SIGNATURE_SIZE:
        raise SyncRefused(M_TRUNCATED, size=len(data))
    return Parts(data[_PREFIX:at], data[at + 4 : end], data[end:])


def _reader(data: Any, where: str) -> StrictReader:
    return StrictReader(data, where, M_BAD)


def parse_manifest(data: bytes) -> BulletinManifest:
    """Check a manifest strictly (every key present, nothing else, every value in bounds);
    whether its signature and its time are right is checked afterwards."""
    try:
        body = load_json(data)
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        raise SyncRefused(M_BAD, detail="manifest JSON") from error
    top = _reader(body, "")
    if top.text("format") != FORMAT:
        top.refuse("format")
    version = top.integer("format_version", 1, 10**6)
    if version != FORMAT_VERSION:
        raise SyncRefused(M_NEWER, version=version)
    app_version = top.text("app_version", VERSION_RE, limit=64)
    city = top.child("city")
    if city.text("code", CODE_RE) != CITY_CODE:
        city.refuse("city.code")
    city_name = city.text("name")
    city.done()
    bulletin = top.child("bulletin")
    bulletin_id = bulletin.text("id", UUID_RE)
    seq = bulletin.integer("seq", 1, MAX_SEQ)
    issued_at = bulletin.text("issued_at", TIMESTAMP_RE)
    _moment(bulletin, "issued_at")
    bulletin.done()
    addressee: Addressee | None = None
    if top.get("addressee") is not None:
        reader = top.child("addressee")
        addressee = Addressee(reader.text("code", CODE_RE), reader.text("name"))
        reader.done()
        if addressee.code == CITY_CODE:
            top.refuse("addressee.code")
    counts_reader = top.child("counts")
    counts = {name: counts_reader.integer(name, 0, MAX_ITEMS) for name in SECTIONS}
    counts_reader.done()
    payload = top.child("payload")
    sha = payload.text("sha256", HEX64_RE)
    size = payload.integer("size", 0, MAX_PAYLOAD)
    payload.done()
    try:
        signing_key = base64.b64decode(top.text("signing_key", limit=64), validate=True)
    except (binascii.Error, ValueError) as error:
        raise SyncRefused(M_BAD, detail="signing_key") from error
    if len(signing_key) != crypto.KEY_SIZE:
        top.refuse("signing_key")
    top.done()
    return BulletinManifest(
        app_version=app_version,
        city_name=city_name,
        id=bulletin_id,
        seq=seq,
        issued_at=issued_at,
        addressee=addressee,
        counts=counts,
        payload_sha256=sha,
        payload_size=size,
        signing_key=signing_key,
        format_version=version,
    )


#: Keys of each payload item: its identity, and at most a dozen values.
_ITEM_KEYS = 16


def check_structure(data: bytes, manifest: BulletinManifest) -> None:
    """Refuse, before parsing, a payload with more objects, lists or values than the items
    it declares can have (a small file of ``{},{},…`` would otherwise take much memory)."""
    items = sum(manifest.counts.values())
    slack = len(data) // 32 + 64
    if (
        data.count(b"{") > items + 8 + slack
        or data.count(b"[") > len(SECTIONS) + 8 + slack
        or data.count(b",") > items * _ITEM_KEYS + len(SECTIONS) * 2 + slack
    ):
        raise SyncRefused(M_TOO_MANY, count=items)


def parse_payload(data: bytes, manifest: BulletinManifest) -> BulletinContent:
    """The content, every value checked against its bounds; the number of items of each
    section must be the manifest's."""
    check_structure(data, manifest)
    try:
        body = load_json(data)
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        raise SyncRefused(M_BAD, detail="payload JSON") from error
    top = _reader(body, "")
    raw_targets = top.get("targets")
    targets = None if raw_targets is None else tuple(_items(top, "targets", _target))
    if targets is not None and manifest.addressee is None:
        top.refuse("targets")
    notices = tuple(_items(top, "notices", _notice))
    closed = tuple(_items(top, "closed_periods", _closed_period))
    catalogue = top.child("catalogue")
    content = BulletinContent(
        targets=targets,
        notices=notices,
        closed_periods=closed,
        programmes=tuple(_items(catalogue, "programmes", _programme)),
        rates=tuple(_items(catalogue, "rates", _rate)),
        organisations=tuple(_items(catalogue, "organisations", _organisation)),
        plan_tasks=tuple(_items(catalogue, "plan_tasks", _plan_task)),
    )
    catalogue.done()
    top.done()
    found = content.counts()
    for section in SECTIONS:
        if found[section] != manifest.counts[section]:
            raise SyncRefused(
                M_COUNTS,
                expected=manifest.counts[section],
                section=section,
                found=found[section],
            )
    _check_unique(content)
    _check_addressed(content, manifest)
    _check_times(content, manifest)
    return content


def _items(parent: StrictReader, key: str, read: Any) -> list[Any]:
    values = parent.get(key)
    where = f"{parent.where}{key}"
    if not isinstance(values, list) or len(values) > MAX_ITEMS:
        parent.refuse(where)
    return [read(_reader(value, f"{where}[{index}].")) for index, value in enumerate(values)]


def _text(reader: StrictReader, key: str, limit: int, *, required: bool = False) -> str:
    """One line of clean text (what :func:`desktop.core.text.clean` gives passes)."""
    value = reader.get(key)
    if (
        not isinstance(value, str)
        or len(value) > limit
        or (required and not value)
        or "\n" in value
        or "\t" in value
        or UNWANTED.search(value)
        or nfc(value) != value
        or value != value.strip()
    ):
        reader.refuse(f"{reader.where}{key}")
    return value


def _long_text(reader: StrictReader, key: str) -> str:
    """Free text as :func:`desktop.core.text.clean_multiline` gives it (line breaks
    kept)."""
    value = reader.get(key)
    if not isinstance(value, str) or len(value) > TEXT_LIMIT or clean_multiline(value) != value:
        reader.refuse(f"{reader.where}{key}")
    return value


def _day(reader: StrictReader, key: str, *, optional: bool = False) -> date | None:
    value = reader.get(key)
    if value is None and optional:
        return None
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if (
        day is None
        or day.isoformat() != value
        or not validation.EARLIEST_DATE <= day <= validation.LATEST_DATE
    ):
        reader.refuse(f"{reader.where}{key}")
    return day


def _moment(reader: StrictReader, key: str) -> datetime:
    """A time written ``YYYY-MM-DD hh:mm:ss`` that exists."""
    value = reader.text(key, TIMESTAMP_RE)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        reader.refuse(f"{reader.where}{key}")
    if moment.isoformat(sep=" ") != value:
        reader.refuse(f"{reader.where}{key}")
    return moment


def _issued(reader: StrictReader) -> IssuedItem:
    updated_at = reader.text("updated_at", TIMESTAMP_RE)
    if _moment(reader, "updated_at") < EARLIEST_FILE_TIME:
        reader.refuse(f"{reader.where}updated_at")
    return IssuedItem(
        reader.text("id", UUID_RE), reader.integer("version", 1, MAX_VERSION), updated_at
    )


def _choice(reader: StrictReader, key: str, enum: Any) -> Any:
    value = reader.get(key)
    try:
        return enum(value)
    except ValueError:
        reader.refuse(f"{reader.where}{key}")


def _year(reader: StrictReader) -> int:
    return reader.integer("year", 2000, 2100)


def _target(reader: StrictReader) -> TargetItem:
    base = _issued(reader)
    kind = _choice(reader, "kind", TargetKind)
    if reader.text("unit", limit=8) != UNIT_BY_KIND[kind]:
        reader.refuse(f"{reader.where}unit")
    high = validation.MAX_AMOUNT if UNIT_BY_KIND[kind] == "dong" else MAX_COUNT_TARGET
    item = TargetItem(
        **asdict(base),
        year=_year(reader),
        kind=kind,
        value=reader.integer("value", 0, high),
        notes=_long_text(reader, "notes"),
    )
    reader.done()
    return item


def _notice(reader: StrictReader) -> NoticeItem:
    base = _issued(reader)
    addressee = reader.optional_text("addressee", CODE_RE)
    item = NoticeItem(
        **asdict(base),
        addressee=addressee,
        title=_text(reader, "title", 200, required=True),
        text=_long_text(reader, "text"),
        act_by=_day(reader, "act_by", optional=True),
    )
    reader.done()
    return item


_PERIOD_LIMITS = {PeriodKind.QUARTER: 4, PeriodKind.HALF: 2, PeriodKind.YEAR: 1}


def _closed_period(reader: StrictReader) -> ClosedPeriodItem:
    base = _issued(reader)
    kind = _choice(reader, "period_kind", PeriodKind)
    closed_on = _day(reader, "closed_on")
    assert closed_on is not None
    item = ClosedPeriodItem(
        **asdict(base),
        period_kind=kind,
        year=_year(reader),
        period_no=reader.integer("period_no", 1, _PERIOD_LIMITS[kind]),
        closed_on=closed_on,
        notes=_long_text(reader, "notes"),
    )
    reader.done()
    return item


def _programme(reader: StrictReader) -> ProgrammeItem:
    item = ProgrammeItem(
        reader.text("code", PROGRAMME_CODE_RE),
        _text(reader, "name", 300, required=True),
        _text(reader, "short_name", 120, required=True),
        reader.boolean("active"),
    )
    reader.done()
    return item


def _optional_int(reader: StrictReader, key: str, high: int) -> int | None:
    if reader.get(key) is None:
        return None
    return reader.integer(key, 0, high)


def _rate(reader: StrictReader) -> RateItem:
    valid_from = _day(reader, "valid_from")
    assert valid_from is not None
    item = RateItem(
        reader.text("programme_code", PROGRAMME_CODE_RE),
        valid_from,
        _optional_int(reader, "rate_bp", MAX_RATE_BP),
        _optional_int(reader, "priority_rate_bp", MAX_RATE_BP),
        _optional_int(reader, "cap_amount", validation.MAX_SINGLE_AMOUNT),
        _text(reader, "cap_note", 300),
        reader.boolean("confirmed"),
    )
    reader.done()
    return item


def _organisation(reader: StrictReader) -> OrganisationItem:
    item = OrganisationItem(
        reader.text("code", ORGANISATION_CODE_RE),
        _text(reader, "name", 200, required=True),
        _text(reader, "short_name", 120, required=True),
    )
    reader.done()
    return item


def _plan_task(reader: StrictReader) -> PlanTaskItem:
    code = reader.text("code", TASK_CODE_RE)
    parent = reader.optional_text("parent_code", TASK_CODE_RE)
    section = reader.text("section", re.compile(r"[IVX]{1,4}"))
    if not code.startswith(section):
        reader.refuse(f"{reader.where}code")
    if parent is not None and not code.startswith(parent + "."):
        reader.refuse(f"{reader.where}parent_code")
    item = PlanTaskItem(
        code,
        parent,
        section,
        _text(reader, "short_title", 1000, required=True),
        _long_text(reader, "text"),
        reader.boolean("applies_commune"),
        reader.boolean("applies_city"),
        reader.boolean("is_heading"),
    )
    reader.done()
    return item


def _check_unique(content: BulletinContent) -> None:
    """No item twice: one id per issued record, one code per catalogue entry, one rate per
    programme and day, one target per year and kind, one closing per period; every rate's
    programme and every task's parent in the catalogue."""
    keys: dict[str, list[Any]] = {
        "targets": [t.id for t in content.targets or ()]
        + [(t.year, t.kind) for t in content.targets or ()],
        "notices": [n.id for n in content.notices],
        "closed_periods": [c.id for c in content.closed_periods]
        + [(c.period_kind, c.year, c.period_no) for c in content.closed_periods],
        "programmes": [p.code for p in content.programmes],
        "rates": [(r.programme_code, r.valid_from) for r in content.rates],
        "organisations": [o.code for o in content.organisations],
        "plan_tasks": [t.code for t in content.plan_tasks],
    }
    for section, values in keys.items():
        if len(set(values)) != len(values):
            raise SyncRefused(M_BAD, detail=f"{section}: twice")
    programmes = {p.code for p in content.programmes}
    if any(r.programme_code not in programmes for r in content.rates):
        raise SyncRefused(M_BAD, detail="rates: programme_code")
    tasks = {t.code for t in content.plan_tasks}
    if any(t.parent_code is not None and t.parent_code not in tasks for t in content.plan_tasks):
        raise SyncRefused(M_BAD, detail="plan_tasks: parent_code")


def _check_times(content: BulletinContent, manifest: BulletinManifest) -> None:
    """Every record was last changed before the bulletin was issued."""
    for section in ("targets", "notices", "closed_periods"):
        items: Sequence[IssuedItem] = getattr(content, section) or ()
        if any(item.updated_at > manifest.issued_at for item in items):
            raise SyncRefused(M_BAD, detail=f"{section}: updated_at")


def _check_addressed(content: BulletinContent, manifest: BulletinManifest) -> None:
    """A notice is to every commune or to the bulletin's own addressee."""
    allowed = {None} if manifest.addressee is None else {None, manifest.addressee.code}
    if any(n.addressee not in allowed for n in content.notices):
        raise SyncRefused(M_BAD, detail="notices: addressee")
