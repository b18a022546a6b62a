"""The core's part of the self-test (``tdcs self-test``): the database, the catalogues, a
record created and edited, a backup; and the check of the office's own database.

A step is a function of the throwaway database the self-test works in that returns what it
proved or raises :class:`SelfTestFailure`; it uses the same services as the application,
never shortcuts. Each layer offers its steps in its own ``selftest`` module (the loans and
the recording parts of core too, sync and reports above); :mod:`desktop.app.selftest`
puts them in order and runs them. The office's database is only read: its pages checked as
a backup's are (:func:`db.integrity.affordable_check`), its schema one this version knows.

The city's database on a PostgreSQL server (issue 17) is checked as a server allows, in a
read-only transaction (:func:`check_server_database`): the connection, the schema's version,
every table and column the models expect, the office's identity, a read of every table; no
SQLite page check. Whatever the database, the self-test says which PostgreSQL driver the
program carries (:func:`step_postgresql`), so a bundle that lost psycopg or its libpq fails
here, on a commune's PC as at the city.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, func, inspect, select
from sqlalchemy.exc import DBAPIError

from db.engine import make_engine, shown_url
from db.enums import CommuneKind, OfficeMode
from db.integrity import affordable_check
from db.migrate import (
    DatabaseProblem,
    NewerSchema,
    check_file,
    current_revision,
    head_revision,
    known_revision,
    missing_from,
)
from db.models import (
    AuditEntry,
    Base,
    Commune,
    CreditProgramme,
    Hamlet,
    OfficeProfile,
    Organisation,
    PlanTask,
)
from desktop.core.backups import M_NEWER, explain, inspect_backup, make_backup
from desktop.core.catalogues import EXPECTED_COMMUNES
from desktop.core.database import Database
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.office import list_hamlets, rename_hamlet, set_up_office
from desktop.paths import AppPaths

M_NO_DRIVER = QT_TRANSLATE_NOOP(
    "SelfTest",
    "The PostgreSQL driver (psycopg) cannot be loaded: {reason}. Reinstall TDCS.",
)
M_SERVER_UNREACHABLE = QT_TRANSLATE_NOOP(
    "SelfTest", "Cannot reach the database server {url}: {reason}"
)
M_SERVER_NOT_TDCS = QT_TRANSLATE_NOOP(
    "SelfTest",
    "The database {url} holds tables but no TDCS schema version: it is not a TDCS database.",
)
M_SERVER_SCHEMA_MISSING = QT_TRANSLATE_NOOP(
    "SelfTest",
    "The database {url} lacks parts of the TDCS schema ({missing}). Ask the server's "
    "administrator to restore the database from its latest backup.",
)
M_SERVER_READ_FAILED = QT_TRANSLATE_NOOP(
    "SelfTest", "The table {table} of the database {url} cannot be read: {reason}"
)


class SelfTestFailure(Exception):
    """A step found this installation broken; the message says what (in English, for the
    log and the person the clerk reads it to)."""


@dataclass(frozen=True)
class StepResult:
    name: str
    detail: str


#: A step: proves something in the self-test's database and says what.
Step = Callable[[Database], str]


def expect(condition: bool, message: str) -> None:
    """Fail the step with ``message`` unless ``condition`` holds."""
    if not condition:
        raise SelfTestFailure(message)


def step_database(db: Database) -> str:
    expect(current_revision(db.engine) == head_revision(), "schema is not at head")
    return f"schema {head_revision()}"


def step_postgresql(_db: Database) -> str:
    """The driver of the city's PostgreSQL database: psycopg 3 and the libpq it carries.
    A packaged build must carry psycopg's compiled implementation, whose wheel brings its
    own libpq: no PostgreSQL client is installed on the offices' PCs."""
    try:
        from psycopg import __version__ as psycopg_version
        from psycopg import pq
    except ImportError as error:
        raise SelfTestFailure(tr(M_NO_DRIVER, reason=error)) from error
    implementation = pq.__impl__
    expect(
        implementation in ("binary", "c") or not getattr(sys, "frozen", False),
        f"psycopg's {implementation} implementation instead of the binary one",
    )
    return (
        f"driver psycopg {psycopg_version} ({implementation}), "
        f"libpq {pq.version_pretty(pq.version())}"
    )


def step_catalogues(db: Database) -> str:
    with db.reading() as s:
        communes = s.scalar(select(func.count()).select_from(Commune))
        wards = s.scalar(select(func.count()).where(Commune.kind == CommuneKind.PHUONG))
        tasks = s.scalar(select(func.count()).select_from(PlanTask))
        orgs = s.scalar(select(func.count()).select_from(Organisation))
        programmes = s.scalar(select(func.count()).select_from(CreditProgramme))
    expect(communes == EXPECTED_COMMUNES, f"{communes} communes instead of 103")
    expect(wards == 31, f"{wards} wards instead of 31")
    expect(orgs == 4, f"{orgs} organisations instead of 4")
    expect(bool(tasks) and bool(programmes), "plan tasks or programmes missing")
    return f"{communes} communes, {tasks} plan tasks, {orgs} organisations, {programmes} programmes"


