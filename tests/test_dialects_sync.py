"""The SQL the city's sync import writes once for both engines (``db/dialects.py``): the
same answers on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from sqlalchemy import column, select, table

from db import dialects
from db.dialects import among, greatest
from desktop.core.database import Database

pytestmark = pytest.mark.usefixtures("engine")

COLUMNS = ("id", "commune_code", "version", "created_at", "updated_at", "change_seq")
FIXED = {"deleted_at": None, "name": "Ấp", "kind": "ap", "sort_order": 0, "active": True}
NEWER = "excluded.version > hamlets.version AND hamlets.commune_code = excluded.commune_code"


def hamlet(record_id: str, version: int, code: str = "31120") -> tuple[object, ...]:
    return (record_id, code, version, "2026-01-01 00:00:00", "2026-01-02 00:00:00", version)


def names(database: Database) -> dict[str, tuple[int, str]]:
    with database.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, version, commune_code FROM hamlets")
        return {i: (v, c) for i, v, c in rows}


def test_among_takes_any_number_of_values_in_one_parameter(database: Database) -> None:
    ids = [str(uuid.uuid4()) for _ in range(5000)]
    with database.engine.begin() as conn:
        written = dialects.bulk_upsert(
            conn, "hamlets", COLUMNS, [hamlet(i, 1) for i in ids[:3]], FIXED, NEWER
        )
        assert written == 3
        plain = table("hamlets", column("id"), column("created_at"), column("updated_at"))
        found = conn.execute(select(plain.c.id).where(among(plain.c.id, ids))).scalars()
        assert set(found) == set(ids[:3])
        assert conn.execute(select(plain.c.id).where(among(plain.c.id, []))).all() == []
        later = conn.execute(
            select(greatest("2026-01-01 12:00:00", plain.c.updated_at)).limit(1)
        ).scalar()
        assert later == "2026-01-02 00:00:00"


@pytest.mark.parametrize("all_new", [False, True])
def test_bulk_upsert_writes_only_higher_versions_of_the_same_commune(
    database: Database, engine: str, all_new: bool
) -> None:
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    with database.engine.begin() as conn:
        rows = [hamlet(a, 2), hamlet(b, 2)]
        assert dialects.bulk_upsert(conn, "hamlets", COLUMNS, rows, FIXED, NEWER) == 2
    with database.engine.begin() as conn:
        rows = [hamlet(a, 3), hamlet(b, 1), hamlet(c, 1)]
        written = dialects.bulk_upsert(conn, "hamlets", COLUMNS, rows, FIXED, NEWER)
        assert written == 2, "a's higher version and c; not b's older one"
    with database.engine.begin() as conn:
        rows = [hamlet(a, 9, code="31135")]
        assert dialects.bulk_upsert(conn, "hamlets", COLUMNS, rows, FIXED, NEWER) == 0
    assert names(database) == {a: (3, "31120"), b: (2, "31120"), c: (1, "31120")}
    if all_new and engine == "postgresql":
        # Told that none is there while one is (another import wrote it meanwhile), the
        # straight COPY fails: the count says so, and the importer refuses the file.
        # (SQLite writes through its upsert whatever it is told.)
        with database.engine.begin() as conn:
            rows = [hamlet(str(uuid.uuid4()), 1), hamlet(a, 7)]
            written = dialects.bulk_upsert(
                conn, "hamlets", COLUMNS, rows, FIXED, NEWER, all_new=True
            )
            assert written == -1
            conn.rollback()
        assert names(database)[a] == (3, "31120")


def test_a_lock_is_held_until_the_transaction_ends(database: Database, engine: str) -> None:
    """A second transaction asking for the same key waits, and gives up after its wait;
    on PostgreSQL another key is free at once."""
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with database.engine.begin() as conn:
            dialects.lock_for_transaction(conn, "tdcs-import:31120", 5)
            conn.exec_driver_sql("UPDATE settings SET value = value WHERE key = 'none'")
            held.set()
            release.wait(30)

    thread = threading.Thread(target=holder, daemon=True)
    thread.start()
    assert held.wait(30)
    try:
        start = time.monotonic()
        with pytest.raises(Exception) as busy, database.engine.begin() as conn:
            dialects.lock_for_transaction(conn, "tdcs-import:31120", 0.3)
            conn.exec_driver_sql("UPDATE settings SET value = value WHERE key = 'none'")
        assert dialects.lock_not_free(busy.value)
        assert 0.25 < time.monotonic() - start < 10
        if not dialects.locks_whole_database(database.engine.dialect):
            with database.engine.begin() as conn:
                dialects.lock_for_transaction(conn, "tdcs-import:31135", 0.3)
    finally:
        release.set()
        thread.join(30)


def test_among_finds_its_rows_through_the_index(database: Database) -> None:
    """Thousands of lookups per file: each must be an index search, never a scan (SQLite
    once got ``… IN (…) = 1``, which reads the whole table)."""
    plain = table("loans", column("id"), column("version"))
    query = select(plain.c.id).where(among(plain.c.id, ["a", "b"]))
    with database.engine.connect() as conn:
        sql = str(query.compile(dialect=conn.dialect))
        assert "= 1" not in sql, sql
        if conn.dialect.name == "sqlite":
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", ('["a", "b"]',)).all()
            assert any("USING" in str(step[-1]) and "INDEX" in str(step[-1]) for step in plan), plan
