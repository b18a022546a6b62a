"""What one loan row means, decided by small rules over the row and what is known.

Each rule takes the row (:class:`~.parse.ParsedRow`) and what TDCS and the rows accepted
before it hold (:class:`~.known.Known`), changes neither, and returns what it found or raises
:class:`~.parse.RowRejected` with the reason. :mod:`.importer` applies them in order, keeps
what an accepted row adds, and :mod:`.write` writes it all at the end.

The fields are checked with the forms' own rules (:func:`~desktop.core.loans.borrowers.
borrower_fields`, :func:`~desktop.core.loans.loans.loan_fields`,
:func:`~desktop.core.loans.balances.validate_balance`), so a row is refused for what a form
would refuse, in the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from db.enums import GroupStatus, Sex
from db.models import SavingsGroup
from desktop.core import validation
from desktop.core.errors import ErrorCollector, FormErrors, ValidationError
from desktop.core.formatting import format_date, format_money
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.loans.balances import (
    ALL_PARTS,
    OUTSTANDING_PARTS,
    BalanceInput,
    validate_balance,
)
from desktop.core.loans.borrowers import BorrowerInput, borrower_fields
from desktop.core.loans.excel_import.fields import (
    BALANCE_BASE_FIELDS,
    FIELD_LABELS,
    NEW_LOAN_FIELDS,
    ImportField,
    heading_key,
)
from desktop.core.loans.excel_import.known import (
    BorrowerState,
    Identity,
    Known,
    LoanState,
    person_of,
)
from desktop.core.loans.excel_import.match import WordMatcher, organisation_in_name
from desktop.core.loans.excel_import.parse import (
    ParsedRow,
    RowRejected,
    Sheet,
    reject,
    rejection,
)
from desktop.core.loans.excel_import.plan import M_NO_AS_OF
from desktop.core.loans.loans import LoanInput, loan_fields
from desktop.core.programmes import RateBook
from desktop.core.text import search_key

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
M_PARTS_MISMATCH = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The debt categories add up to {parts} but the outstanding balance is {total}.",
)
M_PARTS_ABOVE = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Overdue, frozen and other categories ({parts}) exceed the outstanding balance ({total}).",
)
M_SMALL_AMOUNT = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The amount {amount} is too small for a loan: is the list in thousands or millions of "
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
SEX_WORDS: dict[Sex, Msg] = {
    Sex.MALE: QT_TRANSLATE_NOOP("ExcelImport", "male"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("ExcelImport", "female"),
}

#: No loan of a social policy programme is this small; smaller means the unit is wrong.
MIN_LOAN = 100_000


@dataclass(frozen=True)
class Choices:
    """The catalogue entries and the hamlet a row names (``None``: it names none)."""

    programme: str | None
    organisation: str | None
    hamlet_id: str | None


@dataclass(frozen=True)
class BorrowerChoice:
    """The borrower of a row: a key of :attr:`Known.borrowers`, and the borrower's state
    when the row introduces them."""

    key: str
    new: BorrowerState | None = None


@dataclass(frozen=True)
class GroupChoice:
    """The group of a row: its id, ``new:<key>`` for a group the list introduces, or
    ``None``; its organisation; and its values when this row introduces it."""

    key: str | None
    organisation: str | None
    new: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Decision:
    """What an accepted row comes to: the loan (new or recorded) and its values, the
    balance snapshot it states, its borrower and group, and the warnings."""

    row: ParsedRow
    loan_key: str
    loan: LoanState
    balance: Mapping[str, Any] | None
    borrower: BorrowerChoice
    borrower_changes: Mapping[str, Any]
    group: GroupChoice
    warnings: tuple[str, ...]


@dataclass
class Seen:
    """The loans the rows so far named, by contract number and by identity, whatever then
    became of those rows: a loan named twice is a mistake of the list."""

    contracts: dict[str, int]
    identities: dict[Identity, int]

    def note(self, p: ParsedRow, programme: str) -> None:
        """Remember the row's loan; reject it when an earlier row named the same."""
        if p.contract_no:
            _note(self.contracts, p.contract_no, p.row)
        if p.citizen_id:
            assert p.disbursed_on is not None
            _note(self.identities, (p.citizen_id, programme, p.disbursed_on), p.row)


