"""The first window: start a new project, open one, or pick a recent one.

It knows nothing of projects; it asks its controller through callbacks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer import __version__
from briefer.ui.common.screens import bounded_size
from briefer.ui.shell.file_menu import quit_keys
from briefer.ui.shell.help import HelpWindow
from briefer.ui.shell.project_files import ask_new_project, ask_open_project


class WelcomeView(QWidget):
    def __init__(
        self,
        recent: list[str],
        # The controller's open_project answers whether the project opened; the
        # welcome window does not need to know, the controller replaces it.
        open_project: Callable[[Path], object],
        new_project: Callable[[Path], None],
        open_sample: Callable[[], None] | None = None,
        open_preferences: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("welcome")
        self.setWindowTitle("Briefer")
        self._open_project = open_project
        self._new_project = new_project
        self._recent = list(recent)  # the dialogs open beside the latest project

        title = QLabel("Briefer")
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        tagline = QLabel(
            "From a pile of articles to a clear, sourced briefing note.\n"
            "Everything you do is saved as you go, in one project file."
        )
        tagline.setWordWrap(True)

        self.new_button = QPushButton("&New project…")
        self.new_button.setAccessibleName("New project")
        self.new_button.clicked.connect(self.choose_new)
        self.open_button = QPushButton("&Open project…")
        self.open_button.setAccessibleName("Open project")
        self.open_button.clicked.connect(self.choose_open)
        self.sample_button = QPushButton("Try the &sample project")
        self.sample_button.setAccessibleName("Open the sample project")
        self.sample_button.setVisible(open_sample is not None)
        if open_sample is not None:
            self.sample_button.clicked.connect(open_sample)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        self.preferences_button = QPushButton("&Preferences…")
        self.preferences_button.setAccessibleName("Preferences")
        self.preferences_button.setVisible(open_preferences is not None)
        if open_preferences is not None:
            self.preferences_button.clicked.connect(open_preferences)
        buttons.addWidget(self.preferences_button)

        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentProjects")
        self.recent_list.setAccessibleName("Recent projects")
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long folders
        for entry in recent:
            item = QListWidgetItem(recent_text(Path(entry)))
            item.setToolTip(entry)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            if not Path(entry).exists():
                item.setText(f"{Path(entry).stem} (missing)  —  {shown_folder(Path(entry))}")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent_list.addItem(item)
        openable = [i for i in range(self.recent_list.count())
                    if self.recent_list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]  # fmt: skip
        if openable:  # reached with Tab, the latest is highlighted and Enter opens it
            self.recent_list.setCurrentRow(openable[0])
        self.recent_list.itemActivated.connect(self._open_recent)
        recent_label = QLabel("&Recent projects")
        recent_label.setBuddy(self.recent_list)
        empty = QLabel("No recent projects yet. Create one to start.")
        empty.setWordWrap(True)
        empty.setVisible(not recent)
        self.recent_list.setVisible(bool(recent))

        version = QLabel(f"Version {__version__}")
        version.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(tagline)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(recent_label)
        layout.addWidget(empty)
        layout.addWidget(self.recent_list, 1)
        if not recent:
            layout.addStretch(1)
        layout.addWidget(version, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(bounded_size(self, 560, 420))

        QShortcut(QKeySequence.StandardKey.New, self, self.choose_new)
        QShortcut(QKeySequence.StandardKey.Open, self, self.choose_open)
        QShortcut(quit_keys()[0], self, self.close)  # the only window: closing it quits
        QShortcut(QKeySequence.StandardKey.HelpContents, self, self.show_help)
        self.help_window: HelpWindow | None = None

    def show_help(self) -> None:
        """F1 before any project is open: the guide, without the menu shortcuts."""
        if self.help_window is None:
            self.help_window = HelpWindow(parent=self)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()

    def choose_new(self) -> None:
        path = ask_new_project(self, recent=self._recent)
        if path is not None:
            self._new_project(path)

    def choose_open(self) -> None:
        path = ask_open_project(self, recent=self._recent)
        if path is not None:
            self._open_project(path)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self._open_project(Path(item.data(Qt.ItemDataRole.UserRole)))


def shown_folder(path: Path) -> str:
    """The project's folder as the list shows it, the home folder as "~"."""
    folder = path.parent
    try:
        return str(Path("~") / folder.relative_to(Path.home()))
    except (ValueError, RuntimeError):  # elsewhere, or no home folder known
        return str(folder)


def recent_text(path: Path) -> str:
    """A recent project's line: its name, then its folder, so two projects of one name in
    different folders can be told apart (a new analyst could not)."""
    return f"{path.stem}  —  {shown_folder(path)}"
