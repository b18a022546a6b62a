"""Receipts still to be e-mailed: every receipt the city wrote and has not marked as sent,
with its commune and file number, so none is forgotten."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.reports.xlsx_table import CellKind
from desktop.sync.receipts import ReceiptToSend, mark_receipt_sent, receipts_to_send
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error
from desktop.ui.sync.widgets import open_folder
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table, selection_kept

RECEIPT_COLUMNS = [
    Column[ReceiptToSend](
        QT_TRANSLATE_NOOP("ReceiptsTab", "Commune / ward"), lambda r: r.commune_label
    ),
    Column[ReceiptToSend](
        QT_TRANSLATE_NOOP("ReceiptsTab", "File no."), lambda r: r.seq, CellKind.NUMBER
    ),
    Column[ReceiptToSend](
        QT_TRANSLATE_NOOP("ReceiptsTab", "Written"), lambda r: r.written_at, display=format_datetime
    ),
    Column[ReceiptToSend](QT_TRANSLATE_NOOP("ReceiptsTab", "Receipt"), lambda r: str(r.receipt)),
]


class ReceiptsTab(QWidget):
    """Emits ``changed`` after receipts were marked as sent (the tab's title counts them)."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Send each commune its receipt (attach the file to an e-mail), then mark it as "
                "sent. When the commune imports it, its file shows as received by the city."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model: RowTableModel[ReceiptToSend] = RowTableModel(RECEIPT_COLUMNS, parent=self)
        self.view = make_table(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for column, width in enumerate((200, 70, 130)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.count = QLabel()
        row.addWidget(self.count, 1)
        self.sent_button = QPushButton(self.tr("Mark as sent"))
        self.folder_button = QPushButton(self.tr("Open the folder"))
        row.addWidget(self.sent_button)
        row.addWidget(self.folder_button)
        layout.addLayout(row)
        self.sent_button.clicked.connect(self.mark_selected_sent)
        self.folder_button.clicked.connect(self.open_selected_folder)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        with self.context.database.reading() as session:
            rows = receipts_to_send(session)
        with selection_kept(self.view, lambda row: row.import_id):
            self.model.set_rows(rows)
        self.count.setText(
            self.tr("{count} receipts to send.").format(count=len(rows))
            if rows
            else self.tr("Every receipt written has been sent.")
        )
        self._update_buttons()

    def selected(self) -> list[ReceiptToSend]:
        return [self.model.row_at(i.row()) for i in self.view.selectionModel().selectedRows()]

    def _update_buttons(self) -> None:
        self.sent_button.setEnabled(bool(self.selected()))

    def mark_selected_sent(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        try:
            with self.context.database.transaction() as session:
                for receipt in chosen:
                    mark_receipt_sent(session, receipt.import_id)
        except UserError as error:
            show_error(self, error)
        self.reload()
        self.changed.emit()

    def open_selected_folder(self) -> None:
        """The folder of the selected receipt (the receipts folder when none is chosen)."""
        chosen = self.selected()
        folder = chosen[0].receipt.parent if chosen else self.context.paths.exports
        open_folder(folder if folder.is_dir() else self.context.paths.exports)
