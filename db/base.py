"""Declarative base and the columns every travelling record carries.

DESIGN.md: every record that travels to the city has a UUID, the owning commune code, a
``version`` that rises on each edit, ``updated_at``, a commune-local change sequence number
and a tombstone (``deleted_at``) instead of a hard delete. :class:`SyncedRecord` is that
contract in one place, so sync, audit and the record store can treat all record types alike.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import Date, Enum, Integer, MetaData, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.fields import field, whole_number

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Owner code of records the city office makes itself (the province code of Cần Thơ).
CITY_CODE = "92"


def new_uuid() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    """Naive UTC timestamp: SQLite has no time zones, so every stored time is UTC."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps stored as ISO text in UTC, so they sort and compare as text too."""

    impl = String(19)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.replace(microsecond=0).isoformat(sep=" ")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def enum_column(enum: type[StrEnum], **kwargs: Any) -> Any:
    """A text column restricted to an enum's values (a CHECK constraint, not a native type)."""
    return mapped_column(
        Enum(
            enum,
            native_enum=False,
            create_constraint=True,
            length=max(len(m.value) for m in enum),
            values_callable=lambda e: [m.value for m in e],
            validate_strings=True,
            name=enum.__name__.lower(),
        ),
        **kwargs,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime(),
        date: Date(),
        str: Text(),
        int: Integer(),
    }


class SyncedRecord(Base):
    """A record owned by one office that travels to the city in sync files.

    ``record_type`` is the stable name used in sync files and the audit log; it must never
    change once released.
    """

    __abstract__ = True
    record_type: ClassVar[str]

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    commune_code: Mapped[str] = mapped_column(String(5), index=True)
    version: Mapped[int] = field(whole_number(1, 2**31), default=1)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    change_seq: Mapped[int] = field(whole_number(0, 2**62), index=True)
    deleted_at: Mapped[datetime | None]

    #: Columns maintained by the record store and sync, never typed by a person.
    SYSTEM_COLUMNS: ClassVar[frozenset[str]] = frozenset(
        {"id", "commune_code", "version", "created_at", "updated_at", "change_seq", "deleted_at"}
    )
