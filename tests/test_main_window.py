"""The main window: the product's navigation, the title, and Cài đặt."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.enums import ContributionForm, DonorType, OfficeMode
from db.models import Hamlet
from desktop.core import settings as app_settings
from desktop.core.backups import backups_to_restore, inspect_backup, make_backup
from desktop.core.database import Database
from desktop.core.funds.fund import ContributionInput, create_contribution
from desktop.core.issuers import Body
from desktop.core.office import add_hamlet, set_up_office, update_office
from desktop.core.programmes import rate_on
from desktop.paths import AppPaths
from desktop.ui.app import Application
from desktop.ui.context import AppContext
from desktop.ui.funds.contributions import ContributionListPage
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.restore_dialog import RestoreDialog
from desktop.ui.pages.settings.page import SettingsPage
from desktop.ui.pages.settings.programmes import RateForm
from tests.clerk import (
    Answer,
    answering,
    cancel,
    click,
    commit_text,
    fill,
    loaded,
    make_window,
    no,
    ok,
    open_file,
    save_as,
    save_button,
    type_text,
    yes,
)
from tests.db_support import new_database
from tests.test_loans_ui import history_rows


@pytest.fixture
def commune_db_elsewhere(tmp_path: Path) -> Path:
    """A backup of Cái Khế's database, kept outside any data folder."""
    paths = AppPaths(tmp_path / "cai-khe").ensure()
    database = new_database(paths)
    with database.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31120")
    copy = make_backup(paths, tmp_path / "usb" / "cai-khe.sqlite3")
    database.close()
    return copy


def settings_page(window: MainWindow) -> SettingsPage:
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage)
    return page


