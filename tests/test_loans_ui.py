"""The Khoản vay page driven as a clerk would: forms with inline Vietnamese messages and
nothing lost on a failed save, lists that load in the background, balance history, checks,
indicators, the import wizard, exports, and the city's read-only view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.enums import CheckResult, GroupGrade, Sex
from db.models import Borrower, Loan, LoanCheck
from desktop.core.database import Database
from desktop.core.loans.excel_import_mappings import load_mappings
from desktop.ui.context import AppContext
from desktop.ui.loans.borrowers_tab import BorrowerForm
from desktop.ui.loans.checks_tab import CheckForm
from desktop.ui.loans.groups_tab import AssessmentForm, GroupForm, grades_dialog
from desktop.ui.loans.import_wizard import ImportWizard
from desktop.ui.loans.loans_tab import BalanceForm, LoanForm, balance_dialog
from desktop.ui.loans.page import LoansPage
from tests.clerk import answering, click, ok, save_as
from tests.conftest import type_text
from tests.excel_lists import merged_row, write_merged
from tests.loans_data import Ids, person_cid, sample

M = 1_000_000


@pytest.fixture
def ids(commune_db: Database) -> Ids:
    return sample(commune_db)


def context_of(db: Database) -> AppContext:
    office = db.office()
    assert office is not None
    return AppContext(db, office)


@pytest.fixture
def page(qtbot: QtBot, vi_app: QApplication, commune_db: Database, ids: Ids) -> LoansPage:
    widget = LoansPage(context_of(commune_db))
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


def open_tab(qtbot: QtBot, page: LoansPage, key: str) -> Any:
    tab = page.tab(key)
    qtbot.waitUntil(lambda: not getattr(tab, "loading", False), timeout=10_000)
    return tab


def answer_forms(
    monkeypatch: pytest.MonkeyPatch, form_class: type, fill: Callable[[Any], None]
) -> list[Any]:
    """Make ``form_class.exec`` fill the form and press Save instead of waiting for a user."""
    shown: list[Any] = []

    def exec_(self: Any) -> int:
        shown.append(self)
        fill(self)
        self.accept()
        return self.result()

    monkeypatch.setattr(form_class, "exec", exec_)
    return shown


def test_tabs_load_in_the_background_and_models_are_sound(
    qtbot: QtBot, qtmodeltester: Any, page: LoansPage
) -> None:
    assert page.tabs.count() == 6
    assert [page.tabs.tabText(i) for i in range(6)] == [
        "Khoản vay",
        "Người vay",
        "Tổ TK&&VV",  # shown as Tổ TK&VV (& escaped, not a mnemonic)
        "Kiểm tra sử dụng vốn",
        "Chưa kiểm tra 12 tháng",
        "Chỉ tiêu",
    ]
    for key, count in (("loans", 5), ("borrowers", 4), ("groups", 2), ("unchecked", 4)):
        tab = open_tab(qtbot, page, key)
        assert tab.model.rowCount() == count, key
        qtmodeltester.check(tab.model)
    loans = open_tab(qtbot, page, "loans")
    assert loans.status.text() == "5 / 5 dòng"
    loans.search.setText("tran thi binh")
    assert [r.contract_no for r in loans.model.visible_rows()] == ["HD3"]
    assert (
        loans.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        == "Số HĐ"
    )


def test_situation_as_of_a_past_date(qtbot: QtBot, page: LoansPage) -> None:
    loans = open_tab(qtbot, page, "loans")
    loans.as_of_edit.setText("01/04/2024")
    loans.as_of_button.click()
    qtbot.waitUntil(lambda: not loans.loading, timeout=10_000)
    rows = {r.contract_no: r for r in loans.model.all_rows()}
    assert set(rows) == {"HD1", "HD3", "HD4", "HD5"}
    assert rows["HD1"].outstanding == 50 * M
    column = [c.title for c in loans.columns].index("Outstanding")
    row = loans.model.find_row(lambda r: r.contract_no == "HD1")
    assert loans.model.data(loans.model.index(row, column)) == "50.000.000 đ"


def test_group_form_keeps_input_and_shows_errors(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, ids: Ids
) -> None:
    form = GroupForm(commune_db, None)
    qtbot.addWidget(form)
    form.show()
    type_text(form.code, "g1")
    type_text(form.name, "Tổ Hội Cựu chiến binh Khu vực 2")
    type_text(form.phone, "12345")
    form.decision_date.setText("31/02/2025")
    form.accept()
    assert form.isVisible()
    assert form.error_text("founding_decision_date") == (
        "Ngày 31/02/2025 không có: tháng 2 năm 2025 có 28 ngày."
    )
    form.decision_date.setText("05/03/2025")
    form.accept()
    assert form.error_text("code") == "Đã có tổ khác mang mã g1."
    assert "10 hoặc 11 chữ số" in form.error_text("leader_phone")
    assert form.name.text() == "Tổ Hội Cựu chiến binh Khu vực 2"
    form.code.setText("G3")
    form.phone.setText("0907 123 456")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted and form.saved_id


def test_assessment_form(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, ids: Ids
) -> None:
    form = AssessmentForm(commune_db, ids.groups["G1"], None)
    qtbot.addWidget(form)
    form.year.setText("hai")
    form.members.setText("900")
    form.accept()
    assert form.error_text("year") == "Nhập một số nguyên."
    form.year.setText("2025")
    form.accept()
    assert form.error_text("grade") == "Không được để trống."
    assert form.error_text("members_count") == "Số thành viên phải từ 0 đến 500."
    form.grade.set_value(GroupGrade.TOT)
    form.members.setText("35")
    type_text(form.savings, "12,5 triệu")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted


def test_group_grades_dialog_adds_deletes_and_undoes(
    qtbot: QtBot, page: LoansPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group's grades are a list page of their own: the same add, delete with a
    Vietnamese question, and undo as every list."""
    groups = open_tab(qtbot, page, "groups")
    groups.view.selectRow(groups.model.find_row(lambda r: r.code == "G1"))
    dialog = grades_dialog(groups.context, groups.selected(), groups)
    qtbot.addWidget(dialog)
    grades = dialog.page
    assert grades.model.rowCount() == 0 and not dialog.changed

    def good(form: AssessmentForm) -> None:
        form.year.setText("2025")
        form.grade.set_value(GroupGrade.TOT)

    answer_forms(monkeypatch, AssessmentForm, good)
    grades.add_button.click()
    assert [(g.year, g.grade) for g in grades.model.all_rows()] == [(2025, GroupGrade.TOT)]
    assert dialog.changed
    asked: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.list_page.confirm", lambda _parent, question: asked.append(question) or True
    )
    grades.view.selectRow(0)
    grades.delete_button.click()
    assert asked == ["Xóa xếp loại năm 2025? Có thể hoàn tác."]
    assert grades.model.rowCount() == 0
    grades.undo_button.click()
    assert grades.model.rowCount() == 1


