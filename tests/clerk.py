"""Driving the window as a clerk does: click the real buttons, type Vietnamese, answer the real
dialogs — and remember which buttons some test clicked, so that a new button arrives with its
test (``tests/test_every_button.py``).

Dialogs are answered while they are really open: :func:`answering` watches for the modal
dialog the code under test opens with ``exec()`` (a message box, a file dialog, a form) and
hands it to the next answer in line, so the dialog's own buttons, validation and result are
exercised. A dialog nobody expected is closed and fails the test instead of hanging it::

    with answering(qtbot, save_as(target), ok("Đã xuất")):
        click(page.export_button)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QDeadlineTimer, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from desktop.ui.list_page import ListPage

if TYPE_CHECKING:
    from desktop.core.database import Database
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

Answer = Callable[[QWidget], None]
Loading = TypeVar("Loading", bound=QWidget)

# -- which buttons some test clicked ----------------------------------------------------------

#: Names (see :func:`control_name`) of every button clicked and action triggered so far in
#: this test session.
CLICKED: set[str] = set()


def control_name(control: QObject) -> str:
    """A stable name for a button or action: ``Class.attribute`` of the nearest widget of
    TDCS that holds it as an attribute (``LoanListPage.export_button``), else
    ``Class#objectName``; empty when it has neither (the coverage test asks for one)."""
    owner = control.parent()
    while owner is not None:
        if type(owner).__module__.startswith("desktop."):
            for attribute, value in vars(owner).items():
                if value is control:
                    return f"{type(owner).__name__}.{attribute}"
        owner = owner.parent()
    if control.objectName():
        owner = control.parent()
        while owner is not None and not type(owner).__module__.startswith("desktop."):
            owner = owner.parent()
        where = type(owner).__name__ if owner is not None else "?"
        return f"{where}#{control.objectName()}"
    return ""


class ClickRecorder(QObject):
    """An application event filter: every button or action that becomes visible gets its
    ``clicked`` / ``triggered`` connected to :data:`CLICKED` once. A hidden button cannot be
    clicked by a person, so it is never counted."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if isinstance(watched, QAbstractButton):
                self._watch(watched, watched.clicked)
            for action in watched.actions():
                self._watch(action, action.triggered)
        return False

    @staticmethod
    def _watch(control: QObject, signal: Any) -> None:
        if control.property("tdcsWatched"):
            return
        control.setProperty("tdcsWatched", True)

        def record(*_args: object) -> None:
            name = control_name(control)
            if name:
                CLICKED.add(name)

        signal.connect(record)


# -- hands --------------------------------------------------------------------------------


def click(button: QAbstractButton) -> None:
    """Click ``button`` with the mouse, as a person does: it must be visible and enabled.

    Like a person, the next step waits until the lists of the button's window that the click
    made read again show their rows (lists load on the thread pool)."""
    assert button.isVisible(), f"the button {button.text()!r} is not visible"
    assert button.isEnabled(), f"the button {button.text()!r} is disabled"
    window = button.window()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    if isValid(window):
        _wait_for_lists(window)


# -- lists that load off the GUI thread -----------------------------------------------------

#: How long a list may take to read its rows in a test (the machine may be busy).
LOAD_TIMEOUT_MS = 10_000


def _loading(widget: QWidget) -> bool:
    """Whether a list page in ``widget`` (or ``widget`` itself: a list page, or a page with
    a ``loading`` flag of its own such as Tổng quan) is still reading."""
    if not isValid(widget):
        return False
    return getattr(widget, "loading", False) is True or any(
        page.loading for page in widget.findChildren(ListPage)
    )


def _wait_for_lists(widget: QWidget) -> None:
    deadline = QDeadlineTimer(LOAD_TIMEOUT_MS)
    while _loading(widget):
        assert not deadline.hasExpired(), "a list did not load in 10 seconds"
        QTest.qWait(5)


def loaded(qtbot: QtBot, widget: Loading) -> Loading:
    """Wait until every list page in ``widget`` (or ``widget`` itself) has read its rows: a
    list reads them on the thread pool (``desktop/ui/list_page.py``) and shows "Đang tải…"
    meanwhile. Use it before reading the rows of a page just shown or reloaded; returns
    ``widget`` (``tab = loaded(qtbot, click_tab(…))``)."""
    qtbot.waitUntil(lambda: not _loading(widget), timeout=LOAD_TIMEOUT_MS)
    return widget


def trigger(action: QAction) -> None:
    """Choose ``action`` (a menu entry or a shortcut): it must be enabled."""
    assert action.isEnabled(), f"the action {action.text()!r} is disabled"
    assert action.isVisible(), f"the action {action.text()!r} is hidden"
    action.trigger()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` (NFC) into ``widget``, one key event per character carrying the text.

    ``qtbot.keyClicks`` aborts the test process on non-ASCII text."""
    widget.setFocus()
    for char in unicodedata.normalize("NFC", text):
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


