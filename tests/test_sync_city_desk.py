"""The city's desk, below the window: refused files in the ledger and on the board, the
receipts still to be e-mailed, records named as people know them, conflict decisions undone,
the consolidated records. Figures are set by hand here; nothing is checked against the
service under test. The city runs on SQLite, then on PostgreSQL (issue 17)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from db.enums import (
    AuditAction,
    ConflictResolution,
    GroupStatus,
    HamletKind,
    ImportOutcome,
    OfficeMode,
)
from db.models import (
    AuditEntry,
    Borrower,
    Hamlet,
    ImportRecord,
    Loan,
    RecordHistory,
    SavingsGroup,
    SyncConflict,
)
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.office import record_store, set_up_office
from desktop.sync import keys
from desktop.sync.board import board
from desktop.sync.conflicts import list_conflicts, reopen_conflict, resolve_conflict
from desktop.sync.importer import CityImporter, Status
from desktop.sync.ledger import ledger_rows
from desktop.sync.naming import RecordNamer
from desktop.sync.receipts import mark_receipt_sent, receipts_to_send, write_receipt
from desktop.sync.verify import commune_names
from tests.sync_support import (
    World,
    add_hamlet,
    clone_database,
    template_db,
    write,
)

#: The city on SQLite, then on PostgreSQL (issue 17); communes are SQLite.
pytestmark = pytest.mark.usefixtures("english", "engine")


def ledger(world: World) -> list[Any]:
    with world.city.reading() as session:
        return ledger_rows(session, commune_names(session))


# -- refused files --------------------------------------------------------------------------------


def test_a_refused_file_is_recorded_once_when_the_window_checks_it(world: World) -> None:
    broken = write(world.root / "31120_CaiKhe_0001.tdcs", b"TDCSSYNC\x01\x01" + b"\0" * 10)
    with CityImporter(world.city) as importer:
        assert importer.check(broken).status is Status.REFUSED
        assert ledger(world) == [], "a plain dry run (tdcs import --dry-run) writes nothing"
        first = importer.check(broken, record_refusal=True)
        again = importer.check(broken, record_refusal=True)
        imported = importer.import_file(broken)
    assert first.status is again.status is imported.status is Status.REFUSED
    rows = ledger(world)
    assert len(rows) == 1, "the same file refused for the same reason is one line"
    assert rows[0].outcome is ImportOutcome.REJECTED and rows[0].file_name == broken.name
    assert rows[0].message == first.message and first.message


def test_a_file_refused_against_the_ledger_is_recorded_under_its_commune(world: World) -> None:
    commune = world.commune(hamlets=("Ấp Mỹ",))
    # The commune's backup, taken before its first file: restored later, it makes another
    # file numbered 1.
    restored = clone_database(commune.paths.database, world.root / "restored")
    made = world.export(commune).path
    assert world.import_file(made).status is Status.APPLIED
    # The very same bytes again: "already imported", not a refusal, no line.
    with CityImporter(world.city) as importer:
        again = importer.check(
            write(world.root / "copy.tdcs", made.read_bytes()), record_refusal=True
        )
    assert again.status is Status.ALREADY and len(ledger(world)) == 1
    add_hamlet(restored, "Ấp Mỹ Lợi")
    other = world.export(restored).path
    with CityImporter(world.city) as importer:
        report = importer.check(other, record_refusal=True)
    assert report.status is Status.REFUSED and "Another file numbered 1" in report.message
    rows = ledger(world)
    assert [(r.outcome, r.commune_code, r.seq) for r in rows] == [
        (ImportOutcome.REJECTED, "31120", 1),
        (ImportOutcome.APPLIED, "31120", 1),
    ]
    with world.city.reading() as session:
        status = next(s for s in board(session) if s.code == "31120")
    assert status.refused_since == 1
    commune.close()
    restored.close()


def test_a_file_signed_by_another_key_counts_under_the_commune_it_names(
    world: World, tmp_path: Path
) -> None:
    commune = world.commune("31217", hamlets=("Ấp 1",))
    assert world.import_file(world.export(commune).path).status is Status.APPLIED
    stranger = clone_database(template_db(), tmp_path / "stranger")
    with stranger.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31217", hamlets=["Ấp 1"])
        keys.ensure_office_keys(session)
        keys.import_city_key(session, world.city_key_file)
    report = world.import_file(world.export(stranger, full=True).path)
    assert report.status is Status.REFUSED and "different key" in report.message
    assert report.commune_code == "31217"
    with world.city.reading() as session:
        record = session.scalars(
            select(ImportRecord).where(ImportRecord.outcome == ImportOutcome.REJECTED)
        ).one()
        status = next(s for s in board(session) if s.code == "31217")
    assert (record.commune_code, record.seq) == ("31217", 1)
    assert status.refused_since == 1 and status.files == 1
    commune.close()
    stranger.close()


def test_the_board_names_communes_that_sent_nothing(world: World) -> None:
    broken = write(world.root / "x.tdcs", b"nonsense")
    world.import_file(broken)
    with world.city.reading() as session:
        statuses = {s.code: s for s in board(session)}
    assert statuses["31120"].files_text() == "No file sent yet"
    # A refused file whose commune could be read: "every file was refused".
    with world.city.transaction() as session:
        session.add(
            ImportRecord(
                file_sha256="0" * 64,
                file_name="31135_x.tdcs",
                commune_code="31135",
                seq=1,
                outcome=ImportOutcome.REJECTED,
                message="refused",
            )
        )
    with world.city.reading() as session:
        statuses = {s.code: s for s in board(session)}
    assert statuses["31135"].files_text() == "No file imported yet: every file was refused"


def test_a_file_reports_the_numbers_missing_before_it(world: World) -> None:
    commune = world.commune(hamlets=("Ấp 1",))
    files = [world.export(commune).path]
    for name in ("Ấp 2", "Ấp 3", "Ấp 4"):
        add_hamlet(commune, name)
        files.append(world.export(commune).path)
    assert world.import_file(files[0]).missing_before == ()
    assert world.import_file(files[3], dry_run=True).missing_before == ((2, 3),)
    assert world.import_file(files[2]).missing_before == ((2, 2),)
    assert world.import_file(files[3]).missing_before == ((2, 2),)
    full = world.export(commune, full=True).path
    assert world.import_file(full).missing_before == (), "a full copy replaces what is missing"
    commune.close()


# -- receipts to send ---------------------------------------------------------------------------


def test_receipts_wait_until_marked_as_sent(world: World) -> None:
    cai_khe = world.commune("31120", hamlets=("Ấp 1",))
    trung_nhut = world.commune("31217", hamlets=("Ấp 1",))
    reports = [world.import_file(world.export(c).path) for c in (cai_khe, trung_nhut)]
    folder = world.root / "bien-nhan"
    with world.city.transaction() as session:
        assert receipts_to_send(session) == [], "no receipt written yet"
        paths = [write_receipt(session, r.import_id or 0, folder) for r in reports]
    with world.city.reading() as session:
        waiting = receipts_to_send(session)
    assert [(r.commune_code, r.seq, r.receipt) for r in waiting] == [
        ("31120", 1, paths[0]),
        ("31217", 1, paths[1]),
    ]
    assert waiting[0].commune_label == "Cái Khế (31120)" and waiting[0].written_at is not None
    with world.city.transaction() as session:
        mark_receipt_sent(session, waiting[0].import_id)
        mark_receipt_sent(session, waiting[0].import_id)  # twice is harmless
    with world.city.reading() as session:
        assert [r.commune_code for r in receipts_to_send(session)] == ["31217"]
    # Written again (the commune never got it): to be sent again.
    with world.city.transaction() as session:
        write_receipt(session, waiting[0].import_id, folder)
    with world.city.reading() as session:
        assert [r.commune_code for r in receipts_to_send(session)] == ["31120", "31217"]
        applied = next(r for r in ledger_rows(session, {}) if r.id == waiting[0].import_id)
    assert applied.summary["new"] == 1, "the ledger line keeps what the file changed"
    broken = world.import_file(write(world.root / "x.tdcs", b"x"))
    with world.city.transaction() as session, pytest.raises(UserError, match="No receipt"):
        mark_receipt_sent(session, broken.import_id or 0)
    with world.city.transaction() as session, pytest.raises(UserError, match="No receipt"):
        mark_receipt_sent(session, 9999)
    cai_khe.close()
    trung_nhut.close()


# -- names --------------------------------------------------------------------------------------


def test_records_are_named_as_people_know_them(world: World) -> None:
    with world.city.transaction() as session:
        store = record_store(session)
        person = store.create(
            Borrower,
            {"full_name": "Lê Thị Hồng", "household_category": "ngheo", "notes": ""},
        )
        loan = store.create(
            Loan,
            {
                "borrower_id": person,
                "programme_code": "HN",
                "contract_no": "7300123",
                "amount_disbursed": 50_000_000,
                "disbursed_on": date(2025, 3, 4),
            },
        )
        namer = RecordNamer(session)
        names = {
            kind: namer.name(kind, values)
            for kind, values in (
                ("hamlet", {"name": "Ấp Mỹ Hòa"}),
                ("savings_group", {"name": "Tổ số 3", "code": "31120-HND-003"}),
                ("borrower", {"full_name": "Lê Thị Hồng"}),
                ("loan", {"contract_no": "7300123", "borrower_id": person}),
                ("loan_balance", {"loan_id": loan, "as_of": "2026-09-30"}),
                ("loan_check", {"loan_id": loan, "checked_on": "2026-08-15"}),
                ("office_task", {"parent_code": "II.5.a", "title": "Kiện toàn Tổ"}),
                (
                    "task_progress",
                    {
                        "plan_task_code": "II.2.d",
                        "period_kind": "quarter",
                        "year": 2026,
                        "period_no": 3,
                    },
                ),
                ("task_document", {"number": "12", "symbol": "KH-UBND", "progress_id": None}),
                (
                    "fund_contribution",
                    {
                        "donor_name": "Công ty Phú Lộc",
                        "amount": 5_000_000,
                        "received_on": "2026-10-20",
                    },
                ),
                (
                    "fund_spending",
                    {"purpose": "Hỗ trợ sửa nhà", "amount": 3_000_000, "spent_on": "2026-02-01"},
                ),
                ("fund_opening_balance", {"year": 2026}),
                (
                    "deposit",
                    {
                        "party_name": "Trần Văn Bình",
                        "amount": 10_000_000,
                        "transacted_on": "2026-01-05",
                    },
                ),
                (
                    "entrusted_transfer",
                    {"year": 2026, "decision_no": "15/QĐ-UBND", "amount": 400_000_000},
                ),
                ("capital_total", {"year": 2025}),
                ("group_assessment", {"group_id": "0" * 36, "year": 2025}),
            )
        }
        shown_reference = namer.show("loan_balance", "loan_id", loan)
        shown_money = namer.show("loan", "amount_disbursed", 20_000_000)
        broken = namer.name("task_progress", {"plan_task_code": "II.2.d", "year": "abc"})
        unknown = namer.name("loan", {"contract_no": "99", "borrower_id": "f" * 36})
    assert names == {
        "hamlet": "Ấp Mỹ Hòa",
        "savings_group": "Tổ số 3 (31120-HND-003)",
        "borrower": "Lê Thị Hồng",
        "loan": "Contract 7300123 — Lê Thị Hồng",
        "loan_balance": "Contract 7300123 — Lê Thị Hồng, balance on 30/09/2026",
        "loan_check": "Contract 7300123 — Lê Thị Hồng, checked on 15/08/2026",
        "office_task": "II.5.a — Kiện toàn Tổ",
        "task_progress": "II.2.d, Quarter III/2026",
        "task_document": "Document 12/KH-UBND",
        "fund_contribution": "Công ty Phú Lộc, 5.000.000 đ, 20/10/2026",
        "fund_spending": "Hỗ trợ sửa nhà, 3.000.000 đ, 01/02/2026",
        "fund_opening_balance": "Fund opening balance 2026",
        "deposit": "Trần Văn Bình, 10.000.000 đ, 05/01/2026",
        "entrusted_transfer": "Entrusted capital 2026, decision 15/QĐ-UBND, 400.000.000 đ",
        "capital_total": "Total capital 2025",
        "group_assessment": "(not received yet), grade for 2025",
    }
    assert shown_reference == "Contract 7300123 — Lê Thị Hồng"
    assert shown_money == "20.000.000 đ"
    assert broken == "Task progress", "values that make no sense fall back to the kind"
    assert unknown == "Contract 99", "a borrower not received yet is left out"


# -- conflicts undone ---------------------------------------------------------------------------


def _same_version(database: Any, record_id: str, name: str) -> None:
    conn = sqlite3.connect(database.paths.database)
    with conn:
        conn.execute("UPDATE hamlets SET name = ? WHERE id = ?", (name, record_id))
    conn.close()


def _hamlet_at_city(world: World, record_id: str) -> str:
    with world.city.reading() as session:
        hamlet = session.get(Hamlet, record_id)
        assert hamlet is not None
        return hamlet.name


def test_a_decision_on_a_conflict_can_be_undone(world: World) -> None:
    commune = world.commune(hamlets=("Ấp Mỹ",))
    world.import_file(world.export(commune).path)
    with commune.reading() as session:
        hamlet_id = session.scalars(select(Hamlet.id)).one()
    _same_version(commune, hamlet_id, "Ấp Mỹ Hòa")
    world.import_file(world.export(commune, full=True).path)
    with world.city.reading() as session:
        (conflict,) = list_conflicts(session)
    assert conflict.record_label == "Ấp Mỹ"
    assert [(d.field, d.city_text, d.file_text) for d in conflict.differences] == [
        ("name", "Ấp Mỹ", "Ấp Mỹ Hòa")
    ]

    def run(action: Any, *args: Any) -> None:
        with CityImporter(world.city) as importer, importer.sessions.begin() as session:
            action(session, *args)

    with pytest.raises(UserError, match="still waiting"):
        run(reopen_conflict, conflict.id)
    with pytest.raises(UserError, match="no longer exists"):
        run(reopen_conflict, 999)
    run(resolve_conflict, conflict.id, ConflictResolution.TAKE_INCOMING)
    assert _hamlet_at_city(world, hamlet_id) == "Ấp Mỹ Hòa"
    run(reopen_conflict, conflict.id)
    assert _hamlet_at_city(world, hamlet_id) == "Ấp Mỹ"
    with world.city.reading() as session:
        (waiting,) = list_conflicts(session)
        history = session.scalars(
            select(RecordHistory.payload_json)
            .where(RecordHistory.record_id == hamlet_id)
            .order_by(RecordHistory.id)
        ).all()
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.record_id == hamlet_id)
            .order_by(AuditEntry.id)
        ).all()
    assert waiting.id == conflict.id and waiting.resolution is None
    assert ['"name":"Ấp Mỹ"' in h for h in history] == [True, False], "both copies kept"
    assert '"name":"Ấp Mỹ Hòa"' in history[1]
    assert actions[-2:] == [AuditAction.IMPORT, AuditAction.RESTORE]
    # The same file again does not queue the conflict twice.
    world.import_file(world.export(commune, full=True).path)
    with world.city.reading() as session:
        assert len(list_conflicts(session)) == 1
    run(resolve_conflict, conflict.id, ConflictResolution.KEEP_EXISTING)
    run(reopen_conflict, conflict.id)
    assert _hamlet_at_city(world, hamlet_id) == "Ấp Mỹ"
    # A newer version from the commune closes it: nothing left to undo.
    with commune.transaction() as session:
        store = record_store(session)
        version = store.get(Hamlet, hamlet_id).version
        store.update(Hamlet, hamlet_id, {"name": "Ấp Mỹ Hòa A"}, expected_version=version)
    world.import_file(world.export(commune).path)
    with pytest.raises(UserError, match="newer version"):
        run(reopen_conflict, conflict.id)
    assert _hamlet_at_city(world, hamlet_id) == "Ấp Mỹ Hòa A"
    commune.close()


def test_undoing_after_a_newer_version_arrived_changes_nothing(world: World) -> None:
    commune = world.commune(hamlets=("Ấp Mỹ",))
    world.import_file(world.export(commune).path)
    with commune.reading() as session:
        hamlet_id = session.scalars(select(Hamlet.id)).one()
    _same_version(commune, hamlet_id, "Ấp Mỹ Hòa")
    world.import_file(world.export(commune, full=True).path)
    with world.city.reading() as session:
        (conflict,) = list_conflicts(session)
    with CityImporter(world.city) as importer, importer.sessions.begin() as session:
        resolve_conflict(session, conflict.id, ConflictResolution.KEEP_EXISTING)
    with commune.transaction() as session:
        store = record_store(session)
        version = store.get(Hamlet, hamlet_id).version
        store.update(Hamlet, hamlet_id, {"name": "Ấp Mỹ Tây"}, expected_version=version)
    world.import_file(world.export(commune).path)
    with (
        CityImporter(world.city) as importer,
        importer.sessions.begin() as session,
        pytest.raises(UserError, match="has changed since"),
    ):
        reopen_conflict(session, conflict.id)
    assert _hamlet_at_city(world, hamlet_id) == "Ấp Mỹ Tây"
    commune.close()


def _as_in_a_file(record: Any) -> dict[str, Any]:
    """A record's travelling fields as a sync file writes them (and a conflict keeps them):
    dates and times as ISO text, choices by their codes."""
    from desktop.sync.privacy import travelling_columns

    values = {}
    for name in travelling_columns(type(record)):
        value = getattr(record, name)
        if isinstance(value, datetime):
            value = value.isoformat(sep=" ")
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, StrEnum):
            value = value.value
        values[name] = value
    return values


def test_conflicts_are_answered_and_undone_without_an_import(city_db: Database) -> None:
    """The answers write typed values (a date, a choice, true/false) over the record with
    the engine's own SQL; made by hand here, so that no import is needed."""
    with city_db.transaction() as session:
        hamlet = Hamlet(
            commune_code="31120", name="Ấp Mỹ", kind=HamletKind.AP, active=True, change_seq=1
        )
        session.add(hamlet)
        session.flush()
        group = SavingsGroup(
            commune_code="31120",
            code="T1",
            name="Tổ 1",
            hamlet_id=hamlet.id,
            founding_decision_date=date(2020, 5, 4),
            status=GroupStatus.ACTIVE,
            change_seq=2,
        )
        session.add(group)
        session.flush()
        city_copies = {"hamlet": _as_in_a_file(hamlet), "savings_group": _as_in_a_file(group)}
        file_copies = {
            "hamlet": {**city_copies["hamlet"], "active": False, "kind": "khu_vuc"},
            "savings_group": {
                **city_copies["savings_group"],
                "name": "Tổ 1 Mỹ",
                "founding_decision_date": "2021-06-07",
                "status": "dissolved",
            },
        }
        for record_type, record in (("hamlet", hamlet), ("savings_group", group)):
            session.add(
                SyncConflict(
                    commune_code="31120",
                    record_type=record_type,
                    record_id=record.id,
                    version=record.version,
                    existing_json=json.dumps(city_copies[record_type], ensure_ascii=False),
                    incoming_json=json.dumps(file_copies[record_type], ensure_ascii=False),
                )
            )
        ids = {"hamlet": hamlet.id, "savings_group": group.id}

    def state() -> tuple[Any, ...]:
        with city_db.reading() as session:
            h = session.get(Hamlet, ids["hamlet"])
            g = session.get(SavingsGroup, ids["savings_group"])
            assert h is not None and g is not None
            return h.active, h.kind, g.name, g.founding_decision_date, g.status

    with city_db.reading() as session:
        conflicts = {c.record_type: c for c in list_conflicts(session)}
    assert {d.field for d in conflicts["savings_group"].differences} == {
        "name",
        "founding_decision_date",
        "status",
    }
    city_state = state()
    assert city_state == (True, HamletKind.AP, "Tổ 1", date(2020, 5, 4), GroupStatus.ACTIVE)
    with city_db.transaction() as session:
        for conflict in conflicts.values():
            resolve_conflict(session, conflict.id, ConflictResolution.TAKE_INCOMING)
    assert state() == (
        False,
        HamletKind.KHU_VUC,
        "Tổ 1 Mỹ",
        date(2021, 6, 7),
        GroupStatus.DISSOLVED,
    )
    with city_db.transaction() as session:
        for conflict in conflicts.values():
            reopen_conflict(session, conflict.id)
    assert state() == city_state
    with city_db.reading() as session:
        assert {c.record_type for c in list_conflicts(session)} == set(conflicts)
        history = session.scalars(select(RecordHistory.record_type)).all()
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert sorted(history) == ["hamlet", "hamlet", "savings_group", "savings_group"]
    assert actions[-4:] == [AuditAction.IMPORT] * 2 + [AuditAction.RESTORE] * 2
    # Kept, then a newer version arrives: the decision can no longer be undone, nor the
    # waiting one taken.
    with city_db.transaction() as session:
        resolve_conflict(session, conflicts["hamlet"].id, ConflictResolution.KEEP_EXISTING)
        for model in (Hamlet, SavingsGroup):
            session.execute(update(model).values(version=model.version + 1))
    with city_db.transaction() as session, pytest.raises(UserError, match="has changed since"):
        reopen_conflict(session, conflicts["hamlet"].id)
    with city_db.transaction() as session, pytest.raises(UserError, match="has changed since"):
        resolve_conflict(session, conflicts["savings_group"].id, ConflictResolution.TAKE_INCOMING)
    assert state() == city_state


