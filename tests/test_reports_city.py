"""The reports at the city: a city database holding demo data for a few communes and the
records of two more that arrived as real, signed sync files (one of them with a file
missing). The city's yearly report lists who is missing or late, and every per-commune
figure equals what the services compute for that commune."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.enums import ContributionForm, DonorType
from desktop.core.database import Database
from desktop.core.demo import DemoScale, generate
from desktop.core.errors import UserError
from desktop.core.funds.fund import ContributionInput, create_contribution
from desktop.core.funds.indicators import entrusted_by_commune, entrusted_indicators
from desktop.core.funds.period import period_statement, period_statements_by_commune
from desktop.core.loans.checks import loans_not_checked
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.office import list_communes
from desktop.core.owners import ALL_COMMUNES, CITY_OFFICE, Scope
from desktop.core.periods import Period
from desktop.core.tasks.status import task_completion, task_completion_by_commune
from desktop.reports.builders.common import competition_ranks
from desktop.reports.builders.sync_parts import cut_off
from desktop.reports.registry import ReportRequest, get_report
from desktop.reports.service import make_report
from desktop.sync.importer import Status
from desktop.ui.context import AppContext
from desktop.ui.reports import ReportsPage
from tests.pg_server import PgServer
from tests.report_support import (
    Made,
    after,
    arrivals,
    check_document,
    make,
    percent,
    row_values,
    sheet_rows,
    values,
)
from tests.sync_support import World, template_db

TODAY = date(2026, 10, 25)
YEAR = Period.whole_year(2026)
SCALE = DemoScale(borrowers=40, groups=4, hamlets=3, contributions_per_year=10, years=2)
#: Entered at the city by the demo: no file of theirs was ever imported.
DEMO_COMMUNES = ("31120", "31231", "31315")
#: Sent one full file, imported.
SENT = "31150"
#: Sent two files; the first never arrived.
GAP = "31162"
DONOR = "Trịnh Thị Ánh Tuyết"


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, module_engine: str, module_server: PgServer | None
) -> Iterator[World]:
    """The city on SQLite, then on PostgreSQL (issue 17): every test here runs on both."""
    made = World.make(tmp_path_factory.mktemp("world"), template_db(), module_engine, module_server)
    with made.city.reading() as session:
        chosen = [c for c in list_communes(session) if c.code in DEMO_COMMUNES]
    with made.city.transaction() as session:
        generate(session, scale=SCALE, today=TODAY, communes=chosen)
    sent = made.commune(SENT)
    with sent.transaction() as session:
        generate(session, scale=SCALE, today=TODAY, seed=7)
    assert made.import_file(made.export(sent, full=True).path).status is Status.APPLIED
    gap = made.commune(GAP)
    with gap.transaction() as session:
        generate(session, scale=SCALE, today=TODAY, seed=8)
    made.export(gap, full=True)  # file 1: lost on the way
    with gap.transaction() as session:
        create_contribution(
            session,
            ContributionInput(
                donor_name=DONOR,
                donor_type=DonorType.CA_NHAN,
                form=ContributionForm.TIEN_MAT,
                amount=3_000_000,
                received_on=date(2026, 10, 20),
                campaign_year=2026,
            ),
        )
    assert made.import_file(made.export(gap).path).status is Status.APPLIED
    sent.close()
    gap.close()
    yield made
    made.close()


@pytest.fixture(scope="module")
def city(world: World) -> Database:
    return world.city


@pytest.fixture(scope="module")
def yearly(city: Database, tmp_path_factory: pytest.TempPathFactory) -> Made:
    return make(city, "city-yearly", ReportRequest(YEAR, None, TODAY), tmp_path_factory.mktemp("y"))


def codes_with_data() -> list[str]:
    return [*DEMO_COMMUNES, SENT]


def test_city_yearly_is_a_vietnamese_document(yearly: Made) -> None:
    check_document(yearly, "Cần Thơ", TODAY)
    # The Ban Thường vụ Thành ủy's report to the Central Commission: the Party form.
    assert yearly.text.lstrip().startswith("THÀNH ỦY CẦN THƠ")
    assert "-BC/TU" in yearly.text and "Số:" not in yearly.text
    assert "T/M BAN THƯỜNG VỤ" in yearly.text
    assert "- Ban Chính sách, chiến lược Trung ương (để báo" in yearly.text
    # The charts rank the communes with figures only (five here), never silent ones at 0 %.
    for caption in (
        "5 xã, phường có tỷ lệ hoàn thành nhiệm vụ thấp nhất",
        "4 xã, phường có tỷ lệ nợ quá hạn cao nhất",
        "Tỷ lệ vốn ngân sách địa phương ủy thác trên tổng nguồn vốn",
    ):
        assert caption in yearly.text, caption


def test_missing_and_late_communes(city: Database, yearly: Made) -> None:
    # The demo communes' records were entered at the city: they have figures, and the
    # report says by which route rather than calling them silent while printing them.
    assert (
        "Thành phố có số liệu của 5/103 xã, phường: 2 xã, phường đã gửi tệp số liệu, 3 xã, "
        "phường có số liệu nhập trực tiếp tại Thành phố (không qua tệp, được tính là có số "
        "liệu); 98 xã, phường chưa có số liệu; 1 xã, phường còn thiếu tệp; 0 xã, phường gửi số "
        "liệu chậm (tệp gần nhất lập trước ngày 30/09/2026)"
    ) in yearly.flat
    assert (
        "Số liệu của 5/103 xã, phường (2 xã, phường gửi qua tệp số liệu; 3 xã, phường có số "
        "liệu nhập trực tiếp tại Thành phố, không qua tệp); chưa có số liệu: 98 xã, phường"
    ) in yearly.flat
    table = arrivals(yearly.report)
    listed = {row[2]: row for row in table.rows}
    assert SENT not in listed
    assert listed[GAP][3] == 2 and listed[GAP][6] == "Thiếu tệp số 1"
    assert not set(DEMO_COMMUNES) & set(listed)
    assert listed["31135"][6] == "Chưa có số liệu (chưa gửi tệp số liệu nào)"
    assert len(listed) == 99
    text = after(yearly.text, "Các xã, phường chưa có số liệu, gửi thiếu hoặc gửi chậm số liệu")
    gap_line = next(line for line in text.splitlines() if GAP in line)
    assert "Thiếu tệp số 1" in gap_line
    # Made in January 2027, the same report finds the file sent in 2026 late.
    january = ReportRequest(YEAR, None, date(2027, 1, 5))
    later = make_report(city, get_report("city-yearly"), january)
    rows = {row[2]: row for row in arrivals(later).rows}
    assert rows[SENT][6] == "Tệp gần nhất lập trước ngày 31/12/2026"
    assert rows[GAP][6] == "Thiếu tệp số 1\nTệp gần nhất lập trước ngày 31/12/2026"


def test_cut_off_is_the_last_quarter_ended() -> None:
    assert cut_off(YEAR, date(2026, 10, 25)) == date(2026, 9, 30)
    assert cut_off(YEAR, date(2027, 2, 5)) == date(2026, 12, 31)
    assert cut_off(Period.quarter(2026, 2), date(2026, 12, 1)) == date(2026, 6, 30)
    assert competition_ranks([Fraction(1, 2), Fraction(1, 2), Fraction(1, 3), None]) == [1, 1, 3, 4]


def mil(amount: int | None) -> Decimal | None:
    """An amount as the city's tables print it, in triệu đồng."""
    return None if amount is None else (Decimal(amount) / 1_000_000).quantize(Decimal("0.01"))


