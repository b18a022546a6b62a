"""Local preferences kept in the ``settings`` table (never synced)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import Setting

LANGUAGE = "ui.language"
CLERK_NAME = "office.clerk_name"
DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def language(session: Session) -> str:
    value = get_setting(session, LANGUAGE, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def actor_name(session: Session) -> str:
    """Who is making changes, for the audit log: the clerk named in Cài đặt, with the
    computer account, or the account alone."""
    clerk = get_setting(session, CLERK_NAME)
    user = os_user()
    return f"{clerk} ({user})" if clerk else user


# -- where the main window was ------------------------------------------------------------------

WINDOW_PLACE = "ui.window_place"


@dataclass(frozen=True)
class WindowPlace:
    """The main window's place on the desktop: its inner rectangle (without the title bar
    and frame) when not maximised, and whether it was maximised."""

    x: int
    y: int
    width: int
    height: int
    maximized: bool = False

    def to_text(self) -> str:
        return f"{self.x},{self.y},{self.width},{self.height},{int(self.maximized)}"

    @classmethod
    def from_text(cls, text: str) -> WindowPlace | None:
        try:
            x, y, width, height, maximized = (int(part) for part in text.split(","))
        except ValueError:
            return None
        if width <= 0 or height <= 0:
            return None
        return cls(x, y, width, height, bool(maximized))


def window_place(session: Session) -> WindowPlace | None:
    return WindowPlace.from_text(get_setting(session, WINDOW_PLACE))


def set_window_place(session: Session, place: WindowPlace) -> None:
    set_setting(session, WINDOW_PLACE, place.to_text())
