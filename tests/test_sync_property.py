"""Whatever happens between the communes and the city — edits, deletes, restores, exports,
files lost, sent twice, imported in any order — once every file has arrived the city's copy
of each commune equals the commune's own data (the fields that travel)."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from db.models import Borrower, Hamlet
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.office import record_store
from desktop.sync.importer import CityImporter, Status
from tests.db_support import POSTGRESQL
from tests.pg_server import PgServer
from tests.sync_support import World, template_db, travelling_state

CODES = ("31120", "31217")
NAMES = ("Ấp Mỹ", "Ấp Thạnh", "Khu vực 1", "Ấp Đông", "Ấp Tây", "Ấp Hòa")
PEOPLE = ("Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung")

ops = st.one_of(
    st.tuples(st.just("hamlet"), st.integers(0, 1), st.sampled_from(NAMES)),
    st.tuples(st.just("borrower"), st.integers(0, 1), st.sampled_from(PEOPLE)),
    st.tuples(st.just("edit"), st.integers(0, 1), st.integers(0, 50), st.sampled_from(NAMES)),
    st.tuples(st.just("delete"), st.integers(0, 1), st.integers(0, 50)),
    st.tuples(st.just("restore"), st.integers(0, 1), st.integers(0, 50)),
    st.tuples(st.just("export"), st.integers(0, 1), st.booleans()),
    st.tuples(st.just("deliver"), st.integers(0, 50)),
)


@dataclass
class Commune:
    code: str
    database: Database
    hamlets: list[str] = field(default_factory=list)
    borrowers: list[str] = field(default_factory=list)

    def records(self) -> list[tuple[type[Any], str]]:
        return [(Hamlet, i) for i in self.hamlets] + [(Borrower, i) for i in self.borrowers]


def step(world: World, communes: list[Commune], files: list[Path], op: tuple[Any, ...]) -> None:
    kind = op[0]
    if kind == "deliver":
        if files:
            report = world.import_file(files[op[1] % len(files)])
            assert report.status in (Status.APPLIED, Status.ALREADY), report.message
        return
    commune = communes[op[1]]
    try:
        with commune.database.transaction() as session:
            store = record_store(session)
            if kind == "hamlet":
                values = {"name": op[2], "kind": "ap", "sort_order": 0, "active": True}
                commune.hamlets.append(store.create(Hamlet, values))
            elif kind == "borrower":
                hamlet = (
                    commune.hamlets[len(commune.borrowers) % len(commune.hamlets)]
                    if (commune.hamlets)
                    else None
                )
                values = {
                    "full_name": op[2],
                    "citizen_id": "092185000123",
                    "birth_year": 1985,
                    "sex": "nam",
                    "hamlet_id": hamlet,
                    "household_category": "ngheo",
                    "phone": "0901234567",
                    "notes": "ghi chú riêng",
                }
                commune.borrowers.append(store.create(Borrower, values))
            elif kind in ("edit", "delete", "restore") and commune.records():
                model, record_id = commune.records()[op[2] % len(commune.records())]
                if kind == "restore":
                    version = store.get(model, record_id, allow_deleted=True).version
                    store.restore(model, record_id, expected_version=version)
                elif kind == "delete":
                    version = store.get(model, record_id).version
                    store.delete(model, record_id, expected_version=version)
                elif model is Hamlet:
                    version = store.get(model, record_id).version
                    store.update(model, record_id, {"name": op[3]}, expected_version=version)
                else:
                    version = store.get(model, record_id).version
                    values = {"full_name": op[3], "notes": op[3]}
                    store.update(model, record_id, values, expected_version=version)
            elif kind == "export":
                files.append(world.export(commune.database, full=op[2]).path)
    except UserError:
        pass  # deleting a deleted record, nothing to export: the clerk sees a message


_run = itertools.count()

_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
_STEPS = {"steps": st.lists(ops, max_size=30), "seed": st.integers(0, 2**32 - 1)}


@settings(max_examples=30, **_SETTINGS)  # type: ignore[arg-type]
@given(**_STEPS)
def test_every_interleaving_converges(
    tmp_path: Path, steps: list[tuple[Any, ...]], seed: int
) -> None:
    converges(World.make(tmp_path / f"run{next(_run)}", template_db()), steps, seed)


@settings(max_examples=10, **_SETTINGS)  # type: ignore[arg-type]
@given(**_STEPS)
def test_every_interleaving_converges_on_postgresql(
    tmp_path: Path, pg_server: PgServer, steps: list[tuple[Any, ...]], seed: int
) -> None:
    """The same with the city on a PostgreSQL server (issue 17), fewer examples."""
    world = World.make(tmp_path / f"run{next(_run)}", template_db(), POSTGRESQL, pg_server)
    converges(world, steps, seed)


def converges(world: World, steps: list[tuple[Any, ...]], seed: int) -> None:
    communes = [Commune(code, world.commune(code)) for code in CODES]
    files: list[Path] = []
    try:
        for op in steps:
            step(world, communes, files, op)
        for index in range(len(communes)):
            step(world, communes, files, ("export", index, False))
        order = list(files) + random.Random(seed).sample(files, k=len(files) // 2)
        random.Random(seed).shuffle(order)
        with CityImporter(world.city) as importer:
            for path in order:
                report = importer.import_file(path)
                assert report.status in (Status.APPLIED, Status.ALREADY), report.message
        for commune in communes:
            assert travelling_state(world.city, commune.code) == travelling_state(
                commune.database, commune.code
            )
        # No conflict waits for a person (conflicts.list_conflicts' pending ones).
        pending = "SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL"
        assert world.city_rows(pending) == [(0,)]
    finally:
        for commune in communes:
            commune.database.close()
        world.close()
