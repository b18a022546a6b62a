"""The loans services: validation with Vietnamese messages under the right field, versions,
audit, tombstones with undo, the owner filter, and the situation at a past date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, insert, select

from db.base import utc_now
from db.enums import AuditAction, CheckerKind, CheckResult, GroupGrade, HouseholdCategory, Sex
from db.models import AuditEntry, Borrower, Loan, LoanBalance
from desktop.core.database import Database
from desktop.core.errors import FormErrors, UserError, ValidationError
from desktop.core.loans.balances import (
    BalanceInput,
    add_balance,
    balance_history,
    delete_balance,
    position_on,
    restore_balance,
    update_balance,
)
from desktop.core.loans.borrowers import (
    BorrowerInput,
    create_borrower,
    delete_borrower,
    list_borrowers,
    restore_borrower,
    update_borrower,
)
from desktop.core.loans.checks import (
    CheckInput,
    create_check,
    list_checks,
    loans_not_checked,
    twelve_months_before,
)
from desktop.core.loans.groups import (
    AssessmentInput,
    GroupInput,
    add_assessment,
    create_group,
    delete_group,
    list_assessments,
    list_groups,
    restore_group,
    update_group,
)
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.loans.loans import (
    LoanInput,
    create_loan,
    delete_loan,
    get_loan,
    list_loans,
    restore_loan,
    update_loan,
)
from desktop.core.office import list_hamlets
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.core.records import M_STALE
from tests.loans_data import Ids, add_borrower, add_group, add_loan, person_cid, sample

M = 1_000_000
END = date(2025, 12, 31)


def list_hamlets_of(db: Database) -> list:  # type: ignore[type-arg]
    with db.reading() as s:
        return list_hamlets(s)


def errors_of(error: UserError) -> dict[str, str]:
    if isinstance(error, FormErrors):
        return error.by_field()
    assert isinstance(error, ValidationError)
    return {error.field: error.text()}


@pytest.fixture
def ids(commune_db: Database) -> Ids:
    return sample(commune_db)


# -- groups ---------------------------------------------------------------------------------------
def test_group_members_and_borrowers_come_from_the_loans(commune_db: Database, ids: Ids) -> None:
    with commune_db.reading() as s:
        groups = {g.code: g for g in list_groups(s, Scope.commune("31120"), as_of=END)}
    g1, g2 = groups["G1"], groups["G2"]
    assert (g1.members, g1.borrowers_with_balance, g1.outstanding, g1.overdue) == (
        1,
        1,
        80 * M,
        10 * M,
    )
    # Cường paid off: still a member, no longer a borrower with balance
    assert (g2.members, g2.borrowers_with_balance, g2.outstanding) == (2, 1, 20 * M)
    assert g1.hamlet_name == "Khu vực 1" and g1.organisation_name == "Hội Nông dân"


def test_group_validation(commune_db: Database, ids: Ids) -> None:
    bad = GroupInput(
        code="g1", name=" ", leader_phone="12345", founding_decision_date=date(1800, 1, 1)
    )
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_group(s, bad)
    found = errors_of(caught.value)
    assert set(found) == {"code", "name", "leader_phone", "founding_decision_date"}
    assert "G1" not in found["code"] and "g1" in found["code"]


def test_group_edit_versions_audit_delete_undo(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        group_id = create_group(s, GroupInput(code="T9", name="Tổ 9", leader_phone="0901 234 567"))
    with commune_db.transaction() as s:
        version = update_group(
            s, group_id, GroupInput(code="T9", name="Tổ số 9"), expected_version=1
        )
    assert version == 2
    with commune_db.transaction() as s, pytest.raises(UserError) as stale:
        update_group(s, group_id, GroupInput(code="T9", name="Tổ X"), expected_version=1)
    assert stale.value.message is M_STALE
    with commune_db.transaction() as s:
        delete_group(s, group_id, expected_version=2)
    with commune_db.reading() as s:
        assert all(g.id != group_id for g in list_groups(s, Scope.commune("31120")))
    with commune_db.transaction() as s:
        restore_group(s, group_id, expected_version=3)
    with commune_db.reading() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.record_id == group_id)))
    assert actions == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.DELETE,
        AuditAction.RESTORE,
    ]


def test_group_with_loans_cannot_be_deleted(commune_db: Database, ids: Ids) -> None:
    with commune_db.transaction() as s, pytest.raises(UserError) as caught:
        delete_group(s, ids.groups["G1"], expected_version=1)
    assert caught.value.params == {"loans": 2, "borrowers": 1}


def test_assessments(commune_db: Database, ids: Ids) -> None:
    g1 = ids.groups["G1"]
    with commune_db.transaction() as s:
        add_assessment(s, g1, AssessmentInput(2024, GroupGrade.KHA, 30, 12 * M))
        add_assessment(s, g1, AssessmentInput(2025, GroupGrade.TOT, 32, 15 * M))
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        add_assessment(s, g1, AssessmentInput(2025, None, 900))
    assert set(errors_of(caught.value)) == {"year", "grade", "members_count"}
    with commune_db.reading() as s:
        assert [a.year for a in list_assessments(s, g1)] == [2025, 2024]
        group = next(g for g in list_groups(s, Scope.commune("31120")) if g.id == g1)
    assert (group.grade, group.grade_year) == (GroupGrade.TOT, 2025)


# -- borrowers ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cid", "year", "sex", "message"),
    [
        ("09208501234", 1985, Sex.MALE, "12"),
        ("092085O12345", 1985, Sex.MALE, "chữ số"),
        (person_cid(1985, Sex.MALE, 5), 1986, Sex.MALE, "1985"),
        (person_cid(1985, Sex.MALE, 5), 1985, Sex.FEMALE, "nam"),
    ],
)
def test_citizen_id_checked_against_birth_year_and_sex(
    commune_db: Database, vi_app: object, cid: str, year: int, sex: Sex, message: str
) -> None:
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_borrower(s, BorrowerInput("Võ Văn Em", cid, year, sex))
    assert message in errors_of(caught.value)["citizen_id"]


def test_borrower_without_citizen_id_or_phone_is_fine(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        borrower_id = create_borrower(s, BorrowerInput("Đặng Thị Giang"))
    with commune_db.reading() as s:
        row = next(b for b in list_borrowers(s, Scope.commune("31120")) if b.id == borrower_id)
    assert (row.citizen_id, row.phone, row.loans, row.household_category) == (
        "",
        "",
        0,
        HouseholdCategory.KHAC,
    )


def test_duplicate_citizen_id_and_undo(commune_db: Database, ids: Ids, vi_app: object) -> None:
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_borrower(s, BorrowerInput("Người Khác", person_cid(1980, Sex.MALE, 1), 1980))
    assert "Nguyễn Văn An" in errors_of(caught.value)["citizen_id"]
    with commune_db.transaction() as s, pytest.raises(UserError) as has_loans:
        delete_borrower(s, ids.borrowers["An"], expected_version=1)
    assert "Nguyễn Văn An" in has_loans.value.text()
    new = add_borrower(commune_db, "Hồ Văn Hải", serial=77)
    with commune_db.transaction() as s:
        delete_borrower(s, new, expected_version=1)
        create_borrower(s, BorrowerInput("Hồ Văn Hải B", person_cid(1980, Sex.MALE, 77), 1980))
    with commune_db.transaction() as s, pytest.raises(ValidationError):
        restore_borrower(s, new, expected_version=2)


def test_borrower_update_keeps_version(commune_db: Database, ids: Ids) -> None:
    with commune_db.transaction() as s:
        version = update_borrower(
            s,
            ids.borrowers["Dung"],
            BorrowerInput(
                "Phạm Thị Dung",
                person_cid(1980, Sex.FEMALE, 4),
                1980,
                Sex.FEMALE,
                phone="+84 912 345 678",
            ),
            expected_version=1,
        )
    with commune_db.reading() as s:
        row = next(
            b for b in list_borrowers(s, Scope.commune("31120")) if b.id == ids.borrowers["Dung"]
        )
    assert version == 2 and row.phone == "0912345678" and row.hamlet_id is None


# -- loans and balances ---------------------------------------------------------------------
def test_new_loan_gets_rate_and_first_balance(commune_db: Database, ids: Ids) -> None:
    loan_id = add_loan(commune_db, ids.borrowers["Dung"], "GQVL", 70 * M, date(2025, 8, 1))
    old_id = add_loan(commune_db, ids.borrowers["Dung"], "GQVL", 70 * M, date(2024, 8, 1))
    with commune_db.reading() as s:
        loan = s.get(Loan, loan_id)
        old = s.get(Loan, old_id)
        first = balance_history(s, loan_id)
    assert loan is not None and loan.rate_bp == 792  # catalogue rate valid from 01/01/2025
    assert old is not None and old.rate_bp is None  # older than the catalogue: unknown
    assert [(b.as_of, b.current_amount, b.outstanding) for b in first] == [
        (date(2025, 8, 1), 70 * M, 70 * M)
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount_disbursed": 0}, "amount_disbursed"),
        ({"amount_disbursed": 20_000_000_000}, "amount_disbursed"),
        ({"disbursed_on": date.today() + timedelta(days=3)}, "disbursed_on"),
        ({"maturity_on": date(2020, 1, 1)}, "maturity_on"),
        ({"programme_code": None}, "programme_code"),
        ({"borrower_id": None}, "borrower_id"),
        ({"contract_no": "HD1"}, "contract_no"),
        ({"rate_bp": 5_000}, "rate_bp"),
    ],
)
def test_loan_validation(
    commune_db: Database, ids: Ids, change: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {
        "borrower_id": ids.borrowers["Dung"],
        "programme_code": "HN",
        "amount_disbursed": 10 * M,
        "disbursed_on": date(2025, 1, 5),
        "contract_no": "HD-NEW",
    }
    values.update(change)
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_loan(s, LoanInput(**values))  # type: ignore[arg-type]
    assert field in errors_of(caught.value)


def test_a_loan_without_organisation_takes_its_groups(commune_db: Database, ids: Ids) -> None:
    """The organisation of a loan saved without one is the one that runs the loan's group,
    else its borrower's group; one given is kept; none is invented."""
    g3 = add_group(commune_db, "G3", "Tổ Khu vực 1 mới", None, None)  # no organisation
    em = add_borrower(commune_db, "Võ Thị Em", sex=Sex.FEMALE, serial=5, group=g3)
    an, dung = ids.borrowers["An"], ids.borrowers["Dung"]
    day = date(2025, 2, 1)
    by_borrower = add_loan(commune_db, an, "HN", 10 * M, day, contract="A")
    by_group = add_loan(commune_db, an, "HN", 10 * M, day, contract="B", group=ids.groups["G2"])
    given = add_loan(commune_db, an, "HN", 10 * M, day, contract="C", org="CCB")
    no_group = add_loan(commune_db, dung, "HN", 10 * M, day, contract="D")
    group_without = add_loan(commune_db, em, "HN", 10 * M, day, contract="E")
    with commune_db.reading() as s:
        orgs = {
            loan: s.get(Loan, loan).organisation_code  # type: ignore[union-attr]
            for loan in (by_borrower, by_group, given, no_group, group_without)
        }
        row = get_loan(s, by_borrower)
    assert orgs == {
        by_borrower: "HND",  # An's group G1 is run by HND
        by_group: "HPN",  # the loan's own group G2 (HPN) comes first
        given: "CCB",
        no_group: None,
        group_without: None,
    }
    assert row is not None and row.group_id is None  # the group itself is not made up
    data = LoanInput(an, "HN", 10 * M, day, group_id=ids.groups["G2"], contract_no="A")
    with commune_db.transaction() as s:
        update_loan(s, by_borrower, data, expected_version=row.version)
    with commune_db.reading() as s:
        assert s.get(Loan, by_borrower).organisation_code == "HPN"  # type: ignore[union-attr]


