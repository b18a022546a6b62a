"""Foundations of the window: start-up with a broken database, the background helper, the
crash handler, and one instance per data folder."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.enums import OfficeMode
from db.migrate import NotADatabase
from desktop.core.backups import make_backup
from desktop.core.database import Database
from desktop.core.office import set_up_office
from desktop.core.progress import Cancelled, Progress
from desktop.paths import AppPaths
from desktop.ui import app as app_module
from desktop.ui.background import run_in_background
from desktop.ui.crash import CrashDialog, CrashHandler
from desktop.ui.single_instance import SingleInstance
from tests.clerk import answering, ok, yes
from tests.db_support import new_database


def test_corrupt_database_offers_the_newest_backup(
    qtbot: QtBot, vi_app: QApplication, paths: AppPaths
) -> None:
    db = new_database(paths)
    with db.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31120")
    db.close()
    make_backup(paths)
    paths.database.write_bytes(b"ruined" * 1000)
    with answering(qtbot, yes("không phải cơ sở dữ liệu", "Khôi phục bản sao lưu mới nhất")):
        reopened = app_module.open_database(paths)
    assert reopened is not None
    reopened.close()


def test_corrupt_database_without_backup_stops(
    qtbot: QtBot, vi_app: QApplication, paths: AppPaths
) -> None:
    paths.database.write_bytes(b"ruined" * 1000)
    with answering(qtbot, ok("không phải cơ sở dữ liệu")):
        assert app_module.open_database(paths) is None
    assert paths.database.read_bytes().startswith(b"ruined")
    with pytest.raises(NotADatabase):
        Database.open(paths)


def test_background_result_arrives_on_the_gui_thread(qtbot: QtBot, vi_app: QApplication) -> None:
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["worker"] = threading.get_ident()
        progress.report(1, 2, "half")
        return 42

    def done(value: object) -> None:
        seen["value"], seen["done_thread"] = value, threading.get_ident()

    task = run_in_background(work, on_done=done, on_error=lambda e: seen.update(error=e), label="x")
    qtbot.waitSignal(task.finished, timeout=5000).wait() if "value" not in seen else None
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42 and seen["done_thread"] == gui and seen["worker"] != gui


def test_background_error_and_cancel(qtbot: QtBot, vi_app: QApplication) -> None:
    errors: list[BaseException] = []
    run_in_background(lambda p: 1 / 0, on_done=lambda v: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)

    started = threading.Event()

    def slow(progress: Progress) -> None:
        started.set()
        for i in range(200):
            progress.report(i, 200)
            time.sleep(0.01)

    cancelled: list[BaseException] = []
    task = run_in_background(
        slow, on_done=lambda v: None, on_error=cancelled.append, cancellable=True
    )
    assert started.wait(5)
    task.progress.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert isinstance(cancelled[0], Cancelled)
    assert cancelled[0].text() == "Đã hủy. Không có gì thay đổi."


def test_crash_handler_logs_and_shows_without_quitting(
    qtbot: QtBot, vi_app: QApplication, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    handler = CrashHandler(None)
    shown: list[str] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.details) or 0)
    try:
        raise RuntimeError("lỗi thử nghiệm")
    except RuntimeError as exc:
        handler.handle(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    assert "RuntimeError: lỗi thử nghiệm" in shown[0] and "TDCS" in shown[0]


def test_crash_dialog_copies_details(qtbot: QtBot, vi_app: QApplication) -> None:
    dialog = CrashDialog("Traceback: chi tiết lỗi", None)
    qtbot.addWidget(dialog)
    dialog.copy_details()
    assert QApplication.clipboard().text() == "Traceback: chi tiết lỗi"
    assert dialog.windowTitle() == "TDCS gặp lỗi không mong đợi"


def test_single_instance_per_data_folder(
    qtbot: QtBot, vi_app: QApplication, paths: AppPaths, tmp_path: object
) -> None:
    first = SingleInstance(paths)
    assert not first.another_is_running()
    assert first.listen()
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert SingleInstance(paths).another_is_running()
    other = AppPaths(paths.data_dir / "elsewhere")
    assert not SingleInstance(other).another_is_running()
    first.close()
