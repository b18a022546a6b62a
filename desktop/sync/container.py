"""The bytes of a sync file: a short clear header, then the encrypted ZIP bundle.

Layout (all of it is in ``docs/sync-format.md``)::

    0   8  magic "TDCSSYNC"
    8   1  container version (1)
    9   1  kind (1 = export from a commune)
    10 32  recipient key id = SHA-256(city X25519 public key)
    42 32  ephemeral X25519 public key
    74 12  AES-GCM nonce
    86  …  AES-256-GCM ciphertext and 16-byte tag; associated data = bytes 0–85

The plaintext is a ZIP archive with exactly three members, read only into memory, never
onto disk, each under a size limit checked before and while reading, so a zip bomb or a
member called ``../../x`` is refused instead of being unpacked.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.sync import crypto
from desktop.sync.errors import SyncRefused

MAGIC = b"TDCSSYNC"
RECEIPT_MAGIC = b"TDCSRCPT"
#: A bulletin from the city (:mod:`desktop.sync.bulletin`), recognised to be explained.
BULLETIN_MAGIC = b"TDCSBLTN"
CONTAINER_VERSION = 1
KIND_EXPORT = 1
HEADER_SIZE = len(MAGIC) + 2 + crypto.KEY_SIZE * 2 + crypto.NONCE_SIZE
SUFFIX = ".tdcs"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD = "payload.json"
MEMBERS = (MANIFEST, SIGNATURE, PAYLOAD)

MIB = 1024 * 1024
#: Largest sync file accepted. A full snapshot of the largest commune (about 10 000 loans)
#: is a few megabytes; the limit is far above that and far below what hurts a city PC.
MAX_FILE_SIZE = 256 * MIB
MEMBER_LIMITS = {MANIFEST: 1 * MIB, SIGNATURE: crypto.SIGNATURE_SIZE, PAYLOAD: 512 * MIB}
#: ``payload.json`` may unpack to at most this many times the archive's size (plus
#: :data:`RATIO_ALLOWANCE`): genuine records compress about 4 times, since every record
#: carries a random identifier; text packed a thousand times is a "zip bomb". This keeps the
#: memory an import takes in proportion to the file's size.
MAX_RATIO = 64
RATIO_ALLOWANCE = 1 * MIB
_CHUNK = 1 * MIB

M_EMPTY = QT_TRANSLATE_NOOP("Sync", "The file is empty (0 bytes). Ask for it to be sent again.")
M_NOT_SYNC = QT_TRANSLATE_NOOP(
    "Sync",
    "This is not a TDCS sync file. Sync files end in .tdcs and are made with "
    "“Create file for the city” at a commune.",
)
M_IS_RECEIPT = QT_TRANSLATE_NOOP(
    "Sync",
    "This is a receipt written by the city, not a sync file. Receipts are imported at the "
    "commune that sent the file.",
)
M_IS_BULLETIN = QT_TRANSLATE_NOOP(
    "Sync",
    "This is a bulletin that the city sends to the communes, not a sync file. Bulletins are "
    "applied at the communes (Sync page, or: tdcs bulletin import FILE).",
)
M_NEWER_FORMAT = QT_TRANSLATE_NOOP(
    "Sync",
    "This file was made by a newer version of TDCS (file format {version}). Update TDCS on "
    "this computer, then import the file again.",
)
M_TRUNCATED = QT_TRANSLATE_NOOP(
    "Sync",
    "The file is incomplete (only {size} bytes). It was probably cut off while being copied "
    "or attached; ask for it to be sent again.",
)
M_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Sync", "The file is too large ({size} MB; at most {limit} MB). It is not a TDCS sync file."
)
M_OTHER_RECIPIENT = QT_TRANSLATE_NOOP(
    "Sync",
    "This file was encrypted for another key than this office's. Either it is meant for "
    "another office, or the commune uses an old city key: send the commune the current city "
    "key file and ask for the file again.",
)
M_DAMAGED = QT_TRANSLATE_NOOP(
    "Sync",
    "The file is damaged or was changed after it was made: it cannot be decrypted. Ask the "
    "commune to send the same file again.",
)
M_BAD_BUNDLE = QT_TRANSLATE_NOOP(
    "Sync", "The inside of the file is not in the expected form. It was refused."
)
M_BAD_MEMBERS = QT_TRANSLATE_NOOP(
    "Sync",
    "The file contains unexpected entries ({names}). Genuine TDCS files hold exactly "
    "manifest.json, manifest.sig and payload.json; this one was refused.",
)
M_MEMBER_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Sync",
    "The entry {name} inside the file unpacks to more than {limit} MB (a “zip bomb”). The "
    "file was refused without unpacking it.",
)


@dataclass(frozen=True)
class SealedFile:
    header: bytes
    recipient_id: bytes
    ephemeral_public: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class Bundle:
    manifest: bytes
    signature: bytes
    payload: bytes


def pack_bundle(bundle: Bundle, *, level: int = 3) -> bytes:
    """The ZIP archive (fixed member order and timestamps, so equal input gives equal
    bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in zip(
            MEMBERS, (bundle.manifest, bundle.signature, bundle.payload), strict=True
        ):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=level)
    return out.getvalue()


