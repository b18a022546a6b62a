"""Accent-insensitive search and Vietnamese collation, in one place each."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text import clean, matches, name_sort_key, search_key, sort_key


def test_search_ignores_accents_case_and_d() -> None:
    assert search_key("Cái Khế") == "cai khe"
    assert search_key("ĐỒNG VĂN THANH") == "dong van thanh"
    assert matches("cai khe", "Phường Cái Khế")
    assert matches("nguyen van", "Nguyễn Văn An")
    assert matches("khe cai", "Phường Cái Khế"), "words in any order"
    assert not matches("cai rang", "Phường Cái Khế")
    assert matches("", "anything")


def test_decomposed_input_matches_precomposed() -> None:
    assert matches("Nguye\u0302\u0303n", "Nguyễn Văn") and clean("Ca\u0301i") == "Cái"


def test_vietnamese_alphabet_order() -> None:
    words = ["Đào", "Dũng", "Anh", "Ân", "Ăn", "An", "Bình", "Ơn", "Ô", "Út", "Ưng", "Yến", "O"]
    assert sorted(words, key=sort_key) == [
        "An", "Anh", "Ăn", "Ân", "Bình", "Dũng", "Đào", "O", "Ô", "Ơn", "Út", "Ưng", "Yến"
    ]  # fmt: skip


def test_tones_sort_in_dictionary_order() -> None:
    words = ["má", "mạ", "ma", "mã", "mà", "mả"]
    assert sorted(words, key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_people_sort_by_given_name() -> None:
    people = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An"]
    assert sorted(people, key=name_sort_key) == ["Lê Văn An", "Nguyễn Thị An", "Trần Văn Bình"]


@given(st.text())
def test_any_text_finds_itself(text: str) -> None:
    assert search_key(search_key(text)) == search_key(text)
    assert matches(text, text)
    assert matches(search_key(text), text)


@given(st.lists(st.text(alphabet="aăâbdđeêoôơuưAĂÂĐ àáảãạ", max_size=6), min_size=2))
def test_sorting_is_a_total_order(words: list[str]) -> None:
    ordered = sorted(words, key=sort_key)
    assert sorted(ordered, key=sort_key) == ordered
    for first, second in itertools.pairwise(ordered):
        assert sort_key(first) <= sort_key(second)
