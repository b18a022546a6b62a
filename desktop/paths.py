"""Where TDCS keeps its files, decided in one place.

The data folder comes from ``--data-dir``, else the ``TDCS_DATA_DIR`` environment variable,
else the platform's user data folder (``%LOCALAPPDATA%\\TDCS`` on Windows). Everything the
office must not lose (database, backups, exports, logs) lives under it, so one folder is all
there is to copy.

The city may keep its database on a PostgreSQL server instead (issue 17): ``--database URL``,
else the ``TDCS_DATABASE_URL`` environment variable. The data folder then still holds the
keys, backups, exports and logs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop.version import APP_NAME, source_root

ENV_DATA_DIR = "TDCS_DATA_DIR"
ENV_DATABASE_URL = "TDCS_DATABASE_URL"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    #: A ``postgresql://`` URL when the database is on a server; ``None``: the SQLite file.
    database_url: str | None = None

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
    the database: explicit URL, then ``TDCS_DATABASE_URL``, else the folder's SQLite file."""
    chosen = (
        data_dir
        or os.environ.get(ENV_DATA_DIR)
        or platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)
    )
    url = database_url or os.environ.get(ENV_DATABASE_URL) or None
    return AppPaths(Path(chosen).expanduser().resolve(), url)


def resources_dir() -> Path:
    return source_root() / "resources"
