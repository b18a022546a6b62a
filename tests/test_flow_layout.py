"""The wrapping row of controls that lets list pages work at 1 000 px (``flow_layout``)."""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui.flow_layout import FlowLayout


def toolbar(qtbot: QtBot) -> tuple[QWidget, FlowLayout, QLineEdit, list[QPushButton]]:
    page = QWidget()
    qtbot.addWidget(page)
    outer = QVBoxLayout(page)
    bar = FlowLayout()
    search = QLineEdit()
    search.setMinimumWidth(200)
    bar.addWidget(search)
    bar.addLayout(QHBoxLayout())  # the filters, empty here
    bar.addStretch(1)
    buttons = [QPushButton(f"Nút số {n}") for n in range(6)]
    for button in buttons:
        bar.addWidget(button)
    outer.addLayout(bar)
    outer.addStretch(1)
    return page, bar, search, buttons


def test_one_line_while_it_fits_with_the_buttons_to_the_right(
    qtbot: QtBot, vi_app: QApplication
) -> None:
    page, bar, search, buttons = toolbar(qtbot)
    page.resize(1400, 200)
    page.show()
    QApplication.processEvents()
    assert {b.y() for b in buttons} == {search.y()}
    right = bar.geometry().right()
    assert buttons[-1].geometry().right() in range(right - 2, right + 1), "pushed right"
    assert search.x() == bar.geometry().left()


def test_wraps_on_a_narrow_page_and_asks_only_for_its_widest_control(
    qtbot: QtBot, vi_app: QApplication
) -> None:
    page, bar, search, buttons = toolbar(qtbot)
    assert bar.minimumSize().width() == max(
        [search.minimumSizeHint().width(), 200, *(b.sizeHint().width() for b in buttons)]
    )
    page.resize(300, 300)
    page.show()
    QApplication.processEvents()
    lines = sorted({b.y() for b in [search, *buttons]})
    assert len(lines) >= 3
    for widget in [search, *buttons]:
        assert widget.geometry().right() <= bar.geometry().right()
        assert widget.width() >= widget.minimumSizeHint().width()
    assert bar.heightForWidth(300) > bar.heightForWidth(1400)
    assert page.layout().itemAt(0).geometry().height() >= bar.heightForWidth(page.width() - 22)


def test_inserting_hiding_and_taking_out(qtbot: QtBot, vi_app: QApplication) -> None:
    page, bar, _search, buttons = toolbar(qtbot)
    extra = QPushButton("Xếp loại…")
    bar.insertWidget(bar.count() - 2, extra)  # before the last two, as a page adds one
    assert bar.indexOf(extra) == bar.count() - 3
    page.resize(1400, 200)
    page.show()
    buttons[0].hide()
    QApplication.processEvents()
    assert buttons[3].geometry().right() < extra.x() < buttons[4].x()
    # The hidden button leaves no gap: the visible ones sit side by side.
    shown = [buttons[1], buttons[2], buttons[3], extra, buttons[4], buttons[5]]
    gaps = {b.x() - a.geometry().right() for a, b in itertools.pairwise(shown)}
    assert len(gaps) == 1
    item = bar.takeAt(bar.indexOf(extra))
    assert item is not None and item.widget() is extra
    assert bar.takeAt(99) is None and bar.itemAt(-1) is None
