"""``unchecked-loans``: the loans with an outstanding balance whose use nobody has checked in
the twelve months before the end of the period (or the document's date, while the period
runs) — the list the entrusted organisations and groups work from.

The list is :func:`desktop.core.loans.checks.loans_not_checked`'s, never-checked loans
first. At the city, for every commune together, a table per commune replaces the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from db.enums import OfficeMode, PeriodKind
from desktop.core.formatting import format_date, group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.checks import UncheckedLoan, loans_not_checked, twelve_months_before
from desktop.core.text import sort_key
from desktop.reports.builders import loan_parts
from desktop.reports.builders.common import (
    communes_by_code,
    data_day,
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
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
) -> Table:
    """The list counted by ``key`` (hamlet, organisation, commune): loans, of which never
    checked, and their outstanding balance; rows in ``order`` when given."""
    tallies: dict[str, _Tally] = {}
    for item in items:
        tallies.setdefault(key(item) or NOT_RECORDED, _Tally()).add(item)
    if order is not None:
        names = list(order)
    else:
        names = sorted(tallies, key=lambda name: (name == NOT_RECORDED, sort_key(name)))
    rows = []
    for name in names:
        tally = tallies.get(name, _Tally())
        rows.append((name, tally.loans, tally.never, tally.outstanding))
    total = loan_parts.UncheckedSummary.of(items)
    return Table(
        title,
        sheet,
        [
            Column(first, weight=3),
            Column("Số khoản vay chưa kiểm tra trong 12 tháng", CellKind.NUMBER, 1.8),
            Column("Trong đó: chưa kiểm tra lần nào", CellKind.NUMBER, 1.6),
            Column("Dư nợ", CellKind.MONEY, 2),
        ],
        rows,
        totals=[(TOTAL, total.loans, total.never_checked, total.outstanding)],
        note=UNIT_DONG,
    )


def build(ctx: ReportContext) -> Report:
    session = ctx.session
    day = data_day(ctx)
    since = twelve_months_before(day)
    unit = unit_phrase(ctx)
    numbering = Numbering()
    ctx.progress.report(0, 2, "Khoản vay chưa kiểm tra")
    items = loans_not_checked(session, ctx.owner, today=day)
    summary = loan_parts.UncheckedSummary.of(items)
    ctx.progress.report(1, 2, "Khoản vay chưa kiểm tra")
    overview: list[Block] = [
        Paragraph(
            f"Đến ngày {format_date(day)}, {unit} có {group_thousands(summary.loans)} khoản vay "
            f"còn dư nợ chưa được kiểm tra việc sử dụng vốn từ ngày {format_date(since)} đến "
            f"nay, với tổng dư nợ {group_thousands(summary.outstanding)} đồng; trong đó "
            f"{group_thousands(summary.never_checked)} khoản vay chưa được kiểm tra lần nào. Đề "
            f"nghị các tổ chức nhận ủy thác, Tổ TK&VV phối hợp kiểm tra trong thời gian tới."
        )
    ]
    if ctx.owner is None:
        communes = communes_by_code(session)
        labels = {code: c.label for code, c in communes.items()}
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
                    ),
                    Paragraph(
                        "Danh sách từng khoản vay có trong báo cáo lập cho từng xã, phường.",
                        italic=True,
                    ),
                ],
            ),
        ]
    else:
        overview.append(
            summary_table(
                items,
                lambda item: item.hamlet_name,
                None,
                "Khoản vay chưa kiểm tra sử dụng vốn trong 12 tháng theo ấp, khu vực",
                "Theo ấp",
                "Ấp, khu vực",
            )
        )
        overview.append(
            summary_table(
                items,
                lambda item: item.organisation_name,
                None,
                "Khoản vay chưa kiểm tra sử dụng vốn trong 12 tháng theo tổ chức nhận ủy thác",
                "Theo tổ chức",
                "Tổ chức nhận ủy thác",
            )
        )
        sections = [
            Section(numbering.section("Tình hình chung"), overview),
            Section(
                numbering.section("Danh sách khoản vay"),
                [
                    Table(
                        "Danh sách khoản vay chưa được kiểm tra sử dụng vốn trong 12 tháng",
                        "Danh sách",
                        loan_parts.unchecked_columns(with_commune=False),
                        loan_parts.unchecked_rows(items),
                        totals=[("", TOTAL, "", "", "", "", None, summary.outstanding, None)],
                        note=UNIT_DONG,
                        empty_text="Mọi khoản vay còn dư nợ đều đã được kiểm tra trong 12 tháng.",
                    )
                ],
            ),
        ]
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    return number_tables(
        Report(
            kind="Báo cáo",
            title=(
                "Khoản vay chưa được kiểm tra sử dụng vốn trong 12 tháng\n"
                f"tính đến ngày {format_date(day)}{where}"
            ),
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=[
                plan_preamble(
                    ctx,
                    f"các khoản vay chưa được kiểm tra việc sử dụng vốn trong 12 tháng tính đến "
                    f"ngày {format_date(day)} của {unit}",
                )
            ],
            sections=sections,
            name=NAME,
        )
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Loans not checked in 12 months"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The loans with a balance whose use was not checked in the twelve months before the "
            "end of the period, never-checked loans first, counted by hamlet and organisation "
            "(at the city for all communes: by commune).",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        file_stem="Khoan-vay-chua-kiem-tra",
    )
)
