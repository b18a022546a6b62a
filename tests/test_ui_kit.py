"""The shared page kit: inputs, the record form and the list page, driven through a small
hamlet list built on them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from db.enums import HouseholdCategory
from desktop.core import validation
from desktop.core.database import Database
from desktop.core.errors import ErrorCollector
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import (
    HamletInfo,
    add_hamlet,
    delete_hamlet,
    list_hamlets,
    rename_hamlet,
    restore_hamlet,
)
from desktop.ui.context import AppContext
from desktop.ui.forms import RecordForm
from desktop.ui.history import HistoryDialog
from desktop.ui.inputs import DateEdit, EnumCombo, MoneyEdit
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import Column
from tests.clerk import answering, click, loaded, no, ok, save_as, type_text, yes


class HamletForm(RecordForm[str]):
    def __init__(self, database: Database, row: HamletInfo | None) -> None:
        super().__init__("Ấp", editing=row, create=add_hamlet, update=rename_hamlet)
        self.database, self.row = database, row
        self.name = self.add_field("name", "Tên", QLineEdit(row.name if row else ""))
        self.since = self.add_field("since", "Từ ngày", DateEdit())

    def read(self, errors: ErrorCollector) -> str:
        name = errors.check(validation.required_text, self.name.text(), "name")
        errors.check(self.since.value, "since", required=False)
        return name or ""


class HamletPage(ListPage[HamletInfo]):
    title = QT_TRANSLATE_NOOP("Test", "Hamlets")
    columns = (Column[HamletInfo](QT_TRANSLATE_NOOP("Test", "Name"), lambda h: h.name),)
    record_types = ("hamlet",)
    form_answers: ClassVar[list[str]] = []

    def load_rows(self, session: Session) -> list[HamletInfo]:
        return list_hamlets(session)

    def open_form(self, row: HamletInfo | None) -> bool:
        form = HamletForm(self.context.database, row)
        form.name.setText(self.form_answers.pop(0))
        form.accept()
        return form.result() == 1

    def delete_row(self, session: Session, row: HamletInfo) -> int:
        return delete_hamlet(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_hamlet(session, record_id, expected_version=version)

    def describe(self, row: HamletInfo) -> str:
        return row.name


@pytest.fixture
def page(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> HamletPage:
    office = commune_db.office()
    assert office is not None
    widget = HamletPage(AppContext(commune_db, office))
    qtbot.addWidget(widget)
    widget.show()
    loaded(qtbot, widget)
    return widget


def test_money_edit_accepts_what_people_type(qtbot: QtBot, vi_app: QApplication) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    type_text(edit, "1,5 triệu")
    assert edit.value() == 1_500_000
    edit.editingFinished.emit()
    assert edit.text() == "1.500.000"
    edit.setText("abc")
    with pytest.raises(validation.ValidationError) as caught:
        edit.value("amount")
    assert caught.value.text() == "Nhập số tiền bằng đồng, ví dụ 1.500.000 hoặc 1,5 triệu."
    edit.setText("")
    assert edit.value(required=False) is None


def test_date_edit_and_enum_combo(qtbot: QtBot, vi_app: QApplication) -> None:
    edit = DateEdit()
    qtbot.addWidget(edit)
    type_text(edit, "5/2/2026")
    edit.editingFinished.emit()
    assert edit.text() == "05/02/2026" and edit.value() == date(2026, 2, 5)
    combo: EnumCombo[HouseholdCategory] = EnumCombo(HouseholdCategory)
    qtbot.addWidget(combo)
    assert combo.itemText(0) == "Hộ nghèo"
    combo.set_value(HouseholdCategory.MOI_THOAT_NGHEO)
    assert combo.value() is HouseholdCategory.MOI_THOAT_NGHEO


def test_form_shows_every_error_under_its_field_and_keeps_input(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    form = HamletForm(commune_db, None)
    qtbot.addWidget(form)
    form.show()
    form.name.setText("   ")
    form.since.setText("31/02/2026")
    form.accept()
    assert form.isVisible()
    assert form.error_text("name") == "Không được để trống."
    assert form.error_text("since") == "Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày."
    assert form.since.text() == "31/02/2026"
    form.name.setText("Khu vực 1")
    form.since.setText("")
    form.accept()
    assert form.error_text("name") == ""
    assert "Khu vực 1 đã có trong danh sách." in form.general_error.text()
    assert form.isVisible() and form.save_button.isEnabled()


def test_form_creates_or_updates_and_refuses_a_stale_edit(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    new = HamletForm(commune_db, None)
    qtbot.addWidget(new)
    new.name.setText("Khu vực Mới")
    new.accept()
    assert new.result() == 1 and new.saved_id is not None
    with commune_db.reading() as s:
        (row,) = [h for h in list_hamlets(s) if h.id == new.saved_id]
    form = HamletForm(commune_db, row)
    qtbot.addWidget(form)
    form.show()
    with commune_db.transaction() as s:  # someone else renames it meanwhile
        rename_hamlet(s, row.id, "Khu vực Khác", expected_version=row.version)
    form.name.setText("Khu vực Của Tôi")
    form.accept()
    assert form.isVisible() and form.name.text() == "Khu vực Của Tôi"
    assert "người khác" in form.general_error.text()
    with commune_db.reading() as s:
        assert [h.name for h in list_hamlets(s) if h.id == row.id] == ["Khu vực Khác"]


def test_list_page_add_edit_delete_undo(
    page: HamletPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert [h.name for h in page.model.visible_rows()] == ["Khu vực 1", "Khu vực 2"]
    assert page.status.text() == "2 / 2 dòng"
    page.form_answers[:] = ["Khu vực Thới Hòa"]
    click(page.add_button)
    assert page.model.rowCount() == 3
    page.search.setText("thoi hoa")
    assert [h.name for h in page.model.visible_rows()] == ["Khu vực Thới Hòa"]
    assert page.status.text() == "1 / 3 dòng"
    page.view.selectRow(0)
    page.form_answers[:] = ["Khu vực Thới Hòa A"]
    click(page.edit_button)
    assert page.selected() is not None and page.selected().name == "Khu vực Thới Hòa A"  # type: ignore[union-attr]
    with answering(qtbot, yes("Xóa Khu vực Thới Hòa A? Có thể hoàn tác.")):
        click(page.delete_button)
    assert page.model.rowCount() == 0 and page.undo_button.isEnabled()
    click(page.undo_button)
    assert [h.name for h in page.model.visible_rows()] == ["Khu vực Thới Hòa A"]
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: shown.append(self) or 0)
    page.view.selectRow(0)
    page.history_button.click()
    actions = [r.action.value for r in shown[0].model.all_rows()]
    assert actions == ["restore", "delete", "update", "create"]
    assert (
        shown[0].model.data(shown[0].model.index(2, 6))
        == "Tên: Khu vực Thới Hòa → Khu vực Thới Hòa A"
    )


def test_delete_needs_confirmation(page: HamletPage, qtbot: QtBot) -> None:
    page.view.selectRow(0)
    with answering(qtbot, no("Xóa Khu vực 1? Có thể hoàn tác.")):
        click(page.delete_button)
    assert page.model.rowCount() == 2 and not page.undo_button.isEnabled()


def test_list_page_exports_what_is_shown(
    page: HamletPage, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.search.setText("2")
    with answering(qtbot, save_as(tmp_path / "ap"), ok("Đã xuất ra")):
        click(page.export_button)
    sheet = load_workbook(tmp_path / "ap.xlsx").active
    assert sheet is not None
    assert [row[0].value for row in sheet.iter_rows(min_row=4)] == ["Khu vực 2"]
    assert "Ủy ban nhân dân phường Cái Khế" in str(sheet["A1"].value)
