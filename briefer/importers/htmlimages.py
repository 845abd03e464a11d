"""Images a saved web page carries locally: found in its tree, then placed in the article text.

Two steps, so the page's tree can be let go before the article text is final (a huge
page's tree and two copies of its text were held at once): ``find_images`` reads each
image and the paragraphs around it while the tree is alive; ``place_images`` turns those
paragraphs into offsets once the article is built. Never fetches: ``resolve`` decides
what exists locally. Imports core, lxml and briefer.importers helpers only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from lxml.html import HtmlElement

from briefer.core.model import ArticleImage, Block
from briefer.core.record import Record, replace
from briefer.importers.base import Deadline, ImportLimits
from briefer.importers.htmlcaptions import figure_caption
from briefer.importers.images import normalise_image

_TEXTUAL = " or ".join(
    f"self::{tag}" for tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
)
_SNIPPET = 60  # characters of a neighbouring paragraph looked for in the article
_SHORTEST_SNIPPET = 12  # shorter ones ("Photo", "Share") would match anywhere


class FoundImage(Record, frozen=True):
    """A normalised image (offset not yet known) and the folded opening words of the
    paragraphs after it (``True``) and before it (``False``), nearest first."""

    image: ArticleImage
    anchors: tuple[tuple[str, bool], ...]


def find_images(
    tree: HtmlElement,
    resolve: Callable[[str], bytes | None],
    limits: ImportLimits,
    deadline: Deadline,
) -> list[FoundImage]:
    """The images the page carries locally, at most ``limits.max_images`` of them."""
    found: list[FoundImage] = []
    for tries, img in enumerate(tree.iter("img")):
        if len(found) >= limits.max_images or tries >= 4 * limits.max_images + 20:
            break
        deadline.check()
        src = (img.get("src") or img.get("data-src") or "").strip()
        data = resolve(src) if src else None
        if not data:
            continue
        name = "" if src.startswith("data:") else PurePosixPath(src.split("?")[0]).name
        image = normalise_image(data, limits, name=name[:200], caption=_caption(img))
        if image is not None:
            found.append(FoundImage(image, tuple(_anchors(img))))
    return found


def place_images(
    found: list[FoundImage], text: str, blocks: tuple[Block, ...]
) -> tuple[ArticleImage, ...]:
    """Each image before the paragraph it stood before in the article ``text``."""
    if not found:
        return ()
    folded = text.casefold()
    return tuple(
        replace(item.image, offset=_offset_near(item.anchors, folded, blocks)) for item in found
    )


def _caption(img: HtmlElement) -> str:
    figure = next((a for a in img.iterancestors("figure")), None)
    if figure is not None:
        caption = figure.find(".//figcaption")
        if caption is not None:
            text = " ".join(caption.text_content().split())
            if text:
                return text
    return " ".join((img.get("alt") or img.get("title") or "").split())


def _anchors(img: HtmlElement) -> Iterator[tuple[str, bool]]:
    # The figure's caption, when the article has it, stands right under the picture.
    caption = figure_caption(img)[:_SNIPPET].casefold()
    if len(caption) >= _SHORTEST_SNIPPET:
        yield caption, True
    for element, after in _neighbours(img):
        snippet = " ".join(element.text_content().split())[:_SNIPPET].casefold()
        if len(snippet) >= _SHORTEST_SNIPPET:
            yield snippet, after


def _offset_near(
    anchors: tuple[tuple[str, bool], ...], folded_text: str, blocks: tuple[Block, ...]
) -> int:
    """Start of the next paragraph that made it into the article, else end of the previous one.

    ``casefold`` can change lengths only for rare letters (ß), so offsets found in
    the folded text are checked against block bounds rather than trusted blindly.
    """
    for snippet, after in anchors:
        found = folded_text.find(snippet)
        if found < 0:
            continue
        block = next((b for b in blocks if b.start <= found < b.end), None)
        if block is not None:
            return block.start if after else block.end
    return blocks[-1].end if blocks else 0


def _neighbours(img: HtmlElement) -> Iterator[tuple[HtmlElement, bool]]:
    for element in img.xpath(f"following::*[{_TEXTUAL}][position() <= 4]"):
        yield element, True
    for element in img.xpath(f"preceding::*[{_TEXTUAL}][position() <= 4]"):
        yield element, False
