"""TDCS at city scale: measure every budget of DESIGN.md in one command.

    .venv/bin/python -m tests.bench.run [--seed N] [--quick] [--profile DIR] [...]

1. Makes (or takes from the cache) a city of 103 communes, each generated in its own
   commune database and exported with the real exporter (``tests/bench/citydata.py``).
2. Runs each step in its own process and reads that process's peak memory: export of the
   largest commune; rounds of (raw ``sqlite3`` load, real import) of the 103 files into
   copies of the same empty city database; the same with the city on a PostgreSQL server
   (rounds of a raw ``COPY`` of the same rows and the real import, into copies of one
   empty city database on a throw-away server, ``fsync`` on); re-import of the same files;
   a second full
   snapshot of every commune; cold starts of the window; the loans page; the city's
   yearly report.
3. Prints the table, writes it into ``docs/performance.md`` (between the ``results``
   markers, keeping the analysis around them) and exits 1 if a budget is missed or a step
   fails.

``--quick`` uses a tenth of the data, one import round and three starts, and writes no
file unless ``--out`` is given: it is for trying changes, not for the budgets.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.bench import citydata
from tests.bench.steps import row

REPO = citydata.REPO
DEFAULT_OUT = REPO / "docs" / "performance.md"
START_MARK = "<!-- results:start (written by python -m tests.bench.run) -->"
END_MARK = "<!-- results:end -->"
ALL_STEPS = (
    "export",
    "import",
    "postgresql",
    "reimport",
    "second",
    "startup",
    "loans",
    "report",
)


@dataclass
class Options:
    seed: int = 39
    fraction: float = 1.0
    communes: int = 103
    rounds: int = 3
    starts: int = 5
    steps: tuple[str, ...] = ALL_STEPS
    cache: Path = field(default_factory=citydata.default_cache)
    out: Path | None = DEFAULT_OUT
    profile: Path | None = None
    keep: Path | None = None
    jobs: int = 2
    quick: bool = False


@dataclass
class Measured:
    """What one child process reported, with its peak memory."""

    rows: list[dict[str, Any]]
    info: dict[str, Any]
    peak_mb: float
    load: float
    error: str = ""


def load_average() -> float:
    return os.getloadavg()[0]


def child_environment(**extra: str) -> dict[str, str]:
    """The environment of every measured process: bytecode may be used and written (an
    installed TDCS runs compiled modules; ``PYTHONDONTWRITEBYTECODE`` would make every
    start compile the whole application again), no data folder from the caller."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)}
    env.pop("TDCS_DATA_DIR", None)
    env.setdefault("TDCS_LANG", "en")
    env.update(extra)
    return env


def compile_sources() -> None:
    """Compile the application's modules once, as the installer's bundle has them."""
    for folder in ("db", "desktop", "tests/bench"):
        compileall.compile_dir(REPO / folder, quiet=1)


def run_child(args: Sequence[str], log: Path, env: dict[str, str] | None = None) -> tuple[int, int]:
    """Run ``args`` from the repository, output appended to ``log``; return the exit code
    and the process's peak resident memory in kB (``ru_maxrss`` of that very child)."""
    with log.open("ab") as out:
        process = subprocess.Popen(
            list(args),
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env or child_environment(),
        )
        _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss


