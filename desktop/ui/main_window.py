"""The main window: the navigation of the whole product and one page at a time.

Pages are built the first time they are shown, so start-up only pays for the first page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.ui.context import AppContext
from desktop.ui.pages import PAGES, PageSpec
from desktop.version import APP_NAME, app_version


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self.context = context
        context.office_changed = self.refresh_office
        self.specs = pages if pages is not None else PAGES
        self._built: dict[int, QWidget] = {}
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
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
        self.statusBar().addWidget(status)
        self.refresh_office()
        self.resize(1180, 760)
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
