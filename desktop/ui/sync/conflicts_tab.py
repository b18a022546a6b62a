"""The conflict queue: same record, same version, different content. A person sees which
record it is (the commune, the contract number, the donor…), compares the two copies field
by field, and decides which one the city keeps — after a question, and with a way back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.enums import ConflictResolution
from desktop.app.sync import answer_conflict, undo_conflict_answer
from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.record_labels import field_title, record_type_label
from desktop.sync.conflicts import (
    ConflictRow,
    FieldDifference,
    list_conflicts,
)
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm, show_error
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table

M_KEPT = QT_TRANSLATE_NOOP("ConflictsTab", "City's copy kept, {date}")
M_TAKEN = QT_TRANSLATE_NOOP("ConflictsTab", "File's copy taken, {date}")
M_CLOSED = QT_TRANSLATE_NOOP("ConflictsTab", "Closed by a newer version, {date}")
M_WAITING = QT_TRANSLATE_NOOP("ConflictsTab", "Waiting for a decision")
#: How many differing fields a question lists before "…".
SHOWN_IN_QUESTION = 6


def decision_text(conflict: ConflictRow) -> str:
    if conflict.resolved_at is None:
        return tr(M_WAITING)
    message: Msg = {
        ConflictResolution.KEEP_EXISTING: M_KEPT,
        ConflictResolution.TAKE_INCOMING: M_TAKEN,
        None: M_CLOSED,
    }[conflict.resolution]
    return tr(message, date=format_datetime(conflict.resolved_at))


def fields_text(conflict: ConflictRow) -> str:
    return ", ".join(tr(field_title(d.field)) for d in conflict.differences)


CONFLICT_COLUMNS = [
    Column[ConflictRow](
        QT_TRANSLATE_NOOP("ConflictsTab", "Commune / ward"), lambda c: c.commune_label
    ),
    Column[ConflictRow](
        QT_TRANSLATE_NOOP("ConflictsTab", "Kind of record"),
        lambda c: record_type_label(c.record_type),
    ),
    Column[ConflictRow](QT_TRANSLATE_NOOP("ConflictsTab", "Record"), lambda c: c.record_label),
    Column[ConflictRow](QT_TRANSLATE_NOOP("ConflictsTab", "Fields that differ"), fields_text),
    Column[ConflictRow](
        QT_TRANSLATE_NOOP("ConflictsTab", "Found"), lambda c: c.detected_at, display=format_datetime
    ),
    Column[ConflictRow](QT_TRANSLATE_NOOP("ConflictsTab", "Decision"), decision_text),
]

DIFFERENCE_COLUMNS = [
    Column[FieldDifference](
        QT_TRANSLATE_NOOP("ConflictsTab", "Field"), lambda d: tr(field_title(d.field))
    ),
    Column[FieldDifference](
        QT_TRANSLATE_NOOP("ConflictsTab", "The city's copy"), lambda d: d.city_text
    ),
    Column[FieldDifference](
        QT_TRANSLATE_NOOP("ConflictsTab", "The file's copy"), lambda d: d.file_text
    ),
]


def _difference_lines(conflict: ConflictRow, *, back: bool = False) -> str:
    """``• Name: Ấp Mỹ → Ấp Mỹ Hòa`` per differing field (file's → city's when ``back``)."""
    lines = [
        f"• {tr(field_title(d.field))}: "
        + (f"{d.file_text} → {d.city_text}" if back else f"{d.city_text} → {d.file_text}")
        for d in conflict.differences[:SHOWN_IN_QUESTION]
    ]
    if len(conflict.differences) > SHOWN_IN_QUESTION:
        lines.append("• …")
    return "\n".join(lines)


class ConflictsTab(QWidget):
    """Emits ``changed`` after a decision or an undo (the board counts conflicts)."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.waiting = 0
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A conflict is a record that arrived with the same version as the city's copy "
                "but different content (for example after a commune restored an old backup). "
                "Nothing was overwritten: compare the two copies and decide. A newer version "
                "from the commune closes the conflict by itself."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.decided = QCheckBox(self.tr("Also show decided conflicts"))
        options = QHBoxLayout()
        options.addWidget(self.decided)
        options.addStretch(1)
        layout.addLayout(options)
        self.model: RowTableModel[ConflictRow] = RowTableModel(CONFLICT_COLUMNS, parent=self)
        self.view = make_table(self.model)
        self.differences: RowTableModel[FieldDifference] = RowTableModel(
            DIFFERENCE_COLUMNS, parent=self
        )
        self.difference_view = make_table(self.differences)
        for column, width in enumerate((150, 120, 250, 150, 115)):
            self.view.setColumnWidth(column, width)
        self.difference_view.setColumnWidth(0, 160)
        self.difference_view.setColumnWidth(1, 330)
        self.record = QLabel()
        self.record.setWordWrap(True)
        self.record.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.record)
        lower_layout.addWidget(self.difference_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.count = QLabel()
        self.count.setWordWrap(True)
        row.addWidget(self.count, 1)
        self.keep_button = QPushButton(self.tr("Keep the city's copy…"))
        self.take_button = QPushButton(self.tr("Take the file's copy…"))
        self.reopen_button = QPushButton(self.tr("Undo the decision…"))
        self.reopen_button.setToolTip(
            self.tr(
                "The conflict waits for a decision again; if the file's copy was taken, the "
                "city's copy is put back."
            )
        )
        for button in (self.keep_button, self.take_button, self.reopen_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.keep_button.clicked.connect(lambda: self.decide(ConflictResolution.KEEP_EXISTING))
        self.take_button.clicked.connect(lambda: self.decide(ConflictResolution.TAKE_INCOMING))
        self.reopen_button.clicked.connect(lambda: self.reopen())
        self.decided.toggled.connect(lambda _on: self.reload())
        self.view.selectionModel().selectionChanged.connect(self._show_selected)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        with self.context.database.reading() as session:
            rows = list_conflicts(session, pending_only=not self.decided.isChecked())
        self.waiting = sum(1 for r in rows if r.waiting)
        if self.decided.isChecked() and not select_id:
            select_id = next((r.id for r in rows if r.waiting), None)
        self.model.set_rows(rows)
        self.differences.set_rows([])
        self.record.clear()
        text = self.tr("{count} conflicts waiting.").format(count=self.waiting)
        if not self.decided.isChecked():
            text += " " + self.tr("To see or undo a decision, show the decided conflicts.")
        self.count.setText(text)
        found = self.model.find_row(lambda r: r.id == select_id) if select_id else -1
        if found >= 0:
            self.view.selectRow(found)
        elif rows:
            self.view.selectRow(0)
        self._show_selected()

    def selected(self) -> ConflictRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        conflict = self.selected()
        self.differences.set_rows(conflict.differences if conflict else [])
        self.record.setText(
            self.tr("{record} — {kind}, {commune}. {decision}.").format(
                record=conflict.record_label,
                kind=record_type_label(conflict.record_type),
                commune=conflict.commune_label,
                decision=decision_text(conflict),
            )
            if conflict
            else ""
        )
        waiting = conflict is not None and conflict.waiting
        self.keep_button.setEnabled(waiting)
        self.take_button.setEnabled(waiting)
        self.reopen_button.setEnabled(conflict is not None and conflict.can_undo)

    def _question(self, conflict: ConflictRow, resolution: ConflictResolution) -> str:
        record = f"{conflict.record_label} ({conflict.commune_label})"
        if resolution is ConflictResolution.KEEP_EXISTING:
            return self.tr(
                "Keep the city's copy of {record}?\n\nThe file's copy differs here (city's "
                "copy → file's copy):\n{lines}\n\nThe file's copy is set aside. You can undo "
                "this decision later."
            ).format(record=record, lines=_difference_lines(conflict))
        return self.tr(
            "Take the file's copy of {record}?\n\nThese fields change (city's copy → file's "
            "copy):\n{lines}\n\nThe city's copy is kept in the history. You can undo this "
            "decision later."
        ).format(record=record, lines=_difference_lines(conflict))

    def decide(self, resolution: ConflictResolution) -> None:
        conflict = self.selected()
        if conflict is None or not conflict.waiting:
            return
        if not confirm(self, self._question(conflict, resolution)):
            return
        try:
            answer_conflict(self.context.database, conflict.id, resolution)
        except UserError as error:
            show_error(self, error)
        self.reload(select_id=conflict.id if self.decided.isChecked() else None)
        self.changed.emit()

    def reopen(self) -> None:
        conflict = self.selected()
        if conflict is None or not conflict.can_undo:
            return
        record = f"{conflict.record_label} ({conflict.commune_label})"
        if conflict.resolution is ConflictResolution.TAKE_INCOMING:
            question = self.tr(
                "Undo the decision on {record}? The city's copy is put back:\n{lines}\n\nThe "
                "conflict then waits for a decision again."
            ).format(record=record, lines=_difference_lines(conflict, back=True))
        else:
            question = self.tr(
                "Undo the decision on {record}? The conflict then waits for a decision again."
            ).format(record=record)
        if not confirm(self, question):
            return
        try:
            undo_conflict_answer(self.context.database, conflict.id)
        except UserError as error:
            show_error(self, error)
        self.reload(select_id=conflict.id)
        self.changed.emit()
