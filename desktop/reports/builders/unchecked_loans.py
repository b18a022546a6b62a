"""``unchecked-loans``: the loans with an outstanding balance whose use nobody has checked in
the twelve months before the cut-off (the end of the period, or the document's date while
the period runs) — what the entrusted organisations and groups work from.

The body counts them by hamlet and by organisation (every one, zeros included); the list of
borrowers by name goes into an appendix after the signature, and into the workbook. At the
city, for every commune together, the count by covered commune replaces both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from db.enums import OfficeMode, PeriodKind
from desktop.core.formatting import format_date, group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.checks import UncheckedLoan, loans_not_checked, twelve_months_before
from desktop.core.loans.common import hamlet_names
from desktop.core.text import sort_key
from desktop.reports.builders import coverage_parts, loan_parts
from desktop.reports.builders.common import (
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.period_parts import (
    UNIT_MILLION,
    cut_off,
    figures_line,
    money_cell,
    money_column,
    money_text,
)
from desktop.reports.builders.vocabulary import NOT_RECORDED, TOTAL, UNIT_DONG, Numbering
from desktop.reports.model import Block, Column, Paragraph, Report, Section, Table
from desktop.reports.registry import ReportContext, ReportSpec, register
from desktop.reports.xlsx_table import CellKind

NAME = "unchecked-loans"


@dataclass
class _Tally:
    loans: int = 0
    never: int = 0
    outstanding: int = 0

    def add(self, item: UncheckedLoan) -> None:
        self.loans += 1
        self.never += item.last_checked_on is None
        self.outstanding += item.outstanding


def summary_table(
    items: Sequence[UncheckedLoan],
    key: Callable[[UncheckedLoan], str],
    order: Sequence[str] | None,
    title: str,
    sheet: str,
    first: str,
    *,
    millions: bool = False,
) -> Table:
    """The list counted by ``key`` (hamlet, organisation, commune): loans, of which never
    checked, and their outstanding balance; every name of ``order`` first (zeros where none),
    then any other."""
    tallies: dict[str, _Tally] = {}
    for item in items:
        tallies.setdefault(key(item) or NOT_RECORDED, _Tally()).add(item)
    names = list(order or ())
    names += sorted(
        (name for name in tallies if name not in names),
        key=lambda name: (name == NOT_RECORDED, sort_key(name)),
    )
    rows = []
    for name in names:
        tally = tallies.get(name, _Tally())
        rows.append((name, tally.loans, tally.never, money_cell(tally.outstanding, millions)))
    total = loan_parts.UncheckedSummary.of(items)
    return Table(
        title,
        sheet,
        [
            Column(first, weight=3),
            Column("Số khoản vay chưa kiểm tra trong 12 tháng", CellKind.NUMBER, 1.8),
            Column("Trong đó: chưa kiểm tra lần nào", CellKind.NUMBER, 1.6),
            money_column("Dư nợ", 2, millions),
        ],
        rows,
        totals=[(TOTAL, total.loans, total.never_checked, money_cell(total.outstanding, millions))],
        note=UNIT_MILLION if millions else UNIT_DONG,
    )


def build(ctx: ReportContext) -> Report:
    session = ctx.session
    period = ctx.request.period
    issued = ctx.request.issued_on
    day = cut_off(period, issued)
    since = twelve_months_before(day)
    unit = unit_phrase(ctx)
    numbering = Numbering()
    everyone = ctx.owner.is_all_communes
    coverage = coverage_parts.coverage_of(ctx)
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    title = (
        "Khoản vay chưa được kiểm tra sử dụng vốn trong 12 tháng\n"
        f"tính đến ngày {format_date(day)}{where}"
    )
    preamble: list[Paragraph] = [
        plan_preamble(
            ctx,
            f"các khoản vay chưa được kiểm tra việc sử dụng vốn trong 12 tháng tính đến "
            f"ngày {format_date(day)} của {unit}",
        ),
        figures_line(period, issued),
    ]
    if everyone and coverage is not None:
        preamble.append(
            coverage_parts.coverage_sentence(
                coverage, listed_in=coverage_parts.missing_listed_in(coverage)
            )
        )
    letterhead = ctx.letterhead(recipients(ctx))
    if coverage_parts.holds_no_data(ctx, coverage):
        return Report(
            kind="Báo cáo",
            title=title,
            letterhead=letterhead,
            preamble=preamble[:1],
            sections=[coverage_parts.no_data_section(unit)],
            name=NAME,
        )
    missing = (
        coverage_parts.missing_appendix(
            coverage, "về khoản vay chưa được kiểm tra sử dụng vốn trong 12 tháng"
        )
        if everyone and coverage is not None
        else []
    )
    ctx.progress.report(0, 2, "Khoản vay chưa kiểm tra")
    basis = loan_parts.BalanceBasis.of(session, ctx.owner, day)
    if basis.no_data:
        return number_tables(
            Report(
                kind="Báo cáo",
                title=title,
                letterhead=letterhead,
                preamble=preamble,
                sections=[
                    Section(
                        numbering.section("Tình hình chung"),
                        [
                            Paragraph(
                                f"{loan_parts.no_balance_text(day)}: {unit} chưa ghi nhận số dư "
                                f"khoản vay nào đến ngày này, nên chưa xác định được các khoản vay "
                                f"còn dư nợ chưa được kiểm tra việc sử dụng vốn."
                            )
                        ],
                    )
                ],
                name=NAME,
                appendices=missing,
            )
        )
    items = loans_not_checked(session, ctx.owner, today=day)
    summary = loan_parts.UncheckedSummary.of(items)
    millions = everyone
    ctx.progress.report(1, 2, "Khoản vay chưa kiểm tra")
    overview: list[Block] = [
        Paragraph(
            f"Đến ngày {format_date(day)}, {unit} có {group_thousands(summary.loans)} khoản vay "
            f"còn dư nợ chưa được kiểm tra việc sử dụng vốn từ ngày {format_date(since)} đến "
            f"nay, với tổng dư nợ {money_text(summary.outstanding, millions)}; trong đó "
            f"{group_thousands(summary.never_checked)} khoản vay chưa được kiểm tra lần nào. Đề "
            f"nghị các tổ chức nhận ủy thác, Tổ TK&VV phối hợp kiểm tra trong thời gian tới."
        )
    ]
    organisations = [label for _code, label in loan_parts.organisation_catalogue(session)]
    appendices: list[Section] = list(missing)
    if everyone and coverage is not None:
        labels = {c.code: c.label for c in coverage.covered}
        sections = [
            Section(numbering.section("Tình hình chung"), overview),
            Section(
                numbering.section("Theo xã, phường"),
                [
                    summary_table(
                        items,
                        lambda item: labels.get(item.commune_code, item.commune_code),
                        list(labels.values()),
                        "Khoản vay chưa kiểm tra sử dụng vốn trong 12 tháng theo xã, phường",
                        "Theo xã",
                        "Xã, phường",
                        millions=True,
                    ),
                    Paragraph(
                        f"Bảng gồm {len(labels)}/{coverage.total} xã, phường có số liệu. Danh "
                        f"sách từng khoản vay có trong báo cáo lập cho từng xã, phường.",
                        italic=True,
                    ),
                ],
            ),
        ]
    else:
        hamlets = sorted(set(hamlet_names(session, ctx.owner).values()), key=sort_key)
        overview += [
            summary_table(
                items,
                lambda item: item.hamlet_name,
                hamlets,
                "Khoản vay chưa kiểm tra sử dụng vốn trong 12 tháng theo ấp, khu vực",
                "Theo ấp",
                "Ấp, khu vực",
            ),
            summary_table(
                items,
                lambda item: item.organisation_name,
                organisations,
                "Khoản vay chưa kiểm tra sử dụng vốn trong 12 tháng theo tổ chức nhận ủy thác",
                "Theo tổ chức",
                "Tổ chức nhận ủy thác",
            ),
        ]
        if items:
            overview.append(
                Paragraph(
                    "Danh sách từng khoản vay tại Phụ lục kèm theo (và trong tệp Excel của báo "
                    "cáo)."
                )
            )
        sections = [Section(numbering.section("Tình hình chung"), overview)]
        if items:
            appendices = [
                Section(
                    "Phụ lục\nDanh sách khoản vay chưa được kiểm tra sử dụng vốn trong 12 tháng "
                    f"tính đến ngày {format_date(day)}\n(Kèm theo Báo cáo về khoản vay chưa "
                    "được kiểm tra sử dụng vốn trong 12 tháng)",
                    [
                        Table(
                            "",
                            "Danh sách",
                            loan_parts.unchecked_columns(with_commune=False),
                            loan_parts.unchecked_rows(items),
                            totals=[("", TOTAL, "", "", "", "", None, summary.outstanding, None)],
                            note=UNIT_DONG,
                        )
                    ],
                )
            ]
    return number_tables(
        Report(
            kind="Báo cáo",
            title=title,
            letterhead=letterhead,
            preamble=preamble,
            sections=sections,
            name=NAME,
            appendices=appendices,
        )
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Loans not checked in 12 months"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The loans with a balance whose use was not checked in the twelve months before the "
            "end of the period, counted by hamlet and organisation, the list by name in an "
            "appendix (at the city for all communes: by commune).",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        file_stem="Khoan-vay-chua-kiem-tra",
    )
)
