"""Indicators by programme, organisation, group, hamlet (and commune at the city), with
the arrears ageing; computed off the GUI thread, exported to .xlsx."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core.errors import UserError, ValidationError
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.loans.indicators import (
    DIMENSION_LABELS,
    AgeingRow,
    Dimension,
    IndicatorRow,
    IndicatorTable,
    indicator_table,
)
from desktop.reports.xlsx_table import CellKind, SheetColumn, add_table_sheet, save_workbook
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.data_changes import watch
from desktop.ui.dialogs import show_error
from desktop.ui.exporting import export_to_excel
from desktop.ui.inputs import DateEdit
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table

if TYPE_CHECKING:
    from openpyxl import Workbook

R = TypeVar("R")

NUMBER, MONEY, PERCENT = CellKind.NUMBER, CellKind.MONEY, CellKind.PERCENT


def _rounded(value: Any) -> Any:
    """Average balances are exact fractions; shown and exported as whole đồng."""
    return None if value is None else round(value)


INDICATOR_COLUMNS: list[Column[IndicatorRow]] = [
    Column[IndicatorRow](QT_TRANSLATE_NOOP("IndicatorsTab", "Group of loans"), lambda r: r.label),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Loans with balance"),
        lambda r: r.loans_with_balance,
        NUMBER,
    ),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Borrowers with balance"),
        lambda r: r.borrowers_with_balance,
        NUMBER,
    ),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Outstanding"), lambda r: r.outstanding, MONEY
    ),
    Column[IndicatorRow](QT_TRANSLATE_NOOP("IndicatorsTab", "Overdue"), lambda r: r.overdue, MONEY),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Overdue %"), lambda r: r.overdue_ratio, PERCENT
    ),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Overdue + frozen"), lambda r: r.overdue_frozen, MONEY
    ),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Overdue + frozen %"),
        lambda r: r.overdue_frozen_ratio,
        PERCENT,
    ),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Average per household"),
        lambda r: _rounded(r.average_per_household),
        MONEY,
    ),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Loans checked in the year"),
        lambda r: r.loans_checked,
        NUMBER,
    ),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Used as intended"),
        lambda r: r.loans_used_as_intended,
        NUMBER,
    ),
    Column[IndicatorRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Share used as intended"),
        lambda r: r.share_used_as_intended,
        PERCENT,
    ),
]

AGEING_COLUMNS: list[Column[AgeingRow]] = [
    Column[AgeingRow](QT_TRANSLATE_NOOP("IndicatorsTab", "Overdue for"), lambda r: r.label),
    Column[AgeingRow](QT_TRANSLATE_NOOP("IndicatorsTab", "Loans"), lambda r: r.loans, NUMBER),
    Column[AgeingRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Overdue amount"), lambda r: r.overdue, MONEY
    ),
    Column[AgeingRow](
        QT_TRANSLATE_NOOP("IndicatorsTab", "Share of overdue"), lambda r: r.share, PERCENT
    ),
]

M_DEFINITIONS: Msg = QT_TRANSLATE_NOOP(
    "IndicatorsTab",
    "As of the chosen date, from each loan's latest balance on or before it. Overdue % = "
    "overdue / outstanding; overdue + frozen % = (overdue + frozen) / outstanding; average "
    "per household = outstanding / borrowers with balance; loans checked: at least one check "
    "in the year up to that date, used as intended by the latest of them. A borrower with "
    "loans in two rows counts in both, once in the total.",
)


def add_sheet(
    workbook: Workbook, title: str, columns: Sequence[Column[R]], rows: Sequence[R], heading: str
) -> None:
    """One table of the export: the columns as on screen, percentages as numbers."""
    add_table_sheet(
        workbook,
        title,
        [SheetColumn(tr(c.title), c.kind) for c in columns],
        (
            [
                float(v) if c.kind is PERCENT and v is not None else v
                for c in columns
                for v in [c.value(row)]
            ]
            for row in rows
        ),
        heading=heading,
    )


class IndicatorsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table: IndicatorTable | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.dimension = QComboBox()
        for dimension in Dimension:
            if dimension is Dimension.COMMUNE and not context.office.is_city:
                continue
            self.dimension.addItem(tr(DIMENSION_LABELS[dimension]), dimension.value)
        self.as_of = DateEdit()
        self.as_of.set_value(date.today())
        self.as_of.setMaximumWidth(130)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.show_button = QPushButton(tr(QT_TRANSLATE_NOOP("IndicatorsTab", "Show")))
        self.export_button = QPushButton(tr(QT_TRANSLATE_NOOP("IndicatorsTab", "Export to Excel…")))
        bar.addWidget(self.dimension)
        bar.addWidget(QLabel(tr(QT_TRANSLATE_NOOP("IndicatorsTab", "As of"))))
        bar.addWidget(self.as_of)
        bar.addWidget(QLabel(tr(QT_TRANSLATE_NOOP("IndicatorsTab", "Checks in year"))))
        bar.addWidget(self.year)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model: RowTableModel[IndicatorRow] = RowTableModel(INDICATOR_COLUMNS, parent=self)
        self.view = make_table(self.model)
        self.view.setColumnWidth(0, 240)
        layout.addWidget(self.view, 3)
        self.ageing_title = QLabel(
            "<b>" + tr(QT_TRANSLATE_NOOP("IndicatorsTab", "Arrears ageing")) + "</b>"
        )
        layout.addWidget(self.ageing_title)
        self.ageing_model: RowTableModel[AgeingRow] = RowTableModel(AGEING_COLUMNS, parent=self)
        self.ageing_view = make_table(self.ageing_model)
        self.ageing_view.setColumnWidth(0, 240)
        self.ageing_view.setMaximumHeight(170)
        layout.addWidget(self.ageing_view, 1)
        self.note = QLabel(tr(M_DEFINITIONS))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555")
        layout.addWidget(self.note)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.dimension.currentIndexChanged.connect(self.refresh)
        self.show_button.clicked.connect(self.refresh)
        self.as_of.returnPressed.connect(self.refresh)
        self.export_button.clicked.connect(lambda: self.export())
        # Loans, balances and checks recorded or imported elsewhere count here.
        watch(self, context.changes, ("loan",), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            day = self.as_of.value("as_of")
        except ValidationError as error:
            show_error(self, error)
            return
        assert day is not None
        dimension = Dimension(self.dimension.currentData())
        year = self.year.value()
        owner = self.context.office.overseen_records
        database = self.context.database
        self._generation += 1
        generation = self._generation
        self.status.setText(tr(QT_TRANSLATE_NOOP("IndicatorsTab", "Calculating…")))

        def work(_progress: Any) -> IndicatorTable:
            with database.reading() as session:
                return indicator_table(session, dimension, owner=owner, as_of=day, year=year)

        def done(table: IndicatorTable) -> None:
            if not isValid(self) or generation != self._generation:
                return
            self.table = table
            self.model.set_rows([*table.rows, table.total])
            self.ageing_model.set_rows(table.ageing)
            self.view.resizeColumnsToContents()
            self.view.setColumnWidth(0, max(self.view.columnWidth(0), 220))
            self.status.setText(
                tr(QT_TRANSLATE_NOOP("IndicatorsTab", "As of {day}; checks of {year}.")).format(
                    day=format_date(table.as_of), year=table.year
                )
            )

        def failed(error: BaseException) -> None:
            if isValid(self):
                text = error.text() if isinstance(error, UserError) else str(error)
                self.status.setText(text)

        run_in_background(work, on_done=done, on_error=failed, parent=self)

    def export(self) -> None:
        if self.table is None:
            return
        name = tr(QT_TRANSLATE_NOOP("IndicatorsTab", "Loan indicators"))
        table = self.table
        heading = (
            f"{name} — {tr(DIMENSION_LABELS[table.dimension])} — "
            f"{format_date(table.as_of)} — {self.context.office.office_name}"
        )

        def write(target: Path, _sheet: str) -> Path:
            from openpyxl import Workbook  # here, not at the top: opening the page needs none

            workbook = Workbook()
            add_sheet(workbook, name, INDICATOR_COLUMNS, [*table.rows, table.total], heading)
            add_sheet(
                workbook,
                tr(QT_TRANSLATE_NOOP("IndicatorsTab", "Arrears ageing")),
                AGEING_COLUMNS,
                table.ageing,
                heading,
            )
            return save_workbook(workbook, target)

        export_to_excel(self, name, self.context.paths.reports, write)
