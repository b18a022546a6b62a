"""What every value in a sync file must look like before the city stores it.

The rules come from the models themselves (type, nullability, enum values, foreign keys,
defaults) and the field facts each column declares (:mod:`db.fields`: a text's length and
whether it may be blank, money and its ceiling, years, rates, percentages), so the city
accepts what a commune's forms could have stored, and a record type added later is checked
without a change here.

Checking is done a column at a time with built-ins (``set(map(type, …))``, ``min``,
``max``), which runs at C speed over a whole city's records; only when a column fails is
it walked value by value to say which records are wrong and why.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, Integer, String, inspect
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.sql.schema import Column, ColumnDefault

from db.base import SyncedRecord, UtcDateTime
from db.fields import MAX_AMOUNT, MAX_LONG_TEXT, FieldFacts, FieldKind, facts_of, whole_number
from db.models import SYNCED_MODELS
from desktop.core import validation
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.record_labels import field_title, record_type_label
from desktop.core.text import UNWANTED, clean_multiline
from desktop.sync.payload import shown
from desktop.sync.privacy import withheld

#: The range of a whole number whose column declares no facts.
UNDECLARED_NUMBER = whole_number(0, MAX_AMOUNT)
#: Codes of catalogue entries (references without a declared length) hold at most this much.
MAX_TEXT = MAX_LONG_TEXT
EARLIEST_TIME = datetime(2000, 1, 1)
LATEST_TIME = datetime(2100, 12, 31, 23, 59, 59)
ID_LENGTH = 36
#: Identifiers as TDCS writes them (``str(uuid4())``), one per line.
_IDS_RE = re.compile(r"(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n)*")
#: Whitespace at the end of a line, which :func:`clean_multiline` removes.
_LINE_END_SPACE = re.compile(r"[^\S\n]\n")
#: The columns every travelling record has (``SyncedRecord``): none may be left out.
BASE_COLUMNS = SyncedRecord.SYSTEM_COLUMNS
NONE = type(None)

M_REQUIRED = validation.M_REQUIRED
M_NOT_TEXT = QT_TRANSLATE_NOOP("Sync", "Expected text.")
M_NOT_INTEGER = QT_TRANSLATE_NOOP("Sync", "Expected a whole number.")
M_NOT_BOOLEAN = QT_TRANSLATE_NOOP("Sync", "Expected true or false.")
M_NOT_DATE = QT_TRANSLATE_NOOP("Sync", "Expected a date written as YYYY-MM-DD.")
M_NOT_TIME = QT_TRANSLATE_NOOP("Sync", "Expected a time written as YYYY-MM-DD hh:mm:ss.")
M_TIME_RANGE = QT_TRANSLATE_NOOP("Sync", "The time must be between {start} and {end}.")
M_NOT_CHOICE = QT_TRANSLATE_NOOP("Sync", "“{value}” is not one of the allowed values.")
M_NOT_ID = QT_TRANSLATE_NOOP("Sync", "Not a record identifier (UUID).")
M_BLANK = QT_TRANSLATE_NOOP("Sync", "Blank, but a record of this kind must have it.")
M_CHANGE_RANGE = QT_TRANSLATE_NOOP(
    "Sync",
    "The change number {value} is not among the changes the file covers (after {after}, up "
    "to {through}).",
)
M_DELETED_BEFORE_CREATED = QT_TRANSLATE_NOOP(
    "Sync", "The record is marked deleted ({deleted}) before it was created ({created})."
)
M_BAD_ROW = QT_TRANSLATE_NOOP("Sync", "The record does not have one value per column.")
M_DUPLICATE = QT_TRANSLATE_NOOP("Sync", "The same record appears more than once in the file.")
M_OTHER_OWNER = QT_TRANSLATE_NOOP(
    "Sync", "The record belongs to unit {owner}, not to the commune that sent the file."
)
M_UNKNOWN_REFERENCE = QT_TRANSLATE_NOOP(
    "Sync", "“{value}” is not in the city's catalogue ({table})."
)
M_FOREIGN_REFERENCE = QT_TRANSLATE_NOOP("Sync", "Refers to a record of another unit ({owner}).")
M_UNKNOWN_COLUMN = QT_TRANSLATE_NOOP(
    "Sync",
    "The file has a field this version of TDCS does not know ({type}: {field}). It was "
    "probably made by a newer TDCS: update TDCS here, then import it again.",
)
M_MISSING_COLUMN = QT_TRANSLATE_NOOP(
    "Sync", "The file lacks the field {field} of {type}, which cannot be left out. Refused."
)
M_WITHHELD_SENT = QT_TRANSLATE_NOOP(
    "Sync",
    "The file carries personal data that must stay at the commune ({type}: {field}). It "
    "was refused; the commune should update TDCS and make the file again.",
)


class Kind(enum.Enum):
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    DATE = "date"
    TIME = "time"
    CHOICE = "choice"


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class ColumnRule:
    name: str
    kind: Kind
    nullable: bool
    max_length: int = 0
    low: int = 0
    high: int = 0
    choices: frozenset[str] = frozenset()
    is_id: bool = False
    #: Text a commune's form requires (a name, a title): never blank.
    required: bool = False
    #: Free text, stored as a commune's form stores it (see :func:`normalise_text`).
    free_text: bool = False
    #: ``(table, column)`` of a foreign key.
    reference: tuple[str, str] | None = None
    #: True when the reference points at another travelling record (checked for owner,
    #: not for existence: its file may not have arrived yet).
    references_record: bool = False
    #: What the city stores when a file leaves the column out; ``MISSING`` if it may not.
    fill: Any = MISSING
    #: What the column's model declares a person may put in it (:mod:`db.fields`).
    facts: FieldFacts | None = None

    @property
    def is_money(self) -> bool:
        return self.facts is not None and self.facts.kind is FieldKind.MONEY


@dataclass(frozen=True)
class ModelRules:
    model: type[SyncedRecord]
    table: str
    columns: dict[str, ColumnRule]
    withheld: frozenset[str]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record (or the whole table, when ``record_id`` is empty)."""

    record_type: str
    record_id: str
    field: str
    message: str

    def text(self) -> str:
        who = record_type_label(self.record_type)
        record = f" {self.record_id[:8]}" if self.record_id else ""
        field = f" — {tr(field_title(self.field))}" if self.field else ""
        return f"{who}{record}{field}: {self.message}"


