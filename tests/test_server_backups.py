"""Backups and restore of the city's database on a PostgreSQL server (issue 17), on a real
throw-away server (``pg_server``): ``pg_dump`` archives in the backups folder, checked
before they count; a restore checks the archive as a SQLite restore checks its file (readable
to its end, a schema this version knows, every table and column, the office), keeps the
current data first and replaces everything or nothing; the day's automatic dump is taken
once for the database, by whichever TDCS starts first."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from db import pg_tools
from db.backup import list_backups
from db.dialects import lock_if_free
from db.engine import make_engine
from db.enums import OfficeMode
from db.migrate import SCHEMA_HEAD
from desktop.cli import main
from desktop.core.backups import (
    OtherSessionsOpen,
    auto_backup,
    backups_to_restore,
    check_backup_for,
    make_backup,
    restore_backup,
    server_daily,
)
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.paths import ENV_DATABASE_URL, AppPaths
from tests.db_support import new_database, new_server_database
from tests.pg_server import PgServer

pytestmark = pytest.mark.usefixtures("english")


def _sql(url: str, *statements: str) -> list[object]:
    """Run ``statements`` on the server database; the first column of each last row."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            found = []
            for statement in statements:
                result = conn.execute(text(statement))
                found.append(result.scalar() if result.returns_rows else None)
            return found
    finally:
        engine.dispose()


def _state(paths: AppPaths) -> tuple[object, ...]:
    """What a refused restore must leave as it was: the data, the schema, the backups."""
    url = paths.database_url
    assert url is not None
    values = _sql(
        url,
        "SELECT office_name FROM office_profile",
        "SELECT value FROM settings WHERE key = 'office.clerk_name'",
        "SELECT version_num FROM alembic_version",
        "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
        "WHERE schemaname = 'public'",
    )
    return (*values, sorted(p.name for p in paths.backups.iterdir()))


def _server_office(server: PgServer, root: Path, office: OfficeMode = OfficeMode.CITY) -> AppPaths:
    database = new_server_database(server, AppPaths(root), office)
    paths = database.paths
    database.close()
    return paths


@pytest.fixture
def city(pg_server: PgServer, tmp_path: Path) -> AppPaths:
    """The city office on the server, its clerk named "Trần Văn A"."""
    paths = _server_office(pg_server, tmp_path / "city")
    assert paths.database_url is not None
    _sql(paths.database_url, "INSERT INTO settings VALUES ('office.clerk_name', 'Trần Văn A')")
    return paths


@pytest.fixture
def city_backup(city: AppPaths) -> Path:
    return make_backup(city)


def test_backup_change_restore_gives_the_data_back(city: AppPaths, city_backup: Path) -> None:
    url = city.database_url
    assert url is not None
    assert city_backup.suffix == ".pgdump" and city_backup.parent == city.backups
    assert stat.S_IMODE(city_backup.stat().st_mode) == 0o600
    assert not list(city.backups.glob("*.partial"))
    assert [b.path for b in backups_to_restore(city)] == [city_backup]
    before = _state(city)
    _sql(
        url,
        "UPDATE office_profile SET office_name = 'Đổi tên'",
        "UPDATE settings SET value = 'Người khác' WHERE key = 'office.clerk_name'",
        "CREATE TABLE stray (id integer)",
    )
    restored = restore_backup(city, city_backup)
    assert restored.backup.unit_code == "92" and restored.backup.revision == SCHEMA_HEAD
    assert restored.kept is not None and restored.kept.name.endswith("-before-restore.pgdump")
    after = _state(city)
    assert after[:4] == before[:4], "the data, and only the archive's tables, are back"
    # The data it replaced was kept, and is itself a sound backup.
    assert check_backup_for(city, restored.kept, "92").unit_code == "92"
    database = Database.open(city)
    try:
        office = database.office()
        assert office is not None and office.unit_code == "92"
    finally:
        database.close()


