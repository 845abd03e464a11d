"""Word recall against an independent reader: LibreOffice's own text export of each fixture.

The NAME.lo.txt files were made by LibreOffice after accepting all tracked changes
(make_docx.py --libreoffice) and are committed, so this runs without LibreOffice.
The reader shows an article's title above its text, so both count: a Title-style
paragraph becomes the title, not a block.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.importers.registry import import_path
from tests.importers.wordscore import score

DATA = Path(__file__).parents[1] / "data" / "importers" / "docx"
FIXTURES = sorted(path.name for path in DATA.glob("*.docx") if path.with_suffix(".lo.txt").exists())


def test_every_generated_fixture_has_a_reference() -> None:
    assert len(FIXTURES) == 6 and "harbour-survey.docx" in FIXTURES


@pytest.mark.parametrize("name", FIXTURES)
def test_recall_against_libreoffice_text_export(name: str) -> None:
    article = import_path(DATA / name).article
    reference = (DATA / name).with_suffix(".lo.txt").read_text("utf-8")
    recall = score(f"{article.title}\n{article.text}", reference).recall
    assert recall >= 0.97, f"{name}: recall {recall:.3f}"
