"""Cài đặt: language, the office and its signer, the hamlets, and backups."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core import settings as app_settings
from desktop.core.backups import (
    Restored,
    backups_to_restore,
    check_backup_for,
    make_backup,
    restore_backup,
)
from desktop.core.errors import FormErrors, UserError, ValidationError
from desktop.core.formatting import format_rate_bp, parse_rate_bp
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import (
    HamletInfo,
    add_hamlet,
    delete_hamlet,
    list_hamlets,
    rename_hamlet,
    restore_hamlet,
    update_office,
)
from desktop.core.programmes import ProgrammeInfo, add_rate, list_programmes
from desktop.core.text import file_words
from desktop.core.userfiles import os_reason
from desktop.reports.xlsx_table import CellKind
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm, show_error, show_info
from desktop.ui.exporting import save_file_as
from desktop.ui.forms import FieldReader, RecordForm
from desktop.ui.inputs import ChoiceCombo, DateEdit, MoneyEdit
from desktop.ui.pages.restore_dialog import RestoreDialog
from desktop.ui.table_model import Column, RowTableModel

HAMLET_COLUMNS = [Column[HamletInfo](QT_TRANSLATE_NOOP("SettingsPage", "Name"), lambda h: h.name)]


def _rate(row: ProgrammeInfo, attribute: str) -> object:
    return getattr(row.rate, attribute) if row.rate else None


PROGRAMME_COLUMNS = [
    Column[ProgrammeInfo](QT_TRANSLATE_NOOP("SettingsPage", "Programme"), lambda p: p.short_name),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Rate / year"),
        lambda p: _rate(p, "rate_bp"),
        CellKind.NUMBER,
        display=format_rate_bp,
    ),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Priority rate"),
        lambda p: _rate(p, "priority_rate_bp"),
        CellKind.NUMBER,
        display=format_rate_bp,
    ),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Cap"), lambda p: _rate(p, "cap_amount"), CellKind.MONEY
    ),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Since"), lambda p: _rate(p, "valid_from"), CellKind.DATE
    ),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Note"), lambda p: _rate(p, "cap_note")
    ),
]


class RateForm(RecordForm):
    """A new rate for a programme, from a date on."""

    def __init__(
        self,
        context: AppContext,
        programmes: list[ProgrammeInfo],
        current: ProgrammeInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New rate"), parent)
        self.context = context
        self.programme = ChoiceCombo([(p.code, p.name) for p in programmes])
        self.programme.set_value(current.code if current else None)
        self.valid_from = DateEdit()
        self.rate = QLineEdit()
        self.rate.setPlaceholderText("6,6")
        self.priority = QLineEdit()
        self.cap = MoneyEdit()
        self.note = QLineEdit()
        self.add_field("programme_code", self.tr("Programme"), self.programme)
        self.add_field("valid_from", self.tr("Applies from"), self.valid_from)
        self.add_field("rate_bp", self.tr("Rate (% a year)"), self.rate)
        self.add_field(
            "priority_rate_bp",
            self.tr("Priority rate (% a year)"),
            self.priority,
            hint=self.tr("Leave empty if the programme has none."),
        )
        self.add_field("cap_amount", self.tr("Cap per loan"), self.cap)
        self.add_field("cap_note", self.tr("Note"), self.note)
        self.resize(560, 420)

    def submit(self) -> None:
        reader = FieldReader()
        valid_from = reader.read(self.valid_from.value, "valid_from")
        rate = reader.read(parse_rate_bp, self.rate.text(), field="rate_bp")
        priority = (
            reader.read(parse_rate_bp, self.priority.text(), field="priority_rate_bp")
            if self.priority.text().strip()
            else None
        )
        cap = reader.read(self.cap.value, "cap_amount", required=False)
        reader.check()
        assert valid_from is not None
        with self.context.database.transaction() as session:
            add_rate(
                session,
                self.programme.value() or "",
                valid_from=valid_from,
                rate_bp=rate,
                priority_rate_bp=priority,
                cap_amount=cap,
                cap_note=self.note.text(),
            )


@dataclass(frozen=True)
class _Undo:
    hamlet_id: str
    name: str


class SettingsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._undo: _Undo | None = None
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(self._language_box())
        layout.addWidget(self._office_box())
        if not context.office.is_city:
            layout.addWidget(self._hamlet_box())
        layout.addWidget(self._programme_box())
        layout.addWidget(self._data_box())
        layout.addStretch(1)
        self.reload()

    # -- language -----------------------------------------------------------------------------
    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Interface"))
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        form.addRow(self.tr("Language"), self.language)
        self.language.currentIndexChanged.connect(self._language_chosen)
        return box

    def _language_chosen(self) -> None:
        language = self.language.currentData()
        with self.context.database.transaction() as session:
            if app_settings.language(session) == language:
                return
            app_settings.set_setting(session, app_settings.LANGUAGE, language)
        self.context.change_language(language)

    # -- office -------------------------------------------------------------------------------
    def _office_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Office"))
        form = QFormLayout(box)
        office = self.context.office
        form.addRow(self.tr("Unit"), QLabel(f"{office.unit_label} ({office.unit_code})"))
        self.office_name = QLineEdit()
        self.signer_title = QPlainTextEdit()
        self.signer_title.setPlaceholderText("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
        self.signer_title.setFixedHeight(70)
        self.signer_name = QLineEdit()
        self.clerk_name = QLineEdit()
        self.clerk_name.setPlaceholderText(self.tr("shown in the change history"))
        self.office_error = QLabel()
        self.office_error.setObjectName("errorLabel")
        self.office_error.setStyleSheet("color: #b00020")
        self.office_error.setWordWrap(True)
        form.addRow(self.tr("Office name"), self.office_name)
        form.addRow(self.tr("Signer's title"), self.signer_title)
        form.addRow(self.tr("Signer's name"), self.signer_name)
        form.addRow(self.tr("Your name"), self.clerk_name)
        form.addRow("", self.office_error)
        self.save_office = QPushButton(self.tr("Save"))
        self.save_office.clicked.connect(self._save_office)
        form.addRow("", self.save_office)
        return box

    def _save_office(self) -> None:
        self.office_error.clear()
        self.save_office.setEnabled(False)
        try:
            with self.context.database.transaction() as session:
                update_office(
                    session,
                    office_name=self.office_name.text(),
                    signer_title=self.signer_title.toPlainText(),
                    signer_name=self.signer_name.text(),
                )
                app_settings.set_setting(
                    session, app_settings.CLERK_NAME, self.clerk_name.text().strip()
                )
        except (ValidationError, FormErrors) as error:
            self.office_error.setText(error.text())
            return
        finally:
            self.save_office.setEnabled(True)
        self.context.office_changed()
        self.office_error.setText(self.tr("Saved."))

    # -- hamlets ------------------------------------------------------------------------------
    def _hamlet_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Hamlets (ấp / khu vực)"))
        layout = QVBoxLayout(box)
        self.hamlet_model = RowTableModel(HAMLET_COLUMNS, parent=self)
        self.hamlet_view = QTableView()
        self.hamlet_view.setModel(self.hamlet_model)
        self.hamlet_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hamlet_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hamlet_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.hamlet_view.setMinimumHeight(180)
        layout.addWidget(self.hamlet_view)
        buttons = QHBoxLayout()
        self.add_hamlet_button = QPushButton(self.tr("Add…"))
        self.rename_hamlet_button = QPushButton(self.tr("Rename…"))
        self.delete_hamlet_button = QPushButton(self.tr("Delete"))
        self.undo_button = QPushButton(self.tr("Undo delete"))
        self.undo_button.setEnabled(False)
        for button in (
            self.add_hamlet_button,
            self.rename_hamlet_button,
            self.delete_hamlet_button,
            self.undo_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_hamlet_button.clicked.connect(self._add_hamlet)
        self.rename_hamlet_button.clicked.connect(self._rename_hamlet)
        self.delete_hamlet_button.clicked.connect(self._delete_hamlet)
        self.undo_button.clicked.connect(self._undo_delete)
        return box

    def _selected_hamlet(self) -> HamletInfo | None:
        rows = self.hamlet_view.selectionModel().selectedRows()
        return self.hamlet_model.row_at(rows[0].row()) if rows else None

    def _add_hamlet(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add hamlet"), self.tr("Name"))
        if ok:
            self._hamlet_action(lambda s: add_hamlet(s, name))

    def _rename_hamlet(self) -> None:
        hamlet = self._selected_hamlet()
        if hamlet is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename hamlet"), self.tr("Name"), text=hamlet.name
        )
        if ok:
            self._hamlet_action(
                lambda s: rename_hamlet(s, hamlet.id, name, expected_version=hamlet.version)
            )

    def _delete_hamlet(self) -> None:
        hamlet = self._selected_hamlet()
        if hamlet is None:
            return
        if not confirm(self, self.tr("Delete the hamlet {name}?").format(name=hamlet.name)):
            return
        if self._hamlet_action(
            lambda s: delete_hamlet(s, hamlet.id, expected_version=hamlet.version)
        ):
            self._undo = _Undo(hamlet.id, hamlet.name)
            self.undo_button.setEnabled(True)

    def _undo_delete(self) -> None:
        if self._undo is None:
            return
        undo = self._undo
        if self._hamlet_action(lambda s: restore_hamlet(s, undo.hamlet_id)):
            self._undo = None
            self.undo_button.setEnabled(False)

    def _hamlet_action(self, action: Callable[[Session], object]) -> bool:
        try:
            with self.context.database.transaction() as session:
                action(session)
        except UserError as error:
            show_error(self, error)
            return False
        self.reload()
        return True

    # -- credit programmes and rates ---------------------------------------------------------
    def _programme_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Credit programmes and rates"))
        layout = QVBoxLayout(box)
        self.programme_model = RowTableModel(PROGRAMME_COLUMNS, parent=self)
        self.programme_view = QTableView()
        self.programme_view.setModel(self.programme_model)
        self.programme_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.programme_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.programme_view.horizontalHeader().setStretchLastSection(True)
        self.programme_view.setMinimumHeight(240)
        layout.addWidget(self.programme_view)
        note = QLabel(
            self.tr(
                "When the bank changes a rate, add the new rate with the date it applies from; "
                "loans disbursed before that date keep the old rate."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.new_rate_button = QPushButton(self.tr("New rate…"))
        self.new_rate_button.clicked.connect(self._new_rate)
        row.addWidget(self.new_rate_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _new_rate(self) -> None:
        chosen = self.programme_view.selectionModel().selectedRows()
        current = self.programme_model.row_at(chosen[0].row()) if chosen else None
        form = RateForm(self.context, self.programme_model.all_rows(), current, self)
        if form.exec():
            self.reload()

    # -- data and backups -----------------------------------------------------------------------
    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Data and backups"))
        form = QFormLayout(box)
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
        return box

    def _backup_now(self) -> None:
        paths = self.context.paths
        self._back_up(lambda: make_backup(paths))

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
        self._back_up(lambda: make_backup(paths, target))

    def _back_up(self, work: Callable[[], Path]) -> None:
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
            lambda _progress: work(),
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
            lambda _progress: restore_backup(paths, source, unit_code=unit),
            on_done=done,
            on_error=failed,
            parent=self,
            label=self.tr("Restoring the backup…"),
        )

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        with self.context.database.reading() as session:
            language = app_settings.language(session)
            clerk = app_settings.get_setting(session, app_settings.CLERK_NAME)
            hamlets = list_hamlets(session) if not self.context.office.is_city else []
            programmes = list_programmes(session)
        office = self.context.database.office() or self.context.office
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.blockSignals(False)
        self.office_name.setText(office.office_name)
        self.signer_title.setPlainText(office.signer_title)
        self.signer_name.setText(office.signer_name)
        self.clerk_name.setText(clerk)
        if not self.context.office.is_city:
            self.hamlet_model.set_rows(hamlets)
        self.programme_model.set_rows(programmes)
