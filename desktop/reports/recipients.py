"""Who receives a report ("Nơi nhận"): sensible defaults per issuing body and level, edited
per report on the Báo cáo page and remembered there (per report and issuing body, in the
local settings), or given for one run with ``tdcs report --recipient``.

Defaults, per report and issuing body: a commune's plan report goes to the city and to the
commune's own Party committee, Council, Front and the four organisations the bank entrusts
(Hội Nông dân, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên), who carry the
loans; its loan reports to those who act on them (the organisations, the bank's transaction
office and board of representatives, the hamlet heads); the city's yearly report, the Ban
Thường vụ Thành ủy's, to the Ban Chính sách, chiến lược Trung ương (plan III.3); the city's
other reports stay in the city and its communes. Every list ends with the archive copy
(state and Front: "Lưu: VT"; Party: "Lưu Văn phòng …").
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.issuers import Body, Issuer
from desktop.core.settings import get_setting, set_setting
from desktop.core.text import clean

MAX_RECIPIENTS = 30
MAX_LENGTH = 200
ORGANISATIONS = (
    "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
)
BANK_OFFICE = "Phòng giao dịch Ngân hàng Chính sách xã hội"
CITY_BANK = "Chi nhánh Ngân hàng Chính sách xã hội thành phố"
ARCHIVE = "Lưu: VT"
#: Reports about the loans the commune supervises: they go to those who act on them.
LOAN_REPORTS = frozenset({"loan-quality", "unchecked-loans"})

M_TOO_MANY = QT_TRANSLATE_NOOP("Recipients", "At most {count} recipients.")
M_TOO_LONG = QT_TRANSLATE_NOOP(
    "Recipients", "A recipient takes at most {limit} characters: {start}…"
)


def _unit_kind(issuer: Issuer) -> str:
    """ "phường" / "xã", taken from the issuing body's name."""
    return "phường" if " phường " in f" {issuer.name.lower()} " else "xã"


def default_recipients(report: str, issuer: Issuer) -> tuple[str, ...]:
    """The usual recipients of ``report`` from ``issuer``."""
    if issuer.city_level:
        return _city_defaults(report, issuer.body)
    unit = _unit_kind(issuer)
    organisations = tuple(f"{name} {unit}" for name in ORGANISATIONS)
    if report in LOAN_REPORTS and issuer.body is Body.UBND:
        return (
            f"Thường trực Đảng ủy {unit}",
            f"Ban đại diện Hội đồng quản trị Ngân hàng Chính sách xã hội {unit}",
            BANK_OFFICE,
            f"Ủy ban Mặt trận Tổ quốc Việt Nam {unit}",
            *organisations,
            f"Trưởng các {'khu vực' if unit == 'phường' else 'ấp'}",
            ARCHIVE,
        )
    if issuer.body is Body.DANG_UY:
        return (
            "Ban Thường vụ Thành ủy (để báo cáo)",
            "Ủy ban nhân dân thành phố",
            "Các đồng chí đảng ủy viên",
            f"Hội đồng nhân dân, Ủy ban nhân dân {unit}",
            f"Ủy ban Mặt trận Tổ quốc Việt Nam {unit}",
            *organisations,
            BANK_OFFICE,
            "Lưu Văn phòng Đảng ủy",
        )
    if issuer.body is Body.MTTQ:
        return (
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
            f"Thường trực Đảng ủy {unit}",
            f"Ủy ban nhân dân {unit}",
            *organisations,
            BANK_OFFICE,
            ARCHIVE,
        )
    return (
        "Ủy ban nhân dân thành phố",
        f"Thường trực Đảng ủy {unit}",
        f"Thường trực Hội đồng nhân dân {unit}",
        f"Ủy ban Mặt trận Tổ quốc Việt Nam {unit}",
        *organisations,
        BANK_OFFICE,
        ARCHIVE,
    )


def _city_defaults(report: str, body: Body) -> tuple[str, ...]:
    if body is Body.THANH_UY:
        return (
            "Ban Chính sách, chiến lược Trung ương (để báo cáo)",
            "Thường trực Thành ủy",
            "Các đồng chí Ủy viên Ban Thường vụ Thành ủy",
            "Đảng ủy Ủy ban nhân dân thành phố",
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
            CITY_BANK,
            "Lưu Văn phòng Thành ủy",
        )
    if body is Body.MTTQ:
        return (
            "Thường trực Thành ủy",
            "Ủy ban nhân dân thành phố",
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam các xã, phường",
            CITY_BANK,
            ARCHIVE,
        )
    if report in LOAN_REPORTS:
        return (
            "Thường trực Thành ủy",
            "Ban đại diện Hội đồng quản trị Ngân hàng Chính sách xã hội thành phố",
            CITY_BANK,
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
            "Hội Nông dân, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh thành phố, Thành đoàn",
            "Ủy ban nhân dân các xã, phường",
            ARCHIVE,
        )
    return (
        "Thường trực Thành ủy",
        "Thường trực Hội đồng nhân dân thành phố",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
        CITY_BANK,
        "Ủy ban nhân dân các xã, phường",
        ARCHIVE,
    )


def clean_recipients(lines: Iterable[str]) -> tuple[str, ...]:
    """Recipients as typed, one a line: the dash and the end mark the document adds are
    taken off, blank lines dropped; too many or too long refused."""
    out: list[str] = []
    for line in lines:
        text = clean(line).lstrip("-–•").strip().rstrip(";.,").strip()
        if not text:
            continue
        if len(text) > MAX_LENGTH:
            raise UserError(M_TOO_LONG, limit=MAX_LENGTH, start=text[:40])
        out.append(text)
    if len(out) > MAX_RECIPIENTS:
        raise UserError(M_TOO_MANY, count=MAX_RECIPIENTS)
    return tuple(out)


def _key(report: str, issuer: Issuer) -> str:
    return f"report.recipients.{report}.{issuer.key}"


def remembered_recipients(session: Session, report: str, issuer: Issuer) -> tuple[str, ...]:
    """The list last chosen for this report and issuer, or the defaults."""
    stored = get_setting(session, _key(report, issuer))
    return tuple(stored.split("\n")) if stored else default_recipients(report, issuer)


def remember_recipients(
    session: Session, report: str, issuer: Issuer, recipients: Iterable[str]
) -> tuple[str, ...]:
    """Keep ``recipients`` for the next report of this kind (the defaults are not stored,
    so that better defaults reach the office)."""
    cleaned = clean_recipients(recipients)
    value = "" if cleaned == default_recipients(report, issuer) else "\n".join(cleaned)
    set_setting(session, _key(report, issuer), value)
    return cleaned
