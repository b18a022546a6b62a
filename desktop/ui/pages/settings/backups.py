"""The data folder and its backups: back up now or to a file, and restore a backup (after
backing up the data it replaces; TDCS then restarts). The city's database on a PostgreSQL
server is backed up with ``pg_dump`` and restored from such a dump the same way; the check of
a dump and the count of other connections to the database run in the background."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from db.engine import shown_url
from desktop.app.backups import back_up, list_backups, other_sessions, restore
from desktop.core.backups import (
    BackupInfo,
    Restored,
    backup_suffix,
    check_backup_for,
    last_server_daily,
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
        url = self.context.paths.database_url
        if url is not None:
            server = QLabel(shown_url(url))
            server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.tr("Database"), server)
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
        note = QLabel(self._note())
        note.setWordWrap(True)
        form.addRow("", note)

    def _note(self) -> str:
        paths = self.context.paths
        if paths.database_url is None:
            return self.tr(
                "TDCS backs up the data every day it is opened. Restoring a backup replaces "
                "all the data with the backup's, after backing up the current data, and "
                "restarts TDCS."
            )
        note = self.tr(
            "The database is on a PostgreSQL server, shared by the city's computers. Each "
            "day the first TDCS to open backs it up (pg_dump) into the backups folder of its "
            "own computer. Restoring a backup replaces all the data on the server with the "
            "backup's, after backing up the current data: close TDCS on the other computers "
            "first."
        )
        with self.context.database.reading() as session:
            last = last_server_daily(session)
        if last is not None:
            note += "\n" + self.tr("Last daily backup: {when} on {host}, {path}").format(
                when=last.taken_at.strftime("%d/%m/%Y %H:%M"), host=last.host, path=last.path
            )
        return note

    def _backup_now(self) -> None:
        paths = self.context.paths
        self._back_up(lambda progress: back_up(paths, progress=progress))

    def _backup_to(self) -> None:
        office = self.context.office
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suffix = backup_suffix(self.context.paths)
        name = f"Sao-luu-TDCS_{file_words(office.unit_name)}_{date.today().isoformat()}{suffix}"
        target = save_file_as(
            self,
            self.tr("Back up to"),
            Path(documents or self.context.paths.data_dir) / name,
            self.tr("TDCS backup (*{suffix})").format(suffix=suffix),
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

        run_in_background(
            work,
            on_done=done,
            on_error=lambda error: self._failed(
                error, self.tr("The backup could not be written: {reason}")
            ),
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
        dialog = RestoreDialog(list_backups(paths), self, server=paths.database_url is not None)
        if not dialog.exec() or dialog.chosen is None:
            return
        source = dialog.chosen
        if paths.database_url is None:
            try:
                info = check_backup_for(paths, source, unit)
            except UserError as error:
                show_error(self, error)
                return
            self._ask_and_restore(source, info, 0)
            return
        database = self.context.database

        def check(_progress: Progress) -> tuple[BackupInfo, int]:
            return check_backup_for(paths, source, unit), other_sessions(paths, database)

        def checked(result: tuple[BackupInfo, int]) -> None:
            self._set_data_busy(False)
            self._ask_and_restore(source, *result)

        self._set_data_busy(True)
        run_in_background(
            check,
            on_done=checked,
            on_error=self._restore_failed,
            parent=self,
            label=self.tr("Checking the backup…"),
        )

    def _failed(self, error: BaseException, template: str) -> None:
        """A backup or a restore that failed: its message, or (file system, SQLite)
        ``template`` with the reason; anything else is a bug, for the crash handler."""
        self._set_data_busy(False)
        if isinstance(error, UserError):
            show_error(self, error)
        elif isinstance(error, OSError | sqlite3.Error):
            reason = os_reason(error) if isinstance(error, OSError) else error
            show_error(self, template.format(reason=reason))
        else:
            raise error

    def _restore_failed(self, error: BaseException) -> None:
        self._failed(error, self.tr("The backup could not be restored: {reason}"))

    def _ask_and_restore(self, source: Path, info: BackupInfo, others: int) -> None:
        paths = self.context.paths
        unit = self.context.office.unit_code
        when = info.taken_at.strftime("%d/%m/%Y %H:%M")
        question = self.tr(
            "The data now in TDCS will be replaced by the backup of {when} ({office}). The "
            "current data is backed up first. TDCS will then restart.\n\nRestore this backup?"
        ).format(when=when, office=info.office_name or unit)
        if others:
            question = (
                self.tr(
                    "{count} other connection(s) to the database are open: TDCS on other "
                    "computers, or other programs. What they have not saved is lost, and "
                    "TDCS must be opened again on those computers after the restore. Close "
                    "TDCS there first if you can."
                ).format(count=others)
                + "\n\n"
                + question
            )
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

        database = self.context.database
        self._set_data_busy(True)
        run_in_background(
            lambda progress: restore(
                paths,
                source,
                unit_code=unit,
                other_sessions_ok=others > 0,
                open_database=database,
                progress=progress,
            ),
            on_done=done,
            on_error=self._restore_failed,
            parent=self,
            label=self.tr("Restoring the backup…"),
        )
