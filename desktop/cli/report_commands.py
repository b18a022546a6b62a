"""``tdcs report``: list the reports, or make one as PDF, Excel or Word.

tdcs report --list
tdcs report commune-plan --period 2026 --quarter 3 --out bao-cao.pdf
tdcs report city-yearly --period 2026 --out tong-hop.xlsx
tdcs report fund --period 2026 --half 1 --commune 31120 --out quy.pdf
tdcs report loan-quality --period 2026 --quarter 3 --out du-thao.docx
tdcs report commune-plan --period 2026 --out bc.pdf --recipient "Ủy ban nhân dân thành phố"
tdcs report check-records --period 2026 --quarter 3 --group G1 --out bien-ban.pdf

What the document lacks (a signer's name or position, the plan's number and date) is said
on the error output, with where to set it (``tdcs office``, or Cài đặt).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.app.reports import write_report
from desktop.cli.base import CommandContext, add_command, tr
from desktop.core.errors import UserError
from desktop.core.formatting import parse_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.periods import Period
from desktop.reports.registry import (
    ReportRequest,
    all_reports,
    get_report,
    period_kinds_text,
    reports_for,
)
from desktop.reports.service import output_format, preflight

M_NAME_NEEDED = QT_TRANSLATE_NOOP(
    "ReportCommands", "Name the report to make (see: tdcs report --list)."
)
M_PERIOD_NEEDED = QT_TRANSLATE_NOOP(
    "ReportCommands", "Give the year with --period, for example --period 2026."
)
M_OUT_NEEDED = QT_TRANSLATE_NOOP(
    "ReportCommands", "Give the file to write with --out, ending in .pdf, .xlsx or .docx."
)


def register(subparsers: Any) -> None:
    report = add_command(
        subparsers,
        "report",
        cmd_report,
        tr("make a report as a PDF, an Excel workbook or a Word draft"),
        tr(
            "Make a report as a PDF (an administrative document), an Excel workbook "
            "(one sheet per table) or a Word draft (.docx, the same document to finish in "
            "Word before signing). The format follows the extension of --out."
        ),
    )
    report.add_argument("name", nargs="?", metavar=tr("NAME"), help=tr("the report (see --list)"))
    report.add_argument(
        "--list", action="store_true", help=tr("list the reports this office can make")
    )
    report.add_argument(
        "--period", type=int, metavar=tr("YEAR"), help=tr("the year the report covers")
    )
    part = report.add_mutually_exclusive_group()
    part.add_argument(
        "--quarter", type=int, choices=[1, 2, 3, 4], help=tr("a quarter of the year (1-4)")
    )
    part.add_argument("--half", type=int, choices=[1, 2], help=tr("a half of the year (1-2)"))
    report.add_argument(
        "--commune",
        metavar=tr("CODE"),
        help=tr("at the city: the commune the report covers (default: every commune)"),
    )
    report.add_argument(
        "--group",
        default="",
        metavar=tr("GROUP"),
        help=tr(
            "one savings-and-loan group's code or name (check-records, checks-due, "
            "overdue-loans; default: every group)"
        ),
    )
    report.add_argument(
        "--out", type=Path, metavar=tr("FILE"), help=tr("the file to write: .pdf, .xlsx or .docx")
    )
    report.add_argument(
        "--date",
        metavar=tr("DATE"),
        help=tr("the date printed on the document, dd/mm/yyyy (default: today)"),
    )
    report.add_argument(
        "--number", default="", metavar=tr("NUMBER"), help=tr("the document's registered number")
    )
    report.add_argument(
        "--recipient",
        action="append",
        metavar=tr("RECIPIENT"),
        help=tr(
            "a recipient (Nơi nhận) for this document; repeat for several (default: the list "
            "kept on the Reports page, or the defaults)"
        ),
    )


def _period(args: argparse.Namespace) -> Period:
    if args.period is None:
        raise UserError(M_PERIOD_NEEDED)
    if args.quarter:
        return Period.quarter(args.period, args.quarter)
    if args.half:
        return Period.half(args.period, args.half)
    return Period.whole_year(args.period)


def cmd_report(args: argparse.Namespace, ctx: CommandContext) -> int:
    database = ctx.database()
    if args.list:
        office = database.office()
        specs = reports_for(office) if office is not None else all_reports()
        periods = tr("periods:")
        for spec in specs:
            print(f"{spec.name:18} {spec.title_text()}")
            print(f"{'':18} {periods} {period_kinds_text(spec.period_kinds)}")
        return 0
    if not args.name:
        raise UserError(M_NAME_NEEDED)
    spec = get_report(args.name)
    period = _period(args)
    if args.out is None:
        raise UserError(M_OUT_NEEDED)
    output_format(args.out)
    issued_on = parse_date(args.date, field="date") if args.date else date.today()
    recipients = tuple(args.recipient) if args.recipient else None
    request = ReportRequest(
        period, args.commune, issued_on, args.number, recipients, group=args.group
    )
    path = write_report(database, spec, request, args.out.expanduser())
    print(tr("Report written: {path}").format(path=path.resolve()))
    for warning in preflight(database, spec, args.commune, command_line=True).warnings:
        print(tr("Note: {warning}").format(warning=warning), file=sys.stderr)
    return 0