def test_borrower_form_checks_citizen_id(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, ids: Ids
) -> None:
    form = BorrowerForm(commune_db, None)
    qtbot.addWidget(form)
    type_text(form.full_name, "Huỳnh Thị Ngọc Hân")
    type_text(form.citizen_id, person_cid(1992, Sex.FEMALE, 42))
    form.birth_year.setText("1993")
    form.sex.set_value(Sex.FEMALE)
    form.accept()
    assert form.error_text("citizen_id") == "Số CCCD này của người sinh năm 1992, không phải 1993."
    assert form.full_name.text() == "Huỳnh Thị Ngọc Hân"
    form.birth_year.setText("1992")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    with commune_db.reading() as s:
        saved = s.scalars(select(Borrower).where(Borrower.full_name == "Huỳnh Thị Ngọc Hân")).one()
    assert saved.citizen_id == person_cid(1992, Sex.FEMALE, 42) and saved.sex is Sex.FEMALE


def test_add_edit_delete_undo_a_loan(
    qtbot: QtBot, page: LoansPage, ids: Ids, monkeypatch: pytest.MonkeyPatch, commune_db: Database
) -> None:
    loans = open_tab(qtbot, page, "loans")
    borrowers = {}
    with commune_db.reading() as s:
        from desktop.core.loans.borrowers import list_borrowers

        borrowers = {b.full_name: b for b in list_borrowers(s, "31120")}

    def fill(form: LoanForm) -> None:
        form.borrower.set_row(borrowers["Phạm Thị Dung"])
        form.programme.set_value("GQVL")
        type_text(form.contract_no, "HD-MỚI")
        type_text(form.amount, "80 triệu")
        type_text(form.disbursed_on, "15/3/2025")
        form.disbursed_on.editingFinished.emit()
        assert form.rate.text() == "7,92 %"  # the programme's rate on that day
        type_text(form.purpose, "Mở tiệm tạp hóa")

    answer_forms(monkeypatch, LoanForm, fill)
    loans.add_button.click()
    qtbot.waitUntil(lambda: not loans.loading and loans.model.rowCount() == 6, timeout=10_000)
    added = loans.selected()
    assert added is not None and added.contract_no == "HD-MỚI"
    assert (added.amount_disbursed, added.rate_bp, added.outstanding) == (80 * M, 792, 80 * M)

    def wrong_amount(form: LoanForm) -> None:
        form.amount.setText("ba mươi")

    shown = answer_forms(monkeypatch, LoanForm, wrong_amount)
    loans.edit_button.click()
    assert shown[0].isVisible() is False and "Nhập số tiền bằng đồng" in shown[0].error_text(
        "amount_disbursed"
    )
    monkeypatch.setattr("desktop.ui.list_page.confirm", lambda *_: True)
    loans.delete_button.click()
    qtbot.waitUntil(lambda: not loans.loading and loans.model.rowCount() == 5, timeout=10_000)
    loans.undo_button.click()
    qtbot.waitUntil(lambda: not loans.loading and loans.model.rowCount() == 6, timeout=10_000)
    assert loans.selected() is not None and loans.selected().contract_no == "HD-MỚI"


