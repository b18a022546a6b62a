"""Đồng bộ at a commune: make the file for the city, follow each file from created to sent
to acknowledged, import the city's receipts and key, apply the city's bulletins (and read
its notices), and show this office's key fingerprint for the phone call that confirms it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.enums import ExportState
from desktop.app.sync import accept_receipt_file, export_changes
from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.userfiles import os_reason, read_regular_file
from desktop.reports.xlsx_table import CellKind
from desktop.sync import keys
from desktop.sync.errors import SyncRefused
from desktop.sync.exporter import (
    ExportResult,
    ExportRow,
    copy_export,
    list_exports,
    mark_sent,
    pending_changes,
)
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.data_changes import watch
from desktop.ui.dialogs import confirm, show_error, show_info
from desktop.ui.sync.bulletin_box import BulletinBox
from desktop.ui.sync.widgets import FingerprintLabel, open_folder
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table, page_title

EXPORT_COLUMNS = [
    Column[ExportRow](QT_TRANSLATE_NOOP("CommuneSync", "No."), lambda r: r.seq, CellKind.NUMBER),
    Column[ExportRow](
        QT_TRANSLATE_NOOP("CommuneSync", "Made"),
        lambda r: r.created_at,
        display=format_datetime,
    ),
    Column[ExportRow](
        QT_TRANSLATE_NOOP("CommuneSync", "Kind"),
        lambda r: r.full_snapshot,
        display=lambda full: _kind(full),
    ),
    Column[ExportRow](
        QT_TRANSLATE_NOOP("CommuneSync", "Records"), lambda r: r.total, CellKind.NUMBER
    ),
    Column[ExportRow](QT_TRANSLATE_NOOP("CommuneSync", "State"), lambda r: r.state),
    Column[ExportRow](
        QT_TRANSLATE_NOOP("CommuneSync", "Sent"), lambda r: r.sent_at, display=format_datetime
    ),
    Column[ExportRow](
        QT_TRANSLATE_NOOP("CommuneSync", "City received"),
        lambda r: r.acknowledged_at,
        display=format_datetime,
    ),
    Column[ExportRow](QT_TRANSLATE_NOOP("CommuneSync", "File"), lambda r: r.file_name),
]

M_FULL = QT_TRANSLATE_NOOP("CommuneSync", "full copy")
M_CHANGES = QT_TRANSLATE_NOOP("CommuneSync", "changes")


def _kind(full: bool) -> str:
    return tr(M_FULL if full else M_CHANGES)


class CommuneSyncPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Sync with the city")))
        layout.addWidget(self._send_box())
        layout.addWidget(self._history_box(), 1)
        self.bulletins = BulletinBox(context)
        layout.addWidget(self.bulletins)
        layout.addWidget(self._keys_box())
        # What was recorded since the last export, and receipts, show here.
        watch(self, context.changes, ("exports",), self.reload)
        self.reload()

    # -- building ---------------------------------------------------------------------------
    def _send_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Send the data to the city"))
        layout = QVBoxLayout(box)
        self.pending = QLabel()
        self.pending.setWordWrap(True)
        layout.addWidget(self.pending)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Create file for the city"))
        self.export_button.setDefault(True)
        self.full_button = QPushButton(self.tr("Create a full copy"))
        self.full_button.setToolTip(
            self.tr(
                "All records, not only the changes. Use it when the city reports files "
                "missing, or when asked for a complete copy."
            )
        )
        self.folder_button = QPushButton(self.tr("Open the files folder"))
        for button in (self.export_button, self.full_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.export_button.clicked.connect(lambda: self.export(full=False))
        self.full_button.clicked.connect(lambda: self.export(full=True))
        self.folder_button.clicked.connect(lambda: open_folder(self.context.paths.exports))
        return box

    def _history_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Files made"))
        layout = QVBoxLayout(box)
        self.model: RowTableModel[ExportRow] = RowTableModel(EXPORT_COLUMNS, parent=self)
        self.view = make_table(self.model)
        for column, width in enumerate((50, 130, 110, 80, 140, 130, 130)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.sent_button = QPushButton(self.tr("Mark as sent"))
        self.copy_button = QPushButton(self.tr("Copy the file to…"))
        self.receipt_button = QPushButton(self.tr("Import the city's receipt…"))
        for button in (self.sent_button, self.copy_button, self.receipt_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.sent_button.clicked.connect(self.mark_selected_sent)
        self.copy_button.clicked.connect(lambda: self.copy_selected())
        self.receipt_button.clicked.connect(lambda: self.import_receipt())
        self.view.selectionModel().selectionChanged.connect(self._update_row_buttons)
        return box

    def _keys_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Keys"))
        form = QFormLayout(box)
        self.own_fingerprint = FingerprintLabel()
        form.addRow(self.tr("This office's key fingerprint:"), self.own_fingerprint)
        hint = QLabel(
            self.tr(
                "When your first file arrives, the city calls you: read this number out; the "
                "city types it, and from then on accepts only files signed with this key."
            )
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.city_key = QLabel()
        self.city_key.setWordWrap(True)
        self.city_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.city_key_button = QPushButton(self.tr("Import the city key…"))
        self.city_key_button.clicked.connect(lambda: self.import_city_key())
        form.addRow(self.tr("City key:"), self.city_key)
        row = QHBoxLayout()
        row.addWidget(self.city_key_button)
        row.addStretch(1)
        form.addRow("", row)
        return box

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        with self.context.database.transaction() as session:
            fingerprint = keys.commune_fingerprint(session)
            city = keys.trusted_city_key(session)
            pending = pending_changes(session)
            rows = list_exports(session)
        self.own_fingerprint.setText(fingerprint)
        if city is None:
            self.city_key.setText(
                self.tr(
                    "Not imported yet. Ask the city office for its key file (.tdcskey) and "
                    "import it here; without it no file can be made."
                )
            )
            self.city_key.setStyleSheet("color: #b00020")
        else:
            self.city_key.setText(
                self.tr("Fingerprint {fingerprint} (imported {date})").format(
                    fingerprint=city.fingerprint, date=format_datetime(city.pinned_at)
                )
            )
            self.city_key.setStyleSheet("")
        if pending.last_seq is None:
            text = self.tr("No file made yet; {count} records to send.").format(
                count=pending.changes
            )
        elif pending.changes:
            text = self.tr("{count} changes not sent yet since file {seq} ({date}).").format(
                count=pending.changes,
                seq=pending.last_seq,
                date=format_datetime(pending.last_created_at),
            )
        else:
            text = self.tr("Nothing changed since file {seq} ({date}).").format(
                seq=pending.last_seq, date=format_datetime(pending.last_created_at)
            )
        self.pending.setText(text)
        for button in (self.export_button, self.full_button):
            button.setEnabled(city is not None)
        chosen = self.selected()
        self.model.set_rows(rows)
        if chosen is not None:
            self.select_file(chosen.seq)
        self._update_row_buttons()

    def selected(self) -> ExportRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_file(self, seq: int) -> None:
        found = self.model.find_row(lambda r: r.seq == seq)
        if found >= 0:
            self.view.selectRow(found)

    def _update_row_buttons(self) -> None:
        row = self.selected()
        self.sent_button.setEnabled(row is not None and row.state is ExportState.CREATED)
        self.copy_button.setEnabled(row is not None)

    # -- actions ----------------------------------------------------------------------------
    def export(self, *, full: bool) -> None:
        database = self.context.database
        self.export_button.setEnabled(False)
        self.full_button.setEnabled(False)
        run_in_background(
            lambda progress: export_changes(database, full=full, progress=progress),
            on_done=self._exported,
            on_error=self._failed,
            parent=self,
            label=self.tr("Making the file for the city…"),
        )

    def _exported(self, result: ExportResult) -> None:
        self.reload()
        self.select_file(result.seq)
        show_info(
            self,
            self.tr(
                "File {seq} is ready ({count} records):\n{path}\n\nSend it to the city by "
                "e-mail or on a USB stick, then mark it as sent."
            ).format(seq=result.seq, count=result.total, path=result.path),
        )

    def _failed(self, error: BaseException) -> None:
        self.reload()
        show_error(self, error if isinstance(error, UserError) else str(error))

    def mark_selected_sent(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            with self.context.database.transaction() as session:
                mark_sent(session, row.seq)
        except UserError as error:
            show_error(self, error)
        self.reload()

    def copy_selected(self, target: Path | None = None) -> None:
        row = self.selected()
        if row is None:
            return
        if target is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Copy the file to"))
            if not chosen:
                return
            target = Path(chosen)
        try:
            path = copy_export(self.context.paths.exports, row, target)
        except UserError as error:  # the copy could not be written
            show_error(self, error)
            return
        except OSError as error:  # the file in the exports folder could not be read
            show_error(
                self,
                self.tr("The file could not be copied to {folder}: {reason}.").format(
                    folder=target, reason=os_reason(error)
                ),
            )
            return
        show_info(self, self.tr("Copied to:\n{path}").format(path=path))

    def import_receipt(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import the city's receipt"),
                str(Path.home()),
                self.tr("TDCS receipts (*.tdcsr);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            ack = accept_receipt_file(self.context.database, path)
        except UserError as error:
            show_error(self, error)
            return
        self.reload()
        if ack.already:
            text = self.tr("File {seq} was already marked as received by the city.")
        else:
            text = self.tr("The city received file {seq} on {date}.")
        show_info(self, text.format(seq=ack.seq, date=ack.imported_at))

    def import_city_key(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import the city key"),
                str(Path.home()),
                self.tr("City key (*.tdcskey);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            data = read_regular_file(path, keys.MAX_KEY_FILE, error=SyncRefused)
            key = keys.read_city_key_file(data)
            with self.context.database.reading() as session:
                current = keys.trusted_city_key(session)
            question = self.tr(
                "The city key's fingerprint is:\n\n{fingerprint}\n\nHave you read it out "
                "with the city office by phone, and is it the same?"
            ).format(fingerprint=key.fingerprint)
            replace = current is not None and current.fingerprint != key.fingerprint
            if replace:
                question += "\n\n" + self.tr(
                    "It replaces the city key in use (fingerprint {old})."
                ).format(old=current.fingerprint if current else "")
            if not confirm(self, question):
                return
            with self.context.database.transaction() as session:
                keys.import_city_key(session, data, replace=replace)
        except UserError as error:
            show_error(self, error)
            return
        self.reload()
