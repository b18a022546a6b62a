"""Where the database is: this data folder's file, or the city's PostgreSQL server (its address,
never a password). The city may choose another server that already holds the city (tested
first), or go back to this computer's file; the change takes effect when TDCS opens again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.database_choice import save_database_url
from desktop.paths import DatabaseSource, saved_database_url, without_password
from desktop.ui.context import AppContext
from desktop.ui.server_choice import ServerField


def _address(url: str) -> str:
    """The server's address as the IT staff wrote it, without a password."""
    return without_password(url)[0]


class ServerDialog(QDialog):
    """The address of the server to use from the next start, saved only once “Kiểm tra kết
    nối” found the city office there."""

    def __init__(self, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The city's database server"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a PostgreSQL database that already holds the city office (set up from "
                "another computer, or with tdcs init). TDCS uses it from its next start."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.server_field = ServerField()
        if current:
            self.server_field.url.setText(current)
        layout.addWidget(self.server_field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.server_field.checked.connect(self._checked)
        self.resize(620, 0)

    @property
    def loading(self) -> bool:
        """Whether the server's connection is being checked."""
        return self.server_field.loading

    def _checked(self) -> None:
        result = self.server_field.result
        self.save.setEnabled(result is not None and result.joins)
        if result is not None and not result.joins:
            self.server_field.status.setText(
                self.tr(
                    "This database holds no city office yet. Set the city up there first "
                    "(the set-up wizard on a new data folder, or tdcs init --mode city "
                    "--database URL), or choose another."
                )
            )

    def chosen(self) -> str:
        result = self.server_field.result
        assert result is not None
        return result.url


class DatabaseBox(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Database"))
        self.context = context
        paths = context.database.paths
        form = QFormLayout(self)
        self.where = QLabel()
        self.where.setWordWrap(True)
        form.addRow(self.tr("Kept in"), self.where)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form.addRow("", self.note)
        self.change_button = QPushButton(self.tr("Choose the PostgreSQL server…"))
        self.local_button = QPushButton(self.tr("Use this computer's file"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.local_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.pending = QLabel()
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet("color: #1b5e20")
        form.addRow("", self.pending)
        self.change_button.clicked.connect(self.choose_server)
        self.local_button.clicked.connect(self.use_file)
        if paths.database_url is None:
            self.where.setText(self.tr("this computer's file {path}").format(path=paths.database))
        else:
            self.where.setText(
                self.tr("the PostgreSQL server {url}").format(url=_address(paths.database_url))
            )
        is_city = context.office.is_city
        self.change_button.setVisible(is_city)
        self.local_button.setVisible(is_city)
        if not is_city:
            self.note.setText(
                self.tr("A commune or ward office always keeps its data in this computer's file.")
            )
        elif paths.source in (DatabaseSource.ENVIRONMENT, DatabaseSource.OPTION):
            self.note.setText(
                self.tr(
                    "Chosen for this run by TDCS_DATABASE_URL or --database, which come before "
                    "the choice saved here."
                )
            )
        self.note.setVisible(bool(self.note.text()))
        self._show_choice()

    def _show_choice(self) -> None:
        self.local_button.setEnabled(
            saved_database_url(self.context.database.paths.data_dir) is not None
        )

    def choose_server(self) -> None:
        paths = self.context.database.paths
        dialog = ServerDialog(saved_database_url(paths.data_dir) or paths.database_url, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        url = dialog.chosen()
        save_database_url(paths.data_dir, url)
        self.pending.setText(
            self.tr("From the next start TDCS uses the server {url}. Close and open TDCS.").format(
                url=_address(url)
            )
        )
        self._show_choice()

    def use_file(self) -> None:
        paths = self.context.database.paths
        answer = QMessageBox.question(
            self,
            self.tr("Use this computer's file"),
            self.tr(
                "From the next start TDCS works on this computer's own file {path} instead of "
                "the server; the data on the server stays there. Go on?"
            ).format(path=paths.database),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        save_database_url(paths.data_dir, None)
        self.pending.setText(
            self.tr("From the next start TDCS uses this computer's file. Close and open TDCS.")
        )
        self._show_choice()
