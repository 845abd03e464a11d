"""Markdown: front matter becomes metadata, structure becomes blocks, the title is not repeated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefer.core.model import BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.markdown import MarkdownImporter, parse_front_matter

TEXT = Path(__file__).parents[1] / "data" / "importers" / "text"


def test_front_matter_and_structure() -> None:
    data = (TEXT / "port-tariffs.md").read_bytes()
    article = MarkdownImporter().extract(data, "port-tariffs.md", ImportLimits())
    assert article.title == "Lindmark raises port tariffs for the first time in a decade"
    assert article.author == "Tomas Rehn"
    assert article.published == dt.date(2025, 10, 2)
    assert article.url == "https://news.example/lindmark-port-tariffs"
    assert article.publisher == "Baltic Freight Daily"
    assert article.source_format == "markdown"
    shape = [(b.kind, b.level, b.ordered, article.block_text(b)) for b in article.blocks]
    assert shape[0][3].startswith("The port authority of Lindmark")
    assert (BlockKind.HEADING, 2, False, "Who pays more") in shape
    assert (BlockKind.LIST_ITEM, 1, True, "Container lines calling more than twice a week") in shape
    assert (BlockKind.LIST_ITEM, 2, False, "including grain ships") in shape
    assert (BlockKind.TABLE_ROW, 0, False, "Container | 95 | 102") in shape
    assert [b for b in article.blocks if b.kind is BlockKind.QUOTE]
    assert "**" not in article.text and "|---" not in article.text
    # The H1 repeats the title, so it is not in the body.
    assert not any(b.kind is BlockKind.HEADING and b.level == 1 for b in article.blocks)


def test_title_from_first_h1_without_front_matter() -> None:
    data = b"# Quarterly outlook\n\nSteel demand is flat.\n\n# Annex\n\nTables.\n"
    article = MarkdownImporter().extract(data, "outlook.md", ImportLimits())
    assert article.title == "Quarterly outlook"
    assert article.text.startswith("Steel demand is flat.")
    headings = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Annex"]


def test_a_different_h1_is_kept_when_front_matter_names_the_title() -> None:
    data = b"---\ntitle: Clip\n---\n# Something else\n\nBody.\n"
    article = MarkdownImporter().extract(data, "clip.md", ImportLimits())
    assert article.title == "Clip"
    assert article.block_text(article.blocks[0]) == "Something else"


def test_front_matter_is_read_as_flat_strings_only() -> None:
    meta, rest = parse_front_matter(
        "---\ntitle: 'A: B'\ntags: [x, y]\nauthor: !!python/object:os.system ls\n---\nBody"
    )
    assert meta["title"] == "A: B"
    assert meta["author"] == "!!python/object:os.system ls"
    assert rest == "Body"


def test_sniff_recognises_markdown_content() -> None:
    importer = MarkdownImporter()
    assert importer.sniff((TEXT / "port-tariffs.md").read_bytes(), "x.bin") >= 40
    assert importer.sniff(b"# Title\n\n- a\n- b\n\n[link](http://x)\n", "notes") >= 25
    assert importer.sniff(b"Just a sentence.", "notes") == 0
