"""Vietnamese text: normalisation, accent-insensitive search, and collation.

Every string that enters the database passes :func:`clean` (Unicode NFC, trimmed), so text
typed with combining marks (common with some Windows keyboards) compares equal to
precomposed text. Search folds accents and đ, so "cai khe" finds "Cái Khế". Sorting follows
the Vietnamese alphabet (a ă â b c d đ e ê … ư v x y), then tones in dictionary order
(ngang, huyền, hỏi, ngã, sắc, nặng), then case. It is written out here rather than taken
from ICU/QCollator so that reports (no Qt) and the window sort alike on every platform;
Qt's collator on Windows without ICU does not know Vietnamese order.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
#: Characters no form keeps: control characters (but tab and line feed), lone surrogates,
#: the bidirectional embeddings, overrides and isolates (they make text display otherwise
#: than it reads), the byte-order mark and the non-characters U+FFFE and U+FFFF. Text pasted
#: from other programs brings them; reports and workbooks cannot hold them.
UNWANTED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]"
)

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Combining marks that make a different letter (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def clean(value: str | None) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space, without
    :data:`UNWANTED` characters."""
    if not value:
        return ""
    spaced = _SPACES.sub(" ", value)  # line breaks, tabs, form feeds … become spaces first
    return _SPACES.sub(" ", nfc(UNWANTED.sub("", spaced))).strip()


def clean_multiline(value: str | None) -> str:
    """NFC and trimmed, keeping line breaks (for free-text fields), without
    :data:`UNWANTED` characters (a lone carriage return among them)."""
    if not value:
        return ""
    breaks = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    text = nfc(UNWANTED.sub("", breaks))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def search_key(value: str | None) -> str:
    """Lower case, without accents, đ as d, single spaces: the form searches compare."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", value.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.replace("đ", "d")).strip()


def file_words(text: str) -> str:
    """``"Cái Khế"`` → ``"Cai-Khe"``: letters and digits without diacritics, words joined by
    hyphens — for file names that still read in Vietnamese and survive any e-mail system."""
    folded = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return "-".join(re.findall(r"[A-Za-z0-9]+", plain))


def matches(query: str, value: str | None) -> bool:
    """True when every word of ``query`` occurs in ``value``, ignoring accents and case."""
    haystack = search_key(value)
    return all(word in haystack for word in search_key(query).split())


def _letter_of(base: str, marks: str) -> str:
    if base == "u" and "\u031b" in marks:
        return "ư"
    if base == "o" and "\u031b" in marks:
        return "ơ"
    if base == "a" and "\u0306" in marks:
        return "ă"
    if base in "aeo" and "\u0302" in marks:
        return {"a": "â", "e": "ê", "o": "ô"}[base]
    return base


def _char_key(char: str) -> tuple[str, str, str]:
    """The three parts of :func:`sort_key` for one (NFC) character: letter rank, tone,
    case."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    lower = base.lower()
    letter = "đ" if lower == "đ" else _letter_of(lower, marks)
    if letter in _LETTER_RANK:
        primary = chr(0x100 + _LETTER_RANK[letter])
    elif lower.isspace():
        primary = " "
    else:
        primary = chr(0x1000 + ord(lower)) if not lower.isdigit() else lower
    tone = next((_TONE_RANK[m] for m in marks if m in _TONE_RANK), 0)
    return primary, chr(0x30 + tone), "1" if base.isupper() else "0"


#: :func:`_char_key` of every character seen so far: names use a few hundred characters,
#: and sorting 100 000 rows by name would otherwise decompose every character again.
_CHAR_KEYS: dict[str, tuple[str, str, str]] = {}


def sort_key(value: str | None) -> str:
    """A string whose plain (code point) order is Vietnamese dictionary order.

    Returned as a string, not a tuple, so a Qt proxy model can sort on it as it is.
    """
    if not value:
        return ""
    keys = _CHAR_KEYS
    parts: list[tuple[str, str, str]] = []
    for char in unicodedata.normalize("NFC", value):
        part = keys.get(char)
        if part is None:
            part = _char_key(char)
            if len(keys) < 10_000:
                keys[char] = part
        parts.append(part)
    primary, tones, cases = zip(*parts, strict=True)
    return "".join(primary) + "\x01" + "".join(tones) + "\x01" + "".join(cases)


def name_sort_key(full_name: str | None) -> str:
    """Vietnamese lists of people sort by given name (the last word), then the full name."""
    name = clean(full_name)
    given = name.rsplit(" ", 1)[-1] if name else ""
    return sort_key(given) + "\x02" + sort_key(name)
