"""How long the report renderers take on big tables (not run by the test suite).

    python tests/bench/bench_report_render.py [ROWS]

A large commune supervises ~10 000 loans, so a list of loans not checked in 12 months can
run to thousands of rows; the city's per-commune tables have 103 rows each.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.enums import CommuneKind, OfficeMode
from desktop.core.office import OfficeInfo
from desktop.reports.letterhead import letterhead_for
from desktop.reports.model import Column, Report, Section, Table
from desktop.reports.pdf import write_pdf
from desktop.reports.workbook import write_workbook
from desktop.reports.xlsx_table import CellKind


def report(rows: int) -> Report:
    office = OfficeInfo(
        OfficeMode.COMMUNE,
        "31120",
        "Cái Khế",
        "Ủy ban nhân dân phường Cái Khế",
        "",
        "",
        CommuneKind.PHUONG,
    )
    body = [
        (
            f"Nguyễn Thị Hồng Nhung {i}",
            f"31120{i:07d}",
            "Hộ cận nghèo",
            "Tổ TK&VV số 12 - Hội Nông dân",
            12_345_000 + i,
            date(2024, 1 + i % 12, 1 + i % 28),
            Fraction(i % 100, 1000),
        )
        for i in range(rows)
    ]
    table = Table(
        "Danh sách khoản vay",
        "Khoản vay",
        [
            Column("Người vay", weight=3),
            Column("Số khế ước", weight=2),
            Column("Chương trình", weight=2),
            Column("Tổ TK&VV", weight=3),
            Column("Dư nợ", CellKind.MONEY, 2),
            Column("Ngày", CellKind.DATE, 1.5),
            Column("Tỷ lệ", CellKind.PERCENT, 1.2),
        ],
        body,
    )
    return Report(
        "Báo cáo",
        "Danh sách khoản vay",
        letterhead_for(office, issued_on=date(2026, 10, 5), recipients=["Lưu: VT"]),
        [Section("I. DANH SÁCH", [table])],
    )


def main(rows: int) -> None:
    data = report(rows)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        pdf = write_pdf(data, Path(tmp) / "r.pdf")
        middle = time.perf_counter()
        write_workbook(data, Path(tmp) / "r.xlsx")
        end = time.perf_counter()
        print(
            f"{rows} rows: PDF {middle - start:.2f} s ({pdf.stat().st_size:,} bytes), "
            f"Excel {end - middle:.2f} s"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
