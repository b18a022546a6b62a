"""What a report made at the city covers: how many communes its figures are of, which have
none, and the report for a commune the city holds nothing of.

A commune counts as covered when the city holds figures of it, whatever route they came by
(:mod:`desktop.sync.coverage`): the report states the count and the route, lists the others,
and computes rates and rankings over the covered communes only. Part of the city is never
called the whole ("toàn thành phố").
"""

from __future__ import annotations

from db.enums import CommuneKind
from desktop.core.office import CommuneInfo
from desktop.reports.model import Column, Paragraph, Section, Table
from desktop.reports.registry import ReportContext
from desktop.reports.xlsx_table import CellKind
from desktop.sync.coverage import DataCoverage, data_coverage

#: Up to this many communes without figures are named in the sentence; more go to an
#: appendix, so that the list does not bury the document's first page.
NAMED_INLINE = 20


def coverage_of(ctx: ReportContext) -> DataCoverage | None:
    """The city's coverage (``None`` at a commune office, which reports on itself)."""
    return data_coverage(ctx.session) if ctx.office.is_city else None


def holds_no_data(ctx: ReportContext, coverage: DataCoverage | None = None) -> bool:
    """A report made at the city for one commune of which the city holds nothing."""
    if not ctx.office.is_city or ctx.owner.is_all_communes:
        return False
    coverage = coverage or data_coverage(ctx.session)
    return not coverage.covers(ctx.owner.unit_code)


def name_in_text(commune: CommuneInfo) -> str:
    """ "phường Cái Khế" / "xã Thạnh An"."""
    return f"{'phường' if commune.kind is CommuneKind.PHUONG else 'xã'} {commune.name}"


def no_data_section(unit: str) -> Section:
    return Section(
        "",
        [
            Paragraph(
                f"Thành phố chưa có số liệu của {unit}: chưa nhận được tệp số liệu nào của "
                f"{unit} và chưa có số liệu nào của {unit} được nhập tại Thành phố. Báo cáo chưa "
                f"có số liệu để tổng hợp; đề nghị {unit} gửi tệp số liệu về Thành phố."
            )
        ],
    )


def covered_phrase(coverage: DataCoverage) -> str:
    """How the text names the communes a figure covers: "103 xã, phường trên địa bàn thành
    phố" when all, else "các xã, phường có số liệu (5/103 xã, phường)"."""
    if coverage.complete:
        return f"{coverage.total} xã, phường trên địa bàn thành phố"
    return f"các xã, phường có số liệu ({len(coverage.covered)}/{coverage.total} xã, phường)"


def covered_label(coverage: DataCoverage) -> str:
    """The same in a table: "Cộng 103 xã, phường" / "Cộng 5 xã, phường có số liệu"."""
    if coverage.complete:
        return f"Cộng {coverage.total} xã, phường"
    return f"Cộng {len(coverage.covered)} xã, phường có số liệu"


def coverage_sentence(coverage: DataCoverage, *, listed_in: str = "") -> Paragraph:
    """ "Số liệu của 5/103 xã, phường (2 xã, phường gửi qua tệp …, 3 xã, phường có số liệu
    nhập trực tiếp tại Thành phố); chưa có số liệu: phường Ninh Kiều, …" — or, when a
    table of the report lists them, their number and where (``listed_in``)."""
    covered = len(coverage.covered)
    routes = []
    if coverage.by_file:
        routes.append(f"{len(coverage.by_file)} xã, phường gửi qua tệp số liệu")
    if coverage.direct:
        routes.append(
            f"{len(coverage.direct)} xã, phường có số liệu nhập trực tiếp tại Thành phố, "
            f"không qua tệp"
        )
    text = f"Số liệu của {covered}/{coverage.total} xã, phường"
    if routes:
        text += f" ({'; '.join(routes)})"
    missing = coverage.missing
    if missing:
        if listed_in:
            text += f"; chưa có số liệu: {len(missing)} xã, phường (danh sách tại {listed_in})."
        else:
            text += f"; chưa có số liệu: {', '.join(name_in_text(c) for c in missing)}."
        text += (
            " Các số liệu tổng hợp, tỷ lệ và xếp hạng trong báo cáo chỉ tính các xã, phường có "
            "số liệu."
        )
    else:
        text += "."
    return Paragraph(text, italic=True)


def missing_listed_in(coverage: DataCoverage) -> str:
    """Where a report lists the communes without figures: "" (in the sentence) or "Phụ lục"."""
    return "Phụ lục" if len(coverage.missing) > NAMED_INLINE else ""


def missing_appendix(coverage: DataCoverage, report_title: str) -> list[Section]:
    """The communes without figures as an appendix, when there are too many to name in the
    sentence (see :func:`missing_listed_in`)."""
    if not missing_listed_in(coverage):
        return []
    return [
        Section(
            f"Phụ lục\nCác xã, phường chưa có số liệu\n(Kèm theo Báo cáo {report_title})",
            [
                Table(
                    "",
                    "Chưa có số liệu",
                    [
                        Column("STT", CellKind.NUMBER, 0.7),
                        Column("Xã, phường", weight=3),
                        Column("Mã", weight=1),
                    ],
                    [(i, c.label, c.code) for i, c in enumerate(coverage.missing, start=1)],
                )
            ],
        )
    ]
