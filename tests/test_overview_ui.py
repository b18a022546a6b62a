"""Tổng quan in the window: the loans card, the city's choice of whose figures (with how many
communes they cover), the cards, the reminders, the charts (and what an empty one says), and
the whole change history with its Excel export — clicked and answered as a person does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.base import CITY_CODE
from db.enums import ContributionForm, DonorType
from db.models import Commune
from desktop.core import demo
from desktop.core.dashboard.overview import load_overview
from desktop.core.dashboard.scope import Coverage
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.funds.fund import ContributionInput, create_contribution
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.borrowers import BorrowerInput, create_borrower
from desktop.core.office import CommuneInfo, list_hamlets, rename_hamlet
from desktop.core.owners import ALL_COMMUNES, CITY_OFFICE, Scope
from desktop.core.periods import Period
from desktop.core.tasks.status import TaskCompletion
from desktop.ui.history import HistoryDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.overview import page as overview_page
from desktop.ui.overview.page import OverviewPage
from desktop.ui.recording.charts import ChartView, TaskStatusChart, whole_steps
from tests.clerk import (
    answering,
    click,
    close_button,
    context_of,
    fill,
    loaded,
    ok,
    save_as,
    type_text,
)
from tests.overview_data import MILLION, TODAY, add_loan, hand_made_loans
from tests.sync_support import World

#: The offscreen platform's popups (the commune finder's list) say these; nothing is wrong.
POPUP_NOISE = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def open_page(qtbot: QtBot, db: Database) -> OverviewPage:
    page = OverviewPage(context_of(db), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    loaded(qtbot, page)
    return page


def choose_year(qtbot: QtBot, page: OverviewPage, year: int) -> None:
    page.year.setCurrentIndex(page.year.findData(year))
    loaded(qtbot, page)
    assert page.overview is not None and page.overview.year == year


def value(card: object, key: str) -> str:
    return card.values[key].text()  # type: ignore[attr-defined, no-any-return]


def card_text(card: QWidget) -> str:
    texts = (label.text() for label in card.findChildren(QLabel) if label.isVisibleTo(card))
    return " ".join(text for text in texts if text)


@pytest.fixture
def city_page(qtbot: QtBot, vi_app: QApplication, city_db: Database, engine: str) -> OverviewPage:
    """Tổng quan at the city, over demo data (on SQLite, then on PostgreSQL)."""
    with city_db.reading() as s:
        some = [CommuneInfo(c.code, c.name, c.kind) for c in s.scalars(select(Commune).limit(2))]
    tiny = demo.DemoScale(borrowers=2, groups=1, hamlets=1, contributions_per_year=6)
    with city_db.transaction() as s:
        demo.generate(s, scale=tiny, today=TODAY, communes=some)
    return open_page(qtbot, city_db)


def city_office_own(qtbot: QtBot, page: OverviewPage) -> None:
    assert page.scope is not None
    page.scope.setCurrentIndex(page.scope.findData(CITY_CODE))
    loaded(qtbot, page)
    assert page.owner == CITY_OFFICE


# -- the loans card ---------------------------------------------------------------------------


def test_a_commune_sees_its_loans(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    """The hand-made book of tests/overview_data.py, whose figures were worked out by hand."""
    hand_made_loans(commune_db)
    page = open_page(qtbot, commune_db)
    assert page.scope is None and not page.coverage_label.isVisible()
    card = page.loan_card
    assert card.title() == "Tín dụng chính sách đến ngày 29/11/2026"
    assert value(card, "data") == "30/09/2026"
    assert value(card, "outstanding") == "67.000.000 đ"
    assert value(card, "with_balance") == "2 người vay, 3 khoản vay"
    assert value(card, "overdue") == "15.000.000 đ (22,39 %)"
    assert value(card, "overdue_frozen") == "19.000.000 đ (28,36 %)"
    assert value(card, "not_checked") == "2 khoản vay"
    assert not card.shown("communes")  # only for all communes at the city
    choose_year(qtbot, page, 2025)
    assert card.title() == "Tín dụng chính sách đến ngày 31/12/2025"
    assert value(card, "data") == "31/12/2025"
    assert value(card, "outstanding") == "110.000.000 đ"
    assert value(card, "with_balance") == "3 người vay, 4 khoản vay"
    assert value(card, "overdue") == "0 đ (0,00 %)"
    assert value(card, "not_checked") == "2 khoản vay"
    assert [page.year.itemData(i) for i in range(page.year.count())] == [2026, 2025, 2024, 2023]


def test_no_balance_data_is_said_never_zero(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    with commune_db.transaction() as s:
        create_borrower(s, BorrowerInput("Đinh Văn Tư"))  # a borrower, no loan yet
    page = open_page(qtbot, commune_db)
    card = page.loan_card
    assert value(card, "data") == "Chưa có số liệu dư nợ"
    assert card_text(card) == "Chưa có số liệu dư nợ"
    assert "0 đ" not in card_text(card)
    assert all(not card.shown(key) for key in card.values if key != "data")


# -- the city: whose figures, and how many communes they cover -------------------------------


def contribution(database: Database, amount: int, day: date) -> None:
    with database.transaction() as s:
        create_contribution(
            s,
            ContributionInput(
                donor_name="Công ty TNHH Minh Phát",
                donor_type=DonorType.DOANH_NGHIEP,
                form=ContributionForm.CHUYEN_KHOAN,
                amount=amount,
                received_on=day,
                campaign_year=day.year,
            ),
            today=TODAY,
        )


@pytest.fixture
def city_with_two_files(world: World) -> World:
    """Cái Khế sends the hand-made book and a gift of 1.500.000 đ; An Bình one loan of
    12.000.000 đ (disbursed 01/02/2026, never checked) and a gift of 2.000.000 đ. Both files
    are imported at the city."""
    cai_khe = world.commune("31120")
    hand_made_loans(cai_khe)
    contribution(cai_khe, 1_500_000, date(2026, 10, 20))
    an_binh = world.commune("31150")
    with an_binh.transaction() as s:
        borrower = create_borrower(s, BorrowerInput("Phan Thị Mai"))
    add_loan(an_binh, borrower, 12 * MILLION, date(2026, 2, 1), [], [], "AB-01")
    contribution(an_binh, 2_000_000, date(2026, 3, 5))
    for commune in (cai_khe, an_binh):
        report = world.import_file(world.export(commune).path)
        assert report.status.value == "applied", report.problems
        commune.close()
    return world


@POPUP_NOISE
@pytest.mark.usefixtures("engine")
def test_the_city_sees_the_communes_files_and_chooses_whose_figures(
    qtbot: QtBot, vi_app: QApplication, city_with_two_files: World
) -> None:
    """Issue 12, item 8: after communes' files were imported Tổng quan showed 0 đ
    everywhere — it showed the city office's own records. It now shows every commune
    together, says how many sent their figures, and offers one commune or the city office."""
    page = open_page(qtbot, city_with_two_files.city)
    assert page.scope is not None and page.owner == ALL_COMMUNES
    assert page.scope.currentText() == "Tất cả xã, phường"
    assert page.coverage_label.text() == (
        "Số liệu của 2/103 xã, phường đã gửi (chưa phải toàn thành phố)."
    )
    loans = page.loan_card
    assert value(loans, "data") == "từ 01/02/2026 đến 30/09/2026 (tùy xã, phường)"
    assert value(loans, "outstanding") == "79.000.000 đ"
    assert value(loans, "with_balance") == "3 người vay, 4 khoản vay"
    assert value(loans, "overdue") == "15.000.000 đ (18,99 %)"
    assert value(loans, "overdue_frozen") == "19.000.000 đ (24,05 %)"
    assert value(loans, "not_checked") == "3 khoản vay"
    assert value(loans, "communes") == "2/103" and loans.shown("communes")
    assert value(page.fund_card, "receipts") == "3.500.000 đ (2 lượt)"
    assert page.month_chart.values[2] == (2_000_000, 0) and page.month_chart.values[9] == (
        1_500_000,
        0,
    )

    # One commune, found by typing its name without accents.
    line = page.scope.lineEdit()
    line.selectAll()
    type_text(line, "cai khe")
    popup = page.scope.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    loaded(qtbot, page)
    assert (
        page.owner == Scope.commune("31120")
        and page.scope.currentText() == "Phường Cái Khế (31120)"
    )
    assert page.coverage_label.text().startswith(
        "Số liệu do Phường Cái Khế (31120) gửi; tệp gần nhất nhập lúc "
    )
    assert value(loans, "outstanding") == "67.000.000 đ"
    assert value(loans, "data") == "30/09/2026"
    assert not loans.shown("communes")
    assert value(page.fund_card, "receipts") == "1.500.000 đ (1 lượt)"

    # Typing something that is no commune changes nothing.
    line.selectAll()
    type_text(line, "xyz 999")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert page.scope.currentText() == "Phường Cái Khế (31120)" and page.owner == Scope.commune(
        "31120"
    )
    assert not page.loading

    # A commune that has sent nothing: said, and no figure passed off as its.
    page.scope.setCurrentIndex(page.scope.findData("31147"))
    loaded(qtbot, page)
    assert page.coverage_label.text() == "Phường Tân An (31147) chưa gửi số liệu."
    assert value(loans, "data") == "Chưa có số liệu dư nợ"

    # The city office's own records.
    city_office_own(qtbot, page)
    assert page.coverage_label.text() == "Số liệu do Văn phòng thành phố tự ghi."
    assert value(loans, "data") == "Chưa có số liệu dư nợ"
    assert value(page.fund_card, "receipts") == "0 đ (0 lượt)"


@pytest.mark.usefixtures("engine")
def test_a_city_with_no_file_yet_says_so(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    page = open_page(qtbot, city_db)
    assert page.coverage_label.text() == "Chưa có xã, phường nào gửi số liệu."
    assert value(page.loan_card, "data") == "Chưa có số liệu dư nợ"


def test_coverage_lines(qtbot: QtBot, city_page: OverviewPage) -> None:
    page = city_page
    assert page.coverage_label.text() == (
        "Số liệu của 2/103 xã, phường đã gửi (chưa phải toàn thành phố)."
    )
    assert page.scope is not None
    with page.context.database.reading() as s:
        first = s.scalars(select(Commune).limit(1)).one()
        label = CommuneInfo(first.code, first.name, first.kind).label
    page.scope.setCurrentIndex(page.scope.findData(first.code))
    loaded(qtbot, page)
    # The demo wrote its records at the city: no file was imported, so no import date.
    assert page.coverage_label.text() == f"Số liệu do {label} ({first.code}) gửi."
    assert page.overview is not None
    page.scope.setCurrentIndex(page.scope.findData("all"))
    loaded(qtbot, page)
    every = replace(page.overview, coverage=Coverage(ALL_COMMUNES, 103, 103))
    page.show_overview(every)
    assert page.coverage_label.text() == "Số liệu của đủ 103 xã, phường."


def test_city_overview_of_2025_shows_the_real_figures(
    qtbot: QtBot, city_page: OverviewPage
) -> None:
    page = city_page
    city_office_own(qtbot, page)
    choose_year(qtbot, page, 2025)
    assert value(page.share_card, "year") == "2025"
    assert value(page.share_card, "entrusted") == "2.675.000.000.000 đ"
    assert value(page.share_card, "total") == "17.590.000.000.000 đ"
    assert value(page.share_card, "share") == "15,21 %"
    assert value(page.share_card, "status") == "Chưa đạt"
    assert value(page.share_card, "needed") == "1.053.750.000.000 đ"  # (3 518 − 2 675) ÷ 0,8
    assert "#c62828" in page.share_card.values["status"].styleSheet()
    assert value(page.growth_card, "growth") == "20,00 %"
    assert value(page.growth_card, "status") == "Đạt chỉ tiêu"
    assert page.fund_card.title() == "Quỹ “Vì người nghèo” năm 2025"
    assert page.task_card.title() == "Nhiệm vụ kế hoạch năm 2025"
    fund = page.overview.fund if page.overview else None
    assert fund is not None and value(page.fund_card, "closing").startswith(
        f"{fund.closing:,}".replace(",", ".")
    )


def test_share_card_falls_back_to_the_last_closed_year(
    qtbot: QtBot, city_page: OverviewPage
) -> None:
    page = city_page
    city_office_own(qtbot, page)
    choose_year(qtbot, page, 2026)
    assert value(page.share_card, "year") == "2025"  # no total capital for 2026 yet
    assert value(page.growth_card, "growth") == "15,59 %"
    assert value(page.growth_card, "status") == "Chưa đạt"
    assert value(page.growth_card, "needed") == "16.400.000.000 đ"


def test_figures_that_cannot_be_read_leave_the_old_ones(
    qtbot: QtBot, city_page: OverviewPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = city_page
    before = value(page.fund_card, "closing")

    def locked(*_args: object, **_kwargs: object) -> None:
        raise UserError(QT_TRANSLATE_NOOP("Database", "The database is locked."))

    monkeypatch.setattr(overview_page, "read_overview", locked)
    page.year.setCurrentIndex(page.year.findData(2025))
    loaded(qtbot, page)
    assert page.status.text().startswith("Không đọc được số liệu: ")
    assert value(page.fund_card, "closing") == before
    monkeypatch.undo()
    page.reload()
    loaded(qtbot, page)
    assert page.status.text() == ""


# -- charts ------------------------------------------------------------------------------------


def test_charts(qtbot: QtBot, city_page: OverviewPage) -> None:
    page = city_page
    city_office_own(qtbot, page)
    choose_year(qtbot, page, 2025)
    months = page.month_chart.chart().series()
    assert len(months) == 1 and isinstance(months[0], QStackedBarSeries)
    assert [s.label() for s in months[0].barSets()] == ["Tiền", "Hiện vật (ước tính)"]
    overview = page.overview
    assert overview is not None
    assert [m for m, _k in page.month_chart.values] == [m.money for m in overview.months]
    assert dict(page.task_chart.slices)["Hoàn thành"] == overview.tasks.completed
    assert sum(n for _s, n in page.task_chart.slices) == overview.tasks.expected
    growth = page.growth_chart.chart().series()
    assert isinstance(growth[0], QBarSeries) and isinstance(growth[1], QLineSeries)
    bars = growth[0].barSets()[0]
    assert [round(bars.at(i)) for i in range(bars.count())] == [310, 372, 430]  # billions
    assert growth[1].count() == 2  # no target for the first year
    share = page.share_chart.chart().series()
    assert isinstance(share[0], QAbstractBarSeries)
    shares = share[0].barSets()[0]
    assert [shares.at(i) for i in range(shares.count())][:2] == [13.8, 15.21]
    assert [p.y() for p in share[1].points()] == [20.0, 20.0]
    assert page.share_chart.chart().title() == "Tỷ trọng vốn ủy thác trong tổng nguồn vốn"
    for chart in (page.month_chart, page.growth_chart, page.share_chart):
        assert whole_labels(chart)


def value_axis(chart: ChartView) -> QValueAxis:
    axes = [a for a in chart.chart().axes() if isinstance(a, QValueAxis)]
    assert len(axes) == 1
    return axes[0]


def axis_labels(chart: ChartView) -> list[float]:
    axis = value_axis(chart)
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    return [axis.min() + i * step for i in range(axis.tickCount())]


def whole_labels(chart: ChartView) -> bool:
    """Every label of the value axis is a different whole number."""
    labels = axis_labels(chart)
    return all(v == int(v) for v in labels) and len(set(labels)) == len(labels)


def test_empty_charts_say_so_and_draw_no_axis(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    """Issue 12, item 7: an empty chart showed the axis labels "1 1 1 0 0 0"."""
    page = open_page(qtbot, commune_db)
    for chart in (page.month_chart, page.growth_chart, page.share_chart):
        assert chart.empty_text == "Chưa có số liệu"
        assert chart.chart().axes() == [] and chart.chart().series() == []
        assert not chart.chart().legend().isVisible()
    assert page.month_chart.chart().title() == "Đóng góp Quỹ theo tháng, năm 2026"
    # The task chart has something to say even then: every task still lacks a record.
    assert page.task_chart.empty_text == "" and axis_labels(page.task_chart) == [0, 5, 10, 15]
    image = page.month_chart.grab()
    assert not image.isNull()


def test_small_figures_get_whole_numbered_axes(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    contribution(commune_db, 300_000, date(2026, 10, 20))
    page = open_page(qtbot, commune_db)
    chart = page.month_chart
    assert chart.empty_text == ""
    assert value_axis(chart).titleText() == "nghìn đồng"
    assert axis_labels(chart) == [0, 50, 100, 150, 200, 250, 300, 350]
    # A chart that had data and then has none says so; with data again it draws again.
    choose_year(qtbot, page, 2026)
    chart.set_months((), 2027)
    assert chart.empty_text == "Chưa có số liệu" and chart.chart().axes() == []
    assert page.overview is not None
    chart.set_months(page.overview.months, 2026)
    assert chart.empty_text == "" and chart.chart().legend().isVisible()


@pytest.mark.parametrize(
    ("top", "expected"),
    [(0.4, (1, 2)), (1, (2, 3)), (3, (4, 5)), (14, (15, 4)), (23, (25, 6)), (430, (500, 6))],
)
def test_whole_steps(top: float, expected: tuple[int, int]) -> None:
    assert whole_steps(top) == expected


def test_a_task_chart_with_no_task_says_so(qtbot: QtBot, vi_app: QApplication) -> None:
    chart = TaskStatusChart()
    qtbot.addWidget(chart)
    chart.set_completion(
        TaskCompletion(Period.whole_year(2026), "31120", 0, 0, 0, 0, 0, 0), "Nhiệm vụ"
    )
    assert chart.empty_text == "Chưa có số liệu" and chart.slices == []
    assert not chart.chart().legend().isVisible()


# -- reminders and history --------------------------------------------------------------------


def test_reminders_show_when_near(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    page = open_page(qtbot, commune_db)
    with commune_db.reading() as s:
        page.show_overview(load_overview(s, 2026, Scope.commune("31120"), today=date(2026, 10, 20)))
    texts = [label.text() for label in page.findChildren(QLabel, "reminder")]
    assert texts == [
        "⏰ Báo cáo năm về thực hiện Chỉ thị 39-CT/TW phải hoàn thành trước ngày 30/10/2026 "
        "(còn 10 ngày): đề nghị gửi số liệu của đơn vị về thành phố đúng hạn.",
        "⏰ Đang trong tháng cao điểm vận động Quỹ “Vì người nghèo”, kéo dài đến ngày "
        "18/11/2026 (còn 30 ngày).",
    ]
    with commune_db.reading() as s:
        page.show_overview(load_overview(s, 2026, Scope.commune("31120"), today=date(2026, 3, 1)))
    assert page.findChildren(QLabel, "reminder") == []
    assert value(page.growth_card, "status") == "Chưa đủ số liệu"
    assert value(page.task_card, "missing") == "14"


def test_whole_change_history_from_the_real_button(
    city_page: OverviewPage, qtmodeltester: ModelTester, qtbot: QtBot, tmp_path: Path
) -> None:
    """The history button opens the real dialog; its export asks where, writes the file and
    says so; the person then closes the dialog."""
    target = tmp_path / "lich-su.xlsx"
    seen: list[HistoryDialog] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        seen.append(dialog)
        qtmodeltester.check(dialog.model, force_py=True)
        kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
        assert kinds[0] == "Tất cả loại dữ liệu"
        assert dialog.windowTitle() == "Lịch sử thay đổi"
        total = dialog.model.rowCount()
        assert dialog.status.text() == f"{total}/{total} thay đổi"
        click(dialog.export_button)  # the save dialog and the message are answered below

    def acknowledge_and_close(box: QWidget) -> None:
        ok("Đã xuất ra")(box)
        click(close_button(seen[0]))

    with answering(qtbot, fill(look), save_as(target), fill(acknowledge_and_close)):
        click(city_page.history_button)
    assert seen and not seen[0].isVisible()
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet["A1"].value == "Lịch sử thay đổi"
    assert [c.value for c in sheet[3]][:7] == [
        "Thời điểm",
        "Người thực hiện",
        "Thao tác",
        "Loại dữ liệu",
        "Bản ghi",
        "Phiên bản",
        "Nội dung thay đổi",
    ]


def test_history_in_words_after_an_edit(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    with commune_db.transaction() as s:
        hamlet = list_hamlets(s)[0]
        rename_hamlet(s, hamlet.id, "Khu vực Thới Hòa", expected_version=hamlet.version)
    page = open_page(qtbot, commune_db)

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        newest = dialog.model.all_rows()[0]
        assert newest.changes == "Tên: Khu vực 1 → Khu vực Thới Hòa"
        assert dialog.model.data(dialog.model.index(0, 3)) == "Ấp, khu vực"
        assert dialog.model.data(dialog.model.index(0, 4)) == "Khu vực Thới Hòa"
        type_text(dialog.search, "thoi hoa")
        assert dialog.model.rowCount() == 2  # the rename, and the creation of the same hamlet
        click(close_button(dialog))

    with answering(qtbot, fill(look)):
        click(page.history_button)


@pytest.mark.usefixtures("engine")
def test_main_window_opens_the_three_pages(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    window = MainWindow(context_of(city_db))
    qtbot.addWidget(window)
    window.show()
    overview = window.open_page("overview")
    assert isinstance(overview, OverviewPage) and overview.owner == ALL_COMMUNES
    loaded(qtbot, overview)
    tasks = window.open_page("tasks")
    assert tasks.board.model.rowCount() == 19  # the city's own tasks
    funds = window.open_page("funds")
    assert funds.transfers.model.rowCount() == 0
