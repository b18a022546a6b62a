"""``tdcs self-test`` on the city's database on a PostgreSQL server (issue 17): it says which
driver the program carries, and checks the server database as a server allows (connection,
schema version, every table and column, the office, a read of every table), read-only.

A throw-away server runs for the session (``pg_server`` in conftest.py); without PostgreSQL
installed the server tests are skipped, saying so."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg
import pytest
from psycopg import pq
from sqlalchemy import Connection, delete

from db.enums import OfficeMode
from db.migrate import SCHEMA_HEAD
from db.models import Hamlet
from desktop.cli import main
from desktop.core import selftest
from desktop.core.selftest import (
    SelfTestFailure,
    StepResult,
    check_office_database,
    step_postgresql,
)
from desktop.paths import AppPaths
from tests.db_support import new_database_on
from tests.pg_server import PgServer

pytestmark = pytest.mark.usefixtures("english")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_self_test_names_the_postgresql_driver_and_its_libpq(paths: AppPaths) -> None:
    detail = step_postgresql(None)  # type: ignore[arg-type]  # the step needs no database
    assert detail == (
        f"driver psycopg {psycopg.__version__} ({pq.__impl__}), "
        f"libpq {pq.version_pretty(pq.version())}"
    )
    # The project installs psycopg with its binary wheels (pyproject.toml), libpq inside.
    assert pq.__impl__ == "binary"


def _server_paths(pg_server: PgServer, tmp_path: Path) -> AppPaths:
    """A data folder whose database is a city office's on the test server."""
    made = AppPaths(tmp_path / "made").ensure()
    database = new_database_on("postgresql", made, OfficeMode.CITY, pg_server)
    url = database.paths.database_url
    database.close()
    assert url is not None
    return AppPaths(tmp_path / "data", url).ensure()


def test_self_test_on_a_server_database_checks_it_and_prints_ok(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str
) -> None:
    data = str(tmp_path / "data")
    code, out, err = run(capsys, "--data-dir", data, "self-test", "--database", pg_url)
    assert code == 0, err
    assert re.search(r"^  data: .* \(PostgreSQL [\d.]+\): no TDCS database yet$", out, re.M), out
    code, _, err = run(capsys, "--data-dir", data, "init", "--mode", "city", "--database", pg_url)
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", data, "self-test", "--database", pg_url)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-1] == "OK"
    assert any(
        re.fullmatch(r"  postgresql: driver psycopg [\d.]+ \(binary\), libpq [\d.]+", line)
        for line in lines
    ), lines
    data_line = next(line for line in lines if line.startswith("  data: "))
    assert f"schema {SCHEMA_HEAD}" in data_line
    assert "office 92 " in data_line and "(city)" in data_line
    assert re.search(r"\b\d+ tables read, \d+ records\)$", data_line), data_line
    # Not the SQLite file of the data folder, which a server database does not have.
    assert "tdcs.sqlite3" not in out and not (tmp_path / "data" / "tdcs.sqlite3").exists()


def test_self_test_says_which_schema_part_a_server_database_lacks(
    pg_server: PgServer, tmp_path: Path
) -> None:
    paths = _server_paths(pg_server, tmp_path)
    assert paths.database_url is not None
    with psycopg.connect(paths.database_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE hamlets DROP COLUMN name")
        conn.execute("DROP TABLE notices")
    with pytest.raises(SelfTestFailure) as failure:
        check_office_database(paths)
    assert "notices" in str(failure.value) and "hamlets.name" in str(failure.value)


def test_self_test_refuses_a_server_database_of_a_newer_tdcs(
    capsys: pytest.CaptureFixture[str], pg_server: PgServer, tmp_path: Path
) -> None:
    paths = _server_paths(pg_server, tmp_path)
    assert paths.database_url is not None
    with psycopg.connect(paths.database_url, autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    code, out, err = run(
        capsys,
        "--data-dir",
        str(paths.data_dir),
        "self-test",
        "--database",
        paths.database_url,
    )
    assert code == 1 and "OK" not in out.splitlines()
    assert "được tạo bởi phiên bản TDCS mới hơn" in err  # in the clerk's language
    assert "postgresql+psycopg://postgres@127.0.0.1" in err
    # A server database is not restored from the data folder's backups: no such advice.
    assert "restore" not in err


def test_self_test_only_reads_a_server_database(
    pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks get a connection in a read-only transaction: a write there is refused by
    the server (and the check fails, saying so) rather than done."""
    paths = _server_paths(pg_server, tmp_path)

    def writing_check(conn: Connection, shown: str) -> StepResult:
        conn.execute(delete(Hamlet))
        raise AssertionError("the server accepted a write")

    monkeypatch.setattr(selftest, "_check_server", writing_check)
    with pytest.raises(SelfTestFailure) as failure:
        check_office_database(paths)
    assert "read-only transaction" in str(failure.value)


def test_self_test_says_plainly_when_the_server_is_unreachable(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data", "postgresql://tdcs:secret@127.0.0.1:1/tdcs").ensure()
    with pytest.raises(SelfTestFailure) as failure:
        check_office_database(paths)
    assert "Cannot reach the database server" in str(failure.value)
    assert "127.0.0.1" in str(failure.value) and "secret" not in str(failure.value)


def test_self_test_leaves_an_older_server_schema_to_the_next_start(
    pg_url: str, tmp_path: Path
) -> None:
    """A server database at an older schema is fine: the next start upgrades it (after a
    pg_dump); the self-test, which only reads, says so and leaves it as it is."""
    from alembic import command

    from db.engine import make_engine
    from db.migrate import alembic_config, current_revision

    engine = make_engine(pg_url)
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0005_city_yearly")
        result = check_office_database(AppPaths(tmp_path / "data", pg_url))
        assert "schema 0005_city_yearly" in result.detail
        assert f"upgrades it to {SCHEMA_HEAD}" in result.detail
        assert current_revision(engine) == "0005_city_yearly"
    finally:
        engine.dispose()
