"""The city side: check a sync file, show what it would change, apply it all or nothing.

For each file:

1. Already imported (same bytes)? Then nothing happens and the answer says when.
2. :func:`desktop.sync.verify.verify_file`: decrypt, signature, hash, manifest, values.
3. Against the ledger: a file whose export was already imported in another copy is a
   replay; a number already used by another incremental file is refused (a full snapshot
   may reuse one: it replaces everything anyway). Files may arrive in any order.
4. Against the city's data, in bulk: each record is new, changed (a higher version: the
   old one goes to ``record_history``), deleted (a tombstone), unchanged (same version and
   content, or older than the city's), a conflict (same version, other content: held in
   ``sync_conflicts`` for a person) or rejected (owned by another commune, or a catalogue
   code the city does not know). Any rejected record refuses the whole file.
5. A file signed by a key not enrolled for its commune stops here and waits (its ledger
   line keeps the key, for :func:`desktop.sync.keys.confirm_commune_key`).
6. Apply in one transaction, which first takes the commune's import lock
   (:func:`db.dialects.lock_for_transaction`: two imports of one commune's files run one
   after the other, a file that waits too long is refused with nothing changed; on
   PostgreSQL other communes' files are imported side by side): the ledger row, one bulk
   upsert per record type (:func:`db.dialects.bulk_upsert`: ``INSERT … ON CONFLICT(id) DO
   UPDATE … WHERE excluded.version > version``, an ``executemany`` in SQLite, a ``COPY``
   through a temporary table in PostgreSQL, or straight into the table for a record type
   the city holds none of the commune's records of: those ids are not looked up first,
   and should one be there after all, the file is rolled back and applied again, every id
   looked up), history, conflicts; a complete file then replaces what the city holds for
   the commune (:func:`replace_missing`). A reader sees none of it before the commit.
   Then the signed receipt.

The same code runs on SQLite and on PostgreSQL (SQLAlchemy Core on the session's
connection); what differs by engine is written once in :mod:`db.dialects`. The city's copies
are read in the form a file carries them (dates as ISO text, through
:class:`db.dialects.iso_date`), without the models' result types.

Any error while one file is checked or applied is that file's refusal (ledger line,
message, traceback in the log): the next file of a batch is imported all the same.

Foreign keys between travelling records are **not** enforced during an import: file 7 may
bring a loan whose borrower comes in file 6, which has not arrived yet. In SQLite the import
runs on its own connection with ``PRAGMA foreign_keys=OFF``; a PostgreSQL database (only ever
a city) has no such foreign keys (migration ``0007_city_record_references``), and the import
runs on the database's own engine. Instead, references are checked here:
a reference to a catalogue code must exist at the city; a reference to another record must
not point at a record of another commune; a reference to a record not yet received is
counted as "waiting" and shown. Once every file has arrived, every reference resolves,
because the commune's own database enforces them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    Engine,
    column,
    func,
    inspect,
    literal,
    select,
    table,
    union_all,
    update,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.expression import TableClause

from db import dialects
from db.base import utc_now
from db.dialects import among, greatest, iso_date
from db.engine import make_engine, make_session_factory
from db.enums import AuditAction, ImportOutcome
from db.models import SYNCED_MODELS, AuditEntry, ImportRecord
from db.serialize import column_names
from desktop.core.database import Database
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.settings import actor_name
from desktop.sync import keys
from desktop.sync.container import MAX_FILE_SIZE
from desktop.sync.errors import SyncRefused
from desktop.sync.files import read_limited
from desktop.sync.ledger import Gaps, applied_imports, missing_files, missing_text
from desktop.sync.manifest import Manifest
from desktop.sync.payload import Table, shown
from desktop.sync.rules import (
    M_FOREIGN_REFERENCE,
    M_OTHER_OWNER,
    M_UNKNOWN_REFERENCE,
    MISSING,
    Problem,
    rules_for,
)
from desktop.sync.verify import (
    VerifiedFile,
    commune_names,
    refuse_if_problems,
    verify_file,
)

log = logging.getLogger(__name__)

M_BUSY_COMMUNE = QT_TRANSLATE_NOOP(
    "Sync",
    "Another import of files from {commune} is running on another computer (or in another "
    "window). This file was not imported and nothing was changed; import it again when that "
    "import has ended.",
)
M_BUSY_DATABASE = QT_TRANSLATE_NOOP(
    "Sync",
    "Another import into the city's database is running (in another window or by the "
    "command line). This file was not imported and nothing was changed; import it again "
    "when that import has ended.",
)
M_ALREADY = QT_TRANSLATE_NOOP(
    "Sync", "This file was already imported on {date}. Nothing was changed."
)
M_REPLAY = QT_TRANSLATE_NOOP(
    "Sync",
    "File {seq} from {commune} was already imported on {date}, and this is a different copy "
    "of it (a replay). It was refused; nothing was changed.",
)
M_SEQ_TAKEN = QT_TRANSLATE_NOOP(
    "Sync",
    "Another file numbered {seq} from {commune} was already imported on {date}. The commune "
    "may have restored an old backup. Ask it to make a full file, which the city accepts "
    "whatever its number.",
)
M_KEY_WAITING = QT_TRANSLATE_NOOP(
    "Sync",
    "Not imported yet: the key that signed this file (fingerprint {fingerprint}) is not "
    "enrolled for {commune}. Call the commune, have it read the key fingerprint shown on its "
    "Sync page, and confirm that number (“Confirm the commune's key…”, or: tdcs keys confirm "
    "{code} FINGERPRINT); then import the file again. Until then it counts for nothing.",
)
M_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Sync",
    "The file could not be checked or imported because of an unexpected error ({error}). It "
    "was refused and nothing was changed; the details are in the log file (logs/tdcs.log). "
    "Please report it.",
)
M_REPLACED = QT_TRANSLATE_NOOP(
    "Sync",
    "This complete copy replaces what the city held for {commune}: {count} records the "
    "commune no longer has were marked deleted (the city keeps them in the history).",
)
M_CHAIN = QT_TRANSLATE_NOOP(
    "Sync",
    "This file does not follow on from file {seq} that the city has from {commune} (the "
    "commune may have restored a backup); records are still compared by version.",
)
M_WAITING = QT_TRANSLATE_NOOP(
    "Sync",
    "{count} records refer to records the city has not received yet (they are in a file "
    "that has not arrived).",
)
M_APPLY_MISMATCH = QT_TRANSLATE_NOOP(
    "Sync",
    "The city's data changed while the file was being imported ({type}). Nothing was "
    "imported; import the file again.",
)


class Status(StrEnum):
    READY = "ready"
    APPLIED = "applied"
    ALREADY = "already"
    REFUSED = "refused"
    #: Checked, but signed by a key not yet enrolled for its commune: it waits.
    WAITING = "waiting"


CATEGORIES = ("new", "changed", "deleted", "unchanged", "conflicts", "rejected")


@dataclass
class Summary:
    """What a file does to the city's data, by category and record type."""

    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    waiting: int = 0

    def add(self, record_type: str, category: str, count: int = 1) -> None:
        if count:
            counts = self.by_type.setdefault(record_type, dict.fromkeys(CATEGORIES, 0))
            counts[category] += count

    def total(self, category: str) -> int:
        return sum(c[category] for c in self.by_type.values())

    def totals(self) -> dict[str, int]:
        return {category: self.total(category) for category in CATEGORIES}


