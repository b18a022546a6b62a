"""The language of the interface: saved in the data folder's settings and applied at once."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QWidget

from desktop.core import settings as app_settings
from desktop.ui.context import AppContext


class LanguageBox(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Interface"))
        self.context = context
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        form.addRow(self.tr("Language"), self.language)
        self.language.currentIndexChanged.connect(self._language_chosen)

    def show_language(self, language: str) -> None:
        """Show the stored choice without applying it again."""
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.blockSignals(False)

    def _language_chosen(self) -> None:
        language = self.language.currentData()
        with self.context.database.transaction() as session:
            if app_settings.language(session) == language:
                return
            app_settings.set_setting(session, app_settings.LANGUAGE, language)
        self.context.change_language(language)
