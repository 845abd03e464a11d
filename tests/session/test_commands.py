"""Every command, applied then reverted, leaves the project file exactly as it was.

Real project files on disk; the state is read back through the store API
(and compared after reopening, so nothing lives only in memory).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from briefer.core.model import Article, Block, BlockKind, Original, Theme
from briefer.session import (
    AddThemeCommand,
    ArticleDetails,
    Change,
    Command,
    CommandError,
    DeleteArticleCommand,
    DeletePassageCommand,
    DeleteThemeCommand,
    DismissSuggestionCommand,
    EditArticleDetailsCommand,
    Entity,
    ImportQdaCommand,
    MergeProjectCommand,
    MergeThemesCommand,
    ReorderThemesCommand,
    Session,
    SetCommentCommand,
    TagPassageCommand,
    TagPassagesCommand,
    ToggleThemeCommand,
    UpdateThemeCommand,
    import_qda_command,
    merge_command,
)
from briefer.session.passage_commands import _RetagCommand
from briefer.store import Project
from tests.exchange.qda_data import atlas_qdpx
from tests.private_store import store_of
from tests.session.merge_data import add_theme, make_project

TEXT = (
    "India and Russia agreed to expand trade in oil and fertiliser.\n\n"
    "Defence ties, including submarines, were also discussed.\n\n"
    "Visa rules for skilled professionals will be eased."
)


def snapshot(project: Project) -> dict[str, Any]:
    """Everything a user could see of the project, read back from the file."""
    return {
        "themes": project.list_themes(),
        "passages": project.list_passages(),
        "articles": project.list_articles(),  # titles, publishers, dates, addresses, counts
        "texts": [project.get_article(a.id).text for a in project.list_articles()],
        "originals": [project.get_original(a.id) for a in project.list_articles()],
        "counts": project.theme_passage_counts(),
        "dismissed": [project.dismissed_suggestions(a.id) for a in project.list_articles()],
    }


@pytest.fixture
def session(tmp_path: Path) -> Session:
    s = Session.create(tmp_path / "p.briefer")
    article = Article(
        title="India and Russia",
        text=TEXT,
        blocks=(Block(BlockKind.PARAGRAPH, 0, 62),),
        publisher="Test Wire",
    )
    store_of(s).add_article(article, Original("a.txt", "text/plain", TEXT.encode()))
    yield s
    s.close()


def ids(session: Session) -> dict[str, int]:
    themes = {t.name: t.id for t in session.query.list_themes()}
    return {"trade": themes["Trade"], "defence": themes["Defence"], "energy": themes["Energy"],
            "article": session.query.list_articles()[0].id}  # fmt: skip


def tag(session: Session, words: str, *themes: int) -> int:
    start = TEXT.index(words)
    command = TagPassageCommand(ids(session)["article"], start, start + len(words), list(themes))
    session.do(command)
    assert command.passage_id is not None
    return command.passage_id


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def other_project(session: Session) -> Path:
    """A second project sharing this one's article text, with a theme of its own."""
    other = make_project(session.path.parent / "other.briefer")
    add_theme(other, "Ports", "#00AA00", "9")
    other.close()
    return other.path


class Case(NamedTuple):
    """One round-trip case: the command class it exercises, and how to build it."""

    kind: type[Command]
    make: Callable[[Session], Command]


