"""The reports TDCS can make: their names (for ``tdcs report NAME``), titles, which office
makes them (commune or city), which periods they cover, and the builder that turns the
indicator services' figures into a :class:`~desktop.reports.model.Report`.

A request names the period, the commune it covers at the city (one commune, or ``None`` for
every commune), the date printed on the document and, optionally, its registered number and
its recipients. Checking a request here, before anything is read, gives the window and the
command line the same Vietnamese messages.

Who issues a report follows its :class:`~desktop.core.issuers.IssuerRole` and the office's
settings (:func:`~desktop.core.issuers.resolve_issuer`); the context hands builders that
issuer, the document's head (:meth:`ReportContext.letterhead`) and its recipients.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property

from sqlalchemy.orm import Session

from db.enums import OfficeMode, PeriodKind
from db.models import Commune
from desktop.core.errors import UserError
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.issuers import Issuer, IssuerRole, resolve_issuer
from desktop.core.labels import label
from desktop.core.office import OfficeInfo
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.core.periods import Period
from desktop.core.progress import Progress
from desktop.reports.letterhead import letterhead_for
from desktop.reports.model import Letterhead, Report
from desktop.reports.recipients import clean_recipients, remembered_recipients

M_UNKNOWN = QT_TRANSLATE_NOOP(
    "Reports", "There is no report named {name}. The reports are: {names}."
)
M_WRONG_MODE_CITY = QT_TRANSLATE_NOOP("Reports", "The report {name} is made by the city office.")
M_WRONG_MODE_COMMUNE = QT_TRANSLATE_NOOP(
    "Reports", "The report {name} is made by a commune or ward office."
)
M_WRONG_PERIOD = QT_TRANSLATE_NOOP(
    "Reports", "The report {name} covers only these periods: {kinds}."
)
M_UNKNOWN_COMMUNE = QT_TRANSLATE_NOOP(
    "Reports", "{code} is not one of the 103 communes and wards of Cần Thơ."
)
M_ONE_COMMUNE = QT_TRANSLATE_NOOP(
    "Reports", "The report {name} covers one commune or ward: choose which."
)
M_ALL_COMMUNES = QT_TRANSLATE_NOOP(
    "Reports", "The report {name} covers every commune and ward; it is not made for one of them."
)
M_NOT_STARTED = QT_TRANSLATE_NOOP(
    "Reports", "{period} has not started on {day}, the date on the document."
)
M_NO_GROUPS = QT_TRANSLATE_NOOP(
    "Reports", "The report {name} is not made for one savings-and-loan group."
)
M_GROUP_COMMUNE = QT_TRANSLATE_NOOP(
    "Reports", "A savings-and-loan group belongs to one commune: choose the commune too."
)
M_OTHER_COMMUNE = QT_TRANSLATE_NOOP(
    "Reports",
    "This office reports on its own commune only ({own}); choosing another commune is for "
    "the city office.",
)


class Coverage(StrEnum):
    """What a report made at the city may cover (a commune office always covers itself)."""

    #: One commune, or every commune together.
    ONE_OR_ALL = "one_or_all"
    #: One commune only (the commune's own periodic report, made at the city for one).
    ONE = "one"
    #: Every commune together (the city's consolidated report).
    ALL = "all"


@dataclass(frozen=True)
class ReportRequest:
    period: Period
    #: At the city: the commune covered, or ``None`` for every commune. At a commune office
    #: it is always the office's own code.
    commune_code: str | None
    issued_on: date
    #: The registered number ("125"); blank leaves room to write it in.
    number: str = ""
    #: "Nơi nhận", one recipient each; ``None``: the list remembered for this report and
    #: issuer, or its defaults.
    recipients: tuple[str, ...] | None = None
    #: One savings-and-loan group's code or name, for the documents made for one group
    #: (``ReportSpec.takes_group``); blank for every group.
    group: str = ""


@dataclass(frozen=True)
class ReportContext:
    """What a builder gets: the session, this office and the checked request."""

    session: Session
    office: OfficeInfo
    request: ReportRequest
    progress: Progress
    #: The report's name (what its recipients are remembered under).
    report: str = ""
    role: IssuerRole = IssuerRole.OFFICE

    @cached_property
    def issuer(self) -> Issuer:
        """The body that issues this report (for one commune at the city: the commune's)."""
        return resolve_issuer(self.session, self.office, self.role, self.request.commune_code)

    @cached_property
    def recipients(self) -> tuple[str, ...]:
        """The request's recipients, or those remembered for this report and issuer."""
        if self.request.recipients:
            return self.request.recipients
        return remembered_recipients(self.session, self.report, self.issuer)

    def letterhead(
        self, recipients: Sequence[str] | None = None, *, kind: str = "BC"
    ) -> Letterhead:
        """The issuer's head and signature, with the request's date and number."""
        return letterhead_for(
            self.issuer,
            issued_on=self.request.issued_on,
            recipients=self.recipients if recipients is None else recipients,
            kind=kind,
            number=self.request.number,
        )

    @property
    def owner(self) -> Scope:
        """Whose records the report covers: the request's commune, or (at the city) every
        commune together."""
        code = self.request.commune_code
        return ALL_COMMUNES if code is None else Scope.commune(code)


Builder = Callable[[ReportContext], Report]


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: Msg
    description: Msg
    modes: frozenset[OfficeMode]
    period_kinds: tuple[PeriodKind, ...]
    build: Builder
    coverage: Coverage = Coverage.ONE_OR_ALL
    #: What the report is, as the first words of its proposed file name: Vietnamese without
    #: diacritics, e.g. ``Bao-cao-ke-hoach`` (empty: made from the title).
    file_stem: str = ""
    #: Whose report it is, which with the office's settings decides who issues it.
    issuer_role: IssuerRole = IssuerRole.OFFICE
    #: Whether it can be made for one savings-and-loan group (``ReportRequest.group``).
    takes_group: bool = False

    def available_to(self, office: OfficeInfo) -> bool:
        return office.mode in self.modes

    def title_text(self) -> str:
        return tr(self.title)

    def description_text(self) -> str:
        return tr(self.description)


_REPORTS: dict[str, ReportSpec] = {}


def register(spec: ReportSpec) -> ReportSpec:
    _REPORTS[spec.name] = spec
    return spec


def all_reports() -> list[ReportSpec]:
    _load_builders()
    return list(_REPORTS.values())


def reports_for(office: OfficeInfo) -> list[ReportSpec]:
    return [spec for spec in all_reports() if spec.available_to(office)]


def get_report(name: str) -> ReportSpec:
    _load_builders()
    spec = _REPORTS.get(name.strip().lower())
    if spec is None:
        raise UserError(M_UNKNOWN, name=name, names=", ".join(_REPORTS))
    return spec


def check_request(
    session: Session, spec: ReportSpec, office: OfficeInfo, request: ReportRequest
) -> ReportRequest:
    """Refuse what this office cannot make; at a commune office the commune is its own."""
    if not spec.available_to(office):
        message = M_WRONG_MODE_CITY if office.mode is OfficeMode.COMMUNE else M_WRONG_MODE_COMMUNE
        raise UserError(message, name=spec.name)
    if request.period.kind not in spec.period_kinds:
        kinds = ", ".join(label(kind).lower() for kind in spec.period_kinds)
        raise UserError(M_WRONG_PERIOD, name=spec.name, kinds=kinds)
    code = (request.commune_code or "").strip() or None
    if not office.is_city:
        if code is not None and code != office.unit_code:
            raise UserError(M_OTHER_COMMUNE, own=office.unit_code)
        code = office.unit_code
    elif code is not None and session.get(Commune, code) is None:
        raise UserError(M_UNKNOWN_COMMUNE, code=code)
    elif code is None and spec.coverage is Coverage.ONE:
        raise UserError(M_ONE_COMMUNE, name=spec.name)
    elif code is not None and spec.coverage is Coverage.ALL:
        raise UserError(M_ALL_COMMUNES, name=spec.name)
    if request.period.start > request.issued_on:
        raise UserError(
            M_NOT_STARTED, period=request.period.label(), day=format_date(request.issued_on)
        )
    recipients = clean_recipients(request.recipients) if request.recipients is not None else None
    group = request.group.strip()
    if group and not spec.takes_group:
        raise UserError(M_NO_GROUPS, name=spec.name)
    if group and code is None:
        raise UserError(M_GROUP_COMMUNE)
    return ReportRequest(
        request.period,
        code,
        request.issued_on,
        request.number.strip(),
        recipients or None,
        group,
    )


def period_kinds_text(kinds: Sequence[PeriodKind]) -> str:
    return ", ".join(label(kind).lower() for kind in kinds)


def _load_builders() -> None:
    """Import the report modules, which register themselves (late, to avoid a cycle)."""
    from desktop.reports import builders  # noqa: F401
