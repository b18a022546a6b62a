"""PostgreSQL's own client programs, for the city's database on a server (issue 17):
``pg_dump`` writes a backup (custom format, ``*.pgdump``), ``pg_restore`` reads one, and
``psql`` applies it in one transaction.

Where the programs are found (:func:`find_tool`): in the folder named by ``TDCS_PG_BIN`` when
it is set (and only there), else on PATH, else in Debian's ``/usr/lib/postgresql/*/bin`` or
the Windows installer's ``C:\\Program Files\\PostgreSQL\\*\\bin``, the newest version first.
The password comes from libpq (``PGPASSWORD``, the password file), as for TDCS itself.

A dump is written beside its final name, then read back (``pg_restore --list``) before it
takes that name, so a failed or empty dump never counts as a backup. A restore
(:func:`restore_archive`) pipes ``pg_restore``'s script into ``psql --single-transaction``
after dropping every table of the ``public`` schema in the same transaction: the database is
the archive's afterwards, or, on any error, exactly what it was.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from db.engine import libpq_environment, libpq_url, password_of, split_password
from db.private_files import create_private, make_private

ENV_PG_BIN = "TDCS_PG_BIN"
DEBIAN_FOLDERS = "/usr/lib/postgresql"
WINDOWS_FOLDERS = ("C:\\Program Files\\PostgreSQL", "C:\\Program Files (x86)\\PostgreSQL")
#: The first bytes of a ``pg_dump --format=custom`` archive.
ARCHIVE_MAGIC = b"PGDMP"
ARCHIVE_SUFFIX = ".pgdump"
#: How long a restore waits for another session's lock before giving up (and changing
#: nothing): another TDCS in the middle of a save.
LOCK_TIMEOUT = "15s"

#: Drops every table and sequence of the ``public`` schema: run in the restore's own
#: transaction, so tables a newer schema added do not survive an older archive's restore.
DROP_EVERYTHING = """
DO $$
DECLARE item record;
BEGIN
  FOR item IN SELECT c.relname, c.relkind FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
  LOOP
    EXECUTE format(
      CASE item.relkind WHEN 'S' THEN 'DROP SEQUENCE IF EXISTS public.%I CASCADE'
        WHEN 'v' THEN 'DROP VIEW IF EXISTS public.%I CASCADE'
        WHEN 'm' THEN 'DROP MATERIALIZED VIEW IF EXISTS public.%I CASCADE'
        ELSE 'DROP TABLE IF EXISTS public.%I CASCADE' END,
      item.relname);
  END LOOP;
END
$$;
"""


class PgToolError(Exception):
    """A PostgreSQL client program is missing or failed."""


class ToolMissing(PgToolError):
    def __init__(self, names: list[str], places: list[str]) -> None:
        super().__init__(f"{', '.join(names)} not found in {', '.join(places)}")
        self.names = names
        self.places = places


class ToolFailed(PgToolError):
    def __init__(self, tool: str, reason: str) -> None:
        super().__init__(f"{tool}: {reason}")
        self.tool = tool
        self.reason = reason


class ServerUnreachable(PgToolError):
    """The server did not answer (or refused the connection)."""


class VersionMismatch(ToolFailed):
    """``pg_dump`` is older than the server it should back up."""

    def __init__(self, tool: str, reason: str, server: str, client: str) -> None:
        super().__init__(tool, reason)
        self.server = server
        self.client = client


def _exe(name: str) -> str:
    return f"{name}.exe" if os.name == "nt" else name


def _version_key(folder: Path) -> tuple[int, ...]:
    """``/usr/lib/postgresql/15/bin`` → ``(15,)``; ``…\\PostgreSQL\\9.6\\bin`` → ``(9, 6)``."""
    parts = re.findall(r"\d+", folder.parent.name)
    return tuple(int(p) for p in parts) or (0,)


def _versioned(root: Path) -> list[Path]:
    """``root/*/bin``, the newest version first."""
    try:
        found = [p for p in root.glob("*/bin") if p.is_dir()]
    except OSError:
        return []
    return sorted(found, key=_version_key, reverse=True)


def search_places(env: Mapping[str, str] | None = None) -> list[str]:
    """Where the programs are looked for, as a person reads it."""
    env = os.environ if env is None else env
    if env.get(ENV_PG_BIN):
        return [f"{ENV_PG_BIN}={env[ENV_PG_BIN]}"]
    places = ["PATH", f"{DEBIAN_FOLDERS}/*/bin"]
    if os.name == "nt":
        places += [f"{root}\\*\\bin" for root in _windows_roots(env)]
    return places


def _windows_roots(env: Mapping[str, str]) -> list[str]:
    roots = [
        str(Path(env[key]) / "PostgreSQL")
        for key in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
        if env.get(key)
    ]
    return list(dict.fromkeys([*roots, *WINDOWS_FOLDERS]))


