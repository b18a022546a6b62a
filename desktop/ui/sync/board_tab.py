"""The board of the 103 communes: last file, gaps, last import, conflicts, refusals, key,
the city's bulletin each has applied — and the communes whose files wait for their key to
be confirmed by phone; under it, every change the communes made after the city closed a
period."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.closed_periods import LateCorrectionRow
from desktop.core.errors import UserError
from desktop.core.formatting import format_date, format_datetime, format_stored_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.labels import label
from desktop.core.record_labels import record_type_label
from desktop.reports.xlsx_table import CellKind
from desktop.sync import keys
from desktop.sync.board import CommuneStatus, read_board
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm, show_error
from desktop.ui.sync.key_dialog import confirm_commune_key
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table, selection_kept

BOARD_COLUMNS = [
    Column[CommuneStatus](QT_TRANSLATE_NOOP("BoardTab", "Code"), lambda s: s.code),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "Commune / ward"), lambda s: s.commune.label
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "Last file"), lambda s: s.last_seq, CellKind.NUMBER
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "Made on"),
        lambda s: s.last_file_made,
        display=format_stored_date,
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "Last import"),
        lambda s: s.last_import,
        display=format_datetime,
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "State of the files"), lambda s: s.files_text()
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "Conflicts waiting"),
        lambda s: s.conflicts or None,
        CellKind.NUMBER,
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "Refused since"),
        lambda s: s.refused_since or None,
        CellKind.NUMBER,
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "Files"), lambda s: s.files, CellKind.NUMBER
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "Key fingerprint"), lambda s: s.key_fingerprint or ""
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "City bulletin applied"), lambda s: s.bulletin_text()
    ),
    Column[CommuneStatus](
        QT_TRANSLATE_NOOP("BoardTab", "Changes after closing"),
        lambda s: s.late_corrections or None,
        CellKind.NUMBER,
    ),
]


LATE_COLUMNS = [
    Column[LateCorrectionRow](
        QT_TRANSLATE_NOOP("BoardTab", "Commune / ward"), lambda r: r.commune_name
    ),
    Column[LateCorrectionRow](
        QT_TRANSLATE_NOOP("BoardTab", "Record"),
        lambda r: f"{record_type_label(r.record_kind)}: {r.record_name}",
    ),
    Column[LateCorrectionRow](QT_TRANSLATE_NOOP("BoardTab", "Change"), lambda r: label(r.action)),
    Column[LateCorrectionRow](
        QT_TRANSLATE_NOOP("BoardTab", "Closed period"), lambda r: r.period.label()
    ),
    Column[LateCorrectionRow](
        QT_TRANSLATE_NOOP("BoardTab", "Closed on"), lambda r: r.closed_on, display=format_date
    ),
    Column[LateCorrectionRow](
        QT_TRANSLATE_NOOP("BoardTab", "Changed"), lambda r: r.made_at, display=format_datetime
    ),
]


def needs_attention(status: CommuneStatus) -> bool:
    return not status.files or bool(
        status.missing or status.conflicts or status.refused_since or status.waiting
    )


class BoardTab(QWidget):
    """Emits ``key_confirmed`` when a commune's key was enrolled here."""

    key_confirmed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a commune (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        self.attention = QCheckBox(self.tr("Only communes that need attention"))
        self.key_button = QPushButton(self.tr("Confirm the key…"))
        self.key_button.setToolTip(
            self.tr(
                "For a commune whose files wait for its key: call the commune and type the "
                "fingerprint it reads out."
            )
        )
        self.forget_button = QPushButton(self.tr("Forget the commune's key…"))
        self.forget_button.setToolTip(
            self.tr(
                "When a commune reinstalled TDCS without a backup: the commune starts afresh "
                "under a new key, which is confirmed by phone like the first one."
            )
        )
        bar.addWidget(self.search, 1)
        bar.addWidget(self.attention)
        bar.addWidget(self.key_button)
        bar.addWidget(self.forget_button)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model: RowTableModel[CommuneStatus] = RowTableModel(BOARD_COLUMNS, parent=self)
        self.view = make_table(self.model)
        for column, width in enumerate((52, 165, 90, 85, 120, 240, 90, 95, 55)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        late = QGroupBox(self.tr("Changes the communes made after the city closed a period"))
        late_layout = QVBoxLayout(late)
        self.late: RowTableModel[LateCorrectionRow] = RowTableModel(LATE_COLUMNS, parent=self)
        self.late_view = make_table(self.late)
        self.late_view.setMaximumHeight(150)
        late_layout.addWidget(self.late_view)
        layout.addWidget(late)
        self.search.textChanged.connect(self.model.set_query)
        self.attention.toggled.connect(
            lambda on: self.model.set_filter("attention", needs_attention if on else None)
        )
        self.forget_button.clicked.connect(self.forget_selected)
        self.key_button.clicked.connect(self.confirm_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        read = read_board(self.context.database)
        rows = read.communes
        self.late.set_rows(read.late_corrections)
        with selection_kept(self.view, lambda status: status.code):
            self.model.set_rows(rows)
        received = sum(1 for s in rows if s.files)
        gaps = sum(1 for s in rows if s.missing)
        conflicts = sum(s.conflicts for s in rows)
        refused = sum(1 for s in rows if s.refused_since)
        waiting = sum(1 for s in rows if s.waiting)
        self.summary.setText(
            self.tr(
                "Files received from {received} of {total} communes and wards ({none} have "
                "sent no file yet); {gaps} with files missing; {refused} with files refused "
                "since their last import; {conflicts} conflicts waiting for a decision."
            ).format(
                received=received,
                total=len(rows),
                none=len(rows) - received,
                gaps=gaps,
                refused=refused,
                conflicts=conflicts,
            )
            + (
                " "
                + self.tr(
                    "{count} communes wait for their key to be confirmed by phone (“Confirm "
                    "the key…”)."
                ).format(count=waiting)
                if waiting
                else ""
            )
        )
        self._update_buttons()

    def selected(self) -> CommuneStatus | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        status = self.selected()
        self.forget_button.setEnabled(status is not None and status.key_fingerprint is not None)
        self.key_button.setEnabled(status is not None and bool(status.waiting))

    def confirm_selected(self) -> None:
        status = self.selected()
        if status is None or not status.waiting:
            return
        database = self.context.database
        if confirm_commune_key(self, database, status.code, status.commune.label):
            self.reload()
            self.key_confirmed.emit()

    def forget_selected(self) -> None:
        status = self.selected()
        if status is None or status.key_fingerprint is None:
            return
        question = self.tr(
            "Forget the key of {commune} (fingerprint {fingerprint})? Do it only when the "
            "commune says by phone that it reinstalled TDCS without a backup. The commune then "
            "starts afresh: its next file waits until its new key is confirmed, its file "
            "numbers may begin again at 1, and its next complete file replaces what the city "
            "holds for it (the old records stay in the history)."
        ).format(commune=status.commune.label, fingerprint=status.key_fingerprint)
        if not confirm(self, question):
            return
        try:
            with self.context.database.transaction() as session:
                keys.forget_commune_key(session, status.code)
        except UserError as error:
            show_error(self, error)
        self.reload()
