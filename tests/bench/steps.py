"""The measured steps. Each runs in its own process (``python -m tests.bench.steps NAME
CONFIG RESULT``), so that the parent can read that process's peak memory (``ru_maxrss``
from ``os.wait4``) and no step warms caches for the next.

A step reads its settings from the JSON file ``CONFIG`` and writes ``{"rows": [...],
"info": {...}}`` to ``RESULT``: each row is one figure of the results table (name, value,
unit, budget, detail). Timings use ``time.perf_counter`` around exactly the work a person
waits for; preparing inputs (copying a database, decoding files for the raw baseline) is
outside the timer.
"""

from __future__ import annotations

import cProfile
import hashlib
import io
import json
import os
import pstats
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tests.bench import citydata

Row = dict[str, Any]
STEPS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def step(name: str) -> Callable[[Callable[[dict[str, Any]], dict[str, Any]]], Any]:
    def register(function: Callable[[dict[str, Any]], dict[str, Any]]) -> Any:
        STEPS[name] = function
        return function

    return register


def row(
    name: str,
    value: float | None,
    unit: str = "s",
    *,
    budget: float | None = None,
    budget_text: str = "",
    detail: str = "",
    ok: bool | None = None,
) -> Row:
    """One line of the table; ``ok`` is decided from ``budget`` unless given."""
    if ok is None and budget is not None and value is not None:
        ok = value <= budget
    return {
        "name": name,
        "value": value,
        "unit": unit,
        "budget": budget,
        "budget_text": budget_text,
        "detail": detail,
        "ok": ok,
    }


def data_of(config: dict[str, Any]) -> citydata.CityData:
    return citydata.load(Path(config["data"]))


