"""Đồng bộ at a commune, "Bulletins from the city": apply a bulletin the city sent (checked
first, like a sync file: what it would change is shown and nothing changes until the clerk
agrees), the city's notices until someone marks them read, and the bulletins applied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.formatting import format_date, format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.notices import NoticeRow, acknowledge_notice, list_notices
from desktop.sync.bulletin_apply import (
    BulletinReport,
    Change,
    Status,
    import_bulletin,
    list_applied,
)
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm, show_error, show_info
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import fit_columns, make_table

#: The changes listed in the question before applying (the rest are counted).
SHOWN_LINES = 25

NOTICE_COLUMNS = [
    Column[NoticeRow](QT_TRANSLATE_NOOP("BulletinBox", "Notice"), lambda r: r.title),
    Column[NoticeRow](
        QT_TRANSLATE_NOOP("BulletinBox", "Act by"), lambda r: r.act_by, display=format_date
    ),
    Column[NoticeRow](QT_TRANSLATE_NOOP("BulletinBox", "Text"), lambda r: r.text),
]
M_FILES = QT_TRANSLATE_NOOP("BulletinBox", "City bulletins (*.tdcsb);;All files (*)")


class BulletinBox(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Bulletins from the city"))
        self.context = context
        layout = QVBoxLayout(self)
        self.applied = QLabel()
        self.applied.setObjectName("bulletinApplied")
        self.applied.setWordWrap(True)
        layout.addWidget(self.applied)
        self.notices: RowTableModel[NoticeRow] = RowTableModel(NOTICE_COLUMNS, parent=self)
        self.view = make_table(self.notices)
        fit_columns(self.view)  # the titles whole ("Thực hiện trước ngày")
        self.view.setMaximumHeight(140)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("Apply a bulletin from the city…"))
        self.read_button = QPushButton(self.tr("Mark the notice as read"))
        row.addWidget(self.apply_button)
        row.addWidget(self.read_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.apply_button.clicked.connect(lambda: self.apply_bulletin())
        self.read_button.clicked.connect(self.mark_read)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        with self.context.database.reading() as session:
            applied = list_applied(session)
            self.notices.set_rows(list_notices(session, open_only=True))
        fit_columns(self.view, only_widen=True)
        if applied:
            last = applied[0]
            text = self.tr("Last bulletin applied: no. {seq}, issued {issued}, applied {date}.")
            text = text.format(
                seq=last.seq,
                issued=format_datetime(last.issued_at),
                date=format_datetime(last.applied_at),
            )
        else:
            text = self.tr("No bulletin from the city applied yet.")
        count = self.notices.rowCount()
        if count:
            text += " " + self.tr("{count} notices not marked as read:").format(count=count)
        self.applied.setText(text)
        self._update_buttons()

    def selected(self) -> NoticeRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.notices.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.read_button.setEnabled(self.selected() is not None)

    def mark_read(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            with self.context.database.transaction() as session:
                acknowledge_notice(session, row.id)
        except UserError as error:
            show_error(self, error)
        self.reload()

    def apply_bulletin(self, path: Path | None = None) -> None:
        """Check the file, say what it would change, and apply it once the clerk agrees."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Apply a bulletin from the city"),
                str(Path.home()),
                tr(M_FILES),
            )
            if not chosen:
                return
            path = Path(chosen)
        database = self.context.database
        checked = import_bulletin(database, path, dry_run=True)
        if checked.status is Status.REFUSED:
            show_error(self, checked.message)
            return
        if checked.status is Status.ALREADY:
            show_info(self, checked.message)
            return
        if not confirm(self, self.question(checked)):
            return
        report = import_bulletin(database, path, dry_run=False)
        self.reload()
        if report.status is not Status.APPLIED:
            show_error(self, report.message)
            return
        show_info(
            self,
            self.tr("Bulletin no. {seq} was applied: {changes} changes.").format(
                seq=report.manifest.seq if report.manifest else "", changes=report.changes
            ),
        )

    def question(self, report: BulletinReport) -> str:
        manifest = report.manifest
        assert manifest is not None
        head = self.tr("Bulletin no. {seq} of the city, issued {date}.").format(
            seq=manifest.seq, date=format_datetime(manifest.issued)
        )
        lines = [line.describe() for line in report.lines[:SHOWN_LINES]]
        if len(report.lines) > SHOWN_LINES:
            lines.append(
                self.tr("… and {count} more changes.").format(count=len(report.lines) - SHOWN_LINES)
            )
        if not lines:
            lines.append(self.tr("It changes nothing here."))
        counts = self.tr(
            "{new} new, {changed} changed, {removed} withdrawn, {unchanged} unchanged."
        ).format(
            new=report.counts(Change.NEW),
            changed=report.counts(Change.CHANGED),
            removed=report.counts(Change.REMOVED),
            unchanged=report.counts(Change.UNCHANGED),
        )
        return "\n".join(
            [head, "", *("• " + line for line in lines), "", counts, "", self.tr("Apply it?")]
        )
