"""Vietnamese number, money, date and period formats, both ways.

Amounts: ``1.234.567 đ`` (dot for thousands); percentages: ``2,68 %`` (comma for decimals);
dates: ``dd/MM/yyyy``; official documents: "Cần Thơ, ngày 05 tháng 02 năm 2026" (Decree
30/2020: a leading zero for days below 10 and for months 1 and 2). Money is whole đồng, so
parsing refuses anything that is not a whole number of đồng.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import search_key

CURRENCY = "đ"

_UNITS = {
    "nghin": 1_000,
    "ngan": 1_000,
    "k": 1_000,
    "trieu": 1_000_000,
    "tr": 1_000_000,
    "ty": 1_000_000_000,
    "ti": 1_000_000_000,
}
_CURRENCY_SUFFIX = re.compile(r"\s*(vnd|dong|d)$")
_UNIT_SUFFIX = re.compile(r"(?<=\d)\s*(nghin|ngan|k|trieu|tr|ty|ti)$")
_GROUPED = re.compile(r"^\d{1,3}([.\s,]\d{3})+$")

MSG_MONEY_FORMAT = QT_TRANSLATE_NOOP(
    "Validation", "Enter an amount in đồng, for example 1.500.000 or 1,5 triệu."
)
MSG_MONEY_WHOLE = QT_TRANSLATE_NOOP("Validation", "Amounts are whole đồng, without decimals.")
MSG_DATE_FORMAT = QT_TRANSLATE_NOOP(
    "Validation", "Enter a date as day/month/year, for example 05/02/2026."
)
MSG_DATE_NO_SUCH_DAY = QT_TRANSLATE_NOOP(
    "Validation", "{date} does not exist: month {month} of {year} has {days} days."
)
MSG_DATE_MONTH = QT_TRANSLATE_NOOP(
    "Validation", "There is no month {month}: a month is a number from 1 to 12."
)
MSG_DATE_MONTH_SWAPPED = QT_TRANSLATE_NOOP(
    "Validation",
    "There is no month {month}: write the day first, then the month. Did you mean {swapped}?",
)
MSG_DATE_SHORT_YEAR = QT_TRANSLATE_NOOP(
    "Validation", "Write the year with four digits, for example {example}."
)
MSG_DATE_NO_YEAR = QT_TRANSLATE_NOOP(
    "Validation", "The year is missing: write day/month/year, for example {example}."
)
MSG_DATE_SEPARATORS = QT_TRANSLATE_NOOP(
    "Validation", "Separate the day, the month and the year with /, for example {example}."
)
#: Years an eight-digit number without separators is read as (to suggest the date meant).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
#: Day, month and year apart: "/", "-" or "." (spaces around them are forgiven), or spaces.
_SEPARATOR = r"(?:\s*[/.\-]\s*|\s+)"
_DAY_FIRST = re.compile(rf"(\d{{1,2}}){_SEPARATOR}(\d{{1,2}}){_SEPARATOR}(\d+)")
_YEAR_FIRST = re.compile(rf"(\d{{4}}){_SEPARATOR}(\d{{1,2}}){_SEPARATOR}(\d{{1,2}})")
_DAY_MONTH = re.compile(rf"(\d{{1,2}}){_SEPARATOR}(\d{{1,2}})")


def group_thousands(value: int) -> str:
    """``1234567`` → ``"1.234.567"``."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def format_money(value: int | None, *, unit: bool = True) -> str:
    if value is None:
        return ""
    return f"{group_thousands(value)} {CURRENCY}" if unit else group_thousands(value)


def parse_money(text: str, *, field: str = "amount") -> int:
    """Read an amount typed by a person: ``1.234.567``, ``1234567``, ``1 234 567 đ``,
    ``1,5 triệu``, ``2 tỷ``. Raises :class:`ValidationError` for anything else."""
    raw = search_key(text).replace("\u00a0", " ")
    if not raw:
        raise ValidationError(field, MSG_MONEY_FORMAT)
    raw = _CURRENCY_SUFFIX.sub("", raw, count=1)
    multiplier = 1
    unit = _UNIT_SUFFIX.search(raw)
    if unit:
        multiplier = _UNITS[unit[1]]
        raw = raw[: unit.start()].strip()
    negative = raw.startswith("-")
    raw = raw.removeprefix("-").strip()
    if multiplier > 1:
        number = _vietnamese_decimal(raw, field)
    elif _GROUPED.match(raw):
        separators = {c for c in raw if not c.isdigit()}
        if len(separators) != 1:
            raise ValidationError(field, MSG_MONEY_FORMAT)
        number = Decimal(re.sub(r"\D", "", raw))
    elif re.fullmatch(r"\d+", raw):
        number = Decimal(raw)
    elif re.fullmatch(r"\d+,\d+", raw) or re.fullmatch(r"\d+\.\d{1,2}", raw):
        raise ValidationError(field, MSG_MONEY_WHOLE)
    else:
        raise ValidationError(field, MSG_MONEY_FORMAT)
    value = number * multiplier
    if value != value.to_integral_value():
        raise ValidationError(field, MSG_MONEY_WHOLE)
    result = int(value)
    return -result if negative else result


