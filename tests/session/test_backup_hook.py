"""The session backs a project up before every destructive command, and says when it could not."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.session import (
    AddNoteCommand,
    BackupReason,
    Command,
    DeleteArticleCommand,
    DeleteNoteCommand,
    DeleteThemeCommand,
    MergeThemesCommand,
    Session,
    TagPassageCommand,
    UpdateThemeCommand,
    backup_policy,
    project_backups,
)
from briefer.settings import Settings
from briefer.store import BackupPolicy, Project, scan_backups
from briefer.store import backups as store_backups
from tests.private_store import store_of

TEXT = "Grain exports resumed through the Black Sea corridor on Monday."


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def session(tmp_path: Path, backups: Path) -> Iterator[Session]:
    path = tmp_path / "brief.briefer"
    with Session.create(path) as made:
        article = store_of(made).add_article(
            Article(
                title="Corridor reopens", text=TEXT, blocks=(Block(BlockKind.PARAGRAPH, 0, 64),)
            )
        )
        trade = made.theme_named("Trade")
        assert trade is not None and trade.id is not None
        made.do(TagPassageCommand(article, 0, 13, [trade.id]))
        made.do(AddNoteCommand(Note(title="Weekly brief", sections=(Section("Summary"),))))
    opened = Session.open(path, backup_dir=backups, backup_policy=BackupPolicy())
    yield opened
    opened.close()


def _theme_id(session: Session, name: str) -> int:
    theme = session.theme_named(name)
    assert theme is not None and theme.id is not None
    return theme.id


DESTRUCTIVE: dict[str, tuple[Callable[[Session], Command], str, str]] = {
    "delete-theme": (
        lambda s: DeleteThemeCommand(_theme_id(s, "Trade")),
        "before-delete-theme",
        'before deleting theme "Trade"',
    ),
    "delete-article": (
        lambda s: DeleteArticleCommand(s.query.list_articles()[0].id),
        "before-delete-article",
        'before deleting article "Corridor reopens"',
    ),
    "delete-note": (
        lambda s: DeleteNoteCommand(s.query.list_notes()[0].id or 0),
        "before-delete-note",
        'before deleting note "Weekly brief"',
    ),
    "merge-themes": (
        lambda s: MergeThemesCommand(_theme_id(s, "Trade"), _theme_id(s, "Energy")),
        "before-merge-themes",
        'before merging theme "Trade" into "Energy"',
    ),
}


@pytest.mark.parametrize("name", DESTRUCTIVE)
def test_a_destructive_command_is_backed_up_first(
    session: Session, backups: Path, name: str
) -> None:
    make, label, reason = DESTRUCTIVE[name]
    before = (
        len(session.query.list_articles()),
        len(session.query.list_passages()),
        len(session.query.list_notes()),
    )
    session.do(make(session))
    newest = project_backups(backups, session.path)[0]
    assert newest.path.name.endswith(f"-{label}.briefer")
    assert newest.reason == reason
    assert (newest.articles, newest.passages, newest.notes) == before
    assert session.take_warnings() == []


def test_the_backup_holds_what_the_delete_removed(session: Session, backups: Path) -> None:
    session.do(DeleteThemeCommand(_theme_id(session, "Trade")))
    assert session.query.list_passages() == []
    labelled = [b for b in scan_backups(backups, session.path) if b.before_edit]
    assert len(labelled) == 1
    with Project.open(labelled[0].path, read_only=True) as copy:
        assert [p.text for p in copy.list_passages()] == ["Grain exports"]


def test_edits_that_lose_nothing_take_no_backup(session: Session, backups: Path) -> None:
    count = len(scan_backups(backups, session.path))
    session.do(UpdateThemeCommand(_theme_id(session, "Trade"), name="Commerce"))
    session.undo()
    assert len(scan_backups(backups, session.path)) == count


def test_redoing_a_delete_backs_up_again(session: Session, backups: Path) -> None:
    session.do(DeleteNoteCommand(session.query.list_notes()[0].id or 0))
    session.undo()
    session.redo()
    assert sum(1 for b in scan_backups(backups, session.path) if b.before_edit) == 2


def test_a_failed_backup_warns_and_the_delete_goes_ahead(
    session: Session, backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store_backups, "copy_database", no_space)
    session.do(DeleteThemeCommand(_theme_id(session, "Trade")))
    assert session.theme_named("Trade") is None
    warnings = session.take_warnings()
    assert len(warnings) == 1 and "no space left on device" in warnings[0]
    assert session.take_warnings() == []  # each warning is given once
    assert session.undo() == 'Delete theme "Trade"'
    assert len(session.query.list_passages()) == 1


def test_the_hook_is_open_to_other_wholesale_edits(session: Session, backups: Path) -> None:
    path = session.back_up_before(BackupReason("before-merge", "before merging projects"))
    assert path is not None and path.name.endswith("-before-merge.briefer")
    assert project_backups(backups, session.path)[0].reason == "before merging projects"


def test_no_backup_when_read_only_or_without_a_folder(tmp_path: Path, backups: Path) -> None:
    path = tmp_path / "plain.briefer"
    Session.create(path).close()
    with Session.open(path) as plain:
        plain.do(DeleteThemeCommand(_theme_id(plain, "Trade")))
        assert plain.take_warnings() == []
    with Session.open(path, read_only=True, backup_dir=backups) as read_only:
        assert read_only.theme_named("Defence") is not None
    assert scan_backups(backups, path) == []


def test_the_policy_comes_from_the_settings() -> None:
    settings = Settings(keep_backups=3, backup_hours=6, backup_days=-1, backup_before_delete_max=7)
    assert backup_policy(settings) == BackupPolicy(
        recent=3, hours=6, days=0, before_edit_days=14, before_edit_max=7
    )
