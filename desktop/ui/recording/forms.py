"""Form helpers: every problem shown at once, and multi-line text fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QSpinBox, QWidget

from desktop.core.errors import FormErrors
from desktop.ui.forms import FieldReader


def check_form(reader: FieldReader, validate: Callable[[], object]) -> None:
    """Raise one :class:`FormErrors` holding what could not be read (``reader``) and what
    the service's rules refuse (``validate``), so the person sees every problem after one
    Save. A field that could not be read keeps only that message."""
    try:
        validate()
        refused = []
    except FormErrors as error:
        refused = error.errors
    unread = {e.field for e in reader.errors}
    problems = reader.errors + [e for e in refused if e.field not in unread]
    if problems:
        raise FormErrors(problems)


class TextArea(QPlainTextEdit):
    """A few lines of free text (what was done, difficulties, notes)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self.setPlainText(text)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)
        # Fixed, so a form does not hand its spare height to the note fields.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def value(self) -> str:
        return self.toPlainText()


class YearSpin(QSpinBox):
    """A year between 2000 and 2100 (the range the services accept)."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(2000, 2100)
        self.setValue(year)
        self.setGroupSeparatorShown(False)
        self.setMaximumWidth(110)
