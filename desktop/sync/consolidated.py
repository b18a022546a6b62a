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

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from db.base import SyncedRecord
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
    #: Each row: ``(id, commune_code, commune_name, deleted, *values)``.
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
    model = MODELS_BY_RECORD_TYPE[record_type]
    table = model.__tablename__
    columns = view_columns(model)
    selects = ["t.id", "t.commune_code", "c.name", "t.deleted_at IS NOT NULL"]
    joins = ["LEFT JOIN communes c ON c.code = t.commune_code"]
    for index, column in enumerate(columns):
        display = _display_column(column.reference) if column.reference else None
        if column.reference and display:
            alias = f"j{index}"
            joins.append(f"LEFT JOIN {column.reference} {alias} ON {alias}.id = t.{column.name}")
            selects.append(f"COALESCE({alias}.{display}, t.{column.name})")
        else:
            selects.append(f"t.{column.name}")
    where = []
    params: list[Any] = []
    if commune_code is not None:
        where.append("t.commune_code = ?")
        params.append(commune_code)
    if not include_deleted:
        where.append("t.deleted_at IS NULL")
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    conn = session.connection().connection.driver_connection
    assert conn is not None
    total = int(conn.execute(f"SELECT count(*) FROM {table} t{condition}", params).fetchone()[0])
    sql = (
        f"SELECT {', '.join(selects)} FROM {table} t {' '.join(joins)}{condition} "
        f"ORDER BY c.sort_order, t.rowid LIMIT ?"
    )
    rows = conn.execute(sql, [*params, limit]).fetchall()
    return RecordView(record_type, columns, rows, total, total > len(rows))


def counts_by_commune(session: Session) -> dict[str, dict[str, int]]:
    """``{record_type: {commune_code: live records}}`` for the board and the views."""
    conn = session.connection().connection.driver_connection
    assert conn is not None
    result: dict[str, dict[str, int]] = {}
    for model in SYNCED_MODELS:
        rows = conn.execute(
            f"SELECT commune_code, count(*) FROM {model.__tablename__} "
            "WHERE deleted_at IS NULL GROUP BY commune_code"
        ).fetchall()
        result[model.record_type] = {code: int(n) for code, n in rows}
    return result
