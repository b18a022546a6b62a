"""Recording local budget capital entrusted to VBSP (vốn ngân sách địa phương ủy thác) and
the branch's total capital (tổng nguồn vốn) by year.

Rules beyond the field checks: money reaches the bank after the decision that grants it
(the transfer date cannot precede the decision date); the decision and the transfer belong
to the year they are recorded for or the one before (a decision late in the previous year
may fund this year); one total-capital figure per year, dated in that year or early the
next, and the entrusted balance in it cannot exceed the total; nor can the parts by source
the bank gives (central capital, the entrusted balance, mobilised capital) together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import SourceLevel
from db.models import CapitalTotal, CreditProgramme, EntrustedTransfer
from desktop.core import validation
from desktop.core.errors import ErrorCollector, FormErrors, ValidationError
from desktop.core.formatting import format_date, group_thousands
from desktop.core.funds.common import choice, past_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store, require_office
from desktop.core.owners import Scope, owner_clause
from desktop.core.removal import deleter, restorer

M_TRANSFER_BEFORE_DECISION = QT_TRANSLATE_NOOP(
    "Funds", "The money cannot be transferred before the decision ({day})."
)
M_DATE_YEAR = QT_TRANSLATE_NOOP("Funds", "This date should be in {year} or {previous}.")
M_AS_OF_YEAR = QT_TRANSLATE_NOOP(
    "Funds", "The figures of {year} are dated in {year} or in the first half of {next}."
)
M_BALANCE_ABOVE_TOTAL = QT_TRANSLATE_NOOP(
    "Funds", "The entrusted balance cannot be larger than the total capital."
)
M_SOURCES_ABOVE_TOTAL = QT_TRANSLATE_NOOP(
    "Funds",
    "Central, entrusted and mobilised capital together ({parts} đ) cannot be larger than the "
    "total capital.",
)
M_PROGRAMME_UNKNOWN = QT_TRANSLATE_NOOP("Funds", "Unknown credit programme {code}.")
M_CAPITAL_EXISTS = QT_TRANSLATE_NOOP(
    "Funds", "The total capital of {year} is already recorded; change that one instead."
)


# -- entrusted transfers ----------------------------------------------------------------------
@dataclass(frozen=True)
class TransferInput:
    year: int | None
    source_level: SourceLevel | None
    amount: int | None
    decision_no: str = ""
    decision_date: date | None = None
    transferred_on: date | None = None
    programme_code: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class TransferRow:
    id: str
    year: int
    source_level: SourceLevel
    amount: int
    decision_no: str
    decision_date: date | None
    transferred_on: date | None
    programme_code: str | None
    programme_name: str
    notes: str
    version: int


def _in_year(day: date | None, year: int | None, field: str) -> None:
    if day is not None and year is not None and day.year not in (year, year - 1):
        raise ValidationError(field, M_DATE_YEAR, year=year, previous=year - 1)


def validate_transfer(data: TransferInput, *, today: date | None = None) -> dict[str, object]:
    today = today or date.today()
    checks = ErrorCollector()
    year = checks.check(validation.check, EntrustedTransfer.year, data.year)
    level = checks.check(choice, data.source_level, "source_level", SourceLevel)
    amount = checks.check(validation.check, EntrustedTransfer.amount, data.amount)
    decision_no = checks.check(validation.check, EntrustedTransfer.decision_no, data.decision_no)
    decided = checks.check(
        past_date, data.decision_date, "decision_date", today=today, required=False
    )
    moved = checks.check(
        past_date, data.transferred_on, "transferred_on", today=today, required=False
    )
    checks.check(_in_year, decided, year, "decision_date")
    checks.check(_in_year, moved, year, "transferred_on")
    if decided and moved and moved < decided and not checks.has("transferred_on"):
        checks.add("transferred_on", M_TRANSFER_BEFORE_DECISION, day=format_date(decided))
    note = checks.check(validation.check, EntrustedTransfer.notes, data.notes)
    checks.raise_if_any()
    return {
        "year": year,
        "source_level": level,
        "amount": amount,
        "decision_no": decision_no,
        "decision_date": decided,
        "transferred_on": moved,
        "programme_code": data.programme_code or None,
        "notes": note,
    }


def _transfer_values(
    session: Session, data: TransferInput, today: date | None
) -> dict[str, object]:
    values = validate_transfer(data, today=today)
    code = values["programme_code"]
    if code and session.get(CreditProgramme, code) is None:
        raise FormErrors([ValidationError("programme", M_PROGRAMME_UNKNOWN, code=code)])
    return values


def create_transfer(session: Session, data: TransferInput, *, today: date | None = None) -> str:
    values = _transfer_values(session, data, today)
    return record_store(session).create(EntrustedTransfer, values)


def update_transfer(
    session: Session,
    record_id: str,
    data: TransferInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    values = _transfer_values(session, data, today)
    return record_store(session).update(
        EntrustedTransfer, record_id, values, expected_version=expected_version
    )


delete_transfer = deleter(EntrustedTransfer)
restore_transfer = restorer(EntrustedTransfer)


def list_transfers(session: Session, owner: Scope) -> list[TransferRow]:
    programmes = dict(session.execute(select(CreditProgramme.code, CreditProgramme.name)).all())
    query = (
        select(EntrustedTransfer)
        .where(
            owner_clause(EntrustedTransfer.commune_code, owner),
            EntrustedTransfer.deleted_at.is_(None),
        )
        .order_by(EntrustedTransfer.year.desc(), EntrustedTransfer.decision_date.desc())
    )
    return [
        TransferRow(
            t.id,
            t.year,
            t.source_level,
            t.amount,
            t.decision_no,
            t.decision_date,
            t.transferred_on,
            t.programme_code,
            programmes.get(t.programme_code or "", ""),
            t.notes,
            t.version,
        )
        for t in session.scalars(query)
    ]


def programme_choices(session: Session) -> list[tuple[str, str]]:
    """Active credit programmes as ``(code, name)`` for a choice list."""
    rows = session.execute(
        select(CreditProgramme.code, CreditProgramme.name)
        .where(CreditProgramme.active.is_(True))
        .order_by(CreditProgramme.sort_order)
    )
    return [(code, name) for code, name in rows]


# -- total capital ----------------------------------------------------------------------------
@dataclass(frozen=True)
class CapitalInput:
    year: int | None
    total_capital: int | None
    entrusted_balance: int | None = None
    as_of: date | None = None
    source_note: str = ""
    notes: str = ""
    #: The total's other parts by source, as the bank gives them (optional).
    central_amount: int | None = None
    mobilised_amount: int | None = None


@dataclass(frozen=True)
class CapitalRow:
    id: str
    year: int
    total_capital: int
    entrusted_balance: int | None
    as_of: date | None
    source_note: str
    notes: str
    version: int
    central_amount: int | None = None
    mobilised_amount: int | None = None


def validate_capital(data: CapitalInput, *, today: date | None = None) -> dict[str, object]:
    today = today or date.today()
    checks = ErrorCollector()
    year = checks.check(validation.check, CapitalTotal.year, data.year)
    total = checks.check(validation.check, CapitalTotal.total_capital, data.total_capital)
    balance = checks.check(validation.check, CapitalTotal.entrusted_balance, data.entrusted_balance)
    central = checks.check(validation.check, CapitalTotal.central_amount, data.central_amount)
    mobilised = checks.check(validation.check, CapitalTotal.mobilised_amount, data.mobilised_amount)
    if balance is not None and total is not None and balance > total:
        checks.add("entrusted_balance", M_BALANCE_ABOVE_TOTAL)
    parts = [v for v in (central, balance, mobilised) if v is not None]
    if (
        total is not None
        and len(parts) > 1
        and sum(parts) > total
        and not checks.has("entrusted_balance")
    ):
        field = "mobilised_amount" if mobilised is not None else "central_amount"
        checks.add(field, M_SOURCES_ABOVE_TOTAL, parts=group_thousands(sum(parts)))
    as_of = checks.check(past_date, data.as_of, "as_of", today=today, required=False)
    if (
        as_of is not None
        and year is not None
        and not (as_of.year == year or (as_of.year == year + 1 and as_of.month <= 6))
    ):
        checks.add("as_of", M_AS_OF_YEAR, year=year, next=year + 1)
    source = checks.check(validation.check, CapitalTotal.source_note, data.source_note)
    note = checks.check(validation.check, CapitalTotal.notes, data.notes)
    checks.raise_if_any()
    return {
        "year": year,
        "total_capital": total,
        "entrusted_balance": balance,
        "as_of": as_of,
        "source_note": source,
        "notes": note,
        "central_amount": central,
        "mobilised_amount": mobilised,
    }


def _check_one_capital(session: Session, owner: str, year: int, record_id: str | None) -> None:
    other = session.scalar(
        select(CapitalTotal.id).where(
            CapitalTotal.commune_code == owner,
            CapitalTotal.deleted_at.is_(None),
            CapitalTotal.year == year,
            CapitalTotal.id != (record_id or ""),
        )
    )
    if other is not None:
        raise FormErrors([ValidationError("year", M_CAPITAL_EXISTS, year=year)])


def _capital_values(
    session: Session, data: CapitalInput, record_id: str | None, today: date | None
) -> dict[str, object]:
    owner = require_office(session).unit_code
    values = validate_capital(data, today=today)
    _check_one_capital(session, owner, int(str(values["year"])), record_id)
    return values


def create_capital(session: Session, data: CapitalInput, *, today: date | None = None) -> str:
    values = _capital_values(session, data, None, today)
    return record_store(session).create(CapitalTotal, values)


def update_capital(
    session: Session,
    record_id: str,
    data: CapitalInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    values = _capital_values(session, data, record_id, today)
    return record_store(session).update(
        CapitalTotal, record_id, values, expected_version=expected_version
    )


delete_capital = deleter(CapitalTotal)


def restore_capital(session: Session, record_id: str, *, expected_version: int) -> int:
    """Undo a delete, unless another figure for that year was recorded since."""
    store = record_store(session)
    record = store.get(CapitalTotal, record_id, allow_deleted=True)
    _check_one_capital(session, record.commune_code, record.year, record_id)
    return store.restore(CapitalTotal, record_id, expected_version=expected_version)


def list_capital(session: Session, owner: Scope) -> list[CapitalRow]:
    query = (
        select(CapitalTotal)
        .where(owner_clause(CapitalTotal.commune_code, owner), CapitalTotal.deleted_at.is_(None))
        .order_by(CapitalTotal.year.desc())
    )
    return [
        CapitalRow(
            c.id,
            c.year,
            c.total_capital,
            c.entrusted_balance,
            c.as_of,
            c.source_note,
            c.notes,
            c.version,
            c.central_amount,
            c.mobilised_amount,
        )
        for c in session.scalars(query)
    ]
