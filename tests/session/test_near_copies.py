"""An article much like one already in the project is imported, and the import says so.

The same story saved as a web page and as a Word file differs in a standfirst, captions
and a by-line: neither is an exact duplicate of the other, but the analyst must be told.
The Word copy (tests/data/likeness/varna.docx) was made by LibreOffice from the story's
text; the web page is the paper's, standfirst, captions and all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.session import ImportStatus, Session

DATA = Path(__file__).parent.parent / "data" / "likeness"
TITLE = "Varna reopens grain terminal after three-month closure"
OTHERS = [
    "smelter-herald.txt", "smelter-post.txt", "speech-brief.txt", "speech-daily.txt",
    "speech-feature.txt", "brent-tuesday.txt", "brent-wednesday.txt",
]  # fmt: skip


@pytest.fixture
def session(tmp_path: Path) -> Session:
    made = Session.create(tmp_path / "work.briefer")
    yield made
    made.close()


def test_a_word_copy_of_a_saved_page_is_imported_with_a_note(session: Session) -> None:
    web, word = session.import_all([DATA / "varna-web.html", DATA / "varna.docx"]).outcomes

    assert web.status is ImportStatus.IMPORTED and web.note == "" and web.like is None
    assert word.status is ImportStatus.IMPORTED and word.article_id != web.article_id
    assert word.like is not None and word.like.article_id == web.article_id
    assert word.like.percent >= 90
    assert word.note == (f"Much like “{TITLE}” (article {web.article_id}), already in the "
                         f"project: {word.like.percent}% of this text is in it.")  # fmt: skip
    assert [a.source_format for a in session.query.list_articles()] == ["html", "docx"]


def test_a_saved_page_after_its_word_copy_names_whose_text_is_shared(session: Session) -> None:
    report = session.import_all([DATA / "varna.docx", DATA / "varna-web.html"])
    word, web = report.outcomes

    assert web.status is ImportStatus.IMPORTED and web.like is not None
    assert web.note.startswith(f"Much like “{TITLE}” (article {word.article_id}), already in")
    assert web.note.endswith("% of that article's text is in this one.")
    assert report.summary.startswith("2 imported (1 much like an article already there), ")


def test_articles_that_share_a_story_a_quote_or_a_template_get_no_note(session: Session) -> None:
    report = session.import_all([DATA / name for name in OTHERS])

    assert [o.status for o in report.outcomes] == [ImportStatus.IMPORTED] * len(OTHERS)
    assert [o.note for o in report.outcomes] == [""] * len(OTHERS)
    assert report.summary.startswith(f"{len(OTHERS)} imported, ")


def test_the_same_file_again_is_still_a_duplicate_not_a_near_copy(session: Session) -> None:
    session.import_all([DATA / "varna.docx"])
    [again] = session.import_all([DATA / "varna.docx"]).outcomes

    assert again.status is ImportStatus.DUPLICATE and again.like is None


def test_a_text_longer_than_any_article_is_not_compared(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A book or a data dump is no news article: comparing 12 MB held the project for
    17 s and took 400 MB. Here the limit is lowered to a page so the test stays small."""
    from briefer.core import likeness

    (word,) = session.import_all([DATA / "varna.docx"]).outcomes
    assert word.status is ImportStatus.IMPORTED
    web_text = (DATA / "varna-web.html").read_text(encoding="utf-8")
    monkeypatch.setattr(likeness, "LONGEST", len(web_text) // 20)
    (web,) = session.import_all([DATA / "varna-web.html"]).outcomes
    assert web.status is ImportStatus.IMPORTED and web.like is None and web.note == ""
