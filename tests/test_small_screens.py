"""Office screens are small: 1366×768 and 1024×768, with a taskbar. The window opened at
1180×760 (under the taskbar, off the 1024 screen) and could not get narrower than about
1 050 px once Nhiệm vụ or Khoản vay had been shown, so even maximised its right edge and
close button were cut off. Every page and tab now works at 1 000 px, the window opens within
the screen's free area, and it comes back where it was closed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.enums import OfficeMode
from db.models import Commune
from desktop.core import demo
from desktop.core import settings as app_settings
from desktop.core.database import Database
from desktop.core.office import CommuneInfo, set_up_office
from desktop.core.settings import WindowPlace
from desktop.paths import AppPaths
from desktop.ui.context import AppContext
from desktop.ui.loans.page import LoansPage
from desktop.ui.main_window import MainWindow
from desktop.ui.screens import PREFERRED_SIZE, fit_on_screen, free_area, keep_on_screen
from tests.clerk import answering, click, fill, loaded
from tests.db_support import new_database

TINY = demo.DemoScale(borrowers=4, groups=1, hamlets=1, contributions_per_year=3)
#: The free area of a 1024×768 and a 1366×768 screen under a 40-pixel Windows taskbar.
SMALL = QRect(0, 0, 1024, 728)
LAPTOP = QRect(0, 0, 1366, 728)
WIDE = QRect(0, 0, 1920, 1040)


def window_on(qtbot: QtBot, database: Database) -> MainWindow:
    office = database.office()
    assert office is not None
    window = MainWindow(AppContext(database, office))
    qtbot.addWidget(window)
    return window


def every_page_and_tab(window: MainWindow) -> Iterator[str]:
    """Show each page and each tab (tabs inside tabs too), naming where it is."""

    def tabs_of(where: str, seen: set[int]) -> Iterator[str]:
        for tabs in window.findChildren(QTabWidget):
            if id(tabs) in seen or not tabs.isVisibleTo(window):
                continue
            seen.add(id(tabs))
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                name = f"{where} / {tabs.tabText(index)}"
                yield name
                yield from tabs_of(name, seen)

    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        yield window.nav.item(row).text()
        yield from tabs_of(window.nav.item(row).text(), set())


def cut_off_buttons(window: MainWindow) -> list[str]:
    """Buttons on screen that stick out of the window or are too narrow for their text."""
    found = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.objectName().startswith("qt_"):
            continue
        if type(button.parentWidget()).__name__ == "QTabBar":  # the tab bar's scroll arrows
            continue
        right = button.mapTo(window, QPoint(button.width(), 0)).x()
        text_width = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
        if right > window.width() or button.width() < text_width:
            found.append(f"{button.text()!r} (right edge {right}, width {button.width()})")
    return found


def demo_commune(database: Database) -> Database:
    with database.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31120")
        demo.generate(session, scale=TINY, today=date(2026, 10, 5))
    return database


def demo_city(database: Database) -> Database:
    with database.transaction() as session:
        set_up_office(session, OfficeMode.CITY)
        two = [
            CommuneInfo(c.code, c.name, c.kind) for c in session.scalars(select(Commune).limit(2))
        ]
        demo.generate(session, scale=TINY, today=date(2026, 10, 5), communes=two)
    return database


@pytest.mark.parametrize("make", [demo_commune, demo_city], ids=["commune", "city"])
def test_every_page_and_tab_works_at_1000_pixels(
    qtbot: QtBot, vi_app: QApplication, database: Database, make: object
) -> None:
    window = window_on(qtbot, make(database))  # type: ignore[operator]
    window.show()
    window.resize(1000, 700)
    too_wide: list[str] = []
    cut: list[str] = []
    for where in every_page_and_tab(window):
        QApplication.processEvents()
        qtbot.wait(10)  # lists that load on the thread pool lay out when their rows come
        hint = window.minimumSizeHint()
        if hint.width() > 1000 or window.width() > 1000 or hint.height() > 728 - 40:
            too_wide.append(f"{where}: {hint.width()}×{hint.height()} px")
        cut += [f"{where}: {button}" for button in cut_off_buttons(window)]
    assert not too_wide, f"pages that keep the window larger than 1 000 × 688: {too_wide}"
    assert not cut, f"buttons cut off at 1 000 px: {cut}"


def test_a_long_data_folder_does_not_widen_the_window(
    qtbot: QtBot, vi_app: QApplication, tmp_path: Path
) -> None:
    folder = tmp_path.joinpath(*["Dữ liệu của Ủy ban nhân dân phường Cái Khế"] * 5)
    database = demo_commune(new_database(AppPaths(folder)))
    try:
        window = window_on(qtbot, database)
        window.show()
        assert window.minimumSizeHint().width() <= 1000
        # The whole folder is still there, in the status line's tooltip.
        assert any(str(folder) in w.toolTip() for w in window.statusBar().findChildren(QWidget))
    finally:
        database.close()


# -- where the window opens -------------------------------------------------------------------


def test_the_first_start_opens_within_the_screen() -> None:
    for screen in (SMALL, LAPTOP):
        rect, maximized = fit_on_screen(None, screen)
        assert maximized, "a screen too small for the whole window gets it maximised"
        assert screen.contains(rect.adjusted(-8, -32, 8, 8)), (screen, rect)
        assert rect.width() >= 1000 or rect.width() == screen.width() - 16
    rect, maximized = fit_on_screen(None, WIDE)
    assert not maximized and rect.size() == PREFERRED_SIZE
    assert rect.center().x() in range(WIDE.center().x() - 10, WIDE.center().x() + 10)


def test_a_remembered_place_is_brought_back_onto_the_screen() -> None:
    # Closed on a second screen that is gone now, bigger than this screen allows.
    rect, maximized = fit_on_screen(WindowPlace(2300, 900, 1300, 900), SMALL)
    assert not maximized
    assert SMALL.contains(rect.adjusted(-8, -32, 8, 8)), rect
    assert (rect.width(), rect.height()) == (1024 - 16, 728 - 40)
    # A place that fits is kept as it was.
    rect, maximized = fit_on_screen(WindowPlace(60, 50, 1100, 640, True), WIDE)
    assert (rect.x(), rect.y(), rect.width(), rect.height(), maximized) == (
        60,
        50,
        1100,
        640,
        True,
    )


def test_the_window_comes_back_where_it_was_closed(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database, tmp_path: Path
) -> None:
    first = window_on(qtbot, commune_db)
    first.show()
    first.setGeometry(120, 90, 1040, 640)
    first.close()
    with commune_db.reading() as session:
        assert app_settings.window_place(session) == WindowPlace(120, 90, 1040, 640, False)
    again = window_on(qtbot, commune_db)
    assert again.restore_place(WIDE) is False
    assert again.geometry() == QRect(120, 90, 1040, 640)
    again.show()
    again.showMaximized()
    qtbot.waitUntil(again.isMaximized, timeout=5_000)
    again.close()
    third = window_on(qtbot, commune_db)
    assert third.restore_place(WIDE) is True, "maximised stays maximised"
    assert third.geometry().size() == QRect(120, 90, 1040, 640).size()
    # Each data folder keeps its own: another office's folder opens at the first-start place.
    other = new_database(AppPaths(tmp_path / "other"))
    try:
        with other.transaction() as session:
            set_up_office(session, OfficeMode.COMMUNE, commune_code="31135")
        fourth = window_on(qtbot, other)
        assert fourth.restore_place(WIDE) is False
        assert fourth.geometry().size() == PREFERRED_SIZE
    finally:
        other.close()


def test_an_unreadable_place_is_ignored(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    for text in ("", "abc", "1,2,3", "10,10,-5,600,0", "1,2,3,4,5,6"):
        with commune_db.transaction() as session:
            app_settings.set_setting(session, app_settings.WINDOW_PLACE, text)
        window = window_on(qtbot, commune_db)
        assert window.restore_place(WIDE) is False, text
        assert window.geometry().size() == PREFERRED_SIZE, text


# -- dialogs ------------------------------------------------------------------------------------


def test_a_dialog_larger_than_the_screen_is_shrunk_to_it(vi_app: QApplication) -> None:
    dialog = QDialog()
    dialog.resize(1080, 720)  # the change history; a progress record is 760×720
    keep_on_screen(dialog, SMALL)
    assert (dialog.width(), dialog.height()) == (1024 - 16, 728 - 40)
    dialog.resize(620, 560)
    keep_on_screen(dialog, SMALL)
    assert (dialog.width(), dialog.height()) == (620, 560), "a form that fits keeps its size"


def test_the_change_history_opens_within_the_screen(
    qtbot: QtBot, vi_app: QApplication, commune_db: Database
) -> None:
    office = commune_db.office()
    assert office is not None
    page = LoansPage(AppContext(commune_db, office))
    qtbot.addWidget(page)
    page.show()
    borrowers = page.tab("borrowers")
    loaded(qtbot, borrowers)
    room = free_area()
    seen: list[tuple[int, int]] = []

    def look(dialog: QDialog) -> None:
        seen.append((dialog.width(), dialog.height()))
        dialog.reject()

    with answering(qtbot, fill(look)):
        click(borrowers.history_button)
    assert seen and seen[0][0] <= room.width() - 16 and seen[0][1] <= room.height() - 40
