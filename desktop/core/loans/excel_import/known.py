"""What TDCS already holds that a list's rows are matched against, read once per import.

Programmes and organisations by the words lists use for them, the commune's hamlets and
groups by name, its borrowers by citizen ID (or by name, year of birth and hamlet when a list
has no IDs) and its loans by contract number (or by citizen ID, programme and disbursement
date). Borrowers and loans are keyed ``id:<uuid>``; what the rows accepted so far introduce
is added under ``new:…`` keys, so that a later row finds it like a recorded one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Borrower, Hamlet, Loan, SavingsGroup
from desktop.core.loans.common import organisations
from desktop.core.loans.excel_import.fields import heading_key
from desktop.core.loans.excel_import.match import (
    ORGANISATION_WORDS,
    PROGRAMME_WORDS,
    WordMatcher,
    hamlet_key,
)
from desktop.core.owners import Scope, alive
from desktop.core.programmes import RateBook, programmes
from desktop.core.text import search_key

#: A person as lists without citizen IDs name them: name, year of birth, hamlet.
Person = tuple[str, int | None, str | None]
#: A loan as lists without contract numbers name it: citizen ID, programme, disbursement.
Identity = tuple[str, str, date]

BORROWER_COLUMNS = (
    "full_name",
    "citizen_id",
    "birth_year",
    "sex",
    "hamlet_id",
    "household_category",
    "phone",
    "group_id",
)
LOAN_COLUMNS = (
    "borrower_id",
    "programme_code",
    "organisation_code",
    "group_id",
    "contract_no",
    "amount_disbursed",
    "disbursed_on",
    "maturity_on",
    "purpose",
    "rate_bp",
)


@dataclass(frozen=True)
class BorrowerState:
    """A borrower: recorded (its id and :data:`BORROWER_COLUMNS`), or new to this list (no
    id; its name as the first row gives it)."""

    id: str | None
    values: dict[str, Any]


@dataclass(frozen=True)
class LoanState:
    """A loan: its id (``None`` for a new one), its values (:data:`LOAN_COLUMNS`, or those
    a row gives) and the key of its borrower."""

    id: str | None
    values: dict[str, Any]
    borrower_key: str


def person_of(name: str, birth_year: int | None, hamlet_id: str | None) -> Person:
    return search_key(name), birth_year, hamlet_id


@dataclass
class Known:
    rates: RateBook
    programmes: WordMatcher
    organisations: WordMatcher
    organisation_names: dict[str, str]
    hamlets: dict[str, str]
    #: Group code or name (as :func:`heading_key` has it) → (id, organisation).
    groups: dict[str, tuple[str, str | None]]
    borrowers: dict[str, BorrowerState] = field(default_factory=dict)
    borrower_by_cid: dict[str, str] = field(default_factory=dict)
    borrower_by_person: dict[Person, list[str]] = field(default_factory=dict)
    loans: dict[str, LoanState] = field(default_factory=dict)
    loan_by_contract: dict[str, str] = field(default_factory=dict)
    loan_by_identity: dict[Identity, str] = field(default_factory=dict)

    def hamlet(self, name: str) -> str | None:
        """ "Ấp Thới Hòa" and "Thới Hòa" alike, "KV1" and "Khu vực 1" alike."""
        return self.hamlets.get(hamlet_key(name)) or self.hamlets.get(heading_key(name))

    def group(self, text: str) -> tuple[str, str | None] | None:
        return self.groups.get(heading_key(text)) if text else None

    def add_borrower(self, key: str, state: BorrowerState) -> None:
        values = state.values
        self.borrowers[key] = state
        if values.get("citizen_id"):
            self.borrower_by_cid[values["citizen_id"]] = key
        person = person_of(values["full_name"], values.get("birth_year"), values.get("hamlet_id"))
        self.borrower_by_person.setdefault(person, []).append(key)

    def add_loan(self, key: str, contract_no: str, identity: Identity | None) -> None:
        """Where later rows find a loan (recorded, or new to this list)."""
        if contract_no:
            self.loan_by_contract[contract_no] = key
        if identity is not None:
            self.loan_by_identity[identity] = key


def _matcher(catalogue: Iterable[Any], words: dict[str, tuple[str, ...]]) -> WordMatcher:
    matcher = WordMatcher()
    for entry in catalogue:
        matcher.add(entry.code, (entry.code, entry.name, entry.short_name))
        matcher.add(entry.code, words.get(entry.code, ()))
    return matcher


def _hamlets(session: Session, owner: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for hamlet_id, name in session.execute(
        select(Hamlet.id, Hamlet.name).where(alive(Hamlet, Scope.unit(owner)))
    ):
        found.setdefault(hamlet_key(name), hamlet_id)
        found.setdefault(heading_key(name), hamlet_id)
    return found


def _groups(session: Session, owner: str) -> dict[str, tuple[str, str | None]]:
    found: dict[str, tuple[str, str | None]] = {}
    for group_id, code, name, organisation in session.execute(
        select(
            SavingsGroup.id, SavingsGroup.code, SavingsGroup.name, SavingsGroup.organisation_code
        ).where(alive(SavingsGroup, Scope.unit(owner)))
    ):
        found.setdefault(heading_key(code), (group_id, organisation))
        found.setdefault(heading_key(name), (group_id, organisation))
    return found


def _add_borrowers(known: Known, session: Session, owner: str) -> None:
    columns = [getattr(Borrower, c) for c in BORROWER_COLUMNS]
    for row in session.execute(
        select(Borrower.id, *columns).where(alive(Borrower, Scope.unit(owner)))
    ):
        values = dict(zip(BORROWER_COLUMNS, row[1:], strict=True))
        known.add_borrower(f"id:{row[0]}", BorrowerState(row[0], values))


def _add_loans(known: Known, session: Session, owner: str) -> None:
    columns = [getattr(Loan, c) for c in LOAN_COLUMNS]
    for row in session.execute(select(Loan.id, *columns).where(alive(Loan, Scope.unit(owner)))):
        values = dict(zip(LOAN_COLUMNS, row[1:], strict=True))
        key = f"id:{row[0]}"
        borrower_key = f"id:{values['borrower_id']}"
        known.loans[key] = LoanState(row[0], values, borrower_key)
        borrower = known.borrowers.get(borrower_key)
        cid = borrower.values["citizen_id"] if borrower is not None else None
        identity = (cid, values["programme_code"], values["disbursed_on"]) if cid else None
        known.add_loan(key, values["contract_no"], identity)


def load_known(session: Session, owner: str) -> Known:
    """The catalogue, and ``owner``'s hamlets, groups, borrowers and loans."""
    catalogue = organisations(session)
    known = Known(
        rates=RateBook(session),
        programmes=_matcher(programmes(session), PROGRAMME_WORDS),
        organisations=_matcher(catalogue, ORGANISATION_WORDS),
        organisation_names={o.code: o.short_name for o in catalogue},
        hamlets=_hamlets(session, owner),
        groups=_groups(session, owner),
    )
    _add_borrowers(known, session, owner)
    _add_loans(known, session, owner)
    return known
