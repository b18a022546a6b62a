"""The button census: every button and action the main window can show — on every page and
every tab, at a commune and at the city — was clicked by some test of this run.

A clerk's first day met a crashing export button while the suite was green, because tests
called the export method and no test clicked the button. Here a new button fails the suite
until a test clicks it the way a person does (``tests/clerk.py``: ``click``, ``trigger``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.enums import OfficeMode
from db.models import Commune
from desktop.core import demo
from desktop.core.database import Database
from desktop.core.office import CommuneInfo, set_up_office
from desktop.paths import AppPaths
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from tests.clerk import CLICKED, control_name
from tests.db_support import new_database

TINY = demo.DemoScale(borrowers=3, groups=1, hamlets=1, contributions_per_year=3)


QObjectLike = QAbstractButton | QAction


def _controls(window: QWidget) -> Iterator[QObjectLike]:
    for button in window.findChildren(QAbstractButton):
        if button.objectName().startswith("qt_"):  # Qt's own, e.g. a table's corner button
            continue
        if button.isVisibleTo(window) and not _part_of_a_field(button.parentWidget()):
            yield button
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.isVisibleTo(window) and not _part_of_a_field(widget):
            for action in widget.actions():
                if action.isVisible() and not action.isSeparator():
                    yield action


def _part_of_a_field(widget: QWidget | None) -> bool:
    """The scroll arrows of a tab bar are Qt's, and a date field's calendar button belongs to
    the field (``desktop/ui/inputs.py``, tested with it): neither is a control of a page."""
    while widget is not None and not type(widget).__module__.startswith("desktop."):
        if type(widget).__name__ == "QTabBar":
            return True
        widget = widget.parentWidget()
    return widget is not None and type(widget).__module__ == "desktop.ui.inputs"


def census(qtbot: QtBot, database: Database) -> dict[str, str]:
    """Name → label of every control the window shows, visiting every page and every tab."""
    office = database.office()
    assert office is not None
    window = MainWindow(AppContext(database, office))
    qtbot.addWidget(window)
    window.show()
    found: dict[str, str] = {}
    unnamed: list[str] = []

    def collect() -> None:
        QApplication.processEvents()
        for control in _controls(window):
            name = control_name(control)
            label = control.text().replace("&", "")
            if name:
                found.setdefault(name, label)
            else:
                unnamed.append(f"{label!r} in {type(control.parent()).__name__}")

    def visit_tabs(seen: set[int]) -> None:
        for tabs in window.findChildren(QTabWidget):
            if id(tabs) in seen or not tabs.isVisibleTo(window):
                continue
            seen.add(id(tabs))
            for index in range(tabs.count()):
                if tabs.isTabVisible(index) and tabs.isTabEnabled(index):
                    tabs.setCurrentIndex(index)
                    collect()
                    visit_tabs(seen)

    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        collect()
        visit_tabs(set())
    assert not unnamed, (
        "give these controls an attribute on their page or an objectName, so a test can be "
        f"known to click them: {sorted(set(unnamed))}"
    )
    return found


def _demo(database: Database, communes: int | None = None) -> Database:
    with database.transaction() as session:
        some = None
        if communes is not None:
            some = [
                CommuneInfo(c.code, c.name, c.kind)
                for c in session.scalars(select(Commune).limit(communes))
            ]
        demo.generate(session, scale=TINY, today=date(2026, 10, 5), communes=some)
    return database


@pytest.mark.after_all
def test_every_button_of_the_window_is_clicked_by_some_test(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    vi_app: QApplication,
    commune_db: Database,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    if not getattr(request.config, "tdcs_whole_suite", False):
        pytest.skip("the census judges a whole run of the suite")
    before = set(CLICKED)
    controls = census(qtbot, _demo(commune_db))
    city = new_database(AppPaths(tmp_path_factory.mktemp("city")).ensure())
    try:
        with city.transaction() as session:
            set_up_office(session, OfficeMode.CITY)
        controls.update(census(qtbot, _demo(city, communes=2)))
    finally:
        city.close()
    missing = {name: label for name, label in controls.items() if name not in before}
    assert not missing, "buttons and actions no test clicks:\n" + "\n".join(
        f"  {name}  ({label})" for name, label in sorted(missing.items())
    )
