"""The list page every kind of record uses: rows read off the GUI thread, search, period
filter, add/edit/delete with undo, change history, and export to .xlsx.

A page declares its columns and four operations (load, open the form, delete, restore);
everything else — loading on the thread pool, the table, accent-insensitive search, Vietnamese
sort, confirmations, undo, the export running off the GUI thread — is here once.

Rows are read and prepared (search texts, widest cells) on the thread pool by
``desktop.ui.background``, and the GUI thread only swaps them into the model, so a city-scale
list (100 000 loans) never freezes the window (docs/performance.md). :meth:`ListPage.load_rows`
therefore runs on a worker thread: it reads the database through the session it is given and
plain attributes of the page (the owner, a date chosen), never a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from desktop.core.dashboard.history import change_history
from desktop.core.data_areas import watched_tables
from desktop.core.errors import UserError
from desktop.core.formatting import format_money, group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.loans.common import commune_names
from desktop.core.owners import Scope
from desktop.core.progress import Progress
from desktop.ui.after_closing import asking_after_closing
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.data_changes import watch
from desktop.ui.dialogs import confirm, show_error
from desktop.ui.exporting import export_model
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.history import HistoryDialog
from desktop.ui.period_filter import PeriodFilter, PeriodValue, year_of
from desktop.ui.screens import keep_on_screen
from desktop.ui.table_model import Column, PreparedRows, RowTableModel, prepare_rows
from desktop.ui.views import fit_columns, make_table, page_title

T = TypeVar("T")

M_LOADING = QT_TRANSLATE_NOOP("ListPage", "Loading…")
M_LOAD_FAILED = QT_TRANSLATE_NOOP("ListPage", "The list could not be loaded: {error}")
M_ALL_COMMUNES = QT_TRANSLATE_NOOP("ListPage", "All communes")
M_COMMUNE = QT_TRANSLATE_NOOP("ListPage", "Commune / ward")


@dataclass(frozen=True)
class _Deleted:
    record_id: str
    description: str
    #: The version the delete left: the undo restores that one, not a later change.
    version: int


class ListPage(QWidget, Generic[T]):
    """Subclasses set ``title``, ``columns``, ``record_types`` and implement
    :meth:`load_rows`, :meth:`open_form`, :meth:`delete_row`, :meth:`restore_row`,
    :meth:`row_id` and :meth:`describe`.

    The rows load on the thread pool: :attr:`loading` is True from :meth:`reload` until they
    are in the model (the status line says "Loading…" meanwhile), and a row asked for with
    :meth:`select_id` while loading is selected when the rows arrive."""

    title: Msg
    columns: Sequence[Column[T]]
    record_types: tuple[str, ...] = ()
    #: Read-only lists (the city's consolidated views) hide add/edit/delete.
    editable: bool = True
    #: False for lists inside a tab, which already names them.
    show_title: bool = True
    #: Offer quarters and halves in the period filter (False for yearly records).
    period_parts: bool = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._deleted: _Deleted | None = None
        #: Which reload the rows on their way belong to: an older load that finishes late
        #: (the period changed, F5 twice) is dropped.
        self._generation = 0
        self._loading = False
        #: The row to select once the rows are in (kept through a reload; a page sets it in
        #: :meth:`open_form` to have the record just added selected).
        self._pending_select: str | None = None
        #: Whether anything was added, changed, deleted or restored here (a dialog's list
        #: tells the page that opened it whether to reload).
        self.changed = False
        self._sized = False
        #: The page, top to bottom: title, the bar, the period filter, the table, the status.
        self.page_layout = layout = QVBoxLayout(self)
        title = page_title(tr(self.title))
        title.setVisible(self.show_title)
        layout.addWidget(title)
        # Search, filters and buttons on one line while they fit, wrapping onto more lines
        # on a narrow window (1024×768 office screens).
        #: Search, filters and buttons.
        self.bar = bar = FlowLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            tr(QT_TRANSLATE_NOOP("ListPage", "Search (accents not needed)"))
        )
        self.search.setClearButtonEnabled(True)
        # Room for the placeholder, and for the six buttons beside it at 1024×768.
        self.search.setMinimumWidth(220)
        bar.addWidget(self.search)
        self.filters = QHBoxLayout()
        bar.addLayout(self.filters)
        bar.addStretch(1)
        self.add_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Add…")))
        self.edit_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Edit…")))
        self.delete_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Delete")))
        self.undo_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Undo delete")))
        self.history_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "History")))
        self.export_button = QPushButton(tr(QT_TRANSLATE_NOOP("ListPage", "Export to Excel…")))
        self.undo_button.setEnabled(False)
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.undo_button,
            self.history_button,
            self.export_button,
        ):
            bar.addWidget(button)
        for button in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            button.setVisible(self.editable)
        layout.addLayout(bar)
        self.period_filter: PeriodFilter | None = None
        if type(self).period_of is not ListPage.period_of:
            # On a line of its own under the buttons, so a page fits a 1280-pixel screen
            # with Vietnamese button texts.
            self.period_filter = PeriodFilter(with_parts=self.period_parts)
            row = QHBoxLayout()
            row.addWidget(self.period_filter)
            row.addStretch(1)
            layout.addLayout(row)
            self.period_filter.changed.connect(self._apply_period)
        self.model: RowTableModel[T] = RowTableModel(self.columns, parent=self)
        self.view = make_table(self.model)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.search.textChanged.connect(self._search)
        self.add_button.clicked.connect(lambda: self._open(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.view.doubleClicked.connect(lambda _i: self._edit_selected())
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.history_button.clicked.connect(self.show_history)
        self.export_button.clicked.connect(self.export)
        self.model.modelReset.connect(self._update_status)
        self.model.loaded.connect(self._rows_loaded)
        #: Reloads the list when its records change anywhere (another tab, an import).
        self.watcher = watch(self, context.changes, self.watched_tables(), self.refresh)
        self.reload()

    def insert_button(self, button: QPushButton) -> None:
        """Put a page's own button on the bar, before History and Export."""
        self.bar.insertWidget(self.bar.count() - 2, button)

    def add_note(self, text: str) -> QLabel:
        """A grey line under the table that says how to read the list."""
        note = QLabel(text)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        self.page_layout.addWidget(note)
        return note

    # -- what a page provides ---------------------------------------------------------------
    def load_rows(self, session: Session) -> list[T]:
        raise NotImplementedError

    def open_form(self, row: T | None) -> bool:
        """Show the add (``None``) or edit form; True when something was saved."""
        raise NotImplementedError

    def delete_row(self, session: Session, row: T) -> int:
        """Delete ``row`` (from the version it was read at); return the version the delete
        left, which :meth:`restore_row` is given back to undo it."""
        raise NotImplementedError

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        raise NotImplementedError

    def row_id(self, row: T) -> str:
        return str(getattr(row, "id"))  # noqa: B009

    def describe(self, row: T) -> str:
        """A few words naming the row in confirmations ("the contribution of …")."""
        return str(row)

    def watched_tables(self) -> frozenset[str]:
        """The tables whose changes this list shows: by default the area of its
        ``record_types`` (``desktop.core.data_areas``)."""
        return watched_tables(self.record_types)

    # -- behaviour --------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the rows again on the thread pool, keeping the search, the filters, the order
        and the selected row."""
        self.watcher.loading()
        if self._pending_select is None and not self._loading:
            # Keep the selected row through the reload (a change elsewhere, F5).
            chosen = self.selected()
            self._pending_select = None if chosen is None else self.row_id(chosen)
        self._generation += 1
        generation = self._generation
        self._loading = True
        self.status.setText(tr(M_LOADING))
        database = self.context.database
        columns = list(self.model.columns)
        load_rows = self.load_rows

        def work(_progress: Progress) -> PreparedRows[T]:
            with database.reading() as session:
                rows = load_rows(session)
            return prepare_rows(columns, rows)

        def done(prepared: PreparedRows[T]) -> None:
            if not isValid(self) or generation != self._generation:
                return
            self._loading = False
            self.model.set_prepared(prepared)
            if self._pending_select is not None:
                record_id, self._pending_select = self._pending_select, None
                self.select_id(record_id)

        def failed(error: BaseException) -> None:
            # On the status line, not in a dialog: a list that could not load (the database
            # closed while it was reading) must not block the window.
            if isValid(self) and generation == self._generation:
                self._loading = False
                text = error.text() if isinstance(error, UserError) else str(error)
                self.status.setText(tr(M_LOAD_FAILED).format(error=text))

        run_in_background(work, on_done=done, on_error=failed, parent=self)

    @property
    def loading(self) -> bool:
        """Whether rows are being read (tests wait for it: ``tests/clerk.py`` ``loaded``)."""
        return self._loading

    def refresh(self) -> None:
        """The records changed elsewhere (or F5): read them again."""
        self.reload()

    def selected(self) -> T | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_id(self, record_id: str) -> None:
        """Select the row of ``record_id`` — once the rows are in, while they load."""
        if self._loading:
            self._pending_select = record_id
            return
        row = self.model.find_row(lambda r: self.row_id(r) == record_id)
        if row >= 0:
            self.view.selectRow(row)

    def _search(self, text: str) -> None:
        self.model.set_query(text)

    def _update_status(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.all_rows())
        text = tr(QT_TRANSLATE_NOOP("ListPage", "{shown} of {total} rows")).format(
            shown=group_thousands(shown), total=group_thousands(total)
        )
        if type(self).amount_of is not ListPage.amount_of:
            amount = sum(self.amount_of(row) or 0 for row in self.model.visible_rows())
            label = tr(QT_TRANSLATE_NOOP("ListPage", "Total of the rows shown: {amount}"))
            text += "   ·   " + label.format(amount=format_money(amount))
        self.status.setText(text)

    def _open(self, row: T | None) -> None:
        if self.editable and self.open_form(row):
            self.changed = True
            self.reload()
            if row is not None:
                self.select_id(self.row_id(row))

    def _edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(row)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None or not self.editable:
            return
        description = self.describe(row)
        question = tr(QT_TRANSLATE_NOOP("ListPage", "Delete {what}? You can undo this."))
        if not confirm(self, question.format(what=description)):
            return

        def delete() -> int:
            with self.context.database.transaction() as session:
                return self.delete_row(session, row)

        try:
            done, version = asking_after_closing(self, delete)
        except UserError as error:
            show_error(self, error)
            return
        if not done or version is None:
            return
        self._deleted = _Deleted(self.row_id(row), description, version)
        self.changed = True
        self.undo_button.setEnabled(True)
        self.reload()

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        deleted = self._deleted

        def restore() -> None:
            with self.context.database.transaction() as session:
                self.restore_row(session, deleted.record_id, deleted.version)

        try:
            done, _ = asking_after_closing(self, restore)
        except UserError as error:
            show_error(self, error)
            return
        if not done:
            return
        record_id = self._deleted.record_id
        self._deleted = None
        self.changed = True
        self.undo_button.setEnabled(False)
        self.reload()
        self.select_id(record_id)

    def show_history(self) -> None:
        """The changes of the selected record, or of every record of this list."""
        row = self.selected()
        with self.context.database.reading() as session:
            rows = change_history(
                session,
                record_types=self.record_types,
                record_id=self.row_id(row) if row is not None else None,
            )
        HistoryDialog(rows, self.context.paths.reports, self).exec()

    def export(self) -> None:
        """Write the rows on screen (filtered, in their order) to a workbook."""
        export_model(
            self,
            self.model,
            tr(self.title),
            self.context.paths.reports,
            self.context.office.office_name,
        )

    # -- period filter and totals ----------------------------------------------------------
    def period_of(self, row: T) -> PeriodValue:
        """The date, reporting period or year that places ``row`` in time; a page that
        implements it gets the period filter."""
        return None

    def amount_of(self, row: T) -> int | None:
        """The row's amount, for lists whose status line shows the total of what is shown."""
        return None

    def _rows_loaded(self) -> None:
        """New rows arrived: offer their years, make room for their values."""
        if self.period_filter is not None:
            years = {year_of(self.period_of(row)) for row in self.model.all_rows()}
            self.period_filter.set_years({y for y in years if y is not None})
        if self.model.rowCount():
            # Sized to the longest value the first time; later loads (an import brought
            # longer names, larger amounts) only widen what would be cut off.
            fit_columns(self.view, only_widen=self._sized)
            self._sized = True

    def _apply_period(self) -> None:
        assert self.period_filter is not None
        if self.period_filter.period() is None:
            self.model.set_filter("period", None)
            return
        accepts, period_of = self.period_filter.accepts, self.period_of
        self.model.set_filter("period", lambda row: accepts(period_of(row)))


