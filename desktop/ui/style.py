"""The application's look: a calm navigation column, clear page titles, and fields that
cannot be typed into looking so (grey, like a form's printed value), so a clerk does not try.

Kept small on purpose: Qt's native style does the rest, so the program still looks like a
Windows program to the people using it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QListWidget#navigation {
    background: #1f4e79;
    color: #ffffff;
    border: none;
    outline: 0;
}
QListWidget#navigation::item {
    padding: 9px 14px;
    border-left: 4px solid transparent;
}
QListWidget#navigation::item:selected {
    background: #2e6da4;
    color: #ffffff;
    border-left: 4px solid #ffc000;
}
QListWidget#navigation::item:hover:!selected {
    background: #285f91;
}
QLabel#pageTitle {
    color: #1f4e79;
    padding: 4px 0 8px 0;
}
QLabel#errorLabel, QLabel#formError {
    color: #b00020;
}
QLineEdit[readOnly="true"] {
    background: #eceff3;
    color: #303030;
    border: 1px solid #c3c8cf;
    border-radius: 2px;
    padding: 2px 3px;
}
"""


def apply_style(app: QApplication) -> None:
    app.setStyleSheet(STYLE_SHEET)
