"""Backups the office can rely on: taken on demand, automatically once a day, before every
migration and before every restore; each copy checked before it counts; restored only after
the one deep check (:func:`check_backup`) that the command line, the window's restore and
the start-up offer all use.

What a restore checks, before anything is replaced: an ordinary file, not the live database;
a TDCS database of a schema this version knows; every page whole (``integrity_check``);
every table and column of its schema present; an office identity (the office row) naming a
real commune or the city; every record owned by that unit (a backup whose office row was
removed is recognised by its records' owner codes); and that unit the data folder's own.
"""

from __future__ import annotations

import logging
import re
import socket
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.backup import (
    BACKUP_PREFIX,
    BACKUP_SUFFIX,
    SERVER_BACKUP_SUFFIX,
    copy_database,
    is_sqlite_file,
    list_backups,
    restore_into,
    take_backup,
    take_server_backup,
)
from db.base import CITY_CODE, SyncedRecord
from db.dialects import lock_if_free
from db.engine import make_engine, shown_url
from db.integrity import PageCheck, affordable_check
from db.migrate import (
    DamagedDatabase,
    DatabaseProblem,
    NewerSchema,
    NotADatabase,
    check_file,
    known_revision,
    missing_from,
    missing_schema,
    upgrade,
)
from db.models import CITY_ISSUED_MODELS
from db.pg_tools import (
    ENV_PG_BIN,
    PgToolError,
    ServerUnreachable,
    ToolFailed,
    ToolMissing,
    VersionMismatch,
    archive_columns,
    archive_list,
    is_archive,
    other_sessions,
    read_whole,
    restore_archive,
    table_rows,
)
from db.private_files import make_database_private
from desktop.core.catalogues import shipped_communes
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg
from desktop.core.settings import get_setting, set_setting
from desktop.core.userfiles import os_reason, require_regular_file
from desktop.paths import AppPaths

AUTO_REASON = "auto"
MANUAL_REASON = "manual"
BEFORE_RESTORE_REASON = "before-restore"
AUTO_INTERVAL = timedelta(hours=24)

