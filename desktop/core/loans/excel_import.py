"""Import of the loan lists the bank's transaction office hands to communes.

Three steps, the same for the window and ``tdcs import-excel``:

1. :func:`prepare` reads a sheet and recognises its columns, money unit and the date of its
   balances (:mod:`.excel_import_plan`, which also says what each purpose — new loans,
   balances — needs).
2. The clerk checks or changes the mapping (the wizard) and :func:`run_import` runs with
   ``dry_run=True`` to preview: every row's outcome, nothing kept.
3. :func:`run_import` for real: one transaction (a failure leaves nothing behind), rows
   written through the record store in bulk (versions, change numbers, audit).

Each row is **created** (a new loan), **updated** (a known loan: contract number, else
citizen ID + programme + disbursement date), **unchanged**, **rejected** (with the reason
and its Excel row number), or **skipped** (blank rows, totals and sub-total rows, headings,
the place, date and signatures under the table). Re-importing the same list changes
nothing; a list of a later date adds a balance snapshot per loan, so the history is kept.

What the list says is taken as it says it, and nothing is invented:

- A list of loans still owing (danh sách dư nợ) often has no disbursed amount: the loan's
  amount stays unknown (``None``), never 0 and never the balance.
- Its balances are each loan's position on the list's date, whatever other columns it has.
  The rows' totals are compared with the list's own totals row.
- A 12-digit citizen ID states the year of birth and sex (its 4th to 6th digits), a
  group's name the entrusted organisation ("Tổ TK&VV ấp Thạnh Lợi - HND"). Where a column
  says otherwise, the row is imported with a **warning** naming both values.
- A loan with a balance in TDCS that a list of balances leaves out is **absent**: it has
  most likely been paid off, but the list may also cover only part of the commune, so it
  is recorded as paid off (a zero balance on the list's date) only when the clerk says so
  (``settle_absent``); otherwise it keeps its last balance and the result says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import GroupStatus, HouseholdCategory, Sex
from db.models import Borrower, Hamlet, Loan, LoanBalance, SavingsGroup
from desktop.core import validation
from desktop.core.errors import FormErrors, UserError, ValidationError
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.loans.balances import (
    ALL_PARTS,
    OUTSTANDING_PARTS,
    BalanceInput,
    latest_positions,
    validate_balance,
)
from desktop.core.loans.common import organisations
from desktop.core.loans.excel_import_fields import (
    BALANCE_BASE_FIELDS,
    BALANCE_FIELDS,
    FIELD_LABELS,
    MONEY_FIELDS,
    NEW_LOAN_FIELDS,
    ImportField,
    heading_key,
)
from desktop.core.loans.excel_import_mappings import save_mapping
from desktop.core.loans.excel_import_match import (
    ORGANISATION_WORDS,
    PROGRAMME_WORDS,
    WordMatcher,
    hamlet_key,
    organisation_in_name,
)
from desktop.core.loans.excel_import_plan import (
    M_NO_AS_OF,
    UNITS,
    ImportPlan,
    check_plan,
    detect_as_of,
    detect_unit,
    prepare,
)
from desktop.core.loans.excel_import_results import (
    OUTCOME_LABELS,
    AbsentLoan,
    BalanceTotals,
    ImportResult,
    RowOutcome,
    RowResult,
    balances_text,
)
from desktop.core.loans.excel_import_values import (
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
from desktop.core.office import require_office
from desktop.core.owners import Scope, alive
from desktop.core.programmes import RateBook, programmes
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.records import RecordStore
from desktop.core.settings import actor_name
from desktop.core.text import search_key

__all__ = [
    "OUTCOME_LABELS",
    "UNITS",
    "ImportPlan",
    "ImportResult",
    "RowOutcome",
    "RowResult",
    "balances_text",
    "check_plan",
    "detect_as_of",
    "detect_unit",
    "prepare",
    "run_import",
]

M_CITY = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Bank lists are imported by the commune or ward that supervises the loans; the city "
    "receives them in the communes' sync files.",
)
M_NO_IDENTITY = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Neither a contract number nor a citizen ID: the loan could not be recognised when the "
    "list is imported again.",
)
M_UNKNOWN_PROGRAMME = QT_TRANSLATE_NOOP("ExcelImport", "Unknown programme «{value}».")
M_UNKNOWN_ORGANISATION = QT_TRANSLATE_NOOP("ExcelImport", "Unknown organisation «{value}».")
M_UNKNOWN_HAMLET = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The hamlet «{value}» is not in the commune's list; add it in Settings, then import again.",
)
M_DUPLICATE_ROW = QT_TRANSLATE_NOOP(
    "ExcelImport", "The same loan is already on row {row} of this list."
)
M_OTHER_PERSON_LOAN = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Contract {contract} is recorded for {name} (citizen ID {cid}), not for this citizen ID.",
)
M_CID_OTHER_NAME = QT_TRANSLATE_NOOP(
    "ExcelImport", "Citizen ID {cid} is recorded for {name}, not for {other}."
)
M_NEW_LOAN_NEEDS = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The loan is not recorded yet, and the list has no column for {fields} to record it.",
)
M_AFTER_AS_OF = QT_TRANSLATE_NOOP(
    "ExcelImport", "Disbursed on {day}, after the date of the balances ({as_of})."
)
M_FUTURE = QT_TRANSLATE_NOOP("ExcelImport", "The date {day} is in the future.")
M_PARTS_MISMATCH = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The debt categories add up to {parts} đ but the outstanding balance is {total} đ.",
)
M_PARTS_ABOVE = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Overdue, frozen and other categories ({parts} đ) exceed the outstanding balance ({total} đ).",
)
M_SMALL_AMOUNT = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The amount {amount} đ is too small for a loan: is the list in thousands or millions of "
    "đồng? Choose the unit of the list.",
)
M_YEAR_DIFFERS = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The list gives {stated} as the year of birth, the citizen ID {cid} says {id_year}: "
    "recorded as the ID says; check the borrower's papers.",
)
M_SEX_DIFFERS = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The list gives the sex as {stated}, the citizen ID {cid} says {id_sex}: recorded as "
    "the ID says; check the borrower's papers.",
)
M_ORGANISATION_DIFFERS = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The organisation column says {stated}, the group «{group}» belongs to {group_org}: "
    "the loan is recorded under {stated}; check which is right.",
)
M_TOTAL_ROW = QT_TRANSLATE_NOOP("ExcelImport", "Totals row.")
M_HEADING_ROW = QT_TRANSLATE_NOOP("ExcelImport", "Heading row inside the table.")
M_TEXT_ROW = QT_TRANSLATE_NOOP(
    "ExcelImport", "Text only, no loan: no contract number, citizen ID, amount or date."
)
M_BELOW_TOTALS = QT_TRANSLATE_NOOP(
    "ExcelImport", "Under the list's totals row (place, date, signatures)."
)
M_CHANGED = QT_TRANSLATE_NOOP("ExcelImport", "Changed: {fields}.")
M_PREPARING = QT_TRANSLATE_NOOP("ExcelImport", "Checking the rows…")
M_WRITING = QT_TRANSLATE_NOOP("ExcelImport", "Saving…")
M_SETTLED_NOTE = QT_TRANSLATE_NOOP(
    "ExcelImport", "Paid off: not on the bank's list of loans still owing of {day} ({file})."
)

#: No loan of a social policy programme is this small; smaller means the unit is wrong.
MIN_LOAN = 100_000

_TOTAL_ROW = re.compile(r"^(tong cong|tong so|tong|cong|total|sum)\b")
_GRAND_TOTAL = re.compile(r"^(tong cong|tong so|tong|total)\b")
_DATE_FIELDS = (ImportField.DISBURSED_ON, ImportField.MATURITY_ON, ImportField.AS_OF)
SEX_WORDS: dict[Sex, Msg] = {
    Sex.MALE: QT_TRANSLATE_NOOP("ExcelImport", "male"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("ExcelImport", "female"),
}


# -- rows to records ------------------------------------------------------------------------
@dataclass
class _Parsed:
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
    balance: dict[str, int] = field(default_factory=dict)
    outstanding: int | None = None
    #: Whether any balance cell of the row holds a value.
    balance_stated: bool = False
    overdue_since: date | None = None
    notes: str = ""


@dataclass
class _BorrowerState:
    id: str | None
    values: dict[str, Any]
    first_row: int


@dataclass
class _LoanState:
    id: str | None
    values: dict[str, Any]
    borrower_key: str


_BORROWER_COLUMNS = (
    "full_name",
    "citizen_id",
    "birth_year",
    "sex",
    "hamlet_id",
    "household_category",
    "phone",
    "group_id",
)
_LOAN_COLUMNS = (
    "borrower_id",
    "programme_code",
    "organisation_code",
    "group_id",
    "contract_no",
    "amount_disbursed",
    "disbursed_on",
    "maturity_on",
    "purpose",
    "rate_bp",
)
_CHANGE_WORDS: dict[str, Msg] = {
    "borrower": QT_TRANSLATE_NOOP("ExcelImport", "borrower"),
    "loan": QT_TRANSLATE_NOOP("ExcelImport", "loan"),
    "balance": QT_TRANSLATE_NOOP("ExcelImport", "balance"),
}


class RowRejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _reject(message: Msg, **params: Any) -> RowRejected:
    return RowRejected(tr(message, **params))


def _errors_text(errors: list[ValidationError], names: dict[str, str]) -> str:
    return "; ".join(f"{names.get(e.field, e.field)}: {e.text()}" for e in errors)


def _thousands(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


class _Importer:
    def __init__(
        self,
        session: Session,
        store: RecordStore,
        plan: ImportPlan,
        today: date,
        progress: Progress,
    ) -> None:
        self.session = session
        self.store = store
        self.owner = Scope.unit(store.owner_code)
        self.plan = plan
        self.today = today
        self.progress = progress
        self.columns = plan.columns
        #: Field names of error messages: the import fields are named like the columns.
        self.field_names = {f.value: tr(FIELD_LABELS[f]) for f in ImportField}
        #: Loans a row of the list names (found, whatever then became of the row), and the
        #: contract numbers and citizen IDs the list's rows hold: a loan named by none of
        #: them is absent from the list.
        self.matched: set[str] = set()
        self.listed_contracts: set[str] = set()
        self.listed_cids: set[str] = set()
        #: The totals rows ("Cộng tổ 1", "Tổng cộng"), and whether the grand total was met:
        #: what comes under it is the place, date and signatures.
        self.total_rows: list[tuple[Any, ...]] = []
        self.grand_total: tuple[Any, ...] | None = None
        self._load_lookups()

    # -- lookups ---------------------------------------------------------------------------
    def _load_lookups(self) -> None:
        s, owner = self.session, self.owner
        self.rates = RateBook(s)
        self.programmes = WordMatcher()
        for p in programmes(s):
            self.programmes.add(p.code, (p.code, p.name, p.short_name))
            self.programmes.add(p.code, PROGRAMME_WORDS.get(p.code, ()))
        self.organisations = WordMatcher()
        self.organisation_names: dict[str, str] = {}
        for o in organisations(s):
            self.organisation_names[o.code] = o.short_name
            self.organisations.add(o.code, (o.code, o.name, o.short_name))
            self.organisations.add(o.code, ORGANISATION_WORDS.get(o.code, ()))
        self.hamlets: dict[str, str] = {}
        for hamlet_id, name in s.execute(
            select(Hamlet.id, Hamlet.name).where(alive(Hamlet, owner))
        ):
            self.hamlets.setdefault(hamlet_key(name), hamlet_id)
            self.hamlets.setdefault(heading_key(name), hamlet_id)
        self.groups: dict[str, tuple[str, str | None]] = {}
        for group_id, code, name, org in s.execute(
            select(
                SavingsGroup.id,
                SavingsGroup.code,
                SavingsGroup.name,
                SavingsGroup.organisation_code,
            ).where(alive(SavingsGroup, owner))
        ):
            self.groups.setdefault(heading_key(code), (group_id, org))
            self.groups.setdefault(heading_key(name), (group_id, org))
        self.borrowers: dict[str, _BorrowerState] = {}
        self.borrower_by_cid: dict[str, str] = {}
        self.borrower_by_person: dict[tuple[str, int | None, str | None], list[str]] = {}
        for row in s.execute(
            select(Borrower.id, *[getattr(Borrower, c) for c in _BORROWER_COLUMNS]).where(
                alive(Borrower, owner)
            )
        ):
            values = dict(zip(_BORROWER_COLUMNS, row[1:], strict=True))
            key = f"id:{row[0]}"
            self.borrowers[key] = _BorrowerState(row[0], values, 0)
            if values["citizen_id"]:
                self.borrower_by_cid[values["citizen_id"]] = key
            person = (search_key(values["full_name"]), values["birth_year"], values["hamlet_id"])
            self.borrower_by_person.setdefault(person, []).append(key)
        self.loans: dict[str, _LoanState] = {}
        self.loan_by_contract: dict[str, str] = {}
        self.loan_by_identity: dict[tuple[str, str, date], str] = {}
        for row in s.execute(
            select(Loan.id, *[getattr(Loan, c) for c in _LOAN_COLUMNS]).where(alive(Loan, owner))
        ):
            values = dict(zip(_LOAN_COLUMNS, row[1:], strict=True))
            key = f"id:{row[0]}"
            borrower_key = f"id:{values['borrower_id']}"
            self.loans[key] = _LoanState(row[0], values, borrower_key)
            if values["contract_no"]:
                self.loan_by_contract[values["contract_no"]] = key
            borrower = self.borrowers.get(borrower_key)
            if borrower is not None and borrower.values["citizen_id"]:
                identity = (
                    borrower.values["citizen_id"],
                    values["programme_code"],
                    values["disbursed_on"],
                )
                self.loan_by_identity[identity] = key

    # -- reading one row ---------------------------------------------------------------------
    def _cell(self, cells: tuple[Any, ...], wanted: ImportField) -> Any:
        index = self.columns.get(wanted)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def _holds_data(self, cells: tuple[Any, ...]) -> bool:
        """Whether a row holds anything a loan row has: a contract number, a citizen ID, an
        amount or a date (texts alone are headings, notes or signatures)."""
        if text_value(self._cell(cells, ImportField.CONTRACT_NO)):
            return True
        if any(ch.isdigit() for ch in text_value(self._cell(cells, ImportField.CITIZEN_ID))):
            return True
        for money_field in MONEY_FIELDS:
            cell = self._cell(cells, money_field)
            if not is_empty(cell):
                return True
        for date_field in _DATE_FIELDS:
            try:
                if date_value(self._cell(cells, date_field), "d") is not None:
                    return True
            except ValidationError:
                continue
        return False

    def _skip_reason(self, cells: tuple[Any, ...]) -> Msg | None:
        """Totals and sub-totals rows ("Tổng cộng", "Cộng tổ 3"), headings inside the table
        ("Tổ 1 - Khu vực 1" alone on its row), and rows of text alone (the place, date and
        signatures under the table) are skipped, not rejected."""
        name = text_value(self._cell(cells, ImportField.FULL_NAME))
        contract = text_value(self._cell(cells, ImportField.CONTRACT_NO))
        filled = [c for c in cells if not is_empty(c)]
        if not name or _TOTAL_ROW.match(search_key(name)):
            for cell in filled:
                if not isinstance(cell, str):
                    continue
                text = text_value(cell)
                if (
                    _TOTAL_ROW.match(search_key(text))
                    and (not name or name == text)
                    and (not contract or contract == text)
                ):
                    return M_TOTAL_ROW
        if self._holds_data(cells):
            return None  # a loan row, good or bad
        if self.grand_total is not None:
            return M_BELOW_TOTALS
        if len(filled) == 1 and isinstance(filled[0], str):
            return M_HEADING_ROW
        if all(isinstance(c, str) for c in filled):
            return M_TEXT_ROW
        return None

    def _note_listed(self, cells: tuple[Any, ...]) -> None:
        """Remember the contract number and citizen ID a loan row holds, good or bad."""
        contract = text_value(self._cell(cells, ImportField.CONTRACT_NO))
        if contract:
            self.listed_contracts.add(contract)
        try:
            cid = citizen_id_value(self._cell(cells, ImportField.CITIZEN_ID))
        except ValidationError:
            cid = None
        if cid:
            self.listed_cids.add(cid)

    def _parse(self, number: int, cells: tuple[Any, ...]) -> _Parsed:
        parsed = _Parsed(row=number)
        errors: list[ValidationError] = []
        unit = self.plan.unit

        def read(target: ImportField, reader: Callable[[Any], Any]) -> Any:
            if target not in self.columns:
                return None
            try:
                return reader(self._cell(cells, target))
            except ValidationError as error:
                errors.append(ValidationError(target.value, error.message, **error.params))
                return None

        def text(target: ImportField) -> str:
            return str(read(target, text_value) or "")

        def money(target: ImportField) -> int | None:
            return read(target, lambda v: money_value(v, "amount", unit=unit))  # type: ignore[no-any-return]

        parsed.contract_no = text(ImportField.CONTRACT_NO)
        parsed.full_name = text(ImportField.FULL_NAME)
        parsed.citizen_id = read(ImportField.CITIZEN_ID, citizen_id_value)
        parsed.birth_year = read(ImportField.BIRTH_YEAR, birth_year_value)
        parsed.sex = read(ImportField.SEX, sex_value)
        male = read(ImportField.BIRTH_YEAR_MALE, birth_year_value)
        female = read(ImportField.BIRTH_YEAR_FEMALE, birth_year_value)
        if male is not None:
            parsed.birth_year, parsed.sex = male, Sex.MALE
        elif female is not None:
            parsed.birth_year, parsed.sex = female, Sex.FEMALE
        parsed.hamlet = text(ImportField.HAMLET)
        parsed.household = read(ImportField.HOUSEHOLD, household_value)
        parsed.phone = text(ImportField.PHONE)
        parsed.group_code = text(ImportField.GROUP_CODE)
        parsed.group_name = text(ImportField.GROUP_NAME)
        parsed.organisation = text(ImportField.ORGANISATION)
        parsed.programme = text(ImportField.PROGRAMME)
        parsed.amount = money(ImportField.AMOUNT)
        parsed.disbursed_on = read(ImportField.DISBURSED_ON, lambda v: date_value(v, "d"))
        parsed.maturity_on = read(ImportField.MATURITY_ON, lambda v: date_value(v, "d"))
        parsed.purpose = text(ImportField.PURPOSE)
        monthly = "thang" in search_key(
            self.plan.table.labels[self.columns[ImportField.RATE]]
            if ImportField.RATE in self.columns
            else ""
        )
        parsed.rate_bp = read(ImportField.RATE, lambda v: rate_value(v, "rate", monthly=monthly))
        parsed.as_of = read(ImportField.AS_OF, lambda v: date_value(v, "d")) or self.plan.as_of
        parsed.outstanding = money(ImportField.OUTSTANDING)
        parsed.balance_stated = parsed.outstanding is not None
        for money_field in MONEY_FIELDS - {ImportField.AMOUNT, ImportField.OUTSTANDING}:
            if money_field in self.columns:
                value = money(money_field)
                parsed.balance[money_field.value] = value or 0
                parsed.balance_stated = parsed.balance_stated or value is not None
        parsed.overdue_since = read(ImportField.OVERDUE_SINCE, lambda v: date_value(v, "d"))
        parsed.notes = text(ImportField.NOTES)
        if errors:
            raise RowRejected(_errors_text(errors, self.field_names))
        return parsed

    # -- deciding what each row means ---------------------------------------------------------
    def run(self, settle_absent: bool) -> ImportResult:
        table = self.plan.table
        results: dict[int, RowResult] = {}
        accepted: list[tuple[_Parsed, str, _LoanState, dict[str, Any] | None, str]] = []
        seen_contract: dict[str, int] = {}
        seen_identity: dict[tuple[str, str, date], int] = {}
        self.new_groups: dict[str, dict[str, Any]] = {}
        total = len(table.rows)
        for done, (number, cells) in enumerate(table.rows):
            if done % 500 == 0:
                self.progress.report(done, total * 2, tr(M_PREPARING))
            skip = self._skip_reason(cells)
            if skip is not None:
                if skip is M_TOTAL_ROW:
                    self.total_rows.append(cells)
                    if any(isinstance(c, str) and _GRAND_TOTAL.match(search_key(c)) for c in cells):
                        self.grand_total = cells
                results[number] = RowResult(number, RowOutcome.SKIPPED, tr(skip))
                continue
            self._note_listed(cells)
            parsed: _Parsed | None = None
            try:
                parsed = self._parse(number, cells)
                warnings: list[str] = []
                loan_key, state, balance = self._resolve(
                    parsed, seen_contract, seen_identity, warnings
                )
            except RowRejected as rejected:
                results[number] = RowResult(
                    number,
                    RowOutcome.REJECTED,
                    rejected.reason,
                    parsed.contract_no
                    if parsed
                    else text_value(self._cell(cells, ImportField.CONTRACT_NO)),
                    parsed.full_name
                    if parsed
                    else text_value(self._cell(cells, ImportField.FULL_NAME)),
                )
                continue
            accepted.append((parsed, loan_key, state, balance, " ".join(warnings)))
        self.progress.report(total, total * 2, tr(M_WRITING))
        day = self._balances_day(accepted)
        absent = self._absent(day, accepted)
        counts = self._write(accepted, results)
        if settle_absent and absent and day is not None:
            counts["balances_written"] += self._settle(absent, day)
        self.progress.report(total * 2, total * 2, tr(M_WRITING))
        return ImportResult(
            sheet=table.sheet,
            as_of=day or self.plan.as_of,
            dry_run=False,
            rows=tuple(results[n] for n in sorted(results)),
            taken=self._taken(accepted),
            listed=self._listed_totals(),
            absent=tuple(absent),
            settled=settle_absent and bool(absent),
            **counts,
        )

    def _group_for(
        self, parsed: _Parsed, hamlet_id: str | None, org: str | None
    ) -> tuple[str | None, str | None]:
        """The group id (or ``new:<key>`` for a group this list introduces) and its
        organisation: the one recorded, else the one its name states, else (for a new
        group) the list's organisation column."""
        for text in (parsed.group_code, parsed.group_name):
            if text and heading_key(text) in self.groups:
                group_id, recorded = self.groups[heading_key(text)]
                return group_id, recorded or organisation_in_name(parsed.group_name or text)
        text = parsed.group_code or parsed.group_name
        if not text:
            return None, None
        key = f"new:{heading_key(text)}"
        if key not in self.new_groups:
            self.new_groups[key] = {
                # a list without group codes: the name stands for the code when it fits,
                # else the code stays blank (a name cut at 32 characters is no code)
                "code": parsed.group_code[:32]
                or (parsed.group_name if len(parsed.group_name) <= 32 else ""),
                "name": parsed.group_name or parsed.group_code,
                "hamlet_id": hamlet_id,
                "organisation_code": organisation_in_name(parsed.group_name or text) or org,
                "status": GroupStatus.ACTIVE,
            }
        return key, self.new_groups[key]["organisation_code"]

    def _from_citizen_id(self, p: _Parsed, warnings: list[str]) -> None:
        """Year of birth and sex from a 12-digit citizen ID; a column that says otherwise
        gets a warning, and the ID's value is kept."""
        if not p.citizen_id:
            return
        century, id_sex = validation.citizen_id_century_sex(p.citizen_id)
        id_year = century + int(p.citizen_id[4:6])
        if p.birth_year is not None and p.birth_year != id_year:
            warnings.append(
                tr(M_YEAR_DIFFERS, stated=p.birth_year, cid=p.citizen_id, id_year=id_year)
            )
        if p.sex is not None and p.sex != id_sex:
            warnings.append(
                tr(
                    M_SEX_DIFFERS,
                    stated=tr(SEX_WORDS[Sex(p.sex)]),
                    cid=p.citizen_id,
                    id_sex=tr(SEX_WORDS[id_sex]),
                )
            )
        p.birth_year, p.sex = id_year, id_sex

    def _check_values(self, p: _Parsed) -> None:
        """The field rules shared with the forms."""
        errors: list[ValidationError] = []
        try:
            if p.citizen_id:
                p.citizen_id = validation.citizen_id(p.citizen_id)
        except ValidationError as error:
            errors.append(error)
        try:
            p.phone = validation.check(Borrower.phone, p.phone)
        except ValidationError as error:
            errors.append(error)
        if p.amount is not None:
            try:
                validation.check(Loan.amount_disbursed, p.amount)
                if p.amount < MIN_LOAN:
                    raise ValidationError(
                        "amount_disbursed", M_SMALL_AMOUNT, amount=_thousands(p.amount)
                    )
            except ValidationError as error:
                errors.append(error)
        try:
            validation.check(Loan.disbursed_on, p.disbursed_on, required=False)
            if p.disbursed_on is not None and p.disbursed_on > self.today:
                raise ValidationError("disbursed_on", M_FUTURE, day=format_date(p.disbursed_on))
            validation.check(Loan.maturity_on, p.maturity_on)
            validation.not_before(p.maturity_on, p.disbursed_on, "maturity_on")
            validation.check(Loan.contract_no, p.contract_no)
            validation.check(Borrower.full_name, p.full_name, required=False)
            validation.check(Loan.purpose, p.purpose)
            # a new group is named after either column
            validation.check(SavingsGroup.name, p.group_name, field="group_name", required=False)
            validation.check(SavingsGroup.name, p.group_code, field="group_code", required=False)
        except ValidationError as error:
            errors.append(error)
        if errors:
            raise RowRejected(_errors_text(errors, self.field_names))

    def _resolve(
        self,
        p: _Parsed,
        seen_contract: dict[str, int],
        seen_identity: dict[tuple[str, str, date], int],
        warnings: list[str],
    ) -> tuple[str, _LoanState, dict[str, Any] | None]:
        programme: str | None = None
        if p.programme:
            programme = self.programmes.match(p.programme)
            if programme is None:
                raise _reject(M_UNKNOWN_PROGRAMME, value=p.programme)
        org: str | None = None
        if p.organisation:
            org = self.organisations.match(p.organisation)
            if org is None:
                raise _reject(M_UNKNOWN_ORGANISATION, value=p.organisation)
        hamlet_id: str | None = None
        if p.hamlet:
            hamlet_id = self.hamlets.get(hamlet_key(p.hamlet)) or self.hamlets.get(
                heading_key(p.hamlet)
            )
            if hamlet_id is None:
                raise _reject(M_UNKNOWN_HAMLET, value=p.hamlet)
        if not p.contract_no and not p.citizen_id:
            raise RowRejected(tr(M_NO_IDENTITY))
        self._check_values(p)
        # the loan, if TDCS knows it
        loan_key = self.loan_by_contract.get(p.contract_no) if p.contract_no else None
        if loan_key is None and p.citizen_id and programme and p.disbursed_on:
            loan_key = self.loan_by_identity.get((p.citizen_id, programme, p.disbursed_on))
        existing = self.loans.get(loan_key) if loan_key else None
        if existing is not None and existing.id is not None:
            self.matched.add(existing.id)
        if existing is None:
            self._require_new_loan_fields(p, programme)
        else:
            programme = programme or existing.values["programme_code"]
            p.disbursed_on = p.disbursed_on or existing.values["disbursed_on"]
        assert programme is not None and p.disbursed_on is not None
        # the same loan twice in the list
        if p.contract_no:
            if p.contract_no in seen_contract:
                raise _reject(M_DUPLICATE_ROW, row=seen_contract[p.contract_no])
            seen_contract[p.contract_no] = p.row
        if p.citizen_id:
            identity = (p.citizen_id, programme, p.disbursed_on)
            if identity in seen_identity:
                raise _reject(M_DUPLICATE_ROW, row=seen_identity[identity])
            seen_identity[identity] = p.row
        self._from_citizen_id(p, warnings)
        # the borrower, the group and the organisation
        borrower_key = self._borrower_for(p, existing, hamlet_id)
        group_id, group_org = self._group_for(p, hamlet_id, org)
        if org and group_org and org != group_org:
            warnings.append(
                tr(
                    M_ORGANISATION_DIFFERS,
                    stated=self.organisation_names.get(org, org),
                    group=p.group_name or p.group_code,
                    group_org=self.organisation_names.get(group_org, group_org),
                )
            )
        org = org or group_org or (existing.values["organisation_code"] if existing else None)
        balance = self._balance_for(p, existing)
        rate = p.rate_bp
        if rate is None:
            rate = existing.values["rate_bp"] if existing else None
            if rate is None:
                rate = self.rates.rate(programme, p.disbursed_on)
        loan_values: dict[str, Any] = {
            "programme_code": programme,
            "organisation_code": org,
            "contract_no": p.contract_no or (existing.values["contract_no"] if existing else ""),
            "disbursed_on": p.disbursed_on,
            "rate_bp": rate,
        }
        # what the list does not say stays as recorded: an amount it lacks is not erased
        if p.amount is not None or existing is None:
            loan_values["amount_disbursed"] = p.amount
        if group_id is not None or existing is None:
            loan_values["group_id"] = group_id
        if p.maturity_on is not None or existing is None:
            loan_values["maturity_on"] = p.maturity_on
        if p.purpose or existing is None:
            loan_values["purpose"] = p.purpose
        state = _LoanState(existing.id if existing else None, loan_values, borrower_key)
        key = loan_key or f"new:{p.row}"
        if p.contract_no:
            self.loan_by_contract[p.contract_no] = key
        if p.citizen_id:
            self.loan_by_identity[(p.citizen_id, programme, p.disbursed_on)] = key
        self._merge_borrower(borrower_key, p, hamlet_id, group_id)
        return key, state, balance

    def _require_new_loan_fields(self, p: _Parsed, programme: str | None) -> None:
        """A loan TDCS does not know yet needs a name, a programme and a disbursement
        date: say which the list lacks as a column, else which cell is empty."""
        given = {
            ImportField.FULL_NAME: bool(p.full_name),
            ImportField.PROGRAMME: programme is not None,
            ImportField.DISBURSED_ON: p.disbursed_on is not None,
        }
        no_column = [f for f in NEW_LOAN_FIELDS if f not in self.columns]
        if no_column:
            raise _reject(
                M_NEW_LOAN_NEEDS, fields=", ".join(tr(FIELD_LABELS[f]) for f in no_column)
            )
        empty = [
            ValidationError(f.value, validation.M_REQUIRED) for f in NEW_LOAN_FIELDS if not given[f]
        ]
        if empty:
            raise RowRejected(_errors_text(empty, self.field_names))

    def _borrower_for(self, p: _Parsed, loan: _LoanState | None, hamlet_id: str | None) -> str:
        if p.citizen_id:
            key = self.borrower_by_cid.get(p.citizen_id)
            if key is not None:
                known = self.borrowers[key]
                if p.full_name and search_key(known.values["full_name"]) != search_key(p.full_name):
                    raise _reject(
                        M_CID_OTHER_NAME,
                        cid=p.citizen_id,
                        name=known.values["full_name"],
                        other=p.full_name,
                    )
                if loan is not None and loan.borrower_key != key:
                    raise self._other_person(p, loan)
                return key
        if loan is not None:
            owner = self.borrowers[loan.borrower_key]
            if p.citizen_id and owner.values["citizen_id"] not in (None, "", p.citizen_id):
                raise self._other_person(p, loan)
            return loan.borrower_key
        person = (search_key(p.full_name), p.birth_year, hamlet_id)
        if not p.citizen_id and p.birth_year is not None:
            matches = [
                k
                for k in self.borrower_by_person.get(person, [])
                if not self.borrowers[k].values["citizen_id"]
            ]
            if len(matches) == 1:
                return matches[0]
        key = f"new:{p.citizen_id or p.row}"
        self.borrowers[key] = _BorrowerState(None, {"full_name": p.full_name}, p.row)
        if p.citizen_id:
            self.borrower_by_cid[p.citizen_id] = key
        self.borrower_by_person.setdefault(person, []).append(key)
        return key

    def _other_person(self, p: _Parsed, loan: _LoanState) -> RowRejected:
        owner = self.borrowers[loan.borrower_key]
        return _reject(
            M_OTHER_PERSON_LOAN,
            contract=p.contract_no or loan.values["contract_no"],
            name=owner.values["full_name"],
            cid=owner.values["citizen_id"] or "—",
        )

    def _merge_borrower(
        self, key: str, p: _Parsed, hamlet_id: str | None, group_id: str | None
    ) -> None:
        state = self.borrowers[key]
        updates: dict[str, Any] = {}
        if p.full_name:
            updates["full_name"] = p.full_name
        if p.citizen_id:
            updates["citizen_id"] = p.citizen_id
        if p.birth_year is not None:
            updates["birth_year"] = p.birth_year
        if p.sex is not None:
            updates["sex"] = p.sex
        if hamlet_id is not None:
            updates["hamlet_id"] = hamlet_id
        if p.household is not None:
            updates["household_category"] = p.household
        if p.phone:
            updates["phone"] = p.phone
        if group_id is not None:
            updates["group_id"] = group_id
        state.values.setdefault("_changes", {}).update(updates)

    def _balance_for(self, p: _Parsed, loan: _LoanState | None) -> dict[str, Any] | None:
        """The snapshot the row states, checked like a form would (``None`` when the list
        has no balance columns)."""
        if not self.plan.has_balances:
            return None
        as_of = p.as_of
        if as_of is None:
            raise RowRejected(tr(M_NO_AS_OF))
        assert p.disbursed_on is not None
        if p.disbursed_on > as_of:
            raise _reject(M_AFTER_AS_OF, day=format_date(p.disbursed_on), as_of=format_date(as_of))
        base = next(f for f in BALANCE_BASE_FIELDS if f in self.columns)  # check_plan
        if not p.balance_stated or (
            p.outstanding is None
            and ImportField.OUTSTANDING in self.columns
            and ImportField.CURRENT not in self.columns
        ):
            # an empty balance is not a zero one: the list does not say what is owed
            raise RowRejected(
                _errors_text([ValidationError(base.value, validation.M_REQUIRED)], self.field_names)
            )
        parts = {part: p.balance.get(part, 0) for part in ALL_PARTS}
        others = sum(parts[part] for part in OUTSTANDING_PARTS[1:])
        if p.outstanding is not None:
            if ImportField.CURRENT in self.columns:
                stated = sum(parts[part] for part in OUTSTANDING_PARTS)
                if stated != p.outstanding:
                    raise _reject(
                        M_PARTS_MISMATCH,
                        parts=_thousands(stated),
                        total=_thousands(p.outstanding),
                    )
            else:
                if others > p.outstanding:
                    raise _reject(
                        M_PARTS_ABOVE, parts=_thousands(others), total=_thousands(p.outstanding)
                    )
                parts["current_amount"] = p.outstanding - others
        amount = p.amount
        if amount is None and loan is not None:
            amount = loan.values["amount_disbursed"]
        try:
            values = validate_balance(
                BalanceInput(
                    as_of=as_of,
                    current_amount=parts["current_amount"],
                    overdue_amount=parts["overdue_amount"],
                    frozen_amount=parts["frozen_amount"],
                    pending_amount=parts["pending_amount"],
                    extended_amount=parts["extended_amount"],
                    rescheduled_amount=parts["rescheduled_amount"],
                    written_off_amount=parts["written_off_amount"],
                    overdue_since=p.overdue_since,
                ),
                amount_disbursed=amount,
                disbursed_on=p.disbursed_on,
                today=self.today,
            )
        except FormErrors as errors:
            raise RowRejected(_errors_text(errors.errors, self.field_names)) from errors
        except ValidationError as error:
            raise RowRejected(_errors_text([error], self.field_names)) from error
        values.pop("notes", None)
        return values

    # -- what the list comes to, and what it leaves out ----------------------------------
    def _balances_day(
        self, accepted: list[tuple[_Parsed, str, _LoanState, dict[str, Any] | None, str]]
    ) -> date | None:
        """The one date of the balances the rows carry (``None`` when none, or several)."""
        days = {balance["as_of"] for *_rest, balance, _w in accepted if balance is not None}
        return days.pop() if len(days) == 1 else None

    @staticmethod
    def _taken(
        accepted: list[tuple[_Parsed, str, _LoanState, dict[str, Any] | None, str]],
    ) -> BalanceTotals | None:
        balances = [balance for *_rest, balance, _w in accepted if balance is not None]
        if not balances:
            return None
        return BalanceTotals(
            len(balances),
            sum(int(b[part]) for b in balances for part in OUTSTANDING_PARTS),
            sum(int(b["overdue_amount"]) for b in balances),
        )

    def _listed_totals(self) -> BalanceTotals | None:
        """What the list's grand totals row ("Tổng cộng"; a lone "Cộng" row is one too)
        states in its balance columns; sub-totals of groups are not the list's."""
        cells = self.grand_total
        if cells is None and len(self.total_rows) == 1:
            cells = self.total_rows[0]
        if cells is None:
            return None

        def amount(wanted: ImportField) -> int | None:
            try:
                return money_value(self._cell(cells, wanted), "amount", unit=self.plan.unit)
            except ValidationError:
                return None

        outstanding = amount(ImportField.OUTSTANDING)
        parts = {f: amount(f) for f in BALANCE_FIELDS - {ImportField.OUTSTANDING}}
        if outstanding is None:
            outstanding_parts = [
                parts[f]
                for f in BALANCE_FIELDS - {ImportField.OUTSTANDING, ImportField.WRITTEN_OFF}
            ]
            if all(v is None for v in outstanding_parts):
                return None
            outstanding = sum(v or 0 for v in outstanding_parts)
        return BalanceTotals(0, outstanding, parts[ImportField.OVERDUE] or 0)

    def _absent(
        self,
        day: date | None,
        accepted: list[tuple[_Parsed, str, _LoanState, dict[str, Any] | None, str]],
    ) -> list[AbsentLoan]:
        """Loans with a balance on ``day`` in TDCS that no row of this list of balances
        names (only when some row's balance was taken: a list whose every row failed says
        nothing about what is owed)."""
        if day is None or not any(balance is not None for *_r, balance, _w in accepted):
            return []
        positions = latest_positions(self.session, self.owner, day)
        absent = []
        for state in self.loans.values():
            loan_id = state.id
            if loan_id is None or loan_id in self.matched:
                continue
            values = state.values
            if values["disbursed_on"] > day:
                continue
            contract = values["contract_no"]
            cid = self.borrowers[state.borrower_key].values.get("citizen_id")
            if (contract and contract in self.listed_contracts) or (
                not contract and cid and cid in self.listed_cids
            ):
                continue
            position = positions.get(loan_id)
            if position is None or position[0] is None or position[1] <= 0:
                continue
            absent.append(
                AbsentLoan(
                    loan_id,
                    contract,
                    self.borrowers[state.borrower_key].values["full_name"],
                    position[1],
                    position[0],
                )
            )
        absent.sort(key=lambda loan: (loan.contract_no, loan.full_name))
        return absent

    def _settle(self, absent: list[AbsentLoan], day: date) -> int:
        """Record each absent loan as paid off on ``day``: a zero balance (that day's own
        balance set to zero, if it has one)."""
        zero: dict[str, Any] = dict.fromkeys(ALL_PARTS, 0)
        zero["overdue_since"] = None
        zero["notes"] = tr(M_SETTLED_NOTE, day=format_date(day), file=self.plan.table.path.name)
        same_day = dict(
            self.session.execute(
                select(LoanBalance.loan_id, LoanBalance.id).where(
                    alive(LoanBalance, self.owner),
                    LoanBalance.as_of == day,
                    LoanBalance.loan_id.in_([loan.loan_id for loan in absent]),
                )
            ).all()
        )
        self.store.create_many(
            LoanBalance,
            [
                {"loan_id": loan.loan_id, "as_of": day, **zero}
                for loan in absent
                if loan.loan_id not in same_day
            ],
        )
        self.store.update_many(
            LoanBalance,
            [(same_day[loan.loan_id], zero) for loan in absent if loan.loan_id in same_day],
        )
        return len(absent)

    # -- writing -------------------------------------------------------------------------------
    def _write(
        self,
        accepted: list[tuple[_Parsed, str, _LoanState, dict[str, Any] | None, str]],
        results: dict[int, RowResult],
    ) -> dict[str, int]:
        """Write what the rows decided, table by table, parents first (one bulk insert and
        one bulk update per table), and give each accepted row its outcome."""
        store = self.store
        group_ids = dict(
            zip(
                list(self.new_groups),
                store.create_many(SavingsGroup, list(self.new_groups.values())),
                strict=True,
            )
        )

        def real_group(value: str | None) -> str | None:
            return group_ids.get(value, value) if value else value

        # borrowers: new ones created, known ones updated with what the list says
        new_borrowers = [
            key for key, b in self.borrowers.items() if b.id is None and "_changes" in b.values
        ]
        borrower_rows = []
        for key in new_borrowers:
            values = {
                "household_category": HouseholdCategory.KHAC,
                "phone": "",
                **self.borrowers[key].values["_changes"],
            }
            values["group_id"] = real_group(values.get("group_id"))
            borrower_rows.append(values)
        for key, new_id in zip(
            new_borrowers, store.create_many(Borrower, borrower_rows), strict=True
        ):
            self.borrowers[key].id = new_id
        changed_borrowers: set[str] = set()
        borrower_updates: list[tuple[str, Mapping[str, Any]]] = []
        created_now = set(new_borrowers)
        for key, known in self.borrowers.items():
            if key in created_now or "_changes" not in known.values or known.id is None:
                continue
            changes = {
                k: real_group(v) if k == "group_id" else v
                for k, v in known.values["_changes"].items()
            }
            diff = {k: v for k, v in changes.items() if known.values.get(k) != v}
            if diff:
                changed_borrowers.add(key)
                borrower_updates.append((known.id, diff))
        store.update_many(Borrower, borrower_updates)
        # loans
        new_loans: list[tuple[int, dict[str, Any]]] = []
        loan_updates: list[tuple[str, Mapping[str, Any]]] = []
        changes_of_row: dict[int, list[str]] = {}
        loan_ids: dict[int, str] = {}
        for parsed, loan_key, loan, _balance, _warning in accepted:
            values = dict(loan.values)
            if "group_id" in values:  # a list without groups leaves the loan's group alone
                values["group_id"] = real_group(values["group_id"])
            values["borrower_id"] = self.borrowers[loan.borrower_key].id
            changed = changes_of_row.setdefault(parsed.row, [])
            if loan.borrower_key in changed_borrowers:
                changed.append("borrower")
            if loan.id is None:
                new_loans.append((parsed.row, values))
            else:
                recorded = self.loans[loan_key].values
                diff = {k: v for k, v in values.items() if recorded.get(k) != v}
                if diff:
                    loan_updates.append((loan.id, diff))
                    changed.append("loan")
                loan_ids[parsed.row] = loan.id
        created = store.create_many(Loan, [values for _, values in new_loans])
        for (row_number, _values), loan_id in zip(new_loans, created, strict=True):
            loan_ids[row_number] = loan_id
        store.update_many(Loan, loan_updates)
        # balances: one snapshot per loan and date; the same date again updates it
        wanted: dict[tuple[str, date], tuple[int, bool, dict[str, Any]]] = {}
        for parsed, _key, loan, balance, _warning in accepted:
            loan_id = loan_ids[parsed.row]
            if balance is not None:
                wanted[(loan_id, balance["as_of"])] = (parsed.row, loan.id is not None, balance)
            elif loan.id is None and parsed.disbursed_on is not None and parsed.amount is not None:
                # a new loan from a list without balances: the disbursement, when its amount
                # is known, is its first balance (as a loan entered by hand gets)
                first = {"as_of": parsed.disbursed_on, "current_amount": parsed.amount}
                wanted[(loan_id, parsed.disbursed_on)] = (parsed.row, False, first)
        recorded_balances: dict[tuple[str, date], tuple[str, dict[str, Any]]] = {}
        dates = {day for _, day in wanted}
        if dates:
            for found in self.session.execute(
                select(
                    LoanBalance.id,
                    LoanBalance.loan_id,
                    LoanBalance.as_of,
                    *[getattr(LoanBalance, part) for part in ALL_PARTS],
                    LoanBalance.overdue_since,
                ).where(alive(LoanBalance, self.owner), LoanBalance.as_of.in_(dates))
            ):
                amounts: dict[str, Any] = dict(zip(ALL_PARTS, found[3:-1], strict=True))
                amounts["overdue_since"] = found[-1]
                recorded_balances[(found[1], found[2])] = (found[0], amounts)
        new_balances: list[dict[str, Any]] = []
        balance_updates: list[tuple[str, Mapping[str, Any]]] = []
        for (loan_id, day), (row_number, known_loan, values) in wanted.items():
            snapshot = recorded_balances.get((loan_id, day))
            if snapshot is None:
                new_balances.append({"loan_id": loan_id, **values})
                if known_loan:
                    changes_of_row[row_number].append("balance")
                continue
            full: dict[str, Any] = {part: values.get(part, 0) for part in ALL_PARTS}
            full["overdue_since"] = values.get("overdue_since")
            diff = {k: v for k, v in full.items() if snapshot[1].get(k) != v}
            if diff:
                balance_updates.append((snapshot[0], diff))
                changes_of_row[row_number].append("balance")
        store.create_many(LoanBalance, new_balances)
        store.update_many(LoanBalance, balance_updates)
        for parsed, _key, loan, _balance, warning in accepted:
            if loan.id is None:
                outcome, reason = RowOutcome.CREATED, ""
            elif changes_of_row.get(parsed.row):
                fields = ", ".join(
                    tr(_CHANGE_WORDS[w]) for w in dict.fromkeys(changes_of_row[parsed.row])
                )
                outcome, reason = RowOutcome.UPDATED, tr(M_CHANGED, fields=fields)
            else:
                outcome, reason = RowOutcome.UNCHANGED, ""
            results[parsed.row] = RowResult(
                parsed.row, outcome, reason, parsed.contract_no, parsed.full_name, warning
            )
        return {
            "groups_created": len(group_ids),
            "borrowers_created": len(new_borrowers),
            "borrowers_updated": len(borrower_updates),
            "balances_written": len(new_balances) + len(balance_updates),
        }


def run_import(
    session: Session,
    plan: ImportPlan,
    *,
    dry_run: bool = False,
    save_as: str | None = None,
    settle_absent: bool = False,
    progress: Progress = NO_PROGRESS,
    today: date | None = None,
) -> ImportResult:
    """Import the plan's rows for this commune; with ``dry_run`` nothing is kept (the
    preview). ``save_as`` remembers the mapping under that name after a real import.
    ``settle_absent`` records the loans a list of balances leaves out as paid off on its
    date (the clerk's answer to the preview's question)."""
    office = require_office(session)
    if office.is_city:
        raise UserError(M_CITY)
    check_plan(plan)
    store = RecordStore(session, owner_code=office.unit_code, actor=actor_name(session))
    savepoint = session.begin_nested()
    try:
        importer = _Importer(session, store, plan, today or date.today(), progress)
        result = importer.run(settle_absent)
    except BaseException:
        savepoint.rollback()
        raise
    if dry_run:
        savepoint.rollback()
        return replace(result, dry_run=True)
    savepoint.commit()
    if save_as:
        save_mapping(session, save_as, plan.table, plan.columns, plan.unit)
    return result
