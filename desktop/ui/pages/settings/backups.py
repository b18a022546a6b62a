"""The data folder and its backups: back up now or to a file, and restore a backup (after
backing up the data it replaces; TDCS then restarts)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.app.backups import back_up, restore
from desktop.core.backups import (
    Restored,
    backups_to_restore,
    check_backup_for,
)
from desktop.core.errors import UserError
from desktop.core.progress import Progress
from desktop.core.text import file_words
from desktop.core.userfiles import os_reason
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm, show_error, show_info
from desktop.ui.exporting import save_file_as
from desktop.ui.pages.restore_dialog import RestoreDialog


class DataBox(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Data and backups"))
        self.context = context
        form = QFormLayout(self)
        folder = QLabel(str(self.context.paths.data_dir))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Data folder"), folder)
        backups = QLabel(str(self.context.paths.backups))
        backups.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Backups"), backups)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self._backup_now)
        self.backup_to_button = QPushButton(self.tr("Back up to a file…"))
        self.backup_to_button.clicked.connect(self._backup_to)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.clicked.connect(self._restore)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.backup_to_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        form.addRow("", row)
        note = QLabel(
            self.tr(
                "TDCS backs up the data every day it is opened. Restoring a backup replaces "
                "all the data with the backup's, after backing up the current data, and "
                "restarts TDCS."
            )
        )
        note.setWordWrap(True)
        form.addRow("", note)

    def _backup_now(self) -> None:
        paths = self.context.paths
        self._back_up(lambda progress: back_up(paths, progress=progress))

    def _backup_to(self) -> None:
        office = self.context.office
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = f"Sao-luu-TDCS_{file_words(office.unit_name)}_{date.today().isoformat()}.sqlite3"
        target = save_file_as(
            self,
            self.tr("Back up to"),
            Path(documents or self.context.paths.data_dir) / name,
            self.tr("TDCS backup (*.sqlite3)"),
        )
        if target is None:
            return
        paths = self.context.paths
        self._back_up(lambda progress: back_up(paths, target, progress=progress))

    def _back_up(self, work: Callable[[Progress], Path]) -> None:
        self._set_data_busy(True)

        def done(path: Path) -> None:
            self._set_data_busy(False)
            show_info(self, self.tr("Backup written:\n{path}").format(path=path))

        def failed(error: BaseException) -> None:
            self._set_data_busy(False)
            if isinstance(error, UserError):
                show_error(self, error)
            elif isinstance(error, OSError | sqlite3.Error):
                show_error(
                    self,
                    self.tr("The backup could not be written: {reason}").format(
                        reason=os_reason(error) if isinstance(error, OSError) else error
                    ),
                )
            else:
                raise error

        run_in_background(
            work,
            on_done=done,
            on_error=failed,
            parent=self,
            label=self.tr("Backing up…"),
        )

    def _set_data_busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.backup_to_button, self.restore_button):
            button.setEnabled(not busy)

    def _restore(self) -> None:
        """Choose a backup, check that it is this office's, ask, restore it (the current data
        is backed up first), then TDCS opens the restored database in a new window."""
        paths = self.context.paths
        unit = self.context.office.unit_code
        dialog = RestoreDialog(backups_to_restore(paths), self)
        if not dialog.exec() or dialog.chosen is None:
            return
        source = dialog.chosen
        try:
            info = check_backup_for(paths, source, unit)
        except UserError as error:
            show_error(self, error)
            return
        when = info.taken_at.strftime("%d/%m/%Y %H:%M")
        question = self.tr(
            "The data now in TDCS will be replaced by the backup of {when} ({office}). The "
            "current data is backed up first. TDCS will then restart.\n\nRestore this backup?"
        ).format(when=when, office=info.office_name or unit)
        if not confirm(self, question):
            return

        def done(restored: Restored) -> None:
            self._set_data_busy(False)
            kept = (
                self.tr("The data it replaced was kept in {path}.").format(path=restored.kept)
                if restored.kept
                else ""
            )
            show_info(
                self,
                self.tr("The backup of {when} was restored. {kept} TDCS restarts now.").format(
                    when=when, kept=kept
                ),
            )
            self.context.restart("settings")

        def failed(error: BaseException) -> None:
            self._set_data_busy(False)
            if isinstance(error, UserError):
                show_error(self, error)
            elif isinstance(error, OSError | sqlite3.Error):
                show_error(
                    self,
                    self.tr("The backup could not be restored: {reason}").format(
                        reason=os_reason(error) if isinstance(error, OSError) else error
                    ),
                )
            else:
                raise error

        self._set_data_busy(True)
        run_in_background(
            lambda progress: restore(paths, source, unit_code=unit, progress=progress),
            on_done=done,
            on_error=failed,
            parent=self,
            label=self.tr("Restoring the backup…"),
        )
