"""What every command shares: the translated parser, the data folder and the database."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from PySide6.QtCore import QCoreApplication

from desktop.applog import LOG_FILE, setup_logging
from desktop.core.backups import explain
from desktop.core.database import Database
from desktop.paths import AppPaths, resolve

EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
EXIT_BUG = 70

#: ``pyside6-lupdate`` files bare ``tr("...")`` calls under the empty context.
CONTEXT = ""
Handler = Callable[[argparse.Namespace, "CommandContext"], int | None]


def tr(text: str) -> str:
    """Translate a command-line string."""
    return QCoreApplication.translate(CONTEXT, text)


def ensure_translations(language: str) -> None:
    """The command line uses Qt's catalogues like the window does; QtCore needs an
    application object for that, but no display. ``argparse``'s own messages ("the
    following arguments are required") go through the ``argparse`` catalogue."""
    from desktop.ui.translations import install_language

    if QCoreApplication.instance() is None:
        QCoreApplication([sys.argv[0] if sys.argv else "tdcs"])
    install_language(language)
    argparse._ = lambda text: QCoreApplication.translate("argparse", text)  # type: ignore[attr-defined]


class CliHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, tr("Usage: ") if prefix is None else prefix)


class CliParser(argparse.ArgumentParser):
    """``argparse`` with headings and errors in the interface language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", CliHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = tr("arguments")
        self._optionals.title = tr("options")
        self.add_argument("-h", "--help", action="help", help=tr("show this help and exit"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(tr("Error: {message}").format(message=message), file=sys.stderr)
        print(tr("See: {prog} --help").format(prog=self.prog), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def add_command(
    subparsers: Any, name: str, handler: Handler, help_text: str, description: str = ""
) -> CliParser:
    """Add sub-command ``name``; sub-parsers are :class:`CliParser` like their parent."""
    parser: CliParser = subparsers.add_parser(
        name, help=help_text, description=description or help_text
    )
    parser.set_defaults(handler=handler)
    parser.add_argument(
        "--data-dir",
        metavar=tr("FOLDER"),
        default=argparse.SUPPRESS,
        help=tr("data folder (default: TDCS_DATA_DIR, else the user data folder)"),
    )
    return parser


@dataclass
class CommandContext:
    """The data folder of this run, and its database once a command asks for it."""

    paths: AppPaths
    _database: Database | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CommandContext:
        return cls(resolve(getattr(args, "data_dir", None)))

    def database(self) -> Database:
        """Open (and migrate) the database; a database problem ends the command cleanly."""
        if self._database is None:
            from db.migrate import DatabaseProblem

            self.paths.ensure()
            setup_logging(self.paths)
            try:
                self._database = Database.open(self.paths)
            except DatabaseProblem as problem:
                logging.getLogger(__name__).warning("cannot open database: %s", problem)
                print(
                    tr("Error: {message}").format(message=explain(problem).text()), file=sys.stderr
                )
                print(
                    tr("Backups are in {folder}; restore one with: tdcs restore FILE").format(
                        folder=self.paths.backups
                    ),
                    file=sys.stderr,
                )
                raise SystemExit(EXIT_DATABASE) from problem
        return self._database

    def log_file(self) -> Path:
        return self.paths.logs / LOG_FILE

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None
