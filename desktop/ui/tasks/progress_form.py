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
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.enums import PeriodKind, TaskStatus
from desktop.core.errors import ValidationError
from desktop.core.formatting import format_date, parse_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.periods import Period
from desktop.core.tasks.progress import (
    FIXED_PERCENT,
    M_DOCUMENT_FIELD,
    DocumentInput,
    ProgressInput,
    ProgressRow,
    save_progress,
    validate_progress,
)
from desktop.core.tasks.status import TaskLine, task_lines
from desktop.ui.context import AppContext
from desktop.ui.forms import FieldReader, RecordForm
from desktop.ui.inputs import ChoiceCombo, DateEdit, EnumCombo
from desktop.ui.recording.forms import TextArea, YearSpin, check_form

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

    def inputs(self, reader: FieldReader) -> tuple[DocumentInput, ...]:
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


class ProgressForm(RecordForm):
    """Create or change one progress record; ``task`` and ``period`` preset a new one."""

    def __init__(
        self,
        context: AppContext,
        row: ProgressRow | None,
        parent: QWidget | None = None,
        *,
        task: str | None = None,
        period: Period | None = None,
    ) -> None:
        super().__init__(
            self.tr("New progress record") if row is None else self.tr("Progress record"), parent
        )
        self.resize(760, 720)
        self.context, self.row = context, row
        with context.database.reading() as session:
            self.lines = task_lines(session, context.office.unit_code)
        keys = [
            (task_key(line.plan_task_code, line.office_task_id), task_choice_text(line))
            for line in self.lines
        ]
        self.task = self.add_field("task", self.tr("Task"), ChoiceCombo(keys, optional=True))
        self.task.setMinimumContentsLength(40)
        self.task.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        period_box = QWidget()
        period_layout = QHBoxLayout(period_box)
        period_layout.setContentsMargins(0, 0, 0, 0)
        self.period_kind: EnumCombo[PeriodKind] = EnumCombo(PeriodKind)
        self.period_no = QComboBox()
        self.year = YearSpin(date.today().year)
        period_layout.addWidget(self.period_kind)
        period_layout.addWidget(self.period_no)
        period_layout.addWidget(self.year)
        period_layout.addStretch(1)
        self.add_field("period", self.tr("Period"), period_box)
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
        self.period_kind.currentIndexChanged.connect(self._kind_changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._fill(row, task, period)

    # -- filling --------------------------------------------------------------------------------
    def _fill(self, row: ProgressRow | None, task: str | None, period: Period | None) -> None:
        if row is None:
            period = period or Period.containing(date.today(), PeriodKind.QUARTER)
            self.task.set_value(task)
            self.status.set_value(TaskStatus.DANG_TRIEN_KHAI)
            self.reported_on.set_value(date.today())
            self.set_period(period)
            self._status_changed()
            return
        self.task.set_value(task_key(row.plan_task_code, row.office_task_id))
        self.set_period(row.period)
        self.status.set_value(row.status)
        self._status_changed()
        if row.percent is not None:
            self.percent.setValue(row.percent)
        self.achievements.setPlainText(row.achievements)
        self.figures.setPlainText(row.figures)
        self.difficulties.setPlainText(row.difficulties)
        self.proposals.setPlainText(row.proposals)
        self.reported_on.set_value(row.reported_on)
        self.documents.model.set_documents(
            [
                _DocumentLine(
                    d.number, d.symbol, format_date(d.issued_on), d.summary, d.id, d.version
                )
                for d in row.documents
            ]
        )

    def set_period(self, period: Period) -> None:
        self.period_kind.set_value(period.kind)
        self._kind_changed()
        self.period_no.setCurrentIndex(max(self.period_no.findData(period.number), 0))
        self.year.setValue(period.year)

    def _kind_changed(self) -> None:
        kind = self.period_kind.value()
        current = self.period_no.currentData()
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

    # -- saving ---------------------------------------------------------------------------------
    def read(self, reader: FieldReader) -> ProgressInput:
        self.documents.commit_pending()
        key = self.task.value() or ""
        code, _, sub_id = key.partition("|")
        return ProgressInput(
            plan_task_code=code or None,
            office_task_id=sub_id or None,
            period_kind=self.period_kind.value(),
            year=self.year.value(),
            period_no=self.period_no.currentData(),
            status=self.status.value(),
            percent=self.percent.value() if self.percent.isEnabled() else None,
            achievements=self.achievements.value(),
            figures=self.figures.value(),
            difficulties=self.difficulties.value(),
            proposals=self.proposals.value(),
            reported_on=reader.read(self.reported_on.value, "reported_on", required=False),
            documents=self.documents.model.inputs(reader),
        )

    def submit(self) -> None:
        reader = FieldReader()
        data = self.read(reader)
        check_form(reader, lambda: validate_progress(data))
        with self.context.database.transaction() as session:
            self.saved_id = save_progress(
                session,
                data,
                record_id=self.row.id if self.row else None,
                expected_version=self.row.version if self.row else None,
            )
