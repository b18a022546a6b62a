"""The first-run wizard, driven as a clerk would: keys typed, buttons pressed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.enums import OfficeMode
from db.models import Hamlet
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import list_communes, set_up_office
from desktop.core.text import search_key
from desktop.ui.wizard import (
    PAGE_CITY,
    PAGE_COMMUNE,
    PAGE_DATABASE,
    PAGE_HAMLETS,
    SetupAnswers,
    SetupWizard,
)
from tests.clerk import type_text


def make_wizard(qtbot: QtBot, database: Database) -> SetupWizard:
    with database.reading() as s:
        communes = list_communes(s)

    def submit(answers: SetupAnswers) -> None:
        with database.transaction() as s:
            set_up_office(
                s,
                answers.mode,
                commune_code=answers.commune_code,
                office_name=answers.office_name,
                hamlets=answers.hamlets,
            )

    wizard = SetupWizard(communes, submit)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_button(wizard: SetupWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def test_commune_found_without_accents_and_saved(
    qtbot: QtBot, vi_app: QApplication, database: Database
) -> None:
    wizard = make_wizard(qtbot, database)
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Tiếp theo >"
    next_button(wizard)
    assert wizard.currentId() == PAGE_COMMUNE
    page = wizard.commune_page
    assert page.model.rowCount() == 103
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.search.setFocus()
    type_text(page.search, "cai khe")
    assert page.search.text() == "cai khe"
    assert page.model.rowCount() == 1
    assert page.chosen is not None and page.chosen.code == "31120"
    assert page.office_name.text() == "Ủy ban nhân dân phường Cái Khế"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    next_button(wizard)
    assert wizard.currentId() == PAGE_HAMLETS
    wizard.hamlets_page.text.setFocus()
    type_text(wizard.hamlets_page.text, "Khu vực 1\nKhu vực Thới Hòa\n\n  ")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    office = database.office()
    assert office is not None and office.unit_code == "31120" and office.mode is OfficeMode.COMMUNE
    with database.reading() as s:
        assert sorted(s.scalars(select(Hamlet.name))) == ["Khu vực 1", "Khu vực Thới Hòa"]


def test_search_with_accents_and_by_code(
    qtbot: QtBot, vi_app: QApplication, database: Database
) -> None:
    wizard = make_wizard(qtbot, database)
    next_button(wizard)
    page = wizard.commune_page
    type_text(page.search, "Thạnh")
    assert page.model.rowCount() > 1
    assert all("thanh" in search_key(c.label) for c in page.model.visible_rows())
    page.search.clear()
    type_text(page.search, "31186")
    assert page.model.rowCount() == 1 and page.chosen is not None
    assert page.chosen.label == "Phường Cái Răng"
    page.search.clear()
    type_text(page.search, "khong co xa nay")
    assert page.model.rowCount() == 0 and page.chosen is None
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_typed_office_name_is_kept_when_choice_changes(
    qtbot: QtBot, vi_app: QApplication, database: Database
) -> None:
    wizard = make_wizard(qtbot, database)
    next_button(wizard)
    page = wizard.commune_page
    type_text(page.search, "cai khe")
    page.office_name.clear()
    type_text(page.office_name, "UBND P. Cái Khế")
    page.search.clear()
    type_text(page.search, "cai rang")
    assert page.chosen is not None and page.chosen.code == "31186"
    assert page.office_name.text() == "UBND P. Cái Khế"
    page.office_name.clear()
    assert not page.isComplete(), "an office needs a name"


def test_city_office(qtbot: QtBot, vi_app: QApplication, database: Database) -> None:
    wizard = make_wizard(qtbot, database)
    wizard.mode_page.city.click()
    next_button(wizard)
    assert wizard.currentId() == PAGE_DATABASE
    assert wizard.database_page.local.isChecked()  # this computer's file unless told
    assert not wizard.database_page.server_field.isEnabled()
    next_button(wizard)
    assert wizard.currentId() == PAGE_CITY
    assert wizard.city_page.office_name.text() == "Ủy ban nhân dân thành phố Cần Thơ"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    office = database.office()
    assert office is not None and office.is_city and office.unit_code == "92"


def test_failed_save_keeps_the_wizard_and_answers(
    qtbot: QtBot, vi_app: QApplication, database: Database
) -> None:
    with database.reading() as s:
        communes = list_communes(s)

    def refuse(_answers: SetupAnswers) -> None:
        raise UserError(
            QT_TRANSLATE_NOOP("Office", "The hamlet {name} is already in the list."), name="Ấp 1"
        )

    wizard = SetupWizard(communes, refuse)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button(wizard)
    type_text(wizard.commune_page.search, "cai khe")
    next_button(wizard)
    type_text(wizard.hamlets_page.text, "Ấp 1")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible()
    assert wizard.hamlets_page.error.text() == "Ấp 1 đã có trong danh sách."
    assert wizard.hamlets_page.text.toPlainText() == "Ấp 1"
    assert database.office() is None


@pytest.mark.parametrize("query", ["", "   ", "xyz"])
def test_wizard_cannot_finish_without_a_commune(
    qtbot: QtBot, vi_app: QApplication, database: Database, query: str
) -> None:
    wizard = make_wizard(qtbot, database)
    next_button(wizard)
    type_text(wizard.commune_page.search, query)
    assert wizard.currentId() == PAGE_COMMUNE
    assert not wizard.commune_page.isComplete()