def test_indicators_count_a_loan_without_organisation_under_its_groups(
    commune_db: Database,
) -> None:
    """One group (HND, Khu vực 2), one borrower in it, one loan of 30 000 000 đ saved without
    an organisation: by organisation the 30 000 000 đ are Hội Nông dân's, nothing is
    "(chưa ghi)"."""
    hamlets = {h.name: h.id for h in list_hamlets_of(commune_db)}
    group = add_group(commune_db, "T1", "Tổ Hội Nông dân KV2", hamlets["Khu vực 2"], "HND")
    borrower = add_borrower(commune_db, "Đặng Văn Phúc", hamlet=hamlets["Khu vực 2"], group=group)
    add_loan(commune_db, borrower, "HN", 30 * M, date(2025, 2, 1), contract="P1")
    with commune_db.reading() as s:
        table = indicator_table(s, Dimension.ORGANISATION, owner=Scope.commune("31120"), as_of=END)
    assert [(r.label, r.loans_with_balance, r.outstanding) for r in table.rows] == [
        ("Hội Nông dân", 1, 30 * M)
    ]


def test_correcting_a_new_loan_moves_its_first_balance(commune_db: Database, ids: Ids) -> None:
    loan_id = add_loan(commune_db, ids.borrowers["Dung"], "HN", 30 * M, date(2025, 2, 1))
    fixed = LoanInput(ids.borrowers["Dung"], "HN", 35 * M, date(2025, 2, 3))
    with commune_db.transaction() as s:
        update_loan(s, loan_id, fixed, expected_version=1)
    with commune_db.reading() as s:
        assert [(b.as_of, b.current_amount) for b in balance_history(s, loan_id)] == [
            (date(2025, 2, 3), 35 * M)
        ]


