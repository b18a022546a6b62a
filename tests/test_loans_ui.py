"""The Khoản vay page driven as a clerk drives it: every button of every tab clicked with the
mouse, the real forms, pickers, questions and save dialogs answered while they are open,
Vietnamese typed key by key, exported workbooks read back; the city's read-only view; and a
clerk's first day (a group, a borrower in it, a loan, a check) through the real window.

Figures are those of ``tests/loans_data.py``, worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.enums import AuditAction, GroupGrade, Sex
from db.models import Borrower, Loan, LoanCheck
from desktop.core.database import Database
from desktop.core.loans.excel_import import load_mappings
from desktop.core.owners import Scope
from desktop.ui.loans.balances import BalanceForm
from desktop.ui.loans.borrowers_tab import BorrowerForm
from desktop.ui.loans.checks_tab import CheckForm
from desktop.ui.loans.common import PickerDialog
from desktop.ui.loans.groups_tab import AssessmentForm, GroupForm
from desktop.ui.loans.import_wizard import ImportWizard
from desktop.ui.loans.loan_form import LoanForm
from desktop.ui.loans.page import LoansPage
from desktop.ui.main_window import MainWindow
from tests.clerk import (
    Answer,
    answering,
    cancel,
    cell,
    choose,
    click,
    click_tab,
    close_button,
    commit_text,
    context_of,
    fill,
    go_to,
    loaded,
    ok,
    press_enter,
    retype,
    row_of,
    save_as,
    save_button,
    select_row,
    type_text,
    yes,
)
from tests.excel_lists import merged_row, write_merged
from tests.loans_data import Ids, person_cid, sample
from tests.report_support import exported_list

M = 1_000_000


@pytest.fixture
def ids(commune_db: Database) -> Ids:
    return sample(commune_db)


@pytest.fixture
def page(qtbot: QtBot, vi_app: QApplication, commune_db: Database, ids: Ids) -> LoansPage:
    widget = LoansPage(context_of(commune_db))
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


def open_tab(qtbot: QtBot, page: LoansPage, key: str) -> Any:
    tab = page.tab(key)
    loaded(qtbot, tab)
    return tab


# -- a clerk's hands in these forms ----------------------------------------------------------


def pick(search: str, expect: str) -> Answer:
    """In a picker: type ``search``, check that the row highlighted names ``expect``, press
    Enter."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, PickerDialog), f"expected the picker, got {dialog!r}"
        type_text(dialog.search, search)
        chosen = dialog.chosen()
        assert chosen is not None and expect in str(chosen), (search, chosen)
        press_enter(dialog.search)

    return answer


def history_rows(check: Any) -> Answer:
    """Hand the history dialog's rows (newest first) to ``check``, then press Close."""

    def answer(dialog: QWidget) -> None:
        assert dialog.windowTitle() == "Lịch sử thay đổi", dialog.windowTitle()
        check(dialog.model.visible_rows())  # type: ignore[attr-defined]
        click(close_button(dialog))

    return answer


def column_of(path: Path, title: str) -> list[Any]:
    """The values of the exported column headed ``title`` (Vietnamese)."""
    header, rows = exported_list(path)
    return [row[header.index(title)] for row in rows]


