"""Closing the window cleanly when the system asks the app to stop (SIGTERM, SIGINT, SIGHUP).

Python runs signal handlers only between bytecodes, and Qt's event loop is C++, so a
signal would wait for the next Python slot. The C-level handler writes to a wake-up
pipe that a QSocketNotifier watches; its slot lets the Python handler run and asks the
controller to close, which closes the project and releases its lock.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class SignalCloser(QObject):
    """Calls ``on_signal(signum)`` on the GUI thread when a stop signal arrives."""

    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._pending: list[int] = []
        self._notifier: QSocketNotifier | None = None
        self._timer: QTimer | None = None
        self._read_fd = -1

    def install(self) -> None:
        if os.name == "posix":
            read_fd, write_fd = os.pipe()
            os.set_blocking(read_fd, False)
            os.set_blocking(write_fd, False)
            signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
            self._read_fd = read_fd
            self._notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._drain)
        else:  # no wake-up pipe for Qt to watch: let Python look in now and then
            self._timer = QTimer(self)
            self._timer.timeout.connect(self._deliver)
            self._timer.start(250)
        for number in STOP_SIGNALS:
            signal.signal(number, self._note)

    def _note(self, signum: int, frame: object) -> None:
        self._pending.append(signum)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            os.read(self._read_fd, 256)
        QTimer.singleShot(0, self, self._deliver)  # the Python handler has run by then

    def _deliver(self) -> None:
        if self._pending:
            signum = self._pending[0]
            self._pending.clear()
            self._on_signal(signum)
