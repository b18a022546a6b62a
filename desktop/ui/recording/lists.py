"""List pages for the recording tabs.

:class:`RecordListPage` is the kit's :class:`ListPage` for pages that sit in a tab (the tab
names them, so the big title is hidden), always show this office's own records, offer a
period filter whose years follow the data, and open the change history with field names
and values in words (``Số tiền: 1.000.000 đ → 2.000.000 đ``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dashboard.history import change_history
from desktop.core.formatting import format_money
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.periods import Period
from desktop.core.tasks.catalogue import period_within
from desktop.ui.context import AppContext
from desktop.ui.list_page import ListPage
from desktop.ui.recording.history import HistoryDialog

T = TypeVar("T")

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


def fit_columns(view: QTableView, *, widest: int = 320, rows: int = 40) -> None:
    """Size columns to their contents, none wider than ``widest``. Only the first ``rows``
    rows are measured: measuring a long list row by row costs more than it tells."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(rows)
    view.verticalHeader().setResizeContentsPrecision(rows)
    view.resizeColumnsToContents()
    for column in range(header.count()):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)


def year_of(value: PeriodValue) -> int | None:
    if value is None:
        return None
    if isinstance(value, Period | date):
        return value.year
    return value


class RecordListPage(ListPage[T]):
    """A list of this office's records inside a tab. Subclasses may implement
    :meth:`period_of` to get the period filter."""

    #: Offer quarters and halves in the period filter (False for yearly records).
    period_parts: bool = True
    #: The form that adds (row ``None``) or changes a row: ``form_class(context, row, parent)``.
    form_class: Callable[[AppContext, Any, QWidget], QDialog]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.owner = context.office.unit_code
        self.period_filter: PeriodFilter | None = None
        super().__init__(context, parent)
        title = self.findChild(QLabel, "pageTitle")
        if title is not None:
            title.hide()
        self.search.setMinimumWidth(250)
        if type(self).period_of is not RecordListPage.period_of:
            # On a line of its own under the buttons, so the page fits a 1280-pixel screen
            # with Vietnamese button texts.
            self.period_filter = PeriodFilter(with_parts=self.period_parts)
            row = QHBoxLayout()
            row.addWidget(self.period_filter)
            row.addStretch(1)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertLayout(2, row)
            self.period_filter.changed.connect(self._apply_period)
            self._refresh_years()

    def open_form(self, row: T | None) -> bool:
        return self.form_class(self.context, row, self).exec() == QDialog.DialogCode.Accepted

    def period_of(self, row: T) -> PeriodValue:
        """The date, period or year that places ``row`` in time."""
        return None

    def amount_of(self, row: T) -> int | None:
        """The row's amount, for pages whose status line shows the total of what is shown."""
        return None

    def _update_status(self) -> None:
        super()._update_status()
        if type(self).amount_of is RecordListPage.amount_of:
            return
        total = sum(self.amount_of(row) or 0 for row in self.model.visible_rows())
        text = tr(QT_TRANSLATE_NOOP("RecordListPage", "Total of the rows shown: {amount}"))
        self.status.setText(f"{self.status.text()}   ·   {text.format(amount=format_money(total))}")

    def reload(self) -> None:
        super().reload()
        if getattr(self, "period_filter", None) is not None:
            self._refresh_years()
        if not getattr(self, "_sized", False) and self.model.rowCount():
            fit_columns(self.view)
            self._sized = True

    def _refresh_years(self) -> None:
        assert self.period_filter is not None
        years = {year_of(self.period_of(row)) for row in self.model.all_rows()}
        self.period_filter.set_years({y for y in years if y is not None})

    def _apply_period(self) -> None:
        assert self.period_filter is not None
        if self.period_filter.period() is None:
            self.model.set_filter("period", None)
            return
        accepts, period_of = self.period_filter.accepts, self.period_of
        self.model.set_filter("period", lambda row: accepts(period_of(row)))

    def show_history(self) -> None:
        row = self.selected()
        with self.context.database.reading() as session:
            rows = change_history(
                session,
                record_types=self.record_types,
                record_id=self.row_id(row) if row is not None else None,
            )
        HistoryDialog(rows, self).exec()
