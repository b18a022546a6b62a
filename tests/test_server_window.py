"""The city's PostgreSQL server in the window (issue 17), as the city's staff meet it: the
set-up wizard's choice of server with “Kiểm tra kết nối” (each problem said in Vietnamese, the
password asked for), a second PC joining the city, the Cài đặt box, the start when the server
is away or wants a password, and one window per person and database."""

from __future__ import annotations

import socket
import stat
import time
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QProgressDialog, QWizard
from pytestqt.qtbot import QtBot

from db import engine as db_engine
from desktop.core.database import Database
from desktop.core.office import OfficeMode, set_up_office
from desktop.paths import DATABASE_CHOICE_FILE, AppPaths, DatabaseSource, resolve
from desktop.ui.app import Application
from desktop.ui.pages.settings.page import SettingsPage
from desktop.ui.single_instance import SingleInstance, server_name
from desktop.ui.wizard import PAGE_CITY, PAGE_DATABASE, SetupWizard
from tests.clerk import answering, click, fill, go_to, message_button, type_text, yes
from tests.pg_server import PgServer
from tests.server_support import (
    NO_RIGHTS_USER,
    PASSWORD,
    PASSWORD_USER,
    database_owned_by,
    ensure_roles,
    url_as,
)

CITY_NAME = "Ủy ban nhân dân thành phố Cần Thơ"


@pytest.fixture(autouse=True)
def _no_password_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test hands its typed password to the next, and each has its own password file."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "home" / ".pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    db_engine._passwords.clear()
    yield
    db_engine._passwords.clear()


@pytest.fixture
def started(vi_app: QApplication) -> Iterator[list[Application]]:
    running: list[Application] = []
    yield running
    for application in running:
        if application.instance is not None:
            application.instance.close()
        window = application.window
        if window is not None and window.isVisible():
            window.ask_before_closing = False
            window.close()
        if application.backup is not None:
            application.backup.wait()
        if application.database is not None:
            application.database.close()


def start(started: list[Application], data: Path) -> Application:
    """TDCS as a double-click starts it on the data folder ``data``, holding the lock of one
    window per person and database."""
    paths = resolve(data).ensure()
    instance = SingleInstance(paths)
    assert instance.listen()
    application = Application(QApplication.instance(), paths, instance)  # type: ignore[arg-type]
    started.append(application)
    return application


def password(typed: str, remember: bool = False, expect: str = "") -> Callable[[Any], None]:
    """Answer the password prompt: check it says ``expect``, type, tick, OK."""

    def answer(dialog: Any) -> None:
        assert expect in dialog.message.text(), dialog.message.text()
        type_text(dialog.password, typed)
        if remember:
            choose_option(dialog.remember)
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    return answer


def choose_option(button: QAbstractButton) -> None:
    """Click a radio button (or a tick) on its circle, where a person clicks."""
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked(), button.text()


