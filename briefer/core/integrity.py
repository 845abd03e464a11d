"""Before a note leaves Briefer: does every quotation still say what its source says?

An analyst edits drafts freely, and a word changed inside quotation marks
misquotes a source under the analyst's name. This check compares each
quotation that ends in a citation with the passage it cites, word for word,
and the passage with its article; it also lists sources a reader could not
trace (no date, no publisher), and a passage quoted more than once. Words the
analyst writes around a citation without quotation marks are a paraphrase and are
not compared.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence

from briefer.core.citations import (
    CITATION_PATTERN,
    citation_occurrences,
    citation_token,
    find_citations,
    missing_marker,
    strip_enclosing_quotes,
)
from briefer.core.entities import unescape_html
from briefer.core.model import Article, Note, Passage, Section
from briefer.core.patterns import compiled
from briefer.core.record import Record


class ProblemKind(enum.StrEnum):
    EMPTY_NOTE = "empty_note"
    MISSING_PASSAGE = "missing_passage"
    MISSING_ARTICLE = "missing_article"
    QUOTE_CHANGED = "quote_changed"
    SOURCE_CHANGED = "source_changed"
    NO_DATE = "no_date"
    NO_PUBLISHER = "no_publisher"
    GUIDANCE_ONLY = "guidance_only"
    QUOTED_AGAIN = "quoted_again"
    SAME_TITLE = "same_title"
    UNCITED_QUOTE = "uncited_quote"


_WARNINGS = frozenset({
    ProblemKind.NO_DATE, ProblemKind.NO_PUBLISHER, ProblemKind.GUIDANCE_ONLY,
    ProblemKind.QUOTED_AGAIN, ProblemKind.SAME_TITLE, ProblemKind.UNCITED_QUOTE,
})  # fmt: skip
_STRICT = frozenset({ProblemKind.GUIDANCE_ONLY, ProblemKind.UNCITED_QUOTE})
"""Warnings a strict export still refuses: an unwritten section or a quotation nobody
can trace is not a finished note."""


class Problem(Record, frozen=True):
    kind: ProblemKind
    message: str
    section: str = ""
    passage_id: int | None = None
    article_id: int | None = None
    section_id: int | None = None
    footnote: int | None = None
    """The footnote number the exported note gives the citation (``None``: note-wide)."""
    occurrence: int = 0
    """Which of the passage's citations in the section it is (0: the first): where Go to
    lands when a section cites one passage more than once."""

    @property
    def blocking(self) -> bool:
        """Would a reader be misled? Missing dates or publishers only weaken a source."""
        return self.kind not in _WARNINGS

    @property
    def refused_when_strict(self) -> bool:
        """Would ``--strict`` refuse to write? Blocking problems, and unwritten sections."""
        return self.blocking or self.kind in _STRICT


def check_note(
    note: Note, passages: Mapping[int, Passage], articles: Mapping[int, Article]
) -> list[Problem]:
    """Every problem in ``note``: note-wide first, then section by section, then passages
    quoted more than once and sources a reader could not trace."""
    sections = sorted(note.sections, key=lambda s: s.position)
    exported = sections_to_export(note)
    printed = {id(s) for s in exported}  # the same objects, sorted alike
    if not any(_words(s.heading) or _words(s.body) for s in exported):
        return [
            Problem(
                ProblemKind.EMPTY_NOTE,
                f'The note "{note.title}" has no text yet; '
                "draft it from themes or write a section.",
            )
        ]
    problems: list[Problem] = []
    cited_articles: list[int] = []
    quoted_in: dict[int, list[Place]] = {}
    footnotes_before = 0
    for index, section in enumerate(sections):
        where = f'"{section.heading}"' if section.heading.strip() else "an untitled section"
        # The numbers the exported note prints: one footnote per citation whose source
        # is still there (a missing one prints a marker instead, with no number).
        numbers: dict[int, list[int]] = {}
        sites = _quotation_sites(section.body)
        site_numbers: dict[int, int] = {}  # each quotation's own footnote
        site_occurrence: dict[int, int] = {}  # and which of its passage's citations it is
        cited_so_far: dict[int, int] = {}
        for pid, site in _citations(section.body, sites):
            occurrence = cited_so_far.get(pid, 0)
            cited_so_far[pid] = occurrence + 1
            if site is not None:
                site_occurrence[site] = occurrence
            cited = passages.get(pid)
            if cited is not None and cited.article_id in articles:
                footnotes_before += 1
                numbers.setdefault(pid, []).append(footnotes_before)
                if site is not None:
                    quoted_in.setdefault(pid, []).append(
                        Place(index, section, footnotes_before, occurrence)
                    )
                    site_numbers[site] = footnotes_before
        if id(section) not in printed:
            problems.append(Problem(ProblemKind.GUIDANCE_ONLY,
                f"The section {where} is not written yet: it holds only its guidance"
                f' ("{_short(section.guidance, 60)}"), so it is left out of the export. Write'
                " it, or remove the section.",
                section.heading, section_id=section.id))  # fmt: skip
        for passage_id in find_citations(section.body):
            passage = passages.get(passage_id)
            marker = missing_marker(passage_id)
            if passage is None:
                problems.append(Problem(ProblemKind.MISSING_PASSAGE,
                    f"In {where}, a citation points to a passage that has been deleted (the "
                    f"export shows {marker} there); remove it or cite another passage.",
                    section.heading, passage_id, section_id=section.id))  # fmt: skip
                continue
            article = articles.get(passage.article_id)
            if article is None:
                problems.append(Problem(ProblemKind.MISSING_ARTICLE,
                    f"In {where}, a quotation's source has been deleted from the project (the "
                    f"export shows {marker} there); remove the quotation or re-import the "
                    "article.", section.heading, passage_id, passage.article_id,
                    section_id=section.id))  # fmt: skip
                continue
            number = numbers[passage_id][0]
            if passage.article_id not in cited_articles:
                cited_articles.append(passage.article_id)
            if _words(article.text[passage.start : passage.end]) != _words(passage.text):
                problems.append(Problem(ProblemKind.SOURCE_CHANGED,
                    f'In {where}, the passage at footnote {number} no longer matches'
                    f' "{article.title}" at its place; open it from the composer and tag it'
                    " again.",
                    section.heading, passage_id, article.id, footnote=number,
                    section_id=section.id))  # fmt: skip
        problems += _uncited_quotations(section, where)
        for site, (passage_id, _, quoted) in enumerate(sites):
            passage = passages.get(passage_id)
            if passage is None or passage.article_id not in articles:
                continue
            expected = _words(strip_enclosing_quotes(passage.text))
            if not any(_words(q) in (expected, _words(passage.text)) for q in quoted):
                source = _short(articles[passage.article_id].title, 60)
                quoted_at = site_numbers.get(site)
                footnote = f" at footnote {quoted_at}" if quoted_at else ""
                problems.append(Problem(ProblemKind.QUOTE_CHANGED,
                    f'In {where}, the quotation{footnote} from "{source}" '
                    f'no longer matches its source, which reads "{_short(passage.text)}". '
                    "Undo the edit or insert the passage again.",
                    section.heading, passage_id, passage.article_id, footnote=quoted_at,
                    occurrence=site_occurrence.get(site, 0), section_id=section.id))  # fmt: skip
    for passage_id, repeats in quoted_in.items():
        if len(repeats) > 1:
            problems.append(_quoted_again(passages[passage_id], passage_id, repeats))
    named = _source_names([articles[a] for a in cited_articles])
    for article_id, name in zip(cited_articles, named, strict=True):
        article = articles[article_id]
        if article.published is None:
            problems.append(Problem(ProblemKind.NO_DATE,
                f"The source {name} has no publication date; a reader cannot "
                "tell how current it is. Add it in the article's details.",
                article_id=article_id))  # fmt: skip
        if not article.publisher.strip():
            problems.append(Problem(ProblemKind.NO_PUBLISHER,
                f"The source {name} has no publisher; a reader cannot tell who "
                "said it. Add it in the article's details.", article_id=article_id))  # fmt: skip
    problems += _same_titles(cited_articles, articles, named)
    return problems


def _uncited_quotations(section: Section, where: str) -> list[Problem]:
    """Quotations in ``section`` with no citation. A drafted quotation ends in its
    citation; one without it is most often a quotation whose citation was typed over or
    deleted, and the words then go out with no footnote, unchecked against any source.
    A warning (an epigraph may be meant), which ``--strict`` refuses."""
    return [
        Problem(
            ProblemKind.UNCITED_QUOTE,
            f'In {where}, a quotation has no citation ("{_short(text, 60)}"): a reader'
            " cannot tell whose words they are, and they are not checked against a source."
            " Undo the edit that removed its citation, insert the passage again, or make it"
            " your own text.",
            section.heading,
            section_id=section.id,
        )
        for text in uncited_quotations(section.body)
    ]


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_RUN_IN_QUOTATION = r'(?:^|(?<=[\s(\[—–-]))["“]([^"“”]+)["”]'  # compiled at first use
RUN_IN_WORDS = 8
"""How long a quotation in a paragraph without any citation is taken for a quotation of
a source: shorter ones are a phrase's own marks (a title, a so-called "term")."""


