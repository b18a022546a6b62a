"""The Báo cáo page, driven as a clerk does: choose a report and its period, press Xem trước,
zoom the pages, go to another page and come back (the preview is still there), save the PDF
and the workbook through the real save dialog under a Vietnamese name, and open the file
from the message that says where it went. At the city, a commune or all of them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from db.enums import ContributionForm, DonorType, PeriodKind
from desktop.core.database import Database
from desktop.core.funds.fund import ContributionInput, create_contribution
from desktop.core.periods import Period
from desktop.reports import registry
from desktop.reports.model import Paragraph
from desktop.reports.registry import ReportRequest, ReportSpec, get_report
from desktop.reports.service import OutputFormat, suggested_file_name
from desktop.ui.main_window import MainWindow
from desktop.ui.reports import ReportsPage
from desktop.ui.reports.reports_page import HAVE_QTPDF
from tests.clerk import (
    Answer,
    answering,
    cancel,
    click,
    make_window,
    message_button,
    ok,
    save_as,
    type_text,
)
from tests.report_support import flat, pdftotext
from tests.test_reports_framework import TEST_SPEC


@pytest.fixture
def spec() -> Iterator[ReportSpec]:
    registry.register(TEST_SPEC)
    yield TEST_SPEC
    registry._REPORTS.pop(TEST_SPEC.name, None)


class OpenedFiles(QObject):
    """Stands in for the program Windows opens a file with: ``QDesktopServices.openUrl``
    hands ``file:`` addresses to it instead of starting a PDF reader."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[Path] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.paths.append(Path(url.toLocalFile()))


@pytest.fixture
def opened() -> Iterator[OpenedFiles]:
    handler = OpenedFiles()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


def reports_page(window: MainWindow) -> ReportsPage:
    page = window.open_page("reports")
    assert isinstance(page, ReportsPage)
    return page


def choose(page: ReportsPage, name: str, year: int = 2026, quarter: int | None = 3) -> None:
    page.report_combo.setCurrentIndex(page.report_combo.findData(name))
    page.year.setValue(year)
    kind = PeriodKind.QUARTER if quarter else PeriodKind.YEAR
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind.value))
    if quarter:
        page.number_combo.setCurrentIndex(page.number_combo.findData(quarter))


def preview(qtbot: QtBot, page: ReportsPage) -> None:
    click(page.preview_button)
    qtbot.waitUntil(lambda: page.made is not None and page.page_count() >= 1, timeout=30_000)
    qtbot.waitUntil(page.fit_button.isEnabled)


