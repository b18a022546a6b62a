"""Consistent copies of the database through SQLite's backup API, checked before they count.

A plain file copy of a WAL database can miss pages still in the ``-wal`` file; the backup
API copies a consistent snapshot even while the application has the database open. It
copies damaged pages as faithfully as good ones, so every copy is checked
(:mod:`db.integrity`) before it takes its final name: a damaged database never replaces a
good backup, and the rotation only removes old copies after a good one was written.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db.integrity import (
    DamagedDatabase,
    PageCheck,
    affordable_check,
    is_corruption,
    page_problems,
)
from db.pg_tools import ARCHIVE_SUFFIX, dump
from db.private_files import create_private

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUP_SUFFIX = ".sqlite3"
BACKUP_PREFIX = "tdcs-"
#: A backup of the city's database on a PostgreSQL server (``pg_dump --format=custom``).
SERVER_BACKUP_SUFFIX = ARCHIVE_SUFFIX
BACKUP_SUFFIXES = (BACKUP_SUFFIX, SERVER_BACKUP_SUFFIX)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str


def is_sqlite_file(path: Path) -> bool:
    """True when the file starts with SQLite's magic header (an empty file is not one)."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def copy_database(source: Path, target: Path, *, check: PageCheck | None = None) -> None:
    """Copy ``source`` to ``target`` page by page, consistently, replacing ``target`` only
    with a copy that passes ``check`` (by default the affordable one for its size).

    The copy is written next to the target (readable by its owner only), checked, and
    renamed into place, so neither a crash mid-copy nor a damaged database ever leaves a
    bad file under the final name. Raises :class:`DamagedDatabase` for a damaged source;
    ``target`` is then untouched.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private(partial)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                chosen = check or affordable_check(partial.stat().st_size)
                problems = page_problems(dst, chosen)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as error:
        partial.unlink(missing_ok=True)
        if not is_corruption(error):
            raise
        raise DamagedDatabase(source, str(error)) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if problems:
        partial.unlink(missing_ok=True)
        raise DamagedDatabase(source, "; ".join(problems))
    partial.replace(target)


def restore_into(backup: Path, live: Path) -> None:
    """Write the content of ``backup`` into the live database file through the backup API,
    so an open WAL database stays consistent and its ``-wal``/``-shm`` files stay valid."""
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(live)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def take_backup(
    database: Path,
    backups_dir: Path,
    reason: str,
    *,
    keep: int = 20,
    check: PageCheck | None = None,
) -> Path:
    """Back up ``database`` into ``backups_dir`` and keep only the newest ``keep`` copies
    made for the same reason. A damaged database raises :class:`DamagedDatabase` and
    neither adds a copy nor removes an old one."""
    target = backup_name(backups_dir, reason, BACKUP_SUFFIX)
    copy_database(database, target, check=check)
    _rotate(backups_dir, reason, BACKUP_SUFFIX, keep)
    return target


def backup_name(backups_dir: Path, reason: str, suffix: str) -> Path:
    """``tdcs-20261005-081500-auto.sqlite3``: a new backup's name, unused yet."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{BACKUP_PREFIX}{stamp}-{reason}{suffix}"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"{BACKUP_PREFIX}{stamp}-{reason}-{counter}{suffix}"
    return target


def _rotate(backups_dir: Path, reason: str, suffix: str, keep: int) -> None:
    for old in [b for b in list_backups(backups_dir, (suffix,)) if b.reason == reason][keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def take_server_backup(
    url: str, backups_dir: Path, reason: str, *, keep: int = 20, target: Path | None = None
) -> Path:
    """``pg_dump`` the server database at ``url`` into ``backups_dir`` (or to ``target``),
    and keep only the newest ``keep`` dumps made there for the same reason. The dump is read
    back before it counts (:func:`db.pg_tools.dump`); a failed one raises
    :class:`db.pg_tools.PgToolError`, adding no file and removing none."""
    made = dump(url, target or backup_name(backups_dir, reason, SERVER_BACKUP_SUFFIX))
    if target is None:
        _rotate(backups_dir, reason, SERVER_BACKUP_SUFFIX, keep)
    return made


def list_backups(
    backups_dir: Path, suffixes: tuple[str, ...] = BACKUP_SUFFIXES
) -> list[BackupFile]:
    """Backups in ``backups_dir`` (SQLite copies and server dumps), newest first."""
    found: list[BackupFile] = []
    if not backups_dir.is_dir():
        return found
    for path in backups_dir.glob(f"{BACKUP_PREFIX}*"):
        if path.suffix not in suffixes:
            continue
        parts = path.stem.removeprefix(BACKUP_PREFIX).split("-", 2)
        try:
            taken_at = datetime.strptime(f"{parts[0]}-{parts[1]}", "%Y%m%d-%H%M%S")
        except (ValueError, IndexError):
            continue
        reason = parts[2].rsplit("-", 1)[0] if parts[2][-1:].isdigit() else parts[2]
        found.append(BackupFile(path, taken_at, reason))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found
