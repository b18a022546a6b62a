"""``tdcs self-test``: prove, in a fresh temporary data folder, that this installation works,
then check the office's own database (a SQLite file, or the city's database on a
PostgreSQL server).

Each layer offers its steps in its own ``selftest`` module (core's database, catalogues,
records and backup, the PostgreSQL driver; the recording and loans parts of core; the
reports; the sync file);
here they are put in order and run. A packaged build runs them all and must print ``OK``
(``tests/test_frozen.py``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop.core.dashboard.selftest import step_recording
from desktop.core.database import Database
from desktop.core.loans.selftest import step_loans
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.selftest import (
    SelfTestFailure,
    Step,
    StepResult,
    check_office_database,
    step_backup,
    step_catalogues,
    step_database,
    step_postgresql,
    step_records,
)
from desktop.paths import AppPaths
from desktop.reports.selftest import step_report
from desktop.sync.selftest import step_sync

#: The steps in order: the later ones need the office the records step sets up.
STEPS: tuple[Step, ...] = (
    step_database,
    step_catalogues,
    step_postgresql,
    step_records,
    step_backup,
    step_report,
    step_recording,
    step_loans,
    step_sync,
)

__all__ = ["STEPS", "SelfTestFailure", "StepResult", "run_self_test", "step_name"]


def step_name(step: Step) -> str:
    """``step_sync`` → ``sync``: what the self-test prints before the step's detail."""
    return step.__name__.removeprefix("step_")


def run_self_test(
    report: Callable[[StepResult], None] = lambda _r: None,
    *,
    folder: Path | None = None,
    data: AppPaths | None = None,
    progress: Progress = NO_PROGRESS,
) -> list[StepResult]:
    """Run every step in a fresh data folder (``folder``, else a temporary one), then check
    the database of the data folder ``data`` (the office's own), passing each result to
    ``report`` as it comes; raise :class:`SelfTestFailure` on the first failure. The office's
    database is only read."""
    results: list[StepResult] = []
    total = len(STEPS) + (data is not None)

    def done(result: StepResult) -> None:
        results.append(result)
        report(result)

    with tempfile.TemporaryDirectory(prefix="tdcs-self-test-") as tmp:
        db = Database.open(AppPaths(folder or Path(tmp)))
        try:
            for number, step in enumerate(STEPS):
                progress.report(number, total, step_name(step))
                done(StepResult(step_name(step), step(db)))
        finally:
            db.close()
    if data is not None:
        progress.report(len(STEPS), total, "data")
        done(check_office_database(data))
    return results