@dataclass
class FileReport:
    """The outcome of checking or importing one file, for the window and the CLI."""

    path: Path
    status: Status
    file_sha256: str = ""
    message: str = ""
    manifest: Manifest | None = None
    commune_code: str = ""
    commune_name: str = ""
    seq: int | None = None
    summary: Summary | None = None
    problems: list[str] = field(default_factory=list)
    new_key_fingerprint: str | None = None
    notes: list[str] = field(default_factory=list)
    import_id: int | None = None
    imported_at: datetime | None = None
    #: Numbers below this file's that the city has not received (none for a full copy).
    missing_before: Gaps = ()

    @property
    def ok(self) -> bool:
        return self.status in (Status.READY, Status.APPLIED, Status.ALREADY)

    @property
    def commune_label(self) -> str:
        """``Cái Khế (31120)``, from the file or (for a file imported before) the ledger."""
        if not self.commune_code:
            return ""
        return f"{self.commune_name} ({self.commune_code})"


class AlreadyImported(Exception):
    def __init__(self, import_id: int, received_at: datetime) -> None:
        super().__init__(import_id, received_at)
        self.import_id = import_id
        self.received_at = received_at


# -- classification ---------------------------------------------------------------------------


@dataclass
class TablePlan:
    """What to write for one record type."""

    table: Table
    apply_rows: list[Any]
    history: list[tuple[str, int, str]] = field(default_factory=list)
    conflicts: list[tuple[str, int, str, str]] = field(default_factory=list)
    superseded: list[tuple[str, int]] = field(default_factory=list)
    #: The city held none of the file's records of this type when it was planned.
    all_new: bool = False
    #: ``all_new`` assumed, not looked up: the city holds none of the commune's records of
    #: this type (:class:`Unchecked` if one of the ids is there after all).
    unchecked: bool = False


class Unchecked(Exception):
    """A record assumed new was at the city after all (another commune's id): the file's
    transaction is rolled back and the file planned again, every id looked up."""


@cache
def _boolean_names(model: Any) -> frozenset[str]:
    columns = inspect(model).columns
    return frozenset(c.key for c in columns if isinstance(c.type, Boolean))


@cache
def _date_names(model: Any) -> frozenset[str]:
    columns = inspect(model).columns
    return frozenset(c.key for c in columns if isinstance(c.type, Date))


def _plain_table(name: str, names: Iterable[str]) -> TableClause:
    """``name`` with untyped columns: values come back as the driver gives them (no result
    processing turns the stored texts into objects)."""
    return table(name, *(column(n) for n in names))


def _travelling(model: Any, names: Sequence[str]) -> tuple[TableClause, list[Any]]:
    """The table of ``model`` and its ``names`` columns to select in the travelling form:
    dates as ISO text (:class:`db.dialects.iso_date`; timestamps are stored as text)."""
    plain = _plain_table(model.__tablename__, names)
    dates = _date_names(model)
    return plain, [iso_date(plain.c[n]).label(n) if n in dates else plain.c[n] for n in names]