def uncited_quotations(body: str) -> list[str]:
    """Quotations in ``body`` no citation vouches for: each block quotation (its ``>``
    lines together) without one, and each run-in quotation of RUN_IN_WORDS words or more
    in a paragraph that cites nothing (a citation later in the paragraph, after "she
    said", vouches for it). Code is skipped."""
    found: list[str] = []
    for quoted, lines in _paragraphs(body):
        text = " ".join(" ".join(lines).split())
        if CITATION_PATTERN.search(text):
            continue
        if quoted:
            if text.strip('>"“” '):
                found.append(text)
            continue
        found += [
            match.group(0)
            for match in compiled(_RUN_IN_QUOTATION).finditer(text)
            if len(match.group(1).split()) >= RUN_IN_WORDS
        ]
    return found


def _paragraphs(body: str) -> list[tuple[bool, list[str]]]:
    """``body``'s paragraphs outside code fences, each a block quotation (True; its
    ``>`` markers removed) or not; a blank line, or a change between the two, ends one."""
    found: list[tuple[bool, list[str]]] = []
    lines: list[str] = []
    quoted = False
    fence = ""
    for line in [*body.split("\n"), ""]:
        opened = _FENCE.match(line)
        if fence or opened:
            if opened and not fence:
                fence = opened.group(1)
                if lines:
                    found.append((quoted, lines))
                    lines = []
            elif opened and opened.group(1).startswith(fence):
                fence = ""
            continue
        is_quote = bool(_QUOTE_PREFIX.match(line))
        ended = not line.strip() or (is_quote and not quoted)  # a quotation opens
        if lines and ended:
            found.append((quoted, lines))
            lines = []
        if is_quote:
            lines.append(_QUOTE_PREFIX.sub("", line, count=1))
            quoted = True
        elif line.strip():
            if not lines:
                quoted = False
            lines.append(line)  # in a block quotation: a lazy continuation line
    return found


