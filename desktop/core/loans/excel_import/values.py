"""Reading one cell of a bank list as the value it means.

Cells arrive as Excel left them: numbers as numbers or as text ("1.500.000", "1,500,000",
"25,5" in a list kept in million đồng), dates as dates, as Excel serial numbers (45292) or
as text ("05/02/2026"), citizen IDs as numbers that lost their leading zero (92085012345).
Each reader returns the value or raises :class:`ValidationError` with a message for the
clerk.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from db.enums import HouseholdCategory, Sex
from db.fields import declared
from db.models import Loan
from desktop.core import validation
from desktop.core.errors import ValidationError
from desktop.core.formatting import MSG_DATE_FORMAT, parse_date, parse_money
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import clean, search_key

M_NOT_NUMBER = QT_TRANSLATE_NOOP("ExcelImport", "«{value}» is not an amount.")
M_NOT_WHOLE = QT_TRANSLATE_NOOP("ExcelImport", "«{value}» is not a whole number of đồng.")
M_NOT_DATE = QT_TRANSLATE_NOOP(
    "ExcelImport", "«{value}» is not a date (day/month/year, e.g. 05/02/2026)."
)
M_NOT_YEAR = QT_TRANSLATE_NOOP("ExcelImport", "«{value}» is not a year of birth.")
M_NOT_SEX = QT_TRANSLATE_NOOP("ExcelImport", "«{value}» is not a sex (Nam / Nữ).")
M_NOT_RATE = QT_TRANSLATE_NOOP("ExcelImport", "«{value}» is not an interest rate.")
M_NEGATIVE = QT_TRANSLATE_NOOP("ExcelImport", "«{value}» is negative.")

#: Excel serial day numbers of 1/1/1950 and 31/12/2100: numbers outside are not dates.
_SERIAL_MIN, _SERIAL_MAX = 18_264, 73_415
_EXCEL_EPOCH = date(1899, 12, 30)
_TRAILING_ZERO_DECIMALS = re.compile(r"^([\d.,\s]+?)[.,]0{1,2}$")
#: Accountants write a dash for zero.
_DASHES = {"-", "–", "—", "--"}
_DATE_TEXT = re.compile(r"^(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{1,2}-\d{1,2})")


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_value(value: Any) -> str:
    """Any cell as clean text (whole floats without ``.0``)."""
    if is_empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return clean(str(value))


def money_value(value: Any, field: str, *, unit: int = 1) -> int | None:
    """Whole đồng; ``unit`` is 1000 or 1 000 000 for lists kept in thousands or millions."""
    if is_empty(value):
        return None
    if isinstance(value, str) and value.strip() in _DASHES:
        return 0
    if isinstance(value, bool):
        raise ValidationError(field, M_NOT_NUMBER, value=value)
    amount = _money_number(value, field, unit)
    if unit > 1 and abs(amount - amount.to_integral_value()) < Decimal("0.01"):
        amount = amount.to_integral_value()
    if amount < 0:
        raise ValidationError(field, M_NEGATIVE, value=text_value(value))
    if amount != amount.to_integral_value():
        raise ValidationError(field, M_NOT_WHOLE, value=text_value(value))
    return int(amount)


def _money_number(value: Any, field: str, unit: int) -> Decimal:
    """A number cell or a text, in đồng (not yet checked to be whole or positive)."""
    if not isinstance(value, int | float):
        return _money_text(text_value(value), field, unit)
    try:
        return Decimal(str(value)) * unit
    except InvalidOperation as exc:
        raise ValidationError(field, M_NOT_NUMBER, value=value) from exc


def _money_text(raw: str, field: str, unit: int) -> Decimal:
    if unit == 1:
        return _dong_text(raw, field)
    return _scaled_text(_brackets_negative(raw), field, unit)


def _brackets_negative(raw: str) -> str:
    """ "(1.000)", as accountants write a negative amount, → "-1.000"."""
    return "-" + raw[1:-1] if raw.startswith("(") and raw.endswith(")") else raw


def _dong_text(raw: str, field: str) -> Decimal:
    """An amount in đồng as people type it, with the one money parser."""
    trailing = _TRAILING_ZERO_DECIMALS.match(raw.replace(" ", ""))
    if trailing:
        raw = trailing[1]
    raw = _brackets_negative(raw)
    try:
        return Decimal(parse_money(raw, field=field))
    except ValidationError as exc:
        raise ValidationError(field, M_NOT_NUMBER, value=raw) from exc


def _scaled_text(raw: str, field: str, unit: int) -> Decimal:
    """In thousands or millions, decimals are normal: "25,5" or "1.234,5" (Vietnamese), or
    "25.5" when the file came from an English Excel."""
    text = raw.replace(" ", "").replace("đ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text) or re.fullmatch(r"-?\d+,\d+", text):
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    try:
        return Decimal(text) * unit
    except InvalidOperation as exc:
        raise ValidationError(field, M_NOT_NUMBER, value=raw) from exc


def date_value(value: Any, field: str) -> date | None:
    """A date cell, an Excel serial number, or text ``dd/mm/yyyy`` (time of day ignored)."""
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_MIN <= value <= _SERIAL_MAX:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValidationError(field, M_NOT_DATE, value=text_value(value))
    raw = text_value(value)
    match = _DATE_TEXT.match(raw)
    if match is None:
        raise ValidationError(field, M_NOT_DATE, value=raw)
    try:
        return parse_date(match[1], field=field)
    except ValidationError as exc:
        if exc.message != MSG_DATE_FORMAT:
            raise  # it says why: "31/02/2025 does not exist: month 2 of 2025 has 28 days"
        raise ValidationError(field, M_NOT_DATE, value=raw) from exc


def citizen_id_value(value: Any, field: str = "citizen_id") -> str | None:
    """The 12 digits of a citizen ID; 11 digits get back the leading zero a numeric
    column dropped (every province code starts with 0)."""
    if is_empty(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    raw = re.sub(r"[\s.\-']", "", str(value))
    if raw.isdigit() and len(raw) == 11:
        raw = "0" + raw
    return raw


def birth_year_value(value: Any, field: str = "birth_year") -> int | None:
    """A year (1975), a date of birth, or a text date; only the year is kept."""
    if is_empty(value):
        return None
    if isinstance(value, datetime | date):
        return validation.birth_year(value.year, field)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1900 <= value <= 2100:
            return validation.birth_year(int(value), field)
        return validation.birth_year(date_value(value, field).year, field)  # type: ignore[union-attr]
    raw = text_value(value)
    if re.fullmatch(r"\d{4}", raw):
        return validation.birth_year(int(raw), field)
    try:
        day = date_value(raw, field)
    except ValidationError as exc:
        raise ValidationError(field, M_NOT_YEAR, value=raw) from exc
    assert day is not None
    return validation.birth_year(day.year, field)


def sex_value(value: Any, field: str = "sex") -> Sex | None:
    if is_empty(value):
        return None
    key = search_key(text_value(value))
    if key in {"nam", "m", "male", "trai"}:
        return Sex.MALE
    if key in {"nu", "f", "female", "gai"}:
        return Sex.FEMALE
    raise ValidationError(field, M_NOT_SEX, value=text_value(value))


def household_value(value: Any) -> HouseholdCategory | None:
    """ "Hộ nghèo", "HN", "cận nghèo", "mới thoát nghèo"…; anything else is "other"."""
    if is_empty(value):
        return None
    key = search_key(text_value(value))
    if "moi thoat ngheo" in key or "thoat ngheo" in key or key == "hmtn":
        return HouseholdCategory.MOI_THOAT_NGHEO
    if "can ngheo" in key or key == "hcn":
        return HouseholdCategory.CAN_NGHEO
    if "ngheo" in key or key == "hn":
        return HouseholdCategory.NGHEO
    return HouseholdCategory.KHAC


def rate_value(value: Any, field: str, *, monthly: bool) -> int | None:
    """A rate in basis points per year from "6,6", "6.6%", 0.066 (a percent-formatted
    cell) or, in a monthly column, "0,55"."""
    if is_empty(value):
        return None
    number = _rate_number(value, field, monthly=monthly)
    if monthly:
        number *= 12
    basis = (number * 100).quantize(Decimal(1))
    if not 0 <= basis <= declared(Loan.rate_bp).high:
        raise ValidationError(field, M_NOT_RATE, value=text_value(value))
    return int(basis)


def _rate_number(value: Any, field: str, *, monthly: bool) -> Decimal:
    """The rate in percent as the cell gives it: a percent-formatted cell holds a fraction
    (0.066 for 6,6 %, monthly 0.0055)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = Decimal(str(value))
        fraction = Decimal("0.025") if monthly else Decimal("0.3")
        return number * 100 if number < fraction else number
    raw = text_value(value).replace("%", "").replace(" ", "").replace(",", ".")
    try:
        return Decimal(raw)
    except InvalidOperation as exc:
        raise ValidationError(field, M_NOT_RATE, value=text_value(value)) from exc
