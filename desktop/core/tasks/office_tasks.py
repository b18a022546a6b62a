"""Sub-tasks an office adds under one of the plan's tasks (e.g. "Ra mắt Tổ TK&VV ấp Thới
Hòa" under II.5.a), so it can report on them like the plan's own.

Deleting a sub-task deletes its progress records (and their documents) with it, and undo
brings them back: a sub-task without its records, or records without their sub-task, would
be meaningless in the city's copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import OfficeTask, PlanTask, TaskProgress
from desktop.core import validation
from desktop.core.errors import ErrorCollector, FormErrors, UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store, require_office
from desktop.core.owners import Scope, owner_clause
from desktop.core.tasks.catalogue import applicable_task
from desktop.core.tasks.progress import delete_progress, restore_progress
from desktop.core.text import clean, sort_key

M_PARENT_REQUIRED = QT_TRANSLATE_NOOP("Tasks", "Choose the plan task it belongs to.")
M_PARENT_NOT_APPLICABLE = QT_TRANSLATE_NOOP(
    "Tasks", "Task {code} is not one this office reports on."
)
M_DUPLICATE_TITLE = QT_TRANSLATE_NOOP(
    "Tasks", "Task {code} already has a sub-task called “{title}”."
)


@dataclass(frozen=True)
class OfficeTaskInput:
    parent_code: str | None
    title: str
    notes: str = ""
    sort_order: int = 0


@dataclass(frozen=True)
class OfficeTaskRow:
    id: str
    parent_code: str
    parent_title: str
    title: str
    notes: str
    sort_order: int
    version: int
    #: Live progress records about this sub-task.
    progress_count: int


def validate_office_task(data: OfficeTaskInput) -> dict[str, object]:
    errors = ErrorCollector()
    if not clean(data.parent_code):
        errors.add("parent", M_PARENT_REQUIRED)
    title = errors.check(validation.check, OfficeTask.title, data.title)
    notes = errors.check(validation.check, OfficeTask.notes, data.notes)
    errors.raise_if_any()
    return {
        "parent_code": clean(data.parent_code),
        "title": title,
        "notes": notes,
        "sort_order": data.sort_order,
    }


def _office_task_values(
    session: Session, data: OfficeTaskInput, record_id: str | None
) -> dict[str, object]:
    owner = require_office(session).unit_code
    values = validate_office_task(data)
    code = str(values["parent_code"])
    if applicable_task(session, code, owner) is None:
        raise FormErrors([ValidationError("parent", M_PARENT_NOT_APPLICABLE, code=code)])
    for other_id, other_title in session.execute(
        select(OfficeTask.id, OfficeTask.title).where(
            OfficeTask.commune_code == owner,
            OfficeTask.parent_code == code,
            OfficeTask.deleted_at.is_(None),
        )
    ):
        if (
            other_id != record_id
            and clean(other_title).casefold() == str(values["title"]).casefold()
        ):
            raise FormErrors(
                [ValidationError("title", M_DUPLICATE_TITLE, code=code, title=values["title"])]
            )
    return values


def create_office_task(session: Session, data: OfficeTaskInput) -> str:
    values = _office_task_values(session, data, None)
    return record_store(session).create(OfficeTask, values)


def update_office_task(
    session: Session, record_id: str, data: OfficeTaskInput, *, expected_version: int
) -> int:
    """Change a sub-task; one moved under another plan task takes its progress along."""
    values = _office_task_values(session, data, record_id)
    code = str(values["parent_code"])
    store = record_store(session)
    moved = session.get(OfficeTask, record_id)
    if moved is not None and moved.parent_code != code:
        _move_progress(session, record_id, code)
    return store.update(OfficeTask, record_id, values, expected_version=expected_version)


def _move_progress(session: Session, record_id: str, code: str) -> None:
    """A sub-task moved under another plan task takes its progress records along."""
    store = record_store(session)
    for progress_id, version in list(
        session.execute(
            select(TaskProgress.id, TaskProgress.version).where(
                TaskProgress.office_task_id == record_id, TaskProgress.deleted_at.is_(None)
            )
        )
    ):
        store.update(TaskProgress, progress_id, {"plan_task_code": code}, expected_version=version)


def delete_office_task(session: Session, record_id: str, *, expected_version: int) -> int:
    """Tombstone the sub-task and its progress records (with their documents); return the
    version the delete left."""
    store = record_store(session)
    left = store.delete(OfficeTask, record_id, expected_version=expected_version)
    for progress_id, version in list(
        session.execute(
            select(TaskProgress.id, TaskProgress.version).where(
                TaskProgress.office_task_id == record_id, TaskProgress.deleted_at.is_(None)
            )
        )
    ):
        delete_progress(session, progress_id, expected_version=version)
    return left


def restore_office_task(session: Session, record_id: str, *, expected_version: int) -> int:
    """Undo :func:`delete_office_task`: the sub-task and the records deleted with it (told
    by their change numbers, as in :func:`restore_progress`)."""
    store = record_store(session)
    record = store.get(OfficeTask, record_id, allow_deleted=True)
    if record.deleted_at is None:
        return record.version
    deleted_seq = record.change_seq
    duplicate = session.scalar(
        select(OfficeTask.id).where(
            OfficeTask.commune_code == record.commune_code,
            OfficeTask.parent_code == record.parent_code,
            OfficeTask.deleted_at.is_(None),
            OfficeTask.id != record_id,
            func.lower(OfficeTask.title) == record.title.lower(),
        )
    )
    if duplicate is not None:
        raise UserError(M_DUPLICATE_TITLE, code=record.parent_code, title=record.title)
    version = store.restore(OfficeTask, record_id, expected_version=expected_version)
    for progress_id, progress_version in list(
        session.execute(
            select(TaskProgress.id, TaskProgress.version).where(
                TaskProgress.office_task_id == record_id,
                TaskProgress.deleted_at.is_not(None),
                TaskProgress.change_seq > deleted_seq,
            )
        )
    ):
        restore_progress(session, progress_id, expected_version=progress_version)
    return version


def list_office_tasks(session: Session, owner: Scope) -> list[OfficeTaskRow]:
    """Live sub-tasks of ``owner`` in the plan's order, then by their own order and title."""
    counts: dict[str | None, int] = dict(
        session.execute(
            select(TaskProgress.office_task_id, func.count())
            .where(
                owner_clause(TaskProgress.commune_code, owner),
                TaskProgress.deleted_at.is_(None),
                TaskProgress.office_task_id.is_not(None),
            )
            .group_by(TaskProgress.office_task_id)
        ).all()
    )
    rows = list(
        session.execute(
            select(OfficeTask, PlanTask.short_title, PlanTask.sort_order)
            .join(PlanTask, PlanTask.code == OfficeTask.parent_code)
            .where(owner_clause(OfficeTask.commune_code, owner), OfficeTask.deleted_at.is_(None))
        ).all()
    )
    rows.sort(key=lambda r: (r[2], r[0].sort_order, sort_key(r[0].title)))
    return [
        OfficeTaskRow(
            id=task.id,
            parent_code=task.parent_code,
            parent_title=parent_title,
            title=task.title,
            notes=task.notes,
            sort_order=task.sort_order,
            version=task.version,
            progress_count=int(counts.get(task.id, 0)),
        )
        for task, parent_title, _order in rows
    ]
