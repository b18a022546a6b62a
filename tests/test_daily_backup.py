"""The day's automatic backup is taken on a thread once the window is up (at the city the
database is about a gigabyte: copying it would hold the first start of every day for
seconds), is waited for at exit, and a failure is logged without stopping the window."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db import migrate
from db.backup import list_backups
from db.enums import OfficeMode
from db.integrity import PageCheck
from db.migrate import check_file
from desktop.core.backups import make_backup
from desktop.core.database import Database
from desktop.core.demo import generate
from desktop.core.office import set_up_office
from desktop.paths import AppPaths
from desktop.ui import app
from tests.clerk import answering, yes
from tests.damage import damage_table_pages
from tests.db_support import new_database


def test_the_daily_backup_is_taken_once_a_day_off_the_gui_thread(
    commune_db: Database, paths: AppPaths
) -> None:
    first = app.DailyBackup(paths)
    assert first.thread.name == "daily-backup"
    first.wait()
    backups = list_backups(paths.backups)
    assert [b.reason for b in backups] == ["auto"]
    second = app.DailyBackup(paths)
    second.wait()
    assert len(list_backups(paths.backups)) == 1, "one a day is enough"


def test_a_failed_daily_backup_is_logged_and_the_window_goes_on(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def disk_full(_paths: AppPaths) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(app, "auto_backup", disk_full)
    with caplog.at_level(logging.ERROR, logger="desktop.ui.app"):
        backup = app.DailyBackup(paths)
        backup.wait()
    assert "the daily backup failed" in caplog.text
    assert "No space left on device" in caplog.text


def test_damage_found_by_the_daily_backup_is_explained_and_the_good_backup_restored(
    qtbot: QtBot, vi_app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the city the database is too large to check at each start (db.integrity): the
    day's backup checks its copy, and finding damage, the window says so and offers the
    newest good backup."""
    paths = AppPaths(tmp_path / "office").ensure()
    database = new_database(paths)
    with database.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31120")
        generate(session, scale="small")
    database.close()
    good = make_backup(paths)
    damage_table_pages(paths.database)
    monkeypatch.setattr(migrate, "check_at_open", lambda _size: PageCheck.NONE)
    application = app.Application(vi_app, paths)
    try:
        with answering(qtbot, yes("bị hỏng", good.name), timeout=20_000):
            assert application.start()
        assert [b.reason for b in list_backups(paths.backups)] == ["manual"], "no damaged copy"
        assert [p for p in paths.data_dir.iterdir() if ".damaged-" in p.name]
        assert application.window is not None and application.window.isVisible()
        assert check_file(paths.database, pages=PageCheck.FULL) is not None
    finally:
        if application.window is not None:
            application.window.close()
        if application.backup is not None:
            application.backup.wait()
        if application.database is not None:
            application.database.close()
