"""Make a report and save it as PDF, Excel or Word: the one path the window, the command
line and the self-test share.

The output format follows the file name's extension (``.pdf``, ``.xlsx`` or ``.docx``). Each
is written next to its final name and renamed into place, so a failure (disk full, a
cancelled run) never leaves half a file where the old one was.

Before a report is made, :func:`preflight` says who will issue it, to whom it goes and what
it will lack (a signer's name or position, the plan's number and date), so that no document
goes out unsigned without a word: the Báo cáo page shows it, ``tdcs report`` prints it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.issuers import Issuer, resolve_issuer, signer_warnings
from desktop.core.office import require_office
from desktop.core.periods import Period
from desktop.core.plan_reference import plan_reference, plan_warnings
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.text import file_words
from desktop.core.userfiles import cannot_write
from desktop.reports.model import Report
from desktop.reports.pdf import write_pdf
from desktop.reports.recipients import (
    default_recipients,
    remember_recipients,
    remembered_recipients,
)
from desktop.reports.registry import ReportContext, ReportRequest, ReportSpec, check_request
from desktop.reports.word import write_docx
from desktop.reports.workbook import write_workbook

M_FORMAT = QT_TRANSLATE_NOOP(
    "Reports",
    "Save the report as a .pdf, .xlsx or .docx file (the format follows the extension): {name}",
)


class OutputFormat(StrEnum):
    PDF = "pdf"
    XLSX = "xlsx"
    DOCX = "docx"


def output_format(path: Path) -> OutputFormat:
    suffix = path.suffix.lower().lstrip(".")
    try:
        return OutputFormat(suffix)
    except ValueError:
        raise UserError(M_FORMAT, name=path.name) from None


def make_report(
    database: Database,
    spec: ReportSpec,
    request: ReportRequest,
    progress: Progress = NO_PROGRESS,
) -> Report:
    """Read the figures (one snapshot, so every table sees the same data, even while an
    import commits: :meth:`Database.snapshot`) and lay them out as a report."""
    with database.snapshot() as session:
        office = require_office(session)
        checked = check_request(session, spec, office, request)
        context = ReportContext(session, office, checked, progress, spec.name, spec.issuer_role)
        return spec.build(context)


@dataclass(frozen=True)
class Preflight:
    """Who issues a report, its recipients, and what the office should know first."""

    issuer: Issuer
    recipients: tuple[str, ...]
    #: The usual recipients of this report from this issuer.
    defaults: tuple[str, ...]
    warnings: tuple[str, ...]


def preflight(
    database: Database, spec: ReportSpec, commune_code: str | None, *, command_line: bool = False
) -> Preflight:
    """The issuer of ``spec`` for ``commune_code`` (at the city: one commune, or ``None``
    for all), its remembered recipients, and warnings about a missing signer or plan
    reference, with where to set them (in Cài đặt; also ``tdcs office`` on the command
    line)."""
    with database.reading() as session:
        office = require_office(session)
        code = commune_code if office.is_city else office.unit_code
        issuer = resolve_issuer(session, office, spec.issuer_role, code)
        return Preflight(
            issuer,
            remembered_recipients(session, spec.name, issuer),
            default_recipients(spec.name, issuer),
            (
                *signer_warnings(issuer, command_line=command_line),
                *plan_warnings(plan_reference(session), command_line=command_line),
            ),
        )


def keep_recipients(
    database: Database, spec: ReportSpec, issuer: Issuer, recipients: Iterable[str]
) -> tuple[str, ...]:
    """Remember ``recipients`` for the next report of this kind from this issuer."""
    with database.transaction() as session:
        return remember_recipients(session, spec.name, issuer, recipients)


def save_report(report: Report, path: Path, progress: Progress = NO_PROGRESS) -> Path:
    fmt = output_format(path)
    try:
        if fmt is OutputFormat.PDF:
            return write_pdf(report, path, progress)
        if fmt is OutputFormat.DOCX:
            return write_docx(report, path, progress)
        return write_workbook(report, path, progress)
    except OSError as error:
        raise cannot_write(path, error) from error


def suggested_file_name(
    spec: ReportSpec, request: ReportRequest, fmt: OutputFormat, unit_name: str | None
) -> str:
    """``Bao-cao-ke-hoach-quy-III-2026_Cai-Khe.pdf``: what the report is, its period, then
    the commune (``unit_name``; ``None`` for every commune: ``Toan-thanh-pho``).

    Vietnamese without diacritics: such a name reads to the office and survives any e-mail
    system or zip tool, like the sync files' names (``31120_CaiKhe_0007_….tdcs``)."""
    what = spec.file_stem or file_words(tr(spec.title))
    unit = file_words(unit_name) if unit_name else "Toan-thanh-pho"
    return f"{what}-{_period_words(request.period)}_{unit or 'X'}.{fmt}"


def _period_words(period: Period) -> str:
    """``quy-III-2026``, ``6-thang-dau-2026``, ``nam-2026``: the period as documents write
    it (``quý III năm 2026``), without the ``năm`` between."""
    return file_words(period.label_vi()).replace("-nam-", "-")