M_NOT_DATABASE = QT_TRANSLATE_NOOP(
    "Backups", "{path} is not a TDCS database or backup (the file is of another kind)."
)
M_DAMAGED = QT_TRANSLATE_NOOP(
    "Backups", "{path} is damaged and cannot be read. Use an older backup."
)
M_NEWER = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} was written by a newer version of TDCS. Install the newest TDCS, then try again.",
)
M_NO_DATABASE_YET = QT_TRANSLATE_NOOP("Backups", "There is no database to back up yet in {path}.")
M_PG_TOOLS_MISSING = QT_TRANSLATE_NOOP(
    "Backups",
    "The database is on the PostgreSQL server {url}: backing it up and restoring it need "
    "PostgreSQL's client programs, and {tools} was not found (looked in: {places}). Install "
    "PostgreSQL's client programs of the server's version or newer — on Windows, the "
    'PostgreSQL installer from postgresql.org with its "Command Line Tools" part; on '
    "Debian or Ubuntu, apt-get install postgresql-client — or name the folder that holds "
    "them in the environment variable {variable}. Nothing was changed.",
)
M_PG_VERSION = QT_TRANSLATE_NOOP(
    "Backups",
    "pg_dump {client} is older than the PostgreSQL server {url} (version {server}) and "
    "cannot back it up. Install PostgreSQL's client programs of version {server} or newer "
    "(or name their folder in the environment variable {variable}). No backup was made.",
)
M_PG_DUMP_FAILED = QT_TRANSLATE_NOOP(
    "Backups", "pg_dump could not back up the database on {url}: {reason}"
)
M_SQLITE_BACKUP_ON_SERVER = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} is a backup of a database kept in a file (SQLite), but this office's database "
    "is on the PostgreSQL server {url}: only a backup of the server database (a .pgdump "
    "file) can be restored there. Nothing was changed.",
)
M_SERVER_BACKUP_IN_FILE = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} is a backup of a database on a PostgreSQL server (pg_dump), not of a database "
    "kept in a file (SQLite): it can only be restored into the city's database on a "
    "server. Nothing was changed.",
)
M_ARCHIVE_UNREADABLE = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} is damaged or incomplete: pg_restore cannot read it ({reason}). Use another "
    "backup. Nothing was changed.",
)
M_ARCHIVE_TOO_NEW = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} was written by a newer pg_dump than this computer's pg_restore can read "
    "({reason}). Install PostgreSQL's client programs of the server's version or newer (or "
    "name their folder in the environment variable {variable}). Nothing was changed.",
)
M_OTHER_SESSIONS = QT_TRANSLATE_NOOP(
    "Backups",
    "{count} other connection(s) to the database on {url} are open: TDCS on other "
    "computers, or other programs. Close TDCS on the other computers first, then restore "
    "again. Nothing was changed.",
)
M_SERVER_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Backups", "The database server {url} cannot be reached: {reason}. Nothing was changed."
)
M_CANNOT_KEEP_SERVER = QT_TRANSLATE_NOOP(
    "Backups",
    "The current data could not be backed up before the restore, so nothing was restored: {reason}",
)
M_PG_RESTORE_FAILED = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup {path} could not be restored into {url}: {reason}. The restore is all or "
    "nothing: the database was left as it was.",
)
M_NOT_THIS_OFFICE = QT_TRANSLATE_NOOP(
    "Backups",
    "This backup belongs to another office: {backup_office} ({backup_unit}), not to this one "
    "({current_unit}). It was not restored; nothing was changed.",
)
M_NEVER_SET_UP = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} is a TDCS database that was never set up for an office: it holds nothing to "
    "restore. Nothing was changed.",
)
M_LIVE_DATABASE = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} is the database TDCS is using now, not a backup. Choose a backup file.",
)
M_INCOMPLETE = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} is incomplete: it lacks {missing}. It cannot be restored; use another backup. "
    "Nothing was changed.",
)
M_NO_OFFICE = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} has lost its office record (which office it belongs to), and its records "
    "belong to {owner}. It cannot be restored; nothing was changed.",
)
M_BAD_OFFICE = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} names an office that is not a commune or ward of Cần Thơ nor the city office "
    "({unit}). It cannot be restored; nothing was changed.",
)
M_OTHERS_RECORDS = QT_TRANSLATE_NOOP(
    "Backups",
    "{path} is the backup of {unit}, but it holds records of {owner}. It cannot be "
    "restored; nothing was changed.",
)
M_LIVE_DAMAGED = QT_TRANSLATE_NOOP(
    "Backups",
    "The TDCS database ({path}) is damaged: SQLite found damaged pages in it. Nothing more "
    "was written to it, and no backup was made of it, so the good backups are kept. "
    "Restore the newest good backup (in the window: Cài đặt → Khôi phục từ bản sao lưu…).",
)
M_CANNOT_BACK_UP = QT_TRANSLATE_NOOP(
    "Backups", "The backup could not be written to {path}: {reason}."
)
M_CANNOT_RESTORE = QT_TRANSLATE_NOOP("Backups", "The backup could not be restored: {reason}.")

PROBLEM_MESSAGES: dict[type[DatabaseProblem], Msg] = {
    NotADatabase: M_NOT_DATABASE,
    DamagedDatabase: M_DAMAGED,
    NewerSchema: M_NEWER,
}


def explain(problem: DatabaseProblem) -> UserError:
    """The user-facing explanation of a database problem."""
    message = PROBLEM_MESSAGES.get(type(problem), M_DAMAGED)
    return UserError(message, path=str(problem.path))


class LiveDatabaseDamaged(UserError):
    """The office's own database is damaged. Front-ends add how to restore (the command
    line names the newest good backup and the ``tdcs restore`` command)."""

    def __init__(self, path: Path) -> None:
        super().__init__(M_LIVE_DAMAGED, path=str(path))
        self.path = path


def explain_live(problem: DatabaseProblem) -> UserError:
    """The explanation of a problem with the office's own database (not a backup's)."""
    if isinstance(problem, DamagedDatabase):
        return LiveDatabaseDamaged(problem.path)
    return explain(problem)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str | None
    unit_code: str | None
    office_name: str | None
    #: When the copy was taken: from a backup's name (``tdcs-20261005-081500-auto.sqlite3``),
    #: otherwise the file's last change.
    taken_at: datetime


@dataclass(frozen=True)
class Restored:
    """A restore that happened: what was restored, and where the data it replaced was
    kept (``None`` when there was no usable database to keep)."""

    backup: BackupInfo
    kept: Path | None


