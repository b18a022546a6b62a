"""What each field of a record means, declared once on its model column.

A column says how it is stored (``String(40)``, ``Integer``); its *facts* say what a person
may put in it: how long a text may be and whether it may be blank, whether a number is an
amount of money (and up to how much), a year, a rate, a percentage, and the dates TDCS
accepts. The services check what is typed against them
(:func:`desktop.core.validation.check`), the forms limit their line edits by them, the Excel
import reuses the services' checks, and the sync file's rules (:mod:`desktop.sync.rules`)
accept from a commune exactly what its forms could have stored. A limit is changed here
and nowhere else.

Facts live in ``Column.info`` (Python only): declaring or changing them needs no migration.
Declare them with :func:`field` in place of ``mapped_column``::

    donor_name: Mapped[str] = field(text(200, required=True))
    amount: Mapped[int] = field(money())
    contract_no: Mapped[str] = field(text(40), String(40), index=True, default="")
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import mapped_column

#: Larger than any amount a commune or the city handles (the city's total capital is about
#: 17 500 billion đ); anything above is a typing or file error.
MAX_AMOUNT = 100_000_000_000_000
#: Upper bound for one loan, one gift or one grant (2 billion đ is the largest legal cap).
MAX_SINGLE_AMOUNT = 10_000_000_000
#: A line of text: a name, a number, a short note.
MAX_TEXT = 2_000
#: A report's paragraphs (what was done in a period, its difficulties).
MAX_LONG_TEXT = 20_000
EARLIEST_DATE = date(1990, 1, 1)
LATEST_DATE = date(2100, 12, 31)
#: The years records are about (a campaign, a plan period, a grade).
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
#: The earliest year of birth; the latest is the current year.
EARLIEST_BIRTH_YEAR = 1900

#: Where the facts of a column are kept in its ``info``.
INFO_KEY = "facts"


class FieldKind(StrEnum):
    TEXT = "text"
    #: A phone number as :func:`desktop.core.validation.phone` stores it (digits only).
    PHONE = "phone"
    #: Whole đồng.
    MONEY = "money"
    YEAR = "year"
    BIRTH_YEAR = "birth_year"
    #: A rate per year in basis points (6,6 % is 660).
    RATE = "rate"
    PERCENT = "percent"
    #: Any other whole number, between ``low`` and ``high``.
    NUMBER = "number"
    DATE = "date"


@dataclass(frozen=True)
class FieldFacts:
    """What a column may hold. Build one with :func:`text`, :func:`money` and the like."""

    kind: FieldKind
    #: Text: at most this many characters.
    max_length: int = 0
    #: Never blank (text) or never empty (other kinds). For other kinds than text this
    #: follows the column (``NOT NULL``): :func:`facts_of` fills it in.
    required: bool = False
    #: Text: keeps its line breaks (a note, a description) instead of one line.
    multiline: bool = False
    #: Numbers: the lowest and highest value (for a year of birth the highest is this year,
    #: see :meth:`high_on`).
    low: int = 0
    high: int = 0
    #: Dates: the earliest and latest accepted.
    earliest: date = EARLIEST_DATE
    latest: date = LATEST_DATE

    def high_on(self, today: date) -> int:
        """The highest value accepted on ``today``."""
        return today.year if self.kind is FieldKind.BIRTH_YEAR else self.high


def text(limit: int, *, required: bool = False, multiline: bool = False) -> FieldFacts:
    """Text of at most ``limit`` characters; ``required``: never blank."""
    return FieldFacts(FieldKind.TEXT, max_length=limit, required=required, multiline=multiline)


def phone_number() -> FieldFacts:
    """A Vietnamese phone number: 10 or 11 digits, or empty."""
    return FieldFacts(FieldKind.PHONE, max_length=11)


def money(maximum: int = MAX_SINGLE_AMOUNT, *, zero: bool = False) -> FieldFacts:
    """Whole đồng up to ``maximum``; ``zero``: nothing (0) is a value too."""
    return FieldFacts(FieldKind.MONEY, low=0 if zero else 1, high=maximum)


def calendar_year() -> FieldFacts:
    return FieldFacts(FieldKind.YEAR, low=EARLIEST_YEAR, high=LATEST_YEAR)


def year_of_birth() -> FieldFacts:
    return FieldFacts(FieldKind.BIRTH_YEAR, low=EARLIEST_BIRTH_YEAR)


def rate(maximum: int) -> FieldFacts:
    """A rate per year in basis points, from 0 to ``maximum``."""
    return FieldFacts(FieldKind.RATE, low=0, high=maximum)


def percentage() -> FieldFacts:
    return FieldFacts(FieldKind.PERCENT, low=0, high=100)


def whole_number(low: int, high: int) -> FieldFacts:
    return FieldFacts(FieldKind.NUMBER, low=low, high=high)


def day() -> FieldFacts:
    """A date within the years TDCS accepts."""
    return FieldFacts(FieldKind.DATE)


def field(facts: FieldFacts, *args: Any, **kwargs: Any) -> Any:
    """``mapped_column(*args, **kwargs)`` carrying ``facts``. A text stored as
    ``String(n)`` must allow at most ``n`` characters."""
    for arg in args:
        stored = arg.length if isinstance(arg, String) else None
        if stored is not None and (facts.kind is not FieldKind.TEXT or facts.max_length != stored):
            raise ValueError(f"{facts} does not fit String({stored})")
    info = {**kwargs.pop("info", {}), INFO_KEY: facts}
    return mapped_column(*args, info=info, **kwargs)


#: Kinds stored as text, where "nothing" is the empty string a ``NOT NULL`` column keeps.
_BLANK_KINDS = frozenset({FieldKind.TEXT, FieldKind.PHONE})


def facts_of(column: Any) -> FieldFacts | None:
    """The facts declared for ``column`` (a model attribute such as ``Loan.contract_no``,
    or a table's ``Column``), ``required`` completed from its nullability; ``None`` when
    the column declares none (identifiers, references, choices, system columns)."""
    facts: FieldFacts | None = column.info.get(INFO_KEY)
    if facts is None:
        return None
    if facts.kind not in _BLANK_KINDS and not facts.required:
        table_column = getattr(column, "expression", column)
        if not getattr(table_column, "nullable", True):
            return replace(facts, required=True)
    return facts


def declared(column: Any) -> FieldFacts:
    """As :func:`facts_of`, for a column that must declare its facts."""
    facts = facts_of(column)
    if facts is None:
        raise TypeError(f"{column} declares no field facts")
    return facts


def max_length(column: Any) -> int | None:
    """How many characters a person may type into ``column`` (``None``: not a text with a
    declared limit). A phone number has none: it is typed with spaces and stored without."""
    facts = facts_of(column)
    if facts is None or facts.kind is not FieldKind.TEXT:
        return None
    return facts.max_length
