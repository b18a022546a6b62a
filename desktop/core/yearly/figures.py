"""The figures of the city's yearly report that grow through the year, and their estimate
for the whole year ("ước thực hiện cả năm").

The report is due before 30/10, so it is usually made while the year runs: each figure is
the year's up to the report's day, beside the same day of the year before, and the report
may carry an estimate for the whole year. The figures come in three groups, each estimated
as a whole — by the rule, by values the city's clerk entered, or not at all
(:mod:`desktop.core.yearly.review`):

- **dissemination**: the sessions held and the people reached by the plan's II.1 tasks
  (:mod:`desktop.core.tasks.dissemination`), of the city office and the communes;
- **resources**: the local budget transferred to VBSP for the year (the city's and the
  communes' budgets together, :mod:`desktop.core.funds.indicators`), the deposits and
  sponsorship received and the money received by the "Vì người nghèo" funds (each of the
  communes and the city office together);
- **lending**: the loans disbursed (amount and households) and repaid since 1 January
  (:mod:`desktop.core.loans.flows`, every commune).

**The rule** (:func:`by_rule`): what the year reached by the day, spread evenly over the
year — figure × days in the year ÷ days from 1 January to the day (both counted), rounded
to the nearest whole number. On 20/10/2026: × 365 ÷ 293. A figure not known has no
estimate. Made on or after 31 December, a report needs no estimate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from sqlalchemy.orm import Session

from desktop.core.funds.indicators import local_budget_indicators
from desktop.core.funds.period import deposits_between, period_statement
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg
from desktop.core.loans.flows import LoanFlows, loan_flows
from desktop.core.owners import ALL_COMMUNES, CITY_OFFICE, COMMUNES_AND_CITY_OFFICE
from desktop.core.tasks.dissemination import (
    DisseminationFigures,
    dissemination_by_owner,
    total,
)


class Group(StrEnum):
    DISSEMINATION = "dissemination"
    RESOURCES = "resources"
    LENDING = "lending"


@dataclass(frozen=True)
class Figure:
    key: str
    group: Group
    #: The column of the yearly review that holds its entered estimate.
    column: str
    money: bool
    title: Msg


FIGURES: tuple[Figure, ...] = (
    Figure(
        "sessions",
        Group.DISSEMINATION,
        "sessions_estimate",
        False,
        QT_TRANSLATE_NOOP("YearFigures", "Sessions held"),
    ),
    Figure(
        "participants",
        Group.DISSEMINATION,
        "participants_estimate",
        False,
        QT_TRANSLATE_NOOP("YearFigures", "People reached"),
    ),
    Figure(
        "transferred",
        Group.RESOURCES,
        "transferred_estimate_amount",
        True,
        QT_TRANSLATE_NOOP("YearFigures", "Local budget entrusted to VBSP"),
    ),
    Figure(
        "deposits",
        Group.RESOURCES,
        "deposits_estimate_amount",
        True,
        QT_TRANSLATE_NOOP("YearFigures", "Deposits and sponsorship received"),
    ),
    Figure(
        "fund",
        Group.RESOURCES,
        "fund_estimate_amount",
        True,
        QT_TRANSLATE_NOOP("YearFigures", "Money received by the “Vì người nghèo” funds"),
    ),
    Figure(
        "disbursed",
        Group.LENDING,
        "disbursed_estimate_amount",
        True,
        QT_TRANSLATE_NOOP("YearFigures", "Amount lent"),
    ),
    Figure(
        "households",
        Group.LENDING,
        "households_estimate",
        False,
        QT_TRANSLATE_NOOP("YearFigures", "Households lent to"),
    ),
    Figure(
        "repaid",
        Group.LENDING,
        "repaid_estimate_amount",
        True,
        QT_TRANSLATE_NOOP("YearFigures", "Amount repaid"),
    ),
)
FIGURES_BY_KEY = {figure.key: figure for figure in FIGURES}
#: The column of the yearly review that says a group is estimated by the rule.
BY_RULE_COLUMNS = {group: f"{group.value}_by_rule" for group in Group}
GROUP_TITLES: dict[Group, Msg] = {
    Group.DISSEMINATION: QT_TRANSLATE_NOOP("YearFigures", "Dissemination (plan II.1)"),
    Group.RESOURCES: QT_TRANSLATE_NOOP("YearFigures", "Resources (plan II.4)"),
    Group.LENDING: QT_TRANSLATE_NOOP("YearFigures", "Lending and repayment"),
}


def figures_of(group: Group) -> tuple[Figure, ...]:
    return tuple(f for f in FIGURES if f.group is group)


# -- the days ----------------------------------------------------------------------------------
def same_day_before(day: date) -> date:
    """The same day of the year before (28 February for a 29 February)."""
    if (day.month, day.day) == (2, 29):
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def days_in_year(year: int) -> int:
    return (date(year, 12, 31) - date(year, 1, 1)).days + 1


def days_elapsed(day: date) -> int:
    """Days from 1 January to ``day``, both counted."""
    return (day - date(day.year, 1, 1)).days + 1


def needs_estimate(year: int, day: date) -> bool:
    """A report of ``year`` whose figures stop at ``day`` before the year's end."""
    return day < date(year, 12, 31)


