"""Bank lists that would exhaust the computer (issue 14, item 8): a small .xlsx that unpacks
huge, a million-row sheet, a row of a million cells are refused in seconds with a clear
Vietnamese message and bounded memory — each import runs in its own process here so that
its peak memory is its own. A wrong ``<dimension>`` or rows formatted far below the table
do not stop a genuine list (the sheet is read in openpyxl's streaming mode)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest

from desktop.cli import main
from tests.excel_lists import flat_row, write_flat

ROOT = Path(__file__).resolve().parent.parent
SHEET = "xl/worksheets/sheet1.xml"

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop.core.errors import UserError
    from desktop.core.loans.excel_import.read import read_sheet

    start = time.perf_counter()
    try:
        table = read_sheet(Path(sys.argv[1]))
        outcome = f"read {len(table.rows)}"
    except UserError as error:
        outcome = "refused " + error.text()
    seconds = time.perf_counter() - start
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    print(f"{peak // 1024} {seconds:.2f} {outcome}", flush=True)
    """
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    data = tmp_path / "data"
    code, output = run(
        capsys,
        "init",
        "--data-dir",
        str(data),
        "--mode",
        "commune",
        "--commune",
        "31120",
        "--hamlet",
        "Khu vực 1",
    )
    assert code == 0, output
    return data


@pytest.fixture
def genuine(tmp_path: Path) -> Path:
    return write_flat(
        tmp_path / "ds.xlsx",
        [
            flat_row(1, "HD001", "Nguyễn Văn An", "092085001234"),
            flat_row(2, "HD002", "Trần Thị Bình", "092190004321", sex="Nữ"),
            flat_row(3, "HD003", "Lê Văn Cường", "092070000111"),
        ],
    )


def replaced(source: Path, target: Path, member: str, parts: Iterable[bytes]) -> Path:
    """``source`` with ``member`` written anew (or added) from ``parts`` (streamed: a part
    of hundreds of megabytes is never held whole)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != member:
                new.writestr(info, old.read(info.filename))
        with new.open(member, "w", force_zip64=True) as stream:
            for part in parts:
                stream.write(part)
    return target


def sheet_xml(source: Path) -> bytes:
    with zipfile.ZipFile(source) as archive:
        return archive.read(SHEET)


def with_sheet_data(source: Path, rows: Iterable[bytes]) -> Iterable[bytes]:
    """The sheet's XML with its ``<sheetData>`` replaced by ``rows``."""
    xml = sheet_xml(source)
    start = xml.index(b"<sheetData>") + len(b"<sheetData>")
    yield xml[:start]
    yield from rows
    yield xml[xml.index(b"</sheetData>") :]


def read_in_a_process(path: Path) -> tuple[int, float, str]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    peak, seconds, outcome = done.stdout.strip().split(" ", 2)
    return int(peak), float(seconds), outcome


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="reads the peak from /proc"
)


@needs_proc
def test_a_small_workbook_that_unpacks_huge_is_refused_at_once(
    capsys: pytest.CaptureFixture[str], folder: Path, genuine: Path, tmp_path: Path
) -> None:
    """120 MB of shared strings packed into a few hundred kilobytes: refused from the
    ZIP directory, before anything is unpacked."""
    block = b"<si><t>a</t></si>" * 65_536
    bomb = replaced(
        genuine,
        tmp_path / "bom.xlsx",
        "xl/sharedStrings.xml",
        [b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
        + [block] * 110
        + [b"</sst>"],
    )
    assert bomb.stat().st_size < 2_000_000
    started = time.perf_counter()
    code, output = run(capsys, "import-excel", str(bomb), "--data-dir", str(folder), "--dry-run")
    assert code == 1 and "khi giải nén sẽ thành" in output and "sharedStrings.xml" in output
    assert time.perf_counter() - started < 5
    peak, _seconds, outcome = read_in_a_process(bomb)
    assert outcome.startswith("refused") and peak < 200, peak


@needs_proc
@pytest.mark.slow
def test_a_million_rows_are_refused_in_seconds_with_little_memory(
    genuine: Path, tmp_path: Path
) -> None:
    rows = (
        b"".join(
            b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c>'
            b'<c r="B%d"><v>%d</v></c></row>' % (n, n, n, n)
            for n in range(start, start + 50_000)
        )
        for start in range(1, 1_000_001, 50_000)
    )
    huge = replaced(genuine, tmp_path / "trieu.xlsx", SHEET, with_sheet_data(genuine, rows))
    peak, seconds, outcome = read_in_a_process(huge)
    assert outcome.startswith("refused") and "more than 200.000 rows" in outcome, outcome
    assert seconds < 15 and peak < 200, (seconds, peak)


@needs_proc
def test_a_row_of_a_million_cells_is_refused(genuine: Path, tmp_path: Path) -> None:
    cells = (b'<c t="inlineStr"><is><t>x</t></is></c>' * 50_000 for _ in range(20))
    wide = replaced(
        genuine,
        tmp_path / "rong.xlsx",
        SHEET,
        with_sheet_data(genuine, [b'<row r="1">', *cells, b"</row>"]),
    )
    peak, seconds, outcome = read_in_a_process(wide)
    assert outcome.startswith("refused") and "is not an Excel workbook" in outcome, outcome
    assert peak < 200 and seconds < 10


def test_a_wrong_dimension_does_not_cut_the_list(
    capsys: pytest.CaptureFixture[str], folder: Path, genuine: Path, tmp_path: Path
) -> None:
    """Some programs write ``<dimension ref="A1"/>`` whatever the sheet holds; streaming
    mode would believe it and read one row."""
    xml = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', sheet_xml(genuine))
    assert b'<dimension ref="A1"/>' in xml
    lying = replaced(genuine, tmp_path / "sai.xlsx", SHEET, [xml])
    code, output = run(capsys, "import-excel", str(lying), "--data-dir", str(folder), "--dry-run")
    assert code == 0, output
    assert "nhập mới 3" in output


def test_rows_formatted_far_below_the_table_do_not_matter(
    capsys: pytest.CaptureFixture[str], folder: Path, genuine: Path, tmp_path: Path
) -> None:
    xml = sheet_xml(genuine)
    blank = b"".join(
        b'<row r="%d" s="1" customFormat="1" ht="15" customHeight="1"/>' % n
        for n in range(100, 300_000)
    )
    formatted = replaced(
        genuine,
        tmp_path / "dinh-dang.xlsx",
        SHEET,
        [xml.replace(b"</sheetData>", blank + b"</sheetData>")],
    )
    started = time.perf_counter()
    code, output = run(
        capsys, "import-excel", str(formatted), "--data-dir", str(folder), "--dry-run"
    )
    assert code == 0 and "nhập mới 3" in output, output
    assert time.perf_counter() - started < 20
