"""Session change news as a Qt signal, safe to receive on the GUI thread.

The session announces changes on whatever thread made them (imports run on
a worker); a signal emitted there reaches GUI-thread slots queued, so views
are only ever touched on the GUI thread. News still queued when the bridge is
detached (a worker's last edit, as the window closes) is dropped, never delivered to
views of a closed session.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from briefer.session import Change, Session


class SessionBridge(QObject):
    changed = Signal(list)  # list[Change]
    _arrived = Signal(list)  # emitted on the session's thread, received on the bridge's

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._arrived.connect(self._deliver)
        self._unsubscribe: Callable[[], None] | None = session.subscribe(self._forward)

    def _forward(self, changes: list[Change]) -> None:
        self._arrived.emit(changes)

    def _deliver(self, changes: list[Change]) -> None:
        if self._unsubscribe is not None:
            self.changed.emit(changes)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
