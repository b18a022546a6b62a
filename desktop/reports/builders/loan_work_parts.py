"""The commune's loan work in the periodic reports: the loans disbursed and repaid in the
period (:mod:`desktop.core.loans.flows`) and the yearly grades of the entrusted
organisations' work (:mod:`desktop.core.loans.organisation_grades`).

Each piece is a function the report builders call once (``loan-quality``, ``commune-plan``,
``city-yearly``, ``organisation-grades``), so that a builder adds a section with one line.
Every figure is the services'; these functions only lay them out and say the rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from fractions import Fraction

from db.enums import GroupGrade
from desktop.core.formatting import format_date, group_thousands
from desktop.core.loans.common import OrganisationInfo, organisations
from desktop.core.loans.flows import FlowSums, LoanFlows, loan_flows
from desktop.core.loans.organisation_grades import grades_of_year
from desktop.core.office import CommuneInfo
from desktop.core.owners import ALL_COMMUNES
from desktop.reports.builders.common import communes_by_code, data_day
from desktop.reports.builders.vocabulary import TOTAL, UNIT_DONG
from desktop.reports.model import Block, Cell, Column, Paragraph, Section, Table
from desktop.reports.registry import ReportContext
from desktop.reports.xlsx_table import CellKind

GRADE_WORDS = {
    GroupGrade.TOT: "Tốt",
    GroupGrade.KHA: "Khá",
    GroupGrade.TRUNG_BINH: "Trung bình",
    GroupGrade.YEU: "Yếu",
}
NOT_GRADED = "Chưa xếp loại"
NOT_REPORTED = "Chưa báo cáo"

FLOWS_RULE = (
    "Cách tính: doanh số cho vay là các khoản vay có ngày giải ngân trong kỳ (khoản vay chưa "
    "rõ số tiền được đếm riêng, không tính là 0); doanh số thu nợ là tổng mức giảm dư nợ của "
    "từng khoản vay từ đầu kỳ đến cuối kỳ theo các số dư đã ghi, không tính phần xóa nợ "
    "(khoản vay giải ngân trong kỳ tính từ số tiền giải ngân); khoản vay chưa có số dư đầu "
    "kỳ hoặc cuối kỳ thì chưa tính được số thu nợ."
)


# -- disbursed and repaid --------------------------------------------------------------------
def _flow_cells(sums: FlowSums) -> tuple[Cell, ...]:
    return (
        sums.disbursed_loans,
        sums.disbursed_amount,
        sums.disbursed_unknown,
        sums.repaid,
        sums.paid_off,
        sums.repaid_unknown,
    )


def flows_table(flows: LoanFlows) -> Table:
    """Disbursed and repaid by programme (every programme of the catalogue), the total."""
    return Table(
        f"Doanh số cho vay, thu nợ từ ngày {format_date(flows.start)} đến ngày "
        f"{format_date(flows.end)} theo chương trình cho vay",
        "Cho vay, thu nợ",
        [
            Column("Chương trình", weight=2.6),
            Column("Số khoản vay giải ngân", CellKind.NUMBER, 1.2),
            Column("Số tiền giải ngân", CellKind.MONEY, 1.7),
            Column("Khoản vay chưa rõ số tiền", CellKind.NUMBER, 1.1),
            Column("Doanh số thu nợ", CellKind.MONEY, 1.7),
            Column("Khoản vay tất toán", CellKind.NUMBER, 1.1),
            Column("Khoản vay chưa tính được thu nợ", CellKind.NUMBER, 1.2),
        ],
        [(row.label, *_flow_cells(row.sums)) for row in flows.rows],
        totals=[(TOTAL, *_flow_cells(flows.total))],
        note=UNIT_DONG,
    )


def flows_sentence(unit: str, flows: LoanFlows) -> Paragraph:
    total = flows.total
    unknown = (
        f" (trong đó {group_thousands(total.disbursed_unknown)} khoản vay chưa rõ số tiền)"
        if total.disbursed_unknown
        else ""
    )
    not_counted = (
        f"; {group_thousands(total.repaid_unknown)} khoản vay chưa có số dư đầu kỳ hoặc cuối "
        f"kỳ nên chưa tính được số thu nợ"
        if total.repaid_unknown
        else ""
    )
    return Paragraph(
        f"Từ ngày {format_date(flows.start)} đến ngày {format_date(flows.end)}, {unit} có "
        f"{group_thousands(total.disbursed_loans)} khoản vay được giải ngân cho "
        f"{group_thousands(total.households)} hộ với số tiền "
        f"{group_thousands(total.disbursed_amount)} đồng{unknown}; doanh số thu nợ "
        f"{group_thousands(total.repaid)} đồng, {group_thousands(total.paid_off)} khoản vay "
        f"đã tất toán{not_counted}."
    )


def flows_blocks(ctx: ReportContext, unit: str) -> list[Block]:
    """The sentence, the table by programme and the rule, from the period's start to the
    report's cut-off."""
    flows = loan_flows(ctx.session, ctx.owner, ctx.request.period.start, data_day(ctx))
    return [
        flows_sentence(unit, flows),
        flows_table(flows),
        Paragraph(FLOWS_RULE, italic=True),
    ]


