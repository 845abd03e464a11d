"""What a project window's flows share, handed to them instead of the window itself.

The Note menu, the export flow and the menus take this (and a few named
callables) so none of them imports the window that assembles them: the
window imports its parts, never the other way round. Imports no ui module.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from briefer.core.record import Record
from briefer.session import Session
from briefer.settings import Paths, Settings


class WindowContext(Record, frozen=True):
    """One open project's window, as the flows inside it see it.

    ``settings`` is the live object the preferences edit, so a flow reads the
    analyst's current defaults; ``paths`` is None in tests that run without a
    home folder (no templates folder, no backups, no log file).
    """

    session: Session
    undo_stack: QUndoStack
    settings: Settings
    paths: Paths | None
    parent: QWidget  # owns the dialogs and the actions, so shortcuts work window-wide
    report: Callable[[str], None]  # a refusal or a result on the status bar, never a modal
    save_settings: Callable[[], None]
    open_passage: Callable[[int], None]  # show a passage in the Reader (from a problem list)
    reveal_in_note: Callable[[int, int], None]  # (section_id, passage_id or -1) in the Composer
    edit_article: Callable[[int], None]  # an article's details (from a problem list)
