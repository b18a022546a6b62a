"""The board of the 103 communes: last file, gaps, last import, conflicts, refusals, key."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.formatting import format_datetime, format_stored_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.reports.xlsx_table import CellKind
from desktop.sync import keys
from desktop.sync.board import CommuneStatus, board
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm, show_error
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table

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
]


def needs_attention(status: CommuneStatus) -> bool:
    return not status.files or bool(status.missing or status.conflicts or status.refused_since)


class BoardTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a commune (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        self.attention = QCheckBox(self.tr("Only communes that need attention"))
        self.forget_button = QPushButton(self.tr("Forget the commune's key…"))
        self.forget_button.setToolTip(
            self.tr(
                "When a commune reinstalled TDCS without a backup: after confirming its new "
                "fingerprint by phone, forget the old key so its next file is accepted."
            )
        )
        bar.addWidget(self.search, 1)
        bar.addWidget(self.attention)
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
        self.search.textChanged.connect(self.model.set_query)
        self.attention.toggled.connect(
            lambda on: self.model.set_filter("attention", needs_attention if on else None)
        )
        self.forget_button.clicked.connect(self.forget_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        with self.context.database.reading() as session:
            rows = board(session)
        self.model.set_rows(rows)
        received = sum(1 for s in rows if s.files)
        gaps = sum(1 for s in rows if s.missing)
        conflicts = sum(s.conflicts for s in rows)
        refused = sum(1 for s in rows if s.refused_since)
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
        )
        self._update_buttons()

    def selected(self) -> CommuneStatus | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        status = self.selected()
        self.forget_button.setEnabled(status is not None and status.key_fingerprint is not None)

    def forget_selected(self) -> None:
        status = self.selected()
        if status is None or status.key_fingerprint is None:
            return
        question = self.tr(
            "Forget the key of {commune} (fingerprint {fingerprint})? Its next file will be "
            "trusted with whatever key signed it, so do this only after confirming the new "
            "fingerprint with the commune by phone."
        ).format(commune=status.commune.label, fingerprint=status.key_fingerprint)
        if not confirm(self, question):
            return
        try:
            with self.context.database.transaction() as session:
                keys.forget_commune_key(session, status.code)
        except UserError as error:
            show_error(self, error)
        self.reload()
