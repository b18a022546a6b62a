"""Money raised for social policy credit: the "Vì người nghèo" fund, deposits and
sponsorship, and local budget capital entrusted to VBSP with the branch's total capital."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from db.base import SyncedRecord, enum_column
from db.enums import ContributionForm, DepositKind, DonorType, PartyType, SourceLevel
from db.fields import (
    MAX_AMOUNT,
    MAX_TEXT,
    calendar_year,
    day,
    field,
    money,
    text,
    whole_number,
)

#: The funds' notes keep their line breaks.
NOTES = text(MAX_TEXT, multiline=True)


class FundContribution(SyncedRecord):
    """A gift to Quỹ "Vì người nghèo"; for in-kind gifts ``amount`` is the estimated value."""

    __tablename__ = "fund_contributions"
    record_type = "fund_contribution"

    donor_name: Mapped[str] = field(text(200, required=True))
    donor_type: Mapped[DonorType] = enum_column(DonorType)
    form: Mapped[ContributionForm] = enum_column(ContributionForm)
    amount: Mapped[int] = field(money())
    in_kind_description: Mapped[str] = field(text(500), default="")
    received_on: Mapped[date] = field(day(), index=True)
    receipt_no: Mapped[str] = field(text(50), default="")
    campaign_year: Mapped[int] = field(calendar_year())
    notes: Mapped[str] = field(NOTES, default="")


class FundSpending(SyncedRecord):
    """A grant paid from the fund (the fund gives grants, not loans)."""

    __tablename__ = "fund_spendings"
    record_type = "fund_spending"

    recipient_name: Mapped[str] = field(text(200, required=True))
    hamlet_id: Mapped[str | None] = mapped_column(ForeignKey("hamlets.id"))
    purpose: Mapped[str] = field(text(500, required=True))
    amount: Mapped[int] = field(money())
    spent_on: Mapped[date] = field(day(), index=True)
    decision_no: Mapped[str] = field(text(60), default="")
    decision_date: Mapped[date | None] = field(day())
    notes: Mapped[str] = field(NOTES, default="")


class FundOpeningBalance(SyncedRecord):
    """The balance the fund held at the start of a year, as stated by the office.

    Needed once, for the first year recorded in TDCS; later years carry it forward.
    """

    __tablename__ = "fund_opening_balances"
    record_type = "fund_opening_balance"

    year: Mapped[int] = field(calendar_year())
    amount: Mapped[int] = field(money(MAX_AMOUNT, zero=True))
    notes: Mapped[str] = field(NOTES, default="")


class Deposit(SyncedRecord):
    """A deposit placed with VBSP, or a sponsorship, by an organisation or a person."""

    __tablename__ = "deposits"
    record_type = "deposit"

    kind: Mapped[DepositKind] = enum_column(DepositKind)
    party_name: Mapped[str] = field(text(200, required=True))
    party_type: Mapped[PartyType] = enum_column(PartyType)
    amount: Mapped[int] = field(money(MAX_AMOUNT))
    transacted_on: Mapped[date] = field(day(), index=True)
    term_months: Mapped[int | None] = field(whole_number(1, 360))
    notes: Mapped[str] = field(NOTES, default="")


class EntrustedTransfer(SyncedRecord):
    """Local budget money transferred to VBSP to lend locally (vốn ngân sách ủy thác)."""

    __tablename__ = "entrusted_transfers"
    record_type = "entrusted_transfer"

    year: Mapped[int] = field(calendar_year(), index=True)
    source_level: Mapped[SourceLevel] = enum_column(SourceLevel)
    amount: Mapped[int] = field(money(MAX_AMOUNT))
    decision_no: Mapped[str] = field(text(60), default="")
    decision_date: Mapped[date | None] = field(day())
    transferred_on: Mapped[date | None] = field(day())
    programme_code: Mapped[str | None] = mapped_column(ForeignKey("credit_programmes.code"))
    notes: Mapped[str] = field(NOTES, default="")


class CapitalTotal(SyncedRecord):
    """Total capital (tổng nguồn vốn) at year end as reported by VBSP, with the local
    entrusted balance when the bank reports it; the base of the plan's 20 % share target.

    The bank also splits the total by source: central capital (nguồn vốn Trung ương), the
    local budget capital entrusted (``entrusted_balance``) and mobilised capital (nguồn vốn
    huy động: deposits, members' savings); each part is optional, never above the total."""

    __tablename__ = "capital_totals"
    record_type = "capital_total"

    year: Mapped[int] = field(calendar_year(), index=True)
    total_capital: Mapped[int] = field(money(MAX_AMOUNT))
    entrusted_balance: Mapped[int | None] = field(money(MAX_AMOUNT, zero=True))
    as_of: Mapped[date | None] = field(day())
    source_note: Mapped[str] = field(text(300), default="")
    notes: Mapped[str] = field(NOTES, default="")
    central_amount: Mapped[int | None] = field(money(MAX_AMOUNT, zero=True))
    mobilised_amount: Mapped[int | None] = field(money(MAX_AMOUNT, zero=True))
