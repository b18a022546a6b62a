"""The Vietnamese catalogue is complete, compiled from the current sources, and keeps every
placeholder; Qt's own strings are covered by our qtbase_vi."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import i18n  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\(?[a-z_]*\)?[srd]|%\d")


def messages() -> list[tuple[str, str, str, str | None]]:
    found = []
    for ts in i18n.all_ts():
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                found.append(
                    (
                        ts.name,
                        name,
                        message.findtext("source") or "",
                        None if translation is None else translation.text,
                    )
                )
    return found


def test_catalogues_are_up_to_date_and_complete() -> None:
    assert i18n.stale() == []
    assert i18n.todo() == {}


@pytest.mark.parametrize("entry", messages(), ids=lambda e: f"{e[0]}:{e[2][:30]}")
def test_translation_keeps_placeholders(entry: tuple[str, str, str, str | None]) -> None:
    _file, _context, source, translation = entry
    assert translation, f"untranslated: {source}"
    assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation))


def test_every_area_has_a_vietnamese_catalogue() -> None:
    compiled = {p.name for p in (ROOT / "resources" / "translations").glob("*.qm")}
    assert {"qtbase_vi.qm", "argparse_vi.qm", "tdcs_core_vi.qm", "tdcs_ui_vi.qm"} <= compiled
