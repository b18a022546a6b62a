"""Every file TDCS writes goes through one function: the old file or the new one, never half
of one; private files readable by their owner only; the system's complaint in Vietnamese."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.errors import UserError
from desktop.core.progress import Cancelled
from desktop.core.userfiles import write_atomically
from desktop.sync import keys
from desktop.sync.exporter import copy_export, list_exports
from desktop.sync.receipts import write_receipt
from tests.sync_support import World, make_world

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield from make_world(tmp_path / "world")


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most Linux desktops have: new files readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_new_content_replaces_the_old_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(b"old")
    assert write_atomically(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert list(tmp_path.iterdir()) == [target]


def test_a_writer_gets_the_handle_and_a_missing_folder_is_made(tmp_path: Path) -> None:
    def writer(handle: BinaryIO) -> None:
        handle.write(b"PK")
        handle.write(b"\x03\x04")

    target = tmp_path / "usb" / "so-lieu" / "ds.xlsx"
    write_atomically(target, writer)
    assert target.read_bytes() == b"PK\x03\x04"


@pytest.mark.parametrize("failure", [ValueError("a bug in the writer"), Cancelled()])
def test_a_writer_that_stops_halfway_leaves_the_old_file(
    tmp_path: Path, failure: Exception
) -> None:
    target = tmp_path / "ds.xlsx"
    target.write_bytes(b"old")

    def half(handle: BinaryIO) -> None:
        handle.write(b"half of the new")
        raise failure

    with pytest.raises(type(failure)):
        write_atomically(target, half)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_full_disk_is_said_in_vietnamese_and_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vi_app: QApplication
) -> None:
    target = tmp_path / "31120_CaiKhe_0007_2026-10-05.tdcs"
    target.write_bytes(b"old")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(UserError) as caught:
        write_atomically(target, b"new" * 1000, private=True)
    text = caught.value.text()
    assert "Không ghi được tệp" in text and "đĩa đã đầy" in text
    assert "No space left" not in text
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_file_where_the_folder_should_be_is_said_in_vietnamese(
    tmp_path: Path, vi_app: QApplication
) -> None:
    (tmp_path / "usb").write_text("not a folder")
    with pytest.raises(UserError) as caught:
        write_atomically(tmp_path / "usb" / "bao-cao.pdf", b"%PDF-")
    assert "Không ghi được tệp" in caught.value.text()


@posix_only
@pytest.mark.usefixtures("usual_umask")
def test_private_files_are_the_owners_and_others_keep_the_usual_permissions(
    tmp_path: Path,
) -> None:
    assert mode(write_atomically(tmp_path / "khoa.tdcskey", b"{}", private=True)) == 0o600
    assert mode(write_atomically(tmp_path / "bao-cao.pdf", b"%PDF-")) == 0o644
    shared = tmp_path / "ds.xlsx"
    shared.write_bytes(b"old")
    shared.chmod(0o644)
    assert mode(write_atomically(shared, b"new", private=True)) == 0o600


@posix_only
@pytest.mark.usefixtures("usual_umask")
def test_sync_files_receipts_and_key_files_are_private(world: World, tmp_path: Path) -> None:
    commune = world.commune("31120")
    try:
        made = world.export(commune, full=True)
        with commune.reading() as session:
            row = list_exports(session)[0]
        copy = copy_export(commune.paths.exports, row, tmp_path / "usb")
        report = world.import_file(made.path)
        assert report.import_id is not None
        with world.city.transaction() as session:
            receipt = write_receipt(session, report.import_id, tmp_path / "receipts")
            key_file = keys.export_city_key(session, tmp_path / "khoa")
        for path in (made.path, copy, receipt, key_file):
            assert mode(path) == 0o600, path.name
        assert copy.read_bytes() == made.path.read_bytes()
    finally:
        commune.close()


def test_no_module_writes_a_file_its_own_way() -> None:
    """The ways a file gets written beside the one function: a temporary name renamed into
    place, a flush to disk, a copy. (The database's own copies go through SQLite's backup
    API in ``db/backup.py``, which cannot import above ``db``.)"""
    root = Path(__file__).resolve().parent.parent / "desktop"
    own_ways = (
        "os.replace(",
        "mkstemp(",
        "os.fsync(",
        ".partial",
        "shutil.copy(",
        "copyfile(",
        "write_bytes(",
        "write_text(",
    )
    offenders = {
        f"{path.relative_to(root).as_posix()}: {way}"
        for path in root.rglob("*.py")
        if path.name != "userfiles.py"
        for way in own_ways
        if way in path.read_text(encoding="utf-8")
    }
    assert not offenders
