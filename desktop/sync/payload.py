"""The records inside a sync file: one table per record type, columns named once.

``payload.json`` is ``{"tables": [{"type": "loan", "columns": [...], "rows": [[...], ...]},
...]}`` with the tables in ``SYNCED_MODELS`` order (parents first). Values are exactly
what ``db.serialize.to_plain`` gives: text, whole numbers, ``true``/``false``, ``null``,
dates as ``YYYY-MM-DD`` and times as ``YYYY-MM-DD HH:MM:SS`` (UTC). Columnar tables keep
the file small and let the city check a whole column at once.

Reading a payload here only checks its shape; :mod:`desktop.sync.rules` checks values.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, inspect

from db.base import SyncedRecord
from db.models import MODELS_BY_RECORD_TYPE, SYNCED_MODELS
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import UNWANTED
from desktop.sync.errors import SyncRefused
from desktop.sync.privacy import travelling_columns

#: Brackets, braces and commas inside text may add to a payload's structure at most one for
#: every this many bytes (genuine text has far fewer); see :func:`check_structure`.
STRUCTURE_SLACK = 32

M_BAD_PAYLOAD = QT_TRANSLATE_NOOP(
    "Sync", "The records inside the file are not in the expected form ({detail}). Refused."
)
M_UNKNOWN_TYPE = QT_TRANSLATE_NOOP(
    "Sync",
    "The file holds records of a kind this version of TDCS does not know ({type}). It was "
    "probably made by a newer TDCS: update TDCS here, then import it again.",
)
M_DUPLICATE_TYPE = QT_TRANSLATE_NOOP(
    "Sync", "The file lists the records of kind {type} twice. Refused."
)
M_STRUCTURE = QT_TRANSLATE_NOOP(
    "Sync",
    "The records inside the file have far more parts than the {count} records it declares "
    "could have. The file was refused without being read.",
)


def shown(value: Any, limit: int = 40) -> str:
    """A value from a file, safe to put into a message, the ledger or a terminal: text
    without control, bidirectional or unpaired surrogate characters, cut short."""
    if isinstance(value, str):
        return UNWANTED.sub("?", value[:limit])
    if (
        value is None
        or isinstance(value, bool | float)
        or (isinstance(value, int) and abs(value) < 10**30)
    ):
        return str(value)
    return type(value).__name__


@dataclass
class Table:
    """The rows of one record type; ``rows`` are lists in ``columns`` order."""

    record_type: str
    columns: list[str]
    rows: list[Any]

    @property
    def model(self) -> type[SyncedRecord]:
        return MODELS_BY_RECORD_TYPE[self.record_type]


def _boolean_columns(model: type[SyncedRecord], columns: Sequence[str]) -> list[int]:
    table_columns = inspect(model).columns
    return [i for i, name in enumerate(columns) if isinstance(table_columns[name].type, Boolean)]


def read_tables(
    conn: sqlite3.Connection, commune_code: str, *, after: int, through: int
) -> list[Table]:
    """This commune's records changed after change number ``after`` up to ``through``
    (``after=0`` for everything), tombstones included, straight off the DBAPI connection:
    stored text is already the travelling form, only booleans need turning from 0/1."""
    tables = []
    for model in SYNCED_MODELS:
        columns = travelling_columns(model)
        # A full snapshot reads whole tables (a scan beats an index that every row
        # matches); an incremental one reads the few rows above ``after`` by change number.
        source = f"{model.__tablename__} NOT INDEXED" if after == 0 else model.__tablename__
        sql = (
            f"SELECT {', '.join(columns)} FROM {source} "
            "WHERE commune_code = ? AND change_seq > ? AND change_seq <= ?"
        )
        rows: list[Any] = conn.execute(sql, (commune_code, after, through)).fetchall()
        if not rows:
            continue
        flags = _boolean_columns(model, columns)
        if flags:
            fixed = []
            for row in rows:
                values = list(row)
                for i in flags:
                    if values[i] is not None:
                        values[i] = bool(values[i])
                fixed.append(values)
            rows = fixed
        tables.append(Table(model.record_type, columns, rows))
    return tables


def encode(tables: Sequence[Table]) -> bytes:
    body = {
        "tables": [{"type": t.record_type, "columns": t.columns, "rows": t.rows} for t in tables]
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("a key appears twice")
    return result


def load_json(data: bytes) -> Any:
    """Strict JSON: UTF-8, no NaN/Infinity, no key twice in one object."""
    return json.loads(
        data.decode("utf-8"),
        parse_constant=_refuse_constant,
        object_pairs_hook=_unique_keys,
    )


def check_structure(data: bytes, counts: dict[str, int]) -> None:
    """Refuse, before parsing, a payload with more lists, objects or values than ``counts``
    records can have: parsing allocates a Python object for each, so a small file packed
    with ``[],[],…`` would otherwise take gigabytes."""
    rows = sum(counts.values())
    types = len(SYNCED_MODELS)
    slack = len(data) // STRUCTURE_SLACK + 64
    values = sum(
        count * (len(travelling_columns(MODELS_BY_RECORD_TYPE[name])) + 1)
        for name, count in counts.items()
        if name in MODELS_BY_RECORD_TYPE
    )
    widths = sum(len(travelling_columns(model)) + 4 for model in SYNCED_MODELS)
    if (
        data.count(b"[") > rows + 2 * types + 1 + slack
        or data.count(b"{") > types + 1 + slack
        or data.count(b",") > values + widths + slack
    ):
        raise SyncRefused(M_STRUCTURE, count=rows)


def decode(data: bytes, counts: dict[str, int] | None = None) -> list[Table]:
    """The tables of a payload; with ``counts`` (the manifest's), its structure is first
    checked against them (:func:`check_structure`)."""
    if counts is not None:
        check_structure(data, counts)
    try:
        body = load_json(data)
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        raise SyncRefused(M_BAD_PAYLOAD, detail=str(error)[:120]) from error
    if (
        not isinstance(body, dict)
        or set(body) != {"tables"}
        or not isinstance(body["tables"], list)
    ):
        raise SyncRefused(M_BAD_PAYLOAD, detail="tables")
    tables: list[Table] = []
    seen: set[str] = set()
    for entry in body["tables"]:
        if not isinstance(entry, dict) or set(entry) != {"type", "columns", "rows"}:
            raise SyncRefused(M_BAD_PAYLOAD, detail="table")
        record_type, columns, rows = entry["type"], entry["columns"], entry["rows"]
        if not isinstance(record_type, str) or not isinstance(rows, list):
            raise SyncRefused(M_BAD_PAYLOAD, detail="table")
        if record_type not in MODELS_BY_RECORD_TYPE:
            raise SyncRefused(M_UNKNOWN_TYPE, type=shown(record_type))
        if record_type in seen:
            raise SyncRefused(M_DUPLICATE_TYPE, type=record_type)
        seen.add(record_type)
        if (
            not isinstance(columns, list)
            or not all(isinstance(c, str) for c in columns)
            or len(set(columns)) != len(columns)
        ):
            raise SyncRefused(M_BAD_PAYLOAD, detail=f"{record_type}: columns")
        tables.append(Table(record_type, columns, rows))
    order = {model.record_type: i for i, model in enumerate(SYNCED_MODELS)}
    tables.sort(key=lambda t: order[t.record_type])
    return tables