def double_click_row(view: QTableView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_tabs_load_in_the_background_and_models_are_sound(
    qtbot: QtBot, qtmodeltester: Any, page: LoansPage
) -> None:
    assert page.tabs.count() == 7
    assert [page.tabs.tabText(i) for i in range(7)] == [
        "Khoản vay",
        "Người vay",
        "Tổ TK&&VV",  # shown as Tổ TK&VV (& escaped, not a mnemonic)
        "Xếp loại ủy thác",
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
    type_text(loans.search, "tran thi binh")
    assert [r.contract_no for r in loans.model.visible_rows()] == ["HD3"]
    assert loans.model.headerData(0, Qt.Orientation.Horizontal) == "Số HĐ"


def test_situation_as_of_a_past_date(qtbot: QtBot, page: LoansPage) -> None:
    loans = open_tab(qtbot, page, "loans")
    retype(loans.as_of_edit, "01/04/2024")
    click(loans.as_of_button)
    loaded(qtbot, loans)
    rows = {r.contract_no: r for r in loans.model.all_rows()}
    assert set(rows) == {"HD1", "HD3", "HD4", "HD5"}  # HD2 was disbursed on 01/06/2024
    assert cell(loans, row_of(loans, contract_no="HD1"), "Outstanding") == "50.000.000 đ"
    # A date that does not exist is refused with a message; the list stays as it was.
    retype(loans.as_of_edit, "31/02/2024")
    with answering(qtbot, ok()):
        click(loans.as_of_button)
    assert loans.as_of == date(2024, 4, 1) and loans.model.rowCount() == 4


# -- Tổ TK&VV -------------------------------------------------------------------------------


def test_groups_add_edit_delete_undo_history_export(
    qtbot: QtBot, page: LoansPage, tmp_path: Path
) -> None:
    groups = open_tab(qtbot, page, "groups")

    def new_group(form: GroupForm) -> None:
        assert form.windowTitle() == "Tổ TK&VV"
        type_text(form.code, "g1")
        type_text(form.name, "Tổ Hội Cựu chiến binh Khu vực 2")
        type_text(form.phone, "12345")
        type_text(form.decision_date, "31/02/2025")
        click(save_button(form))
        assert form.isVisible()  # nothing saved, nothing lost
        assert form.error_text("founding_decision_date")
        retype(form.decision_date, "05/03/2025")
        click(save_button(form))
        assert form.error_text("code") == "Đã có tổ khác mang mã g1."
        assert "10 hoặc 11 chữ số" in form.error_text("leader_phone")
        assert form.name.text() == "Tổ Hội Cựu chiến binh Khu vực 2"
        retype(form.code, "G3")
        retype(form.phone, "0907 123 456")
        choose(form.hamlet, "Khu vực 2")
        choose(form.organisation, "Hội Cựu chiến binh")
        click(save_button(form))

    with answering(qtbot, fill(new_group)):
        click(groups.add_button)
    qtbot.waitUntil(lambda: groups.model.rowCount() == 3, timeout=10_000)
    added = groups.selected()
    assert added is not None and added.code == "G3"
    assert (added.hamlet_name, added.organisation_name) == ("Khu vực 2", "Hội Cựu chiến binh")

    def new_leader(form: GroupForm) -> None:
        type_text(form.leader, "Trương Văn Giàu")
        click(save_button(form))

    with answering(qtbot, fill(new_leader)):
        click(groups.edit_button)
    loaded(qtbot, groups)
    assert groups.selected().leader_name == "Trương Văn Giàu"

    # A group that still has loans is not deleted: the clerk is told why.
    select_row(groups, code="G1")
    with answering(
        qtbot,
        yes("Xóa Tổ Hội Nông dân KV1 (G1)? Có thể hoàn tác."),
        ok("Tổ còn 2 khoản vay và 1 người vay"),
    ):
        click(groups.delete_button)
    assert groups.model.rowCount() == 3 and not groups.undo_button.isEnabled()
    select_row(groups, code="G3")
    with answering(qtbot, yes("Xóa Tổ Hội Cựu chiến binh Khu vực 2 (G3)?")):
        click(groups.delete_button)
    qtbot.waitUntil(lambda: groups.model.rowCount() == 2, timeout=10_000)
    click(groups.undo_button)
    qtbot.waitUntil(lambda: groups.model.rowCount() == 3, timeout=10_000)
    loaded(qtbot, groups)
    assert groups.selected().code == "G3"

    def changes_of_g3(rows: list[Any]) -> None:
        assert [r.action for r in rows] == [
            AuditAction.RESTORE,
            AuditAction.DELETE,
            AuditAction.UPDATE,
            AuditAction.CREATE,
        ]
        assert "Trương Văn Giàu" in rows[2].changes

    with answering(qtbot, history_rows(changes_of_g3)):
        click(groups.history_button)

    type_text(groups.search, "hoi")
    with answering(qtbot, save_as(tmp_path / "to.xlsx"), ok("Đã xuất ra")):
        click(groups.export_button)
    assert column_of(tmp_path / "to.xlsx", "Mã tổ") == ["G1", "G2", "G3"]


def test_a_groups_yearly_grades(qtbot: QtBot, page: LoansPage) -> None:
    """Grades… opens the group's grades; a grade is added through its form (bad input first),
    deleted with a question, and brought back; the list shows the latest grade."""
    groups = open_tab(qtbot, page, "groups")
    select_row(groups, code="G1")

    def grades(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "Xếp loại của Tổ Hội Nông dân KV1 (G1)"
        listed = dialog.page  # type: ignore[attr-defined]
        assert listed.model.rowCount() == 0
        click(listed.add_button)  # answered by grade() below
        assert [(g.year, g.grade) for g in listed.model.all_rows()] == [(2025, GroupGrade.TOT)]
        assert cell(listed, 0, "Members' savings") == "12.500.000 đ"
        select_row(listed, year=2025)
        click(listed.delete_button)  # answered by yes() below
        assert listed.model.rowCount() == 0
        click(listed.undo_button)
        assert listed.model.rowCount() == 1
        click(close_button(dialog))

    def grade(form: AssessmentForm) -> None:
        retype(form.year, "hai")
        type_text(form.members, "900")
        click(save_button(form))
        assert form.error_text("year") == "Nhập một số nguyên."
        retype(form.year, "2025")
        click(save_button(form))
        assert form.error_text("grade") == "Không được để trống."
        assert form.error_text("members_count") == "Số thành viên phải từ 0 đến 500."
        choose(form.grade, "Tốt")
        retype(form.members, "35")
        type_text(form.savings, "12,5 triệu")
        click(save_button(form))

    with answering(
        qtbot, fill(grades), fill(grade), yes("Xóa xếp loại năm 2025? Có thể hoàn tác.")
    ):
        click(groups.grades_button)
    loaded(qtbot, groups)
    assert cell(groups, row_of(groups, code="G1"), "Latest grade") == "Tốt (2025)"


# -- Người vay ------------------------------------------------------------------------------


def test_borrowers_add_edit_delete_undo_history_export(
    qtbot: QtBot, page: LoansPage, commune_db: Database, tmp_path: Path
) -> None:
    borrowers = open_tab(qtbot, page, "borrowers")

    def new_borrower(form: BorrowerForm) -> None:
        type_text(form.full_name, "Huỳnh Thị Ngọc Hân")
        type_text(form.citizen_id, person_cid(1992, Sex.FEMALE, 42))
        type_text(form.birth_year, "1993")
        choose(form.sex, "Nữ")
        choose(form.hamlet, "Khu vực 2")
        choose(form.group, "Tổ Hội Phụ nữ KV2 (G2)")
        click(save_button(form))
        assert form.error_text("citizen_id") == (
            "Số CCCD này của người sinh năm 1992, không phải 1993."
        )
        assert form.full_name.text() == "Huỳnh Thị Ngọc Hân"
        retype(form.birth_year, "1992")
        click(save_button(form))

    with answering(qtbot, fill(new_borrower)):
        click(borrowers.add_button)
    qtbot.waitUntil(lambda: borrowers.model.rowCount() == 5, timeout=10_000)
    loaded(qtbot, borrowers)
    han = borrowers.selected()
    assert han is not None and han.full_name == "Huỳnh Thị Ngọc Hân"
    assert (han.group_name, han.hamlet_name, han.sex) == (
        "Tổ Hội Phụ nữ KV2 (G2)",
        "Khu vực 2",
        Sex.FEMALE,
    )
    with commune_db.reading() as s:
        saved = s.scalars(select(Borrower).where(Borrower.full_name == "Huỳnh Thị Ngọc Hân")).one()
    assert saved.citizen_id == person_cid(1992, Sex.FEMALE, 42)

    def new_phone(form: BorrowerForm) -> None:
        type_text(form.phone, "0939 111 222")
        click(save_button(form))

    with answering(qtbot, fill(new_phone)):
        click(borrowers.edit_button)
    loaded(qtbot, borrowers)
    assert borrowers.selected().phone == "0939111222"

    select_row(borrowers, full_name="Nguyễn Văn An")
    with answering(
        qtbot,
        yes("Xóa Nguyễn Văn An?"),
        ok("Nguyễn Văn An còn 2 khoản vay. Hãy xóa các khoản vay trước."),
    ):
        click(borrowers.delete_button)
    select_row(borrowers, full_name="Huỳnh Thị Ngọc Hân")
    with answering(qtbot, yes("Xóa Huỳnh Thị Ngọc Hân? Có thể hoàn tác.")):
        click(borrowers.delete_button)
    qtbot.waitUntil(lambda: borrowers.model.rowCount() == 4, timeout=10_000)
    click(borrowers.undo_button)
    qtbot.waitUntil(lambda: borrowers.model.rowCount() == 5, timeout=10_000)
    loaded(qtbot, borrowers)
    assert borrowers.selected().full_name == "Huỳnh Thị Ngọc Hân"

    def changes(rows: list[Any]) -> None:
        assert [r.action for r in rows] == [
            AuditAction.RESTORE,
            AuditAction.DELETE,
            AuditAction.UPDATE,
            AuditAction.CREATE,
        ]
        assert "0939111222" in rows[2].changes

    with answering(qtbot, history_rows(changes)):
        click(borrowers.history_button)

    type_text(borrowers.search, "thi")
    with answering(qtbot, save_as(tmp_path / "nguoi-vay.xlsx"), ok("Đã xuất ra")):
        click(borrowers.export_button)
    names = column_of(tmp_path / "nguoi-vay.xlsx", "Họ và tên")
    assert names == [r.full_name for r in borrowers.model.visible_rows()]
    assert sorted(names) == ["Huỳnh Thị Ngọc Hân", "Phạm Thị Dung", "Trần Thị Bình"]


# -- Khoản vay ------------------------------------------------------------------------------


def test_a_new_loan_takes_group_and_organisation_from_its_borrower(
    qtbot: QtBot, page: LoansPage, tmp_path: Path
) -> None:
    """Add: the borrower chosen through the picker by typing and Enter; the group and the
    organisation come from the borrower's group; the rate from the programme. Edit, delete,
    undo, history and export of that loan."""
    loans = open_tab(qtbot, page, "loans")

    def new_loan(form: LoanForm) -> None:
        click(form.borrower.button)  # answered by pick() below
        assert form.borrower.text.text() == "Trần Thị Bình (092190000002 · Khu vực 2)"
        assert form.group.currentText() == "Tổ Hội Phụ nữ KV2 (G2)"
        assert form.organisation.currentText() == "Hội Phụ nữ"
        assert form.placement_note.isHidden()
        choose(form.programme, "GQVL")
        type_text(form.contract_no, "HĐ-MỚI")
        type_text(form.amount, "80 triệu")
        type_text(form.disbursed_on, "15/3/2025")
        QTest.keyClick(form.disbursed_on, Qt.Key.Key_Tab)  # on to the next field
        assert form.rate.text() == "7,92 %"  # the programme's rate on that day
        type_text(form.purpose, "Mở tiệm tạp hóa")
        click(save_button(form))

    with answering(qtbot, fill(new_loan), pick("tran thi binh", "Trần Thị Bình")):
        click(loans.add_button)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 6, timeout=10_000)
    loaded(qtbot, loans)
    added = loans.selected()
    assert added is not None and added.contract_no == "HĐ-MỚI"
    assert (added.amount_disbursed, added.rate_bp, added.outstanding) == (80 * M, 792, 80 * M)
    row = row_of(loans, contract_no="HĐ-MỚI")
    assert cell(loans, row, "Organisation") == "Hội Phụ nữ"
    assert cell(loans, row, "Group") == "Tổ Hội Phụ nữ KV2 (G2)"

    def wrong_then_right(form: LoanForm) -> None:
        assert form.windowTitle() == "Khoản vay của Trần Thị Bình"
        assert form.borrower.text.text() == "Trần Thị Bình (092190000002 · Khu vực 2)"
        retype(form.amount, "ba mươi")
        click(save_button(form))
        assert form.isVisible()
        assert "Nhập số tiền bằng đồng" in form.error_text("amount_disbursed")
        assert form.contract_no.text() == "HĐ-MỚI"  # nothing else lost
        retype(form.amount, "85.000.000")
        click(save_button(form))

    with answering(qtbot, fill(wrong_then_right)):
        click(loans.edit_button)
    loaded(qtbot, loans)
    assert loans.selected().amount_disbursed == 85 * M

    with answering(qtbot, yes("Xóa khoản vay HĐ-MỚI của Trần Thị Bình? Có thể hoàn tác.")):
        click(loans.delete_button)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 5, timeout=10_000)
    click(loans.undo_button)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 6, timeout=10_000)
    loaded(qtbot, loans)
    assert loans.selected().contract_no == "HĐ-MỚI"

    def changes(rows: list[Any]) -> None:
        assert [r.action for r in rows] == [
            AuditAction.RESTORE,
            AuditAction.DELETE,
            AuditAction.UPDATE,
            AuditAction.CREATE,
        ]
        assert "85.000.000" in rows[2].changes

    with answering(qtbot, history_rows(changes)):
        click(loans.history_button)

    type_text(loans.search, "hoi phu nu")
    with answering(qtbot, save_as(tmp_path / "khoan-vay.xlsx"), ok("Đã xuất ra")):
        click(loans.export_button)
    header, rows = exported_list(tmp_path / "khoan-vay.xlsx")
    contracts = [r[header.index("Số HĐ")] for r in rows]
    assert sorted(contracts) == ["HD3", "HD4", "HĐ-MỚI"]
    new = rows[contracts.index("HĐ-MỚI")]
    assert new[header.index("Số tiền vay")] == 85 * M
    assert new[header.index("Hội đoàn thể")] == "Hội Phụ nữ"


