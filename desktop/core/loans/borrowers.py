"""Borrowers (khách hàng vay vốn): who they are, where they live, which group they are in.

Personal data: only what supervision needs. At the city, borrowers arrive from sync files
with minimised identity data (no citizen ID or phone), so nothing here requires them; a
commune may leave them empty too, but a citizen ID that is given must be valid — 12 digits,
consistent with the birth year and sex when those are known — and unique in the commune.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import HouseholdCategory, Sex
from db.models import Borrower, Hamlet, Loan, SavingsGroup
from desktop.core import validation
from desktop.core.errors import ErrorCollector, UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.balances import NO_POSITION, latest_positions
from desktop.core.loans.common import check_choice, group_names, hamlet_names, no_gc_pauses
from desktop.core.office import record_store
from desktop.core.owners import Scope, alive
from desktop.core.text import name_sort_key

M_DUPLICATE_CID = QT_TRANSLATE_NOOP("Borrowers", "This citizen ID is already recorded for {name}.")
M_BORROWER_HAS_LOANS = QT_TRANSLATE_NOOP(
    "Borrowers", "{name} still has {count} loans. Delete the loans first."
)


@dataclass(frozen=True)
class BorrowerInput:
    full_name: str
    citizen_id: str = ""
    birth_year: int | None = None
    sex: Sex | None = None
    hamlet_id: str | None = None
    household_category: HouseholdCategory = HouseholdCategory.KHAC
    phone: str = ""
    group_id: str | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class BorrowerRow:
    id: str
    commune_code: str
    full_name: str
    citizen_id: str
    birth_year: int | None
    sex: Sex | None
    hamlet_id: str | None
    hamlet_name: str
    household_category: HouseholdCategory
    phone: str
    group_id: str | None
    group_name: str
    notes: str
    version: int
    loans: int
    outstanding: int


def list_borrowers(
    session: Session, owner: Scope, *, as_of: date | None = None
) -> list[BorrowerRow]:
    """Borrowers of ``owner`` with their number of loans and outstanding on ``as_of``."""
    with no_gc_pauses():
        return _list_borrowers(session, owner, as_of)


def _list_borrowers(session: Session, owner: Scope, as_of: date | None) -> list[BorrowerRow]:
    day = as_of or date.today()
    hamlets = hamlet_names(session, owner)
    groups = group_names(session, owner)
    loans: dict[str, int] = defaultdict(int)
    outstanding: dict[str, int] = defaultdict(int)
    found = latest_positions(session, owner, day)
    for loan_id, borrower_id in session.execute(
        select(Loan.id, Loan.borrower_id).where(alive(Loan, owner), Loan.disbursed_on <= day)
    ):
        loans[borrower_id] += 1
        outstanding[borrower_id] += found.get(loan_id, NO_POSITION)[1]
    rows = session.execute(
        select(
            Borrower.id,
            Borrower.commune_code,
            Borrower.full_name,
            Borrower.citizen_id,
            Borrower.birth_year,
            Borrower.sex,
            Borrower.hamlet_id,
            Borrower.household_category,
            Borrower.phone,
            Borrower.group_id,
            Borrower.notes,
            Borrower.version,
        ).where(alive(Borrower, owner))
    )
    result = [
        BorrowerRow(
            r.id,
            r.commune_code,
            r.full_name,
            r.citizen_id or "",
            r.birth_year,
            r.sex,
            r.hamlet_id,
            hamlets.get(r.hamlet_id, "") if r.hamlet_id else "",
            r.household_category,
            r.phone or "",
            r.group_id,
            groups.get(r.group_id, "") if r.group_id else "",
            r.notes,
            r.version,
            loans.get(r.id, 0),
            outstanding.get(r.id, 0),
        )
        for r in rows
    ]
    keys: dict[str, str] = {}

    def order(row: BorrowerRow) -> str:
        """Vietnamese name order; names repeat a lot, so each is keyed once."""
        key = keys.get(row.full_name)
        if key is None:
            key = keys[row.full_name] = name_sort_key(row.full_name)
        return key

    result.sort(key=order)
    return result


def borrower_fields(
    data: BorrowerInput, errors: ErrorCollector, *, name_required: bool = True
) -> dict[str, Any]:
    """The borrower's own fields as every way in checks them (the form, the Excel import):
    name, year of birth, sex, citizen ID (consistent with the year and sex when given),
    phone and notes. Returns the values to store; what is wrong goes into ``errors``. A
    row of a bank list that names a known loan may leave the name out (``name_required``)."""
    values: dict[str, Any] = {}
    name_rule = validation.required_text if name_required else validation.optional_text
    values["full_name"] = errors.check(name_rule, data.full_name, "full_name", limit=120)
    birth_year = None
    if data.birth_year is not None:
        birth_year = errors.check(validation.birth_year, data.birth_year)
    values["birth_year"] = birth_year
    sex = Sex(data.sex) if data.sex is not None else None
    values["sex"] = sex
    cid = None
    if (data.citizen_id or "").strip():
        cid = errors.check(validation.citizen_id, data.citizen_id, birth_year=birth_year, sex=sex)
    values["citizen_id"] = cid
    values["phone"] = errors.check(validation.phone, data.phone)
    values["notes"] = errors.check(validation.optional_text, data.notes, "notes")
    return values


def validate_borrower(
    session: Session, data: BorrowerInput, owner: str, except_id: str | None
) -> dict[str, Any]:
    """Check a borrower's fields; return the column values to store."""
    errors = ErrorCollector()
    values = borrower_fields(data, errors)
    hamlets = set(session.scalars(select(Hamlet.id).where(alive(Hamlet, Scope.unit(owner)))))
    errors.check(check_choice, data.hamlet_id, hamlets, "hamlet_id")
    groups = set(
        session.scalars(select(SavingsGroup.id).where(alive(SavingsGroup, Scope.unit(owner))))
    )
    errors.check(check_choice, data.group_id, groups, "group_id")
    cid = values.get("citizen_id")
    if cid:
        query = select(Borrower.full_name).where(
            alive(Borrower, Scope.unit(owner)), Borrower.citizen_id == cid
        )
        if except_id is not None:
            query = query.where(Borrower.id != except_id)
        holder = session.scalar(query.limit(1))
        if holder is not None:
            errors.add("citizen_id", M_DUPLICATE_CID, name=holder)
    errors.raise_if_any()
    values.update(
        hamlet_id=data.hamlet_id,
        group_id=data.group_id,
        household_category=HouseholdCategory(data.household_category),
    )
    return values


