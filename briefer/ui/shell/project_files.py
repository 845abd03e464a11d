"""Asking the analyst for a project file: where a new one goes, which one to open.

Shared by the welcome window and the project window's File menu, so both offer the
same filter and both add the .briefer suffix a typed name leaves out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

PROJECT_FILTER = "Briefer projects (*.briefer);;All files (*)"


def ask_new_project(parent: QWidget | None, folder: Path | None = None) -> Path | None:
    """Where the new project should go, or None if the analyst cancelled."""
    start = str(folder) if folder is not None else ""
    path, _ = QFileDialog.getSaveFileName(parent, "New project", start, PROJECT_FILTER)
    if not path:
        return None
    target = Path(path)
    return target if target.suffix else target.with_suffix(".briefer")


def ask_open_project(parent: QWidget | None, folder: Path | None = None) -> Path | None:
    """The project the analyst picked, or None if they cancelled."""
    start = str(folder) if folder is not None else ""
    path, _ = QFileDialog.getOpenFileName(parent, "Open project", start, PROJECT_FILTER)
    return Path(path) if path else None
