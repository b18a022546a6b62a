"""The commune side of the bulletins: check a bulletin, show what it would change (the dry
run), apply it all or nothing.

In order, the first failure refusing the bulletin with nothing changed:

1. this office is a commune; the very same file applied before → nothing happens, and the
   answer says when ("đã áp dụng ngày …");
2. the bytes are a bulletin (:func:`desktop.sync.bulletin.split`), its manifest is well
   formed and of a format this TDCS reads;
3. it is signed by the city key this office trusts (a bulletin of another city, or signed by
   any other key, is refused); the payload is the one signed;
4. it was issued at a plausible time, by the city (``92``), to this commune or to every
   commune;
5. against the bulletins applied: another copy of a number already applied, or a number
   older than the newest applied, is refused;
6. every value of the payload within its bounds (:func:`desktop.sync.bulletin.parse_payload`).

Applying, in one transaction: the city-issued records (targets, notices, closed periods) are
held as the city sent them — a record the city changed (a higher version) replaces the copy,
one it no longer sends is marked deleted (targets: the commune's; notices: those the bulletin
covers; closed periods: all) — and the catalogue takes the city's programmes, rates,
organisations and plan tasks (added, or changed where they differ; never removed: loans and
progress records point at them). A loan already recorded keeps the rate it was saved with;
a changed rate applies to loans from its valid-from date on
(:func:`desktop.core.loans.common.rate_on`). Every change is in the audit log.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.base import CITY_CODE, SyncedRecord, utc_now
from db.enums import AuditAction, PeriodKind, TargetKind
from db.models import (
    AppliedBulletin,
    AuditEntry,
    ClosedPeriod,
    CommuneTarget,
    CreditProgramme,
    Notice,
    Organisation,
    PlanTask,
    ProgrammeRate,
)
from db.serialize import to_json, to_plain
from desktop.core import closing
from desktop.core.database import Database
from desktop.core.formatting import format_date, format_datetime, format_rate_bp
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.labels import label
from desktop.core.office import require_office
from desktop.core.periods import Period
from desktop.core.targets import amount_text
from desktop.sync import bulletin, crypto, keys
from desktop.sync.bulletin import (
    BulletinContent,
    BulletinManifest,
    ClosedPeriodItem,
    IssuedItem,
    NoticeItem,
    TargetItem,
)
from desktop.sync.errors import SyncRefused
from desktop.sync.files import read_limited
from desktop.sync.manifest import CLOCK_SLACK, EARLIEST_FILE_TIME, BulletinRef, day_text
from desktop.sync.payload import shown

log = logging.getLogger(__name__)

M_ONLY_COMMUNE = QT_TRANSLATE_NOOP(
    "Bulletin", "Bulletins are applied at commune offices; the city office makes them."
)
M_NO_CITY_KEY = QT_TRANSLATE_NOOP(
    "Bulletin",
    "Import the city key first (Sync page, or: tdcs keys import-city FILE): without it a "
    "bulletin cannot be checked.",
)
M_SIGNATURE = QT_TRANSLATE_NOOP(
    "Bulletin",
    "The bulletin's signature is not the city's, or the bulletin was changed after the city "
    "signed it. It was refused; nothing was changed.",
)
M_OTHER_KEY = QT_TRANSLATE_NOOP(
    "Bulletin",
    "This bulletin is signed with a key (fingerprint {fingerprint}) other than the city key "
    "this office trusts (fingerprint {trusted}): it comes from another city, or the city "
    "changed its key. It was refused; nothing was changed. Check with the city office by "
    "phone.",
)
M_TAMPERED = QT_TRANSLATE_NOOP(
    "Bulletin",
    "The content of the bulletin is not the one the city signed: it was tampered with. It was "
    "refused; nothing was changed.",
)
M_TIME = QT_TRANSLATE_NOOP(
    "Bulletin",
    "The bulletin says it was issued on {date}, which cannot be right (between {start} and "
    "today). Ask the city office to check its computer's date and to make the bulletin "
    "again. Nothing was changed.",
)
M_NOT_OURS = QT_TRANSLATE_NOOP(
    "Bulletin",
    "This bulletin is addressed to {commune} ({code}), not to this office. It was refused; "
    "nothing was changed. Ask the city office for this commune's own bulletin.",
)
M_ALREADY = QT_TRANSLATE_NOOP(
    "Bulletin", "Bulletin no. {seq} was already applied on {date}. Nothing was changed."
)
M_OTHER_COPY = QT_TRANSLATE_NOOP(
    "Bulletin",
    "Bulletin no. {seq} was already applied on {date}, and this file is a different copy of "
    "it. It was refused; nothing was changed. Ask the city office which copy is right.",
)
M_OLDER = QT_TRANSLATE_NOOP(
    "Bulletin",
    "This is bulletin no. {seq}; no. {last}, which is newer, was applied on {date}. An older "
    "bulletin is never applied after a newer one (the newer one already holds everything the "
    "city decided). Nothing was changed.",
)
M_ACTOR = QT_TRANSLATE_NOOP("Bulletin", "City of Cần Thơ, bulletin no. {seq}")
M_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Bulletin",
    "The bulletin could not be checked or applied because of an unexpected error ({error}). "
    "Nothing was changed; the details are in the log file (logs/tdcs.log). Please report it.",
)

SECTION_TITLES: dict[str, Msg] = {
    "targets": QT_TRANSLATE_NOOP("Bulletin", "Targets assigned"),
    "notices": QT_TRANSLATE_NOOP("Bulletin", "Notices"),
    "closed_periods": QT_TRANSLATE_NOOP("Bulletin", "Closed periods"),
    "programmes": QT_TRANSLATE_NOOP("Bulletin", "Credit programmes"),
    "rates": QT_TRANSLATE_NOOP("Bulletin", "Rates and caps"),
    "organisations": QT_TRANSLATE_NOOP("Bulletin", "Entrusted organisations"),
    "plan_tasks": QT_TRANSLATE_NOOP("Bulletin", "Plan tasks"),
}
M_TARGET = QT_TRANSLATE_NOOP("Bulletin", "{year}: {kind}, {amount}")
M_NOTICE = QT_TRANSLATE_NOOP("Bulletin", "{title} (act by {date})")
M_CLOSED = QT_TRANSLATE_NOOP("Bulletin", "{period}, closed on {date}")
M_RATE = QT_TRANSLATE_NOOP("Bulletin", "{programme} from {date}: {rate} a year")
M_RATE_CAP = QT_TRANSLATE_NOOP("Bulletin", "{programme} from {date}: {rate} a year, at most {cap}")
M_NO_RATE = QT_TRANSLATE_NOOP("Bulletin", "no rate")


class Change(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    REMOVED = "removed"
    UNCHANGED = "unchanged"


CHANGE_TITLES: dict[Change, Msg] = {
    Change.NEW: QT_TRANSLATE_NOOP("Bulletin", "new"),
    Change.CHANGED: QT_TRANSLATE_NOOP("Bulletin", "changed"),
    Change.REMOVED: QT_TRANSLATE_NOOP("Bulletin", "withdrawn"),
    Change.UNCHANGED: QT_TRANSLATE_NOOP("Bulletin", "unchanged"),
}


class Status(StrEnum):
    READY = "ready"
    APPLIED = "applied"
    ALREADY = "already"
    REFUSED = "refused"


@dataclass(frozen=True)
class Line:
    """One change a bulletin makes, in words."""

    section: str
    change: Change
    text: str

    def describe(self) -> str:
        return f"{tr(SECTION_TITLES[self.section])} — {tr(CHANGE_TITLES[self.change])}: {self.text}"


@dataclass
class BulletinReport:
    """The outcome of checking or applying one bulletin, for the window and the CLI."""

    path: Path | None
    status: Status
    message: str = ""
    manifest: BulletinManifest | None = None
    file_sha256: str = ""
    lines: list[Line] = field(default_factory=list)
    unchanged: dict[str, int] = field(default_factory=dict)
    applied_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.status in (Status.READY, Status.APPLIED, Status.ALREADY)

    @property
    def changes(self) -> int:
        return len(self.lines)

    def counts(self, change: Change) -> int:
        if change is Change.UNCHANGED:
            return sum(self.unchanged.values())
        return sum(1 for line in self.lines if line.change is change)


# -- checking ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Checked:
    manifest: BulletinManifest
    content: BulletinContent
    file_sha256: str


def _already(session: Session, file_sha256: str) -> AppliedBulletin | None:
    return session.scalars(
        select(AppliedBulletin).where(AppliedBulletin.file_sha256 == file_sha256)
    ).first()


def check(session: Session, data: bytes, *, now: datetime | None = None) -> Checked:
    """Steps 2–6 of the module docstring; :class:`SyncRefused` for a bulletin that cannot
    be applied."""
    office = require_office(session)
    if office.is_city:
        raise SyncRefused(M_ONLY_COMMUNE)
    parts = bulletin.split(data)
    manifest = bulletin.parse_manifest(parts.manifest)
    city = keys.trusted_city_key(session)
    if city is None:
        raise SyncRefused(M_NO_CITY_KEY)
    try:
        crypto.verify(
            city.signing_public, bulletin.SIGNATURE_LABEL, parts.manifest, parts.signature
        )
    except crypto.CryptoFailure as error:
        if manifest.signing_key != city.signing_public:
            raise SyncRefused(
                M_OTHER_KEY,
                fingerprint=crypto.fingerprint(manifest.signing_key),
                trusted=crypto.fingerprint(city.signing_public),
            ) from error
        raise SyncRefused(M_SIGNATURE) from error
    if manifest.signing_key != city.signing_public:
        raise SyncRefused(M_SIGNATURE)
    if (
        len(parts.payload) != manifest.payload_size
        or hashlib.sha256(parts.payload).hexdigest() != manifest.payload_sha256
    ):
        raise SyncRefused(M_TAMPERED)
    issued = manifest.issued
    if not EARLIEST_FILE_TIME <= issued <= (now or utc_now()) + CLOCK_SLACK:
        raise SyncRefused(M_TIME, date=day_text(issued), start=day_text(EARLIEST_FILE_TIME))
    addressee = manifest.addressee
    if addressee is not None and addressee.code != office.unit_code:
        raise SyncRefused(M_NOT_OURS, commune=shown(addressee.name, 60), code=addressee.code)
    _check_order(session, manifest)
    content = bulletin.parse_payload(parts.payload, manifest)
    return Checked(manifest, content, hashlib.sha256(data).hexdigest())


def _check_order(session: Session, manifest: BulletinManifest) -> None:
    same = session.scalars(
        select(AppliedBulletin).where(
            (AppliedBulletin.seq == manifest.seq) | (AppliedBulletin.id == manifest.id)
        )
    ).first()
    if same is not None:
        raise SyncRefused(M_OTHER_COPY, seq=same.seq, date=format_datetime(same.applied_at))
    newest = session.scalars(
        select(AppliedBulletin).order_by(AppliedBulletin.seq.desc()).limit(1)
    ).first()
    if newest is not None and newest.seq > manifest.seq:
        raise SyncRefused(
            M_OLDER,
            seq=manifest.seq,
            last=newest.seq,
            date=format_datetime(newest.applied_at),
        )


# -- planning --------------------------------------------------------------------------------


@dataclass
class _Write:
    """One city-issued record to write: ``values`` for a new or changed copy, ``None`` to
    mark a copy deleted."""

    model: type[SyncedRecord]
    item_id: str
    values: dict[str, Any] | None
    action: AuditAction


@dataclass
class Plan:
    lines: list[Line] = field(default_factory=list)
    unchanged: dict[str, int] = field(default_factory=dict)
    writes: list[_Write] = field(default_factory=list)
    catalogue: list[Callable[[Session, str], None]] = field(default_factory=list)

    def same(self, section: str) -> None:
        self.unchanged[section] = self.unchanged.get(section, 0) + 1


def _target_text(kind: TargetKind, year: int, value: int) -> str:
    return tr(M_TARGET, year=year, kind=label(kind), amount=amount_text(kind, value))


def _notice_text(title: str, act_by: Any) -> str:
    return tr(M_NOTICE, title=title, date=format_date(act_by)) if act_by else title


def _closed_text(kind: Any, year: int, number: int, closed_on: Any) -> str:
    period = Period(year, PeriodKind(kind), number)
    return tr(M_CLOSED, period=period.label(), date=format_date(closed_on))


def _item_values(item: IssuedItem) -> dict[str, Any]:
    if isinstance(item, TargetItem):
        return {
            "target_code": None,  # filled in by the caller
            "year": item.year,
            "kind": item.kind,
            "value": item.value,
            "notes": item.notes,
        }
    if isinstance(item, NoticeItem):
        return {
            "addressee": item.addressee,
            "title": item.title,
            "text": item.text,
            "act_by": item.act_by,
        }
    assert isinstance(item, ClosedPeriodItem)
    return {
        "period_kind": item.period_kind,
        "year": item.year,
        "period_no": item.period_no,
        "closed_on": item.closed_on,
        "notes": item.notes,
    }


def _describe(section: str, values: dict[str, Any]) -> str:
    if section == "targets":
        return _target_text(TargetKind(values["kind"]), values["year"], values["value"])
    if section == "notices":
        return _notice_text(values["title"], values["act_by"])
    return _closed_text(
        values["period_kind"], values["year"], values["period_no"], values["closed_on"]
    )


def _plan_issued(
    session: Session,
    plan: Plan,
    section: str,
    model: type[SyncedRecord],
    items: Sequence[IssuedItem],
    in_scope: Callable[[Any], bool],
    extra: dict[str, Any],
) -> None:
    """Compare the records of one section with the copies held: a higher version replaces
    a copy (and brings back one marked deleted); a copy in the bulletin's scope that it no
    longer carries is marked deleted."""
    held = {r.id: r for r in session.scalars(select(model).where(model.commune_code == CITY_CODE))}
    sent = set()
    for item in items:
        sent.add(item.id)
        values = _item_values(item) | extra
        copy = held.get(item.id)
        if copy is None:
            plan.writes.append(_Write(model, item.id, _full(item, values), AuditAction.CREATE))
            plan.lines.append(Line(section, Change.NEW, _describe(section, values)))
        elif item.version > copy.version or (
            copy.deleted_at is not None and item.version >= copy.version
        ):
            action = AuditAction.RESTORE if copy.deleted_at is not None else AuditAction.UPDATE
            plan.writes.append(_Write(model, item.id, _full(item, values), action))
            change = Change.NEW if copy.deleted_at is not None else Change.CHANGED
            plan.lines.append(Line(section, change, _describe(section, values)))
        else:
            plan.same(section)
    for copy in held.values():
        if copy.id not in sent and copy.deleted_at is None and in_scope(copy):
            plan.writes.append(_Write(model, copy.id, None, AuditAction.DELETE))
            plan.lines.append(Line(section, Change.REMOVED, _describe(section, _copy_values(copy))))


def _full(item: IssuedItem, values: dict[str, Any]) -> dict[str, Any]:
    updated = datetime.fromisoformat(item.updated_at)
    return values | {"version": item.version, "updated_at": updated}


def _copy_values(record: SyncedRecord) -> dict[str, Any]:
    return {column.key: getattr(record, column.key) for column in record.__table__.columns}


def _catalogue_line(plan: Plan, section: str, change: Change, text: str) -> None:
    plan.lines.append(Line(section, change, text))


def _rate_text(item: bulletin.RateItem, names: dict[str, str]) -> str:
    programme = names.get(item.programme_code, item.programme_code)
    rate = format_rate_bp(item.rate_bp) if item.rate_bp is not None else tr(M_NO_RATE)
    if item.cap_amount is not None:
        return tr(
            M_RATE_CAP,
            programme=programme,
            date=format_date(item.valid_from),
            rate=rate,
            cap=amount_text(TargetKind.FUND_MOBILISATION, item.cap_amount),
        )
    return tr(M_RATE, programme=programme, date=format_date(item.valid_from), rate=rate)


def _plan_catalogue(session: Session, plan: Plan, content: BulletinContent) -> None:
    programmes = {p.code: p for p in session.scalars(select(CreditProgramme))}
    order = len(programmes)
    for item in content.programmes:
        held_programme = programmes.get(item.code)
        values = {"name": item.name, "short_name": item.short_name, "active": item.active}
        if held_programme is None:
            order += 1
            plan.catalogue.append(
                _insert(
                    CreditProgramme,
                    {"code": item.code, "sort_order": order, **values},
                    "credit_programme",
                    item.code,
                )
            )
            _catalogue_line(plan, "programmes", Change.NEW, item.name)
        elif _differs(held_programme, values):
            plan.catalogue.append(
                _update(CreditProgramme, item.code, values, "credit_programme", item.code)
            )
            _catalogue_line(plan, "programmes", Change.CHANGED, item.name)
        else:
            plan.same("programmes")
    names = {p.code: p.short_name for p in programmes.values()} | {
        p.code: p.short_name for p in content.programmes
    }
    rates = {(r.programme_code, r.valid_from): r for r in session.scalars(select(ProgrammeRate))}
    for rate in content.rates:
        held_rate = rates.get((rate.programme_code, rate.valid_from))
        values = {
            "rate_bp": rate.rate_bp,
            "priority_rate_bp": rate.priority_rate_bp,
            "cap_amount": rate.cap_amount,
            "cap_note": rate.cap_note,
            "confirmed": rate.confirmed,
        }
        key = {"programme_code": rate.programme_code, "valid_from": rate.valid_from}
        if held_rate is None:
            plan.catalogue.append(_insert(ProgrammeRate, key | values, "programme_rate", None))
            _catalogue_line(plan, "rates", Change.NEW, _rate_text(rate, names))
        elif _differs(held_rate, values):
            plan.catalogue.append(
                _update(ProgrammeRate, held_rate.id, values, "programme_rate", str(held_rate.id))
            )
            _catalogue_line(plan, "rates", Change.CHANGED, _rate_text(rate, names))
        else:
            plan.same("rates")
    organisations = {o.code: o for o in session.scalars(select(Organisation))}
    order = len(organisations)
    for org in content.organisations:
        held_org = organisations.get(org.code)
        values = {"name": org.name, "short_name": org.short_name}
        if held_org is None:
            order += 1
            plan.catalogue.append(
                _insert(
                    Organisation,
                    {"code": org.code, "sort_order": order, **values},
                    "organisation",
                    org.code,
                )
            )
            _catalogue_line(plan, "organisations", Change.NEW, org.name)
        elif _differs(held_org, values):
            plan.catalogue.append(_update(Organisation, org.code, values, "organisation", org.code))
            _catalogue_line(plan, "organisations", Change.CHANGED, org.name)
        else:
            plan.same("organisations")
    tasks = {t.code: t for t in session.scalars(select(PlanTask))}
    order = int(session.scalar(select(func.max(PlanTask.sort_order))) or 0)
    for task in sorted(content.plan_tasks, key=lambda t: t.code.count(".")):
        held_task = tasks.get(task.code)
        values = {
            "parent_code": task.parent_code,
            "section": task.section,
            "short_title": task.short_title,
            "text": task.text,
            "applies_commune": task.applies_commune,
            "applies_city": task.applies_city,
            "is_heading": task.is_heading,
        }
        text = f"{task.code}: {task.short_title}"
        if held_task is None:
            order += 1
            plan.catalogue.append(
                _insert(
                    PlanTask,
                    {"code": task.code, "sort_order": order, **values},
                    "plan_task",
                    task.code,
                )
            )
            _catalogue_line(plan, "plan_tasks", Change.NEW, text)
        elif _differs(held_task, values):
            plan.catalogue.append(_update(PlanTask, task.code, values, "plan_task", task.code))
            _catalogue_line(plan, "plan_tasks", Change.CHANGED, text)
        else:
            plan.same("plan_tasks")


def _differs(row: Any, values: dict[str, Any]) -> bool:
    return any(getattr(row, key) != value for key, value in values.items())


def _audit(
    session: Session,
    actor: str,
    action: AuditAction,
    record_type: str,
    record_id: str,
    before: Any,
    after: Any,
) -> None:
    session.add(
        AuditEntry(
            actor=actor,
            action=action,
            record_type=record_type,
            record_id=record_id,
            version=1,
            before_json=None
            if before is None
            else json.dumps(before, ensure_ascii=False, default=str),
            after_json=json.dumps(after, ensure_ascii=False, default=str),
        )
    )


def _insert(
    model: Any, values: dict[str, Any], record_type: str, record_id: str | None
) -> Callable[[Session, str], None]:
    def write(session: Session, actor: str) -> None:
        row = model(**values)
        session.add(row)
        session.flush()
        _audit(
            session, actor, AuditAction.CREATE, record_type, record_id or str(row.id), None, values
        )

    return write


def _update(
    model: Any, key: Any, values: dict[str, Any], record_type: str, record_id: str
) -> Callable[[Session, str], None]:
    def write(session: Session, actor: str) -> None:
        row = session.get(model, key)
        assert row is not None
        before = {k: getattr(row, k) for k in values}
        for name, value in values.items():
            setattr(row, name, value)
        session.flush()
        _audit(session, actor, AuditAction.UPDATE, record_type, record_id, before, values)

    return write


def plan_bulletin(session: Session, checked: Checked) -> Plan:
    """What applying the bulletin would change (nothing is written)."""
    office = require_office(session)
    content = checked.content
    plan = Plan()
    if content.targets is not None:
        _plan_issued(
            session,
            plan,
            "targets",
            CommuneTarget,
            content.targets,
            lambda _copy: True,
            {"target_code": office.unit_code},
        )
    to_all = checked.manifest.addressee is None
    _plan_issued(
        session,
        plan,
        "notices",
        Notice,
        content.notices,
        lambda copy: copy.addressee is None or not to_all,
        {},
    )
    _plan_issued(
        session, plan, "closed_periods", ClosedPeriod, content.closed_periods, lambda _c: True, {}
    )
    _plan_catalogue(session, plan, content)
    return plan


# -- applying --------------------------------------------------------------------------------


def _apply_writes(session: Session, plan: Plan, actor: str, issued_at: datetime) -> None:
    for write in plan.writes:
        copy = session.get(write.model, write.item_id)
        before = to_plain(copy) if copy is not None else None
        if write.values is None:
            assert copy is not None
            copy.deleted_at = max(issued_at, copy.created_at)
        elif copy is None:
            copy = write.model(
                id=write.item_id,
                commune_code=CITY_CODE,
                created_at=write.values["updated_at"],
                change_seq=0,
                deleted_at=None,
                **write.values,
            )
            session.add(copy)
        else:
            for name, value in write.values.items():
                setattr(copy, name, value)
            copy.deleted_at = None
            if isinstance(copy, Notice):  # the city changed it: to be read again
                copy.acknowledged_at = None
                copy.acknowledged_by = ""
        session.flush()
        session.add(
            AuditEntry(
                actor=actor,
                action=write.action,
                record_type=copy.record_type,
                record_id=copy.id,
                version=copy.version,
                before_json=to_json(before),
                after_json=to_json(to_plain(copy)),
            )
        )


def apply(session: Session, checked: Checked, file_name: str) -> tuple[Plan, AppliedBulletin]:
    """Apply a checked bulletin in the caller's transaction."""
    plan = plan_bulletin(session, checked)
    manifest = checked.manifest
    actor = tr(M_ACTOR, seq=manifest.seq)[:120]
    applied = AppliedBulletin(
        id=manifest.id,
        seq=manifest.seq,
        addressee=manifest.addressee.code if manifest.addressee else None,
        issued_at=manifest.issued,
        file_name=shown(file_name, 255),
        file_sha256=checked.file_sha256,
        applied_at=utc_now(),
        summary_json=json.dumps(
            {
                "lines": [[line.section, line.change.value, line.text] for line in plan.lines],
                "unchanged": plan.unchanged,
            },
            ensure_ascii=False,
        ),
    )
    session.add(applied)
    session.flush()
    _apply_writes(session, plan, actor, manifest.issued)
    for write in plan.catalogue:
        write(session, actor)
    closing.forget_closures(session)
    session.flush()
    return plan, applied


