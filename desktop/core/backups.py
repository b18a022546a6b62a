"""Backups the office can rely on: taken on demand, automatically once a day, before every
migration and before every restore; restored only after the file has been checked.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from db.backup import (
    BACKUP_PREFIX,
    copy_database,
    is_sqlite_file,
    list_backups,
    restore_into,
    take_backup,
)
from db.migrate import (
    DamagedDatabase,
    DatabaseProblem,
    NewerSchema,
    NotADatabase,
    check_file,
    known_revision,
    upgrade,
)
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg
from desktop.paths import AppPaths

AUTO_REASON = "auto"
MANUAL_REASON = "manual"
BEFORE_RESTORE_REASON = "before-restore"
AUTO_INTERVAL = timedelta(hours=24)

M_NO_FILE = QT_TRANSLATE_NOOP("Backups", "The file {path} does not exist.")
M_NOT_DATABASE = QT_TRANSLATE_NOOP(
    "Backups", "{path} is not a TDCS database or backup (the file is of another kind)."
)
M_DAMAGED = QT_TRANSLATE_NOOP(
    "Backups", "{path} is damaged and cannot be read. Use an older backup."
)
M_NEWER = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} was written by a newer version of TDCS. Install the newest TDCS, then try again.",
)
M_OTHER_UNIT = QT_TRANSLATE_NOOP(
    "Backups",
    "This backup belongs to {backup_unit}, but this data folder belongs to {current_unit}. "
    "Restore it into a new data folder instead.",
)
M_NO_DATABASE_YET = QT_TRANSLATE_NOOP("Backups", "There is no database to back up yet in {path}.")
M_NOT_THIS_OFFICE = QT_TRANSLATE_NOOP(
    "Backups",
    "This backup belongs to another office: {backup_office} ({backup_unit}), not to this one "
    "({current_unit}). It was not restored; nothing was changed.",
)
M_NEVER_SET_UP = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} is a TDCS database that was never set up for an office: it holds nothing to "
    "restore. Nothing was changed.",
)
M_LIVE_DATABASE = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} is the database TDCS is using now, not a backup. Choose a backup file.",
)

PROBLEM_MESSAGES: dict[type[DatabaseProblem], Msg] = {
    NotADatabase: M_NOT_DATABASE,
    DamagedDatabase: M_DAMAGED,
    NewerSchema: M_NEWER,
}


def explain(problem: DatabaseProblem) -> UserError:
    """The user-facing explanation of a database problem."""
    message = PROBLEM_MESSAGES.get(type(problem), M_DAMAGED)
    return UserError(message, path=str(problem.path))


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str | None
    unit_code: str | None
    office_name: str | None
    #: When the copy was taken: from a backup's name (``tdcs-20261005-081500-auto.sqlite3``),
    #: otherwise the file's last change.
    taken_at: datetime


@dataclass(frozen=True)
class Restored:
    """A restore that happened: what was restored, and where the data it replaced was
    kept (``None`` when there was no usable database to keep)."""

    backup: BackupInfo
    kept: Path | None


@dataclass(frozen=True)
class BackupChoice:
    """A backup in the backups folder, as a person chooses among them."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is a TDCS database this version can open, and say whose it is."""
    if not path.is_file():
        raise UserError(M_NO_FILE, path=str(path))
    if not is_sqlite_file(path):
        raise UserError(M_NOT_DATABASE, path=str(path))
    try:
        revision = check_file(path, thorough=True)
    except DatabaseProblem as problem:
        raise explain(problem) from problem
    if revision is None:
        raise UserError(M_NOT_DATABASE, path=str(path))
    if not known_revision(revision):
        raise UserError(M_NEWER, path=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            office = conn.execute(
                "SELECT unit_code, office_name FROM office_profile WHERE id = 1"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(M_NOT_DATABASE, path=str(path)) from exc
    return BackupInfo(
        path,
        revision,
        office[0] if office else None,
        office[1] if office else None,
        _taken_at(path),
    )


def _taken_at(path: Path) -> datetime:
    if path.name.startswith(BACKUP_PREFIX):
        for backup in list_backups(path.parent):
            if backup.path == path:
                return backup.taken_at
    return datetime.fromtimestamp(path.stat().st_mtime)


def backups_to_restore(paths: AppPaths) -> list[BackupChoice]:
    """The backups in the backups folder, newest first, with their size."""
    found = []
    for backup in list_backups(paths.backups):
        try:
            size = backup.path.stat().st_size
        except OSError:  # removed meanwhile (the daily rotation)
            continue
        found.append(BackupChoice(backup.path, backup.taken_at, backup.reason, size))
    return found


def check_backup_for(paths: AppPaths, source: Path, unit_code: str) -> BackupInfo:
    """Check that ``source`` is a backup TDCS can restore into the data folder of the office
    ``unit_code``: a TDCS database this version opens, set up for that same office, and not
    the live database itself. Raises :class:`UserError` saying why not."""
    if source.is_file() and paths.database.is_file() and source.samefile(paths.database):
        raise UserError(M_LIVE_DATABASE, path=str(source))
    info = inspect_backup(source)
    if info.unit_code is None:
        raise UserError(M_NEVER_SET_UP, path=str(source))
    if info.unit_code != unit_code:
        raise UserError(
            M_NOT_THIS_OFFICE,
            backup_office=info.office_name or "?",
            backup_unit=info.unit_code,
            current_unit=unit_code,
        )
    return info


def make_backup(paths: AppPaths, out: Path | None = None) -> Path:
    """Back up the database now, to ``out`` or into the backups folder."""
    if not paths.database.is_file():
        raise UserError(M_NO_DATABASE_YET, path=str(paths.data_dir))
    if out is None:
        return take_backup(paths.database, paths.backups, MANUAL_REASON)
    copy_database(paths.database, out)
    return out


def auto_backup(paths: AppPaths, *, now: datetime | None = None) -> Path | None:
    """Take the daily automatic backup if the newest one is older than a day."""
    if not paths.database.is_file():
        return None
    newest = next((b for b in list_backups(paths.backups) if b.reason == AUTO_REASON), None)
    if newest is not None and (now or datetime.now()) - newest.taken_at < AUTO_INTERVAL:
        return None
    return take_backup(paths.database, paths.backups, AUTO_REASON, keep=10)


def restore_backup(paths: AppPaths, source: Path, *, unit_code: str | None = None) -> Restored:
    """Replace the database with ``source`` after checking it.

    With ``unit_code`` (the window: the office is known) the backup must be that office's
    (:func:`check_backup_for`). A healthy current database is backed up first and must
    belong to the same unit; a damaged one is set aside (renamed, with its ``-wal``/``-shm``
    files) rather than deleted. The restored database is migrated if it comes from an older
    version.
    """
    info = check_backup_for(paths, source, unit_code) if unit_code else inspect_backup(source)
    paths.ensure()
    live = paths.database
    kept: Path | None = None
    if live.is_file():
        try:
            current: BackupInfo | None = inspect_backup(live)
        except UserError:
            current = None
            kept = set_aside(live)
        if current is not None:
            if current.unit_code and info.unit_code and current.unit_code != info.unit_code:
                raise UserError(
                    M_OTHER_UNIT, backup_unit=info.unit_code, current_unit=current.unit_code
                )
            kept = take_backup(live, paths.backups, BEFORE_RESTORE_REASON)
            restore_into(source, live)
    if not live.is_file():
        copy_database(source, live)
    upgrade(live, paths.backups)
    return Restored(info, kept)


def set_aside(database: Path) -> Path:
    """Rename an unusable database (and its WAL files, which must never be replayed onto
    another file) to ``*.damaged-<time>``, so nothing is deleted."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = database.with_name(database.name + suffix)
        if part.exists():
            part.replace(target.with_name(target.name + suffix))
    return target


def newest_backup(paths: AppPaths) -> Path | None:
    backups = list_backups(paths.backups)
    return backups[0].path if backups else None
