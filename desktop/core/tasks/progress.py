"""Progress records: what an office did on one task (or one of its sub-tasks) in one period,
with the documents it issued.

Rules:

- one live record per (owner, task or sub-task, period): a second one is refused with a
  message pointing at the first, and so is restoring a deleted record when another one has
  taken its place;
- writing a period's progress makes that period's record: changing a saved record never
  changes its task or period (:func:`update_progress` refuses it). A record written under the
  wrong task or period is corrected by :func:`move_progress`, a separate action the person
  confirms; progress for another period is a new record;
- a new record is proposed for the latest period that has ended and has no record yet for
  the task (:func:`proposed_period`): clerks write up the quarter just ended;
- the percentage applies while a task is in progress (0–99 %); a task not started is 0 %, a
  completed one 100 %, and a task carried out regularly has none;
- a period that has not started yet cannot be reported on;
- the plan's dissemination tasks (II.1.*, :mod:`desktop.core.tasks.dissemination`) record
  what they reached in the period — sessions held and people reached, each optional and a
  whole number — and only they do;
- a record is saved together with its documents (số, ký hiệu, ngày, trích yếu) in one
  transaction; deleting it tombstones its documents too, and undoing the delete brings back
  the documents deleted with it (not those removed earlier).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import PeriodKind, TaskStatus
from db.models import OfficeTask, PlanTask, TaskDocument, TaskProgress
from desktop.core import validation
from desktop.core.errors import ErrorCollector, FormErrors, UserError, ValidationError
from desktop.core.formatting import format_date, format_stored_date, group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg
from desktop.core.labels import label
from desktop.core.office import record_store, require_office
from desktop.core.owners import Scope, owner_clause
from desktop.core.periods import Period
from desktop.core.tasks.catalogue import applicable_task
from desktop.core.tasks.dissemination import (
    MAX_PARTICIPANTS,
    MAX_SESSIONS,
    is_dissemination_task,
)
from desktop.core.text import clean, clean_multiline

M_TASK_REQUIRED = QT_TRANSLATE_NOOP("Tasks", "Choose the task.")
M_TASK_NOT_APPLICABLE = QT_TRANSLATE_NOOP("Tasks", "Task {code} is not one this office reports on.")
M_SUB_TASK_UNKNOWN = QT_TRANSLATE_NOOP(
    "Tasks", "This sub-task no longer exists or belongs to another task."
)
M_PERIOD_REQUIRED = QT_TRANSLATE_NOOP("Tasks", "Choose the period.")
M_PERIOD_BAD = QT_TRANSLATE_NOOP(
    "Tasks", "Choose a quarter from 1 to 4, a half from 1 to 2, or the whole year."
)
M_PERIOD_FUTURE = QT_TRANSLATE_NOOP(
    "Tasks", "{period} has not started yet; progress can only be recorded for periods under way."
)
M_STATUS_REQUIRED = QT_TRANSLATE_NOOP("Tasks", "Choose the status.")
M_PERCENT_IN_PROGRESS = QT_TRANSLATE_NOOP(
    "Tasks",
    "A task in progress is between 0 and 99 % done; if it is finished, choose the status "
    "Completed.",
)
M_PERCENT_COMPLETED = QT_TRANSLATE_NOOP("Tasks", "A completed task is 100 % done.")
M_PERCENT_NOT_STARTED = QT_TRANSLATE_NOOP("Tasks", "A task not started yet is 0 % done.")
M_PERCENT_ONGOING = QT_TRANSLATE_NOOP(
    "Tasks", "A task carried out regularly has no percentage; leave it empty."
)
M_ACHIEVEMENTS_REQUIRED = QT_TRANSLATE_NOOP(
    "Tasks", "Describe what was done (required unless the task has not started)."
)
M_REPORTED_BEFORE_PERIOD = QT_TRANSLATE_NOOP(
    "Tasks", "The report date cannot be before the period starts ({start})."
)
M_NOT_IN_FUTURE = QT_TRANSLATE_NOOP("Tasks", "This date is in the future.")
M_DISSEMINATION_ONLY = QT_TRANSLATE_NOOP(
    "Tasks",
    "Sessions and people reached are recorded for the plan's dissemination tasks (II.1) only.",
)
M_SESSIONS_RANGE = QT_TRANSLATE_NOOP(
    "Tasks", "The number of sessions is a whole number from 0 to {limit}."
)
M_PARTICIPANTS_RANGE = QT_TRANSLATE_NOOP(
    "Tasks", "The number of people reached is a whole number from 0 to {limit}."
)
M_DOCUMENT_EMPTY = QT_TRANSLATE_NOOP(
    "Tasks", "Document {row}: enter its number and symbol, or its summary."
)
M_DOCUMENT_FIELD = QT_TRANSLATE_NOOP("Tasks", "Document {row}: {problem}")
M_PERIOD_KEPT = QT_TRANSLATE_NOOP(
    "Tasks",
    "A saved record keeps its period ({period}). Progress for another period is a new "
    "record; a record saved under the wrong period is corrected with its own action.",
)
M_TASK_KEPT = QT_TRANSLATE_NOOP(
    "Tasks",
    "A saved record keeps its task ({task}). A record saved under the wrong task is "
    "corrected with its own action.",
)
M_DUPLICATE = QT_TRANSLATE_NOOP(
    "Tasks",
    "{task} already has a progress record for {period} (saved {when}). Open that record "
    "to change it.",
)

#: The stored percentage of each status whose percentage is fixed.
FIXED_PERCENT: dict[TaskStatus, int | None] = {
    TaskStatus.CHUA_TRIEN_KHAI: 0,
    TaskStatus.HOAN_THANH: 100,
    TaskStatus.THUONG_XUYEN: None,
}


@dataclass(frozen=True)
class DocumentInput:
    """A document as typed in the form; ``id``/``version`` are set for documents already
    saved."""

    number: str = ""
    symbol: str = ""
    issued_on: date | None = None
    summary: str = ""
    id: str | None = None
    version: int | None = None


@dataclass(frozen=True)
class ProgressInput:
    plan_task_code: str | None
    period_kind: PeriodKind | None
    year: int | None
    period_no: int | None
    status: TaskStatus | None
    percent: int | None = None
    achievements: str = ""
    figures: str = ""
    difficulties: str = ""
    proposals: str = ""
    reported_on: date | None = None
    office_task_id: str | None = None
    documents: tuple[DocumentInput, ...] = ()
    #: Dissemination tasks (II.1.*) only: sessions held and people reached in the period.
    sessions_held: int | None = None
    participants: int | None = None


@dataclass(frozen=True)
class DocumentRow:
    id: str
    progress_id: str
    number: str
    symbol: str
    issued_on: date | None
    summary: str
    version: int

    @property
    def reference(self) -> str:
        """``12/KH-UBND`` as documents are cited."""
        return "/".join(part for part in (self.number, self.symbol) if part)


@dataclass(frozen=True)
class ProgressRow:
    id: str
    owner: str
    plan_task_code: str
    task_title: str
    section: str
    office_task_id: str | None
    office_task_title: str
    period: Period
    status: TaskStatus
    percent: int | None
    achievements: str
    figures: str
    difficulties: str
    proposals: str
    reported_on: date | None
    version: int
    updated_at: datetime
    documents: tuple[DocumentRow, ...] = field(default=())
    sessions_held: int | None = None
    participants: int | None = None

    @property
    def title(self) -> str:
        """The sub-task's title when the record is about one, else the plan task's."""
        return self.office_task_title or self.task_title


# -- validation -------------------------------------------------------------------------------
def _period(data: ProgressInput, errors: ErrorCollector) -> Period | None:
    year = errors.check(validation.check, TaskProgress.year, data.year, field="period")
    if year is None:
        return None
    if data.period_kind is None or data.period_no is None:
        errors.add("period", M_PERIOD_REQUIRED)
        return None
    try:
        return Period(year, PeriodKind(data.period_kind), data.period_no)
    except (UserError, ValueError):
        errors.add("period", M_PERIOD_BAD)
        return None


def _percent(status: TaskStatus, percent: int | None) -> int | None:
    if status is TaskStatus.DANG_TRIEN_KHAI:
        if percent is not None and (
            isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent <= 99
        ):
            raise ValidationError("percent", M_PERCENT_IN_PROGRESS)
        return percent
    fixed = FIXED_PERCENT[status]
    if percent is not None and percent != fixed:
        message = {
            TaskStatus.HOAN_THANH: M_PERCENT_COMPLETED,
            TaskStatus.CHUA_TRIEN_KHAI: M_PERCENT_NOT_STARTED,
            TaskStatus.THUONG_XUYEN: M_PERCENT_ONGOING,
        }[status]
        raise ValidationError("percent", message)
    return fixed


def _documents(
    documents: Sequence[DocumentInput], today: date, errors: ErrorCollector
) -> list[dict[str, object]]:
    cleaned: list[dict[str, object]] = []
    for row, doc in enumerate(documents, start=1):
        try:
            number = validation.check(TaskDocument.number, doc.number, field="documents")
            symbol = validation.check(TaskDocument.symbol, doc.symbol, field="documents")
            summary = validation.check(TaskDocument.summary, doc.summary, field="documents")
            issued = validation.check(TaskDocument.issued_on, doc.issued_on, field="documents")
            if issued is not None and issued > today:
                raise ValidationError("documents", M_NOT_IN_FUTURE)
        except ValidationError as error:
            errors.add("documents", M_DOCUMENT_FIELD, row=row, problem=error.text())
            continue
        if not (number or symbol or summary):
            errors.add("documents", M_DOCUMENT_EMPTY, row=row)
            continue
        cleaned.append(
            {
                "id": doc.id,
                "version": doc.version,
                "number": number,
                "symbol": symbol,
                "issued_on": issued,
                "summary": summary,
            }
        )
    return cleaned


def _count(value: int | None, field: str, limit: int, message: Msg) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise ValidationError(field, message, limit=group_thousands(limit))
    return value


def _dissemination(data: ProgressInput, errors: ErrorCollector) -> tuple[int | None, int | None]:
    """The sessions and people reached, for a dissemination task; none for another."""
    counts: list[int | None] = []
    for name, limit, message in (
        ("sessions_held", MAX_SESSIONS, M_SESSIONS_RANGE),
        ("participants", MAX_PARTICIPANTS, M_PARTICIPANTS_RANGE),
    ):
        count = errors.check(_count, getattr(data, name), name, limit, message)
        counts.append(count)
        code = clean(data.plan_task_code)
        if count is not None and code and not is_dissemination_task(code):
            errors.add(name, M_DISSEMINATION_ONLY)
    return counts[0], counts[1]


def validate_progress(data: ProgressInput, *, today: date | None = None) -> dict[str, object]:
    """Check every field (no database needed) and return the values to store, documents
    under ``"documents"``; raise :class:`FormErrors` naming every field at fault."""
    today = today or date.today()
    errors = ErrorCollector()
    if not clean(data.plan_task_code):
        errors.add("task", M_TASK_REQUIRED)
    period = _period(data, errors)
    if period is not None and period.start > today:
        errors.add("period", M_PERIOD_FUTURE, period=period.label())
    percent: int | None = None
    if data.status is None:
        errors.add("status", M_STATUS_REQUIRED)
    else:
        percent = errors.check(_percent, TaskStatus(data.status), data.percent)
    texts: dict[str, str] = {}
    for name in ("achievements", "figures", "difficulties", "proposals"):
        texts[name] = (
            errors.check(validation.check, getattr(TaskProgress, name), getattr(data, name)) or ""
        )
    if data.status not in (None, TaskStatus.CHUA_TRIEN_KHAI) and not texts["achievements"]:
        errors.add("achievements", M_ACHIEVEMENTS_REQUIRED)
    reported_on = errors.check(validation.check, TaskProgress.reported_on, data.reported_on)
    if reported_on is not None and reported_on > today:
        errors.add("reported_on", M_NOT_IN_FUTURE)
    elif reported_on is not None and period is not None and reported_on < period.start:
        errors.add("reported_on", M_REPORTED_BEFORE_PERIOD, start=format_date(period.start))
    sessions, participants = _dissemination(data, errors)
    documents = _documents(data.documents, today, errors)
    errors.raise_if_any()
    assert period is not None and data.status is not None
    return {
        "plan_task_code": clean(data.plan_task_code),
        "office_task_id": data.office_task_id or None,
        "period_kind": period.kind,
        "year": period.year,
        "period_no": period.number,
        "status": TaskStatus(data.status),
        "percent": percent,
        **texts,
        "reported_on": reported_on,
        "sessions_held": sessions,
        "participants": participants,
        "documents": documents,
    }


# -- saving -----------------------------------------------------------------------------------
def _task_name(session: Session, code: str, office_task_id: str | None) -> str:
    if office_task_id:
        sub = session.get(OfficeTask, office_task_id)
        if sub is not None:
            return f"{code} – {sub.title}"
    return code


def _check_unique(
    session: Session,
    owner: str,
    values: dict[str, object],
    except_id: str | None,
) -> None:
    query = select(TaskProgress).where(
        TaskProgress.commune_code == owner,
        TaskProgress.deleted_at.is_(None),
        TaskProgress.plan_task_code == values["plan_task_code"],
        TaskProgress.period_kind == values["period_kind"],
        TaskProgress.year == values["year"],
        TaskProgress.period_no == values["period_no"],
    )
    sub = values["office_task_id"]
    query = query.where(
        TaskProgress.office_task_id == sub if sub else TaskProgress.office_task_id.is_(None)
    )
    for other in session.scalars(query):
        if other.id != except_id:
            period = Period(other.year, other.period_kind, other.period_no)
            raise UserError(
                M_DUPLICATE,
                task=_task_name(session, other.plan_task_code, other.office_task_id),
                period=period.label(),
                when=format_stored_date(other.updated_at),
            )


def _check_task(session: Session, owner: str, values: dict[str, object]) -> None:
    code = str(values["plan_task_code"])
    if applicable_task(session, code, owner) is None:
        raise FormErrors([ValidationError("task", M_TASK_NOT_APPLICABLE, code=code)])
    sub_id = values["office_task_id"]
    if sub_id:
        sub = session.get(OfficeTask, sub_id)
        if (
            sub is None
            or sub.deleted_at is not None
            or sub.commune_code != owner
            or sub.parent_code != code
        ):
            raise FormErrors([ValidationError("task", M_SUB_TASK_UNKNOWN)])


def create_progress(session: Session, data: ProgressInput, *, today: date | None = None) -> str:
    """Record progress (with its documents); return its id."""
    return _save(session, data, None, None, today, move=False)


def update_progress(
    session: Session,
    record_id: str,
    data: ProgressInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    """Change a progress record and its documents; return its new version. Documents of the
    record missing from ``data.documents`` are deleted.

    A change keeps the record's task and period: ``data`` naming another one is refused
    (:data:`M_PERIOD_KEPT`), so that writing Q4's progress can never turn the Q3 report
    into a Q4 one. :func:`move_progress` is the correction."""
    _save(session, data, record_id, expected_version, today, move=False)
    return record_store(session).get(TaskProgress, record_id).version


def move_progress(
    session: Session,
    record_id: str,
    data: ProgressInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> str:
    """Correct a record saved under the wrong task or period: save ``data`` (which names
    the right ones) into the same record, its documents with it. The interface calls this
    only after the person confirmed the move; a period or task that already has a record
    is refused, as for a new record."""
    return _save(session, data, record_id, expected_version, today, move=True)


def _save(
    session: Session,
    data: ProgressInput,
    record_id: str | None,
    expected_version: int | None,
    today: date | None,
    *,
    move: bool,
) -> str:
    """Create (``record_id`` None) or update (``expected_version`` given) a record."""
    owner = require_office(session).unit_code
    values = validate_progress(data, today=today)
    documents: list[dict[str, object]] = values.pop("documents")  # type: ignore[assignment]
    store = record_store(session)
    if record_id is not None and not move:
        _check_identity_kept(session, store.get(TaskProgress, record_id), values)
    _check_task(session, owner, values)
    _check_unique(session, owner, values, record_id)
    if record_id is None:
        record_id = store.create(TaskProgress, values)
    else:
        assert expected_version is not None
        store.update(TaskProgress, record_id, values, expected_version=expected_version)
    _save_documents(session, record_id, documents)
    return record_id


def _check_identity_kept(session: Session, record: TaskProgress, values: dict[str, object]) -> None:
    if (record.plan_task_code, record.office_task_id) != (
        values["plan_task_code"],
        values["office_task_id"],
    ):
        task = _task_name(session, record.plan_task_code, record.office_task_id)
        raise FormErrors([ValidationError("task", M_TASK_KEPT, task=task)])
    period = Period(record.year, record.period_kind, record.period_no)
    if (period.kind, period.year, period.number) != (
        values["period_kind"],
        values["year"],
        values["period_no"],
    ):
        raise FormErrors([ValidationError("period", M_PERIOD_KEPT, period=period.label())])


def _save_documents(session: Session, progress_id: str, documents: list[dict[str, object]]) -> None:
    store = record_store(session)
    existing: dict[str, int] = {}
    for stored_id, stored_version in session.execute(
        select(TaskDocument.id, TaskDocument.version).where(
            TaskDocument.progress_id == progress_id, TaskDocument.deleted_at.is_(None)
        )
    ):
        existing[stored_id] = stored_version
    kept: set[str] = set()
    for doc in documents:
        doc_id, version = doc.pop("id"), doc.pop("version")
        if doc_id and doc_id in existing:
            kept.add(str(doc_id))
            if version is None:
                raise ValueError(f"document {doc_id} is changed without the version it had")
            store.update(TaskDocument, str(doc_id), doc, expected_version=int(str(version)))
        else:
            store.create(TaskDocument, {**doc, "progress_id": progress_id})
    for gone in sorted(existing.keys() - kept):
        store.delete(TaskDocument, gone, expected_version=existing[gone])


def delete_progress(session: Session, record_id: str, *, expected_version: int) -> int:
    """Tombstone the record and its documents; return the version the delete left."""
    store = record_store(session)
    version = store.delete(TaskProgress, record_id, expected_version=expected_version)
    for doc_id, doc_version in list(
        session.execute(
            select(TaskDocument.id, TaskDocument.version).where(
                TaskDocument.progress_id == record_id, TaskDocument.deleted_at.is_(None)
            )
        )
    ):
        store.delete(TaskDocument, doc_id, expected_version=doc_version)
    return version


def restore_progress(session: Session, record_id: str, *, expected_version: int) -> int:
    """Undo :func:`delete_progress`: the record and the documents deleted with it, unless
    another record for the same task and period exists by now.

    "Deleted with it" is told by the change numbers, not the clock: the delete gave the
    record change number N and its documents N + 1, N + 2 …, while a document removed
    earlier has a smaller number (times only have whole seconds).
    """
    store = record_store(session)
    record = store.get(TaskProgress, record_id, allow_deleted=True)
    if record.deleted_at is None:
        return record.version
    deleted_seq = record.change_seq
    _check_unique(
        session,
        record.commune_code,
        {
            "plan_task_code": record.plan_task_code,
            "office_task_id": record.office_task_id,
            "period_kind": record.period_kind,
            "year": record.year,
            "period_no": record.period_no,
        },
        record_id,
    )
    version = store.restore(TaskProgress, record_id, expected_version=expected_version)
    for doc_id, doc_version in list(
        session.execute(
            select(TaskDocument.id, TaskDocument.version).where(
                TaskDocument.progress_id == record_id,
                TaskDocument.deleted_at.is_not(None),
                TaskDocument.change_seq > deleted_seq,
            )
        )
    ):
        store.restore(TaskDocument, doc_id, expected_version=doc_version)
    return version


# -- reading ----------------------------------------------------------------------------------
def _documents_of(session: Session, progress_ids: Sequence[str]) -> dict[str, list[DocumentRow]]:
    found: dict[str, list[DocumentRow]] = {}
    ids = list(progress_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for doc in session.scalars(
            select(TaskDocument).where(
                TaskDocument.progress_id.in_(chunk), TaskDocument.deleted_at.is_(None)
            )
        ):
            found.setdefault(doc.progress_id, []).append(
                DocumentRow(
                    doc.id,
                    doc.progress_id,
                    doc.number,
                    doc.symbol,
                    doc.issued_on,
                    doc.summary,
                    doc.version,
                )
            )
    for docs in found.values():
        docs.sort(key=lambda d: (d.issued_on or date.min, d.number))
    return found


def get_progress(session: Session, record_id: str) -> ProgressRow | None:
    """One live progress record with its documents."""
    record = session.get(TaskProgress, record_id)
    if record is None or record.deleted_at is not None:
        return None
    rows = list_progress(session, Scope.unit(record.commune_code), record_id=record_id)
    return rows[0] if rows else None


def list_progress(
    session: Session,
    owner: Scope,
    *,
    with_documents: bool = True,
    record_id: str | None = None,
) -> list[ProgressRow]:
    """Live progress records of ``owner``, newest period first, then in the plan's order."""
    query = (
        select(TaskProgress, PlanTask.short_title, PlanTask.section, PlanTask.sort_order)
        .join(PlanTask, PlanTask.code == TaskProgress.plan_task_code)
        .where(owner_clause(TaskProgress.commune_code, owner), TaskProgress.deleted_at.is_(None))
    )
    if record_id is not None:
        query = query.where(TaskProgress.id == record_id)
    rows = session.execute(query).all()
    sub_titles = dict(
        session.execute(
            select(OfficeTask.id, OfficeTask.title).where(
                owner_clause(OfficeTask.commune_code, owner)
            )
        ).all()
    )
    documents = _documents_of(session, [r[0].id for r in rows]) if with_documents else {}
    result = []
    for record, title, section, order in rows:
        period = Period(record.year, record.period_kind, record.period_no)
        result.append(
            (
                (-period.end.toordinal(), -period.months, order, record.office_task_id or ""),
                ProgressRow(
                    id=record.id,
                    owner=record.commune_code,
                    plan_task_code=record.plan_task_code,
                    task_title=title,
                    section=section,
                    office_task_id=record.office_task_id,
                    office_task_title=sub_titles.get(record.office_task_id or "", ""),
                    period=period,
                    status=record.status,
                    percent=record.percent,
                    achievements=record.achievements,
                    figures=record.figures,
                    difficulties=record.difficulties,
                    proposals=record.proposals,
                    reported_on=record.reported_on,
                    version=record.version,
                    updated_at=record.updated_at,
                    documents=tuple(documents.get(record.id, ())),
                    sessions_held=record.sessions_held,
                    participants=record.participants,
                ),
            )
        )
    result.sort(key=lambda pair: pair[0])
    return [row for _key, row in result]


