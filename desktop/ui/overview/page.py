"""Tổng quan: the year at a glance — reminders of dates that are near, the fund, deposits,
entrusted capital against both targets, task completion — with charts, and the whole change
history one click away.

It reads everything again each time it is shown, so what was recorded on the other pages is
there when the person comes back.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dashboard.history import change_history
from desktop.core.dashboard.overview import Overview, load_overview, overview_years
from desktop.core.formatting import format_money, format_percent
from desktop.core.funds.indicators import (
    ShareIndicator,
    TargetStatus,
    status_label,
)
from desktop.ui.context import AppContext
from desktop.ui.data_changes import watch
from desktop.ui.history import HistoryDialog
from desktop.ui.list_page import page_title
from desktop.ui.recording.charts import (
    GrowthChart,
    MonthlyContributionsChart,
    ShareChart,
    TaskStatusChart,
)

STATUS_STYLE = {
    TargetStatus.ON_TRACK: "color: #2e7d32; font-weight: bold",
    TargetStatus.BEHIND: "color: #c62828; font-weight: bold",
    TargetStatus.NO_DATA: "color: #555",
}
REMINDER_STYLE = "background: #fff8e1; border: 1px solid #f9a825; border-radius: 4px; padding: 6px"


class Card(QGroupBox):
    """A titled box of ``label: value`` lines."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}

    def line(self, key: str, text: str) -> QLabel:
        value = QLabel()
        value.setObjectName(f"value_{key}")
        caption = QLabel(text)
        caption.setWordWrap(True)
        self.form.addRow(caption, value)
        self.values[key] = value
        return value

    def set(self, key: str, text: str, style: str = "") -> None:
        self.values[key].setText(text)
        self.values[key].setStyleSheet(style)


def latest_share(overview: Overview) -> ShareIndicator:
    """The share of the chosen year, or of the latest year before it with a total (total
    capital is known only once the year is closed)."""
    if overview.entrusted.share.status is not TargetStatus.NO_DATA:
        return overview.entrusted.share
    earlier = [
        i.share
        for i in overview.entrusted_years
        if i.year < overview.year and i.share.status is not TargetStatus.NO_DATA
    ]
    return earlier[-1] if earlier else overview.entrusted.share


class OverviewPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.owner = context.office.unit_code
        self.overview: Overview | None = None
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(page_title(self.tr("Overview")))
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Year:")))
        self.year = QComboBox()
        head.addWidget(self.year)
        self.history_button = QPushButton(self.tr("Change history…"))
        head.addWidget(self.history_button)
        outer.addLayout(head)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.reminders = QVBoxLayout()
        layout.addLayout(self.reminders)
        self.reminder_labels: list[QLabel] = []
        cards = QGridLayout()
        layout.addLayout(cards)
        self.fund_card = Card("")
        self.fund_card.line("opening", self.tr("Opening balance"))
        self.fund_card.line("receipts", self.tr("Receipts (money)"))
        self.fund_card.line("spending", self.tr("Grants paid"))
        self.fund_card.line("closing", self.tr("Closing balance"))
        self.fund_card.line("in_kind", self.tr("Gifts in kind (estimated)"))
        self.fund_card.line("peak", self.tr("Peak month 17/10 – 18/11"))
        self.growth_card = Card(self.tr("Entrusted capital: growth (target ≥ 20 % a year)"))
        self.growth_card.line("transferred", self.tr("Transferred this year"))
        self.growth_card.line("previous", self.tr("Transferred the year before"))
        self.growth_card.line("growth", self.tr("Growth"))
        self.growth_card.line("status", self.tr("Target"))
        self.growth_card.line("needed", self.tr("Still needed"))
        self.share_card = Card(
            self.tr("Entrusted capital: share of total capital (≥ 20 % by 2030)")
        )
        self.share_card.line("year", self.tr("Figures of"))
        self.share_card.line("entrusted", self.tr("Entrusted capital"))
        self.share_card.line("total", self.tr("Total capital"))
        self.share_card.line("share", self.tr("Share"))
        self.share_card.line("status", self.tr("Target"))
        self.share_card.line("needed", self.tr("Still needed"))
        self.task_card = Card("")
        self.task_card.line("done", self.tr("Completed or carried out regularly"))
        self.task_card.line("in_progress", self.tr("In progress"))
        self.task_card.line("not_started", self.tr("Not started"))
        self.task_card.line("missing", self.tr("No record in the year"))
        self.deposit_card = Card("")
        self.deposit_card.line("deposits", self.tr("Deposits"))
        self.deposit_card.line("sponsorship", self.tr("Sponsorship"))
        cards.addWidget(self.fund_card, 0, 0)
        cards.addWidget(self.task_card, 0, 1)
        cards.addWidget(self.growth_card, 1, 0)
        cards.addWidget(self.share_card, 1, 1)
        cards.addWidget(self.deposit_card, 2, 0)
        for column in range(2):
            cards.setColumnStretch(column, 1)
        charts = QGridLayout()
        layout.addLayout(charts)
        self.month_chart = MonthlyContributionsChart(self)
        self.task_chart = TaskStatusChart(self)
        self.growth_chart = GrowthChart(self)
        self.share_chart = ShareChart(self)
        charts.addWidget(self.month_chart, 0, 0)
        charts.addWidget(self.task_chart, 0, 1)
        charts.addWidget(self.growth_chart, 1, 0)
        charts.addWidget(self.share_chart, 1, 1)
        self.year.currentIndexChanged.connect(self._year_chosen)
        self.history_button.clicked.connect(self.show_history)
        # Whatever the other pages record shows here.
        watch(self, context.changes, ("loan", "fund_contribution", "task_progress"), self.reload)
        self.reload()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        today = date.today()
        chosen = self.year.currentData()
        with self.context.database.reading() as session:
            years = overview_years(session, self.owner, today=today)
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        index = self.year.findData(chosen if chosen is not None else today.year)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        self._year_chosen()

    def _year_chosen(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        with self.context.database.reading() as session:
            overview = load_overview(session, year, self.owner)
        self.show_overview(overview)

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        self._show_reminders(overview)
        self._show_fund(overview)
        self._show_entrusted(overview)
        self._show_tasks(overview)
        deposits = overview.deposits
        self.deposit_card.setTitle(
            self.tr("Deposits and sponsorship in {year}").format(year=overview.year)
        )
        self.deposit_card.set(
            "deposits",
            self.tr("{amount} ({count} records)").format(
                amount=format_money(deposits.deposits), count=deposits.deposits_count
            ),
        )
        self.deposit_card.set(
            "sponsorship",
            self.tr("{amount} ({count} records)").format(
                amount=format_money(deposits.sponsorship), count=deposits.sponsorship_count
            ),
        )
        self.month_chart.set_months(overview.months, overview.year)
        self.task_chart.set_completion(
            overview.tasks, self.tr("Plan tasks in {year}").format(year=overview.year)
        )
        self.growth_chart.set_series(overview.entrusted_years)
        self.share_chart.set_series(overview.entrusted_years)

    def _show_reminders(self, overview: Overview) -> None:
        for old in self.reminder_labels:
            self.reminders.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        self.reminder_labels = []
        for reminder in overview.reminders:
            text = QLabel("⏰ " + reminder.message(city=self.context.office.is_city))
            text.setObjectName("reminder")
            text.setWordWrap(True)
            text.setStyleSheet(REMINDER_STYLE)
            self.reminders.addWidget(text)
            self.reminder_labels.append(text)

    def _show_fund(self, overview: Overview) -> None:
        fund, peak = overview.fund, overview.peak
        self.fund_card.setTitle(
            self.tr('"Vì người nghèo" fund in {year}').format(year=overview.year)
        )
        self.fund_card.set("opening", format_money(fund.opening))
        self.fund_card.set(
            "receipts",
            self.tr("{amount} ({count} gifts)").format(
                amount=format_money(fund.receipts), count=fund.receipts_count
            ),
        )
        self.fund_card.set(
            "spending",
            self.tr("{amount} ({count} grants)").format(
                amount=format_money(fund.spending), count=fund.spending_count
            ),
        )
        self.fund_card.set("closing", format_money(fund.closing), "font-weight: bold")
        self.fund_card.set("in_kind", format_money(fund.in_kind))
        self.fund_card.set(
            "peak",
            self.tr("{amount} ({count} gifts)").format(
                amount=format_money(peak.money + peak.in_kind), count=peak.count
            ),
        )

    def _show_entrusted(self, overview: Overview) -> None:
        growth = overview.entrusted.growth
        self.growth_card.set("transferred", format_money(growth.transferred))
        self.growth_card.set("previous", format_money(growth.previous))
        self.growth_card.set("growth", format_percent(growth.growth))
        self.growth_card.set("status", status_label(growth.status), STATUS_STYLE[growth.status])
        self.growth_card.set(
            "needed", format_money(growth.still_needed) if growth.still_needed is not None else "–"
        )
        share = latest_share(overview)
        self.share_card.set("year", str(share.year))
        entrusted = format_money(share.entrusted) if share.entrusted is not None else "–"
        if share.estimated:
            entrusted += " " + self.tr("(estimated from the transfers)")
        self.share_card.set("entrusted", entrusted)
        self.share_card.set(
            "total", format_money(share.total_capital) if share.total_capital else "–"
        )
        self.share_card.set("share", format_percent(share.share))
        self.share_card.set("status", status_label(share.status), STATUS_STYLE[share.status])
        self.share_card.set(
            "needed", format_money(share.still_needed) if share.still_needed is not None else "–"
        )

    def _show_tasks(self, overview: Overview) -> None:
        tasks = overview.tasks
        self.task_card.setTitle(self.tr("Plan tasks in {year}").format(year=overview.year))
        self.task_card.set(
            "done",
            self.tr("{count} of {expected} ({share})").format(
                count=tasks.done, expected=tasks.expected, share=format_percent(tasks.done_share, 0)
            ),
        )
        self.task_card.set("in_progress", str(tasks.in_progress))
        self.task_card.set("not_started", str(tasks.not_started))
        self.task_card.set(
            "missing",
            str(tasks.missing),
            STATUS_STYLE[TargetStatus.BEHIND] if tasks.missing else "",
        )

    # -- history --------------------------------------------------------------------------------
    def show_history(self) -> None:
        """Every change recorded in this database, newest first."""
        with self.context.database.reading() as session:
            rows = change_history(session)
        HistoryDialog(rows, self.context.paths.reports, self).exec()
