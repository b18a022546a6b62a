"""Bank loan lists generated for the import tests, in the messy shapes real ones come in.
Every name and ID number is synthetic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

#: The tidy shape: one heading row.
FLAT_HEADINGS = [
    "STT",
    "Số hợp đồng",
    "Họ và tên",
    "Số CCCD",
    "Năm sinh",
    "Giới tính",
    "Khu vực",
    "Chương trình",
    "Hội đoàn thể",
    "Tổ TK&VV",
    "Số tiền vay (đồng)",
    "Ngày giải ngân",
    "Ngày đến hạn",
    "Dư nợ",
    "Quá hạn",
    "Khoanh",
    "Ngày quá hạn",
    "Mục đích sử dụng vốn",
]


def flat_row(
    n: int,
    contract: str,
    name: str,
    cid: Any,
    *,
    birth: Any = None,
    sex: str = "",
    hamlet: str = "Khu vực 1",
    programme: str = "Hộ nghèo",
    org: str = "Hội Nông dân",
    group: str = "Tổ 1",
    amount: Any = 50_000_000,
    disbursed: Any = "05/02/2025",
    maturity: Any = None,
    outstanding: Any = 40_000_000,
    overdue: Any = 0,
    frozen: Any = 0,
    overdue_since: Any = None,
    purpose: str = "Chăn nuôi bò",
) -> list[Any]:
    return [
        n,
        contract,
        name,
        cid,
        birth,
        sex,
        hamlet,
        programme,
        org,
        group,
        amount,
        disbursed,
        maturity,
        outstanding,
        overdue,
        frozen,
        overdue_since,
        purpose,
    ]


def write_flat(
    path: Path,
    rows: Sequence[Sequence[Any] | None],
    *,
    title: Sequence[str] = ("DANH SÁCH KHÁCH HÀNG VAY VỐN ĐẾN NGÀY 31/12/2025",),
    headings: Sequence[str] = FLAT_HEADINGS,
    sheet: str = "Danh sách",
    extra_sheets: Sequence[str] = (),
    totals: bool = True,
) -> Path:
    """Title lines merged across the table, one heading row, the rows (``None`` = a blank
    row), and a totals row."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    width = len(headings)
    r = 1
    for line in title:
        ws.cell(r, 1, line)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
    r += 1
    for c, heading in enumerate(headings, 1):
        ws.cell(r, c, heading)
    for row in rows:
        r += 1
        for c, value in enumerate(row or [], 1):
            ws.cell(r, c, value)
    if totals:
        r += 1
        ws.cell(r, 2, "Tổng cộng")
        ws.cell(r, 11, 999_999_999)
    for name in extra_sheets:
        workbook.create_sheet(name)
    workbook.save(path)
    return path


def write_merged(path: Path, rows: Sequence[Sequence[Any] | None], *, unit: str = "đồng") -> Path:
    """The shape transaction offices print: bank name and title rows, headings on two rows
    under merged group headings ("Năm sinh" over Nam | Nữ, "Dư nợ" over Trong hạn | Quá hạn
    | Khoanh), a row of column numbers, a heading row per group inside the table, a totals
    row at the bottom.

    Columns: A STT, B Số HĐ, C Họ và tên, D Số CCCD, E/F Năm sinh Nam/Nữ, G Ấp/KV,
    H Chương trình, I Hội, J Số tiền vay, K Ngày giải ngân, L/M/N Dư nợ trong hạn/quá
    hạn/khoanh.
    """
    workbook = Workbook()
    ws = workbook.active
    ws.title = "DS vay"
    ws["A1"] = "NGÂN HÀNG CHÍNH SÁCH XÃ HỘI - PGD QUẬN NINH KIỀU"
    ws.merge_cells("A1:N1")
    ws["A2"] = "DANH SÁCH HỘ VAY VỐN ĐẾN NGÀY 31 THÁNG 12 NĂM 2025"
    ws.merge_cells("A2:N2")
    ws["A3"] = f"ĐVT: {unit}"
    top = [
        "STT",
        "Số HĐ",
        "Họ và tên",
        "Số CCCD",
        "Năm sinh",
        None,
        "Ấp/KV",
        "Chương trình",
        "Hội",
        "Số tiền vay",
        "Ngày giải ngân",
        "Dư nợ",
        None,
        None,
    ]
    for c, value in enumerate(top, 1):
        ws.cell(5, c, value)
    for c, value in ((5, "Nam"), (6, "Nữ"), (12, "Trong hạn"), (13, "Quá hạn"), (14, "Khoanh")):
        ws.cell(6, c, value)
    ws.merge_cells("E5:F5")
    ws.merge_cells("L5:N5")
    for c in (1, 2, 3, 4, 7, 8, 9, 10, 11):
        letter = get_column_letter(c)
        ws.merge_cells(f"{letter}5:{letter}6")
    for c in range(1, 15):
        ws.cell(7, c, f"({c})")
    r = 7
    for row in rows:
        r += 1
        for c, value in enumerate(row or [], 1):
            ws.cell(r, c, value)
    ws.cell(r + 1, 1, "Cộng")
    ws.cell(r + 1, 10, 123)
    workbook.save(path)
    return path


