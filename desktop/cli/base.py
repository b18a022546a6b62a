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
from sqlalchemy.exc import OperationalError

from db.engine import is_server_url, shown_url
from desktop.applog import LOG_FILE, setup_logging
from desktop.core.backups import (
    LiveDatabaseDamaged,
    auto_backup,
    explain_live,
    newest_good_backup,
)
from desktop.core.database import Database
from desktop.core.errors import UserError
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
    parser.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=tr(
            "the city's database on a PostgreSQL server, postgresql://USER@HOST:PORT/NAME "
            "(default: TDCS_DATABASE_URL, else the server the data folder remembers, else "
            "its own file); the password comes from PGPASSWORD, the PostgreSQL password "
            "file or a prompt at a terminal, and is never saved by TDCS"
        ),
    )
    return parser


def program_name() -> str:
    """What the person typed to run this command line: ``tdcs``, or ``tdcs-cli.exe`` in the
    Windows bundle (packaging/tdcs.spec)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "tdcs"


def _quoted(path: Path | str) -> str:
    return f'"{path}"' if any(c in str(path) for c in ' "&()') else str(path)


@dataclass
class CommandContext:
    """The data folder of this run, and its database once a command asks for it."""

    paths: AppPaths
    _database: Database | None = field(default=None, repr=False)
    #: ``--data-dir`` as given, repeated in the commands this run suggests.
    data_dir_arg: str | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CommandContext:
        data_dir = getattr(args, "data_dir", None)
        paths = resolve(data_dir, getattr(args, "database", None))
        if paths.database_url is not None and not is_server_url(paths.database_url):
            print(
                tr("Error: {message}").format(
                    message=tr("the database must be a postgresql:// URL, not {url}").format(
                        url=shown_url(paths.database_url)
                    )
                ),
                file=sys.stderr,
            )
            raise SystemExit(EXIT_USAGE)
        return cls(paths, data_dir_arg=data_dir)

    def database(self, *, daily_backup: bool = True) -> Database:
        """Open (and migrate) the database; a database problem ends the command cleanly.

        The first command of the day that opens a set-up database takes the day's automatic
        backup first (as the window does when it opens), so an office that works from the
        command line has its daily copies too; ``tdcs backup`` makes its own instead."""
        if self._database is None:
            from db.migrate import DatabaseProblem

            self.paths.ensure()
            setup_logging(self.paths)
            try:
                database = Database.open(self.paths)
            except DatabaseProblem as problem:
                logging.getLogger(__name__).warning("cannot open database: %s", problem)
                self.fail_on_database(explain_live(problem).text(), problem)
            except OperationalError as error:
                if self.paths.database_url is None:
                    raise
                database = self._open_server(error)
            try:
                if daily_backup and database.office() is not None:
                    auto_backup(self.paths)
            except LiveDatabaseDamaged as damaged:
                database.close()
                logging.getLogger(__name__).warning("damaged database: %s", damaged.__cause__)
                self.fail_on_database(damaged.text(), damaged)
            except BaseException:
                database.close()
                raise
            self._database = database
        return self._database

    def _open_server(self, error: OperationalError) -> Database:
        """The server did not let TDCS in: ask for the password at a terminal (three tries),
        else say what is wrong and how to give a password, and end with exit code 3."""
        import getpass

        from db.engine import use_password
        from desktop.app.server import classify, pgpass_path

        url = self.paths.database_url
        assert url is not None
        for _attempt in range(3):
            problem = classify(error, url)
            logging.getLogger(__name__).warning("cannot use the server: %s", problem)
            if not (problem.wants_password and sys.stdin.isatty()):
                break
            print(tr("Error: {message}").format(message=problem.text()), file=sys.stderr)
            password = getpass.getpass(tr("Password (not shown, not saved): "))
            use_password(url, password or None)
            try:
                return Database.open(self.paths)
            except OperationalError as again:
                error = again
        problem = classify(error, url)
        print(tr("Error: {message}").format(message=problem.text()), file=sys.stderr)
        if problem.wants_password:
            print(
                tr(
                    "Give the password in PostgreSQL's password file ({path}, one line "
                    "SERVER:PORT:DATABASE:USER:PASSWORD, readable by you only) or in the "
                    "PGPASSWORD environment variable; TDCS asks for it when run at a terminal."
                ).format(path=pgpass_path()),
                file=sys.stderr,
            )
        raise SystemExit(EXIT_DATABASE) from None

    def restore_hint(self) -> str:
        """How to restore: the newest good backup of this office and the command to type."""
        try:
            good = newest_good_backup(self.paths)
        except (UserError, OSError):
            good = None
        data_dir = f"--data-dir {_quoted(self.data_dir_arg)} " if self.data_dir_arg else ""
        if good is None:
            return tr(
                "No good backup of this office was found in {folder}. Restore a copy kept "
                "elsewhere (a USB stick) with: {program} restore {data_dir}FILE"
            ).format(folder=self.paths.backups, program=program_name(), data_dir=data_dir)
        return tr(
            "The newest good backup is {name}, taken on {when}. Restore it with:\n"
            "  {program} restore {data_dir}{path}"
        ).format(
            program=program_name(),
            name=good.path.name,
            when=good.taken_at.strftime("%d/%m/%Y %H:%M"),
            data_dir=data_dir,
            path=_quoted(good.path),
        )

    def report_database(self, explanation: str) -> int:
        """Say what is wrong with the database and how to restore; the exit code to use."""
        self.close()
        print(tr("Error: {message}").format(message=explanation), file=sys.stderr)
        print(self.restore_hint(), file=sys.stderr)
        return EXIT_DATABASE

    def fail_on_database(self, explanation: str, cause: BaseException | None = None) -> NoReturn:
        """End the command on an unusable database (:meth:`report_database`)."""
        raise SystemExit(self.report_database(explanation)) from cause

    def log_file(self) -> Path:
        return self.paths.logs / LOG_FILE

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None
