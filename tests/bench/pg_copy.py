"""The same data on PostgreSQL, for the benchmarks' PostgreSQL runs (issue 17).

:func:`copy_to_server` makes a database on a throw-away server (``tests/pg_server.py``),
migrates it with the one Alembic history (:meth:`Database.open`, as ``tdcs init --database``
does), then replaces its rows with a copy of every row of a SQLite database (``COPY … FROM
STDIN``, table by table, parents first) and analyses it: both engines then answer over the
same records, ids and timestamps included.

The server is the tests' (``initdb`` defaults: 128 MB of shared buffers, ``fsync=off``),
on the same machine, reached over TCP on localhost.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import Integer

from db.models import Base
from desktop.core.database import Database
from desktop.paths import AppPaths
from tests.pg_server import PgServer


def copy_to_server(source: Database, server: PgServer, folder: Path) -> Database:
    """A database on ``server`` holding the rows of the SQLite database ``source``, opened
    with the data folder ``folder``."""
    import psycopg

    start = time.perf_counter()
    url = server.create_database()
    Database.open(AppPaths(folder, url)).close()  # the schema, by the real migrations
    tables = list(Base.metadata.sorted_tables)
    rows = 0
    reader = sqlite3.connect(source.paths.database)
    try:
        with psycopg.connect(url) as target:
            names = ", ".join(table.name for table in tables)
            target.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
            for table in tables:
                columns = ", ".join(column.name for column in table.columns)
                with target.cursor().copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
                    for row in reader.execute(f"SELECT {columns} FROM {table.name}"):
                        copy.write_row(row)
                        rows += 1
                keys = [c for c in table.primary_key.columns if isinstance(c.type, Integer)]
                if len(keys) == 1 and keys[0].autoincrement in (True, "auto"):
                    target.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', "
                        f"'{keys[0].name}'), coalesce(max({keys[0].name}), 0) + 1, false) "
                        f"FROM {table.name}"
                    )
    finally:
        reader.close()
    with psycopg.connect(url, autocommit=True) as target:
        target.execute("VACUUM ANALYZE")
    print(f"  copied {rows:,} rows to PostgreSQL in {time.perf_counter() - start:.0f} s")
    return Database.open(AppPaths(folder, url))
