"""Indicator arithmetic against hand-computed cases (the data is in tests/loans_data.py;
every expected figure below is worked out from its table)."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date
from fractions import Fraction

import pytest

from db.enums import CheckerKind, CheckResult, OfficeMode
from desktop.core.database import Database
from desktop.core.loans.checks import CheckInput, create_check
from desktop.core.loans.indicators import (
    AgeBucket,
    Dimension,
    IndicatorRow,
    age_bucket,
    indicator_table,
    loan_positions,
    overdue_age,
)
from desktop.core.office import set_up_office
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.paths import AppPaths
from tests.db_support import new_database
from tests.loans_data import Ids, sample

M = 1_000_000
END = date(2025, 12, 31)


def check(db: Database, loan: str, day: date, result: CheckResult) -> None:
    with db.transaction() as s:
        create_check(
            s,
            CheckInput(loan_id=loan, checked_on=day, checker_kind=CheckerKind.GROUP, result=result),
        )


@pytest.fixture
def ids(commune_db: Database) -> Ids:
    ids = sample(commune_db)
    check(commune_db, ids.loans["L1"], date(2025, 3, 10), CheckResult.DUNG_MUC_DICH)
    check(commune_db, ids.loans["L1"], date(2025, 9, 1), CheckResult.SAI_MUC_DICH)
    check(commune_db, ids.loans["L2"], date(2025, 5, 5), CheckResult.DUNG_MUC_DICH)
    check(commune_db, ids.loans["L3"], date(2024, 12, 1), CheckResult.DUNG_MUC_DICH)
    check(commune_db, ids.loans["L4"], date(2025, 2, 2), CheckResult.MOT_PHAN)
    return ids


CAI_KHE = Scope.commune("31120")


def table(db: Database, dimension: Dimension, day: date = END, owner: Scope = CAI_KHE):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return indicator_table(s, dimension, owner=owner, as_of=day)


def figures(row: IndicatorRow) -> tuple[object, ...]:
    return (
        row.loans_with_balance,
        row.borrowers_with_balance,
        row.outstanding,
        row.overdue,
        row.frozen,
        row.loans_checked,
        row.loans_used_as_intended,
    )


def test_total_at_year_end(commune_db: Database, ids: Ids) -> None:
    total = table(commune_db, Dimension.PROGRAMME).total
    assert figures(total) == (4, 3, 105 * M, 15 * M, 20 * M, 3, 1)
    assert total.overdue_ratio == Fraction(1, 7)
    assert total.overdue_frozen_ratio == Fraction(1, 3)
    assert total.average_per_household == 35 * M
    assert total.share_used_as_intended == Fraction(1, 3)


def test_by_programme(commune_db: Database, ids: Ids) -> None:
    rows = table(commune_db, Dimension.PROGRAMME).rows
    assert [r.key for r in rows] == ["HN", "GQVL", "NSVSMT"]
    hn, gqvl, nsvsmt = rows
    assert figures(hn) == (3, 3, 65 * M, 15 * M, 20 * M, 1, 0)
    assert hn.overdue_ratio == Fraction(3, 13)
    assert hn.overdue_frozen_ratio == Fraction(7, 13)
    assert hn.average_per_household == Fraction(65 * M, 3)
    assert hn.share_used_as_intended == 0
    assert figures(gqvl) == (1, 1, 40 * M, 0, 0, 1, 1)
    assert gqvl.overdue_ratio == 0 and gqvl.share_used_as_intended == 1
    # paid off, but checked in the year: a row with no balance and undefined ratios
    assert figures(nsvsmt) == (0, 0, 0, 0, 0, 1, 0)
    assert nsvsmt.overdue_ratio is None and nsvsmt.average_per_household is None


def test_by_organisation_group_and_hamlet(commune_db: Database, ids: Ids) -> None:
    orgs = {r.key: r for r in table(commune_db, Dimension.ORGANISATION).rows}
    assert figures(orgs["HND"]) == (2, 1, 80 * M, 10 * M, 0, 2, 1)
    assert orgs["HND"].overdue_ratio == Fraction(1, 8)
    assert orgs["HND"].share_used_as_intended == Fraction(1, 2)
    assert figures(orgs["HPN"]) == (1, 1, 20 * M, 0, 20 * M, 1, 0)
    assert orgs["HPN"].overdue_frozen_ratio == 1
    assert figures(orgs["CCB"]) == (1, 1, 5 * M, 5 * M, 0, 0, 0)
    assert orgs["CCB"].share_used_as_intended is None

    groups = table(commune_db, Dimension.GROUP).rows
    assert [r.key for r in groups] == [ids.groups["G1"], ids.groups["G2"], None]
    assert figures(groups[0]) == figures(orgs["HND"])
    assert groups[2].label in ("(chưa ghi)", "(not recorded)")
    assert figures(groups[2]) == (1, 1, 5 * M, 5 * M, 0, 0, 0)

    hamlets = {r.key: r for r in table(commune_db, Dimension.HAMLET).rows}
    kv1 = hamlets[ids.hamlets["Khu vực 1"]]
    assert figures(kv1) == (3, 2, 85 * M, 15 * M, 0, 2, 1)
    assert kv1.overdue_ratio == Fraction(3, 17)
    assert kv1.average_per_household == Fraction(85 * M, 2)
    assert figures(hamlets[ids.hamlets["Khu vực 2"]]) == (1, 1, 20 * M, 0, 20 * M, 1, 0)


def test_rows_need_not_add_up_to_the_total(commune_db: Database, ids: Ids) -> None:
    """An borrows under HN and GQVL: counted in both programme rows, once in the total."""
    result = table(commune_db, Dimension.PROGRAMME)
    assert sum(r.borrowers_with_balance for r in result.rows) == 4
    assert result.total.borrowers_with_balance == 3
    assert sum(r.outstanding for r in result.rows) == result.total.outstanding


def test_situation_at_a_past_date(commune_db: Database, ids: Ids) -> None:
    mid = table(commune_db, Dimension.PROGRAMME, date(2025, 6, 30)).total
    assert figures(mid) == (5, 4, 180 * M, 0, 0, 3, 2)
    assert mid.overdue_ratio == 0
    # before any quarter snapshot: the disbursement itself is the balance (L5 only)
    early = table(commune_db, Dimension.PROGRAMME, date(2022, 12, 31)).total
    assert figures(early)[:3] == (1, 1, 60 * M)
    assert table(commune_db, Dimension.PROGRAMME, date(2022, 1, 1)).total.outstanding == 0


def test_arrears_ageing(commune_db: Database, ids: Ids) -> None:
    ageing = {a.bucket: a for a in table(commune_db, Dimension.PROGRAMME).ageing}
    assert (ageing[AgeBucket.DAYS_91_180].loans, ageing[AgeBucket.DAYS_91_180].overdue) == (
        1,
        10 * M,
    )  # L1: overdue since 01/10/2025 → 91 days
    assert (ageing[AgeBucket.DAYS_181_365].loans, ageing[AgeBucket.DAYS_181_365].overdue) == (
        1,
        5 * M,
    )  # L5: matured 30/06/2025 → overdue from 01/07 → 183 days
    assert ageing[AgeBucket.DAYS_91_180].share == Fraction(2, 3)
    assert ageing[AgeBucket.UP_TO_90].loans == ageing[AgeBucket.OVER_365].loans == 0


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (None, AgeBucket.UNKNOWN),
        (0, AgeBucket.UP_TO_90),
        (90, AgeBucket.UP_TO_90),
        (91, AgeBucket.DAYS_91_180),
        (180, AgeBucket.DAYS_91_180),
        (181, AgeBucket.DAYS_181_365),
        (365, AgeBucket.DAYS_181_365),
        (366, AgeBucket.OVER_365),
    ],
)
def test_age_bucket_boundaries(days: int | None, bucket: AgeBucket) -> None:
    assert age_bucket(days) is bucket


def test_overdue_age_unknown_without_dates(commune_db: Database, ids: Ids) -> None:
    with commune_db.reading() as s:
        positions = {p.loan_id: p for p in loan_positions(s, Scope.commune("31120"), END)}
    assert overdue_age(positions[ids.loans["L1"]], END) == 91
    assert overdue_age(positions[ids.loans["L2"]], END) is None  # not matured, no date


def test_owner_filter_separates_communes(commune_db: Database, ids: Ids, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The city holds every commune's loans: ``owner=None`` adds them up, a commune code
    keeps one."""
    from sqlalchemy import update

    from db.models import Loan, LoanBalance

    with commune_db.transaction() as s:
        # pretend the Dung loan belongs to another commune (as at the city)
        s.execute(update(Loan).where(Loan.id == ids.loans["L5"]).values(commune_code="31150"))
        s.execute(
            update(LoanBalance)
            .where(LoanBalance.loan_id == ids.loans["L5"])
            .values(commune_code="31150")
        )
    mine = table(commune_db, Dimension.PROGRAMME).total
    everyone = table(commune_db, Dimension.COMMUNE, owner=ALL_COMMUNES)
    assert mine.outstanding == 100 * M
    assert everyone.total.outstanding == 105 * M
    assert {r.key: r.outstanding for r in everyone.rows} == {"31120": 100 * M, "31150": 5 * M}
    assert [r.label for r in everyone.rows] == ["An Bình", "Cái Khế"]