# -- one file, whatever it holds ---------------------------------------------------------------


def read_bulletin_file(path: Path) -> bytes:
    return read_limited(path, bulletin.MAX_FILE)


def run(
    session: Session, data: bytes, file_name: str, *, dry_run: bool, path: Path | None = None
) -> BulletinReport:
    """Check (and unless ``dry_run`` apply) one bulletin in the caller's transaction; a
    refusal is a report, never an exception. Any error but a refusal is the caller's (it
    must roll back)."""
    report = BulletinReport(path, Status.REFUSED, file_sha256=hashlib.sha256(data).hexdigest())
    if require_office(session).is_city:
        report.message = tr(M_ONLY_COMMUNE)
        return report
    done = _already(session, report.file_sha256)
    if done is not None:
        report.status = Status.ALREADY
        report.message = tr(M_ALREADY, seq=done.seq, date=format_datetime(done.applied_at))
        report.applied_at = done.applied_at
        return report
    try:
        checked = check(session, data)
    except SyncRefused as error:
        report.message = shown(error.text(), 4000)
        return report
    report.manifest = checked.manifest
    if dry_run:
        plan = plan_bulletin(session, checked)
        report.status = Status.READY
    else:
        plan, applied = apply(session, checked, file_name)
        report.status = Status.APPLIED
        report.applied_at = applied.applied_at
    report.lines = plan.lines
    report.unchanged = plan.unchanged
    return report


