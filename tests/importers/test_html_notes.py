"""Parts of a page that are the article's though set apart: footnotes at the end of a report,
and the standfirst under a news headline."""

from __future__ import annotations

import pytest

from briefer.core.model import Article, BlockKind
from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter

_FIRST = (
    "The port authority of Velden confirmed on Tuesday that it will raise berth fees for"
    " container ships by eleven percent from March, the first increase in six years, citing"
    " the cost of dredging the outer channel after two winters of heavy silting."
)
_SECOND = (
    "The authority's finance director, Piet Aalders, told reporters that the channel must be"
    " kept at fourteen metres for the new class of vessels and that the state grant for"
    " dredging ended last year."
)
_THIRD = (
    "Importers' associations have asked for a phased introduction. Their spokesman argued"
    " that a single step in March would hit the smallest firms hardest."
)


def _import(body: str, title: str = "Dredging costs in North Sea ports") -> Article:
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/reports'>Reports</a></nav>{body}</body></html>"
    )
    return HtmlImporter().extract(page.encode(), "report.html", ImportLimits())


def _texts(article: Article) -> list[tuple[BlockKind, str]]:
    return [(b.kind, article.block_text(b)) for b in article.blocks]


def test_a_reports_footnotes_come_under_a_notes_heading_with_their_marks() -> None:
    article = _import(
        "<main><article><h1>Dredging costs in North Sea ports</h1>"
        f"<p>{_FIRST}<sup id='fnref1'><a href='#fn1'>1</a></sup></p>"
        f"<p>{_SECOND}<sup id='fnref2'><a href='#fn2'>2</a></sup></p><p>{_THIRD}</p>"
        "<section class='footnotes'><h2>Notes</h2><ol>"
        "<li id='fn1'>Velden Port Authority, Annual Report 2024, p. 17."
        " <a href='#fnref1'>↩</a></li>"
        "<li id='fn2'>Provincial Water Board, Channel Survey 2025, table 4."
        " <a href='#fnref2'>↩</a></li></ol></section></article></main>"
    )

    assert _texts(article)[1:] == [
        (BlockKind.PARAGRAPH, f"{_FIRST}[1]"),
        (BlockKind.PARAGRAPH, f"{_SECOND}[2]"),
        (BlockKind.PARAGRAPH, _THIRD),
        (BlockKind.HEADING, "Notes"),
        (BlockKind.PARAGRAPH, "[1] Velden Port Authority, Annual Report 2024, p. 17."),
        (BlockKind.PARAGRAPH, "[2] Provincial Water Board, Channel Survey 2025, table 4."),
    ]


def test_pandocs_endnotes_without_a_heading_are_notes() -> None:
    article = _import(
        f"<article><h1>Dredging costs in North Sea ports</h1><p>{_FIRST}<a href='#fn1'"
        f" class='footnote-ref' id='fnref1' role='doc-noteref'><sup>a</sup></a></p>"
        f"<p>{_SECOND}</p><p>{_THIRD}</p>"
        "<section id='footnotes' class='footnotes footnotes-end-of-document'"
        " role='doc-endnotes'><hr><ol><li id='fn1'><p>Velden Port Authority, Annual Report"
        " 2024. <a href='#fnref1' class='footnote-back' role='doc-backlink'>↩︎</a></p></li>"
        "</ol></section></article>"
    )

    assert f"{_FIRST}[a]" in article.text
    assert article.text.endswith("Notes\n\n[a] Velden Port Authority, Annual Report 2024.")
    assert "↩" not in article.text


def test_the_standfirst_under_the_headline_opens_the_story() -> None:
    standfirst = (
        "Port authority blames dredging costs after state grant ends, as importers warn of"
        " higher prices for fruit and machinery"
    )
    article = _import(
        "<main><div class='headline-block'><div class='series'>Shipping</div>"
        "<h1>Velden port to raise fees by 11%</h1><div class='standfirst'>"
        f"<p>{standfirst}</p></div></div><div class='meta'><address><a rel='author'>Anna"
        " Groot</a> Shipping correspondent</address></div><div id='maincontent'><div"
        f" class='article-body'><p>{_FIRST}</p><p>{_SECOND}</p><p>{_THIRD}</p></div></div>"
        "</main>",
        title="Velden port to raise fees by 11% | Shipping | The Coastal Guardian",
    )

    assert [text for _, text in _texts(article)][:3] == [
        "Velden port to raise fees by 11%",
        standfirst,
        _FIRST,
    ]
    assert article.text.count(standfirst) == 1


