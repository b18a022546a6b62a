"""Đóng góp & nguồn vốn: Quỹ "Vì người nghèo", deposits and sponsorship, and entrusted
capital, each in its tab."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.ui.context import AppContext
from desktop.ui.funds.contributions import ContributionListPage
from desktop.ui.funds.deposits import DepositListPage
from desktop.ui.funds.entrusted import CapitalListPage, IndicatorsView, TransferListPage
from desktop.ui.funds.spending import SpendingListPage
from desktop.ui.funds.statement import FundStatementView, OpeningListPage
from desktop.ui.views import page_title


class FundsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Contributions & capital")))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        self.fund_tabs = QTabWidget()
        self.contributions = ContributionListPage(context)
        self.spending = SpendingListPage(context)
        self.openings = OpeningListPage(context)
        self.statement = FundStatementView(context)
        self.fund_tabs.addTab(self.contributions, self.tr("Contributions"))
        self.fund_tabs.addTab(self.spending, self.tr("Grants"))
        self.fund_tabs.addTab(self.statement, self.tr("Statement by year"))
        self.fund_tabs.addTab(self.openings, self.tr("Opening balance"))
        self.tabs.addTab(self.fund_tabs, self.tr('"Vì người nghèo" fund'))

        self.deposits = DepositListPage(context)
        self.tabs.addTab(self.deposits, self.tr("Deposits and sponsorship"))

        self.capital_tabs = QTabWidget()
        self.transfers = TransferListPage(context)
        self.capital = CapitalListPage(context)
        self.indicators = IndicatorsView(context)
        self.capital_tabs.addTab(self.transfers, self.tr("Transfers"))
        self.capital_tabs.addTab(self.capital, self.tr("Total capital"))
        self.capital_tabs.addTab(self.indicators, self.tr("Targets"))
        self.tabs.addTab(self.capital_tabs, self.tr("Entrusted budget capital"))
