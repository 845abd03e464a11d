"""Word's body and notes parts read as a stream, so memory follows the text, not the XML.

lxml's iterparse walks a part straight from its ZIP member; each paragraph,
cell, row and table becomes text when it closes and is then dropped from the
tree; the tables open around the reading are docx_tables'. Imports core, the
importers' base, docx_parts, docx_tables and lxml; never store, session or ui.
"""

from __future__ import annotations

from typing import IO, Any

from lxml import etree

from briefer.core.model import BlockKind
from briefer.importers.base import Deadline
from briefer.importers.docx_fields import FLD_CHAR, FLD_SIMPLE, INSTR, Field, field_text, in_results
from briefer.importers.docx_parts import (
    SAFE_XML,
    Piece,
    Readable,
    Styles,
    TransitionalStream,
    drop,
    w,
)
from briefer.importers.docx_runs import (
    MATH_SYMBOLS,
    RunLooks,
    custom_mark,
    math_symbols,
    math_text,
    ruby_after_base,
    symbol_text,
)
from briefer.importers.docx_tables import Table, TableRows
from briefer.importers.symbol_font import recoded

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
P, TBL, TR, TC, TCPR = w("p"), w("tbl"), w("tr"), w("tc"), w("tcPr")
TXBX, FOOTNOTE, ENDNOTE = w("txbxContent"), w("footnote"), w("endnote")
FALLBACK = f"{{{_MC}}}Fallback"
_T, _TAB, _PTAB, _BR, _CR = w("t"), w("tab"), w("ptab"), w("br"), w("cr")
_NO_BREAK_HYPHEN, _TABS, _SYM = w("noBreakHyphen"), w("tabs"), w("sym")
_MATH_T = f"{{{_MATH}}}t"
"""Text of an equation (OMML): kept, since a formula's symbols and words are content."""
ALT_CHUNK = w("altChunk")
_FOOTNOTE_REF, _ENDNOTE_REF = w("footnoteReference"), w("endnoteReference")
BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
DIAGRAM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
_DRAWN = (DIAGRAM, CHART)
"""Drawings whose words live in parts of their own: SmartArt, charts."""
_WORD_ART = "{urn:schemas-microsoft-com:vml}textpath"
"""WordArt as Word 2003 and 2007 (and later, in compatibility mode) write it: a VML shape
whose text is the ``string`` of its text path, outside any text box."""
_DRAWINGS = (BLIP, *_DRAWN, _WORD_ART)
_READ = (
    *(_T, _MATH_T, _TAB, _PTAB, _BR, _CR, _NO_BREAK_HYPHEN, _FOOTNOTE_REF, _ENDNOTE_REF),
    *(BLIP, *_DRAWN, _WORD_ART),
    *(FLD_CHAR, INSTR, FLD_SIMPLE, _SYM),
)
_DELETED = (w("del"), w("moveFrom"), FALLBACK)
"""Subtrees whose text is not in the document as shown: deletions, moved-away text, and
the second copy Word writes of a drawing or text box for older readers."""
_RUBY_TEXT = w("rt")
"""Ruby (furigana): Word writes the small reading before the base text it sits over."""
_REWRITTEN = (*_DELETED, _RUBY_TEXT, *MATH_SYMBOLS)
_PPR, _FRAME, _DROP_CAP = w("pPr"), w("framePr"), w("dropCap")
_MARK, _WITHDRAWN = w("rPr"), (w("del"), w("moveFrom"))
ID = w("id")
_ROW_DELETED = f"{w('trPr')}/{w('del')}"
_EVENT_TAGS = (P, TBL, TR, TC, TCPR, TXBX, FALLBACK, FOOTNOTE, ENDNOTE, ALT_CHUNK)
_CHECK_EVERY = 1024
MAX_ELEMENT_BYTES = 8 * 1024 * 1024
"""XML read with no paragraph, cell or row closing before the import stops: a real
paragraph is kilobytes; lxml's tree costs several times the XML it holds."""


