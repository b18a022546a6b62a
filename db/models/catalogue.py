"""Catalogues shipped under ``resources/catalogues`` and loaded on first run.

They are data, not code: credit programme rates change, so they carry valid-from dates and
stay editable in the application.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, enum_column
from db.enums import CommuneKind
from db.fields import MAX_SINGLE_AMOUNT, day, field, money, rate, text

#: The highest believable catalogue rate: 30 % a year.
MAX_PROGRAMME_RATE_BP = 3_000


class Commune(Base):
    """One of Cần Thơ's 103 commune-level units (xã / phường) since 1/7/2025."""

    __tablename__ = "communes"

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str]
    kind: Mapped[CommuneKind] = enum_column(CommuneKind)
    sort_order: Mapped[int] = mapped_column(default=0)


class PlanTask(Base):
    """A task of the city's plan for Directive 39 (codes as in DOMAIN.md: ``II.2.a``, ``III.3``).

    Headings (``II.2``) are rows too, so tasks group by their parent; only leaves get progress.
    """

    __tablename__ = "plan_tasks"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("plan_tasks.code"))
    section: Mapped[str] = mapped_column(String(4))
    short_title: Mapped[str]
    text: Mapped[str]
    applies_commune: Mapped[bool]
    applies_city: Mapped[bool]
    is_heading: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(default=0)


class Organisation(Base):
    """An entrusted socio-political organisation (HND, HPN, CCB, ĐTN)."""

    __tablename__ = "organisations"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str]
    short_name: Mapped[str]
    sort_order: Mapped[int] = mapped_column(default=0)


class CreditProgramme(Base):
    """A VBSP lending programme; its rates live in :class:`ProgrammeRate`."""

    __tablename__ = "credit_programmes"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str]
    short_name: Mapped[str]
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class ProgrammeRate(Base):
    """A programme's rate and cap from a date on.

    Rates are in basis points (hundredths of a percent: 6,6 % is 660) so no float is stored.
    ``confirmed`` is false where DOMAIN.md marks the figure unconfirmed.
    """

    __tablename__ = "programme_rates"
    __table_args__ = (UniqueConstraint("programme_code", "valid_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_code: Mapped[str] = mapped_column(ForeignKey("credit_programmes.code"), index=True)
    valid_from: Mapped[date] = field(day())
    rate_bp: Mapped[int | None] = field(rate(MAX_PROGRAMME_RATE_BP))
    priority_rate_bp: Mapped[int | None] = field(rate(MAX_PROGRAMME_RATE_BP))
    cap_amount: Mapped[int | None] = field(money(MAX_SINGLE_AMOUNT))
    cap_note: Mapped[str] = field(text(300), default="")
    confirmed: Mapped[bool] = mapped_column(default=True)