def _title_key(title: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in title.casefold()).split())


def _source_names(cited: Sequence[Article]) -> list[str]:
    """How the check names each cited source: its title in quotes, and where two cited
    sources share a title (a report imported as Word and as PDF), the file it came from,
    so that each one's warnings can be told apart."""
    counts: dict[str, int] = {}
    for article in cited:
        counts[_title_key(article.title)] = counts.get(_title_key(article.title), 0) + 1
    names = []
    for article in cited:
        name = f'"{article.title}"'
        if counts[_title_key(article.title)] > 1:
            origin = article.source_name or article.url or f"article {article.id}"
            name += f" ({origin})"
        names.append(name)
    return names


def _same_titles(
    cited: Sequence[int], articles: Mapping[int, Article], named: Sequence[str]
) -> list[Problem]:
    """Two cited sources under one title are most often one report imported twice (a Word
    file and its PDF): the Sources list would name it twice. A warning, as two reports may
    share a title; the second source is the one Go to shows."""
    first_of: dict[str, int] = {}
    problems = []
    for index, article_id in enumerate(cited):
        key = _title_key(articles[article_id].title)
        if not key:
            continue
        if key not in first_of:
            first_of[key] = index
            continue
        first = first_of[key]
        problems.append(Problem(ProblemKind.SAME_TITLE,
            f"Two sources have the same title, {named[first]} and {named[index]}: if they "
            "are copies of one report, quote one of them, so the Sources list names it once.",
            article_id=article_id))  # fmt: skip
    return problems


