"""Whose records a statement or an indicator covers.

The city database holds every commune's records next to the city office's own (the owner
is the ``commune_code`` column of every travelling record). Each indicator and statement
service therefore takes an ``owner``:

- a commune code (``"31120"``): that commune's records;
- :data:`db.base.CITY_CODE` (``"92"``): the city office's own records;
- ``None`` (:data:`ALL_COMMUNES`): the records of every commune together, *without* the city
  office's own — the city's records describe the city level (the city budget, the branch's
  total capital), so adding them to the communes' would count the same money twice.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement

from db.base import CITY_CODE

Owner = str | None

#: Every commune's records (the city office's own excluded).
ALL_COMMUNES: Owner = None


def owner_clause(column: Any, owner: Owner) -> ColumnElement[bool]:
    """The WHERE condition selecting ``owner``'s rows on ``column`` (a ``commune_code``)."""
    if owner is None:
        return column != CITY_CODE  # type: ignore[no-any-return]
    return column == owner  # type: ignore[no-any-return]


def is_city(owner: Owner) -> bool:
    return owner == CITY_CODE
