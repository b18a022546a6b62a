"""Balance snapshots: how much of a loan is outstanding, by debt category, as of a date.

Each update is a new :class:`~db.models.LoanBalance` row (the old ones stay), so the
situation at any past date can be rebuilt. Definitions used everywhere in TDCS:

- **Outstanding** (dư nợ) of a snapshot = trong hạn + quá hạn + khoanh + chờ xử lý + gia hạn
  + điều chỉnh kỳ hạn. Written-off debt (xóa nợ) is recorded but is not outstanding. A loan
  whose outstanding is zero is paid off (tất toán).
- **Position of a loan on day D** = its latest (non-deleted) snapshot with ``as_of`` on or
  before D; ties on the same day go to the most recent change. A loan with no snapshot on
  or before D has no known balance on D and counts as nothing outstanding.
- A loan entered by hand gets a first snapshot on its disbursement day: the whole amount
  outstanding and current, which is what a disbursement is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Dialect, Select, and_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import SQLCoreOperations

from db.dialects import latest_per_key
from db.models import Loan, LoanBalance
from desktop.core import validation
from desktop.core.errors import ErrorCollector, UserError, ValidationError
from desktop.core.formatting import format_date, format_money
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg
from desktop.core.office import record_store
from desktop.core.owners import Scope, owner_clause
from desktop.core.records import RecordStore
from desktop.core.removal import deleter

#: The amount columns of a snapshot that make up the outstanding balance, in display order.
OUTSTANDING_PARTS = (
    "current_amount",
    "overdue_amount",
    "frozen_amount",
    "pending_amount",
    "extended_amount",
    "rescheduled_amount",
)
ALL_PARTS = (*OUTSTANDING_PARTS, "written_off_amount")

PART_LABELS: dict[str, Msg] = {
    "current_amount": QT_TRANSLATE_NOOP("Balances", "Current (trong hạn)"),
    "overdue_amount": QT_TRANSLATE_NOOP("Balances", "Overdue (quá hạn)"),
    "frozen_amount": QT_TRANSLATE_NOOP("Balances", "Frozen (khoanh)"),
    "pending_amount": QT_TRANSLATE_NOOP("Balances", "Awaiting decision (chờ xử lý)"),
    "extended_amount": QT_TRANSLATE_NOOP("Balances", "Extended (gia hạn)"),
    "rescheduled_amount": QT_TRANSLATE_NOOP("Balances", "Rescheduled (điều chỉnh kỳ hạn)"),
    "written_off_amount": QT_TRANSLATE_NOOP("Balances", "Written off (xóa nợ)"),
}

M_SAME_DAY = QT_TRANSLATE_NOOP(
    "Balances", "This loan already has a balance on {day}; change that one instead."
)
M_BEFORE_DISBURSEMENT = QT_TRANSLATE_NOOP(
    "Balances", "A balance cannot be dated before the disbursement ({day})."
)
M_ABOVE_DISBURSED = QT_TRANSLATE_NOOP(
    "Balances", "The outstanding balance ({total}) is more than the amount disbursed ({amount})."
)
M_OVERDUE_SINCE_WITHOUT_OVERDUE = QT_TRANSLATE_NOOP(
    "Balances", "Leave this empty when nothing is overdue."
)
M_OVERDUE_SINCE_RANGE = QT_TRANSLATE_NOOP(
    "Balances", "Overdue since must be between the disbursement ({start}) and the balance date."
)
M_FUTURE = QT_TRANSLATE_NOOP("Balances", "A balance cannot be dated in the future.")


@dataclass(frozen=True)
class BalanceInput:
    as_of: date | None
    current_amount: int = 0
    overdue_amount: int = 0
    frozen_amount: int = 0
    pending_amount: int = 0
    extended_amount: int = 0
    rescheduled_amount: int = 0
    written_off_amount: int = 0
    overdue_since: date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class BalanceRow:
    id: str
    loan_id: str
    as_of: date
    current_amount: int
    overdue_amount: int
    frozen_amount: int
    pending_amount: int
    extended_amount: int
    rescheduled_amount: int
    written_off_amount: int
    overdue_since: date | None
    notes: str
    version: int
    commune_code: str

    @property
    def outstanding(self) -> int:
        return outstanding_of(self)

    def as_tuple(self) -> Position:
        return (
            self.as_of,
            self.outstanding,
            self.current_amount,
            self.overdue_amount,
            self.frozen_amount,
            self.overdue_since,
        )


def outstanding_of(row: object) -> int:
    """Outstanding of anything with the snapshot's amount attributes (see module docs)."""
    return sum(int(getattr(row, part) or 0) for part in OUTSTANDING_PARTS)


