"""Loan-use checks (kiểm tra sử dụng vốn vay) and the loans nobody has checked lately.

**Not checked in the last 12 months** (on day D): loans with an outstanding balance on D
whose latest check is dated before the same day twelve months earlier, or that were never
checked. Paid-off loans are left out: there is no money left to check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import CheckerKind, CheckResult
from db.models import Borrower, Loan, LoanCheck, SavingsGroup
from desktop.core import validation
from desktop.core.errors import ErrorCollector, UserError
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.common import group_names, hamlet_names, organisation_names
from desktop.core.loans.indicators import loan_positions
from desktop.core.office import record_store
from desktop.core.owners import Scope, alive, owner_clause
from desktop.core.programmes import programme_names
from desktop.core.removal import deleter
from desktop.core.text import sort_key

M_BEFORE_LOAN = QT_TRANSLATE_NOOP("Checks", "The check cannot be before the disbursement ({day}).")
M_FUTURE = QT_TRANSLATE_NOOP("Checks", "A check cannot be dated in the future.")
M_LOAN_GONE = QT_TRANSLATE_NOOP("Checks", "Choose the loan that was checked.")


@dataclass(frozen=True)
class CheckInput:
    loan_id: str | None
    checked_on: date | None
    checker_kind: CheckerKind | None
    result: CheckResult | None
    checker_name: str = ""
    stated_use: str = ""
    actual_use: str = ""
    action_required: str = ""
    follow_up_on: date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class CheckRow:
    id: str
    commune_code: str
    loan_id: str
    contract_no: str
    borrower_name: str
    hamlet_name: str
    programme_name: str
    group_name: str
    checked_on: date
    checker_kind: CheckerKind
    checker_name: str
    stated_use: str
    actual_use: str
    result: CheckResult
    action_required: str
    follow_up_on: date | None
    notes: str
    version: int


@dataclass(frozen=True, slots=True)
class UncheckedLoan:
    loan_id: str
    commune_code: str
    contract_no: str
    borrower_name: str
    hamlet_name: str
    group_name: str
    organisation_name: str
    programme_name: str
    disbursed_on: date
    outstanding: int
    last_checked_on: date | None


def list_checks(session: Session, owner: Scope) -> list[CheckRow]:
    """Checks of ``owner``'s loans, newest first (checks of deleted loans are left out)."""
    hamlets = hamlet_names(session, owner)
    groups = group_names(session, owner)
    names = programme_names(session)
    rows = session.execute(
        select(
            LoanCheck.id,
            LoanCheck.commune_code,
            LoanCheck.loan_id,
            Loan.contract_no,
            Borrower.full_name,
            Borrower.hamlet_id,
            Loan.programme_code,
            Loan.group_id,
            LoanCheck.checked_on,
            LoanCheck.checker_kind,
            LoanCheck.checker_name,
            LoanCheck.stated_use,
            LoanCheck.actual_use,
            LoanCheck.result,
            LoanCheck.action_required,
            LoanCheck.follow_up_on,
            LoanCheck.notes,
            LoanCheck.version,
        )
        .join(Loan, Loan.id == LoanCheck.loan_id)
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .where(alive(LoanCheck, owner), Loan.deleted_at.is_(None))
        .order_by(LoanCheck.checked_on.desc(), LoanCheck.change_seq.desc())
    )
    return [
        CheckRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            hamlets.get(r[5], "") if r[5] else "",
            names.get(r[6], r[6]),
            groups.get(r[7], "") if r[7] else "",
            r[8],
            r[9],
            r[10],
            r[11],
            r[12],
            r[13],
            r[14],
            r[15],
            r[16],
            r[17],
        )
        for r in rows
    ]


def twelve_months_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def loans_not_checked(
    session: Session, owner: Scope, *, today: date | None = None
) -> list[UncheckedLoan]:
    """Loans with a balance on ``today`` not checked in the twelve months before it (see
    module docs); never-checked loans first, then the longest unchecked."""
    day = today or date.today()
    since = twelve_months_before(day)
    rows = session.execute(
        select(LoanCheck.loan_id, func.max(LoanCheck.checked_on))
        .where(alive(LoanCheck, owner), LoanCheck.checked_on <= day)
        .group_by(LoanCheck.loan_id)
    ).all()
    last: dict[str, date] = dict(rows)
    due = [
        p
        for p in loan_positions(session, owner, day)
        if p.outstanding > 0 and (p.loan_id not in last or last[p.loan_id] < since)
    ]
    if not due:
        return []
    hamlets = hamlet_names(session, owner)
    groups = group_names(session, owner)
    orgs = organisation_names(session)
    names = programme_names(session)
    details = {
        loan_id: (contract, name)
        for loan_id, contract, name in session.execute(
            select(Loan.id, Loan.contract_no, Borrower.full_name)
            .join(Borrower, Borrower.id == Loan.borrower_id)
            .where(alive(Loan, owner))
        )
    }
    result = [
        UncheckedLoan(
            p.loan_id,
            p.commune_code,
            details[p.loan_id][0],
            details[p.loan_id][1],
            hamlets.get(p.hamlet_id, "") if p.hamlet_id else "",
            groups.get(p.group_id, "") if p.group_id else "",
            orgs.get(p.organisation_code, "") if p.organisation_code else "",
            names.get(p.programme_code, p.programme_code),
            p.disbursed_on,
            p.outstanding,
            last.get(p.loan_id),
        )
        for p in due
    ]
    result.sort(key=lambda u: (u.last_checked_on or date.min, u.disbursed_on))
    return result


