"""The city's bulletin in the window (issue 18): what a commune sees once it applied one —
its targets and how far it is from each on Tổng quan, the city's notice as its day comes
near — clicked and read as a person does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from db.enums import ContributionForm, DonorType
from desktop.core.database import Database
from desktop.core.funds.fund import ContributionInput, save_contribution
from desktop.ui.context import AppContext
from desktop.ui.overview.page import OverviewPage
from tests.bulletin_support import CODE, apply, decide, make
from tests.sync_support import World, make_world

TODAY = date(2026, 10, 1)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield from make_world(tmp_path)


def context(db: Database) -> AppContext:
    office = db.office()
    assert office is not None
    return AppContext(db, office)


def open_overview(qtbot: QtBot, db: Database) -> OverviewPage:
    page = OverviewPage(context(db), today=lambda: TODAY)
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
        save_contribution(
            session,
            ContributionInput(
                "Công ty TNHH Minh Phát",
                DonorType.DOANH_NGHIEP,
                ContributionForm.CHUYEN_KHOAN,
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
