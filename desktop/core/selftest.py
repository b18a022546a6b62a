"""The core's part of the self-test (``tdcs self-test``): the database, the catalogues, a
record created and edited, a backup; and the check of the office's own database.

A step is a function of the throwaway database the self-test works in that returns what it
proved or raises :class:`SelfTestFailure`; it uses the same services as the application,
never shortcuts. Each layer offers its steps in its own ``selftest`` module (the loans and
the recording parts of core too, sync and reports above); :mod:`desktop.app.selftest`
puts them in order and runs them. The office's database is only read: its pages checked as
a backup's are (:func:`db.integrity.affordable_check`), its schema one this version knows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from db.enums import CommuneKind, OfficeMode
from db.integrity import affordable_check
from db.migrate import (
    DatabaseProblem,
    NewerSchema,
    check_file,
    current_revision,
    head_revision,
    known_revision,
)
from db.models import AuditEntry, Commune, CreditProgramme, Hamlet, Organisation, PlanTask
from desktop.core.backups import explain, inspect_backup, make_backup
from desktop.core.catalogues import EXPECTED_COMMUNES
from desktop.core.database import Database
from desktop.core.office import list_hamlets, rename_hamlet, set_up_office
from desktop.paths import AppPaths


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
    """Check the database of the data folder ``paths`` without changing it; raise
    :class:`SelfTestFailure` with the explanation a person reads when it is unusable."""
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
