"""The same article imported in two formats is one article, whichever kept its headline.

A Word file or a PDF keeps the headline atop the text; a text file's first line is
taken out as the title. Both are the same article, and a second Sources entry for it
in the exported note is what an analyst would have to delete by hand.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from briefer.session import ImportStatus, Session

HEADLINE = "Harbour board approves the Oranmore ferry contract"
PARAGRAPHS = [
    "The Oranmore harbour board approved a five-year ferry contract on Tuesday, ending"
    " a dispute that had halted the winter crossings for nine weeks.",
    "The operator will run four crossings a day from March and has agreed to keep fares"
    " at last year's level until the new terminal opens.",
    "Islanders said the agreement came too late for the Christmas trade.",
]


def _word_copy(folder: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(HEADLINE, style="Title")
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    path = folder / "ferry.docx"
    document.save(str(path))
    return path


def _text_copy(folder: Path) -> Path:
    path = folder / "ferry.txt"
    path.write_text("\n\n".join([HEADLINE, *PARAGRAPHS]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("word_first", [True, False], ids=["word-then-text", "text-then-word"])
def test_a_copy_with_or_without_its_headline_is_the_same_article(
    tmp_path: Path, word_first: bool
) -> None:
    copies = [_word_copy(tmp_path), _text_copy(tmp_path)]
    if not word_first:
        copies.reverse()
    session = Session.create(tmp_path / "work.briefer")
    first, second = (session.import_all([copy]).outcomes[0] for copy in copies)

    assert first.status is ImportStatus.IMPORTED
    assert second.status is ImportStatus.DUPLICATE, second.reason
    assert second.article_id == first.article_id
    [article] = session.query.list_articles()
    assert article.title == HEADLINE
    session.close()


def test_another_article_under_the_same_headline_is_kept(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "work.briefer")
    session.import_all([_word_copy(tmp_path)])
    follow_up = tmp_path / "follow-up.txt"
    follow_up.write_text(
        f"{HEADLINE}\n\nThe first crossing under the new contract left on time.\n",
        encoding="utf-8",
    )

    [outcome] = session.import_all([follow_up]).outcomes

    assert outcome.status is ImportStatus.IMPORTED
    assert len(session.query.list_articles()) == 2
    session.close()
