"""Which notes quote a passage: asked before a delete, by the window and the CLI alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.core.citations import citation_token
from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.session import AddNoteCommand, Session, TagPassageCommand, notes_quoting
from tests.private_store import store_of

TEXT = "The port authority signed a deal. Grain exports rose. Officials met."


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with Session.create(tmp_path / "quotes.briefer") as s:
        article_id = store_of(s).add_article(
            Article(title="Harbour", text=TEXT, blocks=(Block(BlockKind.PARAGRAPH, 0, len(TEXT)),))
        )
        theme = s.query.list_themes()[0].id
        assert theme is not None
        for words in ("port authority", "Grain exports", "Officials"):
            start = TEXT.index(words)
            s.do(TagPassageCommand(article_id, start, start + len(words), [theme]))
        yield s


def passage_ids(session: Session) -> list[int]:
    ids = [p.id for p in sorted(session.query.list_passages(), key=lambda p: p.start)]
    assert all(i is not None for i in ids)
    return [i for i in ids if i is not None]


def add_note(session: Session, title: str, *bodies: str) -> None:
    session.do(AddNoteCommand(Note(title=title, sections=tuple(Section("S", b) for b in bodies))))


def test_names_each_quoting_note_once_in_note_order(session: Session) -> None:
    port, grain, officials = passage_ids(session)
    add_note(
        session, "Weekly brief", f"Intro {citation_token(port)}.", f"Again {citation_token(port)}"
    )
    add_note(session, "Trade note", f"> quote {citation_token(grain)} and {citation_token(port)}")
    add_note(session, "Unrelated", "No quotations here.")

    assert [n.title for n in notes_quoting(session.query, port)] == ["Weekly brief", "Trade note"]
    assert [n.title for n in notes_quoting(session.query, grain)] == ["Trade note"]
    assert notes_quoting(session.query, officials) == []


def test_a_token_in_code_or_escaped_is_not_a_quotation(session: Session) -> None:
    port = passage_ids(session)[0]
    token = citation_token(port)
    add_note(session, "About the syntax", f"Write `{token}` to cite, or \\{token}.")
    assert notes_quoting(session.query, port) == []
    add_note(session, "Real", f"As reported {token}.")
    assert [n.title for n in notes_quoting(session.query, port)] == ["Real"]
