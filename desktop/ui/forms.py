"""The record form every page uses: fields with an inline message under each, and a Save
that calls a service.

What was typed is never lost: when validation or saving fails, the dialog stays open with
every value in place and the messages under the fields concerned; Save is disabled while
saving so a double click cannot save twice; and Cancel, Esc or the title bar's × on a form
whose fields changed asks first ("Bỏ các thay đổi chưa lưu?", No by default). Fields that
cannot be changed look it and are left out of the Tab order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.database import Database
from desktop.core.errors import ErrorCollector, FormErrors, UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.ui.after_closing import asking_after_closing
from desktop.ui.dialogs import confirm
from desktop.ui.screens import keep_on_screen

V = TypeVar("V")
W = TypeVar("W", bound=QWidget)
#: What the form reads its fields into: the input dataclass of the service it saves through.
D = TypeVar("D")
D_contra = TypeVar("D_contra", contravariant=True)

ERROR_STYLE = "color: #b00020"

M_DISCARD = QT_TRANSLATE_NOOP("RecordForm", "Discard the unsaved changes?")
M_NOT_SAVED = QT_TRANSLATE_NOOP(
    "RecordForm", "Not saved: the period is closed. Cancel, or save again to mark the change."
)
#: Cells of a table inside a form compared for changes (a form's tables are short).
_MAX_CELLS = 5000


class Versioned(Protocol):
    """A row a form edits: the record's id and the version it was read at."""

    @property
    def id(self) -> str: ...

    @property
    def version(self) -> int: ...


class Update(Protocol[D_contra]):
    """A service's ``update_x(session, record_id, data, *, expected_version)``."""

    def __call__(
        self, session: Session, record_id: str, data: D_contra, /, *, expected_version: int
    ) -> object: ...


