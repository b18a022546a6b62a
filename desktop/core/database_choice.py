"""The city's choice of database server, remembered in the data folder (issue 17).

:mod:`desktop.paths` reads the choice (it sits below everything); writing it is here, where
the one atomic write (:func:`desktop.core.userfiles.write_atomically`) is at hand: a crash
while it is written leaves the old choice or the new one, never half a file."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.userfiles import write_atomically
from desktop.paths import DATABASE_CHOICE_FILE, without_password


def save_database_url(data_dir: Path, url: str | None) -> bool:
    """Remember the server ``url`` in ``data_dir`` for the window and every command (``None``:
    go back to the folder's own SQLite file). A password in ``url`` is never written: it is
    removed, and ``True`` returned so the caller tells the person."""
    path = data_dir / DATABASE_CHOICE_FILE
    if url is None:
        path.unlink(missing_ok=True)
        return False
    bare, had_password = without_password(url)
    data_dir.mkdir(parents=True, exist_ok=True)
    write_atomically(path, (json.dumps({"url": bare}, indent=2) + "\n").encode("utf-8"))
    return had_password
