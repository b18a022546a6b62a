"""Everything Tổng quan shows for one year and one owner, read in one go.

``owner`` is as in :mod:`desktop.core.owners`: one commune, the city office's own records,
or every commune together (the city's consolidated view, its default).

For one commune it also holds the targets the city assigned it for the year and how far it
is from each (:mod:`desktop.core.targets`: at the commune from the city's bulletins, at the
city as the city recorded them), and at a commune the city's open notices whose day to act
by is near (:func:`desktop.core.notices.notice_reminders`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, func, select, union
from sqlalchemy.orm import Session

from db.models import (
    CapitalTotal,
    CommuneTarget,
    Deposit,
    EntrustedTransfer,
    FundContribution,
    FundSpending,
    LoanBalance,
    TaskProgress,
)
from desktop.core.dashboard.loans import LoanSummary, figures_day, loan_summary
from desktop.core.dashboard.reminders import Reminder, reminders
from desktop.core.dashboard.scope import Coverage, coverage
from desktop.core.database import Database
from desktop.core.funds.deposits import DepositTotals, deposit_totals
from desktop.core.funds.indicators import (
    EntrustedIndicators,
    entrusted_indicators,
    entrusted_series,
)
from desktop.core.funds.statement import (
    CampaignTotal,
    FundStatement,
    MonthTotal,
    contributions_by_month,
    fund_statement,
    peak_campaign,
)
from desktop.core.notices import NoticeReminder, notice_reminders
from desktop.core.owners import Scope, owner_clause
from desktop.core.periods import Period
from desktop.core.targets import TargetProgress, target_progress
from desktop.core.tasks.status import TaskCompletion, task_completion


@dataclass(frozen=True)
class Overview:
    year: int
    owner: Scope
    today: date
    fund: FundStatement
    peak: CampaignTotal
    months: tuple[MonthTotal, ...]
    deposits: DepositTotals
    #: The entrusted-capital targets of ``year`` …
    entrusted: EntrustedIndicators
    #: … and of every year with figures, for the chart.
    entrusted_years: tuple[EntrustedIndicators, ...]
    #: Task completion over the whole of ``year`` (each task's latest record in it).
    tasks: TaskCompletion
    #: The loans as of the year's end, or today for this year.
    loans: LoanSummary
    #: How many communes the figures rest on (at the city).
    coverage: Coverage
    reminders: tuple[Reminder, ...]
    #: The city's targets for one commune (``owner``) in ``year``, with how far it is.
    targets: tuple[TargetProgress, ...] = ()
    #: At a commune: the city's open notices to act on soon (or overdue), this year only.
    notices: tuple[NoticeReminder, ...] = ()


def load_overview(
    session: Session, year: int, owner: Scope, *, today: date | None = None
) -> Overview:
    today = today or date.today()
    series = entrusted_series(session, owner)
    entrusted = next((i for i in series if i.year == year), None)
    if entrusted is None:
        entrusted = entrusted_indicators(session, year, owner)
    return Overview(
        year=year,
        owner=owner,
        today=today,
        fund=fund_statement(session, year, owner),
        peak=peak_campaign(session, year, owner),
        months=tuple(contributions_by_month(session, year, owner)),
        deposits=deposit_totals(session, year, owner),
        entrusted=entrusted,
        entrusted_years=tuple(series),
        tasks=task_completion(session, Period.whole_year(year), owner),
        loans=loan_summary(session, owner, figures_day(year, today)),
        coverage=coverage(session, owner),
        reminders=tuple(reminders(today)) if year == today.year else (),
        targets=()
        if owner.code is None or owner.is_city_office
        else tuple(target_progress(session, owner.code, year, until=figures_day(year, today))),
        notices=tuple(notice_reminders(session, today)) if year == today.year else (),
    )


def read_overview(
    database: Database, owner: Scope, year: int | None = None, *, today: date | None = None
) -> tuple[list[int], Overview]:
    """The years ``owner`` has figures for and the overview of ``year`` (today's year when
    ``None`` or not among them), read in one snapshot (:meth:`Database.snapshot`): figures
    read while an import commits are all from before it, or all from after."""
    today = today or date.today()
    with database.snapshot() as session:
        years = overview_years(session, owner, today=today)
        chosen = year if year in years else today.year
        return years, load_overview(session, chosen, owner, today=today)


def overview_years(session: Session, owner: Scope, *, today: date | None = None) -> list[int]:
    """Years with any record of ``owner`` or a target assigned to it, every year since its
    first loan balance, and the current year; newest first."""
    today = today or date.today()
    queries = [
        select(extract("year", FundContribution.received_on).label("y")).where(
            owner_clause(FundContribution.commune_code, owner)
        ),
        select(extract("year", FundSpending.spent_on)).where(
            owner_clause(FundSpending.commune_code, owner)
        ),
        select(extract("year", Deposit.transacted_on)).where(
            owner_clause(Deposit.commune_code, owner)
        ),
        select(EntrustedTransfer.year).where(owner_clause(EntrustedTransfer.commune_code, owner)),
        select(CapitalTotal.year).where(owner_clause(CapitalTotal.commune_code, owner)),
        select(TaskProgress.year).where(owner_clause(TaskProgress.commune_code, owner)),
    ]
    if owner.code is not None and not owner.is_city_office:
        queries.append(
            select(CommuneTarget.year).where(
                CommuneTarget.target_code == owner.code, CommuneTarget.deleted_at.is_(None)
            )
        )
    years = {int(y) for y in session.scalars(union(*queries)) if y is not None}
    first_balance = session.scalar(
        select(func.min(LoanBalance.as_of)).where(
            owner_clause(LoanBalance.commune_code, owner), LoanBalance.deleted_at.is_(None)
        )
    )
    if first_balance is not None:
        years.update(range(first_balance.year, today.year))
    years.add(today.year)
    return sorted(years, reverse=True)
