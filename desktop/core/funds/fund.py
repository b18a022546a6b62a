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

Two things are not refused but asked about, so the forms can warn and let the person decide:
a grant larger than the fund's balance on the day it is paid (:func:`fund_balance_on`), and a
contribution without a receipt number that looks like one already recorded — same donor,
same day, same amount (:func:`same_contribution`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from db.enums import ContributionForm, DonorType
from db.models import FundContribution, FundOpeningBalance, FundSpending, Hamlet
from desktop.core import validation
from desktop.core.errors import ErrorCollector, FormErrors, ValidationError
from desktop.core.formatting import format_date
from desktop.core.funds.common import choice, past_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store, require_office
from desktop.core.owners import Scope, owner_clause
from desktop.core.removal import deleter, restorer
from desktop.core.text import search_key

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
    checks = ErrorCollector()
    donor = checks.check(validation.check, FundContribution.donor_name, data.donor_name)
    donor_type = checks.check(choice, data.donor_type, "donor_type", DonorType)
    form = checks.check(choice, data.form, "form", ContributionForm)
    amount = checks.check(validation.check, FundContribution.amount, data.amount)
    received = checks.check(past_date, data.received_on, "received_on", today=today)
    year = checks.check(validation.check, FundContribution.campaign_year, data.campaign_year)
    if year is not None and received is not None and abs(year - received.year) > 1:
        checks.add("campaign_year", M_CAMPAIGN_YEAR, year=received.year)
    description = checks.check(
        validation.check, FundContribution.in_kind_description, data.in_kind_description
    )
    if form in IN_KIND_FORMS and not description:
        checks.add("in_kind_description", M_IN_KIND_DESCRIPTION)
    receipt = checks.check(validation.check, FundContribution.receipt_no, data.receipt_no)
    note = checks.check(validation.check, FundContribution.notes, data.notes)
    checks.raise_if_any()
    return {
        "donor_name": donor,
        "donor_type": donor_type,
        "form": form,
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


def _contribution_values(
    session: Session, data: ContributionInput, record_id: str | None, today: date | None
) -> dict[str, object]:
    owner = require_office(session).unit_code
    values = validate_contribution(data, today=today)
    _check_receipt(session, owner, values, record_id)
    return values


def create_contribution(
    session: Session, data: ContributionInput, *, today: date | None = None
) -> str:
    values = _contribution_values(session, data, None, today)
    return record_store(session).create(FundContribution, values)


def update_contribution(
    session: Session,
    record_id: str,
    data: ContributionInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    values = _contribution_values(session, data, record_id, today)
    return record_store(session).update(
        FundContribution, record_id, values, expected_version=expected_version
    )


def same_contribution(
    session: Session, owner: str, data: ContributionInput, *, record_id: str | None = None
) -> ContributionRow | None:
    """A live contribution of ``owner`` (other than ``record_id``) with the same donor
    (accents, case and spacing ignored), day and amount as ``data``, when ``data`` has no
    receipt number to tell them apart: perhaps the same gift typed twice."""
    if validation.optional_text(data.receipt_no, "receipt_no") or not data.donor_name:
        return None
    if data.received_on is None or data.amount is None:
        return None
    donor = search_key(data.donor_name)
    for row in list_contributions(session, Scope.unit(owner), received_on=data.received_on):
        if (
            row.id != record_id
            and row.amount == data.amount
            and search_key(row.donor_name) == donor
        ):
            return row
    return None


def list_contributions(
    session: Session, owner: Scope, *, received_on: date | None = None
) -> list[ContributionRow]:
    """Live contributions (of one day, when ``received_on`` is given), newest first."""
    query = (
        select(FundContribution)
        .where(
            owner_clause(FundContribution.commune_code, owner),
            FundContribution.deleted_at.is_(None),
            FundContribution.received_on == received_on if received_on else true(),
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
    #: The fund's balance at the end of the day it was paid (every movement of that day
    #: counted); below zero when more was paid out than the fund held.
    balance_after: int = 0


def validate_spending(data: SpendingInput, *, today: date | None = None) -> dict[str, object]:
    today = today or date.today()
    checks = ErrorCollector()
    recipient = checks.check(validation.check, FundSpending.recipient_name, data.recipient_name)
    purpose = checks.check(validation.check, FundSpending.purpose, data.purpose)
    amount = checks.check(validation.check, FundSpending.amount, data.amount)
    spent = checks.check(past_date, data.spent_on, "spent_on", today=today)
    decision_no = checks.check(validation.check, FundSpending.decision_no, data.decision_no)
    decided = checks.check(
        past_date, data.decision_date, "decision_date", today=today, required=False
    )
    if decided is not None and spent is not None and decided > spent:
        checks.add("decision_date", M_DECISION_AFTER_SPENDING, day=format_date(spent))
    note = checks.check(validation.check, FundSpending.notes, data.notes)
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


def _spending_values(
    session: Session, data: SpendingInput, today: date | None
) -> dict[str, object]:
    owner = require_office(session).unit_code
    values = validate_spending(data, today=today)
    hamlet_id = values["hamlet_id"]
    if hamlet_id:
        hamlet = session.get(Hamlet, hamlet_id)
        if hamlet is None or hamlet.deleted_at is not None or hamlet.commune_code != owner:
            raise FormErrors([ValidationError("hamlet", M_HAMLET_UNKNOWN)])
    return values


def create_spending(session: Session, data: SpendingInput, *, today: date | None = None) -> str:
    values = _spending_values(session, data, today)
    return record_store(session).create(FundSpending, values)


def update_spending(
    session: Session,
    record_id: str,
    data: SpendingInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    values = _spending_values(session, data, today)
    return record_store(session).update(
        FundSpending, record_id, values, expected_version=expected_version
    )


def list_spending(session: Session, owner: Scope) -> list[SpendingRow]:
    """Live grants, newest first, each with the fund's balance after the day it was paid."""
    hamlets = dict(session.execute(select(Hamlet.id, Hamlet.name)).all())
    ledgers = _ledgers(session, owner)
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
            ledgers[s.commune_code].balance_on(s.spent_on),
        )
        for s in session.scalars(query)
    ]


# -- the fund's balance on a day --------------------------------------------------------------
@dataclass(frozen=True)
class FundBalance:
    """The money in the fund at the end of ``day``, counted as the yearly statement counts
    it (``desktop.core.funds.statement``): the opening balance declared for the day's year or
    the latest year before it, plus money received, minus grants paid, up to that day; gifts
    in kind are not money in the fund."""

    day: date
    amount: int
    #: The year whose declared opening balance the figure starts from; ``None`` when no
    #: balance was declared for that year or before, so money the fund held before it was
    #: recorded in TDCS is not known.
    declared_year: int | None


@dataclass
class _Ledger:
    """One office's fund: declared opening balances by year and the money in and out by day."""

    declared: dict[int, int] = field(default_factory=dict)
    moves: dict[date, int] = field(default_factory=lambda: defaultdict(int))
    _days: list[date] = field(default_factory=list)
    _running: list[int] = field(default_factory=list)

    def close(self) -> None:
        """Sort the days and add them up once, before any :meth:`balance_on`."""
        total = 0
        self._days = sorted(self.moves)
        self._running = []
        for day in self._days:
            total += self.moves[day]
            self._running.append(total)

    def _until(self, day: date) -> int:
        """The money in minus out from the beginning up to ``day`` included."""
        index = bisect_right(self._days, day)
        return self._running[index - 1] if index else 0

    def base_year(self, day: date) -> int | None:
        return max((y for y in self.declared if y <= day.year), default=None)

    def balance_on(self, day: date) -> int:
        year = self.base_year(day)
        if year is None:
            return self._until(day)
        return self.declared[year] + self._until(day) - self._until(date(year - 1, 12, 31))


def _ledgers(
    session: Session, owner: Scope, *, excluding: str | None = None
) -> defaultdict[str, _Ledger]:
    """Each office's ledger; ``excluding`` leaves one grant out (the one being changed)."""
    ledgers: defaultdict[str, _Ledger] = defaultdict(_Ledger)
    declared = session.execute(
        select(FundOpeningBalance.commune_code, FundOpeningBalance.year, FundOpeningBalance.amount)
        .where(
            owner_clause(FundOpeningBalance.commune_code, owner),
            FundOpeningBalance.deleted_at.is_(None),
        )
        # One per year is enforced when recording; should two arrive, the newest wins.
        .order_by(FundOpeningBalance.updated_at)
    )
    for own, year, amount in declared:
        ledgers[own].declared[year] = amount
    received = session.execute(
        select(
            FundContribution.commune_code,
            FundContribution.received_on,
            func.sum(FundContribution.amount),
        )
        .where(
            owner_clause(FundContribution.commune_code, owner),
            FundContribution.deleted_at.is_(None),
            FundContribution.form.not_in(list(IN_KIND_FORMS)),
        )
        .group_by(FundContribution.commune_code, FundContribution.received_on)
    )
    for own, day, amount in received:
        ledgers[own].moves[day] += int(amount)
    paid = session.execute(
        select(FundSpending.commune_code, FundSpending.spent_on, func.sum(FundSpending.amount))
        .where(
            owner_clause(FundSpending.commune_code, owner),
            FundSpending.deleted_at.is_(None),
            FundSpending.id != (excluding or ""),
        )
        .group_by(FundSpending.commune_code, FundSpending.spent_on)
    )
    for own, day, amount in paid:
        ledgers[own].moves[day] -= int(amount)
    for ledger in ledgers.values():
        ledger.close()
    return ledgers


def fund_balance_on(
    session: Session, owner: str, day: date, *, excluding: str | None = None
) -> FundBalance:
    """The fund of ``owner`` at the end of ``day``, leaving out the grant ``excluding`` (the
    one being changed, whose old amount must not count against its new one)."""
    ledger = _ledgers(session, Scope.unit(owner), excluding=excluding)[owner]
    return FundBalance(day, ledger.balance_on(day), ledger.base_year(day))


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
    checks = ErrorCollector()
    year = checks.check(validation.check, FundOpeningBalance.year, data.year)
    amount = checks.check(validation.check, FundOpeningBalance.amount, data.amount)
    note = checks.check(validation.check, FundOpeningBalance.notes, data.notes)
    checks.raise_if_any()
    return {"year": year, "amount": amount, "notes": note}


def _opening_values(
    session: Session, data: OpeningInput, record_id: str | None
) -> dict[str, object]:
    owner = require_office(session).unit_code
    values = validate_opening(data)
    _check_one_per_year(session, owner, int(str(values["year"])), record_id)
    return values


def create_opening(session: Session, data: OpeningInput) -> str:
    values = _opening_values(session, data, None)
    return record_store(session).create(FundOpeningBalance, values)


def update_opening(
    session: Session, record_id: str, data: OpeningInput, *, expected_version: int
) -> int:
    values = _opening_values(session, data, record_id)
    return record_store(session).update(
        FundOpeningBalance, record_id, values, expected_version=expected_version
    )


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


def restore_opening(session: Session, record_id: str, *, expected_version: int) -> int:
    """Undo a delete, unless another opening balance of that year was recorded since."""
    store = record_store(session)
    record = store.get(FundOpeningBalance, record_id, allow_deleted=True)
    _check_one_per_year(session, record.commune_code, record.year, record_id)
    return store.restore(FundOpeningBalance, record_id, expected_version=expected_version)


def list_openings(session: Session, owner: Scope) -> list[OpeningRow]:
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