def _validate_check(
    session: Session, data: CheckInput, owner: str, today: date | None
) -> dict[str, object]:
    errors = ErrorCollector()
    values: dict[str, object] = {}
    loan = session.get(Loan, data.loan_id) if data.loan_id else None
    if loan is None or loan.deleted_at is not None or loan.commune_code != owner:
        errors.add("loan_id", M_LOAN_GONE)
        loan = None
    values["checked_on"] = checked = errors.check(
        validation.check, LoanCheck.checked_on, data.checked_on
    )
    if checked is not None and checked > (today or date.today()):
        errors.add("checked_on", M_FUTURE)
    elif checked is not None and loan is not None and checked < loan.disbursed_on:
        errors.add("checked_on", M_BEFORE_LOAN, day=format_date(loan.disbursed_on))
    if data.checker_kind is None:
        errors.add("checker_kind", validation.M_REQUIRED)
    if data.result is None:
        errors.add("result", validation.M_REQUIRED)
    for field in ("checker_name", "stated_use", "actual_use", "action_required", "notes"):
        values[field] = errors.check(
            validation.check, getattr(LoanCheck, field), getattr(data, field)
        )
    values["follow_up_on"] = errors.check(
        validation.check, LoanCheck.follow_up_on, data.follow_up_on
    )
    if not errors.has("follow_up_on"):
        errors.check(validation.not_before, data.follow_up_on, data.checked_on, "follow_up_on")
    errors.raise_if_any()
    values.update(
        loan_id=data.loan_id,
        checker_kind=CheckerKind(data.checker_kind),  # type: ignore[arg-type]
        result=CheckResult(data.result),  # type: ignore[arg-type]
    )
    return values


def create_check(session: Session, data: CheckInput, *, today: date | None = None) -> str:
    store = record_store(session)
    return store.create(LoanCheck, _validate_check(session, data, store.owner_code, today))


def update_check(
    session: Session,
    check_id: str,
    data: CheckInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    store = record_store(session)
    values = _validate_check(session, data, store.owner_code, today)
    return store.update(LoanCheck, check_id, values, expected_version=expected_version)


delete_check = deleter(LoanCheck)


def restore_check(session: Session, check_id: str, *, expected_version: int) -> int:
    store = record_store(session)
    check = store.get(LoanCheck, check_id, allow_deleted=True)
    loan = session.get(Loan, check.loan_id)
    if loan is None or loan.deleted_at is not None:
        raise UserError(M_LOAN_GONE)
    return store.restore(LoanCheck, check_id, expected_version=expected_version)


@dataclass(frozen=True, slots=True)
class DueLoan:
    """A loan due for a check (:func:`loans_not_checked`) with what the field list prints:
    its group and the group's leader, the amount and the purpose of the loan."""

    loan_id: str
    commune_code: str
    borrower_name: str
    hamlet_id: str | None
    hamlet_name: str
    group_id: str | None
    group_name: str
    group_leader: str
    organisation_name: str
    programme_name: str
    contract_no: str
    disbursed_on: date
    amount_disbursed: int | None
    purpose: str
    outstanding: int
    last_checked_on: date | None


def checks_due(session: Session, owner: Scope, day: date) -> list[DueLoan]:
    """The loans due for a check on ``day`` (not checked in the twelve months before it, see
    module docs), ordered by hamlet, group and borrower: the field list of the next checks."""
    due = loans_not_checked(session, owner, today=day)
    if not due:
        return []
    wanted = {item.loan_id: item for item in due}
    leaders: dict[str, str] = dict(
        session.execute(
            select(SavingsGroup.id, SavingsGroup.leader_name).where(
                owner_clause(SavingsGroup.commune_code, owner)
            )
        ).all()
    )
    result = []
    for loan_id, hamlet_id, group_id, amount, purpose in session.execute(
        select(Loan.id, Borrower.hamlet_id, Loan.group_id, Loan.amount_disbursed, Loan.purpose)
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .where(alive(Loan, owner), Loan.disbursed_on <= day)
    ):
        item = wanted.get(loan_id)
        if item is None:
            continue
        result.append(
            DueLoan(
                loan_id,
                item.commune_code,
                item.borrower_name,
                hamlet_id,
                item.hamlet_name,
                group_id,
                item.group_name,
                leaders.get(group_id, "") if group_id else "",
                item.organisation_name,
                item.programme_name,
                item.contract_no,
                item.disbursed_on,
                amount,
                purpose,
                item.outstanding,
                item.last_checked_on,
            )
        )
    result.sort(
        key=lambda d: (
            sort_key(d.commune_code),
            not d.hamlet_name,
            sort_key(d.hamlet_name),
            not d.group_name,
            sort_key(d.group_name),
            sort_key(d.borrower_name),
            d.contract_no,
        )
    )
    return result