def find_tool(name: str, env: Mapping[str, str] | None = None) -> Path | None:
    """The program ``name`` (``pg_dump``, ``pg_restore``, ``psql``): in ``TDCS_PG_BIN`` when
    set, else on PATH, else in the usual install folders (newest version first)."""
    env = os.environ if env is None else env
    configured = env.get(ENV_PG_BIN)
    if configured:
        candidate = Path(configured).expanduser() / _exe(name)
        return candidate if candidate.is_file() else None
    on_path = shutil.which(name, path=env.get("PATH"))
    if on_path:
        return Path(on_path)
    roots = [Path(DEBIAN_FOLDERS)]
    if os.name == "nt":
        roots += [Path(root) for root in _windows_roots(env)]
    for root in roots:
        for folder in _versioned(root):
            candidate = folder / _exe(name)
            if candidate.is_file():
                return candidate
    return None


def find_tools(*names: str, env: Mapping[str, str] | None = None) -> dict[str, Path]:
    """The programs ``names``, or :class:`ToolMissing` naming those not found."""
    found = {name: find_tool(name, env) for name in names}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        raise ToolMissing(missing, search_places(env))
    return {name: path for name, path in found.items() if path is not None}


def _dsn(url: str) -> str:
    """The URL for a command line, without its password (other users of the PC can see a
    command line; the password goes to the child's environment, :func:`_env`)."""
    return split_password(libpq_url(url))[0]


def _quiet() -> int:
    """No console window flashing up on Windows when the window runs a program."""
    return getattr(subprocess, "CREATE_NO_WINDOW", 0)


def _env(url: str | None = None) -> dict[str, str]:
    """This process's environment, with the password of ``url`` when a tool connects."""
    env = libpq_environment(url) if url is not None else dict(os.environ)
    env.setdefault("PGCONNECT_TIMEOUT", "15")
    return env


def _run(
    command: list[str], tool: str, url: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            check=False,
            env=_env(url),
            creationflags=_quiet(),
        )
    except OSError as error:
        raise ToolFailed(tool, str(error)) from error
    if done.returncode != 0:
        raise ToolFailed(tool, _reason(done.stderr))
    return done


def _reason(stderr: bytes | None) -> str:
    """The program's error lines, without its name in front of each."""
    text = (stderr or b"").decode(errors="replace").strip()
    lines = [re.sub(r"^\w+: (error: |detail: |hint: )?", "", line) for line in text.splitlines()]
    return "; ".join(line for line in lines if line) or "?"


_MISMATCH = re.compile(r"server version: ([\w.]+).*?pg_dump version: ([\w.]+)", re.S)


