"""Money raised for social policy credit: the "Vì người nghèo" fund, deposits and
sponsorship, and local budget capital entrusted to VBSP with the branch's total capital."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from db.base import SyncedRecord, enum_column
from db.enums import ContributionForm, DepositKind, DonorType, PartyType, SourceLevel


class FundContribution(SyncedRecord):
    """A gift to Quỹ "Vì người nghèo"; for in-kind gifts ``amount`` is the estimated value."""

    __tablename__ = "fund_contributions"
    record_type = "fund_contribution"

    donor_name: Mapped[str]
    donor_type: Mapped[DonorType] = enum_column(DonorType)
    form: Mapped[ContributionForm] = enum_column(ContributionForm)
    amount: Mapped[int]
    in_kind_description: Mapped[str] = mapped_column(default="")
    received_on: Mapped[date] = mapped_column(index=True)
    receipt_no: Mapped[str] = mapped_column(default="")
    campaign_year: Mapped[int]
    notes: Mapped[str] = mapped_column(default="")


class FundSpending(SyncedRecord):
    """A grant paid from the fund (the fund gives grants, not loans)."""

    __tablename__ = "fund_spendings"
    record_type = "fund_spending"

    recipient_name: Mapped[str]
    hamlet_id: Mapped[str | None] = mapped_column(ForeignKey("hamlets.id"))
    purpose: Mapped[str]
    amount: Mapped[int]
    spent_on: Mapped[date] = mapped_column(index=True)
    decision_no: Mapped[str] = mapped_column(default="")
    decision_date: Mapped[date | None]
    notes: Mapped[str] = mapped_column(default="")


class FundOpeningBalance(SyncedRecord):
    """The balance the fund held at the start of a year, as stated by the office.

    Needed once, for the first year recorded in TDCS; later years carry it forward.
    """

    __tablename__ = "fund_opening_balances"
    record_type = "fund_opening_balance"

    year: Mapped[int]
    amount: Mapped[int]
    notes: Mapped[str] = mapped_column(default="")


class Deposit(SyncedRecord):
    """A deposit placed with VBSP, or a sponsorship, by an organisation or a person."""

    __tablename__ = "deposits"
    record_type = "deposit"

    kind: Mapped[DepositKind] = enum_column(DepositKind)
    party_name: Mapped[str]
    party_type: Mapped[PartyType] = enum_column(PartyType)
    amount: Mapped[int]
    transacted_on: Mapped[date] = mapped_column(index=True)
    term_months: Mapped[int | None]
    notes: Mapped[str] = mapped_column(default="")


class EntrustedTransfer(SyncedRecord):
    """Local budget money transferred to VBSP to lend locally (vốn ngân sách ủy thác)."""

    __tablename__ = "entrusted_transfers"
    record_type = "entrusted_transfer"

    year: Mapped[int] = mapped_column(index=True)
    source_level: Mapped[SourceLevel] = enum_column(SourceLevel)
    amount: Mapped[int]
    decision_no: Mapped[str] = mapped_column(default="")
    decision_date: Mapped[date | None]
    transferred_on: Mapped[date | None]
    programme_code: Mapped[str | None] = mapped_column(ForeignKey("credit_programmes.code"))
    notes: Mapped[str] = mapped_column(default="")


class CapitalTotal(SyncedRecord):
    """Total capital (tổng nguồn vốn) at year end as reported by VBSP, with the local
    entrusted balance when the bank reports it; the base of the plan's 20 % share target.

    The bank also splits the total by source: central capital (nguồn vốn Trung ương), the
    local budget capital entrusted (``entrusted_balance``) and mobilised capital (nguồn vốn
    huy động: deposits, members' savings); each part is optional, never above the total."""

    __tablename__ = "capital_totals"
    record_type = "capital_total"

    year: Mapped[int] = mapped_column(index=True)
    total_capital: Mapped[int]
    entrusted_balance: Mapped[int | None]
    as_of: Mapped[date | None]
    source_note: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(default="")
    central_amount: Mapped[int | None]
    mobilised_amount: Mapped[int | None]
