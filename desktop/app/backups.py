"""Backing up and restoring the office's database: Cài đặt's buttons, the offer to restore
when the database is damaged, ``tdcs backup`` and ``tdcs restore``.

The work is :mod:`desktop.core.backups` (consistent copies through SQLite's backup API,
or ``pg_dump`` archives of the city's server database, checked before they count; a restore
checks the backup deeply and keeps the current data); here it is one call per use, with the
progress and cancel every use case takes. A cancel is heard before anything is written, never
halfway through a restore.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.backups import (
    BackupChoice,
    Restored,
    backups_to_restore,
    count_other_sessions,
    make_backup,
    restore_backup,
)
from desktop.core.database import Database
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.paths import AppPaths


def back_up(
    paths: AppPaths, target: Path | None = None, *, progress: Progress = NO_PROGRESS
) -> Path:
    """Back the database of ``paths`` up now, to ``target`` (a file, or a folder to put it
    in; by default the backups folder); the backup's path."""
    progress.report(0, 1)
    return make_backup(paths, target)


def restore(
    paths: AppPaths,
    source: Path,
    *,
    unit_code: str | None = None,
    other_sessions_ok: bool = False,
    open_database: Database | None = None,
    progress: Progress = NO_PROGRESS,
) -> Restored:
    """Replace the database of ``paths`` with the backup ``source`` of the office
    ``unit_code`` (by default the data folder's own); the current database is backed up
    first, or set aside when damaged. Whoever has the database open closes it first: the
    caller's own ``open_database`` lets its idle connections go (on a server they would
    count as other sessions, which refuse the restore unless ``other_sessions_ok``)."""
    progress.report(0, 1)
    if open_database is not None and paths.database_url is not None:
        open_database.engine.dispose()
    return restore_backup(paths, source, unit_code=unit_code, other_sessions_ok=other_sessions_ok)


def other_sessions(paths: AppPaths, open_database: Database | None = None) -> int:
    """On a server: how many other sessions use the database (TDCS on other computers),
    apart from the idle connections of ``open_database``, which are let go; 0 for a file."""
    if paths.database_url is None:
        return 0
    if open_database is not None:
        open_database.engine.dispose()
    return count_other_sessions(paths.database_url)


def list_backups(paths: AppPaths) -> list[BackupChoice]:
    """The backups in the backups folder this office's database can take, newest first."""
    return backups_to_restore(paths)
