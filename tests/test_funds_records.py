"""Recording contributions, grants, opening balances, deposits, transfers and total capital:
every rule refuses bad input with the field named, and every change goes through the record
store (version, audit entry, tombstone with undo, read-only for other units)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from db.enums import AuditAction, ContributionForm, DepositKind, DonorType, PartyType, SourceLevel
from db.models import AuditEntry, FundContribution, FundOpeningBalance
from desktop.core.database import Database
from desktop.core.errors import FormErrors, UserError
from desktop.core.funds.capital import (
    CapitalInput,
    TransferInput,
    create_capital,
    create_transfer,
    delete_capital,
    list_capital,
    list_transfers,
    restore_capital,
    validate_capital,
    validate_transfer,
)
from desktop.core.funds.deposits import (
    DepositInput,
    create_deposit,
    deposit_totals,
    list_deposits,
    validate_deposit,
)
from desktop.core.funds.fund import (
    ContributionInput,
    OpeningInput,
    SpendingInput,
    create_contribution,
    create_opening,
    create_spending,
    delete_contribution,
    delete_opening,
    delete_spending,
    fund_balance_on,
    list_contributions,
    list_openings,
    list_spending,
    restore_contribution,
    restore_opening,
    same_contribution,
    update_contribution,
    validate_contribution,
    validate_spending,
)
from desktop.core.funds.statement import fund_statement
from desktop.core.office import list_hamlets
from desktop.core.owners import CITY_OFFICE, Scope
from desktop.core.records import RecordStore

TODAY = date(2026, 11, 29)
M = 1_000_000


def gift(**changes: Any) -> ContributionInput:
    values: dict[str, Any] = {
        "donor_name": "Nguyễn Thị Ánh",
        "donor_type": DonorType.CA_NHAN,
        "form": ContributionForm.TIEN_MAT,
        "amount": 500_000,
        "received_on": date(2026, 10, 20),
        "campaign_year": 2026,
    }
    values.update(changes)
    return ContributionInput(**values)


def fields(error: FormErrors) -> set[str]:
    return {e.field for e in error.errors}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"donor_name": "   "}, "donor_name"),
        ({"donor_type": None}, "donor_type"),
        ({"form": None}, "form"),
        ({"amount": None}, "amount"),
        ({"amount": 0}, "amount"),
        ({"amount": -5}, "amount"),
        ({"amount": 10**13}, "amount"),
        ({"received_on": None}, "received_on"),
        ({"received_on": date(2026, 12, 1)}, "received_on"),
        ({"received_on": date(1980, 1, 1)}, "received_on"),
        ({"campaign_year": 2020}, "campaign_year"),
        ({"campaign_year": None}, "campaign_year"),
        ({"form": ContributionForm.HIEN_VAT}, "in_kind_description"),
        ({"form": ContributionForm.CONG_TRINH, "in_kind_description": " "}, "in_kind_description"),
        ({"receipt_no": "x" * 51}, "receipt_no"),
        ({"notes": "x" * 2001}, "notes"),
        ({"donor_name": "x" * 201}, "donor_name"),
    ],
)
def test_contribution_refuses(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(FormErrors) as caught:
        validate_contribution(gift(**changes), today=TODAY)
    assert field in fields(caught.value)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(FormErrors) as caught:
        validate_contribution(
            gift(donor_name="", amount=0, received_on=None, form=ContributionForm.HIEN_VAT),
            today=TODAY,
        )
    assert fields(caught.value) == {"donor_name", "amount", "received_on", "in_kind_description"}


def test_contribution_is_cleaned_and_in_kind_text_dropped_for_money() -> None:
    values = validate_contribution(
        gift(donor_name="  Nguyễn   Thị Ánh ", in_kind_description="Gạo", receipt_no=" 26/0001 "),
        today=TODAY,
    )
    assert values["donor_name"] == "Nguyễn Thị Ánh"
    assert values["in_kind_description"] == "" and values["receipt_no"] == "26/0001"
    kind = validate_contribution(
        gift(form=ContributionForm.HIEN_VAT, in_kind_description="10 bao gạo"), today=TODAY
    )
    assert kind["in_kind_description"] == "10 bao gạo"
    # A gift received in January may belong to the previous year's campaign.
    assert (
        validate_contribution(gift(received_on=date(2026, 1, 5), campaign_year=2025), today=TODAY)[
            "campaign_year"
        ]
        == 2025
    )


def test_receipt_number_once_per_campaign_year(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        first = create_contribution(s, gift(receipt_no="26/0001"), today=TODAY)
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_contribution(s, gift(receipt_no="26/0001", donor_name="Lê Văn Tám"), today=TODAY)
    assert fields(caught.value) == {"receipt_no"}
    assert "Nguyễn Thị Ánh" in caught.value.text() and "20/10/2026" in caught.value.text()
    with commune_db.transaction() as s:  # another campaign year may reuse it
        create_contribution(
            s,
            gift(receipt_no="26/0001", received_on=date(2025, 10, 20), campaign_year=2025),
            today=TODAY,
        )
        # Editing the first one without touching its receipt is fine.
        update_contribution(
            s, first, gift(receipt_no="26/0001", amount=700_000), expected_version=1
        )


def test_contribution_version_audit_tombstone_and_undo(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        record_id = create_contribution(s, gift(), today=TODAY)
    with commune_db.transaction() as s:
        update_contribution(s, record_id, gift(amount=1_500_000), expected_version=1, today=TODAY)
    with commune_db.transaction() as s, pytest.raises(UserError) as stale:
        update_contribution(s, record_id, gift(amount=9), expected_version=1, today=TODAY)
    assert "changed by someone else" in str(stale.value)
    with commune_db.transaction() as s:
        delete_contribution(s, record_id, expected_version=2)
    with commune_db.reading() as s:
        assert list_contributions(s, Scope.commune("31120")) == []
        assert s.get(FundContribution, record_id).deleted_at is not None  # type: ignore[union-attr]
    with commune_db.transaction() as s:
        restore_contribution(s, record_id, expected_version=3)
    with commune_db.reading() as s:
        rows = list_contributions(s, Scope.commune("31120"))
        audit = list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.record_id == record_id).order_by(AuditEntry.id)
            )
        )
    assert [r.amount for r in rows] == [1_500_000] and rows[0].version == 4
    assert [a.action for a in audit] == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.DELETE,
        AuditAction.RESTORE,
    ]
    assert json.loads(audit[1].before_json or "")["amount"] == 500_000
    assert json.loads(audit[1].after_json or "")["amount"] == 1_500_000


def test_a_communes_records_are_read_only_at_the_city(city_db: Database) -> None:
    with city_db.transaction() as s:
        record_id = RecordStore(s, owner_code="31120", actor="sync").create(
            FundContribution, validate_contribution(gift(), today=TODAY)
        )
    with city_db.transaction() as s, pytest.raises(UserError) as caught:
        update_contribution(s, record_id, gift(amount=1), expected_version=1, today=TODAY)
    assert "31120" in str(caught.value)
    with city_db.transaction() as s, pytest.raises(UserError):
        delete_contribution(s, record_id, expected_version=1)
    with city_db.reading() as s:
        assert list_contributions(s, CITY_OFFICE) == []
        assert len(list_contributions(s, Scope.commune("31120"))) == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"recipient_name": ""}, "recipient_name"),
        ({"purpose": " "}, "purpose"),
        ({"amount": 0}, "amount"),
        ({"spent_on": None}, "spent_on"),
        ({"spent_on": date(2027, 1, 1)}, "spent_on"),
        ({"decision_date": date(2026, 11, 2)}, "decision_date"),
        ({"decision_no": "x" * 61}, "decision_no"),
    ],
)
def test_spending_refuses(changes: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {
        "recipient_name": "Hộ Trần Văn Út",
        "purpose": "Hỗ trợ xây nhà Đại đoàn kết",
        "amount": 40 * M,
        "spent_on": date(2026, 11, 1),
    }
    values.update(changes)
    with pytest.raises(FormErrors) as caught:
        validate_spending(SpendingInput(**values), today=TODAY)
    assert field in fields(caught.value)


def test_spending_with_a_hamlet(commune_db: Database) -> None:
    with commune_db.reading() as s:
        hamlet = list_hamlets(s)[0]
    data = SpendingInput(
        recipient_name="Hộ Trần Văn Út",
        purpose="Hỗ trợ sửa nhà",
        amount=10 * M,
        spent_on=date(2026, 5, 2),
        hamlet_id=hamlet.id,
        decision_no="12/QĐ-MTTQ",
        decision_date=date(2026, 4, 28),
    )
    with commune_db.transaction() as s:
        create_spending(s, data, today=TODAY)
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_spending(
            s,
            SpendingInput(
                recipient_name="Hộ A",
                purpose="B",
                amount=1,
                spent_on=date(2026, 5, 2),
                hamlet_id="not-a-hamlet",
            ),
            today=TODAY,
        )
    assert fields(caught.value) == {"hamlet"}
    with commune_db.reading() as s:
        (row,) = list_spending(s, Scope.commune("31120"))
    assert row.hamlet_name == hamlet.name and row.decision_date == date(2026, 4, 28)


def test_one_opening_balance_per_year_also_on_undo(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        first = create_opening(s, OpeningInput(year=2025, amount=0))
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_opening(s, OpeningInput(year=2025, amount=5 * M))
    assert fields(caught.value) == {"year"}
    with commune_db.transaction() as s:
        delete_opening(s, first, expected_version=1)
        second = create_opening(s, OpeningInput(year=2025, amount=5 * M))
    with commune_db.transaction() as s, pytest.raises(FormErrors):
        restore_opening(s, first, expected_version=2)
    with commune_db.reading() as s:
        assert [o.id for o in list_openings(s, Scope.commune("31120"))] == [second]
        assert s.get(FundOpeningBalance, first).deleted_at is not None  # type: ignore[union-attr]
    with pytest.raises(FormErrors) as negative, commune_db.transaction() as s:
        create_opening(s, OpeningInput(year=1999, amount=-1))
    assert fields(negative.value) == {"year", "amount"}


def deposit(**changes: Any) -> DepositInput:
    values: dict[str, Any] = {
        "kind": DepositKind.TIEN_GUI,
        "party_name": "Công ty CP Thủy sản Sông Hậu",
        "party_type": PartyType.TO_CHUC,
        "amount": 200 * M,
        "transacted_on": date(2026, 6, 1),
        "term_months": 12,
    }
    values.update(changes)
    return DepositInput(**values)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": None}, "kind"),
        ({"party_name": ""}, "party_name"),
        ({"party_type": None}, "party_type"),
        ({"amount": 0}, "amount"),
        ({"transacted_on": date(2026, 12, 31)}, "transacted_on"),
        ({"term_months": 0}, "term_months"),
        ({"term_months": 361}, "term_months"),
        ({"kind": DepositKind.TAI_TRO, "term_months": 6}, "term_months"),
    ],
)
def test_deposit_refuses(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(FormErrors) as caught:
        validate_deposit(deposit(**changes), today=TODAY)
    assert field in fields(caught.value)


def test_deposit_totals_by_year_and_kind(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        create_deposit(s, deposit(), today=TODAY)
        create_deposit(s, deposit(amount=50 * M, term_months=None), today=TODAY)
        create_deposit(
            s, deposit(kind=DepositKind.TAI_TRO, term_months=None, amount=7 * M), today=TODAY
        )
        create_deposit(s, deposit(transacted_on=date(2025, 12, 31)), today=TODAY)
    with commune_db.reading() as s:
        totals = deposit_totals(s, 2026, Scope.commune("31120"))
        rows = list_deposits(s, Scope.commune("31120"))
    assert (totals.deposits, totals.deposits_count) == (250 * M, 2)
    assert (totals.sponsorship, totals.sponsorship_count, totals.total) == (7 * M, 1, 257 * M)
    assert len(rows) == 4 and rows[0].transacted_on == date(2026, 6, 1)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"year": 1999}, "year"),
        ({"source_level": None}, "source_level"),
        ({"amount": 0}, "amount"),
        ({"decision_date": date(2023, 1, 1)}, "decision_date"),
        ({"decision_date": date(2026, 3, 1), "transferred_on": date(2026, 2, 1)}, "transferred_on"),
        ({"transferred_on": date(2027, 2, 1)}, "transferred_on"),
    ],
)
def test_transfer_refuses(changes: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {"year": 2026, "source_level": SourceLevel.XA, "amount": 500 * M}
    values.update(changes)
    with pytest.raises(FormErrors) as caught:
        validate_transfer(TransferInput(**values), today=TODAY)
    assert field in fields(caught.value)


def test_transfer_decided_late_the_year_before(commune_db: Database) -> None:
    data = TransferInput(
        year=2026,
        source_level=SourceLevel.XA,
        amount=1_500 * M,
        decision_no="1234/QĐ-UBND",
        decision_date=date(2025, 12, 20),
        transferred_on=date(2026, 1, 10),
        programme_code="GQVL",
    )
    with commune_db.transaction() as s:
        create_transfer(s, data, today=TODAY)
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_transfer(
            s, TransferInput(2026, SourceLevel.XA, 1, programme_code="NOPE"), today=TODAY
        )
    assert fields(caught.value) == {"programme"}
    with commune_db.reading() as s:
        (row,) = list_transfers(s, Scope.commune("31120"))
    assert row.programme_name.startswith("Cho vay hỗ trợ tạo việc làm")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"total_capital": None}, "total_capital"),
        ({"total_capital": 0}, "total_capital"),
        ({"entrusted_balance": 2_000 * M}, "entrusted_balance"),
        ({"entrusted_balance": -1}, "entrusted_balance"),
        ({"as_of": date(2024, 12, 31)}, "as_of"),
        ({"as_of": date(2026, 8, 1)}, "as_of"),
        ({"year": None}, "year"),
    ],
)
def test_capital_refuses(changes: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {
        "year": 2025,
        "total_capital": 1_000 * M,
        "entrusted_balance": 100 * M,
    }
    values.update(changes)
    with pytest.raises(FormErrors) as caught:
        validate_capital(CapitalInput(**values), today=TODAY)
    assert field in fields(caught.value)


def test_one_capital_figure_per_year(commune_db: Database) -> None:
    data = CapitalInput(year=2025, total_capital=53_025 * M, as_of=date(2025, 12, 31))
    with commune_db.transaction() as s:
        first = create_capital(s, data, today=TODAY)
    with commune_db.transaction() as s, pytest.raises(FormErrors) as caught:
        create_capital(s, data, today=TODAY)
    assert fields(caught.value) == {"year"}
    with commune_db.transaction() as s:
        delete_capital(s, first, expected_version=1)
        create_capital(s, data, today=TODAY)
    with commune_db.transaction() as s, pytest.raises(FormErrors):
        restore_capital(s, first, expected_version=2)
    with commune_db.reading() as s:
        assert len(list_capital(s, Scope.commune("31120"))) == 1
    # Figures as of the first half of the next year are accepted.
    assert validate_capital(
        CapitalInput(year=2025, total_capital=1, as_of=date(2026, 1, 15)), today=TODAY
    )["as_of"] == date(2026, 1, 15)


# -- facts the forms ask about ---------------------------------------------------------------
def test_the_funds_balance_on_a_day(commune_db: Database) -> None:
    """Worked out by hand. 2024 opens at 10.000.000 đ (declared); on 01/02 3.000.000 đ in
    cash, goods worth 5.000.000 đ (not money) and a gift of 100.000.000 đ later deleted; on
    01/03 a grant of 4.000.000 đ: 2024 closes at 9.000.000 đ. 2025 carries it: on 15/01
    1.000.000 đ in and a grant of 2.000.000 đ out (8.000.000 đ), on 01/06 a grant of
    20.000.000 đ (−12.000.000 đ). 2026 is declared anew at 1.000.000 đ."""

    def grant(day: date, amount: int) -> str:
        return create_spending(s, SpendingInput("Hộ A", "Hỗ trợ", amount, day), today=TODAY)

    with commune_db.transaction() as s:
        create_opening(s, OpeningInput(year=2024, amount=10 * M))
        create_contribution(
            s, gift(received_on=date(2024, 2, 1), campaign_year=2024, amount=3 * M), today=TODAY
        )
        kind = gift(
            received_on=date(2024, 2, 1),
            campaign_year=2024,
            amount=5 * M,
            form=ContributionForm.HIEN_VAT,
            in_kind_description="Xi măng",
        )
        create_contribution(s, kind, today=TODAY)
        deleted = create_contribution(
            s,
            gift(received_on=date(2024, 2, 1), campaign_year=2024, amount=100 * M),
            today=TODAY,
        )
        delete_contribution(s, deleted, expected_version=1)
        grant(date(2024, 3, 1), 4 * M)
        create_contribution(
            s, gift(received_on=date(2025, 1, 15), campaign_year=2025, amount=1 * M), today=TODAY
        )
        grant(date(2025, 1, 15), 2 * M)
        big = grant(date(2025, 6, 1), 20 * M)
        gone = grant(date(2025, 6, 1), 30 * M)
        delete_spending(s, gone, expected_version=1)
    expected = [
        (date(2023, 12, 31), 0, None),
        (date(2024, 1, 31), 10 * M, 2024),
        (date(2024, 2, 1), 13 * M, 2024),
        (date(2024, 3, 1), 9 * M, 2024),
        (date(2025, 1, 14), 9 * M, 2024),
        (date(2025, 1, 15), 8 * M, 2024),
        (date(2025, 6, 1), -12 * M, 2024),
        (date(2025, 12, 31), -12 * M, 2024),
    ]
    with commune_db.reading() as s:
        for day, amount, declared in expected:
            balance = fund_balance_on(s, "31120", day)
            assert (balance.day, balance.amount, balance.declared_year) == (day, amount, declared)
        # Changing the big grant: it does not count against itself.
        assert fund_balance_on(s, "31120", date(2025, 6, 1), excluding=big).amount == 8 * M
        # The statement says the same.
        assert fund_statement(s, 2025, Scope.commune("31120")).closing == -12 * M
        assert fund_balance_on(s, "40000", date(2025, 6, 1)).amount == 0  # another unit
        rows = {
            (r.spent_on, r.amount): r.balance_after
            for r in list_spending(s, Scope.commune("31120"))
        }
    assert rows == {
        (date(2024, 3, 1), 4 * M): 9 * M,
        (date(2025, 1, 15), 2 * M): 8 * M,
        (date(2025, 6, 1), 20 * M): -12 * M,
    }
    with commune_db.transaction() as s:
        create_opening(s, OpeningInput(year=2026, amount=1 * M))
    with commune_db.reading() as s:
        restated = fund_balance_on(s, "31120", date(2026, 1, 2))
        assert (restated.amount, restated.declared_year) == (1 * M, 2026)
        assert fund_balance_on(s, "31120", date(2025, 12, 31)).amount == -12 * M


def test_a_gift_that_looks_recorded_twice(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        first = create_contribution(s, gift(receipt_no="26/0001"), today=TODAY)
        other = create_contribution(s, gift(donor_name="Lê Văn Tám", amount=700_000), today=TODAY)
        delete_contribution(s, other, expected_version=1)
    with commune_db.reading() as s:

        def same(**changes: Any) -> str | None:
            found = same_contribution(s, "31120", gift(**changes))
            return found.id if found is not None else None

        assert same() == first
        assert same(donor_name="  nguyen thi   ANH ") == first  # accents, case, spaces
        assert same(form=ContributionForm.CHUYEN_KHOAN) == first  # paid another way: still
        assert same(receipt_no="26/0002") is None  # a receipt number tells them apart
        assert same(amount=500_001) is None
        assert same(received_on=date(2026, 10, 21)) is None
        assert same(donor_name="Nguyễn Thị Ánh Hồng") is None
        assert same(donor_name="Lê Văn Tám", amount=700_000) is None  # that one was deleted
        assert same(amount=None) is None and same(received_on=None) is None
        assert same_contribution(s, "31120", gift(), record_id=first) is None  # itself
