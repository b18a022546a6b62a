"""A row of controls that wraps onto further lines when the page is narrow.

A list page's toolbar (search, filters and six buttons with Vietnamese labels) is wider than
a 1024×768 office screen leaves for it; laid out in one row it kept the whole window from
getting narrower than about 1 050 pixels, so the window's right edge fell off the screen.
Here the controls stay in one line while they fit and wrap onto the next line when they do
not, so the row is never wider than its widest control.

The methods a row of buttons is built with (``addWidget``, ``insertWidget``, ``addLayout``,
``addStretch``) behave like :class:`QHBoxLayout`'s. A stretch takes the room left over on
its line, which keeps the buttons to the right while everything fits on one line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QWidget,
    QWidgetItem,
)

_FALLBACK_SPACING = 6


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        #: Items that take the room left over on their line (stretches, a search field).
        self._stretching: list[QLayoutItem] = []
        self._hfw: tuple[int, int] | None = None
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- building, as with QHBoxLayout --------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        """Add ``widget``; with a ``stretch`` it also takes the room left on its line."""
        self.insertWidget(len(self._items), widget, stretch)

    def insertWidget(self, index: int, widget: QWidget, stretch: int = 0) -> None:
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        self._items.insert(max(0, min(index, len(self._items))), item)
        if stretch:
            self._stretching.append(item)
        self.invalidate()

    def addLayout(self, layout: QLayout) -> None:
        self.addChildLayout(layout)
        self._items.append(layout)
        self.invalidate()

    def addStretch(self, _stretch: int = 1) -> None:
        spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.addItem(spacer)
        self._stretching.append(spacer)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            if item in self._stretching:
                self._stretching.remove(item)
            self.invalidate()
            return item
        return None

    # -- sizes --------------------------------------------------------------------------------
    def invalidate(self) -> None:
        self._hfw = None
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self._hfw is None or self._hfw[0] != width:
            self._hfw = (width, self._arrange(QRect(0, 0, width, 0), move=False))
        return self._hfw[1]

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        items = self._shown()
        width = sum(item.sizeHint().width() for item in items)
        width += self._spacing() * max(0, len(items) - 1)
        height = max((item.sizeHint().height() for item in items), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest single control: everything else can wrap."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # -- placing ------------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty() or _is_stretch(item)]

    def _spacing(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else QApplication.style()
        metric = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        return metric if metric >= 0 else _FALLBACK_SPACING

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in lines within ``rect``; return the height used."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        spacing = self._spacing()
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        used = 0
        for item in self._shown():
            width = min(max(item.sizeHint().width(), item.minimumSize().width()), area.width())
            width = max(width, 0)
            line = lines[-1]
            needed = width if not line else used + spacing + width
            if line and needed > area.width() and not _is_stretch(item):
                lines.append([])
                line, needed = lines[-1], width
            line.append((item, width))
            used = needed
        y = area.top()
        for line in lines:
            shown = [(item, width) for item, width in line if not _is_stretch(item)]
            if not shown:
                continue
            height = max(item.sizeHint().height() for item, _width in shown)
            if move:
                self._place(line, area, y, height, spacing)
            y += height + spacing
        return y - spacing - area.top() + margins.top() + margins.bottom()

    def _place(
        self, line: list[tuple[QLayoutItem, int]], area: QRect, y: int, height: int, spacing: int
    ) -> None:
        visible = [(item, width) for item, width in line if not _is_stretch(item)]
        taken = sum(width for _item, width in visible) + spacing * max(0, len(visible) - 1)
        growing = [item for item, _width in line if item in self._stretching]
        spare = max(0, area.width() - taken)
        x = area.left()
        for item, width in line:
            if item in self._stretching:
                width += spare // len(growing)
            if _is_stretch(item):
                x += width
                continue
            item_height = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
            top = y + (height - item_height) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
            x += width + spacing


def _is_stretch(item: QLayoutItem) -> bool:
    spacer = item.spacerItem()
    return spacer is not None and bool(spacer.expandingDirections() & Qt.Orientation.Horizontal)
