"""Smoke test of the frozen (PyInstaller) TDCS, the program commune staff actually run.

The bundle is built by ``packaging/build-linux.sh`` from the spec the Windows build uses;
these tests then run it as a user would, in a temporary data folder, headless (and the city
on a throw-away PostgreSQL server, with the psycopg and libpq the bundle carries):

    bash packaging/build-linux.sh
    TDCS_FROZEN_APP=dist/TDCS .venv/bin/python -m pytest tests/test_frozen.py

Without ``TDCS_FROZEN_APP`` the frozen tests are skipped (building takes about a minute, and
a bundle left over from an older build would test old code); ``.ci/run`` builds and sets it.
Any output the program was not expected to print fails the test, as in qutebrowser's
frozen-app smoke test: a warning on stderr is how a missing plugin or data file shows first.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop.app.selftest import STEPS, step_name
from desktop.version import app_version

ROOT = Path(__file__).resolve().parent.parent
FROZEN_ENV = "TDCS_FROZEN_APP"
#: What Qt's offscreen platform prints about window sizes; harmless, and the test suite
#: ignores it too (pyproject.toml, qt_log_ignore).
HARMLESS_STDERR = re.compile(r"^This plugin does not support propagateSizeHints\(\)$")


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_windows_version_resource_numbers_come_from_pyproject() -> None:
    winversion = _load("winversion")
    assert winversion.project_version(ROOT) == app_version()
    assert winversion.numeric_version("0.1.0") == (0, 1, 0, 0)
    assert winversion.numeric_version("1.2") == (1, 2, 0, 0)
    assert winversion.numeric_version("0.2.0rc1") == (0, 2, 0, 0)
    assert winversion.numeric_version("2026.10.5.1") == (2026, 10, 5, 1)


@pytest.fixture(scope="module")
def bundle() -> Path:
    value = os.environ.get(FROZEN_ENV)
    if not value:
        pytest.skip(f"no frozen bundle: run packaging/build-linux.sh and set {FROZEN_ENV}")
    folder = Path(value).resolve()
    suffix = ".exe" if sys.platform == "win32" else ""
    for name in ("TDCS", "tdcs-cli"):
        assert (folder / f"{name}{suffix}").is_file(), f"{name} missing from {folder}"
    return folder


def run(bundle: Path, program: str, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run one of the bundle's programs as a user would: a clean environment (no
    PYTHONPATH pointing back into the repository), a fresh data folder, Vietnamese."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "QT_", "TDCS_"))
    }
    env.update({"TDCS_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen", "TDCS_LANG": "vi"})
    suffix = ".exe" if sys.platform == "win32" else ""
    return subprocess.run(
        [str(bundle / f"{program}{suffix}"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=data_dir.parent,
        timeout=120,
        check=False,
    )


def unexpected_stderr(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if not HARMLESS_STDERR.match(line)]


def test_frozen_version(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "tdcs-cli", "--version", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"TDCS {app_version()}"
    assert unexpected_stderr(result) == []


def test_frozen_self_test(bundle: Path, tmp_path: Path) -> None:
    """Every step of the self-test (the source's list, so a step added later must pass
    frozen too) prints its line, then the check of the office's own database ("data"),
    then OK; nothing else is printed."""
    result = run(bundle, "tdcs-cli", "self-test", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_stderr(result) == []
    lines = result.stdout.splitlines()
    assert lines[-1] == "OK"
    step_names = [re.fullmatch(r"  (\w+): .+", line) for line in lines[:-1]]
    assert all(step_names), lines
    # The steps in the throwaway folder, then the check of the data folder's own database.
    assert [m.group(1) for m in step_names if m] == [*map(step_name, STEPS), "data"]


@pytest.fixture
def server_database(request: pytest.FixtureRequest) -> str:
    """A new database on the test PostgreSQL server (``pg_url``, conftest.py). Where
    PostgreSQL is meant to be installed (.ci/run sets ``TDCS_WITH_POSTGRESQL=1``) a missing
    server fails the test instead of skipping it: the bundle's driver must be tested."""
    try:
        return str(request.getfixturevalue("pg_url"))
    except pytest.skip.Exception as skipped:
        if os.environ.get("TDCS_WITH_POSTGRESQL") == "1":
            pytest.fail(f"TDCS_WITH_POSTGRESQL=1 but {skipped.msg}")
        raise


