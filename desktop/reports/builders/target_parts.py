"""The targets the city assigned a commune for the year (issue 18), and how far the commune
is from each by the report's cut-off day: a section of ``commune-plan``, shown only when the
city assigned targets for that year (at the commune they arrive with the city's bulletins).

What counts towards each target is :mod:`desktop.core.targets`'s rule.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.enums import TargetKind
from desktop.core.targets import TargetProgress, is_money, target_progress
from desktop.reports.model import Column, Paragraph, Section, Table
from desktop.reports.xlsx_table import CellKind

#: The targets in the words of the city's documents.
KIND_VI = {
    TargetKind.FUND_MOBILISATION: "Vận động Quỹ “Vì người nghèo”",
    TargetKind.ENTRUSTED_TRANSFER: "Vốn ngân sách địa phương ủy thác qua NHCSXH",
    TargetKind.GROUPS_GRADED_GOOD: "Tổ TK&VV xếp loại tốt",
    TargetKind.LOANS_CHECKED: "Món vay được kiểm tra sử dụng vốn",
}
UNIT_VI = {
    TargetKind.FUND_MOBILISATION: "đồng",
    TargetKind.ENTRUSTED_TRANSFER: "đồng",
    TargetKind.GROUPS_GRADED_GOOD: "tổ",
    TargetKind.LOANS_CHECKED: "món",
}


def target_rows(session: Session, commune: str, year: int, cut: date) -> list[TargetProgress]:
    return target_progress(session, commune, year, until=cut)


def target_section(heading: str, targets: list[TargetProgress], year: int, cut: date) -> Section:
    """A sentence and the table: each target, assigned, done by ``cut``, the share, what
    remains."""
    reached = sum(1 for t in targets if t.reached)
    sentence = Paragraph(
        f"Năm {year}, Thành phố giao {len(targets)} chỉ tiêu; đến ngày "
        f"{cut.strftime('%d/%m/%Y')} đã đạt {reached} chỉ tiêu."
    )
    rows = [
        (
            KIND_VI[t.kind],
            UNIT_VI[t.kind],
            t.value,
            t.achieved,
            t.share,
            "Đã đạt" if t.reached else t.remaining,
        )
        for t in targets
    ]
    money = any(is_money(t.kind) for t in targets)
    table = Table(
        f"Thực hiện các chỉ tiêu Thành phố giao năm {year}",
        "Chỉ tiêu được giao",
        [
            Column("Chỉ tiêu", weight=4),
            Column("Đơn vị tính", weight=1.2),
            Column("Được giao", CellKind.NUMBER, 2),
            Column(f"Thực hiện đến {cut.strftime('%d/%m/%Y')}", CellKind.NUMBER, 2),
            Column("Tỷ lệ", CellKind.PERCENT, 1.2),
            Column("Còn thiếu", CellKind.NUMBER, 2),
        ],
        rows,
        note="Số tiền tính bằng đồng." if money else "",
    )
    return Section(heading, [sentence, table])