def _note(seen: dict[Any, int], key: Any, row: int) -> None:
    earlier = seen.setdefault(key, row)
    if earlier != row:
        raise reject(M_DUPLICATE_ROW, row=earlier)


# -- what the row names ----------------------------------------------------------------------
def _matched(text: str, matcher: WordMatcher, unknown: Msg) -> str | None:
    if not text:
        return None
    found = matcher.match(text)
    if found is None:
        raise reject(unknown, value=text)
    return found


def _hamlet(text: str, known: Known) -> str | None:
    if not text:
        return None
    found = known.hamlet(text)
    if found is None:
        raise reject(M_UNKNOWN_HAMLET, value=text)
    return found


def catalogue_choices(p: ParsedRow, known: Known) -> Choices:
    """The programme, the organisation and the hamlet the row names; a name that matches
    none rejects the row."""
    programme = _matched(p.programme, known.programmes, M_UNKNOWN_PROGRAMME)
    organisation = _matched(p.organisation, known.organisations, M_UNKNOWN_ORGANISATION)
    return Choices(programme, organisation, _hamlet(p.hamlet, known))


def require_identity(p: ParsedRow) -> None:
    """A loan is recognised next time by its contract number or its borrower's ID."""
    if not p.contract_no and not p.citizen_id:
        raise reject(M_NO_IDENTITY)


def find_loan(p: ParsedRow, known: Known, programme: str | None) -> str | None:
    """The key of the loan the row names: by contract number, else by citizen ID,
    programme and disbursement date."""
    key = known.loan_by_contract.get(p.contract_no) if p.contract_no else None
    if key is None and p.citizen_id and programme and p.disbursed_on:
        key = known.loan_by_identity.get((p.citizen_id, programme, p.disbursed_on))
    return key


def _require_new_loan_fields(p: ParsedRow, programme: str | None, sheet: Sheet) -> None:
    """A loan TDCS does not know yet needs a name, a programme and a disbursement date:
    say which the list lacks as a column, else which cell is empty."""
    no_column = [f for f in NEW_LOAN_FIELDS if not sheet.has(f)]
    if no_column:
        raise reject(M_NEW_LOAN_NEEDS, fields=", ".join(tr(FIELD_LABELS[f]) for f in no_column))
    given = {
        ImportField.FULL_NAME: bool(p.full_name),
        ImportField.PROGRAMME: programme is not None,
        ImportField.DISBURSED_ON: p.disbursed_on is not None,
    }
    empty = [
        ValidationError(f.value, validation.M_REQUIRED) for f in NEW_LOAN_FIELDS if not given[f]
    ]
    if empty:
        raise rejection(empty)


def completed(
    p: ParsedRow, programme: str | None, existing: LoanState | None, sheet: Sheet
) -> tuple[ParsedRow, str]:
    """The row and its programme, complete: a new loan must give its programme and
    disbursement date; a recorded one keeps its own where the row does not say."""
    if existing is None:
        _require_new_loan_fields(p, programme, sheet)
    else:
        programme = programme or existing.values["programme_code"]
        if p.disbursed_on is None:
            p = replace(p, disbursed_on=existing.values["disbursed_on"])
    assert programme is not None and p.disbursed_on is not None
    return p, programme


