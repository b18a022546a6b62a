"""Bring a database file to the current schema, safely.

Alembic owns the schema. Before any migration runs on an existing database a backup is taken
with the backup API. A database written by a newer TDCS is refused, never "upgraded" down;
a file that is not a database, or is damaged, is reported so the user can restore a backup.

A PostgreSQL database (a ``postgresql://`` target, :func:`db.engine.is_server_url`) goes
through the same Alembic history; its backup before a migration is ``pg_dump``'s
(:func:`server_backup`), or a warning in the log when ``pg_dump`` is not found.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
import tempfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from db.backup import is_sqlite_file, take_backup, take_server_backup
from db.engine import is_server_url, make_engine, shown_url
from db.integrity import DamagedDatabase as DamagedDatabase
from db.integrity import DatabaseProblem as DatabaseProblem
from db.integrity import NotADatabase as NotADatabase
from db.integrity import PageCheck, check_at_open, page_problems
from db.pg_tools import ToolFailed, ToolMissing
from db.private_files import create_private, make_database_private

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest revision. ``tests/test_migrations.py`` checks that it equals Alembic's head
#: (update it with every new revision), so a start-up on a current database never loads
#: Alembic.
SCHEMA_HEAD = "0007_city_record_references"

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


class NewerSchema(DatabaseProblem):
    """The database was written by a newer version of TDCS."""

    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(path, revision)
        self.revision = revision


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revision(revision: str) -> bool:
    """True when ``revision`` is one of this version's migrations (older or current)."""
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except Exception:
        return False
    return True


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_file(path: Path, *, pages: PageCheck = PageCheck.NONE) -> str | None:
    """Raise :class:`NotADatabase` or :class:`DamagedDatabase` for an unusable file, else
    return its schema revision (``None`` for a new or empty database).

    Without ``pages`` it reads the header, the schema and the revision; ``pages`` also runs
    SQLite's check of every page (:mod:`db.integrity` says what each costs).
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if not is_sqlite_file(path):
        raise NotADatabase(path, "no SQLite header")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            problems = page_problems(conn, pages)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(path, str(exc)) from exc
    if problems:
        raise DamagedDatabase(path, "; ".join(problems))
    if revision is None and tables - {"sqlite_sequence"}:
        raise NotADatabase(path, "tables without a TDCS schema version")
    return revision


Schema = Mapping[str, frozenset[str]]


def _read_schema(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        t: frozenset(r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (t,)))
        for t in tables
    }


@functools.lru_cache(maxsize=8)
def schema_at(revision: str) -> Schema:
    """Table → columns of a TDCS database at ``revision``: the models' for the newest
    revision (``tests/test_migrations.py`` holds them equal to the migrations), otherwise
    what the migrations up to ``revision`` build in an empty scratch database."""
    if revision == SCHEMA_HEAD:
        from db.models import Base

        return {
            name: frozenset(column.name for column in table.columns)
            for name, table in Base.metadata.tables.items()
        }
    from alembic import command

    with tempfile.TemporaryDirectory(prefix="tdcs-schema-") as folder:
        scratch = Path(folder) / "schema.sqlite3"
        engine = make_engine(scratch)
        try:
            cfg = alembic_config()
            with engine.begin() as connection:
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, revision)
        finally:
            engine.dispose()
        conn = sqlite3.connect(scratch)
        try:
            return _read_schema(conn)
        finally:
            conn.close()


def missing_schema(conn: sqlite3.Connection, revision: str) -> list[str]:
    """The tables (``"loans"``) and columns (``"loans.amount_disbursed"``) that a database
    at ``revision`` must have and the SQLite file of ``conn`` lacks, in the schema's order."""
    return missing_from(_read_schema(conn), revision)


def missing_from(present: Mapping[str, Collection[str]], revision: str) -> list[str]:
    """:func:`missing_schema` for any database, given its table → column names (read by
    SQLAlchemy's inspector from a server, or from a ``pg_dump`` archive)."""
    missing: list[str] = []
    for table, columns in schema_at(revision).items():
        if table not in present:
            missing.append(table)
        else:
            missing.extend(f"{table}.{c}" for c in sorted(columns - set(present[table])))
    return missing


def server_backup(
    url: str, backups_dir: Path, reason: str, *, target: Path | None = None
) -> Path | None:
    """A ``pg_dump`` (custom format, for ``pg_restore``) of the server database at ``url`` in
    ``backups_dir`` (or at ``target``), checked before it counts
    (:func:`db.backup.take_server_backup`); ``None``, with a warning in the log, when
    ``pg_dump`` is not found (:func:`db.pg_tools.find_tool`) or fails (older than the
    server, say): the migration then goes on, as the log says."""
    try:
        made = take_server_backup(url, backups_dir, reason, target=target)
    except ToolFailed as failed:
        log.error(
            "%s failed: no backup of %s was taken before %s: %s",
            failed.tool,
            shown_url(url),
            reason,
            failed.reason,
        )
        return None
    except ToolMissing as missing:
        log.warning(
            "%s not found (%s): no backup of %s was taken before %s; "
            "back the server database up with the server's own tools",
            ", ".join(missing.names),
            ", ".join(missing.places),
            shown_url(url),
            reason,
        )
        return None
    log.info("backed up %s to %s before %s", shown_url(url), made, reason)
    return made


def _upgrade_server(url: str, backups_dir: Path) -> MigrationResult:
    """:func:`upgrade` for a PostgreSQL database: the same history, a ``pg_dump`` first."""
    engine = make_engine(url)
    try:
        current = current_revision(engine)
        if current == SCHEMA_HEAD:
            return MigrationResult(current, current, None)
        from alembic import command

        head = head_revision()
        if current is not None and not known_revision(current):
            raise NewerSchema(Path(shown_url(url)), current)
        backup = (
            server_backup(url, backups_dir, "before-migration") if current is not None else None
        )
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return MigrationResult(current, head, backup)
    finally:
        engine.dispose()


def upgrade(path: Path | str, backups_dir: Path) -> MigrationResult:
    """Migrate the database at ``path`` to the newest schema, creating it if needed.

    When the database is already at :data:`SCHEMA_HEAD` (every start but the first after an
    update) Alembic is not even imported. A new database is created readable by its owner
    only, and an existing one made so; a commune's database has its pages checked at each
    open (:func:`db.integrity.check_at_open`). A ``postgresql://`` URL is migrated on its
    server (:func:`_upgrade_server`).
    """
    if is_server_url(path):
        return _upgrade_server(str(path), backups_dir)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        create_private(path)
    make_database_private(path)
    current = check_file(path, pages=check_at_open(path.stat().st_size))
    if current == SCHEMA_HEAD:
        return MigrationResult(current, current, None)
    from alembic import command

    head = head_revision()
    if current is not None and not known_revision(current):
        raise NewerSchema(path, current)
    backup = take_backup(path, backups_dir, "before-migration") if current is not None else None
    engine = make_engine(path)
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return MigrationResult(current, head, backup)
    finally:
        engine.dispose()
