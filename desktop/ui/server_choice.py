"""Choosing the city's PostgreSQL server in the window: its address, “Kiểm tra kết nối”, and
the password prompt (the set-up wizard, Cài đặt and the start-up share them).

The password typed is kept in memory for this run (:func:`db.engine.use_password`); only the
tick “remember it in PostgreSQL's password file” writes it, into libpq's own file
(:func:`desktop.app.server.remember_in_pgpass`), never into a file of TDCS.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
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

from db.engine import use_password
from desktop.app.server import (
    ServerCheck,
    ServerProblem,
    check_server,
    pgpass_path,
    remember_in_pgpass,
)
from desktop.paths import without_password

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


def connect_with_password(
    url: str, problem: ServerProblem, parent: QWidget | None, *, check: bool = True
) -> ServerCheck | bool | None:
    """Ask for the password until the server takes it or the person cancels (``None``).
    With ``check`` the server is checked with each password (:func:`check_server`, its
    result returned); without, the password is only kept for the run (``True``) for the
    caller to try. A password that works is kept for the run, and written to PostgreSQL's
    password file when the person ticked it."""
    while problem.wants_password:
        dialog = PasswordDialog(problem.text(), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        password = dialog.password.text()
        if not check:
            use_password(url, password)
            if dialog.remember.isChecked():
                remember_in_pgpass(url, password)
            return True
        try:
            result = check_server(url, password)
        except ServerProblem as again:
            problem = again
            continue
        use_password(url, password)
        if dialog.remember.isChecked():
            remember_in_pgpass(url, password)
        return result
    raise problem


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
        self.check_button.clicked.connect(self.check)
        self.url.textChanged.connect(self._edited)

    def _edited(self) -> None:
        if self.result is not None or self.status.text():
            self.result = None
            self.status.clear()
            self.checked.emit()

    def address(self) -> str:
        """The address typed, without a password (:meth:`check` takes one out)."""
        return without_password(self.url.text().strip())[0]

    def _say(self, text: str, good: bool) -> None:
        self.status.setStyleSheet("color: #1b5e20" if good else "color: #b00020")
        self.status.setText(text)

    def check(self) -> None:
        typed = self.url.text().strip()
        url, had_password = without_password(typed) if typed else (typed, False)
        notes: list[str] = []
        if had_password:
            # Used for this run, never saved: the address keeps no password.
            from sqlalchemy.engine import make_url

            use_password(url, make_url("postgresql://" + typed.partition("://")[2]).password)
            self.url.blockSignals(True)
            self.url.setText(url)
            self.url.blockSignals(False)
            notes.append(
                self.tr(
                    "The password was taken out of the address: it is used until TDCS is "
                    "closed and never saved with the address."
                )
            )
        self.result = None
        found: ServerCheck | bool | None
        try:
            try:
                QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    found = check_server(url)
                finally:
                    QGuiApplication.restoreOverrideCursor()
            except ServerProblem as problem:
                if not problem.wants_password:
                    raise
                self._say(problem.text(), False)
                found = connect_with_password(url, problem, self)
        except ServerProblem as problem:
            self._say(" ".join([problem.text(), *notes]), False)
            self.checked.emit()
            return
        if not isinstance(found, ServerCheck):
            self.checked.emit()  # the password was not given: the message stays
            return
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
        self._say(" ".join([text, *notes]), True)
        self.checked.emit()
