"""The rules that decide what one row of a bank list means are pure: given the row and what
is known, each returns what it found or rejects the row, with no database and nothing
changed. These tests call them as they are, without a workbook or an office."""

from __future__ import annotations

from datetime import date

import pytest

from db.enums import Sex
from desktop.core.loans.excel_import import rules
from desktop.core.loans.excel_import.fields import ImportField
from desktop.core.loans.excel_import.known import LoanState
from desktop.core.loans.excel_import.parse import ParsedRow, RowRejected, Sheet

TODAY = date(2026, 6, 30)
AS_OF = date(2026, 3, 31)


def balance_sheet(*fields: ImportField) -> Sheet:
    return Sheet(
        columns={f: i for i, f in enumerate(fields)},
        unit=1,
        as_of=AS_OF,
        monthly_rate=False,
        has_balances=True,
    )


def owing(outstanding: int, **parts: int) -> ParsedRow:
    return ParsedRow(
        row=7,
        contract_no="HD-1",
        disbursed_on=date(2025, 1, 15),
        as_of=AS_OF,
        outstanding=outstanding,
        balance=parts,
        balance_stated=True,
    )


def test_citizen_id_gives_year_and_sex_and_warns_where_the_list_differs() -> None:
    row = ParsedRow(row=5, citizen_id="092085001234", birth_year=1980, sex=Sex.FEMALE)

    found, warnings = rules.from_citizen_id(row)

    assert (found.birth_year, found.sex) == (1985, Sex.MALE)
    assert len(warnings) == 2
    assert "1980" in warnings[0] and "1985" in warnings[0]
    assert row.birth_year == 1980  # the row itself is left as it was


def test_without_citizen_id_the_row_keeps_its_own_year() -> None:
    row = ParsedRow(row=5, birth_year=1980)

    assert rules.from_citizen_id(row) == (row, [])


def test_the_current_part_is_what_the_outstanding_total_leaves() -> None:
    sheet = balance_sheet(ImportField.OUTSTANDING, ImportField.OVERDUE)

    balance = rules.balance_for(
        owing(30_000_000, overdue_amount=5_000_000), 50_000_000, sheet, TODAY
    )

    assert balance is not None
    assert (balance["as_of"], balance["current_amount"], balance["overdue_amount"]) == (
        AS_OF,
        25_000_000,
        5_000_000,
    )


def test_parts_above_the_total_are_refused_in_formatted_money() -> None:
    sheet = balance_sheet(ImportField.OUTSTANDING, ImportField.OVERDUE)

    with pytest.raises(RowRejected) as refused:
        rules.balance_for(owing(3_000_000, overdue_amount=5_000_000), None, sheet, TODAY)

    assert "5.000.000 đ" in refused.value.reason
    assert "3.000.000 đ" in refused.value.reason


def test_an_empty_balance_is_not_a_zero_one() -> None:
    sheet = balance_sheet(ImportField.OUTSTANDING)
    row = ParsedRow(row=7, contract_no="HD-1", disbursed_on=date(2025, 1, 15), as_of=AS_OF)

    with pytest.raises(RowRejected):
        rules.balance_for(row, None, sheet, TODAY)


def test_a_list_without_balance_columns_states_no_balance() -> None:
    sheet = Sheet(columns={}, unit=1, as_of=None, monthly_rate=False, has_balances=False)

    assert rules.balance_for(owing(1), None, sheet, TODAY) is None


def test_what_a_list_leaves_out_of_a_recorded_loan_stays_as_recorded() -> None:
    recorded = LoanState(
        "loan-1",
        {
            "contract_no": "HD-1",
            "amount_disbursed": 50_000_000,
            "group_id": "group-1",
            "purpose": "Mua bò",
        },
        "id:borrower-1",
    )
    row = ParsedRow(row=9, disbursed_on=date(2025, 1, 15))

    values = rules.loan_values(
        row, recorded, programme="HN", organisation="HND", group_id=None, rate=660
    )

    assert values["contract_no"] == "HD-1"
    assert not {"amount_disbursed", "group_id", "maturity_on", "purpose"} & values.keys()


def test_a_new_loan_without_an_amount_has_an_unknown_amount_never_zero() -> None:
    row = ParsedRow(row=9, contract_no="HD-2", disbursed_on=date(2025, 1, 15))

    values = rules.loan_values(
        row, None, programme="HN", organisation=None, group_id=None, rate=None
    )

    assert values["amount_disbursed"] is None


def test_the_same_loan_named_twice_is_refused_naming_the_first_row() -> None:
    seen = rules.Seen({}, {})
    first = ParsedRow(row=8, contract_no="HD-1", disbursed_on=date(2025, 1, 15))
    seen.note(first, "HN")

    with pytest.raises(RowRejected) as refused:
        seen.note(ParsedRow(row=12, contract_no="HD-1"), "HN")

    assert "8" in refused.value.reason


def test_a_borrower_is_updated_only_with_what_the_row_says() -> None:
    row = ParsedRow(row=9, full_name="Nguyễn Văn An", phone="", birth_year=None)

    assert rules.borrower_changes(row, "hamlet-1", None) == {
        "full_name": "Nguyễn Văn An",
        "hamlet_id": "hamlet-1",
    }
