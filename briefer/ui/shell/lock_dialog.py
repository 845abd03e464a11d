"""What to do when a project is locked or read-only: read it, open it anyway, or leave it.

"Open Anyway…" is offered only for a lock held from another computer (a lock from a
dead Briefer on this one is taken over, so one from here is a running Briefer), and
asks once more, because two Briefers writing one project would each lose the other's
edits.
"""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.session import ProjectLocked, ProjectReadOnly


class LockChoice(enum.Enum):
    READ_ONLY = "read-only"
    OPEN_ANYWAY = "open-anyway"
    CANCEL = "cancel"


def locked_message_box(
    parent: QWidget | None, error: ProjectLocked | ProjectReadOnly
) -> QMessageBox:
    """The question, built apart from showing it so tests can inspect and press its buttons."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Project in use" if isinstance(error, ProjectLocked) else "Read-only")
    box.setText(str(error))
    box.setInformativeText("Open it read-only? You can read and search, but not change it.")
    read_only = box.addButton("Open &Read-Only", QMessageBox.ButtonRole.AcceptRole)
    read_only.setObjectName("read-only")
    if isinstance(error, ProjectLocked) and not error.here:  # a live Briefer here: never
        anyway = box.addButton("Open &Anyway…", QMessageBox.ButtonRole.DestructiveRole)
        anyway.setObjectName("open-anyway")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(read_only)
    return box


def confirm_break_box(parent: QWidget | None, error: ProjectLocked) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Open anyway?")
    box.setText(
        f"Only open it anyway if Briefer on {error.lock.host} has crashed or that computer"
        " is gone. If it is still open there, both copies of Briefer would write the same"
        " file and one of you would lose work."
    )
    anyway = box.addButton("Open &Anyway", QMessageBox.ButtonRole.DestructiveRole)
    anyway.setObjectName("open-anyway")
    box.addButton(QMessageBox.StandardButton.Cancel).setObjectName("cancel")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_locked(parent: QWidget | None, error: ProjectLocked | ProjectReadOnly) -> LockChoice:
    box = locked_message_box(parent, error)
    box.exec()
    name = box.clickedButton().objectName() if box.clickedButton() is not None else "cancel"
    if name == "read-only":
        return LockChoice.READ_ONLY
    if name != "open-anyway" or not isinstance(error, ProjectLocked):
        return LockChoice.CANCEL
    confirm = confirm_break_box(parent, error)
    confirm.exec()
    clicked = confirm.clickedButton()
    if clicked is not None and clicked.objectName() == "open-anyway":
        return LockChoice.OPEN_ANYWAY
    return LockChoice.CANCEL
