"""Make a report and save it as PDF, Excel or Word: the one path the window, the command
line and the self-test share.

The output format follows the file name's extension (``.pdf``, ``.xlsx`` or ``.docx``). Each
is written next to its final name and renamed into place, so a failure (disk full, a
cancelled run) never leaves half a file where the old one was.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.office import require_office
from desktop.core.periods import Period
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.text import file_words
from desktop.reports.model import Report
from desktop.reports.pdf import write_pdf
from desktop.reports.registry import ReportContext, ReportRequest, ReportSpec, check_request
from desktop.reports.word import write_docx
from desktop.reports.workbook import write_workbook

M_FORMAT = QT_TRANSLATE_NOOP(
    "Reports",
    "Save the report as a .pdf, .xlsx or .docx file (the format follows the extension): {name}",
)
M_CANNOT_WRITE = QT_TRANSLATE_NOOP("Reports", "Cannot write {path}: {reason}")


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
    """Read the figures (one read transaction, so every table sees the same data) and lay
    them out as a report."""
    with database.reading() as session:
        office = require_office(session)
        checked = check_request(session, spec, office, request)
        return spec.build(ReportContext(session, office, checked, progress))


def save_report(report: Report, path: Path, progress: Progress = NO_PROGRESS) -> Path:
    fmt = output_format(path)
    try:
        if fmt is OutputFormat.PDF:
            return write_pdf(report, path, progress)
        if fmt is OutputFormat.DOCX:
            return write_docx(report, path, progress)
        return write_workbook(report, path, progress)
    except OSError as error:
        raise UserError(M_CANNOT_WRITE, path=str(path), reason=error.strerror or error) from error


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
