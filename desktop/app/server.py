"""The city's database on a PostgreSQL server: trying a server before using it, saying in the
person's language what stands in the way, and PostgreSQL's own password file.

:func:`check_server` connects the way TDCS will and tells the set-up wizard, Cài đặt and the
command line what they would find there: nothing yet (set the city up), the city already (a
further staff PC joins it), or a problem (:class:`ServerProblem`, one :class:`Trouble` each).
A password typed by the person is given here and kept in memory for the run
(:func:`db.engine.use_password`); :func:`remember_in_pgpass` writes it, when asked, into
libpq's own password file, never into a file of TDCS.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from db.engine import (
    CONNECT_TIMEOUT_S,
    is_server_url,
    libpq_url,
    password_for,
    server_identity,
    shown_url,
)
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg

log = logging.getLogger(__name__)


class Trouble(Enum):
    """What stands between TDCS and a server database."""

    NOT_A_URL = "not-a-url"
    UNREACHABLE = "unreachable"
    PASSWORD_NEEDED = "password-needed"
    WRONG_PASSWORD = "wrong-password"
    NOT_ALLOWED = "not-allowed"  # the server refuses this user from this computer
    NO_DATABASE = "no-database"
    NO_RIGHTS = "no-rights"  # may not create TDCS's tables
    OTHER_TABLES = "other-tables"  # a database of some other program
    A_COMMUNE = "a-commune"  # set up for a commune office (a server is only ever the city)
    NEWER = "newer"  # written by a newer TDCS


MESSAGES: dict[Trouble, Msg] = {
    Trouble.NOT_A_URL: QT_TRANSLATE_NOOP(
        "Server",
        "“{url}” is not the address of a PostgreSQL database. Write it as "
        "postgresql://USER@SERVER:5432/DATABASE.",
    ),
    Trouble.UNREACHABLE: QT_TRANSLATE_NOOP(
        "Server",
        "The database server {server} cannot be reached ({reason}). Check that the server is "
        "on and PostgreSQL runs there, that this computer is on the office network, and the "
        "server's name and port.",
    ),
    Trouble.PASSWORD_NEEDED: QT_TRANSLATE_NOOP(
        "Server", "The server {server} asks for the password of the user {user}."
    ),
    Trouble.WRONG_PASSWORD: QT_TRANSLATE_NOOP(
        "Server",
        "The server {server} refused the password of the user {user}: the password is wrong "
        "(or the user does not exist).",
    ),
    Trouble.NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Server",
        "The server {server} does not let the user {user} in from this computer ({reason}). "
        "Its administrator must allow it (pg_hba.conf).",
    ),
    Trouble.NO_DATABASE: QT_TRANSLATE_NOOP(
        "Server",
        "The server {server} has no database named {database}. Its administrator creates it "
        "first: createdb --owner {user} {database}",
    ),
    Trouble.NO_RIGHTS: QT_TRANSLATE_NOOP(
        "Server",
        "The user {user} may not create tables in the database {database}. Its administrator "
        "makes the user the database's owner: ALTER DATABASE {database} OWNER TO {user} (and "
        "of its schema public).",
    ),
    Trouble.OTHER_TABLES: QT_TRANSLATE_NOOP(
        "Server",
        "The database {database} already holds tables of another program. Use an empty "
        "database for TDCS.",
    ),
    Trouble.A_COMMUNE: QT_TRANSLATE_NOOP(
        "Server",
        "The database {database} is already set up for the office “{office}”, a commune or "
        "ward. A database on a server can only be the city's.",
    ),
    Trouble.NEWER: QT_TRANSLATE_NOOP(
        "Server",
        "The database {database} was written by a newer version of TDCS. Install that "
        "version on this computer first.",
    ),
}


class ServerProblem(UserError):
    """A server database TDCS cannot use, and why (:attr:`trouble`)."""

    def __init__(self, trouble: Trouble, url: str, reason: str = "", office: str = "") -> None:
        self.trouble = trouble
        params = _describe(url)
        super().__init__(MESSAGES[trouble], reason=reason, office=office, **params)

    @property
    def wants_password(self) -> bool:
        return self.trouble in (Trouble.PASSWORD_NEEDED, Trouble.WRONG_PASSWORD)


def _describe(url: str) -> dict[str, str]:
    """The parts of ``url`` the messages name (never its password)."""
    if not is_server_url(url):
        return {"url": url, "server": url, "user": "", "database": ""}
    identity = server_identity(url)
    rest = identity.partition("://")[2]
    user, _, place = rest.partition("@")
    server, _, database = place.partition("/")
    return {"url": shown_url(url), "server": server, "user": user, "database": database}


def server_place(url: str) -> str:
    """``host:port/database`` of ``url``, for a message (never its user's password)."""
    parts = _describe(url)
    return f"{parts['server']}/{parts['database']}" if parts["database"] else parts["server"]


class ServerState(Enum):
    EMPTY = "empty"  # nothing of TDCS yet: set the city up
    NOT_SET_UP = "not-set-up"  # TDCS's tables, no office yet: set the city up
    CITY = "city"  # the city already: this computer joins it


@dataclass(frozen=True)
class ServerCheck:
    url: str
    state: ServerState
    #: The city's office name when :attr:`state` is :attr:`ServerState.CITY`.
    office_name: str = ""

    @property
    def joins(self) -> bool:
        return self.state is ServerState.CITY


def classify(error: BaseException, url: str) -> ServerProblem:
    """The :class:`ServerProblem` a failed connection to ``url`` means."""
    orig = getattr(error, "orig", None) or error
    text = str(orig).strip()
    state = getattr(orig, "sqlstate", None) or ""
    lowered = text.lower()
    reason = _short(text) if text else type(orig).__name__
    if "no password supplied" in lowered or "password is required" in lowered:
        return ServerProblem(Trouble.PASSWORD_NEEDED, url)
    if state == "28P01" or "password authentication failed" in lowered:
        return ServerProblem(Trouble.WRONG_PASSWORD, url)
    if state == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return ServerProblem(Trouble.NO_DATABASE, url)
    if state == "28000" or "pg_hba.conf" in lowered or "role" in lowered:
        return ServerProblem(Trouble.NOT_ALLOWED, url, reason=reason)
    return ServerProblem(Trouble.UNREACHABLE, url, reason=reason)


_PREFIX = re.compile(
    r'^(?:connection failed:\s*)?(?:connection to server (?:at|on) "[^"]*"'
    r"(?:\s*\([^)]*\))?,? port \d+ failed:\s*)?(?:FATAL:\s*)?",
    re.IGNORECASE,
)


def _short(text: str) -> str:
    """A driver's message fit for a person: its first line, without libpq's prefixes."""
    for line in text.splitlines():
        line = _PREFIX.sub("", line.strip()).strip()
        if line:
            return line.rstrip(".")
    return "?"


def connect(url: str, password: str | None = None) -> Any:
    """A psycopg connection to ``url`` (autocommit off), or :class:`ServerProblem`."""
    import psycopg

    if not is_server_url(url):
        raise ServerProblem(Trouble.NOT_A_URL, url)
    given = password if password is not None else password_for(url)
    extra: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S}
    if given:
        extra["password"] = given
    try:
        return psycopg.connect(libpq_url(url), **extra)
    except psycopg.Error as error:
        log.info("cannot connect to %s: %s", shown_url(url), error)
        raise classify(error, url) from None
    except ValueError as error:  # a URL psycopg cannot parse
        raise ServerProblem(Trouble.NOT_A_URL, url, reason=str(error)) from None