def commit_text(widget: QWidget, text: str) -> None:
    """Enter ``text`` the way a Vietnamese input method (Unikey, EVKey) does: one commit."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(unicodedata.normalize("NFC", text))
    QApplication.sendEvent(widget, event)


def press_key(widget: QWidget, key: Qt.Key) -> None:
    QTest.keyClick(widget, key)


def press_enter(widget: QWidget) -> None:
    press_key(widget, Qt.Key.Key_Return)


def retype(field: QWidget, text: str) -> None:
    """Select what a field (a line, a number, a date, a text area) holds and type ``text``
    over it (Delete for nothing), then leave it (its ``editingFinished``), as a person does."""
    field.setFocus()
    getattr(field, "selectAll")()  # noqa: B009 (QLineEdit, QAbstractSpinBox, QTextEdit…)
    if text:
        type_text(field, text)
    else:
        QTest.keyClick(field, Qt.Key.Key_Delete)
    finished = getattr(field, "editingFinished", None)
    if finished is not None:
        finished.emit()


def choose(combo: QComboBox, text: str) -> None:
    """Pick the entry that reads ``text`` in a drop-down list a person can use."""
    assert combo.isVisible() and combo.isEnabled(), f"cannot choose {text!r}: the list is locked"
    index = combo.findText(text)
    assert index >= 0, f"no {text!r} in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def go_to(window: Any, title: str) -> QWidget:
    """Click ``title`` in the main window's navigation; the page it shows."""
    nav: QListWidget = window.nav
    item = next(nav.item(i) for i in range(nav.count()) if nav.item(i).text() == title)
    QTest.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
    )
    page: QWidget = window.stack.currentWidget()
    return page


def click_row(view: QAbstractItemView, row: int) -> None:
    """Click the first cell of ``row`` in a list, as a person selects a line."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def click_tab(tabs: QTabWidget, title: str) -> Any:
    """Click the tab labelled ``title``; the widget it shows."""
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&&", "&") == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index, f"the tab {title!r} did not open"
    return tabs.currentWidget()


# -- answering dialogs --------------------------------------------------------------------


def _text_of(dialog: QWidget) -> str:
    if isinstance(dialog, QMessageBox):
        return f"{dialog.text()} {dialog.informativeText()}"
    return dialog.windowTitle()


def _press(dialog: QWidget, which: QMessageBox.StandardButton, expect: tuple[str, ...]) -> None:
    text = _text_of(dialog)
    assert isinstance(dialog, QMessageBox), f"expected a message box, got {dialog!r}: {text!r}"
    for part in expect:
        assert part in text, f"expected {part!r} in the message {text!r}"
    button = dialog.button(which)
    assert button is not None, f"the message {text!r} has no such button"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def yes(*expect: str) -> Answer:
    """Answer a question with Có (Yes), after checking it says each of ``expect``."""
    return lambda dialog: _press(dialog, QMessageBox.StandardButton.Yes, expect)


def no(*expect: str) -> Answer:
    return lambda dialog: _press(dialog, QMessageBox.StandardButton.No, expect)


def ok(*expect: str) -> Answer:
    """Acknowledge a message (information or warning) that says each of ``expect``."""
    return lambda dialog: _press(dialog, QMessageBox.StandardButton.Ok, expect)


def message_button(text: str, expect: str = "") -> Answer:
    """Press the button labelled ``text`` in a message box with custom buttons."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox), f"expected a message box, got {dialog!r}"
        assert expect in _text_of(dialog), f"expected {expect!r} in {_text_of(dialog)!r}"
        for button in dialog.buttons():
            if button.text().replace("&", "") == text:
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                return
        raise AssertionError(f"no button {text!r} in {[b.text() for b in dialog.buttons()]}")

    return answer


