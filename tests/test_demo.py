"""Demo data: every record type, realistic, synthetic, deterministic."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from db.models import SYNCED_MODELS, Borrower, Commune, Loan, LoanBalance
from desktop.core import demo, validation
from desktop.core.database import Database
from desktop.core.office import CommuneInfo
from desktop.sync.importer import Status
from tests.db_support import new_database
from tests.sync_support import World, template_db

TODAY = date(2026, 11, 29)


def counts(database: Database) -> dict[str, int]:
    with database.reading() as s:
        return {
            m.record_type: int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in SYNCED_MODELS
        }


def test_small_demo_fills_every_record_type(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        report = demo.generate(s, scale="small", seed=1, today=TODAY)
    found = counts(commune_db)
    # Sub-tasks are the office's own; corrections after closing need a closed period.
    assert all(found[t] > 0 for t in found if t not in {"office_task", "late_correction"}), found
    assert report.counts["borrower"] == found["borrower"] == demo.SCALES["small"].borrowers
    with commune_db.reading() as s:
        owners = set(s.scalars(select(Borrower.commune_code)))
        people = s.execute(select(Borrower.citizen_id, Borrower.birth_year, Borrower.sex)).all()
        balances = s.execute(
            select(
                Loan.amount_disbursed, LoanBalance.current_amount + LoanBalance.overdue_amount
            ).join(LoanBalance, LoanBalance.loan_id == Loan.id)
        ).all()
    assert owners == {"31120"}
    for cid, year, sex in people:
        assert validation.citizen_id(cid, birth_year=year, sex=sex) == cid
    assert all(0 <= outstanding <= disbursed for disbursed, outstanding in balances)


def test_same_seed_same_data(tmp_path: object, commune_db: Database) -> None:
    from db.enums import OfficeMode
    from desktop.core.office import set_up_office
    from desktop.paths import AppPaths

    other = new_database(AppPaths(commune_db.paths.data_dir.parent / "other"))
    with other.transaction() as s:
        set_up_office(
            s, OfficeMode.COMMUNE, commune_code="31120", hamlets=["Khu vực 1", "Khu vực 2"]
        )
    for db in (commune_db, other):
        with db.transaction() as s:
            demo.generate(s, scale="small", seed=5, today=TODAY)
    names, ids = [], []
    for db in (commune_db, other):
        with db.reading() as s:
            names.append(sorted(s.scalars(select(Borrower.full_name))))
            ids.append(sorted(s.scalars(select(Loan.id))))
    other.close()
    assert names[0] == names[1]
    assert ids[0] == ids[1], "the same seed in the same commune makes the same records"


def test_two_communes_with_the_same_seed_both_reach_a_training_city(tmp_path: Path) -> None:
    """``tdcs demo-data --seed 39`` in Cái Khế and in Thới An: the city imports both files
    (it refused the second with 'Bản ghi thuộc đơn vị 31120' when ids repeated)."""
    world = World.make(tmp_path, template_db())
    communes = [world.commune("31120"), world.commune("31217")]
    tiny = demo.DemoScale(borrowers=4, groups=1, hamlets=2, contributions_per_year=2)
    for database in communes:
        with database.transaction() as s:
            demo.generate(s, scale=tiny, seed=39, today=TODAY)
    reports = [world.import_file(world.export(database).path) for database in communes]
    assert [r.status for r in reports] == [Status.APPLIED, Status.APPLIED], [
        r.message for r in reports
    ]
    with world.city.reading() as s:
        owners = dict(
            s.execute(select(Loan.commune_code, func.count()).group_by(Loan.commune_code)).all()
        )
    with communes[0].reading() as s:
        loans = int(s.scalar(select(func.count()).select_from(Loan)) or 0)
    assert owners == {"31120": loans, "31217": loans}
    for database in communes:
        database.close()
    world.close()


def test_a_city_demo_and_a_commune_demo_do_not_share_ids(tmp_path: Path) -> None:
    """A training city filled with demo data for Cái Khế, then sent Cái Khế's own demo file:
    different records, not conflicts."""
    world = World.make(tmp_path, template_db())
    commune = world.commune("31120")
    with world.city.reading() as s:
        cai_khe = [CommuneInfo(c.code, c.name, c.kind) for c in s.scalars(select(Commune))]
    tiny = demo.DemoScale(borrowers=3, groups=1, hamlets=1, contributions_per_year=2)
    with world.city.transaction() as s:
        demo.generate(
            s, scale=tiny, seed=39, today=TODAY, communes=[c for c in cai_khe if c.code == "31120"]
        )
    with commune.transaction() as s:
        demo.generate(s, scale=tiny, seed=39, today=TODAY)
    found = []
    for database in (world.city, commune):
        with database.reading() as s:
            found.append(set(s.scalars(select(Loan.id))))
    assert found[0] and found[1] and not found[0] & found[1]
    commune.close()
    world.close()


def test_city_demo_covers_communes_and_the_city_office(city_db: Database) -> None:
    with city_db.reading() as s:
        some = [CommuneInfo(c.code, c.name, c.kind) for c in s.scalars(select(Commune).limit(3))]
    tiny = demo.DemoScale(borrowers=5, groups=2, hamlets=2, contributions_per_year=3)
    with city_db.transaction() as s:
        demo.generate(s, scale=tiny, today=TODAY, communes=some)
    with city_db.reading() as s:
        owners = set(s.scalars(select(Borrower.commune_code)))
        from db.models import CapitalTotal

        city_totals = s.scalars(
            select(CapitalTotal.total_capital).where(CapitalTotal.commune_code == "92")
        ).all()
    assert owners == {c.code for c in some}
    assert 17_590_000_000_000 in city_totals