def test_loan_with_history_keeps_balances_consistent(commune_db: Database, ids: Ids) -> None:
    l1 = ids.loans["L1"]
    smaller = LoanInput(ids.borrowers["An"], "HN", 39 * M, date(2024, 3, 1), contract_no="HD1")
    later = LoanInput(ids.borrowers["An"], "HN", 50 * M, date(2025, 7, 1), contract_no="HD1")
    for data, field in ((smaller, "amount_disbursed"), (later, "disbursed_on")):
        with commune_db.transaction() as s, pytest.raises(ValidationError) as caught:
            update_loan(s, l1, data, expected_version=1)
        assert caught.value.field == field


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (BalanceInput(as_of=date(2025, 9, 30), current_amount=51 * M), "current_amount"),
        (BalanceInput(as_of=date(2024, 1, 1), current_amount=M), "as_of"),
        (BalanceInput(as_of=date(2025, 6, 30), current_amount=M), "as_of"),
        (BalanceInput(as_of=date.today() + timedelta(days=1)), "as_of"),
        (BalanceInput(as_of=date(2025, 9, 30), overdue_since=date(2025, 9, 1)), "overdue_since"),
        (
            BalanceInput(
                as_of=date(2025, 9, 30), overdue_amount=M, overdue_since=date(2025, 10, 1)
            ),
            "overdue_since",
        ),
        (BalanceInput(as_of=date(2025, 9, 30), frozen_amount=-1), "frozen_amount"),
    ],
)
def test_balance_validation(commune_db: Database, ids: Ids, data: BalanceInput, field: str) -> None:
    with commune_db.transaction() as s, pytest.raises(UserError) as caught:
        add_balance(s, ids.loans["L1"], data)
    assert field in errors_of(caught.value)


