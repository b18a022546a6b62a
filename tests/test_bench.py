"""The benchmark machinery (tests/bench) at a tiny scale: three communes of a few dozen
borrowers, every step in its own process, the table written. It proves the command works;
the times it prints mean nothing at this size and nothing here looks at them. The run is
marked ``slow``: ``.ci/run`` asks for it, a developer with ``--slow``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench import citydata, run
from tests.pg_server import find_bin


def test_sizes_are_uneven_and_add_up_to_the_city() -> None:
    codes = [f"{31000 + i}" for i in range(103)]
    sizes = citydata.draw_sizes(codes, seed=39)
    borrowers = [s.borrowers for s in sizes]
    assert abs(sum(borrowers) - citydata.TOTAL_BORROWERS) < 100
    assert max(borrowers) == citydata.LARGEST_BORROWERS
    assert min(borrowers) >= citydata.SMALLEST_BORROWERS
    assert len(set(borrowers)) > 90, "communes differ in size"
    assert citydata.draw_sizes(codes, seed=39) == sizes, "the same seed gives the same city"
    assert citydata.draw_sizes(codes, seed=40) != sizes
    assert len({s.demo_seed for s in sizes}) == 103, "each commune draws its own records"


def test_results_go_between_the_markers_and_keep_the_analysis(tmp_path: Path) -> None:
    target = tmp_path / "performance.md"
    run.write_results(target, f"{run.START_MARK}\nfirst\n{run.END_MARK}")
    assert "first" in target.read_text(encoding="utf-8")
    text = target.read_text(encoding="utf-8")
    target.write_text("# Analysis\n\nabove\n\n" + text + "\n\nbelow\n", encoding="utf-8")
    run.write_results(target, f"{run.START_MARK}\nsecond\n{run.END_MARK}")
    text = target.read_text(encoding="utf-8")
    assert "second" in text and "first" not in text
    assert text.index("above") < text.index("second") < text.index("below")


@pytest.mark.slow
def test_the_whole_benchmark_runs_at_a_tiny_scale(tmp_path: Path) -> None:
    out = tmp_path / "performance.md"
    code = run.main(
        [
            "--communes",
            "3",
            "--fraction",
            "0.01",
            "--rounds",
            "1",
            "--starts",
            "1",
            "--jobs",
            "1",
            "--cache",
            str(tmp_path / "cache"),
            "--keep",
            str(tmp_path / "work"),
            "--out",
            str(out),
        ]
    )
    text = out.read_text(encoding="utf-8")
    table = text[text.index(run.START_MARK) : text.index(run.END_MARK)]
    assert "failed" not in table, table
    for expected in (
        "Export the largest commune",
        "Raw sqlite3 executemany load",
        "Import the 3 full snapshots",
        "Import ÷ raw load",
        "Re-import the same 3 files",
        "second full snapshot",
        "Cold start to the painted main window, commune office",
        "Cold start to the painted main window, city office",
        "longest freeze of the window while it opens",
        "slowest keystroke",
        "City yearly report",
    ):
        assert expected in table, expected
    if find_bin("initdb") and find_bin("pg_ctl"):  # the city on a PostgreSQL server
        for expected in ("PostgreSQL: raw COPY", "PostgreSQL: import ÷ raw COPY"):
            assert expected in table, expected
    # The verdicts that are about correctness, not speed, must hold at any size.
    for line in table.splitlines():
        if "Re-import the same" in line or "second full snapshot" in line:
            assert "✅" in line, line
    assert code in (0, 1)  # 1 when a tiny run misses a time budget, which means nothing
    # A second run takes the data from the cache.
    data, generated = citydata.ensure(citydata.CitySpec(39, 0.01, 3), tmp_path / "cache")
    assert not generated and len(data.first_files) == 3 and len(data.second_files) == 3
