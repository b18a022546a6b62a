"""Windows within the screen: office PCs have 1366×768 and 1024×768 screens with a taskbar,
so a window or a dialog sized for a large screen would put its buttons out of reach.

Sizes and places here are a window's inner rectangle, without the title bar and frame, which
the window system adds around it: :data:`TITLE_BAR` and :data:`BORDER` keep room for them.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.core.settings import WindowPlace

#: The size the main window opens at on a screen with room for it.
PREFERRED_SIZE = QSize(1180, 760)
#: Room kept for the title bar and the frame.
TITLE_BAR = 32
BORDER = 8


def free_area(widget: QWidget | None = None) -> QRect:
    """The free area (without the taskbar) of the screen ``widget`` is on."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room_in(available: QRect) -> QSize:
    """The largest inner size of a window whose frame fits in ``available``."""
    return QSize(
        max(available.width() - 2 * BORDER, 1), max(available.height() - TITLE_BAR - BORDER, 1)
    )


def fit_on_screen(place: WindowPlace | None, available: QRect) -> tuple[QRect, bool]:
    """Where the main window opens on a screen whose free area is ``available``, and whether
    maximised.

    The first time (no ``place``) it opens at :data:`PREFERRED_SIZE`, centred, or maximised
    on a screen too small for that. A remembered place is moved and shrunk as needed so that
    the whole window, title bar included, is on the screen (a screen may have got smaller, or
    a second screen been unplugged)."""
    room = room_in(available)
    left_edge, top_edge = available.x() + BORDER, available.y() + TITLE_BAR
    if place is None:
        width = min(PREFERRED_SIZE.width(), room.width())
        height = min(PREFERRED_SIZE.height(), room.height())
        left = left_edge + (room.width() - width) // 2
        top = top_edge + (room.height() - height) // 2
        maximized = width < PREFERRED_SIZE.width() or height < PREFERRED_SIZE.height()
        return QRect(left, top, width, height), maximized
    width, height = min(place.width, room.width()), min(place.height, room.height())
    left = min(max(place.x, left_edge), left_edge + room.width() - width)
    top = min(max(place.y, top_edge), top_edge + room.height() - height)
    return QRect(left, top, width, height), place.maximized


def keep_on_screen(dialog: QWidget, available: QRect | None = None) -> None:
    """Shrink ``dialog`` (before it is shown) to what the screen's free area holds, so its
    buttons are never under the taskbar or past the screen's edge."""
    room = room_in(available if available is not None else free_area(dialog.parentWidget()))
    size = dialog.size().boundedTo(room)
    if size != dialog.size():
        dialog.resize(size)
