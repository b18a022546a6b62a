"""Bugs end here: logged with their traceback, shown in a dialog with a copy button, and the
application keeps running, so whatever the user was typing stays on screen."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMetaObject, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.applog import without_passwords
from desktop.version import APP_NAME, app_version

log = logging.getLogger("tdcs.crash")


class CrashDialog(QDialog):
    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("TDCS has met an unexpected error"))
        self.details = details
        layout = QVBoxLayout(self)
        message = self.tr(
            "Something went wrong inside TDCS. Your saved data is safe, and what you were "
            "typing is still in its window: check it and save again.\n\nPlease copy the details "
            "below and send them to the person who supports TDCS."
        )
        if log_file is not None:
            message += "\n" + self.tr("The details are also in the log file: {path}").format(
                path=log_file
            )
        text = QLabel(message)
        text.setWordWrap(True)
        layout.addWidget(text)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setMinimumSize(560, 220)
        layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy details"))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


class _Relay(QObject):
    """Carries errors from any thread to the GUI thread."""

    report = Signal(str)


class CrashHandler(QObject):
    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.relay = _Relay()
        self.relay.report.connect(self.show, Qt.ConnectionType.QueuedConnection)
        self.showing = False
        self.shown: list[str] = []

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
        )

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = without_passwords(
            f"{APP_NAME} {app_version()}\n" + "".join(traceback.format_exception(exc_type, exc, tb))
        )
        log.error("unhandled exception\n%s", details)
        self.relay.report.emit(details)

    @Slot(str)
    def show(self, details: str) -> None:
        self.shown.append(details)
        if self.showing or QApplication.instance() is None:
            return
        self.showing = True
        try:
            CrashDialog(details, self.log_file, QApplication.activeWindow()).exec()
        finally:
            self.showing = False


__all__ = ["CrashDialog", "CrashHandler", "QMetaObject"]