def test_the_consolidated_records_are_named_typed_and_ordered(city_db: Database) -> None:
    """Every commune's records, by type: counted, named, typed and ordered the same on
    SQLite and PostgreSQL (the demo writes them at the city as if imported)."""
    from desktop.core.demo import DemoScale, generate
    from desktop.core.office import list_communes
    from desktop.sync.consolidated import counts_by_commune, records

    scale = DemoScale(borrowers=5, groups=1, hamlets=2, contributions_per_year=2, years=1)
    with city_db.reading() as session:
        chosen = [c for c in list_communes(session) if c.code in ("31120", "31231")]
        order = [c.code for c in list_communes(session)]
    with city_db.transaction() as session:
        generate(session, scale=scale, today=date(2026, 10, 25), seed=3, communes=chosen)
        loan = session.scalars(select(Loan).where(Loan.commune_code == "31231")).first()
        assert loan is not None
        loan.deleted_at = datetime(2026, 10, 26, 8, 30)
        loan_id, borrower_id = loan.id, loan.borrower_id
    with city_db.reading() as session:
        counts = counts_by_commune(session)
        live = records(session, "loan")
        one = records(session, "loan", commune_code="31231", include_deleted=True)
        groups = records(session, "savings_group", limit=1)
        hamlets = records(session, "hamlet")
        borrower = session.get(Borrower, borrower_id)
        assert borrower is not None
        loans = {
            code: session.scalar(
                select(func.count())
                .select_from(Loan)
                .where(Loan.commune_code == code, Loan.deleted_at.is_(None))
            )
            for code in ("31120", "31231")
        }
    assert counts["loan"] == loans and live.total == sum(loans.values()) == len(live.rows)
    assert one.total == loans["31231"] + 1 and not one.truncated
    # The rows: id, commune, its name, deleted; then the columns, the references by name.
    names = [c.name for c in live.columns]
    row = next(r for r in one.rows if r[0] == loan_id)
    assert row[1:4] == ("31231", next(c.name for c in chosen if c.code == "31231"), True)
    assert row[4 + names.index("borrower_id")] == borrower.full_name
    assert isinstance(row[4 + names.index("disbursed_on")], date)
    assert not any(r[3] for r in live.rows) and loan_id not in {r[0] for r in live.rows}
    # The communes in their order, each one's records in the order they were made.
    codes = [r[1] for r in live.rows]
    assert codes == sorted(codes, key=order.index)
    kinds = {r[4 + [c.name for c in hamlets.columns].index("kind")] for r in hamlets.rows}
    assert kinds and all(isinstance(k, HamletKind) for k in kinds)
    active = {r[4 + [c.name for c in hamlets.columns].index("active")] for r in hamlets.rows}
    assert active == {True}
    assert (
        groups.truncated
        and len(groups.rows) == 1
        and groups.total == counts["savings_group"]["31120"] + counts["savings_group"]["31231"]
    )
