"""Recording Quỹ "Vì người nghèo": contributions, spending (grants) and the opening balance
the office declares for its first year in TDCS.

Rules beyond the field checks:

- a gift in kind or pledged works must say what it is; its amount is the estimated value;
- the campaign year is the year of receipt or the one before or after it (gifts for a
  campaign arrive around the turn of the year);
- a receipt number is used once per campaign year (checked when it is typed or changed, so
  an old duplicate never blocks editing another field);
- a grant's decision cannot be dated after the money was paid;
- at most one opening balance per year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import ContributionForm, DonorType
from db.models import FundContribution, FundOpeningBalance, FundSpending, Hamlet
from desktop.core import validation
from desktop.core.errors import FormErrors, ValidationError
from desktop.core.formatting import format_date
from desktop.core.funds.common import (
    Checks,
    choice,
    deleter,
    notes,
    past_date,
    restorer,
    save,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store, require_office
from desktop.core.owners import Owner, owner_clause

IN_KIND_FORMS = frozenset({ContributionForm.HIEN_VAT, ContributionForm.CONG_TRINH})

M_IN_KIND_DESCRIPTION = QT_TRANSLATE_NOOP(
    "Funds", "Say what was given (goods or works); the amount is its estimated value."
)
M_CAMPAIGN_YEAR = QT_TRANSLATE_NOOP(
    "Funds", "The campaign year must be {year} or the year before or after it."
)
M_RECEIPT_USED = QT_TRANSLATE_NOOP(
    "Funds", "Receipt {receipt} is already used for {donor} on {day}."
)
M_DECISION_AFTER_SPENDING = QT_TRANSLATE_NOOP(
    "Funds", "The decision cannot be dated after the payment ({day})."
)
M_HAMLET_UNKNOWN = QT_TRANSLATE_NOOP("Funds", "This hamlet is no longer in the list.")
M_OPENING_EXISTS = QT_TRANSLATE_NOOP(
    "Funds", "The opening balance of {year} is already recorded; change that one instead."
)


# -- contributions ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ContributionInput:
    donor_name: str
    donor_type: DonorType | None
    form: ContributionForm | None
    amount: int | None
    received_on: date | None
    campaign_year: int | None
    in_kind_description: str = ""
    receipt_no: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ContributionRow:
    id: str
    donor_name: str
    donor_type: DonorType
    form: ContributionForm
    amount: int
    in_kind_description: str
    received_on: date
    receipt_no: str
    campaign_year: int
    notes: str
    version: int

    @property
    def in_kind(self) -> bool:
        return self.form in IN_KIND_FORMS


def validate_contribution(
    data: ContributionInput, *, today: date | None = None
) -> dict[str, object]:
    today = today or date.today()
    checks = Checks()
    donor = checks.run(validation.required_text, data.donor_name, "donor_name", limit=200)
    donor_type = checks.run(choice, data.donor_type, "donor_type")
    form = checks.run(choice, data.form, "form")
    amount = checks.run(validation.amount, data.amount, "amount")
    received = checks.run(past_date, data.received_on, "received_on", today=today)
    year = checks.run(validation.year, data.campaign_year, "campaign_year")
    if year is not None and received is not None and abs(year - received.year) > 1:
        checks.fail("campaign_year", M_CAMPAIGN_YEAR, year=received.year)
    description = checks.run(
        validation.optional_text, data.in_kind_description, "in_kind_description", limit=500
    )
    if form in IN_KIND_FORMS and not description:
        checks.fail("in_kind_description", M_IN_KIND_DESCRIPTION)
    receipt = checks.run(validation.optional_text, data.receipt_no, "receipt_no", limit=50)
    note = checks.run(notes, data.notes)
    checks.raise_if_any()
    return {
        "donor_name": donor,
        "donor_type": DonorType(donor_type),
        "form": ContributionForm(form),
        "amount": amount,
        "in_kind_description": description if form in IN_KIND_FORMS else "",
        "received_on": received,
        "receipt_no": receipt,
        "campaign_year": year,
        "notes": note,
    }


def _check_receipt(
    session: Session, owner: str, values: dict[str, object], record_id: str | None
) -> None:
    receipt = values["receipt_no"]
    if not receipt:
        return
    if record_id is not None:
        current = session.get(FundContribution, record_id)
        if current is not None and current.receipt_no == receipt:
            return
    other = session.scalars(
        select(FundContribution).where(
            FundContribution.commune_code == owner,
            FundContribution.deleted_at.is_(None),
            FundContribution.campaign_year == values["campaign_year"],
            FundContribution.receipt_no == receipt,
            FundContribution.id != (record_id or ""),
        )
    ).first()
    if other is not None:
        raise FormErrors(
            [
                ValidationError(
                    "receipt_no",
                    M_RECEIPT_USED,
                    receipt=receipt,
                    donor=other.donor_name,
                    day=format_date(other.received_on),
                )
            ]
        )


def save_contribution(
    session: Session,
    data: ContributionInput,
    *,
    record_id: str | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> str:
    owner = require_office(session).unit_code
    values = validate_contribution(data, today=today)
    _check_receipt(session, owner, values, record_id)
    return save(session, FundContribution, values, record_id, expected_version)


def list_contributions(session: Session, owner: Owner) -> list[ContributionRow]:
    """Live contributions, newest first."""
    query = (
        select(FundContribution)
        .where(
            owner_clause(FundContribution.commune_code, owner),
            FundContribution.deleted_at.is_(None),
        )
        .order_by(FundContribution.received_on.desc(), FundContribution.receipt_no.desc())
    )
    return [
        ContributionRow(
            c.id,
            c.donor_name,
            c.donor_type,
            c.form,
            c.amount,
            c.in_kind_description,
            c.received_on,
            c.receipt_no,
            c.campaign_year,
            c.notes,
            c.version,
        )
        for c in session.scalars(query)
    ]


# -- spending ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class SpendingInput:
    recipient_name: str
    purpose: str
    amount: int | None
    spent_on: date | None
    hamlet_id: str | None = None
    decision_no: str = ""
    decision_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class SpendingRow:
    id: str
    recipient_name: str
    hamlet_id: str | None
    hamlet_name: str
    purpose: str
    amount: int
    spent_on: date
    decision_no: str
    decision_date: date | None
    notes: str
    version: int


def validate_spending(data: SpendingInput, *, today: date | None = None) -> dict[str, object]:
    today = today or date.today()
    checks = Checks()
    recipient = checks.run(
        validation.required_text, data.recipient_name, "recipient_name", limit=200
    )
    purpose = checks.run(validation.required_text, data.purpose, "purpose", limit=500)
    amount = checks.run(validation.amount, data.amount, "amount")
    spent = checks.run(past_date, data.spent_on, "spent_on", today=today)
    decision_no = checks.run(validation.optional_text, data.decision_no, "decision_no", limit=60)
    decided = checks.run(
        past_date, data.decision_date, "decision_date", today=today, required=False
    )
    if decided is not None and spent is not None and decided > spent:
        checks.fail("decision_date", M_DECISION_AFTER_SPENDING, day=format_date(spent))
    note = checks.run(notes, data.notes)
    checks.raise_if_any()
    return {
        "recipient_name": recipient,
        "hamlet_id": data.hamlet_id or None,
        "purpose": purpose,
        "amount": amount,
        "spent_on": spent,
        "decision_no": decision_no,
        "decision_date": decided,
        "notes": note,
    }


def save_spending(
    session: Session,
    data: SpendingInput,
    *,
    record_id: str | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> str:
    owner = require_office(session).unit_code
    values = validate_spending(data, today=today)
    hamlet_id = values["hamlet_id"]
    if hamlet_id:
        hamlet = session.get(Hamlet, hamlet_id)
        if hamlet is None or hamlet.deleted_at is not None or hamlet.commune_code != owner:
            raise FormErrors([ValidationError("hamlet", M_HAMLET_UNKNOWN)])
    return save(session, FundSpending, values, record_id, expected_version)


def list_spending(session: Session, owner: Owner) -> list[SpendingRow]:
    """Live grants, newest first."""
    hamlets = dict(session.execute(select(Hamlet.id, Hamlet.name)).all())
    query = (
        select(FundSpending)
        .where(owner_clause(FundSpending.commune_code, owner), FundSpending.deleted_at.is_(None))
        .order_by(FundSpending.spent_on.desc())
    )
    return [
        SpendingRow(
            s.id,
            s.recipient_name,
            s.hamlet_id,
            hamlets.get(s.hamlet_id or "", ""),
            s.purpose,
            s.amount,
            s.spent_on,
            s.decision_no,
            s.decision_date,
            s.notes,
            s.version,
        )
        for s in session.scalars(query)
    ]


# -- opening balances -------------------------------------------------------------------------
@dataclass(frozen=True)
class OpeningInput:
    year: int | None
    amount: int | None
    notes: str = ""


@dataclass(frozen=True)
class OpeningRow:
    id: str
    year: int
    amount: int
    notes: str
    version: int


def validate_opening(data: OpeningInput) -> dict[str, object]:
    checks = Checks()
    year = checks.run(validation.year, data.year, "year")
    amount = checks.run(
        validation.amount, data.amount, "amount", maximum=validation.MAX_AMOUNT, allow_zero=True
    )
    note = checks.run(notes, data.notes)
    checks.raise_if_any()
    return {"year": year, "amount": amount, "notes": note}


def save_opening(
    session: Session,
    data: OpeningInput,
    *,
    record_id: str | None = None,
    expected_version: int | None = None,
) -> str:
    owner = require_office(session).unit_code
    values = validate_opening(data)
    _check_one_per_year(session, owner, int(values["year"]), record_id)  # type: ignore[call-overload]
    return save(session, FundOpeningBalance, values, record_id, expected_version)


def _check_one_per_year(session: Session, owner: str, year: int, record_id: str | None) -> None:
    other = session.scalar(
        select(FundOpeningBalance.id).where(
            FundOpeningBalance.commune_code == owner,
            FundOpeningBalance.deleted_at.is_(None),
            FundOpeningBalance.year == year,
            FundOpeningBalance.id != (record_id or ""),
        )
    )
    if other is not None:
        raise FormErrors([ValidationError("year", M_OPENING_EXISTS, year=year)])


def restore_opening(session: Session, record_id: str) -> None:
    """Undo a delete, unless another opening balance of that year was recorded since."""
    store = record_store(session)
    record = store.get(FundOpeningBalance, record_id, allow_deleted=True)
    _check_one_per_year(session, record.commune_code, record.year, record_id)
    store.restore(FundOpeningBalance, record_id)


def list_openings(session: Session, owner: Owner) -> list[OpeningRow]:
    query = (
        select(FundOpeningBalance)
        .where(
            owner_clause(FundOpeningBalance.commune_code, owner),
            FundOpeningBalance.deleted_at.is_(None),
        )
        .order_by(FundOpeningBalance.year.desc())
    )
    return [OpeningRow(o.id, o.year, o.amount, o.notes, o.version) for o in session.scalars(query)]


delete_contribution = deleter(FundContribution)
restore_contribution = restorer(FundContribution)
delete_spending = deleter(FundSpending)
restore_spending = restorer(FundSpending)
delete_opening = deleter(FundOpeningBalance)