def test_a_microdata_standfirst_after_a_logo_h1_opens_the_story() -> None:
    """As Libération's page sets it: the site's logo is the first <h1>, the photo's caption
    and the standfirst both carry itemprop="description", and the standfirst is an <h2>
    in the article's header. The standfirst opens the story; the caption is no standfirst,
    and stands as the picture's caption before the story's first paragraph."""
    standfirst = "Le ministre a accueilli jeudi matin à Roissy un premier avion de rescapés."
    article = _import(
        "<header><h1><a href='/'>Le Quotidien du Port</a></h1></header>"
        "<article itemscope itemtype='http://schema.org/NewsArticle'><header>"
        "<h1 itemprop='headline'>Velden port to raise fees by 11%</h1>"
        "<figure><img src='x.jpg' alt=''><figcaption itemprop='description'>A ship at the"
        " quay of Velden on Tuesday, as the fees were announced.</figcaption></figure>"
        f"<h2 itemprop='description'>{standfirst}</h2></header>"
        f"<div itemprop='articleBody'><p>{_FIRST}</p><p>{_SECOND}</p><p>{_THIRD}</p></div>"
        "</article>",
        title="Velden port to raise fees by 11% - Le Quotidien du Port",
    )
    assert _texts(article)[:4] == [
        (BlockKind.HEADING, "Velden port to raise fees by 11%"),
        (BlockKind.PARAGRAPH, standfirst),
        (BlockKind.CAPTION, "A ship at the quay of Velden on Tuesday, as the fees were announced."),
        (BlockKind.PARAGRAPH, _FIRST),
    ]
    assert article.text.count("A ship at the quay") == 1


def test_a_subtitle_further_down_the_page_stays_where_it_is() -> None:
    article = _import(
        f"<article><h1>Dredging costs in North Sea ports</h1><p>{_FIRST}</p><p>{_SECOND}</p>"
        f"<p class='subtitle'>Costs by port, 2019 to 2025, in million euros each</p>"
        f"<p>{_THIRD}</p></article>"
    )

    texts = [text for _, text in _texts(article)]
    assert texts[1] == _FIRST


def test_a_menus_hash_links_are_no_note_marks_and_a_notes_own_list_is_part_of_it() -> None:
    """A note without an id has no reference: href="#" is a menu's or a button's link.
    A note listing its sources keeps them in its own paragraph, words apart."""
    article = _import(
        "<main><article><h1>Dredging costs in North Sea ports</h1>"
        f"<p>{_FIRST} See the <a href='#'>full timetable</a> for the changes.</p>"
        f"<p>{_SECOND}<sup><a href='#fn2'>2</a></sup></p>"
        "<section class='footnotes'><ol>"
        "<li>Sources:<ul><li>Board minutes, May.</li><li>Survey, 2023.</li></ul></li>"
        "<li id='fn2'>Interview with the harbour master.</li>"
        "</ol></section></article></main>"
    )
    text = article.text
    assert "See the full timetable for the changes." in text
    notes = [t for kind, t in _texts(article) if t.startswith("[")]
    assert notes == ["[1] Sources: Board minutes, May. Survey, 2023.",
                     "[2] Interview with the harbour master."]  # fmt: skip
    assert "kept at fourteen metres" in text and "dredging ended last year.[2]" in text


