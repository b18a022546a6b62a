"""Load the catalogues shipped under ``resources/catalogues`` into the database.

Only missing rows are added, keyed by code: an office's own edits (a new rate, a renamed
programme) survive upgrades, and a new release can still add entries.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import CommuneKind
from db.models import Commune, CreditProgramme, Organisation, PlanTask, ProgrammeRate
from desktop.core.text import nfc
from desktop.paths import resources_dir

EXPECTED_COMMUNES = 103


@dataclass(frozen=True)
class CatalogueCounts:
    communes: int
    plan_tasks: int
    organisations: int
    programmes: int
    rates: int


def catalogue_dir() -> Path:
    return resources_dir() / "catalogues"


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (catalogue_dir() / name).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield {key: nfc(value.strip()) for key, value in row.items()}


def shipped_communes() -> dict[str, str]:
    """Code → label (``"31120"`` → ``"Phường Cái Khế"``) of the communes and wards in the
    catalogue this version ships, read without a database (a backup is checked against
    it before it is trusted)."""
    return {
        r["code"]: f"{'Phường' if r['type'] == CommuneKind.PHUONG.value else 'Xã'} {r['name']}"
        for r in _rows("communes.csv")
    }


def _yes(value: str) -> bool:
    return value.lower() in {"yes", "true", "1", "có"}


def _basis_points(percent: str) -> int | None:
    """``"7,92"`` (percent, Vietnamese decimal comma) → 792."""
    if not percent:
        return None
    return int(Decimal(percent.replace(",", ".")) * 100)


def load_catalogues(session: Session) -> CatalogueCounts:
    """Insert catalogue rows that are not in the database yet; return what was added."""
    known_communes = set(session.scalars(select(Commune.code)))
    communes = [
        Commune(code=r["code"], name=r["name"], kind=CommuneKind(r["type"]), sort_order=i)
        for i, r in enumerate(_rows("communes.csv"))
        if r["code"] not in known_communes
    ]
    known_tasks = set(session.scalars(select(PlanTask.code)))
    tasks = [
        PlanTask(
            code=r["code"],
            parent_code=r["parent_code"] or None,
            section=r["section"],
            short_title=r["short_title"],
            text=r["text"],
            applies_commune=_yes(r["applies_commune"]),
            applies_city=_yes(r["applies_city"]),
            is_heading=_yes(r["is_heading"]),
            sort_order=i,
        )
        for i, r in enumerate(_rows("plan_tasks.csv"))
        if r["code"] not in known_tasks
    ]
    known_orgs = set(session.scalars(select(Organisation.code)))
    organisations = [
        Organisation(code=r["code"], name=r["name"], short_name=r["short_name"], sort_order=i)
        for i, r in enumerate(_rows("organisations.csv"))
        if r["code"] not in known_orgs
    ]
    known_programmes = set(session.scalars(select(CreditProgramme.code)))
    known_rates = set(
        session.execute(select(ProgrammeRate.programme_code, ProgrammeRate.valid_from))
    )
    programmes: list[CreditProgramme] = []
    rates: list[ProgrammeRate] = []
    for i, r in enumerate(_rows("credit_programmes.csv")):
        if r["code"] not in known_programmes:
            programmes.append(
                CreditProgramme(
                    code=r["code"], name=r["name"], short_name=r["short_name"], sort_order=i
                )
            )
        valid_from = date.fromisoformat(r["valid_from"])
        if (r["code"], valid_from) not in known_rates:
            rates.append(
                ProgrammeRate(
                    programme_code=r["code"],
                    valid_from=valid_from,
                    rate_bp=_basis_points(r["rate_percent"]),
                    priority_rate_bp=_basis_points(r["priority_rate_percent"]),
                    cap_amount=int(r["cap_amount"]) if r["cap_amount"] else None,
                    cap_note=r["cap_note"],
                    confirmed=_yes(r["confirmed"]),
                )
            )
    session.add_all([*communes, *tasks, *organisations, *programmes])
    session.flush()
    session.add_all(rates)
    session.flush()
    return CatalogueCounts(
        len(communes), len(tasks), len(organisations), len(programmes), len(rates)
    )
