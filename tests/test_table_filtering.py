"""Filtering while typing searches only the rows that matched last time (the new matches
can only be among them); whatever the sequence of queries, filters and reloads, the rows
shown must be exactly those a fresh search of all rows gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.text import search_key
from desktop.ui.table_model import Column, RowTableModel


@dataclass(frozen=True)
class Person:
    name: str
    hamlet: str
    amount: int


COLUMNS = [
    Column[Person]("Name", lambda p: p.name),
    Column[Person]("Hamlet", lambda p: p.hamlet),
]

WORDS = ["Nguyễn", "Nguyên", "Ngư", "Văn", "Thị", "An", "Ấp", "Mỹ", "Khánh", "Đông"]
people = st.lists(
    st.builds(
        Person,
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
        st.sampled_from(["Ấp Mỹ An", "Khu vực 1", "Ấp Đông"]),
        st.integers(0, 9),
    ),
    max_size=40,
)
#: What a person types: prefixes of names (typing on), other words, spaces, nothing.
queries = st.lists(st.sampled_from([*WORDS, "n", "ng", "ngu", "nguy", "an", " ", ""]), max_size=3)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("query"), queries.map(" ".join)),
        st.tuples(st.just("filter"), st.sampled_from([None, 0, 3, 7])),
        st.tuples(st.just("rows"), people),
    ),
    max_size=12,
)


def expected(rows: list[Person], query: str, limit: int | None) -> list[Person]:
    words = search_key(query).split()
    return [
        p
        for p in rows
        if all(w in search_key(f"{p.name} {p.hamlet}") for w in words)
        and (limit is None or p.amount >= limit)
    ]


@settings(max_examples=150, deadline=None)
@given(first=people, script=steps)
def test_typing_on_shows_what_a_fresh_search_shows(
    qapp: object, first: list[Person], script: list[tuple[str, object]]
) -> None:
    model: RowTableModel[Person] = RowTableModel(COLUMNS, first)
    rows, query, limit = list(first), "", None
    for action, value in script:
        if action == "query":
            query = str(value)
            model.set_query(query)
        elif action == "filter":
            limit = value if isinstance(value, int) else None
            predicate: Callable[[Person], bool] | None = (
                None if limit is None else (lambda p, n=limit: p.amount >= n)
            )
            model.set_filter("amount", predicate)
        else:
            rows = list(value)  # type: ignore[call-overload]
            model.set_rows(rows)
        assert model.visible_rows() == expected(rows, query, limit)


def test_typing_a_name_letter_by_letter(qapp: object) -> None:
    rows = [Person(n, "Ấp Mỹ An", 1) for n in ("Nguyễn Văn An", "Ngô Thị Bé", "Trần Văn Nguyên")]
    model: RowTableModel[Person] = RowTableModel(COLUMNS, rows)
    shown = []
    for typed in ("n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguye", "ngo"):
        model.set_query(typed)
        shown.append([p.name for p in model.visible_rows()])
    assert shown == [
        ["Nguyễn Văn An", "Ngô Thị Bé", "Trần Văn Nguyên"],
        ["Nguyễn Văn An", "Ngô Thị Bé", "Trần Văn Nguyên"],
        ["Nguyễn Văn An", "Trần Văn Nguyên"],
        ["Nguyễn Văn An", "Trần Văn Nguyên"],
        ["Nguyễn Văn An", "Trần Văn Nguyên"],
        ["Nguyễn Văn An", "Trần Văn Nguyên"],
        ["Nguyễn Văn An", "Trần Văn Nguyên"],  # back to a shorter word: all rows again
        ["Ngô Thị Bé"],
    ]