def test_empty_database_gives_empty_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = new_database(AppPaths(tmp_path / "empty"))
    with db.transaction() as s:
        set_up_office(s, OfficeMode.CITY)
    with db.reading() as s:
        result = indicator_table(s, Dimension.GROUP, owner=ALL_COMMUNES, as_of=END)
    assert result.rows == () and result.total.outstanding == 0
    assert result.total.overdue_ratio is None and result.total.average_per_household is None
    db.close()


def _copy_row(db: Database, table: str, source_id: str, **changes: object) -> None:
    """A second row made from ``source_id`` with ``changes`` (what a sync file may bring
    where the forms would refuse: two snapshots or checks of one loan on the same day)."""
    conn = sqlite3.connect(db.paths.database)
    conn.row_factory = sqlite3.Row
    try:
        row = dict(conn.execute(f"SELECT * FROM {table} WHERE id = ?", (source_id,)).fetchone())
        row.update(id=str(uuid.uuid4()), **changes)
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
        conn.commit()
    finally:
        conn.close()


def test_same_day_rows_go_to_the_latest_change_and_deleted_ones_do_not_count(
    commune_db: Database, ids: Ids
) -> None:
    """The position is picked in SQL (one ``max()`` per loan): the latest date wins, then
    the latest change; deleted snapshots and checks are never picked, even when newer."""
    conn = sqlite3.connect(commune_db.paths.database)
    l1_end, seq = conn.execute(
        "SELECT id, change_seq FROM loan_balances WHERE loan_id = ? AND as_of = '2025-12-31'",
        (ids.loans["L1"],),
    ).fetchone()
    (l1_check,) = conn.execute(
        "SELECT id FROM loan_checks WHERE loan_id = ? AND checked_on = '2025-09-01'",
        (ids.loans["L1"],),
    ).fetchone()
    conn.close()
    _copy_row(
        commune_db,
        "loan_balances",
        l1_end,
        current_amount=1 * M,
        overdue_amount=0,
        overdue_since=None,
        change_seq=seq + 100,
    )
    _copy_row(
        commune_db,
        "loan_balances",
        l1_end,
        current_amount=7 * M,
        change_seq=seq + 200,
        deleted_at="2026-01-01 00:00:00",
    )
    _copy_row(
        commune_db, "loan_checks", l1_check, result=CheckResult.DUNG_MUC_DICH.value, change_seq=999
    )
    _copy_row(
        commune_db,
        "loan_checks",
        l1_check,
        result=CheckResult.SAI_MUC_DICH.value,
        change_seq=1000,
        deleted_at="2026-01-01 00:00:00",
    )
    with commune_db.reading() as s:
        position = {p.loan_id: p for p in loan_positions(s, Scope.commune("31120"), END)}[
            ids.loans["L1"]
        ]
    assert (position.outstanding, position.current, position.overdue) == (1 * M, 1 * M, 0)
    hn = table(commune_db, Dimension.PROGRAMME).rows[0]
    assert hn.key == "HN"
    # L1 now 1 tr current (was 30 + 10 overdue); its latest check found the money used well.
    assert figures(hn) == (3, 3, 26 * M, 5 * M, 20 * M, 1, 1)
