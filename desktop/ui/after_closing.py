"""Changes to a period the city has closed (its bulletin): the one way the window asks.

Within :func:`desktop.core.closing.asking_first` the record store refuses such a change with
:class:`~desktop.core.closing.AfterClosing` instead of marking it, so the transaction rolls
back and nothing is written; the person is asked, and on Yes the same work runs again,
saved and marked as made after closing. Forms (Save) and list pages (Delete, Undo) both
go through here, so every way of changing a record asks the same question."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from desktop.core import closing
from desktop.ui.dialogs import confirm

V = TypeVar("V")


def asking_after_closing(parent: QWidget, work: Callable[[], V]) -> tuple[bool, V | None]:
    """``work()`` (which opens its own transaction); when it would change a record of a
    closed period, ask first and run it again on Yes. ``(False, None)`` when the person
    said No (nothing was written), else ``(True, what work returned)``."""
    try:
        with closing.asking_first():
            return True, work()
    except closing.AfterClosing as question:
        if not confirm(parent, question.text()):
            return False, None
        return True, work()
