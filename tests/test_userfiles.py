"""Files a person names are opened only when they are regular files, and the system's
complaints reach the person in Vietnamese."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.errors import UserError
from desktop.core.userfiles import (
    open_regular_file,
    os_reason,
    read_regular_file,
    require_regular_file,
)
from desktop.sync.errors import SyncRefused

posix_only = pytest.mark.skipif(os.name != "posix", reason="named pipes and /dev are POSIX")


def _finishes(call: Callable[[], object], seconds: float = 5.0) -> BaseException | None:
    """Run ``call`` on a thread and return what it raised; fail if it is still waiting."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading the file is still waiting"
    return outcome[0]


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bien-nhan.tdcsr"
    path.write_bytes(b"abc")
    assert read_regular_file(path, 10) == b"abc"
    assert require_regular_file(path) == 3
    with open_regular_file(path) as handle:
        assert handle.read() == b"abc"


@posix_only
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, vi_app: QApplication) -> None:
    fifo = tmp_path / "khoa.tdcskey"
    os.mkfifo(fifo)
    error = _finishes(lambda: read_regular_file(fifo, 1024))
    assert isinstance(error, UserError)
    assert "không phải là một tệp thông thường" in error.text()
    error = _finishes(lambda: open_regular_file(fifo))
    assert isinstance(error, UserError)


@posix_only
def test_a_device_is_refused(vi_app: QApplication) -> None:
    error = _finishes(lambda: read_regular_file(Path("/dev/zero"), 1024))
    assert isinstance(error, UserError)
    assert "/dev/zero" in error.text()


def test_a_folder_is_refused(tmp_path: Path, vi_app: QApplication) -> None:
    with pytest.raises(UserError) as caught:
        read_regular_file(tmp_path, 1024)
    assert "thư mục" in caught.value.text()


def test_a_missing_file_is_named(tmp_path: Path, vi_app: QApplication) -> None:
    with pytest.raises(UserError) as caught:
        open_regular_file(tmp_path / "khong-co.sqlite3")
    assert caught.value.text() == f"Không tìm thấy tệp {tmp_path / 'khong-co.sqlite3'}."


def test_a_file_over_the_limit_is_not_read(tmp_path: Path, vi_app: QApplication) -> None:
    path = tmp_path / "lon.tdcs"
    path.write_bytes(b"x" * 70_000)
    with pytest.raises(UserError) as caught:
        read_regular_file(path, 64 * 1024)
    assert "69 KB" in caught.value.text() and "64 KB" in caught.value.text()


def test_the_caller_chooses_the_kind_of_error(tmp_path: Path) -> None:
    with pytest.raises(SyncRefused):
        read_regular_file(tmp_path, 10, error=SyncRefused)
    with pytest.raises(SyncRefused):
        require_regular_file(tmp_path / "none", error=SyncRefused)


@posix_only
def test_an_unreadable_file_is_explained_in_vietnamese(
    tmp_path: Path, vi_app: QApplication
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "khoa.tdcskey"
    path.write_bytes(b"{}")
    path.chmod(0)
    with pytest.raises(UserError) as caught:
        read_regular_file(path, 1024)
    text = caught.value.text()
    assert "Permission denied" not in text
    assert "quyền" in text


@pytest.mark.parametrize(
    ("error", "phrase"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "đĩa đã đầy"),
        (OSError(errno.EROFS, "Read-only file system"), "chỉ cho phép đọc"),
        (OSError(errno.EACCES, "Permission denied"), "không có quyền"),
        (OSError(errno.EIO, "Input/output error"), "USB"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "quá dài"),
        (OSError(9999, "Something odd"), "9999"),
    ],
)
def test_system_errors_become_vietnamese_phrases(
    error: OSError, phrase: str, vi_app: QApplication
) -> None:
    text = os_reason(error)
    assert phrase in text
    assert str(error.strerror) not in text


def test_a_windows_sharing_violation_says_the_file_is_open_elsewhere(
    vi_app: QApplication,
) -> None:
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32  # type: ignore[attr-defined]
    assert "chương trình khác" in os_reason(error)
