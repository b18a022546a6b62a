"""Roles on the throw-away PostgreSQL server (tests/pg_server.py) for the tests of choosing
and reaching the city's server: one that must give a password (the server trusts
``postgres``; a ``scram-sha-256`` line in ``pg_hba.conf`` makes this one prove itself), and
one that may log in but not create tables."""

from __future__ import annotations

import subprocess
import time
import uuid

import psycopg

from tests.pg_server import PgServer

PASSWORD = "Mật-khẩu:1"  # non-ASCII and a colon, which the password file must escape
PASSWORD_USER = "tdcs_pw"
NO_RIGHTS_USER = "tdcs_reader"


def ensure_roles(server: PgServer) -> None:
    """Create the two roles once per server, and make the first one give its password."""
    with psycopg.connect(server.url(), autocommit=True) as conn:
        known = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
        if PASSWORD_USER in known:
            return
        conn.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'")
        conn.execute(f"CREATE ROLE {NO_RIGHTS_USER} LOGIN")
    hba = server.folder / "data" / "pg_hba.conf"
    line = f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n"
    hba.write_text(line + hba.read_text())
    subprocess.run(
        [*server.as_user, server.pg_ctl, "-D", str(server.folder / "data"), "reload"],
        check=True,
        capture_output=True,
    )
    time.sleep(0.3)


def database_owned_by(server: PgServer, user: str) -> str:
    """A new empty database owned by ``user``; its URL naming ``user`` (no password)."""
    ensure_roles(server)
    name = f"tdcs_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" OWNER {user}')
    with psycopg.connect(server.url(name), autocommit=True) as conn:
        conn.execute(f"ALTER SCHEMA public OWNER TO {user}")
    return f"postgresql://{user}@127.0.0.1:{server.port}/{name}"


def url_as(url: str, user: str) -> str:
    """``url`` with another user."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{user}@{rest.partition('@')[2]}"