class ElementTooLarge(ValueError):
    """One paragraph (or other element) holds more XML than any real document does."""


class DoctypeFound(ValueError):
    """The part declares a DTD: Word never writes one, and entity attacks need one."""


class PartReader(TableRows):
    """Streams one part (document, footnotes or endnotes) into pieces handed to ``emit``.

    Tables become one piece per row, cells joined by " | ", and a table nested in a
    cell gives its rows after that row's; a one-cell table (a box drawn around text) and
    a one-row table laying out columns of prose read as the body would read their
    paragraphs. Text boxes follow the paragraph they are anchored in; content controls
    are transparent. Subclasses decide what a paragraph is and where pieces go.
    """

    def __init__(self, deadline: Deadline, max_element_bytes: int = MAX_ELEMENT_BYTES) -> None:
        self.deadline = deadline
        self.max_element_bytes = max_element_bytes
        self._tables: list[Table] = []
        self._pending: list[tuple[int, Piece]] = []
        self._box_depths: list[int] = []
        """For each open text box, how many tables were open around it: its own paragraphs
        wait (in ``_pending``, with that count) for the paragraph or cell paragraph that
        anchors it."""
        self._box_marks: list[int | None] = []
        """For each open text box, how much of ``_pending`` came before it when the box lies
        in a tracked deletion or move away (``w:del``, ``w:moveFrom`` around its run), else
        None: its anchoring run is gone once the changes are accepted, and Word shows no box
        there, so what it queued is dropped when it ends."""
        self._in_fallback = 0
        self._drop_cap = ""
        """A drop cap's letter, waiting for the paragraph it begins."""
        self._carried: dict[tuple[int, int], tuple[Any, str, list[Piece]]] = {}
        """Paragraphs whose mark is a tracked deletion (or moved away), by (tables, text
        boxes) open around them: accepted, the change joins each to the next paragraph
        there, which keeps its own properties (Word keeps the last mark). Held as a bare
        ``w:p`` holding their properties, their text so far, and the words of their
        drawings, which follow the joined paragraph."""
        self.styles = Styles({}, "")
        """Which paragraph and character styles hide their text."""
        self.hidden_paragraphs = 0
        """Paragraphs with hidden text (``w:vanish``) left out, for the import report."""

    def read(self, stream: IO[bytes]) -> None:
        watched = _WatchedStream(TransitionalStream(stream), self.max_element_bytes, self.deadline)
        events = etree.iterparse(
            watched, events=("start", "end"), tag=_EVENT_TAGS, collect_ids=False, **SAFE_XML
        )
        for count, (event, node) in enumerate(events):
            watched.since_event = 0
            if count % _CHECK_EVERY == 0:
                self.deadline.check()
                if count == 0 and node.getroottree().docinfo.doctype:
                    raise DoctypeFound  # further down than the ZIP check looked
            tag = node.tag
            if tag == P:  # most events by far: keep their path short
                if event == "end":
                    if self._in_fallback:
                        node.clear()
                    else:
                        self._paragraph(node)
            elif event == "start":
                self._start(node)
            else:
                self._end(node)
        if self._drop_cap:  # a drop cap with nothing after it: still the author's text
            self.emit(Piece(BlockKind.PARAGRAPH, self._drop_cap))
            self._drop_cap = ""
        self._release()
        self._flush()

    # Hooks for subclasses.
    def emit(self, piece: Piece) -> None:
        raise NotImplementedError

    def classify(self, paragraph: Any, text: str) -> Piece | None:
        """The piece a paragraph becomes in the body (or in a table's first row, which may
        be a box around the body); None for one with no text.

        Called for empty paragraphs too: an empty numbered paragraph still counts in
        Word's list, so the numbers after it stay the ones Word shows."""
        return Piece(BlockKind.PARAGRAPH, text) if text.strip() else None

    def labelled(self, paragraph: Any, text: str) -> str:
        """A table cell's paragraph text, with its list number if it has one."""
        return text

    def marker(self, kind: str, note_id: str, custom: str | None = None) -> str:
        """The text a note reference shows; ``custom`` is the author's own mark ("*") that
        follows it as text, for a reference Word does not number."""
        return ""

    def images(self, nodes: list[Any]) -> None:
        """Called with the paragraph's text nodes and pictures (``BLIP``), in order."""
        return None

    def chunk(self, node: Any) -> list[Piece] | None:
        """The pieces of the document a ``w:altChunk`` merges in here; None if not read."""
        return None

    def drawn(self, diagrams: list[Any]) -> list[Piece]:
        """The words of the paragraph's SmartArt diagrams and charts (``DIAGRAM``,
        ``CHART``), kept in parts of their own, to follow the paragraph."""
        return []

    def note_start(self, node: Any) -> None:
        return None

    def note_end(self) -> None:
        return None

    def _start(self, node: Any) -> None:
        tag = node.tag
        if tag == FALLBACK:
            self._in_fallback += 1
        elif self._in_fallback:
            return
        elif tag == TXBX:
            self._box_depths.append(len(self._tables))
            withdrawn = any(outer.tag in _WITHDRAWN for outer in node.iterancestors())
            self._box_marks.append(len(self._pending) if withdrawn else None)
        elif tag == TBL:
            self._release((len(self._tables), len(self._box_depths)))
            self._tables.append(Table())
        elif tag == TR and self._tables:
            self._row_start(self._tables[-1])
        elif tag == TC and self._tables:
            self._tables[-1].cell = []
            self._tables[-1].merged = False
            row = next(node.iterancestors(TR), None)  # its w:trPr is whole until a cell ends
            if row is not None and row.find(_ROW_DELETED) is not None:
                self._tables[-1].row_deleted = True
        elif tag in (FOOTNOTE, ENDNOTE):
            self.note_start(node)

    def _end(self, node: Any) -> None:
        tag = node.tag
        if tag == FALLBACK:
            self._in_fallback -= 1
            node.clear()
        elif self._in_fallback:
            return
        elif tag == TCPR:
            self._cell_properties(node)
        elif tag == TC:
            self._release((len(self._tables), len(self._box_depths)))
            self._cell_end(node)
        elif tag == TR:
            self._row_end(node)
        elif tag == TBL:
            if self._tables:
                if self._tables[-1].held is not None:
                    self._only_row_out(self._tables[-1])
                self._tables.pop()
            drop(node)
        elif tag == TXBX:
            self._release((len(self._tables), len(self._box_depths)))
            if self._box_depths:
                self._box_depths.pop()
            mark = self._box_marks.pop() if self._box_marks else None
            if mark is not None:
                del self._pending[mark:]
        elif tag == ALT_CHUNK:
            if self._in_deleted_row():
                return  # gone with its row once the changes are accepted
            # A paragraph whose deleted mark joins it to the next has no next one here:
            # its text comes before the merged document's, as before a table's.
            self._release((len(self._tables), len(self._box_depths)))
            pieces = self.chunk(node)
            if pieces:
                self._put(pieces)
        elif tag in (FOOTNOTE, ENDNOTE):
            self._release()
            self._flush()
            self.note_end()
            drop(node)

    def _paragraph(self, paragraph: Any) -> None:
        if any(mark is not None for mark in self._box_marks):
            drop(paragraph)  # in a withdrawn text box: no text, picture or list number
            return
        if len(paragraph) == 0 and not self._carried:  # <w:p/>: nothing to read or join
            drop(paragraph)
            return
        if self._in_deleted_row():
            # Accepted, the row is gone: no text, note, title, picture or drawing of it.
            drop(paragraph)
            return
        withdrawn = _withdrawn_mark(paragraph)
        nodes = list(paragraph.iter(*_READ, *_REWRITTEN))
        if any(node.tag in _REWRITTEN for node in nodes):
            for node in nodes:
                if node.tag == _RUBY_TEXT:
                    ruby_after_base(node)
                elif node.tag in MATH_SYMBOLS:
                    math_symbols(node)
                elif node.tag in _DELETED and node.getparent() is not None:
                    node.getparent().remove(node)
            nodes = list(paragraph.iter(*_READ))
        text, shown = self._text(nodes) if nodes else ("", [])
        if _is_drop_cap(paragraph) and text.strip():
            # Word writes a drop cap ("D" + "rop cap.") as a framed paragraph of its own
            # before the paragraph it opens; read apart it would split the first word.
            self._drop_cap += text.strip()
            drop(paragraph)
            return
        if self._drop_cap and text.strip():
            text, self._drop_cap = self._drop_cap + text.lstrip(), ""
        drawn: list[Piece] = []
        if shown:  # only drawings Word shows: not hidden, not in a field's code
            self.images(shown)
            drawn = _word_art(shown) + self.drawn([node for node in shown if node.tag in _DRAWN])
        context = (len(self._tables), len(self._box_depths))
        carried = self._carried.pop(context, None)
        if carried is not None:  # Word joins the text as is: "on" + " 3 March"
            text, drawn = carried[1] + text, carried[2] + drawn
        if withdrawn is not None:
            # Its drawings follow the joined paragraph, as they float beside its text.
            self._carried[context] = (withdrawn, text, drawn)
            drop(paragraph)
            return
        self._place(paragraph, text, drawn)
        drop(paragraph)

    def _place(self, paragraph: Any, text: str, drawn: list[Piece] | None = None) -> None:
        """The paragraph's text where it belongs, then what it ``drawn`` (a diagram's words)."""
        table = self._tables[-1] if self._tables else None
        cell = table.cell if table is not None else None
        piece: Piece | None
        if cell is None or (table is not None and table.held is not None):
            # The body, or rows that may be a frame: read as the body reads them.
            piece = self.classify(paragraph, text)
        else:
            text = self.labelled(paragraph, text)
            piece = Piece(BlockKind.PARAGRAPH, text) if text.strip() else None
        self._put(([piece] if piece is not None else []) + (drawn or []))

    def _put(self, pieces: list[Piece]) -> None:
        """Pieces where the reading stands: a text box's queue, a cell, or the part; the
        text boxes anchored in the paragraph just read follow them."""
        table = self._tables[-1] if self._tables else None
        cell = table.cell if table is not None else None
        if self._directly_in_text_box():
            self._pending.extend((self._box_depths[-1], piece) for piece in pieces)
        elif cell is not None:
            cell.extend(pieces)
            if self._pending:  # text boxes anchored in this cell paragraph follow it
                depth = len(self._tables)
                cell.extend(piece for at, piece in self._pending if at == depth)
                self._pending = [(at, piece) for at, piece in self._pending if at != depth]
        else:
            for piece in pieces:
                self.emit(piece)
            if self._pending:
                self._flush()

    def _release(self, context: tuple[int, int] | None = None) -> None:
        """A paragraph whose mark was deleted, with no paragraph after it to join (the
        cell, text box or part ends, or a table follows): its text stays a paragraph of its
        own. One whose text was withdrawn too is no paragraph at all, so no list counts it."""
        held = [self._carried.pop(context)] if context in self._carried else []
        if context is None:
            held, self._carried = list(self._carried.values()), {}
        for shell, text, drawn in held:
            if text.strip():
                self._place(shell, text, drawn)
            elif drawn:  # an empty _put would flush the text boxes queued for what follows
                self._put(drawn)

    def _directly_in_text_box(self) -> bool:
        """Inside a text box and not inside a table the text box itself holds."""
        return bool(self._box_depths) and self._box_depths[-1] == len(self._tables)

    def _text(self, nodes: list[Any]) -> tuple[str, list[Any]]:
        """The paragraph as shown, and the pictures and drawings it shows: text boxes inside
        it were read (and emptied) already; hidden text and drawings, and the code part of
        fields, are not shown."""
        parts: list[str] = []
        drawings: list[Any] = []
        fields: list[Field] = []
        """Complex fields begun and not yet ended in this paragraph, innermost last."""
        looks = RunLooks(self.styles)
        hidden = False
        for node in nodes:
            tag = node.tag
            if tag in (FLD_CHAR, INSTR, FLD_SIMPLE):
                shown = field_text(node, fields)
                if shown and in_results(fields):
                    parts.append(shown)
                continue
            if not in_results(fields):
                continue  # Word shows only the outermost field's result, not its code
            look = looks.of(node)
            if look.hidden:
                hidden = hidden or (tag == _T and bool((node.text or "").strip()))
                continue
            if tag in _DRAWINGS:
                drawings.append(node)
            elif tag == _T:
                text = node.text or ""
                parts.append(recoded(text, *look.fonts) if look.fonts else text)
            elif tag == _MATH_T:
                parts.append(math_text(node, parts))
            elif tag in (_FOOTNOTE_REF, _ENDNOTE_REF):
                kind = "footnote" if tag == _FOOTNOTE_REF else "endnote"
                parts.append(self.marker(kind, node.get(ID, ""), custom_mark(node)))
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag == _SYM:
                parts.append(symbol_text(node))
            elif tag != _TAB or node.getparent().tag != _TABS:  # not a tab stop definition
                parts.append(" ")
        self.hidden_paragraphs += hidden
        return "".join(parts), drawings

    def _flush(self) -> None:
        """Text boxes read inside the paragraph just emitted come right after it."""
        pending, self._pending = self._pending, []
        for _, piece in pending:
            self.emit(piece)


