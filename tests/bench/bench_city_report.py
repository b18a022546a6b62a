"""How long the city's yearly report takes at city scale (not run by the test suite).

    python tests/bench/bench_city_report.py [--borrowers 3500] [--data DIR] [--postgresql]

Makes a city database with demo data for all 103 communes (``--borrowers`` per commune:
3 500 gives ~360 000 borrowers and ~620 000 loans, the city's real size; generating it
takes several minutes, so ``--data DIR`` keeps it and reuses it next time), then times
``city-yearly`` step by step (the builder reports each part through its progress), the PDF
and the Excel workbook. The budget (DESIGN.md) is 5 s for the city report PDF.

With ``--postgresql`` the same report is then made again from a copy of the same city on a
throw-away PostgreSQL server (``tests/bench/pg_copy.py``; issue 17), and both are printed.

Wall time and CPU time are both printed: on a shared machine the wall time also measures
the neighbours (and, on PostgreSQL, the CPU time is the client's only: the server's work
shows in the wall time).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select  # noqa: E402

from db.enums import OfficeMode  # noqa: E402
from db.models import Borrower, Loan  # noqa: E402
from desktop.core import demo  # noqa: E402
from desktop.core.database import Database  # noqa: E402
from desktop.core.office import set_up_office  # noqa: E402
from desktop.core.periods import Period  # noqa: E402
from desktop.paths import AppPaths  # noqa: E402
from desktop.reports.model import Report  # noqa: E402
from desktop.reports.pdf import render_pdf  # noqa: E402
from desktop.reports.registry import ReportRequest, get_report  # noqa: E402
from desktop.reports.service import make_report  # noqa: E402
from desktop.reports.workbook import build_workbook  # noqa: E402

TODAY = date(2026, 10, 20)


class StepTimer:
    """A progress receiver that prints how long each announced step took."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()
        self.step: str | None = None

    def report(self, done: int, total: int, text: str = "") -> None:
        self.finish()
        self.step = text

    def finish(self) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        if self.step is not None:
            print(
                f"    {self.step:<28} wall {wall - self.wall:6.2f} s   cpu {cpu - self.cpu:6.2f} s"
            )
        self.wall, self.cpu, self.step = wall, cpu, None


def city_database(folder: Path, borrowers: int) -> Database:
    database = Database.open(AppPaths(folder))
    if database.office() is None:
        with database.transaction() as session:
            set_up_office(session, OfficeMode.CITY)
        scale = demo.DemoScale(
            borrowers=borrowers,
            groups=max(8, borrowers // 45),
            hamlets=8,
            contributions_per_year=300,
        )
        print(f"demo data: 103 communes × {borrowers:,} borrowers …", flush=True)
        start = time.perf_counter()
        with database.transaction() as session:
            demo.generate(session, scale=scale, today=TODAY)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"  generated in {time.perf_counter() - start:.0f} s")
    return database


def measure(database: Database, engine: str, runs: int) -> Report:
    with database.reading() as session:
        people = session.scalar(select(func.count()).select_from(Borrower))
        loans = session.scalar(select(func.count()).select_from(Loan))
    print(f"{engine}: city-yearly over {people:,} borrowers, {loans:,} loans")
    request = ReportRequest(Period.whole_year(TODAY.year), None, TODAY)
    for run in range(1, runs + 1):
        print(f"  run {run}")
        timer = StepTimer()
        wall, cpu = time.perf_counter(), time.process_time()
        report = make_report(database, get_report("city-yearly"), request, timer)
        timer.finish()
        built = time.perf_counter()
        pdf = render_pdf(report)
        rendered = time.perf_counter()
        build_workbook(report)
        done = time.perf_counter()
        cpu = time.process_time() - cpu
        print(f"  figures {built - wall:6.2f} s")
        print(f"  PDF     {rendered - built:6.2f} s ({len(pdf):,} bytes)")
        print(
            f"  figures + PDF {rendered - wall:6.2f} s (budget 5 s); Excel {done - rendered:.2f} s"
        )
        print(f"  cpu {cpu:.2f} s")
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--borrowers", type=int, default=3_500, help="per commune")
    parser.add_argument("--data", type=Path, help="keep (or reuse) the city database here")
    parser.add_argument("--runs", type=int, default=1, help="reports made on each engine")
    parser.add_argument(
        "--postgresql",
        action="store_true",
        help="also on a copy of the same city on a throw-away PostgreSQL server",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database = city_database(args.data or Path(tmp), args.borrowers)
        on_sqlite = measure(database, "SQLite", args.runs)
        if args.postgresql:
            from tests.bench.pg_copy import copy_to_server
            from tests.pg_server import start

            server = start()
            try:
                copy = copy_to_server(database, server, Path(tmp) / "postgresql")
                same = measure(copy, "PostgreSQL", args.runs) == on_sqlite
                print(f"the same report on both engines: {'yes' if same else 'NO'}")
                copy.close()
            finally:
                server.stop()
        database.close()


if __name__ == "__main__":
    main()
