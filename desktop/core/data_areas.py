"""Which tables a view of some records must watch to stay current.

A list shows more than its own table: the borrowers list counts each borrower's loans and
sums their balances, the groups list counts members, the loans list names borrowers and
groups. So a view watches the whole *area* its records belong to — the tables whose rows it
may show — and reloads when any of them changed (``desktop.core.database.DataChange``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from db.models import MODELS_BY_RECORD_TYPE


@dataclass(frozen=True)
class Area:
    #: The area's own records.
    tables: frozenset[str]
    #: What its views name or look up (hamlets, programmes), which changes less often.
    references: frozenset[str] = frozenset()

    @property
    def everything(self) -> frozenset[str]:
        return self.tables | self.references


_CATALOGUE = frozenset({"communes", "office_profile"})

LOANS = Area(
    frozenset(
        {
            "savings_groups",
            "group_assessments",
            "borrowers",
            "loans",
            "loan_balances",
            "loan_checks",
            "organisation_grades",
        }
    ),
    frozenset({"hamlets", "organisations", "credit_programmes", "programme_rates"}) | _CATALOGUE,
)
FUNDS = Area(
    frozenset(
        {
            "fund_contributions",
            "fund_spendings",
            "fund_opening_balances",
            "deposits",
            "entrusted_transfers",
            "capital_totals",
        }
    ),
    frozenset({"hamlets", "credit_programmes"}) | _CATALOGUE,
)
TASKS = Area(
    frozenset({"office_tasks", "task_progress", "task_documents"}),
    frozenset({"plan_tasks"}) | _CATALOGUE,
)
OFFICE = Area(frozenset({"hamlets", "office_profile", "settings"}))
#: What the sync pages show: files received and sent, conflicts, and every record's counts.
SYNC = Area(
    frozenset({"imports", "exports", "sync_conflicts", "record_history", "trusted_keys"}),
    LOANS.tables | FUNDS.tables | TASKS.tables | _CATALOGUE,
)
AREAS = (LOANS, FUNDS, TASKS, OFFICE, SYNC)


def table_of(record_type: str) -> str:
    """The table of a travelling record type (``"loan"`` → ``"loans"``); other names are
    taken as table names already."""
    model = MODELS_BY_RECORD_TYPE.get(record_type)
    return model.__tablename__ if model is not None else record_type


def watched_tables(record_types: Iterable[str]) -> frozenset[str]:
    """The tables a view of ``record_types`` must watch: each area holding one of them as
    its own, whole; the tables themselves otherwise. Empty when nothing is named (watch
    everything)."""
    tables = frozenset(table_of(t) for t in record_types)
    watched = set(tables)
    for area in AREAS:
        if not tables.isdisjoint(area.tables):
            watched |= area.everything
    return frozenset(watched)
