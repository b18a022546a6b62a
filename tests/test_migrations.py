"""The schema is Alembic's: migrations match the models, a backup precedes every migration,
newer and broken databases are refused with a clear way out."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect
from sqlalchemy.dialects import sqlite

from db import migrate
from db.backup import list_backups
from db.engine import make_engine
from db.models import SYNCED_MODELS, Base
from desktop.core.database import Database
from desktop.core.loans.balances import latest_snapshots, outstanding_expression
from desktop.core.loans.indicators import checked_query
from desktop.core.owners import ALL_COMMUNES
from desktop.paths import AppPaths


def test_migration_from_empty_creates_every_table(paths: AppPaths) -> None:
    result = migrate.upgrade(paths.database, paths.backups)
    assert result.from_revision is None
    assert result.to_revision == migrate.head_revision()
    assert result.backup is None, "a new database needs no backup"
    engine = make_engine(paths.database)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_migrations_match_the_models(paths: AppPaths) -> None:
    migrate.upgrade(paths.database, paths.backups)
    engine = make_engine(paths.database)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_each_tests_database_is_a_copy_of_a_really_migrated_one(database: Database) -> None:
    """The fixtures copy one database made by this migration path (``tests/db_support.py``):
    at the newest revision, with every table and column of the models, and opened by
    ``Database.open`` with its checks (no migration ran on the copy)."""
    assert migrate.check_file(database.paths.database) == migrate.SCHEMA_HEAD
    assert database.migration.from_revision == migrate.SCHEMA_HEAD
    conn = sqlite3.connect(database.paths.database)
    try:
        assert migrate.missing_schema(conn, migrate.SCHEMA_HEAD) == []
    finally:
        conn.close()
    assert list_backups(database.paths.backups) == []


def test_pragmas_on_every_connection(database: Database) -> None:
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_second_open_migrates_nothing_and_backs_up_nothing(paths: AppPaths) -> None:
    migrate.upgrade(paths.database, paths.backups)
    again = migrate.upgrade(paths.database, paths.backups)
    assert again.from_revision == again.to_revision
    assert again.backup is None
    assert list_backups(paths.backups) == []


NEXT_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "0002_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("settings") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("settings") as batch:
        batch.drop_column("note")
"""


def test_backup_is_taken_before_a_migration_runs(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate.upgrade(paths.database, paths.backups)
    conn = sqlite3.connect(paths.database)
    conn.execute("INSERT INTO settings (key, value) VALUES ('marker', 'before')")
    conn.commit()
    conn.close()

    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "0002_test.py").write_text(
        NEXT_REVISION.format(head=migrate.head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "0002_test")

    result = migrate.upgrade(paths.database, paths.backups)
    assert result.to_revision == "0002_test"
    assert result.backup is not None and result.backup.is_file()
    backup = sqlite3.connect(result.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "0002_test"
    assert backup.execute("SELECT value FROM settings WHERE key='marker'").fetchone() == ("before",)
    columns = [row[1] for row in backup.execute("PRAGMA table_info(settings)")]
    backup.close()
    assert "note" not in columns, "the backup holds the database as it was before"


def test_newer_schema_is_refused_and_left_untouched(paths: AppPaths) -> None:
    migrate.upgrade(paths.database, paths.backups)
    conn = sqlite3.connect(paths.database)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = paths.database.read_bytes()
    with pytest.raises(migrate.NewerSchema) as caught:
        migrate.upgrade(paths.database, paths.backups)
    assert caught.value.revision == "9999_from_the_future"
    assert paths.database.read_bytes() == before
    assert list_backups(paths.backups) == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"this is a text file, not a database\n" * 20, migrate.NotADatabase),
        (b"\x00" * 4096, migrate.NotADatabase),
        (b"PK\x03\x04" + b"\x00" * 400, migrate.NotADatabase),
    ],
)
def test_non_database_files_are_recognised(paths: AppPaths, content: bytes, problem: type) -> None:
    paths.database.write_bytes(content)
    with pytest.raises(problem):
        migrate.upgrade(paths.database, paths.backups)
    assert paths.database.read_bytes() == content


