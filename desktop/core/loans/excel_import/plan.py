"""Step 1 of an import: a sheet read, its columns recognised, and whether they are enough.

A bank list serves one or both of two purposes, and needs columns for each:

- **new loans** — the borrower's name, the programme, the disbursement date, and a contract
  number or citizen ID to recognise the loan by next time; the disbursed amount is welcome
  but not needed (the bank's lists of loans still owing do not carry it);
- **balances** (dư nợ) — a contract number or citizen ID, the outstanding balance (or its
  current part, trong hạn), and the date of the figures, from a column, the list's title
  ("… đến ngày 20/09/2026") or the clerk.

A list with balance columns updates the loans already recorded whatever else it has; rows
of loans not yet recorded need the new-loan columns too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from desktop.core.errors import UserError, ValidationError
from desktop.core.formatting import format_date, parse_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.excel_import.fields import (
    BALANCE_BASE_FIELDS,
    BALANCE_FIELDS,
    FIELD_LABELS,
    IDENTITY_FIELDS,
    NEW_LOAN_FIELDS,
    ImportField,
    detect_columns,
    field_for_heading,
)
from desktop.core.loans.excel_import.mappings import (
    SavedMapping,
    apply_mapping,
    find_mapping,
    mapping_for_shape,
    signature_of,
)
from desktop.core.loans.excel_import.read import SheetTable, read_sheet
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.text import search_key

M_MISSING_COLUMNS = QT_TRANSLATE_NOOP(
    "ExcelImport", "Choose the column of: {fields}. These are needed for every loan."
)
M_MISSING_FOR_BOTH = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The columns chosen are not enough. To record new loans, choose the column of: {loans}. "
    "To update the balances of loans already recorded, choose the column of: {balances}.",
)
M_NO_AS_OF = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The list has balances but no date for them. Give the date of the figures (for example "
    "31/12/2025).",
)
M_NO_BALANCE_BASE = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The list has {fields} but no column for the outstanding balance (Dư nợ) or its current "
    "part (Trong hạn), so how much each borrower owes cannot be known. Choose that column.",
)
M_AMOUNT_IS_BALANCE = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Column {column} «{heading}» holds balances, not the amount disbursed. Choose «{field}» "
    "for it; the amount disbursed may stay unknown.",
)
M_MAPPING_REPAIRED = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The saved mapping took column {column} «{heading}» for the amount disbursed; it is read "
    "as «{field}» now.",
)
M_NO_ROWS = QT_TRANSLATE_NOOP(
    "ExcelImport", "The sheet {sheet} has no data rows under its headings."
)
M_DUPLICATE_COLUMN = QT_TRANSLATE_NOOP(
    "ExcelImport", "The column {column} is chosen for two fields: {fields}."
)
M_IDENTITY = QT_TRANSLATE_NOOP("ExcelImport", "Contract number or citizen ID")
M_BALANCE_BASE = QT_TRANSLATE_NOOP("ExcelImport", "Outstanding balance (or its current part)")
M_AS_OF = QT_TRANSLATE_NOOP("ExcelImport", "Date of the balances")
M_PURPOSE_LOANS = QT_TRANSLATE_NOOP("ExcelImport", "Record new loans")
M_PURPOSE_BALANCES = QT_TRANSLATE_NOOP("ExcelImport", "Update balances")

UNITS = (1, 1_000, 1_000_000)

_AS_OF_TEXT = re.compile(
    r"(?:den ngay|tai ngay|thoi diem|ngay bao cao|ngay so lieu|den)\s*:?\s*"
    r"(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4})"
)
_VI_DATE = re.compile(r"(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")


@dataclass(frozen=True)
class Requirement:
    """One thing a purpose needs, and whether the chosen columns give it."""

    label: str
    met: bool


@dataclass(frozen=True)
class Purpose:
    """What the list can do with the columns chosen: what it needs, what else it may use."""

    title: str
    needs: tuple[Requirement, ...]
    optional: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return all(need.met for need in self.needs)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(need.label for need in self.needs if not need.met)


@dataclass(frozen=True)
class ImportPlan:
    """A sheet read and how its columns will be imported."""

    table: SheetTable
    columns: dict[ImportField, int]
    unit: int = 1
    as_of: date | None = None
    mapping_name: str = ""
    #: What was changed in a saved mapping to make it work (shown to the clerk).
    notes: tuple[str, ...] = ()

    def with_columns(self, columns: dict[ImportField, int]) -> ImportPlan:
        return replace(self, columns=dict(columns))

    @property
    def has_balances(self) -> bool:
        return any(f in self.columns for f in BALANCE_FIELDS)

    @property
    def has_identity(self) -> bool:
        return any(f in self.columns for f in IDENTITY_FIELDS)

    @property
    def missing(self) -> tuple[ImportField, ...]:
        """The columns a new loan needs that are not chosen."""
        return tuple(f for f in NEW_LOAN_FIELDS if f not in self.columns)

    @property
    def records_new_loans(self) -> bool:
        return not self.missing and self.has_identity

    @property
    def updates_balances(self) -> bool:
        return (
            self.has_identity
            and any(f in self.columns for f in BALANCE_BASE_FIELDS)
            and (self.as_of is not None or ImportField.AS_OF in self.columns)
        )

    def purposes(self) -> tuple[Purpose, Purpose]:
        """New loans and balances: what each needs (met or not) and may use besides."""
        identity = Requirement(tr(M_IDENTITY), self.has_identity)
        return self._loans_purpose(identity), self._balances_purpose(identity)

    def _loans_purpose(self, identity: Requirement) -> Purpose:
        needs = (Requirement(tr(FIELD_LABELS[f]), f in self.columns) for f in NEW_LOAN_FIELDS)
        return Purpose(
            tr(M_PURPOSE_LOANS),
            (*needs, identity),
            tuple(tr(FIELD_LABELS[f]) for f in _LOAN_EXTRAS),
        )

    def _balances_purpose(self, identity: Requirement) -> Purpose:
        chosen = self.columns
        as_of = tr(M_AS_OF)
        if self.as_of is not None and ImportField.AS_OF not in chosen:
            as_of = f"{as_of} ({format_date(self.as_of)})"
        return Purpose(
            tr(M_PURPOSE_BALANCES),
            (
                identity,
                Requirement(tr(M_BALANCE_BASE), any(f in chosen for f in BALANCE_BASE_FIELDS)),
                Requirement(as_of, self.as_of is not None or ImportField.AS_OF in chosen),
            ),
            tuple(tr(FIELD_LABELS[f]) for f in _BALANCE_EXTRAS),
        )


#: What a new loan may use besides what it needs (the amount first).
_LOAN_EXTRAS = tuple(
    f
    for f in sorted(ImportField, key=lambda f: f is not ImportField.AMOUNT)
    if f not in NEW_LOAN_FIELDS
    and f not in IDENTITY_FIELDS
    and f not in BALANCE_FIELDS
    and f not in (ImportField.AS_OF, ImportField.OVERDUE_SINCE)
)
#: What a balance may use besides what it needs.
_BALANCE_EXTRAS = tuple(
    f
    for f in ImportField
    if f in BALANCE_FIELDS - set(BALANCE_BASE_FIELDS) or f is ImportField.OVERDUE_SINCE
)


def detect_unit(text: str) -> int:
    """The money unit a title or heading states ("ĐVT: 1.000 đồng", "triệu đồng")."""
    key = search_key(text)
    if re.search(r"trieu dong|tr\.? ?d\b|trieu vnd", key):
        return 1_000_000
    if re.search(r"1[.,]?000 ?(dong|d|vnd)\b|nghin dong|ngan dong|ng\.? ?d\b", key):
        return 1_000
    return 1


def detect_as_of(text: str) -> date | None:
    """The date of the figures a title states ("đến ngày 31/12/2025", "… tính đến 31
    tháng 12 năm 2025"); the last one when a period is given."""
    found = _AS_OF_TEXT.findall(search_key(text))
    for raw in reversed(found):
        vi = _VI_DATE.fullmatch(raw.strip())
        try:
            if vi:
                return date(int(vi[3]), int(vi[2]), int(vi[1]))
            return parse_date(raw.strip())
        except (ValueError, ValidationError):
            continue
    return None


def _balance_field_of(table: SheetTable, index: int) -> ImportField | None:
    """The balance field a column's heading names, if it names one."""
    if index >= len(table.headings):
        return None
    field = field_for_heading(list(table.headings[index]))
    return field if field in BALANCE_FIELDS else None


def _with_saved(
    table: SheetTable, detected: dict[ImportField, int], mapping: SavedMapping
) -> tuple[dict[ImportField, int], tuple[str, ...]]:
    """The saved mapping's columns. For a list of the same shape they are the whole choice
    (a column the clerk left out stays out); for another shape, columns the mapping does
    not place are recognised from their headings. An amount taken from a balance column
    (the way round the old rule that demanded an amount) is read as that balance."""
    columns = apply_mapping(mapping, table)
    if mapping.signature != signature_of(table):
        used = set(columns.values())
        for field, index in detected.items():
            if field not in columns and index not in used:
                columns[field] = index
                used.add(index)
    notes: list[str] = []
    amount = columns.get(ImportField.AMOUNT)
    balance = _balance_field_of(table, amount) if amount is not None else None
    if amount is not None and balance is not None and balance not in columns:
        del columns[ImportField.AMOUNT]
        columns[balance] = amount
        notes.append(
            tr(
                M_MAPPING_REPAIRED,
                column=table.column_letter(amount),
                heading=table.labels[amount],
                field=tr(FIELD_LABELS[balance]),
            )
        )
    return columns, tuple(notes)


def _chosen_mapping(
    mappings: list[SavedMapping], mapping_name: str | None, table: SheetTable
) -> SavedMapping | None:
    """The mapping saved under ``mapping_name``; without a name, the one for this shape."""
    if mapping_name:
        return find_mapping(mappings, mapping_name)
    return mapping_for_shape(mappings, table)


def prepare(
    path: Path,
    *,
    sheet: str | None = None,
    saved: list[SavedMapping] | None = None,
    mapping_name: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> ImportPlan:
    """Read the sheet and choose its columns: the mapping named ``mapping_name`` when one
    is saved under that name, else the saved mapping for lists of this shape, else the
    headings. A ``mapping_name`` not yet saved is kept, so the import can save it."""
    table = read_sheet(path, sheet, progress)
    if not table.rows:
        raise UserError(M_NO_ROWS, sheet=table.sheet)
    chosen = _chosen_mapping(saved or [], mapping_name, table)
    columns = detect_columns([list(parts) for parts in table.headings])
    unit = detect_unit(table.title_text + "\n" + "\n".join(table.labels))
    notes: tuple[str, ...] = ()
    if chosen is not None:
        columns, notes = _with_saved(table, columns, chosen)
        unit = chosen.unit
    return ImportPlan(
        table=table,
        columns=columns,
        unit=unit,
        as_of=detect_as_of(table.title_text) or detect_as_of("\n".join(table.labels)),
        mapping_name=chosen.name if chosen else (mapping_name or ""),
        notes=notes,
    )


def _check_columns(plan: ImportPlan) -> None:
    """One field per column, and no balance column taken for the disbursed amount."""
    table = plan.table
    by_column: dict[int, list[ImportField]] = {}
    for chosen_field, index in plan.columns.items():
        by_column.setdefault(index, []).append(chosen_field)
    for index, fields in by_column.items():
        if len(fields) > 1:
            raise UserError(
                M_DUPLICATE_COLUMN,
                column=table.column_letter(index),
                fields=", ".join(tr(FIELD_LABELS[f]) for f in fields),
            )
    amount = plan.columns.get(ImportField.AMOUNT)
    balance = _balance_field_of(table, amount) if amount is not None else None
    if amount is not None and balance is not None:
        raise UserError(
            M_AMOUNT_IS_BALANCE,
            column=table.column_letter(amount),
            heading=table.labels[amount],
            field=tr(FIELD_LABELS[balance]),
        )


def _check_balances(plan: ImportPlan) -> None:
    """Balance columns need an outstanding total or current part, and a date."""
    if not plan.has_balances:
        return
    if not any(f in plan.columns for f in BALANCE_BASE_FIELDS):
        parts = [f for f in ImportField if f in BALANCE_FIELDS and f in plan.columns]
        raise UserError(M_NO_BALANCE_BASE, fields=", ".join(tr(FIELD_LABELS[f]) for f in parts))
    if plan.as_of is None and ImportField.AS_OF not in plan.columns:
        raise UserError(M_NO_AS_OF)


def check_plan(plan: ImportPlan) -> None:
    """Refuse a mapping that cannot work, before any row is looked at."""
    _check_columns(plan)
    _check_balances(plan)
    if plan.records_new_loans or plan.updates_balances:
        return
    loans, balances = plan.purposes()
    if not plan.has_balances:
        raise UserError(M_MISSING_COLUMNS, fields=", ".join(loans.missing))
    raise UserError(
        M_MISSING_FOR_BOTH, loans=", ".join(loans.missing), balances=", ".join(balances.missing)
    )