# -- which period -----------------------------------------------------------------------------
TaskKey = tuple[str, str | None]

#: How far back a new record's period is proposed: this year and the one before.
PROPOSAL_YEARS = 2


@dataclass(frozen=True)
class RecordedPeriod:
    """A task's live record for one period: enough to point at it and open it."""

    id: str
    period: Period
    version: int
    updated_at: datetime


def recorded_periods(session: Session, owner: str) -> dict[TaskKey, dict[Period, RecordedPeriod]]:
    """For each task and sub-task of ``owner`` (``(code, sub-task id or None)``), its live
    records by period."""
    found: dict[TaskKey, dict[Period, RecordedPeriod]] = {}
    query = select(
        TaskProgress.id,
        TaskProgress.plan_task_code,
        TaskProgress.office_task_id,
        TaskProgress.year,
        TaskProgress.period_kind,
        TaskProgress.period_no,
        TaskProgress.version,
        TaskProgress.updated_at,
    ).where(TaskProgress.commune_code == owner, TaskProgress.deleted_at.is_(None))
    for rid, code, sub, year, kind, number, version, updated in session.execute(query):
        period = Period(year, kind, number)
        found.setdefault((code, sub), {})[period] = RecordedPeriod(rid, period, version, updated)
    return found


def previous_period(period: Period) -> Period:
    """The period of the same kind just before ``period``."""
    if period.number > 1:
        return Period(period.year, period.kind, period.number - 1)
    last = {PeriodKind.QUARTER: 4, PeriodKind.HALF: 2, PeriodKind.YEAR: 1}[period.kind]
    return Period(period.year - 1, period.kind, last)


