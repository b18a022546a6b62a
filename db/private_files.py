"""The database holds the office's private keys and borrowers' data: on Linux (and any POSIX
system) it, its ``-wal``/``-shm`` files and its backups are readable by their owner only
(mode 0600), like the sync files. Windows keeps a user's ``%LOCALAPPDATA%`` private by its
own permissions, so there this module does nothing.

SQLite creates ``-wal``, ``-shm`` and ``-journal`` files with the permissions of the
database file, so a database created private stays private.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_MODE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


def _posix() -> bool:
    return os.name == "posix"


def create_private(path: Path) -> None:
    """Create ``path`` as an empty file readable by its owner only, unless it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))


def make_private(path: Path) -> None:
    """Take group and other permissions away from an existing file (POSIX only)."""
    if not _posix():
        return
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def make_database_private(path: Path) -> None:
    """The database file and the files SQLite keeps beside it."""
    for suffix in ("", *SIDE_FILES):
        make_private(path.with_name(path.name + suffix))
