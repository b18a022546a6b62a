"""A city that decides and a commune that hears: targets, a rate change, a notice and a
closed period recorded at the city, its bulletin made, and the tools to read a bulletin
apart, change it the way a forger (or a broken program) would, and sign it again."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from db.enums import PeriodKind, TargetKind
from desktop.core.closed_periods import ClosedPeriodInput, create_closed_period
from desktop.core.database import Database
from desktop.core.notices import NoticeInput, create_notice
from desktop.core.programmes import add_rate
from desktop.core.targets import TargetInput, create_target
from desktop.sync import bulletin, crypto, keys
from desktop.sync.bulletin_apply import BulletinReport, import_bulletin
from desktop.sync.bulletin_issue import IssueResult, make_bulletins
from tests.sync_support import World, own_private_key

CODE = "31120"
YEAR = 2026
#: The day the city writes its decisions (tests do not depend on the real date).
TODAY = date(2026, 3, 2)
#: The rate of Hộ nghèo rises from 6,6 % to 6,9 % on 1 July 2026.
RATE_FROM = date(2026, 7, 1)


def decide(city: Database, *, commune: str = CODE) -> None:
    """What the city decides for ``commune`` and for everyone: two targets for 2026, a notice,
    2025 closed, and the new rate of Hộ nghèo."""
    with city.transaction() as session:
        create_target(
            session, TargetInput(commune, YEAR, TargetKind.FUND_MOBILISATION, 500_000_000)
        )
        create_target(session, TargetInput(commune, YEAR, TargetKind.LOANS_CHECKED, 40))
        create_notice(
            session,
            NoticeInput(
                None,
                "Nộp báo cáo năm trước ngày 15/10",
                "Các xã, phường gửi số liệu năm 2026.",
                date(2026, 10, 15),
            ),
            today=TODAY,
        )
        create_closed_period(
            session,
            ClosedPeriodInput(PeriodKind.YEAR, 2025, 1, date(2026, 2, 20)),
            today=TODAY,
        )
        add_rate(session, "HN", valid_from=RATE_FROM, rate_bp=690)


def make(city: Database, folder: Path, communes: list[str] | None = None) -> IssueResult:
    with city.transaction() as session:
        return make_bulletins(session, folder, communes=communes)


def apply(commune: Database, path: Path, *, dry_run: bool = False) -> BulletinReport:
    return import_bulletin(commune, path, dry_run=dry_run)


@dataclass
class Opened:
    """A genuine bulletin taken apart."""

    manifest: dict[str, Any]
    payload: dict[str, Any]


def open_bulletin(path: Path) -> Opened:
    parts = bulletin.split(path.read_bytes())
    return Opened(json.loads(parts.manifest), json.loads(parts.payload))


def city_signing_key(world: World) -> bytes:
    return own_private_key(world.city, keys.CITY_SIGNING)


def reseal(
    manifest: dict[str, Any],
    payload: bytes,
    signing_private: bytes,
    *,
    fix_hash: bool = True,
    fix_counts: bool = True,
) -> bytes:
    """Sign ``manifest`` (the payload's hash and counts made to fit unless told not to) and
    put the bulletin together as the city would."""
    manifest = json.loads(json.dumps(manifest))
    if fix_hash:
        manifest["payload"] = {"sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)}
    if fix_counts:
        try:
            body = json.loads(payload)
            catalogue = body.get("catalogue", {})
            for section in bulletin.SECTIONS:
                items = body.get(section) if section in body else catalogue.get(section)
                if isinstance(items, list):
                    manifest["counts"][section] = len(items)
                elif items is None and section in body:
                    manifest["counts"][section] = 0
        except (ValueError, AttributeError, TypeError):
            pass
    raw = json.dumps(manifest).encode()  # \u escapes: a lone surrogate stays writable
    signature = crypto.sign(signing_private, bulletin.SIGNATURE_LABEL, raw)
    return (
        bulletin.MAGIC
        + bytes([bulletin.VERSION])
        + len(raw).to_bytes(4, "big")
        + raw
        + len(payload).to_bytes(4, "big")
        + payload
        + signature
    )


def public_of(private: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()
    return base64.b64encode(key).decode()
