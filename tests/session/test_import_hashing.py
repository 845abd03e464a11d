"""A long text is folded for its duplicate hashes once per import, not five times.

Importing a 30 MB one-line text took some 30 s, most of it folding the whole text
for the same hashes again: the duplicate look before the write, again inside it,
then the stored row. The hashes are the same either way; only the work differs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.session import ImportStatus, Session
from briefer.store import codec


def test_a_long_text_is_folded_once_for_each_hash_and_found_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = " ".join(f"cargo{n % 97} left the harbour on time" for n in range(40_000))
    source = tmp_path / "manifest.txt"
    source.write_text(f"Harbour manifest for the winter\n\n{words}\n", "utf-8")
    assert source.stat().st_size > 1 << 20
    folded: list[int] = []
    fold = codec._text_hash

    def counted(text: str, heading: str) -> str:
        folded.append(len(text))
        return fold(text, heading)

    monkeypatch.setattr(codec, "_text_hash", counted)
    codec._kept_text_hash.cache_clear()
    with Session.create(tmp_path / "long.briefer") as session:
        [first] = session.import_all([source]).outcomes
        assert first.status is ImportStatus.IMPORTED
        long_folds = [n for n in folded if n > 1 << 20]
        assert len(long_folds) <= 2  # the text, and the text beside its headline
        [again] = session.import_all([source]).outcomes
        assert again.status is ImportStatus.DUPLICATE  # the kept hashes are the right ones
        [article] = session.query.list_articles()
        stored = session.query.get_article(article.id or 0).text
    assert codec.text_hash(stored) == fold(stored, "")
