"""Choosing the city's PostgreSQL server in the window: its address, “Kiểm tra kết nối”, and
the password prompt (the set-up wizard, Cài đặt and the start-up share them).

The password typed is kept in memory for this run (:func:`db.engine.use_password`); only the
tick “remember it in PostgreSQL's password file” writes it, into libpq's own file
(:func:`desktop.app.server.remember_in_pgpass`), never into a file of TDCS.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from db.engine import shown_url, split_password, use_password
from desktop.app.server import (
    ServerCheck,
    ServerProblem,
    Trouble,
    check_server,
    pgpass_path,
    remember_in_pgpass,
)
from desktop.paths import without_password
from desktop.ui.background import run_in_background

log = logging.getLogger(__name__)

EXAMPLE_URL = "postgresql://tdcs@may-chu:5432/tdcs"


class PasswordDialog(QDialog):
    """Asks for the password the server wants; ``remember`` asks to write it in PostgreSQL's
    password file."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password of the database server"))
        layout = QVBoxLayout(self)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.remember = QCheckBox(
            self.tr("Remember it in PostgreSQL's password file ({path})").format(path=pgpass_path())
        )
        layout.addWidget(self.remember)
        note = QLabel(
            self.tr(
                "Without the tick the password is kept only until TDCS is closed. TDCS never "
                "writes it in its own files."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Wrapped labels ask for their height once the width is known.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(520)


def ask_password(url: str, problem: ServerProblem, parent: QWidget | None) -> bool:
    """Ask for the password ``problem`` says the server wants; ``True`` when one was given
    (kept in memory for the run, and written to PostgreSQL's password file when ticked)
    for the caller to try, ``False`` when the person cancelled."""
    dialog = PasswordDialog(problem.text(), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    password = dialog.password.text()
    use_password(url, password)
    if dialog.remember.isChecked():
        remember_in_pgpass(url, password)
    return True


class ServerField(QWidget):
    """The server's address, a “Kiểm tra kết nối” button and what the check found.
    :attr:`result` is the last successful check of the address shown (``None`` otherwise)."""

    checked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText(EXAMPLE_URL)
        row.addWidget(self.url, 1)
        self.check_button = QPushButton(self.tr("Test the connection"))
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.hint = QLabel(
            self.tr(
                "The address the city's IT staff give: postgresql://USER@SERVER:PORT/DATABASE. "
                "No password in it: TDCS asks for one when the server wants it."
            )
        )
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.result: ServerCheck | None = None
        self._running = False
        self._notes: list[str] = []
        self.check_button.clicked.connect(self.check)
        self.url.textChanged.connect(self._edited)

    @property
    def loading(self) -> bool:
        """Whether a check is running (on the thread pool: a server that does not answer
        takes up to 10 s, and the window stays alive meanwhile)."""
        return self._running

    def _edited(self) -> None:
        if self.result is not None or self.status.text():
            self.result = None
            self.status.clear()
            self.checked.emit()

    def address(self) -> str:
        """The address typed, without a password (:meth:`check` takes one out)."""
        return without_password(self.url.text().strip())[0]

    def _say(self, text: str, good: bool | None) -> None:
        colour = {True: "#1b5e20", False: "#b00020", None: "#555555"}[good]
        self.status.setStyleSheet(f"color: {colour}")
        self.status.setText(text)

    def check(self) -> None:
        typed = self.url.text().strip()
        url, password = split_password(typed) if typed else (typed, None)
        self._notes = []
        if password is not None:
            # Used for this run, never saved: the address keeps no password.
            self.url.blockSignals(True)
            self.url.setText(url)
            self.url.blockSignals(False)
            self._notes.append(
                self.tr(
                    "The password was taken out of the address: it is used until TDCS is "
                    "closed and never saved with the address."
                )
            )
        self.result = None
        self._start(url, password, remember=False)

    def _start(self, url: str, password: str | None, *, remember: bool) -> None:
        self._running = True
        self.check_button.setEnabled(False)
        self.url.setReadOnly(True)
        self._say(self.tr("Connecting to the server…"), None)
        run_in_background(
            lambda _progress: check_server(url, password),
            on_done=lambda found: self._found(url, password, remember, found),
            on_error=lambda error: self._failed(url, error),
            parent=self,
        )

    def _found(self, url: str, password: str | None, remember: bool, found: ServerCheck) -> None:
        if not isValid(self):  # the wizard was closed meanwhile
            return
        if password is not None:
            use_password(url, password)
            if remember:
                remember_in_pgpass(url, password)
        self.result = found
        if found.joins:
            text = self.tr(
                "Connected. This database already holds the city office “{office}”: this "
                "computer will join it and share its data."
            ).format(office=found.office_name)
        else:
            text = self.tr(
                "Connected. The database holds nothing of TDCS yet: the city office will be "
                "set up there."
            )
        self._say(" ".join([text, *self._notes]), True)
        self._finish()

    def _failed(self, url: str, error: BaseException) -> None:
        if not isValid(self):
            return
        if not isinstance(error, ServerProblem):
            log.warning("checking %s failed: %r", shown_url(url), error)
            error = ServerProblem(Trouble.UNREACHABLE, url, reason=type(error).__name__)
        self._say(" ".join([error.text(), *self._notes]), False)
        if error.wants_password:
            dialog = PasswordDialog(error.text(), self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self._start(url, dialog.password.text(), remember=dialog.remember.isChecked())
                return
        self._finish()

    def _finish(self) -> None:
        self._running = False
        self.check_button.setEnabled(True)
        self.url.setReadOnly(False)
        self.checked.emit()
