"""Shared fixtures: every test gets its own data folder and a database, a copy of one migrated
once per session through the real migration path (``tests/db_support.py``); Qt runs
offscreen with the Vietnamese interface."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("LC_ALL", "C.UTF-8")
os.environ["TDCS_LANG"] = "vi"

import pytest
from PySide6.QtWidgets import QApplication

from db.enums import OfficeMode
from desktop.core import i18n
from desktop.core.database import Database
from desktop.paths import ENV_DATA_DIR, ENV_DATABASE_URL, AppPaths
from tests.clerk import ClickRecorder
from tests.db_support import ENGINES, POSTGRESQL, new_database_on
from tests.pg_server import PgServer
from tests.pg_server import start as start_pg_server

if TYPE_CHECKING:
    from tests.sync_support import World

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp: QApplication) -> Iterator[QApplication]:
    """Create the QApplication before any test runs: the command line would otherwise make a
    display-less QCoreApplication first, and Qt cannot replace it with a QApplication.

    It also watches every button and action shown, so that ``test_every_button`` knows which
    ones some test clicked."""
    recorder = ClickRecorder()
    qapp.installEventFilter(recorder)
    yield qapp
    qapp.removeEventFilter(recorder)


#: ``TDCS_SLOW_TESTS=1`` runs the tests marked ``slow``, as ``--slow`` does.
SLOW_ENV = "TDCS_SLOW_TESTS"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the tests marked slow (the benchmark at a tiny scale, the time and "
        f"memory bounds on huge hostile files); .ci/run does. Or set {SLOW_ENV}=1, or "
        "select them with -m slow.",
    )


def slow_tests_asked_for(config: pytest.Config) -> bool:
    """``--slow``, the environment variable, or a ``-m`` expression that names them."""
    return (
        bool(config.getoption("--slow"))
        or os.environ.get(SLOW_ENV) == "1"
        or "slow" in (config.getoption("markexpr") or "")
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` are skipped (and say how to run them) unless asked for. Tests
    marked ``after_all`` run last, and learn whether the whole suite was collected
    (``config.tdcs_whole_suite``): the button census can only judge a whole run."""
    if not slow_tests_asked_for(config):
        skip = pytest.mark.skip(reason=f"slow: run with --slow or {SLOW_ENV}=1 (.ci/run does)")
        for item in items:
            if item.get_closest_marker("slow"):
                item.add_marker(skip)
    last = [item for item in items if item.get_closest_marker("after_all")]
    items[:] = [item for item in items if not item.get_closest_marker("after_all")] + last
    collected = {Path(str(item.fspath)).name for item in items}
    every = {path.name for path in Path(__file__).parent.glob("test_*.py")}
    config.tdcs_whole_suite = every <= collected  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data folder."""
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env-data"))
    monkeypatch.delenv(ENV_DATABASE_URL, raising=False)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "data").ensure()


@pytest.fixture
def database(paths: AppPaths, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated database; already set up as an office when the test asks for
    ``commune_db`` or ``city_db`` (each copied from a template set up once per run)."""
    names = request.fixturenames
    assert not {"commune_db", "city_db"} <= set(names), "one office per database"
    office = (
        OfficeMode.COMMUNE
        if "commune_db" in names
        else OfficeMode.CITY
        if "city_db" in names
        else None
    )
    engine = request.getfixturevalue("engine") if "engine" in names else "sqlite"
    server = request.getfixturevalue("pg_server") if engine == POSTGRESQL else None
    db = new_database_on(engine, paths, office, server)
    yield db
    db.close()


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine of the test's database: a test (or module, with
    ``pytestmark = pytest.mark.usefixtures("engine")``) that asks for it runs on SQLite and
    on PostgreSQL, the same assertions (issue 17); the PostgreSQL run is skipped, saying
    why, without a server."""
    if request.param == POSTGRESQL:
        request.getfixturevalue("pg_server")
    return str(request.param)


@pytest.fixture
def commune_db(database: Database) -> Database:
    """Cái Khế's office (31120), with the hamlets "Khu vực 1" and "Khu vực 2"."""
    return database


@pytest.fixture
def city_db(database: Database) -> Database:
    """The city office."""
    return database


@pytest.fixture
def vi_app(qapp: QApplication) -> QApplication:
    """The application with the bundled fonts and the Vietnamese catalogues installed."""
    from desktop.ui.fonts import register_fonts
    from desktop.ui.translations import install_language

    register_fonts(qapp)
    install_language("vi")
    return qapp


@pytest.fixture
def english() -> Iterator[None]:
    """Messages of the Qt-free code in the source language, whatever an earlier test
    installed (a module asks with ``pytestmark = pytest.mark.usefixtures("english")``)."""
    previous = i18n._translator
    i18n.install_translator(None)
    yield
    i18n.install_translator(previous)


@pytest.fixture
def world(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[World]:
    """A city office, and communes made on demand, each in its own data folder
    (``tests/sync_support.py``); the city on the test's ``engine`` when it asks for one."""
    from tests.sync_support import make_world

    engine = request.getfixturevalue("engine") if "engine" in request.fixturenames else "sqlite"
    server = request.getfixturevalue("pg_server") if engine == POSTGRESQL else None
    yield from make_world(tmp_path, engine, server)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throw-away PostgreSQL server for the run (tests/pg_server.py); the test is skipped,
    saying why, when PostgreSQL is not installed."""
    try:
        server = start_pg_server()
    except LookupError as why:
        pytest.skip(f"no PostgreSQL server for the tests: {why}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """The ``postgresql://`` URL of a new, empty database on the test server."""
    return pg_server.create_database()


@pytest.fixture(scope="module", params=ENGINES)
def module_engine(request: pytest.FixtureRequest) -> str:
    """The engine of a city a test module shares between its tests (a module-scoped
    ``World``): the tests that use it run on SQLite, then on PostgreSQL (issue 17)."""
    if request.param == POSTGRESQL:
        request.getfixturevalue("pg_server")
    return str(request.param)


@pytest.fixture(scope="module")
def module_server(module_engine: str, request: pytest.FixtureRequest) -> PgServer | None:
    """The PostgreSQL test server when ``module_engine`` is PostgreSQL, else ``None``."""
    return request.getfixturevalue("pg_server") if module_engine == POSTGRESQL else None
