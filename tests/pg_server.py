"""A throw-away PostgreSQL server for the tests that run TDCS on PostgreSQL (issue 17).

:func:`start` runs ``initdb`` and ``pg_ctl`` (as the ``postgres`` user when the tests run as
root, since ``initdb`` refuses root) on a fresh folder, listening on a free local port and a
Unix socket in that folder; :meth:`PgServer.stop` stops it. Without ``initdb`` (on PATH or in
Debian's ``/usr/lib/postgresql/*/bin``) the tests that need the server are skipped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path


def find_bin(name: str) -> str | None:
    """``name`` (``initdb``, ``pg_ctl``) on PATH, else in Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        candidate = folder / name
        if candidate.is_file():
            return str(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    folder: Path
    port: int
    pg_ctl: str
    as_user: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, template: str | None = None) -> str:
        """A new database, empty or a copy of the database ``template`` (PostgreSQL copies
        it file by file: much faster than migrating again); its ``postgresql://`` URL."""
        import psycopg

        name = f"tdcs_{uuid.uuid4().hex[:12]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    @staticmethod
    def database_name(url: str) -> str:
        return url.rsplit("/", 1)[1]

    def stop(self) -> None:
        subprocess.run(
            [
                *self.as_user,
                self.pg_ctl,
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "stop",
                "-w",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start(*, durable: bool = False) -> PgServer:
    """Start a server, or raise :class:`LookupError` saying why one cannot be started. The
    tests' server skips ``fsync``; a ``durable`` one (the benchmark's) keeps it, as a real
    server does."""
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise LookupError(
            "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql)"
        )
    folder = Path(tempfile.mkdtemp(prefix="tdcs-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise LookupError("running as root without runuser: initdb refuses root")
        as_user = [runuser, "-u", "postgres", "--"]
        shutil.chown(folder, "postgres", "postgres")
    folder.chmod(0o755)
    data = folder / "data"
    port = _free_port()
    done = subprocess.run(
        [
            *as_user,
            initdb,
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise LookupError(f"initdb failed: {done.stderr.strip()[-500:]}")
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    if not durable:
        options += " -c fsync=off"
    done = subprocess.run(
        [
            *as_user,
            pg_ctl,
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "start",
            "-w",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise LookupError(f"pg_ctl start failed: {done.stderr.strip()} {log[-500:]}")
    return PgServer(folder, port, pg_ctl, as_user)
