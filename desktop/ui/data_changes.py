"""No page shows old data: the database's notification of committed changes, brought to the
GUI thread, and the watcher that keeps one page current with it.

The database tells its listeners after every commit, on whatever thread wrote (an import runs
on the thread pool). :class:`DataChanges` — one per window, on the :class:`AppContext` —
turns that into a Qt signal on the GUI thread. A page hands :func:`watch` the tables it
shows and its reload: while it is on screen it reloads (once for a burst of changes), while
it is hidden it only notes that it is stale and reloads when shown again.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Collection, Iterable
from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.core.data_areas import watched_tables
from desktop.core.database import Database, DataChange

#: How long a visible page waits for more changes before it reloads (an import commits in
#: one go, but a form's save and the page's own reload come close together).
SETTLE_MS = 120


class DataChanges(QObject):
    """The window's notification of changed data: ``changed(DataChange)`` on the GUI
    thread, whatever thread committed."""

    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        # Queued even from the GUI thread: a page that saved reloads itself first, and then
        # learns that it already shows the change.
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        hub = weakref.ref(self)

        def forward(change: DataChange) -> None:
            alive = hub()
            if alive is not None:
                # RuntimeError: the window was closed and deleted meanwhile.
                with suppress(RuntimeError):
                    alive._arrived.emit(change)

        self._stop = database.subscribe(forward)

    def _deliver(self, change: DataChange) -> None:
        self.changed.emit(change)

    def reload_all(self) -> None:
        """F5: every page reads its data again (the visible one now, the others when
        shown), including changes made outside this window."""
        self.database.notify_changed()

    def close(self) -> None:
        self._stop()


class DataWatcher(QObject):
    """Keeps ``widget`` current: calls ``reload`` when a change touches ``tables`` (all
    tables when empty) — soon if the widget is on screen, else when it is next shown."""

    def __init__(
        self,
        widget: QWidget,
        changes: DataChanges,
        tables: Collection[str],
        reload: Callable[[], None],
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.tables = frozenset(tables)
        self._reload = reload
        self._database = changes.database
        self.stale = False
        #: The serial of the last change the widget's data already includes.
        self.loaded_serial = self._database.change_serial
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._reload_if_stale)
        changes.changed.connect(self._changed)
        widget.installEventFilter(self)

    def loading(self) -> None:
        """The widget starts reading its data: every change announced so far is in it."""
        self.loaded_serial = self._database.change_serial
        self.stale = False

    def _changed(self, change: DataChange) -> None:
        if change.serial <= self.loaded_serial or not change.touches(self.tables):
            return
        self.stale = True
        if self.widget.isVisible():
            self._timer.start()

    def _reload_if_stale(self) -> None:
        if self.stale and self.widget.isVisible():
            self.loading()
            self._reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self._timer.stop()
            self._reload_if_stale()
        return False


def watch(
    widget: QWidget, changes: DataChanges, shows: Iterable[str], reload: Callable[[], None]
) -> DataWatcher:
    """Keep ``widget``, which shows records of the types (or tables) ``shows``, current:
    ``reload`` runs when their area changed (``desktop.core.data_areas``; nothing named:
    any change). See :class:`DataWatcher`."""
    return DataWatcher(widget, changes, watched_tables(shows), reload)
