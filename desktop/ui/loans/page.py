"""Khoản vay: one page, one tab per list. Tabs are built the first time they are shown, so
opening the page only loads what is looked at."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.ui.context import AppContext
from desktop.ui.loans.borrowers_tab import BorrowersTab
from desktop.ui.loans.checks_tab import ChecksTab, UncheckedTab
from desktop.ui.loans.common import plain
from desktop.ui.loans.groups_tab import GroupsTab
from desktop.ui.loans.indicators_tab import IndicatorsTab
from desktop.ui.loans.loans_tab import LoansTab
from desktop.ui.loans.organisation_grades_tab import OrganisationGradesTab
from desktop.ui.views import page_title

TABS: list[tuple[str, Msg, Callable[[AppContext], QWidget]]] = [
    ("loans", QT_TRANSLATE_NOOP("LoansPage", "Loans"), LoansTab),
    ("borrowers", QT_TRANSLATE_NOOP("LoansPage", "Borrowers"), BorrowersTab),
    ("groups", QT_TRANSLATE_NOOP("LoansPage", "Savings-and-loan groups"), GroupsTab),
    ("grades", QT_TRANSLATE_NOOP("LoansPage", "Organisations' grades"), OrganisationGradesTab),
    ("checks", QT_TRANSLATE_NOOP("LoansPage", "Loan-use checks"), ChecksTab),
    ("unchecked", QT_TRANSLATE_NOOP("LoansPage", "Not checked in 12 months"), UncheckedTab),
    ("indicators", QT_TRANSLATE_NOOP("LoansPage", "Indicators"), IndicatorsTab),
]


class LoansPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(tr(QT_TRANSLATE_NOOP("LoansPage", "Loans"))))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self._built: dict[int, QWidget] = {}
        for _key, title, _factory in TABS:
            self.tabs.addTab(QLabel(), plain(tr(title)))
        self.tabs.currentChanged.connect(self._show)
        self._show(0)

    def _show(self, index: int) -> None:
        if index < 0 or index in self._built:
            return
        key, title, factory = TABS[index]
        widget = factory(self.context)
        widget.setObjectName(f"tab_{key}")
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, plain(tr(title)))
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        self._built[index] = widget

    def tab(self, key: str) -> QWidget:
        """The tab ``key`` (``"loans"``, ``"groups"``…), built and shown."""
        index = next(i for i, (k, _t, _f) in enumerate(TABS) if k == key)
        self.tabs.setCurrentIndex(index)
        self._show(index)
        return self._built[index]
