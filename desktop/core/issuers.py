"""Who issues each report and who signs it: the office's choices in Cài đặt (and at
``tdcs init`` / ``tdcs office``).

A commune's reports can come from three bodies, each with its own document form:

- the **Ủy ban nhân dân** (state form, Decree 30/2020/NĐ-CP),
- the **Đảng ủy** (Party form, Hướng dẫn 36-HD/VPTW: the Party body on the left, "ĐẢNG
  CỘNG SẢN VIỆT NAM" on the right, "Số …-BC/ĐU", "T/M ĐẢNG ỦY"),
- the **Ủy ban Mặt trận Tổ quốc** (the Front's form; Quỹ "Vì người nghèo" is its campaign).

At the city: the Ủy ban nhân dân thành phố, the **Ban Thường vụ Thành ủy** (its yearly report
to the Ban Chính sách, chiến lược Trung ương, plan III.3: Party form, "Số …-BC/TU", "T/M BAN
THƯỜNG VỤ") and the Ủy ban MTTQ thành phố.

Which body issues a report follows the report's :class:`IssuerRole`: the plan and loan
reports are the office's (a commune chooses UBND, Đảng ủy or MTTQ; UBND at the city), the
fund's reports the Front's unless the commune chooses otherwise, the city's yearly report the
Ban Thường vụ Thành ủy's. A report the city makes for one commune keeps that commune as its
issuer (its UBND, or its MTTQ for the fund: the city does not know the commune's own choice),
is marked as a copy made from the commune's data and carries no signer.

Each body has its own signer (position and name). The People's Committee's signer is the
office profile's, where it always was; the others are kept in the settings table. Nothing
here travels to the city.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy.orm import Session

from db.base import utc_now
from db.enums import CommuneKind
from db.models import Commune, OfficeProfile
from desktop.core.errors import ErrorCollector, UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.office import CITY_NAME, M_NOT_SET_UP, OfficeInfo
from desktop.core.plan_reference import PlanReference, plan_reference, set_plan_reference
from desktop.core.settings import get_setting, set_setting
from desktop.core.text import clean, clean_multiline, nfc

CITY_PLACE = "Cần Thơ"
#: The Party body every commune's Đảng ủy stands under since the 2025 reorganisation.
CITY_PARTY_ORGANISATION = "Đảng bộ thành phố Cần Thơ"
NAME_LIMIT = 100
TITLE_LIMIT = 200
#: How many lines a signer's title may take ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ
#: TỊCH" is three).
TITLE_LINES = 4


class Body(StrEnum):
    """A body that issues reports."""

    UBND = "ubnd"
    DANG_UY = "dang-uy"
    MTTQ = "mttq"
    #: The Ban Thường vụ Thành ủy (city only).
    THANH_UY = "thanh-uy"


class DocumentForm(StrEnum):
    STATE = "state"  # Decree 30/2020/NĐ-CP
    PARTY = "party"  # Hướng dẫn 36-HD/VPTW
    FRONT = "front"  # Mặt trận Tổ quốc


FORM = {
    Body.UBND: DocumentForm.STATE,
    Body.DANG_UY: DocumentForm.PARTY,
    Body.MTTQ: DocumentForm.FRONT,
    Body.THANH_UY: DocumentForm.PARTY,
}

COMMUNE_BODIES = (Body.UBND, Body.DANG_UY, Body.MTTQ)
CITY_BODIES = (Body.UBND, Body.THANH_UY, Body.MTTQ)

#: The positions offered for each body's signer (documents are Vietnamese whatever the
#: interface language).
POSITIONS = {
    Body.UBND: ("Chủ tịch", "Phó Chủ tịch"),
    Body.DANG_UY: ("Bí thư", "Phó Bí thư"),
    Body.MTTQ: ("Chủ tịch", "Phó Chủ tịch"),
    Body.THANH_UY: ("Bí thư", "Phó Bí thư"),
}


class IssuerRole(StrEnum):
    """Whose report a report is, which with the office's settings decides its issuer."""

    #: The office's own report (the plan, loans): the issuing body chosen in Cài đặt.
    OFFICE = "office"
    #: Quỹ "Vì người nghèo": the Front's, unless the commune chooses another body.
    FUND = "fund"
    #: The city's yearly report on Directive 39: the Ban Thường vụ Thành ủy.
    PARTY_COMMITTEE = "party-committee"


OFFICE_BODY = "report.issuer.office"
FUND_BODY = "report.issuer.fund"
DEFAULT_BODY = {IssuerRole.OFFICE: Body.UBND, IssuerRole.FUND: Body.MTTQ}

