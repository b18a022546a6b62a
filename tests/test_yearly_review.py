"""The city office's assessment of a year (issue 16): one per year, the city's own, kept
with its history; the estimate for the whole year by the stated rule; the difficulties and
proposals of the year gathered by office."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from db.base import CITY_CODE
from db.enums import AuditAction, PeriodKind, TaskStatus
from db.models import AuditEntry, YearlyReview
from desktop.core import i18n
from desktop.core.dashboard.history import change_history
from desktop.core.database import Database
from desktop.core.errors import FormErrors, UserError
from desktop.core.periods import Period
from desktop.core.tasks.progress import ProgressInput, create_progress
from desktop.core.tasks.remarks import remarks_of_year
from desktop.core.yearly.figures import (
    Group,
    YearFigures,
    by_rule,
    days_elapsed,
    needs_estimate,
    same_day_before,
    year_figures,
)
from desktop.core.yearly.review import (
    ReviewInput,
    create_review,
    review_of_year,
    update_review,
    validate_review,
)

TODAY = date(2026, 10, 20)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_translator", lambda _context, source: source)


def review(**changes: Any) -> ReviewInput:
    values: dict[str, Any] = {
        "year": 2026,
        "strengths": "Cấp ủy, chính quyền các cấp quan tâm lãnh đạo, chỉ đạo.",
        "shortcomings": "Nguồn vốn ủy thác chưa đạt mục tiêu tăng 20 %.",
        "directions": "Tiếp tục bố trí vốn ngân sách ủy thác.",
    }
    values.update(changes)
    return ReviewInput(**values)


def test_the_rule_spreads_the_year_to_date_over_the_year() -> None:
    day = date(2026, 10, 20)
    assert days_elapsed(day) == 293 and needs_estimate(2026, day)
    assert not needs_estimate(2026, date(2026, 12, 31))
    # 293 sessions by 20/10 → 365 in the year; 1.000 → 1.245,73… → 1.246.
    assert by_rule(293, day) == 365 and by_rule(1_000, day) == 1_246
    assert by_rule(None, day) is None and by_rule(0, day) == 0
    assert by_rule(100, date(2028, 6, 30)) == 201  # 366 ÷ 182
    assert same_day_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert same_day_before(day) == date(2025, 10, 20)
    figures = YearFigures(2026, day, {"sessions": 293, "fund": None})
    assert figures.estimate_by_rule("sessions") == 365
    assert figures.estimate_by_rule("fund") is None


def test_one_assessment_a_year_with_its_history(city_db: Database, english: None) -> None:
    with city_db.transaction() as s:
        review_id = create_review(s, review(dissemination_by_rule=True, sessions_estimate=99))
    with city_db.reading() as s:
        row = review_of_year(s, 2026)
        assert review_of_year(s, 2025) is None
    assert row is not None and row.id == review_id and row.version == 1
    assert row.by_rule(Group.DISSEMINATION) and row.sessions_estimate is None  # the rule's
    assert row.shortcomings == "Nguồn vốn ủy thác chưa đạt mục tiêu tăng 20 %."
    with city_db.transaction() as s:
        version = update_review(
            s,
            review_id,
            review(
                year=2030,  # a saved assessment keeps its year
                proposals="Đề nghị Trung ương bổ sung nguồn vốn.\n\nTăng mức cho vay HSSV.",
                lending_by_rule=False,
                disbursed_estimate_amount=900_000_000,
                households_estimate=120,
            ),
            expected_version=row.version,
        )
    assert version == 2
    with city_db.reading() as s:
        row = review_of_year(s, 2026)
        history = change_history(s, record_id=review_id)
        owner = s.scalars(select(YearlyReview.commune_code)).one()
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert row is not None and row.year == 2026 and row.households_estimate == 120
    assert row.proposals == "Đề nghị Trung ương bổ sung nguồn vốn.\n\nTăng mức cho vay HSSV."
    assert owner == CITY_CODE
    assert actions == [AuditAction.CREATE, AuditAction.UPDATE]
    assert [h.version for h in history] == [2, 1]
    assert history[0].record_name == "assessment of 2026"
    with pytest.raises(FormErrors), city_db.transaction() as s:
        create_review(s, review())
    with pytest.raises(UserError), city_db.transaction() as s:
        update_review(s, review_id, review(), expected_version=1)  # changed meanwhile


def test_the_rules_of_an_assessment(english: None) -> None:
    with pytest.raises(FormErrors) as caught:
        validate_review(
            review(
                year=1999,
                causes="x" * 20_001,
                sessions_estimate=-1,
                fund_estimate_amount=-5,
            )
        )
    assert {e.field: e.text() for e in caught.value.errors} == {
        "year": "The year must be between 2000 and 2100.",
        "causes": "Too long: at most 20000 characters.",
        "sessions_estimate": "A whole number from 0 to 100.000.",
        "fund_estimate_amount": "The amount cannot be negative.",
    }
    # A group estimated by the rule keeps no entered value.
    values = validate_review(review(resources_by_rule=True, fund_estimate_amount=-5))
    assert values["fund_estimate_amount"] is None and values["resources_by_rule"] is True


def test_a_commune_office_writes_none(commune_db: Database, english: None) -> None:
    with pytest.raises(UserError) as caught, commune_db.transaction() as s:
        create_review(s, review())
    assert caught.value.text() == "The assessment of the year is written by the city office."


def progress(db: Database, code: str, quarter: int, **texts: str) -> None:
    with db.transaction() as s:
        create_progress(
            s,
            ProgressInput(
                plan_task_code=code,
                period_kind=PeriodKind.QUARTER,
                year=2026,
                period_no=quarter,
                status=TaskStatus.DANG_TRIEN_KHAI,
                achievements="Đang thực hiện.",
                **texts,
            ),
            today=date(2026, 12, 6),
        )


def test_the_years_remarks_by_office(commune_db: Database) -> None:
    progress(commune_db, "II.4.a", 2, difficulties="Ngân sách xã còn hạn hẹp.")
    progress(commune_db, "II.1.a", 3, proposals=" Đề nghị tập huấn cho tổ trưởng. ")
    progress(commune_db, "II.2.a", 1)
    progress(commune_db, "II.2.b", 4, difficulties="Viết trong quý IV.")
    with commune_db.reading() as s:
        found = remarks_of_year(s, 2026, date(2026, 9, 30))  # Q4 not started yet
        later = remarks_of_year(s, 2026, TODAY)
    remarks = found["31120"]
    assert [(r.task, r.period) for r in remarks] == [
        ("II.1.a", Period.quarter(2026, 3)),
        ("II.4.a", Period.quarter(2026, 2)),
    ]
    assert remarks[0].proposals == "Đề nghị tập huấn cho tổ trưởng." and not remarks[0].difficulties
    assert len(later["31120"]) == 3


def test_the_figures_of_an_empty_year(city_db: Database) -> None:
    with city_db.reading() as s:
        figures = year_figures(s, 2026, TODAY)
    assert figures["sessions"] is None and figures["participants"] is None
    assert (figures["transferred"], figures["deposits"], figures["fund"]) == (0, 0, 0)
    assert (figures["disbursed"], figures["households"], figures["repaid"]) == (0, 0, 0)
