"""Setting up a data folder for an office: the first-run wizard and ``tdcs init``.

The office (a commune or ward with its hamlets, or the city) and its own keys are made in
one transaction, so a failure leaves the folder as it was and the person can answer again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.enums import OfficeMode
from desktop.core.database import Database
from desktop.core.office import OfficeInfo, set_up_office
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.sync.keys import ensure_office_keys


@dataclass(frozen=True)
class SetupAnswers:
    """What the set-up asks: which office, its name (``None``/empty: the usual one) and,
    for a commune, its hamlets."""

    mode: OfficeMode
    commune_code: str | None = None
    office_name: str | None = None
    hamlets: Sequence[str] = ()


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
