"""``city-yearly``: the Ban Thường vụ Thành ủy's yearly report on Directive 39 for the Ban
Chính sách, chiến lược Trung ương, due before 30/10 (plan III.3), which the Đảng ủy Ủy ban
nhân dân thành phố drafts — in the Party form, with the structure such a report has:

- **I. Kết quả thực hiện**, following the plan's own parts II.1 … II.6 (and III): for each,
  what the city office reported on its tasks and how the covered communes stand on theirs,
  with the figures of the part — dissemination (sessions, people reached), resources (total
  capital by source and its growth, the local budget entrusted against both targets and the
  path to 2030, deposits and sponsorship, the "Vì người nghèo" funds), lending (disbursed,
  repaid, households; outstanding, overdue and frozen city-wide, by programme and by
  organisation), the loan-use checks, the organisations' grades, the savings groups — each
  beside the same day of the year before, and, when the report is made before the year ends,
  the whole year's estimate of the figures that grow through it;
- **II. Đánh giá chung** (ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm), **III.
  Phương hướng, nhiệm vụ** for the next year, **IV. Đề xuất, kiến nghị**: what the city's
  clerk wrote for the year (:mod:`desktop.core.yearly.review`);
- appendices: the arrival of the communes' files, every covered commune's figures, and the
  difficulties and proposals the city office and the communes wrote, by office.

Every figure is the year's as of the cut-off (31/12, or the document's date while the year
runs), and says its day. The report says how many communes its figures cover — a commune is
covered when the city holds its figures, by file or entered at the city
(:mod:`desktop.sync.coverage`) — and lists the others; totals, rates and rankings are over
the covered communes only, and part of the city is never called the whole. Amounts are in
triệu đồng. Made at city scale, the credit figures of each day come from one pass over the
loans (:func:`~desktop.core.loans.yearly.year_credit`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from db.base import CITY_CODE
from db.enums import OfficeMode, PeriodKind
from desktop.core.funds.period import (
    deposits_between,
    period_statement,
    period_statements_by_commune,
)
from desktop.core.funds.sources import branch_capital, latest_two
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.issuers import IssuerRole
from desktop.core.loans.balance_dates import communes_with_balances
from desktop.core.loans.flows import LoanFlows
from desktop.core.loans.group_grades import (
    GroupGrades,
    active_groups_by_commune,
    group_grades_by_commune,
)
from desktop.core.loans.indicators import Dimension, IndicatorRow, IndicatorTable
from desktop.core.loans.organisation_grades import grades_of_year
from desktop.core.loans.yearly import year_credit
from desktop.core.office import CommuneInfo
from desktop.core.owners import ALL_COMMUNES, CITY_OFFICE
from desktop.core.tasks.dissemination import DisseminationFigures, dissemination_by_owner
from desktop.core.tasks.remarks import remarks_of_year
from desktop.core.tasks.status import (
    completion_by_part,
    task_completion,
    task_completion_by_commune,
)
from desktop.core.yearly.figures import Group, YearFigures, resources_to_date
from desktop.core.yearly.review import review_of_year
from desktop.reports.builders import (
    coverage_parts,
    fund_parts,
    loan_parts,
    loan_work_parts,
    sync_parts,
    task_parts,
)
from desktop.reports.builders.city_capital import (
    deposits_table,
    entrusted_blocks,
    fund_levels_table,
    sources_blocks,
)
from desktop.reports.builders.city_communes import (
    _no_loans,
    add_completions,
    communes_phrase,
    completion_ranking,
    credit_by_commune_table,
    dissemination_by_commune_table,
    groups_by_commune_table,
    overdue_ranking,
    task_completion_table,
)
from desktop.reports.builders.city_credit import (
    checks_sentence,
    flows_blocks,
    groups_blocks,
    lending_dimension_tables,
    quality_compare_table,
    quality_sentence,
)
from desktop.reports.builders.common import number_tables, plan_preamble, recipients
from desktop.reports.builders.period_parts import UNIT_MILLION, cut_off, figures_line
from desktop.reports.builders.vocabulary import Numbering
from desktop.reports.builders.yearly_parts import (
    FigureColumn,
    YearBasis,
    assessment_sections,
    compared,
    count_text,
    money_phrase,
    part_intro,
    remarks_blocks,
    written,
    year_table,
)
from desktop.reports.model import Block, Paragraph, Report, Section, Table
from desktop.reports.registry import Coverage, ReportContext, ReportSpec, register
from desktop.sync.coverage import data_coverage

NAME = "city-yearly"
#: The parts of the plan the results follow, with the headings the report gives them.
PARTS = (
    ("II.1", "Công tác lãnh đạo, chỉ đạo, phổ biến, quán triệt, tuyên truyền"),
    (
        "II.2",
        "Phát huy vai trò của cấp ủy, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - "
        "xã hội",
    ),
    ("II.3", "Rà soát, đề xuất hoàn thiện cơ chế, chính sách tín dụng chính sách xã hội"),
    ("II.4", "Bố trí cơ sở vật chất, tập trung các nguồn vốn cho Ngân hàng Chính sách xã hội"),
    (
        "II.5",
        "Hoạt động của Ngân hàng Chính sách xã hội; mô hình tổ chức, quản lý tín dụng chính sách",
    ),
    (
        "II.6",
        "Khuyến khích sự tham gia của cộng đồng, doanh nghiệp xã hội; phát triển nền tảng số",
    ),
    ("III", "Tổ chức thực hiện và kết quả thực hiện nhiệm vụ của Kế hoạch"),
)
APPENDIX_ARRIVALS = "Phụ lục 1"
APPENDIX_COMMUNES = "Phụ lục 2"
APPENDIX_REMARKS = "Phụ lục 3"
DISSEMINATION_COLUMNS = (
    FigureColumn("sessions", "Số buổi, hội nghị tuyên truyền, quán triệt"),
    FigureColumn("participants", "Số lượt người tham dự"),
)
RESOURCES_COLUMNS = (
    FigureColumn("transferred", "Vốn ngân sách địa phương chuyển sang NHCSXH", money=True),
    FigureColumn("deposits", "Tiền gửi, tài trợ huy động", money=True),
    FigureColumn("fund", "Số tiền Quỹ “Vì người nghèo” tiếp nhận", money=True),
)


def part_heading(index: int, part: str, title: str) -> str:
    where = "mục III" if part == "III" else f"mục {part}"
    return f"{index}. {title} ({where} của Kế hoạch)"


def dissemination_blocks(
    basis: YearBasis,
    now: dict[str, DisseminationFigures],
    before: dict[str, DisseminationFigures],
    communes: dict[str, CommuneInfo],
    now_figures: YearFigures,
    before_figures: YearFigures,
) -> list[Block]:
    city = now.get(CITY_CODE, DisseminationFigures())
    with_figures = [c for c in communes if now.get(c, DisseminationFigures()).recorded]
    of_communes = sum(
        (now.get(c, DisseminationFigures()) for c in communes), DisseminationFigures()
    )
    sessions, people = now_figures["sessions"], now_figures["participants"]
    if sessions is None and people is None:
        text = (
            f"Từ ngày 01/01/{basis.year} đến ngày {basis.day:%d/%m/%Y}, cấp thành phố và các "
            f"xã, phường có số liệu chưa ghi số buổi, hội nghị tuyên truyền, quán triệt và số "
            f"lượt người tham dự trong báo cáo tiến độ các nhiệm vụ mục II.1 (cùng kỳ năm "
            f"{basis.year - 1}: {count_text(before_figures['sessions'], 'buổi')}, "
            f"{count_text(before_figures['participants'], 'lượt người')})."
        )
        return [Paragraph(text), *_dissemination_table(basis, now_figures, before_figures)]
    text = (
        f"Từ ngày 01/01/{basis.year} đến ngày {basis.day:%d/%m/%Y}, cấp thành phố và các xã, "
        f"phường có số liệu đã tổ chức {count_text(sessions, 'buổi, hội nghị')} tuyên truyền, "
        f"quán triệt với {count_text(people, 'lượt người')} tham dự (số buổi "
        f"{compared(before_figures['sessions'], sessions)}; số lượt người "
        f"{compared(before_figures['participants'], people)}); trong đó cấp thành phố "
        f"{count_text(city.sessions, 'buổi')}, {count_text(city.participants, 'lượt người')}; "
        f"các xã, phường {count_text(of_communes.sessions, 'buổi')}, "
        f"{count_text(of_communes.participants, 'lượt người')} ({len(with_figures)}/"
        f"{len(communes)} xã, phường có số liệu đã ghi số buổi hoặc số người tham dự)."
    )
    return [Paragraph(text), *_dissemination_table(basis, now_figures, before_figures)]


def _dissemination_table(basis: YearBasis, now: YearFigures, before: YearFigures) -> list[Block]:
    return [
        year_table(
            "Kết quả tuyên truyền, quán triệt so với cùng kỳ năm trước",
            "Tuyên truyền cùng kỳ",
            basis,
            Group.DISSEMINATION,
            DISSEMINATION_COLUMNS,
            now,
            before,
            note=(
                "Theo số liệu cấp thành phố và các xã, phường ghi cùng báo cáo tiến độ các nhiệm "
                "vụ mục II.1; “–”: chưa có số liệu"
            ),
        ),
    ]


def resources_year_table(basis: YearBasis, now: YearFigures, before: YearFigures) -> Table:
    return year_table(
        "Nguồn lực huy động trong năm so với cùng kỳ năm trước",
        "Nguồn lực cùng kỳ",
        basis,
        Group.RESOURCES,
        RESOURCES_COLUMNS,
        now,
        before,
        note=f"{UNIT_MILLION}. Gồm cấp thành phố và các xã, phường có số liệu",
    )


def grades_blocks(ctx: ReportContext, year: int) -> list[Block]:
    """The organisations' grades of the year; while none is reported yet (grades come at the
    year's end), the year before's too."""
    blocks = loan_work_parts.city_grades_blocks(ctx, year, by_commune=False)
    if not grades_of_year(ctx.session, year, ALL_COMMUNES):
        blocks += loan_work_parts.city_grades_blocks(ctx, year - 1, by_commune=False)
    return blocks


def _filter(
    found: dict[str, DisseminationFigures], keep: set[str]
) -> dict[str, DisseminationFigures]:
    return {code: figures for code, figures in found.items() if code in keep}


def _indicator_total(tables: dict[Dimension, IndicatorTable], known: bool) -> IndicatorRow | None:
    """The city-wide total of a day, or ``None`` on a day without any balance (no data)."""
    return tables[Dimension.PROGRAMME].total if known else None


# -- the report ---------------------------------------------------------------------------------
def build(ctx: ReportContext) -> Report:
    session = ctx.session
    period = ctx.request.period
    issued = ctx.request.issued_on
    year = period.year
    day = cut_off(period, issued)
    late_cut = sync_parts.cut_off(period, issued)
    numbering = Numbering()
    coverage = data_coverage(session)
    communes = {c.code: c for c in coverage.covered}
    phrase = coverage_parts.covered_phrase(coverage)
    total_label = coverage_parts.covered_label(coverage)
    basis = YearBasis(year, day, review_of_year(session, year))
    steps = 7

    ctx.progress.report(0, steps, "Nhiệm vụ")
    city_items = task_parts.task_lines_with_records(session, CITY_CODE, period, day)
    by_part = completion_by_part(session, period, list(communes))
    every = task_completion_by_commune(session, period)
    by_commune = {code: every[code] for code in communes}
    total_completion = add_completions(period, list(by_commune.values()))

    ctx.progress.report(1, steps, "Tuyên truyền")
    keep = {*communes, CITY_CODE}
    dissemination_now = _filter(dissemination_by_owner(session, year, day), keep)
    dissemination_before = _filter(dissemination_by_owner(session, year - 1, basis.before), keep)

    ctx.progress.report(2, steps, "Tín dụng chính sách")
    credit = year_credit(session, day, basis.before)
    balances_now = bool(communes_with_balances(session, day) - {CITY_CODE})
    balances_before = bool(communes_with_balances(session, basis.before) - {CITY_CODE})

    ctx.progress.report(3, steps, "Nguồn vốn")
    resources_now = resources_to_date(session, year, day)
    resources_before = resources_to_date(session, year - 1, basis.before)

    def figures(
        at: date,
        dissemination: dict[str, DisseminationFigures],
        resources: tuple[int, int, int],
        flows: LoanFlows,
    ) -> YearFigures:
        return YearFigures.of(
            at.year,
            at,
            dissemination=sum(dissemination.values(), DisseminationFigures()),
            transferred=resources[0],
            deposits=resources[1],
            fund=resources[2],
            flows=flows,
        )

    now_figures = figures(day, dissemination_now, resources_now, credit.flows)
    before_figures = figures(
        basis.before, dissemination_before, resources_before, credit.flows_before
    )

    # -- I. Kết quả thực hiện ------------------------------------------------------------------
    parts: list[Section] = []
    intro = {
        part: part_intro(city_items, part, period, by_part.get(part), phrase)
        for part, _title in PARTS
    }
    titles = dict(PARTS)
    parts.append(
        Section(
            part_heading(1, "II.1", titles["II.1"]),
            [
                *intro["II.1"],
                *dissemination_blocks(
                    basis,
                    dissemination_now,
                    dissemination_before,
                    communes,
                    now_figures,
                    before_figures,
                ),
            ],
        )
    )

    now_total = _indicator_total(credit.now, balances_now)
    before_total = _indicator_total(credit.before, balances_before)
    checks_now = credit.now[Dimension.PROGRAMME].total
    checks_before = credit.before[Dimension.PROGRAMME].total
    ctx.progress.report(4, steps, "Xếp loại")
    parts.append(
        Section(
            part_heading(2, "II.2", titles["II.2"]),
            [
                *intro["II.2"],
                checks_sentence(basis, checks_before, checks_now),
                *grades_blocks(ctx, year),
            ],
        )
    )
    remarks = remarks_of_year(session, year, day)
    proposals = sum(
        1 for code in (*communes, CITY_CODE) for r in remarks.get(code, []) if r.proposals
    )
    parts.append(
        Section(
            part_heading(3, "II.3", titles["II.3"]),
            [
                *intro["II.3"],
                Paragraph(
                    f"Trong báo cáo tiến độ năm {year}, cấp thành phố và các xã, phường có số "
                    f"liệu đã nêu {proposals} đề xuất, kiến nghị (tổng hợp theo từng đơn vị tại "
                    f"{APPENDIX_REMARKS})."
                ),
            ],
        )
    )

    ctx.progress.report(5, steps, "Nguồn lực")
    capital_before, capital_latest = latest_two(branch_capital(session, until=day), year)
    entrusted, entrusted_by_commune = entrusted_blocks(ctx, coverage, communes)
    start = period.start
    fund_total = period_statement(session, start, day, ALL_COMMUNES)
    city_fund = period_statement(session, start, day, CITY_OFFICE)
    statements = period_statements_by_commune(session, start, day, list(communes))
    communes_label = communes_phrase(coverage)
    communes_label = communes_label[:1].upper() + communes_label[1:]
    fund_blocks: list[Block] = [
        *fund_parts.fund_sentences(fund_total, period, issued, millions=True, who=f"của {phrase}"),
        fund_levels_table(fund_total, city_fund, communes_label, period, issued),
    ]
    resources_sentence = Paragraph(
        f"Từ ngày 01/01/{year} đến ngày {day:%d/%m/%Y}, ngân sách địa phương (thành phố và xã, "
        f"phường) chuyển sang NHCSXH {money_phrase(now_figures['transferred'])} "
        f"({compared(before_figures['transferred'], now_figures['transferred'])}); huy động tiền "
        f"gửi, tài trợ {money_phrase(now_figures['deposits'])} "
        f"({compared(before_figures['deposits'], now_figures['deposits'])}); các Quỹ “Vì người "
        f"nghèo” tiếp nhận {money_phrase(now_figures['fund'])} "
        f"({compared(before_figures['fund'], now_figures['fund'])})."
    )
    parts.append(
        Section(
            part_heading(4, "II.4", titles["II.4"]),
            [
                *intro["II.4"],
                resources_sentence,
                resources_year_table(basis, now_figures, before_figures),
            ],
            subsections=[
                Section("a) Tổng nguồn vốn", sources_blocks(capital_before, capital_latest, year)),
                Section("b) Vốn ngân sách địa phương ủy thác qua NHCSXH", entrusted),
                Section(
                    "c) Huy động tiền gửi, tài trợ",
                    [
                        deposits_table(
                            deposits_between(session, start, day, ALL_COMMUNES),
                            deposits_between(session, start, day, CITY_OFFICE),
                            communes_label,
                            f"Huy động tiền gửi, tài trợ từ ngày 01/01 đến ngày {day:%d/%m/%Y}",
                        )
                    ],
                ),
                Section(f"d) Vận động {fund_parts.FUND_NAME}", fund_blocks),
            ],
        )
    )

    ctx.progress.report(6, steps, "Tổ TK&VV")
    grades_now = group_grades_by_commune(session, year)
    grades_before = group_grades_by_commune(session, year - 1)
    active = active_groups_by_commune(session)

    def added(found: dict[str, GroupGrades], of_year: int) -> GroupGrades:
        return sum((found[c] for c in communes if c in found), GroupGrades(of_year))

    programmes = loan_parts.programme_catalogue(session)
    organisations = loan_parts.organisation_catalogue(session)
    parts.append(
        Section(
            part_heading(5, "II.5", titles["II.5"]),
            intro["II.5"],
            subsections=[
                Section(
                    "a) Cho vay, thu nợ",
                    flows_blocks(basis, credit, now_figures, before_figures, phrase),
                ),
                Section(
                    "b) Dư nợ và chất lượng tín dụng",
                    [
                        quality_sentence(basis, before_total, now_total, phrase),
                        quality_compare_table(basis, before_total, now_total),
                        *lending_dimension_tables(
                            basis, credit, programmes, organisations, balances_now, balances_before
                        ),
                    ],
                ),
                Section(
                    "c) Tổ tiết kiệm và vay vốn",
                    groups_blocks(
                        year,
                        added(grades_before, year - 1),
                        added(grades_now, year),
                        sum(active.get(c, 0) for c in communes),
                        phrase,
                    ),
                ),
            ],
        )
    )
    parts.append(Section(part_heading(6, "II.6", titles["II.6"]), intro["II.6"]))
    city_completion = task_completion(session, period, CITY_OFFICE)
    parts.append(
        Section(
            part_heading(7, "III", titles["III"]),
            [
                *intro["III"],
                task_parts.completion_sentence("cấp thành phố", city_completion, period),
                task_parts.completion_sentence(phrase, total_completion, period),
                task_parts.completion_chart(
                    total_completion, f"Tình trạng nhiệm vụ của {phrase} năm {year}"
                ),
                Paragraph(
                    f"Kết quả từng nhiệm vụ ở cấp thành phố, kết quả và xếp hạng của từng xã, "
                    f"phường tại {APPENDIX_COMMUNES}.",
                    italic=True,
                ),
            ],
        )
    )
    sections = [
        Section(numbering.section("Kết quả thực hiện"), subsections=parts),
        assessment_sections(basis, numbering.section("Đánh giá chung")),
        Section(
            numbering.section(f"Phương hướng, nhiệm vụ năm {year + 1}"),
            written(basis.review.directions if basis.review else ""),
        ),
        Section(
            numbering.section("Đề xuất, kiến nghị"),
            written(basis.review.proposals if basis.review else ""),
        ),
    ]

    # -- appendices -------------------------------------------------------------------------------
    title = f"tình hình thực hiện Chỉ thị số 39-CT/TW năm {year}"
    arrivals = sync_parts.arrivals(session, late_cut)
    ranking, lowest_chart = completion_ranking(communes, by_commune)
    found_loans = {row.key: row for row in credit.now[Dimension.COMMUNE].rows if row.key}
    with_balances = communes_with_balances(session, day)
    rows: dict[str, IndicatorRow | None] = {
        code: (found_loans.get(code) or _no_loans(code, c.label)) if code in with_balances else None
        for code, c in communes.items()
    }
    overdue_table, overdue_chart = overdue_ranking(communes, rows)
    per_commune: list[Block] = [
        task_parts.task_table(
            "Kết quả thực hiện nhiệm vụ ở cấp thành phố", "Nhiệm vụ cấp TP", city_items, period
        ),
        task_completion_table(communes, by_commune, total_completion, total_label),
        ranking,
    ]
    if lowest_chart.categories:
        per_commune.append(lowest_chart)
    per_commune += [
        dissemination_by_commune_table(
            communes,
            dissemination_now,
            dissemination_before,
            f"năm {year}",
            f"cùng kỳ năm {year - 1}",
            total_label,
        ),
        credit_by_commune_table(
            communes, rows, credit.now[Dimension.COMMUNE].total, day, total_label
        ),
        overdue_table,
    ]
    if overdue_chart.categories:
        per_commune.append(overdue_chart)
    per_commune += [
        groups_by_commune_table(communes, year, grades_now, active, total_label),
        fund_parts.fund_by_commune_table(communes, statements, fund_total, period, issued),
        entrusted_by_commune,
    ]
    appendices = [
        _appendix(
            APPENDIX_ARRIVALS,
            "Tình hình tiếp nhận số liệu của các xã, phường",
            title,
            [
                sync_parts.arrival_sentence(arrivals, late_cut, coverage, issued),
                sync_parts.arrival_table(arrivals, late_cut, coverage),
            ],
        ),
        _appendix(
            APPENDIX_COMMUNES,
            "Kết quả thực hiện nhiệm vụ và số liệu của các xã, phường",
            title,
            [coverage_parts.coverage_sentence(coverage, listed_in=APPENDIX_ARRIVALS), *per_commune],
        ),
        _appendix(
            APPENDIX_REMARKS,
            "Khó khăn, vướng mắc và đề xuất, kiến nghị của cấp thành phố và các xã, phường",
            title,
            remarks_blocks(remarks, communes),
        ),
    ]
    ctx.progress.report(7, steps, "Hoàn tất")
    preamble = [
        plan_preamble(ctx, f"tình hình thực hiện năm {year} trên địa bàn thành phố"),
        figures_line(period, issued),
        coverage_parts.coverage_sentence(coverage, listed_in=APPENDIX_ARRIVALS),
    ]
    if basis.running:
        preamble.append(
            Paragraph(
                f"Các số liệu phát sinh trong năm được so sánh với cùng kỳ năm {year - 1} (từ "
                f"01/01 đến ngày {basis.before:%d/%m/%Y}), số liệu tại một thời điểm với ngày "
                f"{basis.before:%d/%m/%Y}; số ước thực hiện cả năm {year} (nếu có) ghi rõ cách "
                f"ước tính.",
                italic=True,
            )
        )
    return number_tables(
        Report(
            kind="Báo cáo",
            title=(
                "Tình hình thực hiện Chỉ thị số 39-CT/TW của Ban Bí thư về nâng cao\n"
                f"hiệu quả của tín dụng chính sách xã hội năm {year}"
            ),
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=preamble,
            sections=sections,
            appendices=appendices,
            name=NAME,
        ),
        appendices=True,
    )


def _appendix(label: str, heading: str, title: str, blocks: Sequence[Block]) -> Section:
    return Section(f"{label}\n{heading}\n(Kèm theo Báo cáo {title})", list(blocks))


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "The city's yearly report (before 30/10)"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The Standing Committee's yearly report on Directive 39 (due before 30 October), "
            "in the Party form: the results following the plan's parts with their figures, "
            "each beside the same day of the year before and, before the year ends, the "
            "estimate for the whole year; the assessment, directions and proposals the city "
            "office writes for the year; appendices with each commune's figures and "
            "difficulties and proposals. Amounts in million đồng.",
        ),
        frozenset({OfficeMode.CITY}),
        (PeriodKind.YEAR,),
        build,
        Coverage.ALL,
        file_stem="Bao-cao-Chi-thi-39",
        issuer_role=IssuerRole.PARTY_COMMITTEE,
    )
)
