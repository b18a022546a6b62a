"""Nothing typed is thrown away without a question: Cancel, Esc or the title bar's × on a form
with changes, and closing the window with an unsaved edit in Cài đặt, ask "Bỏ các thay đổi
chưa lưu?" with No as the default; an unchanged form closes at once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.database import Database
from desktop.core.loans.borrowers import list_borrowers
from desktop.core.owners import Scope
from desktop.ui.app import Application
from desktop.ui.context import AppContext
from desktop.ui.forms import RecordForm
from desktop.ui.loans.borrowers_tab import BorrowerForm
from desktop.ui.loans.page import LoansPage
from desktop.ui.pages.settings.page import SettingsPage
from tests.clerk import answering, click, fill, loaded, no, press_key, save_button, type_text, yes

QUESTION = "Bỏ các thay đổi chưa lưu?"


@pytest.fixture
def loans_page(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> LoansPage:
    office = commune_db.office()
    assert office is not None
    page = LoansPage(AppContext(commune_db, office))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


@pytest.fixture
def borrowers(qtbot: QtBot, loans_page: LoansPage) -> Any:
    tab = loans_page.tab("borrowers")
    loaded(qtbot, tab)
    return tab


def saved_names(database: Database) -> list[str]:
    with database.reading() as session:
        return [b.full_name for b in list_borrowers(session, Scope.commune("31120"))]


def typing_then(close: Callable[[BorrowerForm], None], *, again: bool = True) -> Any:
    """Type a name into the open form, close it the way ``close`` does (the first
    question is answered No), check that the form and the name stayed, then close again
    (answered Yes)."""

    def act(form: BorrowerForm) -> None:
        assert isinstance(form, BorrowerForm)
        type_text(form.full_name, "Bùi Thị Hạnh")
        close(form)
        assert form.isVisible(), "No keeps the form open"
        assert form.full_name.text() == "Bùi Thị Hạnh", "and what was typed"
        if again:
            close(form)

    return fill(act)


def escape(form: RecordForm) -> None:
    press_key(form.focusWidget() or form, Qt.Key.Key_Escape)


def title_bar_x(form: RecordForm) -> None:
    form.close()


def cancel_button(form: RecordForm) -> None:
    click(form.buttons.button(QDialogButtonBox.StandardButton.Cancel))


@pytest.mark.parametrize("close", [escape, title_bar_x, cancel_button])
def test_closing_a_changed_form_asks_first(
    qtbot: QtBot, borrowers: Any, commune_db: Database, close: Callable[[RecordForm], None]
) -> None:
    with answering(qtbot, typing_then(close), no(QUESTION), yes(QUESTION)):
        click(borrowers.add_button)
    assert saved_names(commune_db) == [], "discarded: nothing saved"
    assert borrowers.model.rowCount() == 0


def test_the_question_defaults_to_no(qtbot: QtBot, borrowers: Any) -> None:
    def look(box: QMessageBox) -> None:
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        assert box.button(QMessageBox.StandardButton.No).text() in ("&Không", "Không")
        press_key(box, Qt.Key.Key_Return)  # Enter takes the default: keep typing

    def act(form: BorrowerForm) -> None:
        type_text(form.full_name, "Bùi Văn Tâm")
        escape(form)
        assert form.isVisible()
        click(save_button(form))

    with answering(qtbot, fill(act), fill(look)):
        click(borrowers.add_button)
    qtbot.waitUntil(lambda: borrowers.model.rowCount() == 1, timeout=10_000)


def test_an_unchanged_form_closes_without_a_question(
    qtbot: QtBot, borrowers: Any, commune_db: Database
) -> None:
    shown: list[RecordForm] = []
    for close in (escape, title_bar_x, cancel_button):

        def act(form: RecordForm, close: Callable[[RecordForm], None] = close) -> None:
            shown.append(form)
            close(form)

        with answering(qtbot, fill(act)):  # a question would be an unexpected dialog
            click(borrowers.add_button)
        assert not shown[-1].isVisible()
    assert len(shown) == 3
    assert saved_names(commune_db) == []


def test_a_form_refused_by_its_checks_still_asks(qtbot: QtBot, borrowers: Any) -> None:
    def act(form: BorrowerForm) -> None:
        type_text(form.citizen_id, "12345")  # no name, a wrong ID: Save is refused
        click(save_button(form))
        assert form.isVisible() and form.error_text("full_name")
        escape(form)
        assert form.isVisible() and form.citizen_id.text() == "12345"
        escape(form)

    with answering(qtbot, fill(act), no(QUESTION), yes(QUESTION)):
        click(borrowers.add_button)


def test_a_read_only_field_is_not_a_tab_stop_and_looks_it(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    from desktop.ui.loans.loan_form import LoanForm
    from desktop.ui.style import STYLE_SHEET

    form = LoanForm(commune_db, None)
    qtbot.addWidget(form)
    form.show()
    chosen = form.borrower.text  # the chosen borrower's name: filled by "Chọn…"
    assert chosen.isReadOnly()
    assert chosen.focusPolicy() == Qt.FocusPolicy.ClickFocus, "Tab skips it"
    assert form.borrower.button.focusPolicy() & Qt.FocusPolicy.TabFocus, "Tab reaches Chọn…"
    assert 'QLineEdit[readOnly="true"]' in STYLE_SHEET
    previous = vi_app.styleSheet()
    vi_app.setStyleSheet(STYLE_SHEET)
    try:
        editable = form.contract_no
        QApplication.processEvents()
        grey = chosen.grab().toImage().pixelColor(chosen.width() // 2, chosen.height() // 2)
        white = editable.grab().toImage().pixelColor(editable.width() - 5, editable.height() // 2)
        assert grey != white and grey.lightness() < white.lightness()
    finally:
        vi_app.setStyleSheet(previous)
        form.close()


# -- the main window ---------------------------------------------------------------------------


@pytest.fixture
def application(vi_app: QApplication, commune_db: Database) -> Iterator[Application]:
    """TDCS as started on the clerk's PC, on the test's data folder."""
    started = Application(vi_app, commune_db.paths)
    assert started.start()
    yield started
    window = started.window
    if window is not None and window.isVisible():
        window.ask_before_closing = False
        window.close()
    if started.backup is not None:
        started.backup.wait()
    if started.database is not None:
        started.database.close()


def test_closing_the_window_with_an_unsaved_setting_asks(
    qtbot: QtBot, application: Application, commune_db: Database
) -> None:
    window = application.window
    assert window is not None and window.isVisible()
    settings = window.open_page("settings")
    assert isinstance(settings, SettingsPage)
    settings.office_box.office_name.selectAll()
    type_text(settings.office_box.office_name, "UBND phường Cái Khế (đang sửa)")
    # Saving a hamlet meanwhile does not wipe what is being typed in the office box.
    with answering(qtbot, fill(lambda d: (d.setTextValue("Khu vực 3"), d.accept()))):
        click(settings.hamlets.add_button)
    assert settings.office_box.office_name.text() == "UBND phường Cái Khế (đang sửa)"
    window.open_page("loans")
    with answering(qtbot, no(QUESTION)):
        assert not window.close()
    assert window.isVisible(), "No keeps TDCS open"
    assert window.stack.currentWidget() is settings, "on the page with the changes"
    assert settings.office_box.office_name.text() == "UBND phường Cái Khế (đang sửa)"
    with answering(qtbot, yes("Cài đặt")):
        assert window.close()
    office = commune_db.office()
    assert office is not None and office.office_name == "Ủy ban nhân dân phường Cái Khế"


def test_closing_the_window_with_nothing_unsaved_does_not_ask(
    qtbot: QtBot, application: Application
) -> None:
    window = application.window
    assert window is not None
    settings = window.open_page("settings")
    assert isinstance(settings, SettingsPage)
    type_text(settings.office_box.clerk_name, "Trần Văn Mẫu")
    click(settings.office_box.save_office)
    with answering(qtbot):
        assert window.close()
