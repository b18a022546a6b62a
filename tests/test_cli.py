"""Every command of ``tdcs``, its output and its errors (Vietnamese, non-zero exit)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("TDCS 0.")


@pytest.mark.parametrize(
    "command", ["init", "demo-data", "self-test", "backup", "restore", "gui", None]
)
def test_every_command_has_vietnamese_help(
    capsys: pytest.CaptureFixture[str], command: str | None
) -> None:
    code, out, _ = run(capsys, *([command] if command else []), "--help")
    assert code == 0
    assert "Cách dùng:" in out and "--data-dir" in out


def test_init_commune(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(
        capsys,
        "init",
        "--data-dir",
        str(tmp_path),
        "--mode",
        "commune",
        "--commune",
        "31120",
        "--hamlet",
        "Khu vực 1",
        "--hamlet",
        "Khu vực 2",
    )
    assert code == 0, err
    assert "Phường Cái Khế (31120)" in out
    conn = sqlite3.connect(tmp_path / "tdcs.sqlite3")
    assert conn.execute("SELECT mode, unit_code FROM office_profile").fetchone() == (
        "commune",
        "31120",
    )
    assert conn.execute("SELECT count(*) FROM hamlets").fetchone() == (2,)


def test_init_city_with_office_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(tmp_path),
        "init",
        "--mode",
        "city",
        "--office",
        "Ban đại diện HĐQT",
    )
    assert code == 0 and "Ban đại diện HĐQT" in out


def test_init_unknown_commune_fails_clearly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "init", "--data-dir", str(tmp_path), "--mode", "commune", "--commune", "99999"
    )
    assert code == 1
    assert "99999 không phải là một trong 103 xã, phường" in err


def test_init_twice_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "init", "--data-dir", str(tmp_path), "--mode", "city")[0] == 0
    code, _, err = run(
        capsys, "init", "--data-dir", str(tmp_path), "--mode", "commune", "--commune", "31120"
    )
    assert code == 1 and "đã được thiết lập" in err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["init"], "thiếu tham số bắt buộc: --mode"),
        (["init", "--mode", "province"], "giá trị không hợp lệ"),
        (["demo-data", "--seed", "abc"], "không hợp lệ"),
        (["frobnicate"], "giá trị không hợp lệ"),
        (["init", "--mode", "city", "--unknown"], "không hiểu tham số"),
    ],
)
def test_usage_errors_are_vietnamese(
    capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert fragment in err and "Lỗi:" in err


def test_commune_init_without_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "init", "--data-dir", str(tmp_path), "--mode", "commune")
    assert code == 1 and "Hãy chọn xã, phường" in err


def test_demo_data_needs_setup_then_fills(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "demo-data", "--data-dir", str(tmp_path))
    assert code == 1 and "chưa được thiết lập" in err
    run(capsys, "init", "--data-dir", str(tmp_path), "--mode", "commune", "--commune", "31186")
    code, out, err = run(capsys, "demo-data", "--data-dir", str(tmp_path), "--seed", "7")
    assert code == 0, err
    assert "loan " in out and "Đã tạo dữ liệu mẫu" in out
    code, _, err = run(capsys, "demo-data", "--data-dir", str(tmp_path))
    assert code == 1 and "đã có bản ghi" in err


def test_data_dir_from_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TDCS_DATA_DIR", str(tmp_path / "from-env"))
    assert run(capsys, "init", "--mode", "city")[0] == 0
    assert (tmp_path / "from-env" / "tdcs.sqlite3").is_file()


def test_self_test_prints_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "self-test")
    assert code == 0, err
    assert out.strip().splitlines()[-1] == "OK"


def test_backup_and_restore_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    run(
        capsys,
        "init",
        "--data-dir",
        data,
        "--mode",
        "commune",
        "--commune",
        "31120",
        "--hamlet",
        "Khu vực 1",
    )
    backup = tmp_path / "saved.sqlite3"
    code, out, _ = run(capsys, "backup", "--data-dir", data, "--out", str(backup))
    assert code == 0 and str(backup) in out
    conn = sqlite3.connect(Path(data) / "tdcs.sqlite3")
    conn.execute("UPDATE hamlets SET name = 'changed after backup'")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "restore", "--data-dir", data, str(backup))
    assert code == 0, err
    conn = sqlite3.connect(Path(data) / "tdcs.sqlite3")
    assert conn.execute("SELECT name FROM hamlets").fetchone() == ("Khu vực 1",)
    conn.close()
    before_restore = [
        p.name for p in (Path(data) / "backups").iterdir() if "before-restore" in p.name
    ]
    assert before_restore, "the replaced database was kept"


def test_backup_into_backups_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "init", "--data-dir", str(tmp_path), "--mode", "city")
    code, out, _ = run(capsys, "backup", "--data-dir", str(tmp_path))
    assert code == 0 and "backups" in out and "manual" in out


def test_restore_refuses_bad_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(
        capsys, "init", "--data-dir", str(tmp_path / "a"), "--mode", "commune", "--commune", "31120"
    )
    run(
        capsys, "init", "--data-dir", str(tmp_path / "b"), "--mode", "commune", "--commune", "31135"
    )
    other = tmp_path / "other.sqlite3"
    run(capsys, "backup", "--data-dir", str(tmp_path / "b"), "--out", str(other))
    code, _, err = run(capsys, "restore", "--data-dir", str(tmp_path / "a"), str(other))
    assert code == 1 and "31135" in err and "31120" in err
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    code, _, err = run(capsys, "restore", "--data-dir", str(tmp_path / "a"), str(junk))
    assert code == 1 and "không phải cơ sở dữ liệu" in err
    code, _, err = run(
        capsys, "restore", "--data-dir", str(tmp_path / "a"), str(tmp_path / "missing")
    )
    assert code == 1 and "Không tìm thấy" in err


def test_corrupt_database_is_explained(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "tdcs.sqlite3").write_bytes(b"garbage" * 100)
    code, _, err = run(capsys, "backup", "--data-dir", str(tmp_path))
    assert code == 3
    assert "không phải cơ sở dữ liệu" in err and "tdcs restore" in err


def test_restore_repairs_a_corrupt_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    run(capsys, "init", "--data-dir", str(data), "--mode", "city")
    backup = tmp_path / "good.sqlite3"
    run(capsys, "backup", "--data-dir", str(data), "--out", str(backup))
    (data / "tdcs.sqlite3").write_bytes(b"garbage" * 100)
    code, _, err = run(capsys, "restore", "--data-dir", str(data), str(backup))
    assert code == 0, err
    assert any(p.name.startswith("tdcs.sqlite3.damaged-") for p in data.iterdir())
    assert run(capsys, "backup", "--data-dir", str(data))[0] == 0


def test_newer_database_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "init", "--data-dir", str(tmp_path), "--mode", "city")
    conn = sqlite3.connect(tmp_path / "tdcs.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "backup", "--data-dir", str(tmp_path))
    assert code == 3 and "phiên bản TDCS mới hơn" in err


@pytest.mark.parametrize(
    "launcher",
    [["-m", "desktop"], ["-c", "from desktop.cli import main; raise SystemExit(main())"]],
)
def test_real_process(tmp_path: Path, launcher: list[str]) -> None:
    env = {**os.environ, "TDCS_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, *launcher, "init", "--mode", "commune", "--commune", "99999"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Lỗi: 99999" in done.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / ("tdcs.exe" if os.name == "nt" else "tdcs")
    assert script.is_file(), "pip install -e . creates the tdcs command"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("TDCS")
