"""The progress form: one task, one period, its status, what was done, and the documents
issued (several, typed into a small table)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from db.enums import PeriodKind, TaskStatus
from desktop.core.errors import ErrorCollector, FormErrors, UserError, ValidationError
from desktop.core.formatting import format_date, format_stored_date, parse_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.periods import Period
from desktop.core.tasks.dissemination import is_dissemination_task
from desktop.core.tasks.progress import (
    FIXED_PERCENT,
    M_DOCUMENT_FIELD,
    DocumentInput,
    ProgressInput,
    ProgressRow,
    RecordedPeriod,
    TaskKey,
    create_progress,
    get_progress,
    merge_into,
    move_progress,
    proposed_period,
    recorded_periods,
    row_input,
    update_progress,
    validate_progress,
)
from desktop.core.tasks.status import TaskLine, task_lines
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import ChoiceCombo, CountEdit, DateEdit, EnumCombo
from desktop.ui.recording.forms import TextArea, YearSpin

AnyIndex = QModelIndex | QPersistentModelIndex
_ROMAN = ("I", "II", "III", "IV")

DOCUMENT_COLUMNS = (
    QT_TRANSLATE_NOOP("DocumentsModel", "Number"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Symbol"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Date"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Summary"),
)
_FIELDS = ("number", "symbol", "issued_on", "summary")


def task_key(plan_task_code: str, office_task_id: str | None) -> str:
    """The key of a task line in the task choice: ``II.2.a`` or ``II.2.a|<sub-task id>``."""
    return f"{plan_task_code}|{office_task_id}" if office_task_id else plan_task_code


def task_choice_text(line: TaskLine) -> str:
    if line.office_task_id:
        return f"{line.plan_task_code}  ›  {line.title}"
    return f"{line.plan_task_code} – {line.title}"


@dataclass
class _DocumentLine:
    """A document as typed: the date stays text until Save, so a half-typed date is kept."""

    number: str = ""
    symbol: str = ""
    issued_on: str = ""
    summary: str = ""
    id: str | None = None
    version: int | None = None


class DocumentsModel(QAbstractTableModel):
    """The documents of one progress record, edited in place (số, ký hiệu, ngày, trích yếu)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[_DocumentLine] = []

    def set_documents(self, documents: list[_DocumentLine]) -> None:
        self.beginResetModel()
        self.lines = list(documents)
        self.endResetModel()

    def add_line(self) -> int:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(_DocumentLine())
        self.endInsertRows()
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()

    def inputs(self, reader: ErrorCollector) -> tuple[DocumentInput, ...]:
        """The documents typed, skipping wholly empty lines; a date that cannot be read is
        reported (``documents``) and the line left out."""
        found = []
        for number, line in enumerate(self.lines, start=1):
            if not any(
                (
                    line.number.strip(),
                    line.symbol.strip(),
                    line.issued_on.strip(),
                    line.summary.strip(),
                )
            ):
                continue
            issued: date | None = None
            if line.issued_on.strip():
                try:
                    issued = parse_date(line.issued_on, field="documents")
                except ValidationError as error:
                    reader.errors.append(
                        ValidationError(
                            "documents", M_DOCUMENT_FIELD, row=number, problem=error.text()
                        )
                    )
                    continue
            found.append(
                DocumentInput(
                    number=line.number,
                    symbol=line.symbol,
                    issued_on=issued,
                    summary=line.summary,
                    id=line.id,
                    version=line.version,
                )
            )
        return tuple(found)

    # -- Qt interface ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DOCUMENT_COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(self.lines[index.row()], _FIELDS[index.column()])
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self.lines):
            return False
        setattr(self.lines[index.row()], _FIELDS[index.column()], str(value or ""))
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(DOCUMENT_COLUMNS):
            return tr(DOCUMENT_COLUMNS[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class _TrackingDelegate(QStyledItemDelegate):
    """Remembers the cell editor that is open, so Save can keep what is being typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: QWidget | None = None

    def createEditor(self, parent: QWidget, option: Any, index: AnyIndex) -> QWidget:
        self.editor = super().createEditor(parent, option, index)
        return self.editor

    def destroyEditor(self, editor: QWidget, index: AnyIndex) -> None:
        if editor is self.editor:
            self.editor = None
        super().destroyEditor(editor, index)


class DocumentsEditor(QWidget):
    """The documents table with its add and remove buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = DocumentsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.delegate = _TrackingDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((60, 100, 95)):
            self.view.setColumnWidth(column, width)
        self.view.setMinimumHeight(120)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a document"))
        self.remove_button = QPushButton(self.tr("Remove the document"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)

    def _add(self) -> None:
        row = self.model.add_line()
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def commit_pending(self) -> None:
        """Keep what is being typed in a cell when Save is pressed straight away."""
        editor = self.delegate.editor
        if editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _remove(self) -> None:
        rows = self.view.selectionModel().selectedRows() or (
            [self.view.currentIndex()] if self.view.currentIndex().isValid() else []
        )
        for index in sorted({i.row() for i in rows}, reverse=True):
            self.model.remove_line(index)


NOTE_STYLE = "color: #555"
#: A note that needs attention: the period chosen already has a record.
WARNING_STYLE = "color: #8a5a00; font-weight: bold"

M_KEPT_NOTE = QT_TRANSLATE_NOOP(
    "ProgressForm",
    "A saved record keeps its task and period. To report on another period, use "
    "“Record another period…”.",
)
M_MOVING_NOTE = QT_TRANSLATE_NOOP(
    "ProgressForm",
    "Choose the right task and period, then Save: this record moves there, no new record is made.",
)
M_EXISTS_NOTE = QT_TRANSLATE_NOOP(
    "ProgressForm", "{period} already has a progress record for this task (saved {when})."
)
M_FROM_NOTE = QT_TRANSLATE_NOOP(
    "ProgressForm",
    "A new record, filled in from the record of {period} for you to change; that record "
    "stays as it is.",
)
M_OPENED_NOTE = QT_TRANSLATE_NOOP(
    "ProgressForm",
    "This is the record already saved for {period}; what you had written was added to it. "
    "Check it, then Save.",
)
M_ASK_OPEN = QT_TRANSLATE_NOOP(
    "ProgressForm",
    "{task} already has a progress record for {period} (saved {when}). Open that record and "
    "add what you have written to it?",
)
M_ASK_MOVE = QT_TRANSLATE_NOOP(
    "ProgressForm",
    "Move this record from {old} to {new}? It will no longer be the report for {old}. Do "
    "this only to correct a record saved under the wrong task or period.",
)
M_ASK_SAVE_FIRST = QT_TRANSLATE_NOOP(
    "ProgressForm",
    "Save your changes to the record of {period} first? If not, they are carried into the "
    "new record and the record of {period} stays as it was saved.",
)


class ProgressForm(RecordForm[ProgressInput]):
    """Create or change one progress record; ``task`` and ``period`` preset a new one.

    A saved record keeps its task and period (the service refuses to change them): progress
    for another period is a new record (“Record another period…”, filled in from this one),
    and a record saved under the wrong task or period is corrected by a separate, confirmed
    move. A new record starts at the latest period that has ended without a record for its
    task; choosing a task and period that already have one opens that record instead, with
    what was typed added to it, never a second record. ``today`` is the date the form
    works with (the clock's, unless a test gives one)."""

    def __init__(
        self,
        context: AppContext,
        row: ProgressRow | None,
        parent: QWidget | None = None,
        *,
        task: str | None = None,
        period: Period | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(
            self.tr("New progress record") if row is None else self.tr("Progress record"),
            parent,
            editing=row,
        )
        self.resize(760, 720)
        self.context, self.row, self.database = context, row, context.database
        self.today = today or date.today()
        owner = context.office.unit_code
        with context.database.reading() as session:
            self.lines = task_lines(session, owner)
            self.recorded = recorded_periods(session, owner)
        keys = [
            (task_key(line.plan_task_code, line.office_task_id), task_choice_text(line))
            for line in self.lines
        ]
        self.task = self.add_field("task", self.tr("Task"), ChoiceCombo(keys, optional=True))
        self.task.setMinimumContentsLength(40)
        self.task.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_field("period", self.tr("Period"), self._period_box())
        self.status: EnumCombo[TaskStatus] = self.add_field(
            "status", self.tr("Status"), EnumCombo(TaskStatus)
        )
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setMaximumWidth(110)
        self.add_field(
            "percent",
            self.tr("Percent done"),
            self.percent,
            hint=self.tr("Only for a task in progress; a completed task is 100 %."),
        )
        self.achievements = self.add_field(
            "achievements", self.tr("What was done"), TextArea(lines=4)
        )
        self.figures = self.add_field("figures", self.tr("Figures"), TextArea(lines=2))
        self.sessions_held = self.add_field(
            "sessions_held",
            self.tr("Sessions held"),
            CountEdit(),
            hint=self.tr("Conferences and dissemination sessions held in the period."),
        )
        self.participants = self.add_field(
            "participants",
            self.tr("People reached"),
            CountEdit(),
            hint=self.tr("People who attended them (counted once per session)."),
        )
        for count in (self.sessions_held, self.participants):
            count.setMaximumWidth(160)
        self.difficulties = self.add_field(
            "difficulties", self.tr("Difficulties"), TextArea(lines=2)
        )
        self.proposals = self.add_field("proposals", self.tr("Proposals"), TextArea(lines=2))
        self.reported_on = self.add_field("reported_on", self.tr("Report date"), DateEdit())
        self.documents = self.add_field(
            "documents",
            self.tr("Documents issued"),
            DocumentsEditor(),
            hint=self.tr("Number, symbol (e.g. KH-UBND), date and summary of each document."),
        )
        #: Set while the form fills its own fields, so that only the person's choices count
        #: as choosing a period.
        self._filling = False
        #: The person chose the period (or it was preset): it is no longer proposed.
        self._period_chosen = period is not None
        #: The period of the record a new one was filled in from (“Record another period…”).
        self._source: Period | None = None
        #: A note replacing the usual one until the task or period changes.
        self._notice = ""
        #: The person asked to correct this record's task or period.
        self._moving = False
        #: Something was saved before the form closed (changes saved before recording
        #: another period): the list must be read again even if the form is then cancelled.
        self._saved_before = False
        self.task.currentIndexChanged.connect(self._task_changed)
        self.period_kind.currentIndexChanged.connect(self._kind_changed)
        self.period_no.currentIndexChanged.connect(self._period_changed)
        self.year.valueChanged.connect(self._period_changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.open_existing_button.clicked.connect(self._open_selected_record)
        self.other_period_button.clicked.connect(self._record_another_period)
        self.correct_button.clicked.connect(self._correct_task_or_period)
        self._fill(row, task, period)

    def _period_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        choice = QHBoxLayout()
        self.period_kind: EnumCombo[PeriodKind] = EnumCombo(PeriodKind)
        self.period_no = QComboBox()
        self.year = YearSpin(self.today.year)
        choice.addWidget(self.period_kind)
        choice.addWidget(self.period_no)
        choice.addWidget(self.year)
        choice.addStretch(1)
        column.addLayout(choice)
        self.period_note = QLabel()
        self.period_note.setObjectName("periodNote")
        self.period_note.setWordWrap(True)
        column.addWidget(self.period_note)
        actions = QHBoxLayout()
        self.open_existing_button = QPushButton(self.tr("Open that record"))
        self.other_period_button = QPushButton(self.tr("Record another period…"))
        self.correct_button = QPushButton(self.tr("Correct a wrong task or period…"))
        for button in (self.open_existing_button, self.other_period_button, self.correct_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        column.addLayout(actions)
        return box

    # -- filling --------------------------------------------------------------------------------
    def _fill(self, row: ProgressRow | None, task: str | None, period: Period | None) -> None:
        if row is None:
            self._filling = True
            try:
                self.task.set_value(task)
                self.status.set_value(TaskStatus.DANG_TRIEN_KHAI)
                self.reported_on.set_value(self.today)
                self._status_changed()
            finally:
                self._filling = False
            if period is not None:
                self._show_period(period)
            else:
                self._propose_period()
        else:
            self._load(row_input(row))
        self._initial = self._snapshot()
        self._update_mode()

    def _load(self, data: ProgressInput) -> None:
        """Show ``data`` in every field."""
        self._filling = True
        try:
            self.task.set_value(task_key(data.plan_task_code or "", data.office_task_id))
            if data.period_kind is not None and data.year and data.period_no:
                self._show_period(Period(data.year, data.period_kind, data.period_no))
            self.status.set_value(data.status)
            self._status_changed()
            if data.percent is not None:
                self.percent.setValue(data.percent)
            self.achievements.setPlainText(data.achievements)
            self.figures.setPlainText(data.figures)
            self.difficulties.setPlainText(data.difficulties)
            self.proposals.setPlainText(data.proposals)
            self.sessions_held.set_value(data.sessions_held)
            self.participants.set_value(data.participants)
            self.reported_on.set_value(data.reported_on)
            self.documents.model.set_documents(
                [
                    _DocumentLine(
                        d.number, d.symbol, format_date(d.issued_on), d.summary, d.id, d.version
                    )
                    for d in data.documents
                ]
            )
        finally:
            self._filling = False

    def set_period(self, period: Period) -> None:
        """Choose ``period``, as the person does with the three period fields."""
        self._show_period(period)
        self._period_chosen = True
        self._update_mode()

    def _show_period(self, period: Period) -> None:
        filling, self._filling = self._filling, True
        try:
            self.period_kind.set_value(period.kind)
            self._fill_numbers()
            self.period_no.setCurrentIndex(max(self.period_no.findData(period.number), 0))
            self.year.setValue(period.year)
        finally:
            self._filling = filling

    def _fill_numbers(self) -> None:
        kind = self.period_kind.value()
        current = self.period_no.currentData()
        blocked = self.period_no.blockSignals(True)
        self.period_no.clear()
        if kind is PeriodKind.QUARTER:
            for number, roman in enumerate(_ROMAN, start=1):
                self.period_no.addItem(self.tr("Quarter {roman}").format(roman=roman), number)
        elif kind is PeriodKind.HALF:
            self.period_no.addItem(self.tr("First half"), 1)
            self.period_no.addItem(self.tr("Second half"), 2)
        else:
            self.period_no.addItem(self.tr("Whole year"), 1)
        self.period_no.setCurrentIndex(max(self.period_no.findData(current), 0))
        self.period_no.blockSignals(blocked)

    def _status_changed(self) -> None:
        status = self.status.value()
        in_progress = status is TaskStatus.DANG_TRIEN_KHAI
        self.percent.setEnabled(in_progress)
        if not in_progress and status is not None:
            fixed = FIXED_PERCENT[status]
            self.percent.setSpecialValueText("–" if fixed is None else "")
            self.percent.setValue(0 if fixed is None else fixed)
        else:
            self.percent.setSpecialValueText("")

    # -- task and period ------------------------------------------------------------------------
    def selected_key(self) -> TaskKey | None:
        """The task chosen: ``(plan task code, sub-task id or None)``."""
        key = self.task.value()
        if not key:
            return None
        code, _, sub_id = key.partition("|")
        return code, sub_id or None

    def selected_period(self) -> Period | None:
        kind, number = self.period_kind.value(), self.period_no.currentData()
        if kind is None or number is None:
            return None
        try:
            return Period(self.year.value(), kind, int(number))
        except UserError:
            return None

    def existing_record(self) -> RecordedPeriod | None:
        """Another saved record for the task and period chosen, if there is one."""
        key, period = self.selected_key(), self.selected_period()
        if key is None or period is None:
            return None
        found = self.recorded.get(key, {}).get(period)
        if found is None or (self.row is not None and found.id == self.row.id):
            return None
        return found

    def _propose_period(self) -> None:
        """The latest period of the kind shown that has ended without a record for the task."""
        key = self.selected_key()
        recorded = self.recorded.get(key, {}) if key is not None else {}
        kind = self.period_kind.value() or PeriodKind.QUARTER
        self._show_period(proposed_period(recorded.keys(), kind, self.today))

    def _task_changed(self) -> None:
        if self._filling:
            return
        self._notice = ""
        if self.row is None and not self._period_chosen:
            self._propose_period()
        self._update_mode()

    def _kind_changed(self) -> None:
        if self._filling:
            return
        self._notice = ""
        if self.row is None:
            self._propose_period()
        else:
            self._fill_numbers()
        self._update_mode()

    def _period_changed(self) -> None:
        if self._filling:
            return
        self._notice = ""
        self._period_chosen = True
        self._update_mode()

    def _show_dissemination(self) -> None:
        """The sessions and people reached belong to the plan's dissemination tasks (II.1):
        shown for them only."""
        key = self.selected_key()
        shown = key is not None and is_dissemination_task(key[0])
        for field in (self.sessions_held, self.participants):
            row = field.parentWidget()
            assert row is not None  # the column add_field put it in
            self.form.setRowVisible(row, shown)

    def _update_mode(self) -> None:
        """Lock or free the task and period, and say what Save will do with them."""
        self._show_dissemination()
        locked = self.row is not None and not self._moving
        for widget in (self.task, self.period_kind, self.period_no, self.year):
            widget.setEnabled(not locked)
        self.other_period_button.setVisible(locked)
        self.correct_button.setVisible(locked)
        existing = self.existing_record()
        self.open_existing_button.setVisible(self.row is None and existing is not None)
        if self._notice:
            note = self._notice
        elif existing is not None:
            note = tr(M_EXISTS_NOTE, period=existing.period.label(), when=_saved(existing))
        elif locked:
            note = tr(M_KEPT_NOTE)
        elif self._moving:
            note = tr(M_MOVING_NOTE)
        elif self._source is not None:
            note = tr(M_FROM_NOTE, period=self._source.label())
        else:
            note = ""
        self.period_note.setText(note)
        self.period_note.setStyleSheet(NOTE_STYLE if existing is None else WARNING_STYLE)
        self.period_note.setVisible(bool(note))

    # -- another period, a correction, a record that exists -------------------------------------
    def _snapshot(self) -> ProgressInput:
        return self.typed(ErrorCollector())

    def _open_selected_record(self) -> None:
        existing = self.existing_record()
        if existing is not None:
            self._open_record(existing)

    def _open_record(self, existing: RecordedPeriod) -> None:
        """Turn this new record's form into the saved record of its task and period, with
        what was typed added to it (nothing is saved until Save)."""
        reader = ErrorCollector()
        typed, initial = self.typed(reader), self._initial
        if reader.errors:  # a date that cannot be read would be lost: say so first
            self.clear_errors()
            self.show_error(FormErrors(reader.errors))
            return
        with self.context.database.reading() as session:
            row = get_progress(session, existing.id)
        if row is None:
            return
        self.row, self.editing, self._source, self._moving = row, row, None, False
        self.setWindowTitle(self.tr("Progress record"))
        self._load(row_input(row))
        self._initial = self._snapshot()
        self.mark_unchanged()  # the saved record; what was typed, merged in, is a change
        self._load(merge_into(row, typed, initial))
        self._notice = tr(M_OPENED_NOTE, period=row.period.label())
        self._update_mode()

    def _record_another_period(self) -> None:
        """Start a new record for this task, filled in from this one; this one stays."""
        row = self.row
        assert row is not None
        #: Documents typed here and not saved with this record go to the new one.
        carried: list[_DocumentLine] = []
        if self.has_unsaved_changes():
            answer = _ask(self, tr(M_ASK_SAVE_FIRST, period=row.period.label()))
            if answer is QMessageBox.StandardButton.Cancel:
                return
            if answer is QMessageBox.StandardButton.Yes:
                self.clear_errors()
                try:
                    self.submit()
                except UserError as error:
                    self.show_error(error)
                    return
                self._saved_before = True
            else:
                carried = [line for line in self.documents.model.lines if line.id is None]
        self.clear_errors()
        self.row, self.editing, self._source = None, None, row.period
        self._moving, self._notice = False, ""
        self.setWindowTitle(self.tr("New progress record"))
        self.documents.model.set_documents(carried)
        self.reported_on.set_value(self.today)
        self._period_chosen = False
        self._propose_period()
        self._initial = self._snapshot()
        self.mark_unchanged()
        self._update_mode()
        self.period_no.setFocus()

    def _correct_task_or_period(self) -> None:
        self._moving, self._notice = True, ""
        self._update_mode()
        self.period_no.setFocus()

    # -- saving ---------------------------------------------------------------------------------
    def typed(self, reader: ErrorCollector) -> ProgressInput:
        """What the fields hold (a field that cannot be read adds its problem)."""
        self.documents.commit_pending()
        key = self.selected_key()
        counted = key is not None and is_dissemination_task(key[0])
        return ProgressInput(
            plan_task_code=key[0] if key else None,
            office_task_id=key[1] if key else None,
            period_kind=self.period_kind.value(),
            year=self.year.value(),
            period_no=self.period_no.currentData(),
            status=self.status.value(),
            percent=self.percent.value() if self.percent.isEnabled() else None,
            achievements=self.achievements.value(),
            figures=self.figures.value(),
            difficulties=self.difficulties.value(),
            proposals=self.proposals.value(),
            reported_on=reader.check(self.reported_on.value, "reported_on", required=False),
            documents=self.documents.model.inputs(reader),
            sessions_held=reader.check(self.sessions_held.value, "sessions_held")
            if counted
            else None,
            participants=reader.check(self.participants.value, "participants") if counted else None,
        )

    def accept(self) -> None:
        """Save — unless the task and period already have another record (offer to open
        it), or this record is being moved (ask first)."""
        existing = self.existing_record()
        if self.row is None and existing is not None:
            key = self.selected_key()
            assert key is not None
            question = tr(
                M_ASK_OPEN,
                task=key[0],
                period=existing.period.label(),
                when=_saved(existing),
            )
            if confirm(self, question):
                self._open_record(existing)
            return
        row = self.row
        if row is not None and self._moving and existing is None:
            old_key = (row.plan_task_code, row.office_task_id)
            key, period = self.selected_key(), self.selected_period()
            if key is not None and period is not None and (key, period) != (old_key, row.period):
                question = tr(
                    M_ASK_MOVE,
                    old=f"{self._task_text(old_key)}, {row.period.label()}",
                    new=f"{self._task_text(key)}, {period.label()}",
                )
                if not confirm(self, question):
                    return
        super().accept()

    def _task_text(self, key: TaskKey) -> str:
        """``II.5.a`` or ``II.5.a › <sub-task>`` in questions."""
        code, sub_id = key
        for line in self.lines:
            if sub_id and line.office_task_id == sub_id:
                return f"{code} › {line.title}"
        return code

    def read(self, errors: ErrorCollector) -> ProgressInput:
        data = self.typed(errors)
        errors.check(validate_progress, data, today=self.today)
        return data

    def create_record(self, session: Session, data: ProgressInput) -> str:
        return create_progress(session, data, today=self.today)

    def update_record(
        self, session: Session, record_id: str, data: ProgressInput, *, expected_version: int
    ) -> object:
        """A change, or (confirmed by the person) a move to another task or period."""
        change = move_progress if self._moving else update_progress
        return change(session, record_id, data, expected_version=expected_version, today=self.today)

    def done(self, result: int) -> None:
        if self._saved_before:
            result = QDialog.DialogCode.Accepted.value
        super().done(result)


def _saved(existing: RecordedPeriod) -> str:
    return format_stored_date(existing.updated_at)


def _ask(parent: QWidget, text: str) -> QMessageBox.StandardButton:
    """Yes, No or Cancel (the default; also Esc or closing the box)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "TDCS",
        text,
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is None:
        return QMessageBox.StandardButton.Cancel
    answer = box.standardButton(clicked)
    if answer in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No):
        return answer
    return QMessageBox.StandardButton.Cancel
