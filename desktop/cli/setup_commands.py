"""Commands that set up and look after a data folder: init, demo-data, self-test, backup,
restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from db.enums import OfficeMode
from db.migrate import DatabaseProblem
from desktop.cli.base import CommandContext, add_command, tr
from desktop.core import demo
from desktop.core.backups import make_backup, restore_backup
from desktop.core.office import set_up_office
from desktop.core.selftest import SelfTestFailure, StepResult, run_self_test
from desktop.sync.keys import ensure_office_keys


def register(subparsers: Any) -> None:
    init = add_command(
        subparsers,
        "init",
        cmd_init,
        tr("set up this data folder for a commune/ward office or the city office"),
    )
    init.add_argument(
        "--mode",
        required=True,
        choices=["commune", "city"],
        help=tr("commune: a commune or ward office; city: the city office"),
    )
    init.add_argument(
        "--commune",
        metavar=tr("CODE"),
        help=tr("the commune's 5-digit code, e.g. 31120 (commune mode)"),
    )
    init.add_argument("--office", metavar=tr("NAME"), help=tr("the office's name"))
    init.add_argument(
        "--hamlet",
        metavar=tr("NAME"),
        action="append",
        default=[],
        help=tr("a hamlet (ấp / khu vực); repeat for several"),
    )

    demo_cmd = add_command(
        subparsers,
        "demo-data",
        cmd_demo,
        tr("fill an empty database with synthetic demonstration data"),
    )
    demo_cmd.add_argument("--seed", type=int, default=39, help=tr("random seed (default 39)"))
    demo_cmd.add_argument(
        "--scale",
        choices=sorted(demo.SCALES),
        default="small",
        help=tr("how much data: small, commune or city (default small)"),
    )

    add_command(
        subparsers,
        "self-test",
        cmd_self_test,
        tr("check this installation in a temporary folder and print OK"),
    )

    backup = add_command(subparsers, "backup", cmd_backup, tr("back up the database now"))
    backup.add_argument(
        "--out",
        metavar=tr("FILE"),
        type=Path,
        help=tr("where to write the backup (default: the backups folder)"),
    )

    restore = add_command(
        subparsers,
        "restore",
        cmd_restore,
        tr("replace the database with a backup (the current one is kept)"),
    )
    restore.add_argument("file", metavar=tr("FILE"), type=Path, help=tr("the backup file"))


def cmd_init(args: argparse.Namespace, ctx: CommandContext) -> int:
    mode = OfficeMode(args.mode)
    if mode is OfficeMode.CITY and args.commune:
        print(tr("Note: --commune is ignored for the city office."), file=sys.stderr)
    with ctx.database().transaction() as session:
        office = set_up_office(
            session,
            mode,
            commune_code=args.commune if mode is OfficeMode.COMMUNE else None,
            office_name=args.office,
            hamlets=args.hamlet,
        )
        fingerprint = ensure_office_keys(session)
    print(
        tr("Set up: {office} — {unit} ({code}).").format(
            office=office.office_name, unit=office.unit_label, code=office.unit_code
        )
    )
    print(tr("Data folder: {folder}").format(folder=ctx.paths.data_dir))
    print(tr("Key fingerprint: {fingerprint}").format(fingerprint=fingerprint))
    return 0


def cmd_demo(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().transaction() as session:
        report = demo.generate(session, scale=args.scale, seed=args.seed)
    for record_type, count in sorted(report.counts.items()):
        print(f"{record_type:24} {count:>9}")
    print(tr("Demo data written: {count} records.").format(count=report.total))
    return 0


def cmd_self_test(args: argparse.Namespace, ctx: CommandContext) -> int:
    def show(result: StepResult) -> None:
        print(f"  {result.name}: {result.detail}")

    try:
        run_self_test(show, data=ctx.paths)
    except SelfTestFailure as failure:
        print(tr("Self-test failed: {reason}").format(reason=failure), file=sys.stderr)
        if isinstance(failure.__cause__, DatabaseProblem):
            print(ctx.restore_hint(), file=sys.stderr)
        return 1
    print("OK")
    return 0


def cmd_backup(args: argparse.Namespace, ctx: CommandContext) -> int:
    ctx.database(daily_backup=False)
    path = make_backup(ctx.paths, args.out)
    print(tr("Backup written: {path}").format(path=path))
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desktop.applog import setup_logging

    ctx.paths.ensure()
    setup_logging(ctx.paths)
    print(tr("Checking the backup {file}…").format(file=args.file), flush=True)
    restored = restore_backup(ctx.paths, args.file)
    print(
        tr("Restored {file} ({office}). The previous database was backed up first.").format(
            file=args.file, office=restored.backup.office_name or "?"
        )
    )
    return 0