def check_server(url: str, password: str | None = None) -> ServerCheck:
    """Connect to ``url`` and say what TDCS would find there: :class:`ServerCheck`, or
    :class:`ServerProblem` for every reason it cannot be used. Changes nothing."""
    import psycopg

    from db.migrate import known_revision

    with connect(url, password) as conn:
        try:
            tables = {
                row[0]
                for row in conn.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                )
            }
            if "alembic_version" not in tables:
                if tables:
                    raise ServerProblem(Trouble.OTHER_TABLES, url)
                _may_create_tables(conn, url)
                return ServerCheck(url, ServerState.EMPTY)
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
            if revision is not None and not known_revision(revision):
                raise ServerProblem(Trouble.NEWER, url)
            office = None
            if "office_profile" in tables:
                office = conn.execute(
                    "SELECT mode, office_name FROM office_profile WHERE id = 1"
                ).fetchone()
            from db.migrate import SCHEMA_HEAD

            if revision != SCHEMA_HEAD:
                _may_create_tables(conn, url)
            if office is None:
                return ServerCheck(url, ServerState.NOT_SET_UP)
            if str(office[0]).lower() != "city":
                raise ServerProblem(Trouble.A_COMMUNE, url, office=str(office[1]))
            return ServerCheck(url, ServerState.CITY, str(office[1]))
        except psycopg.Error as error:
            log.info("checking %s failed: %s", shown_url(url), error)
            raise classify(error, url) from None


def _may_create_tables(conn: Any, url: str) -> None:
    """:class:`ServerProblem` ``NO_RIGHTS`` unless this user may create a table (it is
    rolled back at once)."""
    import psycopg

    try:
        conn.execute("CREATE TABLE tdcs_rights_check (x integer)")
    except psycopg.errors.InsufficientPrivilege:
        raise ServerProblem(Trouble.NO_RIGHTS, url) from None
    finally:
        conn.rollback()


# -- PostgreSQL's own password file -------------------------------------------------------------


def pgpass_path() -> Path:
    """libpq's password file: ``PGPASSFILE``, else ``%APPDATA%\\postgresql\\pgpass.conf`` on
    Windows, else ``~/.pgpass``."""
    if chosen := os.environ.get("PGPASSFILE"):
        return Path(chosen)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def remember_in_pgpass(url: str, password: str) -> Path:
    """Write (or replace) the line of ``url``'s server, port, database and user in libpq's
    password file, readable by its owner only (0600, which libpq requires); the file's other
    lines stay as they were. Returns the file."""
    parts = _describe(url)
    host, _, port = parts["server"].rpartition(":")
    key = ":".join(_escape(x) for x in (host, port, parts["database"], parts["user"]))
    path = pgpass_path()
    lines: list[str] = []
    if path.exists():
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(key + ":")
        ]
    lines.append(f"{key}:{_escape(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tdcs-tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    temporary.chmod(0o600)
    temporary.replace(path)
    log.info("the password of %s was written to the PostgreSQL password file", shown_url(url))
    return path
