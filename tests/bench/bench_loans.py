"""Benchmarks of the loans part (not run by pytest):

    python tests/bench/bench_loans.py [--loans 100000] [--rows 10000] [--keep DIR] [--postgresql]

1. Loading the Khoản vay list at city scale: ``list_loans`` over ~100 000 loans, building
   the table model (search texts), filtering per keystroke, and the other lists.
2. Importing a 10 000-row bank list: reading the workbook, the preview (dry run), the import,
   and importing the same list again (all rows unchanged); ``--rows 0`` skips it.

With ``--postgresql`` the lists of 1. are read again from a copy of the same database on a
throw-away PostgreSQL server (``tests/bench/pg_copy.py``; issue 17: the city's server),
once as the city sees them (every commune) and once as the commune's.

Wall time and CPU time are both printed: on a shared machine the wall time also measures
the neighbours.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from openpyxl import Workbook  # noqa: E402

from db.enums import OfficeMode  # noqa: E402
from desktop.core import demo, names  # noqa: E402
from desktop.core.database import Database  # noqa: E402
from desktop.core.loans import borrowers, checks, groups, indicators, loans  # noqa: E402
from desktop.core.loans.excel_import import prepare, run_import  # noqa: E402
from desktop.core.office import set_up_office  # noqa: E402
from desktop.core.owners import ALL_COMMUNES, Scope  # noqa: E402
from desktop.paths import AppPaths  # noqa: E402

TODAY = date(2026, 11, 29)


def timed(label: str, work: Callable[[], Any]) -> Any:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    size = f" ({len(result):,} rows)" if isinstance(result, list | tuple) else ""
    print(f"  {label:<52} wall {wall:7.3f} s   cpu {cpu:7.3f} s{size}")
    return result


def read_lists(database: Database) -> list[Any]:
    """The reads of the Khoản vay page's tabs (the loans of one commune, then of every
    commune as the city sees them); the commune's loans."""
    commune = Scope.commune("31120")
    with database.reading() as s:
        rows = timed(
            "list_loans (one query + positions)",
            lambda: loans.list_loans(s, commune),
        )
        timed("list_loans, city view (ALL_COMMUNES)", lambda: loans.list_loans(s, ALL_COMMUNES))
        timed("list_borrowers", lambda: borrowers.list_borrowers(s, commune))
        timed("list_groups", lambda: groups.list_groups(s, commune))
        timed("list_checks", lambda: checks.list_checks(s, commune))
        timed(
            "loans_not_checked",
            lambda: checks.loans_not_checked(s, commune, today=TODAY),
        )
        timed(
            "indicator_table by group",
            lambda: (
                indicators.indicator_table(
                    s, indicators.Dimension.GROUP, owner=commune, as_of=TODAY
                ).rows
            ),
        )
    return list(rows)


def on_postgresql(database: Database, folder: Path) -> None:
    """The same reads from a copy of ``database`` on a throw-away PostgreSQL server."""
    from tests.bench.pg_copy import copy_to_server
    from tests.pg_server import start

    print("The same lists on PostgreSQL (a copy of the same database)")
    server = start()
    try:
        copy = copy_to_server(database, server, folder)
        for run in (1, 2):
            print(f"  run {run}")
            read_lists(copy)
        copy.close()
    finally:
        server.stop()