def test_the_clerk_changes_the_group_or_organisation_and_is_told(
    qtbot: QtBot, page: LoansPage, commune_db: Database
) -> None:
    loans = open_tab(qtbot, page, "loans")

    def other_placement(form: LoanForm) -> None:
        click(form.borrower.button)
        assert form.group.currentText() == "Tổ Hội Nông dân KV1 (G1)"
        assert form.organisation.currentText() == "Hội Nông dân"
        choose(form.group, "Tổ Hội Phụ nữ KV2 (G2)")
        assert form.organisation.currentText() == "Hội Phụ nữ"  # follows the group
        assert form.placement_note.text() == (
            "Nguyễn Văn An thuộc Tổ Hội Nông dân KV1 (G1); khoản vay này đang ghi vào một tổ khác."
        )
        choose(form.organisation, "Hội Cựu chiến binh")
        assert form.placement_note.text().endswith(
            "Tổ Hội Phụ nữ KV2 (G2) do Hội Phụ nữ quản lý; khoản vay này đang ghi cho hội "
            "đoàn thể khác."
        )
        choose(form.group, "")
        choose(form.organisation, "")
        assert form.placement_note.text() == (
            "Nguyễn Văn An thuộc Tổ Hội Nông dân KV1 (G1); khoản vay này chưa ghi vào tổ nào.\n"
            "Nếu để trống, khoản vay được ghi cho Hội Nông dân, hội đoàn thể quản lý Tổ Hội "
            "Nông dân KV1 (G1)."
        )
        choose(form.programme, "Hộ nghèo")
        type_text(form.amount, "10 triệu")
        type_text(form.disbursed_on, "01/12/2025")
        click(save_button(form))  # a remark, not a refusal: the loan is saved

    with answering(qtbot, fill(other_placement), pick("nguyen van an", "Nguyễn Văn An")):
        click(loans.add_button)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 6, timeout=10_000)
    loaded(qtbot, loans)
    saved = loans.selected()
    assert (saved.group_id, saved.organisation_name) == (None, "Hội Nông dân")

    # Choosing another borrower replaces what the first choice filled in; a borrower in no
    # group clears it. An existing loan's own group and organisation are never cleared.
    def another_borrower(form: LoanForm) -> None:
        click(form.borrower.button)
        assert form.organisation.currentText() == "Hội Phụ nữ"
        click(form.borrower.button)
        assert (form.group.currentText(), form.organisation.currentText()) == ("", "")
        click(save_button(form))
        assert form.isVisible()
        assert form.error_text("amount_disbursed") == "Không được để trống."
        assert form.error_text("disbursed_on") == "Không được để trống."
        choose(form.programme, "Hộ nghèo")
        type_text(form.amount, "5 triệu")
        type_text(form.disbursed_on, "02/12/2025")
        click(save_button(form))

    with answering(
        qtbot,
        fill(another_borrower),
        pick("cuong", "Lê Văn Cường"),
        pick("dung", "Phạm Thị Dung"),
    ):
        click(loans.add_button)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 7, timeout=10_000)
    loaded(qtbot, loans)
    saved = loans.selected()
    assert (saved.borrower_name, saved.group_id, saved.organisation_code) == (
        "Phạm Thị Dung",
        None,
        None,
    )
    select_row(loans, contract_no="HD5")  # Dung's loan: no group, Hội Cựu chiến binh

    def same_borrower_again(form: LoanForm) -> None:
        assert form.organisation.currentText() == "Hội Cựu chiến binh"
        click(form.borrower.button)
        assert form.organisation.currentText() == "Hội Cựu chiến binh"
        assert form.placement_note.isHidden()
        click(save_button(form))

    with answering(qtbot, fill(same_borrower_again), pick("dung", "Phạm Thị Dung")):
        click(loans.edit_button)
    with commune_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Loan)) == 7
        hd5 = s.scalars(select(Loan).where(Loan.contract_no == "HD5")).one()
    assert (hd5.organisation_code, hd5.group_id) == ("CCB", None)