# Every concrete command class in briefer.session needs a case here or in
# test_note_commands.COMMANDS: test_command_coverage.py finds the classes itself.
COMMANDS: dict[str, Case] = {
    "tag": Case(TagPassageCommand,
                lambda s: TagPassageCommand(ids(s)["article"], 0, 16, [ids(s)["trade"]], "note")),
    "toggle-add": Case(ToggleThemeCommand,
                       lambda s: ToggleThemeCommand(s.query.list_passages()[0].id,
                                                    ids(s)["energy"])),
    "toggle-remove-last": Case(ToggleThemeCommand,
                               lambda s: ToggleThemeCommand(s.query.list_passages()[1].id,
                                                            ids(s)["defence"])),
    "comment": Case(SetCommentCommand,
                    lambda s: SetCommentCommand(s.query.list_passages()[0].id, "check figures")),
    "delete-passage": Case(DeletePassageCommand,
                           lambda s: DeletePassageCommand(s.query.list_passages()[0].id)),
    "add-theme": Case(AddThemeCommand,
                      lambda s: AddThemeCommand(Theme("Ports", "#123456", "7",
                                                      keywords=("port*",)))),
    "rename-theme": Case(UpdateThemeCommand,
                         lambda s: UpdateThemeCommand(ids(s)["trade"], name="Commerce")),
    "recolour-keywords": Case(UpdateThemeCommand,
                              lambda s: UpdateThemeCommand(ids(s)["trade"], colour="#000000",
                                                           keywords=("x",))),
    "reparent": Case(UpdateThemeCommand,
                     lambda s: UpdateThemeCommand(ids(s)["energy"], parent_id=ids(s)["trade"])),
    "reorder": Case(ReorderThemesCommand,
                    lambda s: ReorderThemesCommand([t.id for t in
                                                    reversed(s.query.list_themes())])),
    "delete-theme": Case(DeleteThemeCommand, lambda s: DeleteThemeCommand(ids(s)["defence"])),
    "merge": Case(MergeThemesCommand,
                  lambda s: MergeThemesCommand(ids(s)["defence"], ids(s)["trade"])),
    "delete-article": Case(DeleteArticleCommand,
                           lambda s: DeleteArticleCommand(ids(s)["article"])),
    "edit-article-details": Case(EditArticleDetailsCommand, lambda s: EditArticleDetailsCommand(
        ids(s)["article"], ArticleDetails("Talks in Delhi", "The Hindu", "R. Menon",
                                          dt.date(2025, 3, 14), "https://thehindu.example/t"))),
    "tag-several": Case(TagPassagesCommand,
                        lambda s: TagPassagesCommand(ids(s)["article"], [(0, 5), (64, 80)],
                                                     [ids(s)["energy"]])),
    "dismiss-suggestion": Case(DismissSuggestionCommand,
                               lambda s: DismissSuggestionCommand(ids(s)["article"], 0, 62,
                                                                  ids(s)["trade"])),
    # Tagging words that already are a passage (or lie inside one) retags that passage.
    "tag-same-words-adds": Case(TagPassageCommand, lambda s: TagPassageCommand(
        ids(s)["article"], *span("submarines"), [ids(s)["trade"]])),
    "tag-inside-toggles-off": Case(TagPassageCommand, lambda s: TagPassageCommand(
        ids(s)["article"], *span("trade in"), [ids(s)["trade"]])),
    "tag-only-theme-removes": Case(TagPassageCommand, lambda s: TagPassageCommand(
        ids(s)["article"], *span("submarines"), [ids(s)["defence"]])),
    # Words overlapping a passage of the theme grow it (its other theme and id kept).
    "tag-overlap-grows": Case(TagPassageCommand, lambda s: TagPassageCommand(
        ids(s)["article"], 0, 30, [ids(s)["trade"]], "note")),
    # The part of TagPassageCommand that retags an existing passage, on its own.
    "retag": Case(_RetagCommand, lambda s: _RetagCommand(
        s.query.list_passages()[0].id, (ids(s)["energy"],), "and this", True)),
    "import-qda": Case(ImportQdaCommand,
                       lambda s: import_qda_command(atlas_qdpx(s.path.parent / "atlas.qdpx"))),
    "merge-project": Case(MergeProjectCommand, lambda s: merge_command(s, other_project(s))),
}  # fmt: skip


@pytest.mark.parametrize("name", COMMANDS)
def test_apply_then_revert_restores_the_project(session: Session, name: str) -> None:
    tag(session, "expand trade in oil", ids(session)["trade"], ids(session)["energy"])
    tag(session, "submarines", ids(session)["defence"])
    before = snapshot(store_of(session))
    command = COMMANDS[name].make(session)
    assert type(command) is COMMANDS[name].kind

    session.do(command)
    after = snapshot(store_of(session))
    assert after != before, f"{name} changed nothing"

    assert session.undo() == command.label
    assert snapshot(store_of(session)) == before
    assert session.redo() == command.label
    assert snapshot(store_of(session)) == after

    path = session.path
    session.close()
    with Session.open(path) as reopened:
        assert snapshot(store_of(reopened)) == after


def test_tag_copies_the_words_and_their_context(session: Session) -> None:
    passage_id = tag(session, "submarines", ids(session)["defence"])
    passage = session.query.get_passage(passage_id)
    assert passage.text == "submarines"
    assert TEXT[passage.start - len(passage.prefix) : passage.start] == passage.prefix
    assert passage.suffix.startswith(", were also discussed")