def flows_section(ctx: ReportContext, heading: str, unit: str) -> Section:
    """``loan-quality``'s section on the loans disbursed and repaid in the period."""
    return Section(heading, flows_blocks(ctx, unit))


# -- the organisations' grades ---------------------------------------------------------------
def grade_word(grade: GroupGrade | None, missing: str = NOT_GRADED) -> str:
    return missing if grade is None else GRADE_WORDS[grade]


def commune_grades_table(
    catalogue: Sequence[OrganisationInfo],
    year: int,
    this_year: Mapping[str, GroupGrade],
    last_year: Mapping[str, GroupGrade],
) -> Table:
    """One commune: each organisation's grade for ``year`` beside the year before."""
    return Table(
        f"Kết quả xếp loại hoạt động nhận ủy thác năm {year}",
        "Xếp loại ủy thác",
        [
            Column("Tổ chức nhận ủy thác", weight=3),
            Column(f"Năm {year - 1}", weight=1.5),
            Column(f"Năm {year}", weight=1.5),
        ],
        [
            (o.name, grade_word(last_year.get(o.code)), grade_word(this_year.get(o.code)))
            for o in catalogue
        ],
    )


def grades_sentence(
    unit: str, catalogue: Sequence[OrganisationInfo], year: int, grades: Mapping[str, GroupGrade]
) -> Paragraph:
    if not grades:
        return Paragraph(
            f"Chưa có kết quả xếp loại hoạt động nhận ủy thác năm {year} của các tổ chức chính "
            f"trị - xã hội ở {unit}."
        )
    parts = [
        f"{o.name} xếp loại {GRADE_WORDS[grades[o.code]].lower()}"
        if o.code in grades
        else f"{o.name} chưa có kết quả xếp loại"
        for o in catalogue
    ]
    return Paragraph(
        f"Kết quả xếp loại hoạt động nhận ủy thác năm {year} ở {unit}: {'; '.join(parts)}."
    )


def commune_grades_blocks(ctx: ReportContext, unit: str, year: int) -> list[Block]:
    """One commune's grades for ``year`` and the year before."""
    code = ctx.owner.unit_code
    catalogue = organisations(ctx.session)
    this_year = grades_of_year(ctx.session, year, ctx.owner).get(code, {})
    last_year = grades_of_year(ctx.session, year - 1, ctx.owner).get(code, {})
    return [
        grades_sentence(unit, catalogue, year, this_year),
        commune_grades_table(catalogue, year, this_year, last_year),
    ]


