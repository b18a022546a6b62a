"""Closed periods: whether a record lies in a period the city has closed, and what a
change to such a record must leave behind.

The city closes a period once it has consolidated and reported it (a
:class:`db.models.ClosedPeriod`, sent down in its bulletins). A commune can still correct a
record of a closed period — figures are found wrong after a report too — but such a change
is **marked**: the record store (:mod:`desktop.core.records`) writes a
:class:`db.models.LateCorrection` in the same transaction, which travels to the city with
the change, and the city's board lists it. Where a person makes the change (a form, a
delete), the window first asks: it runs the save inside :func:`asking_first`, the record
store then raises :class:`AfterClosing` instead of marking, the window asks the question
and, on Yes, saves again outside it. The command line and bulk imports mark without asking.

**Which period a record lies in** (:data:`DAY_FIELDS`, :data:`YEAR_RECORDS`): a record dated
by a day (a loan's disbursement, a balance, a check, a gift, a grant, a deposit) lies in every
period that contains the day; a record of a whole year (a grade, an opening balance, a total
capital) only in a closed year; a progress record in the periods that contain its own
period; a task document in its progress record's; an entrusted transfer by the day the money
moved, else its decision's day, else its whole year. Hamlets, groups, borrowers and the
office's sub-tasks have no period. A change is marked when the record lay in a closed period
before it or lies in one after it (moving a gift out of a closed year changes that year).

Only communes' changes are marked: the city closes its own books.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import CITY_CODE
from db.enums import PeriodKind
from db.models import ClosedPeriod, TaskProgress
from desktop.core.errors import UserError
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.periods import Period

M_AFTER_CLOSING = QT_TRANSLATE_NOOP(
    "Closing",
    "{period} was closed by the city on {closed_on}: its figures have been consolidated and "
    "reported. The record can still be corrected, but the change will be marked as made "
    "after closing and sent to the city with that mark. Save the change?",
)

#: Records dated by one day, and the field that holds it.
DAY_FIELDS: dict[str, str] = {
    "loan": "disbursed_on",
    "loan_balance": "as_of",
    "loan_check": "checked_on",
    "fund_contribution": "received_on",
    "fund_spending": "spent_on",
    "deposit": "transacted_on",
}
#: Records of a whole year (their ``year``).
YEAR_RECORDS = frozenset(
    {"group_assessment", "organisation_grade", "fund_opening_balance", "capital_total"}
)

_CACHE = "tdcs.closures"
_ASKING: ContextVar[bool] = ContextVar("tdcs_ask_before_late_changes", default=False)

#: A record's value by field name (an ORM record's attribute, or a row's key).
Values = Callable[[str], Any]


@dataclass(frozen=True)
class Closure:
    """A closed period: the period and the day the city closed it."""

    period: Period
    closed_on: date

    def contains(self, start: date, end: date) -> bool:
        return self.period.start <= start and end <= self.period.end


class AfterClosing(UserError):
    """Raised by the record store, inside :func:`asking_first`, for a change to a record of
    a closed period: the question to put to the person before saving it anyway."""

    def __init__(self, closure: Closure) -> None:
        super().__init__(
            M_AFTER_CLOSING,
            period=closure.period.label(),
            closed_on=format_date(closure.closed_on),
        )
        self.closure = closure


@contextmanager
def asking_first() -> Iterator[None]:
    """Within this block a change to a record of a closed period raises
    :class:`AfterClosing` instead of being saved and marked."""
    token = _ASKING.set(True)
    try:
        yield
    finally:
        _ASKING.reset(token)


def ask_before(closure: Closure) -> None:
    """Raise :class:`AfterClosing` when the person is to be asked first."""
    if _ASKING.get():
        raise AfterClosing(closure)


def closures(session: Session) -> tuple[Closure, ...]:
    """The periods closed at this office (read once per session: the record store asks for
    every change)."""
    cached = session.info.get(_CACHE)
    if cached is None:
        rows = session.execute(
            select(
                ClosedPeriod.year,
                ClosedPeriod.period_kind,
                ClosedPeriod.period_no,
                ClosedPeriod.closed_on,
            )
            .where(ClosedPeriod.commune_code == CITY_CODE, ClosedPeriod.deleted_at.is_(None))
            .order_by(ClosedPeriod.closed_on)
        )
        cached = tuple(
            Closure(Period(year, PeriodKind(kind), number), closed_on)
            for year, kind, number, closed_on in rows
        )
        session.info[_CACHE] = cached
    return tuple(cached)


def forget_closures(session: Session) -> None:
    """The closed periods changed (a bulletin was applied): read them again next time."""
    session.info.pop(_CACHE, None)


def _year(value: Any) -> tuple[date, date] | None:
    if type(value) is not int or not 1900 < value < 2200:
        return None
    return date(value, 1, 1), date(value, 12, 31)


def _day(value: Any) -> tuple[date, date] | None:
    return (value, value) if isinstance(value, date) else None


def record_span(session: Session, record_type: str, values: Values) -> tuple[date, date] | None:
    """The days a record covers (see the module docstring), or ``None`` for a record that
    lies in no period."""
    field = DAY_FIELDS.get(record_type)
    if field is not None:
        return _day(values(field))
    if record_type in YEAR_RECORDS:
        return _year(values("year"))
    if record_type == "entrusted_transfer":
        return (
            _day(values("transferred_on")) or _day(values("decision_date")) or _year(values("year"))
        )
    if record_type == "task_progress":
        return _progress_span(values("year"), values("period_kind"), values("period_no"))
    if record_type == "task_document":
        progress = session.get(TaskProgress, values("progress_id"))
        if progress is None:
            return None
        return _progress_span(progress.year, progress.period_kind, progress.period_no)
    return None


def _progress_span(year: Any, kind: Any, number: Any) -> tuple[date, date] | None:
    try:
        period = Period(int(year), PeriodKind(kind), int(number))
    except (TypeError, ValueError, UserError):
        return None
    return period.start, period.end


def closure_of(session: Session, owner: str, record_type: str, values: Values) -> Closure | None:
    """The closed period a record of ``owner`` lies in (the earliest closed), or ``None``:
    always ``None`` for the city's own records and for records of no period."""
    if owner == CITY_CODE:
        return None
    closed = closures(session)
    if not closed:
        return None
    span = record_span(session, record_type, values)
    if span is None:
        return None
    return next((c for c in closed if c.contains(*span)), None)
