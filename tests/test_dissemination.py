"""The dissemination figures of the plan's II.1 tasks (issue 16): sessions held and people
reached, recorded with a progress record — only for those tasks, whole numbers within bounds
— shown in the progress form for those tasks only, and added up for a year as of a day
without counting a period twice."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from db.base import CITY_CODE
from db.enums import PeriodKind, TaskStatus
from desktop.core import i18n
from desktop.core.database import Database
from desktop.core.errors import FormErrors
from desktop.core.periods import Period
from desktop.core.tasks.dissemination import (
    DisseminationFigures,
    dissemination_by_owner,
    is_dissemination_task,
    total,
)
from desktop.core.tasks.progress import (
    ProgressInput,
    create_progress,
    get_progress,
    merge_into,
    row_input,
    validate_progress,
)
from desktop.ui.context import AppContext
from desktop.ui.tasks.progress_form import ProgressForm
from tests.clerk import click, type_text

TODAY = date(2026, 12, 6)


def progress(**changes: Any) -> ProgressInput:
    values: dict[str, Any] = {
        "plan_task_code": "II.1.a",
        "period_kind": PeriodKind.QUARTER,
        "year": 2026,
        "period_no": 1,
        "status": TaskStatus.HOAN_THANH,
        "achievements": "Tổ chức hội nghị quán triệt Chỉ thị 39.",
    }
    values.update(changes)
    return ProgressInput(**values)


def save(db: Database, **changes: Any) -> str:
    with db.transaction() as s:
        return create_progress(s, progress(**changes), today=TODAY)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_translator", lambda _context, source: source)


def errors(data: ProgressInput) -> dict[str, str]:
    with pytest.raises(FormErrors) as caught:
        validate_progress(data, today=TODAY)
    return {e.field: e.text() for e in caught.value.errors}


def test_only_dissemination_tasks_record_sessions_and_people(english: None) -> None:
    assert is_dissemination_task("II.1.a") and is_dissemination_task("II.1.b")
    assert not is_dissemination_task("II.2.a") and not is_dissemination_task("III.1")
    assert not is_dissemination_task("II.10")
    values = validate_progress(progress(sessions_held=4, participants=350), today=TODAY)
    assert (values["sessions_held"], values["participants"]) == (4, 350)
    blank = validate_progress(progress(), today=TODAY)
    assert (blank["sessions_held"], blank["participants"]) == (None, None)
    assert errors(progress(plan_task_code="II.2.a", sessions_held=2)) == {
        "sessions_held": (
            "Sessions and people reached are recorded for the plan's dissemination tasks "
            "(II.1) only."
        )
    }
    assert errors(progress(sessions_held=-1, participants=10_000_001)) == {
        "sessions_held": "The number of sessions is a whole number from 0 to 100.000.",
        "participants": "The number of people reached is a whole number from 0 to 10.000.000.",
    }
    assert set(errors(progress(sessions_held=True))) == {"sessions_held"}  # type: ignore[arg-type]


def test_the_figures_are_kept_with_the_record(commune_db: Database) -> None:
    record_id = save(commune_db, sessions_held=4, participants=350)
    with commune_db.reading() as s:
        row = get_progress(s, record_id)
    assert row is not None and (row.sessions_held, row.participants) == (4, 350)
    data = row_input(row)
    assert (data.sessions_held, data.participants) == (4, 350)
    # Typed into a new form for the same task and period: what was changed wins.
    typed = progress(sessions_held=6, participants=None)
    merged = merge_into(row, typed, progress())
    assert (merged.sessions_held, merged.participants) == (6, 350)


def test_a_year_is_added_up_without_counting_a_period_twice(commune_db: Database) -> None:
    """Cái Khế records II.1.a by quarter, and for the first half a half-year record too
    (which sums up Q1 and Q2: they are not counted again); II.1.b has a yearly record (which
    stands for the whole year); a Q4 record dated in a period not started by the day is
    left out; a blank figure is not a zero."""
    save(commune_db, period_no=1, sessions_held=2, participants=100)
    save(commune_db, period_no=2, sessions_held=3, participants=150)
    save(commune_db, period_kind=PeriodKind.HALF, period_no=1, sessions_held=6, participants=300)
    save(commune_db, period_no=3, sessions_held=1, participants=None)
    save(commune_db, period_no=4, sessions_held=5, participants=500)
    save(commune_db, plan_task_code="II.1.b", period_no=2, sessions_held=9, participants=900)
    save(
        commune_db,
        plan_task_code="II.1.b",
        period_kind=PeriodKind.YEAR,
        period_no=1,
        sessions_held=10,
        participants=1_000,
    )
    save(commune_db, year=2025, period_no=4, sessions_held=7, participants=700)
    save(commune_db, plan_task_code="II.2.a", period_no=2)
    with commune_db.reading() as s:
        by_owner = dissemination_by_owner(s, 2026, date(2026, 9, 30))
        year_before = dissemination_by_owner(s, 2025, date(2025, 9, 30))
        whole_before = dissemination_by_owner(s, 2025, date(2025, 12, 31))
        on_20_october = dissemination_by_owner(s, 2026, date(2026, 10, 20))
    # H1 (6, 300) + Q3 (1, –) for II.1.a; the year (10, 1 000) for II.1.b.
    assert by_owner == {"31120": DisseminationFigures(17, 1_300, 3)}
    assert on_20_october["31120"] == DisseminationFigures(22, 1_800, 4)  # Q4 has started
    assert year_before == {}  # Q4/2025 had not started on 30/09/2025
    assert whole_before["31120"] == DisseminationFigures(7, 700, 1)


def test_totals_keep_unknown_apart_from_zero() -> None:
    none = DisseminationFigures()
    assert not none.recorded
    assert total([none, DisseminationFigures(2, None, 1)]) == DisseminationFigures(2, None, 1)
    assert total([DisseminationFigures(0, 0, 1), none]) == DisseminationFigures(0, 0, 1)


def test_the_city_office_records_its_own(city_db: Database) -> None:
    save(city_db, period_no=2, sessions_held=3, participants=1_200)
    with city_db.reading() as s:
        assert dissemination_by_owner(s, 2026, TODAY) == {
            CITY_CODE: DisseminationFigures(3, 1_200, 1)
        }


def form(qtbot: QtBot, db: Database, row: Any = None) -> ProgressForm:
    office = db.office()
    assert office is not None
    made = ProgressForm(AppContext(db, office), row, today=TODAY)
    qtbot.addWidget(made)
    made.show()
    return made


def test_the_form_asks_for_them_on_dissemination_tasks_only(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    dialog = form(qtbot, commune_db)
    dialog.task.setCurrentIndex(dialog.task.findData("II.2.a"))
    assert not dialog.sessions_held.isVisible() and not dialog.participants.isVisible()
    dialog.task.setCurrentIndex(dialog.task.findData("II.1.a"))
    assert dialog.sessions_held.isVisible() and dialog.participants.isVisible()
    type_text(dialog.achievements, "Tổ chức 4 hội nghị quán triệt tại các khu vực.")
    type_text(dialog.sessions_held, "bốn")
    type_text(dialog.participants, "1.250")
    click(dialog.save_button)
    assert dialog.isVisible()
    assert dialog.error_text("sessions_held") == "Nhập một số nguyên, ví dụ 1.250."
    dialog.sessions_held.clear()
    type_text(dialog.sessions_held, "4")
    click(dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with commune_db.reading() as s:
        row = get_progress(s, dialog.saved_id)
    assert row is not None and (row.sessions_held, row.participants) == (4, 1_250)
    assert row.period == Period.quarter(2026, 3)
    again = form(qtbot, commune_db, row)
    assert again.participants.text() == "1.250" and again.sessions_held.text() == "4"
