"""Notices from the city to the communes ("Nộp báo cáo năm trước ngày 15/10"): a title, a
text and, when something must be done, the day by which to do it.

The city writes them (a city-issued record: versions, history, undo), to every commune or
to one, and its bulletins carry them down. At a commune a notice stays in the list of open
notices until someone marks it as read (:func:`acknowledge_notice`: who and when, kept at the
commune); a notice the city changes afterwards is open again. Tổng quan reminds of an open
notice from :data:`REMINDER_DAYS` days before its day on, and once the day has passed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.base import CITY_CODE, utc_now
from db.enums import AuditAction
from db.models import AuditEntry, Commune, Notice
from desktop.core import validation
from desktop.core.errors import FormErrors, UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store, require_office
from desktop.core.removal import deleter, only_at_city, restorer
from desktop.core.settings import actor_name

#: How many days before its day an open notice is recalled on Tổng quan.
REMINDER_DAYS = 30
TITLE_LIMIT = 200

M_ONLY_CITY = QT_TRANSLATE_NOOP("Notices", "Only the city office writes notices to communes.")
_city_only = only_at_city(M_ONLY_CITY)
M_NOT_A_COMMUNE = QT_TRANSLATE_NOOP(
    "Notices", "Choose one of the 103 communes and wards, or every commune."
)
M_PAST = QT_TRANSLATE_NOOP("Notices", "The day to act by has passed.")
M_NO_NOTICE = QT_TRANSLATE_NOOP("Notices", "This notice is no longer in the list.")


@dataclass(frozen=True)
class NoticeInput:
    addressee: str | None
    title: str
    text: str = ""
    act_by: date | None = None


@dataclass(frozen=True, slots=True)
class NoticeRow:
    id: str
    #: ``None``: every commune.
    addressee: str | None
    addressee_name: str
    title: str
    text: str
    act_by: date | None
    written_at: datetime
    version: int
    acknowledged_at: datetime | None
    acknowledged_by: str

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None


def list_notices(session: Session, *, open_only: bool = False) -> list[NoticeRow]:
    """At the city every notice it wrote; at a commune those it received. The nearest day to
    act by first, notices without one after them, each group newest first."""
    query = select(Notice).where(Notice.commune_code == CITY_CODE, Notice.deleted_at.is_(None))
    if open_only:
        query = query.where(Notice.acknowledged_at.is_(None))
    names = dict(session.execute(select(Commune.code, Commune.name)).all())
    rows = [
        NoticeRow(
            n.id,
            n.addressee,
            names.get(n.addressee, n.addressee) if n.addressee else "",
            n.title,
            n.text,
            n.act_by,
            n.created_at,
            n.version,
            n.acknowledged_at,
            n.acknowledged_by,
        )
        for n in session.scalars(query)
    ]
    rows.sort(key=lambda r: r.written_at, reverse=True)
    rows.sort(key=lambda r: (r.act_by is None, r.act_by or date.max))
    return rows


def notices_for(session: Session, commune: str | None) -> list[Notice]:
    """The notices (ORM rows, for a bulletin) addressed to every commune and, with
    ``commune``, to that one."""
    query = select(Notice).where(Notice.commune_code == CITY_CODE, Notice.deleted_at.is_(None))
    if commune is None:
        query = query.where(Notice.addressee.is_(None))
    else:
        query = query.where(or_(Notice.addressee.is_(None), Notice.addressee == commune))
    return list(session.scalars(query.order_by(Notice.created_at, Notice.id)))


def _validate(
    session: Session, data: NoticeInput, today: date | None, previous: date | None
) -> dict[str, object]:
    _city_only(session)
    errors: list[ValidationError] = []
    values: dict[str, object] = {}
    if data.addressee is not None and (
        data.addressee == CITY_CODE or session.get(Commune, data.addressee) is None
    ):
        errors.append(ValidationError("addressee", M_NOT_A_COMMUNE))
    values["addressee"] = data.addressee
    try:
        values["title"] = validation.required_text(data.title, "title", limit=TITLE_LIMIT)
    except ValidationError as error:
        errors.append(error)
    try:
        values["text"] = validation.optional_text(
            data.text, "text", limit=validation.MAX_LONG_TEXT, multiline=True
        )
    except ValidationError as error:
        errors.append(error)
    try:
        act_by = validation.date_in_range(data.act_by, "act_by", required=False)
        # A day already past may stay on a notice written before it, not on a new one.
        if act_by is not None and act_by < (today or date.today()) and act_by != previous:
            raise ValidationError("act_by", M_PAST)
        values["act_by"] = act_by
    except ValidationError as error:
        errors.append(error)
    if errors:
        raise FormErrors(errors)
    return values


def create_notice(session: Session, data: NoticeInput, *, today: date | None = None) -> str:
    return record_store(session).create(Notice, _validate(session, data, today, None))


def update_notice(
    session: Session,
    notice_id: str,
    data: NoticeInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    current = session.get(Notice, notice_id)
    values = _validate(session, data, today, current.act_by if current is not None else None)
    return record_store(session).update(
        Notice, notice_id, values, expected_version=expected_version
    )


#: Withdraw a notice (communes drop it with the next bulletin).
delete_notice = deleter(Notice, _city_only)
restore_notice = restorer(Notice, _city_only)


def acknowledge_notice(session: Session, notice_id: str) -> None:
    """The commune read the notice: it leaves the open list and the reminders (idempotent).
    Written in the audit log; the notice itself is the city's and keeps its version."""
    notice = session.get(Notice, notice_id)
    if notice is None or notice.deleted_at is not None:
        raise UserError(M_NO_NOTICE)
    if notice.acknowledged_at is not None:
        return
    actor = actor_name(session)
    notice.acknowledged_at = utc_now()
    notice.acknowledged_by = actor[:120]
    session.add(
        AuditEntry(
            actor=actor,
            action=AuditAction.UPDATE,
            record_type=Notice.record_type,
            record_id=notice.id,
            version=notice.version,
            before_json=json.dumps({"acknowledged_at": None}),
            after_json=json.dumps(
                {"acknowledged_at": notice.acknowledged_at.isoformat(sep=" ")},
                ensure_ascii=False,
            ),
        )
    )
    session.flush()


@dataclass(frozen=True)
class NoticeReminder:
    title: str
    act_by: date
    #: Days from today to the day to act by (negative once it has passed).
    days_left: int


def notice_reminders(
    session: Session, today: date, *, window: int = REMINDER_DAYS
) -> list[NoticeReminder]:
    """Open notices whose day to act by is at most ``window`` days away or has passed, the
    nearest first; none at the city (its notices are its own)."""
    office = require_office(session)
    if office.is_city:
        return []
    found = [
        NoticeReminder(row.title, row.act_by, (row.act_by - today).days)
        for row in list_notices(session, open_only=True)
        if row.act_by is not None and (row.act_by - today).days <= window
    ]
    return sorted(found, key=lambda r: r.days_left)
