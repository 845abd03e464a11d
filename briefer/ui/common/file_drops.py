"""Files dragged from a file manager onto the project window: an import, wherever they land.

The window takes a drag of local files as a copy, whatever modifier the analyst holds
(an import never moves their file), and hands the files to its import. A text field
would take the same drag as text and type "file:///…" into itself: `pass_file_drops_on`
makes the window's text fields refuse it, so Qt offers it to their parents, up to the
window. Text and web links dragged onto a field still go in as text. Imports no window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QChildEvent, QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

if TYPE_CHECKING:

    class _WindowBase(QWidget):
        def import_paths(self, paths: list[Path]) -> bool: ...

else:
    _WindowBase = object

DRAGS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files a drag or a copy carries (a file manager's), else none."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def as_copy(event: QDropEvent) -> None:
    """Accept a file drag as a copy: the cursor shows an import, the source keeps its file
    (Shift proposes a move, after which a file manager may delete its file)."""
    if event.possibleActions() & Qt.DropAction.CopyAction:
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
    else:
        event.acceptProposedAction()


def take_files(event: QDropEvent) -> None:
    """A drag of local files is taken as a copy; any other is refused."""
    if local_files(event.mimeData()):
        as_copy(event)
    else:
        event.ignore()


class ImportsDroppedFiles(_WindowBase):
    """The window's drag handlers, taken before its Qt class: dropped files are imported."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        take_files(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        take_files(event)  # each move, too: a drag passed on by a text field comes as a move

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())
        if paths and self.import_paths(paths):
            as_copy(event)


class _PassFileDrops(QObject):
    """Event filter on text fields: a drag of files is not theirs to take."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in DRAGS and isinstance(watched, QLineEdit):
            if local_files(cast(QDropEvent, event).mimeData()):
                event.ignore()  # Qt then offers it to the field's parents, up to the window
                return True
        elif kind == QEvent.Type.ChildPolished:  # a view's editor, opened for a rename
            child = cast(QChildEvent, event).child()
            if isinstance(child, QWidget):
                self.watch(child)
        return False

    def watch(self, widget: QWidget) -> None:
        fields = widget.findChildren(QLineEdit)
        for field in [widget, *fields] if isinstance(widget, QLineEdit) else fields:
            field.installEventFilter(self)  # once: installing again only moves it first


def pass_file_drops_on(root: QWidget) -> None:
    """Make every text field under ``root`` pass files dropped on it on to ``root``'s import,
    those an editable list opens later (a section's rename) included."""
    passer = _PassFileDrops(root)
    passer.watch(root)
    for view in root.findChildren(QAbstractItemView):
        if view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers:
            view.viewport().installEventFilter(passer)
