"""Setting up a data folder for an office: the first-run wizard and ``tdcs init``.

The office (a commune or ward with its hamlets, or the city) and its own keys are made in
one transaction, so a failure leaves the folder as it was and the person can answer again.

The city may set up on a PostgreSQL server instead (:func:`set_up_on_server`): on a database
that holds nothing of TDCS yet the city is set up there; on one that is already the city, this
computer joins it (the second and third staff PC). Either way the data folder remembers the
server (:func:`desktop.core.database_choice.save_database_url`, never a password).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.enums import OfficeMode
from desktop.app.server import ServerProblem, Trouble, classify
from desktop.core.database import Database
from desktop.core.database_choice import save_database_url
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import OfficeInfo, set_up_office
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.paths import AppPaths, DatabaseSource
from desktop.sync.keys import ensure_office_keys

M_COMMUNE_ON_SERVER = QT_TRANSLATE_NOOP(
    "Setup",
    "A commune or ward office keeps its database in this computer's own file; a database on "
    "a PostgreSQL server can only be the city's.",
)


@dataclass(frozen=True)
class SetupAnswers:
    """What the set-up asks: which office, its name (``None``/empty: the usual one) and,
    for a commune, its hamlets."""

    mode: OfficeMode
    commune_code: str | None = None
    office_name: str | None = None
    hamlets: Sequence[str] = ()
    #: The city's database on a PostgreSQL server (:func:`set_up_on_server`); ``None``: the
    #: data folder's own file.
    database_url: str | None = None


@dataclass(frozen=True)
class SetUp:
    office: OfficeInfo
    #: The office's key fingerprint, which the city confirms by phone.
    fingerprint: str


def set_up(
    database: Database,
    answers: SetupAnswers,
    *,
    also: Callable[[Session, OfficeInfo], object] | None = None,
    progress: Progress = NO_PROGRESS,
) -> SetUp:
    """Set the data folder of ``database`` up for the office ``answers`` name and make its
    keys; ``also`` adds more to the same transaction (``tdcs init`` sets the document
    options given with it). Raises :class:`~desktop.core.errors.UserError` for answers the
    office refuses, with nothing written."""
    if database.paths.database_url is not None and answers.mode is not OfficeMode.CITY:
        raise UserError(M_COMMUNE_ON_SERVER)
    progress.report(0, 1)
    with database.transaction() as session:
        office = set_up_office(
            session,
            answers.mode,
            commune_code=answers.commune_code if answers.mode is OfficeMode.COMMUNE else None,
            office_name=answers.office_name,
            hamlets=answers.hamlets,
        )
        if also is not None:
            also(session, office)
        fingerprint = ensure_office_keys(session)
    return SetUp(office, fingerprint)


@dataclass(frozen=True)
class ServerSetUp:
    """The city on a server: its database (open), the office, and whether this computer
    joined a city already set up there."""

    database: Database
    made: SetUp
    joined: bool


def set_up_on_server(data_dir: Path, answers: SetupAnswers, url: str) -> ServerSetUp:
    """Set the city up on the PostgreSQL database at ``url`` (migrated first), or join it when
    it already is the city; then remember the server in ``data_dir``. Raises
    :class:`~desktop.app.server.ServerProblem` (a :class:`UserError`) when the server cannot
    be used, with nothing remembered."""
    if answers.mode is not OfficeMode.CITY:
        raise UserError(M_COMMUNE_ON_SERVER)
    paths = AppPaths(data_dir, url, DatabaseSource.SAVED).ensure()
    try:
        database = Database.open(paths)
    except OperationalError as error:
        raise classify(error, url) from None
    try:
        office = database.office()
        if office is None:
            made = set_up(database, answers)
        elif office.is_city:
            with database.transaction() as session:
                made = SetUp(office, ensure_office_keys(session))
        else:
            raise ServerProblem(Trouble.A_COMMUNE, url, office=office.office_name)
        save_database_url(data_dir, url)
    except BaseException:
        database.close()
        raise
    return ServerSetUp(database, made, joined=office is not None)
