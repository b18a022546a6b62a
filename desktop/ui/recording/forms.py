"""Form fields of the recording pages: multi-line text and years."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QSpinBox, QWidget


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
