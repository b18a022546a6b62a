"""Receiving files at the city: drop many files, see what each would change (the dry run),
take out any the person does not want now, then import the ones that are ready, each all or
nothing, and write their receipts. A refused file is written in the ledger (Sổ nhận tệp) as
soon as it is received; a file that follows one that has not arrived is marked in the list.
A file signed by a key not yet enrolled for its commune waits: the person calls the
commune, types the fingerprint it reads out (Xác nhận khóa của xã…), and the commune's
waiting files are checked again."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.app.sync import check_sync_files, import_sync_files
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.progress import Progress
from desktop.reports.xlsx_table import CellKind
from desktop.sync.importer import FileReport, Status
from desktop.sync.ledger import Gaps, gaps_without, missing_text, ranges
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error, show_info
from desktop.ui.sync.key_dialog import confirm_commune_key
from desktop.ui.sync.widgets import DropZone, open_folder
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table

STATUS_TEXT: dict[Status, Msg] = {
    Status.READY: QT_TRANSLATE_NOOP("ImportTab", "Ready to import"),
    Status.APPLIED: QT_TRANSLATE_NOOP("ImportTab", "Imported"),
    Status.ALREADY: QT_TRANSLATE_NOOP("ImportTab", "Imported before"),
    Status.REFUSED: QT_TRANSLATE_NOOP("ImportTab", "Refused"),
    Status.WAITING: QT_TRANSLATE_NOOP("ImportTab", "Waiting for the key"),
}
M_FULL = QT_TRANSLATE_NOOP("ImportTab", "full copy")
M_CHANGES = QT_TRANSLATE_NOOP("ImportTab", "changes")


@dataclass(frozen=True)
class FileRow:
    path: Path
    report: FileReport
    receipt: Path | None = None
    #: Numbers before this file's that neither the city nor this batch has.
    missing: Gaps = ()

    def count(self, category: str) -> int | None:
        summary = self.report.summary
        return summary.total(category) if summary is not None else None

    def missing_text(self) -> str:
        return ranges(self.missing) if self.missing else ""


def with_gaps(rows: list[FileRow]) -> list[FileRow]:
    """Each file's missing predecessors, leaving out those that are in the batch too
    (file 6 dropped with file 7 is not missing for file 7)."""
    coming: dict[str, set[int]] = {}
    for row in rows:
        report = row.report
        if report.ok and report.seq is not None:
            coming.setdefault(report.commune_code, set()).add(report.seq)
    result = []
    for row in rows:
        batch = coming.get(row.report.commune_code, set())
        missing = gaps_without(row.report.missing_before, batch)
        result.append(row if missing == row.missing else replace(row, missing=missing))
    return result


def _kind(row: FileRow) -> str:
    manifest = row.report.manifest
    if manifest is None:
        return ""
    return tr(M_FULL if manifest.full_snapshot else M_CHANGES)


def _count_column(title: Msg, category: str) -> Column[FileRow]:
    return Column[FileRow](title, lambda r: r.count(category), CellKind.NUMBER, searchable=False)


FILE_COLUMNS = [
    Column[FileRow](QT_TRANSLATE_NOOP("ImportTab", "File"), lambda r: r.path.name),
    Column[FileRow](QT_TRANSLATE_NOOP("ImportTab", "Commune"), lambda r: r.report.commune_label),
    Column[FileRow](
        QT_TRANSLATE_NOOP("ImportTab", "No."),
        lambda r: r.report.seq,
        CellKind.NUMBER,
    ),
    Column[FileRow](
        QT_TRANSLATE_NOOP("ImportTab", "Missing before it"), lambda r: r.missing_text()
    ),
    Column[FileRow](
        QT_TRANSLATE_NOOP("ImportTab", "Result"), lambda r: tr(STATUS_TEXT[r.report.status])
    ),
    Column[FileRow](QT_TRANSLATE_NOOP("ImportTab", "Kind"), _kind),
    _count_column(QT_TRANSLATE_NOOP("ImportTab", "New"), "new"),
    _count_column(QT_TRANSLATE_NOOP("ImportTab", "Changed"), "changed"),
    _count_column(QT_TRANSLATE_NOOP("ImportTab", "Deleted"), "deleted"),
    _count_column(QT_TRANSLATE_NOOP("ImportTab", "Unchanged"), "unchanged"),
    _count_column(QT_TRANSLATE_NOOP("ImportTab", "Conflicts"), "conflicts"),
    _count_column(QT_TRANSLATE_NOOP("ImportTab", "Rejected"), "rejected"),
]


def check_files(database: Database, paths: list[Path], progress: Progress) -> list[FileRow]:
    """The dry run of each file: nothing is written but the ledger line of a refused one."""
    checked = check_sync_files(database, paths, record_refusals=True, progress=progress)
    return [FileRow(f.path, f.report) for f in checked]


def recheck(database: Database, rows: list[FileRow], progress: Progress) -> list[FileRow]:
    """The rows again, the waiting ones checked anew (their commune's key was confirmed)."""
    waiting = [r.path for r in rows if r.report.status is Status.WAITING]
    fresh = {r.path: r for r in check_files(database, waiting, progress)}
    return [fresh.get(r.path, r) if r.report.status is Status.WAITING else r for r in rows]


def import_ready(
    database: Database,
    rows: list[FileRow],
    receipts: Path,
    progress: Progress,
) -> list[FileRow]:
    """Import each file that was ready, one transaction each, and write its receipt."""
    ready = [row.path for row in rows if row.report.status is Status.READY]
    imported = iter(import_sync_files(database, ready, receipts=receipts, progress=progress))

    def after(row: FileRow) -> FileRow:
        if row.report.status is not Status.READY:
            return row
        done = next(imported)
        return FileRow(done.path, done.report, done.receipt)

    return [after(row) for row in rows]


def details(row: FileRow) -> str:
    """What the clerk reads about one file: the outcome, then notes and problems."""
    report = row.report
    lines = [f"{row.path.name} — {tr(STATUS_TEXT[report.status])}"]
    if report.manifest is not None:
        lines.append(
            tr(QT_TRANSLATE_NOOP("ImportTab", "{commune}, file {seq}, made {date}.")).format(
                commune=report.commune_label,
                seq=report.manifest.seq,
                date=format_datetime(report.manifest.created),
            )
        )
    if report.new_key_fingerprint:
        lines.append(
            tr(QT_TRANSLATE_NOOP("ImportTab", "Key fingerprint to confirm: {fingerprint}")).format(
                fingerprint=report.new_key_fingerprint
            )
        )
    if report.message:
        lines.append(report.message)
    if row.missing:
        lines.append(
            tr(
                QT_TRANSLATE_NOOP(
                    "ImportTab",
                    "Files {seqs} from this commune, which come before this one, have not "
                    "arrived: ask the commune to send them.",
                )
            ).format(seqs=ranges(row.missing))
        )
    gaps = missing_text(report.missing_before, report.commune_name)
    lines.extend(note for note in report.notes if note != gaps)
    if report.problems and report.status is not Status.REFUSED:
        lines.extend(f"• {p}" for p in report.problems)
    if row.receipt is not None:
        lines.append(
            tr(QT_TRANSLATE_NOOP("ImportTab", "Receipt to send back: {path}")).format(
                path=row.receipt
            )
        )
    return "\n".join(lines)


class ImportTab(QWidget):
    """Emits ``received`` after files were imported or refused (the ledger, the board and
    the other tabs changed)."""

    received = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.drop = DropZone(
            self.tr("Drop the .tdcs files received from communes here (many at once, or a folder)"),
            self.tr("Choose files…"),
        )
        self.drop.files_dropped.connect(self.add_files)
        self.drop.choose_clicked.connect(self.choose_files)
        layout.addWidget(self.drop)
        self.model: RowTableModel[FileRow] = RowTableModel(FILE_COLUMNS, parent=self)
        self.view = make_table(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for column, width in enumerate((240, 140, 40, 110, 120, 90)):
            self.view.setColumnWidth(column, width)
        for column in range(6, 12):
            self.view.setColumnWidth(column, 64)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select a file to see the details."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Take out of the list"))
        self.remove_button.setToolTip(
            self.tr(
                "The selected files are not imported now; the files themselves stay where "
                "they are and can be added again."
            )
        )
        self.key_button = QPushButton(self.tr("Confirm the commune's key…"))
        self.key_button.setToolTip(
            self.tr(
                "For a file waiting for its commune's key: call the commune and type the "
                "fingerprint it reads out; its files are then checked again."
            )
        )
        self.import_button = QPushButton(self.tr("Import the files that are ready"))
        self.import_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("Clear the list"))
        self.receipts_button = QPushButton(self.tr("Open the receipts folder"))
        row.addWidget(self.remove_button)
        row.addWidget(self.key_button)
        row.addStretch(1)
        for button in (self.import_button, self.clear_button, self.receipts_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.key_button.clicked.connect(self.confirm_key)
        self.import_button.clicked.connect(self.import_files)
        self.clear_button.clicked.connect(lambda: self.set_rows([]))
        self.receipts_button.clicked.connect(lambda: open_folder(self.context.paths.exports))
        self.view.selectionModel().selectionChanged.connect(self._show_details)
        self.set_rows([])

    def rows(self) -> list[FileRow]:
        return self.model.all_rows()

    def set_rows(self, rows: list[FileRow]) -> None:
        rows = with_gaps(rows)
        self.model.set_rows(rows)
        counts = dict.fromkeys(Status, 0)
        for row in rows:
            counts[row.report.status] += 1
        self.import_button.setEnabled(counts[Status.READY] > 0)
        self.clear_button.setEnabled(bool(rows))
        text = ""
        if rows:
            text = self.tr(
                "{files} files: {ready} ready to import, {applied} imported, {already} imported "
                "before, {refused} refused."
            ).format(
                files=len(rows),
                ready=counts[Status.READY],
                applied=counts[Status.APPLIED],
                already=counts[Status.ALREADY],
                refused=counts[Status.REFUSED],
            )
            if counts[Status.WAITING]:
                text += " " + self.tr(
                    "{count} wait until their commune's key is confirmed (select one, then "
                    "“Confirm the commune's key…”)."
                ).format(count=counts[Status.WAITING])
            gaps = sum(1 for r in rows if r.missing and r.report.status is Status.READY)
            if gaps:
                text += " " + self.tr(
                    "{count} of them follow files that have not arrived (column “Missing "
                    "before it”): they can be imported, but ask the communes for the missing "
                    "files."
                ).format(count=gaps)
        self.summary.setText(text)
        self.details.clear()
        self._update_remove()

    def _selected_rows(self) -> list[FileRow]:
        return [self.model.row_at(i.row()) for i in self.view.selectionModel().selectedRows()]

    def _update_remove(self) -> None:
        selected = self._selected_rows()
        self.remove_button.setEnabled(bool(selected))
        self.key_button.setEnabled(
            len(selected) == 1 and selected[0].report.status is Status.WAITING
        )

    def _show_details(self) -> None:
        self._update_remove()
        selected = self._selected_rows()
        if selected:
            self.details.setPlainText(details(selected[0]))
        else:
            self.details.clear()

    def remove_selected(self) -> None:
        """Take the selected files out of this batch (nothing happens to the files)."""
        gone = {id(row) for row in self._selected_rows()}
        if gone:
            self.set_rows([r for r in self.rows() if id(r) not in gone])

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose sync files"),
            str(Path.home()),
            self.tr("TDCS sync files (*.tdcs);;All files (*)"),
        )
        if chosen:
            self.add_files([Path(p) for p in chosen])

    def add_files(self, paths: list[Path]) -> None:
        known = {r.path.resolve() for r in self.rows()}
        fresh = sorted({p for p in paths if p.resolve() not in known}, key=lambda p: p.name)
        if not fresh:
            return
        database = self.context.database
        run_in_background(
            lambda progress: check_files(database, fresh, progress),
            on_done=self._checked,
            on_error=self._failed,
            parent=self,
            label=self.tr("Checking the files…"),
        )

    def _checked(self, checked: list[FileRow]) -> None:
        self.set_rows(sorted([*self.rows(), *checked], key=lambda r: r.path.name))
        if any(r.report.status in (Status.REFUSED, Status.WAITING) for r in checked):
            self.received.emit()  # refused and waiting files are in the ledger

    def confirm_key(self) -> None:
        """The selected file waits for its commune's key: ask for the fingerprint read out
        by phone, enrol the key, and check the commune's waiting files again."""
        selected = self._selected_rows()
        if len(selected) != 1 or selected[0].report.status is not Status.WAITING:
            return
        report = selected[0].report
        database = self.context.database
        if confirm_commune_key(self, database, report.commune_code, report.commune_label):
            self.recheck_waiting()

    def recheck_waiting(self) -> None:
        """Check the waiting files again (a key was confirmed elsewhere, on the board)."""
        rows = self.rows()
        if not any(r.report.status is Status.WAITING for r in rows):
            return
        database = self.context.database
        run_in_background(
            lambda progress: recheck(database, rows, progress),
            on_done=self._checked_again,
            on_error=self._failed,
            parent=self,
            label=self.tr("Checking the files…"),
        )

    def _checked_again(self, rows: list[FileRow]) -> None:
        self.set_rows(rows)
        self.received.emit()

    def import_files(self) -> None:
        rows = self.rows()
        ready = [r for r in rows if r.report.status is Status.READY]
        if not ready:
            return
        database = self.context.database
        receipts = self.context.paths.exports
        self.import_button.setEnabled(False)
        run_in_background(
            lambda progress: import_ready(database, rows, receipts, progress),
            on_done=self._imported,
            on_error=self._failed,
            parent=self,
            label=self.tr("Importing the files…"),
        )

    def _imported(self, rows: list[FileRow]) -> None:
        self.set_rows(rows)
        applied = sum(1 for r in rows if r.report.status is Status.APPLIED)
        self.received.emit()
        if applied:
            show_info(
                self,
                self.tr(
                    "{count} files imported. Their receipts are in {folder}; send each "
                    "commune its receipt (the tab “Receipts to send” lists them)."
                ).format(count=applied, folder=self.context.paths.exports),
            )

    def _failed(self, error: BaseException) -> None:
        self.set_rows(self.rows())
        show_error(self, error if isinstance(error, UserError) else str(error))
