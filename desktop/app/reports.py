"""Writing a report as PDF, Excel or Word: the Báo cáo page's Save buttons and
``tdcs report``.

The figures are read in one transaction and laid out (:func:`desktop.reports.service.make_report`),
then written in the format the file name's extension asks for, atomically
(:func:`desktop.reports.service.save_report`).
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.database import Database
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.reports.registry import ReportRequest, ReportSpec
from desktop.reports.service import make_report, output_format, save_report


def write_report(
    database: Database,
    spec: ReportSpec,
    request: ReportRequest,
    path: Path,
    *,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Make the report ``spec`` for ``request`` and write it to ``path`` (``.pdf``, ``.xlsx``
    or ``.docx``); the path written. A wrong extension is refused before any work."""
    output_format(path)
    return save_report(make_report(database, spec, request, progress), path, progress)
