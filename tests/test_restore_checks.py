"""A restore checks the backup deeply before it replaces anything — pages, schema version,
every table and column, the office's identity and whose records it holds — with the same
function on the command line, in Cài đặt → Khôi phục and in the start-up offer."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.enums import OfficeMode
from db.integrity import PageCheck
from desktop.cli import main
from desktop.core.backups import check_backup, folder_unit, make_backup, restore_backup
from desktop.core.database import Database
from desktop.core.demo import generate
from desktop.core.errors import UserError
from desktop.core.office import set_up_office
from desktop.paths import AppPaths
from desktop.ui import app as app_module
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.settings.page import SettingsPage
from tests.clerk import answering, click, fill, ok, open_file, yes
from tests.damage import damage_table_pages
from tests.db_support import new_database

Edit = Callable[[sqlite3.Connection], None]


def office(root: Path, code: str, *, seed: int = 1) -> AppPaths:
    paths = AppPaths(root / code).ensure()
    database = new_database(paths)
    with database.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code=code, hamlets=["Khu vực 1"])
        generate(session, scale="small", seed=seed)
    database.close()
    return paths


@pytest.fixture
def cai_khe(tmp_path: Path) -> AppPaths:
    return office(tmp_path, "31120")


@pytest.fixture
def ninh_kieu_backup(tmp_path: Path) -> Path:
    """A sound backup of another commune, Ninh Kiều (31135), on a USB stick."""
    paths = office(tmp_path, "31135", seed=2)
    return make_backup(paths, tmp_path / "usb" / "ninh-kieu.sqlite3")


def altered(backup: Path, edit: Edit, name: str) -> Path:
    """A copy of ``backup`` changed by ``edit`` (the way a careless or hostile hand would)."""
    copy = backup.with_name(name)
    shutil.copy(backup, copy)
    conn = sqlite3.connect(copy)
    try:
        edit(conn)
        conn.commit()
    finally:
        conn.close()
    return copy


def _drop_table(table: str) -> Edit:
    return lambda conn: conn.execute(f"DROP TABLE {table}")


def _state(paths: AppPaths) -> tuple[bytes, list[str]]:
    """The live database's bytes and the backups folder: what a refused restore leaves."""
    return paths.database.read_bytes(), sorted(p.name for p in paths.backups.iterdir())


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    _out, err = capsys.readouterr()
    return code, err


