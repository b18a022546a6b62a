"""The main window: the product's navigation, the title, placeholders, and Cài đặt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import Hamlet
from desktop.core import settings as app_settings
from desktop.core.database import Database
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.settings_page import SettingsPage


def make_window(qtbot: QtBot, database: Database) -> MainWindow:
    office = database.office()
    assert office is not None
    window = MainWindow(AppContext(database, office))
    qtbot.addWidget(window)
    window.show()
    return window


def test_navigation_of_the_whole_product(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    window = make_window(qtbot, commune_db)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Tổng quan",
        "Nhiệm vụ",
        "Khoản vay",
        "Đóng góp & nguồn vốn",
        "Đồng bộ",
        "Báo cáo",
        "Cài đặt",
    ]
    assert "Ủy ban nhân dân phường Cái Khế" in window.windowTitle()
    assert "31120" in window.windowTitle()


def test_every_page_opens(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    window = make_window(qtbot, commune_db)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        assert window.stack.currentIndex() == row
        page = window.stack.currentWidget()
        texts = " ".join(label.text() for label in page.findChildren(QLabel))
        assert window.nav.item(row).text() in texts


def test_placeholder_says_so_plainly(qtbot: QtBot, vi_app: QApplication) -> None:
    # Every page of PAGES is built now; the placeholder stays for parts still to come.
    from desktop.core.i18n import QT_TRANSLATE_NOOP
    from desktop.ui.pages.placeholder import PlaceholderPage

    page = PlaceholderPage(
        QT_TRANSLATE_NOOP("Pages", "Loans"), QT_TRANSLATE_NOOP("Test", "Coming in the next update.")
    )
    qtbot.addWidget(page)
    title = page.findChild(QLabel, "pageTitle")
    text = page.findChild(QLabel, "placeholderText")
    assert title is not None and title.text() == "Khoản vay"
    assert text is not None and text.text() == "Coming in the next update."


def test_city_title(qtbot: QtBot, vi_app: QApplication, city_db: Database) -> None:
    window = make_window(qtbot, city_db)
    assert "Thành phố Cần Thơ (92)" in window.windowTitle()
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage) and not hasattr(page, "hamlet_model")


def test_settings_save_office_and_signer(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    window = make_window(qtbot, commune_db)
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage)
    page.office_name.setText("UBND phường Cái Khế")
    page.signer_title.setPlainText("KT. CHỦ TỊCH \n  PHÓ CHỦ TỊCH")
    page.signer_name.setText("Trần Văn Mẫu")
    page.clerk_name.setText("Lê Thị Nhập")
    page.save_office.click()
    assert page.office_error.text() == "Đã lưu."
    office = commune_db.office()
    assert office is not None and office.signer_name == "Trần Văn Mẫu"
    assert office.signer_title == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert "UBND phường Cái Khế" in window.windowTitle()
    with commune_db.reading() as s:
        assert app_settings.actor_name(s).startswith("Lê Thị Nhập (")


def test_settings_refuses_an_empty_office_name(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    window = make_window(qtbot, commune_db)
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage)
    page.office_name.setText("   ")
    page.signer_name.setText("Tên vẫn còn")
    page.save_office.click()
    assert page.office_error.text() == "Không được để trống."
    assert page.signer_name.text() == "Tên vẫn còn", "what was typed stays"
    office = commune_db.office()
    assert office is not None and office.office_name == "Ủy ban nhân dân phường Cái Khế"


def test_hamlets_add_rename_delete_undo(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, commune_db)
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage)
    assert [h.name for h in page.hamlet_model.visible_rows()] == ["Khu vực 1", "Khu vực 2"]
    answers = iter([("Khu vực Thới Hòa", True), ("Khu vực 1", True), ("Khu vực Một", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    errors: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.pages.settings_page.show_error", lambda _p, e: errors.append(e.text())
    )
    monkeypatch.setattr("desktop.ui.pages.settings_page.confirm", lambda *_a: True)
    page.add_hamlet_button.click()
    assert "Khu vực Thới Hòa" in [h.name for h in page.hamlet_model.visible_rows()]
    page.add_hamlet_button.click()
    assert errors == ["Khu vực 1 đã có trong danh sách."]
    page.hamlet_view.selectRow(page.hamlet_model.find_row(lambda h: h.name == "Khu vực 1"))
    page.rename_hamlet_button.click()
    names = [h.name for h in page.hamlet_model.visible_rows()]
    assert "Khu vực Một" in names and "Khu vực 1" not in names
    page.hamlet_view.selectRow(page.hamlet_model.find_row(lambda h: h.name == "Khu vực Một"))
    page.delete_hamlet_button.click()
    assert "Khu vực Một" not in [h.name for h in page.hamlet_model.visible_rows()]
    assert page.undo_button.isEnabled()
    page.undo_button.click()
    assert "Khu vực Một" in [h.name for h in page.hamlet_model.visible_rows()]
    with commune_db.reading() as s:
        live = sorted(s.scalars(select(Hamlet.name).where(Hamlet.deleted_at.is_(None))))
    assert live == ["Khu vực 2", "Khu vực Một", "Khu vực Thới Hòa"]


def test_language_switch_is_saved_and_applied(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    office = commune_db.office()
    assert office is not None
    chosen: list[str] = []
    window = MainWindow(AppContext(commune_db, office, change_language=chosen.append))
    qtbot.addWidget(window)
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert chosen == ["en"]
    with commune_db.reading() as s:
        assert app_settings.language(s) == "en"


def test_english_interface(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> None:
    from desktop.ui.translations import install_language

    install_language("en")
    try:
        window = make_window(qtbot, commune_db)
        assert window.nav.item(0).text() == "Overview"
        assert window.nav.item(6).text() == "Settings"
    finally:
        install_language("vi")


def test_backup_from_settings(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, commune_db)
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage)
    shown: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.pages.settings_page.show_info", lambda _p, text: shown.append(text)
    )
    page.backup_button.click()
    assert shown and shown[0].startswith("Đã sao lưu:")
    assert any(Path(commune_db.paths.backups).glob("tdcs-*-manual.sqlite3"))
    assert QMessageBox  # the real dialogs are replaced above


def test_new_programme_rate_from_settings(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    from desktop.ui.pages.settings_page import RateForm

    window = make_window(qtbot, commune_db)
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage)
    programmes = page.programme_model.all_rows()
    hn = next(p for p in programmes if p.code == "HN")
    assert page.programme_model.data(page.programme_model.index(0, 1)) == "6,6 %"
    form = RateForm(page.context, programmes, hn, page)
    qtbot.addWidget(form)
    form.rate.setText("sáu phẩy sáu")
    form.valid_from.setText("01/01/2027")
    form.accept()
    assert form.error_text("rate_bp") == "Nhập lãi suất theo %/năm, ví dụ 6,6 hoặc 7,92."
    form.rate.setText("6,24")
    form.accept()
    assert form.result() == 1
    with commune_db.reading() as s:
        from desktop.core.programmes import rate_on

        rate = rate_on(s, "HN", date(2027, 2, 1))
    assert rate is not None and rate.rate_bp == 624
