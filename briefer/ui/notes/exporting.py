"""File > Export Note: choose the file, see the problems, write it off the GUI thread.

The note and everything it cites are read on the GUI thread (which owns
the database connection) and checked; problems that would misquote a
source are shown first, before the file is chosen, and the analyst decides;
warnings (a source without a date, a section left out unwritten) do not stop
the export and are listed with its result.
The file itself is written on a worker thread, to a temporary name first,
so the window never freezes and a failure leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import re
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QWidget,
)

from briefer.core.logs import get_logger
from briefer.core.words import counted
from briefer.session import (
    CommandError,
    ExportError,
    ExportJob,
    ExportResult,
    ProjectError,
    note_style,
    prepare_export,
    run_export,
    warm_up,
)
from briefer.settings import Settings
from briefer.ui.common.context import WindowContext
from briefer.ui.common.screens import bounded_size
from briefer.ui.notes.problems_dialog import ProblemsDialog
from briefer.ui.shell.crash import log_hint

SUFFIX = {"docx": ".docx", "md": ".md"}
FILE_STEM_MAX = 100
"""At most this many characters of a title make the suggested file name."""
MARKDOWN_FLAVOURS = (
    ("CommonMark with footnotes (GitHub, markdown-it)", "commonmark"),
    ("pandoc Markdown", "pandoc"),
)

WARM_UP_AFTER_MS = 300
"""After the window has shown its first paint, before an analyst can reach Export."""
log = get_logger(__name__)


def _warm_up(citation_style: str, keep_on_disk_too: bool, language: str) -> None:
    try:
        warm_up(citation_style, keep_on_disk_too=keep_on_disk_too, language=language)
    except Exception:  # the export itself will say what is wrong, when there is one
        log.exception("warming up the export failed")


def file_name(title: str, kind: str) -> str:
    """The file name the Export dialog suggests: the title, as a file system takes it.

    A title's "Pact: what next" reads "Pact - what next" (not "Pact  what next"); the
    characters Windows refuses become spaces, runs of spaces one, and a trailing dot
    or space, which Windows drops, goes. A long title is cut at a word's end within
    FILE_STEM_MAX characters ("…submarine leasing", not "…submarine leasing, co-p"),
    and mid-word only when its first word alone is longer.
    """
    stem = re.sub(r"\s*:\s+", " - ", title)
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", stem)
    stem = " ".join(stem.split())
    if len(stem) > FILE_STEM_MAX:
        cut = stem[: FILE_STEM_MAX + 1].rsplit(" ", 1)[0]  # a space just past the bound fits
        stem = cut if len(cut) <= FILE_STEM_MAX else stem[:FILE_STEM_MAX]
        stem = stem.rstrip(" ,;-–—")
    stem = stem.strip(" .-") or "Briefing note"
    return f"{stem}{SUFFIX[kind]}"


class ExportOptions(QDialog):
    """Format, target file, and for Word a reference document and a table of contents."""

    def __init__(
        self, folder: Path, title: str, parent: QWidget | None = None, flavour: str = "commonmark"
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Note")
        self.folder, self.title = folder, title
        self.confirmed: Path | None = None  # a file the file picker already asked to replace
        self.replace_box: QMessageBox | None = None  # the last question asked, for tests
        self.word = QRadioButton("&Word document (.docx)")
        self.markdown = QRadioButton("&Markdown (.md)")
        self.word.setChecked(True)
        self.target = QLineEdit(str(folder / file_name(title, "docx")))
        self.target.setAccessibleName("Export to file")
        browse = QPushButton("&Browse…")
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("Optional: your organisation's .docx or .dotx")
        self.reference.setAccessibleName("Reference document for styles")
        pick_reference = QPushButton("C&hoose…")
        self.contents = QCheckBox("Add a table of &contents")
        self.flavour = QComboBox()
        self.flavour.setAccessibleName("Markdown flavour")
        for label, name in MARKDOWN_FLAVOURS:
            self.flavour.addItem(label, name)
        self.flavour.setCurrentIndex(max(0, self.flavour.findData(flavour)))
        self.flavour.setToolTip(
            "Who will read the file: GitHub, Obsidian and markdown-it read CommonMark with"
            " footnotes; pandoc reads its own Markdown, with $, @ and ~ escaped."
        )
        form = QFormLayout(self)
        form.addRow("Format:", self.word)
        form.addRow("", self.markdown)
        form.addRow(_label("&File:", self.target), _row(self.target, browse))
        styles_label = _label("&Styles from:", self.reference)
        self.styles_row = _row(self.reference, pick_reference)
        form.addRow(styles_label, self.styles_row)
        form.addRow("", self.contents)
        flavour_label = _label("Markdown f&lavour:", self.flavour)
        form.addRow(flavour_label, self.flavour)
        # Each format's own rows, label and button included: only Word has a reference
        # document and a table of contents, only Markdown a flavour.
        self._word_only: tuple[QWidget, ...] = (styles_label, self.styles_row, self.contents)
        self._markdown_only: tuple[QWidget, ...] = (flavour_label, self.flavour)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        browse.clicked.connect(self._browse)
        pick_reference.clicked.connect(self._pick_reference)
        self.markdown.toggled.connect(self._format_changed)
        self._format_changed()
        self.resize(bounded_size(self, 560, 0))

    def kind(self) -> str:
        return "md" if self.markdown.isChecked() else "docx"

    def _format_changed(self) -> None:
        kind = self.kind()
        current = Path(self.target.text())
        self.target.setText(str(current.with_suffix(SUFFIX[kind])))
        for widget in self._word_only:
            widget.setEnabled(kind == "docx")
        for widget in self._markdown_only:
            widget.setEnabled(kind == "md")

    def chosen_flavour(self) -> str:
        return str(self.flavour.currentData())

    def _browse(self) -> None:
        kind = self.kind()
        filters = "Word document (*.docx)" if kind == "docx" else "Markdown (*.md)"
        name, _ = QFileDialog.getSaveFileName(self, "Export to", self.target.text(), filters)
        if name:
            target = Path(name).with_suffix(SUFFIX[kind])
            # The picker asked before handing back an existing file, but only under the
            # name it handed back: "note" that became "note.docx" was never asked about.
            self.confirmed = target if str(target) == name else None
            self.target.setText(str(target))

    def accept(self) -> None:
        """Export asks before it replaces a file that is there, and Cancel writes nothing.

        The analyst may have worked on that file in Word since it was exported, or it
        may be another note's export: replacing it unasked lost that work. It asks on a
        re-export of the same note to the same file too: Briefer keeps no record of the
        files it wrote, and even one it wrote may have been edited since, so one more
        click is cheaper than a lost edit. It does not ask twice about a file the file
        picker has just confirmed (Browse…), unless the name was changed since.
        """
        target = Path(self.target.text()).expanduser()
        asked = target.exists() and not target.is_dir() and target != self.confirmed
        if asked and not self._replace(target):
            return  # the dialog stays open: another name, or Cancel
        super().accept()

    def _replace(self, target: Path) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Replace file?",
            f"{target.name} already exists in {target.parent}. Replace it?",
            QMessageBox.StandardButton.NoButton, self,
        )  # fmt: skip
        box.setInformativeText("Whatever is in that file now will be lost.")
        replace = box.addButton("&Replace", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # a stray Enter keeps the file
        box.setEscapeButton(cancel)
        self.replace_box = box
        box.exec()
        return box.clickedButton() is replace

    def _pick_reference(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Styles from", str(self.folder), "Word documents and templates (*.docx *.dotx)"
        )
        if name:
            self.reference.setText(name)


def _label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose access key goes to ``buddy``: the row's holder, its buddy by
    default, takes no focus, so Alt+F would go nowhere."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return holder


class ExportWorker(QThread):
    """run_export on its own thread: it touches no database, only the snapshot."""

    succeeded = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(self, job: ExportJob, target: Path, kind: str, reference: Path | None,
                 contents: bool, settings: Settings,
                 log_file: Path | None = None, flavour: str = "commonmark") -> None:  # fmt: skip
        super().__init__()
        self.job, self.target, self.kind = job, target, kind
        self.log_file = log_file  # named in the message of an unexpected failure
        self.reference, self.contents = reference, contents
        # As the CLI does: a reference document's page and language win over settings.
        self.page_size = None if reference else settings.page_size
        self.language = None if reference else settings.language
        self.citation_language = settings.language  # the preview's, reference or not
        self.citation_style = note_style(job.note, None, settings.citation_style)
        self.keep_on_disk_too = settings.keep_citation_renderings
        self.flavour = flavour

    def run(self) -> None:
        try:
            result = run_export(
                self.job,
                self.target,
                self.kind,
                reference_doc=self.reference,
                table_of_contents=self.contents,
                page_size=self.page_size,
                language=self.language,
                citation_style=self.citation_style,
                keep_on_disk_too=self.keep_on_disk_too,
                flavour=self.flavour,
                citation_language=self.citation_language,
            )
        except ExportError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # an unexpected bug must not take the window down
            log.exception("exporting %s (%s) failed unexpectedly", self.target, self.kind)
            self.failed.emit(
                f"Briefer could not export the note: {exc!r}. {log_hint(self.log_file)}"
            )
        else:
            self.succeeded.emit(result)


class ExportController(QObject):
    finished = Signal(object)  # ExportResult, or None when it failed or was cancelled

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.worker: ExportWorker | None = None
        self._outcome: ExportResult | None = None  # what ``finished`` gives once the thread ends
        self.message: QMessageBox | None = None
        self.dialog: ProblemsDialog | None = None  # the last check shown, for tests to reach
        self.options: ExportOptions | None = None  # the last options dialog shown

        self.warming: threading.Thread | None = None
        # Once the window is up: the first export then costs what the note costs.
        QTimer.singleShot(WARM_UP_AFTER_MS, self, self._warm_up)  # not once self is gone

    def _warm_up(self) -> None:
        """Load python-docx and citeproc-py and parse the citation style on a thread of its own.

        Some 0.1-0.2 s of work the analyst's first export would otherwise wait for
        (session.export.warm_up); a daemon thread, so closing the window never waits.
        """
        if not self.context.parent.isVisible():  # closed before it was up: nothing to export
            return
        settings = self.context.settings
        self.warming = threading.Thread(
            target=_warm_up,
            args=(settings.citation_style, settings.keep_citation_renderings, settings.language),
            name="briefer-export-warm-up",
            daemon=True,
        )
        self.warming.start()

    def start(self, note_id: int | None) -> None:
        """The whole interactive flow for one note, from the File menu."""
        if note_id is None:
            self.context.report(
                "There is no note to export yet: use Note > New Note from Template…"
            )
            return
        job = self.prepare(note_id)
        if job is None:
            return
        # The check comes first: a misquotation is about the note, not the file, and the
        # question about replacing a file is asked only once the export will write.
        if job.blocking and not self.confirm(job):
            return
        settings = self.context.settings
        folder = Path(settings.last_export_dir) if settings.last_export_dir else Path.home()
        options = ExportOptions(folder if folder.is_dir() else Path.home(), job.note.title,
                                self.context.parent, settings.markdown_flavour)  # fmt: skip
        self.options = options
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        reference = options.reference.text().strip()
        if options.kind() == "md":
            settings.markdown_flavour = options.chosen_flavour()
        self.export_to(job, Path(options.target.text()).expanduser(), options.kind(),
                       Path(reference) if reference and options.kind() == "docx" else None,
                       options.contents.isChecked(), options.chosen_flavour())  # fmt: skip

    def prepare(self, note_id: int) -> ExportJob | None:
        try:
            return prepare_export(self.context.session.query, note_id)
        except (CommandError, ProjectError) as exc:
            self.context.report(str(exc))
            return None

    def confirm(self, job: ExportJob) -> bool:
        dialog = ProblemsDialog(job.problems, self.context.parent, exporting=True)
        dialog.passageActivated.connect(self.context.open_passage)
        # Going to a place means fixing it first: the export waits for the next Ctrl+E.
        dialog.placeActivated.connect(lambda *_place: dialog.reject())
        dialog.placeActivated.connect(self.context.reveal_in_note)
        dialog.sourceActivated.connect(lambda _article: dialog.reject())  # as above
        dialog.sourceActivated.connect(self.context.edit_article)
        self.dialog = dialog
        return dialog.exec() == QDialog.DialogCode.Accepted

    def export_to(self, job: ExportJob, target: Path, kind: str, reference: Path | None = None,
                  contents: bool = False, flavour: str = "commonmark") -> bool:  # fmt: skip
        if self.worker is not None:
            self.context.report("An export is already running.")
            return False
        self.progress = QProgressDialog("Exporting the note…", "", 0, 0, self.context.parent)
        self.progress.setCancelButton(None)  # a Word file is written in about a second
        self.progress.setMinimumDuration(400)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        paths = self.context.paths
        self.worker = ExportWorker(job, target, kind, reference, contents, self.context.settings,
                                   paths.log_file if paths is not None else None,
                                   flavour)  # fmt: skip
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._cleanup)
        self.worker.start()
        return True

    def shutdown(self) -> None:
        """Wait for a running export to finish writing (used on close): the file is written
        whole or not at all, and the window must not go while its thread still runs."""
        worker = self.worker
        if worker is not None:
            worker.wait()

    def _cleanup(self) -> None:
        """The thread is done: only now is ``finished`` emitted, so a second export asked
        for on it (or on the message) is not refused as one still running."""
        self.progress.reset()
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        outcome, self._outcome = self._outcome, None
        self.finished.emit(outcome)

    def _succeeded(self, result: ExportResult) -> None:
        if result.renderings is not None and self.worker is not None:
            # As `briefer export` does: the note's next export, here or in the CLI, then
            # formats only what changed. A cache: a read-only project simply keeps none.
            with contextlib.suppress(ProjectError):
                self.context.session.keep_renderings(self.worker.job.note.uuid, result.renderings)
        settings = self.context.settings
        settings.last_export_dir = str(result.target.parent)
        self.context.save_settings()
        warnings = [p.message for p in result.problems]
        self.context.report(f"Exported to {result.target}")
        notes = counted(result.footnotes, "footnote")
        text = f"The note was exported to {result.target} with {notes}."
        self.message = QMessageBox(QMessageBox.Icon.Information, "Note exported", text,
                                   QMessageBox.StandardButton.Ok, self.context.parent)  # fmt: skip
        if warnings:
            self.message.setInformativeText("Worth checking:\n• " + "\n• ".join(warnings))
        folder = self.message.addButton("Open &Folder", QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.target.parent)))
        )
        self.message.open()
        self._outcome = result

    def _failed(self, message: str) -> None:
        self.context.report(message)
        self.message = QMessageBox(QMessageBox.Icon.Warning, "Could not export the note", message,
                                   QMessageBox.StandardButton.Ok, self.context.parent)  # fmt: skip
        self.message.open()
        self._outcome = None