def proposed(names: list[Path], then: Answer) -> Answer:
    """Note the file the save dialog proposes, then answer it with ``then``."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        names.append(Path(dialog.selectedFiles()[0]))
        then(dialog)

    return answer


def gifts(database: Database) -> None:
    """Two gifts in the third quarter of 2026 (3.000.000 + 2.500.000 = 5.500.000 đ) and one
    in the fourth, which a report for the third quarter must leave out."""
    with database.transaction() as session:
        for donor, amount, day in (
            ("Công ty TNHH Sông Hậu Xanh", 3_000_000, date(2026, 7, 15)),
            ("Bà Lâm Thị Mỹ Duyên", 2_500_000, date(2026, 8, 20)),
            ("Ông Tạ Văn Lực", 9_000_000, date(2026, 10, 2)),
        ):
            create_contribution(
                session,
                ContributionInput(
                    donor, DonorType.CA_NHAN, ContributionForm.TIEN_MAT, amount, day, 2026
                ),
                today=date(2026, 12, 31),
            )


def test_qt_pdf_module_is_installed() -> None:
    assert HAVE_QTPDF, "PySide6-Pdf is a dependency: the preview needs QtPdf"


def test_commune_previews_zooms_keeps_and_saves_the_report(
    qtbot: QtBot,
    vi_app: QApplication,
    commune_db: Database,
    tmp_path: Path,
    opened: OpenedFiles,
) -> None:
    gifts(commune_db)
    window = make_window(qtbot, commune_db, width=1024)
    page = reports_page(window)
    choose(page, "fund")
    assert page.number_combo.currentText() == "Quý III"
    assert not page.commune_combo.isVisibleTo(page)
    assert not page.fit_button.isEnabled(), "nothing to zoom before a preview"
    preview(qtbot, page)
    assert "Quý III/2026" in page.status.text()

    # Zoom: the page starts fitted to the width, which at 1024×768 is about its printed size.
    fitted = page.zoom_factor()
    assert 0.85 < fitted < 1.2, fitted
    assert page.fit_button.isChecked()
    assert page.zoom_label.text() == f"{round(fitted * 100)} %"
    click(page.zoom_in_button)
    assert page.zoom_factor() == pytest.approx(fitted * 1.25)
    assert page.zoom_label.text() == f"{round(fitted * 125)} %"
    assert not page.fit_button.isChecked()
    click(page.zoom_out_button)
    click(page.zoom_out_button)
    assert page.zoom_factor() == pytest.approx(fitted / 1.25)
    click(page.fit_button)
    assert page.fit_button.isChecked() and page.zoom_factor() == pytest.approx(fitted)
    for _ in range(12):  # a clerk who keeps pressing "−" stops at the smallest size
        if page.zoom_out_button.isEnabled():
            click(page.zoom_out_button)
    assert page.zoom_label.text() == "25 %" and not page.zoom_out_button.isEnabled()
    click(page.fit_button)

    # Another page and back: the preview is still there.
    made, status = page.made, page.status.text()
    window.nav.setCurrentRow(window.page_index("funds"))
    window.nav.setCurrentRow(window.page_index("reports"))
    assert window.stack.currentWidget() is page
    assert page.made is made and page.page_count() >= 1 and page.status.text() == status

    # Save the PDF: a Vietnamese name in the reports folder, then open the file.
    offered: list[Path] = []
    pdf = tmp_path / "quy.pdf"
    with answering(
        qtbot, proposed(offered, save_as(pdf)), message_button("Mở tệp", "Đã lưu báo cáo")
    ):
        click(page.pdf_button)
    assert offered == [commune_db.paths.reports / "Quy-Vi-nguoi-ngheo-quy-III-2026_Cai-Khe.pdf"]
    assert made is not None and pdf.read_bytes() == made.pdf, "exactly what was previewed"
    assert opened.paths == [pdf]
    text = flat(pdftotext(pdf))
    assert "quý III năm 2026" in text
    assert "5.500.000" in text, "the two gifts of the quarter"
    assert "9.000.000" not in text, "the gift of October is not in the third quarter"

    # And the workbook, opening its folder this time.
    xlsx = tmp_path / "quy.xlsx"
    with answering(
        qtbot, proposed(offered, save_as(xlsx)), message_button("Mở thư mục", "Đã lưu báo cáo")
    ):
        click(page.xlsx_button)
    assert offered[1].name == "Quy-Vi-nguoi-ngheo-quy-III-2026_Cai-Khe.xlsx"
    assert opened.paths[1] == tmp_path
    book = load_workbook(xlsx)
    numbers = {
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, int)
    }
    assert 5_500_000 in numbers and 9_000_000 not in numbers


def test_changed_choices_take_the_preview_away(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, spec: ReportSpec
) -> None:
    window = make_window(qtbot, commune_db, width=1024)
    page = reports_page(window)
    choose(page, spec.name)
    preview(qtbot, page)
    page.doc_number.setText("12")  # the number is printed: the preview no longer shows it
    assert page.made is None and page.page_count() == 0
    assert "bấm Xem trước" in page.status.text()
    assert not page.zoom_in_button.isEnabled()
    preview(qtbot, page)
    assert page.made is not None and page.made.request.number == "12"
    page.number_combo.setCurrentIndex(page.number_combo.findData(2))
    assert page.made is None


def test_cancelled_save_writes_nothing(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, spec: ReportSpec
) -> None:
    window = make_window(qtbot, commune_db, width=1024)
    page = reports_page(window)
    choose(page, spec.name)
    with answering(qtbot, cancel()):
        click(page.pdf_button)
    assert not any(commune_db.paths.reports.iterdir())
    assert page.pdf_button.isEnabled()


def test_save_into_an_unwritable_place_says_so(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, spec: ReportSpec, tmp_path: Path
) -> None:
    window = make_window(qtbot, commune_db, width=1024)
    page = reports_page(window)
    choose(page, spec.name)
    preview(qtbot, page)
    # The USB stick is pulled out between the save dialog and the writing: where its folder
    # was there is now something else.
    stick = tmp_path / "usb"
    stick.mkdir()
    target = stick / "bao-cao.pdf"

    def choose_then_pull_out(dialog: QWidget) -> None:
        save_as(target)(dialog)
        stick.rmdir()
        stick.write_text("not a folder")

    with answering(qtbot, choose_then_pull_out, ok("Không ghi được tệp")):
        click(page.pdf_button)
    assert stick.read_text() == "not a folder"
    assert page.pdf_button.isEnabled() and page.made is not None


def test_bad_date_is_refused_before_any_work(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, spec: ReportSpec
) -> None:
    window = make_window(qtbot, commune_db, width=1024)
    page = reports_page(window)
    choose(page, spec.name)
    page.issued_on.clear()
    type_text(page.issued_on, "31/02/2026")
    with answering(qtbot, ok("ngày")):
        click(page.preview_button)
    assert page.made is None


def test_city_previews_and_saves_for_one_commune_or_all(
    qtbot: QtBot,
    vi_app: QApplication,
    city_db: Database,
    spec: ReportSpec,
    tmp_path: Path,
) -> None:
    window = make_window(qtbot, city_db, width=1024)
    page = reports_page(window)
    assert page.commune_combo.count() == 104
    assert page.commune_combo.itemText(0) == "Tất cả xã, phường"
    choose(page, spec.name)
    page.commune_combo.setCurrentIndex(0)
    assert page.request().commune_code is None
    offered: list[Path] = []
    with answering(qtbot, proposed(offered, cancel())):
        click(page.xlsx_button)
    assert offered[0].name == "Reports-quy-III-2026_Toan-thanh-pho.xlsx"

    page.commune_combo.setCurrentIndex(page.commune_combo.findData("31150"))
    preview(qtbot, page)
    assert page.made is not None
    assert page.made.report.blocks()[0] == Paragraph("Đơn vị: 31150")
    click(page.zoom_in_button)
    pdf = tmp_path / "xa.pdf"
    with answering(qtbot, proposed(offered, save_as(pdf)), ok("Đã lưu báo cáo")):
        click(page.pdf_button)
    assert offered[1].name == "Reports-quy-III-2026_An-Binh.pdf"  # 31150 is An Bình
    assert "Đơn vị: 31150" in pdftotext(pdf)


@pytest.mark.parametrize(
    ("name", "period", "unit", "expected"),
    [
        (
            "commune-plan",
            Period.quarter(2026, 3),
            "Cái Khế",
            "Bao-cao-ke-hoach-quy-III-2026_Cai-Khe",
        ),
        (
            "loan-quality",
            Period.half(2026, 1),
            "Thới An Đông",
            "Chat-luong-tin-dung-6-thang-dau-2026_Thoi-An-Dong",
        ),
        ("fund", Period.half(2025, 2), "Ô Môn", "Quy-Vi-nguoi-ngheo-6-thang-cuoi-2025_O-Mon"),
        (
            "unchecked-loans",
            Period.whole_year(2026),
            None,
            "Khoan-vay-chua-kiem-tra-nam-2026_Toan-thanh-pho",
        ),
        (
            "city-yearly",
            Period.whole_year(2026),
            None,
            "Bao-cao-Chi-thi-39-nam-2026_Toan-thanh-pho",
        ),
    ],
)
def test_report_file_names_say_what_they_hold(
    name: str, period: Period, unit: str | None, expected: str
) -> None:
    request = ReportRequest(period, None, date(2026, 10, 5))
    for fmt in OutputFormat:
        got = suggested_file_name(get_report(name), request, fmt, unit)
        assert got == f"{expected}.{fmt}"
        assert got.isascii() and name not in got
