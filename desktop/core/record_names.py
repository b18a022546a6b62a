"""Each record named as a person recognises it — "II.2.d, Quý III/2026" for a progress
record, the donor and the date for a contribution, the contract and the borrower for a loan —
so that a line of the change history says which record it is about, deleted records too.

Names are read from the records as they stand now (a deleted record keeps its row, marked
deleted), in one query per kind of record, so the history's thousands of lines cost a few
queries. A record that cannot be found (a kind added later, a row not there) is named by the
start of its id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import PeriodKind
from db.models import (
    Borrower,
    CapitalTotal,
    ClosedPeriod,
    Commune,
    CommuneTarget,
    Deposit,
    EntrustedTransfer,
    FundContribution,
    FundOpeningBalance,
    FundSpending,
    GroupAssessment,
    Hamlet,
    ImportRecord,
    LateCorrection,
    Loan,
    LoanBalance,
    LoanCheck,
    Notice,
    OfficeTask,
    Organisation,
    OrganisationGrade,
    ProgrammeRate,
    SavingsGroup,
    TaskDocument,
    TaskProgress,
    YearlyReview,
)
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.labels import label
from desktop.core.periods import Period

M_LOAN = QT_TRANSLATE_NOOP("RecordNames", "contract {contract}, {borrower}")
M_LOAN_NO_CONTRACT = QT_TRANSLATE_NOOP("RecordNames", "loan of {borrower}, {date}")
M_OPENING = QT_TRANSLATE_NOOP("RecordNames", "opening balance of {year}")
M_CAPITAL = QT_TRANSLATE_NOOP("RecordNames", "total capital of {year}")
M_REVIEW = QT_TRANSLATE_NOOP("RecordNames", "assessment of {year}")
M_SYNC_FILE = QT_TRANSLATE_NOOP("RecordNames", "file no. {seq} from {commune}")
M_RATE = QT_TRANSLATE_NOOP("RecordNames", "{programme}, from {date}")
M_TARGET = QT_TRANSLATE_NOOP("RecordNames", "{commune}, {year}: {kind}")
M_LATE = QT_TRANSLATE_NOOP("RecordNames", "{record} (after {period} was closed)")

Key = tuple[str, str]
R = TypeVar("R")

#: The fields that point at another record, and the kind of record they point at.
REFERENCES: dict[str, str] = {
    "hamlet_id": "hamlet",
    "group_id": "savings_group",
    "borrower_id": "borrower",
    "loan_id": "loan",
    "office_task_id": "office_task",
    "progress_id": "task_progress",
}
_CHUNK = 500


def record_names(session: Session, keys: Iterable[Key]) -> dict[Key, str]:
    """``(record type, record id)`` → the record's name, for every key given."""
    by_type: dict[str, set[str]] = {}
    for record_type, record_id in keys:
        by_type.setdefault(record_type, set()).add(record_id)
    names: dict[Key, str] = {}
    for record_type, ids in by_type.items():
        namer = _NAMERS.get(record_type)
        found = namer(session, sorted(ids)) if namer is not None else {}
        for record_id in ids:
            names[(record_type, record_id)] = found.get(record_id) or record_id[:8]
    return names


def record_name(session: Session, record_type: str, record_id: str) -> str:
    """One record's name (see :func:`record_names`)."""
    return record_names(session, [(record_type, record_id)])[(record_type, record_id)]


# -- reading ----------------------------------------------------------------------------------
def _rows(session: Session, model: type[R], ids: Sequence[Any], column: Any = None) -> list[R]:
    """The rows of ``model`` whose ``column`` (the id) is in ``ids``, deleted ones included."""
    column = column if column is not None else model.id  # type: ignore[attr-defined]
    rows: list[R] = []
    for start in range(0, len(ids), _CHUNK):
        rows.extend(session.scalars(select(model).where(column.in_(ids[start : start + _CHUNK]))))
    return rows


def _values(session: Session, column: Any, key: Any, ids: Iterable[Any]) -> dict[Any, Any]:
    """``key`` → ``column`` for the rows whose key is in ``ids``."""
    wanted = sorted({i for i in ids if i is not None})
    found: dict[Any, Any] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update((k, v) for k, v in session.execute(select(key, column).where(key.in_(chunk))))
    return found


def _joined(*parts: str) -> str:
    return ", ".join(part for part in parts if part)


# -- each kind of record ------------------------------------------------------------------
def _progress_text(code: str, sub_title: str | None, period: Period) -> str:
    task = f"{code} › {sub_title}" if sub_title else code
    return f"{task}, {period.label()}"


