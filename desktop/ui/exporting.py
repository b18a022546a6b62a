"""Writing a file the person asked for — any table on screen to .xlsx, a report, a copy: where
to save it (a file dialog), the writing off the GUI thread, then what became of it: the path
with a button that opens the file, or a clear message when it cannot be written (open in
Excel, no permission). Every list, statement, indicator table and history exports through
:func:`export_model`; other writers use :func:`save_file_as` and :func:`show_saved`."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.userfiles import cannot_write
from desktop.ui.background import run_in_background
from desktop.ui.dialogs import show_error
from desktop.ui.table_model import RowTableModel

M_EXPORTED = QT_TRANSLATE_NOOP("Export", "Exported to {path}")
M_WRITING = QT_TRANSLATE_NOOP("Export", "Writing the Excel file…")
M_OPEN_FILE = QT_TRANSLATE_NOOP("Export", "Open the file")
M_OPEN_FOLDER = QT_TRANSLATE_NOOP("Export", "Open the folder")
EXCEL_FILTER = "Excel (*.xlsx)"


def safe_file_name(title: str) -> str:
    """``title`` without the characters Excel refuses in sheet names and Windows in file names
    (``Quý III/2025`` → ``Quý III-2025``)."""
    return re.sub(r'[\[\]:*?/\\<>|"]', "-", title).strip() or "TDCS"


def export_failure(error: BaseException, path: Path) -> UserError | str:
    """What to tell the person when writing the file failed (the system's reason in
    words: "the file is open in another program" when Excel holds it)."""
    if isinstance(error, UserError):
        return error
    if isinstance(error, OSError):
        return cannot_write(path, error)
    return str(error)


def save_file_as(
    parent: QWidget, title: str, default: Path, file_filter: str = EXCEL_FILTER
) -> Path | None:
    """Ask where to save (``default`` proposed); ``None`` when the person cancels. The
    extension of ``default`` is added when the typed name lacks it."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(default), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if default.suffix and path.suffix.lower() != default.suffix.lower():
        path = path.with_name(path.name + default.suffix)
    return path


def show_saved(parent: QWidget | None, text: str, path: Path) -> None:
    """Say that ``path`` was written, with buttons that open the file or its folder."""
    box = QMessageBox(QMessageBox.Icon.Information, "TDCS", text, QMessageBox.StandardButton.Ok)
    box.setParent(parent, box.windowFlags())
    open_file = box.addButton(tr(M_OPEN_FILE), QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton(tr(M_OPEN_FOLDER), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def write_in_background(
    parent: QWidget,
    target: Path,
    write: Callable[[Path], Any],
    *,
    label: str,
    done_text: str,
) -> None:
    """Run ``write(target)`` off the GUI thread, then :func:`show_saved` or the error."""
    run_in_background(
        lambda _progress: write(target),
        on_done=lambda _result: show_saved(parent, done_text.format(path=target), target),
        on_error=lambda error: show_error(parent, export_failure(error, target)),
        parent=parent,
        label=label,
    )


def export_to_excel(
    parent: QWidget, title: str, folder: Path, write: Callable[[Path, str], Any]
) -> None:
    """Ask where to save the workbook named after ``title``, then ``write(path, sheet)``."""
    safe = safe_file_name(title)
    target = save_file_as(parent, title, folder / f"{safe}.xlsx")
    if target is None:
        return
    write_in_background(
        parent,
        target,
        lambda path: write(path, safe),
        label=tr(M_WRITING),
        done_text=tr(M_EXPORTED),
    )


def export_model(
    parent: QWidget, model: RowTableModel[Any], title: str, folder: Path, office_name: str = ""
) -> None:
    """Write the rows of ``model`` as shown (searched, filtered, in their order)."""
    heading = f"{title} — {office_name}" if office_name else title
    export_to_excel(
        parent, title, folder, lambda path, sheet: model.export_xlsx(path, sheet, heading=heading)
    )
