"""An article much like one already in the project is imported, and the import says so.

The same story saved as a web page and as a Word file differs in a standfirst, captions
and a by-line: neither is an exact duplicate of the other, but the analyst must be told.
The Word copy (tests/data/likeness/varna.docx) was made by LibreOffice from the story's
text; the web page is the paper's, standfirst, captions and all.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from briefer.core.record import replace
from briefer.session import ImportOutcome, ImportStatus, Session, imports
from briefer.store import Project

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


def test_two_paragraphs_of_an_article_already_there_are_named_as_part_of_it(
    session: Session, tmp_path: Path
) -> None:
    """An excerpt is no copy (it is far shorter) but the analyst should know the whole
    article is already in the project, to quote from it instead."""
    (web,) = session.import_all([DATA / "varna-web.html"]).outcomes
    article = session.query.get_article(web.article_id or 0)
    paragraphs = [p for p in article.text.split("\n\n") if len(p.split()) > 25]
    excerpt = tmp_path / "excerpt.txt"
    excerpt.write_text("\n\n".join(paragraphs[:2]), encoding="utf-8")
    report = session.import_all([excerpt])
    (part,) = report.outcomes
    assert part.status is ImportStatus.IMPORTED and part.like is not None
    assert part.like.part and part.like.article_id == web.article_id
    assert part.note == (f"Part of “{TITLE}” (article {web.article_id}), already in the "
                         f"project: {part.like.percent}% of this text is in it.")  # fmt: skip
    assert report.summary.startswith("1 imported (1 part of an article already there), ")


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


def _note_for(outcome: ImportOutcome, like: ImportOutcome, whose: str) -> str:
    assert outcome.like is not None and like.article_id is not None
    return (f"Much like “{like.title}” (article {like.article_id}), already in the project: "
            f"{outcome.like.percent}% {whose}.")  # fmt: skip


def test_a_chinese_reprint_is_named_and_another_papers_report_is_not(session: Session) -> None:
    """Chinese has no spaces between words: each character counts as one. The portal's
    reprint drops the by-line and a caption, adds a sentence and a source line, dates
    the day and swaps the quotation marks; the evening paper's report of the same
    opening shares the figures and the place names, not the writing."""
    daily, evening, portal = session.import_all(
        [DATA / "zh-metro-daily.txt", DATA / "zh-metro-evening.txt", DATA / "zh-metro-portal.txt"]
    ).outcomes

    assert [o.status for o in (daily, evening, portal)] == [ImportStatus.IMPORTED] * 3
    assert daily.note == "" and evening.note == "" and evening.like is None
    assert portal.like is not None and portal.like.article_id == daily.article_id
    assert portal.like.percent >= 90
    assert portal.note == _note_for(portal, daily, "of this text is in it")


def test_a_japanese_web_copy_of_a_newspaper_story_is_named(session: Session) -> None:
    """Kanji and kana, no spaces: the web copy drops the photo caption, adds a sentence
    and changes 「」 to “”."""
    paper, web = session.import_all(
        [DATA / "ja-railway-shimbun.txt", DATA / "ja-railway-web.txt"]
    ).outcomes

    assert paper.status is web.status is ImportStatus.IMPORTED and paper.note == ""
    assert web.like is not None and web.like.article_id == paper.article_id
    assert web.like.percent >= 90
    assert web.note == _note_for(web, paper, "of that article's text is in this one")


def test_a_korean_portal_copy_is_named(session: Session) -> None:
    """Korean puts spaces between words, so its words are counted as everywhere else."""
    paper, portal = session.import_all(
        [DATA / "ko-market-ilbo.txt", DATA / "ko-market-portal.txt"]
    ).outcomes

    assert paper.status is portal.status is ImportStatus.IMPORTED and paper.note == ""
    assert portal.like is not None and portal.like.article_id == paper.article_id
    assert portal.like.percent >= 85


def test_looking_for_a_near_copy_leaves_the_project_open_to_writes(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The look only reads: it is made before the import's transaction, so the write lock
    is not held while candidates are compared (another connection can start a write)."""
    session.import_all([DATA / "zh-metro-daily.txt"])
    real, writable = imports.near_copy, []

    def looking(
        project: Project, text: str, cancelled: Callable[[], bool]
    ) -> imports.NearCopy | None:
        other = sqlite3.connect(tmp_path / "work.briefer", timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            writable.append(True)
        except sqlite3.OperationalError:  # "database is locked"
            writable.append(False)
        finally:
            other.close()
        return real(project, text, cancelled)

    monkeypatch.setattr(imports, "near_copy", looking)
    (portal,) = session.import_all([DATA / "zh-metro-portal.txt"]).outcomes

    assert writable == [True] and portal.like is not None


@pytest.mark.parametrize("change", ["deleted", "renamed"])
def test_a_near_copy_changed_before_the_import_is_stored_is_named_as_it_is_now(
    session: Session, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Between the look and the import's transaction another edit (the window, while an
    import runs in the background) may delete or rename the article found: the note
    never names an article that is gone, nor by a title it no longer has."""
    (web,) = session.import_all([DATA / "varna-web.html"]).outcomes
    assert web.article_id is not None
    real = imports.near_copy

    def then_changed(
        project: Project, text: str, cancelled: Callable[[], bool]
    ) -> imports.NearCopy | None:
        found = real(project, text, cancelled)
        assert found is not None and found.article_id == web.article_id
        if change == "deleted":
            project.delete_article(found.article_id)
        else:
            kept = project.get_article(found.article_id)
            project.update_article_details(replace(kept, title="Varna terminal"))
        return found

    monkeypatch.setattr(imports, "near_copy", then_changed)
    (word,) = session.import_all([DATA / "varna.docx"]).outcomes

    assert word.status is ImportStatus.IMPORTED
    if change == "deleted":
        assert word.like is None and word.note == ""
    else:
        assert word.like is not None and word.note.startswith(
            f"Much like “Varna terminal” (article {web.article_id}), already in the project: "
        )


def test_a_copy_whose_duplicate_goes_before_it_is_stored_names_another_never_itself(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exact duplicate seen before the transaction is not compared; if it has gone
    by then (deleted meanwhile), the file is imported and compared there, before it is
    added, so the near copy named is the other article, never the one just added."""
    web, word = session.import_all([DATA / "varna-web.html", DATA / "varna.docx"]).outcomes
    real, calls = Project.find_duplicate, []

    def then_deleted(project: Project, url: str, text: str, title: str = "") -> int | None:
        found = real(project, url, text, title)
        calls.append(found)
        if found is not None:
            project.delete_article(found)
        return found

    monkeypatch.setattr(Project, "find_duplicate", then_deleted)
    (again,) = session.import_all([DATA / "varna.docx"]).outcomes

    assert calls == [word.article_id, None]
    assert again.status is ImportStatus.IMPORTED and again.article_id not in (None, word.article_id)
    assert again.like is not None and again.like.article_id == web.article_id


def _hanzi_clauses(seed: int, characters: int) -> str:
    """Chinese-like text: clauses of 8 to 20 characters between commas and full stops."""
    rng, clauses, size = random.Random(seed), [], 0
    while size < characters:
        clause = "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(rng.randint(8, 20)))
        clauses.append(clause + rng.choice("，。；"))
        size += len(clauses[-1])
    return "".join(clauses)


def test_a_copy_of_a_text_of_long_unpunctuated_lines_is_named(session: Session) -> None:
    """OCR that lost the punctuation: every line one run of 110-160 characters, which the
    index holds as one word. The copy with a line more is still found."""
    rng = random.Random(3)
    lines = ["".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(rng.randint(110, 160)))
             for _ in range(31)]  # fmt: skip
    first = session.import_paste(text="古籍选读\n\n" + "\n\n".join(lines[:30]))
    again = session.import_paste(text="古籍选读\n\n" + "\n\n".join(lines))

    assert first.status is again.status is ImportStatus.IMPORTED
    assert again.like is not None and again.like.article_id == first.article_id
    assert again.note == _note_for(again, first, "of that article's text is in this one")


