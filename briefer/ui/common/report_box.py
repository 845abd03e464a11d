"""A report the analyst reads while the window carries on: not modal, kept for tests."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def open_report(parent: QWidget, title: str, text: str, *, problem: bool = False) -> QMessageBox:
    """Show ``text`` in a message box that does not block the window (what an import or a
    merge brought in, or why it could not), and return it."""
    icon = QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setModal(False)
    box.open()
    return box
