"""Drive a window as a person does: its menus, its buttons, and the modal dialogs it opens.

Only PySide6 here, no Briefer UI class, so these helpers survive moves inside
briefer/ui. ``Modals`` answers a dialog from inside its own exec() loop, so the
code under test runs exactly as it does for a person clicking.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QWidget


def plain(text: str) -> str:
    return text.replace("&", "")


def menu_action(window: QMainWindow, menu: str, text: str) -> QAction:
    """The action called ``text`` in the menu bar's ``menu``, as the analyst finds it."""
    for top in window.menuBar().actions():
        if plain(top.text()) == menu and top.menu() is not None:
            for action in top.menu().actions():
                if plain(action.text()) == text:
                    return action
    raise AssertionError(f"no {menu} > {text} in the menu bar")


def press(dialog: QWidget, text: str) -> None:
    """Click the dialog's button labelled ``text`` (mnemonics ignored)."""
    buttons = [b for b in dialog.findChildren(QPushButton) if plain(b.text()) == text]
    assert buttons, f"no {text!r} button in {dialog.windowTitle()!r}"
    buttons[0].click()


def shown(kind: type[QWidget], title: str | None = None) -> Any:
    """The visible top-level window of ``kind`` (with ``title``), or None."""
    for widget in QApplication.topLevelWidgets():
        visible = isinstance(widget, kind) and widget.isVisible()
        if visible and (title is None or widget.windowTitle() == title):
            return widget
    return None


class Modals:
    """Answers the modal dialogs a flow opens, in order, from inside their exec() loops.

    Each answer waits (polling the event loop the dialog runs) for the active
    modal widget to be of the expected kind, then calls ``respond`` with it. A
    dialog that never comes, or an unexpected one, is closed after a deadline
    so a broken flow fails the test instead of hanging it.
    """

    def __init__(self) -> None:
        self.queue: list[tuple[type[QWidget], Callable[[Any], None]]] = []
        self.answered: list[QWidget] = []
        self.unexpected: list[str] = []
        self.stopped = False

    def expect(self, kind: type[QWidget], respond: Callable[[Any], None]) -> Modals:
        if not self.queue:
            self._deadline = time.monotonic() + 15
            QTimer.singleShot(0, self._poll)
        self.queue.append((kind, respond))
        return self

    def _poll(self) -> None:
        if self.stopped or not self.queue:
            return
        modal = QApplication.activeModalWidget()
        kind, respond = self.queue[0]
        fresh = modal is not None and (not self.answered or modal is not self.answered[-1])
        if isinstance(modal, kind) and fresh:
            self.queue.pop(0)
            self.answered.append(modal)
            self._deadline = time.monotonic() + 15
            respond(modal)
        elif time.monotonic() > self._deadline:
            self.unexpected.append(f"waited for {kind.__name__}, found {modal!r}")
            self.queue.clear()
            if modal is not None:
                modal.close()
            return
        QTimer.singleShot(10, self._poll)

    def check(self) -> None:
        """Every expected dialog came and was answered."""
        assert not self.unexpected, self.unexpected
        assert not self.queue, f"never shown: {[kind.__name__ for kind, _ in self.queue]}"


def keep_picture(widget: QWidget, name: str) -> None:
    """Save what the test saw as ``name``.png under $BRIEFER_TEST_SHOTS, to look at;
    without the variable nothing is written (a test never writes outside tmp_path)."""
    folder = os.environ.get("BRIEFER_TEST_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))
