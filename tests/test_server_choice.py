"""Choosing and reaching the city's PostgreSQL server without the window (issue 17): the
remembered choice in the data folder, what a server check finds, setting the city up there or
joining it, the password file, and the command line's prompt and messages."""

from __future__ import annotations

import json
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import engine as db_engine
from desktop.app.server import (
    ServerProblem,
    ServerState,
    Trouble,
    check_server,
    pgpass_path,
    remember_in_pgpass,
)
from desktop.app.setup import SetupAnswers, set_up_on_server
from desktop.cli import main
from desktop.core.database import Database
from desktop.core.database_choice import save_database_url
from desktop.core.errors import UserError
from desktop.core.office import OfficeMode
from desktop.paths import (
    DATABASE_CHOICE_FILE,
    ENV_DATABASE_URL,
    AppPaths,
    DatabaseSource,
    resolve,
)
from tests.pg_server import PgServer
from tests.server_support import (
    NO_RIGHTS_USER,
    PASSWORD,
    PASSWORD_USER,
    database_owned_by,
    ensure_roles,
    url_as,
)

CITY = SetupAnswers(OfficeMode.CITY, None, "Ủy ban nhân dân thành phố Cần Thơ")


@pytest.fixture(autouse=True)
def _no_password_kept() -> Iterator[None]:
    """No test hands its typed password to the next."""
    db_engine._passwords.clear()
    yield
    db_engine._passwords.clear()


@pytest.fixture
def pgpass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PostgreSQL's password file of this test (libpq reads PGPASSFILE as TDCS does)."""
    path = tmp_path / "home" / ".pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# -- the remembered choice ---------------------------------------------------------------------


def test_the_saved_server_comes_after_the_option_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    assert resolve(data).database_url is None and resolve(data).source is DatabaseSource.FILE
    assert not save_database_url(data, "postgresql://tdcs@server:5432/tdcs")
    saved = resolve(data)
    assert (saved.database_url, saved.source) == (
        "postgresql://tdcs@server:5432/tdcs",
        DatabaseSource.SAVED,
    )
    monkeypatch.setenv(ENV_DATABASE_URL, "postgresql://tdcs@other/tdcs")
    assert resolve(data).source is DatabaseSource.ENVIRONMENT
    assert resolve(data, "postgresql://x@y/z").source is DatabaseSource.OPTION
    monkeypatch.delenv(ENV_DATABASE_URL)
    save_database_url(data, None)  # back to the folder's own file
    assert resolve(data).database_url is None
    assert not (data / DATABASE_CHOICE_FILE).exists()


def test_a_password_is_never_saved_with_the_server(tmp_path: Path) -> None:
    assert save_database_url(tmp_path, "postgresql://tdcs:s3cr%40t@server/tdcs")
    written = (tmp_path / DATABASE_CHOICE_FILE).read_text(encoding="utf-8")
    assert "s3cr" not in written
    assert json.loads(written) == {"url": "postgresql://tdcs@server/tdcs"}


def test_an_unreadable_choice_is_ignored(tmp_path: Path) -> None:
    (tmp_path / DATABASE_CHOICE_FILE).write_text("{not json", encoding="utf-8")
    assert resolve(tmp_path).database_url is None


# -- what a server check finds -----------------------------------------------------------------


def test_each_problem_of_a_server_is_told_apart(pg_server: PgServer, pg_url: str) -> None:
    ensure_roles(pg_server)
    place = f"127.0.0.1:{pg_server.port}"
    cases = {
        "mysql://x/y": Trouble.NOT_A_URL,
        "postgresql://postgres@127.0.0.1:1/tdcs": Trouble.UNREACHABLE,
        "postgresql://postgres@no-such-host.invalid/tdcs": Trouble.UNREACHABLE,
        f"postgresql://{PASSWORD_USER}@{place}/postgres": Trouble.PASSWORD_NEEDED,
        f"postgresql://nobody@{place}/postgres": Trouble.NOT_ALLOWED,
        f"postgresql://postgres@{place}/no_such_database": Trouble.NO_DATABASE,
        url_as(pg_url, NO_RIGHTS_USER): Trouble.NO_RIGHTS,
    }
    for url, trouble in cases.items():
        with pytest.raises(ServerProblem) as raised:
            check_server(url)
        assert raised.value.trouble is trouble, url
    with pytest.raises(ServerProblem) as wrong:
        check_server(f"postgresql://{PASSWORD_USER}@{place}/postgres", "not the password")
    assert wrong.value.trouble is Trouble.WRONG_PASSWORD
    assert "not the password" not in wrong.value.text()
    assert check_server(pg_url).state is ServerState.EMPTY


