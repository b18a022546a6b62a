"""The ``tdcs`` command line (also ``python -m desktop``).

Every command takes ``--data-dir`` (or ``TDCS_DATA_DIR``), ``--database`` (or
``TDCS_DATABASE_URL``, else the server the data folder remembers: the city's database on a
PostgreSQL server) and ``--help``. Errors a
person can act on go to stderr in the interface language (Vietnamese unless ``TDCS_LANG=en``) with
a non-zero exit code; unexpected errors are logged with their traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from desktop.cli.base import (
    EXIT_BUG,
    EXIT_USER_ERROR,
    CliParser,
    CommandContext,
    add_command,
    tr,
)
from desktop.core.errors import UserError
from desktop.version import APP_NAME, app_version

log = logging.getLogger(__name__)


def command_modules() -> list[ModuleType]:
    """The modules that add sub-commands; each has ``register(subparsers)``.

    Imported here, when a command line is parsed, and not at the top of this module:
    ``python -m desktop`` (and the frozen TDCS.exe) imports this module before it knows
    whether to open the window, and the command modules bring in reportlab, openpyxl and
    Alembic, which the window does not need to start (docs/performance.md)."""
    from desktop.cli import (
        bulletin_commands,
        loan_commands,
        recording_commands,
        report_commands,
        setup_commands,
        sync_commands,
    )

    return [
        setup_commands,
        report_commands,
        recording_commands,
        loan_commands,
        sync_commands,
        bulletin_commands,
    ]


def build_parser() -> CliParser:
    parser = CliParser(
        prog="tdcs",
        description=tr(
            "TDCS: records how the commune carries out the city's plan for Directive 39-CT/TW "
            "on social policy credit, and sends it to the city."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {app_version()}",
        help=tr("show the version and exit"),
    )
    parser.add_argument(
        "--data-dir",
        metavar=tr("FOLDER"),
        help=tr("data folder (default: TDCS_DATA_DIR, else the user data folder)"),
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help=tr(
            "the city's database on a PostgreSQL server, postgresql://USER@HOST:PORT/NAME "
            "(default: TDCS_DATABASE_URL, else the server the data folder remembers, else "
            "its own file); the password comes from PGPASSWORD, the PostgreSQL password "
            "file or a prompt at a terminal, and is never saved by TDCS"
        ),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=tr("COMMAND"))
    gui = add_command(
        subparsers,
        "gui",
        cmd_gui,
        tr("open the window (the same as running tdcs without a command)"),
    )
    gui.add_argument("qt_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    for module in command_modules():
        module.register(subparsers)
    return parser


def cmd_gui(args: argparse.Namespace, context: CommandContext) -> int:
    """Only reached through ``--help``; :func:`main` starts the window before parsing."""
    return 0


def _gui_request(argv: Sequence[str]) -> tuple[str | None, list[str], str | None] | None:
    """``(data_dir, qt_args, database)`` when the command line asks for the window (no
    command, or ``gui``), else ``None``. Decided before anything else because the window
    needs a ``QApplication`` and the commands a display-less ``QCoreApplication``."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir")
    pre.add_argument("--database")
    if {"-h", "--help", "--version"} & set(argv):
        return None
    known, rest = pre.parse_known_args(argv)
    if rest and rest[0] == "gui":
        again, qt_args = pre.parse_known_args(rest[1:])
        return again.data_dir or known.data_dir, qt_args, again.database or known.database
    if not rest:
        return known.data_dir, [], known.database
    return None


def _os_failure(error: OSError) -> int:
    """A file or folder the system would not let TDCS use: said in the user's language."""
    from desktop.core.userfiles import os_reason

    reason = os_reason(error)
    if error.filename:
        text = tr("The file {path} could not be used: {reason}.").format(
            path=error.filename, reason=reason
        )
    else:
        text = tr("A file could not be used: {reason}.").format(reason=reason)
    print(tr("Error: {message}").format(message=text), file=sys.stderr)
    return EXIT_USER_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    from db.integrity import DatabaseProblem, is_corruption
    from desktop.cli.base import ensure_translations
    from desktop.core.backups import LiveDatabaseDamaged, explain_live

    arguments = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_request(arguments)
    if gui is not None:
        from desktop.ui.app import run_gui

        return run_gui(*gui)
    ensure_translations(os.environ.get("TDCS_LANG", "vi"))
    parser = build_parser()
    args = parser.parse_args(arguments)
    context = CommandContext.from_args(args)
    try:
        return int(args.handler(args, context) or 0)
    except LiveDatabaseDamaged as damaged:
        log.warning("damaged database in tdcs %s: %s", args.command, damaged.__cause__)
        return context.report_database(damaged.text())
    except DatabaseProblem as problem:
        log.warning("unusable database in tdcs %s: %s", args.command, problem)
        return context.report_database(explain_live(problem).text())
    except UserError as error:
        print(tr("Error: {message}").format(message=error.text()), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(tr("Stopped."), file=sys.stderr)
        return 130
    except OSError as error:
        log.warning("tdcs %s: %s", args.command, error, exc_info=True)
        return _os_failure(error)
    except Exception as error:
        if is_corruption(error):
            log.exception("damaged database in tdcs %s", args.command)
            return context.report_database(LiveDatabaseDamaged(context.paths.database).text())
        log.exception("unexpected error in tdcs %s", args.command)
        print(
            tr("Unexpected error. Details are in the log file: {path}").format(
                path=context.log_file()
            ),
            file=sys.stderr,
        )
        return EXIT_BUG
    finally:
        context.close()
