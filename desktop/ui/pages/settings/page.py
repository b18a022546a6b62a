"""Cài đặt: the boxes of the other modules of this package, one under the other in a scroll
area, read again together (F5, a restore)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QScrollArea, QVBoxLayout, QWidget

from desktop.core import settings as app_settings
from desktop.core.i18n import tr
from desktop.core.office import current_office
from desktop.ui.context import AppContext
from desktop.ui.pages.settings.backups import DataBox
from desktop.ui.pages.settings.database import DatabaseBox
from desktop.ui.pages.settings.documents import DocumentsBox
from desktop.ui.pages.settings.hamlets import HamletListPage
from desktop.ui.pages.settings.language import LanguageBox
from desktop.ui.pages.settings.office import OfficeBox
from desktop.ui.pages.settings.programmes import ProgrammesBox
from desktop.ui.views import page_title


class SettingsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.addWidget(page_title(self.tr("Settings")))
        self.language_box = LanguageBox(context)
        self.office_box = OfficeBox(context)
        self.documents_box = DocumentsBox(context)
        self.office_box.saved.connect(self.documents_box.show_body_names)
        layout.addWidget(self.language_box)
        layout.addWidget(self.office_box)
        layout.addWidget(self.documents_box)
        #: The commune's hamlets (the city has none).
        self.hamlets: HamletListPage | None = None
        if not context.office.is_city:
            self.hamlets = HamletListPage(context)
            box = QGroupBox(tr(HamletListPage.title))
            QVBoxLayout(box).addWidget(self.hamlets)
            layout.addWidget(box)
        self.programmes_box = ProgrammesBox(context)
        layout.addWidget(self.programmes_box)
        self.data_box = DataBox(context)
        layout.addWidget(self.data_box)
        self.database_box = DatabaseBox(context)
        layout.addWidget(self.database_box)
        layout.addStretch(1)
        self.reload(lists=False)

    def has_unsaved_changes(self) -> bool:
        """Whether the office or documents box holds edits not saved yet (closing the window
        asks)."""
        return self.office_box.has_unsaved_changes() or self.documents_box.has_unsaved_changes()

    def reload(self, *, lists: bool = True) -> None:
        """Show what is stored; what is being typed in the office and documents boxes stays
        (F5, a change made elsewhere)."""
        with self.context.database.reading() as session:
            language = app_settings.language(session)
            clerk = app_settings.get_setting(session, app_settings.CLERK_NAME)
            office = current_office(session) or self.context.office
        self.language_box.show_language(language)
        self.office_box.show_office(office.office_name, clerk)
        self.documents_box.show_stored()
        if lists and self.hamlets is not None:
            self.hamlets.reload()
        self.programmes_box.reload()