#: A loan's position as lists carry it: ``(as_of, outstanding, current, overdue, frozen,
#: overdue_since)``; :data:`NO_POSITION` for a loan with no snapshot on or before the day.
Position = tuple[date | None, int, int, int, int, date | None]
NO_POSITION: Position = (None, 0, 0, 0, 0, None)


def with_position(row: Sequence[Any], position: Position) -> tuple[Any, ...]:
    """A query row followed by a loan's position: the arguments of a row dataclass."""
    return (*row, *position)


def latest_positions(session: Session, owner: Scope, day: date) -> dict[str, Position]:
    """Loan id → its position on ``day`` (the latest snapshot on or before it; the most
    recent change wins between two snapshots of the same day)."""
    query = latest_snapshots(
        session.connection().dialect,
        owner,
        day,
        LoanBalance.as_of,
        outstanding_expression(),
        LoanBalance.current_amount,
        LoanBalance.overdue_amount,
        LoanBalance.frozen_amount,
        LoanBalance.overdue_since,
    )
    return {row[0]: row[1:7] for row in session.connection().execute(query).all()}


def latest_snapshots(
    dialect: Dialect | str, owner: Scope, day: date, *columns: SQLCoreOperations[Any]
) -> Select[*tuple[Any, ...]]:
    """``(loan_id, *columns)`` of each loan's latest snapshot on or before ``day`` (and a
    last column to ignore), for :func:`latest_positions` and the indicators, which read
    fewer columns at the city; in the form of ``dialect`` (:func:`db.dialects.latest_per_key`).

    In SQLite, over the city's 1.2 million snapshots this reads
    ``ix_loan_balances_position`` alone, in order (about 0.7 s); one commune's snapshots come
    through the ``commune_code`` index. Run it on the session's connection
    (``session.connection().execute``): the ORM's row handling would add seconds at the city.
    """
    return latest_per_key(
        dialect,
        LoanBalance.loan_id,
        LoanBalance.as_of,
        LoanBalance.change_seq,
        columns,
        (
            LoanBalance.deleted_at.is_(None),
            LoanBalance.as_of <= day,
            owner_clause(LoanBalance.commune_code, owner),
        ),
    )


def outstanding_expression() -> ColumnElement[int]:
    """:data:`OUTSTANDING_PARTS` of :class:`LoanBalance` added up in SQL."""
    parts = [getattr(LoanBalance, part) for part in OUTSTANDING_PARTS]
    total: ColumnElement[int] = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


_BALANCE_COLUMNS = (
    LoanBalance.id,
    LoanBalance.loan_id,
    LoanBalance.as_of,
    *[getattr(LoanBalance, part) for part in ALL_PARTS],
    LoanBalance.overdue_since,
    LoanBalance.notes,
    LoanBalance.version,
    LoanBalance.commune_code,
)


def balance_history(session: Session, loan_id: str) -> list[BalanceRow]:
    """Every snapshot of a loan, newest first."""
    rows = session.execute(
        select(*_BALANCE_COLUMNS)
        .where(LoanBalance.loan_id == loan_id, LoanBalance.deleted_at.is_(None))
        .order_by(LoanBalance.as_of.desc(), LoanBalance.change_seq.desc())
    )
    return [BalanceRow(*row) for row in rows]


def position_on(session: Session, loan_id: str, day: date) -> BalanceRow | None:
    """The loan's situation on ``day`` (its latest snapshot on or before it)."""
    row = session.execute(
        select(*_BALANCE_COLUMNS)
        .where(
            LoanBalance.loan_id == loan_id,
            LoanBalance.deleted_at.is_(None),
            LoanBalance.as_of <= day,
        )
        .order_by(LoanBalance.as_of.desc(), LoanBalance.change_seq.desc())
        .limit(1)
    ).first()
    return BalanceRow(*row) if row else None