def test_city_yearly_credit_equals_the_services(city: Database, yearly: Made) -> None:
    with city.reading() as session:
        indicators = indicator_table(session, Dimension.COMMUNE, owner=ALL_COMMUNES, as_of=TODAY)
        names = {c.code: c.label for c in list_communes(session)}
    rows = {row.key: row for row in indicators.rows}
    assert set(rows) == set(codes_with_data())  # the file of GAP held no loan
    text = after(yearly.text, "Dư nợ, chất lượng tín dụng và kiểm tra sử dụng vốn vay")
    assert "Đơn vị tính: triệu đồng" in text
    for code, row in rows.items():
        line = next(line for line in text.splitlines() if f" {names[code]} " in f"{line} ")
        got = row_values(line.strip(), line.strip().split(" ")[0])
        assert got == [
            row.borrowers_with_balance,
            mil(row.outstanding),
            mil(row.overdue),
            percent(row.overdue_ratio),
            percent(row.overdue_frozen_ratio),
            row.loans_checked,
            percent(row.share_used_as_intended),
        ], code
    total = indicators.total
    # The label wraps in its cell; the figures stand on the line below its first line.
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if "Cộng 5 xã, phường" in line)
    assert values(lines[first + 1])[:3] == [
        total.borrowers_with_balance,
        mil(total.outstanding),
        mil(total.overdue),
    ]
    sheet = sheet_rows(yearly.xlsx, "Tín dụng theo xã", key=1)
    assert sheet[names[SENT]][3] == pytest.approx(rows[SENT].outstanding / 1e6)
    assert sheet[names[GAP]][3] is None  # no balance ever recorded: no data, not 0
    assert names["31135"] not in sheet  # no figures at all: not a row
    assert sheet["Cộng 5 xã, phường có số liệu"][3] == pytest.approx(total.outstanding / 1e6)
    ranking = list(sheet_rows(yearly.xlsx, "Xếp hạng nợ quá hạn", key=1).values())
    ratios = [r[4] for r in ranking if isinstance(r[0], int)]
    assert ratios == sorted(ratios) and len(ratios) == len(rows)  # ranked: with a balance


