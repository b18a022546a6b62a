"""Đồng bộ at the city, "Bulletins to the communes": what the city decides for the communes —
the targets it assigns each commune for a year, its notices, the periods it has closed —
and the bulletin files that carry them down (``desktop/sync/bulletin_issue.py``), one file
for every commune or one per commune.

The catalogue (programmes, rates, tasks, organisations) travels in every bulletin as the
city holds it; it is kept on the Settings page, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.enums import PeriodKind, TargetKind
from desktop.core.closed_periods import (
    ClosedPeriodInput,
    ClosedPeriodRow,
    create_closed_period,
    list_closed_periods,
)
from desktop.core.dashboard.scope import communes_for_choice
from desktop.core.errors import UserError
from desktop.core.formatting import format_date, format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.labels import label
from desktop.core.notices import NoticeInput, NoticeRow, create_notice, list_notices
from desktop.core.progress import Progress
from desktop.core.targets import (
    TargetInput,
    TargetRow,
    amount_text,
    create_target,
    delete_target,
    list_targets,
    update_target,
)
from desktop.reports.xlsx_table import CellKind
from desktop.sync.bulletin_issue import (
    IssuedRow,
    IssueResult,
    all_commune_codes,
    list_issued,
    make_bulletins,
    pending,
)
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm, show_error, show_info
from desktop.ui.inputs import ChoiceCombo, DateEdit, EnumCombo, MoneyEdit
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table

TARGET_COLUMNS = [
    Column[TargetRow](QT_TRANSLATE_NOOP("BulletinsTab", "Commune"), lambda r: r.commune_name),
    Column[TargetRow](QT_TRANSLATE_NOOP("BulletinsTab", "Year"), lambda r: r.year, CellKind.NUMBER),
    Column[TargetRow](QT_TRANSLATE_NOOP("BulletinsTab", "Target"), lambda r: label(r.kind)),
    Column[TargetRow](
        QT_TRANSLATE_NOOP("BulletinsTab", "Assigned"), lambda r: amount_text(r.kind, r.value)
    ),
    Column[TargetRow](QT_TRANSLATE_NOOP("BulletinsTab", "Notes"), lambda r: r.notes),
]
NOTICE_COLUMNS = [
    Column[NoticeRow](
        QT_TRANSLATE_NOOP("BulletinsTab", "To"), lambda r: r.addressee_name or _to_all()
    ),
    Column[NoticeRow](QT_TRANSLATE_NOOP("BulletinsTab", "Title"), lambda r: r.title),
    Column[NoticeRow](
        QT_TRANSLATE_NOOP("BulletinsTab", "Act by"), lambda r: r.act_by, display=format_date
    ),
]
CLOSED_COLUMNS = [
    Column[ClosedPeriodRow](QT_TRANSLATE_NOOP("BulletinsTab", "Period"), lambda r: r.label),
    Column[ClosedPeriodRow](
        QT_TRANSLATE_NOOP("BulletinsTab", "Closed on"), lambda r: r.closed_on, display=format_date
    ),
]
ISSUED_COLUMNS = [
    Column[IssuedRow](QT_TRANSLATE_NOOP("BulletinsTab", "No."), lambda r: r.seq, CellKind.NUMBER),
    Column[IssuedRow](
        QT_TRANSLATE_NOOP("BulletinsTab", "Made"), lambda r: r.issued_at, display=format_datetime
    ),
    Column[IssuedRow](
        QT_TRANSLATE_NOOP("BulletinsTab", "To"), lambda r: r.addressee_name or _to_all()
    ),
    Column[IssuedRow](QT_TRANSLATE_NOOP("BulletinsTab", "File"), lambda r: r.file_name),
]
M_TO_ALL = QT_TRANSLATE_NOOP("BulletinsTab", "Every commune")


def _to_all() -> str:
    return tr(M_TO_ALL)


class _Form(QDialog):
    """A small form: its fields, Save and Cancel; Save runs ``save`` and closes only when it
    succeeds (a refusal is shown and the form stays open)."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.save: Callable[[], None] = lambda: None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def finish(self) -> None:
        self.form.addRow(self.buttons)

    def _save(self) -> None:
        try:
            self.save()
        except UserError as error:
            show_error(self, error)
            return
        self.accept()


