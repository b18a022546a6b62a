"""Contributions to Quỹ "Vì người nghèo": the list and the form.

A gift without a receipt number that matches one already recorded (same donor, day and
amount) is asked about before it is saved: it is usually the same gift typed twice.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from db.enums import ContributionForm as GiftForm
from db.enums import DonorType
from desktop.core.errors import ErrorCollector, ValidationError
from desktop.core.formatting import format_date, format_money
from desktop.core.funds.fund import (
    IN_KIND_FORMS,
    ContributionInput,
    ContributionRow,
    create_contribution,
    delete_contribution,
    list_contributions,
    restore_contribution,
    same_contribution,
    update_contribution,
    validate_contribution,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.text import search_key
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import DateEdit, EnumCombo, MoneyEdit
from desktop.ui.period_filter import PeriodValue
from desktop.ui.recording.forms import TextArea, YearSpin
from desktop.ui.recording.lists import RecordListPage
from desktop.ui.table_model import Column

M_SAME_GIFT = QT_TRANSLATE_NOOP(
    "ContributionForm",
    "There is already an identical contribution: {donor}, {amount}, received on {day}.",
)
M_SAME_GIFT_RECEIPT = QT_TRANSLATE_NOOP(
    "ContributionForm",
    "There is already an identical contribution: {donor}, {amount}, received on {day}, "
    "receipt {receipt}.",
)
M_SAME_GIFT_QUESTION = QT_TRANSLATE_NOOP(
    "ContributionForm",
    "If this is another gift, go back and enter its receipt number. Save it anyway?",
)
M_SAME_GIFT_NOT_SAVED = QT_TRANSLATE_NOOP(
    "ContributionForm",
    "Not saved: the same gift is already recorded. If this is another one, enter its receipt "
    "number.",
)


class ContributionForm(RecordForm[ContributionInput]):
    def __init__(
        self, context: AppContext, row: ContributionRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("New contribution") if row is None else self.tr("Contribution"),
            parent,
            editing=row,
            create=create_contribution,
            update=update_contribution,
        )
        self.context, self.row, self.database = context, row, context.database
        today = date.today()
        self.donor_name = self.add_field(
            "donor_name", self.tr("Donor"), QLineEdit(row.donor_name if row else "")
        )
        self.donor_type: EnumCombo[DonorType] = self.add_field(
            "donor_type", self.tr("Donor type"), EnumCombo(DonorType)
        )
        self.form_combo: EnumCombo[GiftForm] = self.add_field(
            "form", self.tr("Form"), EnumCombo(GiftForm)
        )
        self.amount = self.add_field(
            "amount",
            self.tr("Amount"),
            MoneyEdit(),
            hint=self.tr(
                "In đồng, e.g. 500.000 or 1,5 triệu; for gifts in kind, the estimated value."
            ),
        )
        self.in_kind = self.add_field(
            "in_kind_description",
            self.tr("Gift in kind / works"),
            QLineEdit(row.in_kind_description if row else ""),
        )
        self.received_on = self.add_field("received_on", self.tr("Date received"), DateEdit())
        self.campaign_year = self.add_field(
            "campaign_year",
            self.tr("Campaign year"),
            YearSpin(row.campaign_year if row else today.year),
        )
        self.receipt_no = self.add_field(
            "receipt_no", self.tr("Receipt number"), QLineEdit(row.receipt_no if row else "")
        )
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(row.notes if row else ""))
        if row is not None:
            self.donor_type.set_value(row.donor_type)
            self.form_combo.set_value(row.form)
            self.amount.set_value(row.amount)
            self.received_on.set_value(row.received_on)
        else:
            self.received_on.set_value(today)
        self.form_combo.currentIndexChanged.connect(self._form_changed)
        self.received_on.editingFinished.connect(self._date_changed)
        self._form_changed()

    def _form_changed(self) -> None:
        self.in_kind.setEnabled(self.form_combo.value() in IN_KIND_FORMS)

    def _date_changed(self) -> None:
        """A new gift belongs to the campaign of the year it is received, unless changed."""
        if self.row is not None:
            return
        try:
            day = self.received_on.value(required=False)
        except ValidationError:
            return
        if day is not None:
            self.campaign_year.setValue(day.year)

    def read(self, errors: ErrorCollector) -> ContributionInput:
        data = ContributionInput(
            donor_name=self.donor_name.text(),
            donor_type=self.donor_type.value(),
            form=self.form_combo.value(),
            amount=errors.check(self.amount.value, "amount"),
            received_on=errors.check(self.received_on.value, "received_on"),
            campaign_year=self.campaign_year.value(),
            in_kind_description=self.in_kind.text() if self.in_kind.isEnabled() else "",
            receipt_no=self.receipt_no.text(),
            notes=self.notes.value(),
        )
        errors.check(validate_contribution, data)
        return data

    def before_save(self, data: ContributionInput) -> None:
        """Ask before recording, without a receipt number, a gift that looks like one already
        recorded; a No keeps the form open with everything typed. A change that leaves the
        donor, day, amount and receipt number as they were is not asked about."""
        row = self.row
        if row is not None and (
            search_key(data.donor_name),
            data.received_on,
            data.amount,
            data.receipt_no.strip(),
        ) == (search_key(row.donor_name), row.received_on, row.amount, row.receipt_no):
            return
        with self.context.database.reading() as session:
            other = same_contribution(
                session,
                self.context.office.unit_code,
                data,
                record_id=row.id if row is not None else None,
            )
        if other is None:
            return
        facts = tr(
            M_SAME_GIFT_RECEIPT if other.receipt_no else M_SAME_GIFT,
            donor=other.donor_name,
            amount=format_money(other.amount),
            day=format_date(other.received_on),
            receipt=other.receipt_no,
        )
        if not confirm(self, f"{facts}\n\n{tr(M_SAME_GIFT_QUESTION)}"):
            raise ValidationError("receipt_no", M_SAME_GIFT_NOT_SAVED)


def _text_year(year: int) -> str:
    return str(year)


class ContributionListPage(RecordListPage[ContributionRow]):
    title = QT_TRANSLATE_NOOP("FundsPage", "Contributions to the fund")
    record_types = ("fund_contribution",)
    form_class = ContributionForm
    columns = (
        Column[ContributionRow](
            QT_TRANSLATE_NOOP("FundsPage", "Date received"), lambda r: r.received_on, CellKind.DATE
        ),
        Column[ContributionRow](QT_TRANSLATE_NOOP("FundsPage", "Donor"), lambda r: r.donor_name),
        Column[ContributionRow](
            QT_TRANSLATE_NOOP("FundsPage", "Donor type"), lambda r: r.donor_type
        ),
        Column[ContributionRow](QT_TRANSLATE_NOOP("FundsPage", "Form"), lambda r: r.form),
        Column[ContributionRow](
            QT_TRANSLATE_NOOP("FundsPage", "Amount"), lambda r: r.amount, CellKind.MONEY
        ),
        Column[ContributionRow](
            QT_TRANSLATE_NOOP("FundsPage", "Gift in kind / works"), lambda r: r.in_kind_description
        ),
        Column[ContributionRow](
            QT_TRANSLATE_NOOP("FundsPage", "Receipt number"), lambda r: r.receipt_no
        ),
        Column[ContributionRow](
            QT_TRANSLATE_NOOP("FundsPage", "Campaign year"),
            lambda r: r.campaign_year,
            display=_text_year,
        ),
        Column[ContributionRow](QT_TRANSLATE_NOOP("FundsPage", "Notes"), lambda r: r.notes),
    )

    def load_rows(self, session: Session) -> list[ContributionRow]:
        return list_contributions(session, self.owner)

    def delete_row(self, session: Session, row: ContributionRow) -> int:
        return delete_contribution(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_contribution(session, record_id, expected_version=version)

    def describe(self, row: ContributionRow) -> str:
        return tr(
            QT_TRANSLATE_NOOP("FundsPage", "the contribution of {donor} ({amount}, {day})")
        ).format(
            donor=row.donor_name, amount=format_money(row.amount), day=format_date(row.received_on)
        )

    def period_of(self, row: ContributionRow) -> PeriodValue:
        return row.received_on

    def amount_of(self, row: ContributionRow) -> int | None:
        return row.amount