_SYNCED_TABLES = frozenset(m.__tablename__ for m in SYNCED_MODELS)


def _fill(column: Column[Any], hidden: bool) -> Any:
    if column.nullable:
        return None
    default = column.default
    if isinstance(default, ColumnDefault) and default.is_scalar:
        value = default.arg
        return value.value if isinstance(value, enum.Enum) else value
    if hidden and isinstance(column.type, String):
        return ""
    return MISSING


def _column_rule(column: Column[Any], hidden: bool) -> ColumnRule:
    col_type = column.type
    name = column.key
    nullable = bool(column.nullable)
    reference = None
    references_record = False
    for fk in column.foreign_keys:
        reference = (fk.column.table.name, fk.column.key)
        references_record = fk.column.table.name in _SYNCED_TABLES
    fill = _fill(column, hidden)
    facts = facts_of(column)
    common: dict[str, Any] = {
        "name": name,
        "nullable": nullable,
        "reference": reference,
        "references_record": references_record,
        "fill": fill,
        "facts": facts,
    }
    if isinstance(col_type, SqlEnum):
        return ColumnRule(kind=Kind.CHOICE, choices=frozenset(col_type.enums), **common)
    if isinstance(col_type, UtcDateTime):
        return ColumnRule(kind=Kind.TIME, **common)
    if isinstance(col_type, Date):
        return ColumnRule(kind=Kind.DATE, **common)
    if isinstance(col_type, Boolean):
        return ColumnRule(kind=Kind.BOOL, **common)
    if isinstance(col_type, Integer):
        # A number the model says nothing about (tests/test_field_facts.py fails for it)
        # is held to the widest range rather than refusing every file.
        facts = facts or UNDECLARED_NUMBER
        low, high = facts.low, facts.high_on(date.today())
        return ColumnRule(kind=Kind.INT, low=low, high=high, **{**common, "facts": facts})
    if isinstance(col_type, String):
        is_id = name == "id" or references_record
        # Free text is what a person types: its facts say how much, and whether it may be
        # blank; identifiers and codes are the program's.
        free = facts is not None and not is_id
        if is_id:
            length = ID_LENGTH
        elif facts is not None:
            length = facts.max_length
        else:
            length = col_type.length or MAX_TEXT
        return ColumnRule(
            kind=Kind.TEXT,
            max_length=length,
            is_id=is_id,
            required=free and facts is not None and facts.required and not hidden,
            free_text=free,
            **common,
        )
    raise TypeError(f"no sync rule for {name}: {col_type!r}")


@cache
def rules_for(model: type[SyncedRecord]) -> ModelRules:
    hidden = withheld(model)
    columns = {c.key: _column_rule(c, c.key in hidden) for c in inspect(model).columns}
    return ModelRules(model, model.__tablename__, columns, hidden)


# -- the fast, whole-column check -------------------------------------------------------------


