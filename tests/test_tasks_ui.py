"""Nhiệm vụ in the window, driven as a clerk does: the progress form with its documents table
(good and bad input, typed in Vietnamese), a period's progress making that period's record,
sub-tasks, the progress list, the task board and the missing-records view — every button
clicked and every dialog answered for real."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.enums import PeriodKind, TaskStatus
from db.models import OfficeTask, TaskDocument, TaskProgress
from desktop.core.database import Database
from desktop.core.owners import Scope
from desktop.core.periods import Period
from desktop.core.tasks.office_tasks import OfficeTaskInput, create_office_task, list_office_tasks
from desktop.core.tasks.progress import (
    DocumentInput,
    ProgressInput,
    ProgressRow,
    create_progress,
    get_progress,
    list_progress,
)
from desktop.ui.history import HistoryDialog
from desktop.ui.tasks.lists import OfficeTaskForm, OfficeTaskListPage, ProgressListPage
from desktop.ui.tasks.page import TasksPage
from desktop.ui.tasks.progress_form import DocumentsModel, ProgressForm
from tests.clerk import (
    answering,
    cancel,
    choose,
    click,
    close_button,
    context_of,
    fill,
    loaded,
    no,
    ok,
    retype,
    save_as,
    save_button,
    type_text,
    yes,
)

#: The day of the user's report: the third quarter has ended, the fourth is under way.
TODAY = date(2026, 12, 6)


def record(db: Database, code: str = "II.1.a", number: int = 3, **changes: Any) -> str:
    values: dict[str, Any] = {
        "plan_task_code": code,
        "period_kind": PeriodKind.QUARTER,
        "year": 2025,
        "period_no": number,
        "status": TaskStatus.DANG_TRIEN_KHAI,
        "percent": 50,
        "achievements": "Đã tổ chức hội nghị quán triệt.",
    }
    values.update(changes)
    with db.transaction() as s:
        return create_progress(s, ProgressInput(**values), today=TODAY)


def count(db: Database, model: type, *where: Any) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def saved(db: Database, record_id: str) -> ProgressRow:
    with db.reading() as s:
        row = get_progress(s, record_id)
    assert row is not None
    return row


def records(db: Database) -> dict[tuple[str, Period], ProgressRow]:
    with db.reading() as s:
        return {(r.plan_task_code, r.period): r for r in list_progress(s, Scope.commune("31120"))}


def new_form(qtbot: QtBot, db: Database, **kwargs: Any) -> ProgressForm:
    form = ProgressForm(context_of(db), None, today=TODAY, **kwargs)
    qtbot.addWidget(form)
    form.show()
    return form


def choose_task(form: ProgressForm, code: str) -> None:
    assert form.task.isEnabled()
    index = form.task.findData(code)
    assert index >= 0
    form.task.setCurrentIndex(index)


def add_text(area: QPlainTextEdit, text: str) -> None:
    """Click at the end of a text field and type."""
    area.moveCursor(QTextCursor.MoveOperation.End)
    type_text(area, text)


def shown_period(form: ProgressForm) -> str:
    return f"{form.period_no.currentText()}/{form.year.value()}"


def period_locked(form: ProgressForm) -> bool:
    return not any(w.isEnabled() for w in (form.period_kind, form.period_no, form.year))


def select_row(view: QTableView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def double_click_row(view: QTableView, row: int) -> None:
    view.scrollTo(view.model().index(row, 0))
    select_row(view, row)
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cells(dialog: HistoryDialog, row: int) -> list[Any]:
    model = dialog.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def type_cell(form: ProgressForm, row: int, column: int, text: str, *, commit: bool = True) -> None:
    """Type into a cell of the documents table the way a person does: start editing, type,
    press Enter (or not: Save must keep a cell still being typed in)."""
    view = form.documents.view
    index = form.documents.model.index(row, column)
    if view.state() != QAbstractItemView.State.EditingState or view.currentIndex() != index:
        view.setCurrentIndex(index)
        view.edit(index)
    editor = form.documents.delegate.editor
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    if commit:
        type_text(editor, "\n")
        QApplication.processEvents()  # the delegate commits on the next turn of the loop


def test_progress_form_saves_a_record_with_documents(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = new_form(qtbot, commune_db)
    choose_task(form, "II.2.c")
    choose(form.period_no, "Quý II")
    choose(form.status, "Đang triển khai")
    assert form.percent.isEnabled()
    retype(form.percent, "60")
    type_text(form.achievements, "Phối hợp Hội Nông dân, Hội Phụ nữ rà soát 12 Tổ TK&VV.")
    type_text(form.difficulties, "Một số tổ hoạt động chưa đều.")
    click(form.documents.add_button)
    type_cell(form, 0, 0, "12")
    type_cell(form, 0, 1, "KH-UBND")
    type_cell(form, 0, 2, "05/04/2026")
    type_cell(form, 0, 3, "Kế hoạch kiểm tra hoạt động ủy thác")
    click(form.documents.add_button)
    click(form.documents.add_button)  # an empty line is simply left out
    type_cell(form, 1, 3, "Báo cáo kết quả rà soát", commit=False)
    click(form.save_button)
    assert form.result() == QDialog.DialogCode.Accepted
    row = saved(commune_db, form.saved_id)
    assert (row.plan_task_code, row.period, row.percent) == ("II.2.c", Period.quarter(2026, 2), 60)
    assert row.difficulties == "Một số tổ hoạt động chưa đều."
    assert sorted((d.reference, d.issued_on, d.summary) for d in row.documents) == [
        ("", None, "Báo cáo kết quả rà soát"),
        ("12/KH-UBND", date(2026, 4, 5), "Kế hoạch kiểm tra hoạt động ủy thác"),
    ]


def test_progress_form_shows_every_error_and_keeps_the_input(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = new_form(qtbot, commune_db)
    choose(form.period_kind, "6 tháng")
    retype(form.percent, "100")
    retype(form.reported_on, "hôm qua")
    click(form.documents.add_button)
    type_cell(form, 0, 0, "7")
    type_cell(form, 0, 2, "32/13/2025")
    click(form.save_button)
    assert form.isVisible() and form.save_button.isEnabled()
    assert form.error_text("task") == "Chọn nhiệm vụ."
    assert form.error_text("percent") == (
        "Nhiệm vụ đang triển khai có tỷ lệ từ 0 đến 99 %; nếu đã xong, chọn tình trạng Hoàn thành."
    )
    assert form.error_text("achievements") == (
        "Ghi kết quả đã thực hiện (bắt buộc, trừ khi nhiệm vụ chưa triển khai)."
    )
    assert form.error_text("reported_on").startswith("Nhập ngày theo dạng ngày/tháng/năm")
    assert (
        form.error_text("documents")
        == "Văn bản dòng 1: Không có tháng 13: tháng là số từ 1 đến 12."
    )
    assert form.reported_on.text() == "hôm qua"
    assert form.documents.model.lines[0].issued_on == "32/13/2025"
    assert count(commune_db, TaskProgress) == 0
    # Completed fixes the percentage; fill the rest and the same dialog saves.
    choose(form.status, "Hoàn thành")
    assert not form.percent.isEnabled() and form.percent.value() == 100
    choose_task(form, "II.1.b")
    type_text(form.achievements, "Hoàn thành quán triệt.")
    form.reported_on.selectAll()
    QTest.keyClick(form.reported_on, Qt.Key.Key_Delete)
    type_cell(form, 0, 2, "15/03/2026")
    click(form.save_button)
    assert form.result() == QDialog.DialogCode.Accepted
    assert count(commune_db, TaskDocument) == 1
    assert saved(commune_db, form.saved_id).period == Period.half(2026, 1)


def test_progress_form_refuses_a_period_that_has_not_started(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = new_form(qtbot, commune_db, task="II.1.a")
    choose(form.period_kind, "Năm")
    retype(form.year, "2027")
    type_text(form.achievements, "Dự kiến")
    click(form.save_button)
    assert form.error_text("period") == (
        "Năm 2027 chưa bắt đầu; chỉ ghi tiến độ cho kỳ đang diễn ra hoặc đã qua."
    )
    assert count(commune_db, TaskProgress) == 0


def test_editing_a_record_keeps_and_removes_documents(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    record_id = record(
        commune_db,
        documents=(
            DocumentInput("1", "KH-UBND", date(2025, 7, 1), "Kế hoạch"),
            DocumentInput("2", "CV-UBND", date(2025, 7, 2), "Công văn"),
        ),
    )
    form = ProgressForm(context_of(commune_db), saved(commune_db, record_id), today=TODAY)
    qtbot.addWidget(form)
    form.show()
    assert [line.number for line in form.documents.model.lines] == ["1", "2"]
    assert form.documents.model.lines[0].issued_on == "01/07/2025"
    form.documents.view.selectRow(1)
    click(form.documents.remove_button)
    type_cell(form, 0, 3, "Kế hoạch (bổ sung)")
    click(form.save_button)
    assert form.result() == QDialog.DialogCode.Accepted
    assert [d.summary for d in saved(commune_db, record_id).documents] == ["Kế hoạch (bổ sung)"]
    assert count(commune_db, TaskDocument, TaskDocument.deleted_at.is_not(None)) == 1


def test_documents_model_passes_qt_model_tester(
    qtmodeltester: ModelTester, vi_app: QApplication
) -> None:
    model = DocumentsModel()
    qtmodeltester.check(model, force_py=True)
    model.add_line()
    model.setData(model.index(0, 3), "Trích yếu")
    model.add_line()
    model.remove_line(0)
    assert model.rowCount() == 1 and model.data(model.index(0, 3)) == ""
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Trích yếu"
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_office_task_form(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    form = OfficeTaskForm(context_of(commune_db), None)
    qtbot.addWidget(form)
    form.show()
    click(form.save_button)
    assert form.error_text("parent") == "Chọn nhiệm vụ kế hoạch mà nhiệm vụ này thuộc về."
    assert form.error_text("title") == "Không được để trống."
    form.parent_task.setCurrentIndex(form.parent_task.findData("II.5.a"))
    type_text(form.title_edit, "Kiện toàn Tổ TK&VV khu vực Thới Hòa")
    click(form.save_button)
    assert form.result() == QDialog.DialogCode.Accepted
    again = OfficeTaskForm(context_of(commune_db), None)
    qtbot.addWidget(again)
    again.show()
    again.parent_task.setCurrentIndex(again.parent_task.findData("II.5.a"))
    type_text(again.title_edit, "kiện toàn tổ TK&VV khu vực thới hòa")
    click(again.save_button)
    assert again.error_text("title") == (
        "Nhiệm vụ II.5.a đã có nhiệm vụ “kiện toàn tổ TK&VV khu vực thới hòa”."
    )


# -- a period's progress makes that period's record (issue 12, item 4) ------------------------


@pytest.fixture
def q3_page(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> TasksPage:
    """Nhiệm vụ on 06/12/2026, with II.1.a's report for the third quarter saved."""
    record(
        commune_db,
        "II.1.a",
        3,
        year=2026,
        percent=60,
        achievements="Tổ chức 3 hội nghị quán triệt Chỉ thị 39 tại các khu vực.",
        reported_on=date(2026, 10, 5),
        documents=(DocumentInput("12", "KH-UBND", date(2026, 7, 5), "Kế hoạch triển khai"),),
    )
    page = TasksPage(context_of(commune_db), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    loaded(qtbot, page)
    return page


def board_row(page: TasksPage, code: str, *, sub_task: bool = False) -> int:
    row = page.board.model.find_row(
        lambda s: s.plan_task_code == code and s.line.is_sub_task == sub_task
    )
    assert row >= 0
    return row


def test_the_users_report_writing_q4_makes_a_q4_record_and_keeps_q3(
    q3_page: TasksPage, qtbot: QtBot, commune_db: Database
) -> None:
    """Double-click a task with a Q3 record, write the fourth quarter, save: before, the Q3
    report became a Q4 one ("Kỳ số: 3 → 4"); now Q3 stays as it was and Q4 has its own."""
    (q3,) = records(commune_db).values()
    seen: dict[str, Any] = {}

    def write_q4(form: ProgressForm) -> None:
        assert form.row is not None and form.row.id == q3.id
        assert shown_period(form) == "Quý III/2026" and period_locked(form)
        assert not form.task.isEnabled()
        assert "giữ nguyên nhiệm vụ và kỳ" in form.period_note.text()
        click(form.other_period_button)
        seen["proposed"] = shown_period(form)
        seen["note"] = form.period_note.text()
        choose(form.period_no, "Quý IV")
        retype(form.percent, "80")
        add_text(form.achievements, "\nQuý IV: đối thoại với 40 hộ vay.")
        click(save_button(form))

    with answering(qtbot, fill(write_q4)):
        double_click_row(q3_page.board.view, board_row(q3_page, "II.1.a"))
    # The new record starts at the latest ended quarter without a record: II/2026.
    assert seen["proposed"] == "Quý II/2026"
    assert seen["note"] == (
        "Báo cáo mới, đã điền sẵn nội dung của báo cáo Quý III/2026 để anh/chị sửa; "
        "báo cáo đó vẫn giữ nguyên."
    )
    found = records(commune_db)
    assert set(found) == {("II.1.a", Period.quarter(2026, 3)), ("II.1.a", Period.quarter(2026, 4))}
    assert found[("II.1.a", Period.quarter(2026, 3))] == q3  # text, version, documents
    q4 = found[("II.1.a", Period.quarter(2026, 4))]
    assert q4.percent == 80 and q4.documents == () and q4.reported_on == TODAY
    assert q4.achievements == (
        "Tổ chức 3 hội nghị quán triệt Chỉ thị 39 tại các khu vực.\n"
        "Quý IV: đối thoại với 40 hộ vay."
    )
    board = q3_page.board
    state = board.model.row_at(board_row(q3_page, "II.1.a"))
    assert (state.period, state.records, state.percent) == (Period.quarter(2026, 4), 2, 80)


def test_new_record_starts_at_the_latest_ended_period_without_one(
    q3_page: TasksPage, qtbot: QtBot, commune_db: Database
) -> None:
    board = q3_page.board
    seen: list[str] = []

    def look(form: ProgressForm) -> None:
        seen.append(shown_period(form))
        choose(form.period_kind, "6 tháng")
        seen.append(shown_period(form))
        choose(form.period_kind, "Năm")
        seen.append(shown_period(form))
        form.reject()  # the period kind was changed: the form asks before closing

    discard = yes("Bỏ các thay đổi chưa lưu?")
    select_row(board.view, board_row(q3_page, "II.1.b"))  # no record yet
    with answering(qtbot, fill(look), discard):
        click(board.new_button)
    select_row(board.view, board_row(q3_page, "II.1.a"))  # has quarter III
    with answering(qtbot, fill(look), discard):
        click(board.new_button)
    assert seen == [
        "Quý III/2026",
        "6 tháng đầu năm/2026",
        "Cả năm/2025",
        "Quý II/2026",
        "6 tháng đầu năm/2026",
        "Cả năm/2025",
    ]
    assert count(commune_db, TaskProgress) == 1


def test_a_period_that_has_a_record_opens_it_never_a_second_one(
    q3_page: TasksPage, qtbot: QtBot, commune_db: Database
) -> None:
    (q3,) = records(commune_db).values()
    page = q3_page
    page.tabs.setCurrentWidget(page.progress)

    def write_q3_again(form: ProgressForm) -> None:
        assert form.row is None and not form.open_existing_button.isVisible()
        choose_task(form, "II.1.a")
        assert shown_period(form) == "Quý II/2026"
        choose(form.period_no, "Quý III")
        assert form.open_existing_button.isVisible()
        assert form.period_note.text().startswith("Quý III/2026 đã có báo cáo tiến độ")
        type_text(form.achievements, "Tháng 9: tuyên truyền trên loa truyền thanh.")
        click(save_button(form))  # answered No: nothing happens
        assert form.row is None and count(commune_db, TaskProgress) == 1
        click(save_button(form))  # answered Yes: the saved record, with the text added
        assert form.row is not None and form.row.id == q3.id
        assert form.windowTitle() == "Báo cáo tiến độ" and period_locked(form)
        assert form.achievements.value() == (
            "Tổ chức 3 hội nghị quán triệt Chỉ thị 39 tại các khu vực.\n"
            "Tháng 9: tuyên truyền trên loa truyền thanh."
        )
        assert [line.number for line in form.documents.model.lines] == ["12"]
        assert form.period_note.text().startswith("Đây là báo cáo Quý III/2026 đã lưu")
        click(save_button(form))

    question = "Nhiệm vụ II.1.a đã có báo cáo tiến độ Quý III/2026"
    with answering(qtbot, fill(write_q3_again), no(question), yes(question)):
        click(page.progress.add_button)
    (after,) = records(commune_db).values()
    assert after.id == q3.id and after.version == 2 and len(after.documents) == 1
    assert after.achievements.endswith("Tháng 9: tuyên truyền trên loa truyền thanh.")
    assert page.progress.model.rowCount() == 1

    # The button beside the note opens it too, before anything is typed.
    def open_it(form: ProgressForm) -> None:
        choose_task(form, "II.1.a")
        choose(form.period_no, "Quý III")
        click(form.open_existing_button)
        assert form.row is not None and form.row.version == 2
        assert not form.open_existing_button.isVisible()
        assert form.achievements.value() == after.achievements
        form.reject()

    with answering(qtbot, fill(open_it)):
        click(page.progress.add_button)
    assert records(commune_db)[("II.1.a", Period.quarter(2026, 3))].version == 2


def test_changes_typed_before_recording_another_period_are_saved_or_carried(
    q3_page: TasksPage, qtbot: QtBot, commune_db: Database
) -> None:
    page = q3_page
    page.tabs.setCurrentWidget(page.progress)
    progress = page.progress
    select_row(progress.view, 0)

    def change_then_cancel(form: ProgressForm) -> None:
        add_text(form.difficulties, "Thiếu kinh phí.")
        click(form.other_period_button)  # Cancel: nothing changes
        assert form.row is not None and shown_period(form) == "Quý III/2026"
        click(form.other_period_button)  # Yes: the Q3 record is saved first
        assert form.row is None and shown_period(form) == "Quý II/2026"
        assert form.difficulties.value() == "Thiếu kinh phí."
        form.reject()  # the new record is not wanted

    ask = "Lưu các thay đổi vào báo cáo Quý III/2026 trước?"
    with answering(qtbot, fill(change_then_cancel), cancel(), yes(ask)):
        click(progress.edit_button)
    (q3,) = records(commune_db).values()
    assert q3.difficulties == "Thiếu kinh phí." and q3.version == 2
    assert progress.model.row_at(0).difficulties == "Thiếu kinh phí."  # the list was read again

    def carry_into_q2(form: ProgressForm) -> None:
        retype(form.proposals, "Bổ sung kinh phí tuyên truyền.")
        click(form.other_period_button)  # No: carried into the new record
        assert form.row is None and form.proposals.value() == "Bổ sung kinh phí tuyên truyền."
        click(save_button(form))

    select_row(progress.view, 0)
    with answering(qtbot, fill(carry_into_q2), no(ask)):
        click(progress.edit_button)
    found = records(commune_db)
    assert found[("II.1.a", Period.quarter(2026, 3))] == q3
    assert found[("II.1.a", Period.quarter(2026, 2))].proposals == "Bổ sung kinh phí tuyên truyền."


def test_nothing_typed_is_lost_on_the_way_to_another_record(
    q3_page: TasksPage, qtbot: QtBot, commune_db: Database
) -> None:
    (q3,) = records(commune_db).values()
    progress = q3_page.progress
    q3_page.tabs.setCurrentWidget(progress)

    def bad_then_carried(form: ProgressForm) -> None:
        form.achievements.selectAll()
        QTest.keyClick(form.achievements, Qt.Key.Key_Delete)  # what was done: now empty
        click(form.documents.add_button)
        type_cell(form, 1, 0, "15")
        type_cell(form, 1, 1, "TB-UBND")
        click(form.other_period_button)  # Yes, save first: refused, still the Q3 record
        assert form.row is not None and shown_period(form) == "Quý III/2026"
        assert form.error_text("achievements").startswith("Ghi kết quả đã thực hiện")
        type_text(form.achievements, "Rà soát 12 tổ.")
        click(form.other_period_button)  # No: the typed document goes to the new record
        assert form.row is None and form.error_text("achievements") == ""
        assert [(line.number, line.symbol) for line in form.documents.model.lines] == [
            ("15", "TB-UBND")
        ]
        form.reject()

    ask = "Lưu các thay đổi vào báo cáo Quý III/2026 trước?"
    select_row(progress.view, 0)
    with answering(qtbot, fill(bad_then_carried), yes(ask), no(ask)):
        click(progress.edit_button)
    assert records(commune_db)[("II.1.a", Period.quarter(2026, 3))] == q3  # untouched

    def unreadable_date(form: ProgressForm) -> None:
        choose_task(form, "II.1.a")
        choose(form.period_no, "Quý III")
        click(form.documents.add_button)
        type_cell(form, 0, 0, "9")
        type_cell(form, 0, 2, "31/02/2026")
        click(form.open_existing_button)  # the date cannot be read: say so, keep the line
        assert form.row is None
        assert form.error_text("documents").startswith("Văn bản dòng 1:")
        assert form.documents.model.lines[0].issued_on == "31/02/2026"
        type_cell(form, 0, 2, "28/02/2026")
        click(form.open_existing_button)
        assert form.row is not None and form.row.id == q3.id
        assert [line.number for line in form.documents.model.lines] == ["12", "9"]
        click(save_button(form))

    with answering(qtbot, fill(unreadable_date)):
        click(progress.add_button)
    assert [d.number for d in saved(commune_db, q3.id).documents] == ["9", "12"]
    assert count(commune_db, TaskProgress) == 1


def test_correcting_a_record_saved_under_the_wrong_period(
    q3_page: TasksPage, qtbot: QtBot, commune_db: Database
) -> None:
    wrong = record(commune_db, "II.2.d", 4, year=2026, achievements="Kiểm tra 3 tổ.")
    record(commune_db, "II.2.d", 2, year=2026, achievements="Quý II.")
    page = q3_page
    page.tabs.setCurrentWidget(page.progress)
    progress = page.progress
    progress.reload()
    loaded(qtbot, progress)
    select_row(progress.view, progress.model.find_row(lambda r: r.id == wrong))

    def onto_q2(form: ProgressForm) -> None:
        click(form.correct_button)
        assert not period_locked(form) and form.task.isEnabled()
        assert not form.other_period_button.isVisible()
        choose(form.period_no, "Quý II")
        click(save_button(form))  # Q2 has its own record: refused, nothing asked
        assert form.isVisible()
        assert form.general_error.text().startswith(
            "Nhiệm vụ II.2.d đã có báo cáo tiến độ Quý II/2026"
        )
        choose(form.period_no, "Quý III")
        click(save_button(form))  # answered No
        assert form.isVisible() and saved(commune_db, wrong).period == Period.quarter(2026, 4)
        click(save_button(form))  # answered Yes

    ask = "Chuyển báo cáo này từ II.2.d, Quý IV/2026 sang II.2.d, Quý III/2026?"
    with answering(qtbot, fill(onto_q2), no(ask), yes(ask)):
        click(progress.edit_button)
    moved = saved(commune_db, wrong)
    assert (moved.period, moved.version, moved.achievements) == (
        Period.quarter(2026, 3),
        2,
        "Kiểm tra 3 tổ.",
    )
    assert count(commune_db, TaskProgress) == 3

    def look(dialog: HistoryDialog) -> None:
        newest = cells(dialog, 0)
        assert newest[2:5] == ["Đã sửa", "Tiến độ nhiệm vụ", "II.2.d, Quý III/2026"]
        assert newest[6] == "Kỳ số: 4 → 3"
        click(close_button(dialog))

    select_row(progress.view, progress.model.find_row(lambda r: r.id == wrong))
    with answering(qtbot, fill(look)):
        click(progress.history_button)


# -- every button of the page ------------------------------------------------------------------


@pytest.fixture
def progress_page(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> ProgressListPage:
    record(commune_db, "II.1.a", 3)
    record(commune_db, "II.1.b", 2, status=TaskStatus.HOAN_THANH, percent=None)
    record(
        commune_db,
        "II.2.a",
        1,
        period_kind=PeriodKind.HALF,
        status=TaskStatus.THUONG_XUYEN,
        percent=None,
    )
    page = ProgressListPage(context_of(commune_db), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    loaded(qtbot, page)
    return page


def test_progress_list(progress_page: ProgressListPage, qtmodeltester: ModelTester) -> None:
    page = progress_page
    qtmodeltester.check(page.model, force_py=True)
    first = [page.model.data(page.model.index(0, c)) for c in range(4)]
    assert first[0] == "Quý III/2025" and first[1] == "II.1.a"
    assert first[3] == "Đang triển khai (50 %)"
    assert page.period_filter is not None
    page.period_filter.year_combo.setCurrentIndex(1)
    page.period_filter.part_combo.setCurrentIndex(
        page.period_filter.part_combo.findText("6 tháng đầu năm")
    )
    assert sorted(r.plan_task_code for r in page.model.visible_rows()) == ["II.1.b", "II.2.a"]
    page.period_filter.part_combo.setCurrentIndex(page.period_filter.part_combo.findText("Quý II"))
    assert [r.plan_task_code for r in page.model.visible_rows()] == ["II.1.b"]
    page.period_filter.year_combo.setCurrentIndex(0)
    page.search.setText("thuong xuyen")
    assert [r.plan_task_code for r in page.model.visible_rows()] == ["II.2.a"]


def test_progress_list_add_edit_delete_undo_history_and_export(
    progress_page: ProgressListPage, qtbot: QtBot, tmp_path: Path, commune_db: Database
) -> None:
    page = progress_page

    def add(form: ProgressForm) -> None:
        assert form.windowTitle() == "Ghi tiến độ thực hiện"
        choose_task(form, "II.2.d")
        assert shown_period(form) == "Quý III/2026"
        type_text(form.achievements, "Kiểm tra việc sử dụng vốn vay của 12 hộ.")
        click(save_button(form))

    with answering(qtbot, fill(add)):
        click(page.add_button)
    assert page.model.rowCount() == 4
    assert page.model.data(page.model.index(0, 0)) == "Quý III/2026"
    assert page.model.data(page.model.index(0, 1)) == "II.2.d"

    def edit(form: ProgressForm) -> None:
        assert form.row is not None and shown_period(form) == "Quý III/2026"
        retype(form.percent, "70")
        click(save_button(form))

    select_row(page.view, 0)
    with answering(qtbot, fill(edit)):
        click(page.edit_button)
    assert page.model.data(page.model.index(0, 3)) == "Đang triển khai (70 %)"
    chosen = page.selected()
    assert chosen is not None and chosen.plan_task_code == "II.2.d"

    with answering(qtbot, yes("Xóa báo cáo tiến độ II.2.d – ")):
        click(page.delete_button)
    assert (
        page.model.rowCount() == 3
        and count(commune_db, TaskProgress, TaskProgress.deleted_at.is_(None)) == 3
    )
    click(page.undo_button)
    assert page.model.rowCount() == 4 and not page.undo_button.isEnabled()

    def history(dialog: HistoryDialog) -> None:
        assert dialog.windowTitle() == "Lịch sử thay đổi"
        assert [cells(dialog, r)[2] for r in range(dialog.model.rowCount())] == [
            "Đã khôi phục",
            "Đã xóa",
            "Đã sửa",
            "Đã tạo",
        ]
        assert {cells(dialog, r)[4] for r in range(4)} == {"II.2.d, Quý III/2026"}
        assert cells(dialog, 2)[6] == "Hoàn thành (%): 0 → 70"
        click(close_button(dialog))

    page.select_id(chosen.id)
    with answering(qtbot, fill(history)):
        click(page.history_button)

    page.search.setText("su dung von")
    with answering(qtbot, save_as(tmp_path / "tien-do.xlsx"), ok("Đã xuất ra")):
        click(page.export_button)
    sheet = load_workbook(tmp_path / "tien-do.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert [row[:4] for row in rows] == [
        ("Quý III/2026", "II.2.d", rows[0][2], "Đang triển khai (70 %)")
    ]
    assert rows[0][4] == "Kiểm tra việc sử dụng vốn vay của 12 hộ."


def test_sub_task_list_add_edit_delete_undo_history_and_export(
    qtbot: QtBot,
    vi_app: QApplication,
    commune_db: Database,
    qtmodeltester: ModelTester,
    tmp_path: Path,
) -> None:
    page = OfficeTaskListPage(context_of(commune_db))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    loaded(qtbot, page)
    qtmodeltester.check(page.model, force_py=True)

    def add(form: OfficeTaskForm) -> None:
        form.parent_task.setCurrentIndex(form.parent_task.findData("II.5.a"))
        type_text(form.title_edit, "Ra mắt Tổ TK&VV khu vực 2")
        click(save_button(form))

    with answering(qtbot, fill(add)):
        click(page.add_button)
    assert [r.title for r in page.model.all_rows()] == ["Ra mắt Tổ TK&VV khu vực 2"]
    sub = page.model.row_at(0).id
    record(commune_db, "II.5.a", 3, office_task_id=sub)

    def edit(form: OfficeTaskForm) -> None:
        type_text(form.title_edit, " (Thới Hòa)")
        type_text(form.notes, "Ra mắt ngày 12/3.")
        click(save_button(form))

    select_row(page.view, 0)
    with answering(qtbot, fill(edit)):
        click(page.edit_button)
    (row,) = page.model.all_rows()
    assert row.title == "Ra mắt Tổ TK&VV khu vực 2 (Thới Hòa)" and row.progress_count == 1

    select_row(page.view, 0)
    ask = "Xóa nhiệm vụ “Ra mắt Tổ TK&VV khu vực 2 (Thới Hòa)” cùng 1 báo cáo tiến độ của nó?"
    with answering(qtbot, yes(ask)):
        click(page.delete_button)
    with commune_db.reading() as s:
        assert (
            list_progress(s, Scope.commune("31120")) == []
            and list_office_tasks(s, Scope.commune("31120")) == []
        )
    click(page.undo_button)
    with commune_db.reading() as s:
        assert len(list_progress(s, Scope.commune("31120"))) == 1
    assert page.model.all_rows()[0].progress_count == 1

    def history(dialog: HistoryDialog) -> None:
        rows = [cells(dialog, r) for r in range(dialog.model.rowCount())]
        assert [r[2] for r in rows] == ["Đã khôi phục", "Đã xóa", "Đã sửa", "Đã tạo"]
        assert {r[4] for r in rows} == {"II.5.a › Ra mắt Tổ TK&VV khu vực 2 (Thới Hòa)"}
        click(close_button(dialog))

    select_row(page.view, 0)
    with answering(qtbot, fill(history)):
        click(page.history_button)

    with answering(qtbot, save_as(tmp_path / "nhiem-vu-don-vi.xlsx"), ok("Đã xuất ra")):
        click(page.export_button)
    sheet = load_workbook(tmp_path / "nhiem-vu-don-vi.xlsx").active
    assert sheet is not None
    (exported,) = list(sheet.iter_rows(min_row=4, values_only=True))
    assert exported[:4] == ("II.5.a", exported[1], "Ra mắt Tổ TK&VV khu vực 2 (Thới Hòa)", 1)
    assert exported[4] == "Ra mắt ngày 12/3."


@pytest.fixture
def tasks_page(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> TasksPage:
    with commune_db.transaction() as s:
        create_office_task(s, OfficeTaskInput("II.5.a", "Ra mắt Tổ TK&VV khu vực 2"))
    record(commune_db, "II.1.a", 2, percent=40)
    record(commune_db, "II.1.a", 3, percent=70)
    record(commune_db, "II.1.b", 3, status=TaskStatus.HOAN_THANH, percent=None)
    page = TasksPage(context_of(commune_db), today=lambda: date(2025, 11, 20))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    loaded(qtbot, page)
    return page


def test_task_board(tasks_page: TasksPage, qtmodeltester: ModelTester) -> None:
    board = tasks_page.board
    qtmodeltester.check(board.model, force_py=True)
    assert [tasks_page.tabs.tabText(i) for i in range(4)] == [
        "Nhiệm vụ kế hoạch",
        "Báo cáo tiến độ",
        "Chưa báo cáo theo kỳ",
        "Nhiệm vụ của đơn vị",
    ]
    rows = board.model.all_rows()
    assert len(rows) == 15  # 14 plan tasks and one sub-task under II.5.a
    first = [board.model.data(board.model.index(0, c)) for c in range(6)]
    assert first == ["II.1.a", rows[0].title, "II.1", "Đang triển khai (70 %)", "Quý III/2025", "2"]
    sections = [board.section.itemText(i) for i in range(board.section.count())]
    assert sections == ["Phần II và III", "II. Nhiệm vụ, giải pháp", "III. Tổ chức thực hiện"]
    board.section.setCurrentIndex(2)
    assert [r.plan_task_code for r in board.model.visible_rows()] == ["III.1"]
    board.section.setCurrentIndex(0)
    sub = next(i for i, r in enumerate(rows) if r.line.is_sub_task)
    assert rows[sub - 1].plan_task_code == "II.5.a"
    assert board.model.data(board.model.index(sub, 1)) == "↳ Ra mắt Tổ TK&VV khu vực 2"
    assert board.model.data(board.model.index(sub, 3)) == "Chưa báo cáo"
    assert board.summary.text().startswith("Năm 2025: 14 nhiệm vụ kế hoạch — đã báo cáo 2")


def test_board_opens_the_latest_record_or_a_new_one_and_exports(
    tasks_page: TasksPage, qtbot: QtBot, commune_db: Database, tmp_path: Path
) -> None:
    board = tasks_page.board

    def raise_to_80(form: ProgressForm) -> None:
        assert form.row is not None and form.row.percent == 70
        assert shown_period(form) == "Quý III/2025"
        retype(form.percent, "80")
        click(save_button(form))

    select_row(board.view, board_row(tasks_page, "II.1.a"))
    with answering(qtbot, fill(raise_to_80)):
        click(board.open_button)

    def first_for_sub_task(form: ProgressForm) -> None:
        assert form.row is None and str(form.task.value()).startswith("II.5.a|")
        assert shown_period(form) == "Quý III/2025"  # 20/11/2025: the quarter just ended
        type_text(form.achievements, "Đã rà soát, kiện toàn.")
        click(save_button(form))

    select_row(board.view, board_row(tasks_page, "II.5.a", sub_task=True))
    with answering(qtbot, fill(first_for_sub_task)):
        click(board.new_button)

    def none_yet(form: ProgressForm) -> None:  # "open the latest" of a task without one
        assert form.row is None and form.task.value() == "II.2.b"
        form.reject()

    select_row(board.view, board_row(tasks_page, "II.2.b"))
    with answering(qtbot, fill(none_yet)):
        click(board.open_button)
    states = {(r.plan_task_code, r.line.is_sub_task): r for r in board.model.all_rows()}
    assert states[("II.1.a", False)].percent == 80
    assert states[("II.5.a", True)].status is TaskStatus.DANG_TRIEN_KHAI
    assert states[("II.5.a", True)].period == Period.quarter(2025, 3)

    board.search.setText("quan triet")
    with answering(qtbot, save_as(tmp_path / "nhiem-vu.xlsx"), ok("Đã xuất ra")):
        click(board.export_button)
    sheet = load_workbook(tmp_path / "nhiem-vu.xlsx").active
    assert sheet is not None
    assert "Nhiệm vụ và tình trạng mới nhất" in str(sheet["A1"].value)
    exported = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(exported) == board.model.rowCount() >= 1
    assert exported[0][0] == "II.1.a" and exported[0][3] == "Đang triển khai (80 %)"


def test_missing_view(
    tasks_page: TasksPage, qtmodeltester: ModelTester, qtbot: QtBot, tmp_path: Path
) -> None:
    missing = tasks_page.missing
    tasks_page.tabs.setCurrentWidget(missing)
    qtmodeltester.check(missing.model, force_py=True)
    # 20/11/2025: the quarter just ended is shown first.
    assert missing.period() == Period.quarter(2025, 3)
    codes = [line.plan_task_code for line in missing.model.all_rows()]
    assert "II.1.a" not in codes and "II.1.b" not in codes and len(codes) == 13
    assert missing.summary.text() == (
        "Quý III/2025: 14 nhiệm vụ kế hoạch — đã báo cáo 2, chưa báo cáo 12; hoàn thành 1, "
        "thực hiện thường xuyên 0, đang triển khai 1, chưa triển khai 0."
    )
    missing.period_filter.set_period(Period.half(2025, 1))
    assert "II.1.a" not in [line.plan_task_code for line in missing.model.all_rows()]
    assert "II.1.b" in [line.plan_task_code for line in missing.model.all_rows()]
    first = missing.model.row_at(0)

    def write_h1(form: ProgressForm) -> None:
        assert form.task.value() == first.plan_task_code
        assert shown_period(form) == "6 tháng đầu năm/2025"
        type_text(form.achievements, "Đã triển khai.")
        click(save_button(form))

    select_row(missing.view, 0)
    with answering(qtbot, fill(write_h1)):
        click(missing.new_button)
    assert first.plan_task_code not in [line.plan_task_code for line in missing.model.all_rows()]
    with answering(qtbot, save_as(tmp_path / "chua-bao-cao.xlsx"), ok("Đã xuất ra")):
        click(missing.export_button)
    sheet = load_workbook(tmp_path / "chua-bao-cao.xlsx").active
    assert sheet is not None
    assert "Nhiệm vụ chưa báo cáo 6 tháng đầu năm 2025" in str(sheet["A1"].value)
    assert len(list(sheet.iter_rows(min_row=4))) == missing.model.rowCount()
    missing.period_filter.set_period(Period.quarter(2025, 3))
    # "Quý III/2025": a slash Excel refuses in names
    with answering(qtbot, save_as(tmp_path / "quy-3.xlsx"), ok("Đã xuất ra")):
        click(missing.export_button)
    book = load_workbook(tmp_path / "quy-3.xlsx")
    assert book.sheetnames == ["Nhiệm vụ chưa báo cáo Quý III-2"]
    assert "Quý III/2025" in str(book.active["A1"].value)


def test_the_city_records_progress_on_its_own_tasks(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    page = TasksPage(context_of(city_db), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    loaded(qtbot, page)
    board = page.board
    assert board.model.rowCount() == 19
    row = board.model.find_row(lambda s: s.plan_task_code == "III.3")

    def yearly_report(form: ProgressForm) -> None:
        choose(form.period_kind, "Năm")
        assert shown_period(form) == "Cả năm/2025"
        choose(form.status, "Hoàn thành")
        type_text(form.achievements, "Đã báo cáo Ban Thường vụ Thành ủy ngày 28/10/2025.")
        click(save_button(form))

    select_row(board.view, row)
    with answering(qtbot, fill(yearly_report)):
        click(board.new_button)
    state = board.model.row_at(row)
    assert (state.period, state.status) == (Period.whole_year(2025), TaskStatus.HOAN_THANH)
    assert count(city_db, TaskProgress, TaskProgress.plan_task_code == "III.3") == 1
    assert count(city_db, OfficeTask) == 0


def test_no_answer_no_form_left_open(
    q3_page: TasksPage, qtbot: QtBot, commune_db: Database
) -> None:
    """Cancel leaves everything as it was."""
    before = records(commune_db)
    select_row(q3_page.board.view, board_row(q3_page, "II.1.a"))
    with answering(qtbot, cancel()):
        click(q3_page.board.open_button)
    assert records(commune_db) == before
