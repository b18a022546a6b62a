"""Fuzzing the city's import: every field of the manifest and every column of the payload
of a correctly signed and encrypted file, changed to whatever a broken program or a forger
might write. Whatever the change, the outcome is "imported" or "refused (or waiting) with a
message and a ledger line" — never an exception, never the catch-all "unexpected error" —
and the memory an import takes stays bounded by the file's size.

``TDCS_FUZZ_EXAMPLES=2000`` runs more examples than the default (kept small for the suite).
"""

from __future__ import annotations

import atexit
import copy
import hashlib
import itertools
import json
import os
import shutil
import tempfile
import tracemalloc
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from desktop.core import demo
from desktop.core.text import clean_multiline
from desktop.sync import container, crypto, keys
from desktop.sync.importer import M_UNEXPECTED, CityImporter, Status
from desktop.sync.manifest import SIGNATURE_LABEL
from desktop.sync.rules import normalise_text
from tests.sync_support import (
    World,
    open_genuine,
    own_private_key,
    template_db,
)

EXAMPLES = int(os.environ.get("TDCS_FUZZ_EXAMPLES", "40"))
TINY = demo.DemoScale(borrowers=3, groups=1, hamlets=2, contributions_per_year=2)


pytestmark = pytest.mark.usefixtures("english")


@dataclass
class Base:
    """A city that imported Cái Khế's file 1, and file 2 (every record type) taken apart."""

    world: World
    manifest: dict[str, Any]
    payload: dict[str, Any]
    signing_key: bytes
    out: Path


_BASE: list[Base] = []


