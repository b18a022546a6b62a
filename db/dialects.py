"""SQL whose form depends on the database engine, chosen here and only here.

TDCS runs on SQLite (every commune, a one-PC city) and on PostgreSQL (a city on a server,
issue 17). Most of its SQL is the same on both; what is not is written once in this module,
which picks the form by the dialect of the connection the query runs on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Dialect,
    Integer,
    Select,
    String,
    Text,
    TypeDecorator,
    bindparam,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeEngine

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


@compiles(Integer, POSTGRESQL)
def _integer_is_64_bits(type_: Integer, compiler: Any, **kw: Any) -> str:
    """Every ``INTEGER`` column is 64 bits in PostgreSQL, as it is in SQLite: amounts of
    money in đồng pass 2³¹ (a year's capital is tens of billions). The schema and the one
    Alembic history stay as they are; only PostgreSQL's DDL and casts say ``BIGINT``
    (autoincrement keys stay ``SERIAL``)."""
    return "BIGINT"


class iso_date(FunctionElement[str]):  # noqa: N801  (used like a SQL function)
    """A ``DATE`` column read as its ISO text (``2026-10-25``), which sorts as the dates do:
    for the city's bulk reads that turn only a few of thousands of dates into ``date``. The
    column itself in SQLite (dates are stored as that text), ``to_char`` in PostgreSQL."""

    type = String()
    inherit_cache = True
    name = "iso_date"


@compiles(iso_date, SQLITE)
def _iso_date_sqlite(element: iso_date, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(iso_date, POSTGRESQL)
def _iso_date_postgresql(element: iso_date, compiler: Any, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM-DD')"


def dialect_name(dialect: Dialect | str) -> str:
    return dialect if isinstance(dialect, str) else dialect.name


def latest_per_key(
    dialect: Dialect | str,
    key: SQLCoreOperations[Any],
    day: SQLCoreOperations[Any],
    seq: SQLCoreOperations[Any],
    columns: Sequence[SQLCoreOperations[Any]],
    where: Sequence[ColumnElement[bool]],
) -> Select[*tuple[Any, ...]]:
    """``(key, *columns, ignored)`` of the latest row of each ``key`` among those matching
    ``where``: the latest ``day``, then the highest ``seq``. The last column is the engine's
    sort key, for the caller to ignore.

    SQLite picks the row itself: in a query with a single ``max()``, the other columns come
    from the row holding the maximum (documented SQLite behaviour), and the maximum of
    ``julianday(day) · 10⁹ + seq`` is the latest day, then the highest seq (exact in a double
    while ``seq`` < 10⁹); it reads a covering index in order. PostgreSQL has no such rule and
    says it with ``DISTINCT ON (key) … ORDER BY key, day DESC, seq DESC``.
    """
    if dialect_name(dialect) == POSTGRESQL:
        return (
            select(key, *columns, seq)
            .ext(postgresql.distinct_on(key))
            .where(*where)
            .order_by(key, day.desc(), seq.desc())
        )
    latest = func.max(func.julianday(day) * 1_000_000_000 + seq)
    return select(key, *columns, latest).where(*where).group_by(key)


def upsert(dialect: Dialect | str, table: Any) -> sqlite.Insert | postgresql.Insert:
    """``INSERT`` into ``table`` with the dialect's ``.on_conflict_do_update`` (the same
    call on SQLite and PostgreSQL, but each compiles only its own)."""
    if dialect_name(dialect) == POSTGRESQL:
        return postgresql.insert(table)
    return sqlite.insert(table)


# -- the city's sync import (issue 17) ----------------------------------------------------------


class _ValueList(TypeDecorator[list[Any]]):
    """A list of values as one bound parameter: JSON text for SQLite's ``json_each``, an
    array for PostgreSQL."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == POSTGRESQL:
            return dialect.type_descriptor(postgresql.ARRAY(Text()))
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if dialect.name == POSTGRESQL:
            return [None if v is None else str(v) for v in value]
        return json.dumps(list(value))


class among(FunctionElement[bool]):  # noqa: N801  (used like a SQL operator)
    """``column IN values`` with one bound parameter however many values (thousands of ids
    would pass SQLite's limit on parameters, and make every statement new to the cache):
    ``column IN (SELECT value FROM json_each(:values))`` in SQLite, ``column = ANY(:values)``
    with a text array in PostgreSQL. For text columns (the ids of records)."""

    type = Boolean()
    inherit_cache = True
    name = "among"
    #: A comparison: in a WHERE clause as it is (without it, SQLite's compiler appends
    #: ``= 1``, which keeps SQLite from using the index on ``column``).
    _is_implicitly_boolean = True

    def __init__(self, column: Any, values: Iterable[Any]) -> None:
        super().__init__(column, bindparam(None, list(values), type_=_ValueList(), unique=True))


