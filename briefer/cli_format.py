"""How the CLI shows things: the stable --json shapes and plain-text tables.

The JSON shapes are a promise to scripts (documented in the README): add
keys if needed, never rename or remove them. Plain text from a file (a name, a
title, a reason) is printed through ``shown``, so an escape sequence or a
right-to-left override in it is seen, not acted on by the terminal.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from briefer.core.model import Article, ArticleSummary, Passage, SearchHit, Theme
from briefer.core.safetext import shown as shown  # re-exported: the CLI prints through it

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def article_json(article: Article | ArticleSummary) -> dict[str, Any]:
    passages = article.passage_count if isinstance(article, ArticleSummary) else None
    return {
        "id": article.id,
        "title": article.title,
        "publisher": article.publisher,
        "author": article.author,
        "published": _date(article.published),
        "url": article.url,
        "format": article.source_format,
        "words": article.word_count,
        "passages": passages,
        "imported": _date(article.imported_at),
    }


def theme_json(theme: Theme, passages: int, names: Mapping[int | None, str]) -> dict[str, Any]:
    return {
        "id": theme.id,
        "name": theme.name,
        "colour": theme.colour,
        "shortcut": theme.shortcut,
        "parent": names.get(theme.parent_id) if theme.parent_id is not None else None,
        "description": theme.description,
        "keywords": list(theme.keywords),
        "passages": passages,
    }


def passage_json(
    passage: Passage, theme_names: Mapping[int | None, str], article_title: str
) -> dict[str, Any]:
    return {
        "id": passage.id,
        "article_id": passage.article_id,
        "article_title": article_title,
        "start": passage.start,
        "end": passage.end,
        "text": passage.text,
        "themes": [theme_names.get(t, str(t)) for t in passage.theme_ids],
        "comment": passage.comment,
        "created": _date(passage.created_at),
    }


def search_hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "article_id": hit.article_id,
        "title": hit.title,
        "snippet": hit.snippet,
        "rank": round(hit.rank, 4),
        "offsets": [list(o) for o in hit.offsets],
    }


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Columns sized to content; the last column takes what is left of the terminal."""
    if not rows:
        print("(none)")
        return
    rows = [[shown(cell) for cell in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers[:-1])]
    room = max(20, shutil.get_terminal_size((120, 24)).columns - sum(w + 2 for w in widths))

    def line(cells: Sequence[str]) -> str:
        last = cells[-1] if len(cells[-1]) <= room else cells[-1][: room - 1] + "…"
        return "  ".join([*(c.ljust(w) for c, w in zip(cells, widths, strict=False)), last])

    print(line(headers))
    for row in rows:
        print(line(row))


def words_not_found(text: str, typed: str, article_id: int, project: Path) -> str:
    """Why ``briefer tag --text`` names no passage, in one line: the words are only parts
    of longer words (the whole words shown as the article has them), or not there."""
    from briefer.core.typed_words import find_inside_words
    from briefer.core.words import fold_spaces

    inside = find_inside_words(text, typed)
    if inside is not None:
        whole = fold_spaces(text[inside[0] : inside[1]])
        return (
            f'Article {article_id} has "{fold_spaces(typed)}" only inside longer words; '
            f'type whole words, e.g. "{whole}".'
        )
    return (
        f'Article {article_id} does not contain "{fold_spaces(typed)}". '
        f"Check the words with `briefer show {project} {article_id}`."
    )
