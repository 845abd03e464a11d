"""Markdown footnotes as pandoc, GitHub and markdown-it-footnote write them, shown as the
Word importer shows notes: "[1]" marks in the text and a "Notes" list at the end.

Two small markdown-it rules read ``[^label]`` references, ``[^label]: text`` definitions
(later paragraphs indented four spaces) and pandoc's inline ``^[text]`` notes; ``Notes``
numbers them and keeps each note's blocks until the end. Imports markdown-it-py and the
importers' base; never store, session or ui.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from briefer.core.model import BlockKind
from briefer.importers.base import ArticleBuilder

NOTE_OPEN = "footnote_open"
NOTE_CLOSE = "footnote_close"
NOTE_REFERENCE = "footnote_ref"
INLINE_NOTE = "footnote_inline"
NOTES_HEADING = "Notes"
_LABELS = "briefer_footnote_labels"
"""The env key of the labels defined so far: a reference to any other stays text."""
_LABEL = r"\[\^([^\[\]\s]{1,999})\]"
"""A label holds no brackets or white space, as on GitHub: "[^[^[^..." is rejected at
once rather than each "[^" scanning on."""
_DEFINITION = re.compile(_LABEL + ":")
_REFERENCE = re.compile(_LABEL)


def _key(label: str) -> str:
    """Labels match whatever their case, as on GitHub ("[^Note]" finds "[^note]:")."""
    return label.casefold()


def footnotes(md: MarkdownIt) -> None:
    """Teaches ``md`` the footnote syntax. A definition may interrupt a paragraph, so
    definitions on consecutive lines are separate notes, as pandoc and GitHub read them."""
    md.block.ruler.before(
        "reference", "footnote_def", _definition, {"alt": ["paragraph", "reference"]}
    )
    md.inline.ruler.after("image", "footnote_inline", _inline_note)
    md.inline.ruler.after("footnote_inline", "footnote_ref", _reference)


def _definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``[^label]: text``: the note's blocks are the rest of the line, the lines that
    continue its paragraph, and whatever follows indented by four spaces."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    match = _DEFINITION.match(state.src, begin, state.eMarks[start_line])
    if match is None:
        return False
    if silent:
        return True
    label = _key(match.group(1))
    state.env.setdefault(_LABELS, set()).add(label)
    opening = state.push(NOTE_OPEN, "", 1)
    opening.meta = {"label": label}
    opening.map = [start_line, start_line]
    # The first line's text is read as if indented like the lines that continue it.
    after = pos = match.end()
    column = state.sCount[start_line] + after - begin
    indent = column
    while pos < state.eMarks[start_line] and state.src[pos] in " \t":
        indent += 4 - indent % 4 if state.src[pos] == "\t" else 1
        pos += 1
    saved = (
        state.bMarks[start_line],
        state.tShift[start_line],
        state.sCount[start_line],
        state.parentType,
    )
    state.bMarks[start_line] = after
    state.tShift[start_line] = pos - after
    state.sCount[start_line] = indent - column
    state.blkIndent += 4
    state.parentType = "footnote"
    if state.sCount[start_line] < state.blkIndent:
        state.sCount[start_line] += state.blkIndent
    state.md.block.tokenize(state, start_line, end_line)
    state.blkIndent -= 4
    (
        state.bMarks[start_line],
        state.tShift[start_line],
        state.sCount[start_line],
        state.parentType,
    ) = saved
    opening.map[1] = state.line
    state.push(NOTE_CLOSE, "", -1)
    return True


def _reference(state: StateInline, silent: bool) -> bool:
    """``[^label]`` where ``label`` is defined; an undefined one stays as it was typed."""
    labels = state.env.get(_LABELS)
    if not labels or not state.src.startswith("[^", state.pos):
        return False
    match = _REFERENCE.match(state.src, state.pos, state.posMax)
    if match is None or _key(match.group(1)) not in labels:
        return False
    if not silent:
        token = state.push(NOTE_REFERENCE, "", 0)
        token.meta = {"label": _key(match.group(1))}
    state.pos = match.end()
    return True


def _inline_note(state: StateInline, silent: bool) -> bool:
    """pandoc's ``^[the note's text]``, written where it is referenced."""
    if not state.src.startswith("^[", state.pos):
        return False
    end = state.md.helpers.parseLinkLabel(state, state.pos + 1)
    if end < 0:
        return False
    if not silent:
        token = state.push(INLINE_NOTE, "", 0)
        token.children = []
        state.md.inline.parse(state.src[state.pos + 2 : end], state.md, state.env, token.children)
    state.pos = end + 1
    return True


class Notes:
    """The marks given in the text, in order of first reference, and each note's blocks,
    kept apart until ``add_to`` lists them at the end."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._defined: list[tuple[str, ArticleBuilder]] = []
        self._open: list[ArticleBuilder] = []
        self._inline = 0
        self._offset_before = -1
        """The body's length when the last definition began."""

    def mark(self, label: str) -> str:
        """The mark "[n]" of ``label``: the number it got where it was first referenced."""
        return f"[{self._numbers.setdefault(label, len(self._numbers) + 1)}]"

    def inline(self, text: str) -> str:
        """The mark of an inline note, whose text is ``text``."""
        self._inline += 1
        label = f" {self._inline}"  # no written label holds a space
        note = ArticleBuilder()
        note.add(BlockKind.PARAGRAPH, text)
        self._defined.append((label, note))
        return self.mark(label)

    def open(self, label: str, builder: ArticleBuilder) -> None:
        if not self._open:
            self._offset_before = builder.offset
        note = ArticleBuilder()
        self._defined.append((label, note))
        self._open.append(note)

    def close(self) -> None:
        if self._open:
            self._open.pop()

    @property
    def inside(self) -> bool:
        """Whether the blocks read now belong to a note."""
        return bool(self._open)

    def sink(self, builder: ArticleBuilder) -> ArticleBuilder:
        """Where the block read now goes: the open note's own builder, else ``builder``."""
        return self._open[-1] if self._open else builder

    def add_to(self, builder: ArticleBuilder) -> None:
        """The notes at the end of ``builder``, each opening with its mark: the referenced
        ones by number, then those never referenced (and later definitions of a label
        already defined), numbered on, so nothing written is lost.

        Under a "Notes" heading, as from Word, unless the body ends with a heading that
        only definitions follow ("## Sources"): that heading is the author's for them.
        """
        listed: dict[str, ArticleBuilder] = {}
        unreferenced: list[ArticleBuilder] = []
        for label, note in self._defined:
            if label in self._numbers and label not in listed:
                listed[label] = note
            elif not note.is_empty():
                unreferenced.append(note)
        by_number = sorted(listed.items(), key=lambda item: self._numbers[item[0]])
        marked = [(self._numbers[label], note) for label, note in by_number]
        marked += enumerate(unreferenced, start=len(self._numbers) + 1)
        marked = [(number, note) for number, note in marked if not note.is_empty()]
        if not marked:
            return
        blocks = builder.blocks
        follows_heading = bool(blocks) and blocks[-1].kind is BlockKind.HEADING
        if not (follows_heading and builder.offset == self._offset_before):
            builder.add(BlockKind.HEADING, NOTES_HEADING, level=1)
        for number, note in marked:
            text = note.text()
            for index, block in enumerate(note.blocks):
                part = text[block.start : block.end]
                if index == 0:
                    part = f"[{number}] {part}"
                if block.kind is BlockKind.HEADING or (
                    index == 0 and block.kind is BlockKind.TABLE_ROW
                ):
                    builder.add(BlockKind.PARAGRAPH, part)
                else:
                    builder.add(block.kind, part, level=block.level, ordered=block.ordered)