def sections_to_export(note: Note) -> tuple[Section, ...]:
    """The sections of ``note`` an export prints, in order: all but the unwritten ones.

    A section is unwritten when its body is empty and it holds the template's guidance
    (which is never exported) and none of its sub-sections (the sections after it of a
    deeper level) is printed: exported, it would be a bare heading, and a page ending in
    four headings in a row reads as a broken document. A section the analyst emptied
    without guidance keeps its heading (it was cleared on purpose, perhaps to be filled
    in Word), and so does a parent one of whose sub-sections is printed. The exporters,
    the preview and the page count print these, and the check names the others.
    """
    ordered = sorted(note.sections, key=lambda s: s.position)
    printed = [False] * len(ordered)
    for index in range(len(ordered) - 1, -1, -1):  # sub-sections are decided first
        section = ordered[index]
        printed[index] = not section.guidance.strip() or bool(_words(section.body))
        after = index + 1
        while not printed[index] and after < len(ordered):
            if ordered[after].level <= section.level:
                break
            printed[index] = printed[after]
            after += 1
    return tuple(s for s, kept in zip(ordered, printed, strict=True) if kept)


class Place(Record, frozen=True):
    """Where a passage is quoted: the section (and its index), the footnote, and which of
    the passage's citations in that section it is."""

    section_index: int
    section: Section
    footnote: int
    occurrence: int


def _quoted_again(passage: Passage, passage_id: int, places: list[Place]) -> Problem:
    """One passage quoted at several ``places``: the reader meets the same words twice,
    with two footnotes (a passage drafted under two themes, or inserted twice by hand).
    Go to shows the second quotation, the one to delete."""
    footnotes: dict[int, list[int]] = {}
    for place in places:
        footnotes.setdefault(place.section_index, []).append(place.footnote)
    headings = {place.section_index: place.section.heading for place in places}
    parts = []
    for index, numbers in footnotes.items():
        name = f'"{headings[index]}"' if headings[index].strip() else "an untitled section"
        label = "footnotes" if len(numbers) > 1 else "footnote"
        parts.append(f"{name} ({label} {_and(map(str, numbers))})")
    again = places[1]
    times = "twice" if len(places) == 2 else f"{len(places)} times"
    return Problem(ProblemKind.QUOTED_AGAIN,
        f'The passage "{_short(passage.text, 60)}" is quoted {times}, in {_and(parts)}: keep '
        f"one quotation and delete the other{'s' if len(places) > 2 else ''}.",
        again.section.heading, passage_id, passage.article_id, section_id=again.section.id,
        footnote=again.footnote, occurrence=again.occurrence)  # fmt: skip


