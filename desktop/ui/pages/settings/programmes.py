"""The credit programmes and their rates: the bank's rates change from a date on, and loans
disbursed before it keep the old rate."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ErrorCollector
from desktop.core.formatting import format_rate_bp, parse_rate_bp
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.programmes import ProgrammeInfo, add_rate, programmes
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import ChoiceCombo, DateEdit, MoneyEdit
from desktop.ui.table_model import Column, RowTableModel


def _rate(row: ProgrammeInfo, attribute: str) -> object:
    return getattr(row.rate, attribute) if row.rate else None


PROGRAMME_COLUMNS = [
    Column[ProgrammeInfo](QT_TRANSLATE_NOOP("SettingsPage", "Programme"), lambda p: p.short_name),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Rate / year"),
        lambda p: _rate(p, "rate_bp"),
        CellKind.NUMBER,
        display=format_rate_bp,
    ),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Priority rate"),
        lambda p: _rate(p, "priority_rate_bp"),
        CellKind.NUMBER,
        display=format_rate_bp,
    ),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Cap"), lambda p: _rate(p, "cap_amount"), CellKind.MONEY
    ),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Since"), lambda p: _rate(p, "valid_from"), CellKind.DATE
    ),
    Column[ProgrammeInfo](
        QT_TRANSLATE_NOOP("SettingsPage", "Note"), lambda p: _rate(p, "cap_note")
    ),
]


class RateForm(RecordForm[object]):
    """A new rate for a programme, from a date on."""

    def __init__(
        self,
        context: AppContext,
        programmes: list[ProgrammeInfo],
        current: ProgrammeInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New rate"), parent)
        self.context = context
        self.programme = ChoiceCombo([(p.code, p.name) for p in programmes])
        self.programme.set_value(current.code if current else None)
        self.valid_from = DateEdit()
        self.rate = QLineEdit()
        self.rate.setPlaceholderText("6,6")
        self.priority = QLineEdit()
        self.cap = MoneyEdit()
        self.note = QLineEdit()
        self.add_field("programme_code", self.tr("Programme"), self.programme)
        self.add_field("valid_from", self.tr("Applies from"), self.valid_from)
        self.add_field("rate_bp", self.tr("Rate (% a year)"), self.rate)
        self.add_field(
            "priority_rate_bp",
            self.tr("Priority rate (% a year)"),
            self.priority,
            hint=self.tr("Leave empty if the programme has none."),
        )
        self.add_field("cap_amount", self.tr("Cap per loan"), self.cap)
        self.add_field("cap_note", self.tr("Note"), self.note)
        self.resize(560, 420)

    def submit(self) -> None:
        reader = ErrorCollector()
        valid_from = reader.check(self.valid_from.value, "valid_from")
        rate = reader.check(parse_rate_bp, self.rate.text(), field="rate_bp")
        priority = (
            reader.check(parse_rate_bp, self.priority.text(), field="priority_rate_bp")
            if self.priority.text().strip()
            else None
        )
        cap = reader.check(self.cap.value, "cap_amount", required=False)
        reader.raise_if_any()
        assert valid_from is not None
        with self.context.database.transaction() as session:
            add_rate(
                session,
                self.programme.value() or "",
                valid_from=valid_from,
                rate_bp=rate,
                priority_rate_bp=priority,
                cap_amount=cap,
                cap_note=self.note.text(),
            )


class ProgrammesBox(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Credit programmes and rates"))
        self.context = context
        layout = QVBoxLayout(self)
        self.programme_model = RowTableModel(PROGRAMME_COLUMNS, parent=self)
        self.programme_view = QTableView()
        self.programme_view.setModel(self.programme_model)
        self.programme_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.programme_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.programme_view.horizontalHeader().setStretchLastSection(True)
        self.programme_view.setMinimumHeight(240)
        layout.addWidget(self.programme_view)
        note = QLabel(
            self.tr(
                "When the bank changes a rate, add the new rate with the date it applies from; "
                "loans disbursed before that date keep the old rate."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.new_rate_button = QPushButton(self.tr("New rate…"))
        self.new_rate_button.clicked.connect(self._new_rate)
        row.addWidget(self.new_rate_button)
        row.addStretch(1)
        layout.addLayout(row)

    def reload(self) -> None:
        with self.context.database.reading() as session:
            offered = [p for p in programmes(session) if p.active]
        self.programme_model.set_rows(offered)

    def _new_rate(self) -> None:
        chosen = self.programme_view.selectionModel().selectedRows()
        current = self.programme_model.row_at(chosen[0].row()) if chosen else None
        form = RateForm(self.context, self.programme_model.all_rows(), current, self)
        if form.exec():
            self.reload()
