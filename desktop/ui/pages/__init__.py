"""The navigation of the whole product, in order. Each later part of TDCS replaces a
placeholder with its page here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg
from desktop.ui.context import AppContext
from desktop.ui.loans.page import LoansPage
from desktop.ui.pages.placeholder import PlaceholderPage
from desktop.ui.pages.settings_page import SettingsPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Msg
    factory: Callable[[AppContext], QWidget]


def _placeholder(title: Msg, what: Msg) -> Callable[[AppContext], QWidget]:
    return lambda context: PlaceholderPage(title, what)


PAGES: list[PageSpec] = [
    PageSpec(
        "overview",
        QT_TRANSLATE_NOOP("Pages", "Overview"),
        _placeholder(
            QT_TRANSLATE_NOOP("Pages", "Overview"),
            QT_TRANSLATE_NOOP(
                "Pages", "Indicators, charts and reminders of report deadlines will appear here."
            ),
        ),
    ),
    PageSpec(
        "tasks",
        QT_TRANSLATE_NOOP("Pages", "Tasks"),
        _placeholder(
            QT_TRANSLATE_NOOP("Pages", "Tasks"),
            QT_TRANSLATE_NOOP(
                "Pages",
                "Recording progress on the plan's tasks, period by period, comes in the next "
                "update.",
            ),
        ),
    ),
    PageSpec("loans", QT_TRANSLATE_NOOP("Pages", "Loans"), lambda context: LoansPage(context)),
    PageSpec(
        "funds",
        QT_TRANSLATE_NOOP("Pages", "Contributions & capital"),
        _placeholder(
            QT_TRANSLATE_NOOP("Pages", "Contributions & capital"),
            QT_TRANSLATE_NOOP(
                "Pages",
                'The "Vì người nghèo" fund, deposits and entrusted capital come in the next '
                "update.",
            ),
        ),
    ),
    PageSpec(
        "sync",
        QT_TRANSLATE_NOOP("Pages", "Sync"),
        _placeholder(
            QT_TRANSLATE_NOOP("Pages", "Sync"),
            QT_TRANSLATE_NOOP(
                "Pages",
                "Sending the signed, encrypted file to the city (and importing it at the city) "
                "comes in the next update.",
            ),
        ),
    ),
    PageSpec(
        "reports",
        QT_TRANSLATE_NOOP("Pages", "Reports"),
        _placeholder(
            QT_TRANSLATE_NOOP("Pages", "Reports"),
            QT_TRANSLATE_NOOP(
                "Pages", "Official PDF reports and Excel workbooks come in the next update."
            ),
        ),
    ),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), SettingsPage),
]
