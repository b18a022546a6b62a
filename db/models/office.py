"""The office running this copy of TDCS: its profile, settings and hamlets."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, SyncedRecord, enum_column, utc_now
from db.enums import HamletKind, OfficeMode
from db.fields import MAX_AMOUNT, field, text, whole_number


class OfficeProfile(Base):
    """Who this installation is: one row, written by the setup wizard or ``tdcs init``.

    ``unit_code`` is the commune code in commune mode and the city code (92) in city mode.
    """

    __tablename__ = "office_profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    mode: Mapped[OfficeMode] = enum_column(OfficeMode)
    unit_code: Mapped[str] = mapped_column(String(5))
    office_name: Mapped[str] = field(text(200, required=True))
    #: May span lines ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH").
    signer_title: Mapped[str] = field(text(200, multiline=True), default="")
    signer_name: Mapped[str] = field(text(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)


class Setting(Base):
    """Small local preferences (language, clerk name, last folders); never synced."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str]


class Counter(Base):
    """Monotonic counters, above all the commune-local change sequence used by exports."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)


class Hamlet(SyncedRecord):
    """An ấp (in a xã) or khu vực (in a phường); communes enter their own list."""

    __tablename__ = "hamlets"
    record_type = "hamlet"

    name: Mapped[str] = field(text(120, required=True))
    kind: Mapped[HamletKind] = enum_column(HamletKind)
    sort_order: Mapped[int] = field(whole_number(0, MAX_AMOUNT), default=0)
    active: Mapped[bool] = mapped_column(default=True)
