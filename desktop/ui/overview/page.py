"""Tổng quan: the year at a glance — reminders of dates that are near (the city's notices
among them), the targets the city assigned the commune and how far it is from each, the loans
(dư nợ, overdue, loans due a check), the fund, deposits, entrusted capital against both
targets, task completion — with charts, and the whole change history one click away.

At the city it shows every commune together by default, or one commune, or the city office's
own records, and says how many communes the figures rest on.

The figures are read off the GUI thread (at the city the loans alone are some 600 000 rows);
the page keeps showing the previous ones meanwhile. It reads everything again each time it is
shown, so what was recorded on the other pages is there when the person comes back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core.dashboard.history import change_history
from desktop.core.dashboard.loans import LoanSummary
from desktop.core.dashboard.overview import Overview, read_overview
from desktop.core.dashboard.scope import Coverage, communes_for_choice
from desktop.core.errors import UserError
from desktop.core.formatting import format_date, format_datetime, format_money, format_percent
from desktop.core.funds.indicators import (
    ShareIndicator,
    TargetStatus,
    status_label,
)
from desktop.core.labels import label
from desktop.core.owners import Scope
from desktop.core.targets import TargetProgress, amount_text
from desktop.ui.background import run_in_background
from desktop.ui.context import AppContext
from desktop.ui.data_changes import watch
from desktop.ui.history import HistoryDialog
from desktop.ui.overview.scope import ScopeCombo
from desktop.ui.recording.charts import (
    GrowthChart,
    MonthlyContributionsChart,
    ShareChart,
    TaskStatusChart,
)
from desktop.ui.views import page_title

log = logging.getLogger(__name__)

STATUS_STYLE = {
    TargetStatus.ON_TRACK: "color: #2e7d32; font-weight: bold",
    TargetStatus.BEHIND: "color: #c62828; font-weight: bold",
    TargetStatus.NO_DATA: "color: #555",
}
REMINDER_STYLE = "background: #fff8e1; border: 1px solid #f9a825; border-radius: 4px; padding: 6px"
PART_STYLE = "color: #8d4b00; font-weight: bold"
NO_DATA_STYLE = "color: #555; font-style: italic"


class Card(QGroupBox):
    """A titled box of ``label: value`` lines."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}

    def line(self, key: str, text: str) -> QLabel:
        value = QLabel()
        value.setObjectName(f"value_{key}")
        caption = QLabel(text)
        caption.setWordWrap(True)
        self.form.addRow(caption, value)
        self.values[key] = value
        self.captions[key] = caption
        return value

    def set(self, key: str, text: str, style: str = "") -> None:
        self.values[key].setText(text)
        self.values[key].setStyleSheet(style)

    def show_line(self, key: str, visible: bool) -> None:
        self.form.setRowVisible(self.values[key], visible)

    def shown(self, key: str) -> bool:
        """Whether the line is on screen (for tests; the card itself may be hidden)."""
        return not self.values[key].isHidden()


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
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.overview: Overview | None = None
        #: Figures are being read (the previous ones stay on screen meanwhile).
        self.loading = False
        self._generation = 0
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(page_title(self.tr("Overview")))
        self.status = QLabel()
        self.status.setObjectName("overviewStatus")
        self.status.setStyleSheet("color: #555")
        # It must never push the choices off a narrow screen: cut, the rest in the tooltip.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        head.addWidget(self.status, 1)
        self.scope: ScopeCombo | None = None
        if context.office.is_city:
            with context.database.reading() as session:
                communes = communes_for_choice(session)
            self.scope = ScopeCombo(communes)
            head.addWidget(QLabel(self.tr("Figures of:")))
            head.addWidget(self.scope)
        head.addWidget(QLabel(self.tr("Year:")))
        self.year = QComboBox()
        head.addWidget(self.year)
        self.history_button = QPushButton(self.tr("Change history…"))
        head.addWidget(self.history_button)
        outer.addLayout(head)
        self.coverage_label = QLabel()
        self.coverage_label.setObjectName("coverage")
        self.coverage_label.setWordWrap(True)
        self.coverage_label.setVisible(context.office.is_city)
        outer.addWidget(self.coverage_label)
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
        self.targets_card = QGroupBox()
        self.targets_card.setObjectName("targetsCard")
        self.targets_form = QFormLayout(self.targets_card)
        self.targets_card.setVisible(False)
        layout.addWidget(self.targets_card)
        cards = QGridLayout()
        layout.addLayout(cards)
        self.loan_card = Card("")
        self.loan_card.line("data", self.tr("Balance data as of"))
        self.loan_card.line("outstanding", self.tr("Outstanding"))
        self.loan_card.line("with_balance", self.tr("With a balance"))
        self.loan_card.line("overdue", self.tr("Overdue"))
        self.loan_card.line("overdue_frozen", self.tr("Overdue and frozen"))
        self.loan_card.line("not_checked", self.tr("Not checked in the last 12 months"))
        self.loan_card.line("communes", self.tr("Communes and wards with data"))
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
        cards.addWidget(self.loan_card, 0, 0)
        cards.addWidget(self.fund_card, 0, 1)
        cards.addWidget(self.task_card, 1, 0)
        cards.addWidget(self.deposit_card, 1, 1)
        cards.addWidget(self.growth_card, 2, 0)
        cards.addWidget(self.share_card, 2, 1)
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
        self.year.currentIndexChanged.connect(self.reload)
        if self.scope is not None:
            self.scope.currentIndexChanged.connect(self.reload)
        self.history_button.clicked.connect(self.show_history)
        # Whatever the other pages record shows here.
        watch(self, context.changes, ("loan", "fund_contribution", "task_progress"), self.reload)
        self.reload()

    @property
    def owner(self) -> Scope:
        """Whose figures: this commune's, or at the city the one chosen (every commune
        together at first)."""
        if self.scope is None:
            return self.context.office.own_records
        return self.scope.owner

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the figures of the chosen year and scope again, off the GUI thread."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.status.setText(self.tr("Reading the figures…"))
        database = self.context.database
        owner = self.owner
        chosen = self.year.currentData()
        today = self.today()

        def work(_progress: Any) -> tuple[list[int], Overview]:
            return read_overview(database, owner, chosen, today=today)

        def done(result: tuple[list[int], Overview]) -> None:
            if not isValid(self) or generation != self._generation:
                return
            years, overview = result
            self.year.blockSignals(True)
            self.year.clear()
            for year in years:
                self.year.addItem(str(year), year)
            self.year.setCurrentIndex(max(self.year.findData(overview.year), 0))
            self.year.blockSignals(False)
            self.show_overview(overview)
            self.loading = False
            self.status.clear()
            self.status.setToolTip("")

        def failed(error: BaseException) -> None:
            # On the status line, not in a dialog: figures that could not be read (a locked
            # or damaged database) must not block the window; the old ones stay on screen.
            if isValid(self) and generation == self._generation:
                self.loading = False
                if isinstance(error, UserError):
                    message = self.tr("The figures could not be read: {error}").format(
                        error=error.text()
                    )
                else:
                    log.error("Tổng quan could not read its figures", exc_info=error)
                    message = self.tr(
                        "The figures could not be read; open this page again in a moment."
                    )
                self.status.setText(message)
                self.status.setToolTip(message)

        run_in_background(work, on_done=done, on_error=failed)

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        self._show_coverage(overview.coverage)
        self._show_reminders(overview)
        self._show_targets(overview)
        self._show_loans(overview.loans)
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

    def _show_coverage(self, coverage: Coverage) -> None:
        """At the city: how many communes the figures rest on — never part called whole."""
        if not self.context.office.is_city:
            return
        style = ""
        if coverage.owner.is_city_office:
            text = self.tr("Records kept by the city office itself.")
        elif coverage.owner.is_all_communes:
            if coverage.reporting == 0:
                text = self.tr("No commune or ward has sent its figures yet.")
                style = PART_STYLE
            elif coverage.complete:
                text = self.tr("Figures of all {total} communes and wards.").format(
                    total=coverage.communes
                )
            else:
                text = self.tr(
                    "Figures of the {sent}/{total} communes and wards that have sent theirs."
                ).format(sent=coverage.reporting, total=coverage.communes)
                style = PART_STYLE
        else:
            # The item's text, not the line's: the person may be typing a search meanwhile.
            scope = self.scope
            name = (
                scope.itemText(scope.currentIndex()) if scope is not None else coverage.owner.code
            )
            if not coverage.reporting:
                text = self.tr("{commune} has not sent its figures yet.").format(commune=name)
                style = PART_STYLE
            elif coverage.last_import is not None:
                text = self.tr("Figures sent by {commune}; latest file imported {when}.").format(
                    commune=name, when=format_datetime(coverage.last_import)
                )
            else:
                text = self.tr("Figures sent by {commune}.").format(commune=name)
        self.coverage_label.setText(text)
        self.coverage_label.setStyleSheet(style)

    def _show_loans(self, loans: LoanSummary) -> None:
        card = self.loan_card
        card.setTitle(self.tr("Policy credit on {day}").format(day=format_date(loans.day)))
        for key in card.values:
            card.show_line(key, loans.has_data)
            card.set(key, "")
        card.show_line("data", True)
        if not loans.has_data:
            card.captions["data"].clear()
            card.set("data", self.tr("No balance data yet"), NO_DATA_STYLE)
            return
        card.captions["data"].setText(self.tr("Balance data as of"))
        earliest, latest = loans.earliest_data, loans.latest_data
        if earliest == latest:
            card.set("data", format_date(latest))
        else:
            card.set(
                "data",
                self.tr("{earliest} to {latest}, depending on the commune").format(
                    earliest=format_date(earliest), latest=format_date(latest)
                ),
            )
        card.set("outstanding", format_money(loans.outstanding), "font-weight: bold")
        card.set(
            "with_balance",
            self.tr("{borrowers} borrowers, {loans} loans").format(
                borrowers=loans.borrowers_with_balance, loans=loans.loans_with_balance
            ),
        )
        card.set(
            "overdue",
            self.tr("{amount} ({ratio})").format(
                amount=format_money(loans.overdue), ratio=format_percent(loans.overdue_ratio)
            ),
            STATUS_STYLE[TargetStatus.BEHIND] if loans.overdue else "",
        )
        card.set(
            "overdue_frozen",
            self.tr("{amount} ({ratio})").format(
                amount=format_money(loans.overdue_frozen),
                ratio=format_percent(loans.overdue_frozen_ratio),
            ),
        )
        card.set(
            "not_checked",
            self.tr("{count} loans").format(count=loans.not_checked),
            STATUS_STYLE[TargetStatus.BEHIND] if loans.not_checked else "",
        )
        card.show_line("communes", loans.owner.is_all_communes and self.context.office.is_city)
        coverage = self.overview.coverage if self.overview is not None else None
        card.set(
            "communes",
            f"{loans.communes}/{coverage.communes}" if coverage else str(loans.communes),
        )

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
        for notice in overview.notices:
            if notice.days_left < 0:
                template = self.tr(
                    "Notice from the city: {title} — the day to act by, {date}, has passed."
                )
            else:
                template = self.tr(
                    "Notice from the city: {title} — act by {date} ({days} days left)."
                )
            text = QLabel(
                "📌 "
                + template.format(
                    title=notice.title, date=format_date(notice.act_by), days=notice.days_left
                )
            )
            text.setObjectName("reminder")
            text.setWordWrap(True)
            text.setStyleSheet(REMINDER_STYLE)
            self.reminders.addWidget(text)
            self.reminder_labels.append(text)

    def _show_targets(self, overview: Overview) -> None:
        """The targets the city assigned the commune for the year, each with how far it is."""
        while self.targets_form.rowCount():
            self.targets_form.removeRow(0)
        self.targets_card.setVisible(bool(overview.targets))
        self.targets_card.setTitle(
            self.tr("Targets assigned by the city for {year}").format(year=overview.year)
        )
        for target in overview.targets:
            value = QLabel(self.target_text(target))
            value.setObjectName(f"target_{target.kind.value}")
            value.setWordWrap(True)
            style = TargetStatus.ON_TRACK if target.reached else TargetStatus.BEHIND
            value.setStyleSheet(STATUS_STYLE[style])
            caption = QLabel(label(target.kind))
            caption.setWordWrap(True)
            self.targets_form.addRow(caption, value)

    def target_text(self, target: TargetProgress) -> str:
        """``"120.000.000 đ of 500.000.000 đ (24,00 %): 380.000.000 đ still to go"``."""
        done = self.tr("{achieved} of {value} ({share})").format(
            achieved=amount_text(target.kind, target.achieved),
            value=amount_text(target.kind, target.value),
            share=format_percent(target.share),
        )
        if target.reached:
            return self.tr("{done}: reached").format(done=done)
        return self.tr("{done}: {remaining} still to go").format(
            done=done, remaining=amount_text(target.kind, target.remaining)
        )

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
