"""Whose records a list, a statement or an indicator covers: one meaning for every service.

The city database holds every commune's records next to the city office's own (the owner
is the ``commune_code`` column of every travelling record). Each list and indicator service
therefore takes an ``owner`` :class:`Scope`, one of:

- ``Scope.commune("31120")``: that commune's records;
- :data:`CITY_OFFICE`: the city office's own records (owner :data:`db.base.CITY_CODE`);
- :data:`ALL_COMMUNES`: the records of every commune together, *without* the city office's
  own — the city's records describe the city level (the city budget, the branch's total
  capital), so adding them to the communes' would count the same money twice;
- :data:`COMMUNES_AND_CITY_OFFICE`: everything, for the few figures the plan states over
  both (the local budget of the city and the communes together).

Before this type, ``None`` meant every commune to the funds services and everything to the
loans services, which agreed only because the city records no loans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, true

from db.base import CITY_CODE, SyncedRecord


@dataclass(frozen=True)
class Scope:
    """Whose records: one unit's own (a commune's or the city office's), or every
    commune's. Build one with :meth:`commune` or :meth:`unit`, or use :data:`ALL_COMMUNES`
    and :data:`CITY_OFFICE`."""

    #: The one unit's code; ``None`` for every commune.
    code: str | None
    #: With no ``code``: the city office's own records too.
    city_office_too: bool = False

    @classmethod
    def commune(cls, code: str) -> Scope:
        """One commune's records."""
        if code == CITY_CODE:
            raise ValueError("the city office is not a commune: use CITY_OFFICE")
        return cls(code)

    @classmethod
    def unit(cls, code: str) -> Scope:
        """One office's own records: a commune's, or the city office's (``"92"``)."""
        return cls(code)

    @property
    def is_all_communes(self) -> bool:
        """Every commune together, the city office's own records left out."""
        return self.code is None and not self.city_office_too

    @property
    def is_city_office(self) -> bool:
        return self.code == CITY_CODE

    @property
    def unit_code(self) -> str:
        """The one unit's code (a scope of every commune has none: ``ValueError``)."""
        if self.code is None:
            raise ValueError(f"{self} is not one unit")
        return self.code

    def covers(self, owner_code: str) -> bool:
        """Whether a record owned by ``owner_code`` is within the scope."""
        if self.code is not None:
            return owner_code == self.code
        return self.city_office_too or owner_code != CITY_CODE


#: Every commune's records (the city office's own excluded).
ALL_COMMUNES = Scope(None)
#: The city office's own records.
CITY_OFFICE = Scope(CITY_CODE)
#: Every record: the communes' and the city office's own.
COMMUNES_AND_CITY_OFFICE = Scope(None, city_office_too=True)


def owner_clause(column: Any, owner: Scope) -> ColumnElement[bool]:
    """The WHERE condition selecting ``owner``'s rows on ``column`` (a ``commune_code``)."""
    if owner.code is not None:
        return column == owner.code  # type: ignore[no-any-return]
    if owner.city_office_too:
        return true()
    return column != CITY_CODE  # type: ignore[no-any-return]


def alive(model: type[SyncedRecord], owner: Scope) -> ColumnElement[bool]:
    """``model``'s records within ``owner`` that are not deleted (tombstones are never
    listed)."""
    return and_(model.deleted_at.is_(None), owner_clause(model.commune_code, owner))
