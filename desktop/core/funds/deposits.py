"""Deposits placed with VBSP and sponsorship, by organisations and individuals, and their
yearly totals.

A deposit may have a term in months (1–360); a sponsorship is a gift and has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import DepositKind, PartyType
from db.models import Deposit
from desktop.core import validation
from desktop.core.errors import ErrorCollector, ValidationError
from desktop.core.funds.common import choice, past_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store
from desktop.core.owners import Scope, owner_clause
from desktop.core.removal import deleter, restorer

M_TERM = QT_TRANSLATE_NOOP("Funds", "The term is a whole number of months from {low} to {high}.")
M_TERM_SPONSORSHIP = QT_TRANSLATE_NOOP("Funds", "A sponsorship has no term; leave the term empty.")


@dataclass(frozen=True)
class DepositInput:
    kind: DepositKind | None
    party_name: str
    party_type: PartyType | None
    amount: int | None
    transacted_on: date | None
    term_months: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class DepositRow:
    id: str
    kind: DepositKind
    party_name: str
    party_type: PartyType
    amount: int
    transacted_on: date
    term_months: int | None
    notes: str
    version: int


@dataclass(frozen=True)
class DepositTotals:
    """Deposits and sponsorship received in one year."""

    year: int
    owner: Scope
    deposits: int
    deposits_count: int
    sponsorship: int
    sponsorship_count: int

    @property
    def total(self) -> int:
        return self.deposits + self.sponsorship


def _term(kind: DepositKind | None, term: int | None) -> int | None:
    if term is None:
        return None
    if kind is DepositKind.TAI_TRO:
        raise ValidationError("term_months", M_TERM_SPONSORSHIP)
    return int(validation.check(Deposit.term_months, term, message=M_TERM))


def validate_deposit(data: DepositInput, *, today: date | None = None) -> dict[str, object]:
    today = today or date.today()
    checks = ErrorCollector()
    kind = checks.check(choice, data.kind, "kind", DepositKind)
    party = checks.check(validation.check, Deposit.party_name, data.party_name)
    party_type = checks.check(choice, data.party_type, "party_type", PartyType)
    amount = checks.check(validation.check, Deposit.amount, data.amount)
    day = checks.check(past_date, data.transacted_on, "transacted_on", today=today)
    term = checks.check(_term, kind, data.term_months)
    note = checks.check(validation.check, Deposit.notes, data.notes)
    checks.raise_if_any()
    return {
        "kind": kind,
        "party_name": party,
        "party_type": party_type,
        "amount": amount,
        "transacted_on": day,
        "term_months": term,
        "notes": note,
    }


def create_deposit(session: Session, data: DepositInput, *, today: date | None = None) -> str:
    values = validate_deposit(data, today=today)
    return record_store(session).create(Deposit, values)


def update_deposit(
    session: Session,
    record_id: str,
    data: DepositInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    values = validate_deposit(data, today=today)
    return record_store(session).update(
        Deposit, record_id, values, expected_version=expected_version
    )


delete_deposit = deleter(Deposit)
restore_deposit = restorer(Deposit)


def list_deposits(session: Session, owner: Scope) -> list[DepositRow]:
    query = (
        select(Deposit)
        .where(owner_clause(Deposit.commune_code, owner), Deposit.deleted_at.is_(None))
        .order_by(Deposit.transacted_on.desc())
    )
    return [
        DepositRow(
            d.id,
            d.kind,
            d.party_name,
            d.party_type,
            d.amount,
            d.transacted_on,
            d.term_months,
            d.notes,
            d.version,
        )
        for d in session.scalars(query)
    ]


def deposit_totals(session: Session, year: int, owner: Scope) -> DepositTotals:
    """Deposits and sponsorship dated in ``year`` (by the transaction date)."""
    sums = {
        kind: (int(amount or 0), int(count))
        for kind, amount, count in session.execute(
            select(Deposit.kind, func.sum(Deposit.amount), func.count())
            .where(
                owner_clause(Deposit.commune_code, owner),
                Deposit.deleted_at.is_(None),
                Deposit.transacted_on >= date(year, 1, 1),
                Deposit.transacted_on <= date(year, 12, 31),
            )
            .group_by(Deposit.kind)
        )
    }
    deposits = sums.get(DepositKind.TIEN_GUI, (0, 0))
    sponsorship = sums.get(DepositKind.TAI_TRO, (0, 0))
    return DepositTotals(year, owner, deposits[0], deposits[1], sponsorship[0], sponsorship[1])
