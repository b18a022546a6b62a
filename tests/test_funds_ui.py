"""Đóng góp & nguồn vốn in the window, driven as a clerk drives it: the real buttons clicked,
Vietnamese typed, the real forms and questions answered while they are open, the exported
workbooks read back. Every list's add, edit, delete, undo, history and export; the questions
before a grant larger than the fund's balance and before a gift that looks recorded twice;
the statement and the targets with their exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.base import CITY_CODE
from db.enums import ContributionForm as GiftForm
from db.enums import DonorType, SourceLevel
from db.models import CapitalTotal, EntrustedTransfer, FundContribution, FundSpending
from desktop.core import demo
from desktop.core.database import Database
from desktop.core.funds.capital import CapitalInput, TransferInput, create_capital, create_transfer
from desktop.core.funds.fund import (
    ContributionInput,
    OpeningInput,
    SpendingInput,
    create_contribution,
    create_opening,
    create_spending,
    list_contributions,
    list_spending,
)
from desktop.core.owners import CITY_OFFICE, Scope
from desktop.ui.funds.contributions import ContributionForm, ContributionListPage
from desktop.ui.funds.deposits import DepositForm, DepositListPage
from desktop.ui.funds.entrusted import (
    CapitalForm,
    CapitalListPage,
    IndicatorsView,
    TransferForm,
    TransferListPage,
)
from desktop.ui.funds.page import FundsPage
from desktop.ui.funds.spending import SpendingForm, SpendingListPage
from desktop.ui.funds.statement import FundStatementView, OpeningForm, OpeningListPage
from desktop.ui.history import HistoryDialog
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import NEGATIVE_COLOUR
from tests.clerk import (
    answering,
    choose,
    click,
    context_of,
    fill,
    loaded,
    no,
    ok,
    retype,
    save_as,
    save_button,
    type_text,
    yes,
)
from tests.report_support import exported_list

TODAY = date(2026, 11, 29)
M = 1_000_000


def count(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def gift(
    db: Database,
    donor: str,
    day: date,
    amount: int,
    *,
    form: GiftForm = GiftForm.TIEN_MAT,
    receipt: str = "",
) -> str:
    with db.transaction() as s:
        return create_contribution(
            s,
            ContributionInput(
                donor_name=donor,
                donor_type=DonorType.CA_NHAN,
                form=form,
                amount=amount,
                received_on=day,
                campaign_year=day.year,
                in_kind_description="Gạo" if form is GiftForm.HIEN_VAT else "",
                receipt_no=receipt,
            ),
        )


def grant(db: Database, recipient: str, day: date, amount: int) -> str:
    with db.transaction() as s:
        return create_spending(s, SpendingInput(recipient, "Hỗ trợ sửa chữa nhà", amount, day))


def opening(db: Database, year: int, amount: int) -> None:
    with db.transaction() as s:
        create_opening(s, OpeningInput(year=year, amount=amount))


# -- a clerk's hands in a form ----------------------------------------------------------------
def save_and_close(form: Any) -> None:
    """Click Save in a form that must then close (a form left open would leave the test
    waiting: the assertion closes it and fails the test instead)."""
    click(save_button(form))
    problems = [form.error_text(name) for name in form.field_errors] + [form.general_error.text()]
    assert not form.isVisible(), f"the form stayed open: {[p for p in problems if p]}"


def close_button(dialog: QWidget) -> Any:
    for box in dialog.findChildren(QDialogButtonBox):
        button = box.button(QDialogButtonBox.StandardButton.Close)
        if button is not None:
            return button
    raise AssertionError(f"no Close button in {dialog.windowTitle()!r}")


def plain(cell: Any) -> Any:
    """A workbook's date cell (read back as a datetime) as the date it holds."""
    return cell.date() if isinstance(cell, datetime) else cell


# -- forms --------------------------------------------------------------------------------------
def show_form(qtbot: QtBot, form: Any) -> Any:
    qtbot.addWidget(form)
    form.show()
    return form


