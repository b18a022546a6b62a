"""The manifest: who made the file, which one it is, what it holds, and the hash of the
records, signed by the commune's key.

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
from datetime import datetime
from typing import Any

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.sync.errors import SyncRefused
from desktop.sync.payload import load_json

FORMAT = "tdcs-sync"
FORMAT_VERSION = 1
SIGNATURE_LABEL = b"TDCS sync manifest v1\n"

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIMESTAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
HEX64_RE = re.compile(r"[0-9a-f]{64}")
CODE_RE = re.compile(r"\d{2,5}")
RECORD_TYPE_RE = re.compile(r"[a-z_]{1,40}")
MAX_SEQ = 10**9

M_BAD_MANIFEST = QT_TRANSLATE_NOOP(
    "Sync",
    "The description inside the file (manifest) is not in the expected form ({detail}). "
    "The file was refused.",
)
M_NEWER_MANIFEST = QT_TRANSLATE_NOOP(
    "Sync",
    "This file was made by a newer version of TDCS (sync format {version}; this TDCS reads "
    "format {known}). Update TDCS on this computer, then import the file again.",
)


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
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")


class _Reader:
    """Typed access to a parsed JSON object that refuses anything unexpected."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise SyncRefused(M_BAD_MANIFEST, detail=where)
        self.data = data
        self.where = where
        self.used: set[str] = set()

    def _get(self, key: str) -> Any:
        if key not in self.data:
            raise SyncRefused(M_BAD_MANIFEST, detail=f"{self.where}{key}")
        self.used.add(key)
        return self.data[key]

    def text(self, key: str, pattern: re.Pattern[str] | None = None, limit: int = 200) -> str:
        value = self._get(key)
        if (
            not isinstance(value, str)
            or len(value) > limit
            or (pattern is not None and not pattern.fullmatch(value))
        ):
            raise SyncRefused(M_BAD_MANIFEST, detail=f"{self.where}{key}")
        return value

    def optional_text(self, key: str, pattern: re.Pattern[str]) -> str | None:
        if self._get(key) is None:
            return None
        return self.text(key, pattern)

    def integer(self, key: str, low: int = 0, high: int = 2**62) -> int:
        value = self._get(key)
        if type(value) is not int or not low <= value <= high:
            raise SyncRefused(M_BAD_MANIFEST, detail=f"{self.where}{key}")
        return value

    def boolean(self, key: str) -> bool:
        value = self._get(key)
        if type(value) is not bool:
            raise SyncRefused(M_BAD_MANIFEST, detail=f"{self.where}{key}")
        return value

    def child(self, key: str) -> _Reader:
        return _Reader(self._get(key), f"{self.where}{key}.")

    def done(self) -> None:
        extra = set(self.data) - self.used
        if extra:
            raise SyncRefused(M_BAD_MANIFEST, detail=f"{self.where}{sorted(extra)[0][:40]}")


def _timestamp(value: str | None, where: str) -> None:
    if value is None:
        return
    try:
        datetime.fromisoformat(value)
    except ValueError as error:
        raise SyncRefused(M_BAD_MANIFEST, detail=where) from error


def parse(data: bytes) -> Manifest:
    try:
        body = load_json(data)
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        raise SyncRefused(M_BAD_MANIFEST, detail="JSON") from error
    top = _Reader(body, "")
    if top.text("format") != FORMAT:
        raise SyncRefused(M_BAD_MANIFEST, detail="format")
    version = top.integer("format_version", 1, 10**6)
    if version != FORMAT_VERSION:
        raise SyncRefused(M_NEWER_MANIFEST, version=version, known=FORMAT_VERSION)
    schema_version = top.text("schema_version", limit=64)
    app_version = top.text("app_version", limit=64)
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
    _timestamp(created_at, "export.created_at")
    export.done()
    changes = top.child("changes")
    after = changes.integer("after")
    through = changes.integer("through")
    covers_from = changes.optional_text("from", TIMESTAMP_RE)
    _timestamp(covers_from, "changes.from")
    if changes.text("to", TIMESTAMP_RE) != created_at or through < after:
        raise SyncRefused(M_BAD_MANIFEST, detail="changes")
    changes.done()
    counts_reader = top.child("counts")
    counts = {}
    for key in list(counts_reader.data):
        if not RECORD_TYPE_RE.fullmatch(key):
            raise SyncRefused(M_BAD_MANIFEST, detail=f"counts.{key[:40]}")
        counts[key] = counts_reader.integer(key, 0, 10**8)
    withheld_raw = top._get("withheld")
    if not isinstance(withheld_raw, dict) or not all(
        RECORD_TYPE_RE.fullmatch(k)
        and isinstance(v, list)
        and all(isinstance(c, str) and len(c) <= 64 for c in v)
        for k, v in withheld_raw.items()
    ):
        raise SyncRefused(M_BAD_MANIFEST, detail="withheld")
    payload = top.child("payload")
    sha = payload.text("sha256", HEX64_RE)
    size = payload.integer("size")
    payload.done()
    recipient = top.text("recipient_key_id", HEX64_RE)
    try:
        signing_key = base64.b64decode(top.text("signing_key", limit=64), validate=True)
    except (binascii.Error, ValueError) as error:
        raise SyncRefused(M_BAD_MANIFEST, detail="signing_key") from error
    if len(signing_key) != 32:
        raise SyncRefused(M_BAD_MANIFEST, detail="signing_key")
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
    )
