"""Keyword suggestions: sentences found, boundaries respected, the strongest offered first."""

from __future__ import annotations

import itertools
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.core.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Passage, Theme
from briefer.core.stem import stem
from briefer.core.suggest import DEFAULT_LIMIT, MIN_SCORE, Suggestion, sentences, suggest

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


def every(article: Article, themes: list[Theme], **kwargs: object) -> list[Suggestion]:
    """Every sentence holding a keyword, in text order: the matching rules without the ranking."""
    found = suggest(article, themes, limit=None, min_score=0.0, **kwargs)  # type: ignore[arg-type]
    return sorted(found, key=lambda s: (s.start, s.theme_id))


def test_keywords_match_whole_words_by_stem_and_star_by_word_start() -> None:
    article = article_of(
        (BlockKind.HEADING, "Exports and the navy"),
        (
            BlockKind.PARAGRAPH,
            "Officials praised the TRADE\nDEAL. Exported goods and exports rose. "
            "The navy bought two frigates for export. Tariffs were raised.",
        ),
        (BlockKind.QUOTE, "Nothing here mentions a trader, a reexport or a navyblue list."),
    )
    found = every(article, [TRADE, DEFENCE])
    assert texts(article, found) == [
        ("Officials praised the TRADE\nDEAL.", 1),
        ("Exported goods and exports rose.", 1),
        ("The navy bought two frigates for export.", 1),
        ("The navy bought two frigates for export.", 2),
        ("Tariffs were raised.", 1),  # "tariff" has no star: its stem finds the plural
    ]
    assert [s.keyword for s in found] == ["trade deal", "export*", "export*", "navy", "tariff"]
    assert found[3].keywords == ("navy", "frigate*")


def test_a_keyword_whose_stem_is_spelt_differently_still_finds_its_forms() -> None:
    theme = Theme("Pay", "#000000", keywords=("day", "pay", "navy"), id=1)
    article = article_of((BlockKind.PARAGRAPH, "Two days passed. Pay rose. Navies sailed. Paid."))
    assert [s.keyword for s in every(article, [theme])] == ["day", "pay", "navy"]


def test_a_phrase_outranks_single_words() -> None:
    article = article_of(
        (
            BlockKind.PARAGRAPH,
            "Exports of grain rose. The tariff stays. Both sides signed a trade deal on Monday.",
        )
    )
    found = suggest(article, [TRADE])
    assert texts(article, found)[0] == ("Both sides signed a trade deal on Monday.", 1)
    assert found[0].score > found[1].score
    # Equal scores keep text order: a news story puts its point first.
    assert texts(article, found)[1:] == [("Exports of grain rose.", 1), ("The tariff stays.", 1)]


def test_a_word_inside_a_phrase_found_there_does_not_count_twice() -> None:
    theme = Theme("Trade", "#C0392B", "1", keywords=("trade", "trade deficit"), id=1)
    article = article_of((BlockKind.PARAGRAPH, "The trade deficit grew. Trade resumed."))
    found = suggest(article, [theme])
    assert [(s.keywords, s.score) for s in found] == [(("trade deficit",), 2.0), (("trade",), 1.0)]


def test_a_keyword_in_most_sentences_needs_company_to_be_suggested() -> None:
    paragraph = " ".join(
        [
            "Exports of grain rose.",
            "Exports of steel fell.",
            "Exporters met the minister.",
            "Exports of timber were flat.",
            "A new tariff on exports was announced.",
            "The weather was mild.",
        ]
    )
    article = article_of((BlockKind.PARAGRAPH, paragraph))
    assert texts(article, suggest(article, [TRADE])) == [
        ("A new tariff on exports was announced.", 1)
    ]


def test_the_limit_is_honoured_and_tagging_brings_the_next_forward() -> None:
    article = article_of(
        (
            BlockKind.PARAGRAPH,
            "Exports of grain rose. The tariff on steel stays. Both sides signed a trade deal.",
        ),
        (BlockKind.PARAGRAPH, "The navy sailed."),
    )
    found = suggest(article, [TRADE, DEFENCE], limit=2)
    assert texts(article, found) == [
        ("Both sides signed a trade deal.", 1),
        ("Exports of grain rose.", 1),
    ]
    first = found[0]
    tagged = Passage(7, first.start, first.end, "", theme_ids=(1,))
    assert texts(article, suggest(article, [TRADE, DEFENCE], [tagged], limit=2)) == [
        ("Exports of grain rose.", 1),
        ("The tariff on steel stays.", 1),
    ]
    assert len(suggest(article, [TRADE, DEFENCE], limit=None)) == 4
    assert suggest(article, [TRADE, DEFENCE], limit=0) == []


def test_headings_and_phrases_across_blocks_are_not_suggested() -> None:
    article = article_of(
        (BlockKind.HEADING, "The navy"),
        (BlockKind.PARAGRAPH, "We signed a trade"),
        (BlockKind.PARAGRAPH, "deal yesterday."),
    )
    assert every(article, [TRADE, DEFENCE]) == []


def test_phrase_running_into_the_next_sentence_is_not_a_hit() -> None:
    article = article_of((BlockKind.PARAGRAPH, "We talked trade. Deal or not, we left."))
    assert every(article, [TRADE]) == []


