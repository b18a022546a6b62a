"""Loans the commune supervises: savings-and-loan groups, borrowers, loans, balances, checks.

Balances are kept as dated snapshots (:class:`LoanBalance`), one amount per debt category,
so the situation at any past date can be shown and one loan can be partly overdue.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import SyncedRecord, enum_column
from db.enums import (
    CheckerKind,
    CheckResult,
    GroupGrade,
    GroupStatus,
    HouseholdCategory,
    Sex,
)
from db.fields import (
    MAX_SINGLE_AMOUNT,
    MAX_TEXT,
    calendar_year,
    day,
    field,
    money,
    phone_number,
    rate,
    text,
    whole_number,
    year_of_birth,
)

#: A note on a loans record: one line (line breaks are not kept).
NOTES = text(MAX_TEXT)
#: One category of a loan's balance.
BALANCE = money(zero=True)
#: The most members a savings-and-loan group may have.
MAX_MEMBERS = 500
#: The highest believable loan rate: 20 % a year.
MAX_LOAN_RATE_BP = 2_000


class SavingsGroup(SyncedRecord):
    """A Tổ tiết kiệm và vay vốn (5–60 members in one hamlet, run by one organisation)."""

    __tablename__ = "savings_groups"
    record_type = "savings_group"

    #: Blank for a group imported from a bank list without codes (the form requires one).
    code: Mapped[str] = field(text(32), String(32), index=True)
    name: Mapped[str] = field(text(200, required=True))
    hamlet_id: Mapped[str | None] = mapped_column(ForeignKey("hamlets.id"), index=True)
    organisation_code: Mapped[str | None] = mapped_column(ForeignKey("organisations.code"))
    leader_name: Mapped[str] = field(text(120), default="")
    leader_phone: Mapped[str] = field(phone_number(), default="")
    founding_decision_no: Mapped[str] = field(text(60), default="")
    founding_decision_date: Mapped[date | None] = field(day())
    status: Mapped[GroupStatus] = enum_column(GroupStatus, default=GroupStatus.ACTIVE)
    notes: Mapped[str] = field(NOTES, default="")


class GroupAssessment(SyncedRecord):
    """A group's yearly grade (tốt / khá / trung bình / yếu) and members' savings."""

    __tablename__ = "group_assessments"
    record_type = "group_assessment"

    group_id: Mapped[str] = mapped_column(ForeignKey("savings_groups.id"), index=True)
    year: Mapped[int] = field(calendar_year())
    grade: Mapped[GroupGrade] = enum_column(GroupGrade)
    members_count: Mapped[int | None] = field(whole_number(0, MAX_MEMBERS))
    members_savings: Mapped[int | None] = field(money(MAX_SINGLE_AMOUNT, zero=True))
    notes: Mapped[str] = field(NOTES, default="")


class OrganisationGrade(SyncedRecord):
    """The year's grade of one entrusted organisation's work at the commune (Hội Nông dân,
    Hội LHPN, Hội CCB, Đoàn TN: tốt / khá / trung bình / yếu), one per organisation and year.
    """

    __tablename__ = "organisation_grades"
    record_type = "organisation_grade"

    organisation_code: Mapped[str] = mapped_column(ForeignKey("organisations.code"), index=True)
    year: Mapped[int] = field(calendar_year())
    grade: Mapped[GroupGrade] = enum_column(GroupGrade)
    notes: Mapped[str] = field(NOTES, default="")


class Borrower(SyncedRecord):
    """A customer with a loan. Personal data: keep to what supervision needs."""

    __tablename__ = "borrowers"
    record_type = "borrower"

    full_name: Mapped[str] = field(text(120, required=True))
    #: Checked by :func:`desktop.core.validation.citizen_id` (12 digits).
    citizen_id: Mapped[str | None] = field(text(12), String(12), index=True)
    birth_year: Mapped[int | None] = field(year_of_birth())
    sex: Mapped[Sex | None] = enum_column(Sex)
    hamlet_id: Mapped[str | None] = mapped_column(ForeignKey("hamlets.id"), index=True)
    household_category: Mapped[HouseholdCategory] = enum_column(
        HouseholdCategory, default=HouseholdCategory.KHAC
    )
    phone: Mapped[str] = field(phone_number(), default="")
    group_id: Mapped[str | None] = mapped_column(ForeignKey("savings_groups.id"), index=True)
    notes: Mapped[str] = field(NOTES, default="")


class Loan(SyncedRecord):
    """A VBSP loan; ``rate_bp`` is the contract rate when known, else the catalogue's.

    ``amount_disbursed`` is ``None`` when nobody told TDCS: the bank's lists of loans still
    owing (danh sách dư nợ) carry balances, not the amount once disbursed. Unknown is shown
    as unknown, never as 0 or as the balance.
    """

    __tablename__ = "loans"
    record_type = "loan"

    borrower_id: Mapped[str] = mapped_column(ForeignKey("borrowers.id"), index=True)
    programme_code: Mapped[str] = mapped_column(ForeignKey("credit_programmes.code"), index=True)
    organisation_code: Mapped[str | None] = mapped_column(ForeignKey("organisations.code"))
    group_id: Mapped[str | None] = mapped_column(ForeignKey("savings_groups.id"), index=True)
    contract_no: Mapped[str] = field(text(40), String(40), index=True, default="")
    amount_disbursed: Mapped[int | None] = field(money())
    disbursed_on: Mapped[date] = field(day())
    maturity_on: Mapped[date | None] = field(day())
    purpose: Mapped[str] = field(text(500), default="")
    rate_bp: Mapped[int | None] = field(rate(MAX_LOAN_RATE_BP))
    notes: Mapped[str] = field(NOTES, default="")


class LoanBalance(SyncedRecord):
    """The outstanding balance of one loan as of a date, split by debt category.

    Outstanding (dư nợ) is the sum of every category except ``written_off_amount``; a loan
    whose outstanding is zero is paid off (tất toán). ``overdue_since`` dates the overdue
    part for arrears ageing.
    """

    __tablename__ = "loan_balances"
    #: Every snapshot of a loan in date order, carrying all a position needs, so that "the
    #: position of every loan on day D" (one ``GROUP BY loan_id`` with ``max()``) reads the
    #: index alone, in order, instead of visiting 1.2 million table rows at random at the
    #: city: 0.7 s instead of 5 s (``docs/performance.md``). It also serves a loan's history.
    __table_args__ = (
        Index(
            "ix_loan_balances_position",
            "loan_id",
            "as_of",
            "change_seq",
            "deleted_at",
            "commune_code",
            "current_amount",
            "overdue_amount",
            "frozen_amount",
            "pending_amount",
            "extended_amount",
            "rescheduled_amount",
            "overdue_since",
        ),
    )
    record_type = "loan_balance"

    loan_id: Mapped[str] = mapped_column(ForeignKey("loans.id"))
    as_of: Mapped[date] = field(day())
    current_amount: Mapped[int] = field(BALANCE, default=0)
    overdue_amount: Mapped[int] = field(BALANCE, default=0)
    frozen_amount: Mapped[int] = field(BALANCE, default=0)
    pending_amount: Mapped[int] = field(BALANCE, default=0)
    extended_amount: Mapped[int] = field(BALANCE, default=0)
    rescheduled_amount: Mapped[int] = field(BALANCE, default=0)
    written_off_amount: Mapped[int] = field(BALANCE, default=0)
    overdue_since: Mapped[date | None] = field(day())
    notes: Mapped[str] = field(NOTES, default="")


class LoanCheck(SyncedRecord):
    """A check of how a loan's money was used (kiểm tra sử dụng vốn vay)."""

    __tablename__ = "loan_checks"
    #: The checks of a period in date order with what "each loan's latest check in the
    #: year" reads, so that SQLite never visits the table rows for it (``0002``).
    __table_args__ = (
        Index(
            "ix_loan_checks_in_period",
            "checked_on",
            "loan_id",
            "change_seq",
            "deleted_at",
            "commune_code",
            "result",
        ),
    )
    record_type = "loan_check"

    loan_id: Mapped[str] = mapped_column(ForeignKey("loans.id"), index=True)
    checked_on: Mapped[date] = field(day())
    checker_kind: Mapped[CheckerKind] = enum_column(CheckerKind)
    checker_name: Mapped[str] = field(text(200), default="")
    stated_use: Mapped[str] = field(NOTES, default="")
    actual_use: Mapped[str] = field(NOTES, default="")
    result: Mapped[CheckResult] = enum_column(CheckResult)
    action_required: Mapped[str] = field(NOTES, default="")
    follow_up_on: Mapped[date | None] = field(day())
    notes: Mapped[str] = field(NOTES, default="")
