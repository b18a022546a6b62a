"""Databases for tests, made quickly: the real Alembic migration runs once per test session,
into a template; every test database is a copy of it, opened with :meth:`Database.open`, so
the checks of every start (header, schema revision, pages, owner-only file, catalogues) still
run on it. ``tests/test_migrations.py`` keeps migrating from empty and through each revision,
and the tests of a first start (``tdcs init``, the wizard) still create their database the
real way."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from db.enums import OfficeMode
from desktop.core.database import Database
from desktop.core.office import set_up_office
from desktop.paths import AppPaths

if TYPE_CHECKING:
    from tests.pg_server import PgServer

#: The engines a city's database runs on (issue 17): a test that asks for the ``engine``
#: fixture runs once on each (``pytestmark = pytest.mark.usefixtures("engine")``).
SQLITE, POSTGRESQL = "sqlite", "postgresql"
ENGINES = (SQLITE, POSTGRESQL)

#: The commune office most tests are (Cái Khế) and its two hamlets.
COMMUNE_CODE = "31120"
COMMUNE_HAMLETS = ("Khu vực 1", "Khu vực 2")

_TEMPLATES: dict[OfficeMode | None, Path] = {}
_SERVER_TEMPLATES: dict[OfficeMode | None, str] = {}


def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="tdcs-template-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def template_db(office: OfficeMode | None = None) -> Path:
    """A database file made once per test process: migrated and empty, or (``office``) then
    set up as Cái Khế's office with its two hamlets, or as the city office."""
    if office not in _TEMPLATES:
        paths = AppPaths(_folder())
        if office is None:
            Database.open(paths).close()
        else:
            database = copy_database(template_db(), paths)
            if office is OfficeMode.COMMUNE:
                set_up_commune(database)
            else:
                set_up_city(database)
            database.close()
        _TEMPLATES[office] = paths.database
    return _TEMPLATES[office]


def copy_database(source: Path, paths: AppPaths) -> Database:
    """Open, in the data folder of ``paths``, a copy of the database file ``source`` (the
    template, or any closed or open database: SQLite's backup API copies a consistent
    state)."""
    paths.ensure()
    source_conn = sqlite3.connect(source)
    target = sqlite3.connect(paths.database)
    try:
        with target:
            source_conn.backup(target)
    finally:
        source_conn.close()
        target.close()
    return Database.open(paths)


def clone_database(source: Path, folder: Path) -> Database:
    """A new data folder ``folder`` whose database is a copy of ``source``."""
    return copy_database(source, AppPaths(folder))


def new_database(paths: AppPaths, office: OfficeMode | None = None) -> Database:
    """A fresh, migrated database in the data folder of ``paths``: no office yet, or already
    Cái Khế's office or the city's (``office``, as :func:`template_db` makes them)."""
    return copy_database(template_db(office), paths)


def set_up_commune(database: Database) -> Database:
    """Make ``database`` Cái Khế's office, with its two hamlets."""
    with database.transaction() as session:
        set_up_office(
            session, OfficeMode.COMMUNE, commune_code=COMMUNE_CODE, hamlets=COMMUNE_HAMLETS
        )
    return database


def set_up_city(database: Database) -> Database:
    """Make ``database`` the city office."""
    with database.transaction() as session:
        set_up_office(session, OfficeMode.CITY)
    return database


def server_template(server: PgServer, office: OfficeMode | None = None) -> str:
    """The name of a database on ``server`` made once per test process, as
    :func:`template_db` makes its file: migrated by the real Alembic history (through
    :meth:`Database.open`), then set up as ``office``."""
    if office not in _SERVER_TEMPLATES:
        url = server.create_database()
        database = Database.open(AppPaths(_folder(), url))
        try:
            if office is OfficeMode.COMMUNE:
                set_up_commune(database)
            elif office is OfficeMode.CITY:
                set_up_city(database)
        finally:
            database.close()
        _SERVER_TEMPLATES[office] = server.database_name(url)
    return _SERVER_TEMPLATES[office]


def new_server_database(
    server: PgServer, paths: AppPaths, office: OfficeMode | None = None
) -> Database:
    """:func:`new_database` on the PostgreSQL test server: a copy of the template made once
    per run, opened with the data folder of ``paths`` (backups, logs, exports stay there)."""
    url = server.create_database(template=server_template(server, office))
    paths.ensure()
    return Database.open(AppPaths(paths.data_dir, url))


def new_database_on(
    engine: str,
    paths: AppPaths,
    office: OfficeMode | None = None,
    server: PgServer | None = None,
) -> Database:
    """:func:`new_database` on ``engine`` (:data:`SQLITE` or :data:`POSTGRESQL`, which
    needs the test ``server``)."""
    if engine == POSTGRESQL:
        assert server is not None, "a PostgreSQL database needs the test server"
        return new_server_database(server, paths, office)
    return new_database(paths, office)