def copy_folder(source: Path, target: Path) -> Path:
    """A data folder copied for a measurement (the app writes logs, backups and ledger rows
    into it, which must not reach the cache)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    return target


# -- database content --------------------------------------------------------------------------

#: Tables an import writes even when no record changes: the import ledger and the audit log.
LEDGER_TABLES = frozenset({"imports", "audit_log"})


def content_digest(database: Path, *, exclude: Iterable[str] = ()) -> dict[str, str]:
    """A SHA-256 of every row of every table (in rowid order), by table."""
    skip = set(exclude)
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
            if name not in skip
        ]
        digests = {}
        for table in tables:
            digest = hashlib.sha256()
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
            while batch := cursor.fetchmany(20_000):
                digest.update(repr(batch).encode())
            digests[table] = digest.hexdigest()
        return digests
    finally:
        conn.close()


def row_counts(database: Path, tables: Iterable[str]) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


# -- export ------------------------------------------------------------------------------------


@step("export")
def export_largest(config: dict[str, Any]) -> dict[str, Any]:
    """``make_export(full=True)`` of the largest commune, in a transaction as the Sync page
    and ``tdcs export --full`` run it: read, encode, sign, encrypt, write, ledger row."""
    from desktop.core.database import Database
    from desktop.paths import AppPaths
    from desktop.sync.exporter import make_export

    data = data_of(config)
    work = Path(config["work"])
    folder = copy_folder(data.largest_folder, work / "export-commune")
    database = Database.open(AppPaths(folder))
    seconds = []
    try:
        for _ in range(config["runs"]):
            start = time.perf_counter()
            with database.transaction() as session:
                result = make_export(session, work / "exports", full=True)
            seconds.append(time.perf_counter() - start)
    finally:
        database.close()
    size = result.path.stat().st_size
    shutil.rmtree(folder)
    shutil.rmtree(work / "exports")
    largest = next(c for c in data.communes if c["code"] == data.largest_code)
    loans = largest["counts"].get("loan", 0)
    median = statistics.median(seconds)
    return {
        "rows": [
            row(
                f"Export the largest commune ({data.largest_code}) as a full snapshot, "
                f"median of {len(seconds)}",
                median,
                budget=2.0,
                budget_text="< 2 s",
                detail=(
                    f"{loans:,} loans, {result.total:,} records, "
                    f"{size / 1e6:.1f} MB file; first run "
                    f"{seconds[0]:.2f} s, slowest {max(seconds):.2f} s"
                ),
            )
        ],
        "info": {"seconds": seconds, "records": result.total},
    }


# -- the raw baseline ----------------------------------------------------------------------------


def decoded_tables(city_folder: Path, path: Path) -> list[Any]:
    """The tables inside a sync file, decrypted with the city's key (no checks: the raw
    baseline only needs the rows)."""
    from desktop.core.database import Database
    from desktop.paths import AppPaths
    from desktop.sync import container, payload
    from desktop.sync.verify import city_private_key

    global _CITY_KEY
    if _CITY_KEY is None:
        database = Database.open(AppPaths(city_folder))
        with database.reading() as session:
            _CITY_KEY = city_private_key(session)
        database.close()
    bundle = container.unpack_bundle(
        container.open_file(path.read_bytes(), _CITY_KEY.private, _CITY_KEY.public)
    )
    return payload.decode(bundle.payload)


_CITY_KEY: Any = None


@step("raw")
def raw_load(config: dict[str, Any]) -> dict[str, Any]:
    """The baseline: the same rows as the files carry (and the same values in the columns
    the files leave out), loaded with plain ``sqlite3`` ``executemany`` INSERTs into the same
    tables of a copy of the same empty city database, one transaction per file. The
    connection comes from ``db.engine.make_engine(foreign_keys=False)``, the engine the
    importer uses, so the pragmas (WAL, ``synchronous=FULL``, cache size, foreign keys off)
    are the same by construction. Decoding a file is outside the timer; only BEGIN …
    INSERTs … COMMIT is timed."""
    from db.dialects import sql_literal
    from db.engine import make_engine
    from desktop.sync.importer import fill_values

    data = data_of(config)
    work = Path(config["work"])
    folder = copy_folder(data.city_folder, work / f"raw-{config['round']}")
    files = data.first_files
    engine = make_engine(folder / "tdcs.sqlite3", foreign_keys=False)
    pooled = engine.raw_connection()
    conn = pooled.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    total = 0.0
    records = 0
    try:
        for path in files:
            tables = decoded_tables(data.city_folder, path)
            start = time.perf_counter()
            conn.execute("BEGIN")
            for table in tables:
                fills = fill_values(table)
                columns = [*table.columns, *fills]
                values = ["?"] * len(table.columns) + [sql_literal(v) for v in fills.values()]
                conn.executemany(
                    f"INSERT INTO {table.model.__tablename__} ({', '.join(columns)}) "
                    f"VALUES ({', '.join(values)})",
                    table.rows,
                )
                records += len(table.rows)
            conn.execute("COMMIT")
            total += time.perf_counter() - start
    finally:
        pooled.close()
        engine.dispose()
    shutil.rmtree(folder)
    return {
        "rows": [],
        "info": {"seconds": total, "records": records, "files": len(files)},
    }


# -- the import ---------------------------------------------------------------------------------


def import_files(folder: Path, files: list[Path]) -> tuple[float, list[Any]]:
    """Import ``files`` one after the other as ``tdcs import`` does, timed as a whole."""
    from desktop.core.database import Database
    from desktop.paths import AppPaths
    from desktop.sync.importer import CityImporter
    from tests.sync_support import enrol_signers

    database = Database.open(AppPaths(folder))
    try:
        enrol_signers(database, files)  # the phone calls, before the clock starts
        start = time.perf_counter()
        with CityImporter(database) as importer:
            reports = [importer.import_file(path) for path in files]
        seconds = time.perf_counter() - start
    finally:
        database.close()
    return seconds, reports


@step("import")
def import_all(config: dict[str, Any]) -> dict[str, Any]:
    """Every first file into a copy of the empty city database: read, decrypt, verify the
    signature and hash, check every value, compare with the city's data, apply."""
    from desktop.sync.importer import Status

    data = data_of(config)
    work = Path(config["work"])
    folder = copy_folder(data.city_folder, work / "city")
    files = data.first_files
    seconds, reports = import_files(folder, files)
    bad = [(r.path.name, r.status, r.message) for r in reports if r.status is not Status.APPLIED]
    if bad:
        raise SystemExit(f"files not applied: {bad[:3]}")
    new = sum(r.summary.total("new") for r in reports if r.summary)
    return {"rows": [], "info": {"seconds": seconds, "records": new, "files": len(files)}}