class TargetForm(_Form):
    """A new target, or (``row``) a change to one: the next bulletin to the commune carries
    the new figure."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, row: TargetRow | None = None
    ) -> None:
        super().__init__(
            self.tr("Assign a target") if row is None else self.tr("Change the target"), parent
        )
        self.context = context
        self.row = row
        with context.database.reading() as session:
            communes = communes_for_choice(session)
        self.commune = ChoiceCombo([(c.code, c.name) for c in communes], optional=True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.kind = EnumCombo(TargetKind)
        self.value = MoneyEdit()
        self.value.setPlaceholderText("")
        self.notes = QLineEdit()
        self.form.addRow(self.tr("Commune or ward:"), self.commune)
        self.form.addRow(self.tr("Year:"), self.year)
        self.form.addRow(self.tr("Target:"), self.kind)
        self.form.addRow(self.tr("Assigned (đồng, groups or loans):"), self.value)
        self.form.addRow(self.tr("Notes:"), self.notes)
        if row is not None:
            self.commune.set_value(row.target_code)
            self.year.setValue(row.year)
            self.kind.set_value(row.kind)
            self.value.set_value(row.value)
            self.notes.setText(row.notes)
        self.finish()
        self.save = self._write

    def _write(self) -> None:
        value = self.value.value("value")
        data = TargetInput(
            self.commune.value(), self.year.value(), self.kind.value(), value, self.notes.text()
        )
        with self.context.database.transaction() as session:
            if self.row is None:
                create_target(session, data)
            else:
                update_target(session, self.row.id, data, expected_version=self.row.version)


class NoticeForm(_Form):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Write a notice"), parent)
        self.context = context
        with context.database.reading() as session:
            communes = communes_for_choice(session)
        self.addressee = ChoiceCombo([(c.code, c.name) for c in communes], optional=True)
        self.addressee.setItemText(0, self.tr("Every commune"))
        self.title = QLineEdit()
        self.text = QPlainTextEdit()
        self.act_by = DateEdit()
        self.form.addRow(self.tr("To:"), self.addressee)
        self.form.addRow(self.tr("Title:"), self.title)
        self.form.addRow(self.tr("Text:"), self.text)
        self.form.addRow(self.tr("Act by (may be empty):"), self.act_by)
        self.finish()
        self.save = self._write

    def _write(self) -> None:
        act_by = self.act_by.value("act_by", required=False)
        with self.context.database.transaction() as session:
            create_notice(
                session,
                NoticeInput(
                    self.addressee.value(), self.title.text(), self.text.toPlainText(), act_by
                ),
            )


class ClosedPeriodForm(_Form):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Close a period"), parent)
        self.context = context
        self.kind = EnumCombo(PeriodKind)
        self.kind.set_value(PeriodKind.YEAR)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year - 1)
        self.number = QSpinBox()
        self.number.setRange(1, 4)
        self.closed_on = DateEdit()
        self.closed_on.set_value(date.today())
        self.form.addRow(self.tr("Period:"), self.kind)
        self.form.addRow(self.tr("Year:"), self.year)
        self.form.addRow(self.tr("Quarter or half-year no.:"), self.number)
        self.form.addRow(self.tr("Closed on:"), self.closed_on)
        self.finish()
        self.save = self._write

    def _write(self) -> None:
        closed_on = self.closed_on.value("closed_on")
        with self.context.database.transaction() as session:
            create_closed_period(
                session,
                ClosedPeriodInput(
                    self.kind.value(), self.year.value(), self.number.value(), closed_on
                ),
            )


class BulletinsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("bulletinPending")
        self.pending_label.setWordWrap(True)
        layout.addWidget(self.pending_label)

        targets = QGroupBox(self.tr("Targets assigned to the communes"))
        box = QVBoxLayout(targets)
        self.targets: RowTableModel[TargetRow] = RowTableModel(TARGET_COLUMNS, parent=self)
        self.targets_view = make_table(self.targets)
        box.addWidget(self.targets_view, 1)
        self.add_target_button = QPushButton(self.tr("Assign a target…"))
        self.change_target_button = QPushButton(self.tr("Change the target…"))
        self.withdraw_target_button = QPushButton(self.tr("Withdraw the target"))
        box.addLayout(
            _row(self.add_target_button, self.change_target_button, self.withdraw_target_button)
        )
        layout.addWidget(targets, 2)

        lower = QHBoxLayout()
        notices = QGroupBox(self.tr("Notices"))
        box = QVBoxLayout(notices)
        self.notices: RowTableModel[NoticeRow] = RowTableModel(NOTICE_COLUMNS, parent=self)
        box.addWidget(make_table(self.notices), 1)
        self.add_notice_button = QPushButton(self.tr("Write a notice…"))
        box.addLayout(_row(self.add_notice_button))
        lower.addWidget(notices, 2)
        closed = QGroupBox(self.tr("Closed periods"))
        box = QVBoxLayout(closed)
        self.closed: RowTableModel[ClosedPeriodRow] = RowTableModel(CLOSED_COLUMNS, parent=self)
        box.addWidget(make_table(self.closed), 1)
        self.close_period_button = QPushButton(self.tr("Close a period…"))
        box.addLayout(_row(self.close_period_button))
        lower.addWidget(closed, 1)
        layout.addLayout(lower, 1)

        issued = QGroupBox(self.tr("Bulletins made"))
        box = QVBoxLayout(issued)
        self.issued: RowTableModel[IssuedRow] = RowTableModel(ISSUED_COLUMNS, parent=self)
        box.addWidget(make_table(self.issued), 1)
        self.make_all_button = QPushButton(self.tr("Make the bulletin for every commune…"))
        self.make_all_button.setToolTip(
            self.tr(
                "One file for all 103 communes: the catalogue, the closed periods and the "
                "notices to every commune. It carries no commune's targets."
            )
        )
        self.make_each_button = QPushButton(self.tr("Make one bulletin per commune…"))
        self.make_each_button.setToolTip(
            self.tr(
                "One file for each commune, with its own targets and the notices addressed "
                "to it as well: send each commune its own file."
            )
        )
        box.addLayout(_row(self.make_all_button, self.make_each_button))
        layout.addWidget(issued, 1)

        self.add_target_button.clicked.connect(lambda: self._form(TargetForm))
        self.change_target_button.clicked.connect(self.change_target)
        self.withdraw_target_button.clicked.connect(self.withdraw_target)
        self.add_notice_button.clicked.connect(lambda: self._form(NoticeForm))
        self.close_period_button.clicked.connect(lambda: self._form(ClosedPeriodForm))
        self.make_all_button.clicked.connect(lambda: self.make(each=False))
        self.make_each_button.clicked.connect(lambda: self.make(each=True))
        self.targets_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        with self.context.database.reading() as session:
            waiting = pending(session)
            self.targets.set_rows(list_targets(session))
            self.notices.set_rows(list_notices(session))
            self.closed.set_rows(list_closed_periods(session))
            self.issued.set_rows(list_issued(session))
        if waiting.last_seq is None:
            text = self.tr("No bulletin made yet.")
        else:
            text = self.tr("Last bulletin: no. {seq} ({date}).").format(
                seq=waiting.last_seq, date=format_datetime(waiting.last_issued_at)
            )
        if waiting.anything:
            text += " " + self.tr(
                "Since then: {targets} targets, {notices} notices and {closed} closed periods "
                "added, changed or withdrawn{catalogue}."
            ).format(
                targets=waiting.targets,
                notices=waiting.notices,
                closed=waiting.closed_periods,
                catalogue=self.tr("; the catalogue changed") if waiting.catalogue_changed else "",
            )
        elif waiting.last_seq is not None:
            text += " " + self.tr("Nothing changed since.")
        self.pending_label.setText(text)
        self._update_buttons()

    def selected_target(self) -> TargetRow | None:
        rows = self.targets_view.selectionModel().selectedRows()
        return self.targets.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_target() is not None
        self.change_target_button.setEnabled(chosen)
        self.withdraw_target_button.setEnabled(chosen)

    def _form(self, kind: Callable[[AppContext, QWidget], QDialog]) -> None:
        if kind(self.context, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def change_target(self) -> None:
        row = self.selected_target()
        if row is None:
            return
        if TargetForm(self.context, self, row).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def withdraw_target(self) -> None:
        row = self.selected_target()
        if row is None:
            return
        question = self.tr(
            "Withdraw the target “{target}” of {commune} for {year}? The next bulletin to "
            "the commune withdraws it there too."
        ).format(target=label(row.kind), commune=row.commune_name, year=row.year)
        if not confirm(self, question):
            return
        try:
            with self.context.database.transaction() as session:
                delete_target(session, row.id, expected_version=row.version)
        except UserError as error:
            show_error(self, error)
        self.reload()

    def make(self, *, each: bool, folder: Path | None = None) -> None:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the bulletin files"), str(self.context.paths.exports)
            )
            if not chosen:
                return
            folder = Path(chosen)
        database = self.context.database
        target = folder

        def work(progress: Progress) -> IssueResult:
            with database.transaction() as session:
                communes = all_commune_codes(session) if each else None
                return make_bulletins(session, target, communes=communes, progress=progress)

        run_in_background(
            work,
            on_done=self._made,
            on_error=self._failed,
            parent=self,
            label=self.tr("Making the bulletin…"),
        )

    def _made(self, result: IssueResult) -> None:
        self.reload()
        show_info(
            self,
            self.tr(
                "Bulletin no. {seq} is ready: {files} files in\n{folder}\n\nSend each commune "
                "its file (or the file for every commune) by e-mail."
            ).format(
                seq=result.seq,
                files=len(result.files),
                folder=result.files[0].path.parent if result.files else "",
            ),
        )

    def _failed(self, error: BaseException) -> None:
        self.reload()
        show_error(self, error if isinstance(error, UserError) else str(error))


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
