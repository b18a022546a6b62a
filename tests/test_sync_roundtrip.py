"""A commune's records reach the city: export, dry run, import, receipt; changes, deletes,
history, files out of order, gaps, full snapshots, conflicts, keys."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from db.enums import ConflictResolution, ExportState, OfficeMode
from db.models import MODELS_BY_RECORD_TYPE, Hamlet, RecordHistory
from desktop.core import demo
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.office import record_store, set_up_office
from desktop.sync import keys
from desktop.sync.board import CommuneStatus, board, ranges
from desktop.sync.conflicts import list_conflicts, resolve_conflict
from desktop.sync.consolidated import counts_by_commune, records
from desktop.sync.exporter import list_exports, make_export, mark_sent, pending_changes
from desktop.sync.importer import CityImporter, Status
from desktop.sync.ledger import gaps_without, ledger_rows, missing_files, stored_time
from desktop.sync.privacy import travelling_columns
from desktop.sync.receipts import accept_receipt, receipt_bytes
from desktop.sync.verify import commune_names
from tests.sync_support import (
    World,
    add_hamlet,
    clone_database,
    content,
    open_genuine,
    template_db,
    travelling_state,
)

#: Each test runs with the city on SQLite and on PostgreSQL (issue 17); communes are SQLite.
pytestmark = pytest.mark.usefixtures("english", "engine")


def board_row(session: Session, code: str) -> CommuneStatus:
    return next(s for s in board(session) if s.code == code)


def rename(database, record_id: str, name: str) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        store = record_store(session)
        version = store.get(Hamlet, record_id).version
        store.update(Hamlet, record_id, {"name": name}, expected_version=version)


def delete(database, record_id: str) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        store = record_store(session)
        store.delete(Hamlet, record_id, expected_version=store.get(Hamlet, record_id).version)


def test_export_needs_the_city_key(tmp_path: Path) -> None:
    commune = clone_database(template_db(), tmp_path / "c")
    with commune.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31120", hamlets=["Khu vực 1"])
    with pytest.raises(UserError) as error, commune.transaction() as session:
        make_export(session, commune.paths.exports)
    assert "tdcs keys import-city" in error.value.text()
    commune.close()


def test_full_roundtrip_with_receipt(world: World) -> None:
    """A commune's first file waits until its key's fingerprint, read out by phone, is
    typed at the city; then it imports, and the receipt acknowledges it."""
    commune = world.commune(enrol=False)
    with commune.transaction() as session:
        demo.generate(session, scale="small")
        spoken = keys.commune_fingerprint(session)
    result = world.export(commune, full=True)
    assert result.path.name.startswith("31120_CaiKhe_0001_") and result.path.name.endswith(
        "_DayDu.tdcs"
    )
    before = content(world.city)
    check = world.import_file(result.path, dry_run=True)
    assert check.status is Status.WAITING, check.message
    assert check.summary is not None and check.summary.total("new") == result.total
    assert check.new_key_fingerprint == spoken and spoken in check.message
    assert "tdcs keys confirm 31120" in check.message
    assert content(world.city) == before
    report = world.import_file(result.path)
    assert report.status is Status.WAITING and content(world.city) == before
    with world.city.reading() as session:
        assert keys.pinned_commune_key(session, "31120") is None
        assert board_row(session, "31120").waiting == (spoken,)
    with world.city.transaction() as session, pytest.raises(UserError) as wrong:
        keys.confirm_commune_key(session, "31120", "1234 5678 9012 3456 7890 1234")
    assert "No file from Cái Khế (31120)" in wrong.value.text()
    with world.city.transaction() as session:
        keys.confirm_commune_key(session, "31120", spoken.replace(" ", ""))
    check = world.import_file(result.path, dry_run=True)
    assert check.status is Status.READY, check.message
    assert check.new_key_fingerprint is None
    report = world.import_file(result.path)
    assert report.status is Status.APPLIED, report.message
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    with world.city.transaction() as session:
        pinned = keys.pinned_commune_key(session, "31120")
        assert pinned is not None and pinned.fingerprint == spoken
        assert board_row(session, "31120").waiting == ()
        assert report.import_id is not None
        name, data = receipt_bytes(session, report.import_id)
    assert name == "BienNhan_31120_CaiKhe_0001.tdcsr"
    with commune.transaction() as session:
        ack = accept_receipt(session, data)
        assert not ack.already and ack.seq == 1
        assert list_exports(session)[0].state is ExportState.ACKNOWLEDGED
    with commune.transaction() as session:
        assert accept_receipt(session, data).already
    again = world.import_file(result.path)
    assert again.status is Status.ALREADY and "already imported" in again.message
    commune.close()


def test_changes_deletions_and_history(world: World) -> None:
    commune = world.commune(hamlets=("Khu vực 1", "Khu vực 2"))
    first = world.export(commune)
    assert world.import_file(first.path).status is Status.APPLIED
    with commune.reading() as session:
        ids = {h.name: h.id for h in session.query(Hamlet)}
    rename(commune, ids["Khu vực 1"], "Khu vực Một")
    delete(commune, ids["Khu vực 2"])
    add_hamlet(commune, "Khu vực 3")
    with commune.reading() as session:
        assert pending_changes(session).changes == 3
    second = world.export(commune)
    assert second.total == 3 and second.seq == 2
    report = world.import_file(second.path)
    assert report.status is Status.APPLIED
    assert report.summary is not None
    assert report.summary.totals() == {
        "new": 1,
        "changed": 1,
        "deleted": 1,
        "unchanged": 0,
        "conflicts": 0,
        "rejected": 0,
    }
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    with world.city.reading() as session:
        history = session.query(RecordHistory).all()
        assert {(h.record_id, h.version) for h in history} == {
            (ids["Khu vực 1"], 1),
            (ids["Khu vực 2"], 1),
        }
        old = next(h for h in history if h.record_id == ids["Khu vực 1"])
        assert json.loads(old.payload_json)["name"] == "Khu vực 1"
        view = records(session, "hamlet", commune_code="31120")
        assert sorted(row[4] for row in view.rows) == ["Khu vực 3", "Khu vực Một"]
        assert counts_by_commune(session)["hamlet"] == {"31120": 2}
    with commune.transaction() as session, pytest.raises(UserError) as error:
        make_export(session, commune.paths.exports)
    assert "file 2" in error.value.text()
    full = world.export(commune, full=True)
    assert full.seq == 3 and full.total == 3
    report = world.import_file(full.path)
    assert report.summary is not None and report.summary.total("unchanged") == 3
    commune.close()


def test_files_out_of_order_gaps_and_full_snapshot(world: World) -> None:
    commune = world.commune(hamlets=("Ấp 1",))
    files = [world.export(commune)]
    for n in (2, 3, 4):
        add_hamlet(commune, f"Ấp {n}")
        files.append(world.export(commune))
    report = world.import_file(files[2].path)
    assert report.status is Status.APPLIED
    assert "Files 1–2 from Cái Khế have not arrived." in report.notes
    with world.city.reading() as session:
        status = next(s for s in board(session) if s.code == "31120")
        assert status.missing == ((1, 2),) and status.last_seq == 3
        assert status.gap_text() == "Files 1–2 from Cái Khế have not arrived."
    assert world.import_file(files[0].path).status is Status.APPLIED
    with world.city.reading() as session:
        status = next(s for s in board(session) if s.code == "31120")
        assert status.gap_text() == "File 2 from Cái Khế has not arrived."
    add_hamlet(commune, "Ấp 5")
    full = world.export(commune, full=True)
    assert world.import_file(full.path).status is Status.APPLIED
    with world.city.reading() as session:
        status = next(s for s in board(session) if s.code == "31120")
        assert status.missing == () and status.last_seq == 5 and status.files == 3
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    late = world.import_file(files[1].path)
    assert late.status is Status.APPLIED
    assert late.summary is not None and late.summary.total("unchanged") == 1
    assert world.import_file(files[3].path).status is Status.APPLIED
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    commune.close()


def test_missing_files_and_ranges() -> None:
    assert missing_files([], []) == ()
    assert missing_files([3], []) == ((1, 2),)
    assert missing_files([1, 2, 5, 7], [5]) == ((6, 6),)
    assert missing_files([1, 4, 5], [4]) == ()
    assert missing_files([1, 3, 7, 9], []) == ((2, 2), (4, 6), (8, 8))
    assert ranges(((6, 6),)) == "6"
    assert ranges(((1, 3), (6, 6), (8, 9))) == "1–3, 6, 8–9"
    # Nothing is allocated per missing number: a file numbered a million costs one range.
    assert missing_files([1, 1_000_000], []) == ((2, 999_999),)
    assert ranges(missing_files([1, 1_000_000], [])) == "2–999.999"
    assert gaps_without(((2, 9),), [2, 5, 9, 40]) == ((3, 4), (6, 8))
    # A ledger line written before implausible times were refused cannot break a report.
    assert stored_time("9999-12-31 23:59:59") is None
    assert stored_time("2026-10-05 01:30:00") is not None


def test_personal_data_stays_at_the_commune(world: World) -> None:
    commune = world.commune()
    with commune.transaction() as session:
        demo.generate(session, scale="small")
    result = world.export(commune, full=True)
    opened = open_genuine(world.city, result.path)
    tables = {t["type"]: t for t in opened.payload["tables"]}
    borrower_columns = set(tables["borrower"]["columns"])
    assert {"citizen_id", "phone", "birth_year", "notes"}.isdisjoint(borrower_columns)
    assert "full_name" in borrower_columns and "household_category" in borrower_columns
    assert "leader_phone" not in tables["savings_group"]["columns"]
    assert "recipient_name" not in tables["fund_spending"]["columns"]
    assert opened.manifest["withheld"]["borrower"] == ["birth_year", "citizen_id", "notes", "phone"]
    raw = result.path.read_bytes()
    with commune.reading() as session:
        some_id = session.execute(
            __import__("sqlalchemy").text("SELECT citizen_id FROM borrowers LIMIT 1")
        ).scalar_one()
    assert some_id.encode() not in raw
    assert world.import_file(result.path).status is Status.APPLIED
    with world.city.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM borrowers WHERE citizen_id IS NOT NULL OR phone != '' "
            "OR birth_year IS NOT NULL OR notes != ''"
        ).one() == (0,)
        assert conn.exec_driver_sql("SELECT count(*) FROM borrowers").scalar() == 60
        assert conn.exec_driver_sql(
            "SELECT count(DISTINCT recipient_name) FROM fund_spendings"
        ).one() == (1,)
    commune.close()


def _same_version_other_content(commune, record_id: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """What a commune that restored an old backup and edited again would send."""
    conn = sqlite3.connect(commune.paths.database)
    with conn:
        conn.execute("UPDATE hamlets SET name = ? WHERE id = ?", (name, record_id))
    conn.close()


def test_conflicts_wait_for_a_person(world: World) -> None:
    commune = world.commune(hamlets=("Ấp Mỹ", "Ấp Thạnh"))
    assert world.import_file(world.export(commune).path).status is Status.APPLIED
    with commune.reading() as session:
        ids = {h.name: h.id for h in session.query(Hamlet)}
    _same_version_other_content(commune, ids["Ấp Mỹ"], "Ấp Mỹ Hòa")
    _same_version_other_content(commune, ids["Ấp Thạnh"], "Ấp Thạnh Lợi")
    full = world.export(commune, full=True)
    report = world.import_file(full.path)
    assert report.status is Status.APPLIED
    assert report.summary is not None and report.summary.total("conflicts") == 2
    with world.city.engine.connect() as conn:
        city_names = set(conn.exec_driver_sql("SELECT name FROM hamlets").scalars())
    assert city_names == {"Ấp Mỹ", "Ấp Thạnh"}, "never silently overwritten"
    with world.city.reading() as session:
        conflicts = list_conflicts(session)
        assert len(conflicts) == 2
        assert next(s for s in board(session) if s.code == "31120").conflicts == 2
        by_id = {c.record_id: c for c in conflicts}
        diff = by_id[ids["Ấp Mỹ"]].differences
        assert [(d.field, d.city_value, d.file_value) for d in diff] == [
            ("name", "Ấp Mỹ", "Ấp Mỹ Hòa")
        ]
    again = world.import_file(world.export(commune, full=True).path)
    assert again.summary is not None and again.summary.total("conflicts") == 2
    with world.city.reading() as session:
        assert len(list_conflicts(session)) == 2, "the same conflict is not queued twice"
    with CityImporter(world.city) as importer, importer.sessions.begin() as session:
        resolve_conflict(session, by_id[ids["Ấp Mỹ"]].id, ConflictResolution.TAKE_INCOMING)
        resolve_conflict(session, by_id[ids["Ấp Thạnh"]].id, ConflictResolution.KEEP_EXISTING)
    with world.city.reading() as session:
        assert list_conflicts(session) == []
        assert session.get(Hamlet, ids["Ấp Mỹ"]).name == "Ấp Mỹ Hòa"  # type: ignore[union-attr]
        assert session.get(Hamlet, ids["Ấp Thạnh"]).name == "Ấp Thạnh"  # type: ignore[union-attr]
        assert session.query(RecordHistory).filter_by(record_id=ids["Ấp Mỹ"]).count() == 1
    third = world.import_file(world.export(commune, full=True).path)
    assert third.summary is not None
    assert third.summary.total("conflicts") == 0 and third.summary.total("unchanged") == 2
    rename(commune, ids["Ấp Thạnh"], "Ấp Thạnh Lợi B")
    assert world.import_file(world.export(commune).path).status is Status.APPLIED
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    with (
        CityImporter(world.city) as importer,
        importer.sessions.begin() as session,
        pytest.raises(UserError),
    ):
        resolve_conflict(session, by_id[ids["Ấp Mỹ"]].id, ConflictResolution.KEEP_EXISTING)
    commune.close()


def test_a_newer_version_closes_a_waiting_conflict(world: World) -> None:
    commune = world.commune(hamlets=("Ấp Mỹ",))
    world.import_file(world.export(commune).path)
    with commune.reading() as session:
        hamlet_id = session.query(Hamlet).one().id
    _same_version_other_content(commune, hamlet_id, "Ấp Mỹ Hòa")
    world.import_file(world.export(commune, full=True).path)
    rename(commune, hamlet_id, "Ấp Mỹ Hòa A")
    world.import_file(world.export(commune).path)
    with world.city.reading() as session:
        assert list_conflicts(session) == []
        assert len(list_conflicts(session, pending_only=False)) == 1
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    commune.close()


def test_two_communes_and_the_consolidated_view(world: World) -> None:
    cai_khe = world.commune("31120", hamlets=("Khu vực 1",))
    thoi_an = world.commune("31217", hamlets=("Ấp Thới An",))
    for commune in (cai_khe, thoi_an):
        assert world.import_file(world.export(commune).path).status is Status.APPLIED
    with world.city.reading() as session:
        view = records(session, "hamlet")
        assert {(r[1], r[4]) for r in view.rows} == {
            ("31120", "Khu vực 1"),
            ("31217", "Ấp Thới An"),
        }
        names = commune_names(session)
        assert view.rows[0][2] == names[view.rows[0][1]]
        statuses = {s.code: s for s in board(session)}
        assert len(statuses) == 103
        assert statuses["31120"].files == 1 and statuses["31217"].files == 1
        assert statuses["31135"].files == 0 and statuses["31135"].last_seq is None
        rows = ledger_rows(session, names)
        assert [r.commune_code for r in rows] == ["31217", "31120"]
    cai_khe.close()
    thoi_an.close()


def test_mark_sent(world: World) -> None:
    commune = world.commune(hamlets=("Ấp 1",))
    world.export(commune)
    with commune.transaction() as session:
        row = mark_sent(session, 1)
        assert row.state is ExportState.SENT and row.sent_at is not None
        with pytest.raises(UserError):
            mark_sent(session, 9)
    commune.close()


def live_state(database, code: str) -> dict[str, set[tuple[Any, ...]]]:  # type: ignore[no-untyped-def]
    """This commune's records that count (not deleted), as a sync file carries them."""
    return {
        kind: {row for row in rows if row[columns_of(kind).index("deleted_at")] is None}
        for kind, rows in travelling_state(database, code).items()
    }


