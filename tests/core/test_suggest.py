"""Keyword suggestions: sentences found, boundaries respected, tagged and dismissed ones skipped."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.core.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Passage, Theme
from briefer.core.suggest import Suggestion, sentences, suggest

TRADE = Theme("Trade", "#C0392B", "1", keywords=("export*", "trade deal", "tariff"), id=1)
DEFENCE = Theme("Defence", "#2E86C1", "2", keywords=("navy", "frigate*"), id=2)


def article_of(*parts: tuple[BlockKind, str]) -> Article:
    text = BLOCK_SEPARATOR.join(p for _, p in parts)
    blocks, at = [], 0
    for kind, part in parts:
        level = 1 if kind in (BlockKind.HEADING, BlockKind.LIST_ITEM) else 0
        blocks.append(Block(kind, at, at + len(part), level=level))
        at += len(part) + len(BLOCK_SEPARATOR)
    return Article(title="Test", text=text, blocks=tuple(blocks), id=7)


def texts(article: Article, found: list[Suggestion]) -> list[tuple[str, int]]:
    return [(article.text[s.start : s.end], s.theme_id) for s in found]


def test_sentences_respect_abbreviations_decimals_and_quotes() -> None:
    text = (
        "Mr. Hale met the U.S. envoy, e.g. at lunch. Growth was 2.5 per cent. "
        '"Exports fell," he said! Did they? 2024 was worse. St. Ives voted.'
    )
    assert [text[a:b] for a, b in sentences(text)] == [
        "Mr. Hale met the U.S. envoy, e.g. at lunch.",
        "Growth was 2.5 per cent.",
        '"Exports fell," he said!',
        "Did they?",
        "2024 was worse.",
        "St. Ives voted.",
    ]


def test_a_lower_case_continuation_is_not_a_new_sentence() -> None:
    text = "Prices rose by approx. ten per cent. and then fell."
    assert [text[a:b] for a, b in sentences(text)] == [text]


def test_suggests_the_sentence_once_per_theme_with_star_and_phrases() -> None:
    article = article_of(
        (BlockKind.HEADING, "Exports and the navy"),
        (
            BlockKind.PARAGRAPH,
            "Officials praised the TRADE\nDEAL. Exported goods and exports rose. "
            "The navy bought two frigates for export.",
        ),
        (BlockKind.QUOTE, "Nothing here mentions a trader or a tariffs list."),
    )
    found = suggest(article, [TRADE, DEFENCE])
    assert texts(article, found) == [
        ("Officials praised the TRADE\nDEAL.", 1),
        ("Exported goods and exports rose.", 1),
        ("The navy bought two frigates for export.", 1),
        ("The navy bought two frigates for export.", 2),
    ]
    assert [s.keyword for s in found] == ["trade deal", "export*", "export*", "navy"]


def test_headings_and_phrases_across_blocks_are_not_suggested() -> None:
    article = article_of(
        (BlockKind.HEADING, "The navy"),
        (BlockKind.PARAGRAPH, "We signed a trade"),
        (BlockKind.PARAGRAPH, "deal yesterday."),
    )
    assert suggest(article, [TRADE, DEFENCE]) == []


def test_phrase_running_into_the_next_sentence_is_not_a_hit() -> None:
    article = article_of((BlockKind.PARAGRAPH, "We talked trade. Deal or not, we left."))
    assert suggest(article, [TRADE]) == []


def test_tagged_sentences_and_dismissed_triples_are_skipped() -> None:
    first = "Exports of grain rose sharply this spring."
    second = "Exports of steel fell."
    article = article_of((BlockKind.PARAGRAPH, f"{first} {second}"))
    assert len(suggest(article, [TRADE])) == 2
    most = Passage(7, 0, 30, first[:30], theme_ids=(1,))
    little = Passage(7, 0, 7, "Exports", theme_ids=(1,))
    other_theme = Passage(7, 0, len(first), first, theme_ids=(2,))
    assert texts(article, suggest(article, [TRADE], [most])) == [(second, 1)]
    assert len(suggest(article, [TRADE], [little, other_theme])) == 2
    start = len(first) + 1
    dismissed = {(start, start + len(second), 1)}
    assert texts(article, suggest(article, [TRADE], dismissed=dismissed)) == [(first, 1)]


def test_article_without_blocks_is_read_as_paragraphs() -> None:
    article = Article(title="t", text="The navy sailed.\n\nAnd the frigate too. Calm.", id=1)
    assert texts(article, suggest(article, [DEFENCE])) == [
        ("The navy sailed.", 2),
        ("And the frigate too.", 2),
    ]


def test_themes_without_keywords_or_ids_suggest_nothing() -> None:
    article = article_of((BlockKind.PARAGRAPH, "The navy sailed."))
    unsaved = Theme("Navy", "#000000", keywords=("navy",))
    blank = Theme("Blank", "#000000", keywords=("", "*", "  "), id=3)
    assert suggest(article, [unsaved, blank]) == []


WORDS = [
    "the",
    "of",
    "and",
    "a",
    "to",
    "in",
    "is",
    "was",
    "for",
    "on",
    "that",
    "with",
    "as",
    "by",
    "at",
    "from",
    "it",
    "an",
    "be",
]
KEYWORDS = ["export", "tariff", "navy", "grid", "rail", "drone"]


def big_article(words: int, seed: int = 3) -> tuple[Article, list[tuple[int, int, str]]]:
    """A generated article and, for checking, every planted keyword's (block, sentence, word)."""
    rng = random.Random(seed)
    parts: list[tuple[BlockKind, str]] = []
    planted: list[tuple[int, int, str]] = []
    count = 0
    while count < words:
        if len(parts) % 12 == 0:
            parts.append((BlockKind.HEADING, f"Section {len(parts)} on exports"))
            continue
        sents = []
        for s in range(rng.randint(2, 6)):
            n = rng.randint(6, 24)
            tokens = [rng.choice(WORDS) for _ in range(n)]
            if rng.random() < 0.3:
                keyword = rng.choice(KEYWORDS)
                tokens[rng.randrange(1, n)] = keyword + rng.choice(["", "s", "ed"])
                planted.append((len(parts), s, keyword))
            tokens[0] = tokens[0].capitalize()
            if rng.random() < 0.2:
                tokens.insert(1, "Mr.")
            # Not "a." at the end: the splitter rightly reads a lone letter as an initial.
            sents.append(" ".join(tokens) + " today" + rng.choice(".!?"))
            count += n
        parts.append((BlockKind.PARAGRAPH, " ".join(sents)))
    return article_of(*parts), planted


