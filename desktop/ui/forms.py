"""The record form every page uses: fields with an inline message under each, and a Save
that calls a service.

What was typed is never lost: when validation or saving fails, the dialog stays open with
every value in place and the messages under the fields concerned; Save is disabled while
saving so a double click cannot save twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import FormErrors, UserError, ValidationError

V = TypeVar("V")

ERROR_STYLE = "color: #b00020"


class FieldReader:
    """Reads several fields and gathers every validation error, so a form shows all its
    problems at once instead of one per Save."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def read(self, getter: Callable[..., V], *args: Any, **kwargs: Any) -> V | None:
        try:
            return getter(*args, **kwargs)
        except ValidationError as error:
            self.errors.append(error)
            return None

    def check(self) -> None:
        """Raise :class:`FormErrors` if any field failed."""
        if self.errors:
            raise FormErrors(self.errors)


class RecordForm(QDialog):
    """Subclasses add fields with :meth:`add_field`, and implement :meth:`submit`, which
    reads the widgets and saves through a service (raising ``UserError`` on bad input)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.resize(620, 560)

    @property
    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def add_field(self, name: str, label: str, widget: QWidget, *, hint: str = "") -> QWidget:
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
        first = next((p.field for p in problems if getattr(p, "field", None) in self.fields), None)
        if first:
            self.fields[first].setFocus()

    def submit(self) -> None:
        """Read the fields and save; raise ``UserError`` to keep the form open."""
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_errors()
        self.save_button.setEnabled(False)
        try:
            self.submit()
        except UserError as error:
            self.show_error(error)
            return
        finally:
            self.save_button.setEnabled(True)
        super().accept()
