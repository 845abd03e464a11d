"""File > Restore from Backup…: this project's backups, newest first, and restoring one
into a NEW file the analyst names (never over the open project), then offering to open it.

Reads backups through the session's backup API; never touches SQL or the store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.core.logs import get_logger
from briefer.session import BackupEntry, ProjectError, project_backups, restore_from_backup
from briefer.ui.common.screens import bounded_size

log = get_logger(__name__)

COLUMNS = ("Taken (local time)", "Reason", "Articles", "Passages", "Notes")
PATH_ROLE = Qt.ItemDataRole.UserRole
NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


class RestoreDialog(QDialog):
    """Lists backups; ``restored`` is the new file after a restore, and ``open_restored``
    says whether the analyst wants it opened (the window does that once this closes)."""

    def __init__(
        self,
        project_path: Path,
        backup_dir: Path,
        parent: QWidget | None = None,
        *,
        entries: list[BackupEntry] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from Backup")
        self.project_path = project_path
        self.backup_dir = backup_dir
        self.restored: Path | None = None
        self.open_restored = False
        self.entries = entries if entries is not None else project_backups(backup_dir, project_path)

        intro = QLabel(
            f"Backups of <b>{_escape(project_path.name)}</b>, newest first. Restoring one"
            " copies it into a new file; this project is not changed."
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setAccessibleName("Backups of this project")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels(list(COLUMNS))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            self.list.headerItem().setTextAlignment(column, NUMBER_ALIGN)
        for entry in self.entries:
            self.list.addTopLevelItem(self._item(entry))
        self.empty = QLabel(
            "No backups of this project yet. Briefer keeps one each time the project is"
            " opened for writing and before anything is deleted."
        )
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.entries)
        self.list.setVisible(bool(self.entries))
        where = QLabel(f"Backups folder: {_escape(str(backup_dir))}")
        where.setObjectName("backupFolder")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("&Restore to New File…")
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(lambda *_: self.restore_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(where)
        layout.addWidget(buttons)
        first = next((i for i, e in enumerate(self.entries) if e.readable), None)
        item = self.list.topLevelItem(first) if first is not None else None
        if item is not None:
            self.list.setCurrentItem(item)
        self._selection_changed()
        self.resize(bounded_size(self, 760, 420))

    def _item(self, entry: BackupEntry) -> QTreeWidgetItem:
        reason = entry.reason[:1].upper() + entry.reason[1:]
        if not entry.readable:
            reason = f"{reason} — {entry.problem}"
        item = QTreeWidgetItem(
            [
                entry.local_time(),
                reason,
                _count(entry.articles),
                _count(entry.passages),
                _count(entry.notes),
            ]
        )
        item.setData(0, PATH_ROLE, str(entry.path))
        item.setToolTip(0, str(entry.path))
        item.setToolTip(1, reason)
        for column in (2, 3, 4):
            item.setTextAlignment(column, NUMBER_ALIGN)
        if not entry.readable:  # listed, so the analyst knows it exists, but not restorable
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            item.setForeground(1, self.palette().placeholderText())
        return item

    def selected(self) -> BackupEntry | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        path = str(item.data(0, PATH_ROLE))
        return next((e for e in self.entries if str(e.path) == path and e.readable), None)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def suggested_target(self, entry: BackupEntry) -> Path:
        when = entry.taken_at.astimezone().strftime("%Y-%m-%d %H%M")
        return self.project_path.with_name(f"{self.project_path.stem} restored {when}.briefer")

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Restore the backup as a new project",
            str(self.suggested_target(entry)),
            "Briefer projects (*.briefer)",
            options=QFileDialog.Option.DontConfirmOverwrite,  # we never overwrite; we refuse
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".briefer":
            target = target.with_name(target.name + ".briefer")
        if _same_file(target, self.project_path):
            QMessageBox.warning(
                self,
                "Choose another file",
                "A backup is never restored over the open project; choose a new file name.",
            )
            return
        try:
            restore_from_backup(entry.path, target)
        except (ProjectError, OSError) as exc:
            log.warning("restore of %s into %s failed: %s", entry.path, target, exc)
            QMessageBox.warning(self, "Could not restore the backup", str(exc))
            return
        self.restored = target
        answer = QMessageBox.question(
            self,
            "Backup restored",
            f"The backup of {entry.local_time()} is now the project {target}.\n\n"
            "Open it now? This project will be closed; all its changes are saved.",
        )
        self.open_restored = answer == QMessageBox.StandardButton.Yes
        self.accept()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.absolute() == b.absolute() or (a.exists() and a.samefile(b))
    except OSError:
        return False


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