def _progress(session: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = _rows(session, TaskProgress, ids)
    subs = _values(session, OfficeTask.title, OfficeTask.id, (r.office_task_id for r in rows))
    return {
        r.id: _progress_text(
            r.plan_task_code,
            subs.get(r.office_task_id),
            Period(r.year, r.period_kind, r.period_no),
        )
        for r in rows
    }


def _document(session: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = _rows(session, TaskDocument, ids)
    progress = _progress(session, sorted({r.progress_id for r in rows}))
    names = {}
    for r in rows:
        reference = "/".join(part for part in (r.number, r.symbol) if part)
        what = reference or (r.summary if len(r.summary) <= 40 else r.summary[:39] + "…")
        names[r.id] = f"{what} – {progress[r.progress_id]}" if r.progress_id in progress else what
    return names


def _office_task(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {r.id: f"{r.parent_code} › {r.title}" for r in _rows(session, OfficeTask, ids)}


def _hamlet(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {r.id: r.name for r in _rows(session, Hamlet, ids)}


def _group(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {r.id: r.name for r in _rows(session, SavingsGroup, ids)}


def _assessment(session: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = _rows(session, GroupAssessment, ids)
    groups = _values(session, SavingsGroup.name, SavingsGroup.id, (r.group_id for r in rows))
    return {r.id: _joined(groups.get(r.group_id, ""), str(r.year)) for r in rows}


def _organisation_grade(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """ "Hội Nông dân, 2026": the organisation whose work was graded, and the year."""
    rows = _rows(session, OrganisationGrade, ids)
    names = _values(
        session, Organisation.name, Organisation.code, (r.organisation_code for r in rows)
    )
    return {r.id: _joined(names.get(r.organisation_code, ""), str(r.year)) for r in rows}


def _borrower(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {r.id: r.full_name for r in _rows(session, Borrower, ids)}


def _loan(session: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = _rows(session, Loan, ids)
    people = _values(session, Borrower.full_name, Borrower.id, (r.borrower_id for r in rows))
    names = {}
    for r in rows:
        borrower = people.get(r.borrower_id, "")
        if r.contract_no:
            names[r.id] = tr(M_LOAN, contract=r.contract_no, borrower=borrower).rstrip(", ")
        else:
            names[r.id] = tr(
                M_LOAN_NO_CONTRACT, borrower=borrower, date=format_date(r.disbursed_on)
            )
    return names


def _balance(session: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = _rows(session, LoanBalance, ids)
    loans = _loan(session, sorted({r.loan_id for r in rows}))
    return {r.id: _joined(loans.get(r.loan_id, ""), format_date(r.as_of)) for r in rows}


def _check(session: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = _rows(session, LoanCheck, ids)
    loans = _loan(session, sorted({r.loan_id for r in rows}))
    return {r.id: _joined(loans.get(r.loan_id, ""), format_date(r.checked_on)) for r in rows}


def _contribution(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {
        r.id: _joined(r.donor_name, format_date(r.received_on))
        for r in _rows(session, FundContribution, ids)
    }


def _spending(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {
        r.id: _joined(r.recipient_name, format_date(r.spent_on))
        for r in _rows(session, FundSpending, ids)
    }


def _opening(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {r.id: tr(M_OPENING, year=r.year) for r in _rows(session, FundOpeningBalance, ids)}


def _deposit(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {
        r.id: _joined(r.party_name, format_date(r.transacted_on))
        for r in _rows(session, Deposit, ids)
    }


def _transfer(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {
        r.id: _joined(str(r.year), label(r.source_level), r.decision_no)
        for r in _rows(session, EntrustedTransfer, ids)
    }


def _capital(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {r.id: tr(M_CAPITAL, year=r.year) for r in _rows(session, CapitalTotal, ids)}


def _review(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {r.id: tr(M_REVIEW, year=r.year) for r in _rows(session, YearlyReview, ids)}


def _sync_file(session: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = _rows(session, ImportRecord, ids, ImportRecord.export_id)
    communes = _values(session, Commune.name, Commune.code, (r.commune_code for r in rows))
    names = {}
    for r in rows:
        if r.export_id is not None:
            commune = communes.get(r.commune_code) or r.commune_code or ""
            names[r.export_id] = tr(M_SYNC_FILE, seq=r.seq, commune=commune)
    return names


def _rate(session: Session, ids: Sequence[str]) -> dict[str, str]:
    numbers = [int(i) for i in ids if i.isdigit()]
    return {
        str(r.id): tr(M_RATE, programme=r.programme_code, date=format_date(r.valid_from))
        for r in _rows(session, ProgrammeRate, numbers)
    }


def _target(session: Session, ids: Sequence[str]) -> dict[str, str]:
    rows = _rows(session, CommuneTarget, ids)
    communes = _values(session, Commune.name, Commune.code, (r.target_code for r in rows))
    return {
        r.id: tr(
            M_TARGET,
            commune=communes.get(r.target_code, r.target_code),
            year=r.year,
            kind=label(r.kind),
        )
        for r in rows
    }


def _notice(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {r.id: r.title for r in _rows(session, Notice, ids)}


def _closed_period(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {
        r.id: Period(r.year, PeriodKind(r.period_kind), r.period_no).label()
        for r in _rows(session, ClosedPeriod, ids)
    }


def _late(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """ "Công ty TNHH Phú Lợi, 20/10/2025 (after Year 2025 was closed)"."""
    rows = _rows(session, LateCorrection, ids)
    records = record_names(session, {(r.record_kind, r.record_ref) for r in rows})
    return {
        r.id: tr(
            M_LATE,
            record=records[(r.record_kind, r.record_ref)],
            period=Period(r.year, PeriodKind(r.period_kind), r.period_no).label(),
        )
        for r in rows
    }


_NAMERS: dict[str, Callable[[Session, Sequence[str]], dict[str, str]]] = {
    "hamlet": _hamlet,
    "savings_group": _group,
    "group_assessment": _assessment,
    "organisation_grade": _organisation_grade,
    "borrower": _borrower,
    "loan": _loan,
    "loan_balance": _balance,
    "loan_check": _check,
    "office_task": _office_task,
    "task_progress": _progress,
    "task_document": _document,
    "fund_contribution": _contribution,
    "fund_spending": _spending,
    "fund_opening_balance": _opening,
    "deposit": _deposit,
    "entrusted_transfer": _transfer,
    "capital_total": _capital,
    "yearly_review": _review,
    "sync_file": _sync_file,
    "programme_rate": _rate,
    "commune_target": _target,
    "notice": _notice,
    "closed_period": _closed_period,
    "late_correction": _late,
}
