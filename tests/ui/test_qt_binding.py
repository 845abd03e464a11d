"""The Qt binding itself must be sound: a broken release crashes every user.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call to a
Qt method that returns nothing; after a few thousand calls the interpreter
aborts ("deallocating None"). This guards the pinned range.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot


def test_void_qt_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    before = sys.getrefcount(None)
    for _ in range(2000):
        editor.update()
        editor.verticalScrollBar().setValue(0)
    assert abs(sys.getrefcount(None) - before) < 100
