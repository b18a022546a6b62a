"""No list is ever stale: one notification of committed changes reaches every page that shows
the data, on the GUI thread, whoever wrote (a form, an import on a worker thread, the city's
sync importer); a hidden page reloads when shown; F5 reads everything again.

The clerk's complaint: after an import or a new loan, Người vay and Tổ TK&VV kept the old
rows until TDCS restarted (59 borrowers imported, the list showed 1; "bui" found nothing).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db.enums import HouseholdCategory, Sex
from desktop.core.database import Database, DataChange, written_table
from desktop.core.loans.borrowers import BorrowerInput, create_borrower, list_borrowers
from desktop.core.office import list_hamlets
from desktop.core.owners import Scope
from desktop.core.progress import Progress
from desktop.paths import AppPaths
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.loans.loan_form import LoanForm
from desktop.ui.loans.page import LoansPage
from desktop.ui.main_window import MainWindow
from tests.clerk import answering, click, fill, loaded, save_button, trigger, type_text
from tests.loans_data import add_borrower, add_group, add_loan, person_cid
from tests.sync_support import World, add_hamlet, make_world

M = 1_000_000


def first_hamlet(database: Database) -> str:
    with database.reading() as session:
        return list_hamlets(session)[0].id


# -- the notification, without Qt ------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "table"),
    [
        ("INSERT INTO loans (id, version) VALUES (?, ?)", "loans"),
        ('INSERT OR REPLACE INTO "settings" (key, value) VALUES (?, ?)', "settings"),
        ("  update borrowers SET full_name=? WHERE id = ?", "borrowers"),
        ("DELETE FROM hamlets WHERE id = ?", "hamlets"),
        ("REPLACE INTO counters VALUES (?, ?)", "counters"),
        ("SELECT id FROM loans", None),
        ("PRAGMA foreign_keys=ON", None),
        ("BEGIN", None),
        ("SAVEPOINT sa_savepoint_1", None),
        ("WITH x AS (SELECT 1) INSERT INTO loans SELECT * FROM x", "*"),
    ],
)
def test_the_table_a_statement_writes(statement: str, table: str | None) -> None:
    assert written_table(statement) == table


def test_a_commit_announces_the_tables_it_wrote(commune_db: Database) -> None:
    heard: list[DataChange] = []
    stop = commune_db.subscribe(heard.append)
    hamlet = first_hamlet(commune_db)
    with commune_db.transaction() as session:  # an ORM write through a service
        create_borrower(
            session,
            BorrowerInput(
                full_name="Bùi Văn Tâm",
                citizen_id=person_cid(1980, Sex.MALE, 7),
                birth_year=1980,
                sex=Sex.MALE,
                hamlet_id=hamlet,
                household_category=HouseholdCategory.NGHEO,
            ),
        )
    assert len(heard) == 1
    assert {"borrowers", "audit_log", "counters"} <= heard[0].tables
    assert heard[0].serial == commune_db.change_serial
    assert heard[0].touches({"borrowers"}) and not heard[0].touches({"fund_contributions"})
    with commune_db.transaction() as session:  # plain SQL
        session.execute(text("UPDATE hamlets SET sort_order = sort_order"))
    assert heard[-1].tables == {"hamlets"}
    with commune_db.transaction() as session:  # a unit of work that only reads
        list_borrowers(session, Scope.commune("31120"))
    with pytest.raises(RuntimeError), commune_db.transaction() as session:  # rolled back
        session.execute(text("UPDATE hamlets SET sort_order = 5"))
        raise RuntimeError("the save failed half-way")
    assert len(heard) == 2, "nothing committed, nothing announced"
    stop()
    add_hamlet(commune_db, "Ấp Mới")
    assert len(heard) == 2, "an unsubscribed listener hears nothing"


def test_a_failing_listener_does_not_undo_the_commit(commune_db: Database) -> None:
    def broken(_change: DataChange) -> None:
        raise RuntimeError("bug in a listener")

    heard: list[DataChange] = []
    commune_db.subscribe(broken)
    commune_db.subscribe(heard.append)
    add_hamlet(commune_db, "Ấp Thới Hòa")
    with commune_db.reading() as session:
        assert "Ấp Thới Hòa" in [h.name for h in list_hamlets(session)]
    assert len(heard) == 1, "the other listeners still hear"


def test_the_city_importer_announces_what_it_wrote(tmp_path: Path) -> None:
    for world in make_world(tmp_path):
        _city_import_is_announced(world)


def _city_import_is_announced(world: World) -> None:
    commune = world.commune("31120")
    add_hamlet(commune, "Khu vực Thới Hòa")
    exported = world.export(commune)
    heard: list[DataChange] = []
    world.city.subscribe(heard.append)
    world.import_file(exported.path)
    assert len(heard) == 1 and {"hamlets", "imports"} <= heard[0].tables
    refused = exported.path.with_name("hong.tdcs")
    refused.write_bytes(b"not a sync file")
    world.import_file(refused)  # refused: only the ledger of received files changed
    assert heard[-1].tables == {"imports"}
    commune.close()


# -- the window ------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, vi_app: QApplication, commune_db: Database) -> MainWindow:
    kv1 = first_hamlet(commune_db)
    group = add_group(commune_db, "G1", "Tổ TK&VV Khu vực 1", kv1, "HND")
    borrower = add_borrower(commune_db, "Nguyễn Văn An", serial=1, hamlet=kv1, group=group)
    add_loan(commune_db, borrower, "HN", 50 * M, date(2025, 3, 1), contract="HD1", group=group)
    office = commune_db.office()
    assert office is not None
    made = MainWindow(AppContext(commune_db, office))
    qtbot.addWidget(made)
    made.resize(1366, 728)
    made.show()
    return made


def loans_tab(qtbot: QtBot, window: MainWindow, key: str) -> Any:
    page = window.open_page("loans")
    assert isinstance(page, LoansPage)
    tab = page.tab(key)
    loaded(qtbot, tab)
    return tab


def names(tab: Any) -> list[str]:
    return sorted(row.full_name for row in tab.model.visible_rows())


def import_on_a_worker(qtbot: QtBot, database: Database, count: int, *, first: int = 0) -> None:
    """What the bank list import does, as far as the lists can tell: many borrowers
    written in one transaction on the thread pool."""
    hamlet = first_hamlet(database)

    def work(_progress: Progress) -> None:
        with database.transaction() as session:
            for serial in range(first, first + count):
                create_borrower(
                    session,
                    BorrowerInput(
                        full_name=f"Bùi Thị Mẫu {serial + 1:02d}",
                        citizen_id=person_cid(1975, Sex.FEMALE, 100 + serial),
                        birth_year=1975,
                        sex=Sex.FEMALE,
                        hamlet_id=hamlet,
                        household_category=HouseholdCategory.CAN_NGHEO,
                    ),
                )

    finished: list[object] = []
    run_in_background(work, on_done=finished.append, on_error=finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
    assert finished == [None], finished


def test_an_import_on_a_worker_thread_shows_in_the_lists(
    qtbot: QtBot, window: MainWindow, commune_db: Database
) -> None:
    borrowers = loans_tab(qtbot, window, "borrowers")
    assert names(borrowers) == ["Nguyễn Văn An"]
    borrowers.view.selectRow(0)
    import_on_a_worker(qtbot, commune_db, 30)
    # The list on screen reloads by itself, keeping the selected row.
    qtbot.waitUntil(lambda: borrowers.model.rowCount() == 31, timeout=10_000)
    loaded(qtbot, borrowers)
    selected = borrowers.selected()
    assert selected is not None and selected.full_name == "Nguyễn Văn An", "selection kept"
    loans_tab(qtbot, window, "groups")  # Người vay is now hidden behind its tab
    import_on_a_worker(qtbot, commune_db, 28, first=30)
    qtbot.wait(300)
    assert borrowers.model.rowCount() == 31 and borrowers.watcher.stale, "waits to be shown"
    window.open_page("loans").tab("borrowers")  # the clerk goes back to Người vay
    qtbot.waitUntil(lambda: borrowers.model.rowCount() == 59, timeout=10_000)
    type_text(borrowers.search, "bui")
    assert len(borrowers.model.visible_rows()) == 58
    assert borrowers.status.text() == "58 / 59 dòng"
    serial = commune_db.change_serial
    import_on_a_worker(qtbot, commune_db, 0)  # nothing written: nothing announced
    assert commune_db.change_serial == serial and not borrowers.watcher.stale


def test_a_new_loan_shows_in_borrowers_and_groups(
    qtbot: QtBot, window: MainWindow, commune_db: Database
) -> None:
    borrowers = loans_tab(qtbot, window, "borrowers")
    groups = loans_tab(qtbot, window, "groups")
    assert [(g.members, g.outstanding) for g in groups.model.visible_rows()] == [(1, 50 * M)]
    type_text(groups.search, "khu vuc 1")  # the search the clerk typed stays
    loans = loans_tab(qtbot, window, "loans")
    an = next(b for b in borrowers.model.all_rows() if b.full_name == "Nguyễn Văn An")

    def new_loan(form: LoanForm) -> None:
        form.borrower.set_row(an)
        form.programme.set_value("GQVL")
        type_text(form.contract_no, "HD-MỚI")
        type_text(form.amount, "30 triệu")
        type_text(form.disbursed_on, "15/3/2026")
        form.disbursed_on.editingFinished.emit()
        group = getattr(form, "group", None)
        if group is not None and hasattr(group, "findData"):  # the loan's group
            group.setCurrentIndex(max(group.findData(an.group_id), 0))
        click(save_button(form))

    with answering(qtbot, fill(new_loan)):
        click(loans.add_button)
    loaded(qtbot, loans)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 2, timeout=10_000)
    window.open_page("loans").tab("borrowers")
    qtbot.waitUntil(
        lambda: [b.loans for b in borrowers.model.visible_rows()] == [2], timeout=10_000
    )
    assert borrowers.model.visible_rows()[0].outstanding == 80 * M
    window.open_page("loans").tab("groups")
    qtbot.waitUntil(
        lambda: [g.outstanding for g in groups.model.visible_rows()] == [80 * M], timeout=10_000
    )
    assert groups.search.text() == "khu vuc 1"


def test_f5_reads_again_what_another_program_wrote(
    qtbot: QtBot, window: MainWindow, commune_db: Database
) -> None:
    borrowers = loans_tab(qtbot, window, "borrowers")
    # The command line (tdcs import-excel) writes through a database of its own: this
    # window hears nothing of it.
    other = Database.open(AppPaths(commune_db.paths.data_dir))
    try:
        add_borrower(other, "Bùi Văn Tâm", serial=9)
    finally:
        other.close()
    qtbot.wait(200)
    assert names(borrowers) == ["Nguyễn Văn An"]
    trigger(window.reload_action)  # F5
    qtbot.waitUntil(lambda: names(borrowers) == ["Bùi Văn Tâm", "Nguyễn Văn An"], timeout=10_000)
    assert window.reload_action.shortcut().toString() == "F5"
    # The hidden pages read again when shown; the button in the status bar does the same.
    other = Database.open(AppPaths(commune_db.paths.data_dir))
    try:
        add_borrower(other, "Bùi Thị Lan", serial=10, sex=Sex.FEMALE)
    finally:
        other.close()
    click(window.reload_button)
    qtbot.waitUntil(lambda: len(names(borrowers)) == 3, timeout=10_000)
    assert window.reload_button.text() == "Tải lại"
