"""Candidates for near copies: the search index's phrase look-ups, on what it really indexes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.likeness import sample_phrases
from briefer.core.model import Block, BlockKind
from briefer.store import Project
from tests.store.conftest import sample_article

DATA = Path(__file__).parent.parent / "data" / "likeness"


def _stored(project: Project, name: str, text: str = "") -> int:
    text = text or (DATA / name).read_text(encoding="utf-8")
    blocks = (Block(BlockKind.PARAGRAPH, 0, len(text)),)
    return project.add_article(sample_article(name, text=text, blocks=blocks, url=""))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    made = Project.create(tmp_path / "copies.briefer")
    yield made
    made.close()


def _finding(project: Project, phrases: list[str]) -> list[int]:
    """Which of ``phrases``, each looked up alone, find an article."""
    return [i for i, phrase in enumerate(phrases) if project.copy_candidates([phrase], 1)]


def test_the_index_holds_a_chinese_clause_as_one_word(project: Project) -> None:
    """FTS5's unicode61 splits at punctuation and spaces only: five characters from inside
    a clause find nothing, the whole clause finds the article."""
    daily = _stored(project, "zh-metro-daily.txt")

    assert project.copy_candidates(["地铁5号线一"], 1) == []
    [(found, title, _)] = project.copy_candidates(
        ["临江市地铁5号线一期工程于今天上午9时正式开通运营"], 1
    )
    assert (found, title) == (daily, "zh-metro-daily.txt")


@pytest.mark.parametrize(
    ("original", "copy"),
    [
        ("zh-metro-daily.txt", "zh-metro-portal.txt"),
        ("ja-railway-shimbun.txt", "ja-railway-web.txt"),
    ],
)
def test_a_lightly_edited_copys_phrases_find_the_original(
    project: Project, original: str, copy: str
) -> None:
    first = _stored(project, original)
    _stored(project, "zh-metro-evening.txt")  # the same event in other words: never found
    phrases = sample_phrases((DATA / copy).read_text(encoding="utf-8"))

    assert len(phrases) == 8 and len(_finding(project, phrases)) >= 6
    assert [found for found, _, _ in project.copy_candidates(phrases, 2)] == [first]


@pytest.mark.parametrize("private", ["\ue000", "\uf0b7", "\U000f0041"])
def test_a_phrase_beside_a_private_use_character_finds_its_article(
    project: Project, private: str
) -> None:
    """A PDF whose font has no Unicode map gives private-use characters. The index keeps
    them inside a word (東京\ue000大阪 is one), Python's isalnum() does not: each phrase
    must be widened across them as the index reads them, or it finds nothing."""
    text = (DATA / "zh-metro-daily.txt").read_text(encoding="utf-8")
    text = text.replace("站", "站" + private).replace("工作", private + "工作")
    stored = _stored(project, "private-use", text)
    phrases = sample_phrases(text)

    assert len(phrases) == 8 and any(private in phrase for phrase in phrases)
    assert [i for i in range(8) if i not in _finding(project, phrases)] == []
    assert [found for found, _, _ in project.copy_candidates(phrases, 8)] == [stored]
