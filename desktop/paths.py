"""Where TDCS keeps its files, decided in one place.

The data folder comes from ``--data-dir``, else the ``TDCS_DATA_DIR`` environment variable,
else the platform's user data folder (``%LOCALAPPDATA%\\TDCS`` on Windows). Everything the
office must not lose (database, backups, exports, logs) lives under it, so one folder is all
there is to copy.

The city may keep its database on a PostgreSQL server instead (issue 17): ``--database URL``,
else the ``TDCS_DATABASE_URL`` environment variable, else the server chosen at set-up (or in
Cài đặt) and remembered in the data folder's ``database.json`` (:func:`save_database_url`,
never with a password). The data folder then still holds the backups, exports and logs.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import platformdirs

from desktop.version import APP_NAME, source_root

ENV_DATA_DIR = "TDCS_DATA_DIR"
ENV_DATABASE_URL = "TDCS_DATABASE_URL"
#: The data folder's remembered choice of database server: ``{"url": "postgresql://…"}``.
DATABASE_CHOICE_FILE = "database.json"


class DatabaseSource(Enum):
    """Where this run's choice of database came from."""

    FILE = "file"  # the data folder's own SQLite file
    OPTION = "option"  # --database
    ENVIRONMENT = "environment"  # TDCS_DATABASE_URL
    SAVED = "saved"  # database.json, written at set-up or in Cài đặt


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    #: A ``postgresql://`` URL when the database is on a server; ``None``: the SQLite file.
    database_url: str | None = None
    #: Where ``database_url`` came from.
    source: DatabaseSource = DatabaseSource.FILE

    @property
    def database(self) -> Path:
        """The SQLite file (absent when the database is on a server)."""
        return self.data_dir / "tdcs.sqlite3"

    @property
    def database_target(self) -> Path | str:
        """What the engine opens: the server's URL, else the SQLite file."""
        return self.database_url or self.database

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def exports(self) -> Path:
        """Sync files made here, and receipts the city wrote."""
        return self.data_dir / "exports"

    @property
    def reports(self) -> Path:
        return self.data_dir / "reports"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.backups, self.logs, self.exports, self.reports):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve(
    data_dir: str | os.PathLike[str] | None = None, database_url: str | None = None
) -> AppPaths:
    """The paths for this run: explicit folder, then environment, then the platform default;
    the database: explicit URL, then ``TDCS_DATABASE_URL``, then the server remembered in the
    data folder (:func:`saved_database_url`), else the folder's SQLite file."""
    chosen = (
        data_dir
        or os.environ.get(ENV_DATA_DIR)
        or platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)
    )
    folder = Path(chosen).expanduser().resolve()
    if database_url:
        return AppPaths(folder, _kept_in_memory(database_url), DatabaseSource.OPTION)
    if environment := os.environ.get(ENV_DATABASE_URL):
        return AppPaths(folder, _kept_in_memory(environment), DatabaseSource.ENVIRONMENT)
    if saved := saved_database_url(folder):
        return AppPaths(folder, saved, DatabaseSource.SAVED)
    return AppPaths(folder)


def saved_database_url(data_dir: Path) -> str | None:
    """The server remembered in ``data_dir`` (``None``: its own SQLite file). A file that
    cannot be read as such is ignored (the log says so) rather than guessed at."""
    path = data_dir / DATABASE_CHOICE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        import logging

        logging.getLogger(__name__).warning("%s cannot be read, ignored: %s", path, error)
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url else None


def without_password(url: str) -> tuple[str, bool]:
    """``url`` with any password removed, and whether it had one."""
    from db.engine import split_password

    bare, password = split_password(url)
    return bare, password is not None


def _kept_in_memory(url: str) -> str:
    """A password written in ``--database`` or ``TDCS_DATABASE_URL`` goes to the engine's
    memory for this run (:func:`db.engine.use_password`); the paths carry the URL without it,
    so no message, log or crash report can show it."""
    from db.engine import split_password, use_password

    bare, password = split_password(url)
    if password is not None:
        use_password(bare, password)
    return bare


def resources_dir() -> Path:
    return source_root() / "resources"
