"""A paste the analyst cancels: nothing written, however late before the commit it comes."""

from __future__ import annotations

from pathlib import Path

from briefer.session import Change, ImportStatus, Session
from tests.private_store import store_of

TEXT = "Ferry strike ends\n\nThe ferry workers' strike ended on Friday after talks."


def test_a_cancel_inside_the_store_step_rolls_the_article_back(tmp_path: Path) -> None:
    path = tmp_path / "paste.briefer"
    heard: list[list[Change]] = []
    with Session.create(path) as session:
        session.subscribe(heard.append)
        # True only once the article is in, uncommitted: the last moment a cancel counts.
        outcome = session.import_paste(
            text=TEXT, cancelled=lambda: bool(session.query.list_articles())
        )
        assert outcome.status is ImportStatus.CANCELLED
        assert outcome.reason == "Paste cancelled."
        assert session.query.list_articles() == [] and heard == []
        assert store_of(session).check_integrity() == []
    with Session.open(path, read_only=True) as reopened:
        assert reopened.query.list_articles() == []


def test_a_cancel_before_the_paste_is_read_stores_nothing(tmp_path: Path) -> None:
    with Session.create(tmp_path / "paste.briefer") as session:
        outcome = session.import_paste(text=TEXT, html="<h1>Ferry</h1>", cancelled=lambda: True)
        assert outcome.status is ImportStatus.CANCELLED
        assert session.query.list_articles() == []
        # Not cancelled: the same paste comes in, as before.
        assert session.import_paste(text=TEXT).status is ImportStatus.IMPORTED


def test_a_duplicate_cancelled_before_its_commit_fills_nothing_in(tmp_path: Path) -> None:
    with Session.create(tmp_path / "paste.briefer") as session:
        first = session.import_paste(text=TEXT)
        assert first.article_id is not None
        kept = session.query.get_article(first.article_id)
        bylined = TEXT.replace("\n\n", "\n\nBy Ada Lind\n\n", 1)  # the same text, an author
        assert session.import_paste(text=bylined, cancelled=lambda: True).status is (
            ImportStatus.CANCELLED
        )
        # True once the author is filled in, uncommitted: rolled back all the same.
        outcome = session.import_paste(
            text=bylined,
            cancelled=lambda: session.query.get_article(first.article_id or 0) != kept,
        )
        assert outcome.status is ImportStatus.CANCELLED
        assert session.query.get_article(first.article_id) == kept
        filled = session.import_paste(text=bylined)  # uncancelled, it fills the author in
        assert filled.status is ImportStatus.DUPLICATE and filled.filled == ("author",)
