"""Which communes the city's figures cover.

A commune is **covered** when the city holds figures of it: records of that commune, or an
imported file of it (a file may hold nothing new and is still the commune's report). Records
count whatever route they came by — imported from the commune's signed files, or entered at
the city (demonstration data, records typed in from a paper report) — because the figures
the reports add up are those records; a report that printed a commune's figures while
listing it as "no data" would contradict itself. How each covered commune's figures came is
told apart (``by_file``, ``direct``) so that the report can say it.

The city office's own records (code 92) are not a commune's and never make one covered.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from db.enums import ImportOutcome
from db.models import SYNCED_MODELS, Commune, ImportRecord
from desktop.core.office import CommuneInfo, list_communes


@dataclass(frozen=True)
class DataCoverage:
    #: Every commune of the catalogue, in its order.
    communes: tuple[CommuneInfo, ...]
    #: Communes with at least one imported file.
    with_files: frozenset[str]
    #: Communes whose records the city holds.
    with_records: frozenset[str]

    def covers(self, code: str) -> bool:
        return code in self.with_files or code in self.with_records

    @property
    def covered(self) -> list[CommuneInfo]:
        return [c for c in self.communes if self.covers(c.code)]

    @property
    def missing(self) -> list[CommuneInfo]:
        return [c for c in self.communes if not self.covers(c.code)]

    @property
    def by_file(self) -> list[CommuneInfo]:
        return [c for c in self.communes if c.code in self.with_files]

    @property
    def direct(self) -> list[CommuneInfo]:
        """Covered with no file imported: records entered at the city."""
        return [
            c
            for c in self.communes
            if c.code in self.with_records and c.code not in self.with_files
        ]

    @property
    def total(self) -> int:
        return len(self.communes)

    @property
    def complete(self) -> bool:
        return not self.missing


def data_coverage(session: Session) -> DataCoverage:
    """The communes the city holds figures of (one indexed look-up per commune and table)."""
    communes = tuple(list_communes(session))
    with_records: set[str] = set()
    for model in SYNCED_MODELS:
        held = exists().where(model.commune_code == Commune.code)
        with_records.update(session.scalars(select(Commune.code).where(held)))
    with_files = set(
        session.scalars(
            select(ImportRecord.commune_code)
            .where(ImportRecord.outcome == ImportOutcome.APPLIED)
            .distinct()
        )
    )
    codes = {c.code for c in communes}
    return DataCoverage(
        communes,
        frozenset(c for c in with_files if c in codes),
        frozenset(c for c in with_records if c in codes),
    )
