"""Exporting any table on screen to .xlsx: a file dialog, then the writing off the GUI thread,
and a clear message when the file cannot be written (open in Excel, no permission). List
pages, statements, indicators and histories all export through here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error, show_info
from desktop.ui.table_model import RowTableModel

M_EXPORTED = QT_TRANSLATE_NOOP("Export", "Exported to {path}")
M_WRITING = QT_TRANSLATE_NOOP("Export", "Writing the Excel file…")
M_CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "Export",
    "Could not write {path}. If the file is open in Excel, close it and export again; "
    "otherwise choose another folder.",
)


def export_failure(error: BaseException, path: Path) -> UserError | str:
    """What to tell the person when writing the workbook failed."""
    if isinstance(error, UserError):
        return error
    if isinstance(error, OSError):
        return tr(M_CANNOT_WRITE, path=path)
    return str(error)


def export_model(
    parent: QWidget,
    model: RowTableModel[Any],
    title: str,
    context: AppContext,
    target: Path | None = None,
) -> None:
    """Write the rows of ``model`` as shown to ``target`` (asked for when ``None``)."""
    # Excel refuses sheet names with / \ ? * [ ] : ("Quý III/2025"), and a file name must
    # not hold them either; the heading inside the sheet keeps the title as it is.
    safe = re.sub(r"[\[\]:*?/\\]", "-", title)
    if target is None:
        default = str(context.paths.reports / f"{safe}.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(parent, title, default, "Excel (*.xlsx)")
        if not chosen:
            return
        target = Path(chosen if chosen.endswith(".xlsx") else chosen + ".xlsx")
    heading = f"{title} — {context.office.office_name}"
    destination = target
    run_in_background(
        lambda _progress: model.export_xlsx(destination, safe, heading=heading),
        on_done=lambda path: show_info(parent, tr(M_EXPORTED, path=path)),
        on_error=lambda error: show_error(parent, export_failure(error, destination)),
        parent=parent,
        label=tr(M_WRITING),
    )