def test_another_programs_database_and_a_communes_are_refused(
    pg_server: PgServer, tmp_path: Path
) -> None:
    import psycopg

    other = pg_server.create_database()
    with psycopg.connect(other, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(ServerProblem) as raised:
        check_server(other)
    assert raised.value.trouble is Trouble.OTHER_TABLES
    commune = pg_server.create_database()
    database = Database.open(AppPaths(tmp_path / "c", commune).ensure())
    from desktop.core.office import set_up_office

    with database.transaction() as session:  # as an old TDCS might have let happen
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31120")
    database.close()
    with pytest.raises(ServerProblem) as raised:
        check_server(commune)
    assert raised.value.trouble is Trouble.A_COMMUNE and "Cái Khế" in str(raised.value)


def test_the_city_is_set_up_on_a_server_then_a_second_pc_joins_it(
    pg_url: str, tmp_path: Path
) -> None:
    first = set_up_on_server(tmp_path / "pc1", CITY, pg_url)
    assert not first.joined and first.made.office.is_city
    first.database.close()
    assert resolve(tmp_path / "pc1").database_url == pg_url
    assert check_server(pg_url).state is ServerState.CITY
    second = set_up_on_server(tmp_path / "pc2", CITY, pg_url)
    assert second.joined and second.made.fingerprint == first.made.fingerprint
    second.database.close()
    assert resolve(tmp_path / "pc2").source is DatabaseSource.SAVED
    with pytest.raises(UserError):
        set_up_on_server(tmp_path / "pc3", SetupAnswers(OfficeMode.COMMUNE, "31120"), pg_url)


# -- passwords ---------------------------------------------------------------------------------


def test_the_password_file_is_written_private_and_used_next_time(
    pg_server: PgServer, pgpass: Path
) -> None:
    url = database_owned_by(pg_server, PASSWORD_USER)
    with pytest.raises(ServerProblem) as raised:
        check_server(url)
    assert raised.value.trouble is Trouble.PASSWORD_NEEDED
    pgpass.parent.mkdir(parents=True)
    pgpass.write_text("otherhost:5432:*:someone:x\n", encoding="utf-8")
    assert remember_in_pgpass(url, PASSWORD) == pgpass_path() == pgpass
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    lines = pgpass.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "otherhost:5432:*:someone:x" and len(lines) == 2
    assert check_server(url).state is ServerState.EMPTY  # libpq found it there
    remember_in_pgpass(url, PASSWORD)  # the same line replaced, not added
    assert len(pgpass.read_text(encoding="utf-8").splitlines()) == 2


def test_the_password_file_is_where_libpq_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSFILE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert pgpass_path() == tmp_path / ".pgpass"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert pgpass_path() == tmp_path / "Roaming" / "postgresql" / "pgpass.conf"


def test_a_password_typed_for_this_run_reaches_the_engine_and_pg_dump(
    pg_server: PgServer, pgpass: Path, tmp_path: Path
) -> None:
    url = database_owned_by(pg_server, PASSWORD_USER)
    db_engine.use_password(url, PASSWORD)
    made = set_up_on_server(tmp_path / "pc", CITY, url)
    made.database.close()
    assert PASSWORD not in (tmp_path / "pc" / DATABASE_CHOICE_FILE).read_text(encoding="utf-8")
    assert db_engine.libpq_environment(url)["PGPASSWORD"] == PASSWORD
    assert not pgpass.exists()
    if shutil.which("pg_dump") is not None:  # pg_dump is given the password too
        from db.migrate import server_backup

        dump = server_backup(url, tmp_path / "backups", "manual")
        assert dump is not None and dump.stat().st_size > 0


# -- the command line --------------------------------------------------------------------------


def test_init_remembers_the_server_for_every_later_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str
) -> None:
    data = str(tmp_path / "data")
    place, _, name = pg_url.partition("@")[2].partition("/")
    with_password = f"postgresql://postgres:trusted-anyway@{place}/{name}"
    code, out, err = run(
        capsys, "--data-dir", data, "init", "--mode", "city", "--database", with_password
    )
    assert code == 0, err
    assert "trusted-anyway" not in out + err
    assert "trusted-anyway" not in (tmp_path / "data" / DATABASE_CHOICE_FILE).read_text()
    code, out, err = run(capsys, "--data-dir", data, "database")
    assert code == 0 and f"127.0.0.1:{place.partition(':')[2]}" in out, err
    code, out, err = run(capsys, "--data-dir", data, "office")  # no --database: the server
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", data, "database", "--use-file")
    assert code == 0 and "tdcs.sqlite3" in out
    assert resolve(tmp_path / "data").database_url is None
    code, out, err = run(capsys, "--data-dir", data, "database", "--use", pg_url)
    assert code == 0 and resolve(tmp_path / "data").database_url == pg_url
    code, out, err = run(
        capsys,
        "--data-dir",
        str(tmp_path / "x"),
        "init",
        "--mode",
        "commune",
        "--commune",
        "31120",
        "--database",
        pg_url,
    )
    assert code == 1 and err