def test_damaged_database_is_recognised(paths: AppPaths) -> None:
    migrate.upgrade(paths.database, paths.backups)
    data = bytearray(paths.database.read_bytes())
    # keep the header, wreck the pages after it (schema and tables)
    for offset in range(100, len(data), 7):
        data[offset] = 0xFF
    paths.database.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(paths.database) + suffix).unlink(missing_ok=True)
    with pytest.raises(migrate.DamagedDatabase):
        migrate.upgrade(paths.database, paths.backups)


def test_foreign_sqlite_database_is_not_taken_over(paths: AppPaths) -> None:
    conn = sqlite3.connect(paths.database)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(migrate.NotADatabase):
        migrate.upgrade(paths.database, paths.backups)


def test_schema_head_constant_matches_alembic() -> None:
    """Update db.migrate.SCHEMA_HEAD with every new revision."""
    assert migrate.head_revision() == migrate.SCHEMA_HEAD


def test_thorough_check_finds_damage_in_data_pages(database: Database) -> None:
    from db.enums import OfficeMode
    from desktop.core.demo import generate
    from desktop.core.office import set_up_office

    with database.transaction() as s:
        set_up_office(s, OfficeMode.COMMUNE, commune_code="31120")
        generate(s, scale="small")
    database.close()
    path = database.paths.database
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    page = len(data) // 2 // 4096 * 4096
    data[page + 8 : page + 4096] = b"\xa5" * (4096 - 8)
    path.write_bytes(bytes(data))
    with pytest.raises(migrate.DamagedDatabase):
        migrate.check_file(path, pages=migrate.PageCheck.QUICK)