def answer_text(text: str) -> Answer:
    """Type ``text`` into the open one-line question (QInputDialog) and press OK."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), f"expected a question, got {dialog!r}"
        field = dialog.findChild(QLineEdit)
        assert field is not None
        field.selectAll()
        field.del_()
        commit_text(field, text)
        click(save_button(dialog))

    return fill(answer)


def hamlet_names(qtbot: QtBot, page: SettingsPage) -> list[str]:
    assert page.hamlets is not None
    loaded(qtbot, page.hamlets)
    return [h.name for h in page.hamlets.model.visible_rows()]


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


def test_city_title(qtbot: QtBot, vi_app: QApplication, city_db: Database) -> None:
    window = make_window(qtbot, city_db)
    assert "Thành phố Cần Thơ (92)" in window.windowTitle()
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage) and page.hamlets is None


def test_settings_save_office_and_signer(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    window = make_window(qtbot, commune_db)
    page = settings_page(window)
    for field, text in (
        (page.office_box.office_name, "UBND phường Cái Khế"),
        (page.office_box.clerk_name, "Lê Thị Nhập"),
    ):
        field.clear()
        type_text(field, text)
    click(page.office_box.save_office)
    assert page.office_box.office_error.text() == "Đã lưu."
    assert page.documents_box.body_labels[Body.UBND].text() == "UBND phường Cái Khế"
    signer_name = page.documents_box.signer_names[Body.UBND]
    type_text(signer_name, "Trần Văn Mẫu")
    page.documents_box.signer_titles[Body.UBND].setCurrentIndex(
        1
    )  # chosen from the list: Phó Chủ tịch
    click(page.documents_box.save_documents)
    assert page.documents_box.documents_error.text() == "Đã lưu."
    office = commune_db.office()
    assert office is not None and office.signer_name == "Trần Văn Mẫu"
    assert office.signer_title == "Phó Chủ tịch"
    assert "UBND phường Cái Khế" in window.windowTitle()
    with commune_db.reading() as s:
        assert app_settings.actor_name(s).startswith("Lê Thị Nhập (")


def test_settings_refuses_an_empty_office_name(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    window = make_window(qtbot, commune_db)
    page = settings_page(window)
    page.office_box.office_name.clear()
    type_text(page.office_box.office_name, "   ")
    page.office_box.clerk_name.clear()
    type_text(page.office_box.clerk_name, "Tên vẫn còn")
    click(page.office_box.save_office)
    assert page.office_box.office_error.text() == "Không được để trống."
    assert page.office_box.clerk_name.text() == "Tên vẫn còn", "what was typed stays"
    office = commune_db.office()
    assert office is not None and office.office_name == "Ủy ban nhân dân phường Cái Khế"


def test_city_settings_save_the_office(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    window = make_window(qtbot, city_db)
    page = settings_page(window)
    assert page.hamlets is None, "the city has no hamlets"
    page.office_box.office_name.clear()
    type_text(page.office_box.office_name, "Ủy ban nhân dân thành phố Cần Thơ")
    click(page.office_box.save_office)
    assert page.office_box.office_error.text() == "Đã lưu."
    type_text(page.documents_box.signer_names[Body.UBND], "Nguyễn Văn Thành")
    click(page.documents_box.save_documents)
    assert page.documents_box.documents_error.text() == "Đã lưu."
    office = city_db.office()
    assert office is not None and office.signer_name == "Nguyễn Văn Thành"


def test_hamlets_add_rename_delete_undo_history_export(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    window = make_window(qtbot, commune_db)
    page = settings_page(window)
    hamlets = page.hamlets
    assert hamlets is not None
    assert hamlet_names(qtbot, page) == ["Khu vực 1", "Khu vực 2"]
    with answering(qtbot, answer_text("Khu vực Thới Hòa")):
        click(hamlets.add_button)
    assert "Khu vực Thới Hòa" in hamlet_names(qtbot, page)
    assert hamlets.selected() is not None and hamlets.selected().name == "Khu vực Thới Hòa"
    with answering(qtbot, answer_text("Khu vực 1"), ok("Khu vực 1 đã có trong danh sách.")):
        click(hamlets.add_button)
    with answering(qtbot, answer_text("  "), ok("Không được để trống.")):
        click(hamlets.add_button)
    assert len(hamlet_names(qtbot, page)) == 3
    hamlets.view.selectRow(hamlets.model.find_row(lambda h: h.name == "Khu vực 1"))
    with answering(qtbot, answer_text("Khu vực Một")):
        click(hamlets.edit_button)
    names = hamlet_names(qtbot, page)
    assert "Khu vực Một" in names and "Khu vực 1" not in names
    hamlets.view.selectRow(hamlets.model.find_row(lambda h: h.name == "Khu vực Một"))
    with answering(qtbot, no("Xóa Khu vực Một? Có thể hoàn tác.")):
        click(hamlets.delete_button)
    assert "Khu vực Một" in hamlet_names(qtbot, page), "answered No: kept"
    with answering(qtbot, yes("Xóa Khu vực Một? Có thể hoàn tác.")):
        click(hamlets.delete_button)
    assert "Khu vực Một" not in hamlet_names(qtbot, page)
    click(hamlets.undo_button)
    assert "Khu vực Một" in hamlet_names(qtbot, page)
    assert not hamlets.undo_button.isEnabled()
    selected = hamlets.selected()
    assert selected is not None and selected.name == "Khu vực Một", "the restored one selected"

    def four_changes(rows: list[Any]) -> None:
        assert len(rows) == 4  # added, renamed, deleted, restored

    with answering(qtbot, history_rows(four_changes)):
        click(hamlets.history_button)
    with answering(qtbot, save_as(tmp_path / "ap.xlsx"), ok("Đã xuất ra")):
        click(hamlets.export_button)
    assert (tmp_path / "ap.xlsx").exists()
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
    page.language_box.language.setCurrentIndex(page.language_box.language.findData("en"))
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


def test_new_programme_rate_through_its_form(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    window = make_window(qtbot, commune_db)
    page = settings_page(window)
    hn = page.programmes_box.programme_model.find_row(lambda p: p.code == "HN")
    assert (
        page.programmes_box.programme_model.data(page.programmes_box.programme_model.index(hn, 1))
        == "6,6 %"
    )
    page.programmes_box.programme_view.selectRow(hn)
    seen: list[str] = []

    def new_rate(form: QWidget) -> None:
        assert isinstance(form, RateForm)
        assert form.programme.value() == "HN", "the chosen programme is proposed"
        type_text(form.valid_from, "01/01/2027")
        type_text(form.rate, "sáu phẩy sáu")
        click(form.save_button)
        seen.append(form.error_text("rate_bp"))
        assert form.isVisible(), "a wrong rate keeps the form open"
        form.rate.clear()
        type_text(form.rate, "6,24")
        click(form.save_button)

    with answering(qtbot, fill(new_rate)):
        click(page.programmes_box.new_rate_button)
    assert seen == ["Nhập lãi suất theo %/năm, ví dụ 6,6 hoặc 7,92."]
    with commune_db.reading() as s:
        rate = rate_on(s, "HN", date(2027, 2, 1))
        before = rate_on(s, "HN", date(2026, 12, 31))
    assert rate is not None and rate.rate_bp == 624
    assert before is not None and before.rate_bp == 660, "loans before keep the old rate"


def test_city_adds_a_rate_and_can_cancel(
    qtbot: QtBot, vi_app: QApplication, city_db: Database
) -> None:
    window = make_window(qtbot, city_db)
    page = settings_page(window)
    with answering(qtbot, cancel()):
        click(page.programmes_box.new_rate_button)
    with city_db.reading() as s:
        assert rate_on(s, "HN", date(2030, 1, 1)) is not None
        assert rate_on(s, "HN", date(2030, 1, 1)).rate_bp == 660  # type: ignore[union-attr]


def test_backup_now_and_to_a_file(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    window = make_window(qtbot, commune_db)
    page = settings_page(window)
    with answering(qtbot, ok("Đã sao lưu")):
        click(page.data_box.backup_button)
    taken = list(Path(commune_db.paths.backups).glob("tdcs-*-manual.sqlite3"))
    assert len(taken) == 1 and inspect_backup(taken[0]).unit_code == "31120"

    usb = tmp_path / "usb"
    usb.mkdir()
    offered: list[str] = []

    def remember(dialog: QWidget) -> None:
        from PySide6.QtWidgets import QFileDialog

        assert isinstance(dialog, QFileDialog)
        offered.append(Path(dialog.selectedFiles()[0]).name)
        save_as(usb / "sao-luu")(dialog)

    with answering(qtbot, remember, ok("Đã sao lưu")):
        click(page.data_box.backup_to_button)
    assert offered == [f"Sao-luu-TDCS_Cai-Khe_{date.today().isoformat()}.sqlite3"]
    copy = usb / "sao-luu.sqlite3"
    info = inspect_backup(copy)
    assert info.unit_code == "31120" and info.office_name == "Ủy ban nhân dân phường Cái Khế"
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM hamlets").fetchone()[0] == 2

    with answering(qtbot, cancel()):
        click(page.data_box.backup_to_button)
    assert sorted(p.name for p in usb.iterdir()) == ["sao-luu.sqlite3"]

    # A place no file can be written (below a file, not a folder): said, nothing written.
    with answering(qtbot, save_as(copy / "sao-luu"), ok("Không ghi được bản sao lưu")):
        click(page.data_box.backup_to_button)
    assert sorted(p.name for p in usb.iterdir()) == ["sao-luu.sqlite3"]
    assert page.data_box.backup_to_button.isEnabled()


def test_city_backs_up(qtbot: QtBot, vi_app: QApplication, city_db: Database) -> None:
    window = make_window(qtbot, city_db)
    page = settings_page(window)
    with answering(qtbot, ok("Đã sao lưu")):
        click(page.data_box.backup_button)
    taken = list(Path(city_db.paths.backups).glob("tdcs-*-manual.sqlite3"))
    assert len(taken) == 1 and inspect_backup(taken[0]).unit_code == "92"


# -- restoring a backup from Cài đặt ------------------------------------------------------------


def donors(qtbot: QtBot, window: MainWindow) -> list[str]:
    page = window.open_page("funds")
    lists = page.findChildren(ContributionListPage)
    assert len(lists) == 1
    loaded(qtbot, lists[0])
    return sorted(row.donor_name for row in lists[0].model.all_rows())


def give(database: Database, donor: str, amount: int, day: date) -> None:
    with database.transaction() as session:
        create_contribution(
            session,
            ContributionInput(
                donor, DonorType.CA_NHAN, ContributionForm.TIEN_MAT, amount, day, day.year
            ),
            today=day,
        )


def choose_backup(reason: str) -> Answer:
    """In the restore dialog, pick the backup of that kind and press Khôi phục…"""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        row = dialog.model.find_row(lambda b: b.reason == reason)
        dialog.view.selectRow(row)
        click(dialog.restore_button)

    return fill(answer)


def choose_other_file() -> Answer:
    """In the restore dialog, press Chọn tệp khác… (the open dialog is answered next)."""
    return fill(lambda dialog: click(dialog.other_file_button))


def test_restore_from_settings_brings_back_the_backup_and_restarts(
    qtbot: QtBot, vi_app: QApplication, tmp_path: Path
) -> None:
    paths = AppPaths(tmp_path / "office").ensure()
    database = new_database(paths)
    with database.transaction() as session:
        set_up_office(
            session, OfficeMode.COMMUNE, commune_code="31120", hamlets=["Khu vực 1", "Khu vực 2"]
        )
    give(database, "Bà Lâm Thị Mỹ Duyên", 2_500_000, date(2026, 8, 20))
    make_backup(paths)  # the copy to come back to
    # What was done after it: a hamlet, a gift and a new office name.
    with database.transaction() as session:
        add_hamlet(session, "Khu vực Mới")
        update_office(
            session,
            office_name="UBND phường Cái Khế (sửa sau)",
            signer_title="CHỦ TỊCH",
            signer_name="Trần Văn Mẫu",
        )
    give(database, "Ông Tạ Văn Lực", 9_000_000, date(2026, 10, 2))
    database.close()

    application = Application(vi_app, paths)
    assert application.start()
    assert application.backup is not None
    application.backup.wait()  # the day's automatic backup, taken as TDCS opened
    first = application.window
    assert first is not None
    try:
        assert "(sửa sau)" in first.windowTitle()
        assert donors(qtbot, first) == ["Bà Lâm Thị Mỹ Duyên", "Ông Tạ Văn Lực"]
        page = settings_page(first)
        listed: list[list[str]] = []

        def look_then_choose(dialog: QWidget) -> None:
            assert isinstance(dialog, RestoreDialog)
            listed.append(
                [
                    dialog.model.data(dialog.model.index(r, 1))
                    for r in range(dialog.model.rowCount())
                ]
            )
            choose_backup("manual")(dialog)

        with answering(
            qtbot,
            fill(look_then_choose),
            yes("Dữ liệu hiện tại sẽ được thay bằng bản sao lưu ngày"),
            ok("Đã khôi phục bản sao lưu ngày"),
        ):
            click(page.data_box.restore_button)
        # The copy taken by hand, and the automatic one of TDCS's start today.
        assert [sorted(kinds) for kinds in listed] == [["Sao lưu thủ công", "Tự động hằng ngày"]]
        qtbot.waitUntil(lambda: application.window is not first)
        window = application.window
        assert window is not None and window.isVisible()
        assert window.stack.currentWidget() is window.open_page("settings")
        # What the pages show now is the backup's.
        assert "Ủy ban nhân dân phường Cái Khế" in window.windowTitle()
        assert "(sửa sau)" not in window.windowTitle()
        assert hamlet_names(qtbot, settings_page(window)) == ["Khu vực 1", "Khu vực 2"]
        assert donors(qtbot, window) == ["Bà Lâm Thị Mỹ Duyên"]
        # And what it replaced was kept: restoring that copy would undo the restore.
        kept = [b for b in backups_to_restore(paths) if b.reason == "before-restore"]
        assert len(kept) == 1
        with sqlite3.connect(kept[0].path) as conn:
            names = {row[0] for row in conn.execute("SELECT name FROM hamlets")}
        assert "Khu vực Mới" in names
    finally:
        if application.window is not None:
            application.window.close()
        if application.database is not None:
            application.database.close()


def test_a_backup_of_another_commune_is_refused_with_nothing_changed(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    other_paths = AppPaths(tmp_path / "an-binh").ensure()
    other = new_database(other_paths)
    with other.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31150", hamlets=["Khu vực 9"])
    copy = make_backup(other_paths, tmp_path / "usb" / "sao-luu-an-binh.sqlite3")
    other.close()

    window = make_window(qtbot, commune_db)
    page = settings_page(window)
    before = commune_db.paths.database.read_bytes()
    with answering(
        qtbot,
        choose_other_file(),
        open_file(copy),
        ok("Bản sao lưu này thuộc đơn vị khác: Ủy ban nhân dân phường An Bình (31150)"),
    ):
        click(page.data_box.restore_button)
    assert commune_db.paths.database.read_bytes() == before
    assert backups_to_restore(commune_db.paths) == [], "not even a backup was taken"
    assert hamlet_names(qtbot, page) == ["Khu vực 1", "Khu vực 2"]


def test_restore_refuses_what_is_not_a_backup_and_can_be_called_off(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    window = make_window(qtbot, commune_db)
    page = settings_page(window)
    workbook = tmp_path / "danh-sach.sqlite3"
    workbook.write_bytes(b"PK\x03\x04 a workbook renamed")
    with answering(qtbot, choose_other_file(), open_file(workbook), ok("không phải cơ sở dữ liệu")):
        click(page.data_box.restore_button)
    # The database TDCS has open is no backup either.
    with answering(
        qtbot,
        choose_other_file(),
        open_file(commune_db.paths.database),
        ok("là cơ sở dữ liệu TDCS đang dùng"),
    ):
        click(page.data_box.restore_button)
    # A good backup, but the clerk answers No to the question: nothing happens.
    make_backup(commune_db.paths)
    with commune_db.transaction() as session:
        add_hamlet(session, "Khu vực Mới")
    with answering(qtbot, choose_backup("manual"), no("sẽ được thay bằng bản sao lưu")):
        click(page.data_box.restore_button)
    with answering(qtbot, cancel()):
        click(page.data_box.restore_button)
    with commune_db.reading() as s:
        live = sorted(s.scalars(select(Hamlet.name).where(Hamlet.deleted_at.is_(None))))
    assert live == ["Khu vực 1", "Khu vực 2", "Khu vực Mới"]
    assert [b.reason for b in backups_to_restore(commune_db.paths)] == ["manual"]


def test_city_restores_only_a_city_backup(
    qtbot: QtBot, vi_app: QApplication, city_db: Database, commune_db_elsewhere: Path
) -> None:
    window = make_window(qtbot, city_db)
    page = settings_page(window)
    with answering(
        qtbot,
        choose_other_file(),
        open_file(commune_db_elsewhere),
        ok(
            "thuộc đơn vị khác: Ủy ban nhân dân phường Cái Khế (31120), "
            "không phải của đơn vị này (92)"
        ),
    ):
        click(page.data_box.restore_button)
    assert backups_to_restore(city_db.paths) == []