def validate_balance(
    data: BalanceInput,
    *,
    amount_disbursed: int | None,
    disbursed_on: date,
    today: date | None = None,
) -> dict[str, object]:
    """Check one snapshot against its loan; return the column values to store. A loan
    whose disbursed amount is unknown (``None``) has no ceiling to check against."""
    errors = ErrorCollector()
    values: dict[str, object] = {}
    values["as_of"] = as_of = errors.check(validation.check, LoanBalance.as_of, data.as_of)
    if as_of is not None and as_of < disbursed_on:
        errors.add("as_of", M_BEFORE_DISBURSEMENT, day=format_date(disbursed_on))
    elif as_of is not None and as_of > (today or date.today()):
        errors.add("as_of", M_FUTURE)
    for part in ALL_PARTS:
        values[part] = errors.check(
            validation.check, getattr(LoanBalance, part), getattr(data, part)
        )
    overdue = data.overdue_amount or 0
    if data.overdue_since is not None:
        if overdue == 0:
            errors.add("overdue_since", M_OVERDUE_SINCE_WITHOUT_OVERDUE)
        elif data.overdue_since < disbursed_on or (
            data.as_of is not None and data.overdue_since > data.as_of
        ):
            errors.add("overdue_since", M_OVERDUE_SINCE_RANGE, start=format_date(disbursed_on))
    values["overdue_since"] = data.overdue_since
    values["notes"] = errors.check(validation.check, LoanBalance.notes, data.notes)
    errors.raise_if_any()
    total = outstanding_of(data)
    if amount_disbursed is not None and total > amount_disbursed:
        raise ValidationError(
            "current_amount",
            M_ABOVE_DISBURSED,
            total=format_money(total),
            amount=format_money(amount_disbursed),
        )
    return values


def _loan_for_balance(store: RecordStore, loan_id: str) -> Loan:
    return store.get(Loan, loan_id)


def _same_day(session: Session, loan_id: str, day: date, except_id: str | None) -> bool:
    query = select(LoanBalance.id).where(
        and_(
            LoanBalance.loan_id == loan_id,
            LoanBalance.as_of == day,
            LoanBalance.deleted_at.is_(None),
        )
    )
    if except_id is not None:
        query = query.where(LoanBalance.id != except_id)
    return session.execute(query.limit(1)).first() is not None


def add_balance(
    session: Session, loan_id: str, data: BalanceInput, *, today: date | None = None
) -> str:
    store = record_store(session)
    loan = _loan_for_balance(store, loan_id)
    values = validate_balance(
        data, amount_disbursed=loan.amount_disbursed, disbursed_on=loan.disbursed_on, today=today
    )
    if data.as_of is not None and _same_day(session, loan_id, data.as_of, None):
        raise ValidationError("as_of", M_SAME_DAY, day=format_date(data.as_of))
    return store.create(LoanBalance, {"loan_id": loan_id, **values})


def update_balance(
    session: Session,
    balance_id: str,
    data: BalanceInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    store = record_store(session)
    balance = store.get(LoanBalance, balance_id)
    loan = _loan_for_balance(store, balance.loan_id)
    values = validate_balance(
        data, amount_disbursed=loan.amount_disbursed, disbursed_on=loan.disbursed_on, today=today
    )
    if data.as_of is not None and _same_day(session, loan.id, data.as_of, balance_id):
        raise ValidationError("as_of", M_SAME_DAY, day=format_date(data.as_of))
    return store.update(LoanBalance, balance_id, values, expected_version=expected_version)


delete_balance = deleter(LoanBalance)


def restore_balance(session: Session, balance_id: str, *, expected_version: int) -> int:
    store = record_store(session)
    balance = store.get(LoanBalance, balance_id, allow_deleted=True)
    if _same_day(session, balance.loan_id, balance.as_of, balance_id):
        raise UserError(M_SAME_DAY, day=format_date(balance.as_of))
    return store.restore(LoanBalance, balance_id, expected_version=expected_version)
