"""Realistic city-scale data for the benchmarks, made the way the real offices make it.

103 communes sized unevenly from a seeded distribution: the largest about 10 000 loans
(5 800 borrowers), about 360 000 borrowers in all, each with its groups, group assessments,
loans, two quarterly balances, loan-use checks, task records over two years, fund
contributions and grants, deposits and entrusted capital (all from ``desktop.core.demo``).

Each commune is generated in its OWN commune database, set up as a commune office that
trusts the city's key, and exported twice with the real exporter (``make_export(full=True)``):
file 1 is what the city imports, file 2 is a second full snapshot of the same unchanged
data (what a commune sends when it presses "full file" again). The city's data folder (its
keys: the files are encrypted to them) and the largest commune's data folder are kept; the
other commune databases are deleted once exported.

Everything is cached under ``<cache>/<seed>-f<fraction>-n<communes>-<code version>/``: the
code version is a hash of the sources the data depends on (models, migrations, catalogues,
the demo generator, the exporter, this file), so changing any of them makes new data and a
second run reuses what the first made. Deterministic with a seed: sizes, ids, names, amounts,
dates and the stored timestamps (the demo's clock is pinned to :data:`GENERATED_AT` in the
worker processes); only the keys, export ids and so the file bytes differ between two
generations.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]

#: The day the generated offices think it is, and the clock of their stored timestamps.
REFERENCE_DAY = date(2026, 10, 15)
GENERATED_AT = datetime(2026, 10, 15, 2, 0, 0)

TOTAL_BORROWERS = 360_000
#: 5 800 borrowers make about 9 950 loans (1.7 loans a borrower in ``desktop.core.demo``).
LARGEST_BORROWERS = 5_800
SMALLEST_BORROWERS = 700

#: Sources whose change changes the generated data or the files.
VERSION_SOURCES = (
    "db/**/*.py",
    "resources/catalogues/*",
    "desktop/core/demo.py",
    "desktop/core/names.py",
    "desktop/core/office.py",
    "desktop/core/records.py",
    "desktop/core/catalogues.py",
    "desktop/sync/exporter.py",
    "desktop/sync/payload.py",
    "desktop/sync/privacy.py",
    "desktop/sync/container.py",
    "desktop/sync/crypto.py",
    "desktop/sync/manifest.py",
    "desktop/sync/keys.py",
    "tests/bench/citydata.py",
)


def code_version() -> str:
    digest = hashlib.sha256()
    for pattern in VERSION_SOURCES:
        for path in sorted(REPO.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class CitySpec:
    """Which city to make: the seed, a fraction of the full size (``--quick``, the tests)
    and how many communes (103, or a few in the tests; the largest is always among them)."""

    seed: int = 39
    fraction: float = 1.0
    communes: int = 103

    def key(self) -> str:
        return f"{self.seed}-f{self.fraction:g}-n{self.communes}-{code_version()}"


@dataclass(frozen=True)
class CommuneSize:
    code: str
    borrowers: int
    groups: int
    hamlets: int
    contributions_per_year: int
    demo_seed: int


def draw_sizes(codes: list[str], seed: int, fraction: float = 1.0) -> list[CommuneSize]:
    """One size per commune (all 103 are drawn so that a subset keeps its sizes): one
    commune of :data:`LARGEST_BORROWERS`; the others spread between
    :data:`SMALLEST_BORROWERS` and 95 % of the largest by a Beta(2.3, 1.7) draw (rural
    communes with many poor households are common, small central wards fewer), scaled so
    that there are :data:`TOTAL_BORROWERS` in all."""
    rng = random.Random(f"tdcs-bench-sizes:{seed}")
    largest = rng.randrange(len(codes))
    draws = [rng.betavariate(2.3, 1.7) for _ in codes]
    others = [i for i in range(len(codes)) if i != largest]
    low, high = SMALLEST_BORROWERS, LARGEST_BORROWERS * 0.95
    spread = (TOTAL_BORROWERS - LARGEST_BORROWERS - low * len(others)) / sum(
        draws[i] for i in others
    )
    sizes = []
    for i, code in enumerate(codes):
        full = LARGEST_BORROWERS if i == largest else min(low + draws[i] * spread, high)
        borrowers = max(8, round(full * fraction))
        sizes.append(
            CommuneSize(
                code=code,
                borrowers=borrowers,
                groups=max(3, round(borrowers / 62)),
                hamlets=rng.randint(5, 14),
                contributions_per_year=max(6, round(borrowers * rng.uniform(0.04, 0.08))),
                demo_seed=int(hashlib.sha256(f"{seed}:{code}".encode()).hexdigest()[:12], 16),
            )
        )
    return sizes


def largest_first(sizes: list[CommuneSize], count: int) -> list[CommuneSize]:
    """The largest commune and the first ``count - 1`` others, in catalogue order."""
    biggest = max(sizes, key=lambda s: s.borrowers)
    chosen = [biggest, *[s for s in sizes if s is not biggest][: count - 1]]
    order = {s.code: i for i, s in enumerate(sizes)}
    return sorted(chosen, key=lambda s: order[s.code])


@dataclass
class CityData:
    """A generated city, as found in the cache."""

    folder: Path
    spec: CitySpec
    largest_code: str
    communes: list[dict[str, Any]]
    records: int
    loans: int
    borrowers: int
    generation_seconds: float

    @property
    def city_folder(self) -> Path:
        """The city office's data folder: its keys and own records, no commune's yet."""
        return self.folder / "city"

    @property
    def largest_folder(self) -> Path:
        """The largest commune's data folder, after its two exports."""
        return self.folder / "largest"

    @property
    def first_files(self) -> list[Path]:
        return sorted((self.folder / "files" / "first").glob("*.tdcs"))

    @property
    def second_files(self) -> list[Path]:
        return sorted((self.folder / "files" / "second").glob("*.tdcs"))

    def files_for_loans(self, loans: int) -> list[Path]:
        """First files of communes in catalogue order until they hold ``loans`` loans."""
        by_code = {p.name.split("_")[0]: p for p in self.first_files}
        chosen, total = [], 0
        for commune in self.communes:
            if total >= loans:
                break
            chosen.append(by_code[commune["code"]])
            total += commune["counts"].get("loan", 0)
        return chosen