def test_frozen_city_on_postgresql(bundle: Path, tmp_path: Path, server_database: str) -> None:
    """The frozen program reaches a PostgreSQL server with the psycopg and libpq it carries
    (issue 17): it sets the city office up there, then its self-test names the driver and
    reads every table of that database back."""
    data = tmp_path / "data"
    init = run(
        bundle, "tdcs-cli", "init", "--mode", "city", "--database", server_database, data_dir=data
    )
    assert init.returncode == 0, init.stdout + init.stderr
    assert "Đã thiết lập" in init.stdout and "(92)" in init.stdout
    assert unexpected_stderr(init) == []
    assert not (data / "tdcs.sqlite3").exists()  # the database is on the server
    check = run(bundle, "tdcs-cli", "self-test", "--database", server_database, data_dir=data)
    assert check.returncode == 0, check.stdout + check.stderr
    assert unexpected_stderr(check) == []
    lines = check.stdout.splitlines()
    assert lines[-1] == "OK"
    # The compiled implementation, whose libpq came with the bundle.
    assert any(
        re.fullmatch(r"  postgresql: driver psycopg [\d.]+ \(binary\), libpq [\d.]+", line)
        for line in lines
    ), lines
    data_line = lines[-2]
    assert data_line.startswith("  data: postgresql+psycopg://"), data_line
    assert "office 92 " in data_line and re.search(r"\d+ tables read", data_line), data_line


def test_frozen_window_opens_in_vietnamese(bundle: Path, tmp_path: Path) -> None:
    """Set up an office with the command line and fill it with demonstration data, then
    open the real main window offscreen, and every page in it, saving a picture of each:
    the Qt platform plugin, the fonts, the translations and whatever the pages load must
    all be in the bundle for this to work."""
    data = tmp_path / "data"
    init = run(bundle, "tdcs-cli", "init", "--mode", "commune", "--commune", "31120", data_dir=data)
    assert init.returncode == 0, init.stderr
    assert "Đã thiết lập" in init.stdout  # the Vietnamese catalogue was found in the bundle
    assert "Cái Khế" in init.stdout
    assert unexpected_stderr(init) == []
    demo = run(bundle, "tdcs-cli", "demo-data", data_dir=data)  # pages with tables and charts
    assert demo.returncode == 0, demo.stderr
    assert unexpected_stderr(demo) == []
    picture = tmp_path / "main-window.png"
    shot = run(
        bundle,
        "TDCS",
        "--smoke-screenshot",
        str(picture),
        "--data-dir",
        str(data),
        "-platform",
        "offscreen",
        data_dir=data,
    )
    assert shot.returncode == 0, shot.stdout + shot.stderr
    assert unexpected_stderr(shot) == []
    assert picture.stat().st_size > 10_000  # a painted window, not an empty image
    pages = sorted(path.name for path in tmp_path.glob("main-window-*.png"))
    assert "main-window-settings.png" in pages and len(pages) >= 7, pages
    log = (data / "logs" / "tdcs.log").read_text(encoding="utf-8")
    assert "ERROR" not in log and "Traceback" not in log


def test_frozen_bundle_leaves_out_what_it_must(bundle: Path) -> None:
    """The Wine build's stand-ins for Windows system DLLs and the Qt modules TDCS does not
    use never ship; the translation sources stay behind, the compiled catalogues go in."""
    names = {path.name.lower() for path in bundle.rglob("*") if path.is_file()}
    assert not any(name.startswith("icuuc") and name.endswith(".dll") for name in names)
    assert "bcryptprimitives.dll" not in names
    for unused in ("qt6webenginecore", "qt6quick", "qt6qml", "qt6multimedia", "opengl32sw"):
        assert not any(unused in name for name in names), unused
    # The report preview falls back to "no preview" without Qt's PDF module; ship it.
    for used in ("qt6pdf.", "qt6pdfwidgets."):
        assert any(used in name for name in names), used
    resources = bundle / "_internal" / "resources"
    assert not list(resources.rglob("*.ts"))
    assert (resources / "translations" / "tdcs_ui_vi.qm").is_file()
    assert (resources / "fonts" / "LiberationSans-Regular.ttf").is_file()
    assert (bundle / "_internal" / "db" / "migrations" / "env.py").is_file()
    # The city's PostgreSQL driver: psycopg's compiled implementation and the libpq its
    # wheel carries (tests/test_frozen.py::test_frozen_city_on_postgresql uses them).
    internal = bundle / "_internal"
    assert list((internal / "psycopg_binary").glob("_psycopg.*")), "psycopg_binary missing"
    assert [path for path in internal.rglob("libpq*") if path.is_file()], "libpq missing"
