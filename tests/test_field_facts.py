"""Field facts: what a field may hold is declared once, on its model column, and the
services, the Excel import and the sync file's rules all read it from there."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import Date, Integer, String

from db.fields import (
    MAX_AMOUNT,
    FieldKind,
    declared,
    facts_of,
    field,
    max_length,
    money,
    text,
)
from db.models import SYNCED_MODELS, Borrower, FundContribution, Loan, SavingsGroup
from desktop.core import validation
from desktop.core.database import Database
from desktop.core.errors import ValidationError
from desktop.sync.rules import Kind, rules_for
from desktop.ui.field_limits import limit_to
from desktop.ui.loans.borrowers_tab import BorrowerForm
from desktop.ui.loans.loans_tab import LoanForm


def _typed_columns() -> list[tuple[str, str]]:
    """Columns of travelling records a person types into: numbers, dates, and text that is
    neither an identifier, a reference, a choice nor kept by the program."""
    found = []
    assert rules_for(Loan).columns["disbursed_on"].facts == declared(Loan.disbursed_on)
    for model in SYNCED_MODELS:
        for column in model.__table__.columns:
            if column.foreign_keys or column.key in model.SYSTEM_COLUMNS:
                continue
            if column.key == "id" or getattr(column.type, "enums", None):
                continue
            if isinstance(column.type, Integer | Date | String):
                found.append((model.__tablename__, column.key))
    return found


@pytest.mark.parametrize(("table", "name"), _typed_columns())
def test_every_typed_column_declares_its_facts(table: str, name: str) -> None:
    model = next(m for m in SYNCED_MODELS if m.__tablename__ == table)
    facts = facts_of(model.__table__.columns[name])
    assert facts is not None, f"{table}.{name}: declare it with db.fields.field(...)"


def test_a_stored_length_and_the_declared_one_cannot_disagree() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        field(text(50), String(40))
    with pytest.raises(ValueError, match="does not fit"):
        field(money(), String(40))
    assert max_length(Loan.contract_no) == 40 == Loan.__table__.columns["contract_no"].type.length


def test_required_follows_the_column_except_for_text() -> None:
    # NOT NULL numbers and dates are required; NOT NULL text keeps "" for nothing.
    assert declared(FundContribution.amount).required
    assert not declared(Loan.amount_disbursed).required
    assert declared(Loan.disbursed_on).required
    assert not declared(Loan.maturity_on).required
    assert not declared(Borrower.phone).required
    assert not declared(Loan.notes).required
    assert declared(Borrower.full_name).required
    assert facts_of(Loan.programme_code) is None
    assert max_length(Loan.amount_disbursed) is None
    assert max_length(Borrower.phone) is None  # typed with spaces, stored without


def test_check_reads_the_column() -> None:
    assert validation.check(Borrower.full_name, "  Lê  Văn   An ") == "Lê Văn An"
    assert validation.check(Borrower.phone, "") == ""
    assert validation.check(Loan.maturity_on, None) is None
    assert validation.check(FundContribution.notes, "a\nb") == "a\nb"
    assert validation.check(Loan.notes, "a\nb") == "a b"
    cases = [
        (Borrower.full_name, "", "full_name", "required"),
        (Borrower.full_name, "x" * 121, "full_name", "at most 120"),
        (Loan.rate_bp, 2_001, "rate_bp", "20 %"),
        (FundContribution.amount, 0, "amount", ""),
        (FundContribution.campaign_year, 1999, "campaign_year", "2000"),
        (Loan.disbursed_on, date(1980, 1, 1), "disbursed_on", ""),
        (Borrower.birth_year, date.today().year + 1, "birth_year", ""),
    ]
    for column, value, name, fragment in cases:
        with pytest.raises(ValidationError) as caught:
            validation.check(column, value)
        assert caught.value.field == name
        assert fragment in str(caught.value)


def test_check_lets_a_form_insist_and_name_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validation.check(SavingsGroup.code, " ", required=True, field="group")
    assert caught.value.field == "group"
    assert validation.check(SavingsGroup.code, " ") == ""


def test_the_sync_rules_read_the_same_facts() -> None:
    contributions = rules_for(FundContribution).columns
    assert contributions["donor_name"].max_length == 200
    assert contributions["donor_name"].required
    assert contributions["amount"].is_money
    assert (contributions["amount"].low, contributions["amount"].high) == (1, 10_000_000_000)
    assert contributions["campaign_year"].kind is Kind.INT
    assert not contributions["campaign_year"].is_money
    # A savings group imported without a code keeps it blank at the commune.
    assert not rules_for(SavingsGroup).columns["code"].required
    assert rules_for(Loan).columns["contract_no"].max_length == 40
    for model in SYNCED_MODELS:
        for name, rule in rules_for(model).columns.items():
            facts = rule.facts
            if facts is not None and facts.kind is FieldKind.MONEY:
                assert rule.high <= MAX_AMOUNT, name


def test_forms_take_no_more_than_the_column(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    loan = LoanForm(commune_db, None)
    borrower = BorrowerForm(commune_db, None)
    qtbot.addWidget(loan)
    qtbot.addWidget(borrower)
    assert loan.contract_no.maxLength() == 40
    assert loan.purpose.maxLength() == max_length(Loan.purpose) == 500
    assert borrower.full_name.maxLength() == max_length(Borrower.full_name) == 120
    assert limit_to(QLineEdit(), Borrower.phone).maxLength() == QLineEdit().maxLength()
