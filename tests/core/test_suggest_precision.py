"""Suggestions against an analyst's labels (tests/data/suggest): fewer underlines, more right.

The floors say what a user would check, not what the code happens to reach today:
- most of a trade story must stay free of underlines;
- the ranked suggestions must be right more often than underlining every sentence
  that holds a keyword (what Briefer did before), and right at least three times in
  four, the point below which an analyst stops reading the underlines at all;
- they must still find at least three in four of the tagged sentences a keyword rule
  can find at all (those holding a keyword), or precision was bought by saying nothing.
"""

from __future__ import annotations

from briefer.core.model import Article, Theme
from briefer.core.suggest import sentences, suggest
from tests.core.suggest_fixtures import agreement, load_all


def ranked(article: Article, themes: list[Theme]) -> list[tuple[int, int, int]]:
    return [(s.start, s.end, s.theme_id) for s in suggest(article, themes)]


def every_keyword(article: Article, themes: list[Theme]) -> list[tuple[int, int, int]]:
    found = suggest(article, themes, limit=None, min_score=0.0)
    return [(s.start, s.end, s.theme_id) for s in found]


def test_every_labelled_sentence_is_a_sentence_of_its_article() -> None:
    fixtures = load_all()
    assert len(fixtures) >= 10
    for item in fixtures:
        text = item.article.text
        cut = {text[s:e] for b in item.article.blocks for s, e in sentences(text, b.start, b.end)}
        assert {sentence for sentence, _ in item.tagged} <= cut, item.name


def test_a_trade_story_no_longer_underlines_most_sentences() -> None:
    (story,) = load_all(["01"])
    text = story.article.text
    body = [s for b in story.article.blocks[1:] for s in sentences(text, b.start, b.end)]
    before = {(s, e) for s, e, _ in every_keyword(story.article, story.themes)}
    after = {(s, e) for s, e, _ in ranked(story.article, story.themes)}
    assert len(before) > 0.75 * len(body), "market*, export* and trade are everywhere in it"
    assert len(after) < 0.5 * len(body)
    assert after <= before


def test_precision_beats_underlining_every_keyword_and_recall_holds() -> None:
    fixtures = load_all()
    new = agreement(fixtures, ranked)
    old = agreement(fixtures, every_keyword)
    assert new.precision > old.precision
    assert new.precision >= 0.75
    # Recall among what a keyword rule can find at all: what underlining every keyword finds.
    assert new.right >= 0.75 * old.right
