"""Table views and page titles as every page shows them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStyle, QTableView

from desktop.reports.xlsx_table import CellKind
from desktop.ui.table_model import RowTableModel

#: Room a cell needs besides its text (the style's margins on both sides, a little air).
_CELL_PADDING = 18


def page_title(text: str) -> QLabel:
    title = QLabel(text)
    title.setObjectName("pageTitle")
    font = title.font()
    font.setPointSize(font.pointSize() + 6)
    font.setBold(True)
    title.setFont(font)
    return title


def message_label() -> QLabel:
    """A form's message line: errors in red, "Saved." after a save."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


def make_table(model: RowTableModel[Any]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    # No sort column until the user clicks a header: rows keep the service's order.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    # Long free text ends in "…" in the middle of nowhere; the tooltip shows it whole.
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def fit_columns(
    view: QTableView, *, widest: int = 320, rows: int = 40, only_widen: bool = False
) -> None:
    """Size each column to its widest cell and its title, so that amounts, numbers, dates
    and names show whole. Only text columns stop at ``widest`` pixels (long free text, which
    ends in "…" and shows whole in its tooltip). With ``only_widen``, columns are never made
    narrower (a reload keeps the widths the person chose, and widens what got cut off).

    A :class:`RowTableModel` knows its widest cells among all its rows; other models are
    measured on their first ``rows`` rows."""
    header = view.horizontalHeader()
    model = view.model()
    if not isinstance(model, RowTableModel):
        header.setResizeContentsPrecision(rows)
        view.verticalHeader().setResizeContentsPrecision(rows)
        view.resizeColumnsToContents()
        for column in range(header.count()):
            if header.sectionSize(column) > widest:
                header.resizeSection(column, widest)
        return
    metrics = view.fontMetrics()
    grid = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
    longest = model.longest_texts()
    for column, spec in enumerate(model.columns):
        text = longest[column] if column < len(longest) else ""
        width = metrics.horizontalAdvance(text) + _CELL_PADDING + 2 * grid
        if spec.kind is CellKind.TEXT:
            width = min(width, widest)
        width = max(width, header.sectionSizeFromContents(column).width())
        if only_widen:
            width = max(width, header.sectionSize(column))
        header.resizeSection(column, width)


@contextmanager
def selection_kept(view: QTableView, key: Callable[[Any], object]) -> Iterator[None]:
    """Keep the selected row across a reload of ``view``'s rows: found again by ``key`` (a
    commune's code, a record's id), so that a change made elsewhere never takes away what
    the person had chosen, nor the buttons that act on it."""
    model = view.model()
    assert isinstance(model, RowTableModel)
    rows = view.selectionModel().selectedRows()
    chosen = key(model.row_at(rows[0].row())) if rows else None
    yield
    if chosen is not None:
        row = model.find_row(lambda candidate: key(candidate) == chosen)
        if row >= 0:
            view.selectRow(row)
