"""Plain text and Markdown are read in bounded time and memory: a cap on lines checked
before reading, a deadline between paragraphs, Markdown parsed a piece at a time."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from markdown_it import MarkdownIt

from briefer.core.model import BlockKind
from briefer.importers import markdown, text
from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.paste import import_paste
from briefer.importers.registry import import_bytes

LINE = "Velden port fees rise by eleven percent from March, the authority said."


def _shape(data: str, filename: str) -> list[tuple[BlockKind, int, bool, str]]:
    article = import_bytes(data.encode(), filename).article
    return [(b.kind, b.level, b.ordered, article.block_text(b)) for b in article.blocks]


@pytest.mark.parametrize("filename", ["tariffs.txt", "tariffs.md"])
def test_a_file_of_more_lines_than_the_cap_is_refused_naming_it(
    monkeypatch: pytest.MonkeyPatch, filename: str
) -> None:
    monkeypatch.setattr(text, "MAX_LINES", 500)
    with pytest.raises(ImportRejected) as refused:
        import_bytes(("| a | b |\n\n" * 501).encode(), filename)
    reason = refused.value.reason
    assert reason.startswith(f"{filename} has more than 500 lines of text")
    assert "Save only the part you need" in reason and "\n" not in reason
    # Blank lines do not count: 500 lines of text between blank lines still import.
    assert len(import_bytes(("| a | b |\n\n" * 500).encode(), filename).article.blocks) >= 499


def test_a_text_file_is_stopped_by_its_deadline() -> None:
    data = "\n".join(f"{i} {LINE}" for i in range(3000)).encode()
    with pytest.raises(ImportRejected, match=r"^Reading notes\.txt took longer than 0 seconds"):
        import_bytes(data, "notes.txt", limits=ImportLimits(max_seconds=0))


def test_a_paste_of_more_lines_than_the_cap_is_refused_and_a_small_one_still_imports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(text, "MAX_LINES", 50)
    with pytest.raises(ImportRejected, match=r"^The pasted content has more than 50 lines"):
        import_paste(text="\n".join([LINE] * 51))
    pasted = import_paste(text=f"Port fees rise again\n\n{LINE}").article
    assert pasted.title == "Port fees rise again" and pasted.text == LINE


class _Recording(MarkdownIt):
    sizes: ClassVar[list[int]] = []

    def parse(self, src: str, env: Any = None) -> Any:
        type(self).sizes.append(len(src))
        return super().parse(src, env)


def test_markdown_is_parsed_a_piece_at_a_time_so_the_deadline_is_checked_between(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(markdown, "MarkdownIt", _Recording)
    _Recording.sizes = []
    source = "".join(f"## Part {i}\n\n{LINE}\n\n" for i in range(3000))
    shape = _shape(source, "parts.md")
    assert len(shape) == 6000 and shape[-1] == (BlockKind.PARAGRAPH, 0, False, LINE)
    assert len(_Recording.sizes) > 5 and max(_Recording.sizes) < len(source) // 5


def test_markdown_read_in_pieces_comes_out_as_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    source = (
        "# Port fees\n\nIntro with a [reference link][tariff] and [another][late].\n\n"
        "```\ncode line\n\n# not a heading\n\nmore code\n```\n\n"
        "<!-- a comment\n\n# still a comment\n\n-->\n\n"
        "<div>\n# inside html\n</div>\n\n"
        "- loose one\n\n- loose two\n\n  continued in the item\n\n"
        "1. first\n2. second\n\n"
        "> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "    indented code\n\n    more of it\n\nAfter the code.\n"
        "## Heading right after\ntext under it\n\n"
        "[tariff]: https://x.example/t\n[late]: https://x.example/l\n"
    )
    whole = _shape(source, "fees.md")
    monkeypatch.setattr(markdown, "CHUNK_LINES", 1)
    assert _shape(source, "fees.md") == whole
    assert (BlockKind.PARAGRAPH, 0, False, "Intro with a reference link and another.") in whole