class _WatchedStream:
    """A part's bytes as the parser reads them, counted between two events.

    Dropping each finished paragraph bounds memory, but one element that never
    finishes (a paragraph of a million runs) would still grow the tree: reading
    more than ``limit`` bytes with no paragraph, cell or row closing stops the
    import. The deadline is checked here too, since no event may come for a while.
    """

    def __init__(self, stream: Readable, limit: int, deadline: Deadline) -> None:
        self._stream = stream
        self._limit = limit
        self._deadline = deadline
        self.since_event = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.since_event += len(data)
        if self.since_event > self._limit:
            raise ElementTooLarge(self._limit)
        self._deadline.check()
        return data


def _word_art(nodes: list[Any]) -> list[Piece]:
    """Each WordArt shape's words, a paragraph of their own after the one anchoring it, as
    a text box's are (a cover's title set in WordArt floats over the page)."""
    texts = (" ".join(str(n.get("string", "")).split()) for n in nodes if n.tag == _WORD_ART)
    return [Piece(BlockKind.PARAGRAPH, text) for text in texts if text]


def _withdrawn_mark(paragraph: Any) -> Any | None:
    """A bare paragraph with the properties of one whose mark is deleted or moved away
    (``w:pPr/w:rPr/w:del``, ``w:moveFrom``); None for a paragraph that stays one."""
    ppr = paragraph[0] if len(paragraph) else None
    if ppr is None or ppr.tag != _PPR:
        return None
    marks = ppr.find(_MARK)
    if marks is None or all(marks.find(tag) is None for tag in _WITHDRAWN):
        return None
    shell = etree.Element(P)
    shell.append(ppr)  # moved out, so it outlives the paragraph's clearing
    return shell


def _is_drop_cap(paragraph: Any) -> bool:
    ppr = paragraph[0] if len(paragraph) else None
    if ppr is None or ppr.tag != _PPR:
        return False
    frame = ppr.find(_FRAME)
    return frame is not None and frame.get(_DROP_CAP, "none") in ("drop", "margin")
