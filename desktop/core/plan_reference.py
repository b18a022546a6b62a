"""How documents cite the city's plan for Directive 39-CT/TW: by its number and date, and by
its own section numbers.

The plan's text as TDCS received it gives neither its number nor its date (only that it
replaces Kế hoạch số 386-KH/TU ngày 12/3/2025), so they are a setting of each office (Cài
đặt, ``tdcs office --plan-number … --plan-date …``). Until they are set, documents print the
citation with gaps to fill in ("Kế hoạch số …-KH/TU ngày … của Ban Thường vụ Thành ủy") and
the Báo cáo page says so.

Section numbers: the plan numbers its parts II.1–II.6 and III.1–III.5; under a section its
points are dashes (or paragraphs), not letters. TDCS's catalogue codes them II.2.a, II.2.b, …
in the plan's order, so "II.2.d" is the fourth point of section II.2. Prose cites the plan's
own numbers ("mục II.2 của Kế hoạch"); tables print "II.2 (ý 4)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.core.errors import ErrorCollector, ValidationError
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.settings import get_setting, set_setting
from desktop.core.text import clean

PLAN_NUMBER = "report.plan.number"
PLAN_DATE = "report.plan.date"
#: The plan it replaced (its own last paragraph), which dates it after 12/3/2025.
REPLACED_PLAN = "Kế hoạch số 386-KH/TU ngày 12/3/2025"
REPLACED_ON = date(2025, 3, 12)
SYMBOL = "KH/TU"
DIRECTIVE = (
    "Chỉ thị số 39-CT/TW ngày 30/10/2024 của Ban Bí thư về nâng cao hiệu quả của tín dụng "
    "chính sách xã hội trong giai đoạn mới"
)
ISSUER = "Ban Thường vụ Thành ủy"
GAP = "…"
#: Under a table that numbers the tasks as the plan does.
PLAN_NUMBERING_NOTE = "Mục: số mục của Kế hoạch; ý: thứ tự ý (gạch đầu dòng) trong mục"

_NUMBER = re.compile(r"(?:số\s*)?(\d{1,5})\s*(?:-\s*KH\s*/\s*TU)?", re.IGNORECASE)

M_NUMBER = QT_TRANSLATE_NOOP(
    "PlanReference", "Write the plan's number as it is registered, for example 215-KH/TU."
)
M_BOTH = QT_TRANSLATE_NOOP(
    "PlanReference", "Give both the number and the date of the plan, or leave both empty."
)
M_TOO_EARLY = QT_TRANSLATE_NOOP(
    "PlanReference",
    "The plan replaced Kế hoạch số 386-KH/TU of 12/03/2025, so it is dated after that day.",
)
M_FUTURE = QT_TRANSLATE_NOOP("PlanReference", "The plan's date cannot be after today ({today}).")
M_NOT_SET = QT_TRANSLATE_NOOP(
    "PlanReference",
    "The number and date of the city's plan for Directive 39 are not set: documents cite it "
    "as “Kế hoạch số …-KH/TU ngày …”.",
)
M_WHERE = QT_TRANSLATE_NOOP("PlanReference", "Set them in Settings, under “Documents and reports”.")
M_WHERE_COMMAND = QT_TRANSLATE_NOOP(
    "PlanReference",
    "Set them with: tdcs office --plan-number … --plan-date dd/mm/yyyy (or in Settings, "
    "under “Documents and reports”).",
)


@dataclass(frozen=True)
class PlanReference:
    #: "215-KH/TU", or empty when not set.
    number: str
    issued_on: date | None

    @property
    def is_set(self) -> bool:
        return bool(self.number) and self.issued_on is not None


def plan_reference(session: Session) -> PlanReference:
    number = get_setting(session, PLAN_NUMBER)
    try:
        issued_on: date | None = date.fromisoformat(get_setting(session, PLAN_DATE))
    except ValueError:
        issued_on = None
    return PlanReference(number, issued_on)


def clean_plan_number(text: str) -> str:
    """ "215", "215-KH/TU", "Số 215-kh/tu" → "215-KH/TU"; empty stays empty."""
    raw = clean(text)
    if not raw:
        return ""
    found = _NUMBER.fullmatch(raw)
    if found is None:
        raise ValidationError("plan_number", M_NUMBER)
    return f"{int(found[1])}-{SYMBOL}"


def set_plan_reference(
    session: Session, number: str, issued_on: date | None, *, today: date | None = None
) -> PlanReference:
    """Record the plan's number and date (both, or neither); a bad one changes nothing."""
    errors = ErrorCollector()
    cleaned = errors.check(clean_plan_number, number) or ""
    if issued_on is not None:
        now = today or date.today()
        if issued_on <= REPLACED_ON:
            errors.add("plan_date", M_TOO_EARLY)
        elif issued_on > now:
            errors.add("plan_date", M_FUTURE, today=format_date(now))
    if not errors.errors and bool(cleaned) != (issued_on is not None):
        errors.add("plan_date" if cleaned else "plan_number", M_BOTH)
    errors.raise_if_any()
    set_setting(session, PLAN_NUMBER, cleaned)
    set_setting(session, PLAN_DATE, issued_on.isoformat() if issued_on else "")
    return PlanReference(cleaned, issued_on)


