"""Text that came from a file, made safe to store, cite and print.

A file's name, title or address is chosen by whoever made the file: it can hold
bytes that are not UTF-8, control characters that drive a terminal, characters
that reverse the order of what follows, or a megabyte where a line was meant.
These pure functions are what the import session, the exporters and the CLI use
to keep such values readable. Standard library only.
"""

from __future__ import annotations

import os
import re
import unicodedata
from urllib.parse import urljoin, urlsplit

from briefer.core.patterns import compiled

MAX_TITLE_CHARS = 500
MAX_URL_CHARS = 2000
"""Longer than any real title or address; a footnote must still fit on a page."""

# Patterns, compiled at their first use (core.patterns): a class spanning the surrogates costs
# a few million instructions to compile, and a short `briefer export` uses one of these.
_SURROGATES = r"[\udc80-\udcff]+"
_LONE_SURROGATES = r"[\ud800-\udfff]"
_CONTROLS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
"""C0 and C1 control characters other than tab and newline (and DEL)."""
_ESCAPES = (
    r"\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]|\x1b\][^\x07\x1b\n]{0,256}(?:\x07|\x1b\\)|\x1b[@-Z\\-_]"
)
"""Terminal escape sequences (colours, titles, cursor moves), dropped whole, not left as "[31m"."""
_BREAKS = r"\r\n?|[\x0b\x0c\x1c-\x1f\x85]"
"""Controls that separate lines or records: a line break, not nothing, so words stay apart."""
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Marks and overrides that reorder the text around them when shown."""
_UNSHOWABLE = rf"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]"
_UNSHOWABLE_IN_LINES = rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]"
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e"}


def readable_name(name: str) -> str:
    """A file name or path as a person can read it and any store can hold it.

    Python gives a name that is not UTF-8 (Latin-1 bytes from a folder unzipped
    from Windows) with its odd bytes as lone surrogates, which SQLite, JSON and a
    UTF-8 terminal all refuse. Those bytes are read as Windows-1252 instead, the
    likeliest code page for them, so ``Pr\\xe4sentation`` shows as "Präsentation".
    """
    if not compiled(_SURROGATES).search(name):
        return name
    return compiled(_SURROGATES).sub(lambda m: _legacy(os.fsencode(m.group())), name)


def _legacy(raw: bytes) -> str:
    return raw.decode("cp1252", errors="replace")


def without_controls(text: str) -> str:
    """``text`` with control characters other than newline and tab removed, with lone
    surrogates from undecodable bytes in a name read as their legacy code page, and any
    other lone surrogate (a JSON "\\ud800" escape) as U+FFFD, which SQLite can store."""
    text = compiled(_LONE_SURROGATES).sub("\ufffd", readable_name(text))
    if not compiled(_CONTROLS).search(text):
        return text
    text = compiled(_ESCAPES).sub("", text)
    text = compiled(_BREAKS).sub("\n", text)
    return compiled(_CONTROLS).sub("", text)


def one_line(text: str, limit: int) -> str:
    """A title, author or publisher: one line, no control characters, at most ``limit``
    characters, cut at a word boundary with "…" when longer."""
    text = " ".join(without_controls(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def is_web_address(text: str) -> bool:
    """http(s) with a host; never an exception, whatever a crafted file stored."""
    try:
        parts = urlsplit(text)
    except ValueError:  # "http://[x": an unclosed IPv6 host
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def web_address(url: str, limit: int, *, base: str = "") -> str:
    """``url`` if it is an absolute http(s) address of at most ``limit`` characters, a
    relative one resolved against ``base`` (the page's own absolute address) when that
    is one, else "": a ``javascript:`` or ``file:`` address must never become a link."""
    url = "".join(without_controls(url).split())
    if not url or len(url) > limit:
        return ""
    if is_web_address(url):
        return url
    if not base or not is_web_address(base):
        return ""
    try:
        resolved = "" if urlsplit(url).scheme else urljoin(base, url)
    except ValueError:  # "http://[x": an unclosed IPv6 host
        return ""
    return resolved if is_web_address(resolved) and len(resolved) <= limit else ""


def best_web_address(*candidates: str | None, limit: int = MAX_URL_CHARS) -> str:
    """The first candidate that is an absolute http(s) address, in order of trust (a
    page's canonical link, its ``og:url``, its JSON-LD). A relative one (a canonical
    ``/business/2025/...``) is resolved against the first absolute candidate, the
    page's own address; ``javascript:``, ``file:`` and the like are passed over."""
    given = [c for c in candidates if c and c.strip()]
    base = next((u for c in given if (u := web_address(c, limit))), "")
    for candidate in given:
        url = web_address(candidate, limit, base=base)
        if url:
            return url
    return ""


def is_link_target(url: str) -> bool:
    """What an exported note may make a hyperlink of: a web address, an e-mail address
    (``mailto:``) or a place in the same document (``#bookmark``); never ``file:``,
    ``javascript:`` or a relative path, whatever a project file holds."""
    url = url.strip()
    if url.startswith("#"):
        return True
    if url.lower().startswith("mailto:") and len(url) > 7:
        return _showable(url)
    return is_web_address(url) and _showable(url)


def _showable(text: str) -> bool:
    return text.isprintable() or not compiled(_UNSHOWABLE).search(text)


def shown(text: str, *, lines: bool = False) -> str:
    """``text`` safe to print on a terminal: control characters (escape sequences),
    bidirectional overrides and undecodable bytes made visible as ``\\e``, ``\\n``,
    ``<U+202E>`` and the like. ``lines=True`` keeps newlines and tabs (an article's text).
    """
    if text.isprintable():  # no control, format or surrogate character: most text, at once
        return text  # (and _UNSHOWABLE, a class spanning the surrogates, is never compiled)
    text = readable_name(text)
    pattern = _UNSHOWABLE_IN_LINES if lines else _UNSHOWABLE
    if not compiled(pattern).search(text):
        return text
    return compiled(pattern).sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    if char in _BIDI:
        return f"<U+{ord(char):04X}>"
    if unicodedata.category(char) == "Cs":
        return "\N{REPLACEMENT CHARACTER}"
    return f"\\x{ord(char):02x}"
