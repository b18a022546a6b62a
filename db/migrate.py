"""Bring a database file to the current schema, safely.

Alembic owns the schema. Before any migration runs on an existing database a backup is taken
with the backup API. A database written by a newer TDCS is refused, never "upgraded" down;
a file that is not a database, or is damaged, is reported so the user can restore a backup.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from db.backup import is_sqlite_file, take_backup
from db.engine import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest revision. ``tests/test_migrations.py`` checks that it equals Alembic's head
#: (update it with every new revision), so a start-up on a current database never loads
#: Alembic.
SCHEMA_HEAD = "0004_organisation_grades"

if TYPE_CHECKING:
    from alembic.config import Config


class DatabaseProblem(Exception):
    """A database the application cannot use as it is; the message is for logs, the type
    tells the interface which explanation and which way out to offer."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(f"{type(self).__name__}: {path} {detail}".strip())
        self.path = path
        self.detail = detail


class NotADatabase(DatabaseProblem):
    """The file is not an SQLite database at all (or not one TDCS made)."""


class DamagedDatabase(DatabaseProblem):
    """SQLite's integrity check fails."""


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


def check_file(path: Path, *, thorough: bool = False) -> str | None:
    """Raise :class:`NotADatabase` or :class:`DamagedDatabase` for an unusable file, else
    return its schema revision (``None`` for a new or empty database).

    The quick check reads the header, the schema and the revision; ``thorough`` also runs
    SQLite's ``quick_check`` over every page, which takes seconds on the city's database,
    so it is done before backups are trusted rather than at every start.
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
            problems = conn.execute("PRAGMA quick_check").fetchall() if thorough else [("ok",)]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(path, str(exc)) from exc
    if problems != [("ok",)]:
        raise DamagedDatabase(path, "; ".join(str(r[0]) for r in problems[:5]))
    if revision is None and tables - {"sqlite_sequence"}:
        raise NotADatabase(path, "tables without a TDCS schema version")
    return revision


def upgrade(path: Path, backups_dir: Path) -> MigrationResult:
    """Migrate the database at ``path`` to the newest schema, creating it if needed.

    When the database is already at :data:`SCHEMA_HEAD` (every start but the first after an
    update) Alembic is not even imported.
    """
    current = check_file(path)
    if current == SCHEMA_HEAD:
        return MigrationResult(current, current, None)
    from alembic import command

    head = head_revision()
    if current is not None and not known_revision(current):
        raise NewerSchema(path, current)
    path.parent.mkdir(parents=True, exist_ok=True)
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
