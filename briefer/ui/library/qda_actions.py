"""File > Export for QDA Tools… and File > Import from QDA Tools… (REFI-QDA .qdpx / .qdc).

The dialogs only pick a file; the session reads, writes and imports. An import is one
command on the window's undo stack, so Edit > Undo takes all of it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from briefer.session import (
    CommandError,
    ExchangeError,
    ProjectError,
    export_qda,
    import_qda_command,
)
from briefer.ui.common.undo import run_command

if TYPE_CHECKING:
    from briefer.ui.shell.project_window import ProjectWindow

PROJECT_FILTER = "REFI-QDA project (*.qdpx)"
CODEBOOK_FILTER = "REFI-QDA codebook: themes only (*.qdc)"
OPEN_FILTER = "REFI-QDA files (*.qdpx *.qdc);;All files (*)"


class QdaActions:
    def __init__(self, window: ProjectWindow) -> None:
        self.window = window
        self.message: QMessageBox | None = None  # the last one shown, for tests to read

    def add_to(self, file_menu: QMenu, before: QAction) -> None:
        w = self.window
        self.import_action = QAction("Import from &QDA Tools…", w)
        self.import_action.triggered.connect(lambda _checked=False: self.choose_import())
        self.import_action.setEnabled(not w.session.read_only)
        self.export_action = QAction("Export for QDA &Tools…", w)
        self.export_action.triggered.connect(lambda _checked=False: self.choose_export())
        file_menu.insertActions(before, [self.import_action, self.export_action])

    def _tell(self, title: str, text: str, *, problem: bool = False) -> None:
        """Not modal: the analyst reads it while the themes and articles appear."""
        icon = QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setModal(False)
        box.open()
        self.message = box

    def choose_export(self) -> None:
        w = self.window
        suggested = str(w.session.path.with_suffix(".qdpx"))
        name, chosen = QFileDialog.getSaveFileName(
            w, "Export for QDA tools", suggested, f"{PROJECT_FILTER};;{CODEBOOK_FILTER}"
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() not in (".qdpx", ".qdc"):
            target = target.with_name(
                target.name + (".qdc" if chosen == CODEBOOK_FILTER else ".qdpx")
            )
        try:
            result = export_qda(w.session, target)
        except (ExchangeError, ProjectError) as exc:
            self._tell("Could not export", str(exc), problem=True)
            return
        w.statusBar().showMessage(result.summary, 10_000)

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Import from QDA tools", "", OPEN_FILTER)
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        w = self.window
        try:
            command = import_qda_command(path)
            run_command(w.undo_stack, w.session, command, w.report)
        except (ExchangeError, CommandError, ProjectError) as exc:
            self._tell("Could not import", str(exc), problem=True)
            return False
        assert command.report is not None
        self._tell("Imported from a QDA tool", "\n\n".join(command.report.lines()))
        w.statusBar().showMessage(command.report.lines()[0], 10_000)
        return True
