"""A transaction office's list of loans still owing (danh sách dư nợ) — no disbursed amount,
the date in a title row, a totals row, IDs typed as numbers, groups named "Tổ TK&VV ấp … -
HND" — imported the way a clerk does (Khoản vay → Nhập từ Excel…, and ``tdcs
import-excel``): afterwards the loan-quality figures for the list's date, on Khoản vay →
Chỉ tiêu and in the quarter's report, are the list's own totals, worked out by hand below.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.enums import Sex
from db.models import Borrower, Loan, SavingsGroup
from desktop.cli import main
from desktop.core.database import Database
from desktop.core.loans.excel_import import prepare, run_import
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.loans.loans import list_loans
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.paths import AppPaths
from desktop.sync.importer import Status
from desktop.ui.loans.import_wizard import ImportWizard
from desktop.ui.loans.page import LoansPage
from tests.clerk import (
    answering,
    click,
    context_of,
    fill,
    loaded,
    message_button,
    ok,
    open_file,
    save_as,
    save_button,
    type_text,
)
from tests.excel_lists import OwingLoan, owing_row, write_balance_list, write_owing
from tests.loans_data import person_cid
from tests.sync_support import World, template_db

M = 1_000_000
AS_OF = date(2026, 9, 20)
HND = "Tổ TK&VV ấp Thạnh Lợi - HND"
HPN = "Tổ TK&VV ấp Thạnh Hòa - HPN"
CCB = "Tổ TK&VV ấp Trường Thành - Hội Cựu chiến binh"
DTN = "Tổ TK&VV ấp Thạnh Lợi 2 - Đoàn Thanh niên"


def cid(year: int, sex: Sex, serial: int) -> int:
    """The ID as Excel keeps a number: the leading 0 of the province code is gone."""
    return int(person_cid(year, sex, serial))


MALE, FEMALE = Sex.MALE, Sex.FEMALE

#: Twelve loans still owing on 20/09/2026. By hand: outstanding 50 + 40 + 80 + 30 + 20 + 60 +
#: 70 + 100 + 45 + 25 + 15 + 35 = 570 million đồng; overdue 10 + 5 + 20 + 3,5 = 38,5 million;
#: 38,5 / 570 = 6,754 %. By organisation (from the groups' names): HND 185 (overdue 10),
#: HPN 145 (8,5), CCB 170 (20), ĐTN 70 (0).
OWING = [
    OwingLoan("Nguyễn Văn Tâm", cid(1978, MALE, 101), HND, "Hộ nghèo", "LD2403-0101",
              "15/03/2024", "15/03/2029", 50 * M),
    OwingLoan("Võ Thị Mai", cid(1990, FEMALE, 105), HPN, "NS&VSMT", "LD2301-0105",
              "12/01/2023", "12/01/2026", 20 * M, 5 * M),
    OwingLoan("Trần Thị Lan", cid(1985, FEMALE, 102), HND, "Hộ cận nghèo", "LD2404-0102",
              "10/04/2024", "10/04/2029", 40 * M, "-"),
    OwingLoan("Lê Văn Hùng", cid(1969, MALE, 103), HND, "Giải quyết việc làm", "LD2208-0103",
              "08/08/2022", "08/08/2025", 80 * M, 10 * M),
    OwingLoan("Phạm Thị Hoa", cid(2001, FEMALE, 104), HPN, "Học sinh sinh viên",
              "LD2109-0104", "06/09/2021", "06/09/2031", 30 * M),
    OwingLoan("Huỳnh Thị Ngọc", cid(1972, FEMALE, 106), HPN, "Hộ nghèo", "LD2505-0106",
              "20/05/2025", "20/05/2030", 60 * M, 0),
    OwingLoan("Đặng Văn Phúc", cid(1958, MALE, 107), CCB, "Hộ mới thoát nghèo",
              "LD2406-0107", "14/06/2024", "14/06/2029", 70 * M),
    OwingLoan("Bùi Văn Quang", cid(1962, MALE, 108), CCB, "GQVL", "LD2110-0108",
              "25/10/2021", "25/10/2024", 100 * M, 20 * M),
    OwingLoan("Ngô Văn Sơn", cid(2003, MALE, 109), DTN, "Giải quyết việc làm", "LD2602-0109",
              "03/02/2026", "03/02/2031", 45 * M),
    OwingLoan("Dương Thị Thu", cid(2004, FEMALE, 110), DTN, "HSSV", "LD2209-0110",
              "05/09/2022", "05/09/2032", 25 * M),
    OwingLoan("Lý Văn Út", person_cid(1980, MALE, 111), HND, "Nước sạch", "LD2511-0111",
              "18/11/2025", "18/11/2030", 15 * M),
    OwingLoan("Châu Thị Xuân", cid(1975, FEMALE, 112), HPN, "Hộ cận nghèo", "LD2303-0112",
              "02/03/2023", "02/03/2026", 35 * M, 3_500_000),
]  # fmt: skip
OUTSTANDING, OVERDUE, LOANS = 570 * M, 38_500_000, 12
BY_ORGANISATION = {
    "Hội Nông dân": (4, 185 * M, 10 * M),
    "Hội Phụ nữ": (4, 145 * M, 8_500_000),
    "Hội Cựu chiến binh": (2, 170 * M, 20 * M),
    "Đoàn Thanh niên": (2, 70 * M, 0),
}


def shown(label: QLabel) -> str:
    """What a label shows: "&&" is one "&" only where the label reads mnemonics."""
    text = label.text()
    return text.replace("&&", "&") if label.buddy() is not None else text


def run_wizard(
    qtbot: QtBot, wizard: ImportWizard, seen: dict[str, Any], *, commit: bool = True
) -> None:
    """The clerk's way through the wizard: choose the file, look at the columns, look at the
    preview, import, finish. What each page showed goes into ``seen``."""
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    click(wizard.file_page.browse)  # the open dialog is answered by the test
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    seen["as_of"] = wizard.file_page.as_of.text()
    seen["file info"] = wizard.file_page.info.text()
    click(next_button)
    page = wizard.mapping_page
    seen["columns"] = {
        index: combo.currentData() for index, combo in page.combos.items() if combo.currentData()
    }
    seen["needs"] = page.needs.text()
    seen["labels"] = [shown(label) for label in page.body.findChildren(QLabel)]
    click(next_button)
    qtbot.waitUntil(lambda: wizard.preview_page.done, timeout=15_000)
    preview = wizard.preview_page.results
    seen["preview"] = preview.summary.text()
    seen["preview rows"] = [(r.row, r.outcome.value, r.reason) for r in preview.model.all_rows()]
    seen["can import"] = wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    if not commit:
        click(wizard.button(QWizard.WizardButton.CancelButton))
        return
    click(wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=15_000)
    seen["result"] = wizard.result_page.results.summary.text()
    click(wizard.button(QWizard.WizardButton.FinishButton))


def indicator_totals(qtbot: QtBot, page: LoansPage, day: str, dimension: str) -> dict[str, Any]:
    """Khoản vay → Chỉ tiêu on ``day``: each row's label → what the clerk reads in it."""
    tab: Any = page.tab("indicators")
    tab.dimension.setCurrentIndex(tab.dimension.findData(dimension))
    tab.as_of.selectAll()
    type_text(tab.as_of, day)
    click(tab.show_button)
    qtbot.waitUntil(
        lambda: (
            tab.table is not None
            and tab.table.as_of.strftime("%d/%m/%Y") == day
            and tab.table.dimension.value == dimension
        ),
        timeout=10_000,
    )
    model = tab.model
    return {
        model.data(model.index(r, 0)): tuple(
            model.data(model.index(r, c)) for c in range(1, model.columnCount())
        )
        for r in range(model.rowCount())
    }


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def report_totals(path: Path, sheet: str) -> dict[str, tuple[Any, ...]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return {
            row[0]: tuple(row[1:])
            for row in workbook[sheet].iter_rows(values_only=True)
            if row and isinstance(row[0], str)
        }
    finally:
        workbook.close()


def test_a_balance_list_imported_by_clicking_gives_the_lists_totals(
    qtbot: QtBot,
    vi_app: QApplication,
    commune_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write_balance_list(tmp_path / "du-no-thang-9.xlsx", OWING)
    page = LoansPage(context_of(commune_db))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    loans: Any = page.tab("loans")
    loaded(qtbot, loans)
    seen: dict[str, Any] = {}
    with answering(qtbot, fill(lambda wizard: run_wizard(qtbot, wizard, seen)), open_file(path)):
        click(loans.import_button)
    # the date came from the title; no column was taken for the disbursed amount
    assert seen["as_of"] == "20/09/2026"
    assert "amount_disbursed" not in seen["columns"].values()
    assert {"outstanding", "overdue_amount", "contract_no", "citizen_id"} <= set(
        seen["columns"].values()
    )
    assert not any("&&" in text for text in seen["labels"])
    assert any("Tổ TK&VV" in text for text in seen["labels"])
    assert any("NS&VSMT" in text for text in seen["labels"])
    # the preview: 12 new loans, the totals row and the signatures skipped, nothing rejected
    assert seen["preview"].startswith(
        "16 dòng: 12 nhập mới, 0 cập nhật, 0 không đổi, 0 từ chối, 4 bỏ qua."
    )
    assert (
        "Dư nợ ngày 20/09/2026 nhận từ danh sách: 12 khoản vay, dư nợ 570.000.000 đ, quá hạn "
        "38.500.000 đ (6,75 %). Khớp với dòng tổng cộng của danh sách." in seen["preview"]
    )
    assert not [row for row in seen["preview rows"] if row[1] == "rejected"]
    assert seen["result"].startswith("16 dòng: 12 nhập mới")
    # the list shows the loans, their amount unknown
    loaded(qtbot, loans)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 12, timeout=10_000)
    with commune_db.reading() as s:
        amounts = set(s.scalars(select(Loan.amount_disbursed)))
    assert amounts == {None}
    # Khoản vay → Chỉ tiêu on the list's date: the list's totals, to the đồng
    total = indicator_totals(qtbot, page, "20/09/2026", "organisation")
    assert total["Tổng cộng"][:5] == (
        "12",
        "12",
        "570.000.000 đ",
        "38.500.000 đ",
        "6,75 %",
    )
    for organisation, (count, outstanding, overdue) in BY_ORGANISATION.items():
        row = total[organisation]
        assert row[0] == str(count) and row[2] == f"{outstanding:,} đ".replace(",", ".")
        assert row[3] == f"{overdue:,} đ".replace(",", "."), organisation
    assert "(chưa ghi)" not in total
    # the quarter's report (ends 30/09/2026, after the list's date): the same totals
    report = tmp_path / "chat-luong-quy-3.xlsx"
    code, _, err = run_cli(
        capsys,
        "report",
        "loan-quality",
        "--period",
        "2026",
        "--quarter",
        "3",
        "--out",
        str(report),
        "--data-dir",
        str(commune_db.paths.data_dir),
    )
    assert code == 0, err
    by_programme = report_totals(report, "Theo chương trình")["Tổng cộng"]
    assert by_programme[:3] == (LOANS, OUTSTANDING, OVERDUE)
    assert abs(by_programme[3] - OVERDUE / OUTSTANDING) < 1e-9
    by_organisation = report_totals(report, "Theo tổ chức")
    for organisation, (count, outstanding, overdue) in BY_ORGANISATION.items():
        assert by_organisation[organisation][:3] == (count, outstanding, overdue)


def test_the_same_list_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    code, _, err = run_cli(
        capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120"
    )
    assert code == 0, err
    path = write_balance_list(tmp_path / "du-no.xlsx", OWING)
    code, out, err = run_cli(capsys, "import-excel", str(path), "--dry-run", "--data-dir", data)
    assert code == 0, err
    db = Database.open(AppPaths(Path(data)))
    try:
        with db.reading() as s:
            assert s.scalars(select(Loan.id)).first() is None  # the trial run saved nothing
    finally:
        db.close()
    assert "Số tiền giải ngân" not in out + err
    assert "Dư nợ đến ngày: 20/09/2026" in out
    assert "Tổng 16 dòng: nhập mới 12, cập nhật 0, không đổi 0, từ chối 0, bỏ qua 4." in out
    assert "Chạy thử (--dry-run): chưa ghi gì vào dữ liệu." in out
    code, out, err = run_cli(capsys, "import-excel", str(path), "--data-dir", data)
    assert code == 0, err
    assert "dư nợ 570.000.000 đ, quá hạn 38.500.000 đ (6,75 %)" in out
    assert "Khớp với dòng tổng cộng của danh sách." in out
    report = tmp_path / "q3.xlsx"
    code, out, err = run_cli(
        capsys,
        "report",
        "loan-quality",
        "--period",
        "2026",
        "--quarter",
        "3",
        "--out",
        str(report),
        "--data-dir",
        data,
    )
    assert code == 0, err
    assert report_totals(report, "Theo chương trình")["Tổng cộng"][:3] == (
        LOANS,
        OUTSTANDING,
        OVERDUE,
    )
    # the same list again changes nothing
    code, out, err = run_cli(capsys, "import-excel", str(path), "--data-dir", data)
    assert code == 0, err
    assert "nhập mới 0, cập nhật 0, không đổi 12, từ chối 0" in out
    db = Database.open(AppPaths(Path(data)))
    try:
        with db.reading() as s:
            borrowers = {b.full_name: (b.birth_year, b.sex) for b in s.scalars(select(Borrower))}
            groups = {g.name: g.organisation_code for g in s.scalars(select(SavingsGroup))}
            codes = {g.name: g.code for g in s.scalars(select(SavingsGroup))}
            rows = list_loans(s, Scope.commune("31120"), as_of=AS_OF)
    finally:
        db.close()
    # taken from the data: sex and year of birth from the ID, organisation from the group
    assert borrowers["Phạm Thị Hoa"] == (2001, Sex.FEMALE)
    assert borrowers["Ngô Văn Sơn"] == (2003, Sex.MALE)
    assert borrowers["Đặng Văn Phúc"] == (1958, Sex.MALE)
    assert groups == {HND: "HND", HPN: "HPN", CCB: "CCB", DTN: "DTN"}
    # the list has no group codes: a name too long for a code is not cut into one
    assert codes == {HND: HND, HPN: HPN, CCB: "", DTN: ""}
    assert {r.organisation_code for r in rows} == {"HND", "HPN", "CCB", "DTN"}
    assert all(r.amount_disbursed is None for r in rows)
    assert sum(r.outstanding for r in rows) == OUTSTANDING


#: The next month's list (31/10/2026): Tâm has paid off (not on it), Hùng repaid 5 million,
#: Kiều Thị Yến borrowed 40 million on 05/10/2026. By hand: 570 − 50 − 5 + 40 = 555 million
#: outstanding, overdue still 38,5 million, 12 loans.
LATER = [
    OwingLoan(
        "Kiều Thị Yến", cid(1999, FEMALE, 113), HPN, "Hộ nghèo", "LD2610-0113",
        "05/10/2026", "05/10/2031", 40 * M,
    ),
    *(
        loan if loan.name != "Lê Văn Hùng" else OwingLoan(
            loan.name, loan.cid, loan.group, loan.programme, loan.contract, loan.disbursed,
            loan.maturity, 75 * M, 10 * M,
        )
        for loan in OWING
        if loan.name != "Nguyễn Văn Tâm"
    ),
]  # fmt: skip
LATER_AS_OF = "Xã Nhơn Ái - Dư nợ tính đến ngày 31/10/2026"


def imported_through_the_wizard(
    qtbot: QtBot, page: LoansPage, path: Path, *answers: Any, commit: bool = True
) -> dict[str, Any]:
    loans: Any = page.tab("loans")
    loaded(qtbot, loans)
    seen: dict[str, Any] = {}
    with answering(
        qtbot,
        fill(lambda wizard: run_wizard(qtbot, wizard, seen, commit=commit)),
        open_file(path),
        *answers,
    ):
        click(loans.import_button)
    return seen


def test_a_later_list_asks_about_the_loans_it_leaves_out(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    page = LoansPage(context_of(commune_db))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    september = write_balance_list(tmp_path / "du-no-9.xlsx", OWING)
    imported_through_the_wizard(qtbot, page, september)
    october = write_balance_list(tmp_path / "du-no-10.xlsx", LATER, as_of_line=LATER_AS_OF)
    seen = imported_through_the_wizard(
        qtbot,
        page,
        october,
        message_button("Ghi là đã tất toán", "1 khoản vay đang có dư nợ trong TDCS"),
    )
    assert seen["preview"].startswith(
        "16 dòng: 1 nhập mới, 11 cập nhật, 0 không đổi, 0 từ chối, 4 bỏ qua."
    )
    assert "1 khoản vay đang có dư nợ trong TDCS (tổng 50.000.000 đ)" in seen["preview"]
    absent = [row for row in seen["preview rows"] if row[1] == "absent"]
    assert absent == [
        (0, "absent", "Không có trong danh sách này; giữ nguyên dư nợ gần nhất (50.000.000 đ "
         "ngày 20/09/2026).")
    ]  # fmt: skip
    assert "đã ghi tất toán ngày 31/10/2026" in seen["result"]
    # a dated balance per loan: October is the later list, September stays the first one
    october_total = indicator_totals(qtbot, page, "31/10/2026", "programme")["Tổng cộng"]
    assert october_total[:5] == ("12", "12", "555.000.000 đ", "38.500.000 đ", "6,94 %")
    september_total = indicator_totals(qtbot, page, "20/09/2026", "programme")["Tổng cộng"]
    assert september_total[:4] == ("12", "12", "570.000.000 đ", "38.500.000 đ")
    # the same list again: nothing changes, nothing more to ask
    again = imported_through_the_wizard(qtbot, page, october, commit=False)
    assert again["preview"].startswith("16 dòng: 0 nhập mới, 0 cập nhật, 12 không đổi")
    assert not again["can import"]
    assert "không có trong danh sách" not in again["preview"]


def test_the_command_line_keeps_left_out_loans_unless_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    assert (
        run_cli(capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120")[0]
        == 0
    )
    september = write_balance_list(tmp_path / "du-no-9.xlsx", OWING)
    october = write_balance_list(tmp_path / "du-no-10.xlsx", LATER, as_of_line=LATER_AS_OF)
    assert run_cli(capsys, "import-excel", str(september), "--data-dir", data)[0] == 0
    code, out, err = run_cli(capsys, "import-excel", str(october), "--data-dir", data)
    assert code == 0, err
    assert (
        "Không có trong danh sách: LD2403-0101 Nguyễn Văn Tâm: Không có trong danh sách này; "
        "giữ nguyên dư nợ gần nhất (50.000.000 đ ngày 20/09/2026)." in out
    )
    assert "nhập lại với --settle-missing để ghi chúng là đã tất toán ngày 31/10/2026" in out

    def october_figures() -> tuple[int, int, int]:
        db = Database.open(AppPaths(Path(data)))
        try:
            with db.reading() as s:
                total = indicator_table(
                    s, Dimension.PROGRAMME, owner=Scope.commune("31120"), as_of=date(2026, 10, 31)
                ).total
        finally:
            db.close()
        return total.loans_with_balance, total.outstanding, total.overdue

    assert october_figures() == (13, 605 * M, OVERDUE)  # Tâm's 50 million kept
    code, out, err = run_cli(
        capsys, "import-excel", str(october), "--settle-missing", "--data-dir", data
    )
    assert code == 0, err
    assert "đã ghi tất toán ngày 31/10/2026" in out
    assert october_figures() == (12, 555 * M, OVERDUE)
    code, out, err = run_cli(
        capsys, "import-excel", str(october), "--settle-missing", "--data-dir", data
    )
    assert "Không có trong danh sách" not in out and "không đổi 12" in out


def test_a_loan_whose_amount_is_unknown_shows_and_saves_as_unknown(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    """Imported from a list of balances, a loan's amount is blank in the list and "chưa
    rõ" where a sentence needs it; editing the loan does not demand it, and saving keeps it
    unknown (not 0)."""
    path = write_balance_list(tmp_path / "du-no.xlsx", OWING[:2])
    with commune_db.transaction() as s:
        run_import(s, prepare(path))
    page = LoansPage(context_of(commune_db))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    loans: Any = page.tab("loans")
    loans.as_of_edit.selectAll()
    type_text(loans.as_of_edit, "20/09/2026")
    click(loans.as_of_button)
    loaded(qtbot, loans)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 2, timeout=10_000)
    model = loans.model
    amount_column = next(
        i
        for i in range(model.columnCount())
        if model.headerData(i, Qt.Orientation.Horizontal) == "Số tiền vay"
    )
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "LD2403-0101")
    assert model.data(model.index(row, amount_column)) in ("", None)
    loans.view.selectRow(row)
    seen: dict[str, str] = {}

    def read_header(dialog: Any) -> None:
        seen["header"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    with answering(qtbot, fill(read_header)):
        click(loans.balances_button)
    assert "Hộ nghèo · giải ngân chưa rõ ngày 15/03/2024" in seen["header"]

    def edit(form: Any) -> None:
        seen["amount"] = form.amount.text()
        seen["placeholder"] = form.amount.placeholderText()
        form.purpose.selectAll()
        type_text(form.purpose, "Nuôi heo")
        click(save_button(form))

    loans.view.selectRow(row)
    with answering(qtbot, fill(edit)):
        click(loans.edit_button)
    assert (seen["amount"], seen["placeholder"]) == ("", "chưa rõ")
    with commune_db.reading() as s:
        loan = s.scalars(select(Loan).where(Loan.contract_no == "LD2403-0101")).one()
    assert (loan.purpose, loan.amount_disbursed) == ("Nuôi heo", None)


def test_the_wizard_names_the_rows_to_look_at_and_exports_its_results(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    """A row whose year of birth disagrees with the ID is imported with a warning, a row
    with no balance is rejected; the preview finds each by its Excel row, and the results
    go to a workbook."""
    rows = [
        owing_row(1, "K1", "Lê Văn Cường", int(person_cid(1970, MALE, 777)), birth=1971),
        owing_row(2, "K2", "Nguyễn Văn An", person_cid(1985, MALE, 12345)),
        owing_row(3, "K3", "Trần Thị Bình", person_cid(1990, FEMALE, 123456), outstanding=None),
    ]
    path = write_owing(tmp_path / "ds.xlsx", rows, title=("DƯ NỢ ĐẾN NGÀY 31/01/2026",))
    target = tmp_path / "ket-qua.xlsx"
    page = LoansPage(context_of(commune_db))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    loans: Any = page.tab("loans")
    seen: dict[str, Any] = {}

    def drive(wizard: ImportWizard) -> None:
        back = wizard.button(QWizard.WizardButton.BackButton)
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        click(wizard.file_page.browse)
        qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
        click(next_button)
        click(back)  # the clerk looks at the file page again
        assert wizard.currentPage() is wizard.file_page
        click(next_button)
        click(next_button)
        qtbot.waitUntil(lambda: wizard.preview_page.done, timeout=15_000)
        results = wizard.preview_page.results
        seen["summary"] = results.summary.text()
        for choice in ("Dòng có cảnh báo", "Dòng bị từ chối"):
            results.only.setCurrentIndex(results.only.findText(choice))
            assert results.model.rowCount() == 1, choice
            results.view.selectRow(0)
            seen[choice] = results.reason.text()
        click(wizard.button(QWizard.WizardButton.CommitButton))
        qtbot.waitUntil(lambda: wizard.result_page.done, timeout=15_000)
        click(wizard.result_page.results.export_button)
        qtbot.waitUntil(target.exists, timeout=10_000)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is wizard, timeout=10_000)
        click(wizard.button(QWizard.WizardButton.FinishButton))

    with answering(qtbot, fill(drive), open_file(path), save_as(target), ok("Đã xuất ra")):
        click(loans.import_button)
    assert "1 dòng có cảnh báo" in seen["summary"]
    assert seen["Dòng có cảnh báo"].startswith(
        "Dòng 4: Danh sách ghi năm sinh 1971, số CCCD 092070000777 cho biết 1970"
    )
    assert seen["Dòng bị từ chối"] == "Dòng 6: Dư nợ (tổng): Không được để trống."
    workbook = load_workbook(target, read_only=True)
    try:
        found = [row for row in workbook.active.iter_rows(values_only=True) if row and row[0]]
    finally:
        workbook.close()
    by_row = {row[0]: row for row in found if isinstance(row[0], int)}
    assert by_row[4][1] == "Nhập mới" and "năm sinh 1971" in by_row[4][4]
    assert by_row[6][1] == "Từ chối"


def test_loans_of_unknown_amount_reach_the_city_with_the_lists_totals(tmp_path: Path) -> None:
    """The sync file carries a loan whose amount is unknown as unknown; the city takes it and
    its figures for the list's date are the list's."""
    world = World.make(tmp_path, template_db())
    commune = world.commune()
    try:
        with commune.transaction() as s:
            run_import(s, prepare(write_balance_list(tmp_path / "du-no.xlsx", OWING)))
        report = world.import_file(world.export(commune, full=True).path)
        assert report.status is Status.APPLIED, report.message
        with world.city.reading() as s:
            amounts = set(s.scalars(select(Loan.amount_disbursed)))
            total = indicator_table(s, Dimension.COMMUNE, owner=ALL_COMMUNES, as_of=AS_OF).total
        assert amounts == {None}
        assert (total.loans_with_balance, total.outstanding, total.overdue) == (
            LOANS,
            OUTSTANDING,
            OVERDUE,
        )
    finally:
        commune.close()
        world.close()