M_NOT_A_BODY = QT_TRANSLATE_NOOP(
    "Issuers", "{value} is not a body this office reports for. The choices are: {choices}."
)
M_TITLE_LINES = QT_TRANSLATE_NOOP("Issuers", "The title takes at most {count} lines.")
M_NAME_TOO_LONG = QT_TRANSLATE_NOOP("Issuers", "Too long: at most {limit} characters.")
M_NO_NAME = QT_TRANSLATE_NOOP(
    "Issuers",
    "The signer's name for {body} is not set: the document leaves it blank for the name to "
    "be written in.",
)
M_NO_TITLE = QT_TRANSLATE_NOOP(
    "Issuers",
    "The signer's position for {body} is not set: the document prints “{position}”.",
)
M_NO_SIGNER = QT_TRANSLATE_NOOP(
    "Issuers",
    "No signer is set for {body}: the document prints “{position}” and leaves the name blank.",
)
M_WHERE_SIGNER = QT_TRANSLATE_NOOP("Issuers", "Set it in Settings, under “Documents and reports”.")
M_WHERE_SIGNER_COMMAND = QT_TRANSLATE_NOOP(
    "Issuers",
    "Set it with: tdcs office --signer-for {body_key} --signer-name “…” --signer-title “…” "
    "(or in Settings, under “Documents and reports”).",
)


@dataclass(frozen=True)
class Signer:
    body: Body
    #: The position ("Phó Chủ tịch"), or for an older setting the whole signature title,
    #: one line each; empty when not set.
    title: str
    name: str


@dataclass(frozen=True)
class Issuer:
    """The body a report is issued by, as the document names it."""

    body: Body
    form: DocumentForm
    #: Its name: "Đảng ủy phường Cái Khế", "Thành ủy Cần Thơ".
    name: str
    #: Who "reports" in the text: "Ban Thường trực Ủy ban Mặt trận … phường Cái Khế".
    acting: str
    #: The superior body printed above it (Party form): "Đảng bộ thành phố Cần Thơ".
    parent: str
    #: The place of the date line: the commune's name, or "Cần Thơ".
    place: str
    #: Whether the body is a city body (rather than a commune's).
    city_level: bool
    #: ``None`` on a copy the city makes from a commune's data.
    signer: Signer | None
    #: On such a copy: "Bản do … lập từ số liệu …" (document text: always Vietnamese);
    #: empty otherwise.
    copy_note: str = ""

    @property
    def key(self) -> str:
        """``commune-dang-uy``, ``city-thanh-uy``: what recipients are remembered under."""
        return f"{'city' if self.city_level else 'commune'}-{self.body}"


@dataclass(frozen=True)
class DocumentSettings:
    """What Cài đặt shows under "Documents and reports"."""

    office_body: Body
    fund_body: Body
    signers: Mapping[Body, Signer]
    plan: PlanReference


def bodies_for(office: OfficeInfo) -> tuple[Body, ...]:
    return CITY_BODIES if office.is_city else COMMUNE_BODIES


def _unit_words(kind: CommuneKind | None, name: str) -> str:
    """ "phường Cái Khế" / "xã Thạnh An" / "thành phố Cần Thơ"."""
    if kind is None:
        return "thành phố Cần Thơ"
    return f"{'phường' if kind is CommuneKind.PHUONG else 'xã'} {name}"


def body_name(office: OfficeInfo, body: Body) -> str:
    """The name of one of this office's bodies; the People's Committee's is the office's
    own name from Cài đặt."""
    if body is Body.UBND:
        return office.office_name
    return _body_name(body, _unit_words(office.commune_kind, office.unit_name))


def _body_name(body: Body, unit: str) -> str:
    if body is Body.UBND:
        return f"Ủy ban nhân dân {unit}"
    if body is Body.DANG_UY:
        return f"Đảng ủy {unit}"
    if body is Body.MTTQ:
        return f"Ủy ban Mặt trận Tổ quốc Việt Nam {unit}"
    return "Thành ủy Cần Thơ"


def _acting(body: Body, name: str) -> str:
    if body is Body.MTTQ:
        return f"Ban Thường trực {name}"
    if body is Body.THANH_UY:
        return "Ban Thường vụ Thành ủy"
    return name


def _body_setting(session: Session, key: str, role: IssuerRole) -> Body:
    value = get_setting(session, key)
    try:
        body = Body(value)
    except ValueError:
        return DEFAULT_BODY[role]
    return body if body in COMMUNE_BODIES else DEFAULT_BODY[role]


