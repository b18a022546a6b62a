"""The database of one data folder, opened the one safe way, and the one notification of
changed data.

Opening migrates (with a backup first when a migration will run), loads any missing
catalogue rows, and hands out transactions. The window, the command line and the tests all
open the database through :meth:`Database.open`.

Every committed :meth:`Database.transaction` tells the listeners (:meth:`Database.subscribe`)
which tables it wrote, so that no list in the window is left showing old rows: the tables are
read from the SQL the transaction sent (ORM flushes, Core bulk statements and plain SQL alike),
so no service has to remember to announce its writes. Writers that go around the database's
sessions (the city's sync importer writes through the driver; a restore replaces the file)
call :meth:`Database.notify_changed` themselves.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session, sessionmaker

from db.dialects import snapshot_options
from db.engine import make_engine, make_session_factory
from db.migrate import MigrationResult, upgrade
from desktop.core.catalogues import load_catalogues
from desktop.core.office import OfficeInfo, current_office
from desktop.paths import AppPaths

log = logging.getLogger(__name__)

#: Where a connection keeps the tables written by the transaction it is running.
_WRITTEN = "tdcs_written_tables"
#: Stands for "some table the SQL does not name plainly" (a CTE, a schema change).
_UNKNOWN = "*"
_WRITE = re.compile(
    r"""^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)
        \s+["`\[]?(\w+)""",
    re.IGNORECASE | re.VERBOSE,
)
_NOT_A_WRITE = re.compile(
    r"^\s*(?:SELECT|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|EXPLAIN|VALUES)\b",
    re.IGNORECASE,
)


def written_table(statement: str) -> str | None:
    """The table ``statement`` writes, ``"*"`` when it may write but names no table plainly,
    ``None`` for reads."""
    found = _WRITE.match(statement)
    if found:
        return found.group(1).lower()
    return None if _NOT_A_WRITE.match(statement) else _UNKNOWN


@dataclass(frozen=True)
class DataChange:
    """Committed data changed. ``tables`` names the tables written; empty means anything may
    have changed (a restored file). ``serial`` rises with every change: a reader that started
    after a change was announced already saw it (:attr:`Database.change_serial`)."""

    tables: frozenset[str]
    serial: int

    def touches(self, tables: Collection[str]) -> bool:
        """Whether a reader of ``tables`` (empty: of everything) must read again."""
        return not self.tables or not tables or not self.tables.isdisjoint(tables)


ChangeListener = Callable[[DataChange], None]


def _track_writes(engine: Engine) -> None:
    """Note on each connection the tables its current transaction writes."""

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.info[_WRITTEN] = None

    @event.listens_for(engine, "before_cursor_execute")
    def _execute(
        conn: Connection, _cursor: Any, statement: str, *_args: Any, **_kwargs: Any
    ) -> None:
        written = conn.info.get(_WRITTEN)
        if written is not None:
            table = written_table(statement)
            if table is not None:
                written.add(table)


class Database:
    def __init__(self, paths: AppPaths, engine: Engine, migration: MigrationResult) -> None:
        self.paths = paths
        self.engine = engine
        self.migration = migration
        self._sessions: sessionmaker[Session] = make_session_factory(engine)
        self._listeners: list[ChangeListener] = []
        self._lock = threading.Lock()
        self._serial = 0
        _track_writes(engine)

    @classmethod
    def open(cls, paths: AppPaths) -> Database:
        """Migrate and open the database of ``paths``. Raises :class:`db.migrate.DatabaseProblem`
        subclasses for files that cannot be used."""
        paths.ensure()
        migration = upgrade(paths.database_target, paths.backups)
        database = cls(paths, make_engine(paths.database_target), migration)
        with database.transaction() as session:
            load_catalogues(session)
        return database

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back entirely if it raises.
        Once committed, the listeners hear which tables it wrote."""
        with self._sessions() as session, session.begin():
            written: set[str] = set()
            session.connection().info[_WRITTEN] = written
            yield session
            # Committed (a raising block never gets here).
        if written:
            self.notify_changed(() if _UNKNOWN in written else written)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only: nothing it does is committed (closing it rolls back
        the connection without expiring what was read)."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A session for queries only that reads one snapshot of the data, however many
        statements it runs: a report, the board or the overview read while an import
        commits sees either all of the file or none of it. Writing in it fails on
        PostgreSQL (the transaction is read-only); nothing is ever committed.

        How the engine gives a snapshot is :func:`db.dialects.snapshot_options`."""
        with self._sessions() as session:
            session.connection(execution_options=snapshot_options(self.engine.dialect))
            yield session

    # -- the notification of changed data ------------------------------------------------------
    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        """Call ``listener`` after every committed change; returns the way to stop. Listeners
        run on the thread that wrote, right after the commit."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def notify_changed(self, tables: Iterable[str] = ()) -> None:
        """Tell the listeners that ``tables`` (nothing named: anything) changed and were
        committed. For writers that bypass :meth:`transaction`."""
        with self._lock:
            self._serial += 1
            change = DataChange(frozenset(t.lower() for t in tables), self._serial)
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(change)
            except Exception:  # a listener's bug must not make a committed write look failed
                log.exception("a listener of data changes failed")

    @property
    def change_serial(self) -> int:
        """The serial of the last change announced."""
        with self._lock:
            return self._serial

    def office(self) -> OfficeInfo | None:
        with self.reading() as session:
            return current_office(session)

    def close(self) -> None:
        self.engine.dispose()