class Runner:
    def __init__(self, options: Options, data: citydata.CityData, work: Path) -> None:
        self.options = options
        self.data = data
        self.work = work
        self.log = work / "steps.log"
        self.results: list[tuple[dict[str, Any], float | None, float]] = []
        self.failures: list[str] = []

    # -- child processes ---------------------------------------------------------------------
    def step(self, name: str, **config: Any) -> Measured:
        config = {"data": str(self.data.folder), "work": str(self.work), **config}
        if self.options.profile is not None:
            config["profile_dir"] = str(self.options.profile)
        config_path = self.work / f"{name}.config.json"
        result_path = self.work / f"{name}.result.json"
        result_path.unlink(missing_ok=True)
        config_path.write_text(json.dumps(config), encoding="utf-8")
        load = load_average()
        with self.log.open("a", encoding="utf-8") as out:
            out.write(f"\n=== {name} {config.get('round', '')} (load {load:.2f})\n")
        code, peak_kb = run_child(
            [sys.executable, "-m", "tests.bench.steps", name, str(config_path), str(result_path)],
            self.log,
        )
        if code != 0 or not result_path.is_file():
            error = f"step {name} failed (exit {code}); see {self.log}"
            self.failures.append(error)
            print(f"  ! {error}", flush=True)
            print(self.log.read_text(encoding="utf-8", errors="replace")[-3000:])
            return Measured([], {}, peak_kb / 1024, load, error)
        result = json.loads(result_path.read_text(encoding="utf-8"))
        return Measured(result["rows"], result["info"], peak_kb / 1024, load)

    def add(self, measured: Measured, *rows: dict[str, Any]) -> None:
        for line in rows or measured.rows:
            self.results.append((line, measured.peak_mb, measured.load))
            self.show(line, measured.peak_mb)

    @staticmethod
    def show(line: dict[str, Any], peak_mb: float | None) -> None:
        verdict = {True: "ok", False: "MISSED", None: ""}[line["ok"]]
        memory = f"{peak_mb:6.0f} MB" if peak_mb else ""
        print(f"  {format_value(line):>10}  {verdict:6}  {memory}  {line['name']}", flush=True)

    # -- the steps ---------------------------------------------------------------------------
    def export(self) -> None:
        self.add(self.step("export", runs=5))

    def imports(self) -> None:
        """Rounds of (raw load, import) into fresh copies of the same empty city database,
        one right after the other, so both see the same machine load; the ratio is taken
        per round and its median reported."""
        raws, imports, ratios, peaks_raw, peaks_import, loads = [], [], [], [], [], []
        records = 0
        for number in range(1, self.options.rounds + 1):
            raw = self.step("raw", round=number)
            done = self.step("import", round=number)
            if raw.error or done.error:
                return
            raws.append(raw.info["seconds"])
            imports.append(done.info["seconds"])
            ratios.append(done.info["seconds"] / raw.info["seconds"])
            peaks_raw.append(raw.peak_mb)
            peaks_import.append(done.peak_mb)
            loads.append(raw.load)
            records = raw.info["records"]
            print(
                f"  round {number}: raw {raws[-1]:.1f} s, import {imports[-1]:.1f} s, "
                f"ratio {ratios[-1]:.2f} (load {raw.load:.2f})",
                flush=True,
            )
        files = len(self.data.first_files)
        rounds = ", ".join(f"{s:.1f}" for s in raws)
        memory_raw = Measured([], {}, max(peaks_raw), statistics.median(loads))
        memory_import = Measured([], {}, max(peaks_import), statistics.median(loads))
        self.add(
            memory_raw,
            row(
                f"Raw sqlite3 executemany load of the same rows ({files} files), median of "
                f"{len(raws)}",
                statistics.median(raws),
                detail=f"{records:,} records; rounds {rounds} s",
            ),
        )
        self.add(
            memory_import,
            row(
                f"Import the {files} full snapshots into an empty city database, median of "
                f"{len(imports)}",
                statistics.median(imports),
                detail="decrypt, signature, hash, every value checked, compare, apply; "
                f"rounds {', '.join(f'{s:.1f}' for s in imports)} s",
            ),
            row(
                "Import ÷ raw load, same run (median of the per-round ratios)",
                statistics.median(ratios),
                "×",
                budget=2.0,
                budget_text="≤ 2×",
                detail=f"rounds {', '.join(f'{r:.2f}' for r in ratios)}",
            ),
        )

    def postgresql(self) -> None:
        """The city on a PostgreSQL server (issue 17): rounds of (raw ``COPY`` of the same
        rows, real import) into copies of one empty city database on a throw-away local
        server with ``fsync`` on, as :meth:`imports` does on SQLite."""
        from tests import pg_server

        try:
            server = pg_server.start(durable=True)
        except LookupError as why:
            print(f"  PostgreSQL skipped: {why}", flush=True)
            return
        try:
            admin = server.url()
            setup = self.step("pgsetup", pg_admin_url=admin)
            if setup.error:
                return
            template = setup.info["template"]
            raws, imports, ratios, peaks, raw_peaks, loads = [], [], [], [], [], []
            records = 0
            for number in range(1, self.options.rounds + 1):
                config = {"pg_admin_url": admin, "pg_template": template, "round": number}
                raw = self.step("pgraw", **config)
                done = self.step("pgimport", **config)
                if raw.error or done.error:
                    return
                raws.append(raw.info["seconds"])
                imports.append(done.info["seconds"])
                ratios.append(done.info["seconds"] / raw.info["seconds"])
                peaks.append(done.peak_mb)
                raw_peaks.append(raw.peak_mb)
                loads.append(raw.load)
                records = raw.info["records"]
                print(
                    f"  round {number}: COPY {raws[-1]:.1f} s, import {imports[-1]:.1f} s, "
                    f"ratio {ratios[-1]:.2f} (load {raw.load:.2f})",
                    flush=True,
                )
        finally:
            server.stop()
        files = len(self.data.first_files)
        memory = Measured([], {}, max(peaks), statistics.median(loads))
        self.add(
            Measured([], {}, max(raw_peaks), statistics.median(loads)),
            row(
                f"PostgreSQL: raw COPY of the same rows ({files} files), median of {len(raws)}",
                statistics.median(raws),
                detail=f"{records:,} records; rounds {', '.join(f'{s:.1f}' for s in raws)} s",
            ),
        )
        self.add(
            memory,
            row(
                f"PostgreSQL: import the {files} full snapshots into an empty city database on "
                f"the server, median of {len(imports)}",
                statistics.median(imports),
                detail="the same checks; each record type of a commune's first file COPYed "
                "straight into its table (else through a staging table and one INSERT … ON "
                f"CONFLICT); rounds {', '.join(f'{s:.1f}' for s in imports)} s",
            ),
            row(
                "PostgreSQL: import ÷ raw COPY, same run (median of the per-round ratios)",
                statistics.median(ratios),
                "×",
                budget=2.0,
                budget_text="≤ 2×",
                detail=f"rounds {', '.join(f'{r:.2f}' for r in ratios)}",
            ),
        )

    def reimport(self) -> None:
        self.add(self.step("reimport"))

    def second(self) -> None:
        self.add(self.step("second"))

    def startup(self) -> None:
        largest = self.work / "startup-commune"
        shutil.copytree(self.data.largest_folder, largest, dirs_exist_ok=True)
        self.cold_start(f"commune office (the largest commune, {self.data.largest_code})", largest)
        city = self.work / "city"
        if (city / "tdcs.sqlite3").is_file():
            self.cold_start(f"city office ({len(self.data.first_files)} communes imported)", city)

    def cold_start(self, label: str, folder: Path) -> None:
        """A fresh ``python -m desktop gui`` each time: one first start of the day (which
        takes the daily backup), then the measured starts."""
        env = child_environment(QT_QPA_PLATFORM="offscreen", TDCS_LANG="vi")
        runs: list[dict[str, float]] = []
        peaks: list[float] = []
        loads: list[float] = []
        for _ in range(self.options.starts + 1):
            result = self.work / "startup.json"
            result.unlink(missing_ok=True)
            args = ["gui", "--data-dir", str(folder)]
            command = [sys.executable, "-m", "tests.bench.startup_probe", str(result), *args]
            loads.append(load_average())
            started = time.monotonic()
            code, peak_kb = run_child(command, self.log, env)
            if code != 0 or not result.is_file():
                error = f"cold start ({label}) failed (exit {code}); see {self.log}"
                self.failures.append(error)
                print(f"  ! {error}")
                return
            marks = json.loads(result.read_text(encoding="utf-8"))["marks"]
            runs.append({k: v - started for k, v in marks.items()})
            peaks.append(peak_kb / 1024)
        first, measured = runs[0], runs[1:]

        def median(key: str, since: str | None = None) -> float:
            return statistics.median(r[key] - (r[since] if since else 0.0) for r in measured)

        total = median("painted")
        each = ", ".join(f"{r['painted']:.2f}" for r in measured)
        detail = (
            f"python + imports {median('ui_imported'):.2f} s, database "
            f"{median('database_done', 'database_started'):.2f} s, window "
            f"{median('window_shown', 'window_started'):.2f} s, first paint "
            f"{median('painted', 'window_shown'):.2f} s; runs "
            f"{each} s; first start of the day "
            f"(daily backup {first['backup_done'] - first['backup_started']:.2f} s) "
            f"{first['painted']:.2f} s"
        )
        measured_row = row(
            f"Cold start to the painted main window, {label}, median of {len(measured)}",
            total,
            budget=2.0,
            budget_text="< 2 s",
            detail=detail,
        )
        self.add(Measured([], {}, statistics.median(peaks), statistics.median(loads)), measured_row)

    def loans(self) -> None:
        """The 100 000-row budget on a city holding that many loans, then (no budget in
        DESIGN.md) the whole city's list, which the city office also opens."""
        self.add(self.step("loans", loans=100_000, round=1))
        bigger = len(self.data.files_for_loans(100_000)) < len(self.data.first_files)
        if bigger and (self.work / "city" / "tdcs.sqlite3").is_file():
            self.add(self.step("loans", whole_city=True, round=2))

    def report(self) -> None:
        self.add(self.step("report"))

    def run(self) -> None:
        order: list[tuple[str, Callable[[], None]]] = [
            ("export", self.export),
            ("import", self.imports),
            ("postgresql", self.postgresql),
            ("reimport", self.reimport),
            ("second", self.second),
            ("startup", self.startup),
            ("loans", self.loans),
            ("report", self.report),
        ]
        for name, function in order:
            if name in self.options.steps:
                print(f"- {name} (load {load_average():.2f})", flush=True)
                function()