def test_balance_history_and_position_on_a_day(commune_db: Database, ids: Ids) -> None:
    l1 = ids.loans["L1"]
    with commune_db.reading() as s:
        history = balance_history(s, l1)
        assert [b.as_of for b in history] == [END, date(2025, 6, 30), date(2024, 3, 1)]
        assert position_on(s, l1, date(2025, 12, 30)).outstanding == 40 * M  # type: ignore[union-attr]
        assert position_on(s, l1, date(2024, 2, 1)) is None
    newest = history[0]
    with commune_db.transaction() as s:
        update_balance(
            s,
            newest.id,
            BalanceInput(
                as_of=END,
                current_amount=25 * M,
                overdue_amount=15 * M,
                overdue_since=date(2025, 10, 1),
            ),
            expected_version=newest.version,
        )
        delete_balance(s, history[1].id, expected_version=history[1].version)
    with commune_db.reading() as s:
        loan = get_loan(s, l1, as_of=date(2025, 8, 1))
    assert loan is not None and loan.balance_as_of == date(2024, 3, 1)  # mid-year one deleted
    with commune_db.transaction() as s:
        restore_balance(s, history[1].id, expected_version=history[1].version + 1)
    with commune_db.reading() as s:
        rows = {r.id: r for r in list_loans(s, Scope.commune("31120"), as_of=END)}
    assert (rows[l1].outstanding, rows[l1].overdue_amount) == (40 * M, 15 * M)


def test_situation_as_of_a_past_date(commune_db: Database, ids: Ids) -> None:
    with commune_db.reading() as s:
        now = {r.contract_no: r for r in list_loans(s, Scope.commune("31120"), as_of=END)}
        then = {
            r.contract_no: r for r in list_loans(s, Scope.commune("31120"), as_of=date(2024, 4, 1))
        }
    assert now["HD4"].outstanding == 0 and now["HD4"].balance_as_of == END
    assert now["HD3"].frozen_amount == 20 * M
    assert set(then) == {"HD1", "HD3", "HD4", "HD5"}  # HD2 not yet disbursed
    assert then["HD1"].outstanding == 50 * M and then["HD1"].balance_as_of == date(2024, 3, 1)
    assert now["HD1"].rate_bp is None  # disbursed before the catalogue's first rate


def test_loan_delete_and_undo(commune_db: Database, ids: Ids) -> None:
    with commune_db.transaction() as s:
        delete_loan(s, ids.loans["L2"], expected_version=1)
    with commune_db.reading() as s:
        assert "HD2" not in {
            r.contract_no for r in list_loans(s, Scope.commune("31120"), as_of=END)
        }
    with commune_db.transaction() as s:
        restore_loan(s, ids.loans["L2"], expected_version=2)
    with commune_db.reading() as s:
        assert "HD2" in {r.contract_no for r in list_loans(s, Scope.commune("31120"), as_of=END)}


