"""Cài đặt → Dữ liệu và sao lưu on the city's database on a PostgreSQL server (issue 17): the
clerk's buttons back it up with pg_dump and restore such a dump, with the checks and the
questions of a SQLite restore (``tests/test_server_backups.py`` has the checks themselves)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db.enums import OfficeMode
from desktop.core.backups import backups_to_restore, make_backup
from desktop.core.database import Database
from desktop.paths import AppPaths
from desktop.ui.app import Application
from desktop.ui.pages.restore_dialog import RestoreDialog
from desktop.ui.pages.settings.page import SettingsPage
from tests.clerk import Answer, answering, click, fill, no, ok, open_file, yes
from tests.db_support import new_database, new_server_database
from tests.pg_server import PgServer


def _office_name(database: Database) -> str:
    with database.reading() as session:
        return str(session.execute(text("SELECT office_name FROM office_profile")).scalar())


def _rename(database: Database, name: str) -> None:
    with database.transaction() as session:
        session.execute(text("UPDATE office_profile SET office_name = :n"), {"n": name})


def _choose(reason: str) -> Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        assert all(b.path.suffix == ".pgdump" for b in dialog.model.all_rows())
        dialog.view.selectRow(dialog.model.find_row(lambda b: b.reason == reason))
        click(dialog.restore_button)

    return fill(answer)


def test_the_window_backs_up_and_restores_the_server_database(
    qtbot: QtBot, vi_app: QApplication, pg_server: PgServer, tmp_path: Path
) -> None:
    database = new_server_database(pg_server, AppPaths(tmp_path / "pc-1"), OfficeMode.CITY)
    paths = database.paths
    original = _office_name(database)
    database.close()
    application = Application(vi_app, paths)
    assert application.start()
    assert application.backup is not None
    application.backup.wait()  # the day's dump of the server database, taken as TDCS opened
    first = application.window
    assert first is not None
    try:
        assert [b.reason for b in backups_to_restore(paths)] == ["auto"]
        page = first.open_page("settings")
        assert isinstance(page, SettingsPage)
        notes = [label.text() for label in page.data_box.findChildren(QLabel)]
        daily = backups_to_restore(paths)[0].path
        assert any("Bản sao lưu hằng ngày gần nhất" in n and str(daily) in n for n in notes)
        with answering(qtbot, ok("Đã sao lưu", ".pgdump")):
            click(page.data_box.backup_button)
        assert sorted(b.reason for b in backups_to_restore(paths)) == ["auto", "manual"]
        assert application.database is not None
        _rename(application.database, "Đổi tên sau khi sao lưu")

        # TDCS open on another computer: the question says so; No changes nothing.
        other = Database.open(AppPaths(tmp_path / "pc-2", paths.database_url).ensure())
        try:
            with other.reading() as session:
                session.execute(text("SELECT 1"))
            with answering(
                qtbot,
                _choose("manual"),
                no("Đang có 1 kết nối khác", "sẽ được thay bằng bản sao lưu"),
                timeout=30_000,
            ):
                click(page.data_box.restore_button)
                qtbot.waitUntil(lambda: page.data_box.restore_button.isEnabled(), timeout=30_000)
        finally:
            other.close()
        assert _office_name(application.database) == "Đổi tên sau khi sao lưu"

        with answering(
            qtbot,
            _choose("manual"),
            yes("sẽ được thay bằng bản sao lưu"),
            ok("Đã khôi phục bản sao lưu ngày", "-before-restore.pgdump"),
            timeout=30_000,
        ):
            click(page.data_box.restore_button)
            qtbot.waitUntil(lambda: application.window is not first, timeout=30_000)
        assert application.database is not None
        assert _office_name(application.database) == original
        assert sorted(b.reason for b in backups_to_restore(paths)) == [
            "auto",
            "before-restore",
            "manual",
        ]
    finally:
        if application.window is not None:
            application.window.close()
        if application.database is not None:
            application.database.close()


def test_the_window_refuses_a_sqlite_backup_for_the_server_database(
    qtbot: QtBot, vi_app: QApplication, pg_server: PgServer, tmp_path: Path
) -> None:
    file_city = AppPaths(tmp_path / "file-city")
    new_database(file_city, OfficeMode.CITY).close()
    sqlite_copy = make_backup(file_city)
    database = new_server_database(pg_server, AppPaths(tmp_path / "pc-1"), OfficeMode.CITY)
    try:
        from tests.clerk import make_window

        window = make_window(qtbot, database)
        page = window.open_page("settings")
        assert isinstance(page, SettingsPage)
        with answering(
            qtbot,
            fill(lambda dialog: click(dialog.other_file_button)),
            open_file(sqlite_copy),
            ok("lưu trong tệp (SQLite)", "tệp .pgdump"),
            timeout=30_000,
        ):
            click(page.data_box.restore_button)
            qtbot.waitUntil(lambda: page.data_box.restore_button.isEnabled(), timeout=30_000)
        assert backups_to_restore(database.paths) == [], "nothing kept: nothing was replaced"
        window.close()
    finally:
        database.close()
