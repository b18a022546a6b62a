"""Reporting periods: quarters, halves and years.

Progress records and reports are per period. A period is ``(kind, year, number)`` with
number 1–4 for quarters, 1–2 for halves and 1 for a year, exactly as stored in
``task_progress``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from db.enums import PeriodKind
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
M_BAD_PERIOD = QT_TRANSLATE_NOOP("Periods", "There is no period {kind} {number} of {year}.")
M_QUARTER = QT_TRANSLATE_NOOP("Periods", "Quarter {roman}/{year}")
M_HALF_1 = QT_TRANSLATE_NOOP("Periods", "First half of {year}")
M_HALF_2 = QT_TRANSLATE_NOOP("Periods", "Second half of {year}")
M_YEAR = QT_TRANSLATE_NOOP("Periods", "Year {year}")


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: PeriodKind
    number: int

    def __post_init__(self) -> None:
        limit = {PeriodKind.QUARTER: 4, PeriodKind.HALF: 2, PeriodKind.YEAR: 1}[self.kind]
        if not 1 <= self.number <= limit or not 1900 < self.year < 2200:
            raise UserError(M_BAD_PERIOD, kind=self.kind.value, number=self.number, year=self.year)

    @classmethod
    def quarter(cls, year: int, number: int) -> Period:
        return cls(year, PeriodKind.QUARTER, number)

    @classmethod
    def half(cls, year: int, number: int) -> Period:
        return cls(year, PeriodKind.HALF, number)

    @classmethod
    def whole_year(cls, year: int) -> Period:
        return cls(year, PeriodKind.YEAR, 1)

    @classmethod
    def containing(cls, day: date, kind: PeriodKind) -> Period:
        if kind is PeriodKind.QUARTER:
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        if kind is PeriodKind.HALF:
            return cls.half(day.year, 1 if day.month <= 6 else 2)
        return cls.whole_year(day.year)

    @property
    def months(self) -> int:
        return {PeriodKind.QUARTER: 3, PeriodKind.HALF: 6, PeriodKind.YEAR: 12}[self.kind]

    @property
    def start(self) -> date:
        return date(self.year, (self.number - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        last_month = self.number * self.months
        if last_month == 12:
            return date(self.year, 12, 31)
        return date(self.year, last_month + 1, 1) - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def label(self) -> str:
        """The period in the interface language."""
        if self.kind is PeriodKind.QUARTER:
            return tr(M_QUARTER, roman=_ROMAN[self.number], year=self.year)
        if self.kind is PeriodKind.HALF:
            return tr(M_HALF_1 if self.number == 1 else M_HALF_2, year=self.year)
        return tr(M_YEAR, year=self.year)

    def label_vi(self) -> str:
        """The period as Vietnamese official documents write it."""
        if self.kind is PeriodKind.QUARTER:
            return f"quý {_ROMAN[self.number]} năm {self.year}"
        if self.kind is PeriodKind.HALF:
            return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"
        return f"năm {self.year}"

    def code(self) -> str:
        """Short form for file names and sync manifests: 2026-Q3, 2026-H1, 2026."""
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.number}"
        if self.kind is PeriodKind.HALF:
            return f"{self.year}-H{self.number}"
        return str(self.year)
