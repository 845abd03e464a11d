"""Which <h1> of a web page is the story's headline.

Many sites set their logo as the page's first <h1> ("France 24 - International news
24/7", a link home), so the first one names no story: the title, the date printed
under the headline and the standfirst are all found from the right one. Imports only
lxml and briefer.importers.htmlnames.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from briefer.importers.htmlnames import site_key

_MAX_H1 = 20
_MIN_HEADLINE_KEY = 8  # letters and digits an <h1> needs to be matched inside a title


def headline_element(tree: HtmlElement) -> HtmlElement | None:
    """The longest <h1> whose words the page's own titles (og:title, <title>) hold (a
    logo holding the site's name is in "Headline | Site" too), else one inside the
    article or main element, else the first with text; None without one."""
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
    named = [
        (len(key), -index, element)
        for index, (element, key) in enumerate(found)
        if len(key) >= _MIN_HEADLINE_KEY and any(key in title for title in titles)
    ]
    if named:
        return max(named, key=lambda entry: entry[:2])[2]
    for element, _ in found:
        if element.xpath("ancestor::article or ancestor::main"):
            return element
    return found[0][0]


def headline_text(tree: HtmlElement) -> str:
    headline = headline_element(tree)
    return " ".join(headline.text_content().split()) if headline is not None else ""
