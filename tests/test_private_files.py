"""The database holds the office's private keys: on POSIX it, its WAL files, its backups and
the key files are readable by their owner only, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.enums import OfficeMode
from desktop.core.backups import auto_backup, make_backup, restore_backup
from desktop.core.database import Database
from desktop.core.office import set_up_office
from desktop.paths import AppPaths
from desktop.sync import keys

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """The umask most Linux desktops have: new files readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_files_are_private(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    database = Database.open(paths)
    try:
        with database.transaction() as session:
            set_up_office(session, OfficeMode.COMMUNE, commune_code="31120")
            keys.ensure_office_keys(session)
        for suffix in ("", "-wal", "-shm"):
            part = paths.database.with_name(paths.database.name + suffix)
            assert part.exists() and mode(part) == 0o600, suffix
    finally:
        database.close()


def test_an_existing_readable_database_is_made_private(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    Database.open(paths).close()
    paths.database.chmod(0o644)
    Database.open(paths).close()
    assert mode(paths.database) == 0o600


def test_backups_restores_and_key_files_are_private(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    database = Database.open(paths)
    with database.transaction() as session:
        set_up_office(session, OfficeMode.CITY)
        keys.ensure_office_keys(session)
        key_file = keys.export_city_key(session, tmp_path / "usb" / "khoa")
    database.close()
    taken = [
        make_backup(paths),
        make_backup(paths, tmp_path / "usb" / "sao-luu.sqlite3"),
        make_backup(paths, tmp_path / "usb"),
        auto_backup(paths),
    ]
    for path in taken:
        assert path is not None and mode(path) == 0o600, path
    assert mode(key_file) == 0o600
    paths.database.unlink()
    restore_backup(paths, taken[1])
    assert mode(paths.database) == 0o600
