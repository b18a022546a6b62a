"""Loans: the list (the situation as of any date), the form, and each loan's balance
history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from db.models import Loan
from desktop.core.database import Database
from desktop.core.errors import ValidationError
from desktop.core.formatting import format_date, format_rate_bp
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
from desktop.core.loans.borrowers import BorrowerRow, borrower_group, list_borrowers
from desktop.core.loans.common import organisations
from desktop.core.loans.groups import group_choices, group_organisations
from desktop.core.loans.loans import (
    LoanInput,
    LoanRow,
    amount_text,
    create_loan,
    delete_loan,
    get_loan,
    list_loans,
    organising_group,
    restore_loan,
    update_loan,
)
from desktop.core.office import require_office
from desktop.core.programmes import programmes, rate_on
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error
from desktop.ui.field_limits import limited_edit
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.forms import FieldReader, RecordForm
from desktop.ui.inputs import ChoiceCombo, DateEdit, MoneyEdit
from desktop.ui.list_page import ListDialog, ListPage
from desktop.ui.loans.common import AsyncListPage, PickerField, plain, rate_value
from desktop.ui.table_model import Column

BORROWER_PICK_COLUMNS = [
    Column[BorrowerRow](QT_TRANSLATE_NOOP("LoansTab", "Full name"), lambda b: b.full_name),
    Column[BorrowerRow](QT_TRANSLATE_NOOP("LoansTab", "Citizen ID"), lambda b: b.citizen_id),
    Column[BorrowerRow](
        QT_TRANSLATE_NOOP("LoansTab", "Year of birth"),
        lambda b: b.birth_year,
        display=lambda v: "" if v is None else str(v),
    ),
    Column[BorrowerRow](QT_TRANSLATE_NOOP("LoansTab", "Hamlet"), lambda b: b.hamlet_name),
    Column[BorrowerRow](QT_TRANSLATE_NOOP("LoansTab", "Group"), lambda b: b.group_name),
]


M_OTHER_GROUP = QT_TRANSLATE_NOOP(
    "LoansTab", "{name} is recorded in the group {group}; this loan is in another group."
)
M_NO_GROUP = QT_TRANSLATE_NOOP(
    "LoansTab", "{name} is recorded in the group {group}; this loan is in no group."
)
M_OTHER_ORGANISATION = QT_TRANSLATE_NOOP(
    "LoansTab", "The group {group} is run by {organisation}; this loan is under another one."
)
M_ORGANISATION_FROM_GROUP = QT_TRANSLATE_NOOP(
    "LoansTab", "Left empty, the loan is saved under {organisation}, which runs {group}."
)
# Dark amber: a remark to read, not an error that stops the save.
NOTE_STYLE = "color: #8a4b00"


def borrower_text(row: BorrowerRow | LoanRow) -> str:
    """``Trần Thị Bình (092190000002 · Khu vực 2)``: the borrower as the loan form names them."""
    name = row.full_name if isinstance(row, BorrowerRow) else row.borrower_name
    extra = " · ".join(p for p in (row.citizen_id, row.hamlet_name) if p)
    return f"{name} ({extra})" if extra else name


class LoanForm(RecordForm):
    """A loan. Choosing the borrower fills in the group the borrower is in and the
    organisation that runs it; both stay editable, and a line under them says when they no
    longer agree with the borrower's group."""

    def __init__(
        self,
        database: Database,
        row: LoanRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            tr(QT_TRANSLATE_NOOP("LoansTab", "Loan"))
            if row is None
            else tr(QT_TRANSLATE_NOOP("LoansTab", "Loan of {name}")).format(name=row.borrower_name),
            parent,
        )
        self.database, self.row = database, row
        with database.reading() as session:
            owner = require_office(session).own_records
            programme_list = [(p.code, p.short_name) for p in programmes(session) if p.active]
            orgs = [(o.code, o.short_name) for o in organisations(session)]
            groups = group_choices(session, owner)
            self._group_orgs = group_organisations(session, owner)
            # The group the borrower is recorded in, and the borrower's name.
            self._borrower_group = (
                borrower_group(session, row.borrower_id) if row is not None else None
            )
        self._borrower_name = row.borrower_name if row is not None else ""
        self._group_labels = dict(groups)
        self._org_labels = dict(orgs)

        def load_borrowers() -> list[BorrowerRow]:
            with database.reading() as session:
                return list_borrowers(session, owner)

        self.borrower: PickerField[BorrowerRow] = self.add_field(  # type: ignore[assignment]
            "borrower_id",
            tr(QT_TRANSLATE_NOOP("LoansTab", "Borrower")),
            PickerField(
                tr(QT_TRANSLATE_NOOP("LoansTab", "Choose the borrower")),
                BORROWER_PICK_COLUMNS,
                load_borrowers,
                borrower_text,
                lambda b: b.id,
            ),
        )
        self.programme = self.add_field(
            "programme_code",
            tr(QT_TRANSLATE_NOOP("LoansTab", "Programme")),
            ChoiceCombo(programme_list, optional=True),
        )
        self.contract_no = self.add_field(
            "contract_no",
            tr(QT_TRANSLATE_NOOP("LoansTab", "Contract number")),
            limited_edit(Loan.contract_no),
        )
        self.amount: MoneyEdit = self.add_field(  # type: ignore[assignment]
            "amount_disbursed", tr(QT_TRANSLATE_NOOP("LoansTab", "Amount disbursed")), MoneyEdit()
        )
        self.disbursed_on: DateEdit = self.add_field(  # type: ignore[assignment]
            "disbursed_on", tr(QT_TRANSLATE_NOOP("LoansTab", "Disbursement date")), DateEdit()
        )
        self.maturity_on: DateEdit = self.add_field(  # type: ignore[assignment]
            "maturity_on", tr(QT_TRANSLATE_NOOP("LoansTab", "Maturity date")), DateEdit()
        )
        self.rate = self.add_field(
            "rate_bp",
            tr(QT_TRANSLATE_NOOP("LoansTab", "Rate (% a year)")),
            QLineEdit(),
            hint=tr(
                QT_TRANSLATE_NOOP(
                    "LoansTab",
                    "Filled from the programme's rate on the disbursement date; change it if "
                    "the contract says otherwise.",
                )
            ),
        )
        self.group = self.add_field(
            "group_id",
            plain(tr(QT_TRANSLATE_NOOP("LoansTab", "Savings-and-loan group"))),
            ChoiceCombo(groups, optional=True),
        )
        self.organisation = self.add_field(
            "organisation_code",
            tr(QT_TRANSLATE_NOOP("LoansTab", "Organisation")),
            ChoiceCombo(orgs, optional=True),
        )
        self.placement_note = QLabel()
        self.placement_note.setObjectName("placementNote")
        self.placement_note.setStyleSheet(NOTE_STYLE)
        self.placement_note.setWordWrap(True)
        self.placement_note.hide()
        self.form.addRow("", self.placement_note)
        self.purpose = self.add_field(
            "purpose", tr(QT_TRANSLATE_NOOP("LoansTab", "Purpose")), limited_edit(Loan.purpose)
        )
        self.notes = self.add_field(
            "notes", tr(QT_TRANSLATE_NOOP("LoansTab", "Notes")), QLineEdit()
        )
        if row is not None:
            self.borrower._value = row.borrower_id
            self.borrower.text.setText(borrower_text(row))
            self.programme.set_value(row.programme_code)
            self.contract_no.setText(row.contract_no)
            self.amount.set_value(row.amount_disbursed)
            if row.amount_disbursed is None:
                self.amount.setPlaceholderText(amount_text(None))
            self.disbursed_on.set_value(row.disbursed_on)
            self.maturity_on.set_value(row.maturity_on)
            self.rate.setText(format_rate_bp(row.rate_bp))
            self.organisation.set_value(row.organisation_code)
            self.group.set_value(row.group_id)
            self.purpose.setText(row.purpose)
            self.notes.setText(row.notes)
        self._rate_typed = row is not None
        # What choosing the borrower filled in, so that choosing another one replaces it.
        self._filled_group: str | None = None
        self._filled_organisation: str | None = None
        self.borrower.on_change = self._borrower_chosen
        self.group.currentIndexChanged.connect(self._group_chosen)
        self.organisation.currentIndexChanged.connect(self._show_placement)
        self._show_placement()
        self.rate.textEdited.connect(self._rate_edited)
        self.programme.currentIndexChanged.connect(self._suggest_rate)
        self.disbursed_on.editingFinished.connect(self._suggest_rate)
        self.saved_id: str | None = None
        self.resize(640, 600)

    def _borrower_chosen(self, borrower: BorrowerRow) -> None:
        """The loan goes in the borrower's group, under the organisation that runs it. A
        borrower in no group clears only what an earlier choice filled in, never a group or
        organisation the loan already had."""
        self._borrower_name, self._borrower_group = borrower.full_name, borrower.group_id
        if borrower.group_id is not None or self.group.value() == self._filled_group:
            self._filled_group = borrower.group_id
            self.group.set_value(borrower.group_id)
        self._group_chosen()

    def _group_chosen(self) -> None:
        """The organisation that runs the group chosen, when one is recorded."""
        organisation = self._group_orgs.get(self.group.value() or "")
        if organisation or self.organisation.value() == self._filled_organisation:
            self._filled_organisation = organisation
            self.organisation.set_value(organisation)
        self._show_placement()

    def _show_placement(self) -> None:
        """Say where the group and organisation chosen part from the borrower's group."""
        notes = []
        group, organisation = self.group.value(), self.organisation.value()
        own = self._borrower_group
        if own is not None and own in self._group_labels and group != own:
            text = M_NO_GROUP if group is None else M_OTHER_GROUP
            notes.append(tr(text).format(name=self._borrower_name, group=self._group_labels[own]))
        runs = organising_group(group, own, self._group_orgs)
        expected = None if runs is None else self._group_orgs[runs]
        if runs is not None and expected is not None and organisation != expected:
            text = M_ORGANISATION_FROM_GROUP if organisation is None else M_OTHER_ORGANISATION
            notes.append(
                tr(text).format(
                    group=self._group_labels.get(runs, ""),
                    organisation=self._org_labels.get(expected, expected),
                )
            )
        self.placement_note.setText("\n".join(notes))
        self.placement_note.setVisible(bool(notes))

    def _rate_edited(self) -> None:
        self._rate_typed = True

    def _suggest_rate(self) -> None:
        """The programme's rate valid on the disbursement date, unless one was typed."""
        if self._rate_typed:
            return
        code = self.programme.value()
        try:
            day = self.disbursed_on.value(required=False)
        except ValidationError:
            day = None
        if not code:
            return
        with self.database.reading() as session:
            found = rate_on(session, code, day or date.today())
        self.rate.setText(format_rate_bp(found.rate_bp) if found else "")

    def submit(self) -> None:
        reader = FieldReader()
        amount = reader.read(
            self.amount.value,
            "amount_disbursed",
            required=self.row is None or self.row.amount_disbursed is not None,
        )
        disbursed = reader.read(self.disbursed_on.value, "disbursed_on")
        maturity = reader.read(self.maturity_on.value, "maturity_on", required=False)
        rate = reader.read(rate_value, self.rate)
        reader.check()
        data = LoanInput(
            borrower_id=self.borrower.value(),
            programme_code=self.programme.value(),
            amount_disbursed=amount,
            disbursed_on=disbursed,
            organisation_code=self.organisation.value(),
            group_id=self.group.value(),
            contract_no=self.contract_no.text(),
            maturity_on=maturity,
            purpose=self.purpose.text(),
            rate_bp=rate,
            notes=self.notes.text(),
        )
        with self.database.transaction() as session:
            if self.row is None:
                self.saved_id = create_loan(session, data)
            else:
                update_loan(session, self.row.id, data, expected_version=self.row.version)


