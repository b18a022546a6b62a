"""Tổng quan's data: reminders when the report deadline or the fund's peak month is near,
the year's figures in one read, and the change history in words."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from sqlalchemy import select

from db.enums import AuditAction, ContributionForm, DonorType, SourceLevel
from db.models import Commune
from desktop.core import demo
from desktop.core.dashboard.history import change_history
from desktop.core.dashboard.loans import loan_summary
from desktop.core.dashboard.overview import load_overview, overview_years
from desktop.core.dashboard.reminders import REMINDER_DAYS, ReminderKind, reminders
from desktop.core.dashboard.scope import communes_for_choice
from desktop.core.database import Database
from desktop.core.funds.capital import TransferInput, create_transfer
from desktop.core.funds.fund import ContributionInput, create_contribution, update_contribution
from desktop.core.funds.indicators import TargetStatus
from desktop.core.loans.checks import loans_not_checked
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.office import CommuneInfo
from desktop.core.owners import ALL_COMMUNES, CITY_OFFICE, Scope
from desktop.core.record_labels import describe_changes, show_value
from desktop.paths import AppPaths
from tests.overview_data import hand_made_loans

TODAY = date(2026, 11, 29)


pytestmark = pytest.mark.usefixtures("english")


def kinds(today: date) -> list[tuple[ReminderKind, bool, int]]:
    return [(r.kind, r.ongoing, r.days_left) for r in reminders(today)]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 9, 29), [(ReminderKind.FUND_PEAK, False, 18)]),
        (
            date(2026, 9, 30),
            [(ReminderKind.FUND_PEAK, False, 17), (ReminderKind.YEARLY_REPORT, False, 30)],
        ),
        (
            date(2026, 10, 1),
            [(ReminderKind.FUND_PEAK, False, 16), (ReminderKind.YEARLY_REPORT, False, 29)],
        ),
        (
            date(2026, 10, 17),
            [(ReminderKind.YEARLY_REPORT, False, 13), (ReminderKind.FUND_PEAK, True, 33)],
        ),
        (
            date(2026, 10, 29),
            [(ReminderKind.YEARLY_REPORT, False, 1), (ReminderKind.FUND_PEAK, True, 21)],
        ),
        (date(2026, 10, 30), [(ReminderKind.FUND_PEAK, True, 20)]),
        (date(2026, 11, 18), [(ReminderKind.FUND_PEAK, True, 1)]),
        (date(2026, 11, 19), []),
        (date(2026, 9, 16), []),
        (date(2026, 9, 17), [(ReminderKind.FUND_PEAK, False, 30)]),
        (date(2026, 3, 1), []),
    ],
)
def test_reminders_show_within_thirty_days(
    today: date, expected: list[tuple[ReminderKind, bool, int]]
) -> None:
    assert REMINDER_DAYS == 30
    assert kinds(today) == expected


def test_reminder_messages() -> None:
    by_kind = {r.kind: r for r in reminders(date(2026, 10, 20))}
    commune = by_kind[ReminderKind.YEARLY_REPORT].message(city=False)
    city = by_kind[ReminderKind.YEARLY_REPORT].message(city=True)
    assert "30/10/2026" in commune and "10 days left" in commune and "city" in commune
    assert "Central Policy and Strategy Commission" in city
    assert "18/11/2026" in by_kind[ReminderKind.FUND_PEAK].message(city=False)


@pytest.mark.usefixtures("engine")
def test_overview_of_the_city_demo(city_db: Database) -> None:
    with city_db.reading() as s:
        some = [CommuneInfo(c.code, c.name, c.kind) for c in s.scalars(select(Commune).limit(2))]
    tiny = demo.DemoScale(borrowers=3, groups=1, hamlets=1, contributions_per_year=4)
    with city_db.transaction() as s:
        demo.generate(s, scale=tiny, today=TODAY, communes=some)
    with city_db.reading() as s:
        overview = load_overview(s, 2025, CITY_OFFICE, today=TODAY)
        years = overview_years(s, CITY_OFFICE, today=TODAY)
        now = load_overview(s, 2026, CITY_OFFICE, today=date(2026, 10, 20))
    assert overview.entrusted.share.status is TargetStatus.BEHIND
    assert overview.entrusted.share.still_needed == 1_053_750_000_000
    assert [i.year for i in overview.entrusted_years] == [2024, 2025, 2026]
    assert overview.tasks.expected == 19 and overview.reminders == ()
    assert len(overview.months) == 12
    assert years[0] == 2026 and 2024 in years
    assert {r.kind for r in now.reminders} == {ReminderKind.YEARLY_REPORT, ReminderKind.FUND_PEAK}


def test_overview_of_an_empty_commune(commune_db: Database) -> None:
    with commune_db.reading() as s:
        overview = load_overview(s, 2026, Scope.commune("31120"), today=TODAY)
        years = overview_years(s, Scope.commune("31120"), today=TODAY)
    assert overview.fund.closing == 0 and overview.deposits.total == 0
    assert overview.entrusted.growth.status is TargetStatus.NO_DATA
    assert overview.tasks.missing == overview.tasks.expected == 14
    assert years == [2026]


def test_change_history_in_words(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        record_id = create_contribution(
            s,
            ContributionInput(
                donor_name="Hội Nông dân phường",
                donor_type=DonorType.TO_CHUC,
                form=ContributionForm.CHUYEN_KHOAN,
                amount=1_000_000,
                received_on=date(2026, 10, 20),
                campaign_year=2026,
            ),
            today=TODAY,
        )
        create_transfer(s, TransferInput(2026, SourceLevel.XA, 5), today=TODAY)
    with commune_db.transaction() as s:
        update_contribution(
            s,
            record_id,
            ContributionInput(
                donor_name="Hội Nông dân phường",
                donor_type=DonorType.TO_CHUC,
                form=ContributionForm.TIEN_MAT,
                amount=2_500_000,
                received_on=date(2026, 10, 21),
                campaign_year=2026,
            ),
            expected_version=1,
            today=TODAY,
        )
    with commune_db.reading() as s:
        every = change_history(s)
        one = change_history(s, record_id=record_id)
        funds_only = change_history(s, record_types=("entrusted_transfer",))
    assert [r.action for r in one] == [AuditAction.UPDATE, AuditAction.CREATE]
    assert one[0].changes == (
        "Amount: 1.000.000 đ → 2.500.000 đ; Form: Bank transfer → Cash; "
        "Received on: 20/10/2026 → 21/10/2026"
    )
    assert one[0].record_label == "Fund contributions"
    assert len(every) >= 3 and [r.record_type for r in funds_only] == ["entrusted_transfer"]


def test_values_are_shown_as_elsewhere() -> None:
    assert show_value("fund_contribution", "amount", 2_500_000) == "2.500.000 đ"
    assert show_value("fund_contribution", "received_on", "2026-10-21") == "21/10/2026"
    assert show_value("deposit", "kind", "tai_tro") == "Sponsorship"
    assert show_value("hamlet", "active", True) == "yes"
    assert show_value("task_progress", "notes", "") == "–"
    assert show_value("task_progress", "status", "unknown_code") == "unknown_code"
    assert describe_changes("capital_total", {"total_capital": (None, 5)}) == (
        "Total capital: – → 5 đ"
    )


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from desktop.cli import main

    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_overview_command_prints_the_city_2025_figures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, qapp: object
) -> None:
    """(``qapp`` first: the command would otherwise make a display-less QCoreApplication,
    and a later widget test in the same run would crash on it.)"""
    folder = str(tmp_path / "city")
    assert run(capsys, "init", "--data-dir", folder, "--mode", "city")[0] == 0
    database = Database.open(AppPaths(Path(folder)))
    with database.reading() as s:
        some = [CommuneInfo(c.code, c.name, c.kind) for c in s.scalars(select(Commune).limit(2))]
    tiny = demo.DemoScale(borrowers=2, groups=1, hamlets=1, contributions_per_year=3)
    with database.transaction() as s:
        demo.generate(s, scale=tiny, today=TODAY, communes=some)
    database.close()
    code, out, err = run(capsys, "overview", "--data-dir", folder, "--year", "2025")
    assert code == 0, err
    assert out.splitlines()[0] == "Tổng quan năm 2025 — thành phố"
    assert (
        "Vốn ủy thác 2.675.000.000.000 đ trên tổng nguồn vốn 17.590.000.000.000 đ = 15,21 % — "
        "Chưa đạt (chỉ tiêu ≥ 20 % đến năm 2030); còn thiếu 1.053.750.000.000 đ"
    ) in out
    assert "tăng 20,00 % — Đạt chỉ tiêu" in out
    assert "Dư nợ đến ngày 31/12/2025: chưa có số liệu dư nợ" in out  # the city office's own
    code, out, err = run(
        capsys, "overview", "--data-dir", folder, "--year", "2025", "--unit", "all"
    )
    assert code == 0 and "toàn bộ các xã, phường" in out
    assert "Số liệu của 2/103 xã, phường đã gửi" in out
    assert "Dư nợ đến ngày 31/12/2025" in out
    code, out, err = run(capsys, "overview", "--data-dir", folder, "--unit", "99999")
    assert (
        code == 1 and err.strip() == "Lỗi: 99999 không phải mã xã, phường, 92 (thành phố) hay all."
    )


# -- the loans on Tổng quan (tests/overview_data.py holds the hand-made book) -----------------


def test_loans_on_today_against_the_hand_made_book(commune_db: Database) -> None:
    hand_made_loans(commune_db)
    with commune_db.reading() as s:
        loans = load_overview(s, 2026, Scope.commune("31120"), today=TODAY).loans
    assert loans.day == TODAY and loans.has_data
    assert loans.latest_data == loans.earliest_data == date(2026, 9, 30)
    assert loans.outstanding == 67_000_000
    assert loans.overdue == 15_000_000 and loans.frozen == 4_000_000
    assert loans.overdue_ratio == Fraction(15, 67)
    assert loans.overdue_frozen == 19_000_000
    assert loans.overdue_frozen_ratio == Fraction(19, 67)
    assert (loans.loans_with_balance, loans.borrowers_with_balance) == (3, 2)
    assert loans.not_checked == 2  # L1 checked a day too early, L3 never
    assert loans.communes == 1


def test_loans_of_a_past_year_are_taken_on_its_last_day(commune_db: Database) -> None:
    hand_made_loans(commune_db)
    with commune_db.reading() as s:
        loans = load_overview(s, 2025, Scope.commune("31120"), today=TODAY).loans
        years = overview_years(s, Scope.commune("31120"), today=TODAY)
    assert loans.day == date(2025, 12, 31)
    assert loans.latest_data == date(2025, 12, 31)
    assert loans.outstanding == 110_000_000 and loans.overdue == 0
    assert loans.overdue_ratio == 0
    assert (loans.loans_with_balance, loans.borrowers_with_balance) == (4, 3)
    assert loans.not_checked == 2  # L3 and L4
    # Every year since the first balance (the loan of 05/05/2023) can be chosen.
    assert years == [2026, 2025, 2024, 2023]


def test_loans_agree_with_the_indicators_and_the_unchecked_list(commune_db: Database) -> None:
    """Tổng quan reads the loans in one pass of its own: it must say what the Khoản vay
    page and the reports say."""
    hand_made_loans(commune_db)
    for day in (TODAY, date(2025, 12, 31), date(2024, 6, 30)):
        with commune_db.reading() as s:
            loans = loan_summary(s, Scope.commune("31120"), day)
            total = indicator_table(
                s, Dimension.PROGRAMME, owner=Scope.commune("31120"), as_of=day
            ).total
            unchecked = loans_not_checked(s, Scope.commune("31120"), today=day)
        assert loans.outstanding == total.outstanding
        assert loans.overdue == total.overdue and loans.frozen == total.frozen
        assert loans.loans_with_balance == total.loans_with_balance
        assert loans.borrowers_with_balance == total.borrowers_with_balance
        assert loans.not_checked == len(unchecked)


@pytest.mark.parametrize("year", [2022, 2026])
def test_no_balance_data_is_not_zero(commune_db: Database, year: int) -> None:
    """No loan at all, or no balance on or before the day: there are no figures."""
    if year == 2022:
        hand_made_loans(commune_db)  # every loan came later
    with commune_db.reading() as s:
        loans = load_overview(s, year, Scope.commune("31120"), today=TODAY).loans
    assert not loans.has_data and loans.latest_data is None
    assert loans.overdue_ratio is None and loans.communes == 0


@pytest.mark.usefixtures("engine")
def test_the_city_chooses_whose_figures(city_db: Database) -> None:
    with city_db.reading() as s:
        some = [CommuneInfo(c.code, c.name, c.kind) for c in s.scalars(select(Commune).limit(2))]
    tiny = demo.DemoScale(borrowers=2, groups=1, hamlets=1, contributions_per_year=3)
    with city_db.transaction() as s:
        demo.generate(s, scale=tiny, today=TODAY, communes=some)
    with city_db.reading() as s:
        every = load_overview(s, 2026, ALL_COMMUNES, today=TODAY)
        first = load_overview(s, 2026, Scope.commune(some[0].code), today=TODAY)
        second = load_overview(s, 2026, Scope.commune(some[1].code), today=TODAY)
        own = load_overview(s, 2026, CITY_OFFICE, today=TODAY)
        nobody = load_overview(s, 2026, Scope.commune("31810"), today=TODAY)
        choices = communes_for_choice(s)
    assert (every.coverage.reporting, every.coverage.communes) == (2, 103)
    assert not every.coverage.complete
    assert (first.coverage.reporting, first.coverage.communes) == (1, 1)
    assert (nobody.coverage.reporting, nobody.coverage.communes) == (0, 1)
    assert (own.coverage.reporting, own.coverage.communes) == (0, 0)
    # All communes together are the sum of the two; the city office's own records apart.
    assert every.fund.closing == first.fund.closing + second.fund.closing
    assert every.loans.outstanding == first.loans.outstanding + second.loans.outstanding > 0
    assert every.loans.communes == 2 and not own.loans.has_data
    assert not nobody.loans.has_data and nobody.fund.closing == 0
    assert len(choices) == 103
    assert [c.name for c in choices[:3]] == ["An Bình", "An Lạc Thôn", "An Ninh"]
