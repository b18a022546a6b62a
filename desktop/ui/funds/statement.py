"""Quỹ "Vì người nghèo" year by year: opening balances (declared once), the yearly
statement, and contributions by month."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.errors import ErrorCollector
from desktop.core.formatting import format_money
from desktop.core.funds.fund import (
    OpeningInput,
    OpeningRow,
    create_opening,
    delete_opening,
    list_openings,
    restore_opening,
    update_opening,
    validate_opening,
)
from desktop.core.funds.statement import FundStatement, contributions_by_month, fund_statements
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.data_changes import watch
from desktop.ui.exporting import export_model
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import MoneyEdit
from desktop.ui.period_filter import PeriodValue
from desktop.ui.recording.charts import MonthlyContributionsChart
from desktop.ui.recording.forms import TextArea, YearSpin
from desktop.ui.recording.lists import RecordListPage
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import fit_columns, make_table


class OpeningForm(RecordForm[OpeningInput]):
    def __init__(
        self, context: AppContext, row: OpeningRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Opening balance of the fund"),
            parent,
            editing=row,
            create=create_opening,
            update=update_opening,
        )
        self.context, self.row, self.database = context, row, context.database
        self.year = self.add_field(
            "year", self.tr("Year"), YearSpin(row.year if row else date.today().year)
        )
        self.amount = self.add_field(
            "amount",
            self.tr("Balance on 1 January"),
            MoneyEdit(),
            hint=self.tr(
                "Declare it once, for the first year recorded in TDCS; later years carry "
                "the closing balance forward."
            ),
        )
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(row.notes if row else ""))
        if row is not None:
            self.amount.set_value(row.amount)

    def read(self, reader: ErrorCollector) -> OpeningInput:
        data = OpeningInput(
            year=self.year.value(),
            amount=reader.check(self.amount.value, "amount"),
            notes=self.notes.value(),
        )
        reader.check(validate_opening, data)
        return data


class OpeningListPage(RecordListPage[OpeningRow]):
    period_parts = False
    title = QT_TRANSLATE_NOOP("FundsPage", "Opening balances of the fund")
    record_types = ("fund_opening_balance",)
    form_class = OpeningForm
    columns = (
        Column[OpeningRow](QT_TRANSLATE_NOOP("FundsPage", "Year"), lambda r: str(r.year)),
        Column[OpeningRow](
            QT_TRANSLATE_NOOP("FundsPage", "Balance on 1 January"),
            lambda r: r.amount,
            CellKind.MONEY,
        ),
        Column[OpeningRow](QT_TRANSLATE_NOOP("FundsPage", "Notes"), lambda r: r.notes),
    )

    def load_rows(self, session: Session) -> list[OpeningRow]:
        return list_openings(session, self.owner)

    def delete_row(self, session: Session, row: OpeningRow) -> int:
        return delete_opening(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_opening(session, record_id, expected_version=version)

    def describe(self, row: OpeningRow) -> str:
        return tr(QT_TRANSLATE_NOOP("FundsPage", "the opening balance of {year}")).format(
            year=row.year
        )

    def period_of(self, row: OpeningRow) -> PeriodValue:
        return row.year


def _difference(statement: FundStatement) -> int | None:
    return statement.opening_difference


STATEMENT_COLUMNS = [
    Column[FundStatement](QT_TRANSLATE_NOOP("FundsPage", "Year"), lambda s: str(s.year)),
    Column[FundStatement](
        QT_TRANSLATE_NOOP("FundsPage", "Opening balance"), lambda s: s.opening, CellKind.MONEY
    ),
    Column[FundStatement](
        QT_TRANSLATE_NOOP("FundsPage", "Receipts (money)"), lambda s: s.receipts, CellKind.MONEY
    ),
    Column[FundStatement](
        QT_TRANSLATE_NOOP("FundsPage", "Spending"), lambda s: s.spending, CellKind.MONEY
    ),
    Column[FundStatement](
        QT_TRANSLATE_NOOP("FundsPage", "Closing balance"), lambda s: s.closing, CellKind.MONEY
    ),
    Column[FundStatement](
        QT_TRANSLATE_NOOP("FundsPage", "Gifts in kind (estimated, not in the balance)"),
        lambda s: s.in_kind,
        CellKind.MONEY,
    ),
    Column[FundStatement](
        QT_TRANSLATE_NOOP("FundsPage", "Contributions"),
        lambda s: s.receipts_count + s.in_kind_count,
        CellKind.NUMBER,
    ),
    Column[FundStatement](
        QT_TRANSLATE_NOOP("FundsPage", "Grants"), lambda s: s.spending_count, CellKind.NUMBER
    ),
    Column[FundStatement](
        QT_TRANSLATE_NOOP("FundsPage", "Declared minus carried forward"),
        _difference,
        CellKind.MONEY,
    ),
]


class FundStatementView(QWidget):
    """The statement of each year (opening, receipts, spending, closing) and the chart of
    one year's contributions by month."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        note = QLabel(
            self.tr(
                "Receipts count money (cash and transfers) by the date received; gifts in kind "
                "are shown at their estimated value but are not money in the fund."
            )
        )
        note.setWordWrap(True)
        bar.addWidget(note, 1)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(lambda: self.export())
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model = RowTableModel(STATEMENT_COLUMNS, parent=self)
        self.view = make_table(self.model)
        self.view.setMaximumHeight(200)
        layout.addWidget(self.view)
        # Says so when a year closed below zero (its figures are red in the table).
        self.negative = QLabel()
        self.negative.setStyleSheet("color: #b00020")
        self.negative.setWordWrap(True)
        self.negative.hide()
        layout.addWidget(self.negative)
        year_bar = QHBoxLayout()
        year_bar.addWidget(QLabel(self.tr("Contributions by month in:")))
        self.year = QComboBox()
        year_bar.addWidget(self.year)
        year_bar.addStretch(1)
        layout.addLayout(year_bar)
        self.chart = MonthlyContributionsChart(self)
        layout.addWidget(self.chart, 1)
        self.year.currentIndexChanged.connect(self._show_months)
        # Contributions and grants recorded on the other tabs show here.
        watch(self, context.changes, ("fund_contribution",), self.reload)
        self.reload()

    def reload(self) -> None:
        owner = self.context.office.own_records
        with self.context.database.reading() as session:
            statements = fund_statements(session, owner, until=date.today().year)
        self.model.set_rows(list(reversed(statements)))
        fit_columns(self.view, widest=240)
        below = [s for s in statements if s.closing < 0]
        self.negative.setText(
            self.tr(
                "The fund's closing balance is below zero in {years} ({balance} in {last}): "
                "more was paid out than the fund held. Check the grants, the contributions and "
                "the opening balance."
            ).format(
                years=", ".join(str(s.year) for s in below),
                balance=format_money(below[-1].closing),
                last=below[-1].year,
            )
            if below
            else ""
        )
        self.negative.setVisible(bool(below))
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for statement in reversed(statements):
            self.year.addItem(str(statement.year), statement.year)
        if self.year.count() == 0:
            self.year.addItem(str(date.today().year), date.today().year)
        self.year.setCurrentIndex(max(self.year.findData(chosen), 0))
        self.year.blockSignals(False)
        self._show_months()

    def _show_months(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        with self.context.database.reading() as session:
            months = contributions_by_month(session, year, self.context.office.own_records)
        self.chart.set_months(months, year)

    def export(self) -> None:
        title = tr(QT_TRANSLATE_NOOP("FundsPage", "Fund statement"))
        export_model(
            self, self.model, title, self.context.paths.reports, self.context.office.office_name
        )