def test_the_borrower_picker_chooses_with_enter_and_double_click(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, ids: Ids
) -> None:
    """Enter chooses the highlighted row — the first match of what is typed, moved with the
    arrow keys; Enter with no match does nothing; a double click chooses; Cancel keeps the
    borrower already chosen."""
    form = LoanForm(commune_db, None)
    qtbot.addWidget(form)
    form.setModal(False)  # shown on its own here: only the picker is the dialog to answer
    form.show()

    def no_match_then_arrow(dialog: PickerDialog[Any]) -> None:
        assert dialog.chosen() is not None  # the first row is highlighted from the start
        type_text(dialog.search, "zzz")
        assert dialog.chosen() is None and not dialog.ok_button.isEnabled()
        assert dialog.nothing.isVisible()
        press_enter(dialog.search)
        assert dialog.isVisible()  # Enter with no match does nothing
        retype(dialog.search, "thi")
        assert [r.full_name for r in dialog.model.visible_rows()] == [
            "Trần Thị Bình",
            "Phạm Thị Dung",
        ]
        assert dialog.chosen().full_name == "Trần Thị Bình"
        QTest.keyClick(dialog.search, Qt.Key.Key_Down)
        assert dialog.chosen().full_name == "Phạm Thị Dung"
        press_enter(dialog.search)

    with answering(qtbot, fill(no_match_then_arrow)):
        click(form.borrower.button)
    assert form.borrower.text.text() == "Phạm Thị Dung (092180000004 · Khu vực 1)"
    assert form.borrower.value() == ids.borrowers["Dung"]

    def double_click(dialog: PickerDialog[Any]) -> None:
        double_click_row(
            dialog.view, dialog.model.find_row(lambda r: r.full_name == "Lê Văn Cường")
        )

    with answering(qtbot, fill(double_click)):
        click(form.borrower.button)
    assert form.borrower.value() == ids.borrowers["Cuong"]
    assert form.group.currentText() == "Tổ Hội Phụ nữ KV2 (G2)"

    with answering(qtbot, cancel()):
        click(form.borrower.button)
    assert form.borrower.value() == ids.borrowers["Cuong"]


