"""What the record of a loan-use check (biên bản kiểm tra sử dụng vốn vay) prints: the check
itself, the borrower, the loan and its balance on the day of the check, the organisation
and the group that manage it and the group's leader — one :class:`CheckRecord` per check.

:func:`checks_of_period` picks the checks a bundle of records covers (one commune's checks
dated in a period, optionally of one group); :func:`find_group` reads the group a person
names by its code or its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.enums import CheckerKind, CheckResult, Sex
from db.models import Borrower, CreditProgramme, Loan, LoanCheck, Organisation, SavingsGroup
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.balances import position_on
from desktop.core.loans.common import group_label, hamlet_names
from desktop.core.owners import Scope, alive
from desktop.core.text import nfc, sort_key

M_NO_GROUP = QT_TRANSLATE_NOOP(
    "CheckRecords",
    "The commune has no savings-and-loan group with the code or name {group}.",
)
M_NO_CHECK = QT_TRANSLATE_NOOP("CheckRecords", "This loan-use check no longer exists.")


@dataclass(frozen=True)
class CheckRecord:
    check_id: str
    commune_code: str
    checked_on: date
    checker_kind: CheckerKind
    checker_name: str
    stated_use: str
    actual_use: str
    result: CheckResult
    action_required: str
    follow_up_on: date | None
    notes: str
    borrower_name: str
    borrower_sex: Sex | None
    hamlet_name: str
    contract_no: str
    programme_name: str
    #: ``None`` when not known (a loan imported from a list of balances).
    amount_disbursed: int | None
    disbursed_on: date
    maturity_on: date | None
    purpose: str
    #: The loan's outstanding balance on the day of the check; ``None`` when no balance was
    #: recorded by then.
    outstanding: int | None
    organisation_name: str
    group_name: str
    group_leader: str


def check_record(session: Session, check_id: str) -> CheckRecord:
    """The record of one check (deleted checks and checks of deleted loans have none)."""
    row = session.execute(
        select(
            LoanCheck.id,
            LoanCheck.commune_code,
            LoanCheck.checked_on,
            LoanCheck.checker_kind,
            LoanCheck.checker_name,
            LoanCheck.stated_use,
            LoanCheck.actual_use,
            LoanCheck.result,
            LoanCheck.action_required,
            LoanCheck.follow_up_on,
            LoanCheck.notes,
            Borrower.full_name,
            Borrower.sex,
            Borrower.hamlet_id,
            Loan.id,
            Loan.contract_no,
            CreditProgramme.name,
            Loan.amount_disbursed,
            Loan.disbursed_on,
            Loan.maturity_on,
            Loan.purpose,
            Organisation.name,
            SavingsGroup.code,
            SavingsGroup.name,
            SavingsGroup.leader_name,
        )
        .join(Loan, Loan.id == LoanCheck.loan_id)
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .join(CreditProgramme, CreditProgramme.code == Loan.programme_code)
        .outerjoin(Organisation, Organisation.code == Loan.organisation_code)
        .outerjoin(SavingsGroup, SavingsGroup.id == Loan.group_id)
        .where(
            LoanCheck.id == check_id,
            LoanCheck.deleted_at.is_(None),
            Loan.deleted_at.is_(None),
        )
    ).first()
    if row is None:
        raise UserError(M_NO_CHECK)
    (
        _id,
        commune,
        checked_on,
        kind,
        checker,
        stated,
        actual,
        result,
        action,
        follow_up,
        notes,
        borrower,
        sex,
        hamlet_id,
        loan_id,
        contract,
        programme,
        amount,
        disbursed,
        maturity,
        purpose,
        organisation,
        group_code,
        group_name,
        leader,
    ) = row
    position = position_on(session, loan_id, checked_on)
    hamlets = hamlet_names(session, Scope.unit(commune)) if hamlet_id else {}
    return CheckRecord(
        check_id,
        commune,
        checked_on,
        kind,
        nfc(checker),
        nfc(stated),
        nfc(actual),
        result,
        nfc(action),
        follow_up,
        nfc(notes),
        nfc(borrower),
        sex,
        hamlets.get(hamlet_id, "") if hamlet_id else "",
        contract,
        programme,
        amount,
        disbursed,
        maturity,
        nfc(purpose),
        None if position is None else position.outstanding,
        organisation or "",
        group_label(group_code, group_name) if group_name else "",
        nfc(leader or ""),
    )


def find_group(session: Session, owner: str, text: str) -> tuple[str, str]:
    """``(id, label)`` of the group of ``owner`` whose code or name is ``text`` (letter case
    ignored); refused with a clear message when there is none."""
    wanted = nfc(text).strip().lower()
    row = session.execute(
        select(SavingsGroup.id, SavingsGroup.code, SavingsGroup.name)
        .where(
            alive(SavingsGroup, Scope.unit(owner)),
            or_(func.lower(SavingsGroup.code) == wanted, func.lower(SavingsGroup.name) == wanted),
        )
        .limit(1)
    ).first()
    if row is None:
        # SQLite lowers ASCII letters only: compare Vietnamese names here.
        for group_id, code, name in session.execute(
            select(SavingsGroup.id, SavingsGroup.code, SavingsGroup.name).where(
                alive(SavingsGroup, Scope.unit(owner))
            )
        ):
            if wanted in (nfc(code).lower(), nfc(name).lower()):
                return group_id, group_label(code, name)
        raise UserError(M_NO_GROUP, group=text.strip())
    return row[0], group_label(row[1], row[2])


def checks_of_period(
    session: Session, owner: str, start: date, end: date, group_id: str | None = None
) -> list[str]:
    """Ids of the checks of ``owner``'s loans dated from ``start`` to ``end`` (of the loans
    of one group when given), by date, then borrower."""
    query = (
        select(LoanCheck.id, LoanCheck.checked_on, Borrower.full_name, LoanCheck.change_seq)
        .join(Loan, Loan.id == LoanCheck.loan_id)
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .where(
            alive(LoanCheck, Scope.unit(owner)),
            Loan.deleted_at.is_(None),
            LoanCheck.checked_on >= start,
            LoanCheck.checked_on <= end,
        )
    )
    if group_id is not None:
        query = query.where(Loan.group_id == group_id)
    rows = sorted(session.execute(query).all(), key=lambda r: (r[1], sort_key(r[2]), r[3]))
    return [r[0] for r in rows]
