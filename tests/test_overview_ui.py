"""Tổng quan in the window: the cards, the reminders, the charts, and the whole change
history with its Excel export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QAbstractBarSeries, QBarSeries, QLineSeries, QStackedBarSeries
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.base import CITY_CODE
from db.models import Commune
from desktop.core import demo
from desktop.core.dashboard.overview import load_overview
from desktop.core.database import Database
from desktop.core.office import CommuneInfo, list_hamlets, rename_hamlet
from desktop.ui.context import AppContext
from desktop.ui.history import HistoryDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.overview.page import OverviewPage
from tests.clerk import answering, click, ok, save_as

TODAY = date(2026, 11, 29)


def context(db: Database) -> AppContext:
    office = db.office()
    assert office is not None
    return AppContext(db, office)


@pytest.fixture
def city_page(qtbot: QtBot, vi_app: QApplication, city_db: Database) -> OverviewPage:
    with city_db.reading() as s:
        some = [CommuneInfo(c.code, c.name, c.kind) for c in s.scalars(select(Commune).limit(2))]
    tiny = demo.DemoScale(borrowers=2, groups=1, hamlets=1, contributions_per_year=6)
    with city_db.transaction() as s:
        demo.generate(s, scale=tiny, today=TODAY, communes=some)
    page = OverviewPage(context(city_db))
    qtbot.addWidget(page)
    page.show()
    return page


def value(card: object, key: str) -> str:
    return card.values[key].text()  # type: ignore[attr-defined, no-any-return]


def test_city_overview_of_2025_shows_the_real_figures(city_page: OverviewPage) -> None:
    page = city_page
    page.year.setCurrentIndex(page.year.findData(2025))
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


def test_share_card_falls_back_to_the_last_closed_year(city_page: OverviewPage) -> None:
    page = city_page
    page.year.setCurrentIndex(page.year.findData(2026))
    assert value(page.share_card, "year") == "2025"  # no total capital for 2026 yet
    assert value(page.growth_card, "growth") == "15,59 %"
    assert value(page.growth_card, "status") == "Chưa đạt"
    assert value(page.growth_card, "needed") == "16.400.000.000 đ"


def test_charts(city_page: OverviewPage) -> None:
    page = city_page
    page.year.setCurrentIndex(page.year.findData(2025))
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


def test_reminders_show_when_near(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    page = OverviewPage(context(commune_db))
    qtbot.addWidget(page)
    with commune_db.reading() as s:
        page.show_overview(load_overview(s, 2026, "31120", today=date(2026, 10, 20)))
    texts = [label.text() for label in page.findChildren(QLabel, "reminder")]
    assert texts == [
        "⏰ Báo cáo năm về thực hiện Chỉ thị 39-CT/TW phải hoàn thành trước ngày 30/10/2026 "
        "(còn 10 ngày): đề nghị gửi số liệu của đơn vị về thành phố đúng hạn.",
        "⏰ Đang trong tháng cao điểm vận động Quỹ “Vì người nghèo”, kéo dài đến ngày "
        "18/11/2026 (còn 30 ngày).",
    ]
    with commune_db.reading() as s:
        page.show_overview(load_overview(s, 2026, "31120", today=date(2026, 3, 1)))
    assert page.findChildren(QLabel, "reminder") == []
    assert value(page.growth_card, "status") == "Chưa đủ số liệu"
    assert value(page.task_card, "missing") == "14"


def test_whole_change_history(
    city_page: OverviewPage,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: shown.append(self) or 0)
    city_page.history_button.click()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model, force_py=True)
    kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert kinds[0] == "Tất cả loại dữ liệu"
    assert dialog.windowTitle() == "Lịch sử thay đổi"
    assert dialog.status.text() == f"{dialog.model.rowCount()}/{dialog.model.rowCount()} thay đổi"
    dialog.show()
    with answering(qtbot, save_as(tmp_path / "lich-su.xlsx"), ok("Đã xuất ra")):
        click(dialog.export_button)
    sheet = load_workbook(tmp_path / "lich-su.xlsx").active
    assert sheet is not None
    assert sheet["A1"].value == "Lịch sử thay đổi"
    assert [c.value for c in sheet[3]][:6] == [
        "Thời điểm",
        "Người thực hiện",
        "Thao tác",
        "Loại dữ liệu",
        "Phiên bản",
        "Nội dung thay đổi",
    ]


def test_history_in_words_after_an_edit(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with commune_db.transaction() as s:
        hamlet = list_hamlets(s)[0]
        rename_hamlet(s, hamlet.id, "Khu vực Thới Hòa", expected_version=hamlet.version)
    page = OverviewPage(context(commune_db))
    qtbot.addWidget(page)
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: shown.append(self) or 0)
    page.history_button.click()
    newest = shown[0].model.all_rows()[0]
    assert newest.changes == "Tên: Khu vực 1 → Khu vực Thới Hòa"
    assert shown[0].model.data(shown[0].model.index(0, 3)) == "Ấp, khu vực"
    shown[0].search.setText("thoi hoa")
    assert shown[0].model.rowCount() == 1


def test_main_window_opens_the_three_pages(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    window = MainWindow(context(city_db))
    qtbot.addWidget(window)
    window.show()
    overview = window.open_page("overview")
    assert isinstance(overview, OverviewPage) and overview.owner == CITY_CODE
    tasks = window.open_page("tasks")
    assert tasks.board.model.rowCount() == 19  # the city's own tasks
    funds = window.open_page("funds")
    assert funds.transfers.model.rowCount() == 0
