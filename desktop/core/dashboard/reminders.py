"""Reminders of the two dates of the year that matter to every office.

- The yearly report on carrying out Directive 39 must reach the Central Policy and Strategy
  Commission **before 30 October** (plan III.3). Shown from :data:`REMINDER_DAYS` days before
  until 29 October, the last day before the deadline; communes are reminded to send their
  figures in time, the city to finish its report.
- The peak month of the Quỹ "Vì người nghèo" campaign runs **17 October – 18 November**.
  Shown from :data:`REMINDER_DAYS` days before it starts and throughout it.

30 days is long enough to prepare a report or a campaign and short enough that the notice is
not wallpaper for half the year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.core.funds.statement import peak_window
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr

REMINDER_DAYS = 30
#: Reports are due before this day and month.
REPORT_DUE = (10, 30)

M_REPORT_COMMUNE = QT_TRANSLATE_NOOP(
    "Reminders",
    "The yearly report on Directive 39-CT/TW is due before {due} ({days} days left): send "
    "this office's figures to the city in good time.",
)
M_REPORT_CITY = QT_TRANSLATE_NOOP(
    "Reminders",
    "The city's yearly report on Directive 39-CT/TW must reach the Central Policy and "
    "Strategy Commission before {due} ({days} days left).",
)
M_PEAK_SOON = QT_TRANSLATE_NOOP(
    "Reminders",
    'The peak month of the "Vì người nghèo" fund campaign starts on {start} ({days} days '
    "left) and runs until {end}.",
)
M_PEAK_NOW = QT_TRANSLATE_NOOP(
    "Reminders",
    'The peak month of the "Vì người nghèo" fund campaign is under way until {end} '
    "({days} days left).",
)


class ReminderKind(StrEnum):
    YEARLY_REPORT = "yearly_report"
    FUND_PEAK = "fund_peak"


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    #: The deadline (the report) or the first day (the peak month).
    starts: date
    #: The last day it is about.
    ends: date
    ongoing: bool
    #: Days from today to ``starts`` (or to the end of ``ends`` when ongoing).
    days_left: int

    def message(self, *, city: bool) -> str:
        if self.kind is ReminderKind.YEARLY_REPORT:
            template = M_REPORT_CITY if city else M_REPORT_COMMUNE
            return tr(template, due=self.starts.strftime("%d/%m/%Y"), days=self.days_left)
        if self.ongoing:
            return tr(M_PEAK_NOW, end=self.ends.strftime("%d/%m/%Y"), days=self.days_left)
        return tr(
            M_PEAK_SOON,
            start=self.starts.strftime("%d/%m/%Y"),
            end=self.ends.strftime("%d/%m/%Y"),
            days=self.days_left,
        )


def reminders(today: date, *, window: int = REMINDER_DAYS) -> list[Reminder]:
    """The reminders to show on ``today``, the nearest first."""
    found: list[Reminder] = []
    due = date(today.year, *REPORT_DUE)
    if 0 < (due - today).days <= window:
        found.append(
            Reminder(
                ReminderKind.YEARLY_REPORT,
                due,
                due - timedelta(days=1),
                False,
                (due - today).days,
            )
        )
    start, end = peak_window(today.year)
    if start <= today <= end:
        found.append(Reminder(ReminderKind.FUND_PEAK, start, end, True, (end - today).days + 1))
    elif 0 < (start - today).days <= window:
        found.append(Reminder(ReminderKind.FUND_PEAK, start, end, False, (start - today).days))
    return sorted(found, key=lambda r: r.days_left)