class RecordForm(QDialog, Generic[D]):
    """A form that creates a record, or (given the row it edits) updates it.

    Subclasses add fields with :meth:`add_field` and say how to read them into the
    service's input (:meth:`read`, through the one :class:`ErrorCollector`) and which
    service functions to call (``create`` and ``update``); the form does
    the rest: it creates or updates by whether it edits a row, updates from the version it
    was opened with (a record changed by someone else since is refused with the store's
    stale-edit message, shown above the buttons, the form kept open), and keeps the saved
    record's id in :attr:`saved_id`. A form with another way of saving overrides
    :meth:`submit`.
    """

    #: Where the form saves (set by the subclass, usually its context's database).
    database: Database

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        editing: Versioned | None = None,
        create: Callable[[Session, D], str] | None = None,
        update: Update[D] | None = None,
    ) -> None:
        super().__init__(parent)
        #: The service functions that save (a form may instead override
        #: :meth:`create_record` and :meth:`update_record`).
        self._create, self._update = create, update
        #: The record this form edits, as it was read when the form opened (its id and
        #: version); None when the form adds one. A form that turns to another record
        #: (the progress form) sets it again.
        self.editing = editing
        #: The record the last Save created or changed.
        self.saved_id: str | None = None
        self.setWindowTitle(title)
        self.setModal(True)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.general_error = QLabel()
        self.general_error.setObjectName("formError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        self.field_errors: dict[str, QLabel] = {}
        #: The fields' values when the form was shown, to know whether anything changed.
        self._shown_values: list[object] | None = None
        self._running = False
        self.resize(620, 560)

    @property
    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def add_field(self, name: str, label: str, widget: W, *, hint: str = "") -> W:
        """Put ``widget`` in the form under ``label``, with room for its message; return the
        widget itself (its own type, so ``self.amount = self.add_field(...)`` keeps it)."""
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setStyleSheet("color: #555")
            note.setWordWrap(True)
            layout.addWidget(note)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        self.form.addRow(label, column)
        self.fields[name] = widget
        self.field_errors[name] = error
        return widget

    def add_section(self, title: str) -> None:
        heading = QLabel(f"<b>{title}</b>")
        self.form.addRow(heading)

    def error_text(self, name: str) -> str:
        label = self.field_errors[name]
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in self.field_errors.values():
            label.clear()
            label.hide()
        self.general_error.clear()
        self.general_error.hide()

    def show_error(self, error: UserError) -> None:
        problems = error.errors if isinstance(error, FormErrors) else [error]
        general: list[str] = []
        for problem in problems:
            field = getattr(problem, "field", None)
            if field in self.field_errors:
                label = self.field_errors[field]
                label.setText(problem.text())
                label.show()
            else:
                general.append(problem.text())
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        named = (getattr(p, "field", None) for p in problems)
        first = next((field for field in named if field in self.fields), None)
        if first is not None:
            self.fields[first].setFocus()

    # -- what a form provides -------------------------------------------------------------
    def read(self, errors: ErrorCollector) -> D:
        """The fields as the service's input; a field that cannot be read (or a check the
        form runs early) adds its problem to ``errors`` (raised after this returns)."""
        raise NotImplementedError

    def before_save(self, data: D) -> None:
        """A question to ask before saving (raise ``UserError`` to keep the form open)."""

    def create_record(self, session: Session, data: D) -> str:
        """Save a new record through the service (``create``); return its id."""
        if self._create is None:
            raise NotImplementedError
        return self._create(session, data)

    def update_record(
        self, session: Session, record_id: str, data: D, *, expected_version: int
    ) -> object:
        """Save the edited record through the service (``update``), from
        ``expected_version``."""
        if self._update is None:
            raise NotImplementedError
        return self._update(session, record_id, data, expected_version=expected_version)

    # -- the save --------------------------------------------------------------------------
    def submit(self) -> None:
        """Read the fields and save; a ``UserError`` keeps the form open with its messages."""
        errors = ErrorCollector()
        data = self.read(errors)
        errors.raise_if_any()
        self.before_save(data)
        editing = self.editing
        with self.database.transaction() as session:
            if editing is None:
                self.saved_id = self.create_record(session, data)
            else:
                self.update_record(session, editing.id, data, expected_version=editing.version)
                self.saved_id = editing.id

    # -- nothing typed is thrown away without a question --------------------------------------
    def exec(self) -> int:
        self._running = True
        try:
            return super().exec()
        finally:
            self._running = False

    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            keep_on_screen(self)  # Save within reach at 1024×768
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown_values is None:
            self._leave_read_only_fields_out()
            self.mark_unchanged()
        super().showEvent(event)

    def mark_unchanged(self) -> None:
        """Take the fields' current values as the ones there is nothing to lose from."""
        self._shown_values = self._values()

    def has_unsaved_changes(self) -> bool:
        """Whether any field differs from what it showed when the form opened."""
        return self._shown_values is not None and self._values() != self._shown_values

    def reject(self) -> None:
        """Cancel, Esc and the title bar's × (Qt closes a dialog through here): with changed
        fields, ask first, No by default. Only a form a person is working in asks (one
        opened with ``exec``); code closing a form it showed closes it."""
        if self._running and self.has_unsaved_changes() and not confirm(self, tr(M_DISCARD)):
            return
        super().reject()

    def _values(self) -> list[object]:
        """Every input's value, in the order the inputs were made."""
        values: list[object] = []
        for widget in self.findChildren(QWidget):
            if widget.window() is not self:  # a popup: the calendar, a combo box's list
                continue
            if isinstance(widget, QLineEdit):
                values.append(widget.text())
            elif isinstance(widget, QComboBox):
                values.append((widget.currentIndex(), widget.currentText()))
            elif isinstance(widget, QAbstractSpinBox):
                values.append(widget.text())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                values.append(widget.toPlainText())
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                values.append(widget.isChecked())
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                values.append(_cells(widget.model()))
        return values

    def _leave_read_only_fields_out(self) -> None:
        """A field that cannot be typed into is not a stop of the Tab key (typing there
        would go nowhere); it can still be clicked to select and copy its text."""
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly():
                widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def accept(self) -> None:
        self.clear_errors()
        self.save_button.setEnabled(False)
        try:
            self._submit_asking_after_closing()
        except UserError as error:
            self.show_error(error)
            return
        finally:
            self.save_button.setEnabled(True)
        super().accept()

    def _submit_asking_after_closing(self) -> None:
        """Save; a change to a record of a period the city has closed is saved (and marked
        as made after closing, :mod:`desktop.core.closing`) only once the person agrees —
        the first attempt was rolled back. No keeps the form open."""
        done, _ = asking_after_closing(self, self.submit)
        if not done:
            raise UserError(M_NOT_SAVED)


def _cells(model: QAbstractItemModel) -> list[object]:
    rows, columns = model.rowCount(), model.columnCount()
    if rows * columns > _MAX_CELLS:
        return [rows, columns]
    return [model.index(r, c).data() for r in range(rows) for c in range(columns)]