@step("reimport")
def reimport(config: dict[str, Any]) -> dict[str, Any]:
    """The same files again into the imported city: every one must say "already imported",
    and the database must be byte-for-byte the same in every table."""
    from desktop.sync.importer import Status

    data = data_of(config)
    folder = Path(config["work"]) / "city"
    database = folder / "tdcs.sqlite3"
    before = content_digest(database)
    watcher = sqlite3.connect(database)
    version_before = watcher.execute("PRAGMA data_version").fetchone()[0]
    seconds, reports = import_files(folder, data.first_files)
    version_after = watcher.execute("PRAGMA data_version").fetchone()[0]
    watcher.close()
    after = content_digest(database)
    statuses = {r.status for r in reports}
    changed = sorted(t for t in before if before[t] != after.get(t))
    unchanged = statuses == {Status.ALREADY} and not changed and version_before == version_after
    detail = (
        f"all {len(reports)} answered “already imported”; every table unchanged (row digests "
        "and SQLite data_version: nothing was written)"
        if unchanged
        else f"CHANGED: statuses {sorted(statuses)}, tables {changed}"
    )
    return {
        "rows": [
            row(
                f"Re-import the same {len(reports)} files",
                seconds,
                budget_text="nothing changes",
                detail=detail,
                ok=unchanged,
            )
        ],
        "info": {"seconds": seconds, "unchanged": unchanged},
    }


@step("second")
def second_snapshots(config: dict[str, Any]) -> dict[str, Any]:
    """Each commune's second full snapshot of the same, unchanged data (new export, same
    records): the whole check and compare path runs, and no record may change."""
    from desktop.sync.importer import Status

    data = data_of(config)
    folder = Path(config["work"]) / "city"
    database = folder / "tdcs.sqlite3"
    before = content_digest(database, exclude=LEDGER_TABLES)
    seconds, reports = import_files(folder, data.second_files)
    after = content_digest(database, exclude=LEDGER_TABLES)
    changed = sorted(t for t in before if before[t] != after.get(t))
    moved = {
        category: sum(r.summary.total(category) for r in reports if r.summary)
        for category in ("new", "changed", "deleted", "conflicts", "rejected")
    }
    unchanged_records = sum(r.summary.total("unchanged") for r in reports if r.summary)
    ok = (
        all(r.status is Status.APPLIED for r in reports) and not changed and not any(moved.values())
    )
    detail = (
        f"{unchanged_records:,} records compared, all unchanged; only the import ledger and "
        "the audit log gained a line per file"
        if ok
        else f"CHANGED: {moved}, tables {changed}, statuses {sorted({r.status for r in reports})}"
    )
    return {
        "rows": [
            row(
                f"Import a second full snapshot of each of the {len(reports)} communes (same data)",
                seconds,
                budget_text="nothing changes",
                detail=detail,
                ok=ok,
            )
        ],
        "info": {"seconds": seconds, "unchanged": ok},
    }


# -- the city on a PostgreSQL server (issue 17) --------------------------------------------------


def _pg_url(config: dict[str, Any], name: str) -> str:
    return str(config["pg_admin_url"]).rsplit("/", 1)[0] + "/" + name


def _pg_new_database(config: dict[str, Any], kind: str) -> str:
    """A new database on the benchmark's server, a copy of the city's template; its name."""
    import psycopg

    name = f"bench_{kind}_{config.get('round', 0)}_{os.getpid()}"
    with psycopg.connect(config["pg_admin_url"], autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        template = config.get("pg_template")
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return name


def _pg_drop_database(config: dict[str, Any], name: str) -> None:
    import psycopg

    with psycopg.connect(config["pg_admin_url"], autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


@step("pgsetup")
def pg_setup(config: dict[str, Any]) -> dict[str, Any]:
    """The empty city on the server: a database migrated by the real history (through
    ``Database.open``), then every row of the cached SQLite city copied in (its office,
    keys, its own records), the identity sequences moved past the copied ids. Not timed:
    it is the template each measured round copies."""
    from sqlalchemy import Integer, delete, insert, select, text

    from db.engine import make_engine
    from db.models import Base
    from desktop.core.database import Database
    from desktop.paths import AppPaths

    data = data_of(config)
    name = _pg_new_database({**config, "pg_template": None}, "template")
    database = Database.open(AppPaths(Path(config["work"]) / "pg-template", _pg_url(config, name)))
    source = make_engine(data.city_folder / "tdcs.sqlite3")
    copied = 0
    try:
        with source.connect() as read, database.engine.begin() as write:
            tables = Base.metadata.sorted_tables
            for table in reversed(tables):
                write.execute(delete(table))
            for table in tables:
                rows = [dict(r._mapping) for r in read.execute(select(table))]
                if rows:
                    write.execute(insert(table), rows)
                    copied += len(rows)
                keys = list(table.primary_key.columns)
                if len(keys) == 1 and isinstance(keys[0].type, Integer) and keys[0].autoincrement:
                    column = keys[0].name
                    write.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column}'), "
                            f"coalesce(max({column}), 0) + 1, false) FROM {table.name}"
                        )
                    )
    finally:
        source.dispose()
        database.close()
    return {"rows": [], "info": {"template": name, "rows": copied}}