@dataclass(frozen=True)
class BackupChoice:
    """A backup in the backups folder, as a person chooses among them."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def _unit_label(code: str) -> str:
    """``Phường Cái Khế (31120)``; the city office is ``Thành phố Cần Thơ (92)``."""
    if code == CITY_CODE:
        return f"Thành phố Cần Thơ ({code})"
    name = shipped_communes().get(code)
    return f"{name} ({code})" if name else code


def _synced_tables() -> list[str]:
    """The tables of records owned by one office (``commune_code``)."""
    found: list[str] = []
    pending = list(SyncedRecord.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        table = getattr(model, "__tablename__", None)
        if isinstance(table, str):
            found.append(table)
    return sorted(set(found))


def _owners(conn: sqlite3.Connection, tables: list[str], allowed: set[str]) -> list[str]:
    """Owner codes outside ``allowed`` found in ``tables`` (a few, sorted)."""
    found: set[str] = set()
    where = f"WHERE commune_code NOT IN ({','.join('?' * len(allowed))})" if allowed else ""
    for table in tables:
        rows = conn.execute(
            f'SELECT DISTINCT commune_code FROM "{table}" {where} LIMIT 3',  # names: the models'
            sorted(allowed),
        )
        found.update(str(r[0]) for r in rows)
        if len(found) >= 3:
            break
    return sorted(found)


def _check_content(path: Path, revision: str) -> tuple[str | None, str | None]:
    """Every table and column present, and whose the records are; return the office's
    ``(unit_code, office_name)`` (``(None, None)`` for a database never set up)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        missing = missing_schema(conn, revision)
        if missing:
            shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            raise UserError(M_INCOMPLETE, path=str(path), missing=shown)
        office = conn.execute(
            "SELECT mode, unit_code, office_name FROM office_profile WHERE id = 1"
        ).fetchone()
        tables = [t for t in _synced_tables() if t in _present_tables(conn)]
        communes = set(shipped_communes())
        if office is None:
            owners = _owners(conn, tables, set())
            if owners:
                raise UserError(
                    M_NO_OFFICE,
                    path=str(path),
                    owner=", ".join(_unit_label(code) for code in owners),
                )
            return None, None
        mode, unit, name = str(office[0]), str(office[1]), str(office[2])
        if (mode == "city") != (unit == CITY_CODE) or (unit != CITY_CODE and unit not in communes):
            raise UserError(M_BAD_OFFICE, path=str(path), unit=unit)
        allowed = communes | {CITY_CODE} if unit == CITY_CODE else {unit}
        # A commune holds the city's targets, notices and closed periods as the city sent
        # them (owner 92), and nothing else in those tables.
        issued = {model.__tablename__ for model in CITY_ISSUED_MODELS}
        strangers = _owners(conn, [t for t in tables if t not in issued], allowed)
        strangers += _owners(conn, [t for t in tables if t in issued], allowed | {CITY_CODE})
        if strangers:
            raise UserError(
                M_OTHERS_RECORDS,
                path=str(path),
                unit=_unit_label(unit),
                owner=", ".join(_unit_label(code) for code in strangers),
            )
        return unit, name
    except sqlite3.DatabaseError as error:
        raise UserError(M_DAMAGED, path=str(path)) from error
    finally:
        conn.close()


