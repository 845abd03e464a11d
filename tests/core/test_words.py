"""Word counts and white-space folding that agree with str.split, in bounded memory."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefer.core import words
from briefer.core.words import at_most_words, count_words, counted, fold_spaces, folded_pieces

SPACEY = st.text(alphabet="ab ß\t\n\u00a0\u3000\rΩ\u2028")


@given(SPACEY)
def test_same_as_split_and_join(text: str) -> None:
    assert fold_spaces(text) == " ".join(text.split())
    assert count_words(text) == len(text.split())
    assert all(at_most_words(text, n) == (len(text.split()) <= n) for n in range(4))


@given(SPACEY)
def test_pieces_join_to_the_folded_text_at_any_chunk_size(text: str) -> None:
    for chunk in (1, 2, 3, 7):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(words, "_CHUNK", chunk)
            assert "".join(folded_pieces(text)) == " ".join(text.split())
            assert fold_spaces(text) == " ".join(text.split())


def test_a_hash_of_a_long_text_is_the_hash_of_its_folded_words() -> None:
    import hashlib

    from briefer.store.codec import text_hash

    text = ("  Grain  EXPORTS\n\nrose ß " * 200_000) + "\t"  # past one chunk
    expected = hashlib.sha256(" ".join(text.casefold().split()).encode()).hexdigest()
    assert text_hash(text) == expected


def test_an_article_in_chinese_counts_its_characters_as_words() -> None:
    from briefer.core.model import Article

    assert Article("港口", "港口工人周二达成新合同。 Port deal").word_count == 12 + 2


def test_a_notes_word_count_leaves_out_markup_and_citations() -> None:
    from briefer.core.model import Note, Section
    from briefer.core.words import note_word_count

    counted = Note("x", sections=(Section("Two words", "- **Bold** text [@p3] and `code`"),))
    assert note_word_count(counted) == 6
    two = Note("x", sections=(Section("A", "1. one\n2. two [@p1][@p2]"), Section("", "> three")))
    assert note_word_count(two) == 4


def test_counted_agrees_the_noun_with_the_number() -> None:
    assert [counted(n, "passage") for n in (0, 1, 2)] == ["0 passages", "1 passage", "2 passages"]
    assert counted(1, "new article") == "1 new article"
    assert counted(3, "analysis", "analyses") == "3 analyses"