def citation_date(value: date) -> str:
    """``12/3/2025``, ``04/01/2023``: dates in citations as the plan writes them (the day in
    two digits, the month in two only for January and February)."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{value.day:02d}/{month}/{value.year}"


def plan_citation(reference: PlanReference) -> str:
    """ "Kế hoạch số 215-KH/TU ngày 15/5/2025 của Ban Thường vụ Thành ủy", with gaps to fill
    in while the number and date are not set."""
    if not reference.is_set:
        return f"Kế hoạch số {GAP}-{SYMBOL} ngày {GAP} của {ISSUER}"
    assert reference.issued_on is not None
    return f"Kế hoạch số {reference.number} ngày {citation_date(reference.issued_on)} của {ISSUER}"


def plan_own_citation(reference: PlanReference) -> str:
    """The plan as its issuer (the Ban Thường vụ Thành ủy) names it: "Kế hoạch số
    215-KH/TU ngày 15/5/2025"."""
    if not reference.is_set:
        return f"Kế hoạch số {GAP}-{SYMBOL} ngày {GAP}"
    assert reference.issued_on is not None
    return f"Kế hoạch số {reference.number} ngày {citation_date(reference.issued_on)}"


def plan_warnings(reference: PlanReference, *, command_line: bool = False) -> list[str]:
    """What to tell the clerk while the plan's number and date are not set, and where to
    set them (in Cài đặt, or for the command line with ``tdcs office``)."""
    if reference.is_set:
        return []
    return [f"{tr(M_NOT_SET)} {tr(M_WHERE_COMMAND if command_line else M_WHERE)}"]


def plan_section(code: str) -> str:
    """The plan's own section of a catalogue code: "II.2.d" → "II.2", "III.3" → "III.3"."""
    parts = code.split(".")
    return ".".join(parts[:2])


def plan_numbering(code: str) -> str:
    """A catalogue code as the plan numbers it: "II.2.d" → "II.2 (ý 4)", "II.6" → "II.6"."""
    parts = code.split(".")
    if len(parts) == 3 and len(parts[2]) == 1 and parts[2].isalpha():
        return f"{'.'.join(parts[:2])} (ý {ord(parts[2].lower()) - ord('a') + 1})"
    return code


def sections_cited(codes: list[str]) -> str:
    """ "mục II.2, II.4 của Kế hoạch": the plan's sections of these codes, each once, in
    the order given."""
    sections = [s for s in dict.fromkeys(plan_section(code) for code in codes) if s]
    return f"mục {', '.join(sections)} của Kế hoạch" if sections else "Kế hoạch"
