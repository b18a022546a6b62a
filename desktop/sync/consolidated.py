"""Read-only views of every commune's records at the city, for any record type.

Columns come from the model (the travelling ones, without the bookkeeping), so a record
type added later shows up without a change here. A reference to another record is shown by
that record's name (a loan shows its borrower's name, a group its hamlet's), found by a
join on the first of ``name``, ``full_name``, ``title``, ``contract_no``, ``code`` the
target has.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Table, func, inspect, select
from sqlalchemy.orm import Session

from db.base import Base, SyncedRecord
from db.models import MODELS_BY_RECORD_TYPE, SYNCED_MODELS
from desktop.sync.privacy import travelling_columns
from desktop.sync.rules import Kind, rules_for

#: Shown after the commune, in this order, before the record's own columns.
HIDDEN = frozenset({"id", "commune_code", "created_at", "change_seq", "deleted_at", "sort_order"})
DISPLAY_NAMES = ("name", "full_name", "title", "contract_no", "code")
DEFAULT_LIMIT = 100_000


@dataclass(frozen=True)
class ViewColumn:
    """A column of a consolidated view: the model column it shows and its kind."""

    name: str
    kind: Kind
    is_money: bool
    reference: str | None
    #: The vocabulary of a choice column (its stored codes are shown by their labels).
    enum_class: type[StrEnum] | None = None


@dataclass(frozen=True)
class RecordView:
    record_type: str
    columns: tuple[ViewColumn, ...]
    #: Each row: ``(id, commune_code, commune_name, deleted, *values)``, the values as the
    #: columns give them (``date``, ``datetime``, the choice's enum, ``bool``).
    rows: list[tuple[Any, ...]]
    total: int
    truncated: bool


def _display_column(table: str) -> str | None:
    model = next((m for m in SYNCED_MODELS if m.__tablename__ == table), None)
    if model is None:
        return None
    names = set(inspect(model).columns.keys())
    return next((n for n in DISPLAY_NAMES if n in names), None)


def view_columns(model: type[SyncedRecord]) -> tuple[ViewColumn, ...]:
    rules = rules_for(model).columns
    table_columns = inspect(model).columns
    result = []
    for name in travelling_columns(model):
        if name in HIDDEN:
            continue
        rule = rules[name]
        reference = None
        if rule.reference is not None and rule.references_record:
            reference = rule.reference[0]
        money = rule.is_money
        enum_class = getattr(table_columns[name].type, "enum_class", None)
        result.append(ViewColumn(name, rule.kind, money, reference, enum_class))
    return tuple(result)


def records(
    session: Session,
    record_type: str,
    *,
    commune_code: str | None = None,
    include_deleted: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> RecordView:
    """The records of ``record_type`` (one commune's, or every commune's), in the communes'
    order, then the order the records were made. Values are the columns' own (dates,
    times, choices, true/false), the same on every engine."""
    model = MODELS_BY_RECORD_TYPE[record_type]
    t = _table(model.__tablename__).alias("t")
    c = _table("communes").alias("c")
    columns = view_columns(model)
    selected: list[Any] = [t.c.id, t.c.commune_code, c.c.name, t.c.deleted_at.is_not(None)]
    joined = t.outerjoin(c, c.c.code == t.c.commune_code)
    for index, column in enumerate(columns):
        display = _display_column(column.reference) if column.reference else None
        if column.reference and display:
            target = _table(column.reference).alias(f"j{index}")
            joined = joined.outerjoin(target, target.c.id == t.c[column.name])
            selected.append(func.coalesce(target.c[display], t.c[column.name]))
        else:
            selected.append(t.c[column.name])
    where = []
    if commune_code is not None:
        where.append(t.c.commune_code == commune_code)
    if not include_deleted:
        where.append(t.c.deleted_at.is_(None))
    total = int(session.scalar(select(func.count()).select_from(t).where(*where)) or 0)
    rows = [
        tuple(row)
        for row in session.execute(
            select(*selected)
            .select_from(joined)
            .where(*where)
            .order_by(c.c.sort_order, t.c.created_at, t.c.id)
            .limit(limit)
        )
    ]
    return RecordView(record_type, columns, rows, total, total > len(rows))


def counts_by_commune(session: Session) -> dict[str, dict[str, int]]:
    """``{record_type: {commune_code: live records}}`` for the board and the views."""
    result: dict[str, dict[str, int]] = {}
    for model in SYNCED_MODELS:
        t = _table(model.__tablename__)
        rows = session.execute(
            select(t.c.commune_code, func.count())
            .where(t.c.deleted_at.is_(None))
            .group_by(t.c.commune_code)
        ).all()
        result[model.record_type] = {code: int(n) for code, n in rows}
    return result


def _table(name: str) -> Table:
    return Base.metadata.tables[name]
