"""One data row of a sheet: whether it is a loan row at all, and the values its cells hold.

Rows that hold no loan are skipped, not rejected: totals and sub-totals ("Tổng cộng",
"Cộng tổ 3"), headings inside the table ("Tổ 1 - Khu vực 1" alone on its row), and the text
under the table (the place, the date, the signatures). A loan row's cells are read with
:mod:`.values`; every cell that cannot be read is named in the row's one rejection.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from db.enums import HouseholdCategory, Sex
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.loans.excel_import.fields import FIELD_LABELS, MONEY_FIELDS, ImportField
from desktop.core.loans.excel_import.plan import ImportPlan
from desktop.core.loans.excel_import.values import (
    birth_year_value,
    citizen_id_value,
    date_value,
    household_value,
    is_empty,
    money_value,
    rate_value,
    sex_value,
    text_value,
)
from desktop.core.text import search_key

M_TOTAL_ROW = QT_TRANSLATE_NOOP("ExcelImport", "Totals row.")
M_HEADING_ROW = QT_TRANSLATE_NOOP("ExcelImport", "Heading row inside the table.")
M_TEXT_ROW = QT_TRANSLATE_NOOP(
    "ExcelImport", "Text only, no loan: no contract number, citizen ID, amount or date."
)
M_BELOW_TOTALS = QT_TRANSLATE_NOOP(
    "ExcelImport", "Under the list's totals row (place, date, signatures)."
)

_TOTAL_ROW = re.compile(r"^(tong cong|tong so|tong|cong|total|sum)\b")
_GRAND_TOTAL = re.compile(r"^(tong cong|tong so|tong|total)\b")
_DATE_FIELDS = (ImportField.DISBURSED_ON, ImportField.MATURITY_ON, ImportField.AS_OF)
#: The balance parts a row states besides the outstanding total.
_PART_FIELDS = tuple(
    f for f in ImportField if f in MONEY_FIELDS - {ImportField.AMOUNT, ImportField.OUTSTANDING}
)


class RowRejected(Exception):
    """A row that cannot be imported; ``reason`` says why, for the clerk."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def reject(message: Msg, **params: Any) -> RowRejected:
    return RowRejected(tr(message, **params))


def rejection(errors: Iterable[ValidationError]) -> RowRejected:
    """One rejection naming every field that failed, by its column's name."""
    return RowRejected("; ".join(f"{field_name(e.field)}: {e.text()}" for e in errors))


def field_name(name: str) -> str:
    """A field as the clerk knows it: the import fields are named like the columns (the
    services' field names are the import fields' own)."""
    try:
        return tr(FIELD_LABELS[ImportField(name)])
    except ValueError:
        return name


@dataclass(frozen=True)
class Sheet:
    """How the plan's rows are read: which column holds each field, in which unit."""

    columns: Mapping[ImportField, int]
    unit: int
    #: The list's own date of its balances (title or clerk), for rows without one.
    as_of: date | None
    #: Whether the rate column gives rates per month ("Lãi suất tháng").
    monthly_rate: bool
    has_balances: bool

    @classmethod
    def of(cls, plan: ImportPlan) -> Sheet:
        rate = plan.columns.get(ImportField.RATE)
        label = plan.table.labels[rate] if rate is not None else ""
        return cls(
            plan.columns, plan.unit, plan.as_of, "thang" in search_key(label), plan.has_balances
        )

    def has(self, wanted: ImportField) -> bool:
        return wanted in self.columns

    def cell(self, cells: tuple[Any, ...], wanted: ImportField) -> Any:
        index = self.columns.get(wanted)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def text(self, cells: tuple[Any, ...], wanted: ImportField) -> str:
        return text_value(self.cell(cells, wanted))

    def money(self, cells: tuple[Any, ...], wanted: ImportField) -> int | None:
        """An amount in đồng, ``None`` when the cell is empty or is no amount."""
        try:
            return money_value(self.cell(cells, wanted), "amount", unit=self.unit)
        except ValidationError:
            return None


