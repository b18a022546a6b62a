"""Whose figures Tổng quan shows at the city, and how much of the city they cover.

At the city Tổng quan shows one of: every commune together (:data:`ALL_COMMUNES`), one
commune, or the city office's own records (:data:`CITY_OFFICE`). A consolidated
figure must say how many communes it rests on and never pass part of the city off as the
whole: :func:`coverage` counts the communes whose data the city holds — those with at least
one record in its database, whether it came in a sync file or (for training) from the demo
data — and, for one commune, when its latest file was imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from db.enums import ImportOutcome
from db.models import SYNCED_MODELS, Commune, ImportRecord
from desktop.core.office import CommuneInfo, list_communes
from desktop.core.owners import Scope
from desktop.core.text import sort_key


@dataclass(frozen=True)
class Coverage:
    owner: Scope
    #: Communes within ``owner`` whose data the city holds.
    reporting: int
    #: Communes within ``owner``: 103 for every commune, 1 for one, 0 for the city office.
    communes: int
    #: For one commune: when its latest sync file was imported (``None`` when none was).
    last_import: datetime | None = None

    @property
    def complete(self) -> bool:
        return self.reporting == self.communes


def communes_for_choice(session: Session) -> list[CommuneInfo]:
    """The communes a person picks from, in Vietnamese alphabetical order of their names."""
    return sorted(list_communes(session), key=lambda c: (sort_key(c.name), c.code))


def reporting_communes(session: Session) -> set[str]:
    """Codes of the communes with any record in this database, or an imported file."""
    held = [exists().where(model.commune_code == Commune.code) for model in SYNCED_MODELS]
    held.append(
        exists().where(
            ImportRecord.commune_code == Commune.code,
            ImportRecord.outcome == ImportOutcome.APPLIED,
        )
    )
    return set(session.scalars(select(Commune.code).where(or_(*held))))


def coverage(session: Session, owner: Scope) -> Coverage:
    if owner.is_city_office:
        return Coverage(owner, 0, 0)
    if owner.code is None:
        total = session.scalar(select(func.count()).select_from(Commune)) or 0
        return Coverage(owner, len(reporting_communes(session)), total)
    last = session.scalar(
        select(func.max(ImportRecord.received_at)).where(
            ImportRecord.commune_code == owner.code,
            ImportRecord.outcome == ImportOutcome.APPLIED,
        )
    )
    return Coverage(owner, int(owner.code in reporting_communes(session)), 1, last)
