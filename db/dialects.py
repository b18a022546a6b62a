"""SQL whose form depends on the database engine, chosen here and only here.

TDCS runs on SQLite (every commune, a one-PC city) and on PostgreSQL (a city on a server,
issue 17). Most of its SQL is the same on both; what is not is written once in this module,
which picks the form by the dialect of the connection the query runs on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Dialect, Integer, Select, String, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlalchemy.sql.functions import FunctionElement

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
