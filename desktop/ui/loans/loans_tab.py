"""Loans: the list, showing each loan's situation as of any date (the form is in
``loan_form``, the balance history in ``balances``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget
from sqlalchemy.orm import Session

from desktop.core.errors import ValidationError
from desktop.core.formatting import format_rate_bp
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.loans import LoanRow, delete_loan, get_loan, list_loans, restore_loan
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.inputs import DateEdit
from desktop.ui.list_page import CommuneRecordsPage
from desktop.ui.loans.balances import balance_dialog
from desktop.ui.loans.loan_form import LoanForm
from desktop.ui.table_model import Column


def _outstanding(row: LoanRow) -> int:
    return row.outstanding


def _overdue(row: LoanRow) -> int:
    return row.overdue_amount


def _frozen(row: LoanRow) -> int:
    return row.frozen_amount


def known(amount: Callable[[LoanRow], int]) -> Callable[[LoanRow], int | None]:
    """Balances of a loan with no snapshot on the day are unknown (blank), not zero."""
    return lambda row: None if row.balance_as_of is None else amount(row)


class LoansTab(CommuneRecordsPage[LoanRow]):
    title = QT_TRANSLATE_NOOP("LoansTab", "Loans")
    record_types = ("loan", "loan_balance")

    @property
    def columns(self) -> list[Column[LoanRow]]:  # type: ignore[override]
        money, day, number = CellKind.MONEY, CellKind.DATE, CellKind.NUMBER
        return [
            *self.commune_column(lambda r: r.commune_code),
            Column[LoanRow](QT_TRANSLATE_NOOP("LoansTab", "Contract"), lambda r: r.contract_no),
            Column[LoanRow](QT_TRANSLATE_NOOP("LoansTab", "Borrower"), lambda r: r.borrower_name),
            Column[LoanRow](QT_TRANSLATE_NOOP("LoansTab", "Citizen ID"), lambda r: r.citizen_id),
            Column[LoanRow](QT_TRANSLATE_NOOP("LoansTab", "Hamlet"), lambda r: r.hamlet_name),
            Column[LoanRow](QT_TRANSLATE_NOOP("LoansTab", "Programme"), lambda r: r.programme_name),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Rate a year"),
                lambda r: r.rate_bp,
                number,
                False,
                display=format_rate_bp,
            ),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Organisation"), lambda r: r.organisation_name
            ),
            Column[LoanRow](QT_TRANSLATE_NOOP("LoansTab", "Group"), lambda r: r.group_name),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Amount"), lambda r: r.amount_disbursed, money, False
            ),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Disbursed"), lambda r: r.disbursed_on, day, False
            ),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Matures"), lambda r: r.maturity_on, day, False
            ),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Balance as of"),
                lambda r: r.balance_as_of,
                day,
                False,
            ),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Outstanding"), known(_outstanding), money, False
            ),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Overdue"), known(_overdue), money, False
            ),
            Column[LoanRow](QT_TRANSLATE_NOOP("LoansTab", "Frozen"), known(_frozen), money, False),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Overdue since"),
                lambda r: r.overdue_since,
                day,
                False,
            ),
            Column[LoanRow](
                QT_TRANSLATE_NOOP("LoansTab", "Last check"), lambda r: r.last_checked_on, day, False
            ),
            Column[LoanRow](QT_TRANSLATE_NOOP("LoansTab", "Purpose"), lambda r: r.purpose),
        ]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.as_of = date.today()
        super().__init__(context, parent)
        second = FlowLayout()  # wraps on a narrow window
        self.page_layout.insertLayout(2, second)
        self.as_of_label = QLabel(tr(QT_TRANSLATE_NOOP("LoansTab", "Situation as of")))
        self.as_of_edit = DateEdit()
        self.as_of_edit.set_value(self.as_of)
        self.as_of_edit.setMinimumWidth(130)
        self.as_of_button = QPushButton(tr(QT_TRANSLATE_NOOP("LoansTab", "Show")))
        self.balances_button = QPushButton(tr(QT_TRANSLATE_NOOP("LoansTab", "Balance history…")))
        self.check_button = QPushButton(tr(QT_TRANSLATE_NOOP("LoansTab", "Record a check…")))
        self.import_button = QPushButton(tr(QT_TRANSLATE_NOOP("LoansTab", "Import from Excel…")))
        for widget in (self.as_of_label, self.as_of_edit, self.as_of_button):
            second.addWidget(widget)
        second.addStretch(1)
        for button in (self.balances_button, self.check_button, self.import_button):
            second.addWidget(button)
        self.check_button.setVisible(self.editable)
        self.import_button.setVisible(self.editable)
        self.as_of_button.clicked.connect(self.show_as_of)
        self.as_of_edit.returnPressed.connect(self.show_as_of)
        self.balances_button.clicked.connect(self.show_balances)
        self.check_button.clicked.connect(self.record_check)
        self.import_button.clicked.connect(self.import_excel)

    def show_as_of(self) -> None:
        try:
            day = self.as_of_edit.value("as_of")
        except ValidationError as error:
            show_error(self, error)
            return
        assert day is not None
        self.as_of = day
        self.reload()

    def load_rows(self, session: Session) -> list[LoanRow]:
        return list_loans(session, self.owner, as_of=self.as_of)

    def open_form(self, row: LoanRow | None) -> bool:
        form = LoanForm(self.context.database, row, self)
        accepted = form.exec() == QDialog.DialogCode.Accepted
        if accepted and form.saved_id:
            self._pending_select = form.saved_id
        return accepted

    def delete_row(self, session: Session, row: LoanRow) -> int:
        return delete_loan(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_loan(session, record_id, expected_version=version)

    def describe(self, row: LoanRow) -> str:
        return tr(QT_TRANSLATE_NOOP("LoansTab", "the loan {contract} of {name}")).format(
            contract=row.contract_no or "", name=row.borrower_name
        )

    def show_balances(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = balance_dialog(self.context, row, self)
        dialog.exec()
        if dialog.changed:
            self.reload()
            self.select_id(row.id)

    def record_check(self) -> None:
        row = self.selected()
        if row is None:
            return
        from desktop.ui.loans.checks_tab import CheckForm

        with self.context.database.reading() as session:
            loan = get_loan(session, row.id)
        form = CheckForm(self.context.database, None, self, loan=loan)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.select_id(row.id)

    def import_excel(self) -> None:
        from desktop.ui.loans.import_wizard import ImportWizard

        wizard = ImportWizard(self.context, self)
        wizard.exec()
        if wizard.imported:
            self.reload()
