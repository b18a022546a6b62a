"""The office: its name as documents print it, and the clerk's name the change history
shows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop.core import settings as app_settings
from desktop.core.errors import FormErrors, ValidationError
from desktop.core.office import update_office
from desktop.ui.context import AppContext
from desktop.ui.views import message_label


class OfficeBox(QGroupBox):
    #: The office was saved (the documents box names the bodies after it).
    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Office"))
        self.context = context
        form = QFormLayout(self)
        office = context.office
        form.addRow(self.tr("Unit"), QLabel(f"{office.unit_label} ({office.unit_code})"))
        self.office_name = QLineEdit()
        self.clerk_name = QLineEdit()
        self.clerk_name.setPlaceholderText(self.tr("shown in the change history"))
        self.office_error = message_label()
        form.addRow(self.tr("Office name"), self.office_name)
        form.addRow(self.tr("Your name"), self.clerk_name)
        form.addRow("", self.office_error)
        self.save_office = QPushButton(self.tr("Save"))
        self.save_office.clicked.connect(self._save_office)
        form.addRow("", self.save_office)
        #: What the box showed when last read or saved.
        self._saved: tuple[str, str] | None = None

    def show_office(self, office_name: str, clerk_name: str) -> None:
        """Show what is stored, unless the box holds edits not saved yet (F5, a change made
        elsewhere must not throw away what is being typed)."""
        if self._saved is None or not self.has_unsaved_changes():
            self.office_name.setText(office_name)
            self.clerk_name.setText(clerk_name)
            self._saved = self._values()

    def has_unsaved_changes(self) -> bool:
        return self._saved is not None and self._values() != self._saved

    def _values(self) -> tuple[str, str]:
        return (self.office_name.text(), self.clerk_name.text())

    def _save_office(self) -> None:
        self.office_error.clear()
        self.save_office.setEnabled(False)
        try:
            with self.context.database.transaction() as session:
                update_office(session, office_name=self.office_name.text())
                app_settings.set_setting(
                    session, app_settings.CLERK_NAME, self.clerk_name.text().strip()
                )
        except (ValidationError, FormErrors) as error:
            self.office_error.setText(error.text())
            return
        finally:
            self.save_office.setEnabled(True)
        self._saved = self._values()
        self.context.office_changed()
        self.saved.emit()
        self.office_error.setText(self.tr("Saved."))