def test_balances_of_a_loan(
    qtbot: QtBot, qtmodeltester: Any, page: LoansPage, commune_db: Database
) -> None:
    loans = open_tab(qtbot, page, "loans")
    select_row(loans, contract_no="HD2")

    def balances(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "Số dư của hợp đồng HD2 — Nguyễn Văn An"
        history = dialog.page  # type: ignore[attr-defined]
        loaded(qtbot, history)
        assert [b.as_of for b in history.model.all_rows()] == [
            date(2025, 12, 31),
            date(2025, 6, 30),
            date(2024, 6, 1),
        ]
        qtmodeltester.check(history.model)
        click(history.add_button)  # answered by balance() below
        newest = history.model.all_rows()[0]
        assert (newest.as_of, newest.outstanding, newest.overdue_amount) == (
            date(2026, 3, 31),
            35 * M,
            5 * M,
        )
        click(close_button(dialog))

    def balance(form: BalanceForm) -> None:
        retype(form.as_of, "31/03/2026")
        type_text(form.parts["current_amount"], "45.000.000")
        click(save_button(form))
        assert "lớn hơn số tiền giải ngân" in form.error_text("current_amount")
        retype(form.parts["current_amount"], "30.000.000")
        type_text(form.parts["overdue_amount"], "5.000.000")
        type_text(form.overdue_since, "01/02/2026")
        click(save_button(form))

    with answering(qtbot, fill(balances), fill(balance)):
        click(loans.balances_button)
    loaded(qtbot, loans)
    row = row_of(loans, contract_no="HD2")
    assert loans.selected().contract_no == "HD2"
    assert cell(loans, row, "Outstanding") == "35.000.000 đ"
    assert cell(loans, row, "Overdue") == "5.000.000 đ"


def test_record_a_check_from_the_loans_list(
    qtbot: QtBot, page: LoansPage, commune_db: Database
) -> None:
    loans = open_tab(qtbot, page, "loans")
    select_row(loans, contract_no="HD1")

    def check(form: CheckForm) -> None:
        assert form.loan.text.text().startswith("HD1 — Nguyễn Văn An")
        assert form.stated_use.text() == "Chăn nuôi"
        retype(form.checked_on, "10/11/2025")
        choose(form.checker_kind, "Tổ TK&VV")
        type_text(form.actual_use, "Nuôi heo thịt")
        choose(form.outcome, "Đúng mục đích")
        click(save_button(form))

    with answering(qtbot, fill(check)):
        click(loans.check_button)
    loaded(qtbot, loans)
    assert loans.selected().contract_no == "HD1"
    assert cell(loans, row_of(loans, contract_no="HD1"), "Last check") == "10/11/2025"


# -- Kiểm tra sử dụng vốn --------------------------------------------------------------------


def test_checks_add_edit_delete_undo_history_export(
    qtbot: QtBot, page: LoansPage, commune_db: Database, tmp_path: Path
) -> None:
    checks = open_tab(qtbot, page, "checks")
    assert checks.model.rowCount() == 0

    def new_check(form: CheckForm) -> None:
        retype(form.checked_on, "3/13/2025")
        type_text(form.actual_use, "Mua máy cày")
        click(save_button(form))
        assert form.error_text("checked_on") == (
            "Không có tháng 13: ghi ngày trước, rồi đến tháng. Có phải là ngày 13/03/2025?"
        )
        retype(form.checked_on, "")
        click(save_button(form))
        assert form.error_text("checked_on") == "Không được để trống."
        retype(form.checked_on, "01/03/2025")
        click(save_button(form))
        assert form.error_text("checked_on") == ""
        assert form.error_text("loan_id") == "Chọn khoản vay được kiểm tra."
        assert form.error_text("result") == "Không được để trống."
        assert form.actual_use.text() == "Mua máy cày" and form.isVisible()
        click(form.loan.button)  # answered by pick() below
        assert form.stated_use.text() == "Chăn nuôi"
        choose(form.checker_kind, "Tổ chức nhận ủy thác")
        choose(form.outcome, "Đúng mục đích một phần")
        click(save_button(form))

    with answering(qtbot, fill(new_check), pick("hd4", "HD4")):
        click(checks.add_button)
    qtbot.waitUntil(lambda: checks.model.rowCount() == 1, timeout=10_000)
    loaded(qtbot, checks)
    select_row(checks, contract_no="HD4")

    def follow_up(form: CheckForm) -> None:
        type_text(form.action_required, "Kiểm tra lại sau 3 tháng")
        type_text(form.follow_up_on, "01/06/2025")
        click(save_button(form))

    with answering(qtbot, fill(follow_up)):
        click(checks.edit_button)
    loaded(qtbot, checks)
    assert cell(checks, 0, "Follow up on") == "01/06/2025"
    select_row(checks, contract_no="HD4")
    with answering(
        qtbot, yes("Xóa lần kiểm tra ngày 01/03/2025 khoản vay của Lê Văn Cường? Có thể hoàn tác.")
    ):
        click(checks.delete_button)
    qtbot.waitUntil(lambda: checks.model.rowCount() == 0, timeout=10_000)
    click(checks.undo_button)
    qtbot.waitUntil(lambda: checks.model.rowCount() == 1, timeout=10_000)
    loaded(qtbot, checks)
    assert checks.selected() is not None

    def changes(rows: list[Any]) -> None:
        assert [r.action for r in rows] == [
            AuditAction.RESTORE,
            AuditAction.DELETE,
            AuditAction.UPDATE,
            AuditAction.CREATE,
        ]
        assert "Kiểm tra lại sau 3 tháng" in rows[2].changes

    with answering(qtbot, history_rows(changes)):
        click(checks.history_button)
    with answering(qtbot, save_as(tmp_path / "kiem-tra.xlsx"), ok("Đã xuất ra")):
        click(checks.export_button)
    header, rows = exported_list(tmp_path / "kiem-tra.xlsx")
    assert [(r[header.index("Số HĐ")], r[header.index("Sử dụng thực tế")]) for r in rows] == [
        ("HD4", "Mua máy cày")
    ]
    with commune_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(LoanCheck)) == 1


