"""Bring a database file to the current schema, safely.

Alembic owns the schema. Before any migration runs on an existing database a backup is taken
with the backup API. A database written by a newer TDCS is refused, never "upgraded" down;
a file that is not a database, or is damaged, is reported so the user can restore a backup.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from db.backup import is_sqlite_file, take_backup
from db.engine import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_file(path: Path) -> None:
    """Raise :class:`NotADatabase` or :class:`DamagedDatabase` for an unusable file.

    A missing or empty file is fine: it becomes a new database.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    if not is_sqlite_file(path):
        raise NotADatabase(path, "no SQLite header")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(path, str(exc)) from exc
    if rows != [("ok",)]:
        raise DamagedDatabase(path, "; ".join(str(r[0]) for r in rows[:5]))


def upgrade(path: Path, backups_dir: Path) -> MigrationResult:
    """Migrate the database at ``path`` to the newest schema, creating it if needed."""
    check_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        script = ScriptDirectory.from_config(alembic_config())
        head = head_revision()
        current = current_revision(engine)
        if current is None and inspect(engine).get_table_names():
            raise NotADatabase(path, "tables without a TDCS schema version")
        if current == head:
            return MigrationResult(current, head, None)
        if current is not None:
            try:
                script.get_revision(current)
            except Exception as exc:
                raise NewerSchema(path, current) from exc
        backup = None
        if current is not None:
            engine.dispose()
            backup = take_backup(path, backups_dir, "before-migration")
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return MigrationResult(current, head, backup)
    finally:
        engine.dispose()
