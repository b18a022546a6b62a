"""First-run set-up: is this a commune/ward office or the city office, and which one; for the
city, where its database is (this computer's file, or a PostgreSQL server: set up there, or
joined when a first computer already set the city up there).

The wizard only collects answers; ``submit`` (given by the application) saves them through
:func:`desktop.app.setup.set_up`, as ``tdcs init`` does. If saving fails, the wizard stays
open with the message and every answer still in place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from db.enums import CommuneKind, OfficeMode
from desktop.app.setup import SetupAnswers
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import CommuneInfo, default_office_name
from desktop.core.text import clean
from desktop.reports.xlsx_table import CellKind
from desktop.ui.server_choice import ServerField
from desktop.ui.table_model import Column, RowTableModel

PAGE_MODE, PAGE_COMMUNE, PAGE_HAMLETS, PAGE_CITY, PAGE_DATABASE = range(5)

COMMUNE_COLUMNS = [
    Column[CommuneInfo](QT_TRANSLATE_NOOP("SetupWizard", "Code"), lambda c: c.code, CellKind.TEXT),
    Column[CommuneInfo](QT_TRANSLATE_NOOP("SetupWizard", "Name"), lambda c: c.label),
]


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


class ModePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to TDCS"))
        self.setSubTitle(self.tr("Who will use TDCS on this computer?"))
        layout = QVBoxLayout(self)
        self.commune = QRadioButton(self.tr("A commune or ward office (xã / phường)"))
        self.city = QRadioButton(self.tr("The city office (Thành phố Cần Thơ)"))
        self.commune.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.commune)
        group.addButton(self.city)
        layout.addWidget(self.commune)
        hint = QLabel(
            self.tr(
                "Records the commune's work on the plan, the loans it supervises and its funds, "
                "and sends them to the city as a file."
            )
        )
        hint.setWordWrap(True)
        hint.setIndent(24)
        layout.addWidget(hint)
        layout.addWidget(self.city)
        hint_city = QLabel(
            self.tr("Imports the files of the 103 communes and wards and makes the city's reports.")
        )
        hint_city.setWordWrap(True)
        hint_city.setIndent(24)
        layout.addWidget(hint_city)
        layout.addStretch(1)

    def mode(self) -> OfficeMode:
        return OfficeMode.CITY if self.city.isChecked() else OfficeMode.COMMUNE

    def nextId(self) -> int:
        return PAGE_DATABASE if self.city.isChecked() else PAGE_COMMUNE


class CommunePage(QWizardPage):
    def __init__(self, communes: Sequence[CommuneInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your commune or ward"))
        self.setSubTitle(self.tr("Find it by name or code; accents are not needed."))
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search, e.g. cai khe"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = RowTableModel(COMMUNE_COLUMNS, communes, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        form = QFormLayout()
        self.office_name = QLineEdit()
        form.addRow(self.tr("Office name"), self.office_name)
        layout.addLayout(form)
        self.chosen: CommuneInfo | None = None
        self._suggested_name = ""
        self.search.textChanged.connect(self._filter)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.office_name.textChanged.connect(lambda _t: self.completeChanged.emit())

    def _filter(self, text: str) -> None:
        previous = self.chosen
        self.model.set_query(text)
        row = -1
        if previous is not None:
            row = self.model.find_row(lambda c: c.code == previous.code)
        if row < 0 and self.model.rowCount() == 1:
            row = 0
        if row >= 0:
            self.view.selectRow(row)
        else:
            self.view.clearSelection()
            self._choose(None)

    def _selection_changed(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        self._choose(self.model.row_at(rows[0].row()) if rows else None)

    def _choose(self, commune: CommuneInfo | None) -> None:
        self.chosen = commune
        if commune is not None:
            name = self.office_name.text()
            if not name or name == self._suggested_name:
                self._suggested_name = default_office_name(OfficeMode.COMMUNE, commune)
                self.office_name.setText(self._suggested_name)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.chosen is not None and bool(clean(self.office_name.text()))

    def nextId(self) -> int:
        return PAGE_HAMLETS


class HamletsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Hamlets"))
        self.setSubTitle(
            self.tr("One ấp or khu vực per line. You can change the list later in Settings.")
        )
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit()
        layout.addWidget(self.text)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        commune = wizard.commune_page.chosen
        if commune is not None and commune.kind is CommuneKind.PHUONG:
            self.text.setPlaceholderText("Khu vực 1\nKhu vực 2\nKhu vực 3")
        else:
            self.text.setPlaceholderText("Ấp Thới Thạnh\nẤp Tân Lợi\nẤp Long Hòa")

    def hamlets(self) -> list[str]:
        return [line for line in (clean(x) for x in self.text.toPlainText().splitlines()) if line]

    def nextId(self) -> int:
        return -1


class DatabasePage(QWizardPage):
    """The city's database: this computer's own file, or a PostgreSQL server several staff
    share (tested with “Kiểm tra kết nối” before the wizard goes on). A commune never sees
    this page: its database is always its own file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where the city's data is kept"))
        self.setSubTitle(self.tr("One computer, or several staff working on the same data?"))
        layout = QVBoxLayout(self)
        self.local = QRadioButton(self.tr("On this computer (SQLite file)"))
        self.server = QRadioButton(self.tr("On a PostgreSQL server shared by several staff"))
        self.local.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        layout.addWidget(self.local)
        hint = QLabel(self.tr("Only this computer works on the city's data; nothing to set up."))
        hint.setWordWrap(True)
        hint.setIndent(24)
        layout.addWidget(hint)
        layout.addWidget(self.server)
        hint_server = QLabel(
            self.tr(
                "The city's IT staff have created a database on the office's server. The first "
                "computer sets the city up there; each further computer joins it."
            )
        )
        hint_server.setWordWrap(True)
        hint_server.setIndent(24)
        layout.addWidget(hint_server)
        self.server_field = ServerField()
        layout.addWidget(self.server_field)
        layout.addStretch(1)
        self.server_field.setEnabled(False)
        self.server.toggled.connect(self._chosen)
        self.server_field.checked.connect(self.completeChanged.emit)

    def _chosen(self, on_server: bool) -> None:
        self.server_field.setEnabled(on_server)
        if on_server:
            self.server_field.url.setFocus()
        self.completeChanged.emit()

    def database_url(self) -> str | None:
        """The server checked, or ``None`` for this computer's file."""
        result = self.server_field.result
        return result.url if self.server.isChecked() and result is not None else None

    def joins(self) -> bool:
        result = self.server_field.result
        return self.server.isChecked() and result is not None and result.joins

    def isComplete(self) -> bool:
        return self.local.isChecked() or self.server_field.result is not None

    def nextId(self) -> int:
        return PAGE_CITY


class CityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The city office"))
        self.setSubTitle(self.tr("The name used on the city's reports."))
        form = QFormLayout(self)
        self.office_name = QLineEdit(default_office_name(OfficeMode.CITY, None))
        form.addRow(self.tr("Office name"), self.office_name)
        self.error = _error_label()
        form.addRow("", self.error)
        self.office_name.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.setFinalPage(True)
        self._typed = self.office_name.text()

    def initializePage(self) -> None:
        """Joining a city already on the server: its name is the one set up there."""
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        result = wizard.database_page.server_field.result
        if wizard.database_page.joins() and result is not None:
            self.setTitle(self.tr("Join the city office"))
            self.setSubTitle(
                self.tr(
                    "The server already holds the city office: this computer joins it and "
                    "works on the same data. Nothing there is changed."
                )
            )
            if not self.office_name.isReadOnly():
                self._typed = self.office_name.text()
            self.office_name.setText(result.office_name)
            self.office_name.setReadOnly(True)
        else:
            self.setTitle(self.tr("The city office"))
            self.setSubTitle(self.tr("The name used on the city's reports."))
            if self.office_name.isReadOnly():
                self.office_name.setText(self._typed)
            self.office_name.setReadOnly(False)

    def isComplete(self) -> bool:
        return bool(clean(self.office_name.text()))

    def nextId(self) -> int:
        return -1


class SetupWizard(QWizard):
    """Asks the set-up questions; ``submit(answers)`` saves them or raises ``UserError``."""

    def __init__(
        self,
        communes: Sequence[CommuneInfo],
        submit: Callable[[SetupAnswers], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.submit = submit
        self.setWindowTitle(self.tr("TDCS — first-time setup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.mode_page = ModePage()
        self.commune_page = CommunePage(communes)
        self.hamlets_page = HamletsPage()
        self.database_page = DatabasePage()
        self.city_page = CityPage()
        self.setPage(PAGE_MODE, self.mode_page)
        self.setPage(PAGE_COMMUNE, self.commune_page)
        self.setPage(PAGE_HAMLETS, self.hamlets_page)
        self.setPage(PAGE_DATABASE, self.database_page)
        self.setPage(PAGE_CITY, self.city_page)
        self.setStartId(PAGE_MODE)
        self.resize(720, 560)

    @property
    def loading(self) -> bool:
        """Whether the server's connection is being checked."""
        return self.database_page.server_field.loading

    def answers(self) -> SetupAnswers:
        if self.mode_page.mode() is OfficeMode.CITY:
            return SetupAnswers(
                OfficeMode.CITY,
                None,
                clean(self.city_page.office_name.text()),
                [],
                database_url=self.database_page.database_url(),
            )
        chosen = self.commune_page.chosen
        return SetupAnswers(
            OfficeMode.COMMUNE,
            chosen.code if chosen else None,
            clean(self.commune_page.office_name.text()),
            self.hamlets_page.hamlets(),
        )

    def accept(self) -> None:
        error_label = (
            self.city_page.error
            if self.mode_page.mode() is OfficeMode.CITY
            else self.hamlets_page.error
        )
        error_label.clear()
        try:
            self.submit(self.answers())
        except UserError as error:
            error_label.setText(error.text())
            return
        super().accept()


__all__ = ["Qt", "SetupAnswers", "SetupWizard"]
