"""HTML character references (``&amp;``, ``&#38;``) turned back into characters.

``html.unescape`` brings the whole table of HTML's 2,231 named references with its
import, a few million instructions on every command that might meet one; citeproc's
rendered notes and a note's Markdown rarely hold any. The table loads with the first
text that holds an ``&``.
"""

from __future__ import annotations


def unescape_html(text: str) -> str:
    """``text`` with its character references replaced, exactly as ``html.unescape``."""
    if "&" not in text:
        return text
    import html  # the table of named references: only for text that may hold one

    return html.unescape(text)
