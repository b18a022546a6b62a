"""Recognising the catalogue's programmes and organisations, and the commune's hamlets and
groups, from the words a bank list uses for them ("Hộ nghèo", "HN", "NS&VSMT", "Hội ND",
"KV1"…)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from desktop.core.loans.excel_import.fields import heading_key
from desktop.core.text import search_key

PROGRAMME_WORDS: dict[str, tuple[str, ...]] = {
    "HN": ("ho ngheo", "cho vay ho ngheo", "hn", "ngheo"),
    "HCN": ("ho can ngheo", "can ngheo", "hcn", "cho vay ho can ngheo"),
    "HMTN": ("ho moi thoat ngheo", "moi thoat ngheo", "thoat ngheo", "hmtn"),
    "HSSV": ("hssv", "hoc sinh sinh vien", "hoc sinh", "sinh vien"),
    "GQVL": (
        "gqvl",
        "giai quyet viec lam",
        "tao viec lam",
        "ho tro tao viec lam",
        "viec lam",
        "cho vay giai quyet viec lam",
    ),
    "XKLD": (
        "xkld",
        "xuat khau lao dong",
        "di lam viec o nuoc ngoai",
        "lao dong di lam viec o nuoc ngoai",
        "nguoi lao dong di lam viec o nuoc ngoai",
    ),
    "NSVSMT": (
        "ns&vsmt",
        "nsvsmt",
        "ns vsmt",
        "nuoc sach",
        "nuoc sach va vsmt",
        "nuoc sach ve sinh moi truong",
        "nuoc sach va ve sinh moi truong",
        "nuoc sach va ve sinh moi truong nong thon",
    ),
    "SXKD": (
        "sxkd",
        "sxkd vung kho khan",
        "san xuat kinh doanh vung kho khan",
        "ho sxkd vung kho khan",
        "vung kho khan",
    ),
    "NOXH": ("noxh", "nha o xa hoi"),
    "CHXAPT": ("chxapt", "chap hanh xong an phat tu", "nguoi chap hanh xong an phat tu"),
    "DTTS": ("dtts", "dan toc thieu so", "dong bao dan toc thieu so"),
}

ORGANISATION_WORDS: dict[str, tuple[str, ...]] = {
    "HND": ("hnd", "nd", "nong dan", "hoi nong dan", "hoi nd"),
    "HPN": (
        "hpn",
        "pn",
        "phu nu",
        "hoi phu nu",
        "hoi lien hiep phu nu",
        "hlhpn",
        "lhpn",
        "hoi lhpn",
        "hoi pn",
    ),
    "CCB": ("ccb", "cuu chien binh", "hoi cuu chien binh", "hoi ccb"),
    "DTN": ("dtn", "tn", "doan thanh nien", "thanh nien", "doan tn"),
}

_HAMLET_PREFIX = re.compile(r"^(ap|khu vuc|kv|thon|khom|to dan pho)\s*")


class WordMatcher:
    """Maps texts to keys: exact words first, then the longest known words contained."""

    def __init__(self) -> None:
        self._exact: dict[str, str] = {}

    def add(self, key: str, words: Iterable[str]) -> None:
        for word in words:
            text = heading_key(word)
            if text:
                self._exact.setdefault(text, key)

    def match(self, text: str) -> str | None:
        words = heading_key(text)
        if not words:
            return None
        if words in self._exact:
            return self._exact[words]
        padded = f" {words} "
        best: tuple[int, str] | None = None
        for known, key in self._exact.items():
            longer = best is None or len(known) > best[0]
            if len(known) >= 4 and f" {known} " in padded and longer:
                best = (len(known), key)
        return best[1] if best else None


def hamlet_key(name: str) -> str:
    """``"Ấp Thới Hòa"`` and ``"Thới Hòa"`` alike; ``"KV1"``, ``"Khu vực 1"`` alike."""
    key = heading_key(name)
    stripped = _HAMLET_PREFIX.sub("", key).strip()
    return stripped or key


#: Organisations as a group's name carries them ("Tổ TK&VV ấp Thạnh Lợi - HND", "Tổ 3 (Hội
#: Cựu chiến binh)"): full names anywhere, with their accents (a hamlet "Phú Nữ" is not the
#: women's union), abbreviations as whole words, and two-letter ones ("ND", "PN") only as the
#: name's last word, where they cannot be part of a place name.
_NAME_WORDS: dict[str, tuple[str, ...]] = {
    "HND": ("hội nông dân", "nông dân", "hội nd"),
    "HPN": ("hội liên hiệp phụ nữ", "liên hiệp phụ nữ", "hội phụ nữ", "phụ nữ", "hội pn"),
    "CCB": ("hội cựu chiến binh", "cựu chiến binh", "hội ccb"),
    "DTN": ("đoàn thanh niên", "đoàn tn"),
}
_NAME_ABBREVIATIONS: dict[str, str] = {
    "hnd": "HND",
    "hpn": "HPN",
    "hlhpn": "HPN",
    "lhpn": "HPN",
    "ccb": "CCB",
    "hccb": "CCB",
    "dtn": "DTN",
}
_LAST_WORD_ABBREVIATIONS: dict[str, str] = {"nd": "HND", "pn": "HPN", "cb": "CCB", "tn": "DTN"}
_NOT_WORD = re.compile(r"[^\w]+")


def organisation_in_name(name: str) -> str | None:
    """The entrusted organisation a group's name states, or ``None`` when it states none or
    names two."""
    accented = (
        " "
        + " ".join(_NOT_WORD.sub(" ", unicodedata.normalize("NFC", name).casefold()).split())
        + " "
    )
    found = {
        code for code, names in _NAME_WORDS.items() if any(f" {n} " in accented for n in names)
    }
    words = _NOT_WORD.sub(" ", search_key(name)).split()
    found |= {_NAME_ABBREVIATIONS[w] for w in words if w in _NAME_ABBREVIATIONS}
    if words and words[-1] in _LAST_WORD_ABBREVIATIONS:
        found.add(_LAST_WORD_ABBREVIATIONS[words[-1]])
    return found.pop() if len(found) == 1 else None
