"""The main window: the navigation of the whole product and one page at a time.

Pages are built the first time they are shown, so start-up only pays for the first page.
The window opens where it was last closed (kept per data folder), always within the screen's
free area: office PCs have 1366×768 and 1024×768 screens with a taskbar, and every page works
from 1 000 pixels wide. F5 reads the data again; closing with unsaved edits asks first.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from desktop.core import settings as app_settings
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.settings import WindowPlace
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm
from desktop.ui.forms import M_DISCARD
from desktop.ui.pages import PAGES, PageSpec
from desktop.ui.screens import fit_on_screen, free_area
from desktop.version import APP_NAME, app_version

log = logging.getLogger(__name__)

NAV_WIDTH = 200

M_UNSAVED_ON = QT_TRANSLATE_NOOP(
    "MainWindow", "The page “{page}” has changes that were not saved. {question}"
)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self.context = context
        context.office_changed = self.refresh_office
        self.specs = pages if pages is not None else PAGES
        self._built: dict[int, QWidget] = {}
        #: Ask before closing with unsaved edits: set for the window the application runs;
        #: windows made for screenshots and tests close when told to.
        self.ask_before_closing = False
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setSpacing(2)
        font = self.nav.font()
        font.setPointSize(font.pointSize() + 1)
        self.nav.setFont(font)
        for spec in self.specs:
            item = QListWidgetItem(tr(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        for _ in self.specs:
            self.stack.addWidget(QWidget())
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.show_page)
        status = QLabel(
            self.tr("Data folder: {folder}   ·   {app} {version}").format(
                folder=context.paths.data_dir, app=APP_NAME, version=app_version()
            )
        )
        status.setToolTip(status.text())
        # A long data folder must not keep the window wide.
        status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(status, 1)
        self.reload_action = QAction(self.tr("Reload"), self)
        self.reload_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.reload_action.setToolTip(self.tr("Read the data again (F5)"))
        self.reload_action.triggered.connect(self.reload_data)
        self.addAction(self.reload_action)
        self.reload_button = QToolButton()
        self.reload_button.setDefaultAction(self.reload_action)
        self.reload_button.setAutoRaise(True)
        self.statusBar().addPermanentWidget(self.reload_button)
        self.refresh_office()
        #: Whether the window should open maximised (see :meth:`show_in_place`).
        self.start_maximized = self.restore_place()
        self.nav.setCurrentRow(0)

    def refresh_office(self) -> None:
        office = self.context.database.office()
        if office is not None:
            self.context.office = office
        office = self.context.office
        self.setWindowTitle(
            f"{APP_NAME} — {office.office_name} · {office.unit_label} ({office.unit_code})"
        )

    def page_index(self, key: str) -> int:
        return next(i for i, spec in enumerate(self.specs) if spec.key == key)

    def show_page(self, index: int) -> None:
        if index < 0:
            return
        if index not in self._built:
            page = self.specs[index].factory(self.context)
            placeholder = self.stack.widget(index)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.stack.insertWidget(index, page)
            self._built[index] = page
        self.stack.setCurrentIndex(index)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)

    def open_page(self, key: str) -> QWidget:
        index = self.page_index(key)
        self.show_page(index)
        return self._built[index]

    # -- F5 -----------------------------------------------------------------------------------
    def reload_data(self) -> None:
        """Read the data again: the page on screen now, the others when next shown."""
        self.context.changes.reload_all()

    # -- place on the screen ------------------------------------------------------------------
    def restore_place(self, available: QRect | None = None) -> bool:
        """Put the window where it was last closed, within the screen; True when it should
        open maximised."""
        place: WindowPlace | None = None
        try:
            with self.context.database.reading() as session:
                place = app_settings.window_place(session)
        except SQLAlchemyError:
            log.exception("the window's place could not be read")
        if available is None:
            screen = None
            if place is not None:
                centre = QPoint(place.x + place.width // 2, place.y + place.height // 2)
                screen = QGuiApplication.screenAt(centre)
            available = screen.availableGeometry() if screen is not None else free_area()
        rect, maximized = fit_on_screen(place, available)
        self.setGeometry(rect)
        return maximized

    def remember_place(self) -> None:
        """Keep the window's place for the next start (in this data folder's settings)."""
        maximized = self.isMaximized()
        rect = self.normalGeometry() if maximized else self.geometry()
        if rect.isEmpty():
            rect = self.geometry()
        place = WindowPlace(rect.x(), rect.y(), rect.width(), rect.height(), maximized)
        try:
            with self.context.database.transaction() as session:
                app_settings.set_window_place(session, place)
        except SQLAlchemyError:
            log.exception("the window's place could not be saved")

    def show_in_place(self) -> None:
        if self.start_maximized:
            self.showMaximized()
        else:
            self.show()

    # -- closing ------------------------------------------------------------------------------
    def unsaved_pages(self) -> list[tuple[int, QWidget]]:
        """The built pages holding edits not saved yet (a page says so through
        ``has_unsaved_changes()``)."""
        found = []
        for index, page in sorted(self._built.items()):
            for widget in (page, *page.findChildren(QWidget)):
                check = getattr(widget, "has_unsaved_changes", None)
                if callable(check) and check():
                    found.append((index, page))
                    break
        return found

    def may_close(self) -> bool:
        """True unless a page holds unsaved edits that the person wants to keep."""
        unsaved = self.unsaved_pages()
        if not unsaved:
            return True
        index, _page = unsaved[0]
        self.show_page(index)
        text = tr(M_UNSAVED_ON).format(page=tr(self.specs[index].title), question=tr(M_DISCARD))
        return confirm(self, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ask_before_closing and not self.may_close():
            event.ignore()
            return
        self.remember_place()
        self.context.changes.close()
        super().closeEvent(event)