def test_city_yearly_tasks_equal_the_services(city: Database, yearly: Made) -> None:
    covered = (*codes_with_data(), GAP)
    with city.reading() as session:
        by_commune = task_completion_by_commune(session, YEAR)
        city_own = task_completion(session, YEAR, CITY_OFFICE)
        names = {c.code: c.label for c in list_communes(session)}
    sheet = sheet_rows(yearly.xlsx, "Nhiệm vụ theo xã", key=1)
    for code in covered:
        got = sheet[names[code]][2:]
        want = by_commune[code]
        assert got[:6] == (
            want.expected,
            want.completed,
            want.ongoing,
            want.in_progress,
            want.not_started,
            want.missing,
        ), code
    expected = sum(by_commune[code].expected for code in covered)
    missing = sum(by_commune[code].missing for code in covered)
    reported = expected - missing
    total = sheet["Cộng 5 xã, phường có số liệu"]
    assert total[2] == expected and total[7] == missing
    assert len([row for row in sheet.values() if isinstance(row[0], int)]) == 5
    assert f"cấp thành phố có {city_own.reported}/{city_own.expected} nhiệm vụ" in yearly.flat
    assert (
        f"các xã, phường có số liệu (5/103 xã, phường) có {reported}/{expected} nhiệm vụ của "
        f"Kế hoạch"
    ) in yearly.flat
    ranking = list(sheet_rows(yearly.xlsx, "Xếp hạng nhiệm vụ", key=1).values())
    shares = [r[4] for r in ranking if isinstance(r[0], int)]
    assert shares == sorted(shares, reverse=True) and len(shares) == 5


