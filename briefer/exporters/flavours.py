"""The Markdown flavours' names, apart from their escaping (markdown_flavours.py).

A Word export checks the flavour it was given like any other option, and
should not load the escaping rules' regular expressions to do it.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Literal

    Flavour = Literal["commonmark", "pandoc"]
else:
    Flavour = str  # to the interpreter; type checkers see the two names
FLAVOURS: tuple[Flavour, ...] = ("commonmark", "pandoc")


def flavour_named(name: str) -> Flavour:
    """The flavour called ``name`` ("commonmark", "gfm" or "pandoc"); ValueError otherwise."""
    key = name.strip().lower()
    if key in ("commonmark", "gfm", "github"):
        return "commonmark"
    if key == "pandoc":
        return "pandoc"
    raise ValueError(f"{name!r} is not a Markdown flavour; choose commonmark or pandoc")