def document_settings(session: Session, office: OfficeInfo) -> DocumentSettings:
    return DocumentSettings(
        office_body=_body_setting(session, OFFICE_BODY, IssuerRole.OFFICE),
        fund_body=_body_setting(session, FUND_BODY, IssuerRole.FUND),
        signers={body: signer(session, office, body) for body in bodies_for(office)},
        plan=plan_reference(session),
    )


def chosen_body(session: Session, office: OfficeInfo, role: IssuerRole) -> Body:
    """The body that issues this office's reports of ``role``."""
    if office.is_city:
        return {
            IssuerRole.OFFICE: Body.UBND,
            IssuerRole.FUND: Body.MTTQ,
            IssuerRole.PARTY_COMMITTEE: Body.THANH_UY,
        }[role]
    if role is IssuerRole.FUND:
        return _body_setting(session, FUND_BODY, role)
    return _body_setting(session, OFFICE_BODY, IssuerRole.OFFICE)


def parse_body(value: str, office: OfficeInfo, field: str = "body") -> Body:
    """A body named by its key (``dang-uy``), one this office has."""
    choices = bodies_for(office)
    try:
        body = Body(clean(value).lower())
    except ValueError:
        body = None
    if body not in choices:
        raise ValidationError(
            field, M_NOT_A_BODY, value=value, choices=", ".join(str(c) for c in choices)
        )
    assert body is not None
    return body


def set_issuing_bodies(
    session: Session,
    office: OfficeInfo,
    *,
    office_body: Body | None = None,
    fund_body: Body | None = None,
) -> None:
    """Choose which body issues the office's plan and loan reports and which the fund's
    (a commune's choice; the city's bodies are fixed)."""
    for key, body, field in (
        (OFFICE_BODY, office_body, "office_body"),
        (FUND_BODY, fund_body, "fund_body"),
    ):
        if body is None:
            continue
        if office.is_city or body not in COMMUNE_BODIES:
            raise ValidationError(
                field,
                M_NOT_A_BODY,
                value=str(body),
                choices=", ".join(str(c) for c in COMMUNE_BODIES),
            )
        set_setting(session, key, body.value)


def _signer_key(body: Body, part: str) -> str:
    return f"report.signer.{body}.{part}"


def signer(session: Session, office: OfficeInfo, body: Body) -> Signer:
    if body is Body.UBND:
        profile = session.get(OfficeProfile, 1)
        if profile is None:
            return Signer(body, office.signer_title, office.signer_name)
        return Signer(body, profile.signer_title, profile.signer_name)
    return Signer(
        body,
        get_setting(session, _signer_key(body, "title")),
        get_setting(session, _signer_key(body, "name")),
    )


def title_lines(title: str) -> list[str]:
    """A signer's title as lines: typed on several lines, or on one with " / " between
    them (how the position field shows an older multi-line title)."""
    lines: list[str] = []
    for line in clean_multiline(title).splitlines():
        lines.extend(part.strip() for part in line.split(" / "))
    return [line for line in lines if line]


def clean_signer(body: Body, title: str, name: str) -> Signer:
    """The signer as typed, cleaned and checked; :class:`FormErrors` names the fields
    ``signer_title:<body>`` and ``signer_name:<body>``."""
    errors = ErrorCollector()
    lines = title_lines(title)
    if len(lines) > TITLE_LINES:
        errors.add(f"signer_title:{body}", M_TITLE_LINES, count=TITLE_LINES)
    elif sum(len(line) for line in lines) > TITLE_LIMIT:
        errors.add(f"signer_title:{body}", M_NAME_TOO_LONG, limit=TITLE_LIMIT)
    person = clean(name)
    if len(person) > NAME_LIMIT:
        errors.add(f"signer_name:{body}", M_NAME_TOO_LONG, limit=NAME_LIMIT)
    errors.raise_if_any()
    return Signer(body, "\n".join(lines), person)


def set_signer(session: Session, office: OfficeInfo, body: Body, *, title: str, name: str) -> None:
    """Record who signs for ``body`` (a body this office has)."""
    if body not in bodies_for(office):
        raise ValidationError(
            "body",
            M_NOT_A_BODY,
            value=str(body),
            choices=", ".join(str(c) for c in bodies_for(office)),
        )
    cleaned = clean_signer(body, title, name)
    if body is Body.UBND:
        profile = session.get(OfficeProfile, 1)
        if profile is None:
            raise UserError(M_NOT_SET_UP)
        profile.signer_title = cleaned.title
        profile.signer_name = cleaned.name
        profile.updated_at = utc_now()
        return
    set_setting(session, _signer_key(body, "title"), cleaned.title)
    set_setting(session, _signer_key(body, "name"), cleaned.name)


