"""Which communes the city's figures may be missing: from the city's board of imported sync
files (:func:`desktop.sync.board.board`).

A commune is listed when

- it has sent **no file** at all and the city holds no record of it (records entered at the
  city count as figures: see :mod:`desktop.sync.coverage`);
- files are **missing** in its sequence (file 6 arrived, file 5 did not);
- its data is **late**: its latest file was made before the cut-off day, the end of the
  last quarter that had ended when the report is dated (or the end of the period, when
  that is earlier) — a commune's figures for that quarter cannot have reached the city;
- files were **refused** since its last imported one, or **conflicts** wait for a decision
  (the city holds part of what it sent).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from db.enums import PeriodKind
from desktop.core.formatting import format_date, local_time
from desktop.core.periods import Period
from desktop.reports.model import Cell, Column, Paragraph, Table
from desktop.reports.xlsx_table import CellKind
from desktop.sync.board import CommuneStatus, board, ranges
from desktop.sync.coverage import DataCoverage


def cut_off(period: Period, issued_on: date) -> date:
    """The day a commune's latest file must be made on or after to count as up to date."""
    quarter = Period.containing(issued_on, PeriodKind.QUARTER)
    return min(period.end, quarter.start - timedelta(days=1))


@dataclass(frozen=True)
class Arrival:
    """One commune's files as the city's report sees them."""

    status: CommuneStatus
    last_made: date | None
    last_imported: date | None
    late: bool

    @property
    def no_file(self) -> bool:
        return self.status.files == 0

    @property
    def attention(self) -> bool:
        s = self.status
        return self.no_file or bool(s.missing) or self.late or bool(s.refused_since or s.conflicts)

    def problems(self, cut: date) -> list[str]:
        s = self.status
        if self.no_file:
            return ["Chưa gửi tệp số liệu nào"]
        found = []
        if s.missing:
            found.append(f"Thiếu tệp số {ranges(s.missing)}")
        if self.late:
            found.append(f"Tệp gần nhất lập trước ngày {format_date(cut)}")
        if s.refused_since:
            found.append(f"{s.refused_since} tệp bị từ chối sau lần nhập gần nhất")
        if s.conflicts:
            found.append(f"{s.conflicts} bản ghi xung đột chưa xử lý")
        return found


def arrivals(session: Session, cut: date) -> list[Arrival]:
    """Every commune of the board (catalogue order) with its files assessed."""
    found = []
    for status in board(session):
        made = local_time(status.last_file_made).date() if status.last_file_made else None
        imported = local_time(status.last_import).date() if status.last_import else None
        late = status.files > 0 and (made is None or made < cut)
        found.append(Arrival(status, made, imported, late))
    return found


def arrival_sentence(
    items: list[Arrival], cut: date, coverage: DataCoverage, day: date
) -> Paragraph:
    """How many communes the city holds figures of and by which route, which have none,
    which are missing files or late."""
    total = len(items)
    sent = sum(1 for a in items if not a.no_file)
    direct = len(coverage.direct)
    gaps = sum(1 for a in items if a.status.missing)
    late = sum(1 for a in items if a.late)
    covered = len(coverage.covered)
    text = (
        f"Đến ngày {format_date(day)}, Thành phố có số liệu của {covered}/{total} xã, phường: "
        f"{sent} xã, phường đã gửi tệp số liệu"
    )
    if direct:
        text += (
            f", {direct} xã, phường có số liệu nhập trực tiếp tại Thành phố (không qua tệp, "
            f"được tính là có số liệu)"
        )
    text += (
        f"; {total - covered} xã, phường chưa có số liệu; {gaps} xã, phường còn thiếu tệp; "
        f"{late} xã, phường gửi số liệu chậm (tệp gần nhất lập trước ngày {format_date(cut)}). "
        f"Số liệu của các xã, phường còn thiếu tệp hoặc gửi chậm có thể chưa đầy đủ."
    )
    return Paragraph(text)


def arrival_table(items: list[Arrival], cut: date, coverage: DataCoverage) -> Table:
    """The communes with no figures at the city, files missing, late, refused or in
    conflict (a commune whose records were entered at the city has figures: not listed)."""
    rows: list[tuple[Cell, ...]] = []
    listed = [
        a for a in items if a.attention and not (a.no_file and coverage.covers(a.status.code))
    ]
    for index, item in enumerate(listed, start=1):
        problems = (
            ["Chưa có số liệu (chưa gửi tệp số liệu nào)"] if item.no_file else item.problems(cut)
        )
        rows.append(
            (
                index,
                item.status.commune.label,
                item.status.code,
                item.status.last_seq,
                item.last_made,
                item.last_imported,
                "\n".join(problems),
            )
        )
    return Table(
        "Các xã, phường chưa có số liệu, gửi thiếu hoặc gửi chậm số liệu",
        "Tiếp nhận số liệu",
        [
            Column("STT", CellKind.NUMBER, 0.6),
            Column("Xã, phường", weight=2.4),
            Column("Mã", weight=0.9),
            Column("Tệp gần nhất (số)", CellKind.NUMBER, 1.1),
            Column("Ngày lập tệp", CellKind.DATE, 1.3),
            Column("Ngày nhập", CellKind.DATE, 1.3),
            Column("Tình trạng", weight=3.2),
        ],
        rows,
        empty_text="Không có xã, phường nào chưa có số liệu, thiếu tệp hoặc gửi chậm số liệu.",
    )
