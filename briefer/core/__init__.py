"""The domain: plain records (core.record) and pure functions. No Qt, no SQL."""

from briefer.core.model import (
    BLOCK_SEPARATOR,
    Article,
    ArticleImage,
    ArticleSummary,
    Block,
    BlockKind,
    Citation,
    Note,
    Original,
    Passage,
    SearchHit,
    Section,
    Theme,
)

__all__ = [
    "BLOCK_SEPARATOR",
    "Article",
    "ArticleImage",
    "ArticleSummary",
    "Block",
    "BlockKind",
    "Citation",
    "Note",
    "Original",
    "Passage",
    "SearchHit",
    "Section",
    "Theme",
]
