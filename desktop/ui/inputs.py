"""Input widgets for Vietnamese data entry: money, counts, dates, coded choices.

Each reads back a typed value through the core parsers, so the window, imports and the
command line accept the same forms of input ("1.500.000", "1,5 triệu", "5/2/2026").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCalendarWidget, QComboBox, QLineEdit, QMenu, QWidget, QWidgetAction

from desktop.core.errors import ValidationError
from desktop.core.formatting import (
    format_date,
    format_money,
    group_thousands,
    parse_date,
    parse_money,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.labels import label
from desktop.core.validation import M_REQUIRED

E = TypeVar("E", bound=StrEnum)

M_NOT_COUNT = QT_TRANSLATE_NOOP("Inputs", "Type a whole number, e.g. 1.250.")
#: A count as people type it: digits, grouped by dots or spaces or not at all.
_COUNT = re.compile(r"\d{1,3}(?:[. ]\d{3})+|\d+")


class MoneyEdit(QLineEdit):
    """Whole đồng, typed with or without separators; shown as ``1.234.567`` once typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0 đ")
        self.editingFinished.connect(self._tidy)

    def value(self, field: str = "amount", *, required: bool = True) -> int | None:
        text = self.text().strip()
        if not text:
            if required:
                raise ValidationError(field, M_REQUIRED)
            return None
        return parse_money(text, field=field)

    def set_value(self, value: int | None) -> None:
        self.setText(format_money(value, unit=False) if value is not None else "")

    def _tidy(self) -> None:
        try:
            value = self.value(required=False)
        except ValidationError:
            return
        self.set_value(value)


class CountEdit(QLineEdit):
    """A whole number of things (sessions, people), typed with or without separators and
    shown as ``1.250`` once typed; empty when not known (never taken as 0)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(16)
        self.editingFinished.connect(self._tidy)

    def value(self, field: str = "count", *, required: bool = False) -> int | None:
        text = self.text().strip()
        if not text:
            if required:
                raise ValidationError(field, M_REQUIRED)
            return None
        if not _COUNT.fullmatch(text):
            raise ValidationError(field, M_NOT_COUNT)
        return int(re.sub(r"\D", "", text))

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else group_thousands(value))

    def _tidy(self) -> None:
        try:
            value = self.value()
        except ValidationError:
            return
        self.set_value(value)


class DateEdit(QLineEdit):
    """A date typed as ``dd/mm/yyyy`` (``5/2/2026`` and ISO work too) or picked from a
    calendar; may be left empty when the field is optional."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("dd/mm/yyyy")
        self.setMaxLength(10)
        pick = QAction("📅", self)
        pick.setToolTip(self.tr("Pick from the calendar"))
        pick.triggered.connect(self._pick)
        self.addAction(pick, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._tidy)

    def value(self, field: str = "date", *, required: bool = True) -> date | None:
        text = self.text().strip()
        if not text:
            if required:
                raise ValidationError(field, M_REQUIRED)
            return None
        return parse_date(text, field=field)

    def set_value(self, value: date | None) -> None:
        self.setText(format_date(value))

    def _tidy(self) -> None:
        try:
            value = self.value(required=False)
        except ValidationError:
            return
        self.set_value(value)

    def _pick(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        try:
            current = self.value(required=False)
        except ValidationError:
            current = None
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self.set_value(date(day.year(), day.month(), day.day()))
            menu.close()

        calendar.clicked.connect(chosen)
        menu.exec(self.mapToGlobal(self.rect().bottomLeft()))


class EnumCombo(QComboBox, Generic[E]):
    """A choice among a stored vocabulary, shown with its translated labels."""

    def __init__(self, enum: type[E], parent: QWidget | None = None, *, optional: bool = False):
        super().__init__(parent)
        self.enum = enum
        if optional:
            self.addItem("", None)
        for member in enum:
            self.addItem(label(member), member.value)

    def value(self) -> E | None:
        data = self.currentData()
        return None if data is None else self.enum(data)

    def set_value(self, value: E | None) -> None:
        index = self.findData(None if value is None else value.value)
        self.setCurrentIndex(max(index, 0))


class ChoiceCombo(QComboBox):
    """A choice among ``(key, text)`` pairs from a service (programmes, hamlets, groups)."""

    def __init__(
        self,
        choices: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
        *,
        optional: bool = False,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.set_choices(choices)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        current = self.currentData()
        self.clear()
        if self.optional:
            self.addItem("", None)
        for key, text in choices:
            self.addItem(text, key)
        if current is not None:
            self.set_value(current)

    def value(self) -> str | None:
        data = self.currentData()
        return None if data is None else str(data)

    def set_value(self, key: str | None) -> None:
        self.setCurrentIndex(max(self.findData(key), 0))
