"""The import wizard: choose the file and sheet, check the columns (the mapping remembered
for lists of this shape comes preselected; the page says what new loans and balances each
need), preview every row's result and what the list's balances come to, then import in the
background and show the results (exportable to .xlsx). When a list of balances leaves out
loans that still have a balance in TDCS, the clerk is asked whether they were paid off."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.app.loan_lists import import_loan_list
from desktop.core.errors import UserError, ValidationError
from desktop.core.formatting import format_date, format_money
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.excel_import import (
    FIELD_LABELS,
    OUTCOME_LABELS,
    UNITS,
    ImportField,
    ImportPlan,
    ImportResult,
    Purpose,
    RowOutcome,
    RowResult,
    SavedMapping,
    balances_text,
    check_plan,
    load_mappings,
    prepare,
    text_value,
)
from desktop.reports.xlsx_table import CellKind
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.exporting import export_model
from desktop.ui.inputs import DateEdit
from desktop.ui.loans.common import guarded
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import make_table

ERROR_STYLE = "color: #b00020"

UNIT_LABELS = {
    1: QT_TRANSLATE_NOOP("ImportWizard", "đồng"),
    1_000: QT_TRANSLATE_NOOP("ImportWizard", "thousand đồng"),
    1_000_000: QT_TRANSLATE_NOOP("ImportWizard", "million đồng"),
}

RESULT_COLUMNS = [
    Column[RowResult](
        QT_TRANSLATE_NOOP("ImportWizard", "Row"),
        lambda r: r.row or None,
        CellKind.NUMBER,
        False,
    ),
    Column[RowResult](
        QT_TRANSLATE_NOOP("ImportWizard", "Result"),
        lambda r: r.outcome,
        display=lambda v: tr(OUTCOME_LABELS[v]),
    ),
    Column[RowResult](QT_TRANSLATE_NOOP("ImportWizard", "Contract"), lambda r: r.contract_no),
    Column[RowResult](QT_TRANSLATE_NOOP("ImportWizard", "Borrower"), lambda r: r.full_name),
    Column[RowResult](QT_TRANSLATE_NOOP("ImportWizard", "Reason"), lambda r: r.remarks),
]


def summary_text(result: ImportResult) -> str:
    text = tr(
        QT_TRANSLATE_NOOP(
            "ImportWizard",
            "{total} rows: {created} new, {updated} updated, {unchanged} unchanged, "
            "{rejected} rejected, {skipped} skipped.",
        )
    ).format(
        total=len(result.rows),
        created=result.count(RowOutcome.CREATED),
        updated=result.count(RowOutcome.UPDATED),
        unchanged=result.count(RowOutcome.UNCHANGED),
        rejected=result.count(RowOutcome.REJECTED),
        skipped=result.count(RowOutcome.SKIPPED),
    )
    if result.groups_created:
        text += " " + tr(QT_TRANSLATE_NOOP("ImportWizard", "New groups: {count}.")).format(
            count=result.groups_created
        )
    if result.warnings:
        text += " " + tr(
            QT_TRANSLATE_NOOP(
                "ImportWizard", "{count} rows with a warning: the data disagree, see the reason."
            )
        ).format(count=result.warnings)
    balances = balances_text(result)
    return f"{text}\n{balances}" if balances else text


class ResultsView(QWidget):
    """Row results with a filter (all / problems only) and an Excel export."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        bar = QHBoxLayout()
        self.only = QComboBox()
        self.only.addItem(tr(QT_TRANSLATE_NOOP("ImportWizard", "All rows")), None)
        self.only.addItem(
            tr(QT_TRANSLATE_NOOP("ImportWizard", "Rejected rows")), RowOutcome.REJECTED.value
        )
        self.only.addItem(
            tr(QT_TRANSLATE_NOOP("ImportWizard", "New loans")), RowOutcome.CREATED.value
        )
        self.only.addItem(
            tr(QT_TRANSLATE_NOOP("ImportWizard", "Updated loans")), RowOutcome.UPDATED.value
        )
        self.only.addItem(tr(QT_TRANSLATE_NOOP("ImportWizard", "Rows with a warning")), "warning")
        self.only.addItem(tr(QT_TRANSLATE_NOOP("ImportWizard", "Loans not on the list")), "absent")
        self.export_button = QPushButton(
            tr(QT_TRANSLATE_NOOP("ImportWizard", "Export the results…"))
        )
        bar.addWidget(self.only)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model: RowTableModel[RowResult] = RowTableModel(RESULT_COLUMNS, parent=self)
        self.view = make_table(self.model)
        self.view.verticalHeader().setVisible(False)  # "Dòng" is the Excel row
        self.view.setColumnWidth(0, 60)
        self.view.setColumnWidth(1, 160)
        self.view.setColumnWidth(2, 110)
        self.view.setColumnWidth(3, 180)
        layout.addWidget(self.view, 1)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        self.only.currentIndexChanged.connect(self._filter)
        self.view.selectionModel().selectionChanged.connect(self._show_reason)
        self.export_button.clicked.connect(lambda: self.export())

    def show_result(self, result: ImportResult) -> None:
        self.summary.setText(summary_text(result))
        self.model.set_rows(result.listing())

    def _show_reason(self) -> None:
        """Long reasons do not fit the column: the selected row's is shown in full."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.reason.clear()
            return
        row = self.model.row_at(rows[0].row())
        if not row.remarks:
            self.reason.clear()
        elif row.row:
            self.reason.setText(
                tr(QT_TRANSLATE_NOOP("ImportWizard", "Row {row}: {reason}")).format(
                    row=row.row, reason=row.remarks
                )
            )
        else:
            self.reason.setText(f"{row.contract_no} {row.full_name}: {row.remarks}")

    def _filter(self) -> None:
        wanted = self.only.currentData()
        if wanted is None:
            self.model.set_filter("outcome", None)
        elif wanted == "warning":
            self.model.set_filter("outcome", lambda r: bool(r.warning))
        elif wanted == "absent":
            self.model.set_filter(
                "outcome", lambda r: r.outcome in (RowOutcome.ABSENT, RowOutcome.SETTLED)
            )
        else:
            self.model.set_filter("outcome", lambda r: r.outcome.value == wanted)

    def export(self) -> None:
        name = tr(QT_TRANSLATE_NOOP("ImportWizard", "Import results"))
        export_model(
            self, self.model, name, self.context.paths.reports, self.context.office.office_name
        )


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(tr(QT_TRANSLATE_NOOP("ImportWizard", "Choose the bank's list")))
        self.setSubTitle(
            tr(
                QT_TRANSLATE_NOOP(
                    "ImportWizard",
                    "An Excel workbook (.xlsx) from the bank's transaction office: one row "
                    "per loan. Title rows, merged headings and a totals row are fine.",
                )
            )
        )
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.browse = QPushButton(tr(QT_TRANSLATE_NOOP("ImportWizard", "Choose the file…")))
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form.addRow(tr(QT_TRANSLATE_NOOP("ImportWizard", "File")), row)
        self.sheet = QComboBox()
        form.addRow(tr(QT_TRANSLATE_NOOP("ImportWizard", "Sheet")), self.sheet)
        self.mapping = QComboBox()
        form.addRow(tr(QT_TRANSLATE_NOOP("ImportWizard", "Column mapping")), self.mapping)
        self.unit = QComboBox()
        for unit in UNITS:
            self.unit.addItem(tr(UNIT_LABELS[unit]), unit)
        form.addRow(tr(QT_TRANSLATE_NOOP("ImportWizard", "Amounts in")), self.unit)
        self.as_of = DateEdit()
        form.addRow(tr(QT_TRANSLATE_NOOP("ImportWizard", "Balances as of")), self.as_of)
        self.info = QLabel()
        self.info.setWordWrap(True)
        form.addRow("", self.info)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form.addRow("", self.error)
        self.browse.clicked.connect(self._browse)
        self.sheet.activated.connect(lambda _i: self.load())
        self.mapping.activated.connect(lambda _i: self.load())
        self._loading = False

    def initializePage(self) -> None:
        self._fill_mappings()

    def _fill_mappings(self, selected: str = "") -> None:
        self.mapping.clear()
        self.mapping.addItem(
            tr(QT_TRANSLATE_NOOP("ImportWizard", "Recognise from the headings")), ""
        )
        for saved in self.owner.saved:
            self.mapping.addItem(saved.name, saved.name)
        index = self.mapping.findData(selected)
        self.mapping.setCurrentIndex(max(index, 0))

    def _browse(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text() else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.title(), start, "Excel (*.xlsx *.xlsm);;* (*)"
        )
        if chosen:
            self.load(Path(chosen), sheet=None)

    def load(self, path: Path | None = None, sheet: str | None = "") -> None:
        """Read ``path`` (default: the file shown) in the background; ``sheet=""`` keeps
        the sheet chosen in the list, ``None`` lets the reader find the table."""
        if path is not None:
            self.path.setText(str(path))
            self.sheet.clear()
        if not self.path.text():
            return
        if sheet == "":
            sheet = self.sheet.currentText() or None
        mapping_name = self.mapping.currentData() or None
        self.owner.plan = None
        self.error.clear()
        self.info.setText(tr(QT_TRANSLATE_NOOP("ImportWizard", "Reading the file…")))
        self._loading = True
        self.completeChanged.emit()
        file = Path(self.path.text())
        saved = self.owner.saved

        def work(progress: Any) -> ImportPlan:
            return prepare(
                file, sheet=sheet, saved=saved, mapping_name=mapping_name, progress=progress
            )

        run_in_background(
            work,
            on_done=guarded(self, self._loaded),
            on_error=guarded(self, self._failed),
            parent=self,
        )

    def _loaded(self, plan: ImportPlan) -> None:
        self._loading = False
        self.owner.plan = plan
        table = plan.table
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(table.sheets))
        self.sheet.setCurrentText(table.sheet)
        self.sheet.blockSignals(False)
        self._fill_mappings(
            plan.mapping_name if self.mapping.currentData() or plan.mapping_name else ""
        )
        self.unit.setCurrentIndex(max(self.unit.findData(plan.unit), 0))
        self.as_of.set_value(plan.as_of)
        rows = table.header_rows
        text = tr(
            QT_TRANSLATE_NOOP(
                "ImportWizard",
                "Headings on row {first}–{last}; {count} rows below them; {columns} columns "
                "recognised.",
            )
        ).format(first=rows[0], last=rows[-1], count=len(table.rows), columns=len(plan.columns))
        if plan.mapping_name:
            text += " " + tr(QT_TRANSLATE_NOOP("ImportWizard", "Saved mapping: {name}.")).format(
                name=plan.mapping_name
            )
        if plan.as_of is not None:
            text += " " + tr(
                QT_TRANSLATE_NOOP("ImportWizard", "The title of the list dates its balances {day}.")
            ).format(day=format_date(plan.as_of))
        for note in plan.notes:
            text += " " + note
        self.info.setText(text)
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.info.clear()
        self.error.setText(error.text() if isinstance(error, UserError) else str(error))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.plan is not None and not self._loading

    def validatePage(self) -> bool:
        plan = self.owner.plan
        if plan is None:
            return False
        try:
            as_of = self.as_of.value("as_of", required=False)
        except ValidationError as error:
            self.error.setText(error.text())
            return False
        self.owner.plan = replace(plan, unit=self.unit.currentData(), as_of=as_of)
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(tr(QT_TRANSLATE_NOOP("ImportWizard", "Check the columns")))
        self.setSubTitle(
            tr(
                QT_TRANSLATE_NOOP(
                    "ImportWizard",
                    "What each column of the list holds. A list of balances (dư nợ) updates "
                    "the loans already recorded; recording new loans needs more columns.",
                )
            )
        )
        outer = QVBoxLayout(self)
        #: What each purpose needs, ticked as the columns are chosen.
        self.needs = QLabel()
        self.needs.setObjectName("import_needs")
        self.needs.setWordWrap(True)
        self.needs.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.needs)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.form = QFormLayout(self.body)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        name_row = QHBoxLayout()
        self.remember = QCheckBox(tr(QT_TRANSLATE_NOOP("ImportWizard", "Remember this mapping as")))
        self.remember.setChecked(True)
        self.name = QLineEdit()
        name_row.addWidget(self.remember)
        name_row.addWidget(self.name, 1)
        outer.addLayout(name_row)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        self.combos: dict[int, QComboBox] = {}

    def initializePage(self) -> None:
        plan = self.owner.plan
        assert plan is not None
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        chosen = {index: field for field, index in plan.columns.items()}
        table = plan.table
        for index, label in enumerate(table.labels):
            samples = [
                text_value(cells[index])
                for _n, cells in table.rows[:30]
                if index < len(cells) and text_value(cells[index])
            ][:2]
            if not label and not samples:
                continue
            combo = QComboBox()
            combo.addItem(tr(QT_TRANSLATE_NOOP("ImportWizard", "— not imported —")), None)
            for field in ImportField:
                combo.addItem(tr(FIELD_LABELS[field]), field.value)
            if index in chosen:
                combo.setCurrentIndex(combo.findData(chosen[index].value))
            caption = f"{table.column_letter(index)} · {label or '…'}"
            if samples:
                caption += "\n" + tr(QT_TRANSLATE_NOOP("ImportWizard", "e.g. {values}")).format(
                    values=", ".join(s[:40] for s in samples)
                )
            # A label added as a widget has no buddy, so Qt shows "&" as it is: no "&&".
            caption_label = QLabel(caption)
            caption_label.setTextFormat(Qt.TextFormat.PlainText)
            self.form.addRow(caption_label, combo)
            self.combos[index] = combo
            combo.currentIndexChanged.connect(self._show_needs)
        self.name.setText(plan.mapping_name or table.path.stem)
        self.error.clear()
        self._show_needs()

    def _show_needs(self) -> None:
        """What recording new loans and updating balances each need, ticked (✓) when a
        column is chosen for it, with what else each may use."""
        plan = self.owner.plan
        if plan is None:
            return
        candidate = plan.with_columns(self.columns())
        needed = tr(QT_TRANSLATE_NOOP("ImportWizard", "needs"))
        optional = tr(QT_TRANSLATE_NOOP("ImportWizard", "may also use"))

        def line(purpose: Purpose) -> str:
            needs = " · ".join(
                f"<span style='color:#1b5e20'>✓ {escape(n.label)}</span>"
                if n.met
                else f"<span style='color:#b00020'>✗ {escape(n.label)}</span>"
                for n in purpose.needs
            )
            extra = ", ".join(escape(name) for name in purpose.optional)
            return (
                f"<p style='margin:0 0 4px 0'><b>{escape(purpose.title)}</b> — {needed}: "
                f"{needs}<br><span style='color:#555'>{optional}: {extra}.</span></p>"
            )

        self.needs.setText("".join(line(p) for p in candidate.purposes()))

    def columns(self) -> dict[ImportField, int]:
        return {
            ImportField(combo.currentData()): index
            for index, combo in self.combos.items()
            if combo.currentData()
        }

    def validatePage(self) -> bool:
        plan = self.owner.plan
        assert plan is not None
        candidate = plan.with_columns(self.columns())
        by_field: dict[str, int] = {}
        for index, combo in self.combos.items():
            value = combo.currentData()
            if value and value in by_field:
                self.error.setText(
                    tr(
                        QT_TRANSLATE_NOOP(
                            "ImportWizard", "{field} is chosen for two columns ({a} and {b})."
                        )
                    ).format(
                        field=combo.currentText(),
                        a=plan.table.column_letter(by_field[value]),
                        b=plan.table.column_letter(index),
                    )
                )
                return False
            if value:
                by_field[value] = index
        try:
            check_plan(candidate)
        except UserError as error:
            self.error.setText(error.text())
            return False
        if self.remember.isChecked() and not self.name.text().strip():
            self.error.setText(tr(QT_TRANSLATE_NOOP("ImportWizard", "Give the mapping a name.")))
            return False
        self.owner.plan = candidate
        self.owner.save_as = self.name.text().strip() if self.remember.isChecked() else None
        return True


class PreviewPage(QWizardPage):
    """A trial run of the whole import: every row's result, nothing saved."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(tr(QT_TRANSLATE_NOOP("ImportWizard", "Preview")))
        self.setSubTitle(
            tr(
                QT_TRANSLATE_NOOP(
                    "ImportWizard",
                    "What the import will do, row by row. Nothing is saved until you import.",
                )
            )
        )
        self.setCommitPage(True)
        self.setButtonText(
            QWizard.WizardButton.CommitButton, tr(QT_TRANSLATE_NOOP("ImportWizard", "Import"))
        )
        layout = QVBoxLayout(self)
        self.results = ResultsView(wizard.context, self)
        layout.addWidget(self.results)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.completeChanged.emit()
        plan = self.owner.plan
        assert plan is not None
        database = self.owner.context.database
        self.results.summary.setText(tr(QT_TRANSLATE_NOOP("ImportWizard", "Checking every row…")))
        self.results.model.set_rows([])

        def work(progress: Any) -> ImportResult:
            return import_loan_list(database, plan, dry_run=True, progress=progress)

        def finished(result: ImportResult) -> None:
            self.owner.preview = result
            self.results.show_result(result)
            self.done = True
            self.completeChanged.emit()

        def failed(error: BaseException) -> None:
            self.results.summary.setText(
                error.text() if isinstance(error, UserError) else str(error)
            )

        run_in_background(
            work,
            on_done=guarded(self, finished),
            on_error=guarded(self, failed),
            parent=self,
            label=tr(QT_TRANSLATE_NOOP("ImportWizard", "Checking the rows…")),
            cancellable=True,
        )

    def isComplete(self) -> bool:
        preview = self.owner.preview
        return (
            self.done
            and preview is not None
            and any(preview.count(o) for o in (RowOutcome.CREATED, RowOutcome.UPDATED))
        )

    def validatePage(self) -> bool:
        """Before importing: loans with a balance in TDCS that this list of balances leaves
        out were most likely paid off — but only the clerk knows whether the list covers
        the whole commune. Ask; the default keeps their balances."""
        preview = self.owner.preview
        self.owner.settle_absent = False
        if preview is None or not preview.absent or preview.as_of is None:
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.title())
        box.setText(
            tr(
                QT_TRANSLATE_NOOP(
                    "ImportWizard",
                    "{count} loans that have a balance in TDCS ({outstanding} in all) are not "
                    "on this list of {day}.",
                )
            ).format(
                count=len(preview.absent),
                outstanding=format_money(sum(loan.outstanding for loan in preview.absent)),
                day=format_date(preview.as_of),
            )
        )
        box.setInformativeText(
            tr(
                QT_TRANSLATE_NOOP(
                    "ImportWizard",
                    "If the list holds every loan still owing in the commune, they have been "
                    "paid off: record them as paid off on that date. If it covers only part "
                    "of the commune (one transaction point, one organisation), keep their "
                    "balances. They are listed under «Loans not on the list».",
                )
            )
        )
        settle = box.addButton(
            tr(QT_TRANSLATE_NOOP("ImportWizard", "Record as paid off")),
            QMessageBox.ButtonRole.AcceptRole,
        )
        keep = box.addButton(
            tr(QT_TRANSLATE_NOOP("ImportWizard", "Keep their balances")),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is settle:
            self.owner.settle_absent = True
            return True
        return box.clickedButton() is keep


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(tr(QT_TRANSLATE_NOOP("ImportWizard", "Import")))
        layout = QVBoxLayout(self)
        self.results = ResultsView(wizard.context, self)
        layout.addWidget(self.results)
        self.done = False

    def initializePage(self) -> None:
        plan = self.owner.plan
        assert plan is not None
        database = self.owner.context.database
        save_as = self.owner.save_as
        settle = self.owner.settle_absent
        self.results.summary.setText(tr(QT_TRANSLATE_NOOP("ImportWizard", "Importing…")))

        def work(progress: Any) -> ImportResult:
            return import_loan_list(
                database, plan, save_as=save_as, settle_absent=settle, progress=progress
            )

        def finished(result: ImportResult) -> None:
            self.owner.import_result = result
            self.owner.imported = True
            self.setSubTitle(
                tr(
                    QT_TRANSLATE_NOOP(
                        "ImportWizard", "Imported. The list's balances are as of {day}."
                    )
                ).format(day=format_date(result.as_of) if result.as_of else "—")
            )
            self.results.show_result(result)
            self.done = True
            self.completeChanged.emit()

        def failed(error: BaseException) -> None:
            self.setSubTitle(tr(QT_TRANSLATE_NOOP("ImportWizard", "Nothing was imported.")))
            self.results.summary.setText(
                error.text() if isinstance(error, UserError) else str(error)
            )
            self.done = True
            self.completeChanged.emit()

        run_in_background(
            work,
            on_done=guarded(self, finished),
            on_error=guarded(self, failed),
            parent=self,
            label=tr(QT_TRANSLATE_NOOP("ImportWizard", "Importing the list…")),
            cancellable=True,
        )

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr(QT_TRANSLATE_NOOP("ImportWizard", "Import a loan list from Excel")))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        with context.database.reading() as session:
            self.saved: list[SavedMapping] = load_mappings(session)
        self.plan: ImportPlan | None = None
        self.save_as: str | None = None
        self.settle_absent = False
        self.preview: ImportResult | None = None
        self.import_result: ImportResult | None = None
        self.imported = False
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(980, 700)
        screen = (parent.screen() if parent is not None else None) or self.screen()
        if screen is not None:  # a 1024×768 office screen, under the taskbar
            room = screen.availableGeometry()
            self.resize(min(980, room.width() - 20), min(700, room.height() - 50))
