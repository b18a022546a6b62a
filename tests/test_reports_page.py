"""The Báo cáo page: choose a report and period, preview the pages off the GUI thread, save
PDF or Excel; at the city, choose a commune or all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.enums import PeriodKind
from desktop.core.database import Database
from desktop.reports import registry
from desktop.reports.model import Paragraph
from desktop.reports.registry import ReportSpec
from desktop.reports.service import OutputFormat
from desktop.ui.context import AppContext
from desktop.ui.reports import ReportsPage
from desktop.ui.reports.reports_page import HAVE_QTPDF
from tests.test_reports_framework import TEST_SPEC, pdftotext


@pytest.fixture
def spec() -> Iterator[ReportSpec]:
    registry.register(TEST_SPEC)
    yield TEST_SPEC
    registry._REPORTS.pop(TEST_SPEC.name, None)


def make_page(qtbot: QtBot, database: Database) -> ReportsPage:
    office = database.office()
    assert office is not None
    page = ReportsPage(AppContext(database, office))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def choose(page: ReportsPage, name: str) -> None:
    page.report_combo.setCurrentIndex(page.report_combo.findData(name))


def test_qt_pdf_module_is_installed() -> None:
    assert HAVE_QTPDF, "PySide6-Pdf is a dependency: the preview needs QtPdf"


def test_preview_and_save(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, spec: ReportSpec, tmp_path: Path
) -> None:
    page = make_page(qtbot, commune_db)
    choose(page, spec.name)
    kinds = [page.kind_combo.itemData(i) for i in range(page.kind_combo.count())]
    assert kinds == [PeriodKind.QUARTER, PeriodKind.YEAR]
    assert page.kind_combo.itemText(0) == "Quý"
    assert page.number_combo.count() == 4 and page.number_combo.itemText(2) == "Quý III"
    page.year.setValue(2026)
    page.number_combo.setCurrentIndex(2)
    assert not page.commune_combo.isVisibleTo(page)
    page.preview()
    qtbot.waitUntil(lambda: page.made is not None, timeout=20_000)
    assert page.made is not None
    assert page.made.report.blocks()[0] == Paragraph("Đơn vị: 31120")
    qtbot.waitUntil(lambda: page.page_count() >= 1, timeout=5_000)
    assert "quý III năm 2026" in page.made.report.title

    target = tmp_path / "bao-cao.pdf"
    offered: list[Path] = []

    def choose_path(suggested: Path, fmt: OutputFormat) -> Path:
        offered.append(suggested)
        return target if fmt is OutputFormat.PDF else tmp_path / "bao-cao.xlsx"

    page.choose_path = choose_path  # type: ignore[method-assign]
    shown: list[str] = []
    import desktop.ui.reports.reports_page as module

    module.show_info = lambda _parent, text, title="": shown.append(text)  # type: ignore[assignment]
    try:
        page.save(OutputFormat.PDF)
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        assert target.read_bytes() == page.made.pdf  # exactly what was previewed
        assert offered[0].name == "test-tasks_31120_2026-Q3.pdf"
        assert "quý III năm 2026" in pdftotext(target)
        page.save(OutputFormat.XLSX)
        qtbot.waitUntil(lambda: len(shown) == 2, timeout=20_000)
        assert load_workbook(tmp_path / "bao-cao.xlsx").sheetnames == ["Thông tin", "Nhiệm vụ"]
        assert shown[1].startswith("Đã lưu báo cáo: ")
    finally:
        module.show_info = __import__("desktop.ui.dialogs", fromlist=["x"]).show_info


def test_bad_date_is_refused_before_any_work(
    qtbot: QtBot,
    vi_app: QApplication,
    commune_db: Database,
    spec: ReportSpec,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, commune_db)
    choose(page, spec.name)
    errors: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.reports.reports_page.show_error",
        lambda _parent, error, title="": errors.append(error.text()),
    )
    page.issued_on.setText("31/02/2026")
    page.preview()
    assert page.made is None
    assert errors and "ngày" in errors[0]


def test_city_chooses_a_commune_or_all(
    qtbot: QtBot, vi_app: QApplication, city_db: Database, spec: ReportSpec
) -> None:
    page = make_page(qtbot, city_db)
    assert page.commune_combo.count() == 104
    assert page.commune_combo.itemText(0) == "Tất cả xã, phường"
    choose(page, spec.name)
    page.commune_combo.setCurrentIndex(0)
    assert page.request().commune_code is None
    page.commune_combo.setCurrentIndex(page.commune_combo.findData("31150"))
    page.preview()
    qtbot.waitUntil(lambda: page.made is not None, timeout=20_000)
    assert page.made is not None
    assert page.made.report.blocks()[0] == Paragraph("Đơn vị: 31150")
