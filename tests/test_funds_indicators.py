"""The plan's two targets for entrusted capital, against hand-computed figures — among them
the city's real figures at 31/12/2025 (2 675 of about 17 590 billion đ → 15,21 %)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from db.base import CITY_CODE
from db.enums import SourceLevel
from db.models import CapitalTotal, EntrustedTransfer
from desktop.core.database import Database
from desktop.core.formatting import format_percent
from desktop.core.funds.capital import (
    CapitalInput,
    TransferInput,
    create_capital,
    create_transfer,
    delete_transfer,
)
from desktop.core.funds.indicators import (
    GrowthIndicator,
    ShareIndicator,
    TargetStatus,
    capital_needed,
    entrusted_indicators,
    entrusted_series,
    local_budget_indicators,
    share_path,
    share_step,
)
from desktop.core.owners import ALL_COMMUNES, CITY_OFFICE, Scope
from desktop.core.records import RecordStore

BILLION = 1_000_000_000
TODAY = date(2026, 11, 29)


def transfer(
    db: Database, year: int, amount: int, level: SourceLevel = SourceLevel.THANH_PHO
) -> str:
    with db.transaction() as s:
        return create_transfer(
            s, TransferInput(year=year, source_level=level, amount=amount), today=TODAY
        )


def capital(db: Database, year: int, total: int, balance: int | None) -> str:
    with db.transaction() as s:
        return create_capital(
            s,
            CapitalInput(year=year, total_capital=total, entrusted_balance=balance),
            today=TODAY,
        )


def test_city_2025_real_figures_share_is_15_21_percent_and_behind() -> None:
    share = ShareIndicator(2025, CITY_CODE, 17_590 * BILLION, 2_675 * BILLION, estimated=False)
    assert share.share == Fraction(2_675, 17_590)
    assert format_percent(share.share) == "15,21 %"
    assert share.status is TargetStatus.BEHIND
    # 20 % × 17 590 = 3 518 billion; new entrusted money raises the total as well, so
    # (3 518 − 2 675) ÷ 0,8 = 1 053,75 billion are still needed, not 843.
    assert share.target_amount == 3_518 * BILLION
    assert share.still_needed == 1_053_750_000_000
    assert Fraction(
        2_675 * BILLION + share.still_needed, 17_590 * BILLION + share.still_needed
    ) == (Fraction(1, 5))
    assert share.years_left == 5


def test_share_on_track_exactly_at_twenty_percent() -> None:
    share = ShareIndicator(2030, "31120", 1_000, 200, estimated=False)
    assert share.status is TargetStatus.ON_TRACK and share.still_needed == 0
    assert share.years_left == 0
    assert ShareIndicator(2030, "31120", 1_000, 199, False).status is TargetStatus.BEHIND


def test_targets_round_up_to_the_dong() -> None:
    # 20 % of 7 đ is 1,4 đ: reaching "at least 20 %" takes 2 đ.
    assert ShareIndicator(2026, "31120", 7, 0, False).target_amount == 2
    # 120 % of 7 đ is 8,4 đ → 9 đ.
    growth = GrowthIndicator(2026, "31120", transferred=8, previous=7)
    assert growth.target_amount == 9 and growth.still_needed == 1
    assert growth.status is TargetStatus.BEHIND


def test_growth_hand_computed() -> None:
    on_track = GrowthIndicator(2025, CITY_CODE, transferred=372 * BILLION, previous=310 * BILLION)
    assert on_track.growth == Fraction(1, 5)
    assert on_track.status is TargetStatus.ON_TRACK and on_track.still_needed == 0
    behind = GrowthIndicator(2026, CITY_CODE, transferred=430 * BILLION, previous=372 * BILLION)
    assert format_percent(behind.growth) == "15,59 %"
    assert behind.status is TargetStatus.BEHIND
    # 120 % × 372 = 446,4 billion; 446,4 − 430 = 16,4 billion.
    assert behind.still_needed == 16_400_000_000
    nothing_yet = GrowthIndicator(2027, CITY_CODE, transferred=0, previous=430 * BILLION)
    assert nothing_yet.growth == -1 and nothing_yet.still_needed == 516 * BILLION


def test_no_base_means_no_data() -> None:
    first = GrowthIndicator(2024, "31120", transferred=5, previous=0)
    assert first.growth is None and first.status is TargetStatus.NO_DATA
    assert first.still_needed is None
    no_total = ShareIndicator(2026, "31120", None, None, False)
    assert no_total.share is None and no_total.status is TargetStatus.NO_DATA
    assert no_total.still_needed is None


def test_indicators_from_recorded_figures(city_db: Database) -> None:
    for year, billions in ((2024, 310), (2025, 372), (2026, 430)):
        transfer(city_db, year, billions * BILLION)
    capital(city_db, 2024, 16_300 * BILLION, 2_250 * BILLION)
    capital(city_db, 2025, 17_590 * BILLION, 2_675 * BILLION)
    with city_db.reading() as s:
        found = entrusted_indicators(s, 2025, CITY_OFFICE)
        series = entrusted_series(s, CITY_OFFICE)
    assert found.growth.transferred == 372 * BILLION and found.growth.previous == 310 * BILLION
    assert found.growth.status is TargetStatus.ON_TRACK
    assert format_percent(found.share.share) == "15,21 %"
    assert found.share.status is TargetStatus.BEHIND
    assert found.share.still_needed == 1_053_750_000_000
    assert [i.year for i in series] == [2024, 2025, 2026]
    assert series[0].growth.status is TargetStatus.NO_DATA
    assert series[2].share.status is TargetStatus.NO_DATA  # no total for 2026 yet
    assert format_percent(series[0].share.share) == "13,80 %"


def test_transfers_of_a_year_add_up_across_levels_and_deleted_ones_do_not_count(
    commune_db: Database,
) -> None:
    transfer(commune_db, 2025, 1_000_000_000, SourceLevel.XA)
    transfer(commune_db, 2026, 900_000_000, SourceLevel.XA)
    second = transfer(commune_db, 2026, 400_000_000, SourceLevel.THANH_PHO)
    with commune_db.reading() as s:
        assert (
            entrusted_indicators(s, 2026, Scope.commune("31120")).growth.transferred
            == 1_300_000_000
        )
    with commune_db.transaction() as s:
        delete_transfer(s, second, expected_version=1)
    with commune_db.reading() as s:
        growth = entrusted_indicators(s, 2026, Scope.commune("31120")).growth
    assert growth.transferred == 900_000_000 and growth.growth == Fraction(-1, 10)
    assert growth.still_needed == 300_000_000


def test_missing_bank_balance_is_estimated_from_transfers(commune_db: Database) -> None:
    transfer(commune_db, 2024, 100_000_000, SourceLevel.XA)
    transfer(commune_db, 2025, 150_000_000, SourceLevel.XA)
    transfer(commune_db, 2026, 999_000_000, SourceLevel.XA)  # after the year: not counted
    capital(commune_db, 2025, 2_000_000_000, None)
    with commune_db.reading() as s:
        share = entrusted_indicators(s, 2025, Scope.commune("31120")).share
    assert share.estimated and share.entrusted == 250_000_000
    # (20 % × 2 000 − 250) ÷ 0,8 = 187,5 triệu.
    assert share.share == Fraction(1, 8) and share.still_needed == 187_500_000


def add_as(db: Database, owner: str, model: type, **values: object) -> None:
    """A record owned by another office, as an imported sync file would hold it."""
    with db.transaction() as s:
        RecordStore(s, owner_code=owner, actor="sync").create(model, values)


def test_all_communes_add_up_before_dividing_and_leave_the_city_out(city_db: Database) -> None:
    for owner, (prev, now, total, balance) in {
        "31120": (100, 130, 1_000, 150),
        "31150": (200, 220, 3_000, 450),
        CITY_CODE: (5_000, 5_000, 100_000, 90_000),
    }.items():
        for year, amount in ((2024, prev), (2025, now)):
            add_as(
                city_db,
                owner,
                EntrustedTransfer,
                year=year,
                source_level=SourceLevel.XA,
                amount=amount * 1_000_000,
            )
        add_as(
            city_db,
            owner,
            CapitalTotal,
            year=2025,
            total_capital=total * 1_000_000,
            entrusted_balance=balance * 1_000_000,
        )
    with city_db.reading() as s:
        communes = entrusted_indicators(s, 2025, ALL_COMMUNES)
        one = entrusted_indicators(s, 2025, Scope.commune("31150"))
    # (130 + 220) ÷ (100 + 200) − 1 = 350 ÷ 300 − 1 = 1/6 ≈ 16,67 %: behind.
    assert communes.growth.growth == Fraction(1, 6)
    assert communes.growth.still_needed == 10_000_000  # 120 % × 300 − 350 = 10 triệu
    # (150 + 450) ÷ (1 000 + 3 000) = 15 %: weighted, not the mean of 15 % and 15 %.
    assert communes.share.share == Fraction(3, 20)
    assert communes.share.still_needed == 250_000_000  # (800 − 600) ÷ 0,8
    assert one.growth.growth == Fraction(1, 10) and one.share.entrusted == 450_000_000


@pytest.mark.parametrize(
    ("total", "balance", "expected"),
    [(17_590, 2_675, "15,21 %"), (16_300, 2_250, "13,80 %"), (100, 20, "20,00 %")],
)
def test_share_percentages(total: int, balance: int, expected: str) -> None:
    share = ShareIndicator(2025, CITY_CODE, total * BILLION, balance * BILLION, False)
    assert format_percent(share.share) == expected


def test_still_needed_rounds_up_and_is_one_function() -> None:
    # 20 % × 7 − 0 = 1,4; ÷ 0,8 = 1,75 → 2 đ: (0 + 2) ÷ (7 + 2) = 22 % ≥ 20 %.
    assert capital_needed(Fraction(1, 5), 7, 0) == 2
    assert ShareIndicator(2026, "31120", 7, 0, False).still_needed == 2
    assert capital_needed(Fraction(1, 5), 1_000, 250) == 0
    # A step of the path: 16 % of 2 000 with 300 entrusted: (320 − 300) ÷ 0,84 = 23,8… → 24.
    assert capital_needed(Fraction(16, 100), 2_000, 300) == 24
    assert ShareIndicator(2025, "31120", 2_000, 300, False).needed_for(Fraction(16, 100)) == 24


def test_the_path_to_twenty_percent_in_2030() -> None:
    # From 15 % at the end of 2025: 16, 17, 18, 19, 20 %.
    steps = share_path(ShareIndicator(2025, "31120", 2_000, 300, False))
    assert [(s.year, s.required) for s in steps] == [
        (2026, Fraction(16, 100)),
        (2027, Fraction(17, 100)),
        (2028, Fraction(18, 100)),
        (2029, Fraction(19, 100)),
        (2030, Fraction(20, 100)),
    ]
    # The city's 2025 share: 2026 needs 15,21 % + (20 % − 15,21 %) ÷ 5 = 16,17 %.
    city = ShareIndicator(2025, CITY_CODE, 17_590 * BILLION, 2_675 * BILLION, False)
    assert format_percent(share_path(city)[0].required) == "16,17 %"
    assert share_step(Fraction(1, 4), 2025, 2026) == Fraction(1, 5)  # already above 20 %
    assert share_step(Fraction(1, 10), 2029, 2031) == Fraction(1, 5)
    assert share_path(ShareIndicator(2025, "31120", None, None, False)) == []


def test_each_year_is_judged_against_its_step(commune_db: Database) -> None:
    # 2024: 10 %. 2025 had to reach 10 % + (20 % − 10 %) ÷ 6 = 11,67 %: 11,5 % is behind.
    # 2026 had to reach 11,5 % + (20 % − 11,5 %) ÷ 5 = 13,2 %: 13,5 % is on track, although
    # still behind the 20 % of 2030.
    capital(commune_db, 2024, 1_000_000_000, 100_000_000)
    capital(commune_db, 2025, 1_000_000_000, 115_000_000)
    with commune_db.transaction() as s:
        create_capital(
            s,
            CapitalInput(year=2026, total_capital=1_000_000_000, entrusted_balance=135_000_000),
            today=date(2027, 1, 10),
        )
    with commune_db.reading() as s:
        series = {i.year: i for i in entrusted_series(s, Scope.commune("31120"))}
    assert series[2024].step is not None and series[2024].step.status is TargetStatus.NO_DATA
    step_2025 = series[2025].step
    assert step_2025 is not None and step_2025.required == Fraction(1, 10) + Fraction(1, 10) / 6
    assert step_2025.status is TargetStatus.BEHIND
    step_2026 = series[2026].step
    assert step_2026 is not None and step_2026.required == Fraction(132, 1000)
    assert step_2026.status is TargetStatus.ON_TRACK
    assert series[2026].share.status is TargetStatus.BEHIND  # against 20 %, the end point


def test_only_records_dated_by_the_cut_off_count(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        for year, amount, moved in (
            (2025, 100, date(2025, 3, 15)),
            (2026, 90, date(2026, 3, 10)),
            (2026, 40, date(2026, 11, 15)),
        ):
            create_transfer(
                s,
                TransferInput(
                    year=year,
                    source_level=SourceLevel.XA,
                    amount=amount * 1_000_000,
                    transferred_on=moved,
                ),
                today=TODAY,
            )
        create_transfer(
            s, TransferInput(year=2026, source_level=SourceLevel.XA, amount=5_000_000), today=TODAY
        )
        create_capital(
            s,
            CapitalInput(
                year=2026,
                total_capital=3_000_000_000,
                entrusted_balance=400_000_000,
                as_of=date(2026, 12, 31),
            ),
            today=date(2027, 1, 5),
        )
    with commune_db.reading() as s:
        october = entrusted_indicators(s, 2026, Scope.commune("31120"), until=date(2026, 10, 20))
        everything = entrusted_indicators(s, 2026, Scope.commune("31120"))
        year_end = entrusted_indicators(s, 2026, Scope.commune("31120"), until=date(2026, 12, 31))
    # 90 (moved in March) + 5 (undated: counts from the start of 2026); not the 40 of November.
    assert october.growth.transferred == 95_000_000 and october.growth.previous == 100_000_000
    assert october.share.total_capital is None  # the 2026 total is dated 31/12/2026
    assert everything.growth.transferred == 135_000_000
    assert year_end.share.share == Fraction(2, 15)


def test_the_local_budget_is_the_city_and_the_communes_together(city_db: Database) -> None:
    for owner, (prev, now) in {
        "31120": (100, 130),
        "31150": (200, 220),
        CITY_CODE: (500, 520),
    }.items():
        for year, amount in ((2024, prev), (2025, now)):
            add_as(
                city_db,
                owner,
                EntrustedTransfer,
                year=year,
                source_level=SourceLevel.XA if owner != CITY_CODE else SourceLevel.THANH_PHO,
                amount=amount * 1_000_000,
            )
    add_as(city_db, CITY_CODE, CapitalTotal, year=2025, total_capital=10_000 * 1_000_000)
    with city_db.reading() as s:
        local = local_budget_indicators(s, 2025)
    # (130 + 220 + 520) ÷ (100 + 200 + 500) − 1 = 870 ÷ 800 − 1 = 8,75 %.
    assert local.growth.growth == Fraction(7, 80)
    assert local.city.growth.growth == Fraction(1, 25)
    assert local.communes.growth.growth == Fraction(1, 6)
    # No balance from the branch: every transfer of both budgets up to 2025 stands in.
    assert local.share.estimated and local.share.entrusted == 1_670_000_000
    assert local.share.share == Fraction(167, 1000)
