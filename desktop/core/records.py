"""The one way travelling records are created, edited, deleted and restored.

Every change raises the record's ``version``, stamps ``updated_at`` and the next commune-local
``change_seq`` (what exports pick up), and writes an audit entry with the values before and
after, all in the caller's transaction, so a change and its audit entry land together or not
at all. A delete is a tombstone (``deleted_at``) that :meth:`RecordStore.restore` undoes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from db.base import SyncedRecord, new_uuid, utc_now
from db.enums import AuditAction
from db.models import AuditEntry, Counter
from db.serialize import JsonValue, to_json, to_plain
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP

R = TypeVar("R", bound=SyncedRecord)

CHANGE_SEQ = "change_seq"

M_NOT_FOUND = QT_TRANSLATE_NOOP("Records", "This record no longer exists.")
M_DELETED = QT_TRANSLATE_NOOP("Records", "This record has been deleted.")
M_STALE = QT_TRANSLATE_NOOP(
    "Records",
    "This record was changed by someone else after you opened it. Close the form, open the "
    "record again and repeat your change.",
)
M_READ_ONLY = QT_TRANSLATE_NOOP(
    "Records", "This record belongs to unit {owner} and can only be changed there."
)


def next_change_seq(session: Session, count: int = 1) -> int:
    """Reserve ``count`` consecutive change numbers and return the first."""
    stmt = (
        insert(Counter)
        .values(name=CHANGE_SEQ, value=count)
        .on_conflict_do_update(index_elements=["name"], set_={"value": Counter.value + count})
        .returning(Counter.value)
    )
    last = int(session.execute(stmt).scalar_one())
    return last - count + 1


def current_change_seq(session: Session) -> int:
    counter = session.get(Counter, CHANGE_SEQ)
    return counter.value if counter else 0


class RecordStore:
    """Edits travelling records on behalf of one office and one person.

    ``owner_code`` is this office's unit code: new records get it, and records owned by
    another unit (a commune's data at the city) cannot be changed.
    """

    def __init__(self, session: Session, *, owner_code: str, actor: str) -> None:
        self.session = session
        self.owner_code = owner_code
        self.actor = actor

    def create(self, model: type[R], values: Mapping[str, Any]) -> str:
        self._refuse_system_columns(model, values)
        now = utc_now()
        record = model(
            **values,
            id=new_uuid(),
            commune_code=self.owner_code,
            version=1,
            created_at=now,
            updated_at=now,
            change_seq=next_change_seq(self.session),
        )
        self.session.add(record)
        self.session.flush()
        self._audit(AuditAction.CREATE, record, None)
        return record.id

    def get(self, model: type[R], record_id: str, *, allow_deleted: bool = False) -> R:
        record = self.session.get(model, record_id)
        if record is None:
            raise UserError(M_NOT_FOUND)
        if record.deleted_at is not None and not allow_deleted:
            raise UserError(M_DELETED)
        return record

    def update(
        self,
        model: type[R],
        record_id: str,
        values: Mapping[str, Any],
        *,
        expected_version: int | None = None,
    ) -> int:
        """Apply ``values``; return the new version (unchanged when nothing differs)."""
        self._refuse_system_columns(model, values)
        record = self._editable(model, record_id, expected_version)
        changed = {k: v for k, v in values.items() if getattr(record, k) != v}
        if not changed:
            return record.version
        before = to_plain(record)
        for key, value in changed.items():
            setattr(record, key, value)
        self._bump(record)
        self._audit(AuditAction.UPDATE, record, before)
        return record.version

    def delete(self, model: type[R], record_id: str, *, expected_version: int | None = None) -> int:
        record = self._editable(model, record_id, expected_version)
        before = to_plain(record)
        record.deleted_at = utc_now()
        self._bump(record)
        self._audit(AuditAction.DELETE, record, before)
        return record.version

    def restore(self, model: type[R], record_id: str) -> int:
        """Undo a delete."""
        record = self.get(model, record_id, allow_deleted=True)
        self._check_owner(record)
        if record.deleted_at is None:
            return record.version
        before = to_plain(record)
        record.deleted_at = None
        self._bump(record)
        self._audit(AuditAction.RESTORE, record, before)
        return record.version

    def _editable(self, model: type[R], record_id: str, expected_version: int | None) -> R:
        record = self.get(model, record_id)
        self._check_owner(record)
        if expected_version is not None and record.version != expected_version:
            raise UserError(M_STALE)
        return record

    def _check_owner(self, record: SyncedRecord) -> None:
        if record.commune_code != self.owner_code:
            raise UserError(M_READ_ONLY, owner=record.commune_code)

    def _bump(self, record: SyncedRecord) -> None:
        record.version += 1
        record.updated_at = utc_now()
        record.change_seq = next_change_seq(self.session)
        self.session.flush()

    def _audit(
        self, action: AuditAction, record: SyncedRecord, before: dict[str, JsonValue] | None
    ) -> None:
        self.session.add(
            AuditEntry(
                actor=self.actor,
                action=action,
                record_type=record.record_type,
                record_id=record.id,
                version=record.version,
                before_json=to_json(before),
                after_json=to_json(to_plain(record)),
            )
        )

    @staticmethod
    def _refuse_system_columns(model: type[SyncedRecord], values: Mapping[str, Any]) -> None:
        forbidden = set(values) & model.SYSTEM_COLUMNS
        if forbidden:
            raise ValueError(f"system columns cannot be set directly: {sorted(forbidden)}")
