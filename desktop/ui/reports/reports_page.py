"""Báo cáo: choose a report, its period and (at the city) the commune; see who issues it and
edit its recipients (remembered per report); preview its pages; save it as PDF, Excel or a
Word draft (to finish in Word before signing).

What a document would lack is said before it is made: a signer's name or position, the
plan's number and date (:func:`~desktop.reports.service.preflight`), with where to set them.

Making a report reads many records, so it runs off the GUI thread through
:func:`~desktop.ui.background.run_in_background` with a progress dialog. The preview shows
the very PDF bytes that "Save PDF" writes; it stays while the clerk visits other pages and
goes when the choices change. It zooms (fit to width, larger, smaller, Ctrl + wheel), and the
choices sit above it so that at 1024×768 a page fitted to the width reads at about its
printed size. Files are proposed under Vietnamese names in the reports folder and, once
written, offered to open (:mod:`desktop.ui.exporting`). The preview uses Qt's PDF module
(QtPdf, part of PySide6-Addons); where that module is missing the page says so and saving
still works.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QRect, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QStandardItemModel,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.enums import PeriodKind
from desktop.app.reports import write_report
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.issuers import DocumentForm
from desktop.core.labels import label
from desktop.core.office import CommuneInfo, list_communes
from desktop.core.periods import Period
from desktop.core.progress import Cancelled, Progress
from desktop.core.userfiles import write_atomically
from desktop.reports.model import Report
from desktop.reports.pdf import render_pdf
from desktop.reports.recipients import clean_recipients
from desktop.reports.registry import Coverage, ReportRequest, ReportSpec, reports_for
from desktop.reports.service import (
    OutputFormat,
    Preflight,
    keep_recipients,
    make_report,
    preflight,
    save_report,
    suggested_file_name,
)
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error
from desktop.ui.exporting import export_failure, save_file_as, show_saved
from desktop.ui.inputs import DateEdit
from desktop.ui.reports.yearly_review import YearlyReviewForm, review_day

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # an installation without Qt's PDF module: no preview, saving works
    HAVE_QTPDF = False

#: The document forms, as the page names them beside the issuing body.
FORMS = {
    DocumentForm.STATE: QT_TRANSLATE_NOOP("ReportsPage", "state form, Decree 30/2020"),
    DocumentForm.PARTY: QT_TRANSLATE_NOOP("ReportsPage", "Party form, Guidance 36-HD/VPTW"),
    DocumentForm.FRONT: QT_TRANSLATE_NOOP("ReportsPage", "Fatherland Front form"),
}
#: The report whose parts II–IV the city's clerk writes on this page.
REVIEWED_REPORT = "city-yearly"
#: Each press of "Larger" / "Smaller" scales the preview by this much, within the limits.
ZOOM_STEP = 1.25
MIN_ZOOM = 0.25
MAX_ZOOM = 4.0


@dataclass(frozen=True)
class Made:
    """A report made for one request, and its PDF."""

    spec: ReportSpec
    request: ReportRequest
    report: Report
    pdf: bytes


class WrappedLabel(QLabel):
    """A word-wrapped label exactly as tall as its lines at its present width. A plain one
    in a form asks for the height of a narrower layout and leaves gaps above the preview."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setMinimumWidth(200)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # QLabel.heightForWidth keeps a line to spare; the font's own measure does not.
        margins = self.contentsMargins()
        width = max(self.width() - margins.left() - margins.right(), 1)
        lines = self.fontMetrics().boundingRect(
            QRect(0, 0, width, 0), Qt.TextFlag.TextWordWrap, self.text()
        )
        height = lines.height() + margins.top() + margins.bottom()
        if height != self.maximumHeight():
            self.setFixedHeight(height)


