"""``overdue-loans``: the named list of overdue loans (danh sách nợ quá hạn) for the recovery
work, on the cut-off (the end of the period, or the document's date while it runs).

For one commune: how much is overdue and for how long, counted by hamlet and by group (with
its leader), then the list itself, one table per hamlet, by group and borrower: the
borrower, the group and its leader, the programme and contract, the outstanding balance,
the overdue part, since when and for how many days (the rule is
:mod:`desktop.core.loans.overdue`'s, printed in the document). At the city for every commune
the body counts by commune only: named lists are in each commune's own document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from db.enums import OfficeMode, PeriodKind
from desktop.core.formatting import format_date, group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.check_records import find_group
from desktop.core.loans.indicators import AgeBucket, age_bucket
from desktop.core.loans.overdue import OverdueLoan, overdue_loans
from desktop.core.text import sort_key
from desktop.reports.builders.common import (
    communes_by_code,
    data_day,
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.loan_parts import AGE_BUCKETS
from desktop.reports.builders.vocabulary import NOT_RECORDED, TOTAL, UNIT_DONG, Numbering
from desktop.reports.model import Block, Cell, Column, Paragraph, Report, Section, Table
from desktop.reports.registry import ReportContext, ReportSpec, register
from desktop.reports.xlsx_table import CellKind

NAME = "overdue-loans"
SINCE_RULE = (
    "“Quá hạn từ ngày”: ngày Ngân hàng ghi là bắt đầu quá hạn, nếu có; nếu không, ngày đầu "
    "tiên của chuỗi các lần ghi số dư liên tiếp có nợ quá hạn tính đến ngày báo cáo. Số ngày "
    "quá hạn tính từ ngày đó đến ngày báo cáo."
)


@dataclass
class _Tally:
    loans: int = 0
    overdue: int = 0
    outstanding: int = 0
    borrowers: set[str] = field(default_factory=set)

    def add(self, item: OverdueLoan) -> None:
        self.loans += 1
        self.overdue += item.overdue
        self.outstanding += item.outstanding
        self.borrowers.add(f"{item.commune_code}:{item.borrower_name}")


def _tally(items: Sequence[OverdueLoan]) -> _Tally:
    total = _Tally()
    for item in items:
        total.add(item)
    return total


def summary_table(
    items: Sequence[OverdueLoan],
    key: Callable[[OverdueLoan], tuple[str, ...]],
    heads: Sequence[Column],
    title: str,
    sheet: str,
    order: Sequence[tuple[str, ...]] | None = None,
) -> Table:
    """Overdue loans counted by ``key`` (hamlet; group and leader; commune)."""
    tallies: dict[tuple[str, ...], _Tally] = defaultdict(_Tally)
    for item in items:
        tallies[key(item)].add(item)
    keys = list(order) if order is not None else list(tallies)
    rows: list[tuple[Cell, ...]] = [
        (*k, tallies[k].loans, tallies[k].outstanding, tallies[k].overdue) for k in keys
    ]
    total = _tally(items)
    blanks = ("",) * (len(heads) - 1)
    return Table(
        title,
        sheet,
        [
            *heads,
            Column("Số khoản vay quá hạn", CellKind.NUMBER, 1.3),
            Column("Dư nợ", CellKind.MONEY, 1.7),
            Column("Nợ quá hạn", CellKind.MONEY, 1.7),
        ],
        rows,
        totals=[(TOTAL, *blanks, total.loans, total.outstanding, total.overdue)],
        note=UNIT_DONG,
    )


def ageing_table(items: Sequence[OverdueLoan]) -> Table:
    loans: dict[AgeBucket, int] = defaultdict(int)
    amounts: dict[AgeBucket, int] = defaultdict(int)
    for item in items:
        bucket = age_bucket(item.days)
        loans[bucket] += 1
        amounts[bucket] += item.overdue
    total = sum(amounts.values())
    buckets = [b for b in AgeBucket if b is not AgeBucket.UNKNOWN]
    return Table(
        "Nợ quá hạn theo thời gian quá hạn",
        "Thời gian quá hạn",
        [
            Column("Thời gian quá hạn", weight=3),
            Column("Số khoản vay", CellKind.NUMBER, 1.3),
            Column("Nợ quá hạn", CellKind.MONEY, 1.8),
            Column("Tỷ trọng", CellKind.PERCENT, 1.2),
        ],
        [
            (AGE_BUCKETS[b], loans[b], amounts[b], Fraction(amounts[b], total) if total else None)
            for b in buckets
        ],
        totals=[(TOTAL, sum(loans.values()), total, None)],
        note=UNIT_DONG,
    )


def list_columns() -> list[Column]:
    return [
        Column("STT", CellKind.NUMBER, 0.7),
        Column("Người vay", weight=2.0),
        Column("Tổ TK&VV", weight=1.8),
        Column("Tổ trưởng", weight=1.6),
        Column("Chương trình", weight=1.3),
        Column("Số khế ước", weight=1.3),
        Column("Dư nợ", CellKind.MONEY, 1.45),
        Column("Nợ quá hạn", CellKind.MONEY, 1.45),
        Column("Quá hạn từ ngày", CellKind.DATE, 1.25),
        Column("Số ngày quá hạn", CellKind.NUMBER, 1.0),
    ]


def list_table(items: Sequence[OverdueLoan], hamlet: str) -> Table:
    rows: list[tuple[Cell, ...]] = [
        (
            index,
            item.borrower_name,
            item.group_name or NOT_RECORDED,
            item.group_leader,
            item.programme_name,
            item.contract_no,
            item.outstanding,
            item.overdue,
            item.overdue_since,
            item.days,
        )
        for index, item in enumerate(items, start=1)
    ]
    total = _tally(items)
    return Table(
        f"Danh sách khoản vay có nợ quá hạn — {hamlet}",
        hamlet,
        list_columns(),
        rows,
        totals=[("", TOTAL, "", "", "", "", total.outstanding, total.overdue, None, None)],
        note=UNIT_DONG,
    )


def overview(unit: str, items: Sequence[OverdueLoan], day_text: str) -> Paragraph:
    if not items:
        return Paragraph(f"Đến ngày {day_text}, {unit} không có khoản vay nào có nợ quá hạn.")
    total = _tally(items)
    long_overdue = [item for item in items if item.days > 90]
    return Paragraph(
        f"Đến ngày {day_text}, {unit} có {group_thousands(total.loans)} khoản vay của "
        f"{group_thousands(len(total.borrowers))} hộ có nợ quá hạn, tổng nợ quá hạn "
        f"{group_thousands(total.overdue)} đồng trên dư nợ {group_thousands(total.outstanding)} "
        f"đồng của các khoản vay này; trong đó {group_thousands(len(long_overdue))} khoản vay "
        f"quá hạn trên 90 ngày với {group_thousands(sum(i.overdue for i in long_overdue))} "
        f"đồng. Đề nghị các tổ chức nhận ủy thác, Tổ TK&VV phối hợp đôn đốc thu hồi."
    )


def build(ctx: ReportContext) -> Report:
    session = ctx.session
    day = data_day(ctx)
    unit = unit_phrase(ctx)
    numbering = Numbering()
    items = overdue_loans(session, ctx.owner, day)
    group_note = ""
    if ctx.request.group and not ctx.owner.is_all_communes:
        group_id, label = find_group(session, ctx.owner.unit_code, ctx.request.group)
        items = [item for item in items if item.group_id == group_id]
        group_note = f", {label}"
    head: list[Block] = [overview(unit + group_note, items, format_date(day))]
    sections: list[Section]
    if ctx.owner.is_all_communes:
        communes = communes_by_code(session)
        head.append(
            summary_table(
                items,
                lambda item: (
                    (communes[item.commune_code].label,)
                    if item.commune_code in communes
                    else (item.commune_code,)
                ),
                [Column("Xã, phường", weight=3)],
                "Khoản vay có nợ quá hạn theo xã, phường",
                "Theo xã",
                order=[(c.label,) for c in communes.values()],
            )
        )
        head.append(ageing_table(items))
        head.append(
            Paragraph(
                "Danh sách từng khoản vay có trong báo cáo lập cho từng xã, phường.", italic=True
            )
        )
        sections = [Section(numbering.section("Tình hình chung"), head)]
    else:
        head.append(ageing_table(items))
        head.append(
            summary_table(
                items,
                lambda item: (item.hamlet_name or NOT_RECORDED,),
                [Column("Ấp, khu vực", weight=3)],
                "Khoản vay có nợ quá hạn theo ấp, khu vực",
                "Theo ấp",
            )
        )
        head.append(
            summary_table(
                items,
                lambda item: (item.group_name or NOT_RECORDED, item.group_leader),
                [Column("Tổ TK&VV", weight=2.6), Column("Tổ trưởng", weight=2)],
                "Khoản vay có nợ quá hạn theo Tổ TK&VV",
                "Theo tổ",
            )
        )
        by_hamlet: dict[str, list[OverdueLoan]] = defaultdict(list)
        for item in items:
            by_hamlet[item.hamlet_name or NOT_RECORDED].append(item)
        hamlets = sorted(by_hamlet, key=lambda h: (h == NOT_RECORDED, sort_key(h)))
        general = Section(numbering.section("Tình hình chung"), head)
        listed = Section(
            numbering.section("Danh sách khoản vay có nợ quá hạn"),
            [Paragraph(SINCE_RULE, italic=True)],
            subsections=[
                Section(f"{n}. {hamlet}", [list_table(by_hamlet[hamlet], hamlet)])
                for n, hamlet in enumerate(hamlets, start=1)
            ],
        )
        sections = [general, listed]
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    return number_tables(
        Report(
            kind="Báo cáo",
            title=f"Danh sách nợ quá hạn đến ngày {format_date(day)}{where}{group_note}",
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=[
                plan_preamble(
                    ctx,
                    f"các khoản vay có nợ quá hạn của {unit}{group_note} đến ngày "
                    f"{format_date(day)} để phối hợp đôn đốc thu hồi",
                )
            ],
            sections=sections,
            name=NAME,
        )
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Overdue loans (named list)"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The overdue loans at the end of the period by hamlet and group, for the recovery "
            "work: the borrower, the group's leader, the amount overdue, since when and for "
            "how many days (at the city for all communes: counted by commune, without names).",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        file_stem="Danh-sach-no-qua-han",
        takes_group=True,
    )
)