def save_document_settings(
    session: Session,
    office: OfficeInfo,
    *,
    office_body: Body | None,
    fund_body: Body | None,
    signers: Sequence[tuple[Body, str, str]],
    plan: tuple[str, date | None] | None = None,
    today: date | None = None,
) -> None:
    """Everything Cài đặt saves under "Documents and reports" (the issuing bodies, each
    body's signer, the plan's number and date): all of it or, with the errors of every
    field, nothing."""
    errors = ErrorCollector()
    for body, title, name in signers:
        errors.check(clean_signer, body, title, name)
    if plan is not None:
        errors.check(set_plan_reference, session, plan[0], plan[1], today=today)
    errors.raise_if_any()
    if not office.is_city:
        set_issuing_bodies(session, office, office_body=office_body, fund_body=fund_body)
    for body, title, name in signers:
        set_signer(session, office, body, title=title, name=name)


def resolve_issuer(
    session: Session, office: OfficeInfo, role: IssuerRole, commune_code: str | None
) -> Issuer:
    """The issuer of a report of ``role`` covering ``commune_code`` (``None``: every
    commune), made by ``office``."""
    if office.is_city and commune_code is not None:
        return _commune_copy(session, office, role, commune_code)
    body = chosen_body(session, office, role)
    name = body_name(office, body)
    return Issuer(
        body=body,
        form=FORM[body],
        name=name,
        acting=_acting(body, name),
        parent=CITY_PARTY_ORGANISATION if body is Body.DANG_UY else "",
        place=CITY_PLACE if office.is_city else office.unit_name,
        city_level=office.is_city,
        signer=signer(session, office, body),
    )


def _commune_copy(
    session: Session, office: OfficeInfo, role: IssuerRole, commune_code: str
) -> Issuer:
    row = session.get(Commune, commune_code)
    commune_name = row.name if row is not None else commune_code
    unit = _unit_words(row.kind if row is not None else CommuneKind.XA, commune_name)
    body = Body.MTTQ if role is IssuerRole.FUND else Body.UBND
    name = _body_name(body, unit)
    return Issuer(
        body=body,
        form=FORM[body],
        name=name,
        acting=_acting(body, name),
        parent="",
        place=commune_name,
        city_level=False,
        signer=None,
        copy_note=(
            f"Bản do {office.office_name or CITY_NAME} lập từ số liệu {unit} đã gửi về; "
            f"không phải văn bản do {unit} ban hành."
        ),
    )


def head_position(body: Body) -> str:
    """The position that signs when none is set: the chairman, or the Party secretary."""
    return POSITIONS[body][0]


def signer_warnings(issuer: Issuer, *, command_line: bool = False) -> list[str]:
    """What to tell the clerk before a document goes out without its signer's name or
    position, and where to set them: in Cài đặt, or for the command line with ``tdcs
    office`` (nothing for a copy, which no one signs)."""
    person = issuer.signer
    if person is None:
        return []
    position = head_position(issuer.body).upper()
    missing_name = not person.name.strip()
    missing_title = not person.title.strip()
    if missing_name and missing_title:
        first = tr(M_NO_SIGNER, body=issuer.name, position=position)
    elif missing_name:
        first = tr(M_NO_NAME, body=issuer.name)
    elif missing_title:
        first = tr(M_NO_TITLE, body=issuer.name, position=position)
    else:
        return []
    where = M_WHERE_SIGNER_COMMAND if command_line else M_WHERE_SIGNER
    return [f"{first} {tr(where, body_key=issuer.body.value)}"]


BODY_LABELS: Mapping[Body, Msg] = {
    Body.UBND: QT_TRANSLATE_NOOP("Issuers", "People's Committee"),
    Body.DANG_UY: QT_TRANSLATE_NOOP("Issuers", "Party Committee"),
    Body.MTTQ: QT_TRANSLATE_NOOP("Issuers", "Fatherland Front Committee"),
    Body.THANH_UY: QT_TRANSLATE_NOOP("Issuers", "Standing Committee of the City Party Committee"),
}


def body_label(body: Body) -> str:
    return tr(BODY_LABELS[body])


def position_text(title: str) -> str:
    """The position a stored title names, for the one-line field in Cài đặt: an older
    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" reads "Phó Chủ tịch"."""
    lines = title_lines(title)
    if lines and lines[0].upper().startswith(("TM.", "T/M")):
        lines = lines[1:]
    if len(lines) == 2 and lines[0].upper().startswith("KT."):
        lines = lines[1:]
    if len(lines) == 1:
        for known in {p for positions in POSITIONS.values() for p in positions}:
            if nfc(lines[0]).upper() == known.upper():
                return known
    return " / ".join(lines)