def test_city_yearly_money_equals_the_services(city: Database, yearly: Made) -> None:
    covered = (*codes_with_data(), GAP)
    start = YEAR.start
    with city.reading() as session:
        communes = [c.code for c in list_communes(session)]
        names = {c.code: c.label for c in list_communes(session)}
        per_commune = {
            code: period_statement(session, start, TODAY, Scope.commune(code)) for code in covered
        }
        grouped = period_statements_by_commune(session, start, TODAY, covered)
        total = period_statement(session, start, TODAY, ALL_COMMUNES)
        own = period_statement(session, start, TODAY, CITY_OFFICE)
        growth = {
            code: entrusted_indicators(session, 2026, Scope.commune(code), until=TODAY)
            for code in covered
        }
        grouped_growth = entrusted_by_commune(session, 2026, covered, until=TODAY)
        shares = {
            code: entrusted_indicators(session, 2025, Scope.commune(code)) for code in communes
        }
        city_capital = entrusted_indicators(session, 2025, CITY_OFFICE).share
    assert grouped == per_commune
    assert grouped_growth == growth
    assert per_commune[GAP].receipts == 3_000_000
    fund = sheet_rows(yearly.xlsx, "Quỹ VNN theo xã", key=1)
    for code in covered:
        s = per_commune[code]
        want = (s.opening, s.receipts, s.spending, s.closing, s.in_kind)
        assert fund[names[code]][2:] == tuple(pytest.approx(v / 1e6) for v in want), code
    assert names["31135"] not in fund
    want_total = (total.opening, total.receipts, total.spending, total.closing)
    assert fund["Tổng cộng"][2:6] == tuple(pytest.approx(v / 1e6) for v in want_total)
    levels = sheet_rows(yearly.xlsx, "Quỹ VNN theo cấp")
    assert levels["Cấp thành phố"][1:] == tuple(
        pytest.approx(v / 1e6) for v in (own.opening, own.receipts, own.spending, own.closing)
    )
    assert levels["Cộng"][4] == pytest.approx((total.closing + own.closing) / 1e6)
    capital = sheet_rows(yearly.xlsx, "Vốn ủy thác theo xã", key=1)
    for code in codes_with_data():
        g = growth[code].growth
        row = capital[names[code]]
        assert row[2:4] == (pytest.approx(g.previous / 1e6), pytest.approx(g.transferred / 1e6))
        assert row[4] == pytest.approx(float(g.growth)) if g.growth is not None else row[4] is None
        share = shares[code].share.share
        assert row[6] == pytest.approx(float(share)) if share is not None else row[6] is None
    assert city_capital.share == Fraction(2_675, 17_590)
    branch = sheet_rows(yearly.xlsx, "Tỷ lệ vốn ủy thác")[
        "Chi nhánh NHCSXH thành phố (toàn bộ vốn ngân sách địa phương ủy thác)"
    ]
    # 17.590 tỷ fits its cell, in triệu đồng: 17.590.000,00.
    assert branch[1:4] == (17_590_000.0, 2_675_000.0, pytest.approx(float(city_capital.share)))
    assert "17.590.000,00" in yearly.text
    # (20 % × 17.590 − 2.675) ÷ 0,8 = 1.053,75 tỷ: what the plan's 20 % still needs.
    assert branch[5] == 1_053_750.0
    assert "1.053.750,00" in yearly.text


@pytest.fixture(scope="module")
def city_reports(city: Database, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Made]:
    folder = tmp_path_factory.mktemp("city-reports")
    quarter = Period.quarter(2026, 3)
    return {
        "fund": make(city, "fund", ReportRequest(YEAR, None, TODAY), folder),
        "loan-quality": make(city, "loan-quality", ReportRequest(quarter, None, TODAY), folder),
        "unchecked-loans": make(
            city, "unchecked-loans", ReportRequest(quarter, None, TODAY), folder
        ),
        "commune-plan": make(city, "commune-plan", ReportRequest(quarter, SENT, TODAY), folder),
        "fund-one": make(city, "fund", ReportRequest(YEAR, GAP, TODAY), folder),
    }


@pytest.mark.parametrize(
    "name", ["fund", "loan-quality", "unchecked-loans", "commune-plan", "fund-one"]
)
def test_city_reports_are_documents(
    city: Database, city_reports: dict[str, Made], name: str
) -> None:
    """A report for one commune keeps the commune as its issuer and place; the city's own
    are dated at Cần Thơ."""
    with city.reading() as session:
        names = {c.code: c.name for c in list_communes(session)}
    place = {"commune-plan": names[SENT], "fund-one": names[GAP]}.get(name, "Cần Thơ")
    check_document(city_reports[name], place, TODAY)


def test_city_reports_for_every_commune(city: Database, city_reports: dict[str, Made]) -> None:
    day = Period.quarter(2026, 3).end
    with city.reading() as session:
        fund = period_statement(session, YEAR.start, TODAY, ALL_COMMUNES)
        quality = indicator_table(session, Dimension.COMMUNE, owner=ALL_COMMUNES, as_of=day)
        unchecked = loans_not_checked(session, ALL_COMMUNES, today=day)
        names = {c.code: c.label for c in list_communes(session)}
    fund_text = city_reports["fund"].text
    assert row_values(after(fund_text, "Thu, chi Quỹ"), "Số dư đầu năm") == [mil(fund.opening)]
    assert "của các xã, phường có số liệu (5/103 xã, phường)" in city_reports["fund"].flat
    assert "Số liệu của 5/103 xã, phường" in city_reports["loan-quality"].flat
    by_commune = sheet_rows(city_reports["loan-quality"].xlsx, "Theo xã")
    for row in quality.rows:
        assert by_commune[names[row.key or ""]][2] == pytest.approx(row.outstanding / 1e6)
    assert by_commune["Tổng cộng"][2] == pytest.approx(quality.total.outstanding / 1e6)
    assert names[SENT] in by_commune and names["31135"] not in by_commune
    sheet = sheet_rows(city_reports["unchecked-loans"].xlsx, "Theo xã")
    assert sheet["Tổng cộng"][1:] == (
        len(unchecked),
        sum(1 for u in unchecked if u.last_checked_on is None),
        pytest.approx(sum(u.outstanding for u in unchecked) / 1e6),
    )
    for code in codes_with_data():
        assert sheet[names[code]][1] == sum(1 for u in unchecked if u.commune_code == code)


