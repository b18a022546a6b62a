"""Starting the window: fonts, language, one instance per user and database, the crash
handler, opening (or repairing) the database, the first-run wizard, then the main window.

The city's database on a PostgreSQL server is opened off the GUI thread, with a note on
screen while the server is awaited (up to ``db.engine.CONNECT_TIMEOUT_S``); one that cannot
be reached is said plainly, with Retry and Quit; a server that wants a password gets it from
a prompt (kept in memory for the run, :mod:`desktop.ui.server_choice`)."""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import OperationalError

from db.engine import shown_url
from db.migrate import DatabaseProblem, NewerSchema
from desktop.app.backups import restore
from desktop.app.server import classify, server_place
from desktop.app.setup import SetupAnswers, set_up, set_up_on_server
from desktop.applog import LOG_FILE, setup_logging
from desktop.core import settings as app_settings
from desktop.core.backups import (
    LiveDatabaseDamaged,
    auto_backup,
    explain,
    folder_unit,
    newest_good_backup,
)
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.office import list_communes
from desktop.paths import AppPaths, resolve, resources_dir
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.crash import CrashHandler
from desktop.ui.fonts import register_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.server_choice import ask_password
from desktop.ui.single_instance import SingleInstance
from desktop.ui.style import apply_style
from desktop.ui.translations import install_language
from desktop.ui.wizard import SetupWizard
from desktop.version import APP_NAME, app_version

log = logging.getLogger(__name__)


def _message(kind: QMessageBox.Icon, text: str, buttons: QMessageBox.StandardButton) -> int:
    box = QMessageBox(kind, APP_NAME, text, buttons)
    return box.exec()


