"""What every loans service shares: the organisations, the names lists show, the check of
a choice, and the helpers of city-scale lists.

Whose records a list covers is an ``owner`` :class:`desktop.core.owners.Scope`, as for
every other service; the programmes and their rates are :mod:`desktop.core.programmes`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Commune,
    Hamlet,
    Organisation,
    SavingsGroup,
)
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.owners import Scope, owner_clause
from desktop.core.text import sort_key

M_UNKNOWN_CHOICE = QT_TRANSLATE_NOOP("Loans", "Choose a value from the list.")
M_INACTIVE_PROGRAMME = QT_TRANSLATE_NOOP(
    "Loans", "The programme {name} is no longer offered; choose another one."
)


@dataclass(frozen=True)
class OrganisationInfo:
    code: str
    name: str
    short_name: str


def organisations(session: Session) -> list[OrganisationInfo]:
    rows = session.execute(
        select(Organisation.code, Organisation.name, Organisation.short_name).order_by(
            Organisation.sort_order
        )
    )
    return [OrganisationInfo(*row) for row in rows]


#: ``execution_options`` of the queries behind city-scale lists: rows are fetched and
#: converted in chunks. Fetched at once, SQLAlchemy's compiled result code converts all
#: 600 000 rows of the city's loans in one call that holds the GIL for 0.7 s, and the
#: window, waiting for the GIL, freezes meanwhile (docs/performance.md).
IN_CHUNKS = {"yield_per": 20_000}


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Pause Python's cycle collector while a city-scale list is built.

    Building 100 000 row objects runs the collector dozens of times, each time walking
    every live object; the rows hold no reference cycles, so pausing it meanwhile saves
    about a quarter of the load (``tests/bench/bench_loans.py``). Reference counting still
    frees everything as usual.

    Afterwards the objects alive are moved to the collector's permanent generation
    (``gc.freeze``): otherwise its next full pass walks every row of the list on screen,
    holding the GIL, which froze the window for 0.15 s per 100 000 loans and 1.6 s for the
    whole city's list (docs/performance.md). Frozen rows are still freed by reference
    counting when the list is reloaded; only reference cycles that happen to be garbage at
    that moment stay (about a hundred small objects per load).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


def hamlet_names(session: Session, owner: Scope) -> dict[str, str]:
    rows = session.execute(
        select(Hamlet.id, Hamlet.name).where(owner_clause(Hamlet.commune_code, owner))
    )
    return dict(rows.all())


def group_names(session: Session, owner: Scope) -> dict[str, str]:
    """Group id → ``"code · name"`` (deleted groups too, so old loans still name theirs)."""
    rows = session.execute(
        select(SavingsGroup.id, SavingsGroup.code, SavingsGroup.name).where(
            owner_clause(SavingsGroup.commune_code, owner)
        )
    )
    return {group_id: group_label(code, name) for group_id, code, name in rows}


def group_label(code: str, name: str) -> str:
    return f"{name} ({code})" if code and code != name else name


def commune_names(session: Session) -> dict[str, str]:
    rows = session.execute(select(Commune.code, Commune.name)).all()
    return dict(rows)


def organisation_names(session: Session) -> dict[str, str]:
    return {o.code: o.short_name for o in organisations(session)}


def sorted_choices(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(key, text)`` pairs in Vietnamese order of their text."""
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def check_choice(value: Any, allowed: Sequence[Any] | set[Any], field: str) -> None:
    """``value`` must be one of ``allowed`` (or empty)."""
    if value is not None and value not in allowed:
        raise ValidationError(field, M_UNKNOWN_CHOICE)