def _copies(conn: Connection, model: Any, ids: Iterable[str]) -> list[Any]:
    """The city's copies (every column, travelling form) of the records ``ids``."""
    plain, selected = _travelling(model, column_names(model))
    return list(conn.execute(select(*selected).where(among(plain.c.id, ids))))


def _plain(names: Sequence[str], values: Sequence[Any], booleans: frozenset[str]) -> str:
    record = {
        name: (bool(value) if name in booleans and value is not None else value)
        for name, value in zip(names, values, strict=True)
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fill_values(table: Table) -> dict[str, Any]:
    """Columns the file leaves out and what the city stores in them."""
    rules = rules_for(table.model)
    return {
        name: rule.fill
        for name, rule in rules.columns.items()
        if name not in table.columns and rule.fill is not MISSING
    }


class Planner:
    """Compares one verified file with the city's data."""

    def __init__(
        self, conn: Connection, verified: VerifiedFile, unchecked: frozenset[str] = frozenset()
    ) -> None:
        self.conn = conn
        self.verified = verified
        #: Tables whose records the city is not asked about: it holds none of the commune's,
        #: and writing them fails should one of their ids be there (see ``CityImporter``).
        self.unchecked = unchecked
        self.code = verified.manifest.commune_code
        self.summary = Summary()
        self._catalogues: dict[tuple[str, str], frozenset[Any]] = {}
        self.ids_by_table = {
            t.model.__tablename__: set(map(itemgetter(t.columns.index("id")), t.rows))
            for t in verified.tables
        }
        conflicts = _plain_table(
            "sync_conflicts",
            ("record_type", "record_id", "version", "incoming_json", "resolved_at", "commune_code"),
        ).c
        self.known_conflicts = {
            (t, i, v, j): bool(resolved)
            for t, i, v, j, resolved in conn.execute(
                select(
                    conflicts.record_type,
                    conflicts.record_id,
                    conflicts.version,
                    conflicts.incoming_json,
                    conflicts.resolved_at.is_not(None),
                ).where(conflicts.commune_code == self.code)
            )
        }

    def problem(self, table: Table, record_id: str, field_name: str, message: str) -> None:
        self.summary.add(table.record_type, "rejected")
        self.verified.problem_count += 1
        if len(self.verified.problems) < 200:
            self.verified.problems.append(
                Problem(table.record_type, record_id, field_name, message)
            )

    def catalogue(self, table: str, column: str) -> frozenset[Any]:
        if (table, column) not in self._catalogues:
            plain = _plain_table(table, [column])
            rows = self.conn.execute(select(plain.c[column]))
            self._catalogues[(table, column)] = frozenset(r[0] for r in rows)
        return self._catalogues[(table, column)]

    def plan(self) -> list[TablePlan]:
        return [self.plan_table(table) for table in self.verified.tables]

    def check_references(self, table: Table) -> None:
        rules = rules_for(table.model)
        id_at = table.columns.index("id")
        for index, name in enumerate(table.columns):
            rule = rules.columns[name]
            if rule.reference is None:
                continue
            target, target_column = rule.reference
            values = set(map(itemgetter(index), table.rows))
            values.discard(None)
            if not values:
                continue
            if not rule.references_record:
                unknown = values - self.catalogue(target, target_column)
                for row in table.rows:
                    if row[index] in unknown:
                        message = tr(M_UNKNOWN_REFERENCE, value=shown(row[index]), table=target)
                        self.problem(table, row[id_at], name, message)
                continue
            outside = values - self.ids_by_table.get(target, set())
            if not outside:
                continue
            referred = _plain_table(target, ("id", "commune_code")).c
            found = select(referred.id, referred.commune_code).where(among(referred.id, outside))
            owners = dict(self.conn.execute(found).all())  # a Result has keys(): not dict()
            for row in table.rows:
                value = row[index]
                if value not in outside:
                    continue
                owner = owners.get(value)
                if owner is None:
                    self.summary.waiting += 1
                elif owner != self.code:
                    self.problem(table, row[id_at], name, tr(M_FOREIGN_REFERENCE, owner=owner))

    def plan_table(self, table: Table) -> TablePlan:
        model = table.model
        name = model.__tablename__
        record_type = table.record_type
        columns = table.columns
        rows = table.rows
        id_at, version_at = columns.index("id"), columns.index("version")
        deleted_at = columns.index("deleted_at")
        self.check_references(table)
        unchecked = name in self.unchecked
        held = _plain_table(name, ("id", "version", "commune_code", "deleted_at")).c
        existing = (
            {}
            if unchecked
            else {
                record_id: (version, owner, deleted)
                for record_id, version, owner, deleted in self.conn.execute(
                    select(held.id, held.version, held.commune_code, held.deleted_at).where(
                        among(held.id, map(itemgetter(id_at), rows))
                    )
                )
            }
        )
        if not existing:
            tombstones = sum(1 for value in map(itemgetter(deleted_at), rows) if value is not None)
            self.summary.add(record_type, "new", len(rows) - tombstones)
            self.summary.add(record_type, "deleted", tombstones)
            return TablePlan(table, rows, all_new=True, unchecked=unchecked)
        apply_rows: list[Any] = []
        compare: list[Any] = []
        for row in rows:
            record_id = row[id_at]
            known = existing.get(record_id)
            if known is None:
                apply_rows.append(row)
                self.summary.add(record_type, "deleted" if row[deleted_at] else "new")
                continue
            version, owner, _deleted = known
            if owner != self.code:
                self.problem(table, record_id, "id", tr(M_OTHER_OWNER, owner=owner))
            elif version > row[version_at]:
                self.summary.add(record_type, "unchanged")
            else:
                compare.append(row)
        plan = TablePlan(table, apply_rows)
        if compare:
            self._compare(table, plan, compare, existing)
        return plan

    def _compare(
        self,
        table: Table,
        plan: TablePlan,
        rows: list[Any],
        existing: dict[str, tuple[int, str, str | None]],
    ) -> None:
        """Rows whose version is equal to or above the city's: fetch the city's copies once."""
        model = table.model
        record_type = table.record_type
        columns = table.columns
        all_columns = column_names(model)
        booleans = _boolean_names(model)
        id_at, version_at = columns.index("id"), columns.index("version")
        deleted_at = columns.index("deleted_at")
        ignored = {"change_seq"}
        compared = [i for i, c in enumerate(columns) if c not in ignored]
        project = [all_columns.index(columns[i]) for i in compared]
        fills = fill_values(table)
        key = all_columns.index("id")
        current = {row[key]: row for row in _copies(self.conn, model, (row[id_at] for row in rows))}
        for row in rows:
            record_id, version = row[id_at], row[version_at]
            old = current[record_id]
            if existing[record_id][0] < version:
                plan.apply_rows.append(row)
                plan.history.append(
                    (record_id, existing[record_id][0], _plain(all_columns, old, booleans))
                )
                plan.superseded.append((record_id, version))
                deleted = row[deleted_at] is not None and existing[record_id][2] is None
                self.summary.add(record_type, "deleted" if deleted else "changed")
                continue
            if [row[i] for i in compared] == [old[i] for i in project]:
                self.summary.add(record_type, "unchanged")
                continue
            incoming = _plain([*columns, *fills], [*row, *fills.values()], booleans)
            resolved = self.known_conflicts.get((record_type, record_id, version, incoming))
            if resolved:
                self.summary.add(record_type, "unchanged")
                continue
            self.summary.add(record_type, "conflicts")
            if resolved is None:
                plan.conflicts.append(
                    (record_id, version, _plain(all_columns, old, booleans), incoming)
                )


# -- writing ----------------------------------------------------------------------------------


#: An incoming row replaces the city's copy only when its version is higher, and only a
#: copy of the same commune (a record of another commune was refused before; this is the
#: last guard).
_NEWER = "excluded.version > {name}.version AND {name}.commune_code = excluded.commune_code"

_HISTORY = _plain_table(
    "record_history",
    ("import_id", "record_type", "record_id", "version", "payload_json", "replaced_at"),
)
_CONFLICTS = _plain_table(
    "sync_conflicts",
    (
        "import_id",
        "commune_code",
        "record_type",
        "record_id",
        "version",
        "existing_json",
        "incoming_json",
        "detected_at",
        "resolved_at",
    ),
)


def write_rows(conn: Connection, table: Table, rows: Sequence[Any], *, all_new: bool) -> int:
    """Upsert ``rows`` of ``table`` (``INSERT … ON CONFLICT(id) DO UPDATE … WHERE
    excluded.version > version``); columns the file leaves out get the city's fill value.
    Names come from the model (the file's column names were checked against it). Returns
    the count written (``all_new``: none of them is at the city, see
    :func:`db.dialects.bulk_upsert`)."""
    name = table.model.__tablename__
    return dialects.bulk_upsert(
        conn,
        name,
        table.columns,
        rows,
        fill_values(table),
        _NEWER.format(name=name),
        all_new=all_new,
    )


def _write_history(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(_HISTORY.insert(), rows)


def write_plans(
    conn: Connection,
    plans: Sequence[TablePlan],
    import_id: int,
    commune_code: str,
    progress: Progress,
) -> None:
    now = utc_now().isoformat(sep=" ")
    total = len(plans)
    conflicts = _CONFLICTS.c
    for done, plan in enumerate(plans):
        table = plan.table
        record_type = table.record_type
        rows = plan.apply_rows
        written = write_rows(conn, table, rows, all_new=plan.all_new) if rows else 0
        if written != len(rows):
            if plan.unchecked:
                raise Unchecked(record_type)
            raise SyncRefused(M_APPLY_MISMATCH, type=record_type)
        _write_history(
            conn,
            [
                {
                    "import_id": import_id,
                    "record_type": record_type,
                    "record_id": i,
                    "version": v,
                    "payload_json": p,
                    "replaced_at": now,
                }
                for i, v, p in plan.history
            ],
        )
        for record_id, version in plan.superseded:
            conn.execute(
                _CONFLICTS.update()
                .where(
                    conflicts.resolved_at.is_(None),
                    conflicts.record_type == record_type,
                    conflicts.record_id == record_id,
                    conflicts.version < version,
                )
                .values(resolved_at=now)
            )
        if plan.conflicts:
            conn.execute(
                _CONFLICTS.insert(),
                [
                    {
                        "import_id": import_id,
                        "commune_code": commune_code,
                        "record_type": record_type,
                        "record_id": i,
                        "version": v,
                        "existing_json": old,
                        "incoming_json": new,
                        "detected_at": now,
                    }
                    for i, v, old, new in plan.conflicts
                ],
            )
        progress.report(done + 1, total, record_type)


def held_counts(conn: Connection, code: str) -> dict[str, int]:
    """How many records (tombstones too) of each synced table the city holds for the
    commune ``code``: one query for every record type."""
    counts = union_all(
        *(
            select(literal(model.__tablename__).label("name"), func.count().label("held"))
            .select_from(_plain_table(model.__tablename__, ["commune_code"]))
            .where(column("commune_code") == code)
            for model in SYNCED_MODELS
        )
    )
    held: dict[str, int] = dict(conn.execute(counts).all())
    return held


def replace_missing(
    conn: Connection, verified: VerifiedFile, import_id: int, *, first_in_epoch: bool
) -> dict[str, int]:
    """A complete file (a full snapshot, or a file with every change from the first)
    replaces what the city holds for its commune: each record of the commune that the city
    holds and the file lacks, not yet deleted, is marked deleted at the file's time — if it
    was last changed before the file was made (by the commune's clock: a record changed
    later came in a later file that arrived first), or whatever its time when this is the
    commune's first file since it started afresh. Its previous copy goes to
    ``record_history``; its version rises by one, so that an older file arriving late
    cannot bring it back. Returns the count per record type."""
    manifest = verified.manifest
    made = manifest.created_at
    code = manifest.commune_code
    present = {
        t.record_type: set(map(itemgetter(t.columns.index("id")), t.rows)) for t in verified.tables
    }
    now = utc_now().isoformat(sep=" ")
    replaced: dict[str, int] = {}
    names = ("id", "commune_code", "created_at", "updated_at", "deleted_at", "version")
    tables = {
        model.__tablename__: _plain_table(model.__tablename__, names) for model in SYNCED_MODELS
    }
    held = held_counts(conn, code)
    for model in SYNCED_MODELS:
        name = model.__tablename__
        have = present.get(model.record_type, set())
        plain = tables[name]
        if held[name] == len(have):
            continue  # every record the city holds is in the file (the usual case)
        gone = [
            record_id
            for record_id, updated in conn.execute(
                select(plain.c.id, plain.c.updated_at).where(
                    plain.c.commune_code == code, plain.c.deleted_at.is_(None)
                )
            )
            if record_id not in have and (first_in_epoch or updated < made)
        ]
        if not gone:
            continue
        all_columns = column_names(model)
        booleans = _boolean_names(model)
        id_at, version_at = all_columns.index("id"), all_columns.index("version")
        _write_history(
            conn,
            [
                {
                    "import_id": import_id,
                    "record_type": model.record_type,
                    "record_id": row[id_at],
                    "version": row[version_at],
                    "payload_json": _plain(all_columns, row, booleans),
                    "replaced_at": now,
                }
                for row in _copies(conn, model, gone)
            ],
        )
        marked = conn.execute(
            plain.update()
            .where(among(plain.c.id, gone), plain.c.deleted_at.is_(None))
            .values(
                deleted_at=greatest(made, plain.c.created_at),
                updated_at=greatest(made, plain.c.updated_at),
                version=plain.c.version + 1,
            )
        )
        if marked.rowcount != len(gone):
            raise SyncRefused(M_APPLY_MISMATCH, type=model.record_type)
        replaced[model.record_type] = len(gone)
    return replaced


# -- the ledger ----------------------------------------------------------------------------------


def check_ledger(
    session: Session, manifest: Manifest, file_sha256: str, current: int | None = None
) -> tuple[list[str], Gaps]:
    """Refuse replays and reused numbers; return notes (gaps, a broken chain) and the
    numbers before this file's that have not arrived. ``current`` is the ledger row of this
    very import, which is left out."""
    names = commune_names(session)
    commune = names.get(manifest.commune_code, manifest.commune_code)
    every = [
        r
        for r in applied_imports(session, manifest.commune_code, every_epoch=True)
        if r.id != current
    ]
    for row in every:
        if row.file_sha256 == file_sha256:
            raise AlreadyImported(row.id, row.received_at)
    for row in every:
        if row.export_id == manifest.export_id:
            raise SyncRefused(
                M_REPLAY, seq=row.seq, commune=commune, date=format_datetime(row.received_at)
            )
    rows = [r for r in applied_imports(session, manifest.commune_code) if r.id != current]
    if not manifest.full_snapshot:
        for row in rows:
            if row.seq == manifest.seq:
                raise SyncRefused(
                    M_SEQ_TAKEN,
                    seq=row.seq,
                    commune=commune,
                    date=format_datetime(row.received_at),
                )
    notes = []
    previous = next((r for r in rows if r.seq == manifest.seq - 1), None)
    if previous is not None and previous.export_id != manifest.previous_export_id:
        notes.append(tr(M_CHAIN, seq=previous.seq, commune=commune))
    seqs = {r.seq for r in rows} | {manifest.seq}
    fulls = {r.seq for r in rows if r.full_snapshot}
    if manifest.full_snapshot:
        fulls.add(manifest.seq)
    missing = tuple(gap for gap in missing_files(seqs, fulls) if gap[1] < manifest.seq)
    if missing:
        notes.append(missing_text(missing, commune))
    return notes, missing


def _ledger_json(
    manifest: Manifest | None,
    summary: Summary | None,
    problems: list[str],
    waiting_key: bytes | None = None,
) -> str:
    body: dict[str, Any] = {}
    if waiting_key is not None:
        body["waiting_key"] = base64.b64encode(waiting_key).decode("ascii")
    if manifest is not None:
        body.update(
            counts=manifest.counts,
            full_snapshot=manifest.full_snapshot,
            export_created_at=manifest.created_at,
            previous_export_id=manifest.previous_export_id,
            payload_sha256=manifest.payload_sha256,
            commune_name=manifest.commune_name,
        )
        if manifest.bulletin is not None:
            body["bulletin"] = manifest.bulletin.to_json()
    if summary is not None:
        body["summary"] = summary.totals()
        body["waiting"] = summary.waiting
    if problems:
        body["problems"] = problems[:50]
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


# -- the importer -------------------------------------------------------------------------------


#: What an applied file writes besides its records.
_LEDGER_TABLES = ("imports", "record_history", "sync_conflicts", "audit_log", "trusted_keys")


def _import_engine(database: Database) -> tuple[Engine, bool]:
    """The engine an import writes through, and whether it is the importer's own: in
    SQLite a second engine on the file whose connections leave foreign keys off; in
    PostgreSQL the database's own (it has no foreign keys between records, see the module
    docstring)."""
    if dialects.dialect_name(database.engine.dialect) == dialects.SQLITE:
        return make_engine(database.paths.database, foreign_keys=False), True
    return database.engine, False


class CityImporter:
    """Imports files into the city's database on a connection without foreign key
    enforcement between records (see the module docstring); one transaction per file."""

    #: How long an import waits for another import of the same commune's files (in SQLite:
    #: of any file) to end before it refuses its file, in seconds.
    lock_wait_seconds: float = 30.0

    def __init__(self, database: Database) -> None:
        self.database = database
        self.engine, self._own_engine = _import_engine(database)
        self.sessions: sessionmaker[Session] = make_session_factory(self.engine)

    def close(self) -> None:
        if self._own_engine:
            self.engine.dispose()

    def __enter__(self) -> CityImporter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public API ----------------------------------------------------------------------
    def check(
        self, path: Path, progress: Progress = NO_PROGRESS, *, record_refusal: bool = False
    ) -> FileReport:
        """The dry run: everything but writing. Nothing is recorded, except — with
        ``record_refusal``, as the window does when files are received — a refused (or
        waiting) file's line in the ledger (the file was received; nothing else changes)."""
        return self._run(path, dry_run=True, progress=progress, record_refusal=record_refusal)

    def import_file(self, path: Path, *, progress: Progress = NO_PROGRESS) -> FileReport:
        """Import ``path`` all or nothing and record it in the ledger (refused files too).
        A file signed by a key not enrolled for its commune is checked, recorded and left
        waiting (:attr:`Status.WAITING`)."""
        return self._run(path, dry_run=False, progress=progress)

    # -- steps ---------------------------------------------------------------------------
    def _run(
        self,
        path: Path,
        *,
        dry_run: bool,
        progress: Progress,
        record_refusal: bool = False,
    ) -> FileReport:
        """One file, whatever it holds: any error while checking or applying it (a bug, or
        a file nobody foresaw) becomes this file's refusal, logged with its traceback, so
        the next file of a batch is still imported."""
        report = FileReport(path, Status.REFUSED)
        record = record_refusal or not dry_run
        try:
            return self._run_file(report, dry_run=dry_run, progress=progress, record=record)
        except Exception as error:
            log.exception("sync file %s: unexpected error", shown(path.name, 255))
            failed = FileReport(path, Status.REFUSED, file_sha256=report.file_sha256)
            failed.manifest, failed.seq = report.manifest, report.seq
            failed.commune_code, failed.commune_name = report.commune_code, report.commune_name
            refusal = SyncRefused(M_UNEXPECTED, error=type(error).__name__)
            return self._refused(failed, refusal, record=record)

    def _run_file(
        self, report: FileReport, *, dry_run: bool, progress: Progress, record: bool
    ) -> FileReport:
        try:
            data = read_limited(report.path, MAX_FILE_SIZE)
        except SyncRefused as error:
            return self._refused(report, error, record=record)
        report.file_sha256 = hashlib.sha256(data).hexdigest()
        with self.sessions() as session:
            done = self._already(session, report)
            if done is not None:
                return done
            try:
                verified = verify_file(session, data)
            except SyncRefused as error:
                session.rollback()
                return self._refused(report, error, record=record)
            del data
            self._describe(session, report, verified)
        if verified.new_key:
            checked = self._dry_run(report, verified, progress, record_refusal=record)
            if checked.status is not Status.READY:
                return checked
            return self._waiting(report, verified, record=record)
        if dry_run:
            return self._dry_run(report, verified, progress, record_refusal=record)
        return self._apply(report, verified, progress)

    def _waiting(self, report: FileReport, verified: VerifiedFile, *, record: bool) -> FileReport:
        """A file whose every check passed but whose key is not enrolled: it waits."""
        manifest = verified.manifest
        waiting = SyncRefused(
            M_KEY_WAITING,
            fingerprint=verified.key_fingerprint,
            commune=report.commune_label,
            code=manifest.commune_code,
        )
        self._refused(report, waiting, record=record, waiting_key=manifest.signing_key)
        report.status = Status.WAITING
        return report

    def _already(self, session: Session, report: FileReport) -> FileReport | None:
        row = session.scalars(
            select(ImportRecord)
            .where(
                ImportRecord.file_sha256 == report.file_sha256,
                ImportRecord.outcome == ImportOutcome.APPLIED,
            )
            .limit(1)
        ).first()
        if row is None:
            return None
        report.commune_code = row.commune_code or ""
        report.commune_name = commune_names(session).get(report.commune_code, "")
        report.seq = row.seq
        return self._already_report(report, row.id, row.received_at)

    @staticmethod
    def _already_report(report: FileReport, import_id: int, when: datetime) -> FileReport:
        report.status = Status.ALREADY
        report.import_id = import_id
        report.imported_at = when
        report.message = tr(M_ALREADY, date=format_datetime(when))
        return report

    def _describe(self, session: Session, report: FileReport, verified: VerifiedFile) -> None:
        manifest = verified.manifest
        report.manifest = manifest
        report.commune_code = manifest.commune_code
        report.commune_name = commune_names(session).get(
            manifest.commune_code, manifest.commune_name
        )
        report.seq = manifest.seq
        if verified.new_key:
            report.new_key_fingerprint = verified.key_fingerprint

    def _plan(
        self,
        session: Session,
        report: FileReport,
        verified: VerifiedFile,
        current: int | None = None,
        unchecked: frozenset[str] = frozenset(),
    ) -> list[TablePlan]:
        assert report.manifest is not None
        notes, report.missing_before = check_ledger(
            session, report.manifest, report.file_sha256, current
        )
        report.notes.extend(notes)
        if verified.problem_count:
            summary = Summary()
            for problem in verified.problems:
                summary.add(problem.record_type, "rejected")
            report.summary = summary
            report.problems = [p.text() for p in verified.problems]
            refuse_if_problems(verified)
        planner = Planner(session.connection(), verified, unchecked)
        plans = planner.plan()
        report.summary = planner.summary
        if planner.summary.waiting:
            report.notes.append(tr(M_WAITING, count=planner.summary.waiting))
        report.problems = [p.text() for p in verified.problems]
        return plans

    def _dry_run(
        self,
        report: FileReport,
        verified: VerifiedFile,
        progress: Progress,
        *,
        record_refusal: bool,
    ) -> FileReport:
        progress.report(0, 1)
        refusal: SyncRefused | None = None
        with self.sessions() as session:
            try:
                self._plan(session, report, verified)
                refuse_if_problems(verified)
            except AlreadyImported as already:
                return self._already_report(report, already.import_id, already.received_at)
            except SyncRefused as error:
                refusal = error
        if refusal is not None:
            return self._refused(report, refusal, record=record_refusal)
        report.status = Status.READY
        progress.report(1, 1)
        return report

    def _apply(
        self,
        report: FileReport,
        verified: VerifiedFile,
        progress: Progress,
        *,
        careful: bool = False,
    ) -> FileReport:
        """Apply in one transaction. Where the database can tell (PostgreSQL: a straight
        ``COPY`` fails on an id already there), the record types the city holds none of
        the commune's of are written without looking their ids up first; should one be
        there after all (another commune's record), everything is rolled back and the file
        applied again ``careful``ly, every id looked up."""
        manifest = verified.manifest
        notes = list(report.notes)
        try:
            with self.sessions() as session, session.begin():
                self._lock_commune(session, report)
                record = ImportRecord(
                    file_sha256=report.file_sha256,
                    file_name=shown(report.path.name, 255),
                    export_id=manifest.export_id,
                    commune_code=manifest.commune_code,
                    seq=manifest.seq,
                    outcome=ImportOutcome.APPLIED,
                    counts_json="{}",
                    message="",
                )
                session.add(record)
                session.flush()  # takes the write lock before anything is compared
                pinned = keys.pinned_commune_key(session, manifest.commune_code)
                if pinned is None or pinned.public_key != manifest.signing_key:
                    raise SyncRefused(M_APPLY_MISMATCH, type="key")
                conn = session.connection()
                unchecked: frozenset[str] = frozenset()
                if not careful and dialects.new_rows_fail_on_existing_ids(conn.dialect):
                    held = held_counts(conn, manifest.commune_code)
                    unchecked = frozenset(name for name, count in held.items() if count == 0)
                plans = self._plan(session, report, verified, record.id, unchecked)
                written = {plan.table.model.__tablename__ for plan in plans}
                refuse_if_problems(verified)
                write_plans(conn, plans, record.id, manifest.commune_code, progress)
                if manifest.full_snapshot or manifest.change_after == 0:
                    earlier = applied_imports(session, manifest.commune_code)
                    first = all(r.id == record.id for r in earlier)
                    replaced = replace_missing(conn, verified, record.id, first_in_epoch=first)
                    if replaced:
                        assert report.summary is not None
                        for record_type, count in replaced.items():
                            report.summary.add(record_type, "deleted", count)
                        report.notes.append(
                            tr(
                                M_REPLACED,
                                commune=report.commune_label,
                                count=sum(replaced.values()),
                            )
                        )
                assert report.summary is not None
                record.counts_json = _ledger_json(manifest, report.summary, [])
                record.message = " ".join(report.notes)[:2000]
                session.add(
                    AuditEntry(
                        actor=actor_name(session),
                        action=AuditAction.IMPORT,
                        record_type="sync_file",
                        record_id=manifest.export_id,
                        version=manifest.seq,
                        before_json=None,
                        after_json=record.counts_json,
                    )
                )
                session.flush()
                report.import_id = record.id
                report.imported_at = record.received_at
        except Unchecked:
            log.info(
                "sync file %s: an id assumed new is at the city; checked again id by id",
                shown(report.path.name, 255),
            )
            report.notes = notes
            return self._apply(report, verified, progress, careful=True)
        except AlreadyImported as already:
            return self._already_report(report, already.import_id, already.received_at)
        except SyncRefused as error:
            return self._refused(report, error, record=True)
        # Written outside Database.transaction, whose bookkeeping does not see it.
        self.database.notify_changed({*written, *_LEDGER_TABLES})
        report.status = Status.APPLIED
        report.message = ""
        return report

    def _lock_commune(self, session: Session, report: FileReport) -> None:
        """Take the commune's import lock for this transaction, or refuse the file
        (nothing written yet) when another import holds it longer than
        :attr:`lock_wait_seconds`."""
        connection = session.connection()
        try:
            dialects.lock_for_transaction(
                connection, f"tdcs-import:{report.commune_code}", self.lock_wait_seconds
            )
            if dialects.locks_whole_database(connection.dialect):
                # SQLite: the first write waits for the database's write lock.
                session.execute(update(ImportRecord).where(ImportRecord.id == -1).values(seq=0))
        except Exception as error:
            if not dialects.lock_not_free(error):
                raise
            log.info("sync file %s: the commune's import lock is held", report.path.name)
            if dialects.locks_whole_database(connection.dialect):
                raise SyncRefused(M_BUSY_DATABASE) from error
            raise SyncRefused(M_BUSY_COMMUNE, commune=report.commune_label) from error

    def _refused(
        self,
        report: FileReport,
        error: SyncRefused,
        *,
        record: bool,
        waiting_key: bytes | None = None,
    ) -> FileReport:
        """The file is refused; with ``record``, the ledger gets its line with the reason
        (once: the same file refused again for the same reason adds no second line). A file
        that waits for its commune's key keeps that key on its line (``waiting_key``)."""
        report.status = Status.REFUSED
        report.message = shown(error.text(), 4000)
        log.info("sync file %s refused: %s", shown(report.path.name, 255), report.message)
        if not record:
            return report
        try:
            self._record_refusal(report, error, waiting_key)
        except Exception:
            log.exception("sync file %s: the refusal could not be recorded", report.path.name)
        return report

    def _record_refusal(
        self, report: FileReport, error: SyncRefused, waiting_key: bytes | None
    ) -> None:
        manifest = report.manifest
        file_sha256 = report.file_sha256 or hashlib.sha256(b"").hexdigest()
        file_name = shown(report.path.name, 255)
        message = report.message
        commune_code = manifest.commune_code if manifest else error.file_commune
        details = _ledger_json(manifest, None, report.problems, waiting_key)
        with self.sessions() as session, session.begin():
            known = session.scalars(
                select(ImportRecord).where(
                    ImportRecord.outcome == ImportOutcome.REJECTED,
                    ImportRecord.file_sha256 == file_sha256,
                    ImportRecord.file_name == file_name,
                    ImportRecord.message == message,
                )
            ).first()
            if known is None:
                known = ImportRecord(
                    file_sha256=file_sha256,
                    file_name=file_name,
                    export_id=manifest.export_id if manifest else None,
                    commune_code=commune_code,
                    seq=manifest.seq if manifest else error.file_seq,
                    outcome=ImportOutcome.REJECTED,
                    counts_json=details,
                    message=message,
                )
                session.add(known)
                session.flush()
            report.import_id = known.id
            report.imported_at = known.received_at
        if not report.commune_code and commune_code:
            report.commune_code = commune_code
            with self.sessions() as session:
                report.commune_name = commune_names(session).get(commune_code, "")
        self.database.notify_changed({ImportRecord.__tablename__})
