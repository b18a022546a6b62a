"""The Báo cáo page."""

from desktop.ui.reports.reports_page import ReportsPage

__all__ = ["ReportsPage"]
