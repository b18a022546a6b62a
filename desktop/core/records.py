"""The one way travelling records are created, edited, deleted and restored.

Every change raises the record's ``version``, stamps ``updated_at`` and the next commune-local
``change_seq`` (what exports pick up), and writes an audit entry with the values before and
after, all in the caller's transaction, so a change and its audit entry land together or not
at all. A delete is a tombstone (``deleted_at``) that :meth:`RecordStore.restore` undoes.

A change to a commune's record dated in a period the city has closed also writes a
:class:`db.models.LateCorrection` in the same transaction (or, when the window asks first,
raises :class:`desktop.core.closing.AfterClosing`): see :mod:`desktop.core.closing`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy import insert as core_insert
from sqlalchemy.orm import Session

from db.base import CITY_CODE, SyncedRecord, new_uuid, utc_now
from db.dialects import upsert
from db.enums import AuditAction
from db.models import AuditEntry, Counter, LateCorrection
from db.serialize import JsonValue, plain_value, to_json, to_plain
from desktop.core import closing
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP

R = TypeVar("R", bound=SyncedRecord)

CHANGE_SEQ = "change_seq"
#: Ids per ``IN (...)`` query in bulk updates (well under SQLite's variable limit).
BULK_CHUNK = 500

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
        upsert(session.connection().dialect, Counter)
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
        self._mark_late(AuditAction.CREATE, record, None)
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
        expected_version: int,
    ) -> int:
        """Apply ``values`` to the record as it was at ``expected_version`` (the version the
        change was made from: another one means someone changed it since, and the change is
        refused); return the new version (unchanged when nothing differs)."""
        self._refuse_system_columns(model, values)
        record = self._editable(model, record_id, expected_version)
        changed = {k: v for k, v in values.items() if getattr(record, k) != v}
        if not changed:
            return record.version
        was_closed = self._closure(record)
        before = to_plain(record)
        for key, value in changed.items():
            setattr(record, key, value)
        self._bump(record)
        self._audit(AuditAction.UPDATE, record, before)
        self._mark_late(AuditAction.UPDATE, record, was_closed)
        return record.version

    def delete(self, model: type[R], record_id: str, *, expected_version: int) -> int:
        """Tombstone the record as it was at ``expected_version``; return the version the
        delete left (what its undo expects)."""
        record = self._editable(model, record_id, expected_version)
        before = to_plain(record)
        # Never before its creation, even on a computer whose clock was set back since.
        record.deleted_at = max(utc_now(), record.created_at)
        self._bump(record)
        self._audit(AuditAction.DELETE, record, before)
        self._mark_late(AuditAction.DELETE, record, None)
        return record.version

    def restore(self, model: type[R], record_id: str, *, expected_version: int) -> int:
        """Undo a delete: ``expected_version`` is the version the delete left (another one
        means the record changed since, and the undo is refused). A record that is not
        deleted is left as it is."""
        record = self.get(model, record_id, allow_deleted=True)
        self._check_owner(record)
        if record.deleted_at is None:
            return record.version
        if record.version != expected_version:
            raise UserError(M_STALE)
        before = to_plain(record)
        record.deleted_at = None
        self._bump(record)
        self._audit(AuditAction.RESTORE, record, before)
        self._mark_late(AuditAction.RESTORE, record, None)
        return record.version

    # -- bulk: the same contract, for imports of thousands of rows ---------------------------
    def create_many(self, model: type[R], rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Create many records at once; return their ids in order.

        Each record gets exactly what :meth:`create` gives it (id, owner, version 1, times, a
        change number of its own, an audit entry), but each table is written with one
        ``executemany`` instead of a flush per record. Core statements bypass the session's
        identity map, so call this in a unit of work that holds no ORM objects of ``model``.
        """
        if not rows:
            return []
        table = cast(Table, model.__table__)
        now = utc_now()
        first_seq = next_change_seq(self.session, len(rows))
        records: list[dict[str, Any]] = []
        for offset, values in enumerate(rows):
            self._refuse_system_columns(model, values)
            record: dict[str, Any] = {}
            for column in table.columns:
                if column.key in values:
                    record[column.key] = values[column.key]
                elif column.default is not None and column.default.is_scalar:
                    record[column.key] = column.default.arg  # type: ignore[attr-defined]
                else:
                    record[column.key] = None
            record.update(
                id=new_uuid(),
                commune_code=self.owner_code,
                version=1,
                created_at=now,
                updated_at=now,
                change_seq=first_seq + offset,
                deleted_at=None,
            )
            records.append(record)
        self.session.execute(core_insert(table), records)
        self._audit_many(AuditAction.CREATE, model, records, None, now)
        self._mark_late_many(AuditAction.CREATE, model, [(r, None) for r in records])
        return [r["id"] for r in records]

    def update_many(
        self, model: type[R], changes: Sequence[tuple[str, Mapping[str, Any]]]
    ) -> list[str]:
        """Apply ``values`` to each ``(id, values)``; return the ids that changed.

        The bulk form of :meth:`update` (no ``expected_version``: an import applies what the
        file says). Records of another unit and deleted records are refused with the same
        errors; records whose values already match are left alone, version and all.
        """
        if not changes:
            return []
        table = cast(Table, model.__table__)
        current: dict[str, dict[str, Any]] = {}
        ids = [record_id for record_id, _ in changes]
        for start in range(0, len(ids), BULK_CHUNK):
            chunk = ids[start : start + BULK_CHUNK]
            for row in self.session.execute(select(table).where(table.c.id.in_(chunk))):
                current[row.id] = dict(row._mapping)
        befores: list[dict[str, Any]] = []
        afters: list[dict[str, Any]] = []
        for record_id, values in changes:
            self._refuse_system_columns(model, values)
            before = current.get(record_id)
            if before is None:
                raise UserError(M_NOT_FOUND)
            if before["deleted_at"] is not None:
                raise UserError(M_DELETED)
            if before["commune_code"] != self.owner_code:
                raise UserError(M_READ_ONLY, owner=before["commune_code"])
            changed = {k: v for k, v in values.items() if before[k] != v}
            if changed:
                befores.append(before)
                afters.append({**before, **changed})
        if not afters:
            return []
        now = utc_now()
        first_seq = next_change_seq(self.session, len(afters))
        for offset, after in enumerate(afters):
            after.update(
                version=after["version"] + 1, updated_at=now, change_seq=first_seq + offset
            )
        keys = [c.key for c in table.columns if c.key != "id"]
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({key: bindparam(f"b_{key}") for key in keys})
        )
        self.session.execute(
            statement,
            [{"b_id": a["id"], **{f"b_{k}": a[k] for k in keys}} for a in afters],
            execution_options={"synchronize_session": False},
        )
        self._audit_many(AuditAction.UPDATE, model, afters, befores, now)
        self._mark_late_many(AuditAction.UPDATE, model, list(zip(afters, befores, strict=True)))
        return [a["id"] for a in afters]

    def _audit_many(
        self,
        action: AuditAction,
        model: type[SyncedRecord],
        afters: Sequence[Mapping[str, Any]],
        befores: Sequence[Mapping[str, Any]] | None,
        at: Any,
    ) -> None:
        def plain(values: Mapping[str, Any]) -> dict[str, JsonValue]:
            return {key: plain_value(value) for key, value in values.items()}

        self.session.execute(
            core_insert(AuditEntry),
            [
                {
                    "at": at,
                    "actor": self.actor,
                    "action": action,
                    "record_type": model.record_type,
                    "record_id": after["id"],
                    "version": after["version"],
                    "before_json": to_json(plain(befores[i])) if befores else None,
                    "after_json": to_json(plain(after)),
                }
                for i, after in enumerate(afters)
            ],
        )

    # -- changes to a closed period ----------------------------------------------------------
    def _closure(self, record: SyncedRecord) -> closing.Closure | None:
        return closing.closure_of(
            self.session, self.owner_code, record.record_type, lambda name: getattr(record, name)
        )

    def _mark_late(
        self, action: AuditAction, record: SyncedRecord, was_closed: closing.Closure | None
    ) -> None:
        """Mark a change to a record of a closed period (before or after the change)."""
        closure = was_closed or self._closure(record)
        if closure is None:
            return
        closing.ask_before(closure)
        self.create(
            LateCorrection,
            _late_values(record.record_type, record.id, action, record.version, closure),
        )

    def _mark_late_many(
        self,
        action: AuditAction,
        model: type[SyncedRecord],
        changes: Sequence[tuple[Mapping[str, Any], Mapping[str, Any] | None]],
    ) -> None:
        if self.owner_code == CITY_CODE or not closing.closures(self.session):
            return
        marks = []
        for after, before in changes:
            closure = None
            for values in (before, after):
                if values is not None and closure is None:
                    closure = closing.closure_of(
                        self.session, self.owner_code, model.record_type, values.get
                    )
            if closure is not None:
                closing.ask_before(closure)
                marks.append(
                    _late_values(model.record_type, after["id"], action, after["version"], closure)
                )
        self.create_many(LateCorrection, marks)

    def _editable(self, model: type[R], record_id: str, expected_version: int) -> R:
        record = self.get(model, record_id)
        self._check_owner(record)
        if record.version != expected_version:
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


def _late_values(
    record_type: str, record_id: str, action: AuditAction, version: int, closure: closing.Closure
) -> dict[str, Any]:
    period = closure.period
    return {
        "record_kind": record_type,
        "record_ref": record_id,
        "action": action,
        "record_version": version,
        "period_kind": period.kind,
        "year": period.year,
        "period_no": period.number,
        "closed_on": closure.closed_on,
    }