class CommuneRecordsPage(ListPage[T]):
    """A list of records the communes keep (borrowers, loans, groups, checks): at a commune
    its own, to add and change; at the city every commune's, read only (the records belong
    to the communes), with a commune column and a commune filter. Inside a tab, which names
    it."""

    show_title = False

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        if context.office.is_city:
            self.editable = False
        #: Whose records the list shows: this commune's, or every commune's at the city.
        self.owner: Scope = context.office.overseen_records
        self._communes: dict[str, str] = {}
        if context.office.is_city:
            with context.database.reading() as session:
                self._communes = commune_names(session)
        super().__init__(context, parent)
        self.view.horizontalHeader().setResizeContentsPrecision(200)
        self.view.verticalHeader().setVisible(False)
        if context.office.is_city:
            self.commune_combo = QComboBox()
            self.commune_combo.addItem(tr(M_ALL_COMMUNES), None)
            for code, name in sorted(self._communes.items()):
                self.commune_combo.addItem(f"{name} ({code})", code)
            self.commune_combo.currentIndexChanged.connect(self._commune_chosen)
            self.filters.addWidget(self.commune_combo)

    def commune_name(self, code: str) -> str:
        return self._communes.get(code, code)

    def commune_column(self, value: Callable[[T], str]) -> list[Column[T]]:
        """The commune column, at the city only."""
        if not self.context.office.is_city:
            return []
        return [Column[T](M_COMMUNE, lambda row: self.commune_name(value(row)))]

    def _commune_chosen(self) -> None:
        code = self.commune_combo.currentData()
        self.model.set_filter(
            "commune",
            None if code is None else (lambda row: getattr(row, "commune_code", None) == code),
        )


class ListDialog(QDialog):
    """A list page in a dialog of its own, for the records of one parent record (a loan's
    balances, a group's grades): the same add, edit, delete with undo, history and export,
    under an optional line that says whose records they are."""

    def __init__(
        self,
        page: ListPage[T],
        title: str,
        parent: QWidget | None = None,
        *,
        header: str = "",
        size: tuple[int, int] = (900, 460),
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if header:
            layout.addWidget(QLabel(header))
        layout.addWidget(page, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(*size)

    @property
    def changed(self) -> bool:
        return self.page.changed

    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            keep_on_screen(self)
        super().setVisible(visible)
