"""The Qt binding the app runs on must not leak: every signal the app emits would count."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal()
    said = Signal(str, str)


def test_emitting_signals_keeps_reference_counts_steady() -> None:
    # PySide6 6.12.0 returned True from emit() without a reference of its own: each emit took
    # one from True until the interpreter aborted ("bool_dealloc") in a long-running app.
    emitter = _Emitter()
    emitter.happened.connect(lambda: None)
    emitter.said.connect(lambda a, b: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.happened.emit()
        emitter.said.emit("key", "action")
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
