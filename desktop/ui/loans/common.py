"""Pieces the loans tabs share: a list page that loads off the GUI thread, the commune
column and filter of the city's view, a picker for long lists, and number readers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
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

from desktop.core.errors import UserError, ValidationError
from desktop.core.formatting import parse_rate_bp
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.common import commune_names
from desktop.core.owners import Scope
from desktop.core.validation import M_REQUIRED
from desktop.ui.background import run_in_background
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import Column, PreparedRows, RowTableModel, prepare_rows
from desktop.ui.views import fit_columns, make_table

T = TypeVar("T")

M_LOADING = QT_TRANSLATE_NOOP("LoansPage", "Loading…")
M_LOAD_FAILED = QT_TRANSLATE_NOOP("LoansPage", "The list could not be loaded: {error}")
M_ALL_COMMUNES = QT_TRANSLATE_NOOP("LoansPage", "All communes")
M_COMMUNE = QT_TRANSLATE_NOOP("LoansPage", "Commune / ward")
M_NOT_NUMBER = QT_TRANSLATE_NOOP("LoansPage", "Enter a whole number.")


class AsyncListPage(ListPage[T]):
    """A list page whose rows load on the thread pool, so a city-scale list (100 000
    loans) never freezes the window. Lists are read-only at the city (the records belong
    to the communes), with a commune filter and column."""

    show_title = False

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        self._generation = 0
        self._loading = False
        self._pending_select: str | None = None
        self._communes: dict[str, str] = {}
        super().__init__(context, parent)
        self.view.horizontalHeader().setResizeContentsPrecision(200)
        self.view.verticalHeader().setVisible(False)
        if context.office.is_city:
            self.commune_combo = QComboBox()
            self.commune_combo.addItem(tr(M_ALL_COMMUNES), None)
            with context.database.reading() as session:
                self._communes = commune_names(session)
            for code, name in sorted(self._communes.items()):
                self.commune_combo.addItem(f"{name} ({code})", code)
            self.commune_combo.currentIndexChanged.connect(self._commune_chosen)
            self.filters.addWidget(self.commune_combo)

    @property
    def editable(self) -> bool:  # type: ignore[override]
        return not self.context.office.is_city

    @property
    def owner(self) -> Scope:
        """Whose records the list shows: this commune's, or every commune's at the city."""
        return self.context.office.overseen_records

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

    def reload(self) -> None:
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

        def work(_progress: Any) -> PreparedRows[T]:
            with database.reading() as session:
                rows = self.load_rows(session)
            return prepare_rows(columns, rows)

        def done(prepared: PreparedRows[T]) -> None:
            if not isValid(self) or generation != self._generation:
                return
            self._loading = False
            self.model.set_prepared(prepared)
            if self._pending_select is not None:
                record_id, self._pending_select = self._pending_select, None
                super(AsyncListPage, self).select_id(record_id)

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
        return self._loading

    def select_id(self, record_id: str) -> None:
        if self._loading:
            self._pending_select = record_id
        else:
            super().select_id(record_id)

    def load_rows(self, session: Session) -> list[T]:
        raise NotImplementedError


def plain(text: str) -> str:
    """``text`` for a label Qt reads mnemonics from (form labels, tabs): "Tổ TK&VV" would
    otherwise show as "Tổ TKVV" with an underlined V."""
    return text.replace("&", "&&")


def guarded(widget: QWidget, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback`` for a background task's result, skipped if ``widget`` was closed and
    deleted while the task ran."""
    return lambda value: callback(value) if isValid(widget) else None


class PickerDialog(QDialog, Generic[T]):
    """Choose one row of a long list (borrowers, loans) by typing part of it.

    The first row that matches what is typed is highlighted; Enter (or OK) chooses the
    highlighted row, a double click chooses the row clicked, the arrow keys move the
    highlight without leaving the search. When nothing matches, nothing is highlighted and
    Enter does nothing: the dialog never closes with nothing chosen."""

    _MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

    def __init__(
        self,
        title: str,
        columns: Sequence[Column[T]],
        rows: Sequence[T],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            tr(QT_TRANSLATE_NOOP("LoansPage", "Search (accents not needed)"))
        )
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model: RowTableModel[T] = RowTableModel(columns, rows, parent=self)
        self.view = make_table(self.model)
        layout.addWidget(self.view, 1)
        self.nothing = QLabel(tr(QT_TRANSLATE_NOOP("LoansPage", "Nothing matches the search.")))
        self.nothing.setStyleSheet("color: #555")
        self.nothing.hide()
        layout.addWidget(self.nothing)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.model.set_query)
        self.model.modelReset.connect(self._highlight_first)
        self.view.selectionModel().selectionChanged.connect(self._update_ok)
        self.view.doubleClicked.connect(self._double_clicked)
        self.search.installEventFilter(self)
        self._highlight_first()
        fit_columns(self.view)
        self.search.setFocus()
        self.resize(860, 520)

    def _highlight_first(self) -> None:
        if self.model.rowCount():
            self.view.selectRow(0)
            self.view.scrollToTop()
        else:
            self.view.clearSelection()
        self.nothing.setVisible(self.model.rowCount() == 0 and bool(self.search.text().strip()))
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.chosen() is not None)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view.selectRow(index.row())
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The arrow keys typed in the search move the highlight in the list."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._MOVE_KEYS
        ):
            QApplication.sendEvent(self.view, event)
            return True
        return super().eventFilter(watched, event)

    def chosen(self) -> T | None:
        """The highlighted row, ``None`` when none is."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def accept(self) -> None:
        if self.chosen() is None:
            return
        super().accept()


class PickerField(QWidget, Generic[T]):
    """A read-only line naming the chosen row, and a button that opens a picker."""

    def __init__(
        self,
        title: str,
        columns: Sequence[Column[T]],
        load: Callable[[], Sequence[T]],
        describe: Callable[[T], str],
        key: Callable[[T], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title, self.columns, self.load = title, columns, load
        self.describe, self.key = describe, key
        self._value: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit()
        self.text.setReadOnly(True)
        self.button = QPushButton(tr(QT_TRANSLATE_NOOP("LoansPage", "Choose…")))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.pick)
        self.on_change: Callable[[T], None] | None = None

    def pick(self) -> None:
        dialog: PickerDialog[T] = PickerDialog(self.title, self.columns, self.load(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            row = dialog.chosen()
            if row is not None:
                self.set_row(row)

    def set_row(self, row: T | None) -> None:
        self._value = None if row is None else self.key(row)
        self.text.setText("" if row is None else self.describe(row))
        if row is not None and self.on_change is not None:
            self.on_change(row)

    def value(self) -> str | None:
        return self._value


def int_value(edit: QLineEdit, field: str, *, required: bool = False) -> int | None:
    text = edit.text().strip().replace(".", "")
    if not text:
        if required:
            raise ValidationError(field, M_REQUIRED)
        return None
    if not text.isdigit():
        raise ValidationError(field, M_NOT_NUMBER)
    return int(text)


def rate_value(edit: QLineEdit, field: str = "rate_bp") -> int | None:
    """The rate typed (``"6,6"``, ``"6.6 %"``, per year) in basis points; empty is ``None``."""
    text = edit.text().strip()
    return parse_rate_bp(text, field=field) if text else None