def test_loans_not_checked_in_twelve_months(
    qtbot: QtBot, page: LoansPage, commune_db: Database, tmp_path: Path
) -> None:
    unchecked = open_tab(qtbot, page, "unchecked")
    assert sorted(r.contract_no for r in unchecked.model.all_rows()) == ["HD1", "HD2", "HD3", "HD5"]
    assert unchecked.add_button.isHidden() and unchecked.delete_button.isHidden()
    with answering(qtbot, save_as(tmp_path / "chua-kiem-tra.xlsx"), ok("Đã xuất ra")):
        click(unchecked.export_button)
    assert sorted(column_of(tmp_path / "chua-kiem-tra.xlsx", "Số HĐ")) == [
        "HD1",
        "HD2",
        "HD3",
        "HD5",
    ]
    select_row(unchecked, contract_no="HD5")

    def check(form: CheckForm) -> None:
        assert form.loan.value() is not None and form.stated_use.text() == "Chăn nuôi"
        choose(form.checker_kind, "UBND xã, phường")
        type_text(form.actual_use, "Mua bò giống")
        choose(form.outcome, "Đúng mục đích")
        click(save_button(form))

    with answering(qtbot, fill(check)):
        click(unchecked.check_button)
    qtbot.waitUntil(lambda: unchecked.model.rowCount() == 3, timeout=10_000)
    assert "HD5" not in {r.contract_no for r in unchecked.model.all_rows()}
    checks = open_tab(qtbot, page, "checks")
    assert [r.actual_use for r in checks.model.all_rows()] == ["Mua bò giống"]
    unchecked = open_tab(qtbot, page, "unchecked")
    select_row(unchecked, contract_no="HD1")

    def loan_history(rows: list[Any]) -> None:
        assert [(r.action, r.record_type) for r in rows] == [(AuditAction.CREATE, "loan")]

    with answering(qtbot, history_rows(loan_history)):
        click(unchecked.history_button)


# -- Chỉ tiêu ---------------------------------------------------------------------------------


