"""Nhiệm vụ in the window: the progress form with its documents table (good and bad input,
typed in Vietnamese), sub-tasks, the progress list, the task board and the missing-records
view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.enums import PeriodKind, TaskStatus
from db.models import TaskDocument, TaskProgress
from desktop.core.database import Database
from desktop.core.periods import Period
from desktop.core.tasks.office_tasks import OfficeTaskInput, save_office_task
from desktop.core.tasks.progress import (
    DocumentInput,
    ProgressInput,
    get_progress,
    list_progress,
    save_progress,
)
from desktop.ui.context import AppContext
from desktop.ui.history import HistoryDialog
from desktop.ui.tasks.lists import OfficeTaskForm, OfficeTaskListPage, ProgressListPage
from desktop.ui.tasks.page import TasksPage
from desktop.ui.tasks.progress_form import DocumentsModel, ProgressForm
from tests.clerk import answering, click, ok, save_as
from tests.conftest import type_text


def context(db: Database) -> AppContext:
    office = db.office()
    assert office is not None
    return AppContext(db, office)


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
        return save_progress(s, ProgressInput(**values))


def count(db: Database, model: type, *where: Any) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def new_form(qtbot: QtBot, db: Database, **kwargs: Any) -> ProgressForm:
    form = ProgressForm(context(db), None, **kwargs)
    qtbot.addWidget(form)
    form.show()
    return form


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
    form.task.set_value("II.2.c")
    form.set_period(Period.quarter(2025, 2))
    form.status.set_value(TaskStatus.DANG_TRIEN_KHAI)
    assert form.percent.isEnabled()
    form.percent.setValue(60)
    type_text(form.achievements, "Phối hợp Hội Nông dân, Hội Phụ nữ rà soát 12 Tổ TK&VV.")
    type_text(form.difficulties, "Một số tổ hoạt động chưa đều.")
    form.documents.add_button.click()
    type_cell(form, 0, 0, "12")
    type_cell(form, 0, 1, "KH-UBND")
    type_cell(form, 0, 2, "05/04/2025")
    type_cell(form, 0, 3, "Kế hoạch kiểm tra hoạt động ủy thác")
    form.documents.add_button.click()
    form.documents.add_button.click()  # an empty line is simply left out
    type_cell(form, 1, 3, "Báo cáo kết quả rà soát", commit=False)
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    with commune_db.reading() as s:
        row = get_progress(s, form.saved_id)
    assert row is not None
    assert (row.plan_task_code, row.period, row.percent) == ("II.2.c", Period.quarter(2025, 2), 60)
    assert row.difficulties == "Một số tổ hoạt động chưa đều."
    assert sorted((d.reference, d.issued_on, d.summary) for d in row.documents) == [
        ("", None, "Báo cáo kết quả rà soát"),
        ("12/KH-UBND", date(2025, 4, 5), "Kế hoạch kiểm tra hoạt động ủy thác"),
    ]


def test_progress_form_shows_every_error_and_keeps_the_input(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = new_form(qtbot, commune_db)
    form.task.set_value(None)
    form.set_period(Period.half(2025, 1))
    form.percent.setValue(100)
    form.reported_on.setText("hôm qua")
    form.documents.add_button.click()
    type_cell(form, 0, 0, "7")
    type_cell(form, 0, 2, "32/13/2025")
    form.accept()
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
    form.status.set_value(TaskStatus.HOAN_THANH)
    assert not form.percent.isEnabled() and form.percent.value() == 100
    form.task.set_value("II.1.b")
    type_text(form.achievements, "Hoàn thành quán triệt.")
    form.reported_on.setText("")
    type_cell(form, 0, 2, "15/03/2025")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    assert count(commune_db, TaskDocument) == 1


def test_progress_form_refuses_a_second_record_for_the_period(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    record(commune_db, "II.1.a", 3)
    form = new_form(qtbot, commune_db, task="II.1.a", period=Period.quarter(2025, 3))
    assert form.task.value() == "II.1.a" and form.period_no.currentText() == "Quý III"
    type_text(form.achievements, "Báo cáo lần hai")
    form.accept()
    assert form.isVisible()
    assert form.general_error.text().startswith(
        "Nhiệm vụ II.1.a đã có báo cáo tiến độ Quý III/2025 (lưu ngày "
    )
    assert form.achievements.value() == "Báo cáo lần hai"
    assert count(commune_db, TaskProgress) == 1


def test_progress_form_refuses_a_period_that_has_not_started(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = new_form(qtbot, commune_db, task="II.1.a")
    form.period_kind.setCurrentIndex(form.period_kind.findData(PeriodKind.YEAR.value))
    form.year.setValue(date.today().year + 1)
    type_text(form.achievements, "Dự kiến")
    form.accept()
    assert form.error_text("period").endswith(
        "chưa bắt đầu; chỉ ghi tiến độ cho kỳ đang diễn ra hoặc đã qua."
    )


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
    with commune_db.reading() as s:
        row = get_progress(s, record_id)
    form = ProgressForm(context(commune_db), row)
    qtbot.addWidget(form)
    form.show()
    assert [line.number for line in form.documents.model.lines] == ["1", "2"]
    assert form.documents.model.lines[0].issued_on == "01/07/2025"
    form.documents.view.selectRow(1)
    form.documents.remove_button.click()
    type_cell(form, 0, 3, "Kế hoạch (bổ sung)")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    with commune_db.reading() as s:
        saved = get_progress(s, record_id)
    assert saved is not None and [d.summary for d in saved.documents] == ["Kế hoạch (bổ sung)"]
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
    form = OfficeTaskForm(context(commune_db), None)
    qtbot.addWidget(form)
    form.show()
    form.accept()
    assert form.error_text("parent") == "Chọn nhiệm vụ kế hoạch mà nhiệm vụ này thuộc về."
    assert form.error_text("title") == "Không được để trống."
    form.parent_task.set_value("II.5.a")
    type_text(form.title_edit, "Kiện toàn Tổ TK&VV khu vực Thới Hòa")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    again = OfficeTaskForm(context(commune_db), None)
    qtbot.addWidget(again)
    again.parent_task.set_value("II.5.a")
    type_text(again.title_edit, "kiện toàn tổ TK&VV khu vực thới hòa")
    again.accept()
    assert again.error_text("title") == (
        "Nhiệm vụ II.5.a đã có nhiệm vụ “kiện toàn tổ TK&VV khu vực thới hòa”."
    )


def answer_with(
    monkeypatch: pytest.MonkeyPatch, form_class: type, fill: Callable[[Any], None]
) -> None:
    def run(form: Any) -> int:
        fill(form)
        form.accept()
        return int(form.result())

    monkeypatch.setattr(form_class, "exec", run)


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
    page = ProgressListPage(context(commune_db))
    qtbot.addWidget(page)
    page.show()
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


def test_progress_list_delete_undo_history_and_export(
    progress_page: ProgressListPage,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
    commune_db: Database,
) -> None:
    page = progress_page
    asked: list[str] = []
    monkeypatch.setattr("desktop.ui.list_page.confirm", lambda _p, text: asked.append(text) or True)
    page.view.selectRow(0)
    chosen = page.selected()
    assert chosen is not None
    page.delete_button.click()
    assert asked[0].startswith("Xóa báo cáo tiến độ II.1.a – Quán triệt, tuyên truyền")
    assert asked[0].endswith("– Quý III/2025? Có thể hoàn tác.")
    assert page.model.rowCount() == 2
    page.undo_button.click()
    assert page.model.rowCount() == 3
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: shown.append(self) or 0)
    page.select_id(chosen.id)
    page.history_button.click()
    assert [r.action.value for r in shown[0].model.all_rows()] == ["restore", "delete", "create"]
    with answering(qtbot, save_as(tmp_path / "tien-do.xlsx"), ok("Đã xuất ra")):
        click(page.export_button)
    sheet = load_workbook(tmp_path / "tien-do.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert (
        len(rows) == 3 and rows[0][0] == "Quý III/2025" and rows[0][3] == "Đang triển khai (50 %)"
    )


def test_sub_task_list_deletes_with_its_records(
    qtbot: QtBot,
    vi_app: QApplication,
    commune_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    with commune_db.transaction() as s:
        sub = save_office_task(s, OfficeTaskInput("II.5.a", "Ra mắt Tổ TK&VV khu vực 2"))
    record(commune_db, "II.5.a", 3, office_task_id=sub)
    page = OfficeTaskListPage(context(commune_db))
    qtbot.addWidget(page)
    qtmodeltester.check(page.model, force_py=True)
    asked: list[str] = []
    monkeypatch.setattr("desktop.ui.list_page.confirm", lambda _p, text: asked.append(text) or True)
    page.view.selectRow(0)
    page.delete_button.click()
    assert asked == [
        "Xóa nhiệm vụ “Ra mắt Tổ TK&VV khu vực 2” cùng 1 báo cáo tiến độ của nó? Có thể hoàn tác."
    ]
    with commune_db.reading() as s:
        assert list_progress(s, "31120") == []
    page.undo_button.click()
    with commune_db.reading() as s:
        assert len(list_progress(s, "31120")) == 1
    assert page.model.all_rows()[0].progress_count == 1


@pytest.fixture
def tasks_page(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> TasksPage:
    with commune_db.transaction() as s:
        save_office_task(s, OfficeTaskInput("II.5.a", "Ra mắt Tổ TK&VV khu vực 2"))
    record(commune_db, "II.1.a", 2, percent=40)
    record(commune_db, "II.1.a", 3, percent=70)
    record(commune_db, "II.1.b", 3, status=TaskStatus.HOAN_THANH, percent=None)
    page = TasksPage(context(commune_db))
    qtbot.addWidget(page)
    page.show()
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


def test_board_opens_the_latest_record_or_a_new_one(
    tasks_page: TasksPage, monkeypatch: pytest.MonkeyPatch, commune_db: Database
) -> None:
    opened: list[ProgressForm] = []

    def fill(form: ProgressForm) -> None:
        opened.append(form)
        if form.row is None:
            form.set_period(Period.quarter(2025, 3))
            type_text(form.achievements, "Đã rà soát, kiện toàn.")
        else:
            form.percent.setValue(80)

    answer_with(monkeypatch, ProgressForm, fill)
    board = tasks_page.board
    board.view.selectRow(0)
    board.open_button.click()
    assert opened[-1].row is not None and opened[-1].row.percent == 70
    board.view.selectRow(
        next(i for i, r in enumerate(board.model.all_rows()) if r.line.is_sub_task)
    )
    board.new_button.click()
    assert opened[-1].row is None and opened[-1].task.value().startswith("II.5.a|")
    states = {(r.plan_task_code, r.line.is_sub_task): r for r in board.model.all_rows()}
    assert states[("II.1.a", False)].percent == 80
    assert states[("II.5.a", True)].status is TaskStatus.DANG_TRIEN_KHAI


def test_missing_view(
    tasks_page: TasksPage,
    qtmodeltester: ModelTester,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    missing = tasks_page.missing
    tasks_page.tabs.setCurrentWidget(missing)
    qtmodeltester.check(missing.model, force_py=True)
    missing.period_filter.set_period(Period.quarter(2025, 3))
    codes = [line.plan_task_code for line in missing.model.all_rows()]
    assert "II.1.a" not in codes and "II.1.b" not in codes and len(codes) == 13
    assert missing.summary.text() == (
        "Quý III/2025: 14 nhiệm vụ kế hoạch — đã báo cáo 2, chưa báo cáo 12; hoàn thành 1, "
        "thực hiện thường xuyên 0, đang triển khai 1, chưa triển khai 0."
    )
    missing.period_filter.set_period(Period.half(2025, 1))
    assert "II.1.a" not in [line.plan_task_code for line in missing.model.all_rows()]
    assert "II.1.b" in [line.plan_task_code for line in missing.model.all_rows()]
    opened: list[ProgressForm] = []
    monkeypatch.setattr(ProgressForm, "exec", lambda self: opened.append(self) or 0)
    missing.view.selectRow(0)
    missing.new_button.click()
    assert opened[0].year.value() == 2025 and opened[0].period_no.currentText() == "6 tháng đầu năm"
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