# -- generation (worker processes) --------------------------------------------------------------


@contextmanager
def pinned_demo_clock() -> Iterator[None]:
    """The demo stamps ``created_at``/``updated_at`` with ``utc_now()``: pin it, so the
    generated records are the same on every run."""
    from desktop.core import demo

    original = demo.utc_now
    demo.utc_now = lambda: GENERATED_AT  # type: ignore[assignment]
    try:
        yield
    finally:
        demo.utc_now = original  # type: ignore[assignment]


@dataclass(frozen=True)
class CommuneJob:
    size: CommuneSize
    folder: Path
    files: Path
    city_key: bytes
    keep: bool


def make_commune(job: CommuneJob) -> dict[str, Any]:
    """Set up the commune office, generate its data, export it twice (full), and delete the
    database unless it is kept."""
    from db.enums import OfficeMode
    from desktop.core import demo
    from desktop.core.database import Database
    from desktop.core.office import set_up_office
    from desktop.paths import AppPaths
    from desktop.sync import keys
    from desktop.sync.exporter import make_export

    size = job.size
    database = Database.open(AppPaths(job.folder))
    try:
        with database.transaction() as session:
            set_up_office(session, OfficeMode.COMMUNE, commune_code=size.code)
            keys.ensure_office_keys(session)
            keys.import_city_key(session, job.city_key)
        scale = demo.DemoScale(
            borrowers=size.borrowers,
            groups=size.groups,
            hamlets=size.hamlets,
            contributions_per_year=size.contributions_per_year,
        )
        with pinned_demo_clock(), database.transaction() as session:
            report = demo.generate(session, scale=scale, seed=size.demo_seed, today=REFERENCE_DAY)
        for which in ("first", "second"):
            with database.transaction() as session:
                make_export(session, job.files / which, full=True)
    finally:
        database.close()
    if not job.keep:
        shutil.rmtree(job.folder)
    return {"code": size.code, **asdict(size), "counts": report.counts, "total": report.total}


