"""Cài đặt: language, the office, who issues its reports and who signs them, the plan's
number and date, the hamlets, and backups."""

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
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
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
from desktop.core.issuers import (
    COMMUNE_BODIES,
    POSITIONS,
    Body,
    bodies_for,
    body_name,
    document_settings,
    position_text,
    save_document_settings,
)
from desktop.core.office import (
    HamletInfo,
    add_hamlet,
    current_office,
    delete_hamlet,
    list_hamlets,
    rename_hamlet,
    restore_hamlet,
    update_office,
)
from desktop.core.programmes import ProgrammeInfo, add_rate, programmes
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


def _error_label() -> QLabel:
    """A form's message line: errors in red, "Saved." after a save."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


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
        #: What the office and documents boxes showed when last read or saved.
        self._saved_office: tuple[object, ...] | None = None
        self._saved_documents: tuple[object, ...] | None = None
        layout.addWidget(self._language_box())
        layout.addWidget(self._office_box())
        layout.addWidget(self._documents_box())
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
        self.clerk_name = QLineEdit()
        self.clerk_name.setPlaceholderText(self.tr("shown in the change history"))
        self.office_error = _error_label()
        form.addRow(self.tr("Office name"), self.office_name)
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
                update_office(session, office_name=self.office_name.text())
                app_settings.set_setting(
                    session, app_settings.CLERK_NAME, self.clerk_name.text().strip()
                )
        except (ValidationError, FormErrors) as error:
            self.office_error.setText(error.text())
            return
        finally:
            self.save_office.setEnabled(True)
        self._saved_office = self._office_values()
        self.context.office_changed()
        self._show_body_names()
        self.office_error.setText(self.tr("Saved."))

    def _office_values(self) -> tuple[object, ...]:
        return (self.office_name.text(), self.clerk_name.text())

    def _documents_values(self) -> tuple[object, ...]:
        return (
            self.office_body.value() if self.office_body is not None else None,
            self.fund_body.value() if self.fund_body is not None else None,
            tuple(
                (title.currentText(), self.signer_names[body].text())
                for body, title in self.signer_titles.items()
            ),
            self.plan_number.text(),
            self.plan_date.text(),
        )

    def has_unsaved_changes(self) -> bool:
        """Whether the office or documents box holds edits not saved yet (closing the window
        asks)."""
        return (self._saved_office is not None and self._office_values() != self._saved_office) or (
            self._saved_documents is not None and self._documents_values() != self._saved_documents
        )

    # -- documents: issuing bodies, signers, the plan -------------------------------------------
    def _documents_box(self) -> QGroupBox:
        """Which body issues each report (the form of the document follows it), who signs
        for each body, and the number and date of the city's plan that reports cite."""
        box = QGroupBox(self.tr("Documents and reports"))
        form = QFormLayout(box)
        office = self.context.office
        self.office_body: ChoiceCombo | None = None
        self.fund_body: ChoiceCombo | None = None
        if office.is_city:
            note = self.tr(
                "The yearly report (before 30/10) is the Standing Committee of the City Party "
                "Committee's, in the Party's form (“Số …-BC/TU”, “T/M BAN THƯỜNG VỤ”); the "
                "fund's reports are the city Fatherland Front Committee's; the others the city "
                "People's Committee's. A commune's report made here keeps the commune as its "
                "issuer and says it is a copy made from the commune's data."
            )
        else:
            self.office_body = ChoiceCombo([])
            self.fund_body = ChoiceCombo([])
            form.addRow(self.tr("Plan and loan reports issued by"), self.office_body)
            form.addRow(self.tr("Fund reports issued by"), self.fund_body)
            note = self.tr(
                "The document's form follows the body that issues it: a People's Committee's "
                "follows Decree 30/2020 (the national motto, “Số: …/BC-UBND”); a Party "
                "Committee's the Party's form (“ĐẢNG CỘNG SẢN VIỆT NAM”, “Số …-BC/ĐU”, “T/M "
                "ĐẢNG ỦY”); the Fatherland Front's its own (“Số: …/BC-MTTQ”, “TM. BAN THƯỜNG "
                "TRỰC”)."
            )
        about = QLabel(note)
        about.setWordWrap(True)
        form.addRow("", about)

        signers = QWidget()
        grid = QGridLayout(signers)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, heading in enumerate(
            (self.tr("Signs for"), self.tr("Position"), self.tr("Full name"))
        ):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        self.body_labels: dict[Body, QLabel] = {}
        self.signer_titles: dict[Body, QComboBox] = {}
        self.signer_names: dict[Body, QLineEdit] = {}
        for row, body in enumerate(bodies_for(office), start=1):
            name = QLabel()
            name.setWordWrap(True)
            title = QComboBox()
            title.setEditable(True)
            title.addItems(list(POSITIONS[body]))
            title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            title.lineEdit().setPlaceholderText(POSITIONS[body][0])
            person = QLineEdit()
            person.setPlaceholderText(self.tr("as printed under the signature"))
            grid.addWidget(name, row, 0)
            grid.addWidget(title, row, 1)
            grid.addWidget(person, row, 2)
            self.body_labels[body] = name
            self.signer_titles[body] = title
            self.signer_names[body] = person
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        form.addRow(self.tr("Signers"), signers)

        self.plan_number = QLineEdit()
        self.plan_number.setPlaceholderText("…-KH/TU")
        self.plan_number.setMaxLength(30)
        self.plan_date = DateEdit()
        plan = QHBoxLayout()
        plan.addWidget(QLabel(self.tr("Number")))
        plan.addWidget(self.plan_number)
        plan.addWidget(QLabel(self.tr("dated")))
        plan.addWidget(self.plan_date)
        plan.addStretch(1)
        form.addRow(self.tr("City plan for Directive 39"), plan)
        plan_note = QLabel(
            self.tr(
                "The plan of the Standing Committee of the City Party Committee that replaced "
                "Kế hoạch số 386-KH/TU of 12/03/2025; reports cite it by this number and date."
            )
        )
        plan_note.setWordWrap(True)
        form.addRow("", plan_note)
        self.documents_error = _error_label()
        form.addRow("", self.documents_error)
        self.save_documents = QPushButton(self.tr("Save"))
        self.save_documents.clicked.connect(self._save_documents)
        form.addRow("", self.save_documents)
        return box

    def _show_body_names(self) -> None:
        """The bodies named as documents name them (the People's Committee by the office's
        name)."""
        office = self.context.database.office() or self.context.office
        choices = [(body.value, body_name(office, body)) for body in COMMUNE_BODIES]
        for combo in (self.office_body, self.fund_body):
            if combo is not None:
                chosen = combo.value()
                combo.set_choices(choices)
                combo.set_value(chosen)
        for body, label in self.body_labels.items():
            label.setText(body_name(office, body))

    def _save_documents(self) -> None:
        self.documents_error.clear()
        self.save_documents.setEnabled(False)
        office = self.context.database.office() or self.context.office
        errors: list[ValidationError] = []
        try:
            plan_date = self.plan_date.value("plan_date", required=False)
        except ValidationError as error:
            plan_date = None
            errors.append(error)
        try:
            with self.context.database.transaction() as session:
                try:
                    save_document_settings(
                        session,
                        office,
                        office_body=self._body(self.office_body),
                        fund_body=self._body(self.fund_body),
                        signers=[
                            (
                                body,
                                self.signer_titles[body].currentText(),
                                self.signer_names[body].text(),
                            )
                            for body in self.signer_titles
                        ],
                        plan=(self.plan_number.text(), plan_date),
                    )
                except FormErrors as failed:
                    errors[:0] = failed.errors
                if errors:
                    raise FormErrors(errors)
        except (ValidationError, FormErrors) as error:
            self.documents_error.setText(error.text())
            return
        finally:
            self.save_documents.setEnabled(True)
        self.context.office_changed()
        self._load_documents()
        self.documents_error.setText(self.tr("Saved."))

    @staticmethod
    def _body(combo: ChoiceCombo | None) -> Body | None:
        value = combo.value() if combo is not None else None
        return Body(value) if value else None

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
        self._reload_lists()
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
            self._reload_lists()

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
        """Show what is stored: the office, its documents settings and the lists."""
        with self.context.database.reading() as session:
            language = app_settings.language(session)
            clerk = app_settings.get_setting(session, app_settings.CLERK_NAME)
            office = current_office(session) or self.context.office
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.blockSignals(False)
        # What is being typed in the office and documents boxes stays when the page reads
        # again (F5, a change made elsewhere).
        if self._saved_office is None or self._office_values() == self._saved_office:
            self.office_name.setText(office.office_name)
            self.clerk_name.setText(clerk)
            self._saved_office = self._office_values()
        if self._saved_documents is None or self._documents_values() == self._saved_documents:
            self._load_documents()
        self._reload_lists()

    def _load_documents(self) -> None:
        with self.context.database.reading() as session:
            office = current_office(session) or self.context.office
            documents = document_settings(session, office)
        self._show_body_names()
        if self.office_body is not None and self.fund_body is not None:
            self.office_body.set_value(documents.office_body.value)
            self.fund_body.set_value(documents.fund_body.value)
        for body, signer in documents.signers.items():
            self.signer_titles[body].setCurrentText(position_text(signer.title))
            self.signer_names[body].setText(signer.name)
        self.plan_number.setText(documents.plan.number)
        self.plan_date.set_value(documents.plan.issued_on)
        self._saved_documents = self._documents_values()

    def _reload_lists(self) -> None:
        """The hamlets and programmes after a change to them; what is being typed in the
        forms above stays."""
        with self.context.database.reading() as session:
            hamlets = list_hamlets(session) if not self.context.office.is_city else []
            offered = [p for p in programmes(session) if p.active]
        if not self.context.office.is_city:
            self.hamlet_model.set_rows(hamlets)
        self.programme_model.set_rows(offered)
