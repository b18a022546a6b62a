"""Column mappings remembered between imports, by name, in the ``settings`` table.

The transaction office sends the same shape of list every month; once the clerk has
matched its columns, the next file with the same headings opens with that mapping chosen.
A mapping records each field's column by its heading (not by position, so an inserted
column does not shift everything), the sheet's money unit, and the shape (the headings)
it was made for. Stored as JSON under ``loans.import_mapping.<hash>``: no schema change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import utc_now
from db.models import Setting
from desktop.core import validation
from desktop.core.loans.excel_import.fields import ImportField, heading_key
from desktop.core.loans.excel_import.read import SheetTable
from desktop.core.settings import set_setting

PREFIX = "loans.import_mapping."


@dataclass(frozen=True)
class SavedMapping:
    name: str
    signature: tuple[str, ...]
    columns: dict[ImportField, str]
    unit: int
    saved_at: datetime | None = None


def signature_of(table: SheetTable) -> tuple[str, ...]:
    """The shape of a list: its heading keys in order, blank columns left out."""
    return tuple(heading_key(label) for label in table.labels if heading_key(label))


def _key(name: str) -> str:
    return PREFIX + hashlib.sha1(name.casefold().encode("utf-8")).hexdigest()[:24]


def load_mappings(session: Session) -> list[SavedMapping]:
    """Every remembered mapping, most recently saved first; unreadable entries skipped."""
    found = []
    for (value,) in session.execute(select(Setting.value).where(Setting.key.like(PREFIX + "%"))):
        try:
            data = json.loads(value)
            found.append(
                SavedMapping(
                    name=str(data["name"]),
                    signature=tuple(str(s) for s in data["signature"]),
                    columns={ImportField(f): str(h) for f, h in data["columns"].items()},
                    unit=int(data.get("unit", 1)),
                    saved_at=datetime.fromisoformat(data["saved_at"])
                    if data.get("saved_at")
                    else None,
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    found.sort(key=lambda m: m.saved_at or datetime.min, reverse=True)
    return found


def save_mapping(
    session: Session,
    name: str,
    table: SheetTable,
    columns: dict[ImportField, int],
    unit: int,
) -> SavedMapping:
    """Remember ``columns`` under ``name`` (replacing a mapping of that name)."""
    clean_name = validation.required_text(name, "mapping_name", limit=80)
    labels = table.labels
    mapping = SavedMapping(
        name=clean_name,
        signature=signature_of(table),
        columns={field: labels[index] for field, index in columns.items() if index < len(labels)},
        unit=unit,
        saved_at=utc_now(),
    )
    set_setting(
        session,
        _key(clean_name),
        json.dumps(
            {
                "name": mapping.name,
                "signature": list(mapping.signature),
                "columns": {f.value: h for f, h in mapping.columns.items()},
                "unit": mapping.unit,
                "saved_at": mapping.saved_at.isoformat() if mapping.saved_at else None,
            },
            ensure_ascii=False,
        ),
    )
    return mapping


def find_mapping(mappings: Sequence[SavedMapping], name: str) -> SavedMapping | None:
    key = name.strip().casefold()
    return next((m for m in mappings if m.name.casefold() == key), None)


def mapping_for_shape(mappings: Sequence[SavedMapping], table: SheetTable) -> SavedMapping | None:
    """The most recent mapping made for a list with exactly these headings."""
    signature = signature_of(table)
    return next((m for m in mappings if m.signature == signature), None)


def apply_mapping(mapping: SavedMapping, table: SheetTable) -> dict[ImportField, int]:
    """The mapping's fields placed on this table's columns, matched by heading."""
    positions: dict[str, int] = {}
    for index, label in enumerate(table.labels):
        positions.setdefault(heading_key(label), index)
    return {
        field: positions[heading_key(label)]
        for field, label in mapping.columns.items()
        if heading_key(label) in positions
    }