@step("pgraw")
def pg_raw_load(config: dict[str, Any]) -> dict[str, Any]:
    """The floor on the server: the same rows as the files carry (and the same values in
    the columns they leave out), loaded with plain ``COPY … FROM STDIN`` (psycopg) into the
    same tables of a copy of the same empty city database, one transaction per file.
    Decoding a file is outside the timer; only BEGIN … COPY … COMMIT is timed."""
    import psycopg

    from desktop.sync.importer import fill_values

    data = data_of(config)
    name = _pg_new_database(config, "raw")
    total = 0.0
    records = 0
    try:
        with psycopg.connect(_pg_url(config, name)) as conn:
            for path in data.first_files:
                tables = decoded_tables(data.city_folder, path)
                start = time.perf_counter()
                with conn.transaction(), conn.cursor() as cursor:
                    for table in tables:
                        fills = fill_values(table)
                        extra = tuple(fills.values())
                        columns = ", ".join([*table.columns, *fills])
                        copy_sql = f"COPY {table.model.__tablename__} ({columns}) FROM STDIN"
                        with cursor.copy(copy_sql) as copy:
                            for values in table.rows:
                                copy.write_row((*values, *extra))
                        records += len(table.rows)
                total += time.perf_counter() - start
    finally:
        _pg_drop_database(config, name)
    return {"rows": [], "info": {"seconds": total, "records": records}}


@step("pgimport")
def pg_import_all(config: dict[str, Any]) -> dict[str, Any]:
    """Every first file into a copy of the empty city database on the server, as ``tdcs
    import --database URL`` does: read, decrypt, verify, check every value, compare, apply."""
    from desktop.core.database import Database
    from desktop.paths import AppPaths
    from desktop.sync.importer import CityImporter, Status
    from tests.sync_support import enrol_signers

    data = data_of(config)
    name = _pg_new_database(config, "import")
    folder = Path(config["work"]) / f"pg-city-{config.get('round', 0)}"
    database = Database.open(AppPaths(folder, _pg_url(config, name)))
    try:
        files = data.first_files
        enrol_signers(database, files)  # the phone calls, before the clock starts
        start = time.perf_counter()
        with CityImporter(database) as importer:
            reports = [importer.import_file(path) for path in files]
        seconds = time.perf_counter() - start
    finally:
        database.close()
        _pg_drop_database(config, name)
    bad = [(r.path.name, r.status, r.message) for r in reports if r.status is not Status.APPLIED]
    if bad:
        raise SystemExit(f"files not applied: {bad[:3]}")
    new = sum(r.summary.total("new") for r in reports if r.summary)
    return {"rows": [], "info": {"seconds": seconds, "records": new, "files": len(files)}}


# -- the loans page -------------------------------------------------------------------------------


