"""The database survives being killed in the middle of saving, and backups are taken daily."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.backup import list_backups
from db.migrate import check_file
from db.models import AuditEntry, Hamlet
from desktop.core.backups import auto_backup
from desktop.core.database import Database
from desktop.paths import AppPaths

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys
from desktop.core.database import Database
from desktop.core.office import add_hamlet
from desktop.paths import AppPaths
db = Database.open(AppPaths(__import__("pathlib").Path(sys.argv[1])))
n = 0
while True:
    n += 1
    with db.transaction() as s:
        add_hamlet(s, f"Ấp số {n}")
    print(n, flush=True)
"""


def test_killed_while_saving_leaves_every_committed_record(commune_db: Database) -> None:
    data = commune_db.paths.data_dir
    commune_db.close()
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    committed = 0
    deadline = time.monotonic() + 60
    while committed < 40 and time.monotonic() < deadline:
        committed = int(process.stdout.readline())
    process.send_signal(signal.SIGKILL)
    process.wait()
    check_file(data / "tdcs.sqlite3")
    reopened = Database.open(AppPaths(data))
    with reopened.reading() as s:
        hamlets = s.scalar(select(func.count()).select_from(Hamlet)) or 0
        audits = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
    reopened.close()
    created_at_setup = 2
    assert hamlets - created_at_setup >= committed, "a commit the writer saw is never lost"
    assert hamlets - created_at_setup <= committed + 1, "at most the one in flight"
    assert audits == hamlets, "each record and its audit entry land together"


def test_daily_automatic_backup(commune_db: Database) -> None:
    paths = commune_db.paths
    first = auto_backup(paths)
    assert first is not None and first.is_file()
    assert auto_backup(paths) is None, "one a day is enough"
    later = auto_backup(paths, now=datetime.now() + timedelta(hours=25))
    assert later is not None
    assert [b.reason for b in list_backups(paths.backups)] == ["auto", "auto"]


def test_no_backup_without_a_database(tmp_path: Path) -> None:
    assert auto_backup(AppPaths(tmp_path)) is None


def test_the_first_command_of_the_day_takes_the_daily_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An office that works only from the command line has its daily copies too."""
    from desktop.cli import main

    data = str(tmp_path / "data")
    folder = AppPaths(tmp_path / "data").backups

    def reasons() -> list[str]:
        return [b.reason for b in list_backups(folder)]

    assert main(["init", "--data-dir", data, "--mode", "commune", "--commune", "31120"]) == 0
    assert reasons() == [], "nothing to keep before the office is set up"
    assert main(["backup", "--data-dir", data]) == 0
    assert reasons() == ["manual"], "tdcs backup makes its own copy, not a daily one too"
    assert main(["demo-data", "--data-dir", data]) == 0
    assert reasons() == ["auto", "manual"] or reasons() == ["manual", "auto"]
    assert main(["overview", "--data-dir", data]) == 0
    assert sorted(reasons()) == ["auto", "manual"], "one a day is enough"
    capsys.readouterr()
