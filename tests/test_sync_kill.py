"""An import killed halfway (power cut, task manager) leaves the city's database exactly as
it was, and the same file imports cleanly afterwards: with the city on SQLite, or on a
PostgreSQL server (the server rolls back the dead client's transaction)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core import demo
from desktop.sync.importer import Status
from tests.sync_support import World, content, travelling_state

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop.core.database import Database
    from desktop.paths import AppPaths
    from desktop.sync.importer import CityImporter

    class PauseHalfway:
        def report(self, done, total, text=""):
            if done == total // 2:
                print(f"MIDWAY {done}/{total} {text}", flush=True)
                time.sleep(120)

    url = sys.argv[3] if len(sys.argv) > 3 else None
    database = Database.open(AppPaths(Path(sys.argv[1]), url))
    with CityImporter(database) as importer:
        importer.import_file(Path(sys.argv[2]), progress=PauseHalfway())
    print("FINISHED", flush=True)
    """
)


def _assert_mid_transaction(world: World) -> None:
    """The child holds the import open: in SQLite the write lock; in PostgreSQL the
    commune's import lock."""
    url = world.city.paths.database_url
    if url is None:
        probe = sqlite3.connect(world.city.paths.database, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            probe.execute("BEGIN IMMEDIATE")  # the import holds the write lock, mid-transaction
        probe.close()
        return
    rows = world.city_rows("SELECT pg_try_advisory_xact_lock(hashtext('tdcs-import:31120'))")
    assert rows == [(False,)], "the import holds the commune's lock, mid-transaction"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.usefixtures("engine")
def test_import_killed_midway_changes_nothing(world: World) -> None:
    commune = world.commune()
    with commune.transaction() as session:
        demo.generate(session, scale="small")
    path = world.export(commune, full=True).path
    before = content(world.city, skip=frozenset())
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(world.city.paths.data_dir),
            str(path),
            *filter(None, [world.city.paths.database_url]),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("MIDWAY"), line + (child.stderr.read() if child.stderr else "")
        _assert_mid_transaction(world)
        assert content(world.city, skip=frozenset()) == before, "nothing seen before commit"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    if world.city.paths.database_url is None:
        check = sqlite3.connect(world.city.paths.database)
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        check.close()
    assert content(world.city, skip=frozenset()) == before
    report = world.import_file(path)
    assert report.status is Status.APPLIED, report.message
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    commune.close()
