"""Translatable text for Qt-free code.

Strings shown to people are written in English and translated through Qt's catalogues, but
``desktop.core`` must not import Qt. Core code marks its strings with
:func:`QT_TRANSLATE_NOOP` (the name ``pyside6-lupdate`` looks for) and formats them with
:func:`tr`, which calls whatever translator the interface installed at start-up (Qt's
``QCoreApplication.translate``); without one, text stays English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Translator = Callable[[str, str], str]


class Msg(str):
    """A source string that remembers its translation context."""

    context: str

    def __new__(cls, context: str, source: str) -> Msg:
        obj = super().__new__(cls, source)
        obj.context = context
        return obj


def QT_TRANSLATE_NOOP(context: str, source: str) -> Msg:
    """Mark ``source`` for translation in ``context`` without translating it yet."""
    return Msg(context, source)


def _identity(_context: str, source: str) -> str:
    return source


_translator: Translator = _identity


def install_translator(translator: Translator | None) -> None:
    """Route :func:`tr` through ``translator`` (``None`` restores English)."""
    global _translator
    _translator = translator or _identity


def tr(message: Msg, **params: Any) -> str:
    """The translated text of ``message`` with ``{name}`` placeholders filled in."""
    text = _translator(message.context, str(message))
    return text.format(**params) if params else text
