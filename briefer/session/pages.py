"""How many pages a note fills in Word: the estimate the Composer and `briefer notes` show.

The page setup and styles are read from what the DOCX writer really produces (a
probe note exported once to a temporary folder and read back), so a reference
document, a page size or a writer that changes its styles is followed without
restating any of it here; the layout itself is pure (exporters.page_estimate).
"""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from briefer.core.model import Note
from briefer.exporters import ExportError, build_document
from briefer.exporters.page_estimate import LayoutCache, PageEstimate, estimate_pages
from briefer.exporters.page_profile import PageProfile, probe_document, read_profile
from briefer.session.export import cited_material
from briefer.store import Project

__all__ = ["PageCounter", "PageEstimate", "page_profile"]


def page_profile(reference_doc: Path | None = None) -> PageProfile:
    """The page and styles of a Word export (on ``reference_doc``, if given).

    Exports the probe note with the real writer (some 40 ms), so call it once
    and keep the result; raises ExportError for a reference that is not Word.
    """
    from briefer.exporters.docx import export_docx

    with tempfile.TemporaryDirectory(prefix="briefer-pages-") as folder:
        target = Path(folder) / "probe.docx"
        export_docx(probe_document(), target, reference_doc=reference_doc)
        return read_profile(target.read_bytes())


def _profile_or_default(reference_doc: Path | None) -> PageProfile:
    """The export's profile; python-docx's own page and styles if the probe cannot be made
    (a full disk, a reference that went missing): a status line must never fail."""
    try:
        return page_profile(reference_doc)
    except (ExportError, OSError, zipfile.BadZipFile, ET.ParseError):
        return PageProfile()


@dataclass
class PageCounter:
    """Estimates notes' pages against one page profile, made on first use and kept."""

    reference_doc: Path | None = None
    _profile: PageProfile | None = field(default=None, repr=False)
    _cache: LayoutCache = field(default_factory=LayoutCache, repr=False)

    @property
    def profile(self) -> PageProfile:
        if self._profile is None:
            self._profile = _profile_or_default(self.reference_doc)
        return self._profile

    def estimate(self, project: Project, note: Note) -> PageEstimate:
        """The pages ``note`` (as given, saved or not) fills once exported to Word."""
        passages, articles = cited_material(project, note)
        document = build_document(note, passages, articles)
        return estimate_pages(document, self.profile, self._cache)
