"""Loan-use checks, and the loans nobody has checked in the last twelve months."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton, QWidget
from sqlalchemy.orm import Session

from db.enums import CheckerKind, CheckResult
from desktop.core.database import Database
from desktop.core.errors import ErrorCollector, UserError
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.checks import (
    CheckInput,
    CheckRow,
    UncheckedLoan,
    create_check,
    delete_check,
    list_checks,
    loans_not_checked,
    restore_check,
    update_check,
)
from desktop.core.loans.loans import LoanRow, amount_text, get_loan, list_loans
from desktop.core.office import require_office
from desktop.core.text import file_words
from desktop.reports.builders.check_records import record_of_check
from desktop.reports.service import save_report
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.exporting import save_file_as, write_in_background
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import DateEdit, EnumCombo
from desktop.ui.list_page import CommuneRecordsPage
from desktop.ui.loans.common import PickerField
from desktop.ui.period_filter import PeriodValue
from desktop.ui.table_model import Column

LOAN_PICK_COLUMNS = [
    Column[LoanRow](QT_TRANSLATE_NOOP("ChecksTab", "Contract"), lambda r: r.contract_no),
    Column[LoanRow](QT_TRANSLATE_NOOP("ChecksTab", "Borrower"), lambda r: r.borrower_name),
    Column[LoanRow](QT_TRANSLATE_NOOP("ChecksTab", "Programme"), lambda r: r.programme_name),
    Column[LoanRow](QT_TRANSLATE_NOOP("ChecksTab", "Hamlet"), lambda r: r.hamlet_name),
    Column[LoanRow](
        QT_TRANSLATE_NOOP("ChecksTab", "Disbursed"), lambda r: r.disbursed_on, CellKind.DATE, False
    ),
    Column[LoanRow](
        QT_TRANSLATE_NOOP("ChecksTab", "Amount"),
        lambda r: r.amount_disbursed,
        CellKind.MONEY,
        False,
    ),
]


def loan_text(row: LoanRow) -> str:
    return tr(
        QT_TRANSLATE_NOOP("ChecksTab", "{contract} — {name}, {programme}, {amount} on {day}")
    ).format(
        contract=row.contract_no or "…",
        name=row.borrower_name,
        programme=row.programme_name,
        amount=amount_text(row.amount_disbursed),
        day=format_date(row.disbursed_on),
    )


M_PRINT = QT_TRANSLATE_NOOP("ChecksTab", "Print the record…")
M_SAVE_RECORD = QT_TRANSLATE_NOOP("ChecksTab", "Save the record of the check")
M_WRITING_RECORD = QT_TRANSLATE_NOOP("ChecksTab", "Writing the record of the check…")
M_RECORD_SAVED = QT_TRANSLATE_NOOP("ChecksTab", "The record of the check was saved to {path}")
PDF_FILTER = "PDF (*.pdf)"


def record_file_name(borrower: str, checked_on: date) -> str:
    """``Bien-ban-kiem-tra_Nguyen-Van-An_15-11-2025.pdf``."""
    return f"Bien-ban-kiem-tra_{file_words(borrower) or 'X'}_{checked_on:%d-%m-%Y}.pdf"


def print_record(
    parent: QWidget, database: Database, check_id: str, borrower: str, checked_on: date
) -> bool:
    """Ask where to save the record (biên bản) of the check, then write it as a PDF off the
    GUI thread and say where it went; False when the person cancelled."""
    target = save_file_as(
        parent,
        tr(M_SAVE_RECORD),
        database.paths.reports / record_file_name(borrower, checked_on),
        PDF_FILTER,
    )
    if target is None:
        return False

    def write(path: Path) -> Path:
        return save_report(record_of_check(database, check_id), path)

    write_in_background(
        parent, target, write, label=tr(M_WRITING_RECORD), done_text=tr(M_RECORD_SAVED)
    )
    return True


class CheckForm(RecordForm[CheckInput]):
    def __init__(
        self,
        database: Database,
        row: CheckRow | None,
        parent: QWidget | None = None,
        *,
        loan: LoanRow | None = None,
    ) -> None:
        super().__init__(
            tr(QT_TRANSLATE_NOOP("ChecksTab", "Loan-use check")),
            parent,
            editing=row,
            create=create_check,
            update=update_check,
        )
        self.database, self.row = database, row
        self.chosen_loan: LoanRow | None = None
        #: Saves the check when it changed, then prints its record.
        self.print_button = self.buttons.addButton(
            tr(M_PRINT), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.clicked.connect(self.print_record)
        with database.reading() as session:
            owner = require_office(session).own_records
            if row is not None:
                loan = get_loan(session, row.loan_id)

        def load_loans() -> list[LoanRow]:
            with database.reading() as session:
                return list_loans(session, owner)

        self.loan: PickerField[LoanRow] = self.add_field(
            "loan_id",
            tr(QT_TRANSLATE_NOOP("ChecksTab", "Loan")),
            PickerField(
                tr(QT_TRANSLATE_NOOP("ChecksTab", "Choose the loan")),
                LOAN_PICK_COLUMNS,
                load_loans,
                loan_text,
                lambda r: r.id,
            ),
        )
        self.checked_on: DateEdit = self.add_field(
            "checked_on", tr(QT_TRANSLATE_NOOP("ChecksTab", "Date of the check")), DateEdit()
        )
        self.checker_kind: EnumCombo[CheckerKind] = self.add_field(
            "checker_kind",
            tr(QT_TRANSLATE_NOOP("ChecksTab", "Checked by")),
            EnumCombo(CheckerKind, optional=True),
        )
        self.checker_name = self.add_field(
            "checker_name",
            tr(QT_TRANSLATE_NOOP("ChecksTab", "Name of who checked")),
            QLineEdit(),
        )
        self.stated_use = self.add_field(
            "stated_use", tr(QT_TRANSLATE_NOOP("ChecksTab", "Stated use")), QLineEdit()
        )
        self.actual_use = self.add_field(
            "actual_use", tr(QT_TRANSLATE_NOOP("ChecksTab", "Actual use")), QLineEdit()
        )
        self.outcome: EnumCombo[CheckResult] = self.add_field(
            "result",
            tr(QT_TRANSLATE_NOOP("ChecksTab", "Result")),
            EnumCombo(CheckResult, optional=True),
        )
        self.action_required = self.add_field(
            "action_required",
            tr(QT_TRANSLATE_NOOP("ChecksTab", "Action required")),
            QLineEdit(),
            hint=tr(QT_TRANSLATE_NOOP("ChecksTab", "e.g. early recovery, check again")),
        )
        self.follow_up_on: DateEdit = self.add_field(
            "follow_up_on", tr(QT_TRANSLATE_NOOP("ChecksTab", "Follow up on")), DateEdit()
        )
        self.notes = self.add_field(
            "notes", tr(QT_TRANSLATE_NOOP("ChecksTab", "Notes")), QLineEdit()
        )
        self.loan.on_change = self._loan_chosen
        if loan is not None:
            self.loan.set_row(loan)
        if row is not None:
            self.checked_on.set_value(row.checked_on)
            self.checker_kind.set_value(row.checker_kind)
            self.checker_name.setText(row.checker_name)
            self.stated_use.setText(row.stated_use)
            self.actual_use.setText(row.actual_use)
            self.outcome.set_value(row.result)
            self.action_required.setText(row.action_required)
            self.follow_up_on.set_value(row.follow_up_on)
            self.notes.setText(row.notes)
        else:
            self.checked_on.set_value(date.today())
        self.resize(640, 600)

    def _loan_chosen(self, loan: LoanRow) -> None:
        self.chosen_loan = loan
        if not self.stated_use.text().strip():
            self.stated_use.setText(loan.purpose)

    def read(self, reader: ErrorCollector) -> CheckInput:
        checked = reader.check(self.checked_on.value, "checked_on")
        follow_up = reader.check(self.follow_up_on.value, "follow_up_on", required=False)
        reader.raise_if_any()
        data = CheckInput(
            loan_id=self.loan.value(),
            checked_on=checked,
            checker_kind=self.checker_kind.value(),
            result=self.outcome.value(),
            checker_name=self.checker_name.text(),
            stated_use=self.stated_use.text(),
            actual_use=self.actual_use.text(),
            action_required=self.action_required.text(),
            follow_up_on=follow_up,
            notes=self.notes.text(),
        )
        return data

    def print_record(self) -> None:
        """Print the record (biên bản) of this check: what the form shows is saved first
        (a new check, or changed fields), with the form's own checks; then the PDF."""
        saved = False
        if self.row is None or self.has_unsaved_changes():
            self.clear_errors()
            try:
                self.submit()
            except UserError as error:
                self.show_error(error)
                return
            saved = True
        check_id = self.saved_id or (self.row.id if self.row is not None else None)
        checked_on = self.checked_on.value("checked_on")
        name = self.chosen_loan.borrower_name if self.chosen_loan is not None else ""
        assert check_id is not None and checked_on is not None
        parent = self.parentWidget() or self
        if print_record(parent, self.database, check_id, name, checked_on) or saved:
            self.done(QDialog.DialogCode.Accepted)


