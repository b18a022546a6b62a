"""Commands that set up and look after a data folder: init, office (who issues the reports,
who signs them, the plan they cite), demo-data, self-test, backup, restore, backups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from db.engine import shown_url
from db.enums import OfficeMode
from db.migrate import DatabaseProblem
from desktop.app.backups import back_up, list_backups, restore
from desktop.app.selftest import SelfTestFailure, StepResult, run_self_test
from desktop.app.server import ServerCheck, ServerProblem, check_server
from desktop.app.setup import SetupAnswers, set_up
from desktop.cli.base import CommandContext, add_command, program_name, tr
from desktop.core import demo
from desktop.core.backups import OtherSessionsOpen
from desktop.core.database_choice import save_database_url
from desktop.core.errors import UserError
from desktop.core.formatting import format_number, parse_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.issuers import (
    Body,
    IssuerRole,
    bodies_for,
    body_label,
    body_name,
    chosen_body,
    document_settings,
    parse_body,
    set_issuing_bodies,
    set_signer,
    signer,
)
from desktop.core.office import OfficeInfo, require_office
from desktop.core.plan_reference import plan_citation, plan_reference, set_plan_reference
from desktop.paths import DatabaseSource, without_password


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
    add_document_options(init)

    office = add_command(
        subparsers,
        "office",
        cmd_office,
        tr("show or set who issues the reports, who signs them and the plan they cite"),
        tr(
            "Without options: show who issues each report, its signers and the plan's number "
            "and date. With options: set them (as in Settings, under “Documents and reports”)."
        ),
    )
    add_document_options(office)

    database = add_command(
        subparsers,
        "database",
        cmd_database,
        tr("show where the database is; choose the city's server, or this folder's own file"),
    )
    which = database.add_mutually_exclusive_group()
    which.add_argument(
        "--use",
        metavar="URL",
        help=tr(
            "remember the city's database on this PostgreSQL server (already set up as the "
            "city: this computer joins it), postgresql://USER@HOST:5432/NAME"
        ),
    )
    which.add_argument(
        "--use-file",
        action="store_true",
        help=tr("go back to this data folder's own database file"),
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
    restore.add_argument(
        "--force",
        action="store_true",
        help=tr(
            "on a PostgreSQL server: restore even while other connections (TDCS on other "
            "computers) use the database"
        ),
    )

    add_command(
        subparsers,
        "backups",
        cmd_backups,
        tr("list the backups in the backups folder, newest first"),
    )


M_CITY_BODIES = QT_TRANSLATE_NOOP(
    "SetupCommands",
    "The city's issuing bodies are fixed (the yearly report: the Ban Thường vụ Thành ủy; the "
    "fund: the Ủy ban MTTQ; the others: the Ủy ban nhân dân); --issuing-body and "
    "--fund-issuing-body are for a commune or ward office.",
)
BODY_KEYS = [body.value for body in Body]
COMMUNE_KEYS = [body.value for body in Body if body is not Body.THANH_UY]


M_NO_CITY_THERE = QT_TRANSLATE_NOOP(
    "SetupCommands",
    "The database {url} holds no city office yet: set it up first with tdcs init --mode city "
    "--database URL (or in the set-up wizard).",
)


def add_document_options(parser: Any) -> None:
    parser.add_argument(
        "--issuing-body",
        choices=COMMUNE_KEYS,
        help=tr(
            "commune: the body that issues the plan and loan reports: ubnd (People's "
            "Committee, the default), dang-uy (Party Committee) or mttq (Fatherland Front)"
        ),
    )
    parser.add_argument(
        "--fund-issuing-body",
        choices=COMMUNE_KEYS,
        help=tr("commune: the body that issues the fund's reports (default mttq)"),
    )
    parser.add_argument(
        "--signer-for",
        choices=BODY_KEYS,
        help=tr(
            "the body whose signer --signer-name and --signer-title set (default: the body "
            "that issues the plan reports; thanh-uy is the city's yearly report)"
        ),
    )
    parser.add_argument(
        "--signer-name", metavar=tr("NAME"), help=tr("the signer's full name, as printed")
    )
    parser.add_argument(
        "--signer-title",
        metavar=tr("POSITION"),
        help=tr("the signer's position, e.g. “Chủ tịch”, “Phó Chủ tịch”, “Bí thư”"),
    )
    parser.add_argument(
        "--plan-number",
        metavar=tr("NUMBER"),
        help=tr("the number of the city's plan for Directive 39, e.g. 215-KH/TU"),
    )
    parser.add_argument(
        "--plan-date", metavar=tr("DATE"), help=tr("the date of that plan, dd/mm/yyyy")
    )


def apply_document_options(session: Session, office: OfficeInfo, args: argparse.Namespace) -> bool:
    """Set what the options give; ``False`` when they give nothing."""
    changed = False
    if args.issuing_body or args.fund_issuing_body:
        if office.is_city:
            raise UserError(M_CITY_BODIES)
        set_issuing_bodies(
            session,
            office,
            office_body=Body(args.issuing_body) if args.issuing_body else None,
            fund_body=Body(args.fund_issuing_body) if args.fund_issuing_body else None,
        )
        session.flush()
        changed = True
    if args.signer_name is not None or args.signer_title is not None:
        body = (
            parse_body(args.signer_for, office, "signer_for")
            if args.signer_for
            else chosen_body(session, office, IssuerRole.OFFICE)
        )
        current = signer(session, office, body)
        set_signer(
            session,
            office,
            body,
            title=current.title if args.signer_title is None else args.signer_title,
            name=current.name if args.signer_name is None else args.signer_name,
        )
        changed = True
    if args.plan_number is not None or args.plan_date is not None:
        current_plan = plan_reference(session)
        set_plan_reference(
            session,
            current_plan.number if args.plan_number is None else args.plan_number,
            parse_date(args.plan_date, field="plan_date")
            if args.plan_date
            else current_plan.issued_on,
        )
        changed = True
    return changed


def print_document_settings(session: Session, office: OfficeInfo) -> None:
    settings = document_settings(session, office)
    if office.is_city:
        issuers = [
            (tr("The yearly report (before 30/10)"), Body.THANH_UY),
            (tr("The fund's reports"), Body.MTTQ),
            (tr("The other reports"), Body.UBND),
        ]
    else:
        issuers = [
            (tr("The plan and loan reports"), settings.office_body),
            (tr("The fund's reports"), settings.fund_body),
        ]
    for what, body in issuers:
        print(
            tr("{what}: issued by {body} ({key})").format(
                what=what, body=body_name(office, body), key=body.value
            )
        )
    print(tr("Signers:"))
    for body in bodies_for(office):
        person = settings.signers[body]
        position = person.title.replace("\n", " / ") or tr("(position not set)")
        name = person.name or tr("(name not set)")
        print(f"  {body_label(body)} ({body.value}): {position} — {name}")
    print(tr("Plan cited: {citation}").format(citation=plan_citation(settings.plan)))


def cmd_office(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().transaction() as session:
        office = require_office(session)
        if apply_document_options(session, office, args):
            print(tr("Saved."))
        print_document_settings(session, office)
    return 0


def cmd_init(args: argparse.Namespace, ctx: CommandContext) -> int:
    mode = OfficeMode(args.mode)
    if mode is OfficeMode.CITY and args.commune:
        print(tr("Note: --commune is ignored for the city office."), file=sys.stderr)
    made = set_up(
        ctx.database(),
        SetupAnswers(mode, args.commune, args.office, args.hamlet),
        also=lambda session, office: apply_document_options(session, office, args),
    )
    office = made.office
    print(
        tr("Set up: {office} — {unit} ({code}).").format(
            office=office.office_name, unit=office.unit_label, code=office.unit_code
        )
    )
    print(tr("Data folder: {folder}").format(folder=ctx.paths.data_dir))
    if ctx.paths.database_url is not None:
        _remember_server(ctx.paths.data_dir, ctx.paths.database_url)
    print(tr("Key fingerprint: {fingerprint}").format(fingerprint=made.fingerprint))
    with ctx.database().reading() as session:
        print_document_settings(session, require_office(session))
    return 0


def _remember_server(data_dir: Path, url: str) -> None:
    """Remember the server in the data folder, saying so (and that a password is not kept)."""
    if save_database_url(data_dir, url):
        print(
            tr(
                "The password written in the URL was not saved: give it in PostgreSQL's "
                "password file or PGPASSWORD (TDCS asks for it at a terminal)."
            ),
            file=sys.stderr,
        )
    print(
        tr("The data folder remembers the database server {url}; no --database needed.").format(
            url=without_password(url)[0]
        )
    )


def _check_asking_password(url: str) -> ServerCheck:
    """:func:`check_server`, asking for the password at a terminal (three tries) when the
    server wants one; the password then serves this run only."""
    import getpass

    from db.engine import use_password

    password = None
    for _attempt in range(3):
        try:
            return check_server(url, password)
        except ServerProblem as problem:
            if not (problem.wants_password and sys.stdin.isatty()):
                raise
            print(tr("Error: {message}").format(message=problem.text()), file=sys.stderr)
            password = getpass.getpass(tr("Password (not shown, not saved): "))
            use_password(url, password or None)
    return check_server(url, password)


def cmd_database(args: argparse.Namespace, ctx: CommandContext) -> int:
    data_dir = ctx.paths.data_dir
    if args.use_file:
        save_database_url(data_dir, None)
        print(
            tr("From now on the database is this folder's own file: {path}").format(
                path=ctx.paths.database
            )
        )
        return 0
    if args.use:
        checked = _check_asking_password(args.use)
        if not checked.joins:
            raise UserError(M_NO_CITY_THERE, url=shown_url(args.use))
        _remember_server(data_dir, args.use)
        return 0
    paths = ctx.paths
    if paths.database_url is None:
        print(tr("Database: this folder's own file {path}").format(path=paths.database))
    else:
        print(
            tr("Database: the PostgreSQL server {url}").format(
                url=without_password(paths.database_url)[0]
            )
        )
        if paths.source is DatabaseSource.ENVIRONMENT:
            print(tr("(chosen by the TDCS_DATABASE_URL environment variable)"))
        elif paths.source is DatabaseSource.OPTION:
            print(tr("(chosen by --database)"))
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
    path = back_up(ctx.paths, args.out)
    print(tr("Backup written: {path}").format(path=path))
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desktop.applog import setup_logging

    ctx.paths.ensure()
    setup_logging(ctx.paths)
    print(tr("Checking the backup {file}…").format(file=args.file), flush=True)
    try:
        restored = restore(ctx.paths, args.file, other_sessions_ok=args.force)
    except OtherSessionsOpen as others:
        print(tr("Error: {message}").format(message=others.text()), file=sys.stderr)
        print(
            tr(
                "To restore anyway (their unsaved work is lost): {program} restore --force …"
            ).format(program=program_name()),
            file=sys.stderr,
        )
        return 1
    print(
        tr("Restored {file} ({office}). The previous database was backed up first.").format(
            file=args.file, office=restored.backup.office_name or "?"
        )
    )
    if restored.kept is not None:
        print(tr("The data it replaced was kept in {path}.").format(path=restored.kept))
    return 0


def cmd_backups(args: argparse.Namespace, ctx: CommandContext) -> int:
    found = list_backups(ctx.paths)
    if not found:
        print(tr("There is no backup in {folder} yet.").format(folder=ctx.paths.backups))
        return 0
    for backup in found:
        size = format_number(backup.size / (1024 * 1024), 1)
        print(
            f"{backup.taken_at:%d/%m/%Y %H:%M:%S}  {backup.reason:<16} {size:>9} MB  {backup.path}"
        )
    return 0