class BalanceForm(RecordForm):
    """One snapshot: the balance by debt category on a date."""

    def __init__(
        self,
        database: Database,
        loan: LoanRow,
        row: BalanceRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr(QT_TRANSLATE_NOOP("LoansTab", "Balance as of a date")), parent)
        self.database, self.loan, self.row = database, loan, row
        self.as_of: DateEdit = self.add_field(  # type: ignore[assignment]
            "as_of", tr(QT_TRANSLATE_NOOP("LoansTab", "As of")), DateEdit()
        )
        self.parts: dict[str, MoneyEdit] = {}
        for part in ALL_PARTS:
            self.parts[part] = self.add_field(part, tr(PART_LABELS[part]), MoneyEdit())  # type: ignore[assignment]
        self.overdue_since: DateEdit = self.add_field(  # type: ignore[assignment]
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

    def submit(self) -> None:
        reader = FieldReader()
        as_of = reader.read(self.as_of.value, "as_of")
        amounts = {
            part: reader.read(edit.value, part, required=False) or 0
            for part, edit in self.parts.items()
        }
        since = reader.read(self.overdue_since.value, "overdue_since", required=False)
        reader.check()
        data = BalanceInput(as_of=as_of, overdue_since=since, notes=self.notes.text(), **amounts)
        with self.database.transaction() as session:
            if self.row is None:
                add_balance(session, self.loan.id, data)
            else:
                update_balance(session, self.row.id, data, expected_version=self.row.version)


BALANCE_COLUMNS = [
    Column[BalanceRow](QT_TRANSLATE_NOOP("LoansTab", "As of"), lambda b: b.as_of, CellKind.DATE),
    Column[BalanceRow](
        QT_TRANSLATE_NOOP("LoansTab", "Outstanding"), lambda b: b.outstanding, CellKind.MONEY
    ),
    *[
        Column[BalanceRow](PART_LABELS[part], lambda b, p=part: getattr(b, p), CellKind.MONEY)
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
        super().__init__(context, parent)

    @property
    def editable(self) -> bool:  # type: ignore[override]
        return not self.context.office.is_city

    def load_rows(self, session: Session) -> list[BalanceRow]:
        return balance_history(session, self.loan.id)

    def open_form(self, row: BalanceRow | None) -> bool:
        form = BalanceForm(self.context.database, self.loan, row, self)
        return form.exec() == QDialog.DialogCode.Accepted

    def delete_row(self, session: Session, row: BalanceRow) -> None:
        delete_balance(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str) -> None:
        restore_balance(session, record_id)

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


def _outstanding(row: LoanRow) -> int:
    return row.outstanding


def _overdue(row: LoanRow) -> int:
    return row.overdue_amount


def _frozen(row: LoanRow) -> int:
    return row.frozen_amount


def known(amount: Callable[[LoanRow], int]) -> Callable[[LoanRow], int | None]:
    """Balances of a loan with no snapshot on the day are unknown (blank), not zero."""
    return lambda row: None if row.balance_as_of is None else amount(row)


class LoansTab(AsyncListPage[LoanRow]):
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
        self.layout().insertLayout(2, second)
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

    def delete_row(self, session: Session, row: LoanRow) -> None:
        delete_loan(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str) -> None:
        restore_loan(session, record_id)

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
