"""Import of the bank's loan lists, against workbooks generated in the messy shapes real
lists come in: every bad row is reported with its Excel row number and the reason, good
rows are imported, importing again updates instead of duplicating, and a failed import
leaves nothing behind."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from db.enums import HouseholdCategory, Sex
from db.models import AuditEntry, Borrower, Loan, LoanBalance, SavingsGroup
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.loans.balances import balance_history
from desktop.core.loans.excel_import import (
    M_CITY,
    ImportField,
    ImportPlan,
    ImportResult,
    RowOutcome,
    balances_text,
    check_plan,
    load_mappings,
    prepare,
    run_import,
    save_mapping,
)
from desktop.core.loans.loans import list_loans
from desktop.core.owners import Scope
from desktop.core.records import RecordStore, current_change_seq
from tests.excel_lists import flat_row, merged_row, owing_row, write_flat, write_merged, write_owing
from tests.loans_data import person_cid

M = 1_000_000
END = date(2025, 12, 31)
AN = person_cid(1985, Sex.MALE, 12345)  # 092085012345: 11 digits once Excel drops the 0
BINH = person_cid(1990, Sex.FEMALE, 123456)
CUONG = person_cid(1970, Sex.MALE, 777)
DUNG = person_cid(1995, Sex.FEMALE, 111)


def counts(db: Database) -> tuple[int, int, int, int]:
    with db.reading() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m).where(m.deleted_at.is_(None))) or 0)
            for m in (SavingsGroup, Borrower, Loan, LoanBalance)
        )


def do_import(
    db: Database, path: Path, *, dry_run: bool = False, save_as: str | None = None, **kw: object
) -> ImportResult:
    with db.reading() as s:
        saved = load_mappings(s)
    plan = prepare(path, saved=saved, **kw)  # type: ignore[arg-type]
    with db.transaction() as s:
        return run_import(s, plan, dry_run=dry_run, save_as=save_as)


def by_row(result: ImportResult) -> dict[int, tuple[RowOutcome, str]]:
    return {r.row: (r.outcome, r.reason) for r in result.rows}


@pytest.fixture
def merged_list(tmp_path: Path) -> Path:
    return write_merged(
        tmp_path / "ds.xlsx",
        [
            ["Tổ 1 - Hội Nông dân - Khu vực 1"],  # row 8: a group heading inside the table
            merged_row(
                1,
                "HD001",
                "Nguyễn Văn An",
                int(AN),
                1985,
                None,
                "Khu vực 1",
                "Hộ nghèo",
                "Hội Nông dân",
                "50.000.000",
                "05/02/2025",
                40 * M,
            ),
            merged_row(
                2,
                "HD002",
                "Trần Thị Bình",
                BINH,
                None,
                1990,
                "KV2",
                "GQVL",
                "PN",
                "30,000,000",
                45_700,
                "25.000.000",
                "5.000.000",
                "-",
            ),
            merged_row(
                3,
                "HD003",
                "Lê Văn Cường",
                "12345",
                1970,
                None,
                "Khu vực 1",
                "Nước sạch",
                "CCB",
                20 * M,
                datetime(2024, 3, 1),
                10 * M,
            ),
            None,  # row 12: blank
            merged_row(
                4,
                "HD004",
                "Phạm Thị Dung",
                DUNG,
                None,
                1995,
                "Ấp Lạ",
                "HSSV",
                "ĐTN",
                40 * M,
                "01/06/2024",
                30 * M,
            ),
            merged_row(
                5,
                "HD005",
                "Võ Văn Em",
                person_cid(1980, Sex.MALE, 5),
                1980,
                None,
                "Khu vực 2",
                "Cho vay trâu bò",
                "HND",
                10 * M,
                "01/06/2024",
                5 * M,
            ),
            merged_row(
                6,
                "HD006",
                "Đỗ Thị Gấm",
                person_cid(1988, Sex.FEMALE, 6),
                None,
                1988,
                "Khu vực 2",
                "HCN",
                "HPN",
                "abc",
                "31/02/2025",
                5 * M,
            ),
            merged_row(
                7,
                "HD001",
                "Nguyễn Văn An",
                int(AN),
                1985,
                None,
                "Khu vực 1",
                "Hộ nghèo",
                "Hội Nông dân",
                50 * M,
                "05/02/2025",
                40 * M,
            ),
            merged_row(
                8,
                "HD008",
                "",
                person_cid(1981, Sex.MALE, 8),
                1981,
                None,
                "Khu vực 1",
                "HN",
                "HND",
                10 * M,
                "01/01/2025",
                10 * M,
            ),
            merged_row(
                9,
                "HD009",
                "Hồ Văn Hải",
                person_cid(1979, Sex.MALE, 9),
                1977,
                None,
                "Khu vực 1",
                "HN",
                "HND",
                10 * M,
                "01/01/2025",
                10 * M,
            ),
            merged_row(
                10,
                "HD010",
                "Lý Thị Kim",
                person_cid(1975, Sex.FEMALE, 10),
                None,
                1975,
                "Khu vực 1",
                "HN",
                "HND",
                10 * M,
                "01/01/2025",
                8 * M,
                5 * M,
            ),
        ],
    )


def test_messy_list(commune_db: Database, merged_list: Path, vi_app: object) -> None:
    plan = prepare(merged_list)
    assert plan.table.header_rows == (5, 6)
    assert plan.as_of == END and plan.unit == 1
    assert plan.columns[ImportField.BIRTH_YEAR_FEMALE] == 5
    assert plan.columns[ImportField.OVERDUE] == 12
    result = do_import(commune_db, merged_list)
    rows = by_row(result)
    assert rows[8] == (RowOutcome.SKIPPED, "Dòng tiêu đề trong bảng.")
    assert rows[9][0] is rows[10][0] is RowOutcome.CREATED
    assert rows[11] == (RowOutcome.REJECTED, "Số CCCD: Số CCCD gồm đúng 12 chữ số (số này có 5).")
    assert 12 not in rows  # blank row
    assert rows[13][0] is RowOutcome.REJECTED and "«Ấp Lạ»" in rows[13][1]
    assert rows[14] == (
        RowOutcome.REJECTED,
        "Không nhận ra chương trình cho vay «Cho vay trâu bò».",
    )
    assert rows[15][0] is RowOutcome.REJECTED
    assert "«abc» không phải là số tiền" in rows[15][1]
    assert "Ngày 31/02/2025 không có: tháng 2 năm 2025 có 28 ngày" in rows[15][1]
    assert rows[16] == (RowOutcome.REJECTED, "Khoản vay này đã có ở dòng 9 của danh sách.")
    assert rows[17] == (RowOutcome.REJECTED, "Họ tên người vay: Không được để trống.")
    # the column says 1977, the ID says 1979: imported as the ID says, with a warning
    hai = next(r for r in result.rows if r.row == 18)
    assert hai.outcome is RowOutcome.CREATED and hai.reason == ""
    assert hai.warning.startswith("Danh sách ghi năm sinh 1977, số CCCD")
    assert "cho biết 1979" in hai.warning
    assert rows[19][0] is RowOutcome.REJECTED and "13.000.000" in rows[19][1]
    assert rows[20][1] == "Dòng tổng cộng."
    assert result.count(RowOutcome.CREATED) == 3 and result.count(RowOutcome.REJECTED) == 7
    assert result.warnings == 1
    with commune_db.reading() as s:
        an = s.scalars(select(Borrower).where(Borrower.full_name == "Nguyễn Văn An")).one()
        binh = s.scalars(select(Borrower).where(Borrower.full_name == "Trần Thị Bình")).one()
        loans = {r.contract_no: r for r in list_loans(s, Scope.commune("31120"), as_of=END)}
    assert an.citizen_id == AN and (an.birth_year, an.sex) == (1985, Sex.MALE)
    assert (binh.birth_year, binh.sex) == (1990, Sex.FEMALE)
    assert an.household_category is HouseholdCategory.KHAC
    hd1, hd2 = loans["HD001"], loans["HD002"]
    assert (hd1.amount_disbursed, hd1.disbursed_on, hd1.outstanding) == (
        50 * M,
        date(2025, 2, 5),
        40 * M,
    )
    assert (hd1.programme_code, hd1.organisation_code, hd1.rate_bp) == ("HN", "HND", 660)
    assert hd2.disbursed_on == date(2025, 2, 12)  # Excel serial 45700
    assert (hd2.amount_disbursed, hd2.current_amount, hd2.overdue_amount, hd2.frozen_amount) == (
        30 * M,
        25 * M,
        5 * M,
        0,
    )
    assert hd2.balance_as_of == END and hd2.hamlet_name == "Khu vực 2"


def test_reimport_updates_instead_of_duplicating(
    commune_db: Database, tmp_path: Path, vi_app: object
) -> None:
    rows = [
        flat_row(1, "HD1", "Nguyễn Văn An", AN, birth=1985, sex="Nam"),
        flat_row(
            2,
            "HD2",
            "Trần Thị Bình",
            BINH,
            birth=1990,
            sex="Nữ",
            hamlet="Khu vực 2",
            programme="GQVL",
            org="HPN",
            group="Tổ 2",
            amount=30 * M,
            outstanding=30 * M,
        ),
    ]
    first = do_import(commune_db, write_flat(tmp_path / "a.xlsx", rows))
    assert [r.outcome for r in first.rows] == [RowOutcome.CREATED] * 2 + [RowOutcome.SKIPPED]
    assert first.groups_created == 2 and first.borrowers_created == 2
    before = counts(commune_db)
    assert before == (2, 2, 2, 2)
    again = do_import(commune_db, write_flat(tmp_path / "a.xlsx", rows))
    assert [r.outcome for r in again.rows][:2] == [RowOutcome.UNCHANGED] * 2
    assert counts(commune_db) == before
    # the same list corrected: the balance of the same date is updated, the audit keeps it
    rows[0] = flat_row(
        1,
        "HD1",
        "Nguyễn Văn An",
        AN,
        birth=1985,
        sex="Nam",
        outstanding=38 * M,
        overdue=2 * M,
        overdue_since="01/11/2025",
    )
    fixed = do_import(commune_db, write_flat(tmp_path / "b.xlsx", rows))
    assert by_row(fixed)[4] == (RowOutcome.UPDATED, "Đã thay đổi: số dư.")
    assert by_row(fixed)[5][0] is RowOutcome.UNCHANGED
    assert counts(commune_db) == before
    # the next month's list: a new snapshot, the old one kept
    later = write_flat(
        tmp_path / "c.xlsx",
        [flat_row(1, "HD1", "Nguyễn Văn An", AN, birth=1985, sex="Nam", outstanding=35 * M)],
        title=("DANH SÁCH ĐẾN NGÀY 31/01/2026",),
    )
    assert by_row(do_import(commune_db, later))[4][0] is RowOutcome.UPDATED
    with commune_db.reading() as s:
        loan_id = s.scalars(select(Loan.id).where(Loan.contract_no == "HD1")).one()
        history = [(b.as_of, b.outstanding, b.overdue_amount) for b in balance_history(s, loan_id)]
        balance_audit = s.scalar(
            select(func.count()).where(AuditEntry.record_type == "loan_balance")
        )
    assert history == [(date(2026, 1, 31), 35 * M, 0), (END, 38 * M, 2 * M)]
    assert balance_audit == 4  # 2 created, 1 corrected, 1 created


def test_match_without_contract_number(commune_db: Database, tmp_path: Path) -> None:
    """No contract number: the loan is the borrower's (citizen ID) loan of that programme
    disbursed that day."""
    rows = [flat_row(1, "", "Nguyễn Văn An", AN, birth=1985)]
    do_import(commune_db, write_flat(tmp_path / "a.xlsx", rows))
    rows = [flat_row(1, "", "Nguyễn Văn An", AN, birth=1985, outstanding=20 * M)]
    result = do_import(commune_db, write_flat(tmp_path / "b.xlsx", rows))
    assert result.rows[0].outcome is RowOutcome.UPDATED
    assert counts(commune_db)[2] == 1
    rows = [flat_row(1, "", "Nguyễn Văn An", "", birth=1985)]
    result = do_import(commune_db, write_flat(tmp_path / "c.xlsx", rows))
    assert result.rows[0].outcome is RowOutcome.REJECTED
    assert "số hợp đồng" in result.rows[0].reason.lower() or "contract" in result.rows[0].reason


def test_one_person_twice_without_citizen_id(commune_db: Database, tmp_path: Path) -> None:
    """Two loans of one person on a list without citizen IDs: one borrower (the same name,
    year of birth and hamlet), two loans."""
    rows = [
        flat_row(1, "HD1", "Nguyễn Văn An", "", birth=1985),
        flat_row(2, "HD2", "Nguyễn Văn An", "", birth=1985, programme="GQVL"),
    ]
    result = do_import(commune_db, write_flat(tmp_path / "a.xlsx", rows))
    assert result.count(RowOutcome.CREATED) == 2 and result.borrowers_created == 1
    assert counts(commune_db)[1:3] == (1, 2)


def test_a_rejected_row_leaves_nothing_behind(commune_db: Database, tmp_path: Path) -> None:
    """A row rejected late (its balance is more than its amount) creates neither its
    borrower nor the group it names."""
    rows = [flat_row(1, "HD1", "Nguyễn Văn An", AN, group="Tổ mới", outstanding=90 * M)]
    result = do_import(commune_db, write_flat(tmp_path / "a.xlsx", rows))
    assert result.count(RowOutcome.REJECTED) == 1
    assert (result.groups_created, result.borrowers_created) == (0, 0)
    assert counts(commune_db) == (0, 0, 0, 0)


def test_conflicts_with_recorded_people_are_rejected(
    commune_db: Database, tmp_path: Path, vi_app: object
) -> None:
    do_import(
        commune_db, write_flat(tmp_path / "a.xlsx", [flat_row(1, "HD1", "Nguyễn Văn An", AN)])
    )
    rows = [
        flat_row(1, "HD1", "Trần Thị Bình", BINH, birth=1990),  # HD1 is An's loan
        flat_row(2, "HD9", "Nguyễn Văn Ân Khác", AN),  # An's citizen ID, another name
    ]
    result = do_import(commune_db, write_flat(tmp_path / "b.xlsx", rows))
    reasons = [r.reason for r in result.rows if r.outcome is RowOutcome.REJECTED]
    assert len(reasons) == 2
    assert "Nguyễn Văn An" in reasons[0] and AN in reasons[0]
    assert reasons[1].startswith(f"Số CCCD {AN} đã ghi cho Nguyễn Văn An")


def test_outstanding_total_with_parts(commune_db: Database, tmp_path: Path, vi_app: object) -> None:
    rows = [
        flat_row(
            1,
            "HD1",
            "Nguyễn Văn An",
            AN,
            outstanding=40 * M,
            overdue=10 * M,
            overdue_since=date(2025, 9, 1),
        ),
        flat_row(2, "HD2", "Trần Thị Bình", BINH, outstanding=10 * M, overdue=8 * M, frozen=5 * M),
        flat_row(3, "HD3", "Lê Văn Cường", CUONG, outstanding=60 * M),
        flat_row(4, "HD4", "Phạm Thị Dung", DUNG, overdue=1 * M, overdue_since="01/01/2026"),
    ]
    result = by_row(do_import(commune_db, write_flat(tmp_path / "a.xlsx", rows)))
    assert result[4][0] is RowOutcome.CREATED
    assert result[5] == (
        RowOutcome.REJECTED,
        "Nợ quá hạn, nợ khoanh và các loại khác (13.000.000 đ) lớn hơn dư nợ (10.000.000 đ).",
    )
    assert result[6][0] is RowOutcome.REJECTED and "60.000.000 đ" in result[6][1]
    assert result[7][0] is RowOutcome.REJECTED and "Quá hạn từ ngày" in result[7][1]
    with commune_db.reading() as s:
        (loan,) = list_loans(s, Scope.commune("31120"), as_of=END)
    assert (loan.current_amount, loan.overdue_amount, loan.overdue_since) == (
        30 * M,
        10 * M,
        date(2025, 9, 1),
    )


def test_list_in_thousands_of_dong(commune_db: Database, tmp_path: Path, vi_app: object) -> None:
    path = write_merged(
        tmp_path / "k.xlsx",
        [
            merged_row(
                1,
                "HD1",
                "Nguyễn Văn An",
                AN,
                1985,
                None,
                "Khu vực 1",
                "HN",
                "HND",
                "50.000",
                "05/02/2025",
                "40.000,5",
                0,
                0,
            ),
            merged_row(
                2,
                "HD2",
                "Trần Thị Bình",
                BINH,
                None,
                1990,
                "Khu vực 1",
                "HN",
                "HND",
                30_000,
                "05/02/2025",
                30_000,
                0,
                0,
            ),
        ],
        unit="1.000 đồng",
    )
    plan = prepare(path)
    assert plan.unit == 1_000
    do_import(commune_db, path)
    with commune_db.reading() as s:
        loan = next(
            r for r in list_loans(s, Scope.commune("31120"), as_of=END) if r.contract_no == "HD1"
        )
    assert (loan.amount_disbursed, loan.outstanding) == (50 * M, 40_000_500)
    # the same numbers read as đồng are far too small for a loan
    with commune_db.transaction() as s:
        wrong = run_import(s, ImportPlan(plan.table, plan.columns, 1, END), dry_run=True)
    assert "«40.000,5» không phải là số tiền" in wrong.rows[0].reason
    assert "nghìn hoặc triệu đồng" in wrong.rows[1].reason


def test_dry_run_changes_nothing(commune_db: Database, merged_list: Path) -> None:
    with commune_db.reading() as s:
        seq = current_change_seq(s)
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    result = do_import(commune_db, merged_list, dry_run=True)
    assert result.dry_run and result.count(RowOutcome.CREATED) == 3
    assert counts(commune_db) == (0, 0, 0, 0)
    with commune_db.reading() as s:
        assert current_change_seq(s) == seq
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audits


def test_failed_import_leaves_nothing_half_done(
    commune_db: Database, merged_list: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = RecordStore.create_many

    def failing(self: RecordStore, model: type, rows: list[dict[str, object]]) -> list[str]:
        if model is LoanBalance:
            raise OSError("disk full")
        return real(self, model, rows)

    monkeypatch.setattr(RecordStore, "create_many", failing)
    with commune_db.reading() as s:
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(OSError, match="disk full"):
        do_import(commune_db, merged_list)
    assert counts(commune_db) == (0, 0, 0, 0)
    with commune_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audits


def test_mapping_is_remembered_for_lists_of_the_same_shape(
    commune_db: Database, tmp_path: Path
) -> None:
    headings = list(__import__("tests.excel_lists", fromlist=["FLAT_HEADINGS"]).FLAT_HEADINGS)
    headings[1] = "Mã món vay"  # a heading nobody would guess
    rows = [flat_row(1, "K-77", "Nguyễn Văn An", AN)]
    path = write_flat(tmp_path / "a.xlsx", rows, headings=headings)
    plan = prepare(path)
    assert ImportField.CONTRACT_NO not in plan.columns
    columns = {**plan.columns, ImportField.CONTRACT_NO: 1}
    with commune_db.transaction() as s:
        run_import(s, plan.with_columns(columns), save_as="PGD Ninh Kiều")
    nxt = write_flat(
        tmp_path / "b.xlsx", [flat_row(1, "K-78", "Trần Thị Bình", BINH)], headings=headings
    )
    with commune_db.reading() as s:
        saved = load_mappings(s)
    again = prepare(nxt, saved=saved)
    assert again.mapping_name == "PGD Ninh Kiều"
    assert again.columns[ImportField.CONTRACT_NO] == 1
    by_name = prepare(nxt, saved=saved, mapping_name="pgd ninh kiều")
    assert by_name.columns == again.columns
    other_shape = prepare(write_flat(tmp_path / "c.xlsx", rows), saved=saved)
    assert other_shape.mapping_name == ""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "Không có tệp"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Excel 97-2003"),
        (b"Ho ten;So tien\nAn;5000000\n", "không phải sổ tính Excel"),
        (b"PK\x03\x04broken", "không phải sổ tính Excel"),
    ],
)
def test_unusable_files(
    tmp_path: Path, vi_app: object, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "list.xlsx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        prepare(path)
    assert expected in caught.value.text()


def test_sheets_and_headings(tmp_path: Path, vi_app: object) -> None:
    rows = [flat_row(1, "HD1", "Nguyễn Văn An", AN)]
    path = write_flat(tmp_path / "a.xlsx", rows, sheet="Tháng 12", extra_sheets=["Ghi chú"])
    with pytest.raises(UserError) as caught:
        prepare(path, sheet="Tháng 11")
    assert "Tháng 12, Ghi chú" in caught.value.text()
    with pytest.raises(UserError) as caught:
        prepare(path, sheet="Ghi chú")
    assert "Không tìm thấy dòng tiêu đề cột" in caught.value.text()
    empty = write_flat(tmp_path / "b.xlsx", [], totals=False)
    with pytest.raises(UserError) as caught:
        prepare(empty)
    assert "không có dòng dữ liệu" in caught.value.text()
    workbook = Workbook()
    workbook.active["A1"] = "Họ và tên"
    workbook.active["B1"] = "Ghi chú"
    workbook.active["A2"] = "Nguyễn Văn An"
    workbook.save(tmp_path / "c.xlsx")
    plan = prepare(tmp_path / "c.xlsx")
    with pytest.raises(UserError) as caught:
        run_import_plan(plan)
    assert "Chương trình" in caught.value.text()
    assert "Số tiền giải ngân" not in caught.value.text()  # a list may not say it


def run_import_plan(plan: ImportPlan) -> None:
    check_plan(plan)


def test_balances_need_a_date(commune_db: Database, tmp_path: Path, vi_app: object) -> None:
    path = write_flat(tmp_path / "a.xlsx", [flat_row(1, "HD1", "Nguyễn Văn An", AN)], title=())
    plan = prepare(path)
    assert plan.as_of is None
    with commune_db.transaction() as s, pytest.raises(UserError) as caught:
        run_import(s, plan)
    assert "ngày" in caught.value.text()
    with commune_db.transaction() as s:
        result = run_import(s, ImportPlan(plan.table, plan.columns, 1, END))
    assert result.rows[0].outcome is RowOutcome.CREATED


def test_city_does_not_import(city_db: Database, merged_list: Path) -> None:
    with city_db.transaction() as s, pytest.raises(UserError) as caught:
        run_import(s, prepare(merged_list))
    assert caught.value.message is M_CITY


# -- lists of balances, and what the data say about themselves -------------------------------


def test_what_the_id_and_the_group_say_and_where_a_column_disagrees(
    commune_db: Database, tmp_path: Path, vi_app: object
) -> None:
    thu = person_cid(2002, Sex.FEMALE, 21)  # 4th digit 3: a woman born in the 2000s
    rows = [
        owing_row(1, "K1", "Nguyễn Văn An", int(AN)),  # nothing but the ID
        owing_row(2, "K2", "Trần Thị Thu", thu, group="Tổ 2 (Hội Liên hiệp Phụ nữ)"),
        owing_row(3, "K3", "Lê Văn Cường", CUONG, birth=1971, sex="Nữ"),
        owing_row(4, "K4", "Phạm Thị Dung", DUNG, org="Hội Nông dân", group="Tổ 4 - HPN"),
        owing_row(5, "K5", "Võ Văn Em", person_cid(1980, Sex.MALE, 5), group="Tổ 5 - CCB"),
        owing_row(6, "K6", "Đỗ Văn Phát", person_cid(1999, Sex.MALE, 6), group="Tổ 6 - ĐTN"),
    ]
    result = do_import(commune_db, write_owing(tmp_path / "a.xlsx", rows))
    assert [r.outcome for r in result.rows[:6]] == [RowOutcome.CREATED] * 6
    warned = {r.row: r.warning for r in result.rows if r.warning}
    assert set(warned) == {6, 7}  # Excel rows of K3 and K4
    assert warned[6] == (
        "Danh sách ghi năm sinh 1971, số CCCD 092070000777 cho biết 1970: đã ghi theo số CCCD; "
        "hãy kiểm tra lại giấy tờ của người vay. Danh sách ghi giới tính nữ, số CCCD "
        "092070000777 cho biết nam: đã ghi theo số CCCD; hãy kiểm tra lại giấy tờ của người vay."
    )
    assert warned[7] == (
        "Cột hội đoàn thể ghi Hội Nông dân, còn tổ «Tổ 4 - HPN» thuộc Hội Phụ nữ: khoản vay "
        "được ghi theo Hội Nông dân; hãy kiểm tra lại bên nào đúng."
    )
    with commune_db.reading() as s:
        people = {b.full_name: (b.birth_year, b.sex) for b in s.scalars(select(Borrower))}
        groups = {g.name: g.organisation_code for g in s.scalars(select(SavingsGroup))}
        loans = {
            r.contract_no: r.organisation_code
            for r in list_loans(s, Scope.commune("31120"), as_of=END)
        }
    assert people == {
        "Nguyễn Văn An": (1985, Sex.MALE),
        "Trần Thị Thu": (2002, Sex.FEMALE),
        "Lê Văn Cường": (1970, Sex.MALE),
        "Phạm Thị Dung": (1995, Sex.FEMALE),
        "Võ Văn Em": (1980, Sex.MALE),
        "Đỗ Văn Phát": (1999, Sex.MALE),
    }
    assert groups == {
        "Tổ TK&VV khu vực 1 - HND": "HND",
        "Tổ 2 (Hội Liên hiệp Phụ nữ)": "HPN",
        "Tổ 4 - HPN": "HPN",
        "Tổ 5 - CCB": "CCB",
        "Tổ 6 - ĐTN": "DTN",
    }
    assert loans == {"K1": "HND", "K2": "HPN", "K3": "HND", "K4": "HND", "K5": "CCB", "K6": "DTN"}


def test_a_list_of_balances_keeps_what_it_does_not_say(
    commune_db: Database, tmp_path: Path, vi_app: object
) -> None:
    """A loan recorded with its amount keeps it when a list of balances (no amount column)
    updates it; a list with overdue amounts but no outstanding column is refused; an empty
    balance is not a zero one; a loan not yet recorded needs the new-loan columns."""
    do_import(
        commune_db, write_flat(tmp_path / "a.xlsx", [flat_row(1, "HD1", "Nguyễn Văn An", AN)])
    )
    headings = ["STT", "Số khế ước", "Họ và tên", "Dư nợ", "Nợ quá hạn"]
    rows: list[list[object] | None] = [
        [1, "HD1", "Nguyễn Văn An", 30 * M, 5 * M],
        [2, "HD2", "Trần Thị Bình", 20 * M, None],  # not recorded, and no programme column
        [3, "HD1", "Nguyễn Văn An", 30 * M, None],
    ]
    path = write_flat(
        tmp_path / "b.xlsx", rows, headings=headings, title=("DƯ NỢ ĐẾN NGÀY 31/01/2026",)
    )
    result = by_row(do_import(commune_db, path))
    assert result[4] == (RowOutcome.UPDATED, "Đã thay đổi: số dư.")
    assert result[5] == (
        RowOutcome.REJECTED,
        "Khoản vay này chưa có trong TDCS, mà danh sách không có cột Chương trình, Ngày giải "
        "ngân để ghi mới.",
    )
    assert result[6] == (RowOutcome.REJECTED, "Khoản vay này đã có ở dòng 4 của danh sách.")
    with commune_db.reading() as s:
        (loan,) = list_loans(s, Scope.commune("31120"), as_of=date(2026, 1, 31))
    assert (loan.amount_disbursed, loan.outstanding, loan.overdue_amount) == (50 * M, 30 * M, 5 * M)
    # an empty outstanding cell: nobody said what is owed
    rows = [[1, "HD1", "Nguyễn Văn An", None, 5 * M]]
    path = write_flat(
        tmp_path / "c.xlsx", rows, headings=headings, title=("DƯ NỢ ĐẾN NGÀY 28/02/2026",)
    )
    assert by_row(do_import(commune_db, path))[4] == (
        RowOutcome.REJECTED,
        "Dư nợ (tổng): Không được để trống.",
    )
    # overdue without the outstanding: refused before any row is read
    plan = prepare(path)
    del plan.columns[ImportField.OUTSTANDING]
    with pytest.raises(UserError) as caught:
        check_plan(plan)
    assert caught.value.text().startswith(
        "Danh sách có Nợ quá hạn nhưng không có cột dư nợ (Dư nợ) hoặc nợ trong hạn"
    )
    # the balance column taken for the amount disbursed: refused, and said why
    plan.columns[ImportField.AMOUNT] = 3
    with pytest.raises(UserError) as caught:
        check_plan(plan)
    assert caught.value.text() == (
        "Cột D «Dư nợ» là số dư, không phải số tiền giải ngân. Hãy chọn «Dư nợ (tổng)» cho cột "
        "này; số tiền giải ngân có thể để trống (chưa rõ)."
    )


def test_a_saved_mapping_of_a_balance_list_works_next_time(
    commune_db: Database, tmp_path: Path, vi_app: object
) -> None:
    """Saved without an amount, the mapping opens the next list of that shape; one saved the
    old way round (the balance column taken for the amount) is read as the balance."""
    rows = [owing_row(1, "K1", "Nguyễn Văn An", AN)]
    first = write_owing(tmp_path / "a.xlsx", rows)
    plan = prepare(first)
    assert ImportField.AMOUNT not in plan.columns
    columns = {f: i for f, i in plan.columns.items() if f is not ImportField.OVERDUE}
    with commune_db.transaction() as s:
        run_import(s, plan.with_columns(columns), save_as="PGD Phong Điền")
    nxt = write_owing(
        tmp_path / "b.xlsx",
        [owing_row(1, "K1", "Nguyễn Văn An", AN, outstanding=35 * M, overdue=1 * M)],
        title=("DƯ NỢ ĐẾN NGÀY 31/01/2026",),
    )
    result = do_import(commune_db, nxt)
    assert result.rows[0].outcome is RowOutcome.UPDATED
    with commune_db.reading() as s:
        again = prepare(nxt, saved=load_mappings(s))
        (loan,) = list_loans(s, Scope.commune("31120"), as_of=date(2026, 1, 31))
    assert again.mapping_name == "PGD Phong Điền"
    assert ImportField.OVERDUE not in again.columns  # left out by the clerk, left out again
    assert (loan.outstanding, loan.overdue_amount, loan.amount_disbursed) == (35 * M, 0, None)
    # the way round the old rule: "Dư nợ" saved as the amount disbursed
    table = again.table
    broken = {**again.columns, ImportField.AMOUNT: 10}
    del broken[ImportField.OUTSTANDING]
    with commune_db.transaction() as s:
        save_mapping(s, "PGD Phong Điền", table, broken, 1)
        repaired = prepare(nxt, saved=load_mappings(s))
    assert repaired.columns[ImportField.OUTSTANDING] == 10
    assert ImportField.AMOUNT not in repaired.columns
    assert repaired.notes == (
        "Cách ghép cột đã lưu lấy cột K «Dư nợ» làm số tiền giải ngân; nay cột này được đọc "
        "là «Dư nợ (tổng)».",
    )
    check_plan(repaired)


def test_the_lists_totals_row_is_compared_with_its_rows(
    commune_db: Database, tmp_path: Path, vi_app: object
) -> None:
    """Sub-totals of groups are skipped and are not the list's total; the grand total is,
    and a difference (here a rejected row, and a total the bank typed wrong) is said."""
    subtotal: list[object] = [None, "Cộng tổ 1", *[None] * 8, 70 * M, 5 * M]
    rows: list[list[object] | None] = [
        owing_row(1, "K1", "Nguyễn Văn An", AN),
        owing_row(2, "K2", "Trần Thị Bình", BINH, outstanding=30 * M, overdue=5 * M),
        subtotal,
        ["Tổ 2 - HPN"],
        owing_row(3, "K3", "Lê Văn Cường", CUONG, outstanding="abc"),
    ]
    result = do_import(
        commune_db,
        write_owing(tmp_path / "a.xlsx", rows, title=("DƯ NỢ ĐẾN NGÀY 31/01/2026",)),
    )
    reasons = {r.row: r.reason for r in result.rows if r.outcome is RowOutcome.SKIPPED}
    assert reasons == {
        6: "Dòng tổng cộng.",
        7: "Dòng tiêu đề trong bảng.",
        9: "Dòng tổng cộng.",
    }
    assert result.totals_match is False
    assert balances_text(result) == (
        "Dư nợ ngày 31/01/2026 nhận từ danh sách: 2 khoản vay, dư nợ 70.000.000 đ, quá hạn "
        "5.000.000 đ (7,14 %). Dòng tổng cộng của danh sách ghi dư nợ 999.999.999 đ, quá hạn "
        "0 đ: hãy xem các dòng bị từ chối."
    )
