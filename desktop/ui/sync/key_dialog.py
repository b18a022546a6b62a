"""Confirming a commune's key at the city: the person calls the commune, has it read the
fingerprint shown on its Đồng bộ page, and types the 24 digits. Only a key that signed a
file waiting from that commune and has exactly that fingerprint is enrolled
(:func:`desktop.sync.keys.confirm_commune_key`); from then on the commune's files count."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.sync import keys
from desktop.ui.dialogs import show_error, show_info

M_TITLE = QT_TRANSLATE_NOOP("KeyDialog", "Confirm the commune's key")
M_ASK = QT_TRANSLATE_NOOP(
    "KeyDialog",
    "Call {commune} and ask the clerk to read out the key fingerprint shown on the Sync page "
    "of their TDCS (“This office's key fingerprint”, 24 digits). Type the digits you hear; "
    "do not copy them from a file or an e-mail.",
)
M_CONFIRMED = QT_TRANSLATE_NOOP(
    "KeyDialog",
    "The key of {commune} is enrolled (fingerprint {fingerprint}). From now on the city "
    "accepts only files signed with it.",
)


def confirm_commune_key(parent: QWidget, database: Database, code: str, commune: str) -> bool:
    """Ask for the fingerprint read out by phone and enrol the matching waiting key; say
    why when it does not match. True when the key was enrolled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(tr(M_TITLE))
    dialog.setLabelText(tr(M_ASK, commune=commune))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    line = dialog.findChild(QLineEdit)
    if line is not None:
        line.setPlaceholderText("6152 4176 0562 6515 7586 5327")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        with database.transaction() as session:
            pinned = keys.confirm_commune_key(session, code, dialog.textValue())
    except UserError as error:
        show_error(parent, error)
        return False
    show_info(parent, tr(M_CONFIRMED, commune=commune, fingerprint=pinned.fingerprint))
    return True
