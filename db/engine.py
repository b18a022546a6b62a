"""Engines and sessions over one SQLite file, with the pragmas every connection needs, or
over a PostgreSQL server (the city's shared database, issue 17).

Which engine a database target gets is decided here and only here (:func:`is_server_url`,
:func:`make_engine`): a target is a SQLite file's path, or a ``postgresql://`` URL.

WAL lets the window read while an import writes; ``foreign_keys`` is off in SQLite unless
asked for on each connection; ``synchronous=FULL`` because a commune must never lose a saved
record to a power cut. The driver is put in autocommit mode and SQLAlchemy emits ``BEGIN``
itself, so transactions (and savepoints) start exactly where the code says.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10

#: The URL schemes of a database server; psycopg 3 is the one driver.
_SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(target: Path | str) -> bool:
    """True when ``target`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.lower().startswith(_SERVER_SCHEMES)


def server_url(target: str) -> str:
    """The SQLAlchemy URL of a ``postgresql://`` target (driver psycopg 3)."""
    return "postgresql+psycopg://" + target.partition("://")[2]


def shown_url(target: Path | str) -> str:
    """``target`` fit for a log or a message: a password in the URL is masked."""
    if not is_server_url(target):
        return str(target)
    from sqlalchemy.engine import make_url

    return make_url(server_url(str(target))).render_as_string(hide_password=True)


#: Passwords typed in this run (the window's prompt, ``getpass``), by server identity; kept in
#: memory only, never written anywhere by TDCS (:func:`use_password`).
_passwords: dict[str, str] = {}


def libpq_url(target: str) -> str:
    """The ``postgresql://`` URL as libpq, psycopg and the PostgreSQL tools take it (no
    ``+psycopg`` driver in the scheme)."""
    return "postgresql://" + target.partition("://")[2]


def split_password(url: str) -> tuple[str, str | None]:
    """``url`` without its password, and the password (``None`` when it has none)."""
    from sqlalchemy.engine import make_url

    scheme, _, rest = url.partition("://")
    try:
        parsed = make_url("postgresql://" + rest)
    except Exception:  # not a URL at all: said where it is used
        return url, None
    if parsed.password is None:
        return url, None
    bare = parsed._replace(password=None).render_as_string(hide_password=False)
    return scheme + "://" + bare.partition("://")[2], str(parsed.password)


def server_identity(target: str) -> str:
    """The database a ``postgresql://`` URL names, without its password and in one spelling
    (``postgresql://user@host:5432/name``): what one instance and one password belong to."""
    from sqlalchemy.engine import make_url

    url = make_url(server_url(target))
    user = url.username or ""
    host = (url.host or "localhost").lower()
    return f"postgresql://{user}@{host}:{url.port or 5432}/{url.database or user}"


def use_password(target: str, password: str | None) -> None:
    """Connect to the database of ``target`` with ``password`` for the rest of this run
    (``None``: forget it and let libpq find one)."""
    if password:
        _passwords[server_identity(target)] = password
    else:
        _passwords.pop(server_identity(target), None)


def password_for(target: str) -> str | None:
    """The password given in this run for ``target`` (:func:`use_password`), if any."""
    return _passwords.get(server_identity(target))


def password_of(target: str) -> str | None:
    """The password for ``target``: written in the URL, else given in this run."""
    written = split_password(target)[1]
    return written if written is not None else password_for(target)


def libpq_environment(target: str) -> dict[str, str]:
    """The environment for a PostgreSQL tool (``pg_dump``) run on ``target``: this process's,
    with the password of ``target`` (:func:`password_of`) as ``PGPASSWORD`` — the child's
    memory only, never its command line, which other users of the PC can see."""
    import os

    environment = dict(os.environ)
    if (password := password_of(target)) is not None:
        environment["PGPASSWORD"] = password
    return environment


def known_passwords() -> list[str]:
    """The passwords held in memory, for the log's filter that masks them."""
    return list(_passwords.values())


def make_engine(path: Path | str, *, foreign_keys: bool = True) -> Engine:
    """An engine on the SQLite file at ``path`` (``":memory:"`` for a throwaway one), or on
    the PostgreSQL database of a ``postgresql://`` URL (:func:`is_server_url`)."""
    if is_server_url(path):
        return _server_engine(str(path))
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA synchronous=FULL")
        # 64 MB page cache (the default is 2 MB): city-scale lists join 100 000 loans to
        # their balances by random UUID keys, three times faster with the pages cached.
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _server_engine(target: str) -> Engine:
    """PostgreSQL: foreign keys are always enforced, transactions begin the driver's way.
    The password comes from libpq (``PGPASSWORD``, the password file) or from a prompt of
    this run (:func:`use_password`), never from TDCS's files."""
    import db.dialects  # noqa: F401  (64-bit INTEGER in PostgreSQL's DDL)

    # A server that does not answer is said after 10 s, not after TCP's minutes; a password
    # typed in this run (use_password) goes to the driver, not into the URL.
    args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S}
    if (password := password_for(target)) is not None:
        args["password"] = password
    return create_engine(server_url(target), pool_pre_ping=True, connect_args=args)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block ends, roll back everything if it raises."""
    with factory() as session, session.begin():
        yield session
