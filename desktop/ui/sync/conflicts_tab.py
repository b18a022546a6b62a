"""The conflict queue: same record, same version, different content. A person compares
the two copies field by field and decides which one the city keeps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.enums import ConflictResolution
from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.record_labels import field_title, record_type_label
from desktop.reports.xlsx_table import CellKind
from desktop.sync.conflicts import ConflictRow, FieldDifference, list_conflicts, resolve_conflict
from desktop.sync.importer import CityImporter
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return (
            tr(QT_TRANSLATE_NOOP("ConflictsTab", "yes"))
            if value
            else tr(QT_TRANSLATE_NOOP("ConflictsTab", "no"))
        )
    return str(value)


CONFLICT_COLUMNS = [
    Column[ConflictRow](
        QT_TRANSLATE_NOOP("ConflictsTab", "Commune / ward"),
        lambda c: f"{c.commune_name} ({c.commune_code})",
    ),
    Column[ConflictRow](
        QT_TRANSLATE_NOOP("ConflictsTab", "Kind of record"),
        lambda c: record_type_label(c.record_type),
    ),
    Column[ConflictRow](QT_TRANSLATE_NOOP("ConflictsTab", "Record"), lambda c: c.record_id[:8]),
    Column[ConflictRow](
        QT_TRANSLATE_NOOP("ConflictsTab", "Version"), lambda c: c.version, CellKind.NUMBER
    ),
    Column[ConflictRow](
        QT_TRANSLATE_NOOP("ConflictsTab", "Found"), lambda c: c.detected_at, display=format_datetime
    ),
    Column[ConflictRow](
        QT_TRANSLATE_NOOP("ConflictsTab", "Fields that differ"),
        lambda c: ", ".join(tr(field_title(d.field)) for d in c.differences),
    ),
]

DIFFERENCE_COLUMNS = [
    Column[FieldDifference](
        QT_TRANSLATE_NOOP("ConflictsTab", "Field"), lambda d: tr(field_title(d.field))
    ),
    Column[FieldDifference](
        QT_TRANSLATE_NOOP("ConflictsTab", "The city's copy"), lambda d: _value(d.city_value)
    ),
    Column[FieldDifference](
        QT_TRANSLATE_NOOP("ConflictsTab", "The file's copy"), lambda d: _value(d.file_value)
    ),
]


class ConflictsTab(QWidget):
    """Emits ``changed`` after a decision (the board counts conflicts)."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A conflict is a record that arrived with the same version as the city's copy "
                "but different content (for example after a commune restored an old backup). "
                "Nothing was overwritten: compare the two copies and decide. A newer version "
                "from the commune closes the conflict by itself."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model: RowTableModel[ConflictRow] = RowTableModel(CONFLICT_COLUMNS, parent=self)
        self.view = make_table(self.model)
        self.differences: RowTableModel[FieldDifference] = RowTableModel(
            DIFFERENCE_COLUMNS, parent=self
        )
        self.difference_view = make_table(self.differences)
        self.view.setColumnWidth(0, 170)
        self.view.setColumnWidth(1, 170)
        self.view.setColumnWidth(2, 80)
        self.view.setColumnWidth(3, 60)
        self.view.setColumnWidth(4, 120)
        self.difference_view.setColumnWidth(0, 180)
        self.difference_view.setColumnWidth(1, 320)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.difference_view)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.count = QLabel()
        row.addWidget(self.count, 1)
        self.keep_button = QPushButton(self.tr("Keep the city's copy"))
        self.take_button = QPushButton(self.tr("Take the file's copy"))
        row.addWidget(self.keep_button)
        row.addWidget(self.take_button)
        layout.addLayout(row)
        self.keep_button.clicked.connect(lambda: self.decide(ConflictResolution.KEEP_EXISTING))
        self.take_button.clicked.connect(lambda: self.decide(ConflictResolution.TAKE_INCOMING))
        self.view.selectionModel().selectionChanged.connect(self._show_selected)
        self.reload()

    def reload(self) -> None:
        with self.context.database.reading() as session:
            rows = list_conflicts(session)
        self.model.set_rows(rows)
        self.differences.set_rows([])
        self.count.setText(self.tr("{count} conflicts waiting.").format(count=len(rows)))
        if rows:
            self.view.selectRow(0)
        self._update_buttons()

    def selected(self) -> ConflictRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        conflict = self.selected()
        self.differences.set_rows(conflict.differences if conflict else [])
        self._update_buttons()

    def _update_buttons(self) -> None:
        enabled = self.selected() is not None
        self.keep_button.setEnabled(enabled)
        self.take_button.setEnabled(enabled)

    def decide(self, resolution: ConflictResolution) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        try:
            with CityImporter(self.context.database) as importer, importer.sessions.begin() as s:
                resolve_conflict(s, conflict.id, resolution)
        except UserError as error:
            show_error(self, error)
        self.reload()
        self.changed.emit()