def merged_row(
    n: Any,
    contract: str,
    name: str,
    cid: Any,
    male: Any,
    female: Any,
    hamlet: str,
    programme: str,
    org: str,
    amount: Any,
    disbursed: Any,
    current: Any,
    overdue: Any = 0,
    frozen: Any = 0,
) -> list[Any]:
    return [
        n,
        contract,
        name,
        cid,
        male,
        female,
        hamlet,
        programme,
        org,
        amount,
        disbursed,
        current,
        overdue,
        frozen,
    ]


#: A transaction office's list of loans still owing (danh sách dư nợ): no disbursed amount,
#: the date in a title row, the group's name carrying its organisation, IDs typed as numbers.
BALANCE_HEADINGS = [
    "STT",
    "Tên khách hàng",
    "Số CMND/CCCD",
    "Tên tổ TK&VV",
    "Chương trình cho vay",
    "Số khế ước",
    "Ngày vay",
    "Hạn trả cuối",
    "Dư nợ",
    "Trong đó: Nợ quá hạn",
]


@dataclass(frozen=True)
class OwingLoan:
    """One row of a danh sách dư nợ (``cid`` as the cell holds it: often a number)."""

    name: str
    cid: Any
    group: str
    programme: str
    contract: str
    disbursed: Any
    maturity: Any
    outstanding: Any
    overdue: Any = None

    def cells(self, n: int) -> list[Any]:
        return [
            n,
            self.name,
            self.cid,
            self.group,
            self.programme,
            self.contract,
            self.disbursed,
            self.maturity,
            self.outstanding,
            self.overdue,
        ]


def write_balance_list(
    path: Path,
    loans: Sequence[OwingLoan],
    *,
    as_of_line: str = "Xã Nhơn Ái - Dư nợ tính đến ngày 20/09/2026",
    totals: tuple[Any, Any] | None = None,
) -> Path:
    """The bank's title block (the date in its fourth line), headings on one row with a row
    of column numbers under them, the loans, a totals row merged over the first columns
    (``totals``: outstanding and overdue as the bank printed them, default their sums), and
    the place, date and signatures below it."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = "DuNo"
    width = len(BALANCE_HEADINGS)
    for r, line in enumerate(
        (
            "NGÂN HÀNG CHÍNH SÁCH XÃ HỘI",
            "PHÒNG GIAO DỊCH HUYỆN PHONG ĐIỀN",
            "DANH SÁCH KHÁCH HÀNG CÒN DƯ NỢ",
            as_of_line,
            "ĐVT: đồng",
        ),
        1,
    ):
        ws.cell(r, 1, line)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    for c, heading in enumerate(BALANCE_HEADINGS, 1):
        ws.cell(7, c, heading)
        ws.cell(8, c, c)
    r = 8
    for n, loan in enumerate(loans, 1):
        r += 1
        for c, value in enumerate(loan.cells(n), 1):
            ws.cell(r, c, value)
    r += 1
    if totals is None:
        totals = (
            sum(int(x.outstanding or 0) for x in loans),
            sum(int(x.overdue) for x in loans if isinstance(x.overdue, int)),
        )
    ws.cell(r, 1, "Tổng cộng")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
    ws.cell(r, 9, totals[0])
    ws.cell(r, 10, totals[1])
    ws.cell(r + 2, 7, "Phong Điền, ngày 21 tháng 09 năm 2026")
    for c, text in ((2, "NGƯỜI LẬP BIỂU"), (5, "KIỂM SOÁT"), (8, "GIÁM ĐỐC")):
        ws.cell(r + 3, c, text)
    for c, text in ((2, "Trương Thị Kế"), (5, "Mai Văn Soát"), (8, "Tô Văn Đốc")):
        ws.cell(r + 7, c, text)
    workbook.save(path)
    return path


#: A list of balances with the borrower's year of birth, sex and organisation besides.
OWING_HEADINGS = [
    "STT",
    "Số khế ước",
    "Họ và tên",
    "Số CCCD",
    "Năm sinh",
    "Giới tính",
    "Hội đoàn thể",
    "Tổ TK&VV",
    "Chương trình",
    "Ngày vay",
    "Dư nợ",
    "Nợ quá hạn",
]


def owing_row(
    n: int,
    contract: str,
    name: str,
    cid: object,
    *,
    birth: object = None,
    sex: str = "",
    org: str = "",
    group: str = "Tổ TK&VV khu vực 1 - HND",
    programme: str = "Hộ nghèo",
    disbursed: object = "05/02/2025",
    outstanding: object = 40_000_000,
    overdue: object = None,
) -> list[object]:
    return [
        n,
        contract,
        name,
        cid,
        birth,
        sex,
        org,
        group,
        programme,
        disbursed,
        outstanding,
        overdue,
    ]


def write_owing(path: Path, rows: list[list[object] | None], **kw: object) -> Path:
    return write_flat(path, rows, headings=OWING_HEADINGS, **kw)  # type: ignore[arg-type]
