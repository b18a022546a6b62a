"""The import ledger: every file the city received, imported or refused, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.enums import ImportOutcome
from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.reports.xlsx_table import CellKind
from desktop.sync.ledger import LedgerRow, ledger_rows
from desktop.sync.receipts import write_receipt
from desktop.sync.verify import commune_names
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error, show_info
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table, selection_kept

M_SUMMARY = QT_TRANSLATE_NOOP(
    "LedgerTab", "new {new}, changed {changed}, deleted {deleted}, conflicts {conflicts}"
)


def summary_text(row: LedgerRow) -> str:
    if not row.summary:
        return ""
    values = {k: row.summary.get(k, 0) for k in ("new", "changed", "deleted", "conflicts")}
    return tr(M_SUMMARY).format(**values)


LEDGER_COLUMNS = [
    Column[LedgerRow](
        QT_TRANSLATE_NOOP("LedgerTab", "Received"), lambda r: r.received_at, display=format_datetime
    ),
    Column[LedgerRow](QT_TRANSLATE_NOOP("LedgerTab", "File"), lambda r: r.file_name),
    Column[LedgerRow](
        QT_TRANSLATE_NOOP("LedgerTab", "Commune / ward"),
        lambda r: f"{r.commune_name} ({r.commune_code})" if r.commune_code else "",
    ),
    Column[LedgerRow](QT_TRANSLATE_NOOP("LedgerTab", "No."), lambda r: r.seq, CellKind.NUMBER),
    Column[LedgerRow](QT_TRANSLATE_NOOP("LedgerTab", "Outcome"), lambda r: r.outcome),
    Column[LedgerRow](QT_TRANSLATE_NOOP("LedgerTab", "What it changed"), summary_text),
    Column[LedgerRow](
        QT_TRANSLATE_NOOP("LedgerTab", "Reason / notes"), lambda r: r.message.split("\n")[0]
    ),
]


class LedgerTab(QWidget):
    """Emits ``receipt_written`` after a receipt was written again (it is to be sent)."""

    receipt_written = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        self.receipt_button = QPushButton(self.tr("Write the receipt again"))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.receipt_button)
        layout.addLayout(bar)
        self.model: RowTableModel[LedgerRow] = RowTableModel(LEDGER_COLUMNS, parent=self)
        self.view = make_table(self.model)
        for column, width in enumerate((115, 255, 140, 40, 85, 270)):
            self.view.setColumnWidth(column, width)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        layout.addWidget(splitter, 1)
        self.search.textChanged.connect(self.model.set_query)
        self.view.selectionModel().selectionChanged.connect(self._show_selected)
        self.receipt_button.clicked.connect(self.write_receipt_again)
        self.reload()

    def reload(self) -> None:
        with self.context.database.reading() as session:
            rows = ledger_rows(session, commune_names(session))
        self.details.clear()
        with selection_kept(self.view, lambda row: row.id):
            self.model.set_rows(rows)

    def selected(self) -> LedgerRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        lines = [row.file_name, row.message, *(f"• {p}" for p in row.problems)]
        self.details.setPlainText("\n".join(line for line in lines if line))
        self.receipt_button.setEnabled(row.outcome is ImportOutcome.APPLIED)

    def write_receipt_again(self) -> None:
        row = self.selected()
        if row is None or row.outcome is not ImportOutcome.APPLIED:
            return
        try:
            with self.context.database.transaction() as session:
                path = write_receipt(session, row.id, self.context.paths.exports)
        except (UserError, OSError) as error:
            show_error(self, error if isinstance(error, UserError) else str(error))
            return
        self.receipt_written.emit()
        show_info(
            self,
            self.tr("Receipt written:\n{path}\n\nIt is in the list of receipts to send.").format(
                path=path
            ),
        )