def _vietnamese_decimal(raw: str, field: str) -> Decimal:
    """``"2,675"`` → 2.675 and ``"1.500"`` → 1500: before a unit (triệu, tỷ) people write
    numbers the Vietnamese way, comma for decimals and dot for thousands."""
    match = re.fullmatch(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?", raw)
    if not match:
        raise ValidationError(field, MSG_MONEY_FORMAT)
    whole = match[1].replace(".", "")
    return Decimal(f"{whole}.{match[2]}" if match[2] else whole)


def to_decimal(value: Fraction | Decimal | float | int) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


def format_number(value: Fraction | Decimal | float | int, decimals: int = 2) -> str:
    """``1234.5`` → ``"1.234,50"`` (half-up rounding, as people round)."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, frac = f"{abs(rounded):f}".partition(".")
    text = group_thousands(int(whole))
    return f"{sign}{text},{frac}" if decimals else f"{sign}{text}"


def format_percent(ratio: Fraction | Decimal | float | None, decimals: int = 2) -> str:
    """A ratio (0.0268) as ``"2,68 %"``; ``None`` (no base to divide by) as ``"–"``."""
    if ratio is None:
        return "–"
    return f"{format_number(to_decimal(ratio) * 100, decimals)} %"


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def local_time(stored: datetime) -> datetime:
    """A stored time (naive UTC, as every timestamp in the database) in this computer's time
    zone, for showing to people."""
    return stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_datetime(stored: datetime | None, *, seconds: bool = False) -> str:
    """A stored (UTC) time as local ``05/10/2026 14:30``."""
    if stored is None:
        return ""
    return local_time(stored).strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def format_stored_date(stored: datetime | None) -> str:
    """The local date of a stored (UTC) time."""
    return format_date(local_time(stored)) if stored is not None else ""


def parse_date(text: str, *, field: str = "date") -> date:
    """Read ``05/02/2026``, ``5/2/2026``, ``05-02-2026``, ``05.02.2026`` (day first), or
    with the four-digit year first, ``2026-02-05``.

    What cannot be read says why: a day the month does not have ("31/02/2026 does not exist:
    month 2 of 2026 has 28 days"), a month above 12 (with the date it probably was, day and
    month swapped), a two-digit or missing year, digits typed without separators."""
    raw = text.strip()
    year_first = _YEAR_FIRST.fullmatch(raw)
    if year_first:
        return calendar_date(
            int(year_first[1]), int(year_first[2]), int(year_first[3]), field=field
        )
    day_first = _DAY_FIRST.fullmatch(raw)
    if day_first:
        day, month, year = int(day_first[1]), int(day_first[2]), day_first[3]
        if len(year) == 4:
            return calendar_date(int(year), month, day, field=field)
        if len(year) == 2:
            meant = calendar_date(2000 + int(year), month, day, field=field)
            raise ValidationError(field, MSG_DATE_SHORT_YEAR, example=format_date(meant))
        raise ValidationError(field, MSG_DATE_FORMAT)
    no_year = _DAY_MONTH.fullmatch(raw)
    if no_year:
        this_year = date.today().year
        try:
            meant = calendar_date(this_year, int(no_year[2]), int(no_year[1]), field=field)
        except ValidationError:
            meant = date(this_year, 2, 5)
        raise ValidationError(field, MSG_DATE_NO_YEAR, example=format_date(meant))
    if re.fullmatch(r"\d{8}", raw):
        for d, m, y in ((raw[:2], raw[2:4], raw[4:]), (raw[6:], raw[4:6], raw[:4])):
            try:
                meant = calendar_date(int(y), int(m), int(d), field=field)
            except ValidationError:
                continue
            if EARLIEST_YEAR <= meant.year <= LATEST_YEAR:
                raise ValidationError(field, MSG_DATE_SEPARATORS, example=format_date(meant))
    raise ValidationError(field, MSG_DATE_FORMAT)


def calendar_date(year: int, month: int, day: int, *, field: str = "date") -> date:
    """The date ``day``/``month``/``year``, or a message saying which part does not exist."""
    if not 1 <= year <= 9999:
        raise ValidationError(field, MSG_DATE_FORMAT)
    if not 1 <= month <= 12:
        if 1 <= day <= 12 and 1 <= month <= calendar.monthrange(year, day)[1]:
            swapped = f"{month:02d}/{day:02d}/{year:04d}"
            raise ValidationError(field, MSG_DATE_MONTH_SWAPPED, month=month, swapped=swapped)
        raise ValidationError(field, MSG_DATE_MONTH, month=month)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ValidationError(
            field,
            MSG_DATE_NO_SUCH_DAY,
            date=f"{day:02d}/{month:02d}/{year:04d}",
            month=month,
            year=year,
            days=days,
        )
    return date(year, month, day)


def official_date(value: date, place: str = "Cần Thơ") -> str:
    """``"Cần Thơ, ngày 05 tháng 02 năm 2026"`` as Decree 30/2020 writes it."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{place}, ngày {value.day:02d} tháng {month} năm {value.year}"


MSG_RATE_FORMAT = QT_TRANSLATE_NOOP(
    "Validation", "Enter a yearly rate in percent, for example 6,6 or 7,92."
)


def format_rate_bp(rate_bp: int | None) -> str:
    """A rate in basis points as people write it: 660 → ``"6,6 %"``, 792 → ``"7,92 %"``."""
    if rate_bp is None:
        return ""
    whole, hundredths = divmod(rate_bp, 100)
    decimals = f"{hundredths:02d}".rstrip("0")
    return f"{whole},{decimals} %" if decimals else f"{whole} %"


def parse_rate_bp(text: str, *, field: str = "rate_bp") -> int:
    """``"6,6"``, ``"6.6 %"``, ``"7,92"`` → basis points (660, 660, 792)."""
    raw = text.strip().removesuffix("%").strip().replace(",", ".")
    match = re.fullmatch(r"(\d{1,2})(?:\.(\d{1,2}))?", raw)
    if not match:
        raise ValidationError(field, MSG_RATE_FORMAT)
    return int(match[1]) * 100 + int((match[2] or "0").ljust(2, "0"))
