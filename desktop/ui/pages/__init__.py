"""The navigation of the whole product, in order: each page with the function that builds it
when it is first shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg
from desktop.ui.context import AppContext
from desktop.ui.sync import sync_page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Msg
    factory: Callable[[AppContext], QWidget]


def _overview_page(context: AppContext) -> QWidget:
    from desktop.ui.overview.page import OverviewPage

    return OverviewPage(context)


def _tasks_page(context: AppContext) -> QWidget:
    from desktop.ui.tasks.page import TasksPage

    return TasksPage(context)


def _loans_page(context: AppContext) -> QWidget:
    from desktop.ui.loans.page import LoansPage

    return LoansPage(context)


def _funds_page(context: AppContext) -> QWidget:
    from desktop.ui.funds.page import FundsPage

    return FundsPage(context)


def _reports_page(context: AppContext) -> QWidget:
    # Imported when first shown, like every page: the reports bring in reportlab and
    # openpyxl, which start-up does not need (docs/performance.md).
    from desktop.ui.reports import ReportsPage

    return ReportsPage(context)


def _settings_page(context: AppContext) -> QWidget:
    from desktop.ui.pages.settings.page import SettingsPage

    return SettingsPage(context)


PAGES: list[PageSpec] = [
    PageSpec("overview", QT_TRANSLATE_NOOP("Pages", "Overview"), _overview_page),
    PageSpec("tasks", QT_TRANSLATE_NOOP("Pages", "Tasks"), _tasks_page),
    PageSpec("loans", QT_TRANSLATE_NOOP("Pages", "Loans"), _loans_page),
    PageSpec("funds", QT_TRANSLATE_NOOP("Pages", "Contributions & capital"), _funds_page),
    PageSpec("sync", QT_TRANSLATE_NOOP("Pages", "Sync"), sync_page),
    PageSpec("reports", QT_TRANSLATE_NOOP("Pages", "Reports"), _reports_page),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), _settings_page),
]
