"""File > Export for QDA Tools… and File > Import from QDA Tools… (REFI-QDA .qdpx / .qdc).

The dialogs only pick a file; the session reads, writes and imports. An import is one
command on the window's undo stack, so Edit > Undo takes all of it back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer.session import (
    CommandError,
    ExchangeError,
    ProjectError,
    export_qda,
    import_qda_command,
)
from briefer.ui.common.context import WindowContext
from briefer.ui.common.report_box import open_report
from briefer.ui.common.undo import run_command

PROJECT_FILTER = "REFI-QDA project (*.qdpx)"
CODEBOOK_FILTER = "REFI-QDA codebook: themes only (*.qdc)"
OPEN_FILTER = "REFI-QDA files (*.qdpx *.qdc);;All files (*)"


class QdaActions:
    """The two File menu entries; ``build_menus`` places them."""

    def __init__(self, context: WindowContext) -> None:
        self.context = context
        self.message: QMessageBox | None = None  # the last one shown, for tests to read
        self.import_action = QAction("Import from &QDA Tools…", context.parent)
        self.import_action.triggered.connect(lambda _checked=False: self.choose_import())
        self.import_action.setEnabled(not context.session.read_only)
        self.export_action = QAction("Export for QDA &Tools…", context.parent)
        self.export_action.triggered.connect(lambda _checked=False: self.choose_export())

    def _tell(self, title: str, text: str, *, problem: bool = False) -> None:
        self.message = open_report(self.context.parent, title, text, problem=problem)

    def choose_export(self) -> None:
        c = self.context
        suggested = str(c.session.path.with_suffix(".qdpx"))
        name, chosen = QFileDialog.getSaveFileName(
            c.parent, "Export for QDA tools", suggested, f"{PROJECT_FILTER};;{CODEBOOK_FILTER}"
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() not in (".qdpx", ".qdc"):
            target = target.with_name(
                target.name + (".qdc" if chosen == CODEBOOK_FILTER else ".qdpx")
            )
        try:
            result = export_qda(c.session, target)
        except (ExchangeError, ProjectError) as exc:
            self._tell("Could not export", str(exc), problem=True)
            return
        c.report(result.summary)

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.context.parent, "Import from QDA tools", "", OPEN_FILTER
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        c = self.context
        try:
            command = import_qda_command(path)
            run_command(c.undo_stack, c.session, command, c.report)
        except (ExchangeError, CommandError, ProjectError) as exc:
            self._tell("Could not import", str(exc), problem=True)
            return False
        assert command.report is not None
        self._tell("Imported from a QDA tool", "\n\n".join(command.report.lines()))
        c.report(command.report.lines()[0])
        return True
