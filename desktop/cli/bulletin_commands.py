"""Commands of the city's bulletins: make (city), import (commune), list (both)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.base import CommandContext, add_command, tr
from desktop.core.formatting import format_datetime
from desktop.core.office import require_office
from desktop.sync.bulletin_apply import (
    BulletinReport,
    Change,
    Status,
    import_bulletin,
    list_applied,
)
from desktop.sync.bulletin_issue import all_commune_codes, list_issued, make_bulletins, pending


def register(subparsers: Any) -> None:
    command = add_command(
        subparsers,
        "bulletin",
        cmd_list,
        tr("the city's bulletins to the communes: targets, catalogue, closed periods, notices"),
    )
    sub = command.add_subparsers(dest="bulletin_command", metavar=tr("COMMAND"))
    make = add_command(
        sub,
        "make",
        cmd_make,
        tr("make the next bulletin: one file for every commune, or one per commune (city)"),
    )
    make.add_argument(
        "--commune",
        metavar=tr("CODE"),
        action="append",
        help=tr(
            "one file for this commune, with its own targets (repeat for more communes); "
            "without it, one file for every commune, without targets"
        ),
    )
    make.add_argument(
        "--each",
        action="store_true",
        help=tr("one file for each of the 103 communes, each with its own targets"),
    )
    make.add_argument(
        "--out",
        metavar=tr("FOLDER"),
        type=Path,
        required=True,
        help=tr("the folder to write the files into"),
    )
    imp = add_command(
        sub,
        "import",
        cmd_import,
        tr("check and apply a bulletin from the city (commune)"),
    )
    imp.add_argument("file", metavar=tr("FILE"), type=Path, help=tr("the bulletin file (.tdcsb)"))
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("only check the bulletin and show what it would change"),
    )
    add_command(sub, "list", cmd_list, tr("the bulletins made (city) or applied (commune)"))


def cmd_make(args: argparse.Namespace, ctx: CommandContext) -> int:
    database = ctx.database()
    with database.transaction() as session:
        communes = args.commune
        if args.each:
            communes = all_commune_codes(session)
        waiting = pending(session)
        result = make_bulletins(session, args.out, communes=communes)
    print(
        tr("Bulletin no. {seq}: {count} file(s) written.").format(
            seq=result.seq, count=len(result.files)
        )
    )
    for issued in result.files:
        print(f"  {issued.path}")
    if communes is None and waiting.targets:
        print(
            tr(
                "Note: targets travel only in a commune's own file; to send them, make one "
                "file per commune (--each, or --commune CODE)."
            )
        )
    return 0


def print_report(report: BulletinReport) -> None:
    if report.path is not None:
        print(report.path.name)
    manifest = report.manifest
    if manifest is not None:
        to = (
            tr("to {commune}").format(commune=manifest.addressee.name)
            if manifest.addressee
            else tr("to every commune")
        )
        print(
            "  "
            + tr("Bulletin no. {seq} of the city, issued {date}, {to}").format(
                seq=manifest.seq, date=format_datetime(manifest.issued), to=to
            )
        )
    for line in report.lines:
        print("  • " + line.describe())
    if report.status in (Status.READY, Status.APPLIED):
        print(
            "  "
            + tr("{new} new, {changed} changed, {removed} withdrawn, {unchanged} unchanged").format(
                new=report.counts(Change.NEW),
                changed=report.counts(Change.CHANGED),
                removed=report.counts(Change.REMOVED),
                unchanged=report.counts(Change.UNCHANGED),
            )
        )
    if report.status is Status.READY:
        print("  " + tr("Checked: the bulletin can be applied (nothing was changed)."))
    elif report.status is Status.APPLIED:
        print("  " + tr("Applied."))
    elif report.status is Status.ALREADY:
        print("  " + report.message)
    else:
        print("  " + tr("REFUSED: {reason}").format(reason=report.message), file=sys.stderr)


def cmd_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    report = import_bulletin(ctx.database(), args.file, dry_run=args.dry_run)
    print_report(report)
    return 0 if report.ok else 1


def cmd_list(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().reading() as session:
        if require_office(session).is_city:
            issued = list_issued(session)
            if not issued:
                print(tr("No bulletin has been made yet."))
            for row in issued:
                to = row.addressee_name or tr("every commune")
                print(
                    f"{row.seq:>5}  {format_datetime(row.issued_at):16}  {to:24}  {row.file_name}"
                )
            return 0
        applied = list_applied(session)
    if not applied:
        print(tr("No bulletin from the city has been applied yet."))
    for done in applied:
        print(
            f"{done.seq:>5}  "
            + tr("issued {issued}, applied {applied}").format(
                issued=format_datetime(done.issued_at), applied=format_datetime(done.applied_at)
            )
            + f"  {done.file_name}"
        )
    return 0
