"""Records as plain JSON-able dictionaries, for the audit log and sync files.

Dates and times become ISO text, enums their stored code; nothing else is transformed, so
``to_plain`` of the same record always gives the same dictionary.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import inspect

from db.base import Base

JsonValue = str | int | bool | None


def column_names(model: type[Base]) -> list[str]:
    return [column.key for column in inspect(model).columns]


def plain_value(value: Any) -> JsonValue:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | bool):
        return value
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_plain(record: Base) -> dict[str, JsonValue]:
    return {name: plain_value(getattr(record, name)) for name in column_names(type(record))}


def to_json(values: dict[str, JsonValue] | None) -> str | None:
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
