"""The city's choice of whose figures Tổng quan shows: every commune together, the city
office's own records, or one of the 103 communes — found by typing part of its name or code,
accents not needed ("cai khe" finds "Phường Cái Khế")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from db.base import CITY_CODE
from desktop.core.office import CommuneInfo
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.core.text import search_key

#: The item data of "every commune" (an item's data cannot tell ``None`` from no item).
ALL = "all"
#: Where each item keeps the accent-free text that typing is matched against.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class AccentFreeCompleter(QCompleter):
    """Matches what is typed, accents and case ignored, anywhere in an item's text."""

    def splitPath(self, path: str) -> list[str]:
        return [search_key(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class ScopeCombo(QComboBox):
    def __init__(self, communes: Sequence[CommuneInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(22)
        self.setMaxVisibleItems(15)
        self._add(self.tr("All communes and wards"), ALL)
        self._add(self.tr("City office (its own records)"), CITY_CODE)
        for commune in communes:
            self._add(f"{commune.label} ({commune.code})", commune.code)
        completer = AccentFreeCompleter(self.model(), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # the box is editable (set above)
        line.setPlaceholderText(self.tr("Type a commune's name or code"))
        line.editingFinished.connect(self._show_chosen)
        self.setToolTip(self.tr("Whose figures to show; type part of a commune's name to find it."))

    def _add(self, text: str, key: str) -> None:
        self.addItem(text, key)
        self.setItemData(self.count() - 1, search_key(text), SEARCH_ROLE)

    def _show_chosen(self) -> None:
        """Text typed but nothing chosen: show the current choice again."""
        if self.currentText() != self.itemText(self.currentIndex()):
            self.setEditText(self.itemText(self.currentIndex()))

    @property
    def owner(self) -> Scope:
        key = self.currentData()
        return ALL_COMMUNES if key == ALL or key is None else Scope.unit(str(key))

    def choose(self, owner: Scope) -> None:
        self.setCurrentIndex(max(self.findData(ALL if owner.code is None else owner.code), 0))
