"""Export of a table that is not a list page (statements, indicators, task overviews) to
.xlsx, the way the list pages do it: a file dialog, then the writing off the GUI thread."""

from __future__ import annotations

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


def export_model(
    parent: QWidget,
    model: RowTableModel[Any],
    title: str,
    context: AppContext,
    target: Path | None = None,
) -> None:
    """Write the rows of ``model`` as shown to ``target`` (asked for when ``None``)."""
    if target is None:
        default = str(context.paths.reports / f"{title}.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(parent, title, default, "Excel (*.xlsx)")
        if not chosen:
            return
        target = Path(chosen if chosen.endswith(".xlsx") else chosen + ".xlsx")
    heading = f"{title} — {context.office.office_name}"
    destination = target
    run_in_background(
        lambda _progress: model.export_xlsx(destination, title, heading=heading),
        on_done=lambda path: show_info(parent, tr(M_EXPORTED, path=path)),
        on_error=lambda error: show_error(
            parent, error if isinstance(error, UserError) else str(error)
        ),
        parent=parent,
        label=tr(M_WRITING),
    )