def test_the_whole_page_fallback_keeps_the_notes_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the extractor finds nothing, the page is read whole from its text: parsed
    again, it must be prepared again, or its notes and split paragraphs are lost."""
    import briefer.importers.html as html

    monkeypatch.setattr(html, "_extract_article", lambda *args, **kwargs: None)
    article = _import(
        "<main><article><h1>Dredging costs in North Sea ports</h1>"
        f"<p>{_FIRST}<sup><a href='#fn1' id='r1'>1</a></sup><br><br>{_SECOND}</p>"
        "<section class='footnotes'><ol><li id='fn1'>Harbour board minutes, 1999."
        " <a href='#r1'>↩</a></li></ol></section></article></main>"
    )
    texts = [text for _, text in _texts(article)]
    assert "Notes" in texts and "[1] Harbour board minutes, 1999." in texts
    assert any(t.endswith("heavy silting.[1]") for t in texts)
    assert any(t.startswith("The authority's finance director") for t in texts)


def _teasers(heading: str) -> str:
    """Shaped as the Herald Sun sets its other columns: a kicker and a linked headline, a
    thumbnail, then a standfirst opening with the column's by-line in capitals."""
    entries = "".join(
        f"<div class='story-block'><h4 class='heading'><strong class='kicker'>{kicker}</strong>"
        f" <a href='/news/opinion/{n}'>{title}</a></h4><a class='thumb-link'"
        f" href='/news/opinion/{n}'><img src='/i/{n}.jpg' alt=''></a><p class='standfirst'>"
        f"<span class='article-info'><em class='byline'>{writer} </em></span>{summary}</p></div>"
        for n, (kicker, title, writer, summary) in enumerate(
            [
                ("Editorial", "Fraser's lasting legacy", "",
                 "MALCOLM Fraser was an effective prime minister, controversially installed,"
                 " soundly elected and re-elected, a relentless contributor and reformer."),
                ("Wave of stupidity", "Doctor knows best", "JOE HILL",
                 "HOW is it that ideas and philosophies that are patently absurd capture"
                 " people's imagination? It seems we are being swamped by a wave of it."),
                ("Own backyard", "Let's make local issues a priority", "TOM ELLIS",
                 "IT'S nice to think the country is a player on the world stage but, really,"
                 " it is not. So let us forget the posturing and sort out our own back yard."),
            ]
        )
    )  # fmt: skip
    return (
        f"<div class='group'><div class='group-header'><h2 class='heading'>{heading}</h2></div>"
        f"<div class='group-content'>{entries}</div></div>"
    )


@pytest.mark.parametrize("heading", ["Other Opinion Columns", "More from Business", "Most read"])
def test_a_list_of_other_stories_after_the_article_is_left_out(heading: str) -> None:
    """As a real Herald Sun column ended (Mozilla Readability's test set): five other
    columns' linked headlines and summaries, which the extractor read as the story's."""
    article = _import(
        "<div id='story'><div class='story-header'><h1>Dredging costs in North Sea ports</h1>"
        f"</div><div class='story-body'><p>{_FIRST}</p><h2>Other measures</h2><p>{_SECOND}</p>"
        f"<p>{_THIRD}</p></div>{_teasers(heading)}</div>"
    )
    texts = [text for _, text in _texts(article)]
    assert texts[-2:] == [_SECOND, _THIRD]
    assert "Other measures" in texts  # the story's own subheading, without links, stays
    for gone in (heading, "lasting legacy", "patently absurd", "JOE HILL"):
        assert gone not in article.text


_SHORT = [
    f"Paragraph {n} of the story says the port council met on Tuesday and agreed the"
    f" schedule of fees for the coming year after a long debate among its members."
    for n in range(1, 7)
]


def test_a_list_set_inside_the_storys_own_container_takes_only_itself() -> None:
    """Review: the whole story box was taken for the list when the list sat at its end
    (the story's paragraphs are short, as news paragraphs are)."""
    story = "".join(f"<p>{p}</p>" for p in _SHORT)
    article = _import(
        "<h1>Dredging costs in North Sea ports</h1><div class='story-body'>"
        f"{story}<h2>More from Business</h2>"
        "<h3><a href='/b/1'>Ferry fares rise</a></h3><p>Operators blame fuel.</p>"
        "<h3><a href='/b/2'>Grain exports slow</a></h3><p>A dry summer cut the crop.</p>"
        "</div>"
    )
    assert [text for _, text in _texts(article)][1:] == _SHORT


@pytest.mark.parametrize(
    "heading", ["More rain expected", "Other airports close", "More than a port"]
)
def test_a_storys_own_subheading_opening_with_more_or_other_is_kept(heading: str) -> None:
    """A round-up whose entries link their headings is still the story."""
    entries = "".join(
        f"<h3><a href='https://news.example/live#p{n}'>Update {n}</a></h3><p>{p}</p>"
        for n, p in enumerate(_SHORT[:3], 1)
    )
    article = _import(
        "<article><h1>Dredging costs in North Sea ports</h1>"
        f"<p>{_FIRST}</p><h2>{heading}</h2>{entries}</article>"
    )
    assert heading in article.text
    assert all(p in article.text for p in _SHORT[:3])
