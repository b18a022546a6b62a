"""Line edits that take no more than their model column allows.

The limit is the one the column declares (:mod:`db.fields`), the same the service checks
on save and the city checks in a sync file, so a form cannot drift from them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit

from db.fields import max_length


def limit_to(edit: QLineEdit, column: Any) -> QLineEdit:
    """``edit`` taking at most as many characters as ``column`` (e.g. ``Loan.contract_no``)
    declares; unchanged for a column without a text limit."""
    limit = max_length(column)
    if limit is not None:
        edit.setMaxLength(limit)
    return edit


def limited_edit(column: Any) -> QLineEdit:
    """A new line edit limited to what ``column`` may hold."""
    return limit_to(QLineEdit(), column)
