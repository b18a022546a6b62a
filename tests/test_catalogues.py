"""Catalogues load from resources on first run, once, and never overwrite the office's edits."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db.enums import CommuneKind
from db.models import Commune, CreditProgramme, Organisation, PlanTask, ProgrammeRate
from desktop.core.catalogues import load_catalogues
from desktop.core.database import Database


def count(database: Database, *criteria: object, model: type = Commune) -> int:
    with database.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*criteria)) or 0)


def test_the_103_communes_of_can_tho(database: Database) -> None:
    assert count(database) == 103
    assert count(database, Commune.kind == CommuneKind.PHUONG) == 31
    assert count(database, Commune.kind == CommuneKind.XA) == 72
    with database.reading() as s:
        codes = list(s.scalars(select(Commune.code).order_by(Commune.code)))
        cai_khe = s.get(Commune, "31120")
        assert cai_khe is not None and cai_khe.name == "Cái Khế"
    assert codes[0] == "31120" and codes[-1] == "31810"


def test_plan_tasks_use_the_domain_codes(database: Database) -> None:
    with database.reading() as s:
        tasks = {t.code: t for t in s.scalars(select(PlanTask))}
    leaves = {code for code, t in tasks.items() if not t.is_heading}
    assert leaves == {
        "II.1.a", "II.1.b", "II.2.a", "II.2.b", "II.2.c", "II.2.d", "II.3.a", "II.3.b",
        "II.4.a", "II.4.b", "II.5.a", "II.5.b", "II.5.c", "II.6",
        "III.1", "III.2", "III.3", "III.4", "III.5",
    }  # fmt: skip
    assert tasks["II.5.b"].applies_city and not tasks["II.5.b"].applies_commune
    assert tasks["III.3"].applies_city and not tasks["III.3"].applies_commune
    assert tasks["II.4.a"].applies_commune and tasks["II.4.a"].applies_city
    assert "20%" in tasks["II.4.a"].text and "30/10" in tasks["III.3"].text
    assert tasks["II.2.d"].parent_code == "II.2"
    assert tasks["II.4.b"].short_title.startswith("Huy động tiền gửi")


def test_organisations_and_programme_rates(database: Database) -> None:
    assert count(database, model=Organisation) == 4
    with database.reading() as s:
        rates = {r.programme_code: r for r in s.scalars(select(ProgrammeRate))}
        programmes = set(s.scalars(select(CreditProgramme.code)))
    assert {"HN", "HCN", "HMTN", "HSSV", "GQVL", "NSVSMT", "DTTS"} <= programmes
    assert rates["HN"].rate_bp == 660 and rates["HN"].cap_amount == 100_000_000
    assert rates["HCN"].rate_bp == 792 and not rates["HCN"].confirmed
    assert rates["GQVL"].priority_rate_bp == 396
    assert rates["NSVSMT"].rate_bp == 900 and rates["NSVSMT"].cap_amount == 25_000_000
    assert rates["NOXH"].rate_bp is None and not rates["NOXH"].confirmed


def test_reloading_adds_nothing_and_keeps_edits(database: Database) -> None:
    with database.transaction() as s:
        rate = s.scalars(select(ProgrammeRate).where(ProgrammeRate.programme_code == "HN")).one()
        rate.rate_bp = 650
        s.add(ProgrammeRate(programme_code="HN", valid_from=date(2027, 1, 1), rate_bp=640))
    with database.transaction() as s:
        added = load_catalogues(s)
    assert added.communes == added.plan_tasks == added.rates == 0
    with database.reading() as s:
        hn = s.scalars(
            select(ProgrammeRate.rate_bp)
            .where(ProgrammeRate.programme_code == "HN")
            .order_by(ProgrammeRate.valid_from)
        ).all()
    assert hn == [650, 640]


def test_rates_change_with_a_valid_from_date(database: Database) -> None:
    from desktop.core.errors import UserError, ValidationError
    from desktop.core.formatting import format_rate_bp, parse_rate_bp
    from desktop.core.programmes import add_rate, programmes, rate_on

    with database.transaction() as s:
        add_rate(s, "HN", valid_from=date(2027, 1, 1), rate_bp=parse_rate_bp("6,24"))
    with database.reading() as s:
        old = rate_on(s, "HN", date(2026, 12, 31))
        new = rate_on(s, "HN", date(2027, 1, 1))
        before_any = rate_on(s, "HN", date(2020, 1, 1))
        shown = {p.code: p for p in programmes(s, on=date(2027, 6, 1))}
    assert old is not None and old.rate_bp == 660
    assert new is not None and new.rate_bp == 624
    assert before_any is None
    assert format_rate_bp(shown["HN"].rate.rate_bp if shown["HN"].rate else None) == "6,24 %"
    assert format_rate_bp(660) == "6,6 %" and format_rate_bp(900) == "9 %"
    with pytest.raises(UserError, match="already has a rate"), database.transaction() as s:
        add_rate(s, "HN", valid_from=date(2027, 1, 1), rate_bp=600)
    for bad in ("abc", "6,666", "100", "-1"):
        with pytest.raises(ValidationError):
            parse_rate_bp(bad)
