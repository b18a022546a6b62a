"""The list page every kind of record uses: search, period filter, add/edit/delete with undo,
change history, and export to .xlsx.

A page declares its columns and four operations (load, open the form, delete, restore);
everything else — the table, accent-insensitive search, Vietnamese sort, confirmations, undo,
the export running off the GUI thread — is here once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.audit import AuditRow, audit_trail
from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.periods import Period
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm, show_error
from desktop.ui.exporting import export_model
from desktop.ui.table_model import Column, RowTableModel

T = TypeVar("T")


def page_title(text: str) -> QLabel:
    title = QLabel(text)
    title.setObjectName("pageTitle")
    font = title.font()
    font.setPointSize(font.pointSize() + 6)
    font.setBold(True)
    title.setFont(font)
    return title


def make_table(model: RowTableModel[T]) -> QTableView:
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


AUDIT_COLUMNS = [
    Column[AuditRow](
        QT_TRANSLATE_NOOP("AuditDialog", "When"),
        lambda r: r.at,
        CellKind.TEXT,
        display=format_datetime,
    ),
    Column[AuditRow](QT_TRANSLATE_NOOP("AuditDialog", "Who"), lambda r: r.actor),
    Column[AuditRow](QT_TRANSLATE_NOOP("AuditDialog", "Action"), lambda r: r.action),
    Column[AuditRow](
        QT_TRANSLATE_NOOP("AuditDialog", "Version"), lambda r: r.version, CellKind.NUMBER
    ),
    Column[AuditRow](QT_TRANSLATE_NOOP("AuditDialog", "Changes"), lambda r: r.summary()),
]


class AuditDialog(QDialog):
    """Who changed what and when, newest first."""

    def __init__(self, rows: Sequence[AuditRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change history"))
        layout = QVBoxLayout(self)
        search = QLineEdit()
        search.setPlaceholderText(self.tr("Search the history"))
        search.setClearButtonEnabled(True)
        self.model = RowTableModel(AUDIT_COLUMNS, rows, parent=self)
        search.textChanged.connect(self.model.set_query)
        layout.addWidget(search)
        view = make_table(self.model)
        view.setColumnWidth(0, 130)
        view.setColumnWidth(1, 160)
        view.setColumnWidth(2, 90)
        view.setColumnWidth(3, 60)
        layout.addWidget(view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 520)


@dataclass(frozen=True)
class _Deleted:
    record_id: str
    description: str


class ListPage(QWidget, Generic[T]):
    """Subclasses set ``title``, ``columns``, ``record_types`` and implement
    :meth:`load_rows`, :meth:`open_form`, :meth:`delete_row`, :meth:`restore_row`,
    :meth:`row_id` and :meth:`describe`."""

    title: Msg
    columns: Sequence[Column[T]]
    record_types: tuple[str, ...] = ()
    #: Read-only lists (the city's consolidated views) hide add/edit/delete.
    editable: bool = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._deleted: _Deleted | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(tr(self.title)))
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            tr(QT_TRANSLATE_NOOP("ListPage", "Search (accents not needed)"))
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        bar.addWidget(self.search)
        self.filters = QHBoxLayout()
        bar.addLayout(self.filters)
        bar.addStretch(1)
        self.add_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Add…")))
        self.edit_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Edit…")))
        self.delete_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Delete")))
        self.undo_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Undo delete")))
        self.history_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "History")))
        self.export_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Export to Excel…")))
        self.undo_button.setEnabled(False)
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.undo_button,
            self.history_button,
            self.export_button,
        ):
            bar.addWidget(button)
        for button in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            button.setVisible(self.editable)
        layout.addLayout(bar)
        self.model: RowTableModel[T] = RowTableModel(self.columns, parent=self)
        self.view = make_table(self.model)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.search.textChanged.connect(self._search)
        self.add_button.clicked.connect(lambda: self._open(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.view.doubleClicked.connect(lambda _i: self._edit_selected())
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.history_button.clicked.connect(self.show_history)
        self.export_button.clicked.connect(self.export)
        self.model.modelReset.connect(self._update_status)
        self.reload()

    # -- what a page provides ---------------------------------------------------------------
    def load_rows(self, session: Session) -> list[T]:
        raise NotImplementedError

    def open_form(self, row: T | None) -> bool:
        """Show the add (``None``) or edit form; True when something was saved."""
        raise NotImplementedError

    def delete_row(self, session: Session, row: T) -> None:
        raise NotImplementedError

    def restore_row(self, session: Session, record_id: str) -> None:
        raise NotImplementedError

    def row_id(self, row: T) -> str:
        return str(getattr(row, "id"))  # noqa: B009

    def describe(self, row: T) -> str:
        """A few words naming the row in confirmations ("the contribution of …")."""
        return str(row)

    # -- behaviour --------------------------------------------------------------------------
    def reload(self) -> None:
        with self.context.database.reading() as session:
            rows = self.load_rows(session)
        self.model.set_rows(rows)

    def selected(self) -> T | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_id(self, record_id: str) -> None:
        row = self.model.find_row(lambda r: self.row_id(r) == record_id)
        if row >= 0:
            self.view.selectRow(row)

    def _search(self, text: str) -> None:
        self.model.set_query(text)

    def _update_status(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.all_rows())
        self.status.setText(
            tr(QT_TRANSLATE_NOOP("ListPage", "{shown} of {total} rows")).format(
                shown=f"{shown:,}".replace(",", "."), total=f"{total:,}".replace(",", ".")
            )
        )

    def _open(self, row: T | None) -> None:
        if self.editable and self.open_form(row):
            self.reload()
            if row is not None:
                self.select_id(self.row_id(row))

    def _edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(row)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None or not self.editable:
            return
        description = self.describe(row)
        question = tr(QT_TRANSLATE_NOOP("ListPage", "Delete {what}? You can undo this."))
        if not confirm(self, question.format(what=description)):
            return
        try:
            with self.context.database.transaction() as session:
                self.delete_row(session, row)
        except UserError as error:
            show_error(self, error)
            return
        self._deleted = _Deleted(self.row_id(row), description)
        self.undo_button.setEnabled(True)
        self.reload()

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        try:
            with self.context.database.transaction() as session:
                self.restore_row(session, self._deleted.record_id)
        except UserError as error:
            show_error(self, error)
            return
        record_id = self._deleted.record_id
        self._deleted = None
        self.undo_button.setEnabled(False)
        self.reload()
        self.select_id(record_id)

    def show_history(self) -> None:
        row = self.selected()
        with self.context.database.reading() as session:
            rows = audit_trail(
                session,
                record_types=self.record_types,
                record_id=self.row_id(row) if row is not None else None,
            )
        AuditDialog(rows, self).exec()

    def export(self, target: Path | None = None) -> None:
        """Write the rows on screen (filtered, in their order) to a workbook."""
        export_model(self, self.model, tr(self.title), self.context, target)

    # -- period filter ------------------------------------------------------------------------
    def add_period_filter(self, date_of: Callable[[T], date | None], years: Sequence[int]) -> None:
        """A year and a period (whole year, quarter, half) chooser that filters rows by
        ``date_of(row)``."""
        self.year_combo = QComboBox()
        self.year_combo.addItem(tr(QT_TRANSLATE_NOOP("ListPage", "All years")), None)
        for year in sorted(set(years), reverse=True):
            self.year_combo.addItem(str(year), year)
        self.part_combo = QComboBox()
        self.part_combo.addItem(tr(QT_TRANSLATE_NOOP("ListPage", "Whole year")), None)
        for number, roman in enumerate(("I", "II", "III", "IV"), start=1):
            text = tr(QT_TRANSLATE_NOOP("ListPage", "Quarter {roman}")).format(roman=roman)
            self.part_combo.addItem(text, ("quarter", number))
        self.part_combo.addItem(tr(QT_TRANSLATE_NOOP("ListPage", "First half")), ("half", 1))
        self.part_combo.addItem(tr(QT_TRANSLATE_NOOP("ListPage", "Second half")), ("half", 2))
        self.filters.addWidget(self.year_combo)
        self.filters.addWidget(self.part_combo)

        def apply() -> None:
            year = self.year_combo.currentData()
            part = self.part_combo.currentData()
            self.part_combo.setEnabled(year is not None)
            if year is None:
                self.model.set_filter("period", None)
                return
            period = (
                Period.whole_year(year)
                if part is None
                else Period.quarter(year, part[1])
                if part[0] == "quarter"
                else Period.half(year, part[1])
            )

            def inside(row: T) -> bool:
                day = date_of(row)
                return day is not None and period.contains(day)

            self.model.set_filter("period", inside)

        self.year_combo.currentIndexChanged.connect(apply)
        self.part_combo.currentIndexChanged.connect(apply)
        apply()
