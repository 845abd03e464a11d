"""Which <h1> of a web page is the story's headline.

Many sites set their logo as the page's first <h1> ("France 24 - International news
24/7", a link home), so the first one names no story: the title, the date printed
under the headline and the standfirst are all found from the right one. Imports only
lxml and briefer.importers.htmlnames.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml.html import HtmlElement

from briefer.importers.htmlnames import site_key

_MAX_H1 = 20
_MIN_HEADLINE_KEY = 8  # letters and digits an <h1> needs to be matched inside a title


def headline_element(tree: HtmlElement) -> HtmlElement | None:
    """The story's <h1>, None without one: of those the page's own titles (og:title,
    <title>) hold, the one that opens a title, then one inside the article or main
    element; else one inside the article or main element; else the first with text.

    A logo <h1> (the site's name, or a link home) is never the story's, though its
    words stand in "Headline | Site" too; a short headline ("Biden wins") beats a
    site's name set as an <h1> in the footer.
    """
    found: list[tuple[HtmlElement, str]] = []
    for element in tree.xpath("//h1")[:_MAX_H1]:
        key = site_key(element.text_content())
        if key:
            found.append((element, key))
    if not found:
        return None
    titles = [
        site_key(" ".join(str(value) for value in tree.xpath(path)[:1]))
        for path in ("//meta[@property='og:title']/@content", "//title//text()")
    ]
    site = site_key(
        " ".join(str(v) for v in tree.xpath("//meta[@property='og:site_name']/@content")[:1])
    )

    def rank(index: int, element: HtmlElement, key: str) -> tuple[bool, bool, bool, int]:
        titled = (
            len(key) >= _MIN_HEADLINE_KEY
            and key != site
            and not _links_home(element)
            and any(key in title for title in titles)
        )
        opens = titled and any(title.startswith(key) for title in titles)
        story = bool(element.xpath("ancestor::article or ancestor::main"))
        return titled, opens, story, -index

    best = max((rank(index, element, key), element) for index, (element, key) in enumerate(found))
    titled, _, in_story, _ = best[0]
    if not titled and not in_story and len(found) > 1 and _is_headline(tree, site):
        # Several <h1>s, none the page's title, outside any article: a word processor's
        # sections ("Summary", "Findings"), which the document's <title> is over.
        return None
    return best[1]


def _is_headline(tree: HtmlElement, site: str) -> bool:
    """Whether the page's <title> reads as a document's own title: some words, not the
    site's name."""
    words = " ".join(str(t) for t in tree.xpath("//title//text()")[:1]).split()
    key = site_key(" ".join(words))
    return len(words) >= 3 and len(key) >= _MIN_HEADLINE_KEY and key != site


def _links_home(element: HtmlElement) -> bool:
    """Whether the <h1>'s text is one link to the site's home ("/", "/en/"): a logo."""
    links = element.xpath(".//a[@href]")
    if len(links) != 1 or site_key(links[0].text_content()) != site_key(element.text_content()):
        return False
    try:
        path = urlsplit(links[0].get("href", "")).path.strip("/")
    except ValueError:  # "http://[broken"
        return False
    return "/" not in path and len(path) <= 5
