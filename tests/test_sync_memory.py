"""Memory bounded by the file's size (issue 14, item 6): half a megabyte of correctly signed
and sealed file, built to exhaust the city's memory, is refused in a second by a process
whose peak resident memory stays within a few hundred megabytes. (Before: 3,0 GB and 34 s
for the same file.) Each import runs in its own process, so its peak (``VmHWM``) is its
own."""

from __future__ import annotations

import copy
import json
import os
import secrets
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.hostile_support import Scene, make_scene
from tests.sync_support import World, seal, write

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop.core.database import Database
    from desktop.paths import AppPaths
    from desktop.sync.importer import CityImporter

    database = Database.open(AppPaths(Path(sys.argv[1])))
    start = time.perf_counter()
    with CityImporter(database) as importer:
        report = importer.import_file(Path(sys.argv[2]))
    seconds = time.perf_counter() - start
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    print(report.status.value, peak // 1024, round(seconds, 2), flush=True)
    """
)

#: Peak resident memory allowed to the whole importing process (Python, Qt-free imports,
#: SQLite and the file), for a file of half a megabyte.
PEAK_MB = 300
#: Gifts in the file of long texts.
ROWS = 10_000

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="reads the peak from /proc"
)


@pytest.fixture
def scene(world: World, tmp_path: Path) -> Iterator[Scene]:
    yield from make_scene(world, tmp_path)


def half_a_megabyte(scene: Scene, name: str, body: bytes, counts: dict[str, int]) -> Path:
    opened = scene.opened()
    manifest = copy.deepcopy(opened.manifest)
    manifest["export"].update(id=str(uuid.uuid4()), seq=2)
    manifest["counts"] = counts
    path = write(scene.out / name, seal(scene.world, manifest, body, scene.signing_key))
    assert 300_000 < path.stat().st_size < 700_000, path.stat().st_size
    return path


def lists_under_the_ratio(scene: Scene) -> Path:
    """Six million empty rows, padded with random text so the file unpacks to just under
    the ratio a payload may have: only counting brackets stops it."""
    columns = scene.opened().payload["tables"][0]["columns"]
    pad = secrets.token_hex(220_000)
    rows = ",".join(["[]"] * 6_000_000)
    table = (
        f'{{"type":"fund_contribution","columns":{json.dumps(columns)},"rows":[["{pad}"],{rows}]}}'
    )
    return half_a_megabyte(scene, "lists.tdcs", f'{{"tables":[{table}]}}'.encode(), {"hamlet": 1})


def long_texts(scene: Scene) -> Path:
    """Ten thousand gifts with the longest donor name and notes their columns allow (200
    and 2 000 characters), with random words in front so that the whole stays under the
    unpack ratio: 22 MB of valid records, read, checked and stored."""
    opened = scene.opened()
    table = copy.deepcopy(opened.payload["tables"][0])
    columns = table["columns"]
    at_id, at_name, at_notes = (columns.index(c) for c in ("id", "donor_name", "notes"))
    template: list[Any] = table["rows"][0]
    table["rows"] = []
    for _ in range(ROWS):
        row = list(template)
        row[at_id] = str(uuid.uuid4())
        row[at_name] = f"Công ty {secrets.token_hex(4)} " + "x" * 183
        row[at_notes] = f"{secrets.token_hex(4)} " + "x" * 1_991
        table["rows"].append(row)
    body = json.dumps({"tables": [table]}, ensure_ascii=False).encode()
    return half_a_megabyte(scene, "texts.tdcs", body, {"fund_contribution": ROWS})


def import_in_a_process(scene: Scene, path: Path) -> tuple[str, int, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(scene.world.city.paths.data_dir), str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    status, peak, seconds = done.stdout.split()
    return status, int(peak), float(seconds)


@pytest.mark.slow
@pytest.mark.parametrize("make", [lists_under_the_ratio, long_texts], ids=["lists", "texts"])
def test_half_a_megabyte_cannot_take_the_citys_memory(scene: Scene, make: Any) -> None:
    path = make(scene)
    status, peak, seconds = import_in_a_process(scene, path)
    assert status == ("refused" if make is lists_under_the_ratio else "applied")
    assert peak < PEAK_MB, f"{peak} MB"
    assert seconds < 20


@pytest.mark.slow
def test_a_genuine_file_still_imports_in_a_process(scene: Scene) -> None:
    status, peak, _seconds = import_in_a_process(scene, scene.second)
    assert status == "applied" and peak < PEAK_MB
