"""Cài đặt's "Văn bản, báo cáo" and the Báo cáo page, driven as a clerk does: choose the
issuing body, the signers and the plan's number by clicking and typing, save, find them
remembered in a new window; see on the Báo cáo page who issues the report and what it lacks
(a signer, the plan's number) until it is set; edit the recipients and find them kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.database import Database
from desktop.core.issuers import Body, document_settings
from desktop.core.plan_reference import plan_reference
from desktop.reports.recipients import default_recipients
from desktop.ui.main_window import MainWindow
from desktop.ui.reports.reports_page import RecipientsDialog
from tests.clerk import (
    answering,
    cancel,
    click,
    commit_text,
    fill,
    make_window,
    ok,
    save_as,
    save_button,
    type_text,
)
from tests.report_support import MOTTO, PARTY, flat, pdftotext
from tests.test_main_window import settings_page
from tests.test_reports_page import choose, preview, reports_page


def set_text(field: QWidget, text: str) -> None:
    field.clear()  # type: ignore[attr-defined]
    commit_text(field, text)


def fill_party_settings(window: MainWindow) -> None:
    page = settings_page(window)
    assert page.documents_box.office_body is not None
    page.documents_box.office_body.setCurrentIndex(
        page.documents_box.office_body.findData(Body.DANG_UY.value)
    )
    assert page.documents_box.office_body.currentText() == "Đảng ủy phường Cái Khế"
    assert page.documents_box.body_labels[Body.DANG_UY].text() == "Đảng ủy phường Cái Khế"
    position = page.documents_box.signer_titles[Body.DANG_UY]
    position.setCurrentIndex(position.findText("Phó Bí thư"))
    set_text(page.documents_box.signer_names[Body.DANG_UY], "Huỳnh Thị Thu Ba")
    set_text(page.documents_box.signer_names[Body.MTTQ], "Lê Thị Hoa")
    set_text(page.documents_box.plan_number, "215")
    type_text(page.documents_box.plan_date, "15/8/2025")
    click(page.documents_box.save_documents)
    assert page.documents_box.documents_error.text() == "Đã lưu."
    assert page.documents_box.plan_number.text() == "215-KH/TU", "shown as the plan writes it"


def test_a_party_office_sets_up_its_documents_and_reports(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    window = make_window(qtbot, commune_db)
    reports = reports_page(window)
    choose(reports, "commune-plan")
    assert reports.issuer_label.text() == (
        "Ủy ban nhân dân phường Cái Khế (thể thức Nghị định 30/2020)"
    )
    warnings = reports.warnings.text()
    assert "Chưa có người ký cho Ủy ban nhân dân phường Cái Khế" in warnings
    assert "Chưa ghi số và ngày của Kế hoạch" in warnings
    assert "Cài đặt, mục “Văn bản, báo cáo”" in warnings

    fill_party_settings(window)
    office = commune_db.office()
    assert office is not None
    with commune_db.reading() as session:
        stored = document_settings(session, office)
        assert stored.office_body is Body.DANG_UY and stored.fund_body is Body.MTTQ
        assert stored.signers[Body.DANG_UY].title == "Phó Bí thư"
        assert stored.signers[Body.DANG_UY].name == "Huỳnh Thị Thu Ba"
        assert plan_reference(session).issued_on == date(2025, 8, 15)

    # Back on the Báo cáo page: the Đảng ủy issues the report, nothing is missing.
    reports = reports_page(window)
    assert reports.issuer_label.text().startswith(
        "Đảng ủy phường Cái Khế (thể thức văn bản của Đảng"
    )
    assert reports.warnings.text() == "" and not reports.warnings.isVisible()
    assert "Hội Nông dân phường" in reports.recipients_label.toolTip()
    choose(reports, "fund")
    assert reports.issuer_label.text().startswith("Ủy ban Mặt trận Tổ quốc Việt Nam phường")
    assert "Chưa ghi chức vụ người ký" in reports.warnings.text()
    choose(reports, "commune-plan")
    reports.doc_number.setText("125")
    preview(qtbot, reports)
    pdf = tmp_path / "bao-cao.pdf"
    with answering(qtbot, save_as(pdf), ok("Đã lưu báo cáo")):
        click(reports.pdf_button)
    text = pdftotext(pdf)
    assert "Số 125-BC/ĐU" in text and PARTY in text and MOTTO not in text
    assert "T/M ĐẢNG ỦY" in text and "PHÓ BÍ THƯ" in text and "Huỳnh Thị Thu Ba" in text
    assert "Kế hoạch số 215-KH/TU ngày 15/8/2025 của Ban Thường vụ Thành ủy" in flat(text)

    # A new window (TDCS opened again) shows what was saved.
    again = make_window(qtbot, commune_db)
    page = settings_page(again)
    assert (
        page.documents_box.office_body is not None
        and page.documents_box.office_body.value() == "dang-uy"
    )
    assert page.documents_box.signer_titles[Body.DANG_UY].currentText() == "Phó Bí thư"
    assert page.documents_box.signer_names[Body.DANG_UY].text() == "Huỳnh Thị Thu Ba"
    assert page.documents_box.plan_date.text() == "15/08/2025"


def test_bad_document_settings_are_refused_and_nothing_changes(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    window = make_window(qtbot, commune_db)
    page = settings_page(window)
    set_text(page.documents_box.plan_number, "KH-215")
    type_text(page.documents_box.plan_date, "31/02/2026")
    set_text(page.documents_box.signer_names[Body.UBND], "x" * 101)
    assert page.documents_box.office_body is not None
    page.documents_box.office_body.setCurrentIndex(
        page.documents_box.office_body.findData(Body.MTTQ.value)
    )
    click(page.documents_box.save_documents)
    message = page.documents_box.documents_error.text()
    assert "Quá dài: tối đa 100 ký tự." in message
    assert "Ghi số của Kế hoạch như khi đăng ký, ví dụ 215-KH/TU." in message
    assert "ngày" in message.splitlines()[-1]
    assert page.documents_box.plan_number.text() == "KH-215", "what was typed stays"
    office = commune_db.office()
    assert office is not None and office.signer_name == ""
    with commune_db.reading() as session:
        assert document_settings(session, office).office_body is Body.UBND
        assert plan_reference(session).number == ""
    # A date before the plan it replaced.
    set_text(page.documents_box.signer_names[Body.UBND], "Trần Văn Mẫu")
    set_text(page.documents_box.plan_number, "215-KH/TU")
    page.documents_box.plan_date.clear()
    type_text(page.documents_box.plan_date, "01/03/2025")
    click(page.documents_box.save_documents)
    assert "386-KH/TU ngày 12/03/2025" in page.documents_box.documents_error.text()
    with commune_db.reading() as session:
        assert plan_reference(session).number == ""


def test_recipients_are_edited_and_kept(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    window = make_window(qtbot, commune_db)
    page = reports_page(window)
    choose(page, "loan-quality")
    assert page.preflight is not None
    defaults = page.preflight.defaults
    assert defaults == default_recipients("loan-quality", page.preflight.issuer)
    assert "Trưởng các khu vực" in defaults, "a ward's loan lists go to its hamlet heads"
    assert page.recipients_label.text() == f"{len(defaults)} nơi nhận"

    def too_long(dialog: QWidget) -> None:
        assert isinstance(dialog, RecipientsDialog)
        dialog.editor.setPlainText("x" * 201)
        click(save_button(dialog))
        assert "tối đa 200 ký tự" in dialog.error.text()
        assert dialog.isVisible(), "the list stays open to be corrected"
        dialog.reject()

    with answering(qtbot, fill(too_long)):
        click(page.recipients_button)
    assert page.recipients_label.text() == f"{len(defaults)} nơi nhận"

    def shorten(dialog: QWidget) -> None:
        assert isinstance(dialog, RecipientsDialog)
        assert dialog.editor.toPlainText().splitlines() == list(defaults)
        dialog.editor.setPlainText(
            "- Thường trực Đảng ủy phường;\nPhòng giao dịch NHCSXH\n\nLưu: VT"
        )
        click(save_button(dialog))

    with answering(qtbot, fill(shorten)):
        click(page.recipients_button)
    assert page.recipients_label.text() == "3 nơi nhận"
    preview(qtbot, page)
    assert page.made is not None
    assert page.made.report.letterhead.recipients == (
        "Thường trực Đảng ủy phường",
        "Phòng giao dịch NHCSXH",
        "Lưu: VT",
    )
    # Kept for this report (not for the others), in a new window too.
    again = reports_page(make_window(qtbot, commune_db))
    choose(again, "loan-quality")
    assert again.recipients_label.text() == "3 nơi nhận"
    choose(again, "commune-plan")
    assert (
        again.recipients_label.text()
        == f"{len(default_recipients('commune-plan', again.preflight.issuer))} nơi nhận"
    )
    choose(again, "loan-quality")

    def back_to_defaults(dialog: QWidget) -> None:
        assert isinstance(dialog, RecipientsDialog)
        click(dialog.defaults_button)
        assert dialog.editor.toPlainText().splitlines() == list(defaults)
        click(save_button(dialog))

    with answering(qtbot, fill(back_to_defaults)):
        click(again.recipients_button)
    assert again.recipients_label.text() == f"{len(defaults)} nơi nhận"
    with answering(qtbot, cancel()):
        click(again.recipients_button)


def test_the_city_sees_who_issues_each_report(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    window = make_window(qtbot, city_db)
    settings = settings_page(window)
    assert settings.documents_box.office_body is None, "the city's issuing bodies are fixed"
    assert set(settings.documents_box.signer_names) == {Body.UBND, Body.THANH_UY, Body.MTTQ}
    assert settings.documents_box.body_labels[Body.THANH_UY].text() == "Thành ủy Cần Thơ"
    set_text(settings.documents_box.signer_names[Body.THANH_UY], "Đồng Văn Thanh")
    position = settings.documents_box.signer_titles[Body.THANH_UY]
    position.setCurrentIndex(position.findText("Bí thư"))
    click(settings.documents_box.save_documents)
    assert settings.documents_box.documents_error.text() == "Đã lưu."
    page = reports_page(window)
    choose(page, "city-yearly", quarter=None)
    assert page.issuer_label.text().startswith("Thành ủy Cần Thơ (thể thức văn bản của Đảng")
    assert "người ký" not in page.warnings.text()
    assert "Ban Chính sách, chiến lược Trung ương" in page.recipients_label.toolTip()
    choose(page, "commune-plan")
    page.commune_combo.setCurrentIndex(page.commune_combo.findData("31120"))
    assert page.issuer_label.text() == (
        "Ủy ban nhân dân phường Cái Khế (thể thức Nghị định 30/2020) — bản lập từ số liệu "
        "của xã, phường"
    )
    assert "người ký" not in page.warnings.text(), "a copy is signed by no one"
    choose(page, "loan-quality")
    page.commune_combo.setCurrentIndex(0)
    assert page.issuer_label.text().startswith("Ủy ban nhân dân thành phố Cần Thơ")
    assert "Chưa có người ký cho Ủy ban nhân dân thành phố Cần Thơ" in page.warnings.text()
    assert "Trung ương" not in page.recipients_label.toolTip()
