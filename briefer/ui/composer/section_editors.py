"""The section's two editors, one on screen: the page (RichSectionEditor) or its Markdown source.

Split from the Composer's view, which saves what is typed: this decides which editor
shows a section (the analyst's "Markdown source" toggle, or Markdown the page view
cannot show exactly), what Markdown the one in use holds, and how a quotation goes
into it or a citation is found in it. A section opened and left is never rewritten:
the page gives back the Markdown it was opened from until the analyst changes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStackedWidget

from briefer.core.citations import citation_token
from briefer.core.quote_diff import first_change
from briefer.ui.composer.editor import LineEditing, SectionEditor
from briefer.ui.composer.rich_editor import RichSectionEditor
from briefer.ui.composer.rich_markdown import Unsupported, shows_exactly

_QUOTE_LINE = re.compile(r" {0,3}>")


class SectionEditors(QStackedWidget):
    def __init__(
        self,
        page_editor: RichSectionEditor,
        source_editor: SectionEditor,
        report: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.page_editor, self.source_editor = page_editor, source_editor
        self.report = report
        self.addWidget(page_editor)
        self.addWidget(source_editor)
        self.loading = False  # the editors are being filled, not typed in
        # What the page view shows, as Markdown, and whether the analyst changed it since:
        # an unchanged page is never written back (its Markdown may be spelled otherwise).
        self.shown: str | None = None
        self.dirty = False
        self.source_wanted = False  # the analyst's "Markdown source" toggle
        self.source_forced = False  # this section holds what the page cannot show
        self._exact: dict[str, bool] = {}  # bodies checked to show exactly as the page

    def show_body(self, body: str | None, *, again: bool = False) -> bool:
        """Put the stored ``body`` in the editor in use, unless it shows it already; True
        when that editor is the Markdown source."""
        if body is not None and not self.source_wanted and (again or body != self.shown):
            self.source_forced = not self._load_page(body)
        elif body is None:
            self.source_forced = False
            self.loading = True
            self.page_editor.clear()
            self.loading = False
            self.shown, self.dirty = "", False
        source = self.source_wanted or self.source_forced
        self.setCurrentWidget(self.source_editor if source else self.page_editor)
        if source:
            self.page_editor.setFocusProxy(self.source_editor)
        else:
            self.page_editor.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes None
        if source and body is not None and (again or body != self.source_editor.toPlainText()):
            position = self.source_editor.textCursor().position()
            self.loading = True
            self.source_editor.setPlainText(body)
            cursor = self.source_editor.textCursor()
            cursor.setPosition(min(position, len(body)))
            self.source_editor.setTextCursor(cursor)
            self.loading = False
        elif body is None:
            self.loading = True
            self.source_editor.clear()
            self.loading = False
        return source

    def _load_page(self, body: str) -> bool:
        """Show ``body`` as the page; False (and a message) when only the source shows it."""
        position = self.page_editor.textCursor().position()
        self.loading = True
        try:
            self.page_editor.show_markdown(body)
            exact = self._exact.get(body)
            if exact is None:  # writing the page back costs a little: once per body
                exact = shows_exactly(body, self.page_editor.markdown())
                if len(self._exact) > 64:
                    self._exact.clear()
                self._exact[body] = exact
        except Unsupported:
            exact = False
        finally:
            self.loading = False
        self.shown, self.dirty = body, False
        if not exact:
            self.loading = True
            self.page_editor.clear()
            self.loading = False
            self.shown = ""
            self.report(
                "This section holds Markdown the page view cannot show exactly (a code "
                "block, raw HTML or an image, say), so it is shown as its source."
            )
            return False
        cursor = self.page_editor.textCursor()
        cursor.setPosition(min(position, self.page_editor.document().characterCount() - 1))
        self.page_editor.setTextCursor(cursor)
        return True

    def active(self) -> LineEditing:
        """The editor on screen: the page, or the Markdown source."""
        if self.currentWidget() is self.source_editor:
            return self.source_editor
        return self.page_editor

    def reveal(self, passage_id: int, occurrence: int = 0, source: str = "") -> None:
        """Focus the editor on screen at the ``occurrence``-th citation of ``passage_id``
        (else the first; nowhere for -1): where the quotation it closes departs from
        ``source`` (the passage's words), its first changed words are selected, else
        the citation itself."""
        page = self.currentWidget() is self.page_editor
        (self.page_editor if page else self.source_editor).setFocus()
        if passage_id >= 0 and page:
            self.page_editor.select_change(passage_id, occurrence, source)
        elif passage_id >= 0:
            document, token = self.source_editor.document(), citation_token(passage_id)
            found = first = document.find(token)
            for _ in range(occurrence):
                found = document.find(token, found) if not found.isNull() else found
            found = first if found.isNull() else found
            if not found.isNull():
                self.source_editor.setTextCursor(_changed_words(found, source) or found)

    def insert_block(self, markdown: str) -> str:
        """Put ``markdown`` at the cursor of the editor on screen as paragraphs of their own;
        the section's Markdown after it, which the caller saves. Raises Unsupported."""
        editor = self.active()
        self.loading = True
        try:
            editor.insert_block(markdown)
        finally:
            self.loading = False
        if editor is self.page_editor:
            self.dirty = True
        body = self.markdown()
        if editor is self.page_editor:
            self.shown, self.dirty = body, False
        return body

    def markdown(self) -> str:
        """The section's Markdown as the editor in use holds it now, committed or not."""
        if self.currentWidget() is self.source_editor:
            return self.source_editor.toPlainText()
        if not self.dirty and self.shown is not None:
            return self.shown
        return self.page_editor.markdown()


def _changed_words(token: QTextCursor, source: str) -> QTextCursor | None:
    """In the Markdown source, a cursor on the first words before the citation ``token``
    (its line, and the block quotation's lines above) that differ from ``source``."""
    block = token.document().findBlock(token.selectionStart())
    start = block.position()
    if _QUOTE_LINE.match(block.text()):
        previous = block.previous()
        while previous.isValid() and _QUOTE_LINE.match(previous.text()):
            start = previous.position()
            previous = previous.previous()
    text = token.document().toPlainText()
    span = first_change(text[start : token.selectionStart()], source)
    if span is None:
        return None
    cursor = QTextCursor(token.document())
    cursor.setPosition(start + span[0])
    cursor.setPosition(start + span[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor
