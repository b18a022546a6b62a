"""The document header and signature block for this office, from its profile (Cài đặt).

Decree 30/2020 writes the place as the name of the administrative unit where the issuing
body sits: the commune or ward's own name for a commune office ("Cái Khế, ngày …"), the
city's ("Cần Thơ, ngày …") for the city office. The number is left blank for the office
to fill in when the document is registered ("Số:      /BC-UBND").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.core.office import OfficeInfo
from desktop.core.text import nfc, search_key
from desktop.reports.model import Letterhead

CITY_PLACE = "Cần Thơ"
BLANK_NUMBER = "\u00a0" * 8
DEFAULT_SIGNER_TITLE = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")


def body_symbol(office_name: str) -> str:
    """The issuing body's abbreviation in the symbol: UBND, MTTQ, …"""
    key = search_key(office_name)
    if key.startswith("uy ban mat tran"):
        return "MTTQ"
    if key.startswith("ngan hang chinh sach"):
        return "NHCSXH"
    return "UBND"


def document_number(office: OfficeInfo, kind: str = "BC", number: str = "") -> str:
    """``Số:      /BC-UBND`` or, once registered, ``Số: 125/BC-UBND``."""
    return f"Số: {number.strip() or BLANK_NUMBER}/{kind}-{body_symbol(office.office_name)}"


def letterhead_for(
    office: OfficeInfo,
    *,
    issued_on: date,
    recipients: Sequence[str],
    kind: str = "BC",
    number: str = "",
) -> Letterhead:
    title_lines = [line.strip() for line in nfc(office.signer_title).splitlines() if line.strip()]
    return Letterhead(
        parent_body="",
        issuing_body=office.office_name,
        number=document_number(office, kind, number),
        place=CITY_PLACE if office.is_city else office.unit_name,
        issued_on=issued_on,
        signer_title=tuple(title_lines) or DEFAULT_SIGNER_TITLE,
        signer_name=nfc(office.signer_name),
        recipients=tuple(recipients),
    )