def by_rule(value: int | None, day: date) -> int | None:
    """The whole year's estimate of ``value`` reached by ``day`` (see the module's rule)."""
    if value is None:
        return None
    return math.floor(Fraction(value * days_in_year(day.year), days_elapsed(day)) + Fraction(1, 2))


# -- the figures -------------------------------------------------------------------------------
@dataclass(frozen=True)
class YearFigures:
    """The year's figures from 1 January to ``day`` (``None``: not known)."""

    year: int
    day: date
    values: dict[str, int | None]

    def __getitem__(self, key: str) -> int | None:
        return self.values[key]

    def estimate_by_rule(self, key: str) -> int | None:
        return by_rule(self.values[key], self.day)

    @classmethod
    def of(
        cls,
        year: int,
        day: date,
        *,
        dissemination: DisseminationFigures,
        transferred: int,
        deposits: int,
        fund: int,
        flows: LoanFlows,
    ) -> YearFigures:
        lent = flows.total
        return cls(
            year,
            day,
            {
                "sessions": dissemination.sessions,
                "participants": dissemination.participants,
                "transferred": transferred,
                "deposits": deposits,
                "fund": fund,
                "disbursed": lent.disbursed_amount,
                "households": lent.households,
                "repaid": lent.repaid,
            },
        )


def resources_to_date(session: Session, year: int, day: date) -> tuple[int, int, int]:
    """The local budget transferred for ``year`` (city and communes), the deposits and
    sponsorship and the funds' money received from 1 January to ``day`` (communes and the
    city office)."""
    start = date(year, 1, 1)
    transferred = local_budget_indicators(session, year, until=day).growth.transferred
    scopes = (ALL_COMMUNES, CITY_OFFICE)
    deposits = sum(deposits_between(session, start, day, o).total for o in scopes)
    fund = sum(period_statement(session, start, day, o).receipts for o in scopes)
    return transferred, deposits, fund


def year_figures(session: Session, year: int, day: date) -> YearFigures:
    """Every figure of the three groups for ``year`` up to ``day`` (for the city's clerk
    choosing the estimates; the report reads the same services as it lays them out)."""
    start = date(year, 1, 1)
    transferred, deposits, fund = resources_to_date(session, year, day)
    return YearFigures.of(
        year,
        day,
        dissemination=total(list(dissemination_by_owner(session, year, day).values())),
        transferred=transferred,
        deposits=deposits,
        fund=fund,
        flows=loan_flows(session, COMMUNES_AND_CITY_OFFICE, start, day),
    )