# -- checks ---------------------------------------------------------------------------------------
def test_check_validation(commune_db: Database, ids: Ids) -> None:
    bad = CheckInput(
        loan_id=ids.loans["L1"],
        checked_on=date(2024, 1, 1),
        checker_kind=None,
        result=None,
        follow_up_on=date(2023, 1, 1),
    )
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_check(s, bad)
    assert set(errors_of(caught.value)) == {"checked_on", "checker_kind", "result", "follow_up_on"}
    future = CheckInput(
        ids.loans["L1"], date.today() + timedelta(days=1), CheckerKind.BANK, CheckResult.MOT_PHAN
    )
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_check(s, future)
    assert set(errors_of(caught.value)) == {"checked_on"}


def test_loans_not_checked_in_twelve_months(commune_db: Database, ids: Ids) -> None:
    today = date(2026, 3, 1)

    def check(loan: str, day: date) -> None:
        with commune_db.transaction() as s:
            create_check(
                s, CheckInput(ids.loans[loan], day, CheckerKind.GROUP, CheckResult.DUNG_MUC_DICH)
            )

    check("L1", date(2025, 3, 1))  # exactly twelve months before: still counts
    check("L2", date(2025, 2, 28))  # one day too old
    check("L3", date(2025, 10, 10))
    with commune_db.reading() as s:
        due = loans_not_checked(s, Scope.commune("31120"), today=today)
        checks = list_checks(s, Scope.commune("31120"))
    # L4 is paid off; L5 never checked comes first, then L2
    assert [u.contract_no for u in due] == ["HD5", "HD2"]
    assert due[0].last_checked_on is None and due[1].last_checked_on == date(2025, 2, 28)
    assert [c.contract_no for c in checks] == ["HD3", "HD1", "HD2"]


def test_twelve_months_before_leap_day() -> None:
    assert twelve_months_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert twelve_months_before(date(2026, 3, 1)) == date(2025, 3, 1)


# -- the city's view -------------------------------------------------------------------------
def test_city_lists_every_commune_without_personal_data(city_db: Database) -> None:
    """Borrowers arrive at the city without citizen ID or phone; the lists still work."""
    now = utc_now()
    common = {"version": 1, "created_at": now, "updated_at": now, "change_seq": 1}
    with city_db.transaction() as s:
        for n, code in enumerate(("31120", "31150")):
            s.execute(
                insert(Borrower),
                [
                    {
                        "id": f"b{n}",
                        "commune_code": code,
                        "full_name": f"Người {n}",
                        "citizen_id": None,
                        "phone": "",
                        "household_category": "khac",
                        "notes": "",
                        **common,
                    }
                ],
            )
            s.execute(
                insert(Loan),
                [
                    {
                        "id": f"l{n}",
                        "commune_code": code,
                        "borrower_id": f"b{n}",
                        "programme_code": "HN",
                        "contract_no": f"C{n}",
                        "amount_disbursed": 10 * M,
                        "disbursed_on": date(2025, 1, 2),
                        "purpose": "",
                        "notes": "",
                        **common,
                    }
                ],
            )
            s.execute(
                insert(LoanBalance),
                [
                    {
                        "id": f"p{n}",
                        "commune_code": code,
                        "loan_id": f"l{n}",
                        "as_of": date(2025, 6, 30),
                        "current_amount": (n + 1) * M,
                        "overdue_amount": 0,
                        "frozen_amount": 0,
                        "pending_amount": 0,
                        "extended_amount": 0,
                        "rescheduled_amount": 0,
                        "written_off_amount": 0,
                        "notes": "",
                        **common,
                    }
                ],
            )
    with city_db.reading() as s:
        everyone = list_loans(s, ALL_COMMUNES, as_of=END)
        one = list_loans(s, Scope.commune("31150"), as_of=END)
        borrowers = list_borrowers(s, ALL_COMMUNES, as_of=END)
        count = s.scalar(select(func.count()).select_from(Borrower))
    assert sorted(r.outstanding for r in everyone) == [M, 2 * M]
    assert [r.contract_no for r in one] == ["C1"] and one[0].citizen_id == ""
    assert len(borrowers) == count == 2 and all(b.citizen_id == "" for b in borrowers)
    assert everyone[0].rate_bp == 660  # the catalogue's rate on the disbursement day
