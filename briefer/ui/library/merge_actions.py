"""File > Merge Project…: bring another copy's work into this project, after a mapping step.

The file dialog picks the other project; the session checks it, matches its themes and
does a dry run. The mapping step shows each theme that differs from (colour, key, name)
or resembles one here, with a choice per row, and what the merge will add; OK runs the
merge as one command on the window's undo stack, so Edit > Undo takes all of it back.
The dry run and the merge run on a worker (merging.py); the command is executed there
and pushed here already applied, so it runs once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.session import (
    CommandError,
    MergeCancelled,
    MergePlan,
    MergeProjectCommand,
    ProjectError,
    ThemeChoice,
    merge_command,
    plan_merge,
)
from briefer.ui.common.context import WindowContext
from briefer.ui.common.report_box import open_report
from briefer.ui.common.screens import bounded_size
from briefer.ui.common.tables import tab_leaves
from briefer.ui.common.undo import push_applied
from briefer.ui.library.merging import MergeRunner, Progress, unexpected

OPEN_FILTER = "Briefer projects (*.briefer);;All files (*)"
CHOICES = (
    (ThemeChoice.KEEP_OURS, "Keep this project's"),
    (ThemeChoice.TAKE_THEIRS, "Take theirs"),
    (ThemeChoice.SEPARATE, "Keep as a separate theme"),
)


class MergeDialog(QDialog):
    """The mapping step: one row per theme conflict, a choice in each, and the summary."""

    def __init__(self, plan: MergePlan, parent: QWidget) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Merge {plan.other.name}")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Merging <b>{plan.other.name}</b> adds what this project lacks and deletes "
            "nothing. A backup is taken first, and Edit > Undo takes the whole merge back."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(plan.conflicts), 3, self)
        self.table.setHorizontalHeaderLabels(["Their theme", "Here", "Use"])
        self.table.verticalHeader().setVisible(False)
        tab_leaves(self.table)  # Tab goes on to the choices and the buttons
        self.combos: list[QComboBox] = []
        for row, match in enumerate(plan.conflicts):
            theirs = QTableWidgetItem(match.theirs.name)
            theirs.setToolTip(match.describe())
            self.table.setItem(row, 0, theirs)
            here = QTableWidgetItem(match.describe())
            self.table.setItem(row, 1, here)
            combo = QComboBox(self.table)
            for choice, text in CHOICES:
                combo.addItem(text, choice.value)
            combo.setCurrentIndex(combo.findData(match.default.value))
            combo.setAccessibleName(f"What to do with theme {match.theirs.name}")
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
            combo.currentIndexChanged.connect(lambda _index: self._follow_choices())
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        if plan.conflicts:
            layout.addWidget(QLabel("These themes differ from, or resemble, themes here:"))
            layout.addWidget(self.table)
        else:
            self.table.hide()
        self.summary = QLabel("\n".join(plan.preview.lines()))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(QLabel("With these choices, the merge would do this:"))
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(bounded_size(self, 720, 420))

    def _follow_choices(self) -> None:
        """The summary as the choices now stand: the theme part is recomputed from the
        plan, at once, with no second dry run."""
        self.summary.setText("\n".join(self.plan.summary(self.choices()).lines()))

    def choices(self) -> dict[str, ThemeChoice]:
        """The analyst's choice for each conflicting theme, by the other theme's UUID."""
        return {
            match.theirs.uuid: ThemeChoice(str(combo.currentData()))
            for match, combo in zip(self.plan.conflicts, self.combos, strict=True)
        }


class MergeActions:
    """File > Merge Project…; ``build_menus`` places it."""

    def __init__(self, context: WindowContext) -> None:
        self.context = context
        self.dialog: MergeDialog | None = None  # the mapping step on show, for tests
        self.message: QMessageBox | None = None  # the last message shown, for tests to read
        self.merge_action = QAction("&Merge Project…", context.parent)
        self.merge_action.triggered.connect(lambda _checked=False: self.choose())
        self.merge_action.setEnabled(not context.session.read_only)
        self.runner = MergeRunner(context.parent)

    def _tell(self, title: str, text: str, *, problem: bool = False) -> None:
        self.message = open_report(self.context.parent, title, text, problem=problem)

    def choose(self) -> None:
        if self.runner.busy:
            self.context.report("A merge is already running.")
            return
        name, _ = QFileDialog.getOpenFileName(
            self.context.parent,
            "Merge a project into this one",
            str(self.context.session.path.parent),  # the other laptop's copy lands beside it
            OPEN_FILTER,
        )
        if name:
            self.plan(Path(name))

    def plan(self, other: Path) -> bool:
        """Check ``other`` and dry-run the merge on a worker, then show the mapping step
        (not modal); False when a merge is already running."""
        session = self.context.session

        def job(progress: Progress, cancelled: Callable[[], bool]) -> MergePlan:
            return plan_merge(session, other, progress=progress, cancelled=cancelled)

        return self.runner.start(
            f"Reading {other.name}", job, lambda plan: self._show(plan), self._failed
        )

    def _show(self, plan: object) -> None:
        assert isinstance(plan, MergePlan)
        dialog = MergeDialog(plan, self.context.parent)
        dialog.accepted.connect(lambda: self.apply(plan, dialog.choices()))
        dialog.open()
        self.dialog = dialog

    def apply(self, plan: MergePlan, choices: dict[str, ThemeChoice]) -> bool:
        """Run the merge on a worker; it lands on the undo stack when it is done."""
        session = self.context.session

        def job(progress: Progress, cancelled: Callable[[], bool]) -> MergeProjectCommand:
            command = merge_command(
                session, plan.other, choices, progress=progress, cancelled=cancelled
            )
            session.execute(command)
            return command

        return self.runner.start(
            f"Merging {plan.other.name}", job, self._merged, self._failed, finish_on_close=True
        )

    def _merged(self, command: object) -> None:
        assert isinstance(command, MergeProjectCommand) and command.report is not None
        c = self.context
        command.progress = command.cancelled = None  # the worker and its dialog are gone
        push_applied(c.undo_stack, c.session, command, c.report)
        self._tell(f"Merged {command.other.name}", "\n".join(command.report.lines()))
        c.report(f"Merged {command.other.name}: " + command.report.lines()[0])

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, MergeCancelled):
            self.context.report(str(exc))
            return
        if isinstance(exc, CommandError | ProjectError):
            text = str(exc)
        else:
            paths = self.context.paths
            text = unexpected(exc, paths.log_file if paths is not None else None)
        self._tell("Could not merge", text, problem=True)