def test_tagged_sentences_and_dismissed_triples_are_skipped() -> None:
    first = "Exports of grain rose sharply this spring."
    second = "Exports of steel fell."
    article = article_of((BlockKind.PARAGRAPH, f"{first} {second}"))
    assert len(every(article, [TRADE])) == 2
    most = Passage(7, 0, 30, first[:30], theme_ids=(1,))
    little = Passage(7, 0, 7, "Exports", theme_ids=(1,))
    other_theme = Passage(7, 0, len(first), first, theme_ids=(2,))
    assert texts(article, every(article, [TRADE], passages=[most])) == [(second, 1)]
    assert len(every(article, [TRADE], passages=[little, other_theme])) == 2
    around = Passage(7, 0, len(article.text), article.text, theme_ids=(2, 1))
    assert every(article, [TRADE], passages=[around]) == []  # inside one of its theme
    start = len(first) + 1
    dismissed = {(start, start + len(second), 1)}
    assert texts(article, every(article, [TRADE], dismissed=dismissed)) == [(first, 1)]


def test_article_without_blocks_is_read_as_paragraphs() -> None:
    article = Article(title="t", text="The navy sailed.\n\nAnd the frigate too. Calm.", id=1)
    assert texts(article, every(article, [DEFENCE])) == [
        ("The navy sailed.", 2),
        ("And the frigate too.", 2),
    ]


def test_themes_without_keywords_or_ids_suggest_nothing() -> None:
    article = article_of((BlockKind.PARAGRAPH, "The navy sailed."))
    unsaved = Theme("Navy", "#000000", keywords=("navy",))
    blank = Theme("Blank", "#000000", keywords=("", "*", "  "), id=3)
    assert every(article, [unsaved, blank]) == []


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
    found = every(article, themes)
    expected = set()
    for block_index, sentence_index, keyword in planted:
        block = article.blocks[block_index]
        span = sentences(article.text, block.start, block.end)[sentence_index]
        expected.add((span, KEYWORDS.index(keyword) + 1))
    assert {((s.start, s.end), s.theme_id) for s in found} == expected
    headings = [b for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings and not any(h.start <= s.start < h.end for s in found for h in headings)
    shown = suggest(article, themes)
    assert len(shown) == DEFAULT_LIMIT
    assert shown == sorted(shown, key=lambda s: (-s.score, s.start, s.theme_id))
    assert set(shown) <= set(found)


word = st.sampled_from(
    ["export", "Exports", "navy", "navies", "trade", "trading", "deal", "day", "Days", "daily",
     "Mr.", "U.S.", "2.5", *WORDS]
)  # fmt: skip
sentence = st.lists(word, min_size=1, max_size=8).map(lambda ws: " ".join(ws))
block = st.tuples(
    st.sampled_from([BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.QUOTE, BlockKind.LIST_ITEM]),
    st.lists(
        st.tuples(sentence, st.sampled_from([". ", "! ", "? ", " "])), min_size=1, max_size=4
    ).map(lambda ss: "".join(s.capitalize() + end for s, end in ss).strip()),
)
theme_keywords = st.lists(
    st.sampled_from(["export*", "navy", "trade deal", "u.s.", "deal*", "the", "day", "trade"]),
    min_size=1,
    max_size=3,
)


def matches_keyword(text: str, keywords: list[str]) -> bool:
    """An independent, slow reading of the keyword rules, to check suggest() against."""
    words = list(re.finditer(r"\w+", text))
    for keyword in keywords:
        parts = re.findall(r"\w+", keyword.lower().rstrip("*"))
        star = keyword.strip().endswith("*")
        for i in range(len(words) - len(parts) + 1):
            window = words[i : i + len(parts)]
            gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(window)]
            if not all(re.fullmatch(r"\s+|\s*[-/.'’]\s*", g) for g in gaps):
                continue
            if all(
                word_matches(w.group().lower(), part, star and j == len(parts) - 1)
                for j, (w, part) in enumerate(zip(window, parts, strict=True))
            ):
                return True
    return False


def word_matches(word: str, part: str, star: bool) -> bool:
    if star:
        return word.startswith(part)
    if len(word) <= 2:
        return word == part
    return stem(word) == stem(part)


@settings(max_examples=150, deadline=None)
@given(st.lists(block, min_size=1, max_size=6), st.lists(theme_keywords, min_size=1, max_size=3))
def test_every_suggestion_is_one_sentence_inside_one_block_with_a_keyword(
    blocks: list[tuple[BlockKind, str]], keyword_sets: list[list[str]]
) -> None:
    article = article_of(*blocks)
    themes = [
        Theme(f"T{i}", "#000000", keywords=tuple(ks), id=i + 1) for i, ks in enumerate(keyword_sets)
    ]
    found = every(article, themes)
    assert len({(s.start, s.end, s.theme_id) for s in found}) == len(found)
    for s in found:
        holders = [b for b in article.blocks if b.start <= s.start and s.end <= b.end]
        assert len(holders) == 1 and holders[0].kind is not BlockKind.HEADING
        assert (s.start, s.end) in sentences(article.text, holders[0].start, holders[0].end)
        assert matches_keyword(article.text[s.start : s.end], keyword_sets[s.theme_id - 1])
        assert s.keyword in keyword_sets[s.theme_id - 1]
    # And the other way: every sentence holding a keyword is found.
    offered = {(s.start, s.end, s.theme_id) for s in found}
    for b in article.blocks:
        if b.kind is BlockKind.HEADING:
            continue
        for start, end in sentences(article.text, b.start, b.end):
            for theme in themes:
                assert theme.id is not None
                if matches_keyword(article.text[start:end], list(theme.keywords)):
                    assert (start, end, theme.id) in offered
    shown = suggest(article, themes)
    assert len(shown) <= DEFAULT_LIMIT and all(s.score >= MIN_SCORE for s in shown)
    assert [s.score for s in shown] == sorted((s.score for s in shown), reverse=True)
    assert set(shown) <= set(found)