def _present_tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def check_backup(
    source: Path,
    *,
    paths: AppPaths | None = None,
    unit_code: str | None = None,
    pages: PageCheck | None = None,
) -> BackupInfo:
    """The one check a backup passes before it may replace an office's data; raises
    :class:`UserError` saying why not, having changed nothing.

    ``pages`` is the page check (by default the affordable one for the file's size; a
    restore asks for the full one). With ``paths`` the live database itself is refused;
    with ``unit_code`` the backup must be that office's. A backup that was never set up
    for an office is refused too: it holds nothing to restore.
    """
    size = require_regular_file(source)
    if paths is not None and paths.database.is_file() and source.samefile(paths.database):
        raise UserError(M_LIVE_DATABASE, path=str(source))
    if is_archive(source):
        raise UserError(M_SERVER_BACKUP_IN_FILE, path=str(source))
    if not is_sqlite_file(source):
        raise UserError(M_NOT_DATABASE, path=str(source))
    try:
        revision = check_file(source, pages=pages or affordable_check(size))
    except DatabaseProblem as problem:
        raise explain(problem) from problem
    if revision is None:
        raise UserError(M_NOT_DATABASE, path=str(source))
    if not known_revision(revision):
        raise UserError(M_NEWER, path=str(source))
    unit, office_name = _check_content(source, revision)
    if unit is None:
        raise UserError(M_NEVER_SET_UP, path=str(source))
    if unit_code is not None and unit != unit_code:
        raise UserError(
            M_NOT_THIS_OFFICE,
            backup_office=office_name or "?",
            backup_unit=unit,
            current_unit=unit_code,
        )
    return BackupInfo(source, revision, unit, office_name, _taken_at(source))


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is a sound TDCS backup this version can open, and say whose it
    is (:func:`check_backup` without a data folder)."""
    return check_backup(path)


def check_backup_for(paths: AppPaths, source: Path, unit_code: str) -> BackupInfo:
    """Check that ``source`` is a backup TDCS can restore into the data folder of the office
    ``unit_code`` (:func:`check_backup`; on a server, :func:`check_server_backup`)."""
    if paths.database_url is not None:
        return check_server_backup(source, paths.database_url, unit_code=unit_code)
    return check_backup(source, paths=paths, unit_code=unit_code)


def _office_unit(path: Path) -> str | None:
    """The office's unit code in the database at ``path``, if it can be read at all."""
    if not is_sqlite_file(path):
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT unit_code FROM office_profile WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def folder_unit(paths: AppPaths) -> str | None:
    """Whose data folder this is: the office of its database, or (when the database cannot
    be read) of its newest backup that says; ``None`` for a new data folder. On a server:
    the office of the server database (the city's)."""
    if paths.database_url is not None:
        return _server_unit(paths.database_url)
    candidates = [paths.database, *(b.path for b in list_backups(paths.backups))]
    for candidate in candidates:
        unit = _office_unit(candidate)
        if unit is not None:
            return unit
    return None


def _taken_at(path: Path) -> datetime:
    if path.name.startswith(BACKUP_PREFIX):
        for backup in list_backups(path.parent):
            if backup.path == path:
                return backup.taken_at
    return datetime.fromtimestamp(path.stat().st_mtime)


def backup_suffix(paths: AppPaths) -> str:
    """What this office's backups end with: ``.sqlite3``, or ``.pgdump`` on a server."""
    return BACKUP_SUFFIX if paths.database_url is None else SERVER_BACKUP_SUFFIX


def backups_to_restore(paths: AppPaths) -> list[BackupChoice]:
    """The backups in the backups folder that this office's database can take (copies of
    a SQLite file, or dumps of a server database), newest first, with their size."""
    found = []
    for backup in list_backups(paths.backups, (backup_suffix(paths),)):
        try:
            size = backup.path.stat().st_size
        except OSError:  # removed meanwhile (the daily rotation)
            continue
        found.append(BackupChoice(backup.path, backup.taken_at, backup.reason, size))
    return found


def newest_good_backup(
    paths: AppPaths, unit_code: str | None = None, *, skip: frozenset[Path] = frozenset()
) -> BackupInfo | None:
    """The newest backup in the backups folder that passes :func:`check_backup` for this
    data folder's office (``unit_code``, else :func:`folder_unit`)."""
    unit = unit_code or folder_unit(paths)
    for backup in list_backups(paths.backups, (BACKUP_SUFFIX,)):
        if backup.path in skip:
            continue
        try:
            return check_backup(backup.path, paths=paths, unit_code=unit)
        except UserError:
            continue
    return None


def make_backup(paths: AppPaths, out: Path | None = None) -> Path:
    """Back up the database now, to ``out`` (a file, or a folder to put it in) or into the
    backups folder. A damaged database raises :class:`LiveDatabaseDamaged` and writes
    nothing: a damaged copy never takes the place of a good backup. A database on a
    PostgreSQL server is copied by ``pg_dump`` (:func:`db.backup.take_server_backup`)."""
    if paths.database_url is not None:
        return _server_backup(paths.database_url, paths, out)
    if not paths.database.is_file():
        raise UserError(M_NO_DATABASE_YET, path=str(paths.data_dir))
    target = out
    if out is not None and out.is_dir():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = out / f"{BACKUP_PREFIX}{stamp}-{MANUAL_REASON}.sqlite3"
    try:
        if target is None:
            return take_backup(paths.database, paths.backups, MANUAL_REASON)
        copy_database(paths.database, target)
        return target
    except DatabaseProblem as problem:
        raise LiveDatabaseDamaged(paths.database) from problem
    except OSError as error:
        raise UserError(
            M_CANNOT_BACK_UP, path=str(target or paths.backups), reason=os_reason(error)
        ) from error