def _make_city(folder: Path, seed: int) -> bytes:
    """The city office with its keys and its own records (its task progress, fund, total
    and entrusted capital: what the demo gives the city office), but no commune's."""
    from db.enums import OfficeMode
    from desktop.core import demo
    from desktop.core.database import Database
    from desktop.core.office import set_up_office
    from desktop.paths import AppPaths
    from desktop.sync import keys

    database = Database.open(AppPaths(folder))
    try:
        with database.transaction() as session:
            set_up_office(session, OfficeMode.CITY)
            keys.ensure_office_keys(session)
            key = keys.city_key_file_bytes(session)
        with pinned_demo_clock(), database.transaction() as session:
            demo.generate(session, scale="commune", seed=seed, today=REFERENCE_DAY, communes=[])
        return key
    finally:
        database.close()


def _commune_codes() -> list[str]:
    """The 103 codes from the catalogue shipped in ``resources`` (what every office loads)."""
    import tempfile

    from desktop.core.database import Database
    from desktop.core.office import list_communes
    from desktop.paths import AppPaths

    with tempfile.TemporaryDirectory() as tmp:
        database = Database.open(AppPaths(Path(tmp)))
        try:
            with database.reading() as session:
                return [c.code for c in list_communes(session)]
        finally:
            database.close()


def generate(spec: CitySpec, target: Path, *, jobs: int = 2, log: Any = print) -> None:
    """Make the city described by ``spec`` into the empty folder ``target``."""
    start = time.perf_counter()
    codes = _commune_codes()
    sizes = largest_first(draw_sizes(codes, spec.seed, spec.fraction), spec.communes)
    biggest = max(sizes, key=lambda s: s.borrowers)
    city_key = _make_city(target / "city", spec.seed)
    files = target / "files"
    work = target / "communes"
    job_list = [
        CommuneJob(
            size,
            target / "largest" if size is biggest else work / size.code,
            files,
            city_key,
            keep=size is biggest,
        )
        for size in sizes
    ]
    # Biggest first, so the slowest job does not end the run alone.
    job_list.sort(key=lambda j: -j.size.borrowers)
    results: list[dict[str, Any]] = []
    if jobs <= 1:
        for job in job_list:
            results.append(make_commune(job))
    else:
        with ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) as pool:
            for done, result in enumerate(pool.map(make_commune, job_list), 1):
                results.append(result)
                if done % 10 == 0 or done == len(job_list):
                    log(f"  generated {done}/{len(job_list)} communes")
    shutil.rmtree(work, ignore_errors=True)
    order = {code: i for i, code in enumerate(codes)}
    results.sort(key=lambda r: order[r["code"]])
    summary = {
        "spec": asdict(spec),
        "largest_code": biggest.code,
        "communes": results,
        "records": sum(r["total"] for r in results),
        "loans": sum(r["counts"].get("loan", 0) for r in results),
        "borrowers": sum(r["counts"].get("borrower", 0) for r in results),
        "generation_seconds": round(time.perf_counter() - start, 1),
    }
    # Written last: its presence says the folder is complete.
    (target / "data.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


def load(folder: Path) -> CityData:
    summary = json.loads((folder / "data.json").read_text(encoding="utf-8"))
    return CityData(
        folder=folder,
        spec=CitySpec(**summary["spec"]),
        largest_code=summary["largest_code"],
        communes=summary["communes"],
        records=summary["records"],
        loans=summary["loans"],
        borrowers=summary["borrowers"],
        generation_seconds=summary["generation_seconds"],
    )


def default_cache() -> Path:
    configured = os.environ.get("TDCS_BENCH_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tdcs-bench"


def ensure(
    spec: CitySpec, cache: Path, *, jobs: int = 2, log: Any = print
) -> tuple[CityData, bool]:
    """The city of ``spec`` from the cache, generated first if it is not there (``True``
    when it was generated now)."""
    folder = cache / spec.key()
    if (folder / "data.json").is_file():
        return load(folder), False
    if folder.exists():
        shutil.rmtree(folder)  # an interrupted generation
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    log(f"generating {spec} into {folder} (cached for the next runs)")
    generate(spec, partial, jobs=jobs, log=log)
    partial.rename(folder)
    return load(folder), True