def open_database(paths: AppPaths) -> Database | None:
    """Open the database, offering to restore the newest good backup of this office if the
    file is unusable (a backup the restore refuses is explained and the next one offered).
    ``None`` means the user chose to stop."""
    refused: set[Path] = set()
    while True:
        try:
            return _open(paths)
        except OperationalError as error:
            if paths.database_url is None:
                raise
            if not server_unavailable(paths.database_url, error):
                return None
        except NewerSchema as problem:
            log.warning("refusing newer database: %s", problem)
            _message(
                QMessageBox.Icon.Critical, explain(problem).text(), QMessageBox.StandardButton.Ok
            )
            return None
        except DatabaseProblem as problem:
            log.warning("unusable database: %s", problem)
            unit = folder_unit(paths)
            good = newest_good_backup(paths, unit, skip=frozenset(refused))
            backup = good.path if good is not None else None
            text = explain(problem).text()
            if backup is None:
                _message(QMessageBox.Icon.Critical, text, QMessageBox.StandardButton.Ok)
                return None
            question = (
                text
                + "\n\n"
                + QApplication.translate(
                    "App", "Restore the newest backup ({name})? The damaged file is kept aside."
                ).format(name=backup.name)
            )
            answer = _message(
                QMessageBox.Icon.Question,
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            try:
                restore(paths, backup, unit_code=unit)
            except UserError as error:
                _message(QMessageBox.Icon.Critical, error.text(), QMessageBox.StandardButton.Ok)
                refused.add(backup)


def _open(paths: AppPaths) -> Database:
    """:meth:`Database.open`; on a server, off the GUI thread with a note on screen ("Đang
    kết nối…"), so that a slow or silent server leaves a window that is alive and says
    what it waits for, instead of nothing at all until the connection gives up."""
    url = paths.database_url
    if url is None:
        return Database.open(paths)
    outcome: list[Any] = []
    waiting = QEventLoop()
    task = run_in_background(
        lambda _progress: Database.open(paths),
        on_done=outcome.append,
        on_error=outcome.append,
        label=QApplication.translate("App", "Connecting to the database server {server}…").format(
            server=server_place(url)
        ),
    )
    task.finished.connect(waiting.quit)
    # The task's signals come through this loop's events, so it cannot end before exec().
    waiting.exec()
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    assert isinstance(result, Database)
    return result


def server_unavailable(url: str, error: OperationalError) -> bool:
    """The server database could not be opened: ask for its password, or say what is wrong
    with Retry and Quit. ``True``: try again."""
    problem = classify(error, url)
    log.warning("cannot open the database on the server: %s", problem)
    if problem.wants_password:
        return ask_password(url, problem, None)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        APP_NAME,
        problem.text()
        + "\n\n"
        + QApplication.translate(
            "App",
            "Nothing on this computer was changed. When the server is back, choose Retry. "
            "If the city moved its database, the IT staff choose the new server with: "
            "tdcs database --use URL",
        ),
    )
    retry = box.addButton(QApplication.translate("App", "Retry"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry


class _DamageRelay(QObject):
    """Carries the daily backup's finding from its thread to the GUI thread."""

    damaged = Signal(str)


class DailyBackup:
    """The day's automatic backup, taken on a worker thread once the window is up.

    At the city the database holds every commune's records (about 1 GB) and copying it
    takes seconds, which the first start of every day would otherwise wait for
    (docs/performance.md). The copy goes through SQLite's backup API on its own read-only
    connection, so the window can read and write meanwhile (WAL). :meth:`wait` is called
    before the database is closed at exit.

    The copy is checked before it counts; when it finds the database damaged (the city's
    is too large to check at every start, :mod:`db.integrity`), ``on_damaged`` receives
    the explanation on the GUI thread."""

    def __init__(self, paths: AppPaths, on_damaged: Callable[[str], None] | None = None) -> None:
        self.paths = paths
        self.relay = _DamageRelay()
        if on_damaged is not None:
            self.relay.damaged.connect(on_damaged, Qt.ConnectionType.QueuedConnection)
        self.thread = threading.Thread(target=self._run, name="daily-backup", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            auto_backup(self.paths)
        except LiveDatabaseDamaged as damaged:
            log.error("the daily backup found the database damaged: %s", damaged.__cause__)
            self.relay.damaged.emit(damaged.text())
        except Exception:
            log.exception("the daily backup failed")

    def wait(self) -> None:
        self.thread.join()


class Application:
    """Owns the open database and the main window; rebuilds the window on language change."""

    def __init__(
        self, app: QApplication, paths: AppPaths, instance: SingleInstance | None = None
    ) -> None:
        self.app = app
        self.paths = paths
        #: The lock of one window per user and database, moved when the wizard picks a server.
        self.instance = instance
        self.database: Database | None = None
        self.window: MainWindow | None = None
        self.backup: DailyBackup | None = None

    def start(self) -> bool:
        self.database = open_database(self.paths)
        if self.database is None:
            return False
        with self.database.reading() as session:
            install_language(app_settings.language(session))
        if self.database.office() is None and not self.run_wizard():
            return False
        self.show_window()
        self.backup = DailyBackup(self.paths, self.database_damaged)
        return True

    def database_damaged(self, explanation: str) -> None:
        """The daily backup found the open database damaged: say so, and offer to restore
        the newest good backup of this office (the damaged file is kept aside)."""
        office = self.database.office() if self.database is not None else None
        unit = office.unit_code if office is not None else None
        good = newest_good_backup(self.paths, unit)
        if good is None:
            _message(QMessageBox.Icon.Critical, explanation, QMessageBox.StandardButton.Ok)
            return
        question = (
            explanation
            + "\n\n"
            + QApplication.translate(
                "App", "Restore the newest backup ({name})? The damaged file is kept aside."
            ).format(name=good.path.name)
        )
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        if _message(QMessageBox.Icon.Critical, question, buttons) != QMessageBox.StandardButton.Yes:
            return
        if self.database is not None:
            self.database.close()  # the damaged file is renamed: nothing may hold it open
        try:
            restore(self.paths, good.path, unit_code=unit)
        except UserError as error:
            _message(QMessageBox.Icon.Critical, error.text(), QMessageBox.StandardButton.Ok)
        self.restart("overview")

    def run_wizard(self) -> bool:
        assert self.database is not None
        database = self.database
        with database.reading() as session:
            communes = list_communes(session)

        def submit(answers: SetupAnswers) -> object:
            if answers.database_url is None:
                return set_up(database, answers)
            made = set_up_on_server(self.paths.data_dir, answers, answers.database_url)
            self.use_database(made.database)
            return made

        wizard = SetupWizard(communes, submit)
        return bool(wizard.exec())

    def use_database(self, database: Database) -> None:
        """Work on ``database`` from now on (the city's server, chosen in the wizard)."""
        old = self.database
        self.database = database
        self.paths = database.paths
        if old is not None:
            never_set_up = old.paths.database_url is None and old.office() is None
            old.close()
            if never_set_up:
                # The empty file this start made for the wizard: left behind, the daily
                # backup would copy it, and a later start could take it for the database.
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{old.paths.database}{suffix}").unlink(missing_ok=True)
        log.info("the database is now %s", shown_url(self.paths.database_target))
        if self.instance is not None:
            self.instance.move_to(self.paths)

    def show_window(self, page: str | None = None) -> None:
        assert self.database is not None
        office = self.database.office()
        assert office is not None
        context = AppContext(
            self.database, office, change_language=self.change_language, restart=self.restart
        )
        old = self.window
        if old is not None:
            # The new window opens where the old one was.
            old.remember_place()
        self.window = MainWindow(context)
        self.window.ask_before_closing = True
        if page:
            self.window.open_page(page)
        if old is not None:
            old.ask_before_closing = False
            old.close()
            old.deleteLater()
        self.window.show_in_place()

    def change_language(self, language: str) -> None:
        install_language(language)
        self.show_window("settings")

    def restart(self, page: str) -> None:
        """Open the database again and rebuild the window: after a restore the file holds
        other data (and perhaps another language), which no page may go on showing."""
        old = self.database
        database = open_database(self.paths)
        if database is None:
            self.app.quit()
            return
        self.database = database
        with database.reading() as session:
            install_language(app_settings.language(session))
        self.show_window(page)
        if old is not None:
            old.close()

    def activate(self) -> None:
        if self.window is not None:
            if self.window.isMinimized():
                # Back to how it was (maximised stays maximised).
                self.window.setWindowState(
                    self.window.windowState() & ~Qt.WindowState.WindowMinimized
                )
            self.window.show()
            self.window.raise_()
            self.window.activateWindow()


def run_gui(
    data_dir: str | None = None, qt_args: Sequence[str] = (), database_url: str | None = None
) -> int:
    paths = resolve(data_dir, database_url).ensure()
    setup_logging(paths)
    log.info(
        "starting %s %s with data folder %s, database %s",
        APP_NAME,
        app_version(),
        paths.data_dir,
        shown_url(paths.database_target),
    )
    app = QApplication([sys.argv[0] if sys.argv else "tdcs", *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(app_version())
    icon = resources_dir() / "icons" / "tdcs.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    register_fonts(app)
    apply_style(app)
    install_language(app_settings.DEFAULT_LANGUAGE)
    crash = CrashHandler(paths.logs / LOG_FILE, app)
    crash.install()
    instance = SingleInstance(paths, app)
    if instance.another_is_running():
        print(
            QApplication.translate("App", "TDCS is already open on this database."),
            file=sys.stderr,
        )
        return 0
    instance.listen()
    application = Application(app, paths, instance)
    instance.activated.connect(application.activate)
    if not application.start():
        return 1
    code = app.exec()
    if application.backup is not None:
        application.backup.wait()
    if application.database is not None:
        application.database.close()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tdcs-gui", add_help=True)
    parser.add_argument("--data-dir")
    parser.add_argument("--database")
    args, qt_args = parser.parse_known_args(argv)
    return run_gui(args.data_dir, qt_args, args.database)


if __name__ == "__main__":
    raise SystemExit(main())