def _at_revision(paths: AppPaths, revision: str) -> None:
    """A database made by an older TDCS: the schema as of ``revision``."""
    from alembic import command

    paths.database.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(paths.database)
    try:
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def _indexes(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA index_list({table})")}
    finally:
        conn.close()


def test_0002_upgrades_a_database_with_loans_and_its_picks_read_only_the_indexes(
    paths: AppPaths,
) -> None:
    """0002 swaps two indexes for covering ones; a 0001 database keeps every row, is backed
    up first, and SQLite then answers "latest snapshot of each loan" and "each loan's
    latest check in a year" from the indexes alone."""
    _at_revision(paths, "0001_initial")
    assert "ix_loan_balances_loan_as_of" in _indexes(paths.database, "loan_balances")
    conn = sqlite3.connect(paths.database)
    stamp = "2026-01-01 00:00:00"
    common = ("31120", 1, stamp, stamp, 1, None)
    conn.execute(
        "INSERT INTO loan_balances (loan_id, as_of, current_amount, overdue_amount, "
        "frozen_amount, pending_amount, extended_amount, rescheduled_amount, "
        "written_off_amount, overdue_since, notes, id, commune_code, version, created_at, "
        "updated_at, change_seq, deleted_at) VALUES ('loan-1', '2025-12-31', 5, 0, 0, 0, 0, "
        "0, 0, NULL, '', 'b-1', ?, ?, ?, ?, ?, ?)",
        common,
    )
    conn.commit()
    conn.close()

    result = migrate.upgrade(paths.database, paths.backups)
    assert (result.from_revision, result.to_revision) == ("0001_initial", migrate.SCHEMA_HEAD)
    assert result.backup is not None and result.backup.is_file()
    balances = _indexes(paths.database, "loan_balances")
    assert "ix_loan_balances_position" in balances
    assert "ix_loan_balances_loan_as_of" not in balances
    checks = _indexes(paths.database, "loan_checks")
    assert "ix_loan_checks_in_period" in checks and "ix_loan_checks_checked_on" not in checks

    conn = sqlite3.connect(paths.database)
    try:
        assert conn.execute("SELECT loan_id, current_amount FROM loan_balances").fetchall() == [
            ("loan-1", 5)
        ]
        for query in (
            latest_snapshots("sqlite", ALL_COMMUNES, date(2026, 1, 1), outstanding_expression()),
            checked_query("sqlite", ALL_COMMUNES, 2025, date(2026, 1, 1)),
        ):
            sql = query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
            plan = " ".join(str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "COVERING INDEX" in plan, plan
    finally:
        conn.close()


def test_0003_lets_a_loan_have_no_disbursed_amount_and_keeps_every_row(paths: AppPaths) -> None:
    """0003 drops the NOT NULL of ``loans.amount_disbursed`` (a bank's list of loans still
    owing has no amount) without rebuilding the table its balances refer to: a 0002 database
    keeps its loans and balances, foreign keys hold, and a loan without an amount can be
    stored; going back refuses while such a loan exists."""
    from alembic import command

    _at_revision(paths, "0002_loan_position_index")
    conn = sqlite3.connect(paths.database)
    stamp = "2026-01-01 00:00:00"
    common = ("31120", 1, stamp, stamp, 1, None)
    columns = "id, commune_code, version, created_at, updated_at, change_seq, deleted_at"
    conn.execute(
        f"INSERT INTO borrowers (full_name, citizen_id, birth_year, sex, hamlet_id, "
        f"household_category, phone, group_id, notes, {columns}) VALUES ('Nguyễn Văn An', "
        f"NULL, NULL, NULL, NULL, 'khac', '', NULL, '', 'p-1', ?, ?, ?, ?, ?, ?)",
        common,
    )
    conn.execute(
        f"INSERT INTO loans (borrower_id, programme_code, organisation_code, group_id, "
        f"contract_no, amount_disbursed, disbursed_on, maturity_on, purpose, rate_bp, notes, "
        f"{columns}) VALUES ('p-1', 'HN', NULL, NULL, 'HD1', 50000000, '2025-01-02', NULL, "
        f"'', 660, '', 'loan-1', ?, ?, ?, ?, ?, ?)",
        common,
    )
    conn.execute(
        "INSERT INTO loan_balances (loan_id, as_of, current_amount, overdue_amount, "
        "frozen_amount, pending_amount, extended_amount, rescheduled_amount, "
        "written_off_amount, overdue_since, notes, id, commune_code, version, created_at, "
        "updated_at, change_seq, deleted_at) VALUES ('loan-1', '2025-12-31', 5, 0, 0, 0, 0, "
        "0, 0, NULL, '', 'b-1', ?, ?, ?, ?, ?, ?)",
        common,
    )
    conn.commit()
    conn.close()

    result = migrate.upgrade(paths.database, paths.backups)
    assert (result.from_revision, result.to_revision) == (
        "0002_loan_position_index",
        migrate.SCHEMA_HEAD,
    )
    assert result.backup is not None

    conn = sqlite3.connect(paths.database)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("SELECT id, amount_disbursed FROM loans").fetchall() == [
            ("loan-1", 50_000_000)
        ]
        assert conn.execute("SELECT loan_id FROM loan_balances").fetchall() == [("loan-1",)]
        assert conn.execute("PRAGMA foreign_key_check(loan_balances)").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.execute("UPDATE loans SET amount_disbursed = NULL WHERE id = 'loan-1'")
        conn.commit()
    finally:
        conn.close()

    engine = make_engine(paths.database)
    try:
        cfg = migrate.alembic_config()
        with (
            pytest.raises(RuntimeError, match="1 loans have no disbursed amount"),
            engine.begin() as connection,
        ):
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0002_loan_position_index")
        with engine.begin() as connection:
            connection.exec_driver_sql("UPDATE loans SET amount_disbursed = 1000000")
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0002_loan_position_index")
        with engine.connect() as connection:
            column = next(
                c
                for c in inspect(connection).get_columns("loans")
                if c["name"] == "amount_disbursed"
            )
            assert column["nullable"] is False
    finally:
        engine.dispose()


def test_0004_adds_the_organisations_grades_and_keeps_every_row(paths: AppPaths) -> None:
    """0004 adds ``organisation_grades`` (issue 16) to a 0003 database, which keeps what it
    held; a grade can then be stored, and going back drops the table alone."""
    from alembic import command

    _at_revision(paths, "0003_loan_amount_optional")
    conn = sqlite3.connect(paths.database)
    conn.execute("INSERT INTO settings (key, value) VALUES ('marker', 'kept')")
    conn.commit()
    conn.close()
    result = migrate.upgrade(paths.database, paths.backups)
    assert (result.from_revision, result.to_revision) == (
        "0003_loan_amount_optional",
        migrate.head_revision(),
    )
    assert result.backup is not None
    conn = sqlite3.connect(paths.database)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone() == (
            "kept",
        )
        conn.execute(
            "INSERT INTO organisations (code, name, short_name, sort_order) "
            "VALUES ('HND', 'Hội Nông dân', 'Hội Nông dân', 1)"
        )
        stamp = "2026-01-01 00:00:00"
        conn.execute(
            "INSERT INTO organisation_grades (organisation_code, year, grade, notes, id, "
            "commune_code, version, created_at, updated_at, change_seq, deleted_at) VALUES "
            "('HND', 2025, 'tot', '', 'g-1', '31120', 1, ?, ?, 1, NULL)",
            (stamp, stamp),
        )
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO organisation_grades (organisation_code, year, grade, notes, id, "
                "commune_code, version, created_at, updated_at, change_seq, deleted_at) VALUES "
                "('HND', 2025, 'xuat_sac', '', 'g-2', '31120', 1, ?, ?, 2, NULL)",
                (stamp, stamp),
            )
        conn.commit()
    finally:
        conn.close()
    engine = make_engine(paths.database)
    try:
        cfg = migrate.alembic_config()
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0003_loan_amount_optional")
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
            assert "organisation_grades" not in tables and "settings" in tables
    finally:
        engine.dispose()


def test_0005_adds_what_the_yearly_report_needs_and_keeps_every_row(paths: AppPaths) -> None:
    """0005 (issue 16, the city's yearly report) adds the dissemination figures to the
    progress records and the sources to the total capital — empty on the rows a 0004
    database held, which keep every value — and the city's ``yearly_reviews``; going back
    drops them alone."""
    from alembic import command

    _at_revision(paths, "0004_organisation_grades")
    stamp = "2026-01-01 00:00:00"
    system = "id, commune_code, version, created_at, updated_at, change_seq, deleted_at"
    conn = sqlite3.connect(paths.database)
    conn.execute(
        "INSERT INTO plan_tasks (code, parent_code, section, short_title, text, "
        "applies_commune, applies_city, is_heading, sort_order) "
        "VALUES ('II.1.a', NULL, 'II', 'Quán triệt', '', 1, 1, 0, 1)"
    )
    conn.execute(
        f"INSERT INTO task_progress (plan_task_code, office_task_id, period_kind, year, "
        f"period_no, status, percent, achievements, figures, difficulties, proposals, "
        f"reported_on, {system}) VALUES ('II.1.a', NULL, 'quarter', 2026, 1, 'hoan_thanh', "
        f"100, 'Đã quán triệt', '', '', '', NULL, 'p-1', '31120', 1, ?, ?, 1, NULL)",
        (stamp, stamp),
    )
    conn.execute(
        f"INSERT INTO capital_totals (year, total_capital, entrusted_balance, as_of, "
        f"source_note, notes, {system}) VALUES (2025, 17590, 2675, NULL, '', '', 'c-1', "
        f"'92', 1, ?, ?, 2, NULL)",
        (stamp, stamp),
    )
    conn.commit()
    conn.close()
    result = migrate.upgrade(paths.database, paths.backups)
    assert result.from_revision == "0004_organisation_grades"
    assert result.to_revision == migrate.SCHEMA_HEAD
    conn = sqlite3.connect(paths.database)
    try:
        assert conn.execute(
            "SELECT achievements, status, sessions_held, participants FROM task_progress"
        ).fetchall() == [("Đã quán triệt", "hoan_thanh", None, None)]
        assert conn.execute(
            "SELECT total_capital, entrusted_balance, central_amount, mobilised_amount "
            "FROM capital_totals"
        ).fetchall() == [(17590, 2675, None, None)]
        conn.execute("UPDATE task_progress SET sessions_held = 4, participants = 350")
        conn.execute(
            f"INSERT INTO yearly_reviews (year, strengths, shortcomings, causes, lessons, "
            f"directions, proposals, dissemination_by_rule, resources_by_rule, "
            f"lending_by_rule, {system}) VALUES (2026, 'Ưu điểm', '', '', '', '', '', 1, 0, "
            f"0, 'r-1', '92', 1, ?, ?, 3, NULL)",
            (stamp, stamp),
        )
        conn.commit()
    finally:
        conn.close()
    engine = make_engine(paths.database)
    try:
        cfg = migrate.alembic_config()
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0004_organisation_grades")
        with engine.connect() as connection:
            found = inspect(connection)
            assert "yearly_reviews" not in found.get_table_names()
            progress = {c["name"] for c in found.get_columns("task_progress")}
            assert "sessions_held" not in progress and "achievements" in progress
            capital = {c["name"] for c in found.get_columns("capital_totals")}
            assert "central_amount" not in capital and "entrusted_balance" in capital
            assert connection.exec_driver_sql(
                "SELECT achievements FROM task_progress"
            ).fetchall() == [("Đã quán triệt",)]
    finally:
        engine.dispose()


BULLETIN_TABLES = {
    "commune_targets",
    "notices",
    "closed_periods",
    "late_corrections",
    "issued_bulletins",
    "applied_bulletins",
}


def test_0006_adds_the_bulletins_and_keeps_every_row(paths: AppPaths) -> None:
    """0006 adds the city's bulletins (issue 18) to a 0005 database, which keeps what it
    held; going back drops the new tables alone."""
    from alembic import command

    _at_revision(paths, "0005_city_yearly")
    conn = sqlite3.connect(paths.database)
    conn.execute("INSERT INTO settings (key, value) VALUES ('marker', 'kept')")
    conn.commit()
    conn.close()
    result = migrate.upgrade(paths.database, paths.backups)
    assert (result.from_revision, result.to_revision) == ("0005_city_yearly", migrate.SCHEMA_HEAD)
    engine = make_engine(paths.database)
    try:
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) >= BULLETIN_TABLES
        cfg = migrate.alembic_config()
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0005_city_yearly")
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            assert not BULLETIN_TABLES & tables and "yearly_reviews" in tables
            marker = connection.exec_driver_sql(
                "SELECT value FROM settings WHERE key = 'marker'"
            ).scalar()
            assert marker == "kept"
    finally:
        engine.dispose()


def _record_references(connection: Connection) -> set[tuple[str, str, str]]:
    """(table, column, referred table) of each foreign key between two synced records."""
    synced = {model.__tablename__ for model in SYNCED_MODELS}
    found = inspect(connection)
    return {
        (table, fk["constrained_columns"][0], fk["referred_table"])
        for table in synced
        for fk in found.get_foreign_keys(table)
        if fk["referred_table"] in synced
    }


def _catalogue_references(connection: Connection) -> int:
    synced = {model.__tablename__ for model in SYNCED_MODELS}
    found = inspect(connection)
    return sum(
        1
        for table in synced
        for fk in found.get_foreign_keys(table)
        if fk["referred_table"] not in synced
    )


def test_0007_changes_nothing_on_sqlite(paths: AppPaths) -> None:
    """0007 (issue 17) is for PostgreSQL only: a SQLite database keeps its foreign keys
    between records (a commune enforces them; the city's importer turns them off on its own
    connection)."""
    _at_revision(paths, "0006_bulletins")
    engine = make_engine(paths.database)
    try:
        with engine.connect() as connection:
            before = _record_references(connection)
        result = migrate.upgrade(paths.database, paths.backups)
        assert (result.from_revision, result.to_revision) == (
            "0006_bulletins",
            "0007_city_record_references",
        )
        with engine.connect() as connection:
            assert _record_references(connection) == before and len(before) == 11
    finally:
        engine.dispose()


def test_0007_drops_the_references_between_records_on_postgresql(
    pg_url: str, tmp_path: Path
) -> None:
    """On PostgreSQL (only ever a city, whose files arrive in any order) 0007 drops the
    foreign keys from one synced record to another, and keeps those to the catalogues;
    going back puts them back, NOT VALID."""
    from alembic import command

    engine = make_engine(pg_url)
    try:
        cfg = migrate.alembic_config()
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "0006_bulletins")
        with engine.connect() as connection:
            before = _record_references(connection)
            catalogues = _catalogue_references(connection)
        assert len(before) == 11 and catalogues == 7
        migrate.upgrade(pg_url, tmp_path / "backups")
        with engine.connect() as connection:
            assert _record_references(connection) == set()
            assert _catalogue_references(connection) == catalogues
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0006_bulletins")
        with engine.connect() as connection:
            assert _record_references(connection) == before
            not_valid = connection.exec_driver_sql(
                "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated"
            ).scalar()
            assert not_valid == 11
    finally:
        engine.dispose()