def test_contribution_form_saves_what_was_typed(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = show_form(qtbot, ContributionForm(context_of(commune_db), None))
    type_text(form.donor_name, "Công ty TNHH Thủy sản Hậu Giang")
    choose(form.donor_type, "Doanh nghiệp")
    choose(form.form_combo, "Chuyển khoản")
    type_text(form.amount, "1,5 triệu")
    retype(form.received_on, "20/10/2025")
    type_text(form.receipt_no, "25/0012")
    assert form.campaign_year.value() == 2025  # follows the date received
    assert not form.in_kind.isEnabled()
    click(form.save_button)
    assert not form.isVisible()
    with commune_db.reading() as s:
        (row,) = list_contributions(s, Scope.commune("31120"))
    assert (row.donor_name, row.amount, row.received_on) == (
        "Công ty TNHH Thủy sản Hậu Giang",
        1_500_000,
        date(2025, 10, 20),
    )
    assert (row.form, row.campaign_year, row.receipt_no) == (GiftForm.CHUYEN_KHOAN, 2025, "25/0012")


def test_contribution_form_shows_every_error_in_vietnamese_and_keeps_input(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = show_form(qtbot, ContributionForm(context_of(commune_db), None))
    choose(form.form_combo, "Hiện vật")
    type_text(form.amount, "một triệu")
    retype(form.received_on, "31/02/2025")
    click(form.save_button)
    assert form.isVisible() and form.save_button.isEnabled()
    assert form.error_text("donor_name") == "Không được để trống."
    assert form.error_text("amount") == "Nhập số tiền bằng đồng, ví dụ 1.500.000 hoặc 1,5 triệu."
    assert form.error_text("received_on") == (
        "Ngày 31/02/2025 không có: tháng 2 năm 2025 có 28 ngày."
    )
    assert form.error_text("in_kind_description") == (
        "Ghi rõ hiện vật hoặc công trình đóng góp; số tiền là giá trị ước tính."
    )
    assert form.amount.text() == "một triệu" and form.received_on.text() == "31/02/2025"
    assert count(commune_db, FundContribution) == 0
    # Fix everything: the same dialog saves.
    type_text(form.donor_name, "Hộ Lê Văn Tư")
    retype(form.amount, "500000")
    retype(form.received_on, "05/11/2025")
    type_text(form.in_kind, "10 bao gạo")
    click(form.save_button)
    assert not form.isVisible()
    assert count(commune_db, FundContribution) == 1


def test_contribution_form_refuses_a_date_in_the_future_and_a_used_receipt(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    gift(commune_db, "Nguyễn Văn Bảy", date(2025, 3, 2), 200_000, receipt="25/0001")
    form = show_form(qtbot, ContributionForm(context_of(commune_db), None))
    type_text(form.donor_name, "Trần Thị Tám")
    type_text(form.amount, "300.000")
    retype(form.received_on, "03/03/2025")
    type_text(form.receipt_no, "25/0001")
    click(form.save_button)
    assert form.isVisible()
    assert form.error_text("receipt_no") == (
        "Số biên nhận 25/0001 đã dùng cho khoản đóng góp của Nguyễn Văn Bảy ngày 02/03/2025."
    )
    retype(form.receipt_no, "25/0002")
    retype(form.received_on, "01/01/2999")
    click(form.save_button)
    assert form.error_text("received_on") == (
        "Ngày phải nằm trong khoảng 01/01/1990 đến 31/12/2100."
    )
    retype(form.received_on, "01/01/2099")
    click(form.save_button)
    assert form.error_text("received_on") == "Ngày này chưa tới."
    assert count(commune_db, FundContribution) == 1


def test_spending_form_checks_the_decision_date(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    opening(commune_db, 2025, 50 * M)
    form = show_form(qtbot, SpendingForm(context_of(commune_db), None))
    assert form.hamlet.isVisibleTo(form) and form.hamlet.count() == 3  # empty + 2 hamlets
    type_text(form.recipient, "Hộ Phạm Thị Lụa")
    choose(form.hamlet, "Khu vực 2")
    choose(form.purpose, "Hỗ trợ sửa chữa nhà")
    type_text(form.amount, "20 triệu")
    retype(form.spent_on, "10/06/2025")
    retype(form.decision_date, "11/06/2025")
    click(form.save_button)
    assert (
        form.error_text("decision_date") == "Ngày quyết định không thể sau ngày chi (10/06/2025)."
    )
    assert count(commune_db, FundSpending) == 0
    retype(form.decision_date, "05/06/2025")
    type_text(form.decision_no, "15/QĐ-MTTQ")
    click(form.save_button)  # within the balance: no question
    assert not form.isVisible()
    with commune_db.reading() as s:
        (row,) = list_spending(s, Scope.commune("31120"))
    assert (row.purpose, row.amount, row.decision_no, row.hamlet_name) == (
        "Hỗ trợ sửa chữa nhà",
        20 * M,
        "15/QĐ-MTTQ",
        "Khu vực 2",
    )
    assert row.balance_after == 30 * M


def test_opening_form_one_per_year(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    opening(commune_db, 2025, 1)
    form = show_form(qtbot, OpeningForm(context_of(commune_db), None))
    form.year.setValue(2025)
    type_text(form.amount, "12.500.000")
    click(form.save_button)
    assert form.error_text("year") == "Số dư đầu năm 2025 đã được nhập; hãy sửa số liệu đã có."
    form.year.setValue(2024)
    click(form.save_button)
    assert not form.isVisible()


def test_deposit_form(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    form = show_form(qtbot, DepositForm(context_of(commune_db), None))
    choose(form.kind, "Tài trợ")
    assert not form.term.isEnabled() and form.term.text() == "không kỳ hạn"
    choose(form.kind, "Tiền gửi")
    assert form.term.isEnabled()
    form.term.setValue(12)
    type_text(form.amount, "0")
    click(form.save_button)
    assert form.error_text("party_name") == "Không được để trống."
    assert form.error_text("amount") == "Số tiền phải lớn hơn 0."
    type_text(form.party_name, "Hợp tác xã Nông nghiệp Thạnh Phú")
    retype(form.amount, "150.000.000")
    retype(form.transacted_on, "15/08/2025")
    click(form.save_button)
    assert not form.isVisible()


def test_transfer_form(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    form = show_form(qtbot, TransferForm(context_of(commune_db), None))
    assert form.source_level.value() is SourceLevel.XA  # a commune's own budget by default
    form.year.setValue(2025)
    type_text(form.amount, "1,5 tỷ")
    type_text(form.decision_date, "20/03/2025")
    type_text(form.transferred_on, "10/03/2025")
    click(form.save_button)
    assert form.error_text("transferred_on") == (
        "Ngày chuyển vốn không thể trước ngày quyết định (20/03/2025)."
    )
    retype(form.transferred_on, "01/04/2025")
    form.programme.set_value("GQVL")
    type_text(form.decision_no, "512/QĐ-UBND")
    click(form.save_button)
    assert not form.isVisible()
    with commune_db.reading() as s:
        row = s.scalars(select(EntrustedTransfer)).one()
    assert (row.amount, row.programme_code, row.year) == (1_500_000_000, "GQVL", 2025)


def test_capital_form_city_figures(qtbot: QtBot, vi_app: QApplication, city_db: Database) -> None:
    form = show_form(qtbot, CapitalForm(context_of(city_db), None))
    form.year.setValue(2025)
    type_text(form.total, "17.590 tỷ")
    type_text(form.balance, "20.000 tỷ")
    click(form.save_button)
    assert form.error_text("entrusted_balance") == "Vốn ủy thác không thể lớn hơn tổng nguồn vốn."
    retype(form.balance, "2.675 tỷ")
    type_text(form.as_of, "31/12/2025")
    click(form.save_button)
    assert not form.isVisible()
    with city_db.reading() as s:
        row = s.scalars(select(CapitalTotal)).one()
    assert (row.total_capital, row.entrusted_balance, row.commune_code) == (
        17_590_000_000_000,
        2_675_000_000_000,
        CITY_CODE,
    )


# -- every list: add, edit, delete, undo, history, export, each by its button --------------------
@dataclass(frozen=True)
class ListCase:
    """One list page and what a clerk types in its form."""

    page: type[ListPage[Any]]
    #: Fills the empty form of a new record (Save is clicked by the test).
    new: Callable[[Any], None]
    #: The new row, as a tuple of its attributes named in ``key``.
    key: tuple[str, ...]
    added: tuple[Any, ...]
    #: Changes one field in the edit form, after checking it shows the row.
    change: Callable[[Any], None]
    changed: tuple[Any, ...]
    #: What the history says of the change, and the words of the delete question.
    history: str
    question: str
    #: The exported row: column title → value.
    exported: dict[str, Any]


def _new_gift(form: ContributionForm) -> None:
    type_text(form.donor_name, "Hội Cựu chiến binh phường")
    choose(form.donor_type, "Tổ chức")
    type_text(form.amount, "3000000")
    retype(form.received_on, "21/10/2025")
    type_text(form.receipt_no, "25/0100")


def _change_gift(form: ContributionForm) -> None:
    assert form.amount.text() == "3.000.000"
    retype(form.amount, "3.500.000")


def _new_grant(form: SpendingForm) -> None:
    type_text(form.recipient, "Hộ Phạm Thị Lụa")
    choose(form.purpose, "Hỗ trợ khám chữa bệnh")
    type_text(form.amount, "20 triệu")
    retype(form.spent_on, "10/06/2025")


def _change_grant(form: SpendingForm) -> None:
    assert form.amount.text() == "20.000.000"
    retype(form.amount, "15.000.000")  # less than before: no question about the balance


def _new_opening(form: OpeningForm) -> None:
    form.year.setValue(2024)
    type_text(form.amount, "12.500.000")


def _change_opening(form: OpeningForm) -> None:
    assert form.year.value() == 2024
    retype(form.amount, "13 triệu")


def _new_deposit(form: DepositForm) -> None:
    choose(form.kind, "Tiền gửi")
    type_text(form.party_name, "Hợp tác xã Nông nghiệp Thạnh Phú")
    choose(form.party_type, "Tổ chức")
    type_text(form.amount, "150.000.000")
    retype(form.transacted_on, "15/08/2025")
    form.term.setValue(12)


def _change_deposit(form: DepositForm) -> None:
    assert form.party_name.text() == "Hợp tác xã Nông nghiệp Thạnh Phú"
    retype(form.amount, "200 triệu")


def _new_transfer(form: TransferForm) -> None:
    form.year.setValue(2025)
    type_text(form.amount, "1,5 tỷ")
    type_text(form.decision_no, "512/QĐ-UBND")
    type_text(form.decision_date, "20/03/2025")
    type_text(form.transferred_on, "01/04/2025")


def _change_transfer(form: TransferForm) -> None:
    assert form.decision_no.text() == "512/QĐ-UBND"
    retype(form.amount, "2 tỷ")


def _new_capital(form: CapitalForm) -> None:
    form.year.setValue(2025)
    type_text(form.total, "17.590 tỷ")
    type_text(form.balance, "2.675 tỷ")
    type_text(form.as_of, "31/12/2025")
    type_text(form.source_note, "Báo cáo NHCSXH")


def _change_capital(form: CapitalForm) -> None:
    assert form.total.text() == "17.590.000.000.000"
    retype(form.balance, "2.700 tỷ")


LIST_CASES = [
    ListCase(
        ContributionListPage,
        _new_gift,
        ("donor_name", "amount", "received_on", "receipt_no"),
        ("Hội Cựu chiến binh phường", 3 * M, date(2025, 10, 21), "25/0100"),
        _change_gift,
        ("Hội Cựu chiến binh phường", 3_500_000, date(2025, 10, 21), "25/0100"),
        "Số tiền: 3.000.000 đ → 3.500.000 đ",
        "Xóa khoản đóng góp của Hội Cựu chiến binh phường (3.500.000 đ, ngày 21/10/2025)?",
        {
            "Ngày nhận": date(2025, 10, 21),
            "Người, đơn vị đóng góp": "Hội Cựu chiến binh phường",
            "Đối tượng": "Tổ chức",
            "Hình thức": "Tiền mặt",
            "Số tiền": 3_500_000,
            "Số biên nhận": "25/0100",
            "Năm vận động": "2025",
        },
    ),
    ListCase(
        SpendingListPage,
        _new_grant,
        ("recipient_name", "amount", "spent_on", "balance_after"),
        ("Hộ Phạm Thị Lụa", 20 * M, date(2025, 6, 10), 30 * M),
        _change_grant,
        ("Hộ Phạm Thị Lụa", 15 * M, date(2025, 6, 10), 35 * M),
        "Số tiền: 20.000.000 đ → 15.000.000 đ",
        "Xóa khoản chi hỗ trợ Hộ Phạm Thị Lụa (15.000.000 đ, ngày 10/06/2025)?",
        {
            "Ngày chi": date(2025, 6, 10),
            "Người, hộ nhận hỗ trợ": "Hộ Phạm Thị Lụa",
            "Nội dung hỗ trợ": "Hỗ trợ khám chữa bệnh",
            "Số tiền": 15 * M,
            "Số dư quỹ cuối ngày chi": 35 * M,
        },
    ),
    ListCase(
        OpeningListPage,
        _new_opening,
        ("year", "amount"),
        (2024, 12_500_000),
        _change_opening,
        (2024, 13 * M),
        "Số tiền: 12.500.000 đ → 13.000.000 đ",
        "Xóa số dư đầu năm 2024?",
        {"Năm": "2024", "Số dư ngày 01/01": 13 * M},
    ),
    ListCase(
        DepositListPage,
        _new_deposit,
        ("party_name", "amount", "transacted_on", "term_months"),
        ("Hợp tác xã Nông nghiệp Thạnh Phú", 150 * M, date(2025, 8, 15), 12),
        _change_deposit,
        ("Hợp tác xã Nông nghiệp Thạnh Phú", 200 * M, date(2025, 8, 15), 12),
        "Số tiền: 150.000.000 đ → 200.000.000 đ",
        "Xóa khoản tiền gửi, tài trợ của Hợp tác xã Nông nghiệp Thạnh Phú (200.000.000 đ, "
        "ngày 15/08/2025)?",
        {
            "Ngày": date(2025, 8, 15),
            "Loại": "Tiền gửi",
            "Tổ chức, cá nhân": "Hợp tác xã Nông nghiệp Thạnh Phú",
            "Tổ chức hay cá nhân": "Tổ chức",
            "Số tiền": 200 * M,
            "Kỳ hạn (tháng)": 12,
        },
    ),
    ListCase(
        TransferListPage,
        _new_transfer,
        ("year", "amount", "decision_no", "transferred_on"),
        (2025, 1_500 * M, "512/QĐ-UBND", date(2025, 4, 1)),
        _change_transfer,
        (2025, 2_000 * M, "512/QĐ-UBND", date(2025, 4, 1)),
        "Số tiền: 1.500.000.000 đ → 2.000.000.000 đ",
        "Xóa khoản chuyển vốn 2.000.000.000 đ năm 2025?",
        {
            "Năm": "2025",
            "Cấp ngân sách": "Ngân sách xã, phường",
            "Số tiền": 2_000 * M,
            "Số quyết định": "512/QĐ-UBND",
            "Ngày quyết định": date(2025, 3, 20),
            "Ngày chuyển vốn": date(2025, 4, 1),
        },
    ),
    ListCase(
        CapitalListPage,
        _new_capital,
        ("year", "total_capital", "entrusted_balance", "as_of"),
        (2025, 17_590_000 * M, 2_675_000 * M, date(2025, 12, 31)),
        _change_capital,
        (2025, 17_590_000 * M, 2_700_000 * M, date(2025, 12, 31)),
        "2.675.000.000.000 đ → 2.700.000.000.000 đ",
        "Xóa tổng nguồn vốn năm 2025?",
        {
            "Năm": "2025",
            "Tổng nguồn vốn": 17_590_000 * M,
            "Trong đó vốn ngân sách địa phương ủy thác": 2_700_000 * M,
            "Số liệu đến ngày": date(2025, 12, 31),
            "Nguồn số liệu": "Báo cáo NHCSXH",
        },
    ),
]


def _values(row: Any, key: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(row, name) for name in key)


@pytest.mark.parametrize("case", LIST_CASES, ids=lambda c: c.page.__name__)
def test_every_list_adds_edits_deletes_undoes_shows_history_and_exports(
    case: ListCase,
    qtbot: QtBot,
    vi_app: QApplication,
    commune_db: Database,
    tmp_path: Path,
) -> None:
    opening(commune_db, 2025, 50 * M)  # the grant fits the fund: no question about it
    page = case.page(context_of(commune_db))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    loaded(qtbot, page)
    before = page.model.rowCount()

    def new(form: Any) -> None:
        case.new(form)
        save_and_close(form)

    with answering(qtbot, fill(new)):
        click(page.add_button)
    assert page.model.rowCount() == before + 1
    (added,) = [r for r in page.model.all_rows() if _values(r, case.key) == case.added]

    page.select_id(added.id)

    def change(form: Any) -> None:
        case.change(form)
        save_and_close(form)

    with answering(qtbot, fill(change)):
        click(page.edit_button)
    changed = page.selected()
    assert changed is not None and changed.id == added.id
    assert _values(changed, case.key) == case.changed and changed.version == 2

    with answering(qtbot, yes(case.question)):
        click(page.delete_button)
    assert page.model.find_row(lambda r: r.id == added.id) == -1
    assert page.undo_button.isEnabled()
    click(page.undo_button)
    assert page.model.find_row(lambda r: r.id == added.id) >= 0
    assert not page.undo_button.isEnabled()

    seen: list[list[tuple[str, str]]] = []

    def read_history(dialog: HistoryDialog) -> None:
        assert isinstance(dialog, HistoryDialog)
        seen.append([(r.action.value, r.changes) for r in dialog.model.all_rows()])
        click(close_button(dialog))

    page.select_id(added.id)
    with answering(qtbot, fill(read_history)):
        click(page.history_button)
    (history,) = seen
    assert [action for action, _ in history] == ["restore", "delete", "update", "create"]
    assert case.history in history[2][1]

    target = tmp_path / "danh-sach.xlsx"
    with answering(qtbot, save_as(target), ok("Đã xuất ra")):
        click(page.export_button)
    header, rows = exported_list(target)
    first = case.exported[header[0]]
    (row,) = [r for r in rows if plain(r[0]) == first]
    assert {title: plain(row[header.index(title)]) for title in case.exported} == case.exported


def test_deleting_asks_first_and_no_keeps_the_row(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    gift(commune_db, "Nguyễn Văn Ánh", date(2025, 10, 20), 500_000)
    page = ContributionListPage(context_of(commune_db))
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page)
    page.view.selectRow(0)
    question = (
        "Xóa khoản đóng góp của Nguyễn Văn Ánh (500.000 đ, ngày 20/10/2025)? Có thể hoàn tác."
    )
    with answering(qtbot, no(question)):
        click(page.delete_button)
    assert page.model.rowCount() == 1 and not page.undo_button.isEnabled()
    assert count(commune_db, FundContribution) == 1


def test_contribution_list_search_period_and_total(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, qtmodeltester: ModelTester
) -> None:
    gift(commune_db, "Nguyễn Văn Ánh", date(2025, 10, 20), 500_000)
    gift(commune_db, "Đỗ Thị Bé", date(2025, 3, 2), 1_000_000)
    gift(commune_db, "Lê Văn Cường", date(2024, 11, 1), 2_000_000)
    page = ContributionListPage(context_of(commune_db))
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page)
    qtmodeltester.check(page.model, force_py=True)
    assert page.status.text() == "3 / 3 dòng   ·   Tổng số tiền các dòng đang hiện: 3.500.000 đ"
    type_text(page.search, "nguyen van anh")
    assert [r.donor_name for r in page.model.visible_rows()] == ["Nguyễn Văn Ánh"]
    page.search.clear()
    assert page.period_filter is not None
    combo = page.period_filter.year_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Tất cả các năm", "2025", "2024"]
    choose(combo, "2025")
    assert page.model.rowCount() == 2
    choose(page.period_filter.part_combo, "Quý IV")
    assert [r.donor_name for r in page.model.visible_rows()] == ["Nguyễn Văn Ánh"]
    assert page.status.text().endswith("500.000 đ")
    choose(combo, "Tất cả các năm")
    page.model.sort(1)  # the tester watches the signals of the filter and the sort
    assert [r.donor_name for r in page.model.visible_rows()] == [
        "Đỗ Thị Bé",  # Vietnamese order: Đ after D and before L
        "Lê Văn Cường",
        "Nguyễn Văn Ánh",
    ]


def test_contribution_list_exports_what_is_shown(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    gift(commune_db, "Nguyễn Văn Ánh", date(2025, 10, 20), 500_000)
    gift(commune_db, "Đỗ Thị Bé", date(2025, 3, 2), 1_000_000)
    page = ContributionListPage(context_of(commune_db))
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page)
    type_text(page.search, "be")
    with answering(qtbot, save_as(tmp_path / "dong-gop.xlsx"), ok("Đã xuất ra")):
        click(page.export_button)
    header, rows = exported_list(tmp_path / "dong-gop.xlsx")
    assert header[:5] == [
        "Ngày nhận",
        "Người, đơn vị đóng góp",
        "Đối tượng",
        "Hình thức",
        "Số tiền",
    ]
    (row,) = rows
    assert row[1] == "Đỗ Thị Bé" and row[4] == 1_000_000 and row[2] == "Cá nhân"
    assert row[0].date() == date(2025, 3, 2)  # a real date, not text
    sheet = load_workbook(tmp_path / "dong-gop.xlsx").active
    assert sheet is not None and "Ủy ban nhân dân phường Cái Khế" in str(sheet["A1"].value)


# -- a grant larger than the fund, a gift recorded twice: asked, not refused ----------------------
@pytest.fixture
def fund_2025(commune_db: Database) -> Database:
    """Worked out by hand. 2025 opens at 5.000.000 đ; on 10/03 2.000.000 đ in cash and rice
    worth 1.000.000 đ (not money) come in; on 15/03 a grant of 4.000.000 đ is paid; on 20/05
    6.000.000 đ come in. On 01/04/2025 the fund holds 5 + 2 − 4 = 3.000.000 đ."""
    opening(commune_db, 2025, 5 * M)
    gift(commune_db, "Nguyễn Văn Ánh", date(2025, 3, 10), 2 * M)
    gift(commune_db, "Đỗ Thị Bé", date(2025, 3, 10), 1 * M, form=GiftForm.HIEN_VAT)
    grant(commune_db, "Hộ Trần Văn Chín", date(2025, 3, 15), 4 * M)
    gift(commune_db, "Lê Văn Cường", date(2025, 5, 20), 6 * M)
    return commune_db


def grants_page(qtbot: QtBot, db: Database) -> SpendingListPage:
    page = SpendingListPage(context_of(db))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    loaded(qtbot, page)
    return page


OVER = (
    "Số dư quỹ ngày 01/04/2025 là 3.000.000 đ. Khoản chi 10.000.000 đ lớn hơn số dư: "
    "quỹ sẽ bị âm 7.000.000 đ.\n\nVẫn lưu khoản chi này?"
)


def test_a_grant_larger_than_the_fund_asks_and_no_keeps_the_form(
    qtbot: QtBot, vi_app: QApplication, fund_2025: Database
) -> None:
    page = grants_page(qtbot, fund_2025)
    asked: list[str] = []

    def new_grant(form: SpendingForm) -> None:
        type_text(form.recipient, "Hộ Võ Thị Mười")
        choose(form.purpose, "Hỗ trợ xây nhà Đại đoàn kết")
        type_text(form.amount, "10 triệu")
        retype(form.spent_on, "01/04/2025")
        type_text(form.decision_no, "07/QĐ-MTTQ")
        click(save_button(form))  # answered No
        assert form.isVisible(), "No goes back to the form"
        assert count(fund_2025, FundSpending) == 1
        assert form.error_text("amount") == (
            "Chưa lưu: lớn hơn số dư quỹ ngày 01/04/2025 (3.000.000 đ)."
        )
        assert (form.recipient.text(), form.amount.text(), form.spent_on.text()) == (
            "Hộ Võ Thị Mười",
            "10.000.000",
            "01/04/2025",
        )
        assert form.decision_no.text() == "07/QĐ-MTTQ"
        asked.append("no")
        save_and_close(form)  # answered Yes

    with answering(qtbot, fill(new_grant), no(OVER), yes(OVER)):
        click(page.add_button)
    assert asked == ["no"]
    assert count(fund_2025, FundSpending) == 2
    row = next(r for r in page.model.all_rows() if r.recipient_name == "Hộ Võ Thị Mười")
    assert (row.amount, row.spent_on, row.balance_after) == (10 * M, date(2025, 4, 1), -7 * M)


def test_the_question_defaults_to_no(
    qtbot: QtBot, vi_app: QApplication, fund_2025: Database
) -> None:
    """Enter on the question (its default button) goes back to the form."""
    page = grants_page(qtbot, fund_2025)

    def press_enter(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox) and dialog.text() == OVER
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    def new_grant(form: SpendingForm) -> None:
        type_text(form.recipient, "Hộ Võ Thị Mười")
        type_text(form.purpose.lineEdit(), "Hỗ trợ sinh kế")
        type_text(form.amount, "10.000.000")
        retype(form.spent_on, "01/04/2025")
        click(save_button(form))  # Enter on the question
        assert form.isVisible() and count(fund_2025, FundSpending) == 1
        retype(form.amount, "3.000.000")  # what the fund holds: saved without a question
        save_and_close(form)

    with answering(qtbot, fill(new_grant), fill(press_enter)):
        click(page.add_button)
    assert count(fund_2025, FundSpending) == 2
    assert min(r.balance_after for r in page.model.all_rows()) == 0


def test_a_grant_without_any_opening_balance_says_how_to_record_one(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    page = grants_page(qtbot, commune_db)
    expected = (
        "Số dư quỹ ngày 10/06/2025 là 0 đ. Khoản chi 2.000.000 đ lớn hơn số dư: quỹ sẽ bị âm "
        "2.000.000 đ.\n\nChưa nhập số dư đầu năm của quỹ cho năm 2025 hoặc các năm trước: nếu "
        "quỹ đã có tiền trước khi ghi vào TDCS, hãy nhập ở thẻ Số dư đầu năm."
    )

    def new_grant(form: SpendingForm) -> None:
        type_text(form.recipient, "Hộ Phạm Thị Lụa")
        choose(form.purpose, "Tặng quà Tết")
        type_text(form.amount, "2 triệu")
        retype(form.spent_on, "10/06/2025")
        save_and_close(form)

    with answering(qtbot, fill(new_grant), yes(expected)):
        click(page.add_button)
    assert count(commune_db, FundSpending) == 1
    (row,) = page.model.all_rows()
    assert row.balance_after == -2 * M and page.below_zero.isVisible()


def test_changing_a_grant_asks_only_when_it_pays_more_or_moves(
    qtbot: QtBot, vi_app: QApplication, fund_2025: Database
) -> None:
    """The grant of 15/03 (4.000.000 đ) is measured against the fund without itself: on 15/03
    the fund held 5 + 2 = 7.000.000 đ, on 01/03 only the opening 5.000.000 đ."""
    page = grants_page(qtbot, fund_2025)
    (row,) = page.model.all_rows()
    assert row.balance_after == 3 * M

    def note_only(form: SpendingForm) -> None:
        type_text(form.notes, "Đã bàn giao")
        save_and_close(form)  # same amount, same day: no question

    def up_to_the_balance(form: SpendingForm) -> None:
        retype(form.amount, "7.000.000")  # exactly what the fund held: no question
        save_and_close(form)

    def earlier_then_later(form: SpendingForm) -> None:
        retype(form.spent_on, "01/03/2025")  # before the cash came in
        click(save_button(form))  # answered No
        assert form.isVisible() and form.spent_on.text() == "01/03/2025"
        retype(form.spent_on, "16/03/2025")  # the clerk corrects the day
        save_and_close(form)  # 7.000.000 đ held on 16/03: no question

    question = (
        "Số dư quỹ ngày 01/03/2025 là 5.000.000 đ. Khoản chi 7.000.000 đ lớn hơn số dư: "
        "quỹ sẽ bị âm 2.000.000 đ."
    )
    for step, answers in (
        (note_only, ()),
        (up_to_the_balance, ()),
        (earlier_then_later, (no(question),)),
    ):
        page.select_id(row.id)
        with answering(qtbot, fill(step), *answers):
            click(page.edit_button)
    with fund_2025.reading() as s:
        (saved,) = list_spending(s, Scope.commune("31120"))
    assert (saved.amount, saved.spent_on, saved.notes, saved.version) == (
        7 * M,
        date(2025, 3, 16),
        "Đã bàn giao",
        4,
    )
    assert saved.balance_after == 0


def test_a_gift_recorded_twice_without_a_receipt_asks_first(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    gift(commune_db, "Nguyễn Văn Ánh", date(2025, 10, 20), 500_000, receipt="25/0007")
    page = ContributionListPage(context_of(commune_db))
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page)
    question = (
        "Đã có một khoản đóng góp giống hệt: Nguyễn Văn Ánh, 500.000 đ, nhận ngày 20/10/2025, "
        "số biên nhận 25/0007.\n\nNếu đây là một khoản đóng góp khác, hãy quay lại ghi số biên "
        "nhận. Vẫn lưu?"
    )

    def same_again(form: ContributionForm) -> None:
        type_text(form.donor_name, "nguyen van  anh")  # typed without accents: still the same
        type_text(form.amount, "500.000")
        retype(form.received_on, "20/10/2025")
        click(save_button(form))  # answered No
        assert form.isVisible()
        assert form.error_text("receipt_no") == (
            "Chưa lưu: khoản đóng góp này đã được ghi. Nếu là khoản khác, hãy ghi số biên nhận."
        )
        assert form.donor_name.text() == "nguyen van  anh" and form.amount.text() == "500.000"
        assert count(commune_db, FundContribution) == 1
        save_and_close(form)  # answered Yes

    with answering(qtbot, fill(same_again), no(question), yes(question)):
        click(page.add_button)
    assert count(commune_db, FundContribution) == 2 and page.model.rowCount() == 2

    def with_a_receipt(form: ContributionForm) -> None:
        type_text(form.donor_name, "Nguyễn Văn Ánh")
        type_text(form.amount, "500.000")
        retype(form.received_on, "20/10/2025")
        type_text(form.receipt_no, "25/0008")
        save_and_close(form)  # a receipt number tells them apart: no question

    with answering(qtbot, fill(with_a_receipt)):
        click(page.add_button)

    def another_day(form: ContributionForm) -> None:
        type_text(form.donor_name, "Nguyễn Văn Ánh")
        type_text(form.amount, "500.000")
        retype(form.received_on, "21/10/2025")
        save_and_close(form)

    with answering(qtbot, fill(another_day)):
        click(page.add_button)
    assert count(commune_db, FundContribution) == 4


# -- amounts below zero show -------------------------------------------------------------------
def test_a_fund_taken_below_zero_shows_in_red_in_the_list_and_the_statement(
    qtbot: QtBot, vi_app: QApplication, fund_2025: Database
) -> None:
    """With the confirmed grant of 10.000.000 đ on 01/04/2025: the fund is at −7.000.000 đ
    that day, and 2025 closes at 5 + 2 + 6 − 4 − 10 = −1.000.000 đ, carried into 2026."""
    grant(fund_2025, "Hộ Võ Thị Mười", date(2025, 4, 1), 10 * M)
    page = grants_page(qtbot, fund_2025)
    column = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)].index(
        "Số dư quỹ cuối ngày chi"
    )
    cells = {
        page.model.row_at(r).recipient_name: page.model.index(r, column)
        for r in range(page.model.rowCount())
    }
    assert cells["Hộ Võ Thị Mười"].data() == "-7.000.000 đ"
    assert cells["Hộ Võ Thị Mười"].data(Qt.ItemDataRole.ForegroundRole) == NEGATIVE_COLOUR
    assert cells["Hộ Trần Văn Chín"].data() == "3.000.000 đ"
    assert cells["Hộ Trần Văn Chín"].data(Qt.ItemDataRole.ForegroundRole) is None
    assert page.below_zero.isVisible()
    assert page.below_zero.text() == (
        "Quỹ bị âm sau 1 khoản chi, thấp nhất -7.000.000 đ ngày 01/04/2025 (tô đỏ ở cột “Số dư "
        "quỹ cuối ngày chi”). Đề nghị kiểm tra các khoản chi, các khoản đóng góp và số dư đầu năm."
    )

    view = FundStatementView(context_of(fund_2025))
    qtbot.addWidget(view)
    view.show()
    rows = {s.year: s for s in view.model.all_rows()}
    assert (rows[2025].opening, rows[2025].receipts, rows[2025].spending) == (5 * M, 8 * M, 14 * M)
    assert rows[2025].closing == -1 * M and rows[2026].opening == -1 * M
    first = view.model.index(view.model.rowCount() - 1, 4)  # 2025, closing balance
    assert first.data() == "-1.000.000 đ"
    assert first.data(Qt.ItemDataRole.ForegroundRole) == NEGATIVE_COLOUR
    assert view.negative.isVisible()
    assert view.negative.text().startswith(
        "Số dư cuối năm của quỹ bị âm trong năm 2025, 2026 (-1.000.000 đ năm 2026)"
    )

    # A contribution that covers it: nothing below zero any more, the warnings go.
    gift(fund_2025, "Công ty TNHH Sao Mai", date(2025, 3, 31), 7 * M)
    page.reload()
    view.reload()
    loaded(qtbot, page)
    assert not page.below_zero.isVisible() and not view.negative.isVisible()


# -- the page, the statement and the targets ------------------------------------------------------
@pytest.fixture
def funds(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> FundsPage:
    """The page over the demo data (a fixture, so Qt's model tester lets go of the models
    before the page is closed)."""
    with commune_db.transaction() as s:
        demo.generate(s, scale="small", today=TODAY)
    widget = FundsPage(context_of(commune_db))
    qtbot.addWidget(widget)
    widget.show()
    loaded(qtbot, widget)
    return widget


def test_funds_page_tabs_and_models(funds: FundsPage, qtmodeltester: ModelTester) -> None:
    assert [funds.tabs.tabText(i) for i in range(funds.tabs.count())] == [
        "Quỹ \u201cVì người nghèo\u201d",
        "Tiền gửi, tài trợ",
        "Vốn ngân sách ủy thác",
    ]
    for lister in (
        funds.contributions,
        funds.spending,
        funds.openings,
        funds.deposits,
        funds.transfers,
        funds.capital,
    ):
        assert lister.model.rowCount() > 0, lister
        qtmodeltester.check(lister.model, force_py=True)
    qtmodeltester.check(funds.statement.model, force_py=True)
    qtmodeltester.check(funds.indicators.model, force_py=True)
    statements = funds.statement.model.all_rows()
    assert [s.year for s in statements] == [2026, 2025]
    assert statements[0].opening == statements[1].closing
    assert sum(v for pair in funds.statement.chart.values for v in pair) > 0


def test_statement_view_and_its_export(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    opening(commune_db, 2025, 10 * M)
    gift(commune_db, "Nguyễn Văn Ánh", date(2025, 10, 20), 500_000)
    grant(commune_db, "Hộ Trần Văn Chín", date(2025, 11, 2), 3 * M)
    view = FundStatementView(context_of(commune_db))
    qtbot.addWidget(view)
    view.show()
    first = view.model.all_rows()[-1]
    assert (first.year, first.opening, first.receipts, first.spending, first.closing) == (
        2025,
        10 * M,
        500_000,
        3 * M,
        7_500_000,
    )
    assert view.model.data(view.model.index(view.model.rowCount() - 1, 4)) == "7.500.000 đ"
    assert not view.negative.isVisible()
    choose(view.year, "2025")
    assert view.chart.values[9] == (500_000, 0)
    with answering(qtbot, save_as(tmp_path / "thu-chi.xlsx"), ok("Đã xuất ra")):
        click(view.export_button)
    header, rows = exported_list(tmp_path / "thu-chi.xlsx")
    assert header[:5] == ["Năm", "Số dư đầu năm", "Thu (tiền)", "Chi", "Số dư cuối năm"]
    assert rows[-1][:5] == ("2025", 10 * M, 500_000, 3 * M, 7_500_000)
    assert rows[0][:5] == ("2026", 7_500_000, 0, 0, 7_500_000)


def test_targets_view_at_the_city_shows_the_real_2025_figures_and_exports_them(
    qtbot: QtBot, vi_app: QApplication, city_db: Database, tmp_path: Path
) -> None:
    with city_db.transaction() as s:
        for year, billions in ((2024, 310), (2025, 372)):
            create_transfer(
                s,
                TransferInput(year, SourceLevel.THANH_PHO, billions * 1_000_000_000),
            )
        create_capital(s, CapitalInput(2025, 17_590 * 10**9, 2_675 * 10**9, date(2025, 12, 31)))
    view = IndicatorsView(context_of(city_db))
    qtbot.addWidget(view)
    view.show()
    model = view.model
    texts = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert texts[0] == "2025"
    assert texts[2] == "20,00 %" and texts[3] == "Đạt chỉ tiêu" and texts[4] == "0 đ"
    assert texts[7] == "15,21 %" and texts[8] == "Chưa đạt"
    assert texts[9] == "1.053.750.000.000 đ"  # (3 518 − 2 675) ÷ 0,8
    with answering(qtbot, save_as(tmp_path / "chi-tieu.xlsx"), ok("Đã xuất ra")):
        click(view.export_button)
    header, rows = exported_list(tmp_path / "chi-tieu.xlsx")
    row = dict(zip(header, rows[0], strict=True))
    # 372 / 310 = 1,2 exactly; 2 675 / 17 590 = 15,21 %; (20 % of 17 590 − 2 675) ÷ 0,8 =
    # 1 053,75 billion: new entrusted capital raises the total too.
    assert row["Năm"] == "2025" and row["Vốn chuyển trong năm"] == 372 * 10**9
    assert row["Tăng so với năm trước"] == pytest.approx(0.20)
    assert row["Tỷ trọng trong tổng nguồn vốn"] == pytest.approx(2675 / 17590)
    assert row["Còn thiếu để đạt 20 %"] == 1_053_750 * 10**6


def test_city_pages_show_only_the_city_offices_own_records(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    with city_db.reading() as s:
        from db.models import Commune
        from desktop.core.office import CommuneInfo

        some = [CommuneInfo(c.code, c.name, c.kind) for c in s.scalars(select(Commune).limit(2))]
    tiny = demo.DemoScale(borrowers=2, groups=1, hamlets=1, contributions_per_year=6)
    with city_db.transaction() as s:
        demo.generate(s, scale=tiny, today=TODAY, communes=some)
    funds = FundsPage(context_of(city_db))
    qtbot.addWidget(funds)
    loaded(qtbot, funds)
    with city_db.reading() as s:
        own = {r.id for r in list_contributions(s, CITY_OFFICE)}
    assert {r.id for r in funds.contributions.model.all_rows()} == own
    assert {r.year for r in funds.capital.model.all_rows()} == {2024, 2025}
    form = SpendingForm(context_of(city_db), None)
    qtbot.addWidget(form)
    assert not form.hamlet.isVisibleTo(form)