def _server_backup(url: str, paths: AppPaths, out: Path | None) -> Path:
    target = None
    if out is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{BACKUP_PREFIX}{stamp}-{MANUAL_REASON}{SERVER_BACKUP_SUFFIX}"
        target = out / name if out.is_dir() else out
    try:
        return take_server_backup(url, paths.backups, MANUAL_REASON, target=target)
    except PgToolError as error:
        raise tool_error(error, url) from error
    except OSError as error:
        raise UserError(
            M_CANNOT_BACK_UP, path=str(target or paths.backups), reason=os_reason(error)
        ) from error


def tool_error(error: PgToolError, url: str) -> UserError:
    """What a missing or failing PostgreSQL program means, for a person."""
    if isinstance(error, ToolMissing):
        return UserError(
            M_PG_TOOLS_MISSING,
            url=shown_url(url),
            tools=", ".join(error.names),
            places="; ".join(error.places),
            variable=ENV_PG_BIN,
        )
    if isinstance(error, VersionMismatch):
        return UserError(
            M_PG_VERSION,
            url=shown_url(url),
            server=error.server,
            client=error.client,
            variable=ENV_PG_BIN,
        )
    reason = error.reason if isinstance(error, ToolFailed) else str(error)
    return UserError(M_PG_DUMP_FAILED, url=shown_url(url), reason=reason)


def auto_backup(paths: AppPaths, *, now: datetime | None = None) -> Path | None:
    """Take the daily automatic backup if the newest one is older than a day. A damaged
    database raises :class:`LiveDatabaseDamaged` (and the last good backups stay). On a
    server, :func:`server_auto_backup`: one dump a day for the database, whichever TDCS
    starts first."""
    if paths.database_url is not None:
        return server_auto_backup(paths, now=now)
    if not paths.database.is_file():
        return None
    own = list_backups(paths.backups, (BACKUP_SUFFIX,))
    newest = next((b for b in own if b.reason == AUTO_REASON), None)
    if newest is not None and (now or datetime.now()) - newest.taken_at < AUTO_INTERVAL:
        return None
    try:
        return take_backup(paths.database, paths.backups, AUTO_REASON, keep=10)
    except DatabaseProblem as problem:
        raise LiveDatabaseDamaged(paths.database) from problem


def restore_backup(
    paths: AppPaths,
    source: Path,
    *,
    unit_code: str | None = None,
    other_sessions_ok: bool = False,
) -> Restored:
    """Replace the database with ``source`` after :func:`check_backup` with the full page
    check, for the office ``unit_code`` (by default the data folder's own,
    :func:`folder_unit`; any office for a new data folder).

    A sound current database is backed up first; a damaged one is set aside (renamed, with
    its ``-wal``/``-shm`` files) rather than deleted. The restored database is migrated if
    it comes from an older version. On a server: :func:`restore_server_backup`.
    """
    if paths.database_url is not None:
        return restore_server_backup(
            paths, source, unit_code=unit_code, other_sessions_ok=other_sessions_ok
        )
    info = check_backup(
        source, paths=paths, unit_code=unit_code or folder_unit(paths), pages=PageCheck.FULL
    )
    try:
        paths.ensure()
        live = paths.database
        kept: Path | None = None
        if live.is_file() and live.stat().st_size > 0:
            try:
                kept = take_backup(live, paths.backups, BEFORE_RESTORE_REASON)
            except DatabaseProblem:
                kept = set_aside(live)
            else:
                restore_into(source, live)
        if not live.is_file() or live.stat().st_size == 0:
            copy_database(source, live)
        upgrade(live, paths.backups)
        make_database_private(live)
    except OSError as error:
        raise UserError(M_CANNOT_RESTORE, reason=os_reason(error)) from error
    return Restored(info, kept)


