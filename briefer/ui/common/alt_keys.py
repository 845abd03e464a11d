"""Alt and a letter that nothing answers types nothing.

On X11, Qt's text editors insert the letter of an Alt chord that no menu or button
claims: Alt+K typed "k" into the note, and a stray letter between a quotation's
closing mark and its citation hid a changed quotation from the check (a new user's
trial). Windows and KDE swallow such chords; the Composer's editors now do so too.
Not on macOS, where Option and a letter types a character (Option+E, an accent);
AltGr is not Alt on X11, and is Ctrl+Alt on Windows, so it still types.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

_ALT = Qt.KeyboardModifier.AltModifier
_CTRL_OR_META = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier


def unclaimed_alt_chord(event: QKeyEvent) -> bool:
    """Whether ``event`` is Alt and a printable key that would only type its letter."""
    if sys.platform == "darwin":
        return False
    mods = event.modifiers()
    text = event.text()
    return bool(mods & _ALT) and not mods & _CTRL_OR_META and text.isprintable() and bool(text)
