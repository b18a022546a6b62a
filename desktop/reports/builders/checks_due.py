"""``checks-due``: the field list of the next loan-use checks — the loans with a balance not
checked in the twelve months before the cut-off (:func:`desktop.core.loans.checks.checks_due`),
one table per savings-and-loan group under its hamlet, with blank columns that the checkers
fill in at the borrower's home (date, result, the borrower's signature).

Made for one commune (a field list is carried to one commune's hamlets), or one of its groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from db.enums import OfficeMode, PeriodKind
from desktop.core.formatting import format_date, group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.check_records import find_group
from desktop.core.loans.checks import DueLoan, checks_due, twelve_months_before
from desktop.core.text import sort_key
from desktop.reports.builders.common import (
    data_day,
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.vocabulary import NOT_RECORDED, TOTAL, UNIT_DONG, Numbering
from desktop.reports.model import Block, Cell, Column, Paragraph, Report, Section, Table
from desktop.reports.registry import Coverage, ReportContext, ReportSpec, register
from desktop.reports.xlsx_table import CellKind

NAME = "checks-due"
NO_GROUP = "Khoản vay không thuộc Tổ TK&VV"
LEGEND = (
    "Cột “Kết quả” ghi: Đ – sử dụng vốn đúng mục đích; MP – đúng mục đích một phần; S – sai "
    "mục đích; C – chưa sử dụng vốn. Sau khi kiểm tra, nhập kết quả vào TDCS (Khoản vay → "
    "Kiểm tra sử dụng vốn) để in biên bản."
)
#: Room to write by hand in a row (points): about 9 mm.
WRITING_ROOM = 26


def field_columns() -> list[Column]:
    return [
        Column("STT", CellKind.NUMBER, 0.7),
        Column("Người vay", weight=2.0),
        Column("Số khế ước", weight=1.2),
        Column("Mục đích vay", weight=1.6),
        Column("Số tiền vay", CellKind.MONEY, 1.35),
        Column("Dư nợ", CellKind.MONEY, 1.35),
        Column("Kiểm tra gần nhất", CellKind.DATE, 1.15),
        Column("Ngày kiểm tra", weight=1.15),
        Column("Kết quả", weight=0.9),
        Column("Người vay ký", weight=1.3),
    ]


def field_table(items: Sequence[DueLoan], title: str, sheet: str) -> Table:
    rows: list[tuple[Cell, ...]] = [
        (
            index,
            item.borrower_name,
            item.contract_no,
            item.purpose,
            item.amount_disbursed,
            item.outstanding,
            item.last_checked_on,
            "",
            "",
            "",
        )
        for index, item in enumerate(items, start=1)
    ]
    outstanding = sum(item.outstanding for item in items)
    return Table(
        title,
        sheet,
        field_columns(),
        rows,
        totals=[("", TOTAL, "", "", None, outstanding, None, "", "", "")],
        note=f"{UNIT_DONG}; số tiền vay để trống là chưa rõ",
        min_row_height=WRITING_ROOM,
    )


def group_summary(groups: Sequence[tuple[str, str, str, list[DueLoan]]]) -> Table:
    rows = [
        (
            group,
            hamlet,
            leader,
            len(items),
            sum(1 for i in items if i.last_checked_on is None),
            sum(i.outstanding for i in items),
        )
        for hamlet, group, leader, items in groups
    ]
    every = [item for *_rest, items in groups for item in items]
    return Table(
        "Khoản vay đến hạn kiểm tra theo Tổ TK&VV",
        "Theo tổ",
        [
            Column("Tổ TK&VV", weight=2.6),
            Column("Ấp, khu vực", weight=1.6),
            Column("Tổ trưởng", weight=1.8),
            Column("Số khoản vay", CellKind.NUMBER, 1.1),
            Column("Chưa kiểm tra lần nào", CellKind.NUMBER, 1.2),
            Column("Dư nợ", CellKind.MONEY, 1.6),
        ],
        rows,
        totals=[
            (
                TOTAL,
                "",
                "",
                len(every),
                sum(1 for i in every if i.last_checked_on is None),
                sum(i.outstanding for i in every),
            )
        ],
        note=UNIT_DONG,
    )


def build(ctx: ReportContext) -> Report:
    code = ctx.owner.unit_code  # Coverage.ONE
    session = ctx.session
    day = data_day(ctx)
    since = twelve_months_before(day)
    unit = unit_phrase(ctx)
    numbering = Numbering()
    items = checks_due(session, ctx.owner, day)
    group_note = ""
    if ctx.request.group:
        group_id, label = find_group(session, code, ctx.request.group)
        items = [item for item in items if item.group_id == group_id]
        group_note = f", {label}"
    grouped: dict[tuple[str, str, str], list[DueLoan]] = defaultdict(list)
    for item in items:
        key = (item.hamlet_name or NOT_RECORDED, item.group_name or NO_GROUP, item.group_leader)
        grouped[key].append(item)
    groups = [
        (hamlet, group, leader, grouped[(hamlet, group, leader)])
        for hamlet, group, leader in sorted(
            grouped,
            key=lambda k: (k[0] == NOT_RECORDED, sort_key(k[0]), k[1] == NO_GROUP, sort_key(k[1])),
        )
    ]
    never = sum(1 for item in items if item.last_checked_on is None)
    head: list[Block] = [
        Paragraph(
            f"Đến ngày {format_date(day)}, {unit}{group_note} có {group_thousands(len(items))} "
            f"khoản vay còn dư nợ chưa được kiểm tra việc sử dụng vốn từ ngày "
            f"{format_date(since)}, với dư nợ "
            f"{group_thousands(sum(i.outstanding for i in items))} đồng; trong đó "
            f"{group_thousands(never)} khoản vay chưa được kiểm tra lần nào. Danh sách dưới "
            f"đây theo từng Tổ TK&VV để các tổ chức nhận ủy thác, tổ trưởng phối hợp kiểm tra."
        ),
    ]
    if groups:
        head.append(group_summary(groups))
    general = Section(numbering.section("Tình hình chung"), head)
    hamlets: dict[str, list[tuple[str, str, list[DueLoan]]]] = defaultdict(list)
    for hamlet, group, leader, members in groups:
        hamlets[hamlet].append((group, leader, members))
    listed = Section(
        numbering.section("Danh sách kiểm tra"),
        [Paragraph(LEGEND, italic=True)],
        subsections=[
            Section(
                f"{n}. {hamlet}",
                [
                    field_table(
                        members,
                        f"{group} — tổ trưởng: {leader}" if leader else group,
                        group,
                    )
                    for group, leader, members in hamlets[hamlet]
                ],
            )
            for n, hamlet in enumerate(hamlets, start=1)
        ],
    )
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    return number_tables(
        Report(
            kind="Danh sách",
            title=(
                f"Khoản vay cần kiểm tra sử dụng vốn\n(chưa kiểm tra trong 12 tháng đến ngày "
                f"{format_date(day)}){where}{group_note}"
            ),
            letterhead=ctx.letterhead(recipients(ctx), kind="DS"),
            preamble=[
                plan_preamble(
                    ctx,
                    f"danh sách các khoản vay cần kiểm tra việc sử dụng vốn của {unit}{group_note}",
                )
            ],
            sections=[general, listed],
            name=NAME,
        )
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Field list of the next loan-use checks"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The loans due for a check (not checked in the twelve months before the end of the "
            "period), one table per savings-and-loan group under its hamlet, with blank "
            "columns to fill in at the borrower's home.",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        Coverage.ONE,
        file_stem="Danh-sach-kiem-tra-su-dung-von",
        takes_group=True,
    )
)
