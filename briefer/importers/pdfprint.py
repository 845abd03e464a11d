"""What a browser's "Save as PDF" tells about the web page it printed.

An analyst who cannot save a page whole prints it to PDF. The browser names
itself in the information dictionary (Chromium's Producer "Skia/PDF", a
Creator naming Chrome, Firefox or Safari), sets the title to the page's
<title> ("Headline - Site") and its creation date to the moment of printing,
and, unless told not to, prints the page's address at the foot of each page.
So for such a PDF the creation date is never the article's date, the title is
split as a web page's is (htmlnames), and the printed address is the article's.
Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from briefer.importers.htmlnames import clean_title, publisher_in_title, site_key
from briefer.importers.pdflayout import Line, Page

_BROWSERS = re.compile(r"\b(?:chrom(?:e|ium)|firefox|safari|edg(?:e|a)?|opera|vivaldi|brave)\b|"
                       r"^skia/pdf", re.IGNORECASE)  # fmt: skip
_ADDRESS = re.compile(r"^(https?://[^\s<>\"]+)")
_FOOT_SHARE = 0.12
"""The page's bottom strip, as a share of its height, where the browser prints the address."""


def browser_printed(info: Mapping[str, str]) -> bool:
    """Whether a browser made this PDF by printing a page (not a site's own PDF)."""
    return any(_BROWSERS.search(info.get(key, "")) for key in ("Producer", "Creator"))


def headline_and_site(title: str, headline: str) -> tuple[str, str]:
    """The page title split into (headline, publisher): "Harbour deal signed - The Courier"
    gives the publisher when the page's largest text (``headline``) is the other part."""
    site = publisher_in_title(title, headline, frozenset())
    if not site:
        return title, ""
    return clean_title(title, frozenset({site_key(site)})) or title, site


def page_address(first_page: Page) -> str:
    """The web address the browser printed at the foot of the first page, or ""."""
    foot = first_page.height * _FOOT_SHARE
    found = [line for line in first_page.lines if line.baseline <= foot]
    for line in _bottom_up(found):
        match = _ADDRESS.match(line.text.strip())
        if match:
            return match.group(1)
    return ""


def _bottom_up(lines: Sequence[Line]) -> list[Line]:
    return sorted(lines, key=lambda line: line.baseline)