def checked(p: ParsedRow, programme: str, today: date) -> ParsedRow:
    """The row checked by the forms' rules for a borrower's and a loan's fields, and for an
    amount too small to be a loan (a list in thousands read as đồng); its citizen ID and
    phone as those rules write them."""
    errors = ErrorCollector()
    person = borrower_fields(
        BorrowerInput(full_name=p.full_name, citizen_id=p.citizen_id or "", phone=p.phone),
        errors,
        name_required=False,
    )
    loan = LoanInput(
        borrower_id=None,
        programme_code=programme,
        amount_disbursed=p.amount,
        disbursed_on=p.disbursed_on,
        contract_no=p.contract_no,
        maturity_on=p.maturity_on,
        purpose=p.purpose,
        rate_bp=p.rate_bp,
    )
    loan_fields(loan, errors, amount_required=False, today=today)
    # a new group is named after either column
    errors.check(
        validation.check, SavingsGroup.name, p.group_name, field="group_name", required=False
    )
    errors.check(
        validation.check, SavingsGroup.name, p.group_code, field="group_code", required=False
    )
    if p.amount is not None and 0 < p.amount < MIN_LOAN:
        errors.add("amount_disbursed", M_SMALL_AMOUNT, amount=format_money(p.amount))
    if errors.errors:
        raise rejection(errors.errors)
    if (person["citizen_id"], person["phone"]) == (p.citizen_id, p.phone):
        return p
    return replace(p, citizen_id=person["citizen_id"], phone=person["phone"])


# -- the borrower ----------------------------------------------------------------------------
def from_citizen_id(p: ParsedRow) -> tuple[ParsedRow, list[str]]:
    """Year of birth and sex from a 12-digit citizen ID; a column that says otherwise gets
    a warning, and the ID's value is kept."""
    if not p.citizen_id:
        return p, []
    century, id_sex = validation.citizen_id_century_sex(p.citizen_id)
    id_year = century + int(p.citizen_id[4:6])
    warnings = []
    if p.birth_year is not None and p.birth_year != id_year:
        warnings.append(tr(M_YEAR_DIFFERS, stated=p.birth_year, cid=p.citizen_id, id_year=id_year))
    if p.sex is not None and p.sex != id_sex:
        stated, id_word = tr(SEX_WORDS[Sex(p.sex)]), tr(SEX_WORDS[id_sex])
        warnings.append(tr(M_SEX_DIFFERS, stated=stated, cid=p.citizen_id, id_sex=id_word))
    if (p.birth_year, p.sex) != (id_year, id_sex):
        p = replace(p, birth_year=id_year, sex=id_sex)
    return p, warnings


def _other_person(p: ParsedRow, loan: LoanState, known: Known) -> RowRejected:
    owner = known.borrowers[loan.borrower_key].values
    return reject(
        M_OTHER_PERSON_LOAN,
        contract=p.contract_no or loan.values["contract_no"],
        name=owner["full_name"],
        cid=owner["citizen_id"] or "—",
    )


def _borrower_by_cid(p: ParsedRow, existing: LoanState | None, known: Known) -> str | None:
    """The borrower the row's citizen ID names, if it is theirs by name, and the loan's."""
    key = known.borrower_by_cid.get(p.citizen_id) if p.citizen_id else None
    if key is None:
        return None
    name = known.borrowers[key].values["full_name"]
    if p.full_name and search_key(name) != search_key(p.full_name):
        raise reject(M_CID_OTHER_NAME, cid=p.citizen_id, name=name, other=p.full_name)
    if existing is not None and existing.borrower_key != key:
        raise _other_person(p, existing, known)
    return key


def _loans_borrower(p: ParsedRow, existing: LoanState, known: Known) -> str:
    """A recorded loan's borrower, unless the row gives another person's citizen ID."""
    recorded = known.borrowers[existing.borrower_key].values["citizen_id"]
    if p.citizen_id and recorded not in (None, "", p.citizen_id):
        raise _other_person(p, existing, known)
    return existing.borrower_key


def _same_person(p: ParsedRow, hamlet_id: str | None, known: Known) -> str | None:
    """On a list without IDs: the one borrower without an ID of that name, year of birth
    and hamlet (none when two are alike)."""
    if p.citizen_id or p.birth_year is None:
        return None
    person = person_of(p.full_name, p.birth_year, hamlet_id)
    matches = [
        key
        for key in known.borrower_by_person.get(person, [])
        if not known.borrowers[key].values.get("citizen_id")
    ]
    return matches[0] if len(matches) == 1 else None


