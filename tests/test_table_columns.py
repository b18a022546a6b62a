"""Amounts and names show whole in every list ("10.000.0…" was seen): columns are sized from
the widest value of all the rows, not of the first forty; a reload that brings wider values
widens the column; only long free text is cut, and its tooltip shows it whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.core.database import Database
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import fit_columns, make_table
from tests.clerk import loaded


@dataclass(frozen=True)
class Gift:
    id: str
    donor: str
    amount: int | None
    received: date
    note: str


COLUMNS = (
    Column[Gift](QT_TRANSLATE_NOOP("Test", "Donor"), lambda g: g.donor),
    Column[Gift](QT_TRANSLATE_NOOP("Test", "Note"), lambda g: g.note),
    Column[Gift](QT_TRANSLATE_NOOP("Test", "Amount"), lambda g: g.amount, CellKind.MONEY),
    Column[Gift](QT_TRANSLATE_NOOP("Test", "Date"), lambda g: g.received, CellKind.DATE),
)
DONOR, NOTE, AMOUNT, DATE = range(4)
LONG_NOTE = (
    "Ủng hộ Quỹ “Vì người nghèo” nhân dịp Tết Nguyên đán, chuyển khoản qua Ngân hàng "
    "Chính sách xã hội, phòng giao dịch huyện"
)


def gifts(count: int, *, big_at: int | None = None) -> list[Gift]:
    rows = [
        Gift(f"g{n}", f"Hộ {n}", 100_000 + n, date(2026, 1, 1 + n % 28), "Tiền mặt")
        for n in range(count)
    ]
    if big_at is not None:
        rows[big_at] = Gift(
            "big",
            "Tôn Nữ Hoàng Thị Thanh Hương",
            -12_345_000_000,
            date(2026, 2, 5),
            LONG_NOTE,
        )
    return rows


def needed(view: QTableView, text: str) -> int:
    """The width a cell needs to show ``text`` whole (the style's margins on both sides)."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return view.fontMetrics().horizontalAdvance(text) + 2 * margin


def test_the_widest_value_anywhere_in_the_list_shows_whole(
    qtbot: QtBot, vi_app: QApplication
) -> None:
    model: RowTableModel[Gift] = RowTableModel(COLUMNS, gifts(5000, big_at=4321))
    view = make_table(model)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    fit_columns(view, widest=320)
    assert view.columnWidth(AMOUNT) >= needed(view, "-12.345.000.000 đ")
    assert view.columnWidth(DATE) >= needed(view, "05/02/2026")
    assert view.columnWidth(DONOR) >= needed(view, "Tôn Nữ Hoàng Thị Thanh Hương")
    # Free text stops at the limit, and says the rest in its tooltip.
    model.set_query("thanh huong")
    assert view.columnWidth(NOTE) == 320 < needed(view, LONG_NOTE)
    assert model.index(0, NOTE).data(Qt.ItemDataRole.ToolTipRole) == LONG_NOTE
    assert model.index(0, AMOUNT).data(Qt.ItemDataRole.ToolTipRole) is None
    # A title wider than its values is not cut either.
    header = view.horizontalHeader()
    assert all(view.columnWidth(c) >= header.sectionSizeFromContents(c).width() for c in range(4))


class GiftPage(ListPage[Gift]):
    title = QT_TRANSLATE_NOOP("Test", "Gifts")
    columns = COLUMNS
    record_types = ("fund_contribution",)
    rows: ClassVar[list[Gift]] = []

    def load_rows(self, session: Session) -> list[Gift]:
        return list(self.rows)


@pytest.mark.parametrize("first", [[], gifts(3)], ids=["empty at first", "small at first"])
def test_a_reload_with_larger_amounts_widens_the_column(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, first: list[Gift]
) -> None:
    office = commune_db.office()
    assert office is not None
    GiftPage.rows = first
    page = GiftPage(AppContext(commune_db, office))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    loaded(qtbot, page)
    page.view.setColumnWidth(NOTE, 300)  # the clerk widened the note column
    GiftPage.rows = gifts(60, big_at=59)  # a bank list brought a large amount
    page.reload()
    loaded(qtbot, page)
    assert page.view.columnWidth(AMOUNT) >= needed(page.view, "-12.345.000.000 đ")
    assert page.view.columnWidth(NOTE) >= 300, "a width the clerk chose is not taken back"