def test_indicators_tab(qtbot: QtBot, qtmodeltester: Any, page: LoansPage, tmp_path: Path) -> None:
    tab = page.tab("indicators")
    retype(tab.as_of, "31/12/2025")
    tab.year.setValue(2025)
    click(tab.show_button)
    qtbot.waitUntil(
        lambda: tab.table is not None and tab.table.as_of == date(2025, 12, 31), timeout=10_000
    )
    labels = [r.label for r in tab.model.all_rows()]
    assert labels == ["Hộ nghèo", "GQVL", "Tổng cộng"]
    qtmodeltester.check(tab.model)
    total = tab.model.rowCount() - 1
    assert tab.model.data(tab.model.index(total, 3)) == "105.000.000 đ"
    assert tab.model.data(tab.model.index(total, 5)) == "14,29 %"
    choose(tab.dimension, "Theo tổ chức hội")
    qtbot.waitUntil(lambda: tab.table.dimension.value == "organisation", timeout=10_000)
    # HND: L1 40 + L2 40; HPN: L3 20 (frozen, outstanding); CCB: L5 5 (overdue)
    assert [(r.label, r.outstanding) for r in tab.model.all_rows()] == [
        ("Hội Nông dân", 80 * M),
        ("Hội Phụ nữ", 20 * M),
        ("Hội Cựu chiến binh", 5 * M),
        ("Tổng cộng", 105 * M),
    ]
    choose(tab.dimension, "Theo ấp, khu vực")
    qtbot.waitUntil(lambda: tab.table.dimension.value == "hamlet", timeout=10_000)
    assert [r.label for r in tab.model.all_rows()] == ["Khu vực 1", "Khu vực 2", "Tổng cộng"]
    with answering(qtbot, save_as(tmp_path / "chi-tieu.xlsx"), ok("Đã xuất ra")):
        click(tab.export_button)
    workbook = load_workbook(tmp_path / "chi-tieu.xlsx")
    assert workbook.sheetnames == ["Chỉ tiêu tín dụng chính sách", "Nợ quá hạn theo thời gian"]
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[5]][:4] == ["Khu vực 2", 1, 1, 20_000_000]
    # A date that does not exist: a message, and the table stays as it was.
    retype(tab.as_of, "31/02/2025")
    with answering(qtbot, ok()):
        click(tab.show_button)
    assert tab.table.as_of == date(2025, 12, 31)


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
    page.combos[1].setCurrentIndex(0)  # Số HĐ and Số CCCD: not imported
    page.combos[3].setCurrentIndex(0)
    assert not page.validatePage()
    assert page.error.text() == (
        "Các cột đã chọn chưa đủ. Để ghi khoản vay mới, hãy chọn cột cho: Số hợp đồng hoặc "
        "số CCCD. Để cập nhật dư nợ của các khoản vay đã có, hãy chọn cột cho: Số hợp đồng "
        "hoặc số CCCD."
    )
    page.combos[1].setCurrentIndex(page.combos[1].findData("contract_no"))
    page.combos[0].setCurrentIndex(page.combos[0].findData("full_name"))
    assert not page.validatePage()
    assert page.error.text() == "Họ tên người vay đang được chọn cho hai cột (A và C)."


@pytest.mark.usefixtures("engine")
def test_city_view_is_read_only_with_a_commune_filter(
    qtbot: QtBot, vi_app: QApplication, city_db: Database, tmp_path: Path
) -> None:
    """At the city every tab shows the communes' records, read-only: no add, edit, delete,
    undo, check or import; history, export, balances and indicators work."""
    from desktop.core import demo
    from desktop.core.office import list_communes

    with city_db.transaction() as s:
        codes = list(list_communes(s))[:2]
        demo.generate(
            s,
            scale=demo.DemoScale(borrowers=6, groups=2, hamlets=2, contributions_per_year=1),
            communes=codes,
        )
    page = LoansPage(context_of(city_db))
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    loans = open_tab(qtbot, page, "loans")
    assert loans.columns[0].title == "Commune / ward"
    total = loans.model.rowCount()
    communes = {r.commune_code for r in loans.model.all_rows()}
    assert len(communes) == 2
    loans.commune_combo.setCurrentIndex(loans.commune_combo.findData(codes[0].code))
    assert 0 < loans.model.rowCount() < total
    assert {r.commune_code for r in loans.model.visible_rows()} == {codes[0].code}
    assert loans.model.data(loans.model.index(0, 0)) == codes[0].name
    assert not loans.import_button.isVisible() and not loans.check_button.isVisible()
    for key in ("loans", "borrowers", "groups", "checks", "unchecked"):
        tab = open_tab(qtbot, page, key)
        for name in ("add_button", "edit_button", "delete_button", "undo_button"):
            assert not getattr(tab, name).isVisible(), (key, name)
        assert tab.history_button.isVisible() and tab.export_button.isVisible(), key
        if tab.model.rowCount():
            with answering(qtbot):  # a double click opens no form
                double_click_row(tab.view, 0)
    assert not page.tab("unchecked").check_button.isVisible()

    loans = open_tab(qtbot, page, "loans")
    loans.view.selectRow(0)

    def read_only_balances(dialog: QDialog) -> None:
        listed = loaded(qtbot, dialog.page)  # type: ignore[attr-defined]
        assert listed.model.rowCount() >= 1
        assert not listed.add_button.isVisible() and not listed.delete_button.isVisible()
        click(close_button(dialog))

    with answering(qtbot, fill(read_only_balances)):
        click(loans.balances_button)
    groups = open_tab(qtbot, page, "groups")
    groups.view.selectRow(0)

    def read_only_grades(dialog: QDialog) -> None:
        assert not dialog.page.add_button.isVisible()  # type: ignore[attr-defined]
        click(close_button(dialog))

    with answering(qtbot, fill(read_only_grades)):
        click(groups.grades_button)
    with answering(qtbot, history_rows(lambda rows: None)):
        click(groups.history_button)
    with answering(qtbot, save_as(tmp_path / "to-tp.xlsx"), ok("Đã xuất ra")):
        click(groups.export_button)
    assert len(column_of(tmp_path / "to-tp.xlsx", "Mã tổ")) == groups.model.rowCount()
    indicators = page.tab("indicators")
    assert indicators.dimension.findData("commune") >= 0
    qtbot.waitUntil(lambda: indicators.table is not None, timeout=10_000)
    choose(indicators.dimension, "Theo xã, phường")
    qtbot.waitUntil(lambda: indicators.table.dimension.value == "commune", timeout=10_000)
    assert {r.label for r in indicators.model.all_rows()} == {c.name for c in codes} | {"Tổng cộng"}


# -- a clerk's first day, through the real window ----------------------------------------------