def columns_of(kind: str) -> list[str]:
    return [c for c in travelling_columns(MODELS_BY_RECORD_TYPE[kind]) if c != "change_seq"]


def test_forgetting_a_commune_key_starts_the_commune_afresh(world: World) -> None:
    """Cái Khế reinstalls TDCS without a backup. Its new key is refused until the city
    forgets the old one; then its file 1 (numbers begin again) waits for the new key to be
    confirmed by phone, and once imported it replaces what the city held: the old records
    are marked deleted (kept in the history), the figures are the new commune's."""
    commune = world.commune(hamlets=("Ấp 1",))
    assert world.import_file(world.export(commune).path).status is Status.APPLIED
    add_hamlet(commune, "Ấp 2 cũ")
    assert world.import_file(world.export(commune).path).status is Status.APPLIED
    at = columns_of("hamlet").index("id")
    old_ids = {row[at] for row in live_state(world.city, "31120")["hamlet"]}
    reinstalled = World(world.root / "again", world.template, world.city, world.city_key_file)
    fresh = reinstalled.commune(hamlets=("Ấp 1 mới",), enrol=False)
    with fresh.reading() as session:
        spoken = keys.commune_fingerprint(session)
    first = world.export(fresh).path
    refused = world.import_file(first)
    assert refused.status is Status.REFUSED and "different key" in refused.message
    with world.city.transaction() as session:
        assert keys.forget_commune_key(session, "31120")
        assert not keys.forget_commune_key(session, "31120"), "nothing left to forget"
    waiting = world.import_file(first)
    assert waiting.status is Status.WAITING, waiting.message
    with world.city.transaction() as session:
        keys.confirm_commune_key(session, "31120", spoken)
    accepted = world.import_file(first)
    assert accepted.status is Status.APPLIED, accepted.message
    assert accepted.summary is not None and accepted.summary.total("deleted") == 2
    assert any("2 records the commune no longer has" in note for note in accepted.notes)
    assert live_state(world.city, "31120") == live_state(fresh, "31120")
    with world.city.reading() as session:
        kept = {h.record_id for h in session.query(RecordHistory)}
        assert old_ids <= kept, "what was there before stays in the history"
        status = next(s for s in board(session) if s.code == "31120")
        assert status.files == 1 and status.last_seq == 1 and status.missing == ()
    add_hamlet(fresh, "Ấp 2 mới")
    assert world.import_file(world.export(fresh).path).status is Status.APPLIED
    assert live_state(world.city, "31120") == live_state(fresh, "31120")
    commune.close()
    fresh.close()