def _share(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


def grade_count_table(
    catalogue: Sequence[OrganisationInfo],
    year: int,
    by_commune: Mapping[str, Mapping[str, GroupGrade]],
) -> Table:
    """Every commune together: how many communes graded each organisation tốt, khá, …"""
    rows: list[tuple[Cell, ...]] = []
    totals: Counter[GroupGrade] = Counter()
    for organisation in catalogue:
        count = Counter(
            grades[organisation.code]
            for grades in by_commune.values()
            if organisation.code in grades
        )
        totals.update(count)
        graded = sum(count.values())
        rows.append(
            (
                organisation.name,
                graded,
                *(count[g] for g in GroupGrade),
                _share(count[GroupGrade.TOT] + count[GroupGrade.KHA], graded),
            )
        )
    graded = sum(totals.values())
    return Table(
        f"Kết quả xếp loại hoạt động nhận ủy thác năm {year} theo tổ chức (số xã, phường)",
        "Xếp loại theo tổ chức",
        [
            Column("Tổ chức nhận ủy thác", weight=2.6),
            Column("Số xã, phường đã xếp loại", CellKind.NUMBER, 1.3),
            *(Column(GRADE_WORDS[g], CellKind.NUMBER, 1) for g in GroupGrade),
            Column("Tỷ lệ tốt và khá", CellKind.PERCENT, 1.1),
        ],
        rows,
        totals=[
            (
                TOTAL,
                graded,
                *(totals[g] for g in GroupGrade),
                _share(totals[GroupGrade.TOT] + totals[GroupGrade.KHA], graded),
            )
        ],
    )


def grades_by_commune_table(
    catalogue: Sequence[OrganisationInfo],
    year: int,
    communes: Mapping[str, CommuneInfo],
    by_commune: Mapping[str, Mapping[str, GroupGrade]],
) -> Table:
    """Every commune: each organisation's grade ("Chưa báo cáo" where none came)."""
    rows: list[tuple[Cell, ...]] = []
    for index, (code, commune) in enumerate(communes.items(), start=1):
        grades = by_commune.get(code)
        if grades is None:
            cells = [NOT_REPORTED] * len(catalogue)
        else:
            cells = [grade_word(grades.get(o.code)) for o in catalogue]
        rows.append((index, commune.label, *cells))
    return Table(
        f"Kết quả xếp loại hoạt động nhận ủy thác năm {year} theo xã, phường",
        "Xếp loại theo xã",
        [
            Column("STT", CellKind.NUMBER, 0.6),
            Column("Xã, phường", weight=2.2),
            *(Column(o.short_name, weight=1.3) for o in catalogue),
        ],
        rows,
    )


def coverage_sentence(year: int, reported: int, total: int) -> Paragraph:
    return Paragraph(
        f"Có {reported}/{total} xã, phường đã báo cáo kết quả xếp loại hoạt động nhận ủy thác "
        f"năm {year}; các số liệu dưới đây tính trên {reported} xã, phường này"
        + ("." if reported else " (chưa có xã, phường nào báo cáo).")
    )


def city_grades_blocks(ctx: ReportContext, year: int, *, by_commune: bool) -> list[Block]:
    """Every commune together: how many reported, the count by grade of each organisation,
    and (``by_commune``) the table of every commune's grades."""
    catalogue = organisations(ctx.session)
    communes = communes_by_code(ctx.session)
    grades = {
        code: found
        for code, found in grades_of_year(ctx.session, year, ALL_COMMUNES).items()
        if code in communes
    }
    blocks: list[Block] = [
        coverage_sentence(year, len(grades), len(communes)),
        grade_count_table(catalogue, year, grades),
    ]
    if by_commune:
        blocks.append(grades_by_commune_table(catalogue, year, communes, grades))
    return blocks


def grades_section(ctx: ReportContext, heading: str, unit: str = "") -> Section:
    """The grades of the report's year: one commune's (with the year before), or every
    commune's counted by grade with how many communes reported (``city-yearly``)."""
    year = ctx.request.period.year
    if ctx.owner.is_all_communes:
        return Section(heading, city_grades_blocks(ctx, year, by_commune=False))
    return Section(heading, commune_grades_blocks(ctx, unit, year))


def commune_plan_section(ctx: ReportContext, heading: str, unit: str) -> Section:
    """``commune-plan``'s section: the loans disbursed and repaid in the period, and the
    organisations' grades of the year."""
    return Section(
        heading,
        subsections=[
            Section("1. Doanh số cho vay, thu nợ trong kỳ", flows_blocks(ctx, unit)),
            Section(
                "2. Kết quả xếp loại hoạt động nhận ủy thác",
                commune_grades_blocks(ctx, unit, ctx.request.period.year),
            ),
        ],
    )
