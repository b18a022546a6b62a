"""Loans: who borrowed, under which programme, through which organisation and group, how
much and when — and their situation on any day.

The rate stored with a loan (``rate_bp``) is the contract rate when the clerk knows it,
else the catalogue rate of the programme valid on the disbursement day, copied when the
loan is saved so that a later change in the catalogue does not rewrite old loans.

A loan's entrusted organisation, when none is given, is the one that runs its group, or
else its borrower's group (:func:`organisation_for`): a loan is made through the borrower's
Tổ TK&VV, and the group belongs to one organisation, so the reports by organisation never
file it under "(not recorded)" for want of a field nobody thought to fill in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from db.models import (
    Borrower,
    CreditProgramme,
    Hamlet,
    Loan,
    LoanBalance,
    LoanCheck,
    Organisation,
    SavingsGroup,
)
from desktop.core import validation
from desktop.core.errors import ErrorCollector, ValidationError
from desktop.core.formatting import format_date, format_money
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.balances import (
    NO_POSITION,
    OUTSTANDING_PARTS,
    latest_positions,
    position_on,
    with_position,
)
from desktop.core.loans.common import IN_CHUNKS, check_choice, no_gc_pauses, organisation_names
from desktop.core.loans.groups import group_organisations
from desktop.core.office import record_store
from desktop.core.owners import COMMUNES_AND_CITY_OFFICE, Scope, alive
from desktop.core.programmes import RateBook, programmes, rate_on
from desktop.core.records import RecordStore

M_DUPLICATE_CONTRACT = QT_TRANSLATE_NOOP(
    "Loans", "Contract number {number} is already recorded (loan of {name})."
)
M_BALANCES_BEFORE = QT_TRANSLATE_NOOP(
    "Loans", "The loan has balances dated before {day}; the disbursement cannot be later."
)
M_BALANCE_ABOVE = QT_TRANSLATE_NOOP(
    "Loans", "A recorded balance is larger than this amount; the amount cannot be smaller."
)
M_AMOUNT_UNKNOWN = QT_TRANSLATE_NOOP("Loans", "not known")


def amount_text(amount: int | None) -> str:
    """A disbursed amount as people read it; one nobody recorded (a loan imported from a
    bank's list of balances) is "not known", never 0."""
    return tr(M_AMOUNT_UNKNOWN) if amount is None else format_money(amount)


@dataclass(frozen=True)
class LoanInput:
    borrower_id: str | None
    programme_code: str | None
    amount_disbursed: int | None
    disbursed_on: date | None
    organisation_code: str | None = None
    group_id: str | None = None
    contract_no: str = ""
    maturity_on: date | None = None
    purpose: str = ""
    rate_bp: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class LoanRow:
    """A loan as lists show it, with its position on the day the list was made for.

    ``rate_bp`` is the loan's own rate, or for loans saved without one (older records,
    other programs' data) the catalogue rate valid on the disbursement day.
    """

    id: str
    commune_code: str
    contract_no: str
    borrower_id: str
    borrower_name: str
    citizen_id: str
    hamlet_name: str
    programme_code: str
    programme_name: str
    rate_bp: int | None
    organisation_code: str | None
    organisation_name: str
    group_id: str | None
    group_name: str
    #: ``None`` when not known (see :class:`db.models.Loan`).
    amount_disbursed: int | None
    disbursed_on: date
    maturity_on: date | None
    purpose: str
    notes: str
    version: int
    last_checked_on: date | None
    balance_as_of: date | None
    outstanding: int
    current_amount: int
    overdue_amount: int
    frozen_amount: int
    overdue_since: date | None


#: Positions in :class:`LoanRow` (and in the rows of :func:`_loan_query`).
_PROGRAMME, _RATE, _DISBURSED = 7, 9, 15


def _loan_query(owner: Scope, day: date) -> Select[*tuple[Any, ...]]:
    """Every :class:`LoanRow` column up to the position, in order, computed in SQL so that
    rows are built with ``LoanRow(*row, *position)`` and nothing else per row."""
    last_check = (
        select(LoanCheck.loan_id, func.max(LoanCheck.checked_on).label("last"))
        .where(alive(LoanCheck, owner), LoanCheck.checked_on <= day)
        .group_by(LoanCheck.loan_id)
        .subquery("last_check")
    )
    group_text = case(
        (SavingsGroup.id.is_(None), ""),
        (SavingsGroup.code == SavingsGroup.name, SavingsGroup.name),
        else_=SavingsGroup.name + " (" + SavingsGroup.code + ")",
    )
    return (
        select(
            Loan.id,
            Loan.commune_code,
            Loan.contract_no,
            Loan.borrower_id,
            Borrower.full_name,
            func.coalesce(Borrower.citizen_id, ""),
            func.coalesce(Hamlet.name, ""),
            Loan.programme_code,
            func.coalesce(CreditProgramme.short_name, Loan.programme_code),
            Loan.rate_bp,
            Loan.organisation_code,
            func.coalesce(Organisation.short_name, ""),
            Loan.group_id,
            group_text,
            Loan.amount_disbursed,
            Loan.disbursed_on,
            Loan.maturity_on,
            Loan.purpose,
            Loan.notes,
            Loan.version,
            last_check.c.last,
        )
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .outerjoin(Hamlet, Hamlet.id == Borrower.hamlet_id)
        .outerjoin(SavingsGroup, SavingsGroup.id == Loan.group_id)
        .outerjoin(CreditProgramme, CreditProgramme.code == Loan.programme_code)
        .outerjoin(Organisation, Organisation.code == Loan.organisation_code)
        .outerjoin(last_check, last_check.c.loan_id == Loan.id)
    )


def list_loans(session: Session, owner: Scope, *, as_of: date | None = None) -> list[LoanRow]:
    """Loans of ``owner`` disbursed on or before ``as_of``
    (default today), each with its position on that day and its latest check, newest
    disbursement first.

    One query selecting only the columns shown, so that city-scale lists (100 000 loans)
    stay within a couple of seconds; the window loads them off the GUI thread.
    """
    day = as_of or date.today()
    query = (
        _loan_query(owner, day)
        .where(alive(Loan, owner), Loan.disbursed_on <= day)
        .order_by(Loan.disbursed_on.desc(), Loan.contract_no)
    )
    with no_gc_pauses():
        found = latest_positions(session, owner, day)
        rates = RateBook(session)
        rows = []
        for row in session.execute(query, execution_options=IN_CHUNKS):
            values = list(row)
            if values[_RATE] is None:
                values[_RATE] = rates.rate(values[_PROGRAMME], values[_DISBURSED])
            rows.append(LoanRow(*with_position(values, found.get(values[0], NO_POSITION))))
        return rows


def get_loan(session: Session, loan_id: str, *, as_of: date | None = None) -> LoanRow | None:
    """One loan as :func:`list_loans` shows it (on ``as_of``, default today)."""
    query = _loan_query(COMMUNES_AND_CITY_OFFICE, as_of or date.today()).where(
        Loan.id == loan_id, Loan.deleted_at.is_(None)
    )
    row = session.execute(query).first()
    if row is None:
        return None
    position = position_on(session, loan_id, as_of or date.today())
    loan = LoanRow(*with_position(row, NO_POSITION if position is None else position.as_tuple()))
    if loan.rate_bp is None:
        loan = replace(loan, rate_bp=RateBook(session).rate(loan.programme_code, loan.disbursed_on))
    return loan


def organising_group(
    group_id: str | None,
    borrower_group_id: str | None,
    group_organisations: Mapping[str, str | None],
) -> str | None:
    """The group whose organisation a loan saved without one is under: the loan's own group
    when an organisation runs it, else the borrower's group when one runs that."""
    for group in (group_id, borrower_group_id):
        if group is not None and group_organisations.get(group):
            return group
    return None


def organisation_for(
    group_id: str | None,
    borrower_group_id: str | None,
    group_organisations: Mapping[str, str | None],
) -> str | None:
    """The organisation a loan is under when none was given (see :func:`organising_group`),
    ``None`` when neither group has one."""
    group = organising_group(group_id, borrower_group_id, group_organisations)
    return None if group is None else group_organisations[group]


def _disbursement_day(value: date | None, today: date) -> date | None:
    """Not in the future: a loan is recorded once the money is paid out."""
    validation.check(Loan.disbursed_on, value)
    if value is not None and value > today:
        raise ValidationError(
            "disbursed_on",
            validation.M_DATE_RANGE,
            start=format_date(validation.EARLIEST_DATE),
            end=format_date(today),
        )
    return value


def _maturity_day(value: date | None, disbursed_on: date | None) -> date | None:
    validation.check(Loan.maturity_on, value)
    validation.not_before(value, disbursed_on, "maturity_on")
    return value


def loan_fields(
    data: LoanInput,
    errors: ErrorCollector,
    *,
    amount_required: bool = True,
    today: date | None = None,
) -> dict[str, Any]:
    """The loan's own fields as every way in checks them (the form, the Excel import): the
    amount, the dates, the texts and the rate. Returns the values to store; what is wrong
    goes into ``errors``. ``amount_required=False`` lets an unknown amount (``None``) stay
    unknown. What needs the database (borrower, programme, organisation, group, another
    loan with the contract number) is :func:`_validate_loan`'s."""
    values: dict[str, Any] = {}
    amount = data.amount_disbursed
    if amount is None and not amount_required:
        values["amount_disbursed"] = None
    else:
        values["amount_disbursed"] = errors.check(
            validation.check, Loan.amount_disbursed, amount, required=True
        )
    values["disbursed_on"] = errors.check(
        _disbursement_day, data.disbursed_on, today or date.today()
    )
    values["maturity_on"] = errors.check(_maturity_day, data.maturity_on, data.disbursed_on)
    values["contract_no"] = errors.check(validation.check, Loan.contract_no, data.contract_no)
    values["purpose"] = errors.check(validation.check, Loan.purpose, data.purpose)
    values["notes"] = errors.check(validation.check, Loan.notes, data.notes)
    values["rate_bp"] = errors.check(validation.check, Loan.rate_bp, data.rate_bp)
    return values


def _validate_loan(
    session: Session,
    data: LoanInput,
    owner: str,
    except_id: str | None,
    *,
    amount_required: bool = True,
) -> dict[str, Any]:
    """The values to store; the amount may stay unknown only on a loan whose amount was
    not known before (imported from a list of balances)."""
    errors = ErrorCollector()
    values = loan_fields(data, errors, amount_required=amount_required)
    borrower: Borrower | None = None
    if not data.borrower_id:
        errors.add("borrower_id", validation.M_REQUIRED)
    else:
        borrower = session.get(Borrower, data.borrower_id)
        if borrower is None or borrower.deleted_at is not None or borrower.commune_code != owner:
            errors.add("borrower_id", validation.M_REQUIRED)
    catalogue = {p.code: p for p in programmes(session)}
    if not data.programme_code or data.programme_code not in catalogue:
        errors.add("programme_code", validation.M_REQUIRED)
    errors.check(
        check_choice, data.organisation_code, set(organisation_names(session)), "organisation_code"
    )
    groups = set(
        session.scalars(select(SavingsGroup.id).where(alive(SavingsGroup, Scope.unit(owner))))
    )
    errors.check(check_choice, data.group_id, groups, "group_id")
    contract = values.get("contract_no")
    if contract:
        query = (
            select(Borrower.full_name)
            .join(Loan, Loan.borrower_id == Borrower.id)
            .where(alive(Loan, Scope.unit(owner)), Loan.contract_no == contract)
        )
        if except_id is not None:
            query = query.where(Loan.id != except_id)
        holder = session.scalar(query.limit(1))
        if holder is not None:
            errors.add("contract_no", M_DUPLICATE_CONTRACT, number=contract, name=holder)
    errors.raise_if_any()
    rate = data.rate_bp
    if rate is None and data.programme_code and data.disbursed_on:
        found = rate_on(session, data.programme_code, data.disbursed_on)
        rate = found.rate_bp if found else None
    organisation = data.organisation_code
    if organisation is None:
        organisation = organisation_for(
            data.group_id,
            borrower.group_id if borrower is not None else None,
            group_organisations(session, Scope.unit(owner)),
        )
    values.update(
        borrower_id=data.borrower_id,
        programme_code=data.programme_code,
        organisation_code=organisation,
        group_id=data.group_id,
        rate_bp=rate,
    )
    return values


def create_loan(session: Session, data: LoanInput) -> str:
    """Record a loan and its first balance: the whole amount, current, on the
    disbursement day."""
    store = record_store(session)
    values = _validate_loan(session, data, store.owner_code, None)
    loan_id = store.create(Loan, values)
    store.create(
        LoanBalance,
        {
            "loan_id": loan_id,
            "as_of": values["disbursed_on"],
            "current_amount": values["amount_disbursed"],
        },
    )
    return loan_id


def _initial_balance(session: Session, loan: Loan) -> LoanBalance | None:
    """The loan's first balance when it is still the untouched one :func:`create_loan`
    made (the only snapshot, on the disbursement day, the whole amount current)."""
    balances = list(
        session.scalars(
            select(LoanBalance).where(
                LoanBalance.loan_id == loan.id, LoanBalance.deleted_at.is_(None)
            )
        )
    )
    if len(balances) != 1:
        return None
    only = balances[0]
    untouched = (
        only.as_of == loan.disbursed_on
        and only.current_amount == loan.amount_disbursed
        and all(getattr(only, p) == 0 for p in OUTSTANDING_PARTS[1:])
        and only.written_off_amount == 0
    )
    return only if untouched else None


def update_loan(session: Session, loan_id: str, data: LoanInput, *, expected_version: int) -> int:
    """Save changes; the untouched first balance follows a corrected amount or date."""
    store = record_store(session)
    loan = store.get(Loan, loan_id)
    values = _validate_loan(
        session,
        data,
        store.owner_code,
        loan_id,
        amount_required=loan.amount_disbursed is not None,
    )
    initial = _initial_balance(session, loan)
    if initial is None:
        _check_against_balances(session, loan_id, values)
    version = store.update(Loan, loan_id, values, expected_version=expected_version)
    if initial is not None:
        store.update(
            LoanBalance,
            initial.id,
            {"as_of": values["disbursed_on"], "current_amount": values["amount_disbursed"]},
            expected_version=initial.version,
        )
    return version


def _check_against_balances(session: Session, loan_id: str, values: dict[str, Any]) -> None:
    rows = session.execute(
        select(LoanBalance).where(LoanBalance.loan_id == loan_id, LoanBalance.deleted_at.is_(None))
    ).scalars()
    for balance in rows:
        if balance.as_of < values["disbursed_on"]:
            raise ValidationError(
                "disbursed_on", M_BALANCES_BEFORE, day=format_date(values["disbursed_on"])
            )
        amount = values["amount_disbursed"]
        if amount is not None and sum(getattr(balance, p) for p in OUTSTANDING_PARTS) > amount:
            raise ValidationError("amount_disbursed", M_BALANCE_ABOVE)


def delete_loan(session: Session, loan_id: str, *, expected_version: int) -> int:
    """A tombstone on the loan; its balances and checks stay and come back with it."""
    return record_store(session).delete(Loan, loan_id, expected_version=expected_version)


def restore_loan(session: Session, loan_id: str, *, expected_version: int) -> int:
    store: RecordStore = record_store(session)
    loan = store.get(Loan, loan_id, allow_deleted=True)
    if loan.contract_no:
        clash = session.scalar(
            select(func.count()).where(
                alive(Loan, Scope.unit(store.owner_code)),
                Loan.contract_no == loan.contract_no,
                Loan.id != loan_id,
            )
        )
        if clash:
            raise ValidationError(
                "contract_no", M_DUPLICATE_CONTRACT, number=loan.contract_no, name="…"
            )
    return store.restore(Loan, loan_id, expected_version=expected_version)