def step_records(db: Database) -> str:
    with db.transaction() as s:
        set_up_office(s, OfficeMode.COMMUNE, commune_code="31120", hamlets=["Khu vực 1"])
    with db.transaction() as s:
        hamlet = list_hamlets(s)[0]
        rename_hamlet(s, hamlet.id, "Khu vực Một", expected_version=hamlet.version)
    with db.reading() as s:
        version = s.scalar(select(Hamlet.version))
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    expect(version == 2 and audits == 2, "edit did not raise the version or write the audit")
    return "create, edit and audit"


def step_backup(db: Database) -> str:
    path = make_backup(db.paths)
    info = inspect_backup(path)
    expect(info.unit_code == "31120", "backup does not hold the office")
    return f"backup {path.name}"


def check_office_database(paths: AppPaths) -> StepResult:
    """Check the database of the data folder ``paths`` (or its server database) without
    changing it; raise :class:`SelfTestFailure` with the explanation a person reads when it
    is unusable."""
    if paths.database_url is not None:
        return check_server_database(paths.database_url)
    database = paths.database
    if not database.is_file() or database.stat().st_size == 0:
        return StepResult("data", f"no database yet in {paths.data_dir}")
    size = database.stat().st_size
    check = affordable_check(size)
    try:
        revision = check_file(database, pages=check)
        if revision is not None and not known_revision(revision):
            raise NewerSchema(database, revision)
    except DatabaseProblem as problem:
        raise SelfTestFailure(explain(problem).text()) from problem
    return StepResult(
        "data",
        f"{database} ({size / (1024 * 1024):.1f} MB, {check.value} ok, schema {revision})",
    )


def check_server_database(url: str) -> StepResult:
    """Check the TDCS database on the PostgreSQL server at ``url``, in a read-only
    transaction: the server answers; the schema is one this version knows (an older one is
    upgraded when TDCS next opens it); at the newest schema, every table and column of the
    models is there, the office's identity is read, and every table is read (its first row
    with every column, and its count)."""
    shown = shown_url(url)
    engine = make_engine(url)
    try:
        with engine.connect().execution_options(postgresql_readonly=True) as conn:
            return _check_server(conn, shown)
    except DBAPIError as error:
        # Connecting failed (server down, wrong name or password), or the connection broke.
        raise SelfTestFailure(tr(M_SERVER_UNREACHABLE, url=shown, reason=error.orig)) from error
    finally:
        engine.dispose()


def _check_server(conn: Connection, shown: str) -> StepResult:
    from alembic.runtime.migration import MigrationContext

    version = ".".join(map(str, conn.dialect.server_version_info or ()))
    tables = set(inspect(conn).get_table_names())
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision is None:
        if tables - {"alembic_version"}:
            raise SelfTestFailure(tr(M_SERVER_NOT_TDCS, url=shown))
        return StepResult("data", f"{shown} (PostgreSQL {version}): no TDCS database yet")
    if not known_revision(revision):
        # Not chained to the DatabaseProblem: the command line would suggest restoring a
        # SQLite backup, which a server database does not take.
        raise SelfTestFailure(tr(M_NEWER, path=shown))
    head = head_revision()
    if revision != head:
        return StepResult(
            "data",
            f"{shown} (PostgreSQL {version}, schema {revision}; "
            f"this version upgrades it to {head} when it opens it)",
        )
    found = inspect(conn)
    present = {name: {column["name"] for column in found.get_columns(name)} for name in tables}
    missing = missing_from(present, head)
    if missing:
        raise SelfTestFailure(tr(M_SERVER_SCHEMA_MISSING, url=shown, missing=", ".join(missing)))
    records = 0
    for table in Base.metadata.sorted_tables:
        try:
            conn.execute(select(table).limit(1)).all()
            records += conn.scalar(select(func.count()).select_from(table)) or 0
        except DBAPIError as error:
            raise SelfTestFailure(
                tr(M_SERVER_READ_FAILED, table=table.name, url=shown, reason=error.orig)
            ) from error
    office = conn.execute(
        select(OfficeProfile.mode, OfficeProfile.unit_code, OfficeProfile.office_name)
    ).first()
    who = (
        f"office {office.unit_code} {office.office_name} ({office.mode.value})"
        if office is not None
        else "no office set up yet"
    )
    return StepResult(
        "data",
        f"{shown} (PostgreSQL {version}, schema {revision}, {who}, "
        f"{len(Base.metadata.sorted_tables)} tables read, {records} records)",
    )
