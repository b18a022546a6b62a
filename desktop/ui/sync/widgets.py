"""Small widgets of the Đồng bộ page: a key fingerprint big enough to read out over the
phone, a drop zone for files, a titled section."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QFont, QFontDatabase
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.sync.container import SUFFIX


class FingerprintLabel(QLabel):
    """``6152 4176 0562 6515 7586 5327`` in a large fixed-width font, selectable."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(font.pointSize(), 10) + 4)
        font.setWeight(QFont.Weight.Bold)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.0)
        self.setFont(font)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("fingerprint")


def open_folder(folder: Path) -> None:
    """Show a folder in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def sync_files_in(paths: list[Path]) -> list[Path]:
    """The files dropped, with the ``.tdcs`` files of any folder dropped among them."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == SUFFIX))
        elif path.is_file():
            found.append(path)
    return found


class DropZone(QFrame):
    """Where sync files are dropped (one or many, or whole folders), or chosen."""

    files_dropped = Signal(list)
    choose_clicked = Signal()

    def __init__(self, text: str, button: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(84)
        self._idle = "#dropZone { border: 2px dashed #8a94a6; border-radius: 8px; }"
        self._hover = (
            "#dropZone { border: 2px dashed #1f6feb; border-radius: 8px; background: #eef4ff; }"
        )
        self.setStyleSheet(self._idle)
        layout = QHBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(button)
        self.button.clicked.connect(self.choose_clicked)
        inner = QVBoxLayout()
        inner.addWidget(label)
        layout.addStretch(1)
        layout.addLayout(inner)
        layout.addWidget(self.button)
        layout.addStretch(1)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            self.setStyleSheet(self._hover)
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:
        self.setStyleSheet(self._idle)

    def dropEvent(self, event: QDropEvent) -> None:
        self.setStyleSheet(self._idle)
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        files = sync_files_in(paths)
        if files:
            self.files_dropped.emit(files)
        event.acceptProposedAction()
