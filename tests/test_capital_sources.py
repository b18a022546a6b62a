"""The branch's total capital by source (issue 16, the city's yearly report): central,
entrusted and mobilised capital recorded with the total — each optional, together never
above it — and read back year by year with the growth on the year before."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import CapitalTotal
from desktop.core import i18n
from desktop.core.database import Database
from desktop.core.errors import FormErrors
from desktop.core.funds.capital import CapitalInput, create_capital, list_capital, validate_capital
from desktop.core.funds.sources import CapitalSources, branch_capital, growth, latest_two
from desktop.core.owners import CITY_OFFICE
from desktop.ui.context import AppContext
from desktop.ui.funds.entrusted import CapitalForm
from tests.clerk import click, type_text

B = 1_000_000_000  # a billion đồng (tỷ)
TODAY = date(2026, 10, 20)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_translator", lambda _context, source: source)


def test_the_parts_are_optional_and_never_above_the_total(english: None) -> None:
    values = validate_capital(
        CapitalInput(2025, 17_590 * B, 2_675 * B, central_amount=13_000 * B), today=TODAY
    )
    assert (values["central_amount"], values["mobilised_amount"]) == (13_000 * B, None)
    with pytest.raises(FormErrors) as caught:
        validate_capital(
            CapitalInput(
                2025, 17_590 * B, 2_675 * B, central_amount=13_000 * B, mobilised_amount=2_000 * B
            ),
            today=TODAY,
        )
    assert {e.field: e.text() for e in caught.value.errors} == {
        "mobilised_amount": (
            "Central, entrusted and mobilised capital together (17.675.000.000.000 đ) cannot "
            "be larger than the total capital."
        )
    }
    with pytest.raises(FormErrors) as caught:
        validate_capital(CapitalInput(2025, 17_590 * B, central_amount=-1), today=TODAY)
    assert [e.field for e in caught.value.errors] == ["central_amount"]


def test_sources_year_by_year_with_growth(city_db: Database) -> None:
    with city_db.transaction() as s:
        create_capital(
            s,
            CapitalInput(
                2024,
                15_000 * B,
                2_200 * B,
                as_of=date(2024, 12, 31),
                central_amount=11_000 * B,
                mobilised_amount=1_500 * B,
            ),
            today=TODAY,
        )
        create_capital(
            s,
            CapitalInput(
                2025,
                17_590 * B,
                2_675 * B,
                as_of=date(2025, 12, 31),
                central_amount=12_915 * B,
                mobilised_amount=1_800 * B,
            ),
            today=TODAY,
        )
        create_capital(
            s, CapitalInput(2026, 18_000 * B, as_of=date(2026, 10, 31)), today=date(2026, 11, 2)
        )
    with city_db.reading() as s:
        found = branch_capital(s, until=TODAY)
        rows = list_capital(s, CITY_OFFICE)
    assert sorted(found) == [2024, 2025]  # 2026's figure is dated after 20/10/2026
    assert rows[1].central_amount == 12_915 * B and rows[1].mobilised_amount == 1_800 * B
    before, latest = latest_two(found, 2026)
    assert (before and before.year, latest and latest.year) == (2024, 2025)
    assert latest is not None and latest.not_split == 200 * B
    assert latest.share(latest.entrusted) == Fraction(2_675, 17_590)
    change = growth(before, latest)
    assert change["total"].change == 2_590 * B
    assert change["total"].rate == Fraction(2_590, 15_000)
    assert change["entrusted"].rate == Fraction(475, 2_200)
    alone = CapitalSources(2025, 100, None, None, None)
    assert not alone.split and alone.not_split is None
    assert latest_two({}, 2026) == (None, None)


def test_the_form_records_the_sources(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    office = city_db.office()
    assert office is not None
    form = CapitalForm(AppContext(city_db, office), None)
    qtbot.addWidget(form)
    form.show()
    form.year.setValue(2025)
    type_text(form.total, "17.590 tỷ")
    type_text(form.balance, "2.675 tỷ")
    type_text(form.central, "13.000 tỷ")
    type_text(form.mobilised, "2.000 tỷ")
    click(form.save_button)
    assert form.isVisible()
    assert form.error_text("mobilised_amount") == (
        "Vốn Trung ương, vốn ủy thác và vốn huy động cộng lại (17.675.000.000.000 đ) không thể "
        "lớn hơn tổng nguồn vốn."
    )
    form.mobilised.selectAll()
    type_text(form.mobilised, "1.800 tỷ")
    click(form.save_button)
    assert not form.isVisible()
    with city_db.reading() as s:
        row = s.scalars(select(CapitalTotal)).one()
    assert (row.central_amount, row.mobilised_amount) == (13_000 * B, 1_800 * B)