def proposed_period(recorded: Collection[Period], kind: PeriodKind, today: date) -> Period:
    """The period a new record of ``kind`` starts at: the latest one that has ended by
    ``today`` and is not in ``recorded`` (the task's records), looking back through this
    year and the one before; when each of those has a record, the period under way.

    On 06/12/2026 a task with no quarterly record gets quarter III/2026; one that has it
    gets quarter II, unless that has one too, and so on."""
    current = Period.containing(today, kind)
    candidate = previous_period(current)
    while candidate.year > today.year - PROPOSAL_YEARS:
        if candidate not in recorded:
            return candidate
        candidate = previous_period(candidate)
    return current


def row_input(row: ProgressRow) -> ProgressInput:
    """A saved record as the form's input, its documents with their ids."""
    return ProgressInput(
        plan_task_code=row.plan_task_code,
        office_task_id=row.office_task_id,
        period_kind=row.period.kind,
        year=row.period.year,
        period_no=row.period.number,
        status=row.status,
        percent=row.percent,
        achievements=row.achievements,
        figures=row.figures,
        difficulties=row.difficulties,
        proposals=row.proposals,
        reported_on=row.reported_on,
        documents=tuple(
            DocumentInput(d.number, d.symbol, d.issued_on, d.summary, d.id, d.version)
            for d in row.documents
        ),
        sessions_held=row.sessions_held,
        participants=row.participants,
    )


