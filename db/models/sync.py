"""The sync ledgers: keys, exports made (commune), imports received (city), conflicts and
the versions a newer import replaced."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, enum_column, utc_now
from db.enums import ConflictResolution, ExportState, ImportOutcome


class OwnKey(Base):
    """A key pair this office made: the commune's Ed25519 signing key, or the city's
    encryption and signing keys. Private keys never leave the database or its backups."""

    __tablename__ = "own_keys"

    purpose: Mapped[str] = mapped_column(String(32), primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class TrustedKey(Base):
    """A public key from elsewhere: the city's key at a commune, or a commune's signing key
    pinned at the city on first import. ``owner_code`` is the commune code or 92."""

    __tablename__ = "trusted_keys"

    owner_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64))
    pinned_at: Mapped[datetime] = mapped_column(default=utc_now)


class ExportRecord(Base):
    """A sync file this commune made, and its state: created → sent → acknowledged."""

    __tablename__ = "exports"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    previous_id: Mapped[str | None] = mapped_column(String(36))
    file_name: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    full_snapshot: Mapped[bool] = mapped_column(default=False)
    from_change_seq: Mapped[int]
    to_change_seq: Mapped[int]
    counts_json: Mapped[str] = mapped_column(default="{}")
    payload_sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[ExportState] = enum_column(ExportState, default=ExportState.CREATED)
    sent_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]


class ImportRecord(Base):
    """A sync file the city received, whatever became of it."""

    __tablename__ = "imports"
    __table_args__ = (Index("ix_imports_commune_seq", "commune_code", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str]
    export_id: Mapped[str | None] = mapped_column(String(36), index=True)
    commune_code: Mapped[str | None] = mapped_column(String(5))
    seq: Mapped[int | None]
    received_at: Mapped[datetime] = mapped_column(default=utc_now)
    outcome: Mapped[ImportOutcome] = enum_column(ImportOutcome)
    counts_json: Mapped[str] = mapped_column(default="{}")
    message: Mapped[str] = mapped_column(default="")


class SyncConflict(Base):
    """Same record, same version, different content: held for a person to decide."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id"))
    commune_code: Mapped[str] = mapped_column(String(5), index=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int]
    existing_json: Mapped[str]
    incoming_json: Mapped[str]
    detected_at: Mapped[datetime] = mapped_column(default=utc_now)
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[ConflictResolution | None] = enum_column(ConflictResolution)


class RecordHistory(Base):
    """A version of a record that a newer version from a sync file replaced at the city."""

    __tablename__ = "record_history"
    __table_args__ = (Index("ix_record_history_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id"))
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int]
    payload_json: Mapped[str]
    replaced_at: Mapped[datetime] = mapped_column(default=utc_now)
