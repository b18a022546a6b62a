"""First-run set-up: is this a commune/ward office or the city office, and which one.

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
from desktop.ui.table_model import Column, RowTableModel

PAGE_MODE, PAGE_COMMUNE, PAGE_HAMLETS, PAGE_CITY = range(4)

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
        return PAGE_CITY if self.city.isChecked() else PAGE_COMMUNE


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
        self.city_page = CityPage()
        self.setPage(PAGE_MODE, self.mode_page)
        self.setPage(PAGE_COMMUNE, self.commune_page)
        self.setPage(PAGE_HAMLETS, self.hamlets_page)
        self.setPage(PAGE_CITY, self.city_page)
        self.setStartId(PAGE_MODE)
        self.resize(720, 560)

    def answers(self) -> SetupAnswers:
        if self.mode_page.mode() is OfficeMode.CITY:
            return SetupAnswers(OfficeMode.CITY, None, clean(self.city_page.office_name.text()), [])
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
