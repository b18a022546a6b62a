"""Local budget capital entrusted to VBSP: transfers by year and source level, the branch's
total capital by year, and the plan's two targets."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from db.enums import SourceLevel
from desktop.core.errors import ErrorCollector
from desktop.core.formatting import format_money
from desktop.core.funds.capital import (
    CapitalInput,
    CapitalRow,
    TransferInput,
    TransferRow,
    create_capital,
    create_transfer,
    delete_capital,
    delete_transfer,
    list_capital,
    list_transfers,
    programme_choices,
    restore_capital,
    restore_transfer,
    update_capital,
    update_transfer,
    validate_capital,
    validate_transfer,
)
from desktop.core.funds.indicators import EntrustedIndicators, entrusted_series, status_label
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.data_changes import watch
from desktop.ui.exporting import export_model
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import ChoiceCombo, DateEdit, EnumCombo, MoneyEdit
from desktop.ui.period_filter import PeriodValue
from desktop.ui.recording.charts import GrowthChart, ShareChart
from desktop.ui.recording.forms import TextArea, YearSpin
from desktop.ui.recording.lists import RecordListPage
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import fit_columns, make_table


# -- transfers --------------------------------------------------------------------------------
class TransferForm(RecordForm[TransferInput]):
    def __init__(
        self, context: AppContext, row: TransferRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("New transfer of entrusted capital")
            if row is None
            else self.tr("Transfer of entrusted capital"),
            parent,
            editing=row,
            create=create_transfer,
            update=update_transfer,
        )
        self.context, self.row, self.database = context, row, context.database
        self.year = self.add_field(
            "year", self.tr("For the year"), YearSpin(row.year if row else date.today().year)
        )
        self.source_level: EnumCombo[SourceLevel] = self.add_field(
            "source_level", self.tr("Budget level"), EnumCombo(SourceLevel)
        )
        self.amount = self.add_field(
            "amount",
            self.tr("Amount"),
            MoneyEdit(),
            hint=self.tr("In đồng, e.g. 1.500.000.000 or 1,5 tỷ."),
        )
        self.decision_no = self.add_field(
            "decision_no", self.tr("Decision number"), QLineEdit(row.decision_no if row else "")
        )
        self.decision_date = self.add_field("decision_date", self.tr("Decision date"), DateEdit())
        self.transferred_on = self.add_field(
            "transferred_on", self.tr("Date transferred"), DateEdit()
        )
        with context.database.reading() as session:
            programmes = programme_choices(session)
        self.programme = self.add_field(
            "programme", self.tr("Programme funded"), ChoiceCombo(programmes, optional=True)
        )
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(row.notes if row else ""))
        if row is not None:
            self.source_level.set_value(row.source_level)
            self.amount.set_value(row.amount)
            self.decision_date.set_value(row.decision_date)
            self.transferred_on.set_value(row.transferred_on)
            self.programme.set_value(row.programme_code)
        else:
            self.source_level.set_value(
                SourceLevel.THANH_PHO if context.office.is_city else SourceLevel.XA
            )

    def read(self, reader: ErrorCollector) -> TransferInput:
        data = TransferInput(
            year=self.year.value(),
            source_level=self.source_level.value(),
            amount=reader.check(self.amount.value, "amount"),
            decision_no=self.decision_no.text(),
            decision_date=reader.check(self.decision_date.value, "decision_date", required=False),
            transferred_on=reader.check(
                self.transferred_on.value, "transferred_on", required=False
            ),
            programme_code=self.programme.value(),
            notes=self.notes.value(),
        )
        reader.check(validate_transfer, data)
        return data


class TransferListPage(RecordListPage[TransferRow]):
    period_parts = False
    title = QT_TRANSLATE_NOOP("FundsPage", "Entrusted capital transfers")
    record_types = ("entrusted_transfer",)
    form_class = TransferForm
    columns = (
        Column[TransferRow](QT_TRANSLATE_NOOP("FundsPage", "Year"), lambda r: str(r.year)),
        Column[TransferRow](
            QT_TRANSLATE_NOOP("FundsPage", "Budget level"), lambda r: r.source_level
        ),
        Column[TransferRow](
            QT_TRANSLATE_NOOP("FundsPage", "Amount"), lambda r: r.amount, CellKind.MONEY
        ),
        Column[TransferRow](
            QT_TRANSLATE_NOOP("FundsPage", "Decision number"), lambda r: r.decision_no
        ),
        Column[TransferRow](
            QT_TRANSLATE_NOOP("FundsPage", "Decision date"),
            lambda r: r.decision_date,
            CellKind.DATE,
        ),
        Column[TransferRow](
            QT_TRANSLATE_NOOP("FundsPage", "Date transferred"),
            lambda r: r.transferred_on,
            CellKind.DATE,
        ),
        Column[TransferRow](
            QT_TRANSLATE_NOOP("FundsPage", "Programme funded"), lambda r: r.programme_name
        ),
        Column[TransferRow](QT_TRANSLATE_NOOP("FundsPage", "Notes"), lambda r: r.notes),
    )

    def load_rows(self, session: Session) -> list[TransferRow]:
        return list_transfers(session, self.owner)

    def delete_row(self, session: Session, row: TransferRow) -> int:
        return delete_transfer(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_transfer(session, record_id, expected_version=version)

    def describe(self, row: TransferRow) -> str:
        return tr(QT_TRANSLATE_NOOP("FundsPage", "the transfer of {amount} for {year}")).format(
            amount=format_money(row.amount), year=row.year
        )

    def period_of(self, row: TransferRow) -> PeriodValue:
        return row.year

    def amount_of(self, row: TransferRow) -> int | None:
        return row.amount


# -- total capital ----------------------------------------------------------------------------
class CapitalForm(RecordForm[CapitalInput]):
    def __init__(
        self, context: AppContext, row: CapitalRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Total capital of the year"),
            parent,
            editing=row,
            create=create_capital,
            update=update_capital,
        )
        self.context, self.row, self.database = context, row, context.database
        self.year = self.add_field(
            "year", self.tr("Year"), YearSpin(row.year if row else date.today().year - 1)
        )
        self.total = self.add_field(
            "total_capital",
            self.tr("Total capital"),
            MoneyEdit(),
            hint=self.tr("As VBSP reports it at the end of the year, e.g. 17.590 tỷ."),
        )
        self.balance = self.add_field(
            "entrusted_balance",
            self.tr("Of which local entrusted capital"),
            MoneyEdit(),
            hint=self.tr(
                "Leave empty if VBSP did not give it; the transfers recorded are then used "
                "as an estimate."
            ),
        )
        self.central = self.add_field(
            "central_amount",
            self.tr("Of which central capital"),
            MoneyEdit(),
            hint=self.tr("Optional: the bank's capital from the central budget."),
        )
        self.mobilised = self.add_field(
            "mobilised_amount",
            self.tr("Of which mobilised capital"),
            MoneyEdit(),
            hint=self.tr("Optional: deposits and members' savings the bank mobilised."),
        )
        self.as_of = self.add_field("as_of", self.tr("Figures as of"), DateEdit())
        self.source_note = self.add_field(
            "source_note",
            self.tr("Source of the figures"),
            QLineEdit(row.source_note if row else ""),
        )
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(row.notes if row else ""))
        if row is not None:
            self.total.set_value(row.total_capital)
            self.balance.set_value(row.entrusted_balance)
            self.central.set_value(row.central_amount)
            self.mobilised.set_value(row.mobilised_amount)
            self.as_of.set_value(row.as_of)

    def read(self, reader: ErrorCollector) -> CapitalInput:
        data = CapitalInput(
            year=self.year.value(),
            total_capital=reader.check(self.total.value, "total_capital"),
            entrusted_balance=reader.check(self.balance.value, "entrusted_balance", required=False),
            as_of=reader.check(self.as_of.value, "as_of", required=False),
            source_note=self.source_note.text(),
            notes=self.notes.value(),
            central_amount=reader.check(self.central.value, "central_amount", required=False),
            mobilised_amount=reader.check(self.mobilised.value, "mobilised_amount", required=False),
        )
        reader.check(validate_capital, data)
        return data


class CapitalListPage(RecordListPage[CapitalRow]):
    period_parts = False
    title = QT_TRANSLATE_NOOP("FundsPage", "Total capital by year")
    record_types = ("capital_total",)
    form_class = CapitalForm
    columns = (
        Column[CapitalRow](QT_TRANSLATE_NOOP("FundsPage", "Year"), lambda r: str(r.year)),
        Column[CapitalRow](
            QT_TRANSLATE_NOOP("FundsPage", "Total capital"),
            lambda r: r.total_capital,
            CellKind.MONEY,
        ),
        Column[CapitalRow](
            QT_TRANSLATE_NOOP("FundsPage", "Of which local entrusted capital"),
            lambda r: r.entrusted_balance,
            CellKind.MONEY,
        ),
        Column[CapitalRow](
            QT_TRANSLATE_NOOP("FundsPage", "Of which central capital"),
            lambda r: r.central_amount,
            CellKind.MONEY,
        ),
        Column[CapitalRow](
            QT_TRANSLATE_NOOP("FundsPage", "Of which mobilised capital"),
            lambda r: r.mobilised_amount,
            CellKind.MONEY,
        ),
        Column[CapitalRow](
            QT_TRANSLATE_NOOP("FundsPage", "Figures as of"), lambda r: r.as_of, CellKind.DATE
        ),
        Column[CapitalRow](
            QT_TRANSLATE_NOOP("FundsPage", "Source of the figures"), lambda r: r.source_note
        ),
        Column[CapitalRow](QT_TRANSLATE_NOOP("FundsPage", "Notes"), lambda r: r.notes),
    )

    def load_rows(self, session: Session) -> list[CapitalRow]:
        return list_capital(session, self.owner)

    def delete_row(self, session: Session, row: CapitalRow) -> int:
        return delete_capital(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_capital(session, record_id, expected_version=version)

    def describe(self, row: CapitalRow) -> str:
        return tr(QT_TRANSLATE_NOOP("FundsPage", "the total capital of {year}")).format(
            year=row.year
        )

    def period_of(self, row: CapitalRow) -> PeriodValue:
        return row.year


# -- the targets ------------------------------------------------------------------------------
INDICATOR_COLUMNS = [
    Column[EntrustedIndicators](QT_TRANSLATE_NOOP("FundsPage", "Year"), lambda i: str(i.year)),
    Column[EntrustedIndicators](
        QT_TRANSLATE_NOOP("FundsPage", "Transferred in the year"),
        lambda i: i.growth.transferred,
        CellKind.MONEY,
    ),
    Column[EntrustedIndicators](
        QT_TRANSLATE_NOOP("FundsPage", "Growth on the year before"),
        lambda i: i.growth.growth,
        CellKind.PERCENT,
    ),
    Column[EntrustedIndicators](
        QT_TRANSLATE_NOOP("FundsPage", "Growth target ≥ 20 %"),
        lambda i: status_label(i.growth.status),
    ),
    Column[EntrustedIndicators](
        QT_TRANSLATE_NOOP("FundsPage", "Still needed for +20 %"),
        lambda i: i.growth.still_needed,
        CellKind.MONEY,
    ),
    Column[EntrustedIndicators](
        QT_TRANSLATE_NOOP("FundsPage", "Total capital"),
        lambda i: i.share.total_capital,
        CellKind.MONEY,
    ),
    Column[EntrustedIndicators](
        QT_TRANSLATE_NOOP("FundsPage", "Entrusted capital"),
        lambda i: i.share.entrusted,
        CellKind.MONEY,
    ),
    Column[EntrustedIndicators](
        QT_TRANSLATE_NOOP("FundsPage", "Share of total capital"),
        lambda i: i.share.share,
        CellKind.PERCENT,
    ),
    Column[EntrustedIndicators](
        QT_TRANSLATE_NOOP("FundsPage", "Share target ≥ 20 % by 2030"),
        lambda i: status_label(i.share.status),
    ),
    Column[EntrustedIndicators](
        QT_TRANSLATE_NOOP("FundsPage", "Still needed for 20 %"),
        lambda i: i.share.still_needed,
        CellKind.MONEY,
    ),
]


class IndicatorsView(QWidget):
    """Both targets year by year, in a table and in two charts."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        note = QLabel(
            self.tr(
                "Plan II.4: each year the local budget transfers at least 20 % more than the "
                "year before, and by 2030 entrusted capital is at least 20 % of total capital. "
                "“Still needed” is what would have to be added to reach each target."
            )
        )
        note.setWordWrap(True)
        bar.addWidget(note, 1)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(lambda: self.export())
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model = RowTableModel(INDICATOR_COLUMNS, parent=self)
        self.view = make_table(self.model)
        self.view.setMaximumHeight(200)
        layout.addWidget(self.view)
        self.estimated = QLabel()
        self.estimated.setWordWrap(True)
        layout.addWidget(self.estimated)
        charts = QHBoxLayout()
        self.growth_chart = GrowthChart(self)
        self.share_chart = ShareChart(self)
        charts.addWidget(self.growth_chart)
        charts.addWidget(self.share_chart)
        layout.addLayout(charts, 1)
        # Transfers and totals recorded on the other tabs show here.
        watch(self, context.changes, ("entrusted_transfer",), self.reload)
        self.reload()

    def reload(self) -> None:
        with self.context.database.reading() as session:
            series = entrusted_series(session, self.context.office.own_records)
        self.model.set_rows(list(reversed(series)))
        fit_columns(self.view, widest=240)
        estimated = [str(i.year) for i in series if i.share.estimated]
        self.estimated.setText(
            self.tr(
                "Entrusted capital of {years} is estimated from the transfers recorded (VBSP "
                "gave no balance)."
            ).format(years=", ".join(estimated))
            if estimated
            else ""
        )
        self.estimated.setVisible(bool(estimated))
        self.growth_chart.set_series(series)
        self.share_chart.set_series(series)

    def export(self) -> None:
        title = tr(QT_TRANSLATE_NOOP("FundsPage", "Entrusted capital targets"))
        export_model(
            self, self.model, title, self.context.paths.reports, self.context.office.office_name
        )
