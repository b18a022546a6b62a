"""Consolidated, read-only views of every commune's records, by record type, filterable by
commune, searchable, exportable to Excel."""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.models import SYNCED_MODELS
from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime, group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.office import list_communes
from desktop.core.record_labels import field_title, record_type_label
from desktop.reports.xlsx_table import CellKind
from desktop.sync.consolidated import RecordView, ViewColumn, records
from desktop.sync.rules import Kind
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error
from desktop.ui.exporting import export_model
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table

Row = tuple[Any, ...]
#: Leading values of each row: id, commune code, commune name, deleted.
FIRST_VALUE = 4
MAX_WIDTH = 260
M_YES = QT_TRANSLATE_NOOP("RecordsTab", "yes")
M_NO = QT_TRANSLATE_NOOP("RecordsTab", "no")
M_COMMUNE = QT_TRANSLATE_NOOP("RecordsTab", "Commune / ward")
M_DELETED = QT_TRANSLATE_NOOP("RecordsTab", "Deleted")


def _display(column: ViewColumn) -> Callable[[Any], str] | None:
    if column.kind is Kind.BOOL:
        return lambda v: "" if v is None else tr(M_YES if v else M_NO)
    if column.kind is Kind.TIME:
        return format_datetime
    if column.kind is Kind.INT and not column.is_money:
        return lambda v: "" if v is None else str(v)
    return None


def table_columns(view: RecordView) -> list[Column[Row]]:
    columns: list[Column[Row]] = [
        Column[Row](M_COMMUNE, lambda r: f"{r[2]} ({r[1]})"),
    ]
    for index, column in enumerate(view.columns):
        if column.is_money:
            kind = CellKind.MONEY
        elif column.kind is Kind.INT:
            kind = CellKind.NUMBER
        elif column.kind is Kind.DATE:
            kind = CellKind.DATE
        else:
            kind = CellKind.TEXT
        title: Msg = field_title(column.name)
        columns.append(
            Column[Row](title, itemgetter(FIRST_VALUE + index), kind, display=_display(column))
        )
    columns.append(Column[Row](M_DELETED, lambda r: r[3], display=lambda v: tr(M_YES) if v else ""))
    return columns


class RecordsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view_data: RecordView | None = None
        layout = QVBoxLayout(self)
        bar = FlowLayout()  # wraps on a narrow window
        self.kind = QComboBox()
        for model in SYNCED_MODELS:
            self.kind.addItem(record_type_label(model.record_type), model.record_type)
        self.kind.setCurrentIndex(max(self.kind.findData("loan"), 0))
        self.commune = QComboBox()
        self.commune.addItem(self.tr("All communes and wards"), None)
        with context.database.reading() as session:
            for commune in list_communes(session):
                self.commune.addItem(f"{commune.label} ({commune.code})", commune.code)
        self.deleted = QCheckBox(self.tr("Include deleted records"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        for widget in (self.kind, self.commune, self.deleted):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model: RowTableModel[Row] = RowTableModel([], parent=self)
        self.table = make_table(self.model)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.kind.currentIndexChanged.connect(self.reload)
        self.commune.currentIndexChanged.connect(self.reload)
        self.deleted.toggled.connect(self.reload)
        self.search.textChanged.connect(lambda text: self.model.set_query(text))
        self.search.textChanged.connect(lambda _t: self._update_status())
        self.export_button.clicked.connect(lambda: self.export())
        self._loaded = False

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self, _index: int = 0, *, wait: bool = False) -> None:
        """Load the chosen records off the GUI thread (a city has hundreds of thousands)."""
        self._loaded = True
        database = self.context.database
        record_type = self.kind.currentData()
        commune = self.commune.currentData()
        include_deleted = self.deleted.isChecked()

        def work(_progress: Any) -> RecordView:
            with database.snapshot() as session:  # the count and the rows agree
                return records(
                    session, record_type, commune_code=commune, include_deleted=include_deleted
                )

        if wait:
            self._show(work(None))
            return
        run_in_background(work, on_done=self._show, on_error=self._failed, parent=self)

    def _show(self, view: RecordView) -> None:
        self.view_data = view
        model: RowTableModel[Row] = RowTableModel(table_columns(view), view.rows, parent=self)
        model.set_query(self.search.text())
        self.table.setModel(model)
        self.model.deleteLater()
        self.model = model
        self.table.resizeColumnsToContents()
        for column in range(model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_WIDTH))
        self._update_status()

    def _update_status(self) -> None:
        view = self.view_data
        if view is None:
            return
        text = self.tr("{shown} of {total} records shown.").format(
            shown=group_thousands(self.model.rowCount()), total=group_thousands(view.total)
        )
        if view.truncated:
            text += " " + self.tr(
                "Only the first {count} are loaded: choose a commune to see the others."
            ).format(count=group_thousands(len(view.rows)))
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        show_error(self, error if isinstance(error, UserError) else str(error))

    def export(self) -> None:
        """The records on screen (filtered, in their order) to a workbook."""
        title = f"{self.kind.currentText()} — {self.commune.currentText()}"
        export_model(
            self, self.model, title, self.context.paths.reports, self.context.office.office_name
        )
