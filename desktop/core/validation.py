"""Field rules shared by every form, import and sync file reader.

Each function returns the cleaned value or raises :class:`ValidationError` naming the field,
with a message for the person who typed it. :func:`check` applies the ones a model column
declares (:mod:`db.fields`): what a field may hold is written once, on the column.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from db.enums import Sex
from db.fields import (
    EARLIEST_BIRTH_YEAR,
    EARLIEST_YEAR,
    LATEST_YEAR,
    FieldFacts,
    FieldKind,
    declared,
)

# The limits every service and reader shares, declared with the field facts.
from db.fields import EARLIEST_DATE as EARLIEST_DATE
from db.fields import LATEST_DATE as LATEST_DATE
from db.fields import MAX_AMOUNT as MAX_AMOUNT
from db.fields import MAX_LONG_TEXT as MAX_LONG_TEXT
from db.fields import MAX_SINGLE_AMOUNT as MAX_SINGLE_AMOUNT
from db.fields import MAX_TEXT as MAX_TEXT
from desktop.core.errors import ValidationError
from desktop.core.formatting import format_date, format_rate_bp, group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.text import clean, clean_multiline

M_REQUIRED = QT_TRANSLATE_NOOP("Validation", "This field is required.")
M_TOO_LONG = QT_TRANSLATE_NOOP("Validation", "Too long: at most {limit} characters.")
M_CID_DIGITS = QT_TRANSLATE_NOOP(
    "Validation", "A citizen ID has exactly 12 digits (this one has {count})."
)
M_CID_NOT_DIGITS = QT_TRANSLATE_NOOP("Validation", "A citizen ID contains digits only.")
M_CID_PROVINCE = QT_TRANSLATE_NOOP(
    "Validation", "The first three digits ({code}) are not a province code."
)
M_CID_YEAR = QT_TRANSLATE_NOOP(
    "Validation", "The citizen ID is for someone born in {id_year}, not {birth_year}."
)
M_CID_SEX = QT_TRANSLATE_NOOP(
    "Validation", "The citizen ID belongs to a {id_sex}, but the record says {sex}."
)
M_NEGATIVE = QT_TRANSLATE_NOOP("Validation", "The amount cannot be negative.")
M_ZERO = QT_TRANSLATE_NOOP("Validation", "The amount must be greater than zero.")
M_TOO_LARGE = QT_TRANSLATE_NOOP("Validation", "The amount is too large (at most {limit} đ).")
M_DATE_RANGE = QT_TRANSLATE_NOOP("Validation", "The date must be between {start} and {end}.")
M_DATE_ORDER = QT_TRANSLATE_NOOP("Validation", "This date must not be before {other}.")
M_BIRTH_YEAR = QT_TRANSLATE_NOOP("Validation", "The birth year must be between {start} and {end}.")
M_PHONE = QT_TRANSLATE_NOOP(
    "Validation", "A phone number has 10 or 11 digits and starts with 0 (or +84)."
)
M_PERCENT = QT_TRANSLATE_NOOP("Validation", "A percentage is a whole number from 0 to 100.")
M_YEAR = QT_TRANSLATE_NOOP("Validation", "The year must be between {start} and {end}.")
M_NUMBER = QT_TRANSLATE_NOOP("Validation", "The number must be between {low} and {high}.")
M_RATE = QT_TRANSLATE_NOOP("Validation", "The rate must be between {low} and {high} a year.")
SEX_WORDS = {
    Sex.MALE: QT_TRANSLATE_NOOP("Validation", "man"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("Validation", "woman"),
}


def required_text(
    value: str | None, field: str, *, limit: int = MAX_TEXT, multiline: bool = False
) -> str:
    text = optional_text(value, field, limit=limit, multiline=multiline)
    if not text:
        raise ValidationError(field, M_REQUIRED)
    return text


def optional_text(
    value: str | None, field: str, *, limit: int = MAX_TEXT, multiline: bool = False
) -> str:
    """Cleaned text (NFC, trimmed; single spaces unless ``multiline``) within ``limit``."""
    text = clean_multiline(value) if multiline else clean(value)
    if len(text) > limit:
        raise ValidationError(field, M_TOO_LONG, limit=limit)
    return text


def citizen_id_century_sex(cid: str) -> tuple[int, Sex]:
    """The birth century and sex encoded in the 4th digit: 0/1 → 1900s, 2/3 → 2000s,
    4/5 → 2100s, 6/7 → 2200s, 8/9 → 1800s; even is male, odd is female."""
    digit = int(cid[3])
    century = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200}.get(
        digit, 1800
    )
    return century, Sex.MALE if digit % 2 == 0 else Sex.FEMALE


def citizen_id(
    value: str | None,
    *,
    birth_year: int | None = None,
    sex: Sex | None = None,
    field: str = "citizen_id",
) -> str:
    """A 12-digit CCCD: province code (any), century/sex digit, two digits of the birth
    year, six digits. Checked against the recorded birth year and sex when known."""
    cid = re.sub(r"[\s.\-]", "", value or "")
    if not cid:
        raise ValidationError(field, M_REQUIRED)
    if not cid.isdigit() or not cid.isascii():
        raise ValidationError(field, M_CID_NOT_DIGITS)
    if len(cid) != 12:
        raise ValidationError(field, M_CID_DIGITS, count=len(cid))
    if cid[:3] == "000":
        raise ValidationError(field, M_CID_PROVINCE, code=cid[:3])
    century, id_sex = citizen_id_century_sex(cid)
    id_year = century + int(cid[4:6])
    if birth_year is not None and birth_year != id_year:
        raise ValidationError(field, M_CID_YEAR, id_year=id_year, birth_year=birth_year)
    if sex is not None and sex != id_sex:
        raise ValidationError(
            field, M_CID_SEX, id_sex=tr(SEX_WORDS[id_sex]), sex=tr(SEX_WORDS[Sex(sex)])
        )
    return cid


def amount(
    value: int | None,
    field: str = "amount",
    *,
    maximum: int = MAX_SINGLE_AMOUNT,
    allow_zero: bool = False,
) -> int:
    """A sum of money in whole đồng: not negative, not absurdly large."""
    if value is None:
        raise ValidationError(field, M_REQUIRED)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, M_REQUIRED)
    if value < 0:
        raise ValidationError(field, M_NEGATIVE)
    if value == 0 and not allow_zero:
        raise ValidationError(field, M_ZERO)
    if value > maximum:
        raise ValidationError(field, M_TOO_LARGE, limit=group_thousands(maximum))
    return value


def date_in_range(
    value: date | None,
    field: str = "date",
    *,
    start: date = EARLIEST_DATE,
    end: date = LATEST_DATE,
    required: bool = True,
) -> date | None:
    if value is None:
        if required:
            raise ValidationError(field, M_REQUIRED)
        return None
    if not start <= value <= end:
        raise ValidationError(field, M_DATE_RANGE, start=format_date(start), end=format_date(end))
    return value


def not_before(value: date | None, other: date | None, field: str) -> None:
    if value is not None and other is not None and value < other:
        raise ValidationError(field, M_DATE_ORDER, other=format_date(other))


def birth_year(value: int | None, field: str = "birth_year", *, today: date | None = None) -> int:
    this_year = (today or date.today()).year
    if value is None:
        raise ValidationError(field, M_REQUIRED)
    if not EARLIEST_BIRTH_YEAR <= value <= this_year:
        raise ValidationError(field, M_BIRTH_YEAR, start=EARLIEST_BIRTH_YEAR, end=this_year)
    return value


def year(value: int | None, field: str = "year") -> int:
    if value is None:
        raise ValidationError(field, M_REQUIRED)
    if not EARLIEST_YEAR <= value <= LATEST_YEAR:
        raise ValidationError(field, M_YEAR, start=EARLIEST_YEAR, end=LATEST_YEAR)
    return value


def phone(value: str | None, field: str = "phone") -> str:
    """Empty, or a Vietnamese number: 10 digits (mobile) or 11 (landline), from 0 or +84."""
    raw = re.sub(r"[\s.\-()]", "", value or "")
    if not raw:
        return ""
    if raw.startswith("+84"):
        raw = "0" + raw[3:]
    elif raw.startswith("84") and len(raw) in (11, 12):
        raw = "0" + raw[2:]
    if not (raw.isdigit() and raw.isascii() and raw.startswith("0") and len(raw) in (10, 11)):
        raise ValidationError(field, M_PHONE)
    return raw


def percent(value: int | None, field: str = "percent") -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise ValidationError(field, M_PERCENT)
    return value


def whole_number(
    value: int | None, field: str, *, low: int, high: int, message: Msg = M_NUMBER
) -> int:
    """A whole number from ``low`` to ``high``; ``message`` (with ``{low}`` and ``{high}``)
    says what it counts."""
    if value is None:
        raise ValidationError(field, M_REQUIRED)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(field, message, low=low, high=high)
    return value


def rate_bp(value: int | None, field: str, *, low: int = 0, high: int) -> int:
    """A rate per year in basis points (6,6 % is 660)."""
    if value is None:
        raise ValidationError(field, M_REQUIRED)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(field, M_RATE, low=format_rate_bp(low), high=format_rate_bp(high))
    return value


def check(
    column: Any,
    value: Any,
    *,
    field: str | None = None,
    required: bool | None = None,
    message: Msg | None = None,
) -> Any:
    """``value`` checked against the facts its model declares for ``column`` (a model
    attribute such as ``FundContribution.donor_name``, see :mod:`db.fields`): the cleaned
    value, or :class:`ValidationError` naming ``field`` (default: the column's name).
    ``required`` overrides the column's (a form insisting on what a record may leave
    blank); an empty value that is not required comes back as ``""`` (text) or ``None``.
    ``message`` says what a whole number out of its range counts (``{low}``, ``{high}``)."""
    return check_facts(
        declared(column),
        value,
        field or column.key,
        required=required,
        message=message,
    )


def check_facts(
    facts: FieldFacts,
    value: Any,
    field: str,
    *,
    required: bool | None = None,
    message: Msg | None = None,
) -> Any:
    """As :func:`check`, with the facts at hand (the sync file's rules keep them)."""
    needed = facts.required if required is None else required
    kind = facts.kind
    if kind is FieldKind.TEXT:
        read = required_text if needed else optional_text
        return read(value, field, limit=facts.max_length, multiline=facts.multiline)
    if kind is FieldKind.PHONE:
        number = phone(value, field)
        if needed and not number:
            raise ValidationError(field, M_REQUIRED)
        return number
    if value is None:
        if needed:
            raise ValidationError(field, M_REQUIRED)
        return None
    if kind is FieldKind.MONEY:
        return amount(value, field, maximum=facts.high, allow_zero=facts.low == 0)
    if kind is FieldKind.YEAR:
        return year(value, field)
    if kind is FieldKind.BIRTH_YEAR:
        return birth_year(value, field)
    if kind is FieldKind.PERCENT:
        return percent(value, field)
    if kind is FieldKind.DATE:
        return date_in_range(value, field, start=facts.earliest, end=facts.latest)
    if kind is FieldKind.RATE:
        return rate_bp(value, field, low=facts.low, high=facts.high)
    return whole_number(value, field, low=facts.low, high=facts.high, message=message or M_NUMBER)