@compiles(among, SQLITE)
def _among_sqlite(element: among, compiler: Any, **kw: Any) -> str:
    column, values = element.clauses.clauses
    return (
        f"{compiler.process(column, **kw)} IN "
        f"(SELECT value FROM json_each({compiler.process(values, **kw)}))"
    )


@compiles(among, POSTGRESQL)
def _among_postgresql(element: among, compiler: Any, **kw: Any) -> str:
    column, values = element.clauses.clauses
    return (
        f"{compiler.process(column, **kw)} = ANY(CAST({compiler.process(values, **kw)} AS TEXT[]))"
    )


class greatest(FunctionElement[Any]):  # noqa: N801  (used like a SQL function)
    """The larger of its arguments: SQLite's scalar ``max(a, b)``, PostgreSQL's
    ``greatest(a, b)`` (its ``max`` is only the aggregate)."""

    inherit_cache = True
    name = "greatest"


@compiles(greatest, SQLITE)
def _greatest_sqlite(element: greatest, compiler: Any, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(greatest, POSTGRESQL)
def _greatest_postgresql(element: greatest, compiler: Any, **kw: Any) -> str:
    return f"greatest({compiler.process(element.clauses, **kw)})"


def _upsert_statement(name: str, columns: Sequence[str], values: str, conflict_where: str) -> str:
    """``INSERT INTO name (columns) values ON CONFLICT (id) DO UPDATE … WHERE …``: ``values``
    is ``VALUES (…)`` or a ``SELECT``."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    return (
        f"INSERT INTO {name} ({', '.join(columns)}) {values} "
        f"ON CONFLICT (id) DO UPDATE SET {updates} WHERE {conflict_where}"
    )


def bulk_upsert(
    connection: Connection,
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fixed: Mapping[str, Any],
    conflict_where: str,
    *,
    all_new: bool = False,
) -> int:
    """Insert ``rows`` (values of ``columns``, plus the same ``fixed`` values for every row)
    into the table ``name``, updating the row of the same ``id`` where ``conflict_where``
    holds (SQL over the table's name and ``excluded``); returns how many rows were written.
    Names are the caller's (from the models, never from a file).

    SQLite: one ``executemany`` of the ``INSERT … ON CONFLICT`` through its own driver, the
    fastest way into SQLite. PostgreSQL: ``COPY`` into a temporary table shaped like the
    target (dropped at commit), then one ``INSERT … SELECT … ON CONFLICT``: the server's
    bulk load, instead of a round trip per row; when the caller found none of the ids in
    the table (``all_new``, a commune's first file), ``COPY`` straight into it. Should a
    row of the same id have arrived meanwhile (another transaction), the count returned is
    -1 and nothing of this statement is written: the caller refuses the whole."""
    if not rows:
        return 0
    every = [*columns, *fixed]
    if dialect_name(connection.dialect) == POSTGRESQL:
        if all_new:
            return _copy_postgresql(connection, name, every, rows, fixed)
        return _bulk_upsert_postgresql(connection, name, every, rows, fixed, conflict_where)
    marks = ["?"] * len(columns) + [sql_literal(v) for v in fixed.values()]
    sql = _upsert_statement(name, every, f"VALUES ({', '.join(marks)})", conflict_where)
    driver = connection.connection.driver_connection
    assert driver is not None
    return int(driver.executemany(sql, rows).rowcount)


def sql_literal(value: Any) -> str:
    """``value`` (``None``, a boolean, a number or a text) as a SQLite literal."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _copy_postgresql(
    connection: Connection,
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fixed: Mapping[str, Any],
) -> int:
    import psycopg

    driver = connection.connection.driver_connection
    assert driver is not None
    extra = tuple(fixed.values())
    try:
        with driver.cursor() as cursor:
            with cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((*row, *extra))
            return int(cursor.rowcount)
    except psycopg.errors.UniqueViolation:
        return -1


def _bulk_upsert_postgresql(
    connection: Connection,
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fixed: Mapping[str, Any],
    conflict_where: str,
) -> int:
    stage = f"tdcs_stage_{name}"
    listed = ", ".join(columns)
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {stage}")
        cursor.execute(
            f"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {listed} FROM {name} WITH NO DATA"
        )
        extra = tuple(fixed.values())
        with cursor.copy(f"COPY {stage} ({listed}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*row, *extra))
        cursor.execute(
            _upsert_statement(name, columns, f"SELECT {listed} FROM {stage}", conflict_where)
        )
        written = cursor.rowcount
        cursor.execute(f"DROP TABLE {stage}")
    return int(written)


def new_rows_fail_on_existing_ids(dialect: Dialect | str) -> bool:
    """Whether :func:`bulk_upsert` told ``all_new`` fails (returns -1, writing nothing) when
    one of the ids is in the table after all, rather than upserting: PostgreSQL's straight
    ``COPY`` does; SQLite always upserts."""
    return dialect_name(dialect) == POSTGRESQL


class LockNotFree(Exception):
    """Another transaction holds the lock asked for, and did not let it go in time."""


def lock_for_transaction(connection: Connection, key: str, wait_seconds: float) -> None:
    """Hold a lock named ``key`` until the current transaction ends, waiting at most
    ``wait_seconds`` for a transaction that holds it; raises :class:`LockNotFree` if it is
    still held then.

    PostgreSQL: a transaction-level advisory lock (``pg_advisory_xact_lock`` of the key's
    hash), under ``SET LOCAL lock_timeout``: two transactions with other keys go on side
    by side. SQLite has one writer at a time: the transaction's first write waits up to
    ``wait_seconds`` for the database's write lock (``busy_timeout``), and
    :func:`lock_not_free` recognises the error when it does not come; whatever the key,
    every other writer waits (:func:`locks_whole_database`)."""
    wait_ms = max(1, int(wait_seconds * 1000))
    if dialect_name(connection.dialect) == POSTGRESQL:
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {wait_ms}")
        try:
            connection.exec_driver_sql(
                "SELECT pg_advisory_xact_lock(hashtext(%(key)s))", {"key": key}
            )
        except OperationalError as error:
            if lock_not_free(error):
                raise LockNotFree(key) from error
            raise
        connection.exec_driver_sql("SET LOCAL lock_timeout = DEFAULT")
        return
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {wait_ms}")


@contextmanager
def lock_if_free(connection: Connection, key: str) -> Iterator[bool]:
    """Hold a lock named ``key`` while the block runs, across the connection's transactions
    (a long step, such as a ``pg_dump``, runs with no transaction open), if no other
    connection holds it; ``False``, without waiting, if one does.

    PostgreSQL: a session-level advisory lock (``pg_try_advisory_lock`` of the key's hash),
    let go when the block ends. SQLite: a file on one PC, which other PCs never share:
    always ``True``."""
    if dialect_name(connection.dialect) != POSTGRESQL:
        yield True
        return
    got = bool(
        connection.exec_driver_sql(
            "SELECT pg_try_advisory_lock(hashtext(%(key)s))", {"key": key}
        ).scalar()
    )
    connection.commit()
    try:
        yield got
    finally:
        if got:
            connection.rollback()
            connection.exec_driver_sql("SELECT pg_advisory_unlock(hashtext(%(key)s))", {"key": key})
            connection.commit()


def lock_not_free(error: BaseException) -> bool:
    """Whether ``error`` says that a lock was still held when the wait ended: SQLite's
    "database is locked", PostgreSQL's ``lock_not_available`` (55P03)."""
    if isinstance(error, LockNotFree):
        return True
    original = getattr(error, "orig", error)
    if getattr(original, "sqlstate", None) == "55P03":
        return True
    return "database is locked" in str(original)


def locks_whole_database(dialect: Dialect | str) -> bool:
    """Whether :func:`lock_for_transaction` makes every writer wait, whatever its key."""
    return dialect_name(dialect) != POSTGRESQL


def snapshot_options(dialect: Dialect | str) -> dict[str, Any]:
    """The execution options of a connection whose one transaction reads a single snapshot
    of the data, and writes nothing: a report, the board or the overview made while an
    import commits sees either all of a file or none of it.

    PostgreSQL: a ``REPEATABLE READ, READ ONLY`` transaction (its default, ``READ
    COMMITTED``, lets each statement see what committed before it). SQLite needs nothing:
    a read transaction in WAL mode keeps the snapshot its first read took until it ends,
    and the engine begins one explicitly (``db/engine.py``)."""
    if dialect_name(dialect) == POSTGRESQL:
        return {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    return {}
