"""Several imports at once into the city's database (issue 17): staff on two PCs of a city
on a PostgreSQL server import different communes' files side by side; two imports of the
same commune's files go one after the other, or the second is told plainly to wait; a reader
sees none of a file before its import commits, then all of it. SQLite (one writer at a time)
gets the same answers, one import after the other."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core import demo
from desktop.core.database import Database
from desktop.sync.importer import CityImporter, FileReport, Status
from tests.db_support import POSTGRESQL
from tests.sync_support import World, content, travelling_state

pytestmark = pytest.mark.usefixtures("english", "engine")

#: Long enough for a slow machine, short enough that a hung test says so.
WAIT = 60.0


class HoldAfterFirstTable:
    """A progress that, after the first record type is written (inside the import's
    transaction), says so and waits until released."""

    def __init__(self) -> None:
        self.written = threading.Event()
        self.release = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        if done == 1:
            self.written.set()
            assert self.release.wait(WAIT), "never released"


class MeetMidway:
    """A progress that, after the first record type is written, waits for the other
    import to be as far: both are then inside their transactions at once."""

    def __init__(self, barrier: threading.Barrier) -> None:
        self.barrier = barrier

    def report(self, done: int, total: int, text: str = "") -> None:
        if done == 1:
            self.barrier.wait(WAIT)


def commune_with_data(world: World, code: str) -> Database:
    commune = world.commune(code)
    with commune.transaction() as session:
        demo.generate(session, scale="small")
    return commune


def in_thread(work: Callable[[], FileReport]) -> tuple[threading.Thread, list[FileReport]]:
    done: list[FileReport] = []
    thread = threading.Thread(target=lambda: done.append(work()), daemon=True)
    thread.start()
    return thread, done


def importing(world: World, path: Path, progress: object = None, wait: float = WAIT):  # type: ignore[no-untyped-def]
    def work() -> FileReport:
        with CityImporter(world.city) as importer:
            importer.lock_wait_seconds = wait
            if progress is None:
                return importer.import_file(path)
            return importer.import_file(path, progress=progress)  # type: ignore[arg-type]

    return work


def ledger(world: World) -> list[tuple[str, str]]:
    rows = world.city_rows("SELECT file_name, outcome FROM imports ORDER BY id")
    return [(name, outcome) for name, outcome in rows]


def test_two_communes_import_at_once(world: World, engine: str) -> None:
    """Two PCs import Cái Khế's and Ninh Kiều's files at the same moment: on PostgreSQL
    both are inside their transactions at once (neither waits for the other), both land,
    and the city holds what importing them one after the other gives."""
    communes = {code: commune_with_data(world, code) for code in ("31120", "31135")}
    files = {code: world.export(c, full=True).path for code, c in communes.items()}
    if engine == POSTGRESQL:
        barrier = threading.Barrier(2)
        progresses: dict[str, object] = {code: MeetMidway(barrier) for code in files}
    else:  # one writer at a time: the second waits for the first
        progresses = dict.fromkeys(files)
    runs = {
        code: in_thread(importing(world, path, progresses[code])) for code, path in files.items()
    }
    for thread, _done in runs.values():
        thread.join(WAIT * 2)
    reports = {code: done[0] for code, (_t, done) in runs.items()}
    for report in reports.values():
        assert report.status is Status.APPLIED, report.message
    for code, commune in communes.items():
        assert travelling_state(world.city, code) == travelling_state(commune, code)
    assert sorted(ledger(world)) == sorted((p.name, "applied") for p in files.values())
    for commune in communes.values():
        commune.close()


def test_two_imports_of_one_communes_files_go_one_after_the_other(world: World) -> None:
    """File 2 of Cái Khế is imported on one PC while file 1 still is on another: it waits,
    then lands after it; the city holds both, in order."""
    commune = commune_with_data(world, "31120")
    first = world.export(commune, full=True).path
    demo_more(commune)
    second = world.export(commune).path
    held = HoldAfterFirstTable()
    first_run, first_done = in_thread(importing(world, first, held))
    assert held.written.wait(WAIT)
    second_run, second_done = in_thread(importing(world, second))
    second_run.join(1.5)
    assert second_run.is_alive() and not second_done, "file 2 waits for file 1's import"
    held.release.set()
    first_run.join(WAIT)
    second_run.join(WAIT)
    assert first_done[0].status is Status.APPLIED, first_done[0].message
    assert second_done[0].status is Status.APPLIED, second_done[0].message
    assert [name for name, _o in ledger(world)] == [first.name, second.name]
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    commune.close()


def test_an_import_that_waits_too_long_is_refused_plainly(world: World, engine: str) -> None:
    """The other PC's import of the same commune's files does not end in time: the file is
    refused with nothing changed, saying why and what to do; imported again later, it
    lands."""
    commune = commune_with_data(world, "31120")
    first = world.export(commune, full=True).path
    demo_more(commune)
    second = world.export(commune).path
    held = HoldAfterFirstTable()
    first_run, first_done = in_thread(importing(world, first, held))
    assert held.written.wait(WAIT)
    before = content(world.city)
    report = importing(world, second, wait=0.5)()
    assert content(world.city) == before, "the refused file changed nothing"
    assert report.status is Status.REFUSED
    assert "Nothing was changed" in report.message or "nothing was changed" in report.message
    assert "import it again when that import has ended" in report.message, report.message
    if engine == POSTGRESQL:
        assert "Cái Khế (31120)" in report.message and "another computer" in report.message
    held.release.set()
    first_run.join(WAIT)
    assert first_done[0].status is Status.APPLIED, first_done[0].message
    if engine == POSTGRESQL:
        # The refusal has its ledger line, as every refusal does (in SQLite the ledger
        # itself is behind the write lock the other import holds).
        assert (second.name, "rejected") in ledger(world)
    again = importing(world, second)()
    assert again.status is Status.APPLIED, again.message
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    commune.close()


def test_a_reader_sees_nothing_of_a_file_until_its_import_commits(world: World) -> None:
    commune = commune_with_data(world, "31120")
    path = world.export(commune, full=True).path
    before = content(world.city, skip=frozenset())
    held = HoldAfterFirstTable()
    run, done = in_thread(importing(world, path, held))
    assert held.written.wait(WAIT)
    assert content(world.city, skip=frozenset()) == before, "half an import is never seen"
    assert world.city_rows("SELECT count(*) FROM imports") == [(0,)]
    held.release.set()
    run.join(WAIT)
    assert done[0].status is Status.APPLIED, done[0].message
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    commune.close()


def demo_more(commune: Database) -> None:
    """A change at the commune after its first file, for a second file to carry."""
    from db.models import Hamlet
    from desktop.core.office import record_store

    with commune.transaction() as session:
        record_store(session).create(
            Hamlet, {"name": "Khu vực mới", "kind": "khu_vuc", "sort_order": 9, "active": True}
        )


def test_the_clerk_is_told_in_vietnamese(
    world: World, engine: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``tdcs import`` on the second PC while the first still imports the same commune's
    files: refused (exit 1), saying why and what to do, in Vietnamese."""
    from desktop.cli import main

    commune = commune_with_data(world, "31120")
    first = world.export(commune, full=True).path
    demo_more(commune)
    second = world.export(commune).path
    held = HoldAfterFirstTable()
    run, done = in_thread(importing(world, first, held))
    assert held.written.wait(WAIT)
    monkeypatch.setattr(CityImporter, "lock_wait_seconds", 0.5)
    try:
        code = main(["import", *world.city_args(), str(second)])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    finally:
        held.release.set()
        run.join(WAIT)
    output = "".join(capsys.readouterr())
    assert code == 1, output
    assert "hãy nhập lại khi lần nhập đó kết thúc" in output, output
    if engine == POSTGRESQL:
        assert "Một máy tính khác (hoặc một cửa sổ khác) đang nhập tệp của Cái Khế" in output
    assert done[0].status is Status.APPLIED
    commune.close()


