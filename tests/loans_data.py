"""Small, hand-made loan data for the loans tests: every figure is chosen so that the
indicators can be worked out by hand (see test_loans_indicators.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.enums import GroupStatus, HouseholdCategory, Sex
from desktop.core.database import Database
from desktop.core.loans.balances import BalanceInput, add_balance
from desktop.core.loans.borrowers import BorrowerInput, create_borrower
from desktop.core.loans.groups import GroupInput, create_group
from desktop.core.loans.loans import LoanInput, create_loan
from desktop.core.office import list_hamlets


@dataclass
class Ids:
    hamlets: dict[str, str]
    groups: dict[str, str]
    borrowers: dict[str, str]
    loans: dict[str, str]


def person_cid(birth_year: int, sex: Sex, serial: int, province: str = "092") -> str:
    century = (birth_year // 100 - 19) * 2 + (0 if sex is Sex.MALE else 1)
    return f"{province}{century}{birth_year % 100:02d}{serial:06d}"


def add_group(db: Database, code: str, name: str, hamlet: str | None, org: str | None) -> str:
    with db.transaction() as s:
        return create_group(
            s,
            GroupInput(
                code=code,
                name=name,
                hamlet_id=hamlet,
                organisation_code=org,
                status=GroupStatus.ACTIVE,
            ),
        )


def add_borrower(
    db: Database,
    name: str,
    *,
    birth_year: int = 1980,
    sex: Sex = Sex.MALE,
    serial: int = 1,
    hamlet: str | None = None,
    group: str | None = None,
    category: HouseholdCategory = HouseholdCategory.NGHEO,
) -> str:
    with db.transaction() as s:
        return create_borrower(
            s,
            BorrowerInput(
                full_name=name,
                citizen_id=person_cid(birth_year, sex, serial),
                birth_year=birth_year,
                sex=sex,
                hamlet_id=hamlet,
                household_category=category,
                group_id=group,
            ),
        )


def add_loan(
    db: Database,
    borrower: str,
    programme: str,
    amount: int,
    disbursed: date,
    *,
    contract: str = "",
    org: str | None = None,
    group: str | None = None,
    maturity: date | None = None,
) -> str:
    with db.transaction() as s:
        return create_loan(
            s,
            LoanInput(
                borrower_id=borrower,
                programme_code=programme,
                amount_disbursed=amount,
                disbursed_on=disbursed,
                organisation_code=org,
                group_id=group,
                contract_no=contract,
                maturity_on=maturity,
                purpose="Chăn nuôi",
            ),
        )


def add_snapshot(db: Database, loan: str, as_of: date, **amounts: int | date | None) -> str:
    with db.transaction() as s:
        return add_balance(s, loan, BalanceInput(as_of=as_of, **amounts))  # type: ignore[arg-type]


def sample(db: Database) -> Ids:
    """Two hamlets, two groups (HND in Khu vực 1, HPN in Khu vực 2), four borrowers, five
    loans, balances at 30/06/2025 and 31/12/2025:

    ===== ======== ====== ===== ========= ==================================================
    loan  borrower prog.   group amount    balance 31/12/2025 (30/06/2025)
    ===== ======== ====== ===== ========= ==================================================
    L1    An       HN      G1    50 tr     current 30, overdue 10 since 01/10/2025 (40 cur.)
    L2    An       GQVL    G1    40 tr     current 40 (40)
    L3    Bình     HN      G2    30 tr     frozen 20 (current 25)
    L4    Cường    NSVSMT  G2    20 tr     paid off: 0 (current 15)
    L5    Dung     HN      —     60 tr     overdue 5, no date, matured 30/06/2025 (cur. 60)
    ===== ======== ====== ===== ========= ==================================================
    """
    hamlets = {h.name: h.id for h in _hamlets(db)}
    kv1, kv2 = hamlets["Khu vực 1"], hamlets["Khu vực 2"]
    g1 = add_group(db, "G1", "Tổ Hội Nông dân KV1", kv1, "HND")
    g2 = add_group(db, "G2", "Tổ Hội Phụ nữ KV2", kv2, "HPN")
    an = add_borrower(db, "Nguyễn Văn An", serial=1, hamlet=kv1, group=g1)
    binh = add_borrower(
        db, "Trần Thị Bình", sex=Sex.FEMALE, birth_year=1990, serial=2, hamlet=kv2, group=g2
    )
    cuong = add_borrower(db, "Lê Văn Cường", serial=3, hamlet=kv2, group=g2)
    dung = add_borrower(db, "Phạm Thị Dung", sex=Sex.FEMALE, serial=4, hamlet=kv1)
    m = 1_000_000
    l1 = add_loan(db, an, "HN", 50 * m, date(2024, 3, 1), contract="HD1", org="HND", group=g1)
    l2 = add_loan(db, an, "GQVL", 40 * m, date(2024, 6, 1), contract="HD2", org="HND", group=g1)
    l3 = add_loan(db, binh, "HN", 30 * m, date(2023, 5, 1), contract="HD3", org="HPN", group=g2)
    l4 = add_loan(
        db, cuong, "NSVSMT", 20 * m, date(2023, 1, 1), contract="HD4", org="HPN", group=g2
    )
    l5 = add_loan(
        db,
        dung,
        "HN",
        60 * m,
        date(2022, 6, 30),
        contract="HD5",
        org="CCB",
        maturity=date(2025, 6, 30),
    )
    mid, end = date(2025, 6, 30), date(2025, 12, 31)
    add_snapshot(db, l1, mid, current_amount=40 * m)
    add_snapshot(
        db, l1, end, current_amount=30 * m, overdue_amount=10 * m, overdue_since=date(2025, 10, 1)
    )
    add_snapshot(db, l2, mid, current_amount=40 * m)
    add_snapshot(db, l2, end, current_amount=40 * m)
    add_snapshot(db, l3, mid, current_amount=25 * m)
    add_snapshot(db, l3, end, frozen_amount=20 * m)
    add_snapshot(db, l4, mid, current_amount=15 * m)
    add_snapshot(db, l4, end)
    add_snapshot(db, l5, mid, current_amount=60 * m)
    add_snapshot(db, l5, end, overdue_amount=5 * m)
    return Ids(
        hamlets,
        {"G1": g1, "G2": g2},
        {"An": an, "Binh": binh, "Cuong": cuong, "Dung": dung},
        {"L1": l1, "L2": l2, "L3": l3, "L4": l4, "L5": l5},
    )


def _hamlets(db: Database) -> list:  # type: ignore[type-arg]
    with db.reading() as s:
        return list_hamlets(s)
