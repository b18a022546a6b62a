"""Backing up and restoring the office's database: Cài đặt's buttons, the offer to restore
when the database is damaged, ``tdcs backup`` and ``tdcs restore``.

The work is :mod:`desktop.core.backups` (consistent copies through SQLite's backup API,
checked before they count; a restore checks the backup deeply and keeps the current data);
here it is one call per use, with the progress and cancel every use case takes. A cancel
is heard before anything is written, never halfway through a restore.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.backups import Restored, make_backup, restore_backup
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
    progress: Progress = NO_PROGRESS,
) -> Restored:
    """Replace the database of ``paths`` with the backup ``source`` of the office
    ``unit_code`` (by default the data folder's own); the current database is backed up
    first, or set aside when damaged. Whoever has the database open closes it first."""
    progress.report(0, 1)
    return restore_backup(paths, source, unit_code=unit_code)
