"""The window cites a note in one locale everywhere: the Composer's preview and page count
and the export worker (a reference document or not) render as the settings' language says."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pytestqt.qtbot import QtBot

from briefer.session.export import cited_material
from briefer.settings import Settings, resolve_paths
from briefer.ui.shell.project_window import ProjectWindow
from tests.ui.test_note_actions import drafted, export, harbour_session

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PUBLISHED = {"en-GB": "Wire, 1 March 2026.", "en-US": "Wire, March 1, 2026."}


@pytest.fixture(params=["en-GB", "en-US"])
def window(request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectWindow]:
    session = harbour_session(tmp_path / "notes.briefer")
    settings = Settings(language=request.param, citation_style="chicago")
    w = ProjectWindow(session, paths=resolve_paths(), settings=settings)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def _footnotes(path: Path) -> list[str]:
    word = docx.Document(str(path))
    (part,) = [p for p in word.part.package.iter_parts() if p.partname == "/word/footnotes.xml"]
    return [
        "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
        for n in ET.fromstring(part.blob).iter(f"{W}footnote")
        if n.get(f"{W}type") in (None, "normal")
    ]


def test_preview_page_count_and_export_cite_in_the_settings_language(
    qtbot: QtBot, window: ProjectWindow, tmp_path: Path
) -> None:
    language = window.settings.language
    note_id = drafted(window)
    note = window.session.query.get_note(note_id)
    passages, articles = cited_material(window.session.query, note)
    counter = window.composer.page_count.counter
    (footnote,) = counter.document(note, passages, articles).footnotes
    assert footnote.text.endswith(PUBLISHED[language])
    assert PUBLISHED[language] in window.composer.preview.preview_source.html(note)
    plain = tmp_path / "plain.docx"
    assert export(qtbot, window, note_id, plain) is not None
    assert _footnotes(plain) == [footnote.text]
    reference = tmp_path / "house.docx"  # it decides the Word file's language, not the notes'
    docx.Document().save(str(reference))
    on_reference = tmp_path / "on-reference.docx"
    assert export(qtbot, window, note_id, on_reference, reference) is not None
    assert _footnotes(on_reference) == [footnote.text]