def base() -> Base:
    """Made once per test process (Hypothesis runs the test body many times)."""
    if not _BASE:
        root = Path(tempfile.mkdtemp(prefix="tdcs-fuzz-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        world = World.make(root, template_db())
        commune = world.commune("31120", hamlets=("Khu vực 1",))
        assert world.import_file(world.export(commune).path).status is Status.APPLIED
        with commune.transaction() as session:
            demo.generate(session, scale=TINY)
        second = world.export(commune).path
        opened = open_genuine(world.city, second)
        signing = own_private_key(commune, keys.COMMUNE_SIGNING)
        commune.close()
        out = root / "fuzz"
        out.mkdir()
        _BASE.append(Base(world, opened.manifest, opened.payload, signing, out))
    return _BASE[0]


def manifest_paths(body: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every key of the manifest, nested ones included."""
    paths = []
    for key, value in body.items():
        paths.append((*prefix, key))
        if isinstance(value, dict):
            paths.extend(manifest_paths(value, (*prefix, key)))
    return paths


NASTY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, -1, 2, 2**31, 2**62, 2**63, 10**6, 10**15, 10**400]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=24),
    st.sampled_from(
        [
            "\ud800",
            "a\udfffb",
            "\u202eABC",
            "\x00\x07\x1b",
            " Ấp Mỹ ",
            "A\u0301p",
            "",
            "   ",
            "9999-12-31 23:59:59",
            "0001-01-01 00:00:00",
            "2026-02-30 00:00:00",
            "2026-10-05",
            "2026-10-05 01:30:00",
            "31135",
            "92",
            "../../etc/passwd",
            "x" * 20_001,
            "0123456789abcdef0123456789abcdef----",
            str(uuid.UUID(int=0)),
        ]
    ),
    st.lists(st.integers(min_value=-5, max_value=5), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(min_value=0, max_value=3), max_size=2),
)

CELL = st.tuples(st.just("cell"), st.integers(min_value=0), st.integers(min_value=0), NASTY)
#: Changes to the records are drawn as often as changes to the manifest.
MUTATION = st.one_of(
    st.tuples(st.just("manifest"), st.integers(min_value=0), NASTY),
    st.tuples(st.just("drop-key"), st.integers(min_value=0)),
    st.tuples(st.just("extra-key"), st.text(max_size=8), NASTY),
    CELL,
    CELL,
    CELL,
    st.tuples(st.just("column-name"), st.integers(min_value=0), st.integers(min_value=0), NASTY),
    st.tuples(st.just("drop-column"), st.integers(min_value=0)),
    st.tuples(st.just("row"), st.integers(min_value=0), st.sampled_from(["twice", "drop", "junk"])),
)


def mutate(manifest: dict[str, Any], payload: dict[str, Any], change: tuple[Any, ...]) -> set[str]:
    """Apply one change; return which manifest parts it touched (left as the change made
    them rather than fixed to fit)."""
    kind = change[0]
    tables = payload["tables"]
    if kind in ("manifest", "drop-key"):
        paths = manifest_paths(manifest)
        path = paths[change[1] % len(paths)]
        target = manifest
        for key in path[:-1]:
            target = target[key]
        if kind == "manifest":
            target[path[-1]] = change[2]
        else:
            del target[path[-1]]
        return {path[0], ".".join(path)}
    if kind == "extra-key":
        manifest[change[1]] = change[2]
        return set()
    table = tables[change[1] % len(tables)]
    columns, rows = table["columns"], table["rows"]
    if not rows and (kind == "cell" or (kind == "row" and change[2] in ("twice", "drop"))):
        return set()  # an earlier change dropped the table's only row: nothing left to change
    if kind == "cell":
        row = rows[(change[2] // len(columns)) % len(rows)]
        row[change[2] % len(columns)] = change[3]
    elif kind == "column-name":
        columns[change[2] % len(columns)] = change[3]
    elif kind == "drop-column":
        at = change[1] % len(columns)
        del columns[at]
        for row in rows:
            if at < len(row):  # a junk row added earlier may be shorter
                del row[at]
    elif change[2] == "twice":
        rows.append(copy.deepcopy(rows[0]))
    elif change[2] == "drop":
        rows.pop()
    else:
        rows.append(["junk", None, 1])
    return set()


_numbers = itertools.count(2)


def sealed(fuzz: Base, manifest: dict[str, Any], payload: dict[str, Any], kept: set[str]) -> bytes:
    """The file a commune would make of ``manifest`` and ``payload``: the payload's hash,
    a file identity and a number of its own unless the change was to those, signed by the
    commune's key and sealed to the city."""
    body = json.dumps(payload).encode()
    if "counts" not in kept:
        manifest["counts"] = {t["type"]: len(t["rows"]) for t in payload["tables"]}
    if "payload" not in kept and isinstance(manifest.get("payload"), dict):
        manifest["payload"].update(sha256=hashlib.sha256(body).hexdigest(), size=len(body))
    export = manifest.get("export")
    if isinstance(export, dict):
        if "export.id" not in kept:
            export["id"] = str(uuid.uuid4())
        if "export.seq" not in kept:
            export["seq"] = next(_numbers)
    raw = json.dumps(manifest).encode()
    signature = crypto.sign(fuzz.signing_key, SIGNATURE_LABEL, raw)
    archive = container.pack_bundle(container.Bundle(raw, signature, body))
    city = keys.read_city_key_file(fuzz.world.city_key_file).encryption_public
    return container.seal_bundle(archive, city)


_files = itertools.count()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.lists(MUTATION, min_size=1, max_size=3))
def test_any_change_is_imported_or_refused_with_a_reason(changes: list[tuple[Any, ...]]) -> None:
    fuzz = base()
    manifest = copy.deepcopy(fuzz.manifest)
    payload = copy.deepcopy(fuzz.payload)
    kept: set[str] = set()
    for change in changes:
        kept |= mutate(manifest, payload, change)
    data = sealed(fuzz, manifest, payload, kept)
    path = fuzz.out / f"fuzz-{next(_files)}.tdcs"
    path.write_bytes(data)
    tracemalloc.start()
    try:
        with CityImporter(fuzz.world.city) as importer:
            report = importer.import_file(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    path.unlink()
    assert report.status in (Status.APPLIED, Status.ALREADY, Status.REFUSED, Status.WAITING)
    assert report.import_id is not None, "every file has its ledger line"
    if report.status in (Status.REFUSED, Status.WAITING):
        assert report.message.strip(), "every refusal says why"
        unexpected = str(M_UNEXPECTED).split("(")[0]
        assert unexpected not in report.message, f"a check crashed: {report.message}"
    assert peak < 32_000_000 + 200 * len(data), f"{peak / 1e6:.0f} MB for {len(data)} bytes"


@settings(max_examples=EXAMPLES * 10, deadline=None)
@given(
    values=st.lists(
        st.text(st.sampled_from([*"ab \t\n\r\x0b\x07\u0301\u202e\xa0é", "\ud800"])),
        min_size=1,
        max_size=4,
    )
)
def test_the_fast_text_check_agrees_with_the_forms(values: list[str]) -> None:
    """The city's whole-column check of free text says "clean" exactly when every value is
    what a commune's form would store (``clean_multiline``), and otherwise stores that."""
    fixed = normalise_text(values)
    if fixed is None:
        assert all(clean_multiline(v) == v for v in values)
    else:
        assert fixed == [clean_multiline(v) for v in values]
