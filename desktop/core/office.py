"""Who this installation is (a commune/ward office or the city office) and its hamlets.

Set once by the first-run wizard or ``tdcs init``; the unit can never change afterwards,
because every record and every sync file carries it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import CITY_CODE, utc_now
from db.enums import CommuneKind, HamletKind, OfficeMode
from db.models import Commune, Hamlet, OfficeProfile
from desktop.core import validation
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.core.records import RecordStore
from desktop.core.settings import actor_name
from desktop.core.text import clean, clean_multiline, sort_key

CITY_NAME = "Thành phố Cần Thơ"

M_UNKNOWN_COMMUNE = QT_TRANSLATE_NOOP(
    "Office", "{code} is not one of the 103 communes and wards of Cần Thơ."
)
M_ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    "Office",
    "This data folder is already set up for {unit}. Use another data folder for another unit.",
)
M_NOT_SET_UP = QT_TRANSLATE_NOOP(
    "Office", "This data folder is not set up yet. Run the setup first (tdcs init)."
)
M_CITY_NO_COMMUNE = QT_TRANSLATE_NOOP("Office", "Choose the commune or ward of this office.")
M_DUPLICATE_HAMLET = QT_TRANSLATE_NOOP("Office", "The hamlet {name} is already in the list.")


@dataclass(frozen=True)
class CommuneInfo:
    code: str
    name: str
    kind: CommuneKind

    @property
    def label(self) -> str:
        """``Phường Cái Khế`` / ``Xã Thạnh An``."""
        return f"{'Phường' if self.kind is CommuneKind.PHUONG else 'Xã'} {self.name}"


@dataclass(frozen=True)
class OfficeInfo:
    mode: OfficeMode
    unit_code: str
    unit_name: str
    office_name: str
    signer_title: str
    signer_name: str
    commune_kind: CommuneKind | None

    @property
    def is_city(self) -> bool:
        return self.mode is OfficeMode.CITY

    @property
    def own_records(self) -> Scope:
        """This office's own records (at the city: the city office's)."""
        return Scope.unit(self.unit_code)

    @property
    def overseen_records(self) -> Scope:
        """The records this office looks over: a commune its own, the city every commune's."""
        return ALL_COMMUNES if self.is_city else Scope.commune(self.unit_code)

    @property
    def hamlet_kind(self) -> HamletKind:
        return HamletKind.KHU_VUC if self.commune_kind is CommuneKind.PHUONG else HamletKind.AP

    @property
    def unit_label(self) -> str:
        if self.commune_kind is None:
            return self.unit_name
        return CommuneInfo(self.unit_code, self.unit_name, self.commune_kind).label


@dataclass(frozen=True)
class HamletInfo:
    id: str
    name: str
    kind: HamletKind
    version: int


def list_communes(session: Session) -> list[CommuneInfo]:
    rows = session.execute(
        select(Commune.code, Commune.name, Commune.kind).order_by(Commune.sort_order)
    )
    return [CommuneInfo(code, name, kind) for code, name, kind in rows]


def default_office_name(mode: OfficeMode, commune: CommuneInfo | None) -> str:
    if mode is OfficeMode.CITY or commune is None:
        return "Ủy ban nhân dân thành phố Cần Thơ"
    kind = "phường" if commune.kind is CommuneKind.PHUONG else "xã"
    return f"Ủy ban nhân dân {kind} {commune.name}"


def current_office(session: Session) -> OfficeInfo | None:
    profile = session.get(OfficeProfile, 1)
    if profile is None:
        return None
    commune = session.get(Commune, profile.unit_code)
    return OfficeInfo(
        mode=profile.mode,
        unit_code=profile.unit_code,
        unit_name=commune.name if commune else CITY_NAME,
        office_name=profile.office_name,
        signer_title=profile.signer_title,
        signer_name=profile.signer_name,
        commune_kind=commune.kind if commune else None,
    )


def require_office(session: Session) -> OfficeInfo:
    office = current_office(session)
    if office is None:
        raise UserError(M_NOT_SET_UP)
    return office