def test_thirty_thousand_words_with_six_themes() -> None:
    article, planted = big_article(30_000)
    assert article.word_count >= 30_000
    themes = [
        Theme(k.title(), "#123456", keywords=(f"{k}*",), id=i + 1) for i, k in enumerate(KEYWORDS)
    ]
    found = suggest(article, themes)
    expected = set()
    for block_index, sentence_index, keyword in planted:
        block = article.blocks[block_index]
        span = sentences(article.text, block.start, block.end)[sentence_index]
        expected.add((span, KEYWORDS.index(keyword) + 1))
    assert {((s.start, s.end), s.theme_id) for s in found} == expected
    assert found == sorted(found, key=lambda s: (s.start, s.theme_id))
    headings = [b for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings and not any(h.start <= s.start < h.end for s in found for h in headings)


word = st.sampled_from(["export", "Exports", "navy", "trade", "deal", "Mr.", "U.S.", "2.5", *WORDS])
sentence = st.lists(word, min_size=1, max_size=8).map(lambda ws: " ".join(ws))
block = st.tuples(
    st.sampled_from([BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.QUOTE, BlockKind.LIST_ITEM]),
    st.lists(
        st.tuples(sentence, st.sampled_from([". ", "! ", "? ", " "])), min_size=1, max_size=4
    ).map(lambda ss: "".join(s.capitalize() + end for s, end in ss).strip()),
)
theme_keywords = st.lists(
    st.sampled_from(["export*", "navy", "trade deal", "u.s.", "deal*", "the"]),
    min_size=1,
    max_size=3,
)


def matches_keyword(text: str, keywords: list[str]) -> bool:
    """An independent, slow reading of the keyword rules, to check suggest() against."""
    tokens = re.findall(r"[\w.]+", text.lower())
    words = [t.strip(".") for t in tokens]
    for keyword in keywords:
        parts = keyword.lower().rstrip("*").split()
        star = keyword.endswith("*")
        for i in range(len(words) - len(parts) + 1):
            window = words[i : i + len(parts)]
            if window[:-1] == parts[:-1] and (
                window[-1] == parts[-1].strip(".")
                or (star and window[-1].startswith(parts[-1]) and window[-1].isalnum())
            ):
                return True
    return False


@settings(max_examples=150, deadline=None)
@given(st.lists(block, min_size=1, max_size=6), st.lists(theme_keywords, min_size=1, max_size=3))
def test_every_suggestion_is_one_sentence_inside_one_block_with_a_keyword(
    blocks: list[tuple[BlockKind, str]], keyword_sets: list[list[str]]
) -> None:
    article = article_of(*blocks)
    themes = [
        Theme(f"T{i}", "#000000", keywords=tuple(ks), id=i + 1) for i, ks in enumerate(keyword_sets)
    ]
    found = suggest(article, themes)
    assert len({(s.start, s.end, s.theme_id) for s in found}) == len(found)
    for s in found:
        holders = [b for b in article.blocks if b.start <= s.start and s.end <= b.end]
        assert len(holders) == 1 and holders[0].kind is not BlockKind.HEADING
        assert (s.start, s.end) in sentences(article.text, holders[0].start, holders[0].end)
        assert matches_keyword(article.text[s.start : s.end], keyword_sets[s.theme_id - 1])
        assert s.keyword in keyword_sets[s.theme_id - 1]