def city_scale(folder: Path, loans_wanted: int, *, postgresql: bool = False) -> None:
    print(f"Lists over ~{loans_wanted:,} loans (one commune database)")
    database = Database.open(AppPaths(folder))
    with database.transaction() as s:
        set_up_office(s, OfficeMode.COMMUNE, commune_code="31120")
    scale = demo.DemoScale(
        borrowers=max(loans_wanted * 100 // 172, 50),
        groups=400,
        hamlets=20,
        contributions_per_year=5,
    )
    with database.transaction() as s:
        timed("demo data", lambda: demo.generate(s, scale=scale, today=TODAY))
    with database.engine.connect() as connection:
        # the state after the next start: the write-ahead log folded into the database
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    rows = read_lists(database)
    from PySide6.QtWidgets import QApplication

    from desktop.ui.loans.loans_tab import LoansTab

    app = QApplication.instance() or QApplication([])
    assert app is not None
    columns = LoansTab.columns.fget(  # type: ignore[attr-defined]
        type("Probe", (), {"commune_column": lambda self, _v: [], "context": None})()
    )
    from desktop.ui.table_model import RowTableModel, prepare_rows

    kit: RowTableModel[Any] = RowTableModel(columns)
    timed("kit table model: set_rows (search texts)", lambda: kit.set_rows(rows))
    model: RowTableModel[Any] = RowTableModel(columns)
    prepared = timed("loans tab: search texts (worker thread)", lambda: prepare_rows(columns, rows))
    timed("loans tab: rows into the model (GUI thread)", lambda: model.set_prepared(prepared))
    for text in ("n", "ng", "nguy", "nguyen", "nguyen v", "nguyen van a"):
        timed(f"table model: filter {text!r}", lambda t=text: model.set_query(t))
    model.set_query("")
    timed("table model: sort by amount", lambda: model.sort(9))
    timed("table model: sort by borrower (Vietnamese order)", lambda: model.sort(1))
    timed("table model: sort by programme", lambda: model.sort(4))
    if postgresql:
        print("  again on SQLite (warm)")
        read_lists(database)
        on_postgresql(database, folder / "postgresql")
    database.close()


def bank_list(path: Path, rows: int) -> Path:
    rng = random.Random(7)
    workbook = Workbook()
    ws = workbook.active
    ws.append(["NGÂN HÀNG CHÍNH SÁCH XÃ HỘI"])
    ws.append(["DANH SÁCH KHÁCH HÀNG VAY VỐN ĐẾN NGÀY 31/10/2026"])
    ws.append(["ĐVT: đồng"])
    ws.append([])
    ws.append(
        [
            "STT",
            "Số HĐ",
            "Họ và tên",
            "Số CCCD",
            "Năm sinh",
            "Giới tính",
            "Khu vực",
            "Chương trình",
            "Hội",
            "Tổ TK&VV",
            "Số tiền vay",
            "Ngày giải ngân",
            "Dư nợ",
            "Quá hạn",
            "Mục đích",
        ]
    )
    programmes = ("Hộ nghèo", "Hộ cận nghèo", "GQVL", "NS&VSMT", "HSSV", "Hộ mới thoát nghèo")
    orgs = ("Hội Nông dân", "Hội Phụ nữ", "Hội Cựu chiến binh", "Đoàn Thanh niên")
    for n in range(1, rows + 1):
        male = rng.random() < 0.5
        year = rng.randint(1955, 1999)
        family = rng.choice(names.FAMILY_NAMES)
        given = rng.choice(names.GIVEN_NAMES_MALE if male else names.GIVEN_NAMES_FEMALE)
        cid = f"092{(0 if male else 1)}{year % 100:02d}{n:06d}"
        amount = rng.randint(10, 100) * 1_000_000
        disbursed = date(2021, 1, 1) + timedelta(days=rng.randint(0, 1_900))
        outstanding = amount * rng.randint(30, 100) // 100 // 100_000 * 100_000
        overdue = min(outstanding, 5_000_000) if rng.random() < 0.03 else 0
        ws.append(
            [
                n,
                f"KU{n:07d}",
                f"{family} Văn {given}" if male else f"{family} Thị {given}",
                int(cid) if n % 3 == 0 else cid,
                year,
                "Nam" if male else "Nữ",
                f"Khu vực {rng.randint(1, 12)}",
                rng.choice(programmes),
                rng.choice(orgs),
                f"Tổ {rng.randint(1, 60)}",
                f"{amount:,}".replace(",", ".") if n % 2 else amount,
                disbursed.strftime("%d/%m/%Y") if n % 2 else disbursed,
                outstanding,
                overdue,
                "Chăn nuôi",
            ]
        )
    ws.append([None, "Tổng cộng"])
    workbook.save(path)
    return path


def excel_import(folder: Path, rows: int) -> None:
    print(f"Import of a {rows:,}-row bank list")
    database = Database.open(AppPaths(folder))
    with database.transaction() as s:
        set_up_office(
            s,
            OfficeMode.COMMUNE,
            commune_code="31120",
            hamlets=[f"Khu vực {i}" for i in range(1, 13)],
        )
    path = timed("write the workbook (openpyxl)", lambda: bank_list(folder / "list.xlsx", rows))
    plan = timed("read the sheet, find headings, map columns", lambda: prepare(path))
    with database.transaction() as s:
        result = timed("preview (dry run)", lambda: run_import(s, plan, dry_run=True, today=TODAY))
    print(f"    {result.count(result.rows[0].outcome):,} × {result.rows[0].outcome.value}")
    with database.transaction() as s:
        result = timed(
            "import (new borrowers, loans, balances)", lambda: run_import(s, plan, today=TODAY)
        )
    print(
        f"    created {sum(1 for r in result.rows if r.outcome.value == 'created'):,}, "
        f"rejected {sum(1 for r in result.rows if r.outcome.value == 'rejected'):,}, "
        f"groups {result.groups_created}, balances {result.balances_written:,}"
    )
    with database.transaction() as s:
        again = timed("import the same list again", lambda: run_import(s, plan, today=TODAY))
    print(f"    unchanged {sum(1 for r in again.rows if r.outcome.value == 'unchanged'):,}")
    database.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loans", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    parser.add_argument(
        "--postgresql",
        action="store_true",
        help="also read the lists from a copy on a throw-away PostgreSQL server",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        if args.rows:
            excel_import(base / "import", args.rows)
        city_scale(base / "lists", args.loans, postgresql=args.postgresql)


if __name__ == "__main__":
    main()
