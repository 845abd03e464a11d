"""Putting a source's details right: the check stops warning and the citation says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.integrity import ProblemKind
from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.session import (
    ArticleDetails,
    CommandError,
    EditArticleDetailsCommand,
    Session,
    TagPassageCommand,
    date_from_text,
)
from briefer.session.export import prepare_export

TEXT = "Officials said the port would reopen to grain ships on Monday after repairs."


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with Session.create(tmp_path / "p.briefer") as session:
        store = session._project
        store.add_article(Article("report.pdf", TEXT, (Block(BlockKind.PARAGRAPH, 0, len(TEXT)),)))
        yield session


def article_id(session: Session) -> int:
    return session.query.list_articles()[0].id


def cited_note(session: Session) -> int:
    """A note quoting the article once, as the Composer would insert it."""
    theme = session.query.list_themes()[0].id
    assert theme is not None
    tag = TagPassageCommand(article_id(session), 0, len(TEXT), [theme])
    session.do(tag)
    assert tag.passage_id is not None
    body = quotation_markdown(TEXT, tag.passage_id)
    return session._project.add_note(Note("Brief", sections=(Section("Summary", body),)))


def test_details_filled_in_end_the_checks_warnings_and_undo_puts_the_old_back(
    session: Session,
) -> None:
    note_id = cited_note(session)
    kinds = {p.kind for p in prepare_export(session.query, note_id).problems}
    assert {ProblemKind.NO_DATE, ProblemKind.NO_PUBLISHER} <= kinds
    warning = next(
        p for p in prepare_export(session.query, note_id).problems
        if p.kind is ProblemKind.NO_PUBLISHER
    )  # fmt: skip
    assert "Add it in the article's details" in warning.message

    details = ArticleDetails(
        "Odesa port to reopen", "Reuters", "Jane Smith", dt.date(2025, 3, 14),
        "https://www.reuters.com/world/odesa-port",
    )  # fmt: skip
    session.do(EditArticleDetailsCommand(article_id(session), details))

    job = prepare_export(session.query, note_id)
    assert not {p.kind for p in job.problems} & {ProblemKind.NO_DATE, ProblemKind.NO_PUBLISHER}
    article = session.query.get_article(article_id(session))
    assert (article.title, article.publisher, article.author) == (
        "Odesa port to reopen", "Reuters", "Jane Smith"
    )  # fmt: skip
    assert article.text == TEXT  # the passage's offsets still hold
    assert session.undo() == 'Edit details of "Odesa port to reopen"'
    assert session.query.get_article(article_id(session)).title == "report.pdf"


@pytest.mark.parametrize(
    ("details", "says"),
    [
        (ArticleDetails("   "), "needs a title"),
        (ArticleDetails("T", url="javascript:alert(1)"), "not a web address"),
        (ArticleDetails("T", url="file:///etc/passwd"), "not a web address"),
        (ArticleDetails("T", url="https://"), "not a web address"),
        (ArticleDetails("T" * 501), "title is too long"),
        (ArticleDetails("T", url="https://x.example/" + "a" * 2000), "address is too long"),
    ],
)
def test_details_a_citation_cannot_use_are_refused_before_anything_is_written(
    session: Session, details: ArticleDetails, says: str
) -> None:
    with pytest.raises(CommandError, match=says):
        EditArticleDetailsCommand(article_id(session), details)
    assert session.query.get_article(article_id(session)).title == "report.pdf"


def test_details_are_tidied_to_one_line_each() -> None:
    tidy = ArticleDetails("  Port\nreopens ", " The\tWire ", "Jane\n Smith", None,
                          " https://example.org/a ").checked()  # fmt: skip
    assert (tidy.title, tidy.publisher, tidy.author, tidy.url) == (
        "Port reopens", "The Wire", "Jane Smith", "https://example.org/a"
    )  # fmt: skip


def test_dates_are_typed_as_iso_or_left_empty() -> None:
    assert date_from_text(" 2025-03-14 ") == dt.date(2025, 3, 14)
    assert date_from_text("") is None
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        date_from_text("14/03/2025")
