"""Đồng bộ at the city: receive files, the board of the 103 communes, conflicts, the
consolidated records and the import ledger, with the city key to hand out; and the bulletins
that carry the city's targets, notices and closed periods down to the communes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.sync import keys
from desktop.ui.context import AppContext
from desktop.ui.data_changes import watch
from desktop.ui.dialogs import show_error, show_info
from desktop.ui.sync.board_tab import BoardTab
from desktop.ui.sync.bulletins_tab import BulletinsTab
from desktop.ui.sync.conflicts_tab import ConflictsTab
from desktop.ui.sync.import_tab import ImportTab
from desktop.ui.sync.ledger_tab import LedgerTab
from desktop.ui.sync.receipts_tab import ReceiptsTab
from desktop.ui.sync.records_tab import RecordsTab
from desktop.ui.sync.widgets import FingerprintLabel
from desktop.ui.views import page_title


class CitySyncPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Files from the communes")))
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("City key fingerprint:")))
        self.fingerprint = FingerprintLabel()
        header.addWidget(self.fingerprint)
        self.key_button = QPushButton(self.tr("Export the city key…"))
        self.key_button.setToolTip(
            self.tr("The small file every commune imports once, so it can encrypt for the city.")
        )
        header.addWidget(self.key_button)
        header.addStretch(1)
        layout.addLayout(header)
        self.tabs = QTabWidget()
        self.import_tab = ImportTab(context)
        self.receipts_tab = ReceiptsTab(context)
        self.board_tab = BoardTab(context)
        self.conflicts_tab = ConflictsTab(context)
        self.records_tab = RecordsTab(context)
        self.ledger_tab = LedgerTab(context)
        self.bulletins_tab = BulletinsTab(context)
        self.tabs.addTab(self.import_tab, self.tr("Receive files"))
        self.tabs.addTab(self.receipts_tab, "")
        self.tabs.addTab(self.board_tab, self.tr("Communes board"))
        self.tabs.addTab(self.conflicts_tab, "")
        self.tabs.addTab(self.records_tab, self.tr("Records of all communes"))
        self.tabs.addTab(self.ledger_tab, self.tr("Files received"))
        self.tabs.addTab(self.bulletins_tab, self.tr("Bulletins to the communes"))
        layout.addWidget(self.tabs, 1)
        self.import_tab.received.connect(self.refresh)
        self.board_tab.key_confirmed.connect(self.import_tab.recheck_waiting)
        self.conflicts_tab.changed.connect(self.refresh)
        self.receipts_tab.changed.connect(self._title_tabs)
        self.ledger_tab.receipt_written.connect(self.refresh)
        self.key_button.clicked.connect(lambda: self.export_key())
        with context.database.transaction() as session:
            self.fingerprint.setText(keys.own_city_key(session).fingerprint)
        # Files imported, conflicts decided, anything written shows on the tabs.
        watch(self, context.changes, ("imports",), self.refresh)
        self._title_tabs()

    def _title_tabs(self) -> None:
        """Tab titles that count what waits: conflicts, receipts to send."""
        for tab, title, count in (
            (self.conflicts_tab, self.tr("Conflicts"), self.conflicts_tab.waiting),
            (self.receipts_tab, self.tr("Receipts to send"), self.receipts_tab.model.rowCount()),
        ):
            self.tabs.setTabText(self.tabs.indexOf(tab), f"{title} ({count})" if count else title)

    def refresh(self) -> None:
        """After an import or a decision: everything that shows the city's data."""
        self.receipts_tab.reload()
        self.board_tab.reload()
        self.conflicts_tab.reload()
        self.ledger_tab.reload()
        if self.records_tab.view_data is not None:
            self.records_tab.reload()
        self._title_tabs()

    def export_key(self, target: Path | None = None) -> None:
        if target is None:
            default = str(Path.home() / "KhoaThanhPho_CanTho.tdcskey")
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the city key"), default, self.tr("City key (*.tdcskey)")
            )
            if not chosen:
                return
            target = Path(chosen)
        try:
            with self.context.database.transaction() as session:
                path = keys.export_city_key(session, target)
        except (UserError, OSError) as error:
            show_error(self, error if isinstance(error, UserError) else str(error))
            return
        show_info(
            self,
            self.tr(
                "City key file written:\n{path}\n\nSend it to the communes. When a commune "
                "imports it, it sees the fingerprint {fingerprint}; confirm it by phone."
            ).format(path=path, fingerprint=self.fingerprint.text()),
        )