def borrower_for(
    p: ParsedRow, existing: LoanState | None, hamlet_id: str | None, known: Known
) -> BorrowerChoice:
    """The borrower by citizen ID, else the recorded loan's, else the same person on a list
    without IDs, else a new borrower."""
    key = _borrower_by_cid(p, existing, known)
    if key is None and existing is not None:
        key = _loans_borrower(p, existing, known)
    if key is None:
        key = _same_person(p, hamlet_id, known)
    if key is not None:
        return BorrowerChoice(key)
    values = {
        "full_name": p.full_name,
        "citizen_id": p.citizen_id,
        "birth_year": p.birth_year,
        "hamlet_id": hamlet_id,
    }
    return BorrowerChoice(f"new:{p.citizen_id or p.row}", BorrowerState(None, values))


def borrower_changes(p: ParsedRow, hamlet_id: str | None, group_id: str | None) -> dict[str, Any]:
    """What the row says of its borrower (what it leaves empty stays as recorded)."""
    stated = {
        "full_name": p.full_name or None,
        "citizen_id": p.citizen_id or None,
        "birth_year": p.birth_year,
        "sex": p.sex,
        "hamlet_id": hamlet_id,
        "household_category": p.household,
        "phone": p.phone or None,
        "group_id": group_id,
    }
    return {column: value for column, value in stated.items() if value is not None}


# -- the group and the organisation ----------------------------------------------------------
def _new_group(
    p: ParsedRow, text: str, hamlet_id: str | None, organisation: str | None
) -> dict[str, Any]:
    return {
        # a list without group codes: the name stands for the code when it fits, else the
        # code stays blank (a name cut at 32 characters is no code)
        "code": p.group_code[:32] or (p.group_name if len(p.group_name) <= 32 else ""),
        "name": p.group_name or p.group_code,
        "hamlet_id": hamlet_id,
        "organisation_code": organisation_in_name(p.group_name or text) or organisation,
        "status": GroupStatus.ACTIVE,
    }


def group_for(
    p: ParsedRow,
    hamlet_id: str | None,
    organisation: str | None,
    known: Known,
    new_groups: Mapping[str, Mapping[str, Any]],
) -> GroupChoice:
    """The group the row names and its organisation: the one recorded, else the one its
    name states, else (for a group new to TDCS) the row's organisation."""
    for text in (p.group_code, p.group_name):
        found = known.group(text)
        if found is not None:
            group_id, recorded = found
            return GroupChoice(group_id, recorded or organisation_in_name(p.group_name or text))
    text = p.group_code or p.group_name
    if not text:
        return GroupChoice(None, None)
    key = f"new:{heading_key(text)}"
    if key in new_groups:
        return GroupChoice(key, new_groups[key]["organisation_code"])
    values = _new_group(p, text, hamlet_id, organisation)
    return GroupChoice(key, values["organisation_code"], values)


def organisation_warnings(
    p: ParsedRow, stated: str | None, group: str | None, names: Mapping[str, str]
) -> list[str]:
    """A warning when the organisation column and the group's organisation disagree."""
    if not (stated and group and stated != group):
        return []
    return [
        tr(
            M_ORGANISATION_DIFFERS,
            stated=names.get(stated, stated),
            group=p.group_name or p.group_code,
            group_org=names.get(group, group),
        )
    ]


def organisation_for(
    stated: str | None, group: str | None, existing: LoanState | None
) -> str | None:
    """The row's organisation, else its group's, else the one recorded for the loan."""
    recorded = existing.values["organisation_code"] if existing is not None else None
    return stated or group or recorded


# -- the balance -----------------------------------------------------------------------------
def _balance_day(p: ParsedRow) -> date:
    if p.as_of is None:
        raise reject(M_NO_AS_OF)
    assert p.disbursed_on is not None
    if p.disbursed_on > p.as_of:
        raise reject(M_AFTER_AS_OF, day=format_date(p.disbursed_on), as_of=format_date(p.as_of))
    return p.as_of


