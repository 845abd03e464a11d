"""File > Export for QDA Tools… and File > Import from QDA Tools… (REFI-QDA .qdpx / .qdc).

The dialogs only pick a file; the session reads, writes and imports. An import is one
command on the window's undo stack, so Edit > Undo takes all of it back. A big project
takes seconds either way, so both run on a worker behind a progress dialog
(ui/common/background.py): the import is read and executed there and pushed here already
applied, as the merge is. The import counts its text sources and offers Cancel (its one
transaction rolls back); the export writes its file in one go and offers neither.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer.core.logs import get_logger
from briefer.session import (
    CommandError,
    ExchangeError,
    ImportQdaCommand,
    ProjectError,
    QdaExportResult,
    QdaImportCancelled,
    export_qda,
    import_qda_command,
)
from briefer.ui.common.background import JobRunner, Progress
from briefer.ui.common.context import WindowContext
from briefer.ui.common.report_box import open_report
from briefer.ui.common.undo import push_applied
from briefer.ui.shell.crash import log_hint

log = get_logger(__name__)

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
        self.runner = JobRunner(context.parent)  # the window's close waits for it
        self.runner.step_text = "Text source {done} of {total}"  # the import's count

    def _tell(self, title: str, text: str, *, problem: bool = False) -> None:
        self.message = open_report(self.context.parent, title, text, problem=problem)

    def _busy(self) -> bool:
        if self.runner.busy:
            self.context.report("A QDA import or export is already running.")
        return self.runner.busy

    def _unexpected(self, exc: Exception, what: str) -> str:
        """The sentence for an error no lower layer typed (logged with its traceback)."""
        log.error("the QDA %s stopped by an unexpected error", what, exc_info=exc)
        paths = self.context.paths
        hint = log_hint(paths.log_file if paths is not None else None)
        return f"The {what} stopped: {exc!r}. {hint}"

    def choose_export(self) -> None:
        if self._busy():
            return
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
        self.export_file(target)

    def export_file(self, target: Path) -> bool:
        """Write ``target`` on a worker; False when a QDA job is already running."""
        session = self.context.session

        def job(_progress: Progress, _cancelled: Callable[[], bool]) -> QdaExportResult:
            return export_qda(session, target)

        return self.runner.start(
            f"Exporting {target.name}",
            job,
            self._exported,
            self._export_failed,
            finish_on_close=True,
            cancellable=False,
        )

    def _exported(self, result: object) -> None:
        assert isinstance(result, QdaExportResult)
        self.context.report(result.summary)

    def _export_failed(self, exc: Exception) -> None:
        if isinstance(exc, ExchangeError | ProjectError):
            text = str(exc)
        else:
            text = self._unexpected(exc, "export")
        self._tell("Could not export", text, problem=True)

    def choose_import(self) -> None:
        if self._busy():
            return
        name, _ = QFileDialog.getOpenFileName(
            self.context.parent,
            "Import from QDA tools",
            str(self.context.session.path.parent),
            OPEN_FILTER,
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        """Read and import ``path`` on a worker; it lands on the undo stack when it is
        done. False when a QDA job is already running."""
        session = self.context.session

        def job(progress: Progress, cancelled: Callable[[], bool]) -> ImportQdaCommand:
            command = import_qda_command(path)
            command.progress, command.cancelled = progress, cancelled
            session.execute(command)
            return command

        return self.runner.start(
            f"Importing {path.name}",
            job,
            self._imported,
            self._import_failed,
            finish_on_close=True,
            cancellable=True,
        )

    def _imported(self, command: object) -> None:
        assert isinstance(command, ImportQdaCommand) and command.report is not None
        c = self.context
        command.progress = command.cancelled = None  # the worker and its dialog are gone
        push_applied(c.undo_stack, c.session, command, c.report)
        self._tell("Imported from a QDA tool", "\n\n".join(command.report.lines()))
        c.report(command.report.lines()[0])

    def _import_failed(self, exc: Exception) -> None:
        if isinstance(exc, QdaImportCancelled):
            self.context.report(str(exc))
            return
        if isinstance(exc, ExchangeError | CommandError | ProjectError):
            text = str(exc)
        else:
            text = self._unexpected(exc, "import")
        self._tell("Could not import", text, problem=True)
