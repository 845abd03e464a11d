"""Full-text search over article titles and text (SQLite FTS5), safe for any typed string.

The user's words never reach FTS5's query language raw: they are parsed here into quoted
terms, so quotes, brackets and operators cannot raise. Chinese and Japanese words, which
the index cannot find inside a sentence, are looked for as written. Standard library and
core only.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import unicodedata

from briefer.core.model import SearchHit
from briefer.core.record import Record
from briefer.core.spaceless import has_spaceless

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks around matched words in highlight()
SNIPPET_TOKENS = 24
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
# SQLite's words for a query it cannot run (not a damaged file): no hits, never an error.
_QUERY_ERRORS = ("fts5", "syntax", "unterminated", "too large", "too many")


class Term(Record, frozen=True):
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
    """The best ``limit`` articles for ``query``, best first, with a snippet and spans."""
    clauses = parse_query(query)
    if any(_spaceless(term) for clause in clauses for term in clause):
        return _spaceless_search(conn, _bounded(clauses), limit) if limit > 0 else []
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
        if any(word in str(error) for word in _QUERY_ERRORS):
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
    pattern = _word_pattern(words)
    if pattern is None or not text:
        return "", ()
    spans = tuple(m.span() for m in itertools.islice(pattern.finditer(text), MAX_SPANS))
    if not spans:
        return "", ()
    start, end = spans[0]
    before = text[max(0, start - 120) : start].split()[-SNIPPET_TOKENS // 2 :]
    after = text[end : end + 120].split()[: SNIPPET_TOKENS // 2]
    snippet = " ".join([*before, f"«{text[start:end]}»", *after])
    return "…" + snippet + "…", spans


def _word_pattern(terms: list[Term], *, stems: bool = False) -> re.Pattern[str] | None:
    """The terms as plain case-insensitive words (a phrase's words apart by any spaces).

    With ``stems``, words that begin as each word does less the last letters a stemmer
    takes off ("econom" for economy finds economies): what the Reader selects where the
    index matched a stem that the words as typed do not find.
    """
    if not terms:
        return None

    def phrase(term: Term) -> str:
        if stems:
            return r"\s+".join(
                re.escape(w[: max(3, len(w) - 3)]) + r"\w*" for w in term.words.split()
            )
        return r"\s+".join(map(re.escape, term.words.split())) + (r"\w*" if term.prefix else r"\b")

    return re.compile("|".join(r"\b" + phrase(t) for t in terms), re.IGNORECASE)


# -- Chinese and Japanese ------------------------------------------------------------------
# The index (unicode61) keeps a run of Han and kana from one punctuation mark to the next
# as one word, so 统计局 in 国家统计局周一发布数据 is no word of its own there. A term
# holding such letters is looked for as written in the title and the text instead: a
# scan, with no stemming and case as typed, ANDed with the index's match of the rest.

_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # punctuation around a term, which the index skips
# How often a term (bound twice) occurs in a column. In bytes: counting the characters of
# 20 MB of text would be one more pass over it (0.1 s).
_OCCURRENCES = (
    "(length(CAST({0} AS BLOB)) - length(CAST(replace({0}, ?, '') AS BLOB)))"
    " / length(CAST(? AS BLOB))"
)
SNIPPET_CHARS = 30
"""Characters of Chinese or Japanese either side of the word in a snippet: a line's worth."""


MAX_SPACELESS_TERMS = 32
"""Chinese or Japanese terms looked for at once (and as many left out with -word). Each
is a condition on every text, and SQLite refuses a condition nested a thousand deep (497
terms reached it, reported as a damaged project); a longer query, such as a sentence
pasted from a PDF that spaces every character, is looked for by its first distinct
terms, which already pin an article down."""


def _bounded(clauses: list[list[Term]]) -> list[list[Term]]:
    """``clauses`` less repeats, with at most ``MAX_SPACELESS_TERMS`` Chinese or Japanese
    terms to look for and as many to leave out: past that, a clause's further such terms
    are dropped (an OR group keeps its first alternatives), an exclusion never for a term
    looked for."""
    seen: set[tuple[tuple[str, bool, bool], ...]] = set()
    kept: list[list[Term]] = []
    room = {False: MAX_SPACELESS_TERMS, True: MAX_SPACELESS_TERMS}  # looked for, left out
    for clause in clauses:
        key = tuple((t.words, t.prefix, t.negated) for t in clause)
        if key in seen:
            continue
        seen.add(key)
        negated = clause[0].negated
        spaceless = [t for t in clause if _spaceless(t)]
        if spaceless:
            if room[negated] <= 0:
                continue
            keep = set(map(id, spaceless[: room[negated]]))
            clause = [t for t in clause if not _spaceless(t) or id(t) in keep]
            room[negated] -= len(keep)
        kept.append(clause)
    return kept


def _spaceless(term: Term) -> bool:
    return has_spaceless(term.words)


def _needle(term: Term) -> str:
    """What a Chinese or Japanese term is looked for as: its words, trimmed of the
    punctuation at either end (「統計局」 finds 統計局), the rest as written."""
    return _EDGES.sub("", term.words) or term.words


def _condition(term: Term) -> tuple[str, list[object]]:
    """SQL true for an article (``a``, its body ``b``) that holds the term."""
    if _spaceless(term):
        needle = _needle(term)
        return "(instr(a.title, ?) > 0 OR instr(b.text, ?) > 0)", [needle, needle]
    return "a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)", [term.fts()]


def _spaceless_search(
    conn: sqlite3.Connection, clauses: list[list[Term]], limit: int
) -> list[SearchHit]:
    """Search for a query with a Chinese or Japanese term: ranked by the index when other
    words are looked for there too, else by how often the terms occur, then by id."""
    if all(clause[0].negated for clause in clauses):
        return []  # nothing positive to look for, as with words
    expression = to_fts([c for c in clauses if not any(map(_spaceless, c))])
    where: list[str] = []
    params: list[object] = []
    for clause in clauses:
        if expression is not None and not any(map(_spaceless, clause)):
            continue  # the MATCH holds it, exclusions included
        parts = [_condition(term) for term in clause]
        sql = "(" + " OR ".join(part for part, _ in parts) + ")"
        where.append(f"NOT {sql}" if clause[0].negated else sql)
        params += [value for _, values in parts for value in values]
    needles = [_needle(t) for c in clauses for t in c if not t.negated and _spaceless(t)]
    if expression is not None:
        sql = (
            "SELECT a.id, a.title, -f.rank,"
            " CASE WHEN length(b.text) <= ? THEN highlight(article_fts, 1, ?, ?) END"
            " FROM article_fts f JOIN articles a ON a.id = f.rowid"
            " JOIN article_bodies b ON b.article_id = f.rowid"
            f" WHERE article_fts MATCH ? AND {' AND '.join(where)} ORDER BY f.rank LIMIT ?"
        )
        params = [LONG_TEXT_CHARS, _OPEN, _CLOSE, expression, *params, limit]
    else:
        # How often the terms occur, a title's occurrence weighing as the index weighs it.
        counts = " + ".join(
            f"{_OCCURRENCES.format('b.text')} + 10 * {_OCCURRENCES.format('a.title')}"
            for _ in needles
        )
        sql = (
            f"SELECT a.id, a.title, {counts} AS score, NULL"
            " FROM articles a JOIN article_bodies b ON b.article_id = a.id"
            f" WHERE {' AND '.join(where)} ORDER BY score DESC, a.id LIMIT ?"
        )
        counted = [v for n in needles for v in (n, n, n, n)]
        params = [*counted, *params, limit]
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:
        if any(word in str(error) for word in _QUERY_ERRORS):
            return []
        raise
    hits = []
    for article_id, title, rank, marked in rows:
        found = conn.execute("SELECT text FROM article_bodies WHERE article_id = ?", (article_id,))
        text = str(found.fetchone()[0])
        snippet, offsets = _spaceless_hit(text, clauses, needles, marked)
        hits.append(
            SearchHit(
                article_id=int(article_id),
                title=title,
                snippet=" ".join(snippet.split()),
                rank=float(rank),
                offsets=offsets,
            )
        )
    return hits


def _spaceless_hit(
    text: str, clauses: list[list[Term]], needles: list[str], marked: str | None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A snippet around the first match and the first ``MAX_SPANS`` spans, in text order.

    Words come from the index's marks when it marked them (a short article), else from
    plain word matching, as in a long article; Chinese and Japanese terms from a scan of
    the text. Each capped, so a long article stays linear.
    """
    spans: list[tuple[int, int]] = []
    words = [t for c in clauses for t in c if not t.negated and not _spaceless(t)]
    if marked is not None:
        spans += _offsets(marked)  # the words the index matched, stemmed
        words = [t for c in clauses if any(map(_spaceless, c)) for t in c if t in words]
    pattern = _word_pattern(words)
    if pattern is not None:
        spans += (m.span() for m in itertools.islice(pattern.finditer(text), MAX_SPANS))
    for needle in needles:
        at = text.find(needle)
        for _ in range(MAX_SPANS):
            if at < 0:
                break
            spans.append((at, at + len(needle)))
            at = text.find(needle, at + len(needle))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if not kept or start >= kept[-1][1]:  # one span where two terms overlap
            kept.append((start, end))
    kept = kept[:MAX_SPANS]
    loose = _word_pattern(words, stems=True) if not kept else None
    if loose is not None:  # the index matched a word by its stem ("economy": economies)
        kept = [m.span() for m in itertools.islice(loose.finditer(text), MAX_SPANS)]
    if not kept:  # found in the title only: the opening of the text, as the index shows it
        opening = _context(text[:200], before=False)
        return opening + ("…" if _cut(opening, text, 0, 200, before=False) else ""), ()
    start, end = kept[0]
    before = _context(text[max(0, start - 120) : start], before=True)
    after = _context(text[end : end + 120], before=False)
    lead = "…" if _cut(before, text, max(0, start - 120), start, before=True) else ""
    tail = "…" if _cut(after, text, end, end + 120, before=False) else ""
    return f"{lead}{before}«{text[start:end]}»{after}{tail}", tuple(kept)


_SHOWN = re.compile(r"\S")


def _cut(shown: str, text: str, start: int, end: int, *, before: bool) -> bool:
    """Whether ``shown``, the words of ``text[start:end]`` a snippet keeps, leaves out
    some of them, or there is text beyond that stretch (before it or after it)."""
    solid = len(shown) - sum(map(str.isspace, shown))
    window = text[start:end]
    if solid < len(window) - sum(map(str.isspace, window)):
        return True
    beyond = _SHOWN.search(text, 0, start) if before else _SHOWN.search(text, end)
    return beyond is not None


def _context(side: str, *, before: bool) -> str:
    """The words next to a match: as many as a snippet shows of English, fewer characters
    of Chinese or Japanese, spaces kept where the text has them."""
    half = SNIPPET_TOKENS // 2
    words = side.split()
    words = words[-half:] if before else words[:half]
    joined = " ".join(words)
    if len(joined) > SNIPPET_CHARS and has_spaceless(joined):
        at = len(joined) - SNIPPET_CHARS if before else SNIPPET_CHARS
        while 0 < at < len(joined) and _inside_word(joined, at):  # not half an English word
            at += 1 if before else -1
        joined = joined[at:].lstrip() if before else joined[:at].rstrip()
    if not joined:
        return ""
    gap_before = side[:1].isspace() and not before
    gap_after = side[-1:].isspace() and before
    return (" " if gap_before else "") + joined + (" " if gap_after else "")


def _inside_word(text: str, at: int) -> bool:
    """Whether ``at`` falls between two letters of a word written with spaces around it."""
    pair = text[at - 1 : at + 1]
    return pair.isalnum() and not has_spaceless(pair)