def create_borrower(session: Session, data: BorrowerInput) -> str:
    store = record_store(session)
    return store.create(Borrower, validate_borrower(session, data, store.owner_code, None))


def update_borrower(
    session: Session, borrower_id: str, data: BorrowerInput, *, expected_version: int
) -> int:
    store = record_store(session)
    values = validate_borrower(session, data, store.owner_code, borrower_id)
    return store.update(Borrower, borrower_id, values, expected_version=expected_version)


def delete_borrower(session: Session, borrower_id: str, *, expected_version: int) -> int:
    """Refused while the borrower has loans: a loan must always name its borrower."""
    store = record_store(session)
    borrower = store.get(Borrower, borrower_id)
    count = session.scalar(
        select(func.count()).where(Loan.borrower_id == borrower_id, Loan.deleted_at.is_(None))
    )
    if count:
        raise UserError(M_BORROWER_HAS_LOANS, name=borrower.full_name, count=count)
    return store.delete(Borrower, borrower_id, expected_version=expected_version)


def restore_borrower(session: Session, borrower_id: str, *, expected_version: int) -> int:
    store = record_store(session)
    borrower = store.get(Borrower, borrower_id, allow_deleted=True)
    if borrower.citizen_id:
        holder = session.scalar(
            select(Borrower.full_name).where(
                alive(Borrower, Scope.unit(store.owner_code)),
                Borrower.citizen_id == borrower.citizen_id,
                Borrower.id != borrower_id,
            )
        )
        if holder is not None:
            raise ValidationError("citizen_id", M_DUPLICATE_CID, name=holder)
    return store.restore(Borrower, borrower_id, expected_version=expected_version)


def borrower_group(session: Session, borrower_id: str) -> str | None:
    """The group the borrower is recorded in (``None`` when none, or the borrower is gone)."""
    return session.scalar(
        select(Borrower.group_id).where(Borrower.id == borrower_id, Borrower.deleted_at.is_(None))
    )
