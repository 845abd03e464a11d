"""The domain: plain dataclasses and pure functions. Standard library only, no Qt."""

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