def test_a_first_file_that_takes_over_another_communes_record_is_refused(
    world: World, engine: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Ninh Kiều's first file (genuine key, enrolled) carries a hamlet whose id is Cái
    Khế's. On PostgreSQL the city holds nothing of Ninh Kiều, so its records are written
    without looking each id up; the one that is there stops that, everything is rolled
    back and the file checked again id by id: refused, saying whose record it is, nothing
    changed (on SQLite the ids are always looked up: the same answer)."""
    import json
    import logging

    from desktop.sync import keys
    from tests.sync_support import open_genuine, own_private_key, seal, write

    cai_khe = world.commune("31120", hamlets=("Khu vực 1",))
    assert world.import_file(world.export(cai_khe).path).status is Status.APPLIED
    ((taken,),) = world.city_rows("SELECT id FROM hamlets WHERE commune_code = '31120'")
    ninh_kieu = world.commune("31135", hamlets=("Khu vực 5", "Khu vực 6"))
    genuine = world.export(ninh_kieu).path
    opened = open_genuine(world.city, genuine)
    hamlets = next(t for t in opened.payload["tables"] if t["type"] == "hamlet")
    hamlets["rows"][0][hamlets["columns"].index("id")] = taken
    payload = json.dumps(opened.payload).encode()
    signing = own_private_key(ninh_kieu, keys.COMMUNE_SIGNING)
    forged = write(genuine.with_name("taken.tdcs"), seal(world, opened.manifest, payload, signing))
    before = content(world.city)
    with caplog.at_level(logging.INFO, logger="desktop.sync.importer"):
        report = world.import_file(forged)
    assert report.status is Status.REFUSED
    assert "31120" in " ".join(report.problems), report.problems
    again = [r for r in caplog.records if "checked again id by id" in r.getMessage()]
    assert len(again) == (1 if engine == POSTGRESQL else 0)
    assert content(world.city) == before
    assert world.import_file(genuine).status is Status.APPLIED
    assert travelling_state(world.city, "31135") == travelling_state(ninh_kieu, "31135")
    cai_khe.close()
    ninh_kieu.close()


def test_the_same_file_imported_on_two_pcs_at_once_lands_once(world: World) -> None:
    """Both PCs received the same e-mail and import it at the same moment: one imports it,
    the other is told it was already imported; the ledger has it once."""
    commune = commune_with_data(world, "31120")
    path = world.export(commune, full=True).path
    held = HoldAfterFirstTable()
    first_run, first_done = in_thread(importing(world, path, held))
    assert held.written.wait(WAIT)
    second_run, second_done = in_thread(importing(world, path))
    second_run.join(1.0)
    assert second_run.is_alive(), "the second waits for the first"
    held.release.set()
    first_run.join(WAIT)
    second_run.join(WAIT)
    statuses = sorted([first_done[0].status, second_done[0].status])
    assert statuses == sorted([Status.APPLIED, Status.ALREADY])
    assert "already imported" in second_done[0].message
    assert [o for _n, o in ledger(world)] == ["applied"]
    assert travelling_state(world.city, "31120") == travelling_state(commune, "31120")
    commune.close()
