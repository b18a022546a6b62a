"""Deposits and sponsorship of organisations and individuals: the list and the form."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget
from sqlalchemy.orm import Session

from db.enums import DepositKind, PartyType
from desktop.core.errors import ErrorCollector
from desktop.core.formatting import format_date, format_money
from desktop.core.funds.deposits import (
    DepositInput,
    DepositRow,
    create_deposit,
    delete_deposit,
    list_deposits,
    restore_deposit,
    update_deposit,
    validate_deposit,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import DateEdit, EnumCombo, MoneyEdit
from desktop.ui.period_filter import PeriodValue
from desktop.ui.recording.forms import TextArea
from desktop.ui.recording.lists import RecordListPage
from desktop.ui.table_model import Column


class DepositForm(RecordForm[DepositInput]):
    def __init__(
        self, context: AppContext, row: DepositRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("New deposit or sponsorship")
            if row is None
            else self.tr("Deposit or sponsorship"),
            parent,
            editing=row,
            create=create_deposit,
            update=update_deposit,
        )
        self.context, self.row, self.database = context, row, context.database
        self.kind: EnumCombo[DepositKind] = self.add_field(
            "kind", self.tr("Kind"), EnumCombo(DepositKind)
        )
        self.party_name = self.add_field(
            "party_name",
            self.tr("Organisation or person"),
            QLineEdit(row.party_name if row else ""),
        )
        self.party_type: EnumCombo[PartyType] = self.add_field(
            "party_type", self.tr("Organisation or individual"), EnumCombo(PartyType)
        )
        self.amount = self.add_field("amount", self.tr("Amount"), MoneyEdit())
        self.transacted_on = self.add_field("transacted_on", self.tr("Date"), DateEdit())
        self.term = QSpinBox()
        self.term.setRange(0, 360)
        self.term.setSpecialValueText(self.tr("no term"))
        self.term.setSuffix(self.tr(" months"))
        self.add_field("term_months", self.tr("Term"), self.term)
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(row.notes if row else ""))
        if row is not None:
            self.kind.set_value(row.kind)
            self.party_type.set_value(row.party_type)
            self.amount.set_value(row.amount)
            self.transacted_on.set_value(row.transacted_on)
            self.term.setValue(row.term_months or 0)
        else:
            self.transacted_on.set_value(date.today())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        deposit = self.kind.value() is DepositKind.TIEN_GUI
        self.term.setEnabled(deposit)
        if not deposit:
            self.term.setValue(0)

    def read(self, errors: ErrorCollector) -> DepositInput:
        data = DepositInput(
            kind=self.kind.value(),
            party_name=self.party_name.text(),
            party_type=self.party_type.value(),
            amount=errors.check(self.amount.value, "amount"),
            transacted_on=errors.check(self.transacted_on.value, "transacted_on"),
            term_months=self.term.value() or None,
            notes=self.notes.value(),
        )
        errors.check(validate_deposit, data)
        return data


def _term(months: int | None) -> str:
    return "" if months is None else str(months)


class DepositListPage(RecordListPage[DepositRow]):
    title = QT_TRANSLATE_NOOP("FundsPage", "Deposits and sponsorship")
    record_types = ("deposit",)
    form_class = DepositForm
    columns = (
        Column[DepositRow](
            QT_TRANSLATE_NOOP("FundsPage", "Date"), lambda r: r.transacted_on, CellKind.DATE
        ),
        Column[DepositRow](QT_TRANSLATE_NOOP("FundsPage", "Kind"), lambda r: r.kind),
        Column[DepositRow](
            QT_TRANSLATE_NOOP("FundsPage", "Organisation or person"), lambda r: r.party_name
        ),
        Column[DepositRow](
            QT_TRANSLATE_NOOP("FundsPage", "Organisation or individual"), lambda r: r.party_type
        ),
        Column[DepositRow](
            QT_TRANSLATE_NOOP("FundsPage", "Amount"), lambda r: r.amount, CellKind.MONEY
        ),
        Column[DepositRow](
            QT_TRANSLATE_NOOP("FundsPage", "Term (months)"),
            lambda r: r.term_months,
            CellKind.NUMBER,
            display=_term,
        ),
        Column[DepositRow](QT_TRANSLATE_NOOP("FundsPage", "Notes"), lambda r: r.notes),
    )

    def load_rows(self, session: Session) -> list[DepositRow]:
        return list_deposits(session, self.owner)

    def delete_row(self, session: Session, row: DepositRow) -> int:
        return delete_deposit(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_deposit(session, record_id, expected_version=version)

    def describe(self, row: DepositRow) -> str:
        return tr(QT_TRANSLATE_NOOP("FundsPage", "the record of {party} ({amount}, {day})")).format(
            party=row.party_name,
            amount=format_money(row.amount),
            day=format_date(row.transacted_on),
        )

    def period_of(self, row: DepositRow) -> PeriodValue:
        return row.transacted_on

    def amount_of(self, row: DepositRow) -> int | None:
        return row.amount
