"""The city's bulletin in the window (issue 18): the city assigns a target, writes a notice,
closes a period and makes its bulletins on Đồng bộ; the commune checks and applies one there,
marks the notice read, and sees its targets and how far it is from each on Tổng quan — clicked
and answered as a person does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.enums import ContributionForm as GiftForm
from db.enums import DonorType
from db.models import FundContribution, LateCorrection
from desktop.core.database import Database
from desktop.core.funds.fund import ContributionInput, create_contribution
from desktop.ui.funds.contributions import ContributionForm, ContributionListPage
from desktop.ui.main_window import MainWindow
from desktop.ui.overview.page import OverviewPage
from desktop.ui.sync.board_tab import BoardTab
from desktop.ui.sync.bulletins_tab import ClosedPeriodForm, NoticeForm, TargetForm
from desktop.ui.sync.city_page import CitySyncPage
from desktop.ui.sync.commune_page import CommuneSyncPage
from tests.bulletin_support import CODE, apply, decide, make
from tests.clerk import (
    answering,
    choose_folder,
    click,
    context_of,
    fill,
    loaded,
    no,
    ok,
    open_file,
    save_button,
    yes,
)
from tests.sync_support import World, make_world

TODAY = date(2026, 10, 1)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield from make_world(tmp_path)


def open_overview(qtbot: QtBot, db: Database) -> OverviewPage:
    page = OverviewPage(context_of(db), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    return page


def test_the_commune_sees_its_targets_and_the_notice_on_overview(
    qtbot: QtBot, vi_app: QApplication, world: World, tmp_path: Path
) -> None:
    commune = world.commune(CODE)
    page = open_overview(qtbot, commune)
    assert not page.targets_card.isVisibleTo(page), "no target before the city's bulletin"

    decide(world.city)
    assert apply(commune, make(world.city, tmp_path / "out", [CODE]).files[0].path).ok
    with commune.transaction() as session:
        create_contribution(
            session,
            ContributionInput(
                "Công ty TNHH Minh Phát",
                DonorType.DOANH_NGHIEP,
                GiftForm.CHUYEN_KHOAN,
                120_000_000,
                date(2026, 3, 5),
                2026,
            ),
            today=TODAY,
        )
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)

    assert page.targets_card.isVisibleTo(page)
    assert page.targets_card.title() == "Chỉ tiêu thành phố giao năm 2026"
    fund = page.targets_card.findChild(QLabel, "target_fund_mobilisation")
    loans = page.targets_card.findChild(QLabel, "target_loans_checked")
    assert fund is not None and loans is not None
    assert fund.text() == ("120.000.000 đ / 500.000.000 đ (24,00 %): còn thiếu 380.000.000 đ"), (
        fund.text()
    )
    assert loans.text() == "0 khoản vay / 40 khoản vay (0,00 %): còn thiếu 40 khoản vay"
    reminders = [label.text() for label in page.findChildren(QLabel, "reminder")]
    assert (
        "📌 Thông báo của thành phố: Nộp báo cáo năm trước ngày 15/10 — thực hiện trước ngày "
        "15/10/2026 (còn 14 ngày)."
    ) in reminders, reminders


# -- at the city -------------------------------------------------------------------------------


def assign_target(dialog: QDialog) -> None:
    assert isinstance(dialog, TargetForm)
    dialog.commune.set_value(CODE)
    dialog.year.setValue(2026)
    dialog.value.setText("500.000.000")
    click(save_button(dialog))


def raise_target(dialog: QDialog) -> None:
    assert isinstance(dialog, TargetForm)
    assert dialog.windowTitle() == "Sửa chỉ tiêu"
    assert dialog.commune.value() == CODE and dialog.value.text() == "500.000.000"
    dialog.value.setText("600.000.000")
    click(save_button(dialog))


def write_notice(dialog: QDialog) -> None:
    assert isinstance(dialog, NoticeForm)
    dialog.title.setText("Nộp báo cáo năm trước ngày 15/10")
    dialog.text.setPlainText("Các xã, phường gửi số liệu năm 2026.")
    dialog.act_by.setText((date.today() + timedelta(days=30)).strftime("%d/%m/%Y"))
    click(save_button(dialog))


def close_2025(dialog: QDialog) -> None:
    assert isinstance(dialog, ClosedPeriodForm)
    dialog.year.setValue(2025)
    dialog.closed_on.setText("20/02/2026")
    click(save_button(dialog))


def test_the_city_decides_and_makes_its_bulletins(
    qtbot: QtBot, vi_app: QApplication, world: World, tmp_path: Path
) -> None:
    window = MainWindow(context_of(world.city))
    qtbot.addWidget(window)
    window.show()
    page = window.open_page("sync")
    assert isinstance(page, CitySyncPage)
    tab = page.bulletins_tab
    page.tabs.setCurrentWidget(tab)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Thông báo gửi xã"
    assert tab.pending_label.text().startswith("Chưa lập thông báo nào.")
    assert not tab.withdraw_target_button.isEnabled()

    with answering(qtbot, fill(assign_target)):
        click(tab.add_target_button)
    with answering(qtbot, fill(write_notice)):
        click(tab.add_notice_button)
    with answering(qtbot, fill(close_2025)):
        click(tab.close_period_button)
    assert tab.targets.rowCount() == 1 and tab.notices.rowCount() == 1
    assert tab.closed.rowCount() == 1
    assert "1 chỉ tiêu, 1 thông báo và 1 kỳ khóa sổ" in tab.pending_label.text()

    every = tmp_path / "chung"
    every.mkdir()
    with answering(qtbot, choose_folder(every), ok("Đã lập xong thông báo số 1: 1 tệp")):
        click(tab.make_all_button)
    assert [p.name[:20] for p in every.iterdir()] == ["ThongBao_0001_TatCa_"]
    each = tmp_path / "tung-xa"
    each.mkdir()
    with answering(qtbot, choose_folder(each), ok("Đã lập xong thông báo số 2")):
        click(tab.make_each_button)
    qtbot.waitUntil(lambda: tab.issued.rowCount() > 100, timeout=60_000)
    assert len(list(each.glob(f"ThongBao_0002_{CODE}_*.tdcsb"))) == 1
    assert tab.pending_label.text().startswith("Thông báo gần nhất: số 2 (")

    tab.targets_view.selectRow(0)
    with answering(qtbot, fill(raise_target)):
        click(tab.change_target_button)
    assert tab.targets.row_at(0).value == 600_000_000
    tab.targets_view.selectRow(0)
    with answering(qtbot, yes("Thu hồi chỉ tiêu")):
        click(tab.withdraw_target_button)
    assert tab.targets.rowCount() == 0
    assert "Từ đó đến nay: 1 chỉ tiêu" in tab.pending_label.text()


# -- at the commune ----------------------------------------------------------------------------


def test_the_commune_checks_applies_and_reads(
    qtbot: QtBot, vi_app: QApplication, world: World, tmp_path: Path
) -> None:
    commune = world.commune(CODE)
    world.commune("31135").close()
    decide(world.city)
    ours = make(world.city, tmp_path / "ours", [CODE]).files[0].path
    theirs = make(world.city, tmp_path / "theirs", ["31135"]).files[0].path
    page = CommuneSyncPage(context_of(commune))
    qtbot.addWidget(page)
    page.show()
    box = page.bulletins
    assert box.applied.text() == "Chưa áp dụng thông báo nào của thành phố."

    with answering(qtbot, open_file(theirs), ok("không phải cho văn phòng này")):
        click(box.apply_button)
    with answering(
        qtbot,
        open_file(ours),
        yes("Thông báo số 1 của thành phố"),
        ok("Đã áp dụng thông báo số 1"),
    ):
        click(box.apply_button)
    qtbot.waitUntil(lambda: box.notices.rowCount() == 1, timeout=10_000)
    assert box.applied.text().startswith("Thông báo áp dụng gần nhất: số 1")
    assert "1 thông báo chưa đánh dấu đã đọc" in box.applied.text()

    with answering(qtbot, open_file(ours), ok("đã được áp dụng")):
        click(box.apply_button)

    assert not box.read_button.isEnabled()
    box.view.selectRow(0)
    click(box.read_button)
    assert box.notices.rowCount() == 0


def test_a_form_asks_before_changing_a_closed_period(
    qtbot: QtBot, vi_app: QApplication, world: World, tmp_path: Path
) -> None:
    """2025 is closed (the city's bulletin): a gift received in it is saved only once the
    clerk agrees, and then marked as made after closing."""
    commune = world.commune(CODE)
    decide(world.city)
    assert apply(commune, make(world.city, tmp_path / "out", [CODE]).files[0].path).ok
    form = ContributionForm(context_of(commune), None)
    qtbot.addWidget(form)

    def count(model: type[FundContribution] | type[LateCorrection]) -> int:
        with commune.reading() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    def save_twice(dialog: QDialog) -> None:
        assert dialog is form
        form.donor_name.setText("Bà Lê Thị Hoa")
        form.amount.setText("2.000.000")
        form.received_on.setText("02/11/2025")
        form.campaign_year.setValue(2025)
        click(save_button(form))  # answered No: not saved, the form stays open
        assert form.isVisible() and "Chưa lưu" in form.general_error.text()
        assert count(FundContribution) == 0 and count(LateCorrection) == 0
        click(save_button(form))  # answered Yes

    with answering(
        qtbot,
        fill(save_twice),
        no("Năm 2025 đã được thành phố khóa sổ ngày 20/02/2026"),
        yes("sửa sau khóa sổ"),
    ):
        form.exec()
    assert count(FundContribution) == 1
    with commune.reading() as session:
        late = session.scalars(select(LateCorrection)).one()
        assert (late.record_kind, late.year) == ("fund_contribution", 2025)

    # The change travels flagged; the city's board lists it, with the bulletin applied.
    assert world.import_file(world.export(commune).path).ok
    board = BoardTab(context_of(world.city))
    qtbot.addWidget(board)
    assert board.late.rowCount() == 1
    assert board.late.row_at(0).commune_name == "Cái Khế"
    late_text = [board.late.index(0, c).data() for c in range(board.late.columnCount())]
    assert "Năm 2025" in late_text and "Bà Lê Thị Hoa, 02/11/2025" in late_text[1], late_text
    row = board.model.find_row(lambda s: s.code == CODE)
    shown = [board.model.index(row, c).data() for c in range(board.model.columnCount())]
    assert shown[-2].startswith("Số 1 (áp dụng "), shown
    assert shown[-1] == "1", shown


def test_deleting_a_record_of_a_closed_period_asks_first(
    qtbot: QtBot, vi_app: QApplication, world: World, tmp_path: Path
) -> None:
    """A gift of the closed 2025 deleted from its list: asked first (No keeps it, nothing
    marked), then deleted and marked as made after closing; its undo asks again."""
    commune = world.commune(CODE)
    with commune.transaction() as session:
        create_contribution(
            session,
            ContributionInput(
                "Bà Lê Thị Hoa",
                DonorType.CA_NHAN,
                GiftForm.TIEN_MAT,
                2_000_000,
                date(2025, 11, 2),
                2025,
            ),
            today=date(2026, 1, 5),
        )
    decide(world.city)
    assert apply(commune, make(world.city, tmp_path / "out", [CODE]).files[0].path).ok
    page = ContributionListPage(context_of(commune))
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page)
    page.view.selectRow(0)

    def count(model: type[FundContribution] | type[LateCorrection]) -> int:
        with commune.reading() as session:
            query = select(func.count()).select_from(model)
            if model is FundContribution:
                query = query.where(FundContribution.deleted_at.is_(None))
            return int(session.scalar(query) or 0)

    closed = "Năm 2025 đã được thành phố khóa sổ ngày 20/02/2026"
    with answering(qtbot, yes("Xóa"), no(closed)):
        click(page.delete_button)
    assert count(FundContribution) == 1 and count(LateCorrection) == 0
    assert not page.undo_button.isEnabled()
    with answering(qtbot, yes("Xóa"), yes(closed)):
        click(page.delete_button)
    assert count(FundContribution) == 0 and count(LateCorrection) == 1
    with answering(qtbot, yes(closed)):
        click(page.undo_button)
    assert count(FundContribution) == 1 and count(LateCorrection) == 2