class ChecksTab(CommuneRecordsPage[CheckRow]):
    title = QT_TRANSLATE_NOOP("ChecksTab", "Loan-use checks")
    record_types = ("loan_check",)

    @property
    def columns(self) -> list[Column[CheckRow]]:  # type: ignore[override]
        return [
            *self.commune_column(lambda r: r.commune_code),
            Column[CheckRow](
                QT_TRANSLATE_NOOP("ChecksTab", "Date"), lambda r: r.checked_on, CellKind.DATE, False
            ),
            Column[CheckRow](QT_TRANSLATE_NOOP("ChecksTab", "Contract"), lambda r: r.contract_no),
            Column[CheckRow](QT_TRANSLATE_NOOP("ChecksTab", "Borrower"), lambda r: r.borrower_name),
            Column[CheckRow](QT_TRANSLATE_NOOP("ChecksTab", "Hamlet"), lambda r: r.hamlet_name),
            Column[CheckRow](
                QT_TRANSLATE_NOOP("ChecksTab", "Programme"), lambda r: r.programme_name
            ),
            Column[CheckRow](
                QT_TRANSLATE_NOOP("ChecksTab", "Checked by"), lambda r: r.checker_kind
            ),
            Column[CheckRow](QT_TRANSLATE_NOOP("ChecksTab", "Result"), lambda r: r.result),
            Column[CheckRow](QT_TRANSLATE_NOOP("ChecksTab", "Stated use"), lambda r: r.stated_use),
            Column[CheckRow](QT_TRANSLATE_NOOP("ChecksTab", "Actual use"), lambda r: r.actual_use),
            Column[CheckRow](
                QT_TRANSLATE_NOOP("ChecksTab", "Action required"), lambda r: r.action_required
            ),
            Column[CheckRow](
                QT_TRANSLATE_NOOP("ChecksTab", "Follow up on"),
                lambda r: r.follow_up_on,
                CellKind.DATE,
                False,
            ),
        ]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.print_button = QPushButton(tr(M_PRINT))
        self.insert_button(self.print_button)
        self.print_button.clicked.connect(self.print_selected)

    def load_rows(self, session: Session) -> list[CheckRow]:
        return list_checks(session, self.owner)

    def print_selected(self) -> None:
        """The record (biên bản) of the selected check, as a PDF."""
        row = self.selected()
        if row is not None:
            print_record(self, self.context.database, row.id, row.borrower_name, row.checked_on)

    def period_of(self, row: CheckRow) -> PeriodValue:
        return row.checked_on

    def open_form(self, row: CheckRow | None) -> bool:
        form = CheckForm(self.context.database, row, self)
        return form.exec() == QDialog.DialogCode.Accepted

    def delete_row(self, session: Session, row: CheckRow) -> int:
        return delete_check(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_check(session, record_id, expected_version=version)

    def describe(self, row: CheckRow) -> str:
        return tr(
            QT_TRANSLATE_NOOP("ChecksTab", "the check of {day} on the loan of {name}")
        ).format(day=format_date(row.checked_on), name=row.borrower_name)


class UncheckedTab(CommuneRecordsPage[UncheckedLoan]):
    """Read-only: loans with a balance not checked in the last 12 months."""

    title = QT_TRANSLATE_NOOP("ChecksTab", "Loans not checked in 12 months")
    record_types = ("loan",)
    editable = False

    @property
    def columns(self) -> list[Column[UncheckedLoan]]:  # type: ignore[override]
        return [
            *self.commune_column(lambda r: r.commune_code),
            Column[UncheckedLoan](
                QT_TRANSLATE_NOOP("ChecksTab", "Contract"), lambda r: r.contract_no
            ),
            Column[UncheckedLoan](
                QT_TRANSLATE_NOOP("ChecksTab", "Borrower"), lambda r: r.borrower_name
            ),
            Column[UncheckedLoan](
                QT_TRANSLATE_NOOP("ChecksTab", "Hamlet"), lambda r: r.hamlet_name
            ),
            Column[UncheckedLoan](QT_TRANSLATE_NOOP("ChecksTab", "Group"), lambda r: r.group_name),
            Column[UncheckedLoan](
                QT_TRANSLATE_NOOP("ChecksTab", "Organisation"), lambda r: r.organisation_name
            ),
            Column[UncheckedLoan](
                QT_TRANSLATE_NOOP("ChecksTab", "Programme"), lambda r: r.programme_name
            ),
            Column[UncheckedLoan](
                QT_TRANSLATE_NOOP("ChecksTab", "Disbursed"),
                lambda r: r.disbursed_on,
                CellKind.DATE,
                False,
            ),
            Column[UncheckedLoan](
                QT_TRANSLATE_NOOP("ChecksTab", "Outstanding"),
                lambda r: r.outstanding,
                CellKind.MONEY,
                False,
            ),
            Column[UncheckedLoan](
                QT_TRANSLATE_NOOP("ChecksTab", "Last check"),
                lambda r: r.last_checked_on,
                CellKind.DATE,
                False,
                display=lambda v: (
                    format_date(v) if v else tr(QT_TRANSLATE_NOOP("ChecksTab", "never"))
                ),
            ),
        ]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.check_button = QPushButton(tr(QT_TRANSLATE_NOOP("ChecksTab", "Record a check…")))
        self.insert_button(self.check_button)
        self.check_button.setVisible(not context.office.is_city)
        self.check_button.clicked.connect(self.record_check)
        self.view.doubleClicked.connect(lambda _i: self.record_check())

    def row_id(self, row: UncheckedLoan) -> str:
        return row.loan_id

    def load_rows(self, session: Session) -> list[UncheckedLoan]:
        return loans_not_checked(session, self.owner)

    def record_check(self) -> None:
        if self.context.office.is_city:
            return
        row = self.selected()
        if row is None:
            return
        with self.context.database.reading() as session:
            loan = get_loan(session, row.loan_id)
        form = CheckForm(self.context.database, None, self, loan=loan)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.reload()
