"""Cài đặt → Khôi phục từ bản sao lưu…: choose the backup to bring back.

The backups TDCS took (daily, by hand, before an upgrade, before a restore) are listed newest
first with their time and size (on a server, the ``pg_dump`` files of its database); a copy
kept elsewhere (a USB stick) is chosen with "Chọn tệp khác…". The dialog only chooses: the
settings page checks the file, asks, and restores (:func:`desktop.core.backups.restore_backup`).
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.backups import AUTO_REASON, BEFORE_RESTORE_REASON, MANUAL_REASON, BackupChoice
from desktop.core.formatting import format_number
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import fit_columns, make_table

REASONS = {
    AUTO_REASON: QT_TRANSLATE_NOOP("RestoreDialog", "Daily, automatic"),
    MANUAL_REASON: QT_TRANSLATE_NOOP("RestoreDialog", "Backed up by hand"),
    "before-migration": QT_TRANSLATE_NOOP("RestoreDialog", "Before an upgrade of TDCS"),
    BEFORE_RESTORE_REASON: QT_TRANSLATE_NOOP("RestoreDialog", "Before a restore"),
}


def size_text(size: int) -> str:
    """``1,2 MB``, ``356 KB``: the size as Windows Explorer shows it."""
    if size < 1024 * 1024:
        return f"{max(math.ceil(size / 1024), 1)} KB"
    return f"{format_number(size / (1024 * 1024), 1)} MB"


def reason_text(reason: str) -> str:
    known = REASONS.get(reason)
    return tr(known) if known else reason


COLUMNS = [
    Column[BackupChoice](
        QT_TRANSLATE_NOOP("RestoreDialog", "Taken at"),
        lambda b: b.taken_at,
        display=lambda when: when.strftime("%d/%m/%Y %H:%M:%S"),
    ),
    Column[BackupChoice](
        QT_TRANSLATE_NOOP("RestoreDialog", "Kind"), lambda b: b.reason, display=reason_text
    ),
    Column[BackupChoice](
        QT_TRANSLATE_NOOP("RestoreDialog", "Size"), lambda b: b.size, display=size_text
    ),
]


class RestoreDialog(QDialog):
    """Choose a backup; :attr:`chosen` is its path once the dialog is accepted."""

    def __init__(
        self, backups: list[BackupChoice], parent: QWidget | None = None, *, server: bool = False
    ) -> None:
        super().__init__(parent)
        self.server = server
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.chosen: Path | None = None
        intro = QLabel(
            self.tr(
                "Choose the backup to restore. The data now in TDCS is backed up first, so "
                "this can be undone by restoring that copy."
            )
            + (
                " "
                + self.tr(
                    "The database is on a PostgreSQL server: its backups are pg_dump files "
                    "(.pgdump), and TDCS on the other computers should be closed first."
                )
                if server
                else ""
            )
        )
        intro.setWordWrap(True)
        self.model = RowTableModel(COLUMNS, backups, parent=self)
        self.view = make_table(self.model)
        self.view.setSortingEnabled(False)  # newest first, as listed
        self.view.setMinimumHeight(220)
        fit_columns(self.view)
        self.view.doubleClicked.connect(lambda _index: self._restore_chosen())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        empty = QLabel(self.tr("There is no backup in the backups folder yet."))
        empty.setVisible(not backups)
        self.other_file_button = QPushButton(self.tr("Choose another file…"))
        self.other_file_button.clicked.connect(self._choose_file)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("Restore…"))
        self.buttons.addButton(self.other_file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._restore_chosen)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(empty)
        layout.addWidget(self.buttons)
        if backups:
            self.view.selectRow(0)
        self._selection_changed()
        self.resize(620, 420)

    def _selected(self) -> BackupChoice | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def _restore_chosen(self) -> None:
        backup = self._selected()
        if backup is not None:
            self.chosen = backup.path
            self.accept()

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a TDCS backup"),
            "",
            self.tr("TDCS backup of the server database (*.pgdump);;All files (*)")
            if self.server
            else self.tr("TDCS backup (*.sqlite3 *.db);;All files (*)"),
        )
        if chosen:
            self.chosen = Path(chosen)
            self.accept()