def is_archive(path: Path) -> bool:
    """True when ``path`` starts as a ``pg_dump --format=custom`` archive does."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(ARCHIVE_MAGIC)) == ARCHIVE_MAGIC
    except OSError:
        return False


def dump(url: str, target: Path, *, env: Mapping[str, str] | None = None) -> Path:
    """``pg_dump --format=custom`` of the database at ``url`` into ``target``, checked
    readable before it takes that name (readable by its owner only). Raises
    :class:`ToolMissing`, :class:`VersionMismatch` or :class:`ToolFailed`; ``target`` is
    then untouched."""
    tools = find_tools("pg_dump", "pg_restore", env=env)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private(partial)
    try:
        command = [str(tools["pg_dump"]), "--format=custom", "--file", str(partial)]
        try:
            _run([*command, "--dbname", _dsn(url)], "pg_dump", url)
        except ToolFailed as failed:
            mismatch = _MISMATCH.search(failed.reason)
            if mismatch:
                raise VersionMismatch(
                    "pg_dump", failed.reason, mismatch.group(1), mismatch.group(2)
                ) from failed
            raise
        make_private(partial)
        if partial.stat().st_size == 0 or not is_archive(partial):
            raise ToolFailed("pg_dump", "the dump is empty")
        if "TABLE DATA public alembic_version" not in archive_list(partial, env=env):
            raise ToolFailed("pg_dump", "the dump holds no TDCS database")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return target


def archive_list(archive: Path, *, env: Mapping[str, str] | None = None) -> str:
    """``pg_restore --list``: the archive's table of contents (:class:`ToolFailed` when it
    cannot be read)."""
    tool = find_tools("pg_restore", env=env)["pg_restore"]
    return _run([str(tool), "--list", str(archive)], "pg_restore").stdout.decode(errors="replace")


def read_whole(archive: Path, *, env: Mapping[str, str] | None = None) -> None:
    """Read every block of the archive (decompressing the data) and throw the script away:
    :class:`ToolFailed` for a truncated or damaged archive."""
    tool = find_tools("pg_restore", env=env)["pg_restore"]
    _run([str(tool), "--file", os.devnull, str(archive)], "pg_restore")


def archive_columns(archive: Path, *, env: Mapping[str, str] | None = None) -> dict[str, set[str]]:
    """Table → columns of the ``public`` tables the archive creates (its schema-only
    script, ``pg_restore --schema-only``)."""
    tool = find_tools("pg_restore", env=env)["pg_restore"]
    script = _run(
        [str(tool), "--schema-only", "--no-owner", "--file", "-", str(archive)], "pg_restore"
    ).stdout.decode(errors="replace")
    tables: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in script.splitlines():
        start = re.match(r'CREATE TABLE public\.("?)([^"\s(]+)\1 \($', line)
        if start:
            current = tables.setdefault(start.group(2), set())
        elif current is not None:
            if line.startswith(")"):
                current = None
                continue
            word = line.strip()
            if word.startswith("CONSTRAINT "):
                continue
            name = re.match(r'"([^"]+)"|(\S+)', word)
            if name:
                current.add(name.group(1) or name.group(2))
    return tables


def _unescape(value: str) -> str | None:
    if value == "\\N":
        return None
    escapes = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\", "b": "\b", "f": "\f", "v": "\v"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), value)


def table_rows(
    archive: Path, table: str, *, env: Mapping[str, str] | None = None
) -> list[dict[str, str | None]]:
    """The rows of ``table`` in the archive (``pg_restore --data-only --table``), as
    column → text (``None`` for NULL); none when the archive lacks the table."""
    tool = find_tools("pg_restore", env=env)["pg_restore"]
    script = _run(
        [str(tool), "--data-only", "--table", table, "--file", "-", str(archive)], "pg_restore"
    ).stdout.decode(errors="replace")
    return list(_copy_rows(script.splitlines(), table))


def _copy_rows(lines: list[str], table: str) -> Iterator[dict[str, str | None]]:
    columns: list[str] | None = None
    for line in lines:
        if columns is None:
            head = re.match(rf'COPY public\."?{re.escape(table)}"? \((.*)\) FROM stdin;$', line)
            if head:
                columns = [c.strip().strip('"') for c in head.group(1).split(",")]
            continue
        if line == "\\.":
            return
        yield dict(zip(columns, (_unescape(v) for v in line.split("\t")), strict=False))


def other_sessions(url: str) -> int:
    """How many other sessions are connected to the database at ``url`` (other TDCS windows
    on other computers, or other programs)."""
    import psycopg

    dsn = _dsn(url)
    if (password := password_of(url)) is not None:
        dsn = psycopg.conninfo.make_conninfo(dsn, password=password)
    try:
        with psycopg.connect(dsn, autocommit=True, connect_timeout=15) as conn:
            row = conn.execute(
                "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = "
                "current_database() AND pid <> pg_backend_pid() "
                "AND backend_type = 'client backend'"
            ).fetchone()
    except psycopg.Error as error:
        raise ServerUnreachable(" ".join(str(error).split())) from error
    return int(row[0]) if row else 0


def restore_archive(url: str, archive: Path, *, env: Mapping[str, str] | None = None) -> None:
    """Replace everything in the database at ``url`` by the archive's content, in one
    transaction (:class:`ToolFailed` and nothing changed on any error). Waits at most
    :data:`LOCK_TIMEOUT` for another session's locks.

    The script goes from ``pg_restore`` to ``psql`` through this process: should
    ``pg_restore`` stop halfway (a damaged archive), ``psql`` is stopped before it reaches
    the end of its input, so it never commits a part of the archive."""
    tools = find_tools("pg_restore", "psql", env=env)
    dsn = _dsn(url)
    psql_command = [
        str(tools["psql"]),
        "--no-psqlrc",
        "--quiet",
        "--set",
        "ON_ERROR_STOP=1",
        "--single-transaction",
        "--command",
        f"SET lock_timeout = '{LOCK_TIMEOUT}'",
        "--command",
        DROP_EVERYTHING,
        "--file",
        "-",
        "--dbname",
        dsn,
    ]
    read_command = [
        str(tools["pg_restore"]),
        "--no-owner",
        "--no-privileges",
        "--file",
        "-",
        str(archive),
    ]
    with tempfile.TemporaryFile() as read_errors, tempfile.TemporaryFile() as apply_errors:
        try:
            reader = subprocess.Popen(
                read_command,
                stdout=subprocess.PIPE,
                stderr=read_errors,
                env=_env(),
                creationflags=_quiet(),
            )
        except OSError as error:
            raise ToolFailed("pg_restore", str(error)) from error
        try:
            applier = subprocess.Popen(
                psql_command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=apply_errors,
                env=_env(url),
                creationflags=_quiet(),
            )
        except OSError as error:
            reader.kill()
            reader.wait()
            raise ToolFailed("psql", str(error)) from error
        assert reader.stdout is not None and applier.stdin is not None
        try:
            broken = False
            while chunk := reader.stdout.read(1 << 20):
                try:
                    applier.stdin.write(chunk)
                except BrokenPipeError:  # psql stopped on an error: said below
                    broken = True
                    break
            reader.stdout.close()
            if reader.wait() != 0 and not broken:
                applier.kill()
                applier.wait()
                read_errors.seek(0)
                raise ToolFailed("pg_restore", _reason(read_errors.read()))
            with contextlib.suppress(BrokenPipeError):
                applier.stdin.close()
            if applier.wait() != 0:
                apply_errors.seek(0)
                raise ToolFailed("psql", _reason(apply_errors.read()))
        except BaseException:
            for process in (reader, applier):
                if process.poll() is None:
                    process.kill()
                    process.wait()
            raise