def test_city_reports_for_one_commune(city: Database, city_reports: dict[str, Made]) -> None:
    plan = city_reports["commune-plan"]
    quarter = Period.quarter(2026, 3)
    with city.reading() as session:
        fund = period_statement(session, quarter.start, quarter.end, Scope.commune(SENT))
        label = next(c.label for c in list_communes(session) if c.code == SENT)
    assert f"quý III năm 2026 của {label[0].lower()}{label[1:]}" in plan.flat
    assert row_values(after(plan.text, "Thu, chi Quỹ"), "Số dư đầu kỳ (ngày 01/07/2026)") == [
        fund.opening
    ]
    one = city_reports["fund-one"]
    assert DONOR in one.flat  # arrived in the second file, the first one lost


def test_coverage_is_checked(vi_app: QApplication, city: Database) -> None:
    with pytest.raises(UserError) as caught:
        make_report(city, get_report("commune-plan"), ReportRequest(YEAR, None, TODAY))
    assert caught.value.text() == (
        "Báo cáo commune-plan lập cho một xã, phường: hãy chọn xã, phường."
    )
    with pytest.raises(UserError) as caught:
        make_report(city, get_report("city-yearly"), ReportRequest(YEAR, SENT, TODAY))
    assert "mọi xã, phường" in caught.value.text()
    with pytest.raises(UserError) as caught:
        make_report(
            city, get_report("city-yearly"), ReportRequest(Period.whole_year(2027), None, TODAY)
        )
    assert caught.value.text() == (
        "Năm 2027 chưa bắt đầu vào ngày 25/10/2026, ngày ghi trên văn bản."
    )


#: The documents of the commune's loan work (issue 16), listed after the others.
LOAN_WORK = ["overdue-loans", "checks-due", "check-records", "organisation-grades"]


def test_page_offers_only_what_a_report_covers(
    qtbot: QtBot, vi_app: QApplication, city: Database
) -> None:
    office = city.office()
    assert office is not None
    page = ReportsPage(AppContext(city, office))
    qtbot.addWidget(page)
    names = [page.report_combo.itemData(i) for i in range(page.report_combo.count())]
    assert names == [
        "commune-plan",
        "city-yearly",
        "fund",
        "loan-quality",
        "unchecked-loans",
        *LOAN_WORK,
    ]
    page.report_combo.setCurrentIndex(names.index("commune-plan"))
    assert page.commune_combo.currentData() is not None
    assert not page.commune_combo.model().item(0).isEnabled()  # type: ignore[attr-defined]
    page.report_combo.setCurrentIndex(names.index("city-yearly"))
    assert page.commune_combo.currentData() is None and not page.commune_combo.isEnabled()
    page.report_combo.setCurrentIndex(names.index("fund"))
    assert page.commune_combo.isEnabled()
    assert page.commune_combo.model().item(0).isEnabled()  # type: ignore[attr-defined]


def test_report_list_shows_the_five_reports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.test_reports_framework import run_cli

    city_dir, commune_dir = str(tmp_path / "city"), str(tmp_path / "commune")
    assert run_cli(capsys, "init", "--data-dir", city_dir, "--mode", "city")[0] == 0
    code, out, _ = run_cli(capsys, "report", "--data-dir", city_dir, "--list")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines() if line and not line[0].isspace()]
    assert listed == [
        "commune-plan",
        "city-yearly",
        "fund",
        "loan-quality",
        "unchecked-loans",
        *LOAN_WORK,
    ]
    run_cli(capsys, "init", "--data-dir", commune_dir, "--mode", "commune", "--commune", "31120")
    code, out, _ = run_cli(capsys, "report", "--data-dir", commune_dir, "--list")
    listed = [line.split()[0] for line in out.splitlines() if line and not line[0].isspace()]
    assert listed == ["commune-plan", "fund", "loan-quality", "unchecked-loans", *LOAN_WORK]
