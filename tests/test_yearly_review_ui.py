"""Báo cáo at the city: beside the yearly report, the clerk writes the year's assessment,
directions and proposals with the offices' difficulties and proposals in view, chooses the
whole-year estimates (by the rule or typed), sees the history, and the report prints them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from db.enums import PeriodKind, TaskStatus
from desktop.core.database import Database
from desktop.core.periods import Period
from desktop.core.tasks.progress import ProgressInput, create_progress
from desktop.core.yearly.review import review_of_year
from desktop.reports.registry import ReportRequest, get_report
from desktop.reports.service import make_report
from desktop.ui.history import HistoryDialog
from desktop.ui.reports.yearly_review import YearlyReviewForm, review_day
from tests.clerk import answering, click, fill, save_button, type_text
from tests.test_reports_page import choose, make_window, reports_page

ISSUED = date(2026, 10, 20)


def city_proposal(db: Database) -> None:
    with db.transaction() as s:
        create_progress(
            s,
            ProgressInput(
                plan_task_code="II.4.a",
                period_kind=PeriodKind.QUARTER,
                year=2026,
                period_no=3,
                status=TaskStatus.DANG_TRIEN_KHAI,
                achievements="Đã trình Hội đồng nhân dân.",
                proposals="Đề nghị Trung ương bổ sung vốn cho vay nhà ở xã hội.",
            ),
            today=date(2026, 10, 6),
        )


def test_the_day_the_figures_stop_at() -> None:
    assert review_day(2026, ISSUED) == ISSUED
    assert review_day(2026, date(2027, 1, 5)) == date(2026, 12, 31)
    assert review_day(2026, None) == date(2026, 12, 31)


def test_the_clerk_writes_the_years_assessment_beside_the_report(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    city_proposal(city_db)
    window = make_window(qtbot, city_db)
    page = reports_page(window)
    choose(page, next(spec.name for spec in page.specs if spec.name != "city-yearly"))
    assert not page.review_button.isVisible()  # only beside the yearly report
    choose(page, "city-yearly", quarter=None)
    page.issued_on.set_value(ISSUED)
    assert page.review_button.isVisible()
    assert page.review_button.text() == "Đánh giá năm…"

    seen: dict[str, Any] = {}

    def write(dialog: QWidget) -> None:
        assert isinstance(dialog, YearlyReviewForm)
        assert dialog.windowTitle() == "Đánh giá, phương hướng năm 2026"
        remarks = dialog.findChild(QPlainTextEdit, "officesRemarks")
        assert remarks is not None
        seen["remarks"] = remarks.toPlainText()
        assert not dialog.history_button.isEnabled()  # nothing saved yet
        type_text(dialog.texts["strengths"], "Cấp ủy quan tâm lãnh đạo.")
        type_text(dialog.texts["proposals"], "Đề nghị bổ sung vốn nhà ở xã hội.")
        type_text(dialog.estimates["sessions"], "12")
        type_text(dialog.estimates["participants"], "mười")  # not a number: refused
        click(dialog.rules["lending"])  # the lending figures by the rule
        assert not dialog.estimates["disbursed"].isEnabled()
        click(save_button(dialog))
        seen["error"] = dialog.error_text("participants_estimate")
        dialog.estimates["participants"].clear()
        type_text(dialog.estimates["participants"], "1.250")
        click(save_button(dialog))

    with answering(qtbot, fill(write)):
        click(page.review_button)
    assert "Cấp thành phố" in seen["remarks"]
    assert "Đề nghị Trung ương bổ sung vốn cho vay nhà ở xã hội." in seen["remarks"]
    assert seen["error"]
    with city_db.reading() as s:
        saved = review_of_year(s, 2026)
    assert saved is not None and saved.version == 1
    assert saved.strengths == "Cấp ủy quan tâm lãnh đạo."
    assert (saved.sessions_estimate, saved.participants_estimate) == (12, 1250)
    assert saved.lending_by_rule and saved.disbursed_estimate_amount is None
    assert not saved.dissemination_by_rule and not saved.resources_by_rule

    def change(dialog: QWidget) -> None:
        assert isinstance(dialog, YearlyReviewForm)
        assert dialog.texts["strengths"].value() == "Cấp ủy quan tâm lãnh đạo."
        assert dialog.rules["lending"].isChecked()
        assert dialog.estimates["sessions"].text() == "12"
        click(dialog.rules["dissemination"])  # accept the rule's estimate instead
        type_text(dialog.texts["directions"], "Tiếp tục bố trí vốn ủy thác.")
        click(save_button(dialog))

    with answering(qtbot, fill(change)):
        click(page.review_button)

    def look_at_history(dialog: QWidget) -> None:
        assert isinstance(dialog, YearlyReviewForm)
        click(dialog.history_button)  # answered by ``history`` below
        dialog.reject()

    def history(shown: QWidget) -> None:
        assert isinstance(shown, HistoryDialog)
        seen["history"] = shown.model.rowCount()
        shown.reject()

    with answering(qtbot, fill(look_at_history), fill(history)):
        click(page.review_button)
    assert seen["history"] == 2  # written, then changed

    with city_db.reading() as s:
        saved = review_of_year(s, 2026)
    assert saved is not None and saved.version == 2
    assert saved.dissemination_by_rule and saved.sessions_estimate is None
    report = make_report(
        city_db, get_report("city-yearly"), ReportRequest(Period.whole_year(2026), None, ISSUED)
    )
    text = "\n".join(str(b) for b in report.blocks())
    assert "Cấp ủy quan tâm lãnh đạo." in text
    assert "Tiếp tục bố trí vốn ủy thác." in text
    assert "Đề nghị bổ sung vốn nhà ở xã hội." in text