def test_balance_history_dialog(
    qtbot: QtBot, qtmodeltester: Any, page: LoansPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    loans = open_tab(qtbot, page, "loans")
    loans.view.selectRow(loans.model.find_row(lambda r: r.contract_no == "HD2"))
    row = loans.selected()
    dialog = balance_dialog(loans.context, row, loans)
    qtbot.addWidget(dialog)
    history = dialog.page
    assert [b.as_of for b in history.model.all_rows()] == [
        date(2025, 12, 31),
        date(2025, 6, 30),
        date(2024, 6, 1),
    ]
    qtmodeltester.check(history.model)

    def too_much(form: BalanceForm) -> None:
        form.as_of.setText("31/03/2026")
        type_text(form.parts["current_amount"], "45.000.000")

    shown = answer_forms(monkeypatch, BalanceForm, too_much)
    history.add_button.click()
    assert "lớn hơn số tiền giải ngân" in shown[0].error_text("current_amount")

    def fine(form: BalanceForm) -> None:
        form.as_of.setText("31/03/2026")
        form.parts["current_amount"].setText("30.000.000")
        form.parts["overdue_amount"].setText("5.000.000")
        form.overdue_since.setText("01/02/2026")

    answer_forms(monkeypatch, BalanceForm, fine)
    history.add_button.click()
    newest = history.model.all_rows()[0]
    assert (newest.as_of, newest.outstanding, newest.overdue_amount) == (
        date(2026, 3, 31),
        35 * M,
        5 * M,
    )
    assert dialog.changed


def test_record_a_check_from_the_unchecked_list(
    qtbot: QtBot, page: LoansPage, monkeypatch: pytest.MonkeyPatch, commune_db: Database
) -> None:
    unchecked = open_tab(qtbot, page, "unchecked")
    unchecked.view.selectRow(unchecked.model.find_row(lambda r: r.contract_no == "HD5"))

    def fill(form: CheckForm) -> None:
        assert form.loan.value() is not None and form.stated_use.text() == "Chăn nuôi"
        form.checker_kind.setCurrentIndex(3)
        type_text(form.actual_use, "Mua bò giống")
        form.outcome.set_value(CheckResult.DUNG_MUC_DICH)

    answer_forms(monkeypatch, CheckForm, fill)
    unchecked.check_button.click()
    qtbot.waitUntil(lambda: not unchecked.loading, timeout=10_000)
    assert "HD5" not in {r.contract_no for r in unchecked.model.all_rows()}
    with commune_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(LoanCheck)) == 1
    checks = open_tab(qtbot, page, "checks")
    assert [r.actual_use for r in checks.model.all_rows()] == ["Mua bò giống"]


def test_check_form_errors(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, ids: Ids
) -> None:
    form = CheckForm(commune_db, None)
    qtbot.addWidget(form)
    form.show()
    form.checked_on.setText("3/13/2025")
    type_text(form.actual_use, "Mua máy cày")
    form.accept()
    assert form.error_text("checked_on") == (
        "Không có tháng 13: ghi ngày trước, rồi đến tháng. Có phải là ngày 13/03/2025?"
    )
    form.checked_on.setText("")
    form.accept()
    assert form.error_text("checked_on") == "Không được để trống."
    form.checked_on.setText("01/03/2025")
    form.accept()
    assert form.error_text("checked_on") == ""
    assert form.error_text("loan_id") == "Chọn khoản vay được kiểm tra."
    assert form.error_text("result") == "Không được để trống."
    assert form.actual_use.text() == "Mua máy cày" and form.isVisible()