def test_the_command_line_asks_for_a_password_at_a_terminal_only(
    capsys: pytest.CaptureFixture[str],
    pg_server: PgServer,
    pgpass: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = database_owned_by(pg_server, PASSWORD_USER)
    data = str(tmp_path / "data")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "--data-dir", data, "init", "--mode", "city", "--database", url)
    assert code == 3 and str(pgpass) in err and "PGPASSWORD" in err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["Sai-Mk-42", PASSWORD])
    asked: list[str] = []

    def getpass(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", getpass)
    code, out, err = run(capsys, "--data-dir", data, "init", "--mode", "city", "--database", url)
    assert code == 0, err
    assert len(asked) == 2
    assert PASSWORD not in out + err
    log = (tmp_path / "data" / "logs" / "tdcs.log").read_text(encoding="utf-8")
    assert PASSWORD not in log and "Sai-Mk-42" not in log


def test_a_password_written_in_the_url_stays_in_memory_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.applog import without_passwords

    paths = resolve(tmp_path, "postgresql://tdcs:pw-123@server/tdcs")
    assert paths.database_url == "postgresql://tdcs@server/tdcs"
    assert db_engine.password_for(paths.database_url) == "pw-123"
    monkeypatch.setenv(ENV_DATABASE_URL, "postgresql://tdcs:pw-456@server/tdcs")
    assert resolve(tmp_path).database_url == "postgresql://tdcs@server/tdcs"
    assert db_engine.password_for("postgres://tdcs@SERVER:5432/tdcs") == "pw-456"
    assert without_passwords("refused pw-456") == "refused ***"


def test_a_further_pc_joins_the_city_from_the_command_line(
    capsys: pytest.CaptureFixture[str],
    pg_server: PgServer,
    pgpass: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = database_owned_by(pg_server, PASSWORD_USER)
    db_engine.use_password(url, PASSWORD)
    set_up_on_server(tmp_path / "pc1", CITY, url).database.close()
    db_engine._passwords.clear()
    data = str(tmp_path / "pc2")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "--data-dir", data, "database", "--use", url)
    assert code == 1 and "yêu cầu mật khẩu" in err
    assert resolve(tmp_path / "pc2").database_url is None
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _prompt: PASSWORD)
    code, out, err = run(capsys, "--data-dir", data, "database", "--use", url)
    assert code == 0, err
    assert "Thư mục dữ liệu đã ghi nhớ máy chủ cơ sở dữ liệu" in out
    assert resolve(tmp_path / "pc2").database_url == url
    empty = pg_server.create_database()
    code, _, err = run(capsys, "--data-dir", data, "database", "--use", empty)
    assert code == 1 and "chưa có văn phòng Thành phố" in err


def test_the_window_takes_database_too() -> None:
    from desktop.cli import _gui_request

    url = "postgresql://tdcs@may-chu/tdcs"
    assert _gui_request(["--database", url]) == (None, [], url)
    assert _gui_request(["gui", "--data-dir", "D", "--database", url]) == ("D", [], url)
    assert _gui_request(["--database", url, "office"]) is None