def test_a_cancel_while_a_big_chinese_paste_is_compared_stops_the_comparing(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel pressed while the pasted text is split into shingles: the article found is
    not split too (a second, for a long one), nothing is stored, the paste says so."""
    from briefer.core import likeness

    text = _hanzi_clauses(1, 200_000)
    first = session.import_paste(text=text)
    real, split = likeness.shingles, []

    def shingles(text: str) -> frozenset[int]:
        split.append(len(text))  # the analyst presses Cancel meanwhile
        return real(text)

    monkeypatch.setattr(likeness, "shingles", shingles)
    outcome = session.import_paste(text=text + "本报记者补充报道。", cancelled=lambda: bool(split))

    assert outcome.status is ImportStatus.CANCELLED and outcome.reason == "Paste cancelled."
    assert len(split) == 1 and split[0] > 200_000  # the paste's own text, not the article's
    assert [a.id for a in session.query.list_articles()] == [first.article_id]


def test_a_cancel_after_the_near_copy_look_writes_nothing(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancelled once the look is done: the article is never written (and rolled back),
    so the write lock is not taken for it."""
    daily = session.import_paste(text=(DATA / "zh-metro-daily.txt").read_text(encoding="utf-8"))
    real_look, real_add, looked, added = imports.near_copy, Project.add_article, [], []

    def looking(project: Project, text: str, cancelled: Callable[[], bool]) -> object:
        found = real_look(project, text, cancelled)
        looked.append(found)
        return found

    def adding(project: Project, *args: object, **kwargs: object) -> int:
        added.append(True)
        return real_add(project, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(imports, "near_copy", looking)
    monkeypatch.setattr(Project, "add_article", adding)
    portal = (DATA / "zh-metro-portal.txt").read_text(encoding="utf-8")
    outcome = session.import_paste(text=portal, cancelled=lambda: bool(looked))

    assert outcome.status is ImportStatus.CANCELLED
    assert looked[0] is not None and looked[0].article_id == daily.article_id
    assert added == [] and len(session.query.list_articles()) == 1


def test_a_chinese_text_of_more_words_than_an_article_is_not_compared(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each Chinese character is a word: a text under the character limit can still hold
    more words than any article (1.8M in 2M characters took 18 s and 630 MB to compare).
    The limit is lowered so the test stays small."""
    from briefer.core import likeness

    daily = (DATA / "zh-metro-daily.txt").read_text(encoding="utf-8")
    session.import_paste(text=daily)
    monkeypatch.setattr(likeness, "LONGEST_WORDS", likeness.word_count(daily) // 2)
    assert len(daily) * 2 < likeness.LONGEST
    portal = session.import_paste(text=(DATA / "zh-metro-portal.txt").read_text(encoding="utf-8"))
    assert portal.status is ImportStatus.IMPORTED and portal.like is None