def test_indicators_tab(
    qtbot: QtBot,
    qtmodeltester: Any,
    page: LoansPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = page.tab("indicators")
    tab.as_of.setText("31/12/2025")
    tab.year.setValue(2025)
    tab.show_button.click()
    qtbot.waitUntil(
        lambda: tab.table is not None and tab.table.as_of == date(2025, 12, 31), timeout=10_000
    )
    labels = [r.label for r in tab.model.all_rows()]
    assert labels == ["Hộ nghèo", "GQVL", "Tổng cộng"]
    qtmodeltester.check(tab.model)
    total = tab.model.rowCount() - 1
    assert tab.model.data(tab.model.index(total, 3)) == "105.000.000 đ"
    assert tab.model.data(tab.model.index(total, 5)) == "14,29 %"
    tab.dimension.setCurrentIndex(tab.dimension.findData("hamlet"))
    qtbot.waitUntil(lambda: tab.table.dimension.value == "hamlet", timeout=10_000)
    assert [r.label for r in tab.model.all_rows()] == ["Khu vực 1", "Khu vực 2", "Tổng cộng"]
    with answering(qtbot, save_as(tmp_path / "chi-tieu.xlsx"), ok("Đã xuất ra")):
        click(tab.export_button)
    workbook = load_workbook(tmp_path / "chi-tieu.xlsx")
    assert workbook.sheetnames == ["Chỉ tiêu tín dụng chính sách", "Nợ quá hạn theo thời gian"]
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[5]][:4] == ["Khu vực 2", 1, 1, 20_000_000]


def test_lists_export_what_is_shown(
    qtbot: QtBot, page: LoansPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    borrowers = open_tab(qtbot, page, "borrowers")
    borrowers.search.setText("an")
    with answering(qtbot, save_as(tmp_path / "nguoi-vay.xlsx"), ok("Đã xuất ra")):
        click(borrowers.export_button)
    sheet = load_workbook(tmp_path / "nguoi-vay.xlsx").active
    names = [row[0].value for row in sheet.iter_rows(min_row=4)]
    assert names == [r.full_name for r in borrowers.model.visible_rows()] and names


def test_import_wizard(
    qtbot: QtBot, qtmodeltester: Any, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    path = write_merged(
        tmp_path / "ds.xlsx",
        [
            merged_row(
                1,
                "HD001",
                "Nguyễn Văn An",
                int(person_cid(1985, Sex.MALE, 1)),
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
                "Lê Văn Cường",
                "12345",
                1970,
                None,
                "Khu vực 1",
                "Nước sạch",
                "CCB",
                20 * M,
                "01/03/2024",
                10 * M,
            ),
        ],
    )
    wizard = ImportWizard(context_of(commune_db))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.load(path, sheet=None)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    assert wizard.file_page.as_of.text() == "31/12/2025"
    assert "Tiêu đề cột ở dòng 5–6; 3 dòng dữ liệu" in wizard.file_page.info.text()
    wizard.next()
    combos = wizard.mapping_page.combos
    assert combos[1].currentData() == "contract_no" and combos[0].currentData() is None
    wizard.mapping_page.name.setText("PGD Ninh Kiều")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.done, timeout=15_000)
    preview = wizard.preview_page.results
    assert preview.summary.text().startswith("3 dòng: 1 nhập mới, 0 cập nhật")
    qtmodeltester.check(preview.model)
    preview.only.setCurrentIndex(preview.only.findData("rejected"))
    assert [r.row for r in preview.model.visible_rows()] == [9]
    preview.view.selectRow(0)
    assert preview.reason.text().startswith("Dòng 9: Số CCCD")
    with commune_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Loan)) == 0
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=15_000)
    assert wizard.imported
    with commune_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Loan)) == 1
        assert [m.name for m in load_mappings(s)] == ["PGD Ninh Kiều"]
    # the next list of the same shape opens with the remembered mapping
    again = ImportWizard(context_of(commune_db))
    qtbot.addWidget(again)
    again.show()
    again.file_page.initializePage()
    again.file_page.load(path, sheet=None)
    qtbot.waitUntil(again.file_page.isComplete, timeout=10_000)
    assert again.file_page.mapping.currentText() == "PGD Ninh Kiều"
    again.file_page.load(tmp_path / "missing.xlsx")
    qtbot.waitUntil(lambda: bool(again.file_page.error.text()), timeout=10_000)
    assert again.file_page.error.text().startswith("Không có tệp")
    assert not again.file_page.isComplete()


