"""The hostile scene shared by the hostile corpus: a city that imported Cái Khế's file 1,
with file 2 (and file 3) made but not yet imported, and the tools to change file 2 the way
a forger (or a broken program) would, sign it again and seal it to the city — so that only
the change under test is wrong."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.models import FundContribution
from desktop.cli import main
from desktop.core.database import Database
from desktop.core.office import record_store
from desktop.sync import keys
from desktop.sync.importer import Status
from tests.sync_support import World, content, open_genuine, own_private_key, seal, write

CODE = "31120"


@dataclass
class Scene:
    """A city that has imported file 1 of Cái Khế; files 2 and 3 made, not yet imported."""

    world: World
    commune: Database
    first: Path
    second: Path
    third: Path
    signing_key: bytes
    out: Path

    def opened(self) -> Any:
        return open_genuine(self.world.city, self.second)

    def craft(
        self,
        name: str,
        *,
        manifest: Callable[[dict[str, Any]], None] = lambda m: None,
        payload: Callable[[dict[str, Any]], None] | None = None,
        raw_payload: bytes | None = None,
        key: bytes | None = None,
        fresh: bool = False,
    ) -> Path:
        """File 2, changed by ``manifest``/``payload``, signed again (by the commune's key
        unless told otherwise) and sealed to the city: only the change is wrong. ``fresh``
        gives it a number and an identity of its own (file 50), so that it is no replay of
        file 2 when both arrive in one batch."""
        opened = self.opened()
        body = copy.deepcopy(opened.payload)
        if payload is not None:
            payload(body)
        data = raw_payload if raw_payload is not None else json.dumps(body).encode()
        changed = copy.deepcopy(opened.manifest)
        changed["counts"] = {
            t["type"]: len(t["rows"]) for t in body["tables"] if isinstance(t.get("rows"), list)
        }
        fit_changes(changed, body)
        if fresh:
            changed["export"].update(id=str(uuid.uuid4()), seq=50)
        manifest(changed)
        sealed = seal(self.world, changed, data, key or self.signing_key)
        return write(self.out / name, sealed)


def fit_changes(manifest: dict[str, Any], body: dict[str, Any]) -> None:
    """Widen the manifest's change range to the change numbers the crafted records carry,
    as a careful forger would (only the change under test is wrong)."""
    numbers = [
        row[table["columns"].index("change_seq")]
        for table in body.get("tables", [])
        if isinstance(table, dict) and "change_seq" in table.get("columns", [])
        for row in table.get("rows", [])
        if isinstance(row, list) and len(row) == len(table["columns"])
    ]
    numbers = [n for n in numbers if type(n) is int and 0 < n < 2**62]
    if numbers:
        changes = manifest["changes"]
        changes["after"] = min(changes["after"], min(numbers) - 1)
        changes["through"] = max(changes["through"], max(numbers))


def gift(database: Database, amount: int, day: date, donor: str = "Công ty TNHH Minh Phát") -> str:
    with database.transaction() as session:
        return record_store(session).create(
            FundContribution,
            {
                "donor_name": donor,
                "donor_type": "doanh_nghiep",
                "form": "chuyen_khoan",
                "amount": amount,
                "received_on": day,
                "campaign_year": day.year,
            },
        )


def make_scene(world: World, tmp_path: Path) -> Iterator[Scene]:
    """For a test module's ``scene`` fixture."""
    commune = world.commune(CODE, hamlets=("Khu vực 1", "Khu vực 2"))
    first = world.export(commune).path
    assert world.import_file(first).status is Status.APPLIED
    for amount, day in ((5_000_000, date(2025, 10, 20)), (2_000_000, date(2025, 11, 2))):
        gift(commune, amount, day)
    second = world.export(commune).path
    gift(commune, 3_000_000, date(2025, 11, 20), "Bà Lê Thị Hoa")
    third = world.export(commune).path
    signing = own_private_key(commune, keys.COMMUNE_SIGNING)
    out = tmp_path / "hostile"
    out.mkdir()
    yield Scene(world, commune, first, second, third, signing, out)
    commune.close()


def run_import(capsys: pytest.CaptureFixture[str], world: World, *files: Path) -> tuple[int, str]:
    try:
        code = main(["import", *world.city_args(), *map(str, files)])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


def ledger(world: World) -> list[tuple[str, str]]:
    rows = world.city_rows("SELECT file_name, outcome FROM imports ORDER BY id")
    return [(name, outcome) for name, outcome in rows]


def assert_refused(
    capsys: pytest.CaptureFixture[str],
    scene: Scene,
    path: Path,
    fragment: str,
    *,
    label: str = "BỊ TỪ CHỐI",
) -> str:
    """``tdcs import`` refuses ``path`` (exit 1) saying ``fragment``, writes its ledger line
    and leaves the city's data exactly as it was."""
    before = content(scene.world.city)
    entries = len(ledger(scene.world))
    code, output = run_import(capsys, scene.world, path)
    assert code == 1, output
    assert label in output and fragment in output, output
    assert content(scene.world.city) == before, "a refused file changed the city's data"
    after = ledger(scene.world)
    assert len(after) == entries + 1 and after[-1] == (path.name, "rejected")
    return output
