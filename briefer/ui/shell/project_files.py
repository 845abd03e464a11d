"""Asking the analyst for a project file: where a new one goes, which one to open.

Shared by the welcome window and the project window's File menu, so both offer the
same filter and both add the .briefer suffix a typed name leaves out.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

PROJECT_FILTER = "Briefer projects (*.briefer);;All files (*)"


def start_folder(folder: Path | None = None, recent: Sequence[str] = ()) -> str:
    """Where a project dialog opens: ``folder`` (the open project's), else the latest
    recent project's folder if it is still there, else Documents, else home; never the
    folder the program happened to start in."""
    candidates = [folder] if folder is not None else []
    candidates += [Path(entry).parent for entry in recent[:1]]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    candidates += [Path(documents)] if documents else []
    for candidate in candidates:
        if candidate.is_dir():
            return str(candidate)
    return str(Path.home())


def ask_new_project(
    parent: QWidget | None, folder: Path | None = None, recent: Sequence[str] = ()
) -> Path | None:
    """Where the new project should go, or None if the analyst cancelled."""
    start = start_folder(folder, recent)
    path, _ = QFileDialog.getSaveFileName(parent, "New project", start, PROJECT_FILTER)
    if not path:
        return None
    target = Path(path)
    return target if target.suffix else target.with_suffix(".briefer")


def ask_open_project(
    parent: QWidget | None, folder: Path | None = None, recent: Sequence[str] = ()
) -> Path | None:
    """The project the analyst picked, or None if they cancelled."""
    start = start_folder(folder, recent)
    path, _ = QFileDialog.getOpenFileName(parent, "Open project", start, PROJECT_FILTER)
    return Path(path) if path else None
