"""The commune's hamlets (ấp / khu vực), the list borrowers and reports name them from: a list
page of the kit, so it searches, undoes a delete, shows its history and exports like every
other list."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.office import (
    HamletInfo,
    add_hamlet,
    delete_hamlet,
    list_hamlets,
    rename_hamlet,
    restore_hamlet,
)
from desktop.ui.context import AppContext
from desktop.ui.dialogs import show_error
from desktop.ui.list_page import ListPage
from desktop.ui.table_model import Column

HAMLET_COLUMNS = [Column[HamletInfo](QT_TRANSLATE_NOOP("SettingsPage", "Name"), lambda h: h.name)]


class HamletListPage(ListPage[HamletInfo]):
    title = QT_TRANSLATE_NOOP("SettingsPage", "Hamlets (ấp / khu vực)")
    columns = HAMLET_COLUMNS
    record_types = ("hamlet",)
    show_title = False  # in a box that names it

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.view.setMinimumHeight(180)

    def load_rows(self, session: Session) -> list[HamletInfo]:
        return list_hamlets(session)

    def open_form(self, row: HamletInfo | None) -> bool:
        """A hamlet has only its name: asked in a one-line question."""
        if row is None:
            title = tr(QT_TRANSLATE_NOOP("SettingsPage", "Add hamlet"))
        else:
            title = tr(QT_TRANSLATE_NOOP("SettingsPage", "Rename hamlet"))
        name, ok = QInputDialog.getText(
            self, title, tr(QT_TRANSLATE_NOOP("SettingsPage", "Name")), text=row.name if row else ""
        )
        if not ok:
            return False
        try:
            with self.context.database.transaction() as session:
                if row is None:
                    self._pending_select = add_hamlet(session, name)
                else:
                    rename_hamlet(session, row.id, name, expected_version=row.version)
        except UserError as error:
            show_error(self, error)
            return False
        return True

    def delete_row(self, session: Session, row: HamletInfo) -> int:
        return delete_hamlet(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_hamlet(session, record_id, expected_version=version)

    def row_id(self, row: HamletInfo) -> str:
        return row.id

    def describe(self, row: HamletInfo) -> str:
        return row.name