class RecipientsDialog(QDialog):
    """The report's recipients ("Nơi nhận"), one a line; the defaults one click away."""

    def __init__(
        self, recipients: tuple[str, ...], defaults: tuple[str, ...], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recipients"))
        self.defaults = defaults
        self.chosen: tuple[str, ...] = recipients
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "One recipient a line, without the dash or the end mark: the document adds "
                "them. The list is kept for the next report of this kind."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit("\n".join(recipients))
        self.editor.setMinimumSize(520, 260)
        layout.addWidget(self.editor)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.defaults_button = QPushButton(self.tr("Restore the defaults"))
        buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.defaults_button.clicked.connect(
            lambda: self.editor.setPlainText("\n".join(self.defaults))
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            chosen = clean_recipients(self.editor.toPlainText().splitlines())
        except UserError as error:
            self.error.setText(error.text())
            return
        self.chosen = chosen or self.defaults
        super().accept()


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class ReportsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.made: Made | None = None
        self._buffer: QBuffer | None = None
        self.specs = reports_for(context.office)
        self._commune_names: dict[str, str] = {}

        heading = QLabel(self.tr("Reports"))
        heading.setObjectName("pageTitle")
        font = heading.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        heading.setFont(font)

        self.report_combo = QComboBox()
        self.report_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.report_combo.setMinimumContentsLength(20)
        for spec in self.specs:
            self.report_combo.addItem(spec.title_text(), spec.name)
        self.description = WrappedLabel()
        self.description.setObjectName("reportDescription")
        self.issuer_label = WrappedLabel()
        self.issuer_label.setObjectName("reportIssuer")
        self.recipients_label = QLabel()
        self.recipients_button = QPushButton(self.tr("Recipients…"))
        self.warnings = WrappedLabel()
        self.warnings.setObjectName("reportWarnings")
        self.warnings.setStyleSheet("color: #9a4b00")
        self.preflight: Preflight | None = None
        self._recipients: tuple[str, ...] | None = None
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
        self.commune_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.commune_combo.setMinimumContentsLength(14)
        self.issued_on = DateEdit()
        self.issued_on.set_value(date.today())
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText(self.tr("left blank to be filled in"))
        self.doc_number.setMaxLength(20)
        width = self.fontMetrics().horizontalAdvance("00/00/00000") + 40  # room for 📅
        self.issued_on.setMaximumWidth(width)
        self.doc_number.setMinimumWidth(width + 100)

        # The choices sit above the preview in a few rows, so that on a 1024×768 screen the
        # page gets the whole width and its text reads at "fit to width".
        form = QFormLayout()
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_combo, 2)
        if context.office.is_city:
            self.commune_combo.addItem(self.tr("All communes and wards"), None)
            with context.database.reading() as session:
                communes: list[CommuneInfo] = list_communes(session)
            for commune in communes:
                self.commune_combo.addItem(f"{commune.label} ({commune.code})", commune.code)
                self._commune_names[commune.code] = commune.name
            report_row.addWidget(QLabel(self.tr("Commune")))
            report_row.addWidget(self.commune_combo, 1)
        #: Beside the city's yearly report: where the city's clerk writes its parts II–IV.
        self.review_button = QPushButton(self.tr("Assessment of the year…"))
        self.review_button.setToolTip(
            self.tr(
                "Write the general assessment, the next year's directions and the proposals "
                "of the yearly report, and how its figures are estimated for the whole year"
            )
        )
        self.review_button.setVisible(False)
        form.addRow(self.tr("Report"), report_row)
        form.addRow("", self.description)
        issuer_row = QHBoxLayout()
        issuer_row.addWidget(self.issuer_label, 1)
        issuer_row.addWidget(self.recipients_label)
        issuer_row.addWidget(self.recipients_button)
        form.addRow(self.tr("Issued by"), issuer_row)
        form.addRow("", self.warnings)
        form.addRow(
            self.tr("Year"),
            _row(
                self.year,
                QLabel(self.tr("Period")),
                self.kind_combo,
                QLabel(self.tr("Quarter / half")),
                self.number_combo,
            ),
        )
        form.addRow(
            self.tr("Date on the document"),
            _row(self.issued_on, QLabel(self.tr("Number")), self.doc_number),
        )

        self.preview_button = QPushButton(self.tr("Preview"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.xlsx_button = QPushButton(self.tr("Save Excel…"))
        self.word_button = QPushButton(self.tr("Save Word…"))
        self.word_button.setToolTip(
            self.tr("The same document as a Word file (.docx), to finish before signing")
        )
        self.preview_button.setDefault(True)
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setToolTip(self.tr("Smaller (Ctrl+−)"))
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setToolTip(self.tr("Larger (Ctrl++)"))
        self.fit_button = QPushButton(self.tr("Fit to width"))
        self.fit_button.setToolTip(self.tr("Fit the page to the width of the preview (Ctrl+0)"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLevel")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(button.sizeHint().height() + 8)
        buttons = QHBoxLayout()
        for button in self._action_buttons():
            buttons.addWidget(button)
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        zoom: tuple[QWidget, ...] = (
            self.fit_button,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
        )
        for part in zoom:
            buttons.addWidget(part)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("previewStatus")
        outer = QVBoxLayout(self)
        outer.addWidget(heading)
        outer.addLayout(form)
        outer.addLayout(buttons)
        outer.addWidget(self.status)
        if HAVE_QTPDF:
            self.document = QPdfDocument(self)
            self.viewer = QPdfView(self)
            self.viewer.setDocument(self.document)
            self.viewer.setPageMode(QPdfView.PageMode.MultiPage)
            self.viewer.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.viewer.viewport().installEventFilter(self)
            self.viewer.zoomFactorChanged.connect(self._show_zoom)
            outer.addWidget(self.viewer, 1)
            self.status.setText(self.tr("Choose a report and press Preview."))
            for keys, slot in (
                (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                (QKeySequence("Ctrl+0"), self.fit_width),
            ):
                shortcut = QShortcut(keys, self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        else:
            self.status.setText(
                self.tr(
                    "The page preview needs Qt's PDF module, which this installation lacks. "
                    "Save the PDF and open it in a PDF reader."
                )
            )
            outer.addStretch(1)

        self.report_combo.currentIndexChanged.connect(self._report_changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for signal in (
            self.report_combo.currentIndexChanged,
            self.kind_combo.currentIndexChanged,
            self.number_combo.currentIndexChanged,
            self.commune_combo.currentIndexChanged,
            self.year.valueChanged,
            self.issued_on.textChanged,
            self.doc_number.textChanged,
        ):
            signal.connect(self._choices_changed)
        self.report_combo.currentIndexChanged.connect(self._refresh_issuer)
        self.commune_combo.currentIndexChanged.connect(self._refresh_issuer)
        self.recipients_button.clicked.connect(self.edit_recipients)
        self.review_button.clicked.connect(self.edit_review)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.save(OutputFormat.PDF))
        self.xlsx_button.clicked.connect(lambda: self.save(OutputFormat.XLSX))
        self.word_button.clicked.connect(lambda: self.save(OutputFormat.DOCX))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_width)
        self._report_changed()
        self._refresh_issuer()
        self._show_zoom()
        if not self.specs:
            for button in self._action_buttons():
                button.setEnabled(False)
            self.status.setText(self.tr("No report is available to this office yet."))

    def _action_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.preview_button,
            self.pdf_button,
            self.xlsx_button,
            self.word_button,
            self.recipients_button,
        )

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
        self.review_button.setVisible(spec is not None and spec.name == REVIEWED_REPORT)

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
        return ReportRequest(
            period, commune, issued_on, self.doc_number.text(), recipients=self._recipients
        )

    # -- issuer, recipients, warnings --------------------------------------------------------
    def _refresh_issuer(self) -> None:
        """Who issues the chosen report, its recipients, and what it would lack; read again
        whenever the page is shown (Cài đặt may have changed them)."""
        spec = self.current_spec()
        if spec is None:
            self.preflight = None
            self._recipients = None
            self.issuer_label.setText("")
            self.recipients_label.clear()
            self.warnings.setText("")
            return
        commune = self.commune_combo.currentData() if self.context.office.is_city else None
        found = preflight(self.context.database, spec, commune)
        self.preflight = found
        issuer = found.issuer
        text = f"{issuer.name} ({tr(FORMS[issuer.form])})"
        if issuer.copy_note:
            text += " — " + self.tr("a copy made from the commune's data")
        self.issuer_label.setText(text)
        self._set_recipients(found.recipients)
        self.warnings.setText("\n".join(found.warnings))
        self.warnings.setVisible(bool(found.warnings))
        self._choices_changed()

    def _set_recipients(self, recipients: tuple[str, ...]) -> None:
        self._recipients = recipients
        self.recipients_label.setText(self.tr("{count} recipients").format(count=len(recipients)))
        self.recipients_label.setToolTip("\n".join(f"- {r}" for r in recipients))

    def edit_recipients(self) -> None:
        """Edit the recipients of the chosen report; they are kept for its next time."""
        spec = self.current_spec()
        found = self.preflight
        if spec is None or found is None:
            return
        dialog = RecipientsDialog(self._recipients or found.recipients, found.defaults, self)
        if not dialog.exec():
            return
        try:
            kept = keep_recipients(self.context.database, spec, found.issuer, dialog.chosen)
        except UserError as error:
            show_error(self, error)
            return
        self._set_recipients(kept)
        self._choices_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_issuer()

    # -- actions ---------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        for button in self._action_buttons():
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
            self.tr("{title} — {period} (made at {time})").format(
                title=made.spec.title_text(),
                period=made.request.period.label(),
                time=datetime.now().strftime("%H:%M"),
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
        self._show_zoom()

    def edit_review(self) -> None:
        """The city's assessment of the chosen year; once saved, a preview made before it
        no longer shows what the report holds."""
        try:
            issued_on = self.issued_on.value("issued_on", required=False)
        except UserError:
            issued_on = None
        year = self.year.value()
        form = YearlyReviewForm(self.context, year, review_day(year, issued_on), self)
        if form.exec() and self.made is not None:
            self.made = None
            if HAVE_QTPDF:
                self.document.close()
            self.status.setText(
                self.tr("The assessment was saved: press Preview to see the report.")
            )
            self._show_zoom()

    def _choices_changed(self) -> None:
        """The preview stays while the page is left and shown again; it goes when the
        choices no longer describe it, so what is on screen is always what was chosen."""
        if self.made is None:
            return
        try:
            request = self.request()
        except UserError:
            request = None
        if self.current_spec() == self.made.spec and request == self.made.request:
            return
        self.made = None
        if HAVE_QTPDF:
            self.document.close()
        self.status.setText(self.tr("The choices changed: press Preview to see the report."))
        self._show_zoom()

    def page_count(self) -> int:
        return self.document.pageCount() if HAVE_QTPDF else 0

    # -- zoom -------------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        """The preview's scale, 1.0 being the page at its printed size on this screen; at
        "fit to width" the scale the width gives (QPdfView keeps that one to itself)."""
        if not HAVE_QTPDF:
            return 1.0
        if self.viewer.zoomMode() is QPdfView.ZoomMode.Custom:
            return float(self.viewer.zoomFactor())
        if self.document.pageCount() == 0:
            return 1.0
        screen = self.screen() or QGuiApplication.primaryScreen()
        page_width = self.document.pagePointSize(0).width() * screen.logicalDotsPerInch() / 72
        margins = self.viewer.documentMargins()
        usable = self.viewer.viewport().width() - margins.left() - margins.right()
        return usable / page_width if page_width > 0 else 1.0

    def zoom_in(self) -> None:
        self._zoom_to(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.zoom_factor() / ZOOM_STEP)

    def fit_width(self) -> None:
        if HAVE_QTPDF:
            self.viewer.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def _zoom_to(self, factor: float) -> None:
        if not HAVE_QTPDF:
            return
        self.viewer.setZoomMode(QPdfView.ZoomMode.Custom)
        self.viewer.setZoomFactor(min(max(factor, MIN_ZOOM), MAX_ZOOM))
        self._show_zoom()

    def _show_zoom(self) -> None:
        shown = HAVE_QTPDF and self.page_count() > 0
        factor = self.zoom_factor()
        fit = HAVE_QTPDF and self.viewer.zoomMode() is QPdfView.ZoomMode.FitToWidth
        self.fit_button.setChecked(fit)
        self.zoom_label.setText(f"{round(factor * 100)} %" if shown else "")
        self.fit_button.setEnabled(shown)
        self.zoom_in_button.setEnabled(shown and factor < MAX_ZOOM - 1e-6)
        self.zoom_out_button.setEnabled(shown and factor > MIN_ZOOM + 1e-6)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl + mouse wheel zooms the preview, as in a PDF reader; a new width changes
        the scale "fit to width" gives."""
        if HAVE_QTPDF and watched is self.viewer.viewport():
            if event.type() == QEvent.Type.Resize:
                self._show_zoom()
            elif (
                isinstance(event, QWheelEvent)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                if self.page_count() > 0:
                    if event.angleDelta().y() > 0:
                        self.zoom_in()
                    elif event.angleDelta().y() < 0:
                        self.zoom_out()
                return True
        return super().eventFilter(watched, event)

    # -- saving -----------------------------------------------------------------------------
    def suggested_path(self, spec: ReportSpec, request: ReportRequest, fmt: OutputFormat) -> Path:
        """Where the save dialog starts: the reports folder, under a Vietnamese name that says
        what the report is (``Bao-cao-ke-hoach-quy-III-2026_Cai-Khe.pdf``)."""
        office = self.context.office
        if not office.is_city:
            unit: str | None = office.unit_name
        elif request.commune_code is None:
            unit = None
        else:
            unit = self._commune_names.get(request.commune_code, request.commune_code)
        return self.context.paths.reports / suggested_file_name(spec, request, fmt, unit)

    def save(self, fmt: OutputFormat) -> None:
        started = self._start()
        if started is None:
            return
        spec, request = started
        file_filter = {
            OutputFormat.PDF: self.tr("PDF document (*.pdf)"),
            OutputFormat.XLSX: self.tr("Excel workbook (*.xlsx)"),
            OutputFormat.DOCX: self.tr("Word document (*.docx)"),
        }[fmt]
        path = save_file_as(
            self, self.tr("Save the report"), self.suggested_path(spec, request, fmt), file_filter
        )
        if path is None:
            return
        made = self.made
        database = self.context.database

        def work(progress: Progress) -> Path:
            if made is not None and made.spec == spec and made.request == request:
                if fmt is OutputFormat.PDF:
                    return write_atomically(path, made.pdf)  # exactly what was previewed
                return save_report(made.report, path, progress)
            return write_report(database, spec, request, path, progress=progress)

        def done(written: Path) -> None:
            self._set_busy(False)
            show_saved(self, self.tr("Report saved: {path}").format(path=written), written)

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):
                self._set_busy(False)
                show_error(self, export_failure(error, path))
                return
            self._failed(error)

        self._set_busy(True)
        run_in_background(
            work,
            on_done=done,
            on_error=failed,
            parent=self,
            label=self.tr("Saving the report…"),
            cancellable=True,
        )
