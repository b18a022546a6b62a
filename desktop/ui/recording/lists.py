"""List pages for the recording tabs: the kit's :class:`ListPage` inside a tab (the tab names
it), showing this office's own records, with one form class for adding and changing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.list_page import ListPage

T = TypeVar("T")


class RecordListPage(ListPage[T]):
    """A list of this office's records inside a tab. Subclasses may implement
    :meth:`period_of` to get the period filter."""

    show_title = False
    #: The form that adds (row ``None``) or changes a row: ``form_class(context, row, parent)``.
    form_class: Callable[[AppContext, Any, QWidget], QDialog]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.owner = context.office.own_records
        super().__init__(context, parent)
        self.search.setMinimumWidth(250)

    def open_form(self, row: T | None) -> bool:
        return self.form_class(self.context, row, self).exec() == QDialog.DialogCode.Accepted
