"""Báo cáo: choose a report, its period and (at the city) the commune; preview its pages;
save it as PDF or Excel.

Making a report reads many records, so it runs off the GUI thread through
:func:`~desktop.ui.background.run_in_background` with a progress dialog. The preview shows
the very PDF bytes that "Save PDF" writes. It uses Qt's PDF module (QtPdf, part of
PySide6-Addons); where that module is missing the page
says so and saving still works.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.enums import PeriodKind
from desktop.core.errors import UserError
from desktop.core.labels import label
from desktop.core.office import CommuneInfo, list_communes
from desktop.core.periods import Period
from desktop.core.progress import Cancelled, Progress
from desktop.reports.model import Report
from desktop.reports.pdf import render_pdf, write_atomically
from desktop.reports.registry import Coverage, ReportRequest, ReportSpec, reports_for
from desktop.reports.service import OutputFormat, make_report, save_report, suggested_file_name
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error, show_info
from desktop.ui.inputs import DateEdit

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # an installation without Qt's PDF module: no preview, saving works
    HAVE_QTPDF = False


@dataclass(frozen=True)
class Made:
    """A report made for one request, and its PDF."""

    spec: ReportSpec
    request: ReportRequest
    report: Report
    pdf: bytes


class ReportsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.made: Made | None = None
        self._buffer: QBuffer | None = None
        self.specs = reports_for(context.office)

        heading = QLabel(self.tr("Reports"))
        heading.setObjectName("pageTitle")
        font = heading.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        heading.setFont(font)

        self.report_combo = QComboBox()
        for spec in self.specs:
            self.report_combo.addItem(spec.title_text(), spec.name)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("reportDescription")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        # The last quarter that has ended: what an office usually reports on.
        self._default = Period.containing(
            Period.containing(date.today(), PeriodKind.QUARTER).start - timedelta(days=1),
            PeriodKind.QUARTER,
        )
        self.year.setValue(self._default.year)
        self.kind_combo = QComboBox()
        self.number_combo = QComboBox()
        self.commune_combo = QComboBox()
        self.commune_combo.setEditable(False)
        self.issued_on = DateEdit()
        self.issued_on.set_value(date.today())
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText(self.tr("left blank to be filled in"))
        self.doc_number.setMaxLength(20)

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.report_combo)
        form.addRow("", self.description)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Period"), self.kind_combo)
        form.addRow(self.tr("Quarter / half"), self.number_combo)
        if context.office.is_city:
            self.commune_combo.addItem(self.tr("All communes and wards"), None)
            with context.database.reading() as session:
                communes: list[CommuneInfo] = list_communes(session)
            for commune in communes:
                self.commune_combo.addItem(f"{commune.label} ({commune.code})", commune.code)
            form.addRow(self.tr("Commune"), self.commune_combo)
        form.addRow(self.tr("Date on the document"), self.issued_on)
        form.addRow(self.tr("Number"), self.doc_number)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.xlsx_button = QPushButton(self.tr("Save Excel…"))
        self.preview_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.pdf_button, self.xlsx_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        left.addStretch(1)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setMaximumWidth(440)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("previewStatus")
        right = QVBoxLayout()
        right.addWidget(self.status)
        if HAVE_QTPDF:
            self.document = QPdfDocument(self)
            self.viewer = QPdfView(self)
            self.viewer.setDocument(self.document)
            self.viewer.setPageMode(QPdfView.PageMode.MultiPage)
            self.viewer.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            right.addWidget(self.viewer, 1)
            self.status.setText(self.tr("Choose a report and press Preview."))
        else:
            self.status.setText(
                self.tr(
                    "The page preview needs Qt's PDF module, which this installation lacks. "
                    "Save the PDF and open it in a PDF reader."
                )
            )
            right.addStretch(1)

        body = QHBoxLayout()
        body.addWidget(left_box)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(heading)
        outer.addLayout(body, 1)

        self.report_combo.currentIndexChanged.connect(self._report_changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.save(OutputFormat.PDF))
        self.xlsx_button.clicked.connect(lambda: self.save(OutputFormat.XLSX))
        self._report_changed()
        if not self.specs:
            for button in (self.preview_button, self.pdf_button, self.xlsx_button):
                button.setEnabled(False)
            self.status.setText(self.tr("No report is available to this office yet."))

    # -- choices ---------------------------------------------------------------------------
    def current_spec(self) -> ReportSpec | None:
        name = self.report_combo.currentData()
        return next((s for s in self.specs if s.name == name), None)

    def _report_changed(self) -> None:
        spec = self.current_spec()
        self.description.setText(spec.description_text() if spec else "")
        previous = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for kind in spec.period_kinds if spec else ():
            self.kind_combo.addItem(label(kind), kind.value)
        index = self.kind_combo.findData(previous)
        self.kind_combo.setCurrentIndex(max(index, 0))
        self.kind_combo.blockSignals(False)
        self._kind_changed()
        if self.context.office.is_city:
            self._coverage_changed(spec.coverage if spec else Coverage.ONE_OR_ALL)

    def _coverage_changed(self, coverage: Coverage) -> None:
        """A report for one commune cannot be made for all of them, the city's own report
        covers them all: the commune list offers only what the report can cover."""
        model = self.commune_combo.model()
        assert isinstance(model, QStandardItemModel)
        every = model.item(0)
        every.setEnabled(coverage is not Coverage.ONE)
        if coverage is Coverage.ONE and self.commune_combo.currentIndex() == 0:
            self.commune_combo.setCurrentIndex(1)
        if coverage is Coverage.ALL:
            self.commune_combo.setCurrentIndex(0)
        self.commune_combo.setEnabled(coverage is not Coverage.ALL)

    def current_kind(self) -> PeriodKind:
        data = self.kind_combo.currentData()
        return PeriodKind(data) if data else PeriodKind.YEAR

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.number_combo.clear()
        if kind is PeriodKind.QUARTER:
            for n, roman in enumerate(("I", "II", "III", "IV"), start=1):
                self.number_combo.addItem(self.tr("Quarter {roman}").format(roman=roman), n)
        elif kind is PeriodKind.HALF:
            self.number_combo.addItem(self.tr("First half"), 1)
            self.number_combo.addItem(self.tr("Second half"), 2)
        self.number_combo.setEnabled(kind in (PeriodKind.QUARTER, PeriodKind.HALF))
        default = (
            self._default.number
            if kind is PeriodKind.QUARTER
            else (1 if self._default.number <= 2 else 2)
        )
        self.number_combo.setCurrentIndex(max(self.number_combo.findData(default), 0))

    def request(self) -> ReportRequest:
        """The request the form describes; bad input raises :class:`UserError`."""
        kind = self.current_kind()
        number = self.number_combo.currentData() or 1
        period = Period(self.year.value(), kind, number if kind is not PeriodKind.YEAR else 1)
        issued_on = self.issued_on.value("issued_on")
        assert issued_on is not None  # required=True
        office = self.context.office
        commune = self.commune_combo.currentData() if office.is_city else office.unit_code
        return ReportRequest(period, commune, issued_on, self.doc_number.text())

    # -- actions ---------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(not busy and bool(self.specs))

    def _start(self) -> tuple[ReportSpec, ReportRequest] | None:
        spec = self.current_spec()
        if spec is None:
            return None
        try:
            return spec, self.request()
        except UserError as error:
            show_error(self, error)
            return None

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, Cancelled):
            self.status.setText(error.text())
            return
        if isinstance(error, UserError):
            show_error(self, error)
            return
        raise error

    def preview(self) -> None:
        started = self._start()
        if started is None:
            return
        spec, request = started
        database = self.context.database

        def work(progress: Progress) -> Made:
            report = make_report(database, spec, request, progress)
            return Made(spec, request, report, render_pdf(report, progress))

        self._set_busy(True)
        run_in_background(
            work,
            on_done=self._show,
            on_error=self._failed,
            parent=self,
            label=self.tr("Making the report…"),
            cancellable=True,
        )

    def _show(self, made: Made) -> None:
        self._set_busy(False)
        self.made = made
        self.status.setText(
            self.tr("{title} — {period}").format(
                title=made.spec.title_text(), period=made.request.period.label()
            )
        )
        if not HAVE_QTPDF:
            return
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(made.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def page_count(self) -> int:
        return self.document.pageCount() if HAVE_QTPDF else 0

    def choose_path(self, suggested: Path, fmt: OutputFormat) -> Path | None:
        """Ask where to save (tests replace this)."""
        pattern = (
            self.tr("PDF document (*.pdf)")
            if fmt is OutputFormat.PDF
            else (self.tr("Excel workbook (*.xlsx)"))
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(suggested), pattern
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")

    def save(self, fmt: OutputFormat) -> None:
        started = self._start()
        if started is None:
            return
        spec, request = started
        folder = self.context.paths.reports
        path = self.choose_path(folder / suggested_file_name(spec, request, fmt), fmt)
        if path is None:
            return
        made = self.made
        database = self.context.database

        def work(progress: Progress) -> Path:
            if made is not None and made.spec == spec and made.request == request:
                if fmt is OutputFormat.PDF:
                    return write_atomically(made.pdf, path)  # exactly what was previewed
                return save_report(made.report, path, progress)
            return save_report(make_report(database, spec, request, progress), path, progress)

        def done(written: Path) -> None:
            self._set_busy(False)
            show_info(self, self.tr("Report saved: {path}").format(path=written))

        self._set_busy(True)
        run_in_background(
            work,
            on_done=done,
            on_error=self._failed,
            parent=self,
            label=self.tr("Saving the report…"),
            cancellable=True,
        )