CASES: dict[str, tuple[Edit, str]] = {
    "a dropped table": (_drop_table("loan_checks"), "thiếu loan_checks"),
    "a dropped column": (
        lambda conn: conn.execute("ALTER TABLE borrowers DROP COLUMN phone"),
        "thiếu borrowers.phone",
    ),
    "another commune's records under this office's name": (
        lambda conn: conn.execute("UPDATE office_profile SET unit_code = '31120'"),
        "là bản sao lưu của Phường Cái Khế (31120) nhưng lại chứa bản ghi của "
        "Phường Ninh Kiều (31135)",
    ),
    "another commune with its office row removed": (
        lambda conn: conn.execute("DELETE FROM office_profile"),
        "đã mất thông tin đơn vị (tệp thuộc đơn vị nào), còn các bản ghi trong tệp thuộc "
        "Phường Ninh Kiều (31135)",
    ),
    "an office that does not exist": (
        lambda conn: conn.execute("UPDATE office_profile SET unit_code = '99999'"),
        "không phải xã, phường của Cần Thơ",
    ),
    "an index that no longer matches its table": (
        lambda conn: (
            conn.execute("PRAGMA writable_schema = ON"),
            conn.execute(
                "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_loans_contract_no ON loans "
                "(purpose)' WHERE name = 'ix_loans_contract_no'"
            ),
        ),
        "bị hỏng, không đọc được",
    ),
    "a newer schema": (
        lambda conn: conn.execute("UPDATE alembic_version SET version_num = '0099_future'"),
        "phiên bản TDCS mới hơn",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_command_line_refuses_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    vi_app: QApplication,
    cai_khe: AppPaths,
    ninh_kieu_backup: Path,
    case: str,
) -> None:
    edit, message = CASES[case]
    bad = altered(ninh_kieu_backup, edit, "sao-luu.sqlite3")
    before = _state(cai_khe)
    code, err = _cli(capsys, "restore", "--data-dir", str(cai_khe.data_dir), str(bad))
    assert code == 1, err
    assert message in err
    assert "Lỗi không mong đợi" not in err
    assert _state(cai_khe) == before


def test_a_backup_without_its_office_row_is_refused_even_in_a_new_data_folder(
    vi_app: QApplication, ninh_kieu_backup: Path, tmp_path: Path
) -> None:
    bad = altered(ninh_kieu_backup, CASES["another commune with its office row removed"][0], "x")
    empty = AppPaths(tmp_path / "new")
    with pytest.raises(UserError) as caught:
        restore_backup(empty, bad)
    assert "Phường Ninh Kiều (31135)" in caught.value.text()
    assert not empty.database.exists()


def test_the_full_page_check_runs_before_a_restore(cai_khe: AppPaths, tmp_path: Path) -> None:
    """The index case passes SQLite's quick check; the restore's full check finds it."""
    good = make_backup(cai_khe, tmp_path / "cai-khe.sqlite3")
    bad = altered(good, CASES["an index that no longer matches its table"][0], "index.sqlite3")
    assert check_backup(bad, pages=PageCheck.QUICK).unit_code == "31120"
    with pytest.raises(UserError):
        restore_backup(cai_khe, bad)


def test_a_sound_backup_of_this_office_restores(cai_khe: AppPaths, tmp_path: Path) -> None:
    good = make_backup(cai_khe, tmp_path / "cai-khe.sqlite3")
    restored = restore_backup(cai_khe, good)
    assert restored.backup.unit_code == "31120" and restored.kept is not None
    assert folder_unit(cai_khe) == "31120"


def test_an_older_backup_is_checked_against_its_own_schema(
    cai_khe: AppPaths, tmp_path: Path
) -> None:
    """A backup made by an older TDCS (schema 0002) restores and is migrated; the same
    backup with a table dropped is refused."""
    old = make_backup(cai_khe, tmp_path / "old.sqlite3")

    def to_0002(conn: sqlite3.Connection) -> None:
        # 0003 made loans.amount_disbursed optional; its schema has the same tables and
        # columns, so the revision alone tells the check which schema to expect.
        conn.execute("UPDATE alembic_version SET version_num = '0002_loan_position_index'")

    older = altered(old, to_0002, "older.sqlite3")
    assert check_backup(older).revision == "0002_loan_position_index"
    broken = altered(older, _drop_table("task_documents"), "older-broken.sqlite3")
    with pytest.raises(UserError) as caught:
        check_backup(broken)
    assert "task_documents" in caught.value.text()


def test_the_window_refuses_with_the_same_check(
    qtbot: QtBot, vi_app: QApplication, cai_khe: AppPaths, ninh_kieu_backup: Path
) -> None:
    bad = altered(ninh_kieu_backup, CASES["another commune with its office row removed"][0], "u")
    database = Database.open(cai_khe)
    try:
        office_info = database.office()
        assert office_info is not None
        window = MainWindow(AppContext(database, office_info))
        qtbot.addWidget(window)
        window.show()
        page = window.open_page("settings")
        assert isinstance(page, SettingsPage)
        before = _state(cai_khe)
        with answering(
            qtbot,
            fill(lambda dialog: click(dialog.other_file_button)),
            open_file(bad),
            ok("Phường Ninh Kiều (31135)"),
        ):
            click(page.data_box.restore_button)
        assert _state(cai_khe)[1] == before[1], "no backup taken, nothing restored"
        window.close()
    finally:
        database.close()


def test_the_start_up_offer_skips_a_backup_the_check_refuses(
    qtbot: QtBot, vi_app: QApplication, cai_khe: AppPaths
) -> None:
    """The newest backup lost a table; the window offers the one before it."""
    good = make_backup(cai_khe)
    newest = make_backup(cai_khe, cai_khe.backups / "tdcs-29991231-235959-manual.sqlite3")
    conn = sqlite3.connect(newest)
    conn.execute("DROP TABLE loan_checks")
    conn.commit()
    conn.close()
    damage_table_pages(cai_khe.database)
    with answering(qtbot, yes(good.name)):  # one question only, about the good one
        reopened = app_module.open_database(cai_khe)
    assert reopened is not None
    reopened.close()
    assert [p for p in cai_khe.data_dir.iterdir() if ".damaged-" in p.name]