# -- the table ----------------------------------------------------------------------------------


def format_value(line: dict[str, Any]) -> str:
    value, unit = line["value"], line["unit"]
    if value is None:
        return "–"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:g} {unit}"


def machine() -> dict[str, str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = "?"
    return {
        "cpu": f"{cpu}, {os.cpu_count()} cores, {memory}",
        "system": f"{platform.system()} {platform.release()}",
        "software": (
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, PySide6 {qt}"
        ),
    }


def markdown(
    options: Options,
    data: citydata.CityData,
    runner: Runner,
    loads: tuple[float, float],
    started: datetime,
) -> str:
    info = machine()
    sizes = [c["borrowers"] for c in data.communes]
    files = data.first_files
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    command = "python -m tests.bench.run" + (
        f" --seed {options.seed}" if options.seed != 39 else ""
    )
    if options.quick:
        command += " --quick"
    lines = [
        START_MARK,
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC with `{command}` "
        f"(seed {options.seed}; {options.rounds} import rounds, {options.starts} starts).",
        "",
        f"- Machine: {info['cpu']}; {info['system']}; {info['software']}.",
        f"- Load average (1 min) at the start and end of the run: {loads[0]:.2f} and "
        f"{loads[1]:.2f}; each figure's own is in the table. Other work was running on this "
        "shared machine; the figures are medians.",
        f"- Data: {len(data.communes)} communes, {data.borrowers:,} borrowers "
        f"({min(sizes):,} to {max(sizes):,} a commune), {data.loans:,} loans, "
        f"{data.records:,} records in all; {len(files)} full snapshots, {megabytes:.0f} MB.",
        "",
        "| Step | Measured | Budget | Verdict | Peak memory | Load | Details |",
        "|---|---:|---|---|---:|---:|---|",
    ]
    for line, peak, load in runner.results:
        verdict = {True: "✅ met", False: "❌ missed", None: ""}[line["ok"]]
        memory = f"{peak:.0f} MB" if peak else ""
        lines.append(
            f"| {line['name']} | {format_value(line)} | {line['budget_text']} | {verdict} | "
            f"{memory} | {load:.2f} | {line['detail']} |"
        )
    for failure in runner.failures:
        lines.append(f"| ❌ {failure} | | | | | | |")
    lines += ["", END_MARK]
    return "\n".join(lines)


def write_results(path: Path, section: str) -> None:
    """Put ``section`` between the markers of ``path``, keeping everything around it."""
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        if START_MARK in text and END_MARK in text:
            head = text[: text.index(START_MARK)]
            tail = text[text.index(END_MARK) + len(END_MARK) :]
            path.write_text(head + section + tail, encoding="utf-8")
            return
        path.write_text(text.rstrip() + "\n\n" + section + "\n", encoding="utf-8")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Performance\n\n" + section + "\n", encoding="utf-8")


# -- the command --------------------------------------------------------------------------------


def parse(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--seed", type=int, default=39, help="seed of the generated data")
    parser.add_argument("--quick", action="store_true", help="a tenth of the data, one round")
    parser.add_argument("--fraction", type=float, help="scale of the data (1 = the full city)")
    parser.add_argument("--communes", type=int, default=103, help="how many communes")
    parser.add_argument("--rounds", type=int, help="import rounds (raw load + import)")
    parser.add_argument("--starts", type=int, help="measured cold starts per office")
    parser.add_argument("--steps", help=f"comma-separated subset of: {','.join(ALL_STEPS)}")
    parser.add_argument("--cache", type=Path, help="cache folder (default: ~/.cache/tdcs-bench)")
    parser.add_argument("--out", type=Path, help="results file (default: docs/performance.md)")
    parser.add_argument("--no-out", action="store_true", help="print only, write no file")
    parser.add_argument("--profile", type=Path, help="write cProfile output of each step here")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--jobs", type=int, default=2, help="processes generating the data")
    args = parser.parse_args(argv)
    options = Options(seed=args.seed, communes=args.communes, jobs=args.jobs, quick=args.quick)
    if args.quick:
        options.fraction, options.rounds, options.starts, options.out = 0.1, 1, 3, None
    if args.fraction is not None:
        options.fraction = args.fraction
    if args.rounds is not None:
        options.rounds = args.rounds
    if args.starts is not None:
        options.starts = args.starts
    if args.steps:
        wanted = tuple(s.strip() for s in args.steps.split(",") if s.strip())
        unknown = set(wanted) - set(ALL_STEPS)
        if unknown:
            parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
        options.steps = wanted
    if args.cache:
        options.cache = args.cache
    if args.out:
        options.out = args.out
    if args.no_out:
        options.out = None
    options.profile = args.profile
    options.keep = args.keep
    return options


def main(argv: Sequence[str] | None = None) -> int:
    options = parse(argv)
    started = datetime.now(UTC)
    compile_sources()
    first_load = load_average()
    spec = citydata.CitySpec(options.seed, options.fraction, options.communes)
    data, generated = citydata.ensure(spec, options.cache, jobs=options.jobs)
    print(
        f"data: {len(data.communes)} communes, {data.borrowers:,} borrowers, {data.loans:,} "
        f"loans, {data.records:,} records "
        f"({'generated' if generated else 'from the cache'} in {data.folder}; generation took "
        f"{data.generation_seconds:.0f} s)",
        flush=True,
    )
    if options.profile is not None:
        options.profile.mkdir(parents=True, exist_ok=True)
    if options.keep is not None:
        work = options.keep
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="tdcs-bench-"))
    runner = Runner(options, data, work)
    try:
        runner.run()
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    section = markdown(options, data, runner, (first_load, load_average()), started)
    print()
    print(section)
    if options.out is not None:
        write_results(options.out, section)
        print(f"\nwritten to {options.out}")
    missed = [line["name"] for line, _peak, _load in runner.results if line["ok"] is False]
    if missed or runner.failures:
        print(f"\nbudgets missed: {missed}; failures: {runner.failures}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
