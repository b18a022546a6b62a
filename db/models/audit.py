"""The audit log: who changed which record, when, and its values before and after."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, enum_column, utc_now
from db.enums import AuditAction


class AuditEntry(Base):
    """One change; written in the same transaction as the change itself."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[AuditAction] = enum_column(AuditAction)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int]
    before_json: Mapped[str | None]
    after_json: Mapped[str | None]
