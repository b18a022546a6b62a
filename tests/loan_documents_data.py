"""A hand-made commune for the loan-work documents (issue 16): the loans of
``tests/loans_data.py`` and a few more, balances through the second half of 2025, three
loan-use checks and a group leader — every answer of the documents worked out below.

Added to ``sample`` (amounts in triệu đồng; balances current unless said):

===== ======== ====== ===== ======= ========== ==============================================
loan  borrower prog.   group amount  disbursed  balances
===== ======== ====== ===== ======= ========== ==============================================
L5    Dung     HN      —     60      30/06/2022 + 31/07/2025 cur 55 overdue 5; 31/08/2025 cur 60;
                                                30/09/2025 cur 55 overdue 5 (31/12: overdue 5)
L6    An       HN      G1    30      15/08/2025 31/12/2025 cur 25
L7    Bình     GQVL    G2    unknown 01/09/2025 30/09/2025 cur 12; 31/12/2025 cur 10
L8    Cường    HN      G2    10      01/01/2025 30/06/2025 cur 8; 31/12/2025 cur 3, written off 4
L9    Dung     HSSV    —     unknown 01/01/2024 31/12/2025 cur 7 (nothing before)
===== ======== ====== ===== ======= ========== ==============================================

Checks: L2 on 15/03/2025 (group, used as intended), L1 on 15/11/2025 (organisation, partly),
L5 on 20/11/2025 (commune, used as intended). G1's leader is Trương Văn Giàu.

Second half of 2025 (balances on 30/06 → 31/12): repaid L3 5, L4 15 (paid off), L5 55, L6 5
(30 → 25), L7 2 (first balance 12 → 10), L8 1 (8 → 3 less 4 written off) = 83; L1, L2 none;
L9 unknown (no balance before). Disbursed: L6 (30) and L7 (amount unknown), to An and Bình.

Overdue on 31/12/2025: L1 10 since 01/10/2025 (the bank's date, earlier than its first overdue
balance of 31/12) — 91 days; L5 5 since 30/09/2025 (its run of overdue balances: 31/08 was
not overdue) — 92 days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from db.enums import CheckerKind, CheckResult, GroupStatus
from db.models import Loan
from desktop.core.database import Database
from desktop.core.loans.checks import CheckInput, create_check
from desktop.core.loans.groups import GroupInput, update_group
from desktop.core.office import record_store
from tests.loans_data import Ids, add_loan, add_snapshot, sample

M = 1_000_000
TODAY = date(2026, 1, 20)
LEADER = "Trương Văn Giàu"


@dataclass
class World:
    ids: Ids
    loans: dict[str, str]
    checks: dict[str, str]


def _unknown_amount_loan(
    db: Database, borrower: str, programme: str, disbursed: date, contract: str, group: str | None
) -> str:
    """A loan as the import of a bank's list of balances leaves it: no amount."""
    with db.transaction() as s:
        return record_store(s).create(
            Loan,
            {
                "borrower_id": borrower,
                "programme_code": programme,
                "group_id": group,
                "organisation_code": "HPN" if group else None,
                "contract_no": contract,
                "amount_disbursed": None,
                "disbursed_on": disbursed,
                "purpose": "",
            },
        )


def _check(
    db: Database, loan: str, day: date, kind: CheckerKind, result: CheckResult, **kw: Any
) -> str:
    with db.transaction() as s:
        return create_check(
            s,
            CheckInput(loan_id=loan, checked_on=day, checker_kind=kind, result=result, **kw),
            today=TODAY,
        )


def build(db: Database) -> World:
    ids = sample(db)
    g1, g2 = ids.groups["G1"], ids.groups["G2"]
    with db.transaction() as s:
        update_group(
            s,
            g1,
            GroupInput(
                code="G1",
                name="Tổ Hội Nông dân KV1",
                hamlet_id=ids.hamlets["Khu vực 1"],
                organisation_code="HND",
                leader_name=LEADER,
                status=GroupStatus.ACTIVE,
            ),
            expected_version=1,
        )
    loans = dict(ids.loans)
    l5 = loans["L5"]
    add_snapshot(db, l5, date(2025, 7, 31), current_amount=55 * M, overdue_amount=5 * M)
    add_snapshot(db, l5, date(2025, 8, 31), current_amount=60 * M)
    add_snapshot(db, l5, date(2025, 9, 30), current_amount=55 * M, overdue_amount=5 * M)
    an, binh, cuong, dung = (ids.borrowers[k] for k in ("An", "Binh", "Cuong", "Dung"))
    loans["L6"] = add_loan(
        db, an, "HN", 30 * M, date(2025, 8, 15), contract="HD6", org="HND", group=g1
    )
    add_snapshot(db, loans["L6"], date(2025, 12, 31), current_amount=25 * M)
    loans["L7"] = _unknown_amount_loan(db, binh, "GQVL", date(2025, 9, 1), "HD7", g2)
    add_snapshot(db, loans["L7"], date(2025, 9, 30), current_amount=12 * M)
    add_snapshot(db, loans["L7"], date(2025, 12, 31), current_amount=10 * M)
    loans["L8"] = add_loan(
        db, cuong, "HN", 10 * M, date(2025, 1, 1), contract="HD8", org="HPN", group=g2
    )
    add_snapshot(db, loans["L8"], date(2025, 6, 30), current_amount=8 * M)
    add_snapshot(
        db, loans["L8"], date(2025, 12, 31), current_amount=3 * M, written_off_amount=4 * M
    )
    loans["L9"] = _unknown_amount_loan(db, dung, "HSSV", date(2024, 1, 1), "HD9", None)
    add_snapshot(db, loans["L9"], date(2025, 12, 31), current_amount=7 * M)
    checks = {
        "L2": _check(
            db, loans["L2"], date(2025, 3, 15), CheckerKind.GROUP, CheckResult.DUNG_MUC_DICH
        ),
        "L1": _check(
            db,
            loans["L1"],
            date(2025, 11, 15),
            CheckerKind.ORGANISATION,
            CheckResult.MOT_PHAN,
            checker_name="Lê Thị Hoa",
            stated_use="Chăn nuôi bò",
            actual_use="Mua 2 con bò giống",
            action_required="Thu hồi một phần vốn sử dụng chưa đúng",
            follow_up_on=date(2026, 2, 15),
            notes="Hộ cam kết trả bớt nợ gốc",
        ),
        "L5": _check(
            db, loans["L5"], date(2025, 11, 20), CheckerKind.COMMUNE, CheckResult.DUNG_MUC_DICH
        ),
    }
    return World(ids, loans, checks)
