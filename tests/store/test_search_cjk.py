"""Search in Chinese and Japanese, which put no spaces between words: a word is found
inside a sentence, alone or with English words, OR and exclusions keeping their meaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.model import Article, Block, BlockKind
from briefer.store import Project

TEXTS = {
    "stats": (
        "经济数据",
        "国家统计局周一发布数据，显示第三季度经济增长放缓。分析人士认为，出口下降是主要原因。",
    ),
    "tokyo": (
        "都政の動き",
        "東京都は月曜日に新しい政策を発表した。都知事は記者会見で詳しく説明した。",
    ),
    "mixed": (
        "Trade figures",
        "Exporters in Ningbo said the 国家统计局 figures understated the slowdown in exports.",
    ),
    "grain": (
        "Grain corridor reopens",
        "Ukraine resumed grain exports through the Black Sea corridor on Monday.",
    ),
}


def article(title: str, text: str) -> Article:
    return Article(title, text, (Block(BlockKind.PARAGRAPH, 0, len(text)),))


@pytest.fixture
def library(tmp_path: Path) -> tuple[Project, dict[str, int]]:
    project = Project.create(tmp_path / "cjk.briefer")
    ids = {key: project.add_article(article(*TEXTS[key])) for key in TEXTS}
    return project, ids


def found(project: Project, query: str) -> set[int]:
    return {hit.article_id for hit in project.search(query)}


def test_a_chinese_word_is_found_inside_a_clause(library: tuple[Project, dict[str, int]]) -> None:
    project, ids = library
    text = TEXTS["stats"][1]
    with project:
        for word in ("统计局", "出口", "经济增长"):  # three, two and four characters
            hits = {hit.article_id: hit for hit in project.search(word)}
            assert ids["stats"] in hits, word
            hit = hits[ids["stats"]]
            assert f"«{word}»" in hit.snippet and "\n" not in hit.snippet
            start, end = hit.offsets[0]
            assert text[start:end] == word
        assert found(project, "统计局") == {ids["stats"], ids["mixed"]}
        assert found(project, "统计所") == set()


def test_a_japanese_word_of_kanji_and_kana_is_found(
    library: tuple[Project, dict[str, int]],
) -> None:
    project, ids = library
    text = TEXTS["tokyo"][1]
    with project:
        (hit,) = project.search("新しい政策")
        assert hit.article_id == ids["tokyo"]
        assert "«新しい政策»" in hit.snippet
        assert [text[s:e] for s, e in hit.offsets] == ["新しい政策"]
        (hit,) = project.search("説明した")
        assert [text[s:e] for s, e in hit.offsets] == ["説明した"]
        assert found(project, "都政") == {ids["tokyo"]}  # in the title only
        assert found(project, "「新しい政策」") == {ids["tokyo"]}  # quotation marks around it


def test_every_occurrence_is_a_span_and_more_occurrences_rank_higher(tmp_path: Path) -> None:
    once = "报告说，出口增长了。"
    thrice = "出口下降。出口企业减少。专家说出口前景不明。"
    with Project.create(tmp_path / "rank.briefer") as project:
        first = project.add_article(article("报告", once))
        second = project.add_article(article("分析", thrice))
        hits = project.search("出口")
        assert [h.article_id for h in hits] == [second, first]
        assert hits[0].rank > hits[1].rank
        assert [thrice[s:e] for s, e in hits[0].offsets] == ["出口"] * 3
        assert [s for s, _ in hits[0].offsets] == sorted(s for s, _ in hits[0].offsets)
        assert len(project.search("出口", limit=1)) == 1


def test_a_chinese_word_and_an_english_word_are_both_required(
    library: tuple[Project, dict[str, int]],
) -> None:
    project, ids = library
    text = TEXTS["mixed"][1]
    with project:
        assert found(project, "统计局 exports") == {ids["mixed"]}  # stemmed: Exporters too
        assert found(project, "统计局 corridor") == set()
        assert found(project, '"国家统计局" "Ningbo"') == {ids["mixed"]}
        (hit,) = project.search("统计局 ningbo")
        assert {text[s:e] for s, e in hit.offsets} == {"统计局", "Ningbo"}
        assert "«Ningbo»" in hit.snippet  # the first match in the text


def test_or_and_exclusion_keep_their_meaning_across_scripts(
    library: tuple[Project, dict[str, int]],
) -> None:
    project, ids = library
    with project:
        assert found(project, "统计局 OR 政策") == {ids["stats"], ids["mixed"], ids["tokyo"]}
        assert found(project, "政策 OR corridor") == {ids["tokyo"], ids["grain"]}
        assert found(project, "corridor OR 政策") == {ids["tokyo"], ids["grain"]}
        assert found(project, "统计局 -exports") == {ids["stats"]}
        assert found(project, "exports -统计局") == {ids["grain"]}
        assert found(project, "统计局 NOT 出口") == {ids["mixed"]}
        assert found(project, "(统计局 OR corridor) exports") == {ids["mixed"], ids["grain"]}
        assert found(project, "(统计局 OR corridor) -Ningbo") == {ids["stats"], ids["grain"]}
        assert found(project, "-统计局") == set()  # nothing positive to look for


CJK_NASTY = {  # query: whether the 统计局 article is found
    '"统计局': True,
    '统计局"': True,
    '"统计局" OR': True,
    "OR 统计局": True,
    "NEAR(统计局 出口)": True,
    "统计局*": True,
    "统计局\x00出口": True,  # a control character is a space
    "\x00统计局\x01": True,
    "统计局'": True,
    "title:统计局": False,  # no column filters: "title:统计局" is looked for as written
    "%统计局_": True,  # punctuation at the ends is left aside, as the index does
    "统%局": False,  # no LIKE wildcards
    "统计局 AND ( OR -": True,
    "-统计局*": False,
    "「」": False,
    "。，": False,
}


def test_awkward_chinese_queries_never_raise_and_find_their_word(
    library: tuple[Project, dict[str, int]],
) -> None:
    project, ids = library
    with project:
        for query, finds in CJK_NASTY.items():
            assert (ids["stats"] in found(project, query)) is finds, query


def test_a_long_chinese_article_is_scanned_once_with_its_spans_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefer.store import search as search_module

    monkeypatch.setattr(search_module, "LONG_TEXT_CHARS", 10_000)
    monkeypatch.setattr(search_module, "MAX_SPANS", 50)
    text = "港口工人周五与港务局会面。" * 2_000  # 26,000 characters
    with Project.create(tmp_path / "long.briefer") as project:
        long_id = project.add_article(article("港口", text + " harbour"))
        hits = {hit.article_id: hit for hit in project.search("港务局")}
        mixed = {hit.article_id: hit for hit in project.search("港务局 harbour")}
    assert len(hits[long_id].offsets) == 50
    assert all(text[a:b] == "港务局" for a, b in hits[long_id].offsets)
    assert "«港务局»" in hits[long_id].snippet and len(hits[long_id].snippet) < 100
    assert len(mixed[long_id].offsets) == 50


def test_a_sentence_pasted_character_by_character_is_searched_not_called_damage(
    library: tuple[Project, dict[str, int]],
) -> None:
    # A PDF that spaces every character gives a query of hundreds of one-letter terms:
    # SQLite refused a condition that deep, and the project was reported damaged.
    project, ids = library
    spaced = " ".join(TEXTS["stats"][1])  # every character a term, most of them repeated
    many = " ".join(chr(0x4E00 + n) for n in range(2000))  # 2,000 distinct characters
    with project:
        assert ids["stats"] in found(project, spaced)
        assert found(project, many) == set()
        assert found(project, f"{many} OR grain") == set()


def test_a_word_the_index_matched_by_its_stem_has_a_span_to_select(tmp_path: Path) -> None:
    # "economy" finds "economies" by its stem; with a Chinese term in the query the spans
    # came from the words as typed, and the Reader opened the hit with nothing selected.
    text = "Asian economies slowed this year, the bank said."
    with Project.create(tmp_path / "stem.briefer") as project:
        article_id = project.add_article(article("Asian growth", text))
        [hit] = [h for h in project.search("统计局 OR economy") if h.article_id == article_id]
        assert hit.offsets and text[slice(*hit.offsets[0])] == "economies"
        assert "«economies»" in hit.snippet


def test_past_32_chinese_terms_an_exclusion_still_excludes(tmp_path: Path) -> None:
    chars = "国家统计局周一公布数据显示全年经济增长平稳就业形势总体稳定物价温和上涨居民收入持续增加"
    terms = list(dict.fromkeys(chars))[:33]
    with Project.create(tmp_path / "cap.briefer") as project:
        strike = project.add_article(article("公报", chars + "。另有传闻称港口罢工。"))
        calm = project.add_article(article("公报二", chars + "。"))
        assert found(project, " ".join(terms)) == {strike, calm}
        assert found(project, " ".join(terms) + " -罢工") == {calm}
        alternatives = " OR ".join(terms)  # one OR group longer than the cap: its first ones
        assert found(project, f"({alternatives}) -罢工") == {calm}
