"""Fuzzing the commune's bulletin import: every field of the manifest and every value of the
payload of a bulletin correctly signed by the city, changed to whatever a broken program or
a forger holding the city's key might write. Whatever the change, the outcome is "applied"
or "refused with a message" — never an exception, never the catch-all "unexpected error" —
and the memory it takes stays bounded by the file's size.

``TDCS_FUZZ_EXAMPLES=2000`` runs more examples than the default (kept small for the suite).
"""

from __future__ import annotations

import atexit
import copy
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

from desktop.core.database import Database
from desktop.sync.bulletin_apply import M_UNEXPECTED, Status, import_bulletin
from tests.bulletin_support import CODE, city_signing_key, decide, make, open_bulletin, reseal
from tests.sync_support import World, template_db

EXAMPLES = int(os.environ.get("TDCS_FUZZ_EXAMPLES", "40"))


pytestmark = pytest.mark.usefixtures("english")


@dataclass
class Base:
    """A city that decided targets, a rate, a notice and a closing, and its bulletin to Cái
    Khế taken apart; Cái Khế, which trusts the city's key."""

    world: World
    commune: Database
    manifest: dict[str, Any]
    payload: dict[str, Any]
    signing_key: bytes
    out: Path


_BASE: list[Base] = []


def base() -> Base:
    """Made once per test process (Hypothesis runs the test body many times)."""
    if not _BASE:
        root = Path(tempfile.mkdtemp(prefix="tdcs-bulletin-fuzz-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        world = World.make(root, template_db())
        commune = world.commune(CODE)
        decide(world.city)
        path = make(world.city, root / "made", [CODE]).files[0].path
        opened = open_bulletin(path)
        out = root / "fuzz"
        out.mkdir()
        _BASE.append(
            Base(world, commune, opened.manifest, opened.payload, city_signing_key(world), out)
        )
    return _BASE[0]


def paths_of(body: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key (and list index) of a JSON body, nested ones included."""
    found: list[tuple[Any, ...]] = []
    items: Any = ()
    if isinstance(body, dict):
        items = body.items()
    elif isinstance(body, list):
        items = enumerate(body)
    for key, value in items:
        found.append((*prefix, key))
        found.extend(paths_of(value, (*prefix, key)))
    return found


NASTY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, -1, 2, 3_001, 2**31, 2**62, 2**63, 10**6, 10**15, 10**400]),
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
            "1900-01-01",
            "9999-12-31",
            "2026-10-05 01:30:00",
            "31135",
            "92",
            "HN",
            "year",
            "quarter",
            "loans_checked",
            "dong",
            "../../etc/passwd",
            "x" * 20_001,
            str(uuid.UUID(int=0)),
        ]
    ),
    st.lists(st.integers(min_value=-5, max_value=5), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(min_value=0, max_value=3), max_size=2),
)

#: Changes to the payload are drawn more often than changes to the manifest (it has more).
MUTATION = st.one_of(
    st.tuples(st.just("manifest"), st.integers(min_value=0), NASTY),
    st.tuples(st.just("manifest-drop"), st.integers(min_value=0)),
    st.tuples(st.just("manifest-extra"), st.text(max_size=8), NASTY),
    st.tuples(st.just("payload"), st.integers(min_value=0), NASTY),
    st.tuples(st.just("payload"), st.integers(min_value=0), NASTY),
    st.tuples(st.just("payload"), st.integers(min_value=0), NASTY),
    st.tuples(st.just("payload-drop"), st.integers(min_value=0)),
    st.tuples(st.just("payload-extra"), st.integers(min_value=0), st.text(max_size=8), NASTY),
    st.tuples(st.just("item"), st.integers(min_value=0), st.sampled_from(["twice", "junk"])),
)


def _at(body: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        body = body[key]
    return body


def mutate(manifest: dict[str, Any], payload: dict[str, Any], change: tuple[Any, ...]) -> set[str]:
    """Apply one change; return which manifest parts it touched (left as the change made
    them rather than fixed to fit)."""
    kind = change[0]
    body = manifest if kind.startswith("manifest") else payload
    if kind == "manifest-extra":
        manifest[change[1]] = change[2]
        return set()
    paths = paths_of(body)
    if kind in ("manifest", "manifest-drop", "payload", "payload-drop"):
        path = paths[change[1] % len(paths)]
        parent = _at(body, path[:-1])
        if kind.endswith("drop"):
            del parent[path[-1]]
        else:
            parent[path[-1]] = change[2]
        return {str(path[0]), ".".join(map(str, path))} if body is manifest else set()
    lists = [p for p in paths if isinstance(_at(body, p), list)]
    if not lists:
        return set()
    target = _at(body, lists[change[1] % len(lists)])
    if kind == "payload-extra":
        dicts = [v for v in target if isinstance(v, dict)]
        if dicts:
            dicts[0][change[2]] = change[3]
    elif change[2] == "twice" and target:
        target.append(copy.deepcopy(target[0]))
    else:
        target.append({"junk": None})
    return set()


_numbers = itertools.count(2)
_files = itertools.count()


def sealed(fuzz: Base, manifest: dict[str, Any], payload: dict[str, Any], kept: set[str]) -> bytes:
    """The bulletin the city would make of ``manifest`` and ``payload``: the payload's hash
    and counts, an identity and a number of its own unless the change was to those, signed
    by the city's key."""
    bulletin = manifest.get("bulletin")
    if isinstance(bulletin, dict):
        if "bulletin.id" not in kept:
            bulletin["id"] = str(uuid.uuid4())
        if "bulletin.seq" not in kept:
            bulletin["seq"] = next(_numbers)
    body = json.dumps(payload).encode()
    return reseal(
        manifest,
        body,
        fuzz.signing_key,
        fix_hash="payload" not in kept and isinstance(manifest.get("payload"), dict),
        fix_counts="counts" not in kept and isinstance(manifest.get("counts"), dict),
    )


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.lists(MUTATION, min_size=1, max_size=3))
def test_any_change_is_applied_or_refused_with_a_reason(changes: list[tuple[Any, ...]]) -> None:
    fuzz = base()
    manifest = copy.deepcopy(fuzz.manifest)
    payload = copy.deepcopy(fuzz.payload)
    kept: set[str] = set()
    for change in changes:
        kept |= mutate(manifest, payload, change)
    data = sealed(fuzz, manifest, payload, kept)
    path = fuzz.out / f"fuzz-{next(_files)}.tdcsb"
    path.write_bytes(data)
    tracemalloc.start()
    try:
        report = import_bulletin(fuzz.commune, path, dry_run=False)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    path.unlink()
    assert report.status in (Status.APPLIED, Status.ALREADY, Status.REFUSED)
    if report.status is Status.REFUSED:
        assert report.message.strip(), "every refusal says why"
        unexpected = str(M_UNEXPECTED).split("(")[0]
        assert unexpected not in report.message, f"a check crashed: {report.message}"
    assert peak < 32_000_000 + 200 * len(data), f"{peak / 1e6:.0f} MB for {len(data)} bytes"