# -- rows that are no loan -------------------------------------------------------------------
def _names_total(cell: Any, name: str, contract: str) -> bool:
    """Whether a cell says "Tổng cộng" / "Cộng tổ 1", and is not a name or a contract
    number that happens to start so."""
    if not isinstance(cell, str):
        return False
    text = text_value(cell)
    return (
        bool(_TOTAL_ROW.match(search_key(text)))
        and (not name or name == text)
        and (not contract or contract == text)
    )


def is_total_row(cells: tuple[Any, ...], sheet: Sheet) -> bool:
    name = sheet.text(cells, ImportField.FULL_NAME)
    if name and not _TOTAL_ROW.match(search_key(name)):
        return False
    contract = sheet.text(cells, ImportField.CONTRACT_NO)
    return any(_names_total(cell, name, contract) for cell in cells)


def is_grand_total(cells: tuple[Any, ...]) -> bool:
    """The list's own totals ("Tổng cộng"), not a group's ("Cộng tổ 1")."""
    return any(isinstance(c, str) and _GRAND_TOTAL.match(search_key(c)) for c in cells)


def _holds_date(cells: tuple[Any, ...], sheet: Sheet) -> bool:
    for date_field in _DATE_FIELDS:
        try:
            if date_value(sheet.cell(cells, date_field), "d") is not None:
                return True
        except ValidationError:
            continue
    return False


def holds_data(cells: tuple[Any, ...], sheet: Sheet) -> bool:
    """Whether a row holds anything a loan row has: a contract number, a citizen ID, an
    amount or a date (texts alone are headings, notes or signatures)."""
    return (
        bool(sheet.text(cells, ImportField.CONTRACT_NO))
        or any(ch.isdigit() for ch in sheet.text(cells, ImportField.CITIZEN_ID))
        or any(not is_empty(sheet.cell(cells, f)) for f in MONEY_FIELDS)
        or _holds_date(cells, sheet)
    )


def skip_reason(cells: tuple[Any, ...], sheet: Sheet, *, below_totals: bool) -> Msg | None:
    """Why a row is skipped (``None``: a loan row, good or bad). ``below_totals``: the
    list's grand totals row came before it."""
    if is_total_row(cells, sheet):
        return M_TOTAL_ROW
    if holds_data(cells, sheet):
        return None
    if below_totals:
        return M_BELOW_TOTALS
    filled = [c for c in cells if not is_empty(c)]
    if len(filled) == 1 and isinstance(filled[0], str):
        return M_HEADING_ROW
    if all(isinstance(c, str) for c in filled):
        return M_TEXT_ROW
    return None


def listed_ids(cells: tuple[Any, ...], sheet: Sheet) -> tuple[str, str | None]:
    """The contract number and citizen ID a loan row holds, good or bad."""
    try:
        cid = citizen_id_value(sheet.cell(cells, ImportField.CITIZEN_ID))
    except ValidationError:
        cid = None
    return sheet.text(cells, ImportField.CONTRACT_NO), cid


# -- a loan row's values ---------------------------------------------------------------------
@dataclass(frozen=True)
class ParsedRow:
    """A loan row as its cells say it (``None`` or ``""``: the list does not say)."""

    row: int
    contract_no: str = ""
    full_name: str = ""
    citizen_id: str | None = None
    birth_year: int | None = None
    sex: Sex | None = None
    hamlet: str = ""
    household: HouseholdCategory | None = None
    phone: str = ""
    group_code: str = ""
    group_name: str = ""
    organisation: str = ""
    programme: str = ""
    amount: int | None = None
    disbursed_on: date | None = None
    maturity_on: date | None = None
    purpose: str = ""
    rate_bp: int | None = None
    as_of: date | None = None
    #: The balance parts the row's columns give (a part with an empty cell is 0).
    balance: Mapping[str, int] = field(default_factory=dict)
    outstanding: int | None = None
    #: Whether any balance cell of the row holds a value.
    balance_stated: bool = False
    overdue_since: date | None = None
    notes: str = ""


