"""A loan's balance history: dated snapshots of what is outstanding, overdue and frozen,
listed in a dialog of their own, each added or corrected with its form."""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget
from sqlalchemy.orm import Session

from desktop.core.database import Database
from desktop.core.errors import ErrorCollector
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.balances import (
    ALL_PARTS,
    PART_LABELS,
    BalanceInput,
    BalanceRow,
    add_balance,
    balance_history,
    delete_balance,
    restore_balance,
    update_balance,
)
from desktop.core.loans.loans import LoanRow, amount_text
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import DateEdit, MoneyEdit
from desktop.ui.list_page import ListDialog, ListPage
from desktop.ui.table_model import Column


class BalanceForm(RecordForm[BalanceInput]):
    """One snapshot: the balance by debt category on a date."""

    def __init__(
        self,
        database: Database,
        loan: LoanRow,
        row: BalanceRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            tr(QT_TRANSLATE_NOOP("LoansTab", "Balance as of a date")),
            parent,
            editing=row,
            update=update_balance,
        )
        self.database, self.loan, self.row = database, loan, row
        self.as_of: DateEdit = self.add_field(
            "as_of", tr(QT_TRANSLATE_NOOP("LoansTab", "As of")), DateEdit()
        )
        self.parts: dict[str, MoneyEdit] = {}
        for part in ALL_PARTS:
            self.parts[part] = self.add_field(part, tr(PART_LABELS[part]), MoneyEdit())
        self.overdue_since: DateEdit = self.add_field(
            "overdue_since", tr(QT_TRANSLATE_NOOP("LoansTab", "Overdue since")), DateEdit()
        )
        self.notes = self.add_field(
            "notes", tr(QT_TRANSLATE_NOOP("LoansTab", "Notes")), QLineEdit()
        )
        if row is not None:
            self.as_of.set_value(row.as_of)
            for part, edit in self.parts.items():
                edit.set_value(getattr(row, part))
            self.overdue_since.set_value(row.overdue_since)
            self.notes.setText(row.notes)
        else:
            self.as_of.set_value(date.today())
        self.resize(560, 560)

    def read(self, reader: ErrorCollector) -> BalanceInput:
        as_of = reader.check(self.as_of.value, "as_of")
        amounts: dict[str, int] = {}
        for part, edit in self.parts.items():
            amount: int | None = reader.check(edit.value, part, required=False)
            amounts[part] = amount or 0
        since = reader.check(self.overdue_since.value, "overdue_since", required=False)
        reader.raise_if_any()
        data = BalanceInput(as_of=as_of, overdue_since=since, notes=self.notes.text(), **amounts)
        return data

    def create_record(self, session: Session, data: BalanceInput) -> str:
        return add_balance(session, self.loan.id, data)


BALANCE_COLUMNS = [
    Column[BalanceRow](QT_TRANSLATE_NOOP("LoansTab", "As of"), lambda b: b.as_of, CellKind.DATE),
    Column[BalanceRow](
        QT_TRANSLATE_NOOP("LoansTab", "Outstanding"), lambda b: b.outstanding, CellKind.MONEY
    ),
    *[
        Column[BalanceRow](PART_LABELS[part], attrgetter(part), CellKind.MONEY)
        for part in ALL_PARTS
    ],
    Column[BalanceRow](
        QT_TRANSLATE_NOOP("LoansTab", "Overdue since"), lambda b: b.overdue_since, CellKind.DATE
    ),
    Column[BalanceRow](QT_TRANSLATE_NOOP("LoansTab", "Notes"), lambda b: b.notes),
]


class BalanceHistory(ListPage[BalanceRow]):
    """A loan's balance history, newest first; each update is a new dated snapshot."""

    title = QT_TRANSLATE_NOOP("LoansTab", "Balances")
    columns = BALANCE_COLUMNS
    record_types = ("loan_balance",)
    show_title = False

    def __init__(self, context: AppContext, loan: LoanRow, parent: QWidget | None = None):
        self.loan = loan
        #: Balances belong to the communes: read only at the city.
        self.editable = not context.office.is_city
        super().__init__(context, parent)

    def load_rows(self, session: Session) -> list[BalanceRow]:
        return balance_history(session, self.loan.id)

    def open_form(self, row: BalanceRow | None) -> bool:
        form = BalanceForm(self.context.database, self.loan, row, self)
        return form.exec() == QDialog.DialogCode.Accepted

    def delete_row(self, session: Session, row: BalanceRow) -> int:
        return delete_balance(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_balance(session, record_id, expected_version=version)

    def row_id(self, row: BalanceRow) -> str:
        return row.id

    def describe(self, row: BalanceRow) -> str:
        return tr(QT_TRANSLATE_NOOP("LoansTab", "the balance of {day}")).format(
            day=format_date(row.as_of)
        )


def balance_dialog(context: AppContext, loan: LoanRow, parent: QWidget | None = None) -> ListDialog:
    title = tr(QT_TRANSLATE_NOOP("LoansTab", "Balances of {contract} — {name}")).format(
        contract=loan.contract_no or "…", name=loan.borrower_name
    )
    header = tr(
        QT_TRANSLATE_NOOP(
            "LoansTab", "{programme} · disbursed {amount} on {day} · matures {maturity}"
        )
    ).format(
        programme=loan.programme_name,
        amount=amount_text(loan.amount_disbursed),
        day=format_date(loan.disbursed_on),
        maturity=format_date(loan.maturity_on) or "—",
    )
    page = BalanceHistory(context, loan)
    return ListDialog(page, title, parent, header=header, size=(1100, 460))