def _date_ok(value: str) -> bool:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return day.isoformat() == value and validation.EARLIEST_DATE <= day <= validation.LATEST_DATE


def _time_ok(value: str) -> bool:
    if len(value) != 19 or value[10] != " ":
        return False
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    return moment.isoformat(sep=" ") == value and EARLIEST_TIME <= moment <= LATEST_TIME


def _ids_ok(values: Sequence[str]) -> bool:
    if set(map(len, values)) != {ID_LENGTH}:
        return False
    return _IDS_RE.fullmatch("\n".join(values) + "\n") is not None


def normalise_text(values: Sequence[Any]) -> list[Any] | None:
    """Free text as a commune's forms store it (:func:`desktop.core.text.clean_multiline`:
    NFC, trimmed, no trailing spaces on a line, no control, bidirectional-override or
    unpaired surrogate characters), or ``None`` when every value already is (the common
    case, checked over the whole column at C speed). Values that are not text are left for
    the type check."""
    text = [v for v in values if type(v) is str]
    if not text:
        return None
    joined = "\n".join(text)
    if (
        UNWANTED.search(joined) is None
        and _LINE_END_SPACE.search(joined) is None
        and unicodedata.is_normalized("NFC", joined)
        and list(map(str.strip, text)) == text
    ):
        return None
    return [clean_multiline(v) if type(v) is str else v for v in values]


def column_ok(rule: ColumnRule, values: Sequence[Any]) -> bool:
    """True when every value of the column is acceptable (the common case, checked fast)."""
    types = set(map(type, values))
    if NONE in types:
        if not rule.nullable:
            return False
        types.discard(NONE)
        present: Sequence[Any] = [v for v in values if v is not None]
    else:
        present = values
    if not present:
        return True
    kind = rule.kind
    if kind is Kind.INT:
        return types == {int} and min(present) >= rule.low and max(present) <= rule.high
    if kind is Kind.BOOL:
        return types == {bool}
    if types != {str}:
        return False
    if kind is Kind.TEXT:
        if rule.is_id:
            return _ids_ok(present)
        if rule.required and "" in present:
            return False
        return max(map(len, present)) <= rule.max_length
    if kind is Kind.CHOICE:
        return set(present) <= rule.choices
    distinct = set(present)
    check: Callable[[str], bool] = _date_ok if kind is Kind.DATE else _time_ok
    if not all(map(check, distinct)):
        return False
    if kind is Kind.DATE and rule.facts is not None:
        # ISO dates of four-digit years sort as the days they name.
        start, end = rule.facts.earliest.isoformat(), rule.facts.latest.isoformat()
        return bool(start <= min(distinct) and max(distinct) <= end)
    return True


# -- the slow, value-by-value explanation -------------------------------------------------------


def _message(message: Msg, **params: Any) -> str:
    return tr(message, **params)


def explain(rule: ColumnRule, value: Any) -> str | None:
    """Why ``value`` is not acceptable in this column (translated), or ``None``."""
    if value is None:
        return None if rule.nullable else _message(M_REQUIRED)
    kind = rule.kind
    try:
        if kind is Kind.INT:
            if type(value) is not int:
                return _message(M_NOT_INTEGER)
            assert rule.facts is not None  # set for every integer column
            validation.check_facts(rule.facts, value, rule.name)
            return None
        if kind is Kind.BOOL:
            return None if type(value) is bool else _message(M_NOT_BOOLEAN)
        if type(value) is not str:
            return _message(M_NOT_TEXT)
        if kind is Kind.TEXT:
            if rule.is_id:
                return None if _ids_ok([value]) else _message(M_NOT_ID)
            if rule.required and not value:
                return _message(M_BLANK)
            if len(value) > rule.max_length:
                return _message(validation.M_TOO_LONG, limit=rule.max_length)
            return None
        if kind is Kind.CHOICE:
            return None if value in rule.choices else _message(M_NOT_CHOICE, value=shown(value))
        if kind is Kind.DATE:
            try:
                day = date.fromisoformat(value)
            except ValueError:
                return _message(M_NOT_DATE)
            if day.isoformat() != value:
                return _message(M_NOT_DATE)
            if rule.facts is None:
                validation.date_in_range(day, rule.name)
            else:
                validation.check_facts(rule.facts, day, rule.name)
            return None
        if not _time_ok(value):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return _message(M_NOT_TIME)
            if moment.isoformat(sep=" ") != value:
                return _message(M_NOT_TIME)
            return _message(
                M_TIME_RANGE, start=EARLIEST_TIME.date().year, end=LATEST_TIME.date().year
            )
        return None
    except ValidationError as error:
        return error.text()
