"""The document's head and signature in the form of the body that issues it.

- **State** (a People's Committee, Decree 30/2020/NĐ-CP, Appendix I): the body top left
  ("ỦY BAN NHÂN DÂN / PHƯỜNG CÁI KHẾ"), the national motto top right, "Số: 125/BC-UBND",
  "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" (a vice-chairman signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
- **Party** (a Đảng ủy or the Ban Thường vụ Thành ủy, Hướng dẫn 36-HD/VPTW): the superior
  body over the issuing body with a star under it top left ("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ /
  ĐẢNG ỦY PHƯỜNG CÁI KHẾ / *", "THÀNH ỦY CẦN THƠ / *"), "ĐẢNG CỘNG SẢN VIỆT NAM" top right,
  no motto; the number and symbol joined by a hyphen, no colon ("Số 125-BC/ĐU"); "T/M ĐẢNG
  ỦY / BÍ THƯ" (a vice-secretary signs "PHÓ BÍ THƯ" directly); recipients end with commas.
- **Front** (an Ủy ban MTTQ): "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM / PHƯỜNG CÁI KHẾ", the motto,
  "Số: …/BC-MTTQ", "TM. BAN THƯỜNG TRỰC / CHỦ TỊCH".

The place is the name of the unit where the body sits: the commune's own name ("Cái Khế,
ngày …"), "Cần Thơ" at the city. The number is left blank for the office to fill in when the
document is registered. Both renderers (PDF and workbook) take their lines from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.core.formatting import official_date
from desktop.core.issuers import (
    FORM,
    Body,
    DocumentForm,
    Issuer,
    Signer,
    head_position,
    title_lines,
)
from desktop.core.office import OfficeInfo
from desktop.core.text import nfc
from desktop.reports.model import Letterhead

CITY_PLACE = "Cần Thơ"
BLANK_NUMBER = "\u00a0" * 8
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_SUB = "Độc lập - Tự do - Hạnh phúc"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
STAR = "*"

SYMBOL = {Body.UBND: "UBND", Body.MTTQ: "MTTQ", Body.DANG_UY: "ĐU", Body.THANH_UY: "TU"}
#: The collective the signer signs for ("thay mặt").
COLLECTIVE = {
    Body.UBND: "TM. ỦY BAN NHÂN DÂN",
    Body.MTTQ: "TM. BAN THƯỜNG TRỰC",
    Body.DANG_UY: "T/M ĐẢNG ỦY",
    Body.THANH_UY: "T/M BAN THƯỜNG VỤ",
}
_BODY_PREFIXES = ("Ủy ban nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam")


def document_number(body: Body, kind: str = "BC", number: str = "") -> str:
    """``Số:      /BC-UBND``, ``Số: 125/BC-MTTQ``, ``Số 125-BC/ĐU``, ``Số 210-BC/TU``."""
    shown = number.strip() or BLANK_NUMBER
    if FORM[body] is DocumentForm.PARTY:
        return f"Số {shown}-{kind}/{SYMBOL[body]}"
    return f"Số: {shown}/{kind}-{SYMBOL[body]}"


def signature_lines(body: Body, title: str) -> tuple[str, ...]:
    """The signer's title block for ``body`` from the position set in Cài đặt.

    "Phó Chủ tịch" signs "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; "Phó Bí thư"
    signs "T/M ĐẢNG ỦY / PHÓ BÍ THƯ". A title typed whole ("TM. …" or "T/M …" first) is
    printed as typed. Without a position the head of the body signs."""
    collective = COLLECTIVE[body]
    head = head_position(body).upper()
    lines = [nfc(line).upper() for line in title_lines(title)]
    if not lines:
        return (collective, head)
    if lines[0].startswith(("TM.", "T/M", "TL.", "TUQ.")):
        return tuple(lines)
    if len(lines) == 1 and FORM[body] is not DocumentForm.PARTY and lines[0] == f"PHÓ {head}":
        return (collective, f"KT. {head}", lines[0])
    return (collective, *lines)


def letterhead_for(
    issuer: Issuer | OfficeInfo,
    *,
    issued_on: date,
    recipients: Sequence[str],
    kind: str = "BC",
    number: str = "",
) -> Letterhead:
    """The head and signature of a document ``issuer`` issues (an office stands for its
    People's Committee)."""
    if isinstance(issuer, OfficeInfo):
        issuer = _peoples_committee(issuer)
    person = issuer.signer
    return Letterhead(
        parent_body=issuer.parent,
        issuing_body=issuer.name,
        number=document_number(issuer.body, kind, number),
        place=issuer.place,
        issued_on=issued_on,
        signer_title=signature_lines(issuer.body, person.title) if person else (),
        signer_name=nfc(person.name) if person else "",
        recipients=tuple(recipients),
        form=issuer.form,
        copy_note=issuer.copy_note,
    )


def _peoples_committee(office: OfficeInfo) -> Issuer:
    return Issuer(
        body=Body.UBND,
        form=DocumentForm.STATE,
        name=office.office_name,
        acting=office.office_name,
        parent="",
        place=CITY_PLACE if office.is_city else office.unit_name,
        city_level=office.is_city,
        signer=Signer(Body.UBND, office.signer_title, office.signer_name),
    )


def issuing_body_lines(issuing_body: str) -> list[str]:
    """ "Ủy ban nhân dân phường Cái Khế" → ["ỦY BAN NHÂN DÂN", "PHƯỜNG CÁI KHẾ"]: the body's
    name in capitals, the kind of body on the first line as documents print it."""
    name = nfc(issuing_body).strip()
    for prefix in _BODY_PREFIXES:
        if name.lower().startswith(prefix.lower()) and len(name) > len(prefix):
            rest = name[len(prefix) :].strip()
            return [prefix.upper(), rest.upper()]
    return [line.upper() for line in name.split("\n") if line.strip()] or [""]


@dataclass(frozen=True)
class Line:
    text: str
    bold: bool = False
    italic: bool = False


def left_head(head: Letterhead) -> list[Line]:
    """The issuing body's block, top left: the superior body, the body, and in the Party
    form the star."""
    lines: list[Line] = []
    if head.parent_body:
        lines.append(Line(nfc(head.parent_body).upper()))
    lines.extend(Line(line, bold=True) for line in issuing_body_lines(head.issuing_body))
    if head.form is DocumentForm.PARTY:
        lines.append(Line(STAR))
    return lines


def right_head(head: Letterhead) -> list[Line]:
    """Top right: "ĐẢNG CỘNG SẢN VIỆT NAM" on a Party document, the national motto on the
    others."""
    if head.form is DocumentForm.PARTY:
        return [Line(PARTY, bold=True)]
    return [Line(MOTTO, bold=True), Line(MOTTO_SUB, bold=True)]


def recipient_lines(head: Letterhead) -> list[str]:
    """ "- Ủy ban nhân dân thành phố;" … "- Lưu: VT.": a state or Front document ends each
    line with a semicolon, a Party document with a comma; the last with a full stop."""
    items = [nfc(r).strip().lstrip("-").strip().rstrip(";.,") for r in head.recipients]
    items = [item for item in items if item]
    mark = "," if head.form is DocumentForm.PARTY else ";"
    return [
        f"- {item}{'.' if index == len(items) - 1 else mark}" for index, item in enumerate(items)
    ]


def cover_lines(head: Letterhead) -> list[Line]:
    """The head as the workbook's cover sheet prints it, one line under the other."""
    lines = [*left_head(head), *right_head(head), Line(head.number)]
    lines.append(Line(official_date(head.issued_on, head.place), italic=True))
    if head.copy_note:
        lines.append(Line(head.copy_note, italic=True))
    return lines


def signature_cover_lines(head: Letterhead) -> list[Line]:
    """The end of the document on the cover sheet: recipients, then the signature."""
    lines: list[Line] = []
    recipients = recipient_lines(head)
    if recipients:
        lines.append(Line("Nơi nhận:", bold=True, italic=True))
        lines.extend(Line(r) for r in recipients)
    lines.extend(Line(nfc(t).upper(), bold=True) for t in head.signer_title)
    if head.signer_name:
        lines.append(Line(nfc(head.signer_name), bold=True))
    return lines
