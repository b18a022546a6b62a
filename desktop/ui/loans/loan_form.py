"""The loan form: a loan's borrower (picked from a long list), its group and organisation
(taken from the borrower, the clerk told when they differ), its programme and rate."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from db.models import Loan
from desktop.core.database import Database
from desktop.core.errors import ErrorCollector, ValidationError
from desktop.core.formatting import format_rate_bp
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.borrowers import BorrowerRow, borrower_group, list_borrowers
from desktop.core.loans.common import organisations
from desktop.core.loans.groups import group_choices, group_organisations
from desktop.core.loans.loans import (
    LoanInput,
    LoanRow,
    amount_text,
    create_loan,
    organising_group,
    update_loan,
)
from desktop.core.office import require_office
from desktop.core.programmes import programmes, rate_on
from desktop.ui.field_limits import limited_edit
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import ChoiceCombo, DateEdit, MoneyEdit
from desktop.ui.loans.common import PickerField, plain, rate_value
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


class LoanForm(RecordForm[LoanInput]):
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
            editing=row,
            create=create_loan,
            update=update_loan,
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

        self.borrower: PickerField[BorrowerRow] = self.add_field(
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
        self.amount: MoneyEdit = self.add_field(
            "amount_disbursed", tr(QT_TRANSLATE_NOOP("LoansTab", "Amount disbursed")), MoneyEdit()
        )
        self.disbursed_on: DateEdit = self.add_field(
            "disbursed_on", tr(QT_TRANSLATE_NOOP("LoansTab", "Disbursement date")), DateEdit()
        )
        self.maturity_on: DateEdit = self.add_field(
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

    def read(self, reader: ErrorCollector) -> LoanInput:
        amount = reader.check(
            self.amount.value,
            "amount_disbursed",
            required=self.row is None or self.row.amount_disbursed is not None,
        )
        disbursed = reader.check(self.disbursed_on.value, "disbursed_on")
        maturity = reader.check(self.maturity_on.value, "maturity_on", required=False)
        rate = reader.check(rate_value, self.rate)
        reader.raise_if_any()
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
        return data