def test_a_clerks_first_day_with_the_loans(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    """A new commune: a group, a borrower in it, a loan for that borrower (the group and the
    organisation taken over from the borrower), a check of that loan — each in its list, the
    check in the loan's row, and the indicators counting the loan under its organisation and
    hamlet. Every figure is the one loan's: 50 000 000 đ, checked once, used as intended."""
    window = MainWindow(context_of(commune_db))
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    page = go_to(window, "Khoản vay")
    assert isinstance(page, LoansPage)
    tabs = page.tabs

    groups = loaded(qtbot, click_tab(tabs, "Tổ TK&VV"))
    assert groups.model.rowCount() == 0

    def new_group(form: GroupForm) -> None:
        type_text(form.code, "PN-01")
        type_text(form.name, "Tổ Hội Phụ nữ Khu vực 1")
        choose(form.hamlet, "Khu vực 1")
        choose(form.organisation, "Hội Phụ nữ")
        type_text(form.leader, "Đoàn Thị Lệ")
        click(save_button(form))

    with answering(qtbot, fill(new_group)):
        click(groups.add_button)
    qtbot.waitUntil(lambda: groups.model.rowCount() == 1, timeout=10_000)
    assert cell(groups, 0, "Organisation") == "Hội Phụ nữ"

    borrowers = loaded(qtbot, click_tab(tabs, "Người vay"))

    def new_borrower(form: BorrowerForm) -> None:
        commit_text(form.full_name, "Lâm Thị Hồng")  # as Unikey enters it: one commit
        type_text(form.citizen_id, person_cid(1988, Sex.FEMALE, 7))
        type_text(form.birth_year, "1988")
        choose(form.sex, "Nữ")
        choose(form.hamlet, "Khu vực 1")
        choose(form.household, "Hộ nghèo")
        choose(form.group, "Tổ Hội Phụ nữ Khu vực 1 (PN-01)")
        click(save_button(form))

    with answering(qtbot, fill(new_borrower)):
        click(borrowers.add_button)
    qtbot.waitUntil(lambda: borrowers.model.rowCount() == 1, timeout=10_000)
    assert cell(borrowers, 0, "Group") == "Tổ Hội Phụ nữ Khu vực 1 (PN-01)"

    loans = loaded(qtbot, click_tab(tabs, "Khoản vay"))

    def new_loan(form: LoanForm) -> None:
        click(form.borrower.button)
        assert form.group.currentText() == "Tổ Hội Phụ nữ Khu vực 1 (PN-01)"
        assert form.organisation.currentText() == "Hội Phụ nữ"
        choose(form.programme, "Hộ nghèo")
        type_text(form.contract_no, "HĐ 01/2025")
        type_text(form.amount, "50.000.000")
        type_text(form.disbursed_on, "05/02/2025")
        type_text(form.maturity_on, "05/02/2028")
        type_text(form.purpose, "Nuôi vịt")
        click(save_button(form))

    with answering(qtbot, fill(new_loan), pick("lam thi hong", "Lâm Thị Hồng")):
        click(loans.add_button)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 1, timeout=10_000)
    loaded(qtbot, loans)
    select_row(loans, contract_no="HĐ 01/2025")

    def check(form: CheckForm) -> None:
        retype(form.checked_on, "20/06/2025")
        choose(form.checker_kind, "Tổ chức nhận ủy thác")
        type_text(form.checker_name, "Đoàn Thị Lệ")
        type_text(form.actual_use, "Mua 200 con vịt giống")
        choose(form.outcome, "Đúng mục đích")
        click(save_button(form))

    with answering(qtbot, fill(check)):
        click(loans.check_button)
    loaded(qtbot, loans)
    assert [
        cell(loans, 0, title)
        for title in ("Borrower", "Organisation", "Group", "Outstanding", "Last check")
    ] == [
        "Lâm Thị Hồng",
        "Hội Phụ nữ",
        "Tổ Hội Phụ nữ Khu vực 1 (PN-01)",
        "50.000.000 đ",
        "20/06/2025",
    ]

    checks = loaded(qtbot, click_tab(tabs, "Kiểm tra sử dụng vốn"))
    assert [(r.contract_no, r.borrower_name, r.actual_use) for r in checks.model.all_rows()] == [
        ("HĐ 01/2025", "Lâm Thị Hồng", "Mua 200 con vịt giống")
    ]
    unchecked = loaded(qtbot, click_tab(tabs, "Chưa kiểm tra 12 tháng"))
    # Checked on 20/06/2025: on the day of this run (after 20/06/2026) it is due again.
    due = date.today() > date(2026, 6, 20)
    assert unchecked.model.rowCount() == (1 if due else 0)

    indicators = loaded(qtbot, click_tab(tabs, "Chỉ tiêu"))
    retype(indicators.as_of, "31/12/2025")
    indicators.year.setValue(2025)
    click(indicators.show_button)
    qtbot.waitUntil(
        lambda: indicators.table is not None and indicators.table.as_of == date(2025, 12, 31),
        timeout=10_000,
    )
    for dimension, label in (("Theo tổ chức hội", "Hội Phụ nữ"), ("Theo ấp, khu vực", "Khu vực 1")):
        choose(indicators.dimension, dimension)
        qtbot.waitUntil(
            lambda label=label: (
                indicators.model.rowCount() > 0 and indicators.model.row_at(0).label == label
            ),
            timeout=10_000,
        )
        first, total = indicators.model.all_rows()
        assert (
            first.label,
            first.loans_with_balance,
            first.borrowers_with_balance,
            first.outstanding,
            first.overdue,
            first.loans_checked,
            first.loans_used_as_intended,
        ) == (label, 1, 1, 50 * M, 0, 1, 1)
        assert total.outstanding == 50 * M


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
        rows = list_loans(s, Scope.commune("31120"))
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