# -- what a commune applied ------------------------------------------------------------------


@dataclass(frozen=True)
class AppliedRow:
    id: str
    seq: int
    to_all: bool
    issued_at: datetime
    applied_at: datetime
    file_name: str
    lines: tuple[Line, ...]


def list_applied(session: Session) -> list[AppliedRow]:
    """The bulletins applied here, the newest first, each with what it changed."""
    rows = session.scalars(select(AppliedBulletin).order_by(AppliedBulletin.seq.desc()))
    return [
        AppliedRow(
            r.id,
            r.seq,
            r.addressee is None,
            r.issued_at,
            r.applied_at,
            r.file_name,
            tuple(_stored_lines(r.summary_json)),
        )
        for r in rows
    ]


def _stored_lines(raw: str) -> Iterable[Line]:
    try:
        body = json.loads(raw or "{}")
    except ValueError:
        return
    for entry in body.get("lines", []) if isinstance(body, dict) else []:
        if (
            isinstance(entry, list)
            and len(entry) == 3
            and entry[0] in SECTION_TITLES
            and entry[1] in {c.value for c in Change}
        ):
            yield Line(str(entry[0]), Change(entry[1]), str(entry[2]))


def latest_applied(session: Session) -> BulletinRef | None:
    """The newest bulletin applied, as the next sync file names it."""
    row = session.scalars(
        select(AppliedBulletin).order_by(AppliedBulletin.seq.desc()).limit(1)
    ).first()
    if row is None:
        return None
    return BulletinRef(
        row.id,
        row.seq,
        row.issued_at.isoformat(sep=" "),
        row.applied_at.isoformat(sep=" "),
    )


def import_bulletin(database: Database, path: Path, *, dry_run: bool) -> BulletinReport:
    """Check (and unless ``dry_run`` apply, in one transaction) the bulletin in ``path``,
    whatever it holds: a refusal or any unexpected error is the report's message, with
    nothing changed (the error's traceback goes to the log)."""
    name = path.name
    try:
        data = read_bulletin_file(path)
    except SyncRefused as error:
        return BulletinReport(path, Status.REFUSED, shown(error.text(), 4000))
    try:
        if dry_run:
            with database.reading() as session:
                return run(session, data, name, dry_run=True, path=path)
        with database.transaction() as session:
            return run(session, data, name, dry_run=False, path=path)
    except Exception as error:
        log.exception("bulletin %s: unexpected error", shown(name, 255))
        return BulletinReport(
            path,
            Status.REFUSED,
            tr(M_UNEXPECTED, error=type(error).__name__),
            file_sha256=hashlib.sha256(data).hexdigest(),
        )
