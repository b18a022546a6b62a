"""Which personal data never leaves the commune.

The city consolidates counts, balances and ratios by programme, organisation, group and
hamlet, and lists unchecked loans with the borrower's name. It does not need to know who a
person is beyond that, so these fields stay in the commune's database (Law 91/2025/QH15 on
personal data: collect and pass on the minimum):

- a borrower's citizen ID, phone number, birth year and free-text notes;
- a savings group leader's phone number;
- the name of a household that received a grant from the "Vì người nghèo" fund (the city
  reports the fund's spending by purpose and amount).

Every other column of every travelling record type travels, including columns of types
added later, so a new record type needs no change here unless it holds personal data.
(``tests/test_sync_format.py`` fails if a column that looks like an ID number, a phone or
a birth date is not listed.) The city stores withheld fields as empty (NULL, or the column's
default), and accepts files without them.
"""

from __future__ import annotations

from db.base import SyncedRecord
from db.serialize import column_names

WITHHELD: dict[str, frozenset[str]] = {
    "borrower": frozenset({"citizen_id", "phone", "birth_year", "notes"}),
    "savings_group": frozenset({"leader_phone"}),
    "fund_spending": frozenset({"recipient_name"}),
}


def withheld(model: type[SyncedRecord]) -> frozenset[str]:
    return WITHHELD.get(model.record_type, frozenset())


def travelling_columns(model: type[SyncedRecord]) -> list[str]:
    """The columns of ``model`` a sync file carries, in table order."""
    hidden = withheld(model)
    return [name for name in column_names(model) if name not in hidden]
