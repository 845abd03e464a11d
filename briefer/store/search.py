"""Full-text search over article titles and text (SQLite FTS5), safe for any typed string.

The user's words never reach FTS5's query language raw: they are parsed here into quoted
terms, so quotes, brackets and operators cannot raise. Standard library and core only.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass

from briefer.core.model import SearchHit

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks around matched words in highlight()
SNIPPET_TOKENS = 24
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


@dataclass(frozen=True, slots=True)
class Term:
    """One thing to look for: a word or a phrase, maybe a prefix, maybe excluded."""

    words: str
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        quoted = '"' + self.words.replace('"', '""') + '"'
        return quoted + "*" if self.prefix else quoted


def _searchable(words: str) -> bool:
    return any(ch.isalnum() for ch in words)


def parse_query(query: str) -> list[list[Term]]:
    """Clauses to AND together, each a list of alternatives to OR.

    ``"a phrase"`` is a phrase (an unclosed quote runs to the end), ``word*`` a prefix,
    ``-word`` or ``NOT word`` excludes, an upper-case ``OR`` joins its neighbours, ``AND``
    is what plain words already mean, ``NEAR`` and brackets are ignored; anything else is
    just words.
    """
    # Control characters (NUL above all) end an FTS5 string early; they are never words.
    query = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in query)
    clauses: list[list[Term]] = []
    join_next = negate_next = False
    at, length = 0, len(query)
    while at < length:
        ch = query[at]
        if ch.isspace() or ch in "()":  # brackets group nothing here; they only separate
            at += 1
            continue
        negated = negate_next
        negate_next = False
        if ch == "-" and at + 1 < length and not query[at + 1].isspace():
            negated = True
            at += 1
            ch = query[at]
        if ch == '"':
            close = query.find('"', at + 1)
            end = length if close < 0 else close
            words = query[at + 1 : end]
            at = end + 1
            prefix = at < length and query[at] == "*"
            if prefix:
                at += 1
        else:
            end = at
            while end < length and not query[end].isspace() and query[end] not in '"()':
                end += 1
            words = query[at:end]
            at = end
            if not negated and words in _OPERATORS:
                join_next = words == "OR" and bool(clauses)
                negate_next = words == "NOT"
                continue
            prefix = words.endswith("*")
            words = words.rstrip("*")
        if not _searchable(words):
            continue
        term = Term(words, prefix=prefix, negated=negated)
        if join_next and not negated and not clauses[-1][0].negated:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
    return clauses


def to_fts(clauses: list[list[Term]]) -> str | None:
    """The FTS5 expression, or ``None`` when nothing positive is left to look for."""

    def group(terms: list[Term]) -> str:
        if len(terms) == 1:
            return terms[0].fts()
        return "(" + " OR ".join(t.fts() for t in terms) + ")"

    positive = [group(c) for c in clauses if not c[0].negated]
    negative = [c[0].fts() for c in clauses if c[0].negated]
    if not positive:
        return None
    expression = " AND ".join(positive)
    if negative:
        expression = f"({expression}) NOT ({' OR '.join(negative)})"
    return expression


def _offsets(marked: str) -> tuple[tuple[int, int], ...]:
    """Spans of the marked words in the unmarked text; none if the text had our marks."""
    spans: list[tuple[int, int]] = []
    removed = 0
    at = marked.find(_OPEN)
    while at >= 0:
        close = marked.find(_CLOSE, at + 1)
        if close < 0:
            return ()
        spans.append((at - removed, close - removed - 1))
        removed += 2
        at = marked.find(_OPEN, close + 1)
    if marked.count(_OPEN) != len(spans) or marked.count(_CLOSE) != len(spans):
        return ()
    return tuple(spans)


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    expression = to_fts(parse_query(query))
    if expression is None or limit <= 0:
        return []
    try:
        rows = conn.execute(
            "SELECT rowid, title, rank, snippet(article_fts, 1, '«', '»', '…', ?),"
            " highlight(article_fts, 1, ?, ?) FROM article_fts WHERE article_fts MATCH ?"
            " ORDER BY rank LIMIT ?",
            (SNIPPET_TOKENS, _OPEN, _CLOSE, expression, limit),
        ).fetchall()
    except sqlite3.OperationalError as error:
        if any(word in str(error) for word in ("fts5", "syntax", "unterminated")):
            return []  # the parser should make this unreachable; a typed query never crashes
        raise
    return [
        SearchHit(
            article_id=int(rowid),
            title=title,
            snippet=" ".join(snippet.split()),  # one line, whatever paragraphs it spans
            rank=-float(rank),
            offsets=_offsets(marked),
        )
        for rowid, title, rank, snippet, marked in rows
    ]
