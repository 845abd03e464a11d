"""Paragraphs of imported web pages as the page shows them: a blank line made of <br> divides."""

from __future__ import annotations

import lxml.html

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter
from briefer.importers.htmlprep import split_at_blank_lines

_FIRST = (
    "The port authority of Velden confirmed on Tuesday that it will raise berth fees for"
    " container ships by eleven percent from March, citing the cost of dredging the outer"
    " channel after two winters of heavy silting."
)
_SECOND = (
    "Shipping lines that call at the port weekly said the rise would be passed on to"
    ' importers within weeks. "We have no margin left to absorb it," said Marta Kolb.'
)
_THIRD = (
    "The port council will vote on the schedule on 14 February. If it is approved, the new"
    " fees apply to all calls from the first of April."
)


def _import(body: str) -> Article:
    page = f"<html><head><title>Velden fees rise</title></head><body><article>{body}</article>"
    return HtmlImporter().extract(page.encode(), "velden.html", ImportLimits())


def _paragraphs(article: Article) -> list[str]:
    return [article.block_text(b) for b in article.blocks if b.kind is BlockKind.PARAGRAPH]


def test_two_line_breaks_in_a_paragraph_divide_it() -> None:
    article = _import(
        f"<h1>Velden fees rise</h1><p>{_FIRST}<br><br>{_SECOND}<br>\n<br><br>{_THIRD}</p>"
    )

    assert _paragraphs(article) == [_FIRST, _SECOND, _THIRD]


def test_inline_markup_and_single_breaks_stay_in_their_paragraph() -> None:
    article = _import(
        f"<h1>Velden fees rise</h1><p>{_FIRST} <b>Harbour office</b><br>Quay 4, Velden"
        f"<br><br><em>{_SECOND}</em> <i>More</i> to follow.</p><p>{_THIRD}</p>"
    )

    assert _paragraphs(article) == [
        f"{_FIRST} Harbour office Quay 4, Velden",
        f"{_SECOND} More to follow.",
        _THIRD,
    ]


def test_the_split_keeps_every_word_in_order() -> None:
    tree = lxml.html.fromstring(
        "<div><p class='body'>one <b>two</b><br><br>three<br><br><br>four <i>five</i></p>"
        "after</div>"
    )

    split_at_blank_lines(tree)

    assert [p.text_content() for p in tree.iter("p")] == ["one two", "three", "four five"]
    assert [p.get("class") for p in tree.iter("p")] == ["body"] * 3
    assert tree.text_content() == "one twothreefour fiveafter"
