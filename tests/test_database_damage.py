"""A database with damaged data pages is never copied over a good backup, and every command
says so in Vietnamese with the way back (``tdcs restore …``) instead of "Lỗi không mong đợi".

The damage is real: bytes overwritten inside the pages that hold the loans of a commune's
database made by ``tdcs init`` and ``tdcs demo-data`` (tests/damage.py).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db import migrate
from db.backup import list_backups
from db.integrity import PageCheck, is_corruption
from desktop.cli import main
from desktop.core.backups import LiveDatabaseDamaged, auto_backup, make_backup
from desktop.paths import AppPaths
from tests.damage import damage_table_pages

UNEXPECTED = "Lỗi không mong đợi"
DAMAGED = "bị hỏng"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def commune(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> AppPaths:
    """Cái Khế with demonstration data, the city's key, and one good backup made today."""
    city, data = tmp_path / "city", tmp_path / "cai-khe"
    key = tmp_path / "city-key.tdcskey"
    for args in (
        ("init", "--data-dir", str(city), "--mode", "city"),
        ("keys", "export-city", "--data-dir", str(city), "--out", str(key)),
        ("init", "--data-dir", str(data), "--mode", "commune", "--commune", "31120"),
        ("keys", "import-city", "--data-dir", str(data), str(key)),
        ("demo-data", "--data-dir", str(data)),
        ("backup", "--data-dir", str(data)),
    ):
        code, _, err = run(capsys, *args)
        assert code == 0, (args, err)
    return AppPaths(data)


def _good_backups(paths: AppPaths) -> dict[str, bytes]:
    return {b.path.name: b.path.read_bytes() for b in list_backups(paths.backups)}


def _newest(paths: AppPaths) -> str:
    """The backup ``tdcs backup`` made last in the fixture (the day's automatic one came
    before it, with the first command that opened the set-up database)."""
    newest = list_backups(paths.backups)[0]
    assert newest.reason == "manual"
    return newest.path.name


def _explained(err: str, paths: AppPaths, good: str) -> None:
    assert UNEXPECTED not in err
    assert DAMAGED in err
    assert "tdcs restore --data-dir" in err and good in err


def test_the_backup_refuses_a_damaged_database_and_keeps_the_good_one(
    capsys: pytest.CaptureFixture[str], commune: AppPaths, tmp_path: Path
) -> None:
    before = _good_backups(commune)
    assert sorted(b.reason for b in list_backups(commune.backups)) == ["auto", "manual"]
    good = _newest(commune)
    damage_table_pages(commune.database)
    code, _out, err = run(capsys, "backup", "--data-dir", str(commune.data_dir))
    assert code == 3, err
    _explained(err, commune, good)
    assert _good_backups(commune) == before, "no damaged copy beside or instead of the good one"
    assert not list(commune.backups.glob("*.partial"))


def test_a_copy_to_a_usb_stick_is_not_replaced_by_a_damaged_one(
    capsys: pytest.CaptureFixture[str], commune: AppPaths, tmp_path: Path
) -> None:
    usb = tmp_path / "usb" / "sao-luu.sqlite3"
    assert run(capsys, "backup", "--data-dir", str(commune.data_dir), "--out", str(usb))[0] == 0
    kept = usb.read_bytes()
    damage_table_pages(commune.database)
    code, _, err = run(capsys, "backup", "--data-dir", str(commune.data_dir), "--out", str(usb))
    assert code == 3 and UNEXPECTED not in err
    assert usb.read_bytes() == kept
    assert sorted(p.name for p in usb.parent.iterdir()) == ["sao-luu.sqlite3"]


def test_the_daily_backup_refuses_and_the_rotation_keeps_every_good_copy(
    commune: AppPaths,
) -> None:
    now = datetime.now()
    for day in range(1, 11):
        auto_backup(commune, now=now + timedelta(days=day))
    # the daily copies rotate (ten are kept); the next day's finds the damage
    before = _good_backups(commune)
    damage_table_pages(commune.database)
    with pytest.raises(LiveDatabaseDamaged) as caught:
        auto_backup(commune, now=now + timedelta(days=30))
    assert isinstance(caught.value.__cause__, migrate.DamagedDatabase)
    assert _good_backups(commune) == before
    with pytest.raises(LiveDatabaseDamaged):
        make_backup(commune)
    assert _good_backups(commune) == before


@pytest.mark.parametrize(
    "command",
    [
        ("export",),
        ("report", "loan-quality", "--period", "2026", "--out", "{tmp}/bao-cao.pdf"),
        ("overview",),
        ("backup",),
    ],
)
@pytest.mark.parametrize("checked_at_open", [True, False], ids=["commune", "city-sized"])
def test_every_command_explains_a_damaged_database(
    capsys: pytest.CaptureFixture[str],
    commune: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
    checked_at_open: bool,
) -> None:
    """A commune's database is checked each time it is opened; the city's is too large for
    that (db.integrity), so there the damage is met while the command reads, and is
    explained all the same."""
    good = _newest(commune)
    if not checked_at_open:
        monkeypatch.setattr(migrate, "check_at_open", lambda _size: PageCheck.NONE)
    damage_table_pages(commune.database, pages=4)
    args = [a.format(tmp=tmp_path) for a in command]
    code, _, err = run(capsys, args[0], "--data-dir", str(commune.data_dir), *args[1:])
    assert code == 3, err
    _explained(err, commune, good)
    assert "Cơ sở dữ liệu" in err or "Tệp" in err


def test_self_test_checks_the_real_database(
    capsys: pytest.CaptureFixture[str], commune: AppPaths
) -> None:
    code, out, err = run(capsys, "self-test", "--data-dir", str(commune.data_dir))
    assert code == 0, err
    assert "integrity_check ok" in out and out.strip().endswith("OK")
    good = _newest(commune)
    damage_table_pages(commune.database)
    code, out, err = run(capsys, "self-test", "--data-dir", str(commune.data_dir))
    assert code == 1
    assert not out.strip().endswith("OK")
    first = err.strip().splitlines()[0]
    assert first.startswith("Tự kiểm tra không đạt:") and DAMAGED in first
    assert str(commune.database) in first
    assert good in err and "tdcs restore" in err


def test_restoring_the_good_backup_repairs_the_office(
    capsys: pytest.CaptureFixture[str], commune: AppPaths
) -> None:
    good = _newest(commune)
    damage_table_pages(commune.database)
    code, _out, err = run(
        capsys, "restore", "--data-dir", str(commune.data_dir), str(commune.backups / good)
    )
    assert code == 0, err
    assert [p.name for p in commune.data_dir.glob("tdcs.sqlite3.damaged-*")], "kept aside"
    code, _out, err = run(capsys, "overview", "--data-dir", str(commune.data_dir))
    assert code == 0, err


def test_corruption_is_recognised_through_sqlalchemy(commune: AppPaths) -> None:
    from sqlalchemy import exc, text

    from db.engine import make_engine

    damage_table_pages(commune.database, pages=4)
    query = "SELECT count(*), sum(length(notes)) FROM loans"
    conn = sqlite3.connect(commune.database)
    with pytest.raises(sqlite3.DatabaseError) as raw:
        conn.execute(query).fetchall()
    conn.close()
    assert is_corruption(raw.value)
    assert not is_corruption(sqlite3.OperationalError("database is locked"))
    engine = make_engine(commune.database)
    try:
        with pytest.raises(exc.DatabaseError) as wrapped, engine.connect() as connection:
            connection.execute(text(query)).all()
        assert is_corruption(wrapped.value)
    finally:
        engine.dispose()