class GcWatch:
    """The longest pause of Python's cycle collector (it holds the GIL, so it freezes the
    window whichever thread runs it)."""

    def __init__(self) -> None:
        import gc

        self.started = 0.0
        self.longest = 0.0
        gc.callbacks.append(self.callback)

    def callback(self, phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            self.started = time.perf_counter()
        elif self.started:
            self.longest = max(self.longest, time.perf_counter() - self.started)

    def reset(self) -> float:
        longest, self.longest = self.longest, 0.0
        return longest


class Heartbeat:
    """A 5 ms timer on the GUI thread: the longest gap between two of its ticks is the
    longest time the window could not react (a "freeze")."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.tick()
        self.timer.stop()
        return self.longest


def gui_application() -> Any:
    """A ``QApplication`` set up as ``desktop.ui.app.run_gui`` sets it up (fonts, style,
    Vietnamese), offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.ui.fonts import register_fonts
    from desktop.ui.style import apply_style
    from desktop.ui.translations import install_language

    app = QApplication.instance() or QApplication(["tdcs-bench"])
    register_fonts(app)
    apply_style(app)
    install_language("vi")
    return app


def settle(seconds: float = 0.05) -> None:
    """Run the event loop for ``seconds`` (layouts, paints, timers).

    One ``QEventLoop.exec`` rather than ``processEvents`` in a loop: with PySide6 6.12 on
    Python 3.11 every call of a Qt method returning ``void`` takes one reference from
    ``None`` (which is not immortal before 3.12), so a few thousand calls abort the
    process with "deallocating None"."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


@step("loans")
def loans_page(config: dict[str, Any]) -> dict[str, Any]:
    """The Khoản vay page of the city office (the loans of every commune it holds): open it
    from the main window until the rows are on screen, then type a six-letter filter one
    key at a time. Each keystroke is timed from the key press until the table has been
    repainted; a 5 ms heartbeat on the GUI thread gives the longest freeze while the page
    opens (the rows load on the thread pool)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from desktop.core.database import Database
    from desktop.paths import AppPaths
    from desktop.sync.importer import Status
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

    data = data_of(config)
    work = Path(config["work"])
    if config.get("whole_city"):
        folder = work / "city"
        files: list[Path] = data.first_files
    else:
        folder = copy_folder(data.city_folder, work / "loans-city")
        files = data.files_for_loans(config["loans"])
        _seconds, reports = import_files(folder, files)
        assert all(r.status is Status.APPLIED for r in reports)
    app = gui_application()
    database = Database.open(AppPaths(folder))
    office = database.office()
    assert office is not None
    window = MainWindow(AppContext(database, office))
    window.show()
    settle(0.3)
    heartbeat = Heartbeat()
    collector = GcWatch()
    heartbeat.start()
    start = time.perf_counter()
    page = window.open_page("loans")
    constructed = time.perf_counter() - start
    tab = page.tab("loans")  # type: ignore[attr-defined]
    loaded = QEventLoop()
    tab.model.modelReset.connect(loaded.quit)
    while tab.loading:
        QTimer.singleShot(600_000, loaded.quit)
        loaded.exec()
        if time.perf_counter() - start > 600:
            raise SystemExit("the loans list did not load in 10 minutes")
    tab.view.viewport().repaint()
    opened = time.perf_counter() - start
    freeze = heartbeat.stop()
    gc_pause = collector.reset()
    rows = tab.model.rowCount()
    settle(0.3)
    tab.search.setFocus()
    keystrokes = []
    shown = []
    for letter in config.get("text", "nguyen"):
        heartbeat.start()
        begin = time.perf_counter()
        QTest.keyClick(tab.search, letter)
        app.processEvents()
        tab.view.viewport().repaint()
        app.processEvents()
        keystrokes.append(time.perf_counter() - begin)
        heartbeat.stop()
        shown.append(tab.model.rowCount())
    assert tab.search.text() == config.get("text", "nguyen")
    tab.search.clear()
    app.processEvents()
    begin = time.perf_counter()
    # What a click on the Borrower header does (``sortByColumn`` would sort twice).
    tab.view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    app.processEvents()
    tab.view.viewport().repaint()
    sort_seconds = time.perf_counter() - begin
    window.close()
    database.close()
    if not config.get("whole_city"):
        shutil.rmtree(folder)
    whole = bool(config.get("whole_city"))
    scope = f"the whole city, {len(files)} communes" if whole else f"{len(files)} communes"
    label = f"{rows:,} rows ({scope})"
    budget = None if whole else 0.2
    typed = ", ".join(f"{s * 1000:.0f}" for s in keystrokes)
    remaining = " → ".join(f"{n:,}" for n in shown)
    return {
        "rows": [
            row(
                f"Loans page, {label}: longest freeze of the window while it opens",
                freeze,
                budget=budget,
                budget_text="< 200 ms" if budget else "",
                detail=(
                    f"rows on screen after {opened:.2f} s (loaded on the thread pool; the "
                    f"page itself is built in {constructed * 1000:.0f} ms; longest pause of "
                    f"Python's garbage collector meanwhile {gc_pause * 1000:.0f} ms)"
                ),
            ),
            row(
                f"Loans page, {rows:,} rows: slowest keystroke typing “nguyen”",
                max(keystrokes),
                budget=budget,
                budget_text="< 200 ms per keystroke" if budget else "",
                detail=(
                    f"each key (ms): {typed}; rows left: {remaining}; sorting by borrower "
                    f"(Vietnamese order) {sort_seconds:.2f} s"
                ),
            ),
        ],
        "info": {
            "rows": rows,
            "opened": opened,
            "freeze": freeze,
            "keystrokes": keystrokes,
            "sort": sort_seconds,
        },
    }


# -- the city's yearly report ---------------------------------------------------------------------


@step("report")
def city_report(config: dict[str, Any]) -> dict[str, Any]:
    """The city's yearly report over every imported commune, as the Báo cáo page and
    ``tdcs report city-yearly --period YEAR`` make it: the figures are read and laid out
    once (``make_report``), then written as PDF and as Excel (``save_report``). The budget
    is for what the person waits for: reading plus the PDF."""
    from desktop.core.database import Database
    from desktop.core.periods import Period
    from desktop.paths import AppPaths
    from desktop.reports.registry import ReportRequest, get_report
    from desktop.reports.service import make_report, save_report

    work = Path(config["work"])
    name = config.get("name", "city-yearly")
    database = Database.open(AppPaths(work / "city"))
    request = ReportRequest(
        Period.whole_year(citydata.REFERENCE_DAY.year), None, citydata.REFERENCE_DAY
    )
    builds, pdfs, workbooks = [], [], []
    try:
        spec = get_report(name)
        for _ in range(config.get("runs", 3)):
            start = time.perf_counter()
            report = make_report(database, spec, request)
            built = time.perf_counter()
            pdf = save_report(report, work / "report.pdf")
            written = time.perf_counter()
            workbook = save_report(report, work / "report.xlsx")
            builds.append(built - start)
            pdfs.append(written - built)
            workbooks.append(time.perf_counter() - written)
    finally:
        database.close()
    pages = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
    build, render_pdf, render_xlsx = (statistics.median(x) for x in (builds, pdfs, workbooks))
    runs = len(builds)
    return {
        "rows": [
            row(
                f"City yearly report ({name}, {request.period.year}) as PDF, median of {runs}",
                build + render_pdf,
                budget=5.0,
                budget_text="< 5 s",
                detail=(
                    f"reading the figures {build:.2f} s + PDF {render_pdf:.2f} s; {pages} pages, "
                    f"{pdf.stat().st_size / 1e6:.1f} MB"
                ),
            ),
            row(
                f"City yearly report as Excel, median of {runs}",
                build + render_xlsx,
                detail=(
                    f"reading the figures {build:.2f} s + workbook {render_xlsx:.2f} s; "
                    f"{workbook.stat().st_size / 1e6:.1f} MB"
                ),
            ),
        ],
        "info": {"build": builds, "pdf": pdfs, "xlsx": workbooks},
    }


# -- the child process ---------------------------------------------------------------------------


def profile_summary(profile: cProfile.Profile, limit: int = 25) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("cumulative").print_stats(limit)
    out.write("\n--- by own time ---\n")
    stats.sort_stats("tottime").print_stats(limit)
    return out.getvalue()


def main(argv: list[str]) -> int:
    name, config_path, result_path = argv
    config = json.loads(Path(config_path).read_text(encoding="utf-8"))
    os.environ.setdefault("TDCS_LANG", "en")
    function = STEPS[name]
    profile_dir = config.get("profile_dir")
    if profile_dir:
        profile = cProfile.Profile()
        result = profile.runcall(function, config)
        target = Path(profile_dir) / f"{name}-{config.get('round', 0)}"
        profile.dump_stats(target.with_suffix(".prof"))
        target.with_suffix(".txt").write_text(profile_summary(profile), encoding="utf-8")
    else:
        result = function(config)
    Path(result_path).write_text(json.dumps(result, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
