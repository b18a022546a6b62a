"""Vietnamese number, money, date and period formats, both ways.

Amounts: ``1.234.567 đ`` (dot for thousands); percentages: ``2,68 %`` (comma for decimals);
dates: ``dd/MM/yyyy``; official documents: "Cần Thơ, ngày 05 tháng 02 năm 2026" (Decree
30/2020: a leading zero for days below 10 and for months 1 and 2). Money is whole đồng, so
parsing refuses anything that is not a whole number of đồng.
"""

from __future__ import annotations

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
    """Read ``05/02/2026``, ``5/2/2026``, ``05-02-2026``, ``05.02.2026`` or ISO
    ``2026-02-05``."""
    raw = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
    dmy = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", raw)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dmy:
            return date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
    except ValueError:
        pass
    raise ValidationError(field, MSG_DATE_FORMAT)


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