def seal_bundle(zip_bytes: bytes, recipient_public: bytes) -> bytes:
    """Encrypt the ZIP archive to the city's X25519 key and prepend the header."""
    ephemeral_private, ephemeral_public, nonce = crypto.new_ephemeral()
    header = (
        MAGIC
        + bytes([CONTAINER_VERSION, KIND_EXPORT])
        + crypto.key_id(recipient_public)
        + ephemeral_public
        + nonce
    )
    sealed = crypto.seal_with(ephemeral_private, nonce, recipient_public, zip_bytes, header)
    return header + sealed.ciphertext


def parse_sealed(data: bytes) -> SealedFile:
    """Split a file into header fields and ciphertext, refusing what is plainly not one."""
    if not data:
        raise SyncRefused(M_EMPTY)
    if data.startswith(RECEIPT_MAGIC):
        raise SyncRefused(M_IS_RECEIPT)
    if data.startswith(BULLETIN_MAGIC):
        raise SyncRefused(M_IS_BULLETIN)
    if not data.startswith(MAGIC):
        raise SyncRefused(M_NOT_SYNC)
    if len(data) < len(MAGIC) + 2:
        raise SyncRefused(M_TRUNCATED, size=len(data))
    version, kind = data[len(MAGIC)], data[len(MAGIC) + 1]
    if version > CONTAINER_VERSION:
        raise SyncRefused(M_NEWER_FORMAT, version=version)
    if version != CONTAINER_VERSION or kind != KIND_EXPORT:
        raise SyncRefused(M_NOT_SYNC)
    if len(data) < HEADER_SIZE + crypto.TAG_SIZE:
        raise SyncRefused(M_TRUNCATED, size=len(data))
    at = len(MAGIC) + 2
    recipient = data[at : at + crypto.KEY_SIZE]
    at += crypto.KEY_SIZE
    ephemeral = data[at : at + crypto.KEY_SIZE]
    at += crypto.KEY_SIZE
    nonce = data[at : at + crypto.NONCE_SIZE]
    return SealedFile(data[:HEADER_SIZE], recipient, ephemeral, nonce, data[HEADER_SIZE:])


def open_file(data: bytes, private_key: bytes, public_key: bytes) -> bytes:
    """The ZIP archive inside a sync file addressed to the key pair given."""
    sealed = parse_sealed(data)
    if sealed.recipient_id != crypto.key_id(public_key):
        raise SyncRefused(M_OTHER_RECIPIENT)
    try:
        return crypto.open_sealed(
            private_key, sealed.ephemeral_public, sealed.nonce, sealed.ciphertext, sealed.header
        )
    except crypto.CryptoFailure as error:
        raise SyncRefused(M_DAMAGED) from error


def member_limits(archive_size: int) -> dict[str, int]:
    """How far each member may unpack in an archive of ``archive_size`` bytes."""
    payload = min(MEMBER_LIMITS[PAYLOAD], MAX_RATIO * archive_size + RATIO_ALLOWANCE)
    return {**MEMBER_LIMITS, PAYLOAD: payload}


def unpack_bundle(zip_bytes: bytes) -> Bundle:
    """The three members, each read under its limit; anything else is refused."""
    limits = member_limits(len(zip_bytes))
    try:
        archive = zipfile.ZipFile(io.BytesIO(zip_bytes))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise SyncRefused(M_BAD_BUNDLE) from error
    names = [info.filename for info in infos]
    unexpected = [name for name in names if name not in MEMBERS]
    if unexpected or len(names) != len(MEMBERS) or set(names) != set(MEMBERS):
        shown = unexpected or sorted(set(MEMBERS) - set(names)) or names
        raise SyncRefused(M_BAD_MEMBERS, names=", ".join(repr(n[:80]) for n in shown[:5]))
    data: dict[str, bytes] = {}
    for info in infos:
        limit = limits[info.filename]
        if info.file_size > limit or info.flag_bits & 0x1:
            raise SyncRefused(M_MEMBER_TOO_LARGE, name=info.filename, limit=_mb(limit))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise SyncRefused(M_BAD_BUNDLE)
        data[info.filename] = _read_member(archive, info, limit)
    return Bundle(data[MANIFEST], data[SIGNATURE], data[PAYLOAD])


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise SyncRefused(M_MEMBER_TOO_LARGE, name=info.filename, limit=_mb(limit))
                parts.append(chunk)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as error:
        raise SyncRefused(M_BAD_BUNDLE) from error
    return b"".join(parts)


def _mb(size: int) -> str:
    return str(max(round(size / MIB), 1))