def _require_balance(p: ParsedRow, sheet: Sheet) -> None:
    """An empty balance is not a zero one: the list does not say what is owed."""
    total_only = sheet.has(ImportField.OUTSTANDING) and not sheet.has(ImportField.CURRENT)
    if not p.balance_stated or (p.outstanding is None and total_only):
        base = next(f for f in BALANCE_BASE_FIELDS if sheet.has(f))  # check_plan saw to it
        raise rejection([ValidationError(base.value, validation.M_REQUIRED)])


def _with_current_part(p: ParsedRow, parts: dict[str, int], sheet: Sheet) -> dict[str, int]:
    """The parts, with the current one as the outstanding total leaves it when the list
    gives the total but not the current part; the parts must add up to the total."""
    if p.outstanding is None:
        return parts
    if sheet.has(ImportField.CURRENT):
        stated = sum(parts[part] for part in OUTSTANDING_PARTS)
        if stated != p.outstanding:
            raise reject(
                M_PARTS_MISMATCH, parts=format_money(stated), total=format_money(p.outstanding)
            )
        return parts
    others = sum(parts[part] for part in OUTSTANDING_PARTS[1:])
    if others > p.outstanding:
        raise reject(M_PARTS_ABOVE, parts=format_money(others), total=format_money(p.outstanding))
    return parts | {"current_amount": p.outstanding - others}


def known_amount(p: ParsedRow, existing: LoanState | None) -> int | None:
    """The disbursed amount, as the row gives it or as recorded (``None``: not known)."""
    if p.amount is not None or existing is None:
        return p.amount
    amount: int | None = existing.values["amount_disbursed"]
    return amount


def balance_for(
    p: ParsedRow, amount: int | None, sheet: Sheet, today: date
) -> dict[str, Any] | None:
    """The snapshot the row states on the list's date, checked as the balance form checks
    one against a loan of ``amount`` (``None`` when the list has no balance columns)."""
    if not sheet.has_balances:
        return None
    as_of = _balance_day(p)
    _require_balance(p, sheet)
    parts = _with_current_part(p, {part: p.balance.get(part, 0) for part in ALL_PARTS}, sheet)
    assert p.disbursed_on is not None
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
            today=today,
        )
    except FormErrors as errors:
        raise rejection(errors.errors) from errors
    except ValidationError as error:
        raise rejection([error]) from error
    values.pop("notes", None)
    return values


# -- the loan --------------------------------------------------------------------------------
def rate_for(
    p: ParsedRow, programme: str, existing: LoanState | None, rates: RateBook
) -> int | None:
    """The row's rate, else the recorded one, else the catalogue's on the disbursement day."""
    if p.rate_bp is not None:
        return p.rate_bp
    recorded: int | None = existing.values["rate_bp"] if existing is not None else None
    if recorded is not None:
        return recorded
    assert p.disbursed_on is not None
    return rates.rate(programme, p.disbursed_on)


def loan_values(
    p: ParsedRow,
    existing: LoanState | None,
    *,
    programme: str,
    organisation: str | None,
    group_id: str | None,
    rate: int | None,
) -> dict[str, Any]:
    """The loan's values as the row gives them; what a list leaves out of a recorded loan
    (an amount, a group, a maturity, a purpose) stays as recorded, never erased."""
    values: dict[str, Any] = {
        "programme_code": programme,
        "organisation_code": organisation,
        "contract_no": p.contract_no or (existing.values["contract_no"] if existing else ""),
        "disbursed_on": p.disbursed_on,
        "rate_bp": rate,
    }
    stated = {
        "amount_disbursed": (p.amount, p.amount is not None),
        "group_id": (group_id, group_id is not None),
        "maturity_on": (p.maturity_on, p.maturity_on is not None),
        "purpose": (p.purpose, bool(p.purpose)),
    }
    values.update({k: value for k, (value, given) in stated.items() if given or existing is None})
    return values