def test_an_older_archive_restores_and_is_migrated(city: AppPaths, tmp_path: Path) -> None:
    """An archive of an older schema lacks the newer tables: they go too (in the same
    transaction), and the migrations bring the restored database to the current schema."""
    from alembic import command

    from db.migrate import alembic_config

    url = city.database_url
    assert url is not None
    engine = make_engine(url)
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005_city_yearly")
    finally:
        engine.dispose()
    older = make_backup(city, tmp_path / "older.pgdump")
    Database.open(city).close()  # back to the current schema
    restored = restore_backup(city, older)
    assert restored.backup.revision == "0005_city_yearly"
    assert _sql(url, "SELECT version_num FROM alembic_version") == [SCHEMA_HEAD]


def test_the_command_line_backs_up_lists_and_restores(
    capsys: pytest.CaptureFixture[str], city: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = city.database_url
    assert url is not None
    monkeypatch.setenv(ENV_DATABASE_URL, url)
    data = ["--data-dir", str(city.data_dir)]
    assert main([*data, "backup"]) == 0
    out = capsys.readouterr().out
    dump = next(city.backups.glob("*-manual.pgdump"))
    assert str(dump) in out
    assert main([*data, "backups"]) == 0
    out = capsys.readouterr().out
    assert dump.name in out and "manual" in out
    before = _state(city)
    _sql(url, "UPDATE office_profile SET office_name = 'Đổi tên'")
    assert main([*data, "restore", str(dump)]) == 0
    out = capsys.readouterr().out
    assert "-before-restore.pgdump" in out
    assert _state(city)[:4] == before[:4]
    # Another TDCS on the database: refused, saying how to restore anyway.
    other = Database.open(city)
    try:
        with other.reading() as session:
            session.execute(text("SELECT 1"))
        assert main([*data, "restore", str(dump)]) == 1
        err = capsys.readouterr().err
        assert "kết nối khác" in err and "restore --force" in err
        assert main([*data, "restore", "--force", str(dump)]) == 0
    finally:
        other.close()


# -- refusals: each says why, and nothing changes ----------------------------------------------


def _refused(paths: AppPaths, archive: Path, *expect: str) -> str:
    before = _state(paths)
    with pytest.raises(UserError) as refused:
        restore_backup(paths, archive)
    message = refused.value.text()
    for part in expect:
        assert part in message
    assert _state(paths) == before
    return message


def test_a_sqlite_backup_is_refused_by_a_server_database(city: AppPaths, tmp_path: Path) -> None:
    sqlite_city = AppPaths(tmp_path / "file-city")
    new_database(sqlite_city, OfficeMode.CITY).close()
    copy = make_backup(sqlite_city)
    _refused(city, copy, "database kept in a file (SQLite)", "only a backup of the server")


def test_a_server_backup_is_refused_by_a_sqlite_database(city_backup: Path, tmp_path: Path) -> None:
    sqlite_city = AppPaths(tmp_path / "file-city")
    new_database(sqlite_city, OfficeMode.CITY).close()
    before = sqlite_city.database.read_bytes()
    with pytest.raises(UserError) as refused:
        restore_backup(sqlite_city, city_backup)
    assert "PostgreSQL server (pg_dump)" in refused.value.text()
    assert sqlite_city.database.read_bytes() == before


def _cut(archive: Path, name: str, keep: float) -> Path:
    damaged = archive.with_name(name)
    content = archive.read_bytes()
    damaged.write_bytes(content[: int(len(content) * keep)])
    return damaged


def test_a_truncated_archive_is_refused(city: AppPaths, city_backup: Path) -> None:
    for keep in (0.5, 0.95):
        _refused(city, _cut(city_backup, f"cut-{keep}.pgdump", keep), "pg_restore cannot read")


def test_a_corrupt_archive_is_refused(city: AppPaths, city_backup: Path) -> None:
    content = bytearray(city_backup.read_bytes())
    middle = len(content) // 2
    content[middle : middle + 64] = bytes(64)
    corrupt = city_backup.with_name("corrupt.pgdump")
    corrupt.write_bytes(bytes(content))
    _refused(city, corrupt, "pg_restore cannot read")
    garbage = city_backup.with_name("garbage.pgdump")
    garbage.write_bytes(b"PGDMP" + bytes([1, 14, 0]) + bytes(range(256)) * 8)
    _refused(city, garbage, "pg_restore cannot read")
    other = city_backup.with_name("notes.pgdump")
    other.write_text("not a backup")
    _refused(city, other, "not a TDCS database or backup")


def test_an_archive_of_a_commune_is_refused(
    pg_server: PgServer, city: AppPaths, tmp_path: Path
) -> None:
    commune = _server_office(pg_server, tmp_path / "commune", OfficeMode.COMMUNE)
    archive = make_backup(commune, tmp_path / "commune.pgdump")
    _refused(city, archive, "belongs to another office", "(31120)", "(92)")


def _edited_archive(pg_server: PgServer, city: AppPaths, tmp_path: Path, *sql: str) -> Path:
    """An archive of a scratch copy of the city's database, changed by ``sql``."""
    url = city.database_url
    assert url is not None
    scratch = pg_server.create_database(template=pg_server.database_name(url))
    _sql(scratch, *sql)
    return make_backup(AppPaths(tmp_path / "scratch", scratch), tmp_path / "edited.pgdump")


def test_an_archive_of_a_newer_schema_is_refused(
    pg_server: PgServer, city: AppPaths, tmp_path: Path
) -> None:
    archive = _edited_archive(
        pg_server, city, tmp_path, "UPDATE alembic_version SET version_num = '0099_future'"
    )
    _refused(city, archive, "written by a newer version of TDCS")


def test_an_archive_lacking_a_table_or_a_column_is_refused(
    pg_server: PgServer, city: AppPaths, tmp_path: Path
) -> None:
    archive = _edited_archive(
        pg_server, city, tmp_path, "DROP TABLE loan_checks", "ALTER TABLE borrowers DROP phone"
    )
    _refused(city, archive, "incomplete", "loan_checks", "borrowers.phone")


def test_an_archive_without_an_office_is_refused(
    pg_server: PgServer, city: AppPaths, tmp_path: Path
) -> None:
    archive = _edited_archive(pg_server, city, tmp_path, "DELETE FROM office_profile")
    _refused(city, archive, "never set up for an office")


def test_without_pg_restore_the_restore_says_what_to_install(
    city: AppPaths, city_backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv(pg_tools.ENV_PG_BIN, str(empty))
    message = _refused(city, city_backup, "pg_restore was not found", "TDCS_PG_BIN")
    assert "postgresql-client" in message and "Command Line Tools" in message


def test_other_sessions_on_the_database_refuse_the_restore(
    city: AppPaths, city_backup: Path
) -> None:
    url = city.database_url
    assert url is not None
    other = Database.open(city)  # TDCS open on another computer
    try:
        with other.reading() as session:
            session.execute(text("SELECT 1"))
        before = _state(city)
        with pytest.raises(OtherSessionsOpen) as refused:
            restore_backup(city, city_backup)
        assert refused.value.count >= 1
        assert "other connection(s)" in refused.value.text()
        assert _state(city) == before
    finally:
        other.close()


# -- pg_dump: where it is found, and when it is too old ----------------------------------------


def _fake_tools(folder: Path, pg_dump_script: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    fake = folder / "pg_dump"
    fake.write_text("#!/bin/sh\n" + pg_dump_script)
    fake.chmod(0o755)
    real = pg_tools.find_tool("pg_restore", {"PATH": os.environ.get("PATH", "")})
    assert real is not None
    (folder / "pg_restore").symlink_to(real)
    return folder


def test_a_pg_dump_older_than_the_server_is_said_plainly(
    city: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        'echo "pg_dump: error: aborting because of server version mismatch" >&2\n'
        'echo "pg_dump: detail: server version: 17.2; pg_dump version: 15.18" >&2\n'
        "exit 1\n"
    )
    monkeypatch.setenv(pg_tools.ENV_PG_BIN, str(_fake_tools(tmp_path / "old", script)))
    with pytest.raises(UserError) as refused:
        make_backup(city)
    message = refused.value.text()
    assert "pg_dump 15.18 is older than the PostgreSQL server" in message
    assert "version 17.2 or newer" in message
    assert list_backups(city.backups) == []


def test_an_empty_dump_never_counts(
    city: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pg_dump that says it succeeded but wrote nothing leaves no backup behind."""
    script = 'while [ "$1" != "--file" ]; do shift; done; : > "$2"; exit 0\n'
    monkeypatch.setenv(pg_tools.ENV_PG_BIN, str(_fake_tools(tmp_path / "empty", script)))
    with pytest.raises(UserError) as refused:
        make_backup(city)
    assert "the dump is empty" in refused.value.text()
    assert list(city.backups.iterdir()) == []


@pytest.fixture
def install_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "postgresql"
    for version in ("9.6", "13", "15"):
        (root / version / "bin").mkdir(parents=True)
        (root / version / "bin" / "pg_dump").write_text("")
    monkeypatch.setattr(pg_tools, "DEBIAN_FOLDERS", str(root))
    yield root


def test_the_tools_are_found_where_postgresql_installs_them(
    install_folders: Path, tmp_path: Path
) -> None:
    no_path = {"PATH": str(tmp_path / "nothing")}
    assert pg_tools.find_tool("pg_dump", no_path) == install_folders / "15" / "bin" / "pg_dump"
    assert pg_tools.find_tool("psql", no_path) is None
    configured = {**no_path, pg_tools.ENV_PG_BIN: str(install_folders / "9.6" / "bin")}
    assert pg_tools.find_tool("pg_dump", configured) == install_folders / "9.6/bin/pg_dump"
    on_path = tmp_path / "on-path"
    on_path.mkdir()
    shutil.copy(install_folders / "13" / "bin" / "pg_dump", on_path / "pg_dump")
    (on_path / "pg_dump").chmod(0o755)
    assert pg_tools.find_tool("pg_dump", {"PATH": str(on_path)}) == on_path / "pg_dump"


# -- the day's automatic dump --------------------------------------------------------------


def test_two_starts_on_the_same_day_make_one_dump(pg_server: PgServer, city: AppPaths) -> None:
    """Two city computers (two data folders) on the one database: the first start of the
    day dumps it, the second does not; the database says when, where and by whom."""
    url = city.database_url
    assert url is not None
    other_pc = AppPaths(city.data_dir.parent / "pc-2", url).ensure()
    morning = datetime(2026, 12, 7, 8, 0)
    first = auto_backup(city, now=morning)
    assert first is not None and first.name.endswith("-auto.pgdump")
    assert auto_backup(other_pc, now=morning + timedelta(hours=2)) is None
    assert auto_backup(city, now=morning + timedelta(hours=3)) is None
    assert [b.reason for b in list_backups(city.backups)] == ["auto"]
    assert list_backups(other_pc.backups) == []
    daily = server_daily(other_pc)
    assert daily is not None and daily.taken_at == morning and daily.path == str(first)
    # The next day, whichever starts first takes it.
    assert auto_backup(other_pc, now=morning + timedelta(days=1, minutes=5)) is not None
    assert len(list_backups(other_pc.backups)) == 1


def test_a_start_while_another_pc_takes_the_daily_dump_takes_none(
    pg_server: PgServer, city: AppPaths
) -> None:
    """Another computer is dumping the database right now (it holds the day's lock): this
    start takes no second dump; once that computer is done, a start takes it."""
    from desktop.core.backups import SERVER_DAILY_LOCK

    url = city.database_url
    assert url is not None
    morning = datetime(2026, 12, 7, 8, 0)
    engine = make_engine(url)
    try:
        with engine.connect() as other_pc, lock_if_free(other_pc, SERVER_DAILY_LOCK) as got:
            assert got
            assert auto_backup(city, now=morning) is None
            assert list_backups(city.backups) == []
    finally:
        engine.dispose()
    assert auto_backup(city, now=morning) is not None
    assert [b.reason for b in list_backups(city.backups)] == ["auto"]


def test_a_daily_dump_that_cannot_be_taken_lets_the_start_go_on(
    city: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pg_tools.ENV_PG_BIN, str(tmp_path / "nowhere"))
    assert auto_backup(city) is None
    monkeypatch.delenv(pg_tools.ENV_PG_BIN)
    assert server_daily(city) is None, "nothing recorded: the next start tries again"
    assert auto_backup(city) is not None


def test_a_password_in_the_url_never_reaches_a_command_line(
    city: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other users of a PC see command lines, not a program's environment."""
    seen = tmp_path / "seen.txt"
    script = f'echo "$@" > {seen}\necho "password=$PGPASSWORD" >> {seen}\nexit 1\n'
    monkeypatch.setenv(pg_tools.ENV_PG_BIN, str(_fake_tools(tmp_path / "spy", script)))
    url = city.database_url
    assert url is not None
    with_password = url.replace("postgres@", "postgres:s%40cret@")
    with pytest.raises(UserError):
        make_backup(AppPaths(city.data_dir, with_password))
    arguments, password = seen.read_text().splitlines()
    assert "s@cret" not in arguments and "s%40cret" not in arguments
    assert "postgres@127.0.0.1" in arguments and password == "password=s@cret"


def test_tdcs_backups_lists_the_copies_of_a_sqlite_office_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = AppPaths(tmp_path / "commune")
    new_database(paths, OfficeMode.COMMUNE).close()
    data = ["--data-dir", str(paths.data_dir)]
    assert main([*data, "backups"]) == 0
    assert "Chưa có bản sao lưu nào" in capsys.readouterr().out
    copy = make_backup(paths)
    assert main([*data, "backups"]) == 0
    out = capsys.readouterr().out
    assert copy.name in out and "manual" in out


# -- all or nothing ---------------------------------------------------------------------------


def test_a_restore_that_fails_halfway_changes_nothing(
    city: AppPaths, city_backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another session in the middle of a transaction holds its locks past the restore's
    wait: the restore stops, says so, and the database is what it was (the dump of the
    current data taken before it stays)."""
    monkeypatch.setattr(pg_tools, "LOCK_TIMEOUT", "1s")
    url = city.database_url
    assert url is not None
    _sql(url, "UPDATE office_profile SET office_name = 'Sau khi sao lưu'")
    engine = make_engine(url)
    try:
        with engine.connect() as busy:
            busy.execute(text("SELECT count(*) FROM loans"))  # a transaction left open
            before = _state(city)
            with pytest.raises(UserError) as refused:
                restore_backup(city, city_backup, other_sessions_ok=True)
            busy.rollback()
    finally:
        engine.dispose()
    assert "all or nothing" in refused.value.text()
    after = _state(city)
    assert after[:4] == before[:4]
    new = sorted(p.name for p in city.backups.iterdir() if p.name not in str(before[4]))
    assert len(new) == 1 and new[0].endswith("-before-restore.pgdump")


def test_an_archive_that_breaks_off_while_restoring_changes_nothing(
    city: AppPaths, city_backup: Path
) -> None:
    """Past the checks (called directly here), pg_restore stopping halfway stops psql before
    the end of its script, so nothing of the part already sent is committed."""
    url = city.database_url
    assert url is not None
    broken = _cut(city_backup, "broken.pgdump", 0.9)
    before = _state(city)
    with pytest.raises(pg_tools.ToolFailed) as failed:
        pg_tools.restore_archive(url, broken)
    assert failed.value.tool == "pg_restore"
    assert _state(city) == before


def test_an_archive_newer_than_pg_restore_says_what_to_install(
    city: AppPaths, city_backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old-tools"
    old.mkdir()
    fake = old / "pg_restore"
    fake.write_text(
        '#!/bin/sh\necho "pg_restore: error: unsupported version (1.16) in file header" >&2\n'
        "exit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv(pg_tools.ENV_PG_BIN, str(old))
    _refused(city, city_backup, "written by a newer pg_dump", "unsupported version (1.16)")


def test_a_daily_dump_on_an_unreachable_server_lets_the_start_go_on(tmp_path: Path) -> None:
    gone = AppPaths(tmp_path / "pc", "postgresql://tdcs@127.0.0.1:9/tdcs").ensure()
    assert auto_backup(gone) is None
    assert list_backups(gone.backups) == []
