"""The day's automatic backup is taken on a thread once the window is up (at the city the
database is about a gigabyte: copying it would hold the first start of every day for
seconds), is waited for at exit, and a failure is logged without stopping the window."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from db.backup import list_backups
from desktop.core.database import Database
from desktop.paths import AppPaths
from desktop.ui import app


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
