"""The credit figures of the city's yearly report, each beside the same day of the year
before: the outstanding balance and its quality by commune, programme and organisation on
the report's day D and on D one year earlier, and the loans disbursed and repaid from 1
January to D and over the same span of the year before.

Every figure is :func:`~desktop.core.loans.indicators.indicator_tables`' and
:func:`~desktop.core.loans.flows.loan_flows`' (their definitions hold); this module only
asks them once per day, for every commune together (the city office's own records are not
loans). The loan-use checks counted on each day are those of its own year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.core.loans.flows import LoanFlows, loan_flows
from desktop.core.loans.indicators import Dimension, IndicatorTable, indicator_tables
from desktop.core.owners import ALL_COMMUNES

#: What the report shows on its day, and on the same day of the year before.
DIMENSIONS_NOW = (Dimension.COMMUNE, Dimension.PROGRAMME, Dimension.ORGANISATION)
DIMENSIONS_BEFORE = (Dimension.PROGRAMME, Dimension.ORGANISATION)


@dataclass(frozen=True)
class YearCredit:
    day: date
    before_day: date
    now: dict[Dimension, IndicatorTable]
    before: dict[Dimension, IndicatorTable]
    flows: LoanFlows
    flows_before: LoanFlows


def year_credit(session: Session, day: date, before_day: date) -> YearCredit:
    """The credit figures on ``day`` (its year's) and on ``before_day`` (the year
    before's)."""
    now = indicator_tables(session, DIMENSIONS_NOW, owner=ALL_COMMUNES, as_of=day, year=day.year)
    before = indicator_tables(
        session, DIMENSIONS_BEFORE, owner=ALL_COMMUNES, as_of=before_day, year=before_day.year
    )
    return YearCredit(
        day,
        before_day,
        now,
        before,
        loan_flows(session, ALL_COMMUNES, date(day.year, 1, 1), day),
        loan_flows(session, ALL_COMMUNES, date(before_day.year, 1, 1), before_day),
    )
