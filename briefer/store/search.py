"""Full-text search over article titles and text (SQLite FTS5), safe for any typed string.

The user's words never reach FTS5's query language raw: they are parsed here into quoted
terms, so quotes, brackets and operators cannot raise. Standard library and core only.
"""

from __future__ import annotations

import itertools
import re
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


LONG_TEXT_CHARS = 200_000
"""Past this length FTS5's snippet() and highlight() are left alone: they are quadratic in
the matches, and a common word in a 6 MB article took them two and a half minutes (a
60 MB one, hours). Such an article's snippet and spans are found by ``_long_text_hit``."""
MAX_SPANS = 1000
"""Match spans returned for one long article: enough to step through, bounded to keep."""


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    clauses = parse_query(query)
    expression = to_fts(clauses)
    if expression is None or limit <= 0:
        return []
    try:
        rows = conn.execute(
            "SELECT f.rowid, f.title, f.rank,"
            " CASE WHEN b.n <= ? THEN snippet(article_fts, 1, '«', '»', '…', ?) END,"
            " CASE WHEN b.n <= ? THEN highlight(article_fts, 1, ?, ?) END"
            " FROM article_fts f JOIN (SELECT article_id, length(text) AS n FROM article_bodies) b"
            " ON b.article_id = f.rowid WHERE article_fts MATCH ? ORDER BY f.rank LIMIT ?",
            (LONG_TEXT_CHARS, SNIPPET_TOKENS, LONG_TEXT_CHARS, _OPEN, _CLOSE, expression, limit),
        ).fetchall()
    except sqlite3.OperationalError as error:
        if any(word in str(error) for word in ("fts5", "syntax", "unterminated")):
            return []  # the parser should make this unreachable; a typed query never crashes
        raise
    hits = []
    for rowid, title, rank, snippet, marked in rows:
        if marked is None:  # a long article: find its words here, in one pass
            snippet, offsets = _long_text_hit(conn, int(rowid), clauses)
        else:
            offsets = _offsets(marked)
        hits.append(
            SearchHit(
                article_id=int(rowid),
                title=title,
                snippet=" ".join(str(snippet or "").split()),  # one line
                rank=-float(rank),
                offsets=offsets,
            )
        )
    return hits


def _long_text_hit(
    conn: sqlite3.Connection, article_id: int, clauses: list[list[Term]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A snippet and the first ``MAX_SPANS`` spans of the query's words in a long article.

    Plain case-insensitive word matching, not FTS5's stemming: close enough to show where
    the words are, and linear in the text whatever it holds.
    """
    row = conn.execute("SELECT text FROM article_bodies WHERE article_id = ?", (article_id,))
    found = row.fetchone()
    text = str(found[0]) if found is not None else ""
    words = [t for clause in clauses for t in clause if not t.negated]
    if not words or not text:
        return "", ()
    pattern = re.compile(
        "|".join(
            r"\b" + r"\s+".join(map(re.escape, t.words.split())) + (r"\w*" if t.prefix else r"\b")
            for t in words
        ),
        re.IGNORECASE,
    )
    spans = tuple(m.span() for m in itertools.islice(pattern.finditer(text), MAX_SPANS))
    if not spans:
        return "", ()
    start, end = spans[0]
    before = text[max(0, start - 120) : start].split()[-SNIPPET_TOKENS // 2 :]
    after = text[end : end + 120].split()[: SNIPPET_TOKENS // 2]
    snippet = " ".join([*before, f"«{text[start:end]}»", *after])
    return "…" + snippet + "…", spans
