"""The period filter every list offers: a year (or all years) and, optionally, a quarter or a
half. Rows place themselves in time by a date, a reporting period or a year; the years
offered follow the data."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.core.periods import Period
from desktop.core.tasks.catalogue import period_within

_ROMAN = ("I", "II", "III", "IV")

#: What a row offers the period filter: a date, a reporting period, or a year.
PeriodValue = date | Period | int | None


class PeriodFilter(QWidget):
    """A year (or all years) and, optionally, a part of it: the whole year, a quarter or a
    half. ``period()`` is ``None`` for all years."""

    changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, with_parts: bool = True, allow_all: bool = True
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.year_combo = QComboBox()
        #: Items before the years ("All years").
        self._fixed = 1 if allow_all else 0
        if allow_all:
            self.year_combo.addItem(self.tr("All years"), None)
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.part_combo = QComboBox()
        self.part_combo.addItem(self.tr("Whole year"), None)
        for number, roman in enumerate(_ROMAN, start=1):
            self.part_combo.addItem(self.tr("Quarter {roman}").format(roman=roman), f"q{number}")
        self.part_combo.addItem(self.tr("First half"), "h1")
        self.part_combo.addItem(self.tr("Second half"), "h2")
        self.part_combo.setVisible(with_parts)
        layout.addWidget(QLabel(self.tr("Period:")))
        layout.addWidget(self.year_combo)
        layout.addWidget(self.part_combo)
        self.year_combo.currentIndexChanged.connect(self._changed)
        self.part_combo.currentIndexChanged.connect(self._changed)
        self._changed()

    def set_years(self, years: set[int]) -> None:
        """Offer ``years`` (newest first), keeping the chosen year when it is still there."""
        chosen = self.year_combo.currentData()
        wanted = sorted(years, reverse=True)
        fixed = self._fixed
        present = [self.year_combo.itemData(i) for i in range(fixed, self.year_combo.count())]
        if present == wanted:
            return
        self.year_combo.blockSignals(True)
        while self.year_combo.count() > fixed:
            self.year_combo.removeItem(fixed)
        for year in wanted:
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(chosen), 0))
        self.year_combo.blockSignals(False)
        self._changed()

    def set_period(self, period: Period | None) -> None:
        if period is None:
            if self._fixed:
                self.year_combo.setCurrentIndex(0)
            return
        if self.year_combo.findData(period.year) < 0:
            self.year_combo.addItem(str(period.year), period.year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(period.year))
        part = (
            None if period.months == 12 else f"{'q' if period.months == 3 else 'h'}{period.number}"
        )
        self.part_combo.setCurrentIndex(max(self.part_combo.findData(part), 0))

    def period(self) -> Period | None:
        year = self.year_combo.currentData()
        if year is None:
            return None
        part = self.part_combo.currentData() if self.part_combo.isVisibleTo(self) else None
        if part is None:
            return Period.whole_year(year)
        kind, number = part[0], int(part[1:])
        return Period.quarter(year, number) if kind == "q" else Period.half(year, number)

    def accepts(self, value: PeriodValue) -> bool:
        """True when a row whose period value is ``value`` belongs in the chosen period."""
        chosen = self.period()
        if chosen is None:
            return True
        if value is None:
            return False
        if isinstance(value, Period):
            return period_within(value, chosen)
        if isinstance(value, date):
            return chosen.contains(value)
        return value == chosen.year

    def _changed(self) -> None:
        self.part_combo.setEnabled(self.year_combo.currentData() is not None)
        self.changed.emit()


def year_of(value: PeriodValue) -> int | None:
    if value is None:
        return None
    if isinstance(value, Period | date):
        return value.year
    return value
