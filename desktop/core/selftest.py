"""``tdcs self-test``: prove, in a fresh temporary data folder, that this installation works,
then check the office's own database.

Each step is a small function; a packaged build runs them all and must print ``OK``. Steps
use the same services as the application, never shortcuts. The office's database is only
read: its pages checked as a backup's are (:func:`db.integrity.affordable_check`), its schema
one this version knows.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
from desktop.core.dashboard.self_test import step_recording
from desktop.core.database import Database
from desktop.core.loans.selftest import step_loans
from desktop.core.office import list_hamlets, rename_hamlet, set_up_office
from desktop.paths import AppPaths


class SelfTestFailure(Exception):
    pass


@dataclass(frozen=True)
class StepResult:
    name: str
    detail: str


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def step_database(db: Database) -> str:
    _expect(current_revision(db.engine) == head_revision(), "schema is not at head")
    return f"schema {head_revision()}"


def step_catalogues(db: Database) -> str:
    with db.reading() as s:
        communes = s.scalar(select(func.count()).select_from(Commune))
        wards = s.scalar(select(func.count()).where(Commune.kind == CommuneKind.PHUONG))
        tasks = s.scalar(select(func.count()).select_from(PlanTask))
        orgs = s.scalar(select(func.count()).select_from(Organisation))
        programmes = s.scalar(select(func.count()).select_from(CreditProgramme))
    _expect(communes == EXPECTED_COMMUNES, f"{communes} communes instead of 103")
    _expect(wards == 31, f"{wards} wards instead of 31")
    _expect(orgs == 4, f"{orgs} organisations instead of 4")
    _expect(bool(tasks) and bool(programmes), "plan tasks or programmes missing")
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
    _expect(version == 2 and audits == 2, "edit did not raise the version or write the audit")
    return "create, edit and audit"


def step_backup(db: Database) -> str:
    path = make_backup(db.paths)
    info = inspect_backup(path)
    _expect(info.unit_code == "31120", "backup does not hold the office")
    return f"backup {path.name}"


def step_report(db: Database) -> str:
    """Write a document as PDF, Excel and Word (the report layer sits above core, hence the
    late import) and check the files."""
    from desktop.reports.selfcheck import ReportCheckFailed
    from desktop.reports.selfcheck import step_report as write_and_check_report

    try:
        return write_and_check_report(db)
    except ReportCheckFailed as failure:
        raise SelfTestFailure(str(failure)) from failure


def step_sync(db: Database) -> str:
    """Write a sync file and read it back at a throwaway city (desktop.sync is Qt-free)."""
    from desktop.sync.selftest import SyncSelfTestFailure, round_trip

    try:
        return round_trip(db)
    except SyncSelfTestFailure as failure:
        raise SelfTestFailure(str(failure)) from failure


#: The steps in order; later parts of the application add theirs (PDF, sync file).
STEPS: list[Callable[[Database], str]] = [
    step_database,
    step_catalogues,
    step_records,
    step_backup,
    step_report,
    step_recording,
    step_loans,
    step_sync,
]


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


def run_self_test(
    report: Callable[[StepResult], None] = lambda _r: None,
    *,
    folder: Path | None = None,
    data: AppPaths | None = None,
) -> list[StepResult]:
    """Run every step in a fresh data folder, then check the database of the data folder
    ``data`` (the office's own); raise on the first failure."""
    results: list[StepResult] = []
    with tempfile.TemporaryDirectory(prefix="tdcs-self-test-") as tmp:
        db = Database.open(AppPaths(folder or Path(tmp)))
        try:
            for step in STEPS:
                result = StepResult(step.__name__.removeprefix("step_"), step(db))
                results.append(result)
                report(result)
        finally:
            db.close()
    if data is not None:
        result = check_office_database(data)
        results.append(result)
        report(result)
    return results