def test_a_full_copy_after_a_restored_backup_drops_what_the_commune_lost(
    world: World, tmp_path: Path
) -> None:
    """Seen without any attacker: a commune restored a backup, sent the full file the city
    asked for, and the city kept a record the commune no longer had."""
    commune = world.commune(hamlets=("Ấp 1",))
    assert world.import_file(world.export(commune).path).status is Status.APPLIED
    backup = tmp_path / "backup.sqlite3"
    source, target = sqlite3.connect(commune.paths.database), sqlite3.connect(backup)
    source.backup(target)
    source.close()
    target.close()
    lost = add_hamlet(commune, "Ấp lập sau bản sao lưu")
    conn = sqlite3.connect(commune.paths.database)
    with conn:  # made an hour ago, as in life (the restore takes a while)
        conn.execute(
            "UPDATE hamlets SET created_at = datetime(created_at, '-1 hour'), "
            "updated_at = datetime(updated_at, '-1 hour') WHERE id = ?",
            (lost,),
        )
    conn.close()
    assert world.import_file(world.export(commune).path).status is Status.APPLIED
    commune.close()
    shutil.copyfile(backup, commune.paths.database)
    for suffix in ("-wal", "-shm"):
        Path(str(commune.paths.database) + suffix).unlink(missing_ok=True)
    restored = Database.open(commune.paths)
    add_hamlet(restored, "Ấp 3")
    again = world.import_file(world.export(restored).path)
    assert again.status is Status.REFUSED and "full" in again.message
    full = world.import_file(world.export(restored, full=True).path)
    assert full.status is Status.APPLIED, full.message
    assert live_state(world.city, "31120") == live_state(restored, "31120")
    with world.city.reading() as session:
        gone = session.get(Hamlet, lost)
        assert gone is not None and gone.deleted_at is not None
    restored.close()


def test_city_key_file(world: World) -> None:
    commune = world.commune()
    with commune.transaction() as session:
        assert keys.import_city_key(session, world.city_key_file).fingerprint
        other = World.make(world.root / "other-city", world.template)
        with pytest.raises(UserError) as error:
            keys.import_city_key(session, other.city_key_file)
        assert "replace" in error.value.text()
        replaced = keys.import_city_key(session, other.city_key_file, replace=True)
        assert replaced.fingerprint == keys.read_city_key_file(other.city_key_file).fingerprint
        other.close()
    with world.city.transaction() as session, pytest.raises(UserError):
        keys.import_city_key(session, world.city_key_file)
    commune.close()
