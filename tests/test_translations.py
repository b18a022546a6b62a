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


def messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation) of every entry of the catalogue ``ts``."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    None if translation is None else translation.text,
                )
            )
    return found


def test_catalogues_are_up_to_date_and_complete() -> None:
    assert i18n.stale() == []
    assert i18n.todo() == {}


@pytest.mark.parametrize("ts", i18n.all_ts(), ids=lambda ts: ts.stem)
def test_catalogue_is_translated_with_every_placeholder(ts: Path) -> None:
    """One test per catalogue; it lists all of that catalogue's untranslated entries and
    lost or added placeholders at once."""
    problems = []
    for context, source, translation in messages(ts):
        if not translation:
            problems.append(f"{context}: untranslated: {source!r}")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            problems.append(f"{context}: placeholders differ: {source!r} -> {translation!r}")
    assert messages(ts), f"{ts.name} is empty"
    assert problems == [], f"{ts.name}, {len(problems)} problem(s):\n" + "\n".join(problems)


def test_every_area_has_a_vietnamese_catalogue() -> None:
    compiled = {p.name for p in (ROOT / "resources" / "translations").glob("*.qm")}
    assert {"qtbase_vi.qm", "argparse_vi.qm", "tdcs_core_vi.qm", "tdcs_ui_vi.qm"} <= compiled
