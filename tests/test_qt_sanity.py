"""Guards against Qt binding bugs that only show after a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int)


def test_emitting_signals_keeps_reference_counts() -> None:
    """PySide6 6.12.0 dropped a reference to ``True`` on every ``emit()`` from Python 3.11;
    after a few hundred emits the program aborted ("bool_dealloc"). pyproject.toml keeps
    that version out; this test fails if a release with the same bug comes back."""
    emitter = _Emitter()
    emitter.changed.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for value in range(200):
        emitter.changed.emit(value)
    assert sys.getrefcount(True) - before >= -5
