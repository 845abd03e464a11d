"""Putting a source's details right: the check stops warning and the citation says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.integrity import ProblemKind
from briefer.core.model import Article, Block, BlockKind, Note, Section
from briefer.core.record import replace
from briefer.session import (
    ArticleDetails,
    Change,
    CommandError,
    EditArticleDetailsCommand,
    Entity,
    ImportStatus,
    Session,
    TagPassageCommand,
    date_from_text,
)
from briefer.session.export import prepare_export

TEXT = "Officials said the port would reopen to grain ships on Monday after repairs."
PAGE = f"Odesa port to reopen\n\n{TEXT}"
"""The article as any copy of it reads: its headline, then its one paragraph."""


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with Session.create(tmp_path / "p.briefer") as session:
        store = session._project
        blocks = (Block(BlockKind.HEADING, 0, 20, level=1),
                  Block(BlockKind.PARAGRAPH, 22, len(PAGE)))  # fmt: skip
        store.add_article(Article("report.pdf", PAGE, blocks))
        yield session


def article_id(session: Session) -> int:
    return session.query.list_articles()[0].id


def cited_note(session: Session) -> int:
    """A note quoting the article once, as the Composer would insert it."""
    theme = session.query.list_themes()[0].id
    assert theme is not None
    start = PAGE.index(TEXT)
    tag = TagPassageCommand(article_id(session), start, start + len(TEXT), [theme])
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
    assert article.text == PAGE  # the passage's offsets still hold
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


def test_dates_are_typed_as_the_window_reads_them_or_left_empty() -> None:
    # the same reading as the window's date fields (core.typed_dates), day first
    assert date_from_text(" 2025-03-14 ") == dt.date(2025, 3, 14)
    assert date_from_text("14/03/2025") == dt.date(2025, 3, 14)
    assert date_from_text("14 March 2025") == dt.date(2025, 3, 14)
    assert date_from_text("") is None
    with pytest.raises(CommandError, match="is not a date: write it as 15 November 2025"):
        date_from_text("next Tuesday")


def test_a_second_copy_fills_in_what_the_first_lacked_and_names_what_differs(
    session: Session, tmp_path: Path
) -> None:
    """The PDF came first (no publisher, no address, its file's date); the saved page
    says more. Blanks are filled, a different date is named and left to the analyst."""
    session._project.update_article_details(
        replace(session.query.get_article(article_id(session)), published=dt.date(2026, 11, 24))
    )
    page = tmp_path / "odesa.html"
    page.write_text(
        "<html><head><title>Odesa port to reopen | Reuters</title>"
        '<meta property="og:site_name" content="Reuters">'
        '<meta name="author" content="Jane Smith">'
        '<meta property="article:published_time" content="2025-03-14T09:00:00Z">'
        '<link rel="canonical" href="https://www.reuters.com/world/odesa-port">'
        f"</head><body><article><h1>Odesa port to reopen</h1><p>{TEXT}</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    changes: list[Change] = []
    session.subscribe(changes.extend)
    [outcome] = session.import_all([page]).outcomes
    assert outcome.status is ImportStatus.DUPLICATE and outcome.article_id == article_id(session)
    assert outcome.reason == (
        f"Already in the project as article {article_id(session)}. Filled in its publisher, "
        "author and web address from this copy. This copy gives date 2025-03-14 (kept: "
        "2026-11-24); change it in the article's details if this copy is right."
    )
    kept = session.query.get_article(article_id(session))
    assert (kept.title, kept.publisher, kept.author, kept.url, kept.published) == (
        "report.pdf", "Reuters", "Jane Smith", "https://www.reuters.com/world/odesa-port",
        dt.date(2026, 11, 24),
    )  # fmt: skip
    assert len(session.query.list_articles()) == 1
    assert changes == [Change.of(Entity.ARTICLE, updated=[article_id(session)])]  # views refresh

    [again] = session.import_all([page]).outcomes  # nothing left to fill: only the date
    assert again.filled == () and "Filled in" not in again.reason and "2025-03-14" in again.reason


@pytest.mark.parametrize(
    ("field", "value"),
    [("url", "javascript:alert(1)"), ("url", "file:///etc/passwd"), ("publisher", "P" * 201)],
)  # fmt: skip
def test_a_copy_never_fills_in_what_the_analyst_could_not_have_typed(
    field: str, value: str
) -> None:
    from briefer.session.article_commands import details_from_copy

    kept = Article("Port", PAGE)
    filled, differing = details_from_copy(kept, replace(kept, **{field: value}))
    assert (filled, differing) == ({}, [])
    good = replace(kept, url="https://example.org/port", publisher="Reuters", author="Jane\n Smith")
    assert details_from_copy(kept, good)[0] == {
        "publisher": "Reuters", "author": "Jane Smith", "url": "https://example.org/port"
    }  # fmt: skip


def test_undoing_an_edit_keeps_what_an_import_filled_in_meanwhile(
    session: Session, tmp_path: Path
) -> None:
    """Imports are not on the undo stack: undoing the title edit must not empty the
    publisher a second copy filled in after it, and redo must not either."""
    kept = article_id(session)
    session.do(EditArticleDetailsCommand(kept, ArticleDetails("Odesa port to reopen")))
    page = tmp_path / "copy.html"
    page.write_text(
        '<html><head><title>x</title><meta property="og:site_name" content="Reuters"></head>'
        f"<body><article><h1>Odesa port to reopen</h1><p>{TEXT}</p></article></body></html>",
        encoding="utf-8",
    )
    [outcome] = session.import_all([page]).outcomes
    assert outcome.filled == ("publisher",)
    session.undo()
    article = session.query.get_article(kept)
    assert (article.title, article.publisher) == ("report.pdf", "Reuters")
    session.redo()
    article = session.query.get_article(kept)
    assert (article.title, article.publisher) == ("Odesa port to reopen", "Reuters")


@pytest.mark.parametrize("stored", ["http://[x", "/world/port-reopens"])
def test_an_address_an_importer_stored_does_not_block_changing_the_rest(
    session: Session, stored: str
) -> None:
    """A crafted ("http://[x") or relative link from a page: the analyst can still set the
    publisher, and a copy carrying such a link fills nothing in, without an exception."""
    from briefer.session.article_commands import details_from_copy

    kept = article_id(session)
    before = session.query.get_article(kept)
    session._project.update_article_details(replace(before, url=stored))
    current = ArticleDetails.of(session.query.get_article(kept))
    session.do(EditArticleDetailsCommand(
        kept, replace(current, publisher="Reuters"), before=current
    ))  # fmt: skip
    assert session.query.get_article(kept).publisher == "Reuters"
    with pytest.raises(CommandError, match="not a web address"):
        EditArticleDetailsCommand(kept, current)  # typed in, it is checked
    assert details_from_copy(replace(before, url=""), replace(before, url=stored)) == ({}, [])