def to_server_page(wizard: SetupWizard) -> None:
    choose_option(wizard.mode_page.city)
    click(wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == PAGE_DATABASE
    choose_option(wizard.database_page.server)


def check(wizard: SetupWizard, url: str) -> str:
    """Type ``url`` in the wizard's server field, press “Kiểm tra kết nối”; what it says."""
    field = wizard.database_page.server_field
    field.url.clear()
    type_text(field.url, url)
    assert field.check_button.text() == "Kiểm tra kết nối"
    click(field.check_button)
    return str(field.status.text())


def test_the_wizard_sets_the_city_up_on_a_server_and_a_second_pc_joins_it(
    qtbot: QtBot, vi_app: QApplication, tmp_path: Path, pg_url: str, started: list[Application]
) -> None:
    first = start(started, tmp_path / "pc1")

    def set_up(wizard: SetupWizard) -> None:
        to_server_page(wizard)
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert not next_button.isEnabled(), "the server is tested before the wizard goes on"
        # Written with a password (the server trusts postgres, so any will do): it is taken
        # out of the address, used for this run, and said.
        said = check(wizard, pg_url.replace("postgres@", "postgres:Pw-in-url@"))
        assert said.startswith("Kết nối được. Cơ sở dữ liệu chưa có dữ liệu của TDCS")
        assert "Mật khẩu đã được bỏ khỏi địa chỉ" in said
        assert wizard.database_page.server_field.url.text() == pg_url
        click(next_button)
        assert wizard.currentId() == PAGE_CITY
        assert wizard.city_page.office_name.text() == CITY_NAME
        click(wizard.button(QWizard.WizardButton.FinishButton))

    with answering(qtbot, fill(set_up)):
        opened = first.start()
    assert opened
    assert first.database is not None and first.database.engine.dialect.name == "postgresql"
    assert first.window is not None and first.window.isVisible()
    assert resolve(tmp_path / "pc1").database_url == pg_url  # remembered: no flag next time
    assert not (tmp_path / "pc1" / "tdcs.sqlite3").exists()  # nor an empty file left behind
    # The lock moved to the server database: a second start there brings this window forward.
    assert first.instance is not None and first.instance.name == server_name(first.paths)
    assert first.instance.name != server_name(AppPaths(tmp_path / "pc1"))
    saved = (tmp_path / "pc1" / DATABASE_CHOICE_FILE).read_text(encoding="utf-8")
    assert "postgres@" in saved and "Pw-in-url" not in saved

    second = start(started, tmp_path / "pc2")

    def join(wizard: SetupWizard) -> None:
        to_server_page(wizard)
        said = check(wizard, pg_url)
        assert "đã có văn phòng Thành phố “Ủy ban nhân dân thành phố Cần Thơ”" in said
        click(wizard.button(QWizard.WizardButton.NextButton))
        page = wizard.city_page
        assert page.title() == "Dùng chung văn phòng Thành phố"
        assert page.office_name.isReadOnly() and page.office_name.text() == CITY_NAME
        click(wizard.button(QWizard.WizardButton.FinishButton))

    with answering(qtbot, fill(join)):
        opened = second.start()
    assert opened
    assert second.database is not None and second.database.paths.database_url == pg_url
    office = second.database.office()
    assert office is not None and office.is_city
    # The same keys: the communes' files open at either PC.
    first_office = first.database.office()
    assert first_office is not None and first_office.office_name == office.office_name


def test_the_wizard_says_what_is_wrong_with_each_server(
    qtbot: QtBot,
    vi_app: QApplication,
    tmp_path: Path,
    pg_server: PgServer,
    pg_url: str,
    started: list[Application],
) -> None:
    ensure_roles(pg_server)
    place = f"127.0.0.1:{pg_server.port}"
    commune_url = pg_server.create_database()
    commune = Database.open(AppPaths(tmp_path / "old", commune_url).ensure())
    with commune.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31120")
    commune.close()
    cases = {
        f"postgresql://postgres@127.0.0.1:1/{pg_server.database_name(pg_url)}": (
            "Không kết nối được máy chủ cơ sở dữ liệu 127.0.0.1:1"
        ),
        f"postgresql://postgres@{place}/khong_co": "không có cơ sở dữ liệu tên khong_co",
        url_as(pg_url, NO_RIGHTS_USER): f"Người dùng {NO_RIGHTS_USER} không có quyền tạo bảng",
        commune_url: "đã được thiết lập cho đơn vị “Ủy ban nhân dân phường Cái Khế”",
        "mysql://may-chu/tdcs": "không phải địa chỉ của một cơ sở dữ liệu PostgreSQL",
    }
    application = start(started, tmp_path / "pc")

    def try_each(wizard: SetupWizard) -> None:
        to_server_page(wizard)
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        for url, expected in cases.items():
            said = check(wizard, url)
            assert expected in said, (url, said)
            assert not next_button.isEnabled()
        # Back to this computer's file: the wizard goes on as before.
        choose_option(wizard.database_page.local)
        click(next_button)
        click(wizard.button(QWizard.WizardButton.FinishButton))

    with answering(qtbot, fill(try_each)):
        opened = application.start()
    assert opened
    assert application.database is not None
    assert application.database.paths.database_url is None
    assert not (tmp_path / "pc" / DATABASE_CHOICE_FILE).exists()


def test_the_wizard_asks_for_the_password_and_remembers_it_in_pgpass(
    qtbot: QtBot,
    vi_app: QApplication,
    tmp_path: Path,
    pg_server: PgServer,
    started: list[Application],
) -> None:
    url = database_owned_by(pg_server, PASSWORD_USER)
    application = start(started, tmp_path / "pc")
    statuses: list[str] = []

    def set_up(wizard: SetupWizard) -> None:
        to_server_page(wizard)
        statuses.append(check(wizard, url))
        click(wizard.button(QWizard.WizardButton.NextButton))
        click(wizard.button(QWizard.WizardButton.FinishButton))

    asks = f"yêu cầu mật khẩu của người dùng {PASSWORD_USER}"
    wrong = f"không chấp nhận mật khẩu của người dùng {PASSWORD_USER}: sai mật khẩu"
    with answering(
        qtbot,
        fill(set_up),
        fill(password("khong-dung", expect=asks)),
        fill(password(PASSWORD, remember=True, expect=wrong)),
    ):
        assert application.start()
    assert statuses[0].startswith("Kết nối được")
    pgpass = tmp_path / "home" / ".pgpass"
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    assert pgpass.read_text(encoding="utf-8").endswith(":Mật-khẩu\\:1\n")
    for path in (tmp_path / "pc").rglob("*"):
        if path.is_file() and path.suffix in {".json", ".log", ".txt"}:
            assert PASSWORD not in path.read_text(encoding="utf-8", errors="replace"), path
    assert application.database is not None
    application.database.close()
    application.database = None

    # The next start finds the password in PostgreSQL's file: no question.
    db_engine._passwords.clear()
    again = start(started, tmp_path / "pc")
    with answering(qtbot):
        opened = again.start()
    assert opened
    assert again.database is not None and again.database.paths.source is DatabaseSource.SAVED


def test_the_start_asks_for_the_password_the_server_wants(
    qtbot: QtBot,
    vi_app: QApplication,
    tmp_path: Path,
    pg_server: PgServer,
    started: list[Application],
) -> None:
    url = database_owned_by(pg_server, PASSWORD_USER)
    db_engine.use_password(url, PASSWORD)
    from desktop.app.setup import SetupAnswers, set_up_on_server

    set_up_on_server(tmp_path / "pc", SetupAnswers(OfficeMode.CITY), url).database.close()
    db_engine._passwords.clear()
    application = start(started, tmp_path / "pc")
    wrong = "sai mật khẩu"
    with answering(
        qtbot,
        fill(password("sai", expect="yêu cầu mật khẩu")),
        fill(password(PASSWORD, expect=wrong)),
    ):
        assert application.start()
    assert application.window is not None and application.window.isVisible()
    assert not (tmp_path / "home" / ".pgpass").exists()  # not ticked: memory only


def test_an_unreachable_server_at_start_offers_retry_and_quit(
    qtbot: QtBot, vi_app: QApplication, tmp_path: Path, started: list[Application]
) -> None:
    from desktop.core.database_choice import save_database_url

    data = tmp_path / "pc"
    save_database_url(data, "postgresql://tdcs@127.0.0.1:1/tdcs")
    application = start(started, data)
    says = "Không kết nối được máy chủ cơ sở dữ liệu 127.0.0.1:1"
    with answering(
        qtbot,
        message_button("Thử lại", says),
        message_button("Thoát", "Không có gì trên máy tính này bị thay đổi"),
    ):
        assert not application.start()
    assert not (data / "tdcs.sqlite3").exists()
    assert resolve(data).database_url == "postgresql://tdcs@127.0.0.1:1/tdcs"


def test_a_silent_server_at_start_is_awaited_with_a_note_and_a_live_window(
    qtbot: QtBot,
    vi_app: QApplication,
    tmp_path: Path,
    started: list[Application],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server that takes the connection and never answers (a host that hangs): while
    TDCS waits for it, a note says which server it is waiting for and the GUI thread keeps
    running; when the wait ends, Retry / Quit as for a server that is down."""
    monkeypatch.setattr(db_engine, "CONNECT_TIMEOUT_S", 2)
    from desktop.core.database_choice import save_database_url

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        port = silent.getsockname()[1]
        data = tmp_path / "pc"
        save_database_url(data, f"postgresql://tdcs@127.0.0.1:{port}/tdcs")
        application = start(started, data)
        notes: list[str] = []
        beats: list[float] = []

        def look() -> None:
            beats.append(time.monotonic())
            notes.extend(
                w.labelText()
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()
            )

        heartbeat = QTimer()
        heartbeat.setInterval(50)
        heartbeat.timeout.connect(look)
        heartbeat.start()
        with answering(qtbot, message_button("Thoát", "Không có gì trên máy tính này bị thay đổi")):
            assert not application.start()
        heartbeat.stop()
    assert any(f"127.0.0.1:{port}/tdcs" in note and "Đang kết nối" in note for note in notes), notes
    waited = [b - a for a, b in pairwise(beats)]
    assert len(waited) > 20 and max(waited) < 0.5, max(waited, default=0)


def test_the_settings_box_shows_and_changes_where_the_database_is(
    qtbot: QtBot,
    vi_app: QApplication,
    tmp_path: Path,
    pg_url: str,
    started: list[Application],
) -> None:
    from desktop.app.setup import SetupAnswers, set_up_on_server

    set_up_on_server(tmp_path / "first-pc", SetupAnswers(OfficeMode.CITY), pg_url).database.close()
    # A city that began on this computer's file moves to the server the first PC set up.
    data = tmp_path / "pc"
    database = Database.open(AppPaths(data).ensure())
    with database.transaction() as session:
        set_up_office(session, OfficeMode.CITY)
    database.close()
    application = start(started, data)
    with answering(qtbot):
        opened = application.start()
    assert opened
    assert application.window is not None
    page = go_to(application.window, "Cài đặt")
    assert isinstance(page, SettingsPage)
    box = page.database_box
    assert box.title() == "Cơ sở dữ liệu"
    assert box.where.text() == f"tệp trên máy này {data / 'tdcs.sqlite3'}"
    assert not box.local_button.isEnabled()

    def choose(dialog: Any) -> None:
        field = dialog.server_field
        type_text(field.url, pg_url)
        click(field.check_button)
        assert "đã có văn phòng Thành phố" in field.status.text()
        click(dialog.save)

    with answering(qtbot, fill(choose)):
        click(box.change_button)
    assert "Từ lần mở sau, TDCS dùng máy chủ" in box.pending.text()
    assert resolve(data).database_url == pg_url
    assert application.database is not None
    assert application.database.paths.database_url is None  # at the next start only

    with answering(qtbot, yes("thay cho máy chủ; dữ liệu trên máy chủ vẫn giữ nguyên")):
        click(box.local_button)
    assert resolve(data).database_url is None
    assert "dùng tệp trên máy này" in box.pending.text()


def test_one_window_per_person_and_database(
    qtbot: QtBot, vi_app: QApplication, tmp_path: Path
) -> None:
    on_server = AppPaths(tmp_path / "a", "postgresql://tdcs:x@May-Chu:5432/tdcs")
    first = SingleInstance(on_server)
    assert first.listen()
    try:
        # The same database, from another data folder and spelled otherwise: one window.
        same = AppPaths(tmp_path / "b", "postgres://tdcs@may-chu/tdcs")
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert SingleInstance(same).another_is_running()
        # A commune's file, or another database on the server: windows side by side.
        assert not SingleInstance(AppPaths(tmp_path / "a")).another_is_running()
        other = AppPaths(tmp_path / "a", "postgresql://tdcs@may-chu:5432/thu_nghiem")
        assert not SingleInstance(other).another_is_running()
    finally:
        first.close()


def test_a_crash_report_never_shows_a_password(vi_app: QApplication) -> None:
    from desktop.ui.crash import CrashHandler

    db_engine.use_password("postgresql://tdcs@may-chu/tdcs", "Bí-mật-99")
    handler = CrashHandler(None)
    handler.showing = True  # the report only, no dialog
    try:
        raise RuntimeError("connection to may-chu with Bí-mật-99 failed")
    except RuntimeError as error:
        handler.handle(RuntimeError, error, error.__traceback__)
    handler.relay.report.emit("x")  # queued: wait for the first one
    QApplication.processEvents()
    assert handler.shown and all("Bí-mật-99" not in text for text in handler.shown)
    assert "***" in handler.shown[0]
