"""The Composer's preview shows the export's citation style, and never fails for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters import CitationStyleError
from briefer.session import preview as preview_module
from briefer.session.preview import NotePreview
from briefer.store import Project

TEXT = "Grain exports through the northern corridor hit a record in March."


@pytest.fixture
def note_and_project(tmp_path: Path) -> tuple[Note, Project]:
    project = Project.create(tmp_path / "p.briefer")
    article_id = project.add_article(
        Article("Grain record", TEXT, publisher="Wire", author="Ann Lee")
    )
    passage_id = project.add_passage(Passage(article_id, 0, len(TEXT), TEXT))
    body = quotation_markdown(TEXT, passage_id)
    return Note("Week", sections=(Section("Trade", body),)), project


def test_the_preview_uses_the_style_and_falls_back_when_it_cannot(
    note_and_project: tuple[Note, Project], monkeypatch: pytest.MonkeyPatch
) -> None:
    note, project = note_and_project
    styled = NotePreview(project, citation_style="chicago").html(note)
    assert "Ann Lee, “Grain Record,”" in styled  # Chicago's note form
    missing = NotePreview(project, citation_style="/no/such/style.csl").html(note)
    assert "Grain record" in missing  # the plain form: a missing style is the export's to report

    real = preview_module.build_document

    def fails_with_a_style(*args: object) -> object:
        if len(args) > 3 and args[3] is not None:
            raise CitationStyleError("citeproc could not apply it")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(preview_module, "build_document", fails_with_a_style)
    assert "Grain record" in NotePreview(project, citation_style="chicago").html(note)
    project.close()


def test_the_preview_leaves_out_a_section_that_holds_only_guidance(
    note_and_project: tuple[Note, Project],
) -> None:
    note, project = note_and_project
    trade = note.sections[0]
    unwritten = Section("Outlook", "", position=1, guidance="What next.")
    emptied = Section("Annex", "", position=2)  # no guidance: emptied on purpose
    html = NotePreview(project).html(Note("Week", sections=(trade, unwritten, emptied)))
    assert ">Trade<" in html and ">Annex<" in html
    assert "Outlook" not in html and "What next." not in html
    project.close()