def _choose_file(path: Path) -> Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), (
            f"expected a file dialog, got {type(dialog).__name__}: {_text_of(dialog)!r}"
        )
        # As a person does: go to the folder, type the name, press Save / Open.
        dialog.setDirectory(str(path.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None, "the file dialog has no file name field"
        name.setText(path.name)
        dialog.accept()

    return answer


def save_as(path: Path) -> Answer:
    """Type ``path`` into the save dialog and press Save."""
    return _choose_file(path)


def open_file(path: Path) -> Answer:
    """Choose ``path`` in the open dialog."""
    return _choose_file(path)


def choose_folder(path: Path) -> Answer:
    return _choose_file(path)


def cancel() -> Answer:
    """Close whatever dialog is open with Cancel / Esc."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        dialog.reject()

    return answer


def fill(action: Callable[[Any], None]) -> Answer:
    """Hand the open dialog (a form, a wizard) to ``action``, which types and clicks in it —
    usually ending with :func:`click` on its Save button."""
    return action


def save_button(dialog: QWidget) -> QAbstractButton:
    """The Save (or OK) button of a dialog's button box."""
    for box in dialog.findChildren(QDialogButtonBox):
        for which in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Ok):
            button = box.button(which)
            if button is not None and button.isVisible():
                return button
    raise AssertionError(f"no Save button in {dialog.windowTitle()!r}")


def close_button(dialog: QWidget) -> QAbstractButton:
    """The Close button of a dialog's button box."""
    for box in dialog.findChildren(QDialogButtonBox):
        button = box.button(QDialogButtonBox.StandardButton.Close)
        if button is not None:
            return button
    raise AssertionError(f"no Close button in {dialog.windowTitle()!r}")


class _Answerer:
    def __init__(self, answers: list[Answer]) -> None:
        self.answers = list(answers)
        self.total = len(answers)
        self.done = 0
        self.handled: list[QWidget] = []
        self.unexpected: list[str] = []
        self.failures: list[BaseException] = []
        self.timer = QTimer()
        self.timer.setInterval(15)
        self.timer.timeout.connect(self._look)

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or isinstance(dialog, QProgressDialog):
            # A background task's progress shows by itself and closes when the work ends.
            return
        if self.unexpected or self.failures:
            # Something went wrong: close every dialog still open, so that the test fails
            # with its message instead of waiting for ever in a dialog nobody answers.
            _close(dialog)
            return
        if any(dialog is seen for seen in self.handled) or not dialog.isVisible():
            return
        self.handled.append(dialog)
        if not self.answers:
            self.unexpected.append(f"{type(dialog).__name__}: {_text_of(dialog)!r}")
            QTimer.singleShot(0, lambda: _close(dialog))
            return
        answer = self.answers.pop(0)
        # Answered from the event loop, not from this timer's slot: the answer may open a
        # dialog of its own, whose loop must see this timer again.
        QTimer.singleShot(0, lambda: self._run(answer, dialog))

    def _run(self, answer: Answer, dialog: QWidget) -> None:
        try:
            answer(dialog)
        except BaseException as error:  # reported when the block ends
            self.failures.append(error)
            _close(dialog)
        finally:
            self.done += 1


def _close(dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        # done(), not reject(): a form with changes asks before a reject, and nobody would
        # answer that question.
        dialog.done(QDialog.DialogCode.Rejected)
    else:
        dialog.close()


@contextmanager
def answering(qtbot: QtBot, *answers: Answer, timeout: int = 10_000) -> Iterator[None]:
    """Answer, in order, the modal dialogs the block opens (also after it, while background
    work finishes: the block waits until every answer was used)."""
    answerer = _Answerer(list(answers))
    answerer.timer.start()
    try:
        yield
        if answerer.done < answerer.total:
            qtbot.waitUntil(
                lambda: answerer.done == answerer.total or bool(answerer.failures),
                timeout=timeout,
            )
        # Let the last answer's dialog close and its caller go on.
        qtbot.wait(30)
    finally:
        answerer.timer.stop()
    if answerer.failures:
        raise answerer.failures[0]
    assert not answerer.unexpected, f"unexpected dialogs: {answerer.unexpected}"


# -- the window and its pages ---------------------------------------------------------------


def context_of(database: Database) -> AppContext:
    """What a page or the window is given for the office of ``database``."""
    from desktop.ui.context import AppContext

    office = database.office()
    assert office is not None, "no office set up"
    return AppContext(database, office)


def make_window(qtbot: QtBot, database: Database, width: int | None = None) -> MainWindow:
    """The real main window on ``database``, shown (``width`` × 768 when given)."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(context_of(database))
    qtbot.addWidget(window)
    if width is not None:
        window.resize(width, 768)
    window.show()
    return window


def cell(page: Any, row: int, title: str) -> str:
    """What a list shows in column ``title`` (the English title) of visible row ``row``."""
    column = [c.title for c in page.model.columns].index(title)
    return str(page.model.data(page.model.index(row, column)))


def row_of(page: Any, **fields: Any) -> int:
    """The visible row of a list whose record has ``fields``."""
    found = page.model.find_row(lambda r: all(getattr(r, k) == v for k, v in fields.items()))
    assert found >= 0, f"no row with {fields}"
    return found


def select_row(page: Any, **fields: Any) -> Any:
    """Click the row whose record has ``fields``; the record now selected."""
    row = row_of(page, **fields)
    view: QTableView = page.view
    view.scrollTo(page.model.index(row, 0))
    rect = view.visualRect(page.model.index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = page.selected()
    assert selected is not None and all(getattr(selected, k) == v for k, v in fields.items())
    return selected