def test_removing_the_last_theme_removes_the_passage_and_undo_brings_it_back(
    session: Session,
) -> None:
    passage_id = tag(session, "submarines", ids(session)["defence"])
    session.do(ToggleThemeCommand(passage_id, ids(session)["defence"]))
    assert session.query.list_passages() == []
    session.undo()
    assert session.query.get_passage(passage_id).theme_ids == (ids(session)["defence"],)


def test_deleting_a_theme_keeps_passages_that_have_another(session: Session) -> None:
    t = ids(session)
    both = tag(session, "expand trade in oil", t["trade"], t["energy"])
    only = tag(session, "submarines", t["trade"])
    session.do(DeleteThemeCommand(t["trade"]))
    remaining = {p.id: p.theme_ids for p in session.query.list_passages()}
    assert remaining == {both: (t["energy"],)}
    assert only not in remaining


def test_merge_gives_target_theme_to_all_source_passages(session: Session) -> None:
    t = ids(session)
    tag(session, "submarines", t["defence"])
    tag(session, "expand trade in oil", t["defence"], t["trade"])
    session.do(MergeThemesCommand(t["defence"], t["trade"]))
    assert [p.theme_ids for p in session.query.list_passages()] == [(t["trade"],), (t["trade"],)]
    assert session.theme_named("Defence") is None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda s: AddThemeCommand(Theme("trade", "#111111")), "already a theme"),
        (lambda s: AddThemeCommand(Theme("Ports", "#111111", "1")), "Shortcut 1 is already used"),
        (lambda s: UpdateThemeCommand(ids(s)["trade"], colour="red"), "#RRGGBB"),
        (lambda s: UpdateThemeCommand(ids(s)["trade"], parent_id=ids(s)["trade"]), "under itself"),
        (
            lambda s: TagPassageCommand(ids(s)["article"], 5, 5, [ids(s)["trade"]]),
            "Select some text",
        ),
        (lambda s: TagPassageCommand(999, 0, 5, [ids(s)["trade"]]), "does not exist"),
        (lambda s: TagPassageCommand(ids(s)["article"], 0, 5, [999]), "no longer exists"),
        (lambda s: ReorderThemesCommand([ids(s)["trade"]]), "every theme"),
    ],
)
def test_invalid_edits_are_refused_and_change_nothing(
    session: Session, make: Callable[[Session], Command], message: str
) -> None:
    before = snapshot(store_of(session))
    with pytest.raises(CommandError, match=message):
        session.do(make(session))
    assert snapshot(store_of(session)) == before
    assert session.history.undo_label is None


def test_listeners_hear_what_changed(session: Session) -> None:
    heard: list[list[Change]] = []
    unsubscribe = session.subscribe(heard.append)
    passage_id = tag(session, "submarines", ids(session)["defence"])
    session.undo()
    unsubscribe()
    session.redo()
    assert len(heard) == 2
    added = next(c for c in heard[0] if c.entity is Entity.PASSAGE)
    removed = next(c for c in heard[1] if c.entity is Entity.PASSAGE)
    assert added.added == {passage_id} and removed.removed == {passage_id}


def test_a_failing_listener_does_not_lose_the_edit(session: Session) -> None:
    def broken(changes: list[Change]) -> None:
        raise RuntimeError("view bug")

    session.subscribe(broken)
    passage_id = tag(session, "submarines", ids(session)["defence"])
    assert session.query.get_passage(passage_id).text == "submarines"


def test_new_edit_clears_redo(session: Session) -> None:
    tag(session, "submarines", ids(session)["defence"])
    session.undo()
    assert session.history.redo_label == "Tag passage"
    tag(session, "Visa rules", ids(session)["trade"])
    assert session.history.redo_label is None
    assert session.redo() is None


def test_new_project_has_the_default_themes(tmp_path: Path) -> None:
    with Session.create(tmp_path / "fresh.briefer") as session:
        themes = session.query.list_themes()
    assert [(t.name, t.shortcut) for t in themes] == [
        ("Trade", "1"), ("Defence", "2"), ("Mobility", "3"), ("Energy", "4"),
        ("Diplomacy", "5"), ("Sanctions & tariffs", "6"),
    ]  # fmt: skip
    assert len({t.colour.upper() for t in themes}) == 6
    by_name = {t.name: t.keywords for t in themes}
    assert {"trade", "tariff*", "export*", "import*", "market*"} <= set(by_name["Trade"])
    assert {"oil", "gas", "energy", "pipeline*", "refiner*"} <= set(by_name["Energy"])
