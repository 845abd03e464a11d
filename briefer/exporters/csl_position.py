"""Where each cite stands in the document: CSL 1.0.2's ``position`` (first, subsequent, ibid, ...).

A pure function of the sequence of citations, so a note style's short form
and "Ibid." follow the specification whatever the CSL processor does itself
(citeproc-py decides from its own render order and counts citations, not
notes, for ``near-note``). Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.core.record import Record

FIRST = "first"
SUBSEQUENT = "subsequent"
IBID = "ibid"
IBID_WITH_LOCATOR = "ibid-with-locator"
NEAR_NOTE = "near-note"
DEFAULT_NEAR_NOTE_DISTANCE = 5
"""CSL's default for the style option ``near-note-distance``."""


class Cite(Record, frozen=True):
    """One reference to an item inside a citation; ``label`` is the locator's kind (page, ...)."""

    key: str
    locator: str = ""
    label: str = "page"

    @property
    def has_locator(self) -> bool:
        return bool(self.locator)

    def same_locator(self, other: Cite) -> bool:
        return (self.locator, self.label) == (other.locator, other.label)


class Citation(Record, frozen=True):
    """What one citation mark holds: its cites, and the note it sits in (1-based).

    ``note`` is the footnote number in a note style; in an in-text style
    each citation can simply be numbered in order.
    """

    cites: tuple[Cite, ...]
    note: int


class Position(Record, frozen=True):
    """Every ``position`` test that is true for one cite, and the note it was first cited in.

    As the specification says, ``ibid-with-locator`` implies ``ibid``, and
    ``ibid`` and ``near-note`` imply ``subsequent``; so ``tests`` holds all
    of them and a style's ``<if position="...">`` is a membership test.
    """

    tests: frozenset[str]
    first_reference_note_number: int

    @property
    def name(self) -> str:
        """The most specific position: what a person would call it."""
        for name in (IBID_WITH_LOCATOR, IBID, SUBSEQUENT):
            if name in self.tests:
                return name
        return FIRST

    def matches(self, test: str) -> bool:
        return test in self.tests


def decide_positions(
    citations: Sequence[Citation], near_note_distance: int = DEFAULT_NEAR_NOTE_DISTANCE
) -> list[tuple[Position, ...]]:
    """The position of every cite of every citation, in document order.

    Follows CSL 1.0.2 ("Position" under Choose): a cite of an item not
    cited before is ``first``; otherwise ``subsequent``, and also ``ibid``
    or ``ibid-with-locator`` when (a) it follows a cite of the same item
    inside the same citation, or (b) it is the first cite of a citation
    whose previous citation is a single cite of the same item. Then:
    without a preceding locator, a locator makes it ``ibid-with-locator``,
    else ``ibid``; with a preceding locator, the same locator gives
    ``ibid``, a different one ``ibid-with-locator``, and none at all leaves
    only ``subsequent``. ``near-note`` holds when the item was last cited
    at most ``near_note_distance`` notes before.
    """
    first_note: dict[str, int] = {}
    last_note: dict[str, int] = {}
    result: list[tuple[Position, ...]] = []
    previous: Citation | None = None
    for citation in citations:
        positions: list[Position] = []
        for index, cite in enumerate(citation.cites):
            if cite.key not in first_note:
                positions.append(Position(frozenset({FIRST}), citation.note))
                first_note[cite.key] = last_note[cite.key] = citation.note
                continue
            tests = {SUBSEQUENT}
            before: Cite | None = None
            if index > 0:
                before = citation.cites[index - 1]
            elif previous is not None and len(previous.cites) == 1:
                before = previous.cites[0]
            if before is not None and before.key == cite.key:
                tests |= _ibid_tests(cite, before)
            if citation.note - last_note[cite.key] <= near_note_distance:
                tests.add(NEAR_NOTE)
            positions.append(Position(frozenset(tests), first_note[cite.key]))
            last_note[cite.key] = citation.note
        result.append(tuple(positions))
        previous = citation
    return result


def _ibid_tests(cite: Cite, before: Cite) -> set[str]:
    if not before.has_locator:
        return {IBID, IBID_WITH_LOCATOR} if cite.has_locator else {IBID}
    if not cite.has_locator:
        return set()
    if cite.same_locator(before):
        return {IBID}
    return {IBID, IBID_WITH_LOCATOR}
