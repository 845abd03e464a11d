"""The preview's HTML shows every character as itself and follows the export's structure."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QTextDocument

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters import build_document
from briefer.exporters.html import render_html

HOSTILE = 'Costs <b>rose</b> & "fell" * 5 _x_ `y` [z](w) | 1. -'


def test_hostile_text_renders_as_itself() -> None:
    article = Article("A <title>", HOSTILE, publisher="P & Co", published=dt.date(2026, 1, 2), id=1)
    passage = Passage(1, 0, len(HOSTILE), HOSTILE, id=3)
    note = Note("Note <1>", marking="OFFICIAL", sections=(
        Section("Heading & more", quotation_markdown(HOSTILE, 3)),
    ))  # fmt: skip
    html = render_html(build_document(note, {3: passage}, {1: article}))
    assert "<b>rose</b>" not in html and "&lt;b&gt;rose&lt;/b&gt;" in html
    document = QTextDocument()
    document.setHtml(html)
    text = document.toPlainText()
    # Quoted, so its own quotes nest inside the outer marks, as the Word export sets them.
    assert "“" + HOSTILE.replace('"fell"', "‘fell’") + "”" in text
    assert "Note <1>" in text and "Heading & more" in text and "A <title>, P & Co" in text
    assert 'href="passage:3"' in html


def test_lists_tables_and_missing_sources() -> None:
    body = "- one\n- two\n\n1. first\n\n| A | B |\n| --- | --- |\n| x | [@p9] |"
    html = render_html(build_document(Note("N", sections=(Section("S", body),)), {}, {}))
    assert "<ul>" in html and "<li>one</li>" in html and "<ol>" in html
    assert "<table" in html and "<th>A</th>" in html
    assert "[missing source: passage 9]" in html
