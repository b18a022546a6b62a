"""Everything the city checks about a file before it looks at its own data.

In order: the file decrypts with the city's key; the bundle inside has exactly its three
members within their limits; the manifest is well formed and from a format this TDCS
reads; the signature over the manifest is the commune's (the key pinned for that commune,
or for a first file the key in the manifest, whose fingerprint is then shown for
confirmation); the manifest was made for this city; the payload's hash and size are the
manifest's; the commune is one of the 103; the counts are the manifest's; and every value
of every record passes :mod:`desktop.sync.rules`. Nothing here writes to the database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import CITY_CODE
from db.migrate import alembic_config
from db.models import Commune, OwnKey
from desktop.core.formatting import format_stored_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.sync import container, crypto, keys, manifest, payload
from desktop.sync.errors import SyncRefused
from desktop.sync.manifest import Manifest
from desktop.sync.payload import Table, shown
from desktop.sync.rules import (
    BASE_COLUMNS,
    M_BAD_ROW,
    M_CHANGE_RANGE,
    M_DELETED_BEFORE_CREATED,
    M_DUPLICATE,
    M_MISSING_COLUMN,
    M_OTHER_OWNER,
    M_UNKNOWN_COLUMN,
    M_WITHHELD_SENT,
    MISSING,
    Problem,
    column_ok,
    explain,
    normalise_text,
    rules_for,
)

#: A file with more problems than this is not worth listing further.
MAX_PROBLEMS = 200
#: Every record carries a random identifier (122 random bits) that no compression shrinks
#: below 16 bytes: a file declaring more records than its size allows is refused before
#: its records are read (plus an allowance for small files).
MIN_RECORD_BYTES = 12
RECORD_ALLOWANCE = 1000

M_NOT_CITY = QT_TRANSLATE_NOOP(
    "Sync", "Only the city office imports sync files. This office is a commune office."
)
M_NO_CITY_KEY_HERE = QT_TRANSLATE_NOOP(
    "Sync",
    "This office has no city key yet, so no file can have been encrypted for it. Make the "
    "key first (tdcs keys init-city) and send the key file to the communes.",
)
M_BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    "Sync",
    "The file's signature does not match its content: it was changed after the commune "
    "made it, or it was not made by TDCS. It was refused.",
)
M_WRONG_CITY = QT_TRANSLATE_NOOP(
    "Sync", "The file was made for another city key than this office's. It was refused."
)
M_PAYLOAD_MISMATCH = QT_TRANSLATE_NOOP(
    "Sync",
    "The records in the file are not the ones the commune signed (their fingerprint "
    "differs from the signed description). The file was tampered with and was refused.",
)
M_UNKNOWN_COMMUNE = QT_TRANSLATE_NOOP(
    "Sync",
    "The file says it comes from unit {code}, which is not one of the 103 communes and "
    "wards of Cần Thơ. It was refused.",
)
M_OTHER_KEY = QT_TRANSLATE_NOOP(
    "Sync",
    "The file from {commune} is signed with a different key (fingerprint {new}) from the "
    "one confirmed for that commune on {date} (fingerprint {old}). It was refused. If the "
    "commune says by phone that it reinstalled TDCS without a backup, forget the old key on "
    "the Sync page (tdcs keys forget-commune {code}); its files then wait until its new key "
    "is confirmed.",
)
M_KEY_OF_ANOTHER_UNIT = QT_TRANSLATE_NOOP(
    "Sync",
    "The file says it comes from {commune}, but it is signed with the key enrolled for "
    "{owner} (fingerprint {fingerprint}). One key belongs to one commune: the file was "
    "refused.",
)
M_NEWER_SCHEMA = QT_TRANSLATE_NOOP(
    "Sync",
    "The file was made by a newer version of TDCS (database version {version}). Update "
    "TDCS at the city, then import the file again.",
)
M_COUNTS_LIE = QT_TRANSLATE_NOOP(
    "Sync",
    "The file's description says it holds {expected} records of kind {type}, but it holds "
    "{found}. The file is not consistent and was refused.",
)
M_BAD_RECORDS = QT_TRANSLATE_NOOP(
    "Sync",
    "{count} records in the file are not acceptable, so the file was refused and nothing "
    "was imported. First problems:\n{problems}",
)


@dataclass
class VerifiedFile:
    """A file that decrypted and whose signature, hash and values are in order (or whose
    record problems are listed in ``problems``)."""

    manifest: Manifest
    tables: list[Table]
    new_key: bool
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0

    @property
    def key_fingerprint(self) -> str:
        return crypto.fingerprint(self.manifest.signing_key)


@cache
def known_schema_versions() -> frozenset[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(s.revision for s in script.walk_revisions())


def city_private_key(session: Session) -> crypto.KeyPair:
    row = session.get(OwnKey, keys.CITY_ENCRYPTION)
    if row is None:
        raise SyncRefused(M_NO_CITY_KEY_HERE)
    return crypto.KeyPair(row.private_key, row.public_key)


def commune_names(session: Session) -> dict[str, str]:
    rows = session.execute(select(Commune.code, Commune.name)).all()
    return {row[0]: row[1] for row in rows}


def verify_file(session: Session, data: bytes) -> VerifiedFile:
    """Decrypt and check ``data``; raise :class:`SyncRefused` for a file that cannot be
    trusted at all."""
    from desktop.core.office import require_office

    if not require_office(session).is_city:
        raise SyncRefused(M_NOT_CITY)
    key = city_private_key(session)
    bundle = container.unpack_bundle(container.open_file(data, key.private, key.public))
    parsed = manifest.parse(bundle.manifest)
    communes = commune_names(session)
    code = parsed.commune_code
    pinned = keys.pinned_commune_key(session, code)
    signer = pinned.public_key if pinned is not None else parsed.signing_key
    try:
        crypto.verify(signer, manifest.SIGNATURE_LABEL, bundle.manifest, bundle.signature)
    except crypto.CryptoFailure as error:
        if pinned is not None and parsed.signing_key != pinned.public_key:
            _refuse_other_key(parsed, pinned, communes, error)
        raise SyncRefused(M_BAD_SIGNATURE) from error
    if pinned is not None and parsed.signing_key != pinned.public_key:
        _refuse_other_key(parsed, pinned, communes, None)
    if pinned is None:
        owner = keys.unit_of_key(session, parsed.signing_key)
        if owner is not None:
            raise SyncRefused(
                M_KEY_OF_ANOTHER_UNIT,
                commune=communes.get(code, shown(code)),
                owner=communes.get(owner, owner),
                fingerprint=crypto.fingerprint(parsed.signing_key),
                file_commune=code if code in communes else None,
                file_seq=parsed.seq,
            )
    if parsed.recipient_key_id != crypto.key_id(key.public).hex():
        raise SyncRefused(M_WRONG_CITY)
    body = bundle.payload
    if (
        len(body) != parsed.payload_size
        or hashlib.sha256(body).hexdigest() != parsed.payload_sha256
    ):
        raise SyncRefused(M_PAYLOAD_MISMATCH)
    if code == CITY_CODE or code not in communes:
        raise SyncRefused(M_UNKNOWN_COMMUNE, code=code)
    manifest.check_file_time(parsed.created, communes[code])
    if parsed.schema_version not in known_schema_versions():
        raise SyncRefused(M_NEWER_SCHEMA, version=parsed.schema_version)
    if parsed.total > len(data) // MIN_RECORD_BYTES + RECORD_ALLOWANCE:
        raise SyncRefused(payload.M_STRUCTURE, count=parsed.total)
    tables = payload.decode(body, parsed.counts)
    found = {t.record_type: len(t.rows) for t in tables if t.rows}
    declared = {k: v for k, v in parsed.counts.items() if v}
    for record_type in sorted(set(found) | set(declared)):
        if found.get(record_type, 0) != declared.get(record_type, 0):
            raise SyncRefused(
                M_COUNTS_LIE,
                expected=declared.get(record_type, 0),
                type=record_type,
                found=found.get(record_type, 0),
            )
    verified = VerifiedFile(parsed, [t for t in tables if t.rows], new_key=pinned is None)
    for table in verified.tables:
        check_table(table, parsed, verified)
    return verified


def _refuse_other_key(
    parsed: Manifest, pinned: keys.PinnedKey, communes: dict[str, str], cause: Exception | None
) -> None:
    raise SyncRefused(
        M_OTHER_KEY,
        commune=communes.get(parsed.commune_code, parsed.commune_code),
        new=crypto.fingerprint(parsed.signing_key),
        old=pinned.fingerprint,
        date=format_stored_date(pinned.pinned_at),
        code=parsed.commune_code,
        file_commune=parsed.commune_code,
        file_seq=parsed.seq,
    ) from cause


def _add(verified: VerifiedFile, problem: Problem) -> None:
    verified.problem_count += 1
    if len(verified.problems) < MAX_PROBLEMS:
        verified.problems.append(problem)


def check_table(table: Table, parsed: Manifest, verified: VerifiedFile) -> None:
    """Check the columns and values of one table, adding what is wrong to ``verified``;
    columns the city cannot take at all refuse the whole file. Free text is stored as a
    commune's form stores it (:func:`desktop.sync.rules.normalise_text`)."""
    commune_code = parsed.commune_code
    rules = rules_for(table.model)
    record_type = table.record_type
    for name in table.columns:
        if name in rules.withheld:
            raise SyncRefused(M_WITHHELD_SENT, type=record_type, field=name)
        if name not in rules.columns:
            raise SyncRefused(M_UNKNOWN_COLUMN, type=record_type, field=shown(name))
    for name, rule in rules.columns.items():
        if name in table.columns or name in rules.withheld:
            continue
        if rule.fill is MISSING or name in BASE_COLUMNS:
            raise SyncRefused(M_MISSING_COLUMN, type=record_type, field=name)
    width = len(table.columns)
    rows = table.rows
    if set(map(type, rows)) != {list} or set(map(len, rows)) != {width}:
        good = []
        for row in rows:
            if type(row) is list and len(row) == width:
                good.append(row)
            else:
                _add(verified, Problem(record_type, "", "", tr(M_BAD_ROW)))
        table.rows = rows = good
        if not rows:
            return
    columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True))
    id_index = table.columns.index("id")
    ids = columns[id_index]
    failed: set[str] = set()
    for index, name in enumerate(table.columns):
        rule = rules.columns[name]
        values: Sequence[Any] = columns[index]
        if rule.free_text:
            fixed = normalise_text(values)
            if fixed is not None:
                for row, value in zip(rows, fixed, strict=True):
                    row[index] = value
                values = fixed
        if column_ok(rule, values):
            continue
        failed.add(name)
        for record_id, value in zip(ids, values, strict=True):
            reason = explain(rule, value)
            if reason is not None:
                _add(verified, Problem(record_type, _shown(record_id), name, reason))
    owner_col = columns[table.columns.index("commune_code")]
    if set(map(type, owner_col)) != {str} or set(owner_col) != {commune_code}:
        for record_id, owner in zip(ids, owner_col, strict=True):
            if owner != commune_code:
                _add(
                    verified,
                    Problem(
                        record_type,
                        _shown(record_id),
                        "commune_code",
                        tr(M_OTHER_OWNER, owner=shown(owner, 12)),
                    ),
                )
    if "change_seq" not in failed:
        changes = columns[table.columns.index("change_seq")]
        low, high = parsed.change_after, parsed.change_through
        if min(changes) <= low or max(changes) > high:
            for record_id, value in zip(ids, changes, strict=True):
                if not low < value <= high:
                    message = tr(M_CHANGE_RANGE, value=value, after=low, through=high)
                    _add(verified, Problem(record_type, _shown(record_id), "change_seq", message))
    if not failed & {"created_at", "deleted_at"}:
        created = columns[table.columns.index("created_at")]
        deleted = columns[table.columns.index("deleted_at")]
        for record_id, made, gone in zip(ids, created, deleted, strict=True):
            if gone is not None and gone < made:
                message = tr(M_DELETED_BEFORE_CREATED, deleted=gone, created=made)
                _add(verified, Problem(record_type, _shown(record_id), "deleted_at", message))
    if set(map(type, ids)) == {str} and len(set(ids)) != len(ids):
        seen: set[str] = set()
        for record_id in ids:
            if record_id in seen:
                _add(verified, Problem(record_type, _shown(record_id), "id", tr(M_DUPLICATE)))
            seen.add(record_id)


def _shown(record_id: Any) -> str:
    return shown(record_id, 36) if isinstance(record_id, str) else ""


def problems_text(verified: VerifiedFile, limit: int = 10) -> str:
    return "\n".join(f"  • {p.text()}" for p in verified.problems[:limit])


def refuse_if_problems(verified: VerifiedFile) -> None:
    if verified.problem_count:
        raise SyncRefused(
            M_BAD_RECORDS, count=verified.problem_count, problems=problems_text(verified)
        )
