"""The database of one data folder, opened the one safe way.

Opening migrates (with a backup first when a migration will run), loads any missing
catalogue rows, and hands out transactions. The window, the command line and the tests all
open the database through :meth:`Database.open`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine, make_session_factory
from db.migrate import MigrationResult, upgrade
from desktop.core.catalogues import load_catalogues
from desktop.core.office import OfficeInfo, current_office
from desktop.paths import AppPaths


class Database:
    def __init__(self, paths: AppPaths, engine: Engine, migration: MigrationResult) -> None:
        self.paths = paths
        self.engine = engine
        self.migration = migration
        self._sessions: sessionmaker[Session] = make_session_factory(engine)

    @classmethod
    def open(cls, paths: AppPaths) -> Database:
        """Migrate and open the database of ``paths``. Raises :class:`db.migrate.DatabaseProblem`
        subclasses for files that cannot be used."""
        paths.ensure()
        migration = upgrade(paths.database, paths.backups)
        database = cls(paths, make_engine(paths.database), migration)
        with database.transaction() as session:
            load_catalogues(session)
        return database

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back entirely if it raises."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only: nothing it does is committed (closing it rolls back
        the connection without expiring what was read)."""
        with self._sessions() as session:
            yield session

    def office(self) -> OfficeInfo | None:
        with self.reading() as session:
            return current_office(session)

    def close(self) -> None:
        self.engine.dispose()