def _joined(saved: str, typed: str, initial: str) -> str:
    if clean_multiline(typed) == clean_multiline(initial) or not typed.strip():
        return saved
    if not saved.strip():
        return typed
    if clean_multiline(typed) in clean_multiline(saved):
        return saved
    return f"{saved.rstrip()}\n{typed.strip()}"


def merge_into(
    existing: ProgressRow, typed: ProgressInput, initial: ProgressInput
) -> ProgressInput:
    """What a new record's form becomes when its task and period already have a record:
    that record, with what the person changed in the form (``typed`` against the form's
    ``initial`` values) brought in. A status or percentage, a report date, or the sessions
    and people reached they changed win; texts they wrote are added after the saved text;
    documents they typed are added to the saved ones. Nothing typed is lost and no second
    record is made."""
    saved = row_input(existing)
    status_changed = (typed.status, typed.percent) != (initial.status, initial.percent)
    documents = list(saved.documents)
    known = {(d.number, d.symbol, d.issued_on, d.summary) for d in documents}
    for doc in typed.documents:
        if doc.id is None and (doc.number, doc.symbol, doc.issued_on, doc.summary) not in known:
            documents.append(doc)
    return replace(
        saved,
        status=typed.status if status_changed else saved.status,
        percent=typed.percent if status_changed else saved.percent,
        achievements=_joined(saved.achievements, typed.achievements, initial.achievements),
        figures=_joined(saved.figures, typed.figures, initial.figures),
        difficulties=_joined(saved.difficulties, typed.difficulties, initial.difficulties),
        proposals=_joined(saved.proposals, typed.proposals, initial.proposals),
        reported_on=(
            typed.reported_on if typed.reported_on != initial.reported_on else saved.reported_on
        ),
        sessions_held=(
            typed.sessions_held
            if typed.sessions_held != initial.sessions_held
            else saved.sessions_held
        ),
        participants=(
            typed.participants if typed.participants != initial.participants else saved.participants
        ),
        documents=tuple(documents),
    )


def describe_progress(row: ProgressRow) -> str:
    """``II.2.a – Quý III/2026`` for confirmations."""
    return f"{row.plan_task_code} – {row.title} – {row.period.label()}"


def status_text(row: ProgressRow) -> str:
    """The status with its percentage when it has one (``Đang triển khai (60 %)``)."""
    if row.status is TaskStatus.DANG_TRIEN_KHAI and row.percent is not None:
        return f"{label(row.status)} ({row.percent} %)"
    return label(row.status)
