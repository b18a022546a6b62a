"""``RecordStore.create_many`` / ``update_many``: the bulk path the Excel import uses keeps
the record store's contract (versions, change numbers, audit, owner)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

from db.enums import AuditAction, HouseholdCategory
from db.models import AuditEntry, Borrower
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.office import record_store
from desktop.core.records import M_DELETED, M_READ_ONLY, current_change_seq


def audit(db: Database, record_id: str) -> list[AuditEntry]:
    with db.reading() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.record_id == record_id).order_by(AuditEntry.id)
            )
        )


def test_create_many_matches_create(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        single = record_store(s).create(Borrower, {"full_name": "Một"})
        start = current_change_seq(s)
        ids = record_store(s).create_many(
            Borrower, [{"full_name": "Hai"}, {"full_name": "Ba", "phone": "0901234567"}]
        )
    with commune_db.reading() as s:
        rows = {b.id: b for b in s.scalars(select(Borrower))}
    assert [rows[i].change_seq for i in ids] == [start + 1, start + 2]
    assert all(rows[i].version == 1 and rows[i].commune_code == "31120" for i in ids)
    assert rows[ids[0]].household_category is HouseholdCategory.KHAC  # model default
    one = json.loads(audit(commune_db, single)[0].after_json or "{}")
    two = json.loads(audit(commune_db, ids[0])[0].after_json or "{}")
    assert set(one) == set(two)
    assert {k: v for k, v in two.items() if k not in ("id", "change_seq", "full_name")} == {
        k: v for k, v in one.items() if k not in ("id", "change_seq", "full_name")
    }


def test_update_many_changes_only_what_differs(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        a, b = record_store(s).create_many(Borrower, [{"full_name": "A"}, {"full_name": "B"}])
    with commune_db.transaction() as s:
        changed = record_store(s).update_many(
            Borrower, [(a, {"full_name": "A mới"}), (b, {"full_name": "B"})]
        )
    assert changed == [a]
    with commune_db.reading() as s:
        first, second = s.get(Borrower, a), s.get(Borrower, b)
    assert first is not None and (first.full_name, first.version) == ("A mới", 2)
    assert second is not None and second.version == 1
    entries = audit(commune_db, a)
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.UPDATE]
    assert json.loads(entries[1].before_json or "{}")["full_name"] == "A"
    assert json.loads(entries[1].after_json or "{}")["version"] == 2


def test_update_many_refuses_deleted_and_foreign_records(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        a, b = record_store(s).create_many(Borrower, [{"full_name": "A"}, {"full_name": "B"}])
        record_store(s).delete(Borrower, a, expected_version=1)
        s.execute(update(Borrower).where(Borrower.id == b).values(commune_code="31150"))
    for record_id, message in ((a, M_DELETED), (b, M_READ_ONLY)):
        with commune_db.transaction() as s, pytest.raises(UserError) as caught:
            record_store(s).update_many(Borrower, [(record_id, {"full_name": "X"})])
        assert caught.value.message is message


def test_system_columns_cannot_be_set_in_bulk(commune_db: Database) -> None:
    with commune_db.transaction() as s, pytest.raises(ValueError, match="system columns"):
        record_store(s).create_many(Borrower, [{"full_name": "A", "version": 9}])
