"""The figures behind the loan-work documents, against answers worked out by hand
(``tests/loan_documents_data.py``): loans disbursed and repaid in a period, the overdue list
with since when, the loans due for a check, a check's record, the checks of a period."""

from __future__ import annotations

from datetime import date

import pytest

from db.enums import CheckerKind, CheckResult, Sex
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.loans.check_records import check_record, checks_of_period, find_group
from desktop.core.loans.checks import checks_due
from desktop.core.loans.flows import loan_flows
from desktop.core.loans.overdue import overdue_loans
from desktop.core.owners import ALL_COMMUNES, Scope
from tests.loan_documents_data import LEADER, M, World, build

CODE = "31120"
H2_START, H2_END = date(2025, 7, 1), date(2025, 12, 31)


@pytest.fixture
def world(commune_db: Database, vi_app: object) -> World:
    return build(commune_db)


def test_disbursed_and_repaid_in_the_second_half_of_2025(
    commune_db: Database, world: World
) -> None:
    with commune_db.reading() as s:
        flows = loan_flows(s, Scope.commune(CODE), H2_START, H2_END)
    total = flows.total
    assert (total.disbursed_loans, total.disbursed_amount, total.disbursed_unknown) == (
        2,
        30 * M,
        1,
    )
    assert total.households == 2
    assert (total.repaid, total.repaid_loans, total.paid_off, total.repaid_unknown) == (
        83 * M,
        6,
        1,
        1,
    )
    by = {row.key: row.sums for row in flows.rows}
    assert [row.key for row in flows.rows][:3] == ["HN", "HCN", "HMTN"]  # the catalogue's order
    assert (by["HN"].disbursed_loans, by["HN"].disbursed_amount, by["HN"].repaid) == (
        1,
        30 * M,
        66 * M,
    )
    assert (by["GQVL"].disbursed_unknown, by["GQVL"].repaid) == (1, 2 * M)
    assert (by["NSVSMT"].repaid, by["NSVSMT"].paid_off) == (15 * M, 1)
    assert (by["HSSV"].repaid, by["HSSV"].repaid_unknown) == (0, 1)
    assert by["HCN"].disbursed_loans == 0 and by["HCN"].repaid == 0


def test_disbursed_and_repaid_in_the_first_half_of_2025(commune_db: Database, world: World) -> None:
    """01/01–30/06/2025: L8 disbursed (10) and down to 8; L1 50 → 40, L3 30 → 25, L4 20 →
    15; L7 not yet lent; L9 has no balance by 30/06 (unknown)."""
    with commune_db.reading() as s:
        flows = loan_flows(s, Scope.commune(CODE), date(2025, 1, 1), date(2025, 6, 30))
    total = flows.total
    assert (total.disbursed_loans, total.disbursed_amount, total.disbursed_unknown) == (
        1,
        10 * M,
        0,
    )
    assert (total.repaid, total.repaid_loans, total.repaid_unknown) == (22 * M, 4, 1)


def test_overdue_list_with_since_when(commune_db: Database, world: World) -> None:
    with commune_db.reading() as s:
        late = overdue_loans(s, Scope.commune(CODE), H2_END)
        assert overdue_loans(s, Scope.commune(CODE), date(2025, 6, 30)) == []
        in_july = overdue_loans(s, ALL_COMMUNES, date(2025, 7, 31))
    assert [
        (o.contract_no, o.borrower_name, o.hamlet_name, o.group_name, o.group_leader) for o in late
    ] == [
        ("HD1", "Nguyễn Văn An", "Khu vực 1", "Tổ Hội Nông dân KV1 (G1)", LEADER),
        ("HD5", "Phạm Thị Dung", "Khu vực 1", "", ""),
    ]
    assert [(o.overdue, o.outstanding, o.overdue_since, o.days) for o in late] == [
        (10 * M, 40 * M, date(2025, 10, 1), 91),
        (5 * M, 5 * M, date(2025, 9, 30), 92),
    ]
    assert [(o.contract_no, o.overdue_since, o.days) for o in in_july] == [
        ("HD5", date(2025, 7, 31), 0)
    ]


def test_loans_due_for_a_check_by_hamlet_group_and_borrower(
    commune_db: Database, world: World
) -> None:
    with commune_db.reading() as s:
        due = checks_due(s, Scope.commune(CODE), H2_END)
    assert [
        (d.hamlet_name, d.group_name, d.group_leader, d.borrower_name, d.contract_no) for d in due
    ] == [
        ("Khu vực 1", "Tổ Hội Nông dân KV1 (G1)", LEADER, "Nguyễn Văn An", "HD6"),
        ("Khu vực 1", "", "", "Phạm Thị Dung", "HD9"),
        ("Khu vực 2", "Tổ Hội Phụ nữ KV2 (G2)", "", "Lê Văn Cường", "HD8"),
        ("Khu vực 2", "Tổ Hội Phụ nữ KV2 (G2)", "", "Trần Thị Bình", "HD3"),
        ("Khu vực 2", "Tổ Hội Phụ nữ KV2 (G2)", "", "Trần Thị Bình", "HD7"),
    ]
    assert [(d.amount_disbursed, d.outstanding, d.purpose) for d in due[:2]] == [
        (30 * M, 25 * M, "Chăn nuôi"),
        (None, 7 * M, ""),
    ]


def test_the_record_of_a_check(commune_db: Database, world: World) -> None:
    with commune_db.reading() as s:
        record = check_record(s, world.checks["L1"])
    assert (record.borrower_name, record.borrower_sex, record.hamlet_name) == (
        "Nguyễn Văn An",
        Sex.MALE,
        "Khu vực 1",
    )
    assert (record.programme_name, record.contract_no, record.amount_disbursed) == (
        "Cho vay hộ nghèo",
        "HD1",
        50 * M,
    )
    assert (record.disbursed_on, record.outstanding, record.purpose) == (
        date(2024, 3, 1),
        40 * M,
        "Chăn nuôi",
    )
    assert (record.organisation_name, record.group_name, record.group_leader) == (
        "Hội Nông dân",
        "Tổ Hội Nông dân KV1 (G1)",
        LEADER,
    )
    assert (record.checker_kind, record.checker_name, record.result) == (
        CheckerKind.ORGANISATION,
        "Lê Thị Hoa",
        CheckResult.MOT_PHAN,
    )
    assert record.follow_up_on == date(2026, 2, 15)


def test_the_checks_of_a_period_and_a_group(commune_db: Database, world: World) -> None:
    q4_start, q4_end = date(2025, 10, 1), date(2025, 12, 31)
    with commune_db.reading() as s:
        assert checks_of_period(s, CODE, q4_start, q4_end) == [
            world.checks["L1"],
            world.checks["L5"],
        ]
        g1, label = find_group(s, CODE, "g1")
        assert label == "Tổ Hội Nông dân KV1 (G1)"
        assert checks_of_period(s, CODE, q4_start, q4_end, g1) == [world.checks["L1"]]
        assert find_group(s, CODE, "TỔ HỘI PHỤ NỮ KV2")[0] == world.ids.groups["G2"]
        assert checks_of_period(s, CODE, date(2025, 1, 1), date(2025, 3, 31)) == [
            world.checks["L2"]
        ]
        with pytest.raises(UserError) as caught:
            find_group(s, CODE, "G9")
    assert caught.value.text() == "Xã, phường không có Tổ TK&VV nào có mã hoặc tên G9."
