"""The export IR: footnote numbering, sources, structure, and missing sources."""

from __future__ import annotations

import datetime as dt

from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters.document import (
    BlockKind,
    ExportDocument,
    RunKind,
    build_document,
    describe_source,
    format_date,
)


def _footnote_runs(document: ExportDocument) -> list[int]:
    return [
        run.footnote
        for block in document.blocks
        for run in block.runs
        if run.kind is RunKind.FOOTNOTE
    ]


def test_footnotes_are_numbered_by_first_citation_and_reused(document: ExportDocument) -> None:
    assert [(f.number, f.passage_id) for f in document.footnotes] == [(1, 42), (2, 7), (3, 43)]
    assert _footnote_runs(document) == [1, 2, 1, 3]
    assert document.problems == ()


def test_footnote_names_the_source(document: ExportDocument) -> None:
    first, second, _ = document.footnotes
    assert first.text == (
        "EU and UK agree steel deal, The Courier, 4 December 2025, https://example.org/steel."
    )
    assert second.text == "Ports brace for a hard winter."


def test_sources_list_each_article_once_in_citation_order(document: ExportDocument) -> None:
    assert [s.title for s in document.sources] == [
        "EU and UK agree steel deal",
        "Ports brace for a hard winter",
    ]


def test_structure_of_the_note(document: ExportDocument) -> None:
    kinds = [(b.kind, b.level) for b in document.blocks]
    assert kinds[:2] == [(BlockKind.HEADING, 1), (BlockKind.QUOTE, 1)]
    items = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.ordered, b.level) for b in items] == [
        (False, 1),
        (False, 2),
        (False, 1),
        (True, 1),
        (True, 1),
    ]
    paragraph = next(b for b in document.blocks if b.kind is BlockKind.PARAGRAPH)
    styled = {(r.text, r.bold, r.italic) for r in paragraph.runs}
    assert ("good news", True, False) in styled and ("exporters", False, True) in styled
    table = next(b.table for b in document.blocks if b.kind is BlockKind.TABLE)
    assert table is not None
    assert [c[0].text for c in table.header] == ["Measure", "Value"]
    assert table.rows[1][0][0].text == "Quota a|b"
    assert table.align == ("", "right")


def test_missing_passage_or_article_leaves_a_marker_and_a_problem() -> None:
    note = Note(
        title="T",
        sections=(Section("S", "Gone [@p99] and orphan [@p5] and again [@p99]."),),
    )
    passages = {5: Passage(article_id=77, start=0, end=1, text="x", id=5)}
    document = build_document(note, passages, {})
    markers = [r.text for b in document.blocks for r in b.runs if r.kind is RunKind.MISSING_SOURCE]
    assert markers == [
        "[missing source: passage 99]",
        "[missing source: passage 5]",
        "[missing source: passage 99]",
    ]
    assert len(document.problems) == 2
    assert "99" in document.problems[0] and "77" in document.problems[1]
    assert document.footnotes == () and document.sources == ()


def test_code_and_escaped_tokens_are_not_citations(
    passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    note = Note(title="T", sections=(Section("S", "Type `[@p42]` or \\[@p42] to cite."),))
    document = build_document(note, passages, articles)
    assert document.footnotes == ()
    text = "".join(r.text for r in document.blocks[1].runs)
    assert text == "Type [@p42] or [@p42] to cite."


def test_a_paragraph_opening_with_a_citation_and_a_colon_is_kept(
    passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    # CommonMark alone reads "[@p42]: Kyiv" as a link reference definition: the paragraph
    # would vanish from the note. A real definition still works as one.
    body = 'Intro.\n\n[@p42]: Kyiv "agreed"\n\n> [@p42]: Odesa\n\n[site]: https://x.org\n\n[Port][site].'
    note = Note(title="T", sections=(Section("S", body),))
    document = build_document(note, passages, articles)
    texts = ["".join(r.text for r in b.runs) for b in document.blocks[1:]]
    assert texts == ["Intro.", ': Kyiv "agreed"', ": Odesa", "Port."]
    assert [r.link for r in document.blocks[-1].runs if r.text == "Port"] == ["https://x.org"]
    assert _footnote_runs(document) == [1, 1]
    assert [f.passage_id for f in document.footnotes] == [42]


def test_sections_follow_position_and_body_headings_nest_under_them() -> None:
    note = Note(
        title="T",
        sections=(
            Section("Second", "# Inside", level=1, position=2),
            Section("First", "", level=1, position=1),
        ),
    )
    blocks = build_document(note, {}, {}).blocks
    assert [(b.runs[0].text, b.level) for b in blocks] == [
        ("First", 1),
        ("Second", 1),
        ("Inside", 2),
    ]


def test_dates_read_the_same_everywhere() -> None:
    assert format_date(dt.date(2025, 12, 4)) == "4 December 2025"
    bare = Article(title="", text="x", url="https://x.org")
    assert describe_source(bare) == "Untitled article, https://x.org."