def set_up_office(
    session: Session,
    mode: OfficeMode,
    *,
    commune_code: str | None = None,
    office_name: str | None = None,
    hamlets: Sequence[str] = (),
) -> OfficeInfo:
    """Record who this installation is; refuse if it already knows."""
    existing = current_office(session)
    if existing is not None:
        raise UserError(M_ALREADY_SET_UP, unit=f"{existing.unit_label} ({existing.unit_code})")
    commune: CommuneInfo | None = None
    if mode is OfficeMode.COMMUNE:
        code = clean(commune_code)
        if not code:
            raise UserError(M_CITY_NO_COMMUNE)
        row = session.get(Commune, code)
        if row is None:
            raise UserError(M_UNKNOWN_COMMUNE, code=code)
        commune = CommuneInfo(row.code, row.name, row.kind)
    name = clean(office_name) or default_office_name(mode, commune)
    validation.check(OfficeProfile.office_name, name)
    session.add(
        OfficeProfile(
            id=1,
            mode=mode,
            unit_code=commune.code if commune else CITY_CODE,
            office_name=name,
        )
    )
    session.flush()
    office = require_office(session)
    for hamlet in hamlets:
        if clean(hamlet):
            add_hamlet(session, hamlet)
    return office


def update_office(
    session: Session,
    *,
    office_name: str,
    signer_title: str | None = None,
    signer_name: str | None = None,
) -> None:
    """Rename the office and, when given, set the People's Committee's signer (the other
    bodies' signers are :func:`desktop.core.issuers.set_signer`'s)."""
    profile = session.get(OfficeProfile, 1)
    if profile is None:
        raise UserError(M_NOT_SET_UP)
    profile.office_name = validation.check(OfficeProfile.office_name, office_name)
    if signer_title is not None:
        # The title may span lines ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
        profile.signer_title = validation.check(
            OfficeProfile.signer_title,
            "\n".join(clean(line) for line in clean_multiline(signer_title).splitlines()),
        )
    if signer_name is not None:
        profile.signer_name = validation.check(OfficeProfile.signer_name, signer_name)
    profile.updated_at = utc_now()


def record_store(session: Session) -> RecordStore:
    """A record store acting for this office and the person at the keyboard."""
    office = require_office(session)
    return RecordStore(session, owner_code=office.unit_code, actor=actor_name(session))


def list_hamlets(session: Session) -> list[HamletInfo]:
    office = require_office(session)
    rows = session.scalars(
        select(Hamlet).where(Hamlet.commune_code == office.unit_code, Hamlet.deleted_at.is_(None))
    )
    hamlets = [HamletInfo(h.id, h.name, h.kind, h.version) for h in rows]
    return sorted(hamlets, key=lambda h: sort_key(h.name))


def _check_unique_hamlet(session: Session, name: str, except_id: str | None = None) -> None:
    for hamlet in list_hamlets(session):
        if hamlet.id != except_id and hamlet.name.casefold() == name.casefold():
            raise UserError(M_DUPLICATE_HAMLET, name=name)


def add_hamlet(session: Session, name: str) -> str:
    office = require_office(session)
    text = validation.check(Hamlet.name, name)
    _check_unique_hamlet(session, text)
    return record_store(session).create(
        Hamlet, {"name": text, "kind": office.hamlet_kind, "sort_order": 0, "active": True}
    )


def rename_hamlet(session: Session, hamlet_id: str, name: str, *, expected_version: int) -> None:
    text = validation.check(Hamlet.name, name)
    _check_unique_hamlet(session, text, except_id=hamlet_id)
    record_store(session).update(
        Hamlet, hamlet_id, {"name": text}, expected_version=expected_version
    )


def delete_hamlet(session: Session, hamlet_id: str, *, expected_version: int) -> int:
    return record_store(session).delete(Hamlet, hamlet_id, expected_version=expected_version)


def restore_hamlet(session: Session, hamlet_id: str, *, expected_version: int) -> int:
    """Undo :func:`delete_hamlet`."""
    return record_store(session).restore(Hamlet, hamlet_id, expected_version=expected_version)