class _Cells:
    """Reads a row's cells, collecting what cannot be read."""

    def __init__(self, cells: tuple[Any, ...], sheet: Sheet) -> None:
        self.cells = cells
        self.sheet = sheet
        self.errors: list[ValidationError] = []

    def read(self, wanted: ImportField, reader: Callable[[Any], Any]) -> Any:
        if not self.sheet.has(wanted):
            return None
        try:
            return reader(self.sheet.cell(self.cells, wanted))
        except ValidationError as error:
            self.errors.append(ValidationError(wanted.value, error.message, **error.params))
            return None

    def text(self, wanted: ImportField) -> str:
        return str(self.read(wanted, text_value) or "")

    def money(self, wanted: ImportField) -> int | None:
        unit = self.sheet.unit
        value: int | None = self.read(wanted, lambda v: money_value(v, "amount", unit=unit))
        return value

    def day(self, wanted: ImportField) -> date | None:
        value: date | None = self.read(wanted, lambda v: date_value(v, "d"))
        return value


def _person(cells: _Cells) -> dict[str, Any]:
    """Who borrowed; a year of birth under "Nam" or "Nữ" also gives the sex."""
    found = {
        "contract_no": cells.text(ImportField.CONTRACT_NO),
        "full_name": cells.text(ImportField.FULL_NAME),
        "citizen_id": cells.read(ImportField.CITIZEN_ID, citizen_id_value),
        "birth_year": cells.read(ImportField.BIRTH_YEAR, birth_year_value),
        "sex": cells.read(ImportField.SEX, sex_value),
    }
    male = cells.read(ImportField.BIRTH_YEAR_MALE, birth_year_value)
    female = cells.read(ImportField.BIRTH_YEAR_FEMALE, birth_year_value)
    if male is not None:
        found.update(birth_year=male, sex=Sex.MALE)
    elif female is not None:
        found.update(birth_year=female, sex=Sex.FEMALE)
    return found | {
        "hamlet": cells.text(ImportField.HAMLET),
        "household": cells.read(ImportField.HOUSEHOLD, household_value),
        "phone": cells.text(ImportField.PHONE),
        "group_code": cells.text(ImportField.GROUP_CODE),
        "group_name": cells.text(ImportField.GROUP_NAME),
        "organisation": cells.text(ImportField.ORGANISATION),
    }


def _loan(cells: _Cells) -> dict[str, Any]:
    monthly = cells.sheet.monthly_rate
    return {
        "programme": cells.text(ImportField.PROGRAMME),
        "amount": cells.money(ImportField.AMOUNT),
        "disbursed_on": cells.day(ImportField.DISBURSED_ON),
        "maturity_on": cells.day(ImportField.MATURITY_ON),
        "purpose": cells.text(ImportField.PURPOSE),
        "rate_bp": cells.read(ImportField.RATE, lambda v: rate_value(v, "rate", monthly=monthly)),
    }


def _balance(cells: _Cells) -> dict[str, Any]:
    outstanding = cells.money(ImportField.OUTSTANDING)
    stated = outstanding is not None
    parts: dict[str, int] = {}
    for part in _PART_FIELDS:
        if cells.sheet.has(part):
            value = cells.money(part)
            parts[part.value] = value or 0
            stated = stated or value is not None
    return {
        "as_of": cells.day(ImportField.AS_OF) or cells.sheet.as_of,
        "outstanding": outstanding,
        "balance": parts,
        "balance_stated": stated,
        "overdue_since": cells.day(ImportField.OVERDUE_SINCE),
    }


def parse_row(number: int, cells: tuple[Any, ...], sheet: Sheet) -> ParsedRow:
    """The values of a loan row (Excel row ``number``), or the cells that cannot be read."""
    reader = _Cells(cells, sheet)
    parsed = ParsedRow(
        number,
        **_person(reader),
        **_loan(reader),
        **_balance(reader),
        notes=reader.text(ImportField.NOTES),
    )
    if reader.errors:
        raise rejection(reader.errors)
    return parsed