def test_mapping_page_refuses_missing_and_doubled_columns(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    path = write_merged(
        tmp_path / "ds.xlsx",
        [
            merged_row(
                1,
                "HD001",
                "Nguyễn Văn An",
                int(person_cid(1985, Sex.MALE, 1)),
                1985,
                None,
                "Khu vực 1",
                "HN",
                "HND",
                50 * M,
                "05/02/2025",
                40 * M,
            )
        ],
    )
    wizard = ImportWizard(context_of(commune_db))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.load(path, sheet=None)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    wizard.next()
    page = wizard.mapping_page
    page.combos[7].setCurrentIndex(0)  # Chương trình: not imported
    assert not page.validatePage()
    assert (
        page.error.text()
        == "Hãy chọn cột cho: Chương trình. Khoản vay nào cũng cần các thông tin này."
    )
    page.combos[7].setCurrentIndex(page.combos[7].findData("programme"))
    page.combos[0].setCurrentIndex(page.combos[0].findData("full_name"))
    assert not page.validatePage()
    assert page.error.text() == "Họ tên người vay đang được chọn cho hai cột (A và C)."


def test_city_view_is_read_only_with_a_commune_filter(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    from desktop.core import demo

    with city_db.transaction() as s:
        codes = list(__import__("desktop.core.office", fromlist=["x"]).list_communes(s))[:2]
        demo.generate(
            s,
            scale=demo.DemoScale(borrowers=6, groups=2, hamlets=2, contributions_per_year=1),
            communes=codes,
        )
    page = LoansPage(context_of(city_db))
    qtbot.addWidget(page)
    page.show()
    loans = open_tab(qtbot, page, "loans")
    assert not loans.add_button.isVisibleTo(loans) and not loans.import_button.isVisibleTo(loans)
    assert loans.columns[0].title == "Commune / ward"
    total = loans.model.rowCount()
    communes = {r.commune_code for r in loans.model.all_rows()}
    assert len(communes) == 2
    loans.commune_combo.setCurrentIndex(loans.commune_combo.findData(codes[0].code))
    assert 0 < loans.model.rowCount() < total
    assert {r.commune_code for r in loans.model.visible_rows()} == {codes[0].code}
    assert loans.model.data(loans.model.index(0, 0)) == codes[0].name
    indicators = page.tab("indicators")
    assert indicators.dimension.findData("commune") >= 0
    qtbot.waitUntil(lambda: indicators.table is not None, timeout=10_000)


def test_kit_model_searches_and_sorts_loans_as_the_plain_definition_says(
    qtmodeltester: Any, vi_app: QApplication, commune_db: Database
) -> None:
    """The kit model's cached search texts and sort keys give exactly what folding each
    row's whole text and sorting on each cell's key would."""
    from PySide6.QtCore import Qt

    from desktop.core import demo
    from desktop.core.loans.loans import list_loans
    from desktop.core.text import search_key
    from desktop.ui.loans.loans_tab import LoansTab
    from desktop.ui.table_model import RowTableModel

    with commune_db.transaction() as s:
        demo.generate(s, scale="small", today=date(2026, 11, 29))
    with commune_db.reading() as s:
        rows = list_loans(s, "31120")
    columns = LoansTab.columns.fget(  # type: ignore[attr-defined]
        type("Probe", (), {"commune_column": lambda self, _v: []})()
    )
    model = RowTableModel(columns, rows)
    qtmodeltester.check(model)
    searchable = [c for c in columns if c.searchable]
    whole = [search_key(" ".join(c.text(c.value(r)) for c in searchable)) for r in rows]
    for query in ("nguyen", "khu vuc 2 ho ngheo", "31120000001", "hoi phu nu", "zzz"):
        model.set_query(query)
        words = search_key(query).split()
        expected = [r for r, text in zip(rows, whole, strict=True) if all(w in text for w in words)]
        assert model.visible_rows() == expected, query
    model.set_query("")
    for column, col in enumerate(columns):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            descending = order == Qt.SortOrder.DescendingOrder
            keys = [col.sort_value(col.value(r)) for r in model.visible_rows()]
            assert keys == sorted(keys, reverse=descending), col.title
            assert len(keys) == len(rows)
