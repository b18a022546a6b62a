"""The change history: who changed what and when, in words, searchable and exportable."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dashboard.history import HistoryRow
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.record_labels import record_type_label
from desktop.reports.xlsx_table import CellKind
from desktop.ui.exporting import export_model
from desktop.ui.screens import keep_on_screen
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table

HISTORY_COLUMNS = [
    Column[HistoryRow](
        QT_TRANSLATE_NOOP("HistoryDialog", "When"),
        lambda r: r.at,
        CellKind.TEXT,
        display=lambda v: format_datetime(v, seconds=True),
    ),
    Column[HistoryRow](QT_TRANSLATE_NOOP("HistoryDialog", "Who"), lambda r: r.actor),
    Column[HistoryRow](QT_TRANSLATE_NOOP("HistoryDialog", "Action"), lambda r: r.action),
    Column[HistoryRow](QT_TRANSLATE_NOOP("HistoryDialog", "Record"), lambda r: r.record_label),
    Column[HistoryRow](QT_TRANSLATE_NOOP("HistoryDialog", "Which record"), lambda r: r.record_name),
    Column[HistoryRow](
        QT_TRANSLATE_NOOP("HistoryDialog", "Version"), lambda r: r.version, CellKind.NUMBER
    ),
    Column[HistoryRow](QT_TRANSLATE_NOOP("HistoryDialog", "Changes"), lambda r: r.changes),
]


class HistoryDialog(QDialog):
    """Newest change first; search, narrow to one kind of record, export to Excel."""

    def __init__(
        self, rows: Sequence[HistoryRow], folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        #: Where the export is proposed (the data folder's reports).
        self.folder = folder
        self.setWindowTitle(self.tr("Change history"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the history (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds of record"), None)
        for record_type in sorted({r.record_type for r in rows}, key=record_type_label):
            self.kind.addItem(record_type_label(record_type), record_type)
        bar.addWidget(self.kind)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model = RowTableModel(HISTORY_COLUMNS, rows, parent=self)
        self.search.textChanged.connect(self.model.set_query)
        self.kind.currentIndexChanged.connect(self._narrow)
        self.export_button.clicked.connect(self.export)
        self.view = make_table(self.model)
        for column, width in enumerate((130, 110, 80, 150, 210, 60)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.model.modelReset.connect(self._count)
        self._count()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 560)  # within a 1024-pixel screen

    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            keep_on_screen(self)  # 1 080 px wide does not fit a 1024×768 screen
        super().setVisible(visible)

    def _narrow(self) -> None:
        wanted = self.kind.currentData()
        self.model.set_filter(
            "kind", None if wanted is None else lambda row: row.record_type == wanted
        )

    def _count(self) -> None:
        self.status.setText(
            self.tr("{shown} of {total} changes").format(
                shown=self.model.rowCount(), total=len(self.model.all_rows())
            )
        )

    def export(self) -> None:
        """Write the changes shown (searched, narrowed, in their order) to a workbook."""
        export_model(self, self.model, self.windowTitle(), self.folder)
