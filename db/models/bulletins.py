"""What the city decides and sends down to the communes in its signed bulletins, and the
marks a commune leaves when it corrects a period the city has closed.

- :class:`CommuneTarget`, :class:`Notice` and :class:`ClosedPeriod` are **city-issued**
  records: the city office makes them (owner ``92``, through the record store, with their
  history), and a commune holds copies of the ones addressed to it, exactly as the city
  sent them (same id, same version, owner ``92``), which it can read but never change.
  They do not travel up in the commune's sync files.
- :class:`LateCorrection` is a commune's own record that travels up: one per change made
  to a record dated in a closed period, written in the same transaction as the change.
- :class:`IssuedBulletin` (city) and :class:`AppliedBulletin` (commune) are the ledgers of
  the bulletin files made and applied.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, SyncedRecord, enum_column, utc_now
from db.enums import AuditAction, PeriodKind, TargetKind
from db.fields import MAX_AMOUNT, calendar_year, day, field, text, whole_number


class CommuneTarget(SyncedRecord):
    """A target the city assigns one commune for one year (fund mobilisation, entrusted
    budget capital to transfer, savings groups graded good, loans to check). The unit
    follows from the kind (đồng, groups, loans)."""

    __tablename__ = "commune_targets"
    record_type = "commune_target"

    target_code: Mapped[str] = mapped_column(ForeignKey("communes.code"), index=True)
    year: Mapped[int]
    kind: Mapped[TargetKind] = enum_column(TargetKind)
    value: Mapped[int]
    notes: Mapped[str] = mapped_column(default="")


class Notice(SyncedRecord):
    """A notice from the city (``"Nộp báo cáo năm trước ngày 15/10"``), to every commune
    (``addressee`` empty) or to one. ``acknowledged_at`` is the commune's own mark that it
    read the notice: never sent anywhere, cleared when the city changes the notice."""

    __tablename__ = "notices"
    record_type = "notice"

    addressee: Mapped[str | None] = mapped_column(ForeignKey("communes.code"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(default="")
    act_by: Mapped[date | None]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str] = mapped_column(String(120), default="")


class ClosedPeriod(SyncedRecord):
    """A period the city has consolidated and reported (``period_no`` as in
    ``task_progress``: 1–4 for quarters, 1–2 for halves, 1 for a year)."""

    __tablename__ = "closed_periods"
    record_type = "closed_period"

    period_kind: Mapped[PeriodKind] = enum_column(PeriodKind)
    year: Mapped[int]
    period_no: Mapped[int]
    closed_on: Mapped[date]
    notes: Mapped[str] = mapped_column(default="")


class LateCorrection(SyncedRecord):
    """A commune's change to a record dated in a period the city had closed: which record,
    what was done, which closed period. Travels to the city with the change itself."""

    __tablename__ = "late_corrections"
    record_type = "late_correction"

    record_kind: Mapped[str] = field(text(32, required=True), String(32))
    record_ref: Mapped[str] = field(text(36, required=True), String(36), index=True)
    action: Mapped[AuditAction] = enum_column(AuditAction)
    record_version: Mapped[int] = field(whole_number(1, MAX_AMOUNT))
    period_kind: Mapped[PeriodKind] = enum_column(PeriodKind)
    year: Mapped[int] = field(calendar_year())
    period_no: Mapped[int] = field(whole_number(1, 4))
    closed_on: Mapped[date] = field(day())


class IssuedBulletin(Base):
    """A bulletin file the city made: one row per file (a bulletin to every commune is one
    file; a bulletin to each commune is one file per commune, all with the same number)."""

    __tablename__ = "issued_bulletins"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(index=True)
    addressee: Mapped[str | None] = mapped_column(String(5))
    issued_at: Mapped[datetime] = mapped_column(default=utc_now)
    file_name: Mapped[str]
    file_sha256: Mapped[str] = mapped_column(String(64))
    counts_json: Mapped[str] = mapped_column(default="{}")
    catalogue_sha256: Mapped[str] = mapped_column(String(64))


class AppliedBulletin(Base):
    """A bulletin file this commune applied (the same bytes again change nothing)."""

    __tablename__ = "applied_bulletins"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(index=True)
    addressee: Mapped[str | None] = mapped_column(String(5))
    issued_at: Mapped[datetime]
    file_name: Mapped[str]
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    applied_at: Mapped[datetime] = mapped_column(default=utc_now)
    summary_json: Mapped[str] = mapped_column(default="{}")
