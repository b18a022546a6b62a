"""The Khoản vay page's new controls driven as a clerk drives them (issue 16): the
organisations' grades tab (its form with bad input first, delete with a question and undo,
history, export; read only at the city) and "In biên bản" on the checks list and in the
check form, answered through the real save dialogs, the PDF read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.enums import AuditAction, GroupGrade
from db.models import LoanCheck, OrganisationGrade
from desktop.core.database import Database
from desktop.core.loans.organisation_grades import (
    OrganisationGradeInput,
    create_organisation_grade,
)
from desktop.ui.loans.checks_tab import CheckForm, record_file_name
from desktop.ui.loans.organisation_grades_tab import OrganisationGradeForm
from desktop.ui.loans.page import LoansPage
from tests.clerk import (
    answering,
    cancel,
    choose,
    click,
    context_of,
    fill,
    loaded,
    ok,
    retype,
    save_as,
    save_button,
    select_row,
    type_text,
    yes,
)
from tests.loan_documents_data import LEADER, World, build
from tests.report_support import exported_list, flat, pdftotext
from tests.test_loans_ui import double_click_row, history_rows, open_tab, pick


@pytest.fixture
def world(commune_db: Database) -> World:
    made = build(commune_db)
    with commune_db.transaction() as session:
        create_organisation_grade(
            session, OrganisationGradeInput("HND", 2025, GroupGrade.TOT, "Chấm 92 điểm")
        )
    return made


@pytest.fixture
def page(qtbot: QtBot, vi_app: QApplication, commune_db: Database, world: World) -> LoansPage:
    widget = LoansPage(context_of(commune_db))
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


def grades_count(db: Database) -> int:
    with db.reading() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(OrganisationGrade)
                .where(OrganisationGrade.deleted_at.is_(None))
            )
            or 0
        )


# -- the organisations' grades ----------------------------------------------------------------


def test_the_grades_tab_sits_beside_the_groups(page: LoansPage) -> None:
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles.index("Xếp loại ủy thác") == titles.index("Tổ TK&&VV") + 1


def test_grades_add_edit_delete_undo_history_export(
    qtbot: QtBot, page: LoansPage, commune_db: Database, tmp_path: Path
) -> None:
    grades = open_tab(qtbot, page, "grades")
    assert [(r.year, r.organisation_name, r.grade) for r in grades.model.all_rows()] == [
        (2025, "Hội Nông dân", GroupGrade.TOT)
    ]

    def new_grade(form: OrganisationGradeForm) -> None:
        assert form.windowTitle() == "Xếp loại hoạt động nhận ủy thác"
        retype(form.year, "")
        type_text(form.notes, "Chấm 80 điểm")
        click(save_button(form))
        assert form.error_text("year") == "Không được để trống."
        assert form.error_text("organisation_code") == "Không được để trống."
        assert form.error_text("grade") == "Không được để trống."
        retype(form.year, "2099")
        choose(form.organisation, "Hội Nông dân")
        choose(form.grade, "Khá")
        click(save_button(form))
        assert form.error_text("year") == (
            "Năm 2099 chưa bắt đầu: chỉ xếp loại cho năm đã bắt đầu."
        )
        retype(form.year, "2025")
        click(save_button(form))
        assert form.error_text("year") == (
            "Hội Nông dân đã có xếp loại năm 2025; hãy sửa xếp loại đó."
        )
        assert form.isVisible() and form.notes.text() == "Chấm 80 điểm"  # nothing lost
        assert grades_count(commune_db) == 1  # nothing saved
        choose(form.organisation, "Đoàn Thanh niên Cộng sản Hồ Chí Minh")
        click(save_button(form))

    with answering(qtbot, fill(new_grade)):
        click(grades.add_button)
    qtbot.waitUntil(lambda: grades.model.rowCount() == 2, timeout=10_000)
    loaded(qtbot, grades)
    assert grades.selected().organisation_name == "Đoàn Thanh niên"

    def better(form: OrganisationGradeForm) -> None:
        assert form.year.text() == "2025" and form.notes.text() == "Chấm 80 điểm"
        choose(form.grade, "Tốt")
        click(save_button(form))

    with answering(qtbot, fill(better)):
        click(grades.edit_button)
    loaded(qtbot, grades)
    select_row(grades, organisation_code="DTN")
    assert grades.selected().grade is GroupGrade.TOT
    with answering(qtbot, yes("Xóa xếp loại năm 2025 của Đoàn Thanh niên? Có thể hoàn tác.")):
        click(grades.delete_button)
    qtbot.waitUntil(lambda: grades.model.rowCount() == 1, timeout=10_000)
    click(grades.undo_button)
    qtbot.waitUntil(lambda: grades.model.rowCount() == 2, timeout=10_000)
    loaded(qtbot, grades)
    select_row(grades, organisation_code="DTN")

    def changes(rows: list[Any]) -> None:
        assert [r.action for r in rows] == [
            AuditAction.RESTORE,
            AuditAction.DELETE,
            AuditAction.UPDATE,
            AuditAction.CREATE,
        ]
        assert "Khá → Tốt" in rows[2].changes

    with answering(qtbot, history_rows(changes)):
        click(grades.history_button)
    with answering(qtbot, save_as(tmp_path / "xep-loai.xlsx"), ok("Đã xuất ra")):
        click(grades.export_button)
    header, rows = exported_list(tmp_path / "xep-loai.xlsx")
    assert header == ["Năm", "Tổ chức", "Xếp loại", "Nhận xét"]
    assert sorted(tuple(r) for r in rows) == [
        ("2025", "Hội Nông dân", "Tốt", "Chấm 92 điểm"),
        ("2025", "Đoàn Thanh niên", "Tốt", "Chấm 80 điểm"),
    ]


def test_the_citys_grades_are_read_only_with_a_commune_filter(
    qtbot: QtBot, vi_app: QApplication, city_db: Database, tmp_path: Path
) -> None:
    from desktop.core import demo
    from desktop.core.office import list_communes

    with city_db.transaction() as s:
        codes = list(list_communes(s))[:2]
        demo.generate(
            s,
            scale=demo.DemoScale(borrowers=4, groups=1, hamlets=1, contributions_per_year=1),
            communes=codes,
            today=date(2026, 10, 5),
        )
    page = LoansPage(context_of(city_db))
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    grades = open_tab(qtbot, page, "grades")
    assert grades.columns[0].title == "Commune / ward"
    assert {r.commune_code for r in grades.model.all_rows()} == {c.code for c in codes}
    for name in ("add_button", "edit_button", "delete_button", "undo_button"):
        assert not getattr(grades, name).isVisible(), name
    grades.commune_combo.setCurrentIndex(grades.commune_combo.findData(codes[1].code))
    assert {r.commune_code for r in grades.model.visible_rows()} == {codes[1].code}
    with answering(qtbot):  # a double click opens no form
        double_click_row(grades.view, 0)
    with answering(qtbot, history_rows(lambda rows: None)):
        click(grades.history_button)
    with answering(qtbot, save_as(tmp_path / "xep-loai-tp.xlsx"), ok("Đã xuất ra")):
        click(grades.export_button)
    header, rows = exported_list(tmp_path / "xep-loai-tp.xlsx")
    assert header[0] == "Xã, phường" and {r[0] for r in rows} == {codes[1].name}


# -- printing the record of a check -------------------------------------------------------------


def test_print_the_record_of_the_selected_check(
    qtbot: QtBot, page: LoansPage, world: World, tmp_path: Path
) -> None:
    checks = open_tab(qtbot, page, "checks")
    select_row(checks, id=world.checks["L1"])
    assert record_file_name("Nguyễn Văn An", date(2025, 11, 15)) == (
        "Bien-ban-kiem-tra_Nguyen-Van-An_15-11-2025.pdf"
    )
    with answering(qtbot, cancel()):
        click(checks.print_button)  # changed their mind: nothing written
    target = tmp_path / "bien-ban.pdf"
    with answering(qtbot, save_as(target), ok("Đã lưu biên bản kiểm tra vào")):
        click(checks.print_button)
    text = flat(pdftotext(target, layout=False))
    assert "BIÊN BẢN" in text and "Kiểm tra sử dụng vốn vay" in text
    assert "Người vay: Ông Nguyễn Văn An" in text and "50.000.000 đồng" in text
    for party in ("NGƯỜI VAY", "TỔ TRƯỞNG TỔ TK&VV", "ĐẠI DIỆN HỘI NÔNG DÂN", LEADER):
        assert party in text


def test_the_check_form_saves_then_prints_its_record(
    qtbot: QtBot, page: LoansPage, commune_db: Database, tmp_path: Path
) -> None:
    checks = open_tab(qtbot, page, "checks")
    before = checks.model.rowCount()
    target = tmp_path / "bien-ban-moi.pdf"

    def new_check(form: CheckForm) -> None:
        retype(form.checked_on, "05/01/2026")
        click(form.print_button)  # nothing chosen yet: refused like Save, nothing printed
        assert form.error_text("loan_id") == "Chọn khoản vay được kiểm tra."
        assert form.error_text("result") == "Không được để trống."
        assert form.isVisible()
        click(form.loan.button)  # answered by pick() below
        choose(form.checker_kind, "Tổ TK&VV")
        choose(form.outcome, "Đúng mục đích")
        type_text(form.actual_use, "Mua 3 con heo nái")
        click(form.print_button)  # saves, then asks where to write the record

    with answering(
        qtbot,
        fill(new_check),
        pick("hd6", "HD6"),
        save_as(target),
        ok("Đã lưu biên bản kiểm tra vào"),
    ):
        click(checks.add_button)
    qtbot.waitUntil(lambda: checks.model.rowCount() == before + 1, timeout=10_000)
    with commune_db.reading() as s:
        assert s.scalar(select(func.count()).where(LoanCheck.actual_use == "Mua 3 con heo nái"))
    text = flat(pdftotext(target, layout=False))
    assert "Cái Khế, ngày 05 tháng 01 năm 2026" in text
    assert "Số tiền vay: 30.000.000 đồng; ngày giải ngân: 15/08/2025" in text
    assert "■ Đúng mục đích" in text and "Mua 3 con heo nái" in text
    assert f"Tổ trưởng Tổ Hội Nông dân KV1 (G1): {LEADER}" in text

    # An existing check, unchanged: printed as it is, nothing saved again.
    loaded(qtbot, checks)
    select_row(checks, contract_no="HD6")
    again = tmp_path / "lai.pdf"

    def reprint(form: CheckForm) -> None:
        assert not form.has_unsaved_changes()
        click(form.print_button)

    with answering(qtbot, fill(reprint), save_as(again), ok("Đã lưu biên bản kiểm tra vào")):
        click(checks.edit_button)
    assert "Mua 3 con heo nái" in pdftotext(again, layout=False)
    with commune_db.reading() as s:
        versions = s.scalars(
            select(LoanCheck.version).where(LoanCheck.actual_use == "Mua 3 con heo nái")
        ).all()
    assert versions == [1]