def set_aside(database: Path) -> Path:
    """Rename an unusable database (and its WAL files, which must never be replayed onto
    another file) to ``*.damaged-<time>``, so nothing is deleted."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = database.with_name(database.name + suffix)
        if part.exists():
            part.replace(target.with_name(target.name + suffix))
    return target


# -- the city's database on a PostgreSQL server ---------------------------------------------

log = logging.getLogger(__name__)

#: The setting (in the shared database) that says when and where the day's automatic dump
#: of the server database was taken: ``2026-12-06T08:05:12|PC-NAME|C:\...\tdcs-….pgdump``.
SERVER_DAILY_SETTING = "backup.server_daily"
#: The name of the lock TDCS holds on the server while it takes the day's dump.
SERVER_DAILY_LOCK = "tdcs.backup.server_daily"


class OtherSessionsOpen(UserError):
    """Other sessions are connected to the server database a restore would replace."""

    def __init__(self, count: int, url: str) -> None:
        super().__init__(M_OTHER_SESSIONS, count=count, url=shown_url(url))
        self.count = count


@dataclass(frozen=True)
class ServerDaily:
    """The last automatic dump of the server database: when, by which computer, where."""

    taken_at: datetime
    host: str
    path: str


def _unreachable(url: str, error: Exception) -> UserError:
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    return UserError(M_SERVER_UNREACHABLE, url=shown_url(url), reason=" ".join(reason) or "?")


def _server_unit(url: str) -> str | None:
    """The office of the server database (``None`` when none is set up, or unreadable)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT unit_code FROM office_profile WHERE id = 1")).first()
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()
    return str(row[0]) if row else None


#: pg_restore's word for an archive of a newer format (1.16 and on: a newer pg_dump), not
#: random bytes after the archive's magic.
_NEWER_ARCHIVE = re.compile(r"unsupported version \(1\.(1[5-9]|[2-4]\d)\)")


def check_server_backup(source: Path, url: str, *, unit_code: str | None = None) -> BackupInfo:
    """The check a ``pg_dump`` archive passes before it may replace the server database at
    ``url``, the same as :func:`check_backup`'s for a file and with its messages: an
    ordinary file; an archive ``pg_restore`` reads to its end (every block decompressed);
    a TDCS database of a schema this version knows; every table and column of that
    schema; an office that exists, and that is the server's (the city office's, or
    ``unit_code``). Raises :class:`UserError`, having changed nothing.

    Whose records the archive holds is not read row by row: at the city every commune's
    records belong, and the office row decides."""
    require_regular_file(source)
    if is_sqlite_file(source):
        raise UserError(M_SQLITE_BACKUP_ON_SERVER, path=str(source), url=shown_url(url))
    if not is_archive(source):
        raise UserError(M_NOT_DATABASE, path=str(source))
    try:
        contents = archive_list(source)
        read_whole(source)
        if "TABLE DATA public alembic_version" not in contents:
            raise UserError(M_NOT_DATABASE, path=str(source))
        versions = table_rows(source, "alembic_version")
        revision = versions[0].get("version_num") if versions else None
        if not revision:
            raise UserError(M_NOT_DATABASE, path=str(source))
        if not known_revision(revision):
            raise UserError(M_NEWER, path=str(source))
        missing = missing_from(archive_columns(source), revision)
        if missing:
            shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            raise UserError(M_INCOMPLETE, path=str(source), missing=shown)
        offices = [row for row in table_rows(source, "office_profile") if row.get("id") == "1"]
    except ToolMissing as missing_tool:
        raise tool_error(missing_tool, url) from missing_tool
    except ToolFailed as failed:
        if _NEWER_ARCHIVE.search(failed.reason):
            raise UserError(
                M_ARCHIVE_TOO_NEW, path=str(source), reason=failed.reason, variable=ENV_PG_BIN
            ) from failed
        raise UserError(M_ARCHIVE_UNREADABLE, path=str(source), reason=failed.reason) from failed
    if not offices:
        raise UserError(M_NEVER_SET_UP, path=str(source))
    mode, unit = offices[0].get("mode") or "", offices[0].get("unit_code") or ""
    name = offices[0].get("office_name")
    if (mode == "city") != (unit == CITY_CODE) or (
        unit != CITY_CODE and unit not in shipped_communes()
    ):
        raise UserError(M_BAD_OFFICE, path=str(source), unit=unit)
    wanted = unit_code or CITY_CODE
    if unit != wanted:
        raise UserError(
            M_NOT_THIS_OFFICE, backup_office=name or "?", backup_unit=unit, current_unit=wanted
        )
    return BackupInfo(source, revision, unit, name, _taken_at(source))