def _and(items: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    listed = list(items)
    return " and ".join(filter(None, [", ".join(listed[:-1]), *listed[-1:]]))


def quotations(body: str) -> list[tuple[int, list[str]]]:
    """Each citation that closes a quotation, with the possible readings of the quoted words.

    A quotation is text in a block quote that ends with ``"`` right before
    the citation token (as the composer inserts it). Where it opens is
    ambiguous if a quoted paragraph itself starts with ``"``, so every
    candidate opening is returned and a match with any of them is enough.
    """
    return [(passage_id, readings) for passage_id, _, readings in _quotation_sites(body)]


Sites = list[tuple[int, tuple[int, int], list[str]]]
"""Quotations: each closing citation's passage, where its token lies, the quoted words."""


def _citations(body: str, sites: Sites) -> list[tuple[int, int | None]]:
    """Every citation in ``body`` in reading order, and which of ``sites`` (the quotation
    it closes) it is, if any. A token in code or escaped cites nothing, so each quotation's
    own token is marked with a number no citation has, and the citations are read once."""
    if not sites:
        return [(passage_id, None) for passage_id in citation_occurrences(body)]
    mark = 1 + max(int(m.group(1)) for m in CITATION_PATTERN.finditer(body))
    pieces, at = [], 0
    for number, (_, (start, end), _) in enumerate(sites):
        pieces += [body[at:start], citation_token(mark + number)]
        at = end
    return [
        (sites[cited - mark][0], cited - mark) if cited >= mark else (cited, None)
        for cited in citation_occurrences("".join([*pieces, body[at:]]))
    ]


MAX_OPENINGS = 32
"""How many possible opening marks one quotation is read from: the first (where a
drafted quotation opens) and the nearest others. A paragraph of hundreds of run-in
quotations (or a crafted one of thousands of marks) made the check read every earlier
mark for every citation: cubic, a minute at 1,000. A quotation that opens past them,
in the middle of its paragraph, reads as changed: reported, never passed over."""


def _bounded(openings: list[int]) -> list[int]:
    """The first of ``openings`` and the nearest others, MAX_OPENINGS in all."""
    if len(openings) <= MAX_OPENINGS:
        return openings
    return [openings[0], *openings[1 - MAX_OPENINGS :]]


AFTER_CLOSING = " \t,.;:!?"
"""What may follow a quotation's closing mark before its citation."""
_RUN_IN_OPENING = re.compile(r'(?:^|(?<=[\s(\[—–-]))"')


def _quotation_sites(body: str) -> Sites:
    """``quotations``, with where each closing citation token lies in ``body``."""
    found: Sites = []
    lines = body.split("\n")
    line_start = 0
    for number, line in enumerate(lines):
        if number:
            line_start += len(lines[number - 1]) + 1
        after_citation = 0  # a quotation never holds a citation: it opens after the last
        for match in CITATION_PATTERN.finditer(line):
            # Punctuation may stand between the closing mark and the citation
            # ("...", [@p3]); a quotation is compared all the same.
            before = line[after_citation : match.start()].rstrip().rstrip(AFTER_CLOSING)
            opened_at = after_citation
            after_citation = match.end()
            if not before.endswith('"') or before.endswith('\\"'):
                continue
            block = _quote_lines(lines, number, before) if opened_at == 0 else None
            if block is None:
                block = _run_in_lines(lines, number, before) if opened_at == 0 else [before]
            starts = [
                i
                for i, text in enumerate(block)
                if text.startswith('"') and (i, text) != (len(block) - 1, '"')
            ]
            candidates = [" ".join(block[i:])[1:-1] for i in _bounded(starts)]
            if len(block) > 1 and len(starts) == len(block) - (block[-1] == '"'):
                # An opening mark on every paragraph, closed once at the end.
                candidates.append(" ".join(text[1:] for text in block)[:-1])
            if len(block) == 1:
                # A run-in quotation may open anywhere in its paragraph.
                openings = [m.start() for m in _RUN_IN_OPENING.finditer(block[0])]
                candidates += [block[0][at + 1 : -1] for at in _bounded(openings) if at > 0]
            if candidates:
                span = (line_start + match.start(), line_start + match.end())
                found.append((int(match.group(1)), span, [_unescape(c) for c in candidates]))
    return found


_QUOTE_PREFIX = re.compile(r"^ {0,3}> ?")


def _run_in_lines(lines: list[str], number: int, last: str) -> list[str]:
    """The paragraph up to a citation outside any block quote, as one line."""
    paragraph = [last]
    for previous in (lines[i] for i in range(number - 1, -1, -1)):
        if not previous.strip() or _QUOTE_PREFIX.match(previous):
            break
        paragraph.append(_after_last_citation(previous))
        if len(paragraph[-1]) < len(previous):
            break
    return [" ".join(line.strip() for line in reversed(paragraph))]


def _after_last_citation(line: str) -> str:
    """What of ``line`` a quotation closed further on can hold: a quotation holds no
    citation, so it opens after the line's last one (and reading stops there)."""
    ends = [match.end() for match in CITATION_PATTERN.finditer(line)]
    return line[ends[-1] :] if ends else line


def _quote_lines(lines: list[str], number: int, last: str) -> list[str] | None:
    """The block-quote lines up to the citation, without their ``>`` markers."""
    if not _QUOTE_PREFIX.match(last):
        return None
    block = [_QUOTE_PREFIX.sub("", last, count=1)]
    for previous in (lines[i] for i in range(number - 1, -1, -1)):
        if not _QUOTE_PREFIX.match(previous):
            break
        text = _QUOTE_PREFIX.sub("", previous, count=1)
        block.append(_after_last_citation(text))
        if len(block[-1]) < len(text):
            break
    return [line.strip() for line in reversed(block) if line.strip()]


_ESCAPE_OR_REFERENCE = re.compile(r"\\([!-/:-@\[-`{-~])|&#[0-9]{1,7};|&#[xX][0-9a-fA-F]{1,6};")


def _unescape(text: str) -> str:
    """Backslash escapes and numeric references back to characters, in one pass."""
    return _ESCAPE_OR_REFERENCE.sub(
        lambda m: m.group(1) if m.group(1) is not None else unescape_html(m.group(0)), text
    )


def _words(text: str) -> list[str]:
    return text.split()


def _short(text: str, limit: int = 80) -> str:
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 1].rstrip() + "…"
