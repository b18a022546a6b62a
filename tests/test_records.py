"""The record store: versions, change numbers, tombstones with undo, audit in the same
transaction, and nobody edits another unit's records."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.enums import AuditAction, HamletKind
from db.models import AuditEntry, Hamlet
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.office import record_store
from desktop.core.records import RecordStore, current_change_seq


def audit(database: Database, record_id: str) -> list[AuditEntry]:
    with database.reading() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.record_id == record_id).order_by(AuditEntry.id)
            )
        )


def new_hamlet(database: Database, name: str = "Khu vực 9") -> str:
    with database.transaction() as s:
        return record_store(s).create(Hamlet, {"name": name, "kind": HamletKind.KHU_VUC})


def test_create_stamps_the_travelling_columns(commune_db: Database) -> None:
    before = current_change_seq_of(commune_db)
    hamlet_id = new_hamlet(commune_db)
    with commune_db.reading() as s:
        hamlet = s.get(Hamlet, hamlet_id)
        assert hamlet is not None
        assert hamlet.commune_code == "31120" and hamlet.version == 1
        assert hamlet.change_seq == before + 1 and hamlet.deleted_at is None
    entries = audit(commune_db, hamlet_id)
    assert [e.action for e in entries] == [AuditAction.CREATE]
    assert entries[0].before_json is None
    assert json.loads(entries[0].after_json or "{}")["name"] == "Khu vực 9"


def current_change_seq_of(database: Database) -> int:
    with database.reading() as s:
        return current_change_seq(s)


def test_edit_raises_version_and_audits_before_and_after(commune_db: Database) -> None:
    hamlet_id = new_hamlet(commune_db)
    with commune_db.transaction() as s:
        version = record_store(s).update(
            Hamlet, hamlet_id, {"name": "Khu vực Mười"}, expected_version=1
        )
    assert version == 2
    update = audit(commune_db, hamlet_id)[-1]
    assert update.action == AuditAction.UPDATE and update.version == 2
    assert json.loads(update.before_json or "{}")["name"] == "Khu vực 9"
    assert json.loads(update.after_json or "{}")["name"] == "Khu vực Mười"


def test_an_edit_that_changes_nothing_is_not_a_version(commune_db: Database) -> None:
    hamlet_id = new_hamlet(commune_db)
    seq = current_change_seq_of(commune_db)
    with commune_db.transaction() as s:
        assert (
            record_store(s).update(Hamlet, hamlet_id, {"name": "Khu vực 9"}, expected_version=1)
            == 1
        )
    assert current_change_seq_of(commune_db) == seq
    assert len(audit(commune_db, hamlet_id)) == 1


def test_stale_edit_is_refused(commune_db: Database) -> None:
    hamlet_id = new_hamlet(commune_db)
    with commune_db.transaction() as s:
        record_store(s).update(Hamlet, hamlet_id, {"name": "A"}, expected_version=1)
    with pytest.raises(UserError, match="changed by someone else"), commune_db.transaction() as s:
        record_store(s).update(Hamlet, hamlet_id, {"name": "B"}, expected_version=1)
    with pytest.raises(UserError, match="changed by someone else"), commune_db.transaction() as s:
        record_store(s).delete(Hamlet, hamlet_id, expected_version=1)
    with commune_db.reading() as s:
        assert s.get(Hamlet, hamlet_id).name == "A"  # type: ignore[union-attr]


def test_delete_is_a_tombstone_and_restore_undoes_it(commune_db: Database) -> None:
    hamlet_id = new_hamlet(commune_db)
    with commune_db.transaction() as s:
        record_store(s).delete(Hamlet, hamlet_id, expected_version=1)
    with commune_db.reading() as s:
        hamlet = s.get(Hamlet, hamlet_id)
        assert hamlet is not None and hamlet.deleted_at is not None and hamlet.version == 2
    with pytest.raises(UserError, match="deleted"), commune_db.transaction() as s:
        record_store(s).update(Hamlet, hamlet_id, {"name": "X"}, expected_version=2)
    with pytest.raises(UserError, match="changed by someone else"), commune_db.transaction() as s:
        record_store(s).restore(Hamlet, hamlet_id, expected_version=1)  # not what the delete left
    with commune_db.transaction() as s:
        assert record_store(s).restore(Hamlet, hamlet_id, expected_version=2) == 3
    with commune_db.reading() as s:
        assert s.get(Hamlet, hamlet_id).deleted_at is None  # type: ignore[union-attr]
    assert [e.action for e in audit(commune_db, hamlet_id)] == [
        AuditAction.CREATE,
        AuditAction.DELETE,
        AuditAction.RESTORE,
    ]


def test_failed_transaction_leaves_neither_change_nor_audit(commune_db: Database) -> None:
    hamlet_id = new_hamlet(commune_db)
    with pytest.raises(RuntimeError), commune_db.transaction() as s:
        record_store(s).update(Hamlet, hamlet_id, {"name": "Half done"}, expected_version=1)
        raise RuntimeError("power cut")
    with commune_db.reading() as s:
        assert s.get(Hamlet, hamlet_id).name == "Khu vực 9"  # type: ignore[union-attr]
    assert len(audit(commune_db, hamlet_id)) == 1


def test_another_units_records_are_read_only(commune_db: Database) -> None:
    hamlet_id = new_hamlet(commune_db)
    with pytest.raises(UserError, match="belongs to unit 31120"), commune_db.transaction() as s:
        RecordStore(s, owner_code="92", actor="city").update(
            Hamlet, hamlet_id, {"name": "X"}, expected_version=1
        )


def test_system_columns_cannot_be_typed(commune_db: Database) -> None:
    with pytest.raises(ValueError, match="system columns"), commune_db.transaction() as s:
        record_store(s).create(Hamlet, {"name": "X", "kind": HamletKind.AP, "version": 7})