def count_other_sessions(url: str) -> int:
    """How many other sessions are connected to the server database (other TDCS windows,
    other programs); :class:`UserError` when the server cannot be reached."""
    try:
        return other_sessions(url)
    except ServerUnreachable as error:
        raise _unreachable(url, error) from error


def restore_server_backup(
    paths: AppPaths,
    source: Path,
    *,
    unit_code: str | None = None,
    other_sessions_ok: bool = False,
) -> Restored:
    """Replace the server database with the archive ``source``, all or nothing, after
    :func:`check_server_backup`; the current data is dumped first (``before-restore``), and
    the restored database is migrated if it comes from an older version. Other sessions on
    the database (TDCS open on other computers) refuse it, saying how many, unless
    ``other_sessions_ok``."""
    url = paths.database_url
    assert url is not None
    info = check_server_backup(source, url, unit_code=unit_code or folder_unit(paths))
    if not other_sessions_ok:
        others = count_other_sessions(url)
        if others:
            raise OtherSessionsOpen(others, url)
    paths.ensure()
    try:
        kept = take_server_backup(url, paths.backups, BEFORE_RESTORE_REASON)
    except PgToolError as error:
        raise UserError(M_CANNOT_KEEP_SERVER, reason=tool_error(error, url).text()) from error
    try:
        restore_archive(url, source)
    except PgToolError as error:
        reason = error.reason if isinstance(error, ToolFailed) else str(error)
        if isinstance(error, ToolMissing):
            raise tool_error(error, url) from error
        raise UserError(
            M_PG_RESTORE_FAILED, path=str(source), url=shown_url(url), reason=reason
        ) from error
    log.info("restored %s into %s; the data it replaced is in %s", source, shown_url(url), kept)
    upgrade(url, paths.backups)
    return Restored(info, kept)


def server_daily(paths: AppPaths) -> ServerDaily | None:
    """The last automatic dump of the server database, as the database records it."""
    assert paths.database_url is not None
    engine = make_engine(paths.database_url)
    try:
        with engine.connect() as conn:
            value = conn.execute(
                text("SELECT value FROM settings WHERE key = :key"), {"key": SERVER_DAILY_SETTING}
            ).scalar()
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()
    return _parse_daily(value)


def last_server_daily(session: Session) -> ServerDaily | None:
    """:func:`server_daily` read through an open session of the database."""
    return _parse_daily(get_setting(session, SERVER_DAILY_SETTING) or None)


def _parse_daily(value: object) -> ServerDaily | None:
    if not isinstance(value, str):
        return None
    when, _, rest = value.partition("|")
    host, _, path = rest.partition("|")
    try:
        return ServerDaily(datetime.fromisoformat(when), host, path)
    except ValueError:
        return None


def server_auto_backup(paths: AppPaths, *, now: datetime | None = None) -> Path | None:
    """The day's automatic dump of the server database, taken by whichever TDCS starts
    first: several city computers share the database, and it is dumped at most once in
    :data:`AUTO_INTERVAL`, into the backups folder of the computer that took it (the
    database records when, which computer and where, :func:`server_daily`). An advisory
    lock on the server keeps two starts from dumping at once. A missing or failing
    ``pg_dump`` is logged and the start goes on; the next start tries again."""
    url = paths.database_url
    assert url is not None
    moment = now or datetime.now()
    try:
        return _server_auto_backup(paths, url, moment)
    except SQLAlchemyError as error:
        log.warning("the daily backup of %s was not taken: %s", shown_url(url), error)
        return None


def _server_auto_backup(paths: AppPaths, url: str, moment: datetime) -> Path | None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn, lock_if_free(conn, SERVER_DAILY_LOCK) as got:
            if not got:
                return None  # another TDCS is taking it now
            with Session(conn) as session:
                last = last_server_daily(session)
                session.rollback()  # no transaction open during the dump
                if last is not None and moment - last.taken_at < AUTO_INTERVAL:
                    return None
                try:
                    made = take_server_backup(url, paths.backups, AUTO_REASON, keep=10)
                except PgToolError as error:
                    log.warning("the daily backup of %s was not taken: %s", shown_url(url), error)
                    return None
                value = f"{moment.isoformat(timespec='seconds')}|{socket.gethostname()}|{made}"
                set_setting(session, SERVER_DAILY_SETTING, value)
                session.commit()
            log.info("the daily backup of %s: %s", shown_url(url), made)
            return made
    finally:
        engine.dispose()
