"""The city's database on a PostgreSQL server (issue 17): the one Alembic history builds the
models' schema there, ``tdcs init --database`` sets up the city office on it, and the city's
reports over the same data say the same on PostgreSQL as on SQLite.

A throw-away server runs for the session (``pg_server`` in conftest.py, tests/pg_server.py);
without PostgreSQL installed these tests are skipped, saying so."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from db.engine import make_engine
from db.enums import OfficeMode
from db.migrate import SCHEMA_HEAD, upgrade
from db.models import Base
from desktop.cli import main
from desktop.core.dashboard.overview import load_overview
from desktop.core.database import Database
from desktop.core.demo import DemoScale, generate
from desktop.core.loans.balances import latest_positions
from desktop.core.loans.indicators import checked_loans
from desktop.core.office import OfficeMode as Mode
from desktop.core.office import current_office, list_communes, set_up_office
from desktop.core.owners import ALL_COMMUNES
from desktop.core.periods import Period
from desktop.paths import ENV_DATABASE_URL, AppPaths
from desktop.reports.model import Report
from desktop.reports.registry import ReportRequest, get_report
from desktop.reports.service import make_report
from tests.db_support import new_database
from tests.report_support import make

TODAY = date(2026, 10, 25)
SCALE = DemoScale(borrowers=30, groups=3, hamlets=2, contributions_per_year=6, years=2)
COMMUNES = ("31120", "31231")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_migrations_build_the_models_schema_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    result = upgrade(pg_url, tmp_path / "backups")
    assert (result.from_revision, result.to_revision) == (None, SCHEMA_HEAD)
    engine = make_engine(pg_url)
    try:
        found = inspect(engine)
        tables = set(found.get_table_names()) - {"alembic_version"}
        assert tables == set(Base.metadata.tables)
        for name, table in Base.metadata.tables.items():
            columns = {c["name"]: c for c in found.get_columns(name)}
            assert set(columns) == {c.name for c in table.columns}, name
            for column in table.columns:
                assert columns[column.name]["nullable"] == column.nullable, (name, column.name)
    finally:
        engine.dispose()
    # A start on a current database migrates nothing and takes no backup.
    again = upgrade(pg_url, tmp_path / "backups")
    assert (again.from_revision, again.backup) == (SCHEMA_HEAD, None)


def test_migrations_go_down_and_up_again_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    from alembic import command

    from db.migrate import alembic_config

    upgrade(pg_url, tmp_path)
    engine = make_engine(pg_url)
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002_loan_position_index")
        with engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert version == "0002_loan_position_index"
    finally:
        engine.dispose()
    # Opening it upgrades it again, the backup said (pg_dump, or none without it on PATH).
    result = upgrade(pg_url, tmp_path / "backups")
    assert (result.from_revision, result.to_revision) == ("0002_loan_position_index", SCHEMA_HEAD)
    if result.backup is not None:
        assert result.backup.is_file() and result.backup.suffix == ".pgdump"


def test_tdcs_init_sets_up_the_city_on_postgresql(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str, monkeypatch: Any
) -> None:
    data = tmp_path / "data"
    code, _, err = run(
        capsys, "--data-dir", str(data), "init", "--mode", "city", "--database", pg_url
    )
    assert code == 0, err
    # The data folder keeps the rest; the database is on the server only.
    assert not (data / "tdcs.sqlite3").exists()
    assert (data / "backups").is_dir() and (data / "logs").is_dir()
    # TDCS_DATABASE_URL chooses the same database for every command.
    monkeypatch.setenv(ENV_DATABASE_URL, pg_url)
    code, _, err = run(capsys, "--data-dir", str(data), "init", "--mode", "city")
    assert code != 0 and err  # already set up: refused, as on SQLite
    database = Database.open(AppPaths(data, pg_url))
    try:
        office = database.office()
        assert office is not None and office.mode is OfficeMode.CITY
    finally:
        database.close()


def test_a_database_url_that_is_not_postgresql_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "--data-dir", str(tmp_path), "init", "--mode", "city", "--database", "mysql://x/y"
    )
    assert code == 2 and "postgresql://" in err


def test_an_unreachable_server_is_said_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = "postgresql://tdcs:secret@127.0.0.1:1/tdcs"
    code, _, err = run(
        capsys, "--data-dir", str(tmp_path), "init", "--mode", "city", "--database", url
    )
    assert code == 3 and "127.0.0.1" in err and "secret" not in err


def _city(database: Database) -> Database:
    with database.transaction() as session:
        set_up_office(session, Mode.CITY)
    with database.reading() as session:
        chosen = [c for c in list_communes(session) if c.code in COMMUNES]
    with database.transaction() as session:
        generate(session, scale=SCALE, today=TODAY, seed=11, communes=chosen)
    return database


def _cells(report: Report) -> list[Any]:
    return [[list(row) for row in table.rows] for table in report.tables()]


def test_the_city_reports_say_the_same_on_postgresql_as_on_sqlite(
    pg_url: str, tmp_path: Path
) -> None:
    lite = _city(new_database(AppPaths(tmp_path / "lite")))
    server = _city(Database.open(AppPaths(tmp_path / "pg", pg_url).ensure()))
    try:
        assert server.engine.dialect.name == "postgresql"
        with server.reading() as session:
            assert current_office(session) is not None
        # The latest balance and check of each loan: DISTINCT ON there, bare max() here.
        picked = []
        for database in (lite, server):
            with database.reading() as session:
                picked.append(
                    (
                        latest_positions(session, ALL_COMMUNES, TODAY),
                        checked_loans(session, ALL_COMMUNES, 2026, TODAY),
                    )
                )
        assert picked[0][0] and picked[0][1]
        assert picked[0] == picked[1]
        # The city's board (Tổng quan), for every commune.
        boards = []
        for database in (lite, server):
            with database.reading() as session:
                boards.append(load_overview(session, 2026, ALL_COMMUNES, today=TODAY))
        assert boards[0].loans == boards[1].loans and boards[0].fund == boards[1].fund
        assert boards[0] == boards[1]
        request = ReportRequest(Period.whole_year(2026), None, TODAY)
        (tmp_path / "out-lite").mkdir()
        (tmp_path / "out-pg").mkdir()
        made_lite = make(lite, "city-yearly", request, tmp_path / "out-lite")
        made_pg = make(server, "city-yearly", request, tmp_path / "out-pg")
        assert _cells(made_lite.report)
        assert _cells(made_pg.report) == _cells(made_lite.report)
        assert made_pg.text == made_lite.text
        # The city's other reports, for every commune and for one.
        quarter = Period.quarter(2026, 3)
        for name, period, commune in (
            ("fund", Period.whole_year(2026), None),
            ("fund", Period.whole_year(2026), COMMUNES[1]),
            ("loan-quality", quarter, None),
            ("unchecked-loans", quarter, None),
            ("commune-plan", quarter, COMMUNES[0]),
        ):
            request = ReportRequest(period, commune, TODAY)
            want = make_report(lite, get_report(name), request)
            got = make_report(server, get_report(name), request)
            assert _cells(want), name
            assert _cells(got) == _cells(want), (name, commune)
    finally:
        lite.close()
        server.close()


def test_backup_of_a_postgresql_database_is_a_pg_dump(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str, monkeypatch: Any
) -> None:
    monkeypatch.setenv(ENV_DATABASE_URL, pg_url)
    data = tmp_path / "data"
    assert run(capsys, "--data-dir", str(data), "init", "--mode", "city")[0] == 0
    code, out, err = run(capsys, "--data-dir", str(data), "backup")
    if shutil.which("pg_dump") is None:
        assert code == 1 and "pg_dump" in err
        return
    assert code == 0, err
    dumps = list((data / "backups").glob("*.pgdump"))
    assert len(dumps) == 1 and dumps[0].stat().st_size > 0 and dumps[0].name in out
    # It restores (tests/test_server_backups.py has the rest).
    code, _, err = run(capsys, "--data-dir", str(data), "restore", str(dumps[0]))
    assert code == 0, err
