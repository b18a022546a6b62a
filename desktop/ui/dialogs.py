"""Small message helpers so every page shows errors the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.errors import UserError


def show_error(parent: QWidget | None, error: UserError | str, title: str = "") -> None:
    text = error.text() if isinstance(error, UserError) else error
    box = QMessageBox(
        QMessageBox.Icon.Warning, title or "TDCS", text, QMessageBox.StandardButton.Ok, parent
    )
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str = "") -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title or "TDCS", text, QMessageBox.StandardButton.Ok, parent
    )
    box.exec()


def confirm(parent: QWidget | None, text: str, title: str = "") -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title or "TDCS",
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
