"""The city side of the bulletins: make the files, and know what was sent to whom.

A bulletin is either **one file to every commune** (the catalogue, the closed periods and the
notices to every commune) or **one file per commune**, all under the same number, each with
that commune's targets and the notices addressed to it as well: a commune's targets only
ever travel in a file addressed to it. Numbers rise by one with each bulletin (1, 2, 3 …);
a commune never applies an older number after a newer one, and since each bulletin carries
the city's whole current word (see :mod:`desktop.sync.bulletin`), one that missed a number
loses nothing.

Each file is written to the folder asked for (write-then-rename) and entered in the ledger
(``issued_bulletins``) in the caller's transaction; a failure leaves neither.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.base import CITY_CODE, SyncedRecord, utc_now
from db.enums import PeriodKind, TargetKind
from db.models import (
    ClosedPeriod,
    Commune,
    CommuneTarget,
    CreditProgramme,
    IssuedBulletin,
    Notice,
    Organisation,
    PlanTask,
    ProgrammeRate,
)
from desktop.core.errors import UserError
from desktop.core.formatting import local_time
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.notices import notices_for
from desktop.core.office import CITY_NAME, require_office
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.text import clean, clean_multiline
from desktop.core.userfiles import write_atomically
from desktop.sync import bulletin, keys
from desktop.sync.bulletin import (
    Addressee,
    BulletinContent,
    BulletinManifest,
    ClosedPeriodItem,
    NoticeItem,
    OrganisationItem,
    PlanTaskItem,
    ProgrammeItem,
    RateItem,
    TargetItem,
)
from desktop.sync.errors import SyncRefused
from desktop.sync.files import bulletin_file_name
from desktop.version import app_version

M_ONLY_CITY = QT_TRANSLATE_NOOP("Bulletin", "Only the city office makes bulletins.")
M_UNKNOWN_COMMUNE = QT_TRANSLATE_NOOP(
    "Bulletin", "{code} is not the code of one of the 103 communes and wards of Cần Thơ."
)
M_CANNOT_CARRY = QT_TRANSLATE_NOOP(
    "Bulletin",
    "The bulletin cannot be made: what the city holds does not fit the bulletin's form "
    "({reason}). Nothing was written.",
)


@dataclass(frozen=True)
class IssuedFile:
    path: Path
    addressee: str | None
    counts: dict[str, int]


@dataclass(frozen=True)
class IssueResult:
    seq: int
    issued_at: datetime
    files: tuple[IssuedFile, ...]

    @property
    def targets(self) -> int:
        return sum(f.counts.get("targets", 0) for f in self.files)


@dataclass(frozen=True)
class IssuedRow:
    """One line of the list of bulletins made."""

    id: str
    seq: int
    addressee: str | None
    addressee_name: str
    issued_at: datetime
    file_name: str
    counts: dict[str, int]


@dataclass(frozen=True)
class Pending:
    """What changed at the city since its last bulletin (``last_seq`` ``None``: none made)."""

    last_seq: int | None
    last_issued_at: datetime | None
    targets: int
    notices: int
    closed_periods: int
    catalogue_changed: bool

    @property
    def anything(self) -> bool:
        return bool(self.targets or self.notices or self.closed_periods or self.catalogue_changed)


def _stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat(sep=" ")


def _targets(session: Session, commune: str) -> tuple[TargetItem, ...]:
    rows = session.scalars(
        select(CommuneTarget)
        .where(
            CommuneTarget.commune_code == CITY_CODE,
            CommuneTarget.deleted_at.is_(None),
            CommuneTarget.target_code == commune,
        )
        .order_by(CommuneTarget.year, CommuneTarget.kind)
    )
    return tuple(
        TargetItem(
            id=r.id,
            version=r.version,
            updated_at=_stamp(r.updated_at),
            year=r.year,
            kind=TargetKind(r.kind),
            value=r.value,
            notes=clean_multiline(r.notes),
        )
        for r in rows
    )


def _notices(session: Session, commune: str | None) -> tuple[NoticeItem, ...]:
    return tuple(
        NoticeItem(
            id=n.id,
            version=n.version,
            updated_at=_stamp(n.updated_at),
            addressee=n.addressee,
            title=clean(n.title),
            text=clean_multiline(n.text),
            act_by=n.act_by,
        )
        for n in notices_for(session, commune)
    )


def _closed_periods(session: Session) -> tuple[ClosedPeriodItem, ...]:
    rows = session.scalars(
        select(ClosedPeriod)
        .where(ClosedPeriod.commune_code == CITY_CODE, ClosedPeriod.deleted_at.is_(None))
        .order_by(ClosedPeriod.year, ClosedPeriod.period_kind, ClosedPeriod.period_no)
    )
    return tuple(
        ClosedPeriodItem(
            id=c.id,
            version=c.version,
            updated_at=_stamp(c.updated_at),
            period_kind=PeriodKind(c.period_kind),
            year=c.year,
            period_no=c.period_no,
            closed_on=c.closed_on,
            notes=clean_multiline(c.notes),
        )
        for c in rows
    )


def gather(session: Session, commune: str | None) -> BulletinContent:
    """What a bulletin to ``commune`` (``None``: to every commune) carries now."""
    programmes = tuple(
        ProgrammeItem(p.code, clean(p.name), clean(p.short_name), p.active)
        for p in session.scalars(select(CreditProgramme).order_by(CreditProgramme.sort_order))
    )
    rates = tuple(
        RateItem(
            r.programme_code,
            r.valid_from,
            r.rate_bp,
            r.priority_rate_bp,
            r.cap_amount,
            clean(r.cap_note),
            r.confirmed,
        )
        for r in session.scalars(
            select(ProgrammeRate).order_by(ProgrammeRate.programme_code, ProgrammeRate.valid_from)
        )
    )
    organisations = tuple(
        OrganisationItem(o.code, clean(o.name), clean(o.short_name))
        for o in session.scalars(select(Organisation).order_by(Organisation.sort_order))
    )
    tasks = tuple(
        PlanTaskItem(
            t.code,
            t.parent_code,
            t.section,
            clean(t.short_title),
            clean_multiline(t.text),
            t.applies_commune,
            t.applies_city,
            t.is_heading,
        )
        for t in session.scalars(select(PlanTask).order_by(PlanTask.sort_order))
    )
    return BulletinContent(
        targets=None if commune is None else _targets(session, commune),
        notices=_notices(session, commune),
        closed_periods=_closed_periods(session),
        programmes=programmes,
        rates=rates,
        organisations=organisations,
        plan_tasks=tasks,
    )


def _addressees(session: Session, communes: Sequence[str] | None) -> list[Addressee | None]:
    if communes is None:
        return [None]
    names = dict(session.execute(select(Commune.code, Commune.name)).all())
    found: list[Addressee | None] = []
    for code in dict.fromkeys(communes):
        if code == CITY_CODE or code not in names:
            raise UserError(M_UNKNOWN_COMMUNE, code=code[:12])
        found.append(Addressee(code, names[code]))
    return found


def all_commune_codes(session: Session) -> list[str]:
    return list(session.scalars(select(Commune.code).order_by(Commune.sort_order)))


def make_bulletins(
    session: Session,
    folder: Path,
    *,
    communes: Sequence[str] | None = None,
    progress: Progress = NO_PROGRESS,
) -> IssueResult:
    """Write the next bulletin into ``folder``: one file to every commune (``communes``
    ``None``), or one file to each commune named, and enter them in the ledger."""
    if not require_office(session).is_city:
        raise UserError(M_ONLY_CITY)
    addressees = _addressees(session, communes)
    _encryption, signing = keys.ensure_city_keys(session)
    seq = int(session.scalar(select(func.max(IssuedBulletin.seq))) or 0) + 1
    now = utc_now()
    written: list[IssuedFile] = []
    try:
        for done, addressee in enumerate(addressees):
            progress.report(done, len(addressees), addressee.name if addressee else "")
            code = addressee.code if addressee else None
            content = gather(session, code)
            payload = content.to_json()
            manifest = BulletinManifest(
                app_version=app_version(),
                city_name=CITY_NAME,
                id=str(uuid.uuid4()),
                seq=seq,
                issued_at=_stamp(now),
                addressee=addressee,
                counts=content.counts(),
                payload_sha256=hashlib.sha256(payload).hexdigest(),
                payload_size=len(payload),
                signing_key=signing.public,
            )
            try:  # what communes will refuse is not sent
                bulletin.parse_payload(payload, manifest)
            except SyncRefused as error:
                raise UserError(M_CANNOT_CARRY, reason=error.text()) from error
            data = bulletin.seal(manifest, payload, signing.private)
            name = bulletin_file_name(
                seq, local_time(now).date(), code, addressee.name if addressee else ""
            )
            path = write_atomically(folder / name, data)
            written.append(IssuedFile(path, code, manifest.counts))
            session.add(
                IssuedBulletin(
                    id=manifest.id,
                    seq=seq,
                    addressee=code,
                    issued_at=now,
                    file_name=name,
                    file_sha256=hashlib.sha256(data).hexdigest(),
                    counts_json=json.dumps(manifest.counts, sort_keys=True),
                    catalogue_sha256=bulletin.catalogue_digest(content),
                )
            )
        session.flush()
    except BaseException:
        for issued in written:
            issued.path.unlink(missing_ok=True)
        raise
    progress.report(len(addressees), len(addressees))
    return IssueResult(seq, now, tuple(written))


def list_issued(session: Session) -> list[IssuedRow]:
    """Every bulletin file made, the newest first."""
    names = dict(session.execute(select(Commune.code, Commune.name)).all())
    rows = session.scalars(
        select(IssuedBulletin).order_by(IssuedBulletin.seq.desc(), IssuedBulletin.file_name)
    )
    return [
        IssuedRow(
            r.id,
            r.seq,
            r.addressee,
            names.get(r.addressee, r.addressee) if r.addressee else "",
            r.issued_at,
            r.file_name,
            json.loads(r.counts_json or "{}"),
        )
        for r in rows
    ]


def latest_for_communes(session: Session) -> dict[str, int]:
    """Commune → the newest bulletin number made for it (to it, or to every commune)."""
    to_all = session.scalar(
        select(func.max(IssuedBulletin.seq)).where(IssuedBulletin.addressee.is_(None))
    )
    latest = dict.fromkeys(all_commune_codes(session), int(to_all)) if to_all else {}
    rows = session.execute(
        select(IssuedBulletin.addressee, func.max(IssuedBulletin.seq))
        .where(IssuedBulletin.addressee.is_not(None))
        .group_by(IssuedBulletin.addressee)
    )
    for code, seq in rows:
        if code is not None:
            latest[code] = max(latest.get(code, 0), int(seq))
    return latest


def pending(session: Session) -> Pending:
    """What the next bulletin would bring that the last did not: city-issued records
    changed since it was made (added, changed or removed), and whether the catalogue
    differs from the one it carried."""
    last = session.scalars(
        select(IssuedBulletin).order_by(IssuedBulletin.seq.desc()).limit(1)
    ).first()
    since = last.issued_at if last is not None else None

    def changed(model: type[SyncedRecord]) -> int:
        query = select(func.count()).where(model.commune_code == CITY_CODE)
        if since is not None:
            query = query.where(or_(model.updated_at >= since, model.deleted_at >= since))
        else:
            query = query.where(model.deleted_at.is_(None))
        return int(session.scalar(query) or 0)

    catalogue = bulletin.catalogue_digest(gather(session, None))
    return Pending(
        last.seq if last else None,
        since,
        changed(CommuneTarget),
        changed(Notice),
        changed(ClosedPeriod),
        last is None or last.catalogue_sha256 != catalogue,
    )
