"""Đóng góp & nguồn vốn in the window: every form with good and bad input (typed as a person
would, in Vietnamese), the lists (search, period filter, totals, delete with undo, history,
Excel export) and the statement and targets views."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.base import CITY_CODE
from db.enums import ContributionForm as GiftForm
from db.enums import DepositKind, DonorType, SourceLevel
from db.models import CapitalTotal, EntrustedTransfer, FundContribution, FundSpending
from desktop.core import demo
from desktop.core.database import Database
from desktop.core.funds.capital import CapitalInput, TransferInput, save_capital, save_transfer
from desktop.core.funds.fund import (
    ContributionInput,
    OpeningInput,
    list_contributions,
    save_contribution,
    save_opening,
)
from desktop.ui.context import AppContext
from desktop.ui.funds.contributions import ContributionForm, ContributionListPage
from desktop.ui.funds.deposits import DepositForm
from desktop.ui.funds.entrusted import CapitalForm, IndicatorsView, TransferForm
from desktop.ui.funds.page import FundsPage
from desktop.ui.funds.spending import SpendingForm
from desktop.ui.funds.statement import FundStatementView, OpeningForm
from desktop.ui.history import HistoryDialog
from tests.clerk import answering, click, ok, save_as
from tests.conftest import type_text

TODAY = date(2026, 11, 29)


def context(db: Database) -> AppContext:
    office = db.office()
    assert office is not None
    return AppContext(db, office)


def count(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def gift(db: Database, donor: str, day: date, amount: int) -> str:
    with db.transaction() as s:
        return save_contribution(
            s,
            ContributionInput(
                donor_name=donor,
                donor_type=DonorType.CA_NHAN,
                form=GiftForm.TIEN_MAT,
                amount=amount,
                received_on=day,
                campaign_year=day.year,
            ),
        )


# -- forms --------------------------------------------------------------------------------------
def test_contribution_form_saves_what_was_typed(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = ContributionForm(context(commune_db), None)
    qtbot.addWidget(form)
    form.show()
    type_text(form.donor_name, "Công ty TNHH Thủy sản Hậu Giang")
    form.donor_type.set_value(DonorType.DOANH_NGHIEP)
    form.form_combo.set_value(GiftForm.CHUYEN_KHOAN)
    type_text(form.amount, "1,5 triệu")
    form.received_on.setText("")
    type_text(form.received_on, "20/10/2025")
    form.received_on.editingFinished.emit()
    type_text(form.receipt_no, "25/0012")
    assert form.campaign_year.value() == 2025  # follows the date received
    assert not form.in_kind.isEnabled()
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    with commune_db.reading() as s:
        (row,) = list_contributions(s, "31120")
    assert (row.donor_name, row.amount, row.received_on) == (
        "Công ty TNHH Thủy sản Hậu Giang",
        1_500_000,
        date(2025, 10, 20),
    )
    assert (row.form, row.campaign_year, row.receipt_no) == (GiftForm.CHUYEN_KHOAN, 2025, "25/0012")


def test_contribution_form_shows_every_error_in_vietnamese_and_keeps_input(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = ContributionForm(context(commune_db), None)
    qtbot.addWidget(form)
    form.show()
    form.form_combo.set_value(GiftForm.HIEN_VAT)
    type_text(form.amount, "một triệu")
    form.received_on.setText("")
    type_text(form.received_on, "31/02/2025")
    form.accept()
    assert form.isVisible() and form.save_button.isEnabled()
    assert form.error_text("donor_name") == "Không được để trống."
    assert form.error_text("amount") == "Nhập số tiền bằng đồng, ví dụ 1.500.000 hoặc 1,5 triệu."
    assert form.error_text("received_on").startswith("Nhập ngày theo dạng ngày/tháng/năm")
    assert form.error_text("in_kind_description") == (
        "Ghi rõ hiện vật hoặc công trình đóng góp; số tiền là giá trị ước tính."
    )
    assert form.amount.text() == "một triệu" and form.received_on.text() == "31/02/2025"
    assert count(commune_db, FundContribution) == 0
    # Fix everything: the same dialog saves.
    type_text(form.donor_name, "Hộ Lê Văn Tư")
    form.amount.setText("")
    type_text(form.amount, "500000")
    form.received_on.setText("05/11/2025")
    type_text(form.in_kind, "10 bao gạo")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    assert count(commune_db, FundContribution) == 1


def test_contribution_form_refuses_a_date_in_the_future_and_a_used_receipt(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    first = ContributionForm(context(commune_db), None)
    qtbot.addWidget(first)
    type_text(first.donor_name, "Nguyễn Văn Bảy")
    type_text(first.amount, "200.000")
    first.received_on.setText("02/03/2025")
    first.received_on.editingFinished.emit()
    type_text(first.receipt_no, "25/0001")
    first.accept()
    assert first.result() == QDialog.DialogCode.Accepted
    second = ContributionForm(context(commune_db), None)
    qtbot.addWidget(second)
    second.show()
    type_text(second.donor_name, "Trần Thị Tám")
    type_text(second.amount, "300.000")
    second.received_on.setText("03/03/2025")
    second.received_on.editingFinished.emit()
    type_text(second.receipt_no, "25/0001")
    second.accept()
    assert second.isVisible()
    assert second.error_text("receipt_no") == (
        "Số biên nhận 25/0001 đã dùng cho khoản đóng góp của Nguyễn Văn Bảy ngày 02/03/2025."
    )
    second.receipt_no.setText("25/0002")
    second.received_on.setText("01/01/2999")
    second.accept()
    assert "phải trong khoảng" in second.error_text("received_on") or second.error_text(
        "received_on"
    )
    assert count(commune_db, FundContribution) == 1


def test_spending_form(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    form = SpendingForm(context(commune_db), None)
    qtbot.addWidget(form)
    form.show()
    assert form.hamlet.isVisibleTo(form) and form.hamlet.count() == 3  # empty + 2 hamlets
    type_text(form.recipient, "Hộ Phạm Thị Lụa")
    form.hamlet.setCurrentIndex(2)
    form.purpose.setCurrentText("")
    type_text(form.purpose.lineEdit(), "Hỗ trợ sửa chữa nhà")
    type_text(form.amount, "20 triệu")
    form.spent_on.setText("10/06/2025")
    form.decision_date.setText("11/06/2025")
    form.accept()
    assert (
        form.error_text("decision_date") == "Ngày quyết định không thể sau ngày chi (10/06/2025)."
    )
    assert count(commune_db, FundSpending) == 0
    form.decision_date.setText("05/06/2025")
    type_text(form.decision_no, "15/QĐ-MTTQ")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    with commune_db.reading() as s:
        row = s.scalars(select(FundSpending)).one()
    assert (row.purpose, row.amount, row.decision_no) == (
        "Hỗ trợ sửa chữa nhà",
        20_000_000,
        "15/QĐ-MTTQ",
    )
    assert row.hamlet_id is not None


def test_opening_form_one_per_year(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    with commune_db.transaction() as s:
        save_opening(s, OpeningInput(year=2025, amount=1))
    form = OpeningForm(context(commune_db), None)
    qtbot.addWidget(form)
    form.show()
    form.year.setValue(2025)
    type_text(form.amount, "12.500.000")
    form.accept()
    assert form.error_text("year") == "Số dư đầu năm 2025 đã được nhập; hãy sửa số liệu đã có."
    form.year.setValue(2024)
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted


def test_deposit_form(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    form = DepositForm(context(commune_db), None)
    qtbot.addWidget(form)
    form.show()
    form.kind.set_value(DepositKind.TAI_TRO)
    assert not form.term.isEnabled() and form.term.text() == "không kỳ hạn"
    form.kind.set_value(DepositKind.TIEN_GUI)
    assert form.term.isEnabled()
    form.term.setValue(12)
    form.amount.setText("0")
    form.accept()
    assert form.error_text("party_name") == "Không được để trống."
    assert form.error_text("amount") == "Số tiền phải lớn hơn 0."
    type_text(form.party_name, "Hợp tác xã Nông nghiệp Thạnh Phú")
    form.amount.setText("150.000.000")
    form.transacted_on.setText("15/08/2025")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted


def test_transfer_form(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    form = TransferForm(context(commune_db), None)
    qtbot.addWidget(form)
    form.show()
    assert form.source_level.value() is SourceLevel.XA  # a commune's own budget by default
    form.year.setValue(2025)
    type_text(form.amount, "1,5 tỷ")
    form.decision_date.setText("20/03/2025")
    form.transferred_on.setText("10/03/2025")
    form.accept()
    assert form.error_text("transferred_on") == (
        "Ngày chuyển vốn không thể trước ngày quyết định (20/03/2025)."
    )
    form.transferred_on.setText("01/04/2025")
    form.programme.set_value("GQVL")
    type_text(form.decision_no, "512/QĐ-UBND")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    with commune_db.reading() as s:
        row = s.scalars(select(EntrustedTransfer)).one()
    assert (row.amount, row.programme_code, row.year) == (1_500_000_000, "GQVL", 2025)


def test_capital_form_city_figures(qtbot: QtBot, vi_app: QApplication, city_db: Database) -> None:
    form = CapitalForm(context(city_db), None)
    qtbot.addWidget(form)
    form.show()
    form.year.setValue(2025)
    type_text(form.total, "17.590 tỷ")
    type_text(form.balance, "20.000 tỷ")
    form.accept()
    assert form.error_text("entrusted_balance") == "Vốn ủy thác không thể lớn hơn tổng nguồn vốn."
    form.balance.setText("2.675 tỷ")
    form.as_of.setText("31/12/2025")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    with city_db.reading() as s:
        row = s.scalars(select(CapitalTotal)).one()
    assert (row.total_capital, row.entrusted_balance, row.commune_code) == (
        17_590_000_000_000,
        2_675_000_000_000,
        CITY_CODE,
    )


# -- lists ----------------------------------------------------------------------------------------
def answer_with(
    monkeypatch: pytest.MonkeyPatch, form_class: type, fill: Callable[[Any], None]
) -> None:
    """Make ``form_class.exec`` fill the form as a person would and press Save."""

    def run(form: Any) -> int:
        fill(form)
        form.accept()
        return int(form.result())

    monkeypatch.setattr(form_class, "exec", run)


@pytest.fixture
def page(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> ContributionListPage:
    gift(commune_db, "Nguyễn Văn Ánh", date(2025, 10, 20), 500_000)
    gift(commune_db, "Đỗ Thị Bé", date(2025, 3, 2), 1_000_000)
    gift(commune_db, "Lê Văn Cường", date(2024, 11, 1), 2_000_000)
    widget = ContributionListPage(context(commune_db))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_contribution_list_search_period_and_total(
    page: ContributionListPage, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(page.model, force_py=True)
    assert page.status.text() == "3 / 3 dòng   ·   Tổng số tiền các dòng đang hiện: 3.500.000 đ"
    page.search.setText("nguyen van anh")
    assert [r.donor_name for r in page.model.visible_rows()] == ["Nguyễn Văn Ánh"]
    page.search.setText("")
    assert page.period_filter is not None
    combo = page.period_filter.year_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Tất cả các năm", "2025", "2024"]
    combo.setCurrentIndex(1)
    assert page.model.rowCount() == 2
    page.period_filter.part_combo.setCurrentIndex(page.period_filter.part_combo.findText("Quý IV"))
    assert [r.donor_name for r in page.model.visible_rows()] == ["Nguyễn Văn Ánh"]
    assert page.status.text().endswith("500.000 đ")
    page.period_filter.year_combo.setCurrentIndex(0)
    page.model.sort(1)  # the tester watches the signals of the filter and the sort
    assert [r.donor_name for r in page.model.visible_rows()] == [
        "Đỗ Thị Bé",  # Vietnamese order: Đ after D and before L
        "Lê Văn Cường",
        "Nguyễn Văn Ánh",
    ]


def test_contribution_list_add_edit_delete_undo_history(
    page: ContributionListPage, monkeypatch: pytest.MonkeyPatch, commune_db: Database
) -> None:
    monkeypatch.setattr("desktop.ui.list_page.confirm", lambda *_: True)

    def new(form: ContributionForm) -> None:
        type_text(form.donor_name, "Hội Cựu chiến binh phường")
        form.donor_type.set_value(DonorType.TO_CHUC)
        type_text(form.amount, "3000000")
        form.received_on.setText("21/10/2025")

    answer_with(monkeypatch, ContributionForm, new)
    page.add_button.click()
    assert page.model.rowCount() == 4
    page.select_id(next(r.id for r in page.model.all_rows() if r.donor_name.startswith("Hội")))

    def edit(form: ContributionForm) -> None:
        assert form.amount.text() == "3.000.000"
        form.amount.setText("3.500.000")

    answer_with(monkeypatch, ContributionForm, edit)
    page.edit_button.click()
    chosen = page.selected()
    assert chosen is not None and chosen.amount == 3_500_000 and chosen.version == 2
    page.delete_button.click()
    assert page.model.rowCount() == 3 and page.undo_button.isEnabled()
    with commune_db.reading() as s:
        assert s.get(FundContribution, chosen.id).deleted_at is not None  # type: ignore[union-attr]
    page.undo_button.click()
    assert page.model.rowCount() == 4
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: shown.append(self) or 0)
    page.select_id(chosen.id)
    page.history_button.click()
    rows = shown[0].model.all_rows()
    assert [r.action.value for r in rows] == ["restore", "delete", "update", "create"]
    assert rows[2].changes == "Số tiền: 3.000.000 đ → 3.500.000 đ"
    assert shown[0].model.data(shown[0].model.index(2, 2)) == "Đã sửa"
    assert shown[0].model.data(shown[0].model.index(2, 3)) == 'Đóng góp Quỹ "Vì người nghèo"'


def test_contribution_list_exports_what_is_shown(
    page: ContributionListPage, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.search.setText("be")
    with answering(qtbot, save_as(tmp_path / "dong-gop.xlsx"), ok("Đã xuất ra")):
        click(page.export_button)
    sheet = load_workbook(tmp_path / "dong-gop.xlsx").active
    assert sheet is not None
    header = [c.value for c in sheet[3]]
    assert header[:5] == [
        "Ngày nhận",
        "Người, đơn vị đóng góp",
        "Đối tượng",
        "Hình thức",
        "Số tiền",
    ]
    (row,) = list(sheet.iter_rows(min_row=4, values_only=True))
    assert row[1] == "Đỗ Thị Bé" and row[4] == 1_000_000 and row[2] == "Cá nhân"
    assert row[0].date() == date(2025, 3, 2)  # a real date, not text
    assert "Ủy ban nhân dân phường Cái Khế" in str(sheet["A1"].value)


def test_delete_asks_first(page: ContributionListPage, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.list_page.confirm", lambda _p, text: asked.append(text) or False
    )
    page.view.selectRow(0)
    page.delete_button.click()
    assert asked == [
        "Xóa khoản đóng góp của Nguyễn Văn Ánh (500.000 đ, ngày 20/10/2025)? Có thể hoàn tác."
    ]
    assert page.model.rowCount() == 3


# -- the page, the statement and the targets ------------------------------------------------------
@pytest.fixture
def funds(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> FundsPage:
    """The page over the demo data (a fixture, so Qt's model tester lets go of the models
    before the page is closed)."""
    with commune_db.transaction() as s:
        demo.generate(s, scale="small", today=TODAY)
    widget = FundsPage(context(commune_db))
    qtbot.addWidget(widget)
    widget.show()
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
    qtbot: QtBot,
    vi_app: QApplication,
    commune_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with commune_db.transaction() as s:
        save_opening(s, OpeningInput(year=2025, amount=10_000_000))
    gift(commune_db, "Nguyễn Văn Ánh", date(2025, 10, 20), 500_000)
    view = FundStatementView(context(commune_db))
    qtbot.addWidget(view)
    view.show()
    first = view.model.all_rows()[-1]
    assert (first.year, first.opening, first.receipts, first.closing) == (
        2025,
        10_000_000,
        500_000,
        10_500_000,
    )
    assert view.model.data(view.model.index(view.model.rowCount() - 1, 4)) == "10.500.000 đ"
    view.year.setCurrentIndex(view.year.findData(2025))
    assert view.chart.values[9] == (500_000, 0)
    with answering(qtbot, save_as(tmp_path / "thu-chi.xlsx"), ok("Đã xuất ra")):
        click(view.export_button)
    sheet = load_workbook(tmp_path / "thu-chi.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows[-1][:5] == ("2025", 10_000_000, 500_000, 0, 10_500_000)


def test_targets_view_at_the_city_shows_the_real_2025_figures(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    with city_db.transaction() as s:
        for year, billions in ((2024, 310), (2025, 372)):
            save_transfer(
                s,
                TransferInput(year, SourceLevel.THANH_PHO, billions * 1_000_000_000),
            )
        save_capital(s, CapitalInput(2025, 17_590 * 10**9, 2_675 * 10**9, date(2025, 12, 31)))
    view = IndicatorsView(context(city_db))
    qtbot.addWidget(view)
    view.show()
    model = view.model
    texts = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert texts[0] == "2025"
    assert texts[2] == "20,00 %" and texts[3] == "Đạt chỉ tiêu" and texts[4] == "0 đ"
    assert texts[7] == "15,21 %" and texts[8] == "Chưa đạt"
    assert texts[9] == "1.053.750.000.000 đ"  # (3 518 − 2 675) ÷ 0,8


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
    funds = FundsPage(context(city_db))
    qtbot.addWidget(funds)
    with city_db.reading() as s:
        own = {r.id for r in list_contributions(s, CITY_CODE)}
    assert {r.id for r in funds.contributions.model.all_rows()} == own
    assert {r.year for r in funds.capital.model.all_rows()} == {2024, 2025}
    form = SpendingForm(context(city_db), None)
    qtbot.addWidget(form)
    assert not form.hamlet.isVisibleTo(form)
