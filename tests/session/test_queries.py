"""The seam: the session's read-only query interface and its command runner.

mypy proves the store's Project satisfies ProjectQueries (Session.query returns one as
the other); these tests hold what a type checker does not: that the interface lists
reads only, that each matches the store's method exactly, and that reads through it see
every edit a command commits, on the same open file.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from briefer.core.model import Article, Block, BlockKind, Theme
from briefer.session import (
    AddThemeCommand,
    CommandRunner,
    ProjectExists,
    ProjectQueries,
    Session,
    TagPassageCommand,
)
from briefer.store import Project
from tests.private_store import store_of

WRITING = ("add_", "update_", "delete_", "set_", "dismiss_", "undismiss_", "save", "back_up")
TEXT = "The navy ordered two frigates for the northern fleet."


def members(protocol: type) -> list[str]:
    return sorted(
        name
        for name, value in vars(protocol).items()
        if callable(value) and not name.startswith("_")
    )


def test_the_query_interface_lists_only_reads() -> None:
    names = members(ProjectQueries)
    assert "list_themes" in names and "get_note" in names
    assert [n for n in names if n.startswith(WRITING) or n in ("transaction", "close")] == []
    project_writers = [n for n in dir(Project) if n.startswith(WRITING)]
    assert "add_theme" in project_writers  # the check above looks for real names
    assert not set(project_writers) & set(names)


@pytest.mark.parametrize("name", members(ProjectQueries))
def test_each_query_is_the_store_method_as_it_is(name: str) -> None:
    """Same parameters, defaults and annotations: the Protocol cannot drift from the store."""
    wanted = inspect.signature(getattr(ProjectQueries, name))
    actual = inspect.signature(getattr(Project, name))
    assert actual == wanted


def test_the_runner_is_what_the_undo_adapter_calls() -> None:
    assert members(CommandRunner) == ["execute", "take_warnings", "unexecute"]
    assert all(callable(getattr(Session, name)) for name in members(CommandRunner))


def test_reads_see_what_commands_wrote(tmp_path: Path) -> None:
    path = tmp_path / "p.briefer"
    with Session.create(path) as session:
        assert not hasattr(session, "project"), "the store stays private to the session"
        query = session.query
        article_id = store_of(session).add_article(
            Article("Fleet", TEXT, (Block(BlockKind.PARAGRAPH, 0, len(TEXT)),))
        )
        before = len(query.list_themes())
        session.do(AddThemeCommand(Theme("Ports", "#123456")))
        ports = query.theme_by_name("Ports")
        assert ports is not None and ports.id is not None
        assert len(query.list_themes()) == before + 1
        session.do(TagPassageCommand(article_id, 4, 8, [ports.id]))
        assert [p.text for p in query.list_passages(theme_id=ports.id)] == ["navy"]
        assert query.theme_passage_counts()[ports.id] == 1
        session.undo()
        assert query.list_passages() == []
        assert session.info().passage_count == 0 and session.info().article_count == 1


def test_save_copy_through_the_session(tmp_path: Path) -> None:
    path = tmp_path / "p.briefer"
    with Session.create(path, title="Fleet") as session:
        session.do(AddThemeCommand(Theme("Ports", "#123456")))
        session.save_copy(tmp_path / "copy.briefer")
        with pytest.raises(ProjectExists):
            session.save_copy(path)
    with Session.open(tmp_path / "copy.briefer", read_only=True) as copy:
        assert copy.info().title == "Fleet"
        assert copy.query.theme_by_name("Ports") is not None
