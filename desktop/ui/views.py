"""Table views and page titles as every page shows them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from desktop.ui.table_model import RowTableModel


def page_title(text: str) -> QLabel:
    title = QLabel(text)
    title.setObjectName("pageTitle")
    font = title.font()
    font.setPointSize(font.pointSize() + 6)
    font.setBold(True)
    title.setFont(font)
    return title


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
    return view


def fit_columns(view: QTableView, *, widest: int = 320, rows: int = 40) -> None:
    """Size columns to their contents, none wider than ``widest``. Only the first ``rows``
    rows are measured: measuring a long list row by row costs more than it tells."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(rows)
    view.verticalHeader().setResizeContentsPrecision(rows)
    view.resizeColumnsToContents()
    for column in range(header.count()):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)
