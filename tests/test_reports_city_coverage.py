"""The city's reports built from real sync files of three communes (100 never sent one),
with figures worked out by hand: the reports say how many communes they cover and list the
others, compute rates and rankings over the covered communes only, give the plan's II.4
targets for the local budget of the city and the communes together, and never call part of
the city the whole.

- Phường Cái Khế (31120): the hand-made commune of ``report_period_data.py``.
- Phường An Bình (31150) sends transfers of 200 triệu (2025) and 260 triệu (01/06/2026),
  three tasks done (two completed, one carried out regularly), gifts of 5 triệu (01/02/2026)
  and 9 triệu (25/10/2026, after the report's date).
- Phường Phước Thới (31162) sends one gift of 1 triệu (02/05/2026) and nothing else.
- The city office: its budget transferred 300 triệu in 2025 and nothing recorded for 2026;
  the branch's total capital at the end of 2025 is 10.000 triệu with 1.500 triệu of local
  budget capital entrusted (15 %).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from db.enums import ContributionForm, PeriodKind, SourceLevel, TaskStatus
from desktop.core.database import Database
from desktop.core.funds.capital import CapitalInput, TransferInput, create_capital, create_transfer
from desktop.core.funds.fund import create_contribution
from desktop.core.office import list_communes, update_office
from desktop.core.owners import ALL_COMMUNES
from desktop.core.periods import Period
from desktop.core.tasks.catalogue import plan_tasks
from desktop.core.tasks.progress import ProgressInput, create_progress
from desktop.reports.registry import ReportRequest
from desktop.sync.importer import Status
from tests import report_period_data
from tests.pg_server import PgServer
from tests.report_period_data import gift
from tests.report_support import Made, after, arrivals, check_document, make, row_values, sheet_rows
from tests.sync_support import World, template_db

M = 1_000_000
TODAY = date(2026, 12, 31)
ISSUED = date(2026, 10, 20)
YEAR = Period.whole_year(2026)
CAI_KHE, SECOND, THIRD = "31120", "31150", "31162"


def second_commune(db: Database) -> None:
    with db.transaction() as s:
        for year, amount, moved in (
            (2025, 200 * M, date(2025, 4, 1)),
            (2026, 260 * M, date(2026, 6, 1)),
        ):
            create_transfer(
                s,
                TransferInput(
                    year=year, source_level=SourceLevel.XA, amount=amount, transferred_on=moved
                ),
                today=TODAY,
            )
        for code, status, quarter in (
            ("II.1.b", TaskStatus.HOAN_THANH, 2),
            ("II.2.a", TaskStatus.THUONG_XUYEN, 2),
            ("II.2.b", TaskStatus.HOAN_THANH, 3),
        ):
            create_progress(
                s,
                ProgressInput(
                    plan_task_code=code,
                    period_kind=PeriodKind.QUARTER,
                    year=2026,
                    period_no=quarter,
                    status=status,
                    achievements="Đã thực hiện.",
                ),
                today=TODAY,
            )
        create_contribution(s, gift(date(2026, 2, 1), 5 * M), today=TODAY)
        create_contribution(s, gift(date(2026, 10, 25), 9 * M), today=TODAY)


def third_commune(db: Database) -> None:
    with db.transaction() as s:
        create_contribution(
            s, gift(date(2026, 5, 2), 1 * M, ContributionForm.TIEN_MAT), today=TODAY
        )


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, module_engine: str, module_server: PgServer | None
) -> Iterator[World]:
    """The city on SQLite, then on PostgreSQL (issue 17): every test here runs on both."""
    made = World.make(
        tmp_path_factory.mktemp("coverage"), template_db(), module_engine, module_server
    )
    with made.city.transaction() as s:
        update_office(
            s,
            office_name="Ủy ban nhân dân thành phố Cần Thơ",
            signer_title="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
            signer_name="Trần Văn Lâm",
        )
        create_transfer(
            s,
            TransferInput(
                year=2025,
                source_level=SourceLevel.THANH_PHO,
                amount=300 * M,
                transferred_on=date(2025, 3, 15),
            ),
            today=TODAY,
        )
        create_capital(
            s,
            CapitalInput(
                year=2025,
                total_capital=10_000 * M,
                entrusted_balance=1_500 * M,
                as_of=date(2025, 12, 31),
            ),
            today=TODAY,
        )
    for code, fill in (
        (CAI_KHE, report_period_data.fill),
        (SECOND, second_commune),
        (THIRD, third_commune),
    ):
        commune = made.commune(code, hamlets=("Khu vực 1", "Khu vực 2"))
        fill(commune)
        assert made.import_file(made.export(commune, full=True).path).status is Status.APPLIED
        commune.close()
    yield made
    made.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, module_engine: str) -> Path:
    return tmp_path_factory.mktemp(f"coverage-reports-{module_engine}")


@pytest.fixture(scope="module")
def yearly(world: World, folder: Path) -> Made:
    return make(world.city, "city-yearly", ReportRequest(YEAR, None, ISSUED), folder)


@pytest.fixture(scope="module")
def names(world: World) -> dict[str, str]:
    with world.city.reading() as s:
        return {c.code: c.label for c in list_communes(s)}


@pytest.fixture(scope="module")
def tasks_per_commune(world: World) -> int:
    with world.city.reading() as s:
        return len(plan_tasks(s, ALL_COMMUNES))


def test_the_yearly_report_is_a_document(yearly: Made) -> None:
    check_document(yearly, "Cần Thơ", ISSUED)


def test_coverage_is_stated_and_the_others_listed(yearly: Made, names: dict[str, str]) -> None:
    flat = yearly.flat
    assert (
        "Số liệu của 3/103 xã, phường (3 xã, phường gửi qua tệp số liệu); chưa có số liệu: 100 "
        "xã, phường (danh sách tại Phụ lục 1)"
    ) in flat
    listed = {row[2]: row for row in arrivals(yearly.report).rows}
    assert len(listed) == 100 and "31135" in listed and CAI_KHE not in listed
    assert listed["31135"][6] == "Chưa có số liệu (chưa gửi tệp số liệu nào)"
    assert "toàn thành phố" not in flat.lower()
    assert "Thành phố có số liệu của 3/103 xã, phường" in flat


def test_rates_and_rankings_over_the_covered_communes(
    yearly: Made, names: dict[str, str], tasks_per_commune: int
) -> None:
    n = tasks_per_commune
    assert n == 14
    table = sheet_rows(yearly.xlsx, "Nhiệm vụ theo xã", key=1)
    assert table[names[SECOND]][2:4] == (n, 2)  # expected, completed
    assert table[names[CAI_KHE]][2:4] == (n, 1)
    total = table["Cộng 3 xã, phường có số liệu"]
    assert total[2] == 3 * n and total[-1] == pytest.approx(4 / (3 * n))
    assert names["31135"] not in table  # Ninh Kiều sent nothing: not a row of 0 %
    ranking = sheet_rows(yearly.xlsx, "Xếp hạng nhiệm vụ", key=1)
    ranked = {label: row for label, row in ranking.items() if isinstance(row[0], int)}
    assert [ranked[names[c]][0] for c in (SECOND, CAI_KHE, THIRD)] == [1, 2, 3]
    assert len(ranked) == 3
    # 4 done of the 42 tasks of the covered communes: 9,52 %, not 4 of 1 442.
    assert "các xã, phường có số liệu (3/103 xã, phường) có 4/42 nhiệm vụ" in yearly.flat
    assert "9,52 %" in yearly.flat


def test_the_local_budget_of_city_and_communes_together(yearly: Made) -> None:
    sheet = sheet_rows(yearly.xlsx, "Vốn ủy thác", key=0)
    city = sheet["Ngân sách thành phố"]
    assert city[1] == 300.0
    assert city[2] == "Chưa có số liệu"  # nothing recorded by the city office for 2026
    communes = sheet["Ngân sách các xã, phường (3 xã, phường có số liệu)"]
    assert communes[1:3] == (300.0, 350.0)
    assert communes[3] == pytest.approx(350 / 300 - 1)
    both = sheet["Ngân sách địa phương (thành phố và xã, phường)"]
    assert both[1:3] == (600.0, 350.0)
    assert both[3] == pytest.approx(350 / 600 - 1)
    text = after(yearly.text, "Vốn ngân sách địa phương ủy thác qua NHCSXH năm 2026")
    assert "Chưa có số liệu" in next(
        line for line in text.splitlines() if line.strip().startswith("Ngân sách thành phố")
    )
    assert " 0 đồng" not in yearly.flat
    assert "-41,67 %" in yearly.text
    share = sheet_rows(yearly.xlsx, "Tỷ lệ vốn ủy thác", key=0)
    branch = share["Chi nhánh NHCSXH thành phố (toàn bộ vốn ngân sách địa phương ủy thác)"]
    assert branch[1:4] == (10_000.0, 1_500.0, pytest.approx(0.15))
    # (20 % × 10.000 − 1.500) ÷ 0,8 = 625 triệu.
    assert branch[5] == 625.0
    own = share["Các xã, phường (1 xã, phường có số liệu tổng nguồn vốn)"]
    assert own[1:4] == (2_000.0, 300.0, pytest.approx(0.15))


def test_city_money_in_millions_as_of_the_documents_date(
    yearly: Made, names: dict[str, str]
) -> None:
    fund = sheet_rows(yearly.xlsx, "Quỹ VNN theo xã", key=1)
    assert fund[names[CAI_KHE]][2:6] == (10.0, 31.0, 6.5, 34.5)
    assert fund[names[SECOND]][2:6] == (0.0, 5.0, 0.0, 5.0)  # the gift of 25/10 is later
    assert fund["Tổng cộng"][2:6] == (10.0, 37.0, 6.5, 40.5)
    assert len([k for k, r in fund.items() if isinstance(r[0], int)]) == 3
    text = after(yearly.text, "Quỹ “Vì người nghèo” của các xã, phường năm 2026")
    assert "Đơn vị tính: triệu đồng" in text
    assert row_values(text, "Tổng cộng")[:4] == [
        Decimal("10.00"),
        Decimal("37.00"),
        Decimal("6.50"),
        Decimal("40.50"),
    ]
    credit = sheet_rows(yearly.xlsx, "Tín dụng theo xã", key=1)
    assert credit[names[CAI_KHE]][3] == 38.0
    assert credit[names[SECOND]][3] is None  # no balance recorded: no data, not 0


def test_proposals_are_printed_not_denied(yearly: Made) -> None:
    flat = yearly.flat
    start = flat.index("PHỤ LỤC 3")
    part = flat[start:]
    assert "Cấp thành phố Không nêu khó khăn, đề xuất." in part
    assert "Đề nghị tập huấn nghiệp vụ cho tổ trưởng Tổ TK&VV" in part
    assert "Không có." not in part


@pytest.fixture(scope="module")
def others(world: World, folder: Path) -> dict[str, Made]:
    quarter = Period.quarter(2026, 3)
    out = {}
    for key, name, request in (
        ("quality", "loan-quality", ReportRequest(quarter, None, date(2026, 10, 5))),
        ("silent", "commune-plan", ReportRequest(quarter, "31135", date(2026, 10, 5))),
        ("silent-fund", "fund", ReportRequest(quarter, "31135", date(2026, 10, 5))),
        ("fund", "fund", ReportRequest(YEAR, None, ISSUED)),
    ):
        sub = folder / key
        sub.mkdir()
        out[key] = make(world.city, name, request, sub)
    return out


def test_loan_quality_for_all_communes_says_what_it_covers(others: dict[str, Made]) -> None:
    made = others["quality"]
    assert "Số liệu của 3/103 xã, phường" in made.flat
    assert "chưa có số liệu: 100 xã, phường (danh sách tại Phụ lục)" in made.flat
    appendix = made.text[made.text.index("PHỤ LỤC") :]
    assert "Phường Ninh Kiều" in appendix and "Phường Cái Khế" not in appendix
    assert made.text.index("Trần Văn Lâm") < made.text.index("PHỤ LỤC")
    missing = sheet_rows(made.xlsx, "Chưa có số liệu", key=1)
    assert len([r for r in missing.values() if isinstance(r[0], int)]) == 100
    by_commune = sheet_rows(made.xlsx, "Theo xã")
    assert by_commune["Phường Cái Khế"][2] == 63.0  # triệu đồng
    assert "Đơn vị tính: triệu đồng" in made.text


def test_a_commune_that_sent_nothing(others: dict[str, Made]) -> None:
    for key in ("silent", "silent-fund"):
        made = others[key]
        assert "Thành phố chưa có số liệu của phường Ninh Kiều" in made.flat
        assert "không có khoản vay nào còn dư nợ" not in made.flat
        assert " 0 đồng" not in made.flat


def test_the_citys_fund_report_names_its_coverage(others: dict[str, Made]) -> None:
    made = others["fund"]
    assert "Số liệu của 3/103 xã, phường" in made.flat
    assert "các xã, phường có số liệu (3/103 xã, phường)" in made.flat
    assert "Nhà hảo tâm" not in made.text  # no named list at the city
