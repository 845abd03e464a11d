"""From a note to a file: read what it cites, check it, write DOCX or Markdown.

Exporting is split in two so the GUI can run the slow half off its thread:
``prepare_export`` reads everything the note cites from the project (on
the thread that owns the database connection) and checks it; ``run_export``
writes the file from that snapshot and touches no database at all. Kept
apart from drafting (notes.py) so `briefer export` loads only this.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from briefer.core.citations import find_citations
from briefer.core.integrity import Problem, check_note
from briefer.core.model import Article, Note, Passage
from briefer.core.record import Record, field
from briefer.core.words import counted
from briefer.exporters import (
    DEFAULT_STYLE,
    PAGE_SIZES,
    CitationStyleError,
    ExportError,
    StyleInfo,
    bundled_styles,
    export_note,
    resolve_style,
)
from briefer.exporters.citations_csl import keep_on_disk, warm
from briefer.exporters.csl_kept import adopt, snapshot
from briefer.exporters.export_words import NOTE_LANGUAGES
from briefer.resources import resource_path
from briefer.session.queries import ProjectQueries
from briefer.session.reads import read_note
from briefer.settings import resolve_paths

FORMAT_SUFFIXES = {"docx": ".docx", "markdown": ".md"}


class ExportRefused(Exception):
    """A strict export found problems that would mislead a reader; nothing was written."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        refused = [p for p in problems if p.refused_when_strict]
        super().__init__(
            f"The note was not exported: {counted(len(refused), 'problem')} to fix first. "
            + " ".join(p.message for p in refused[:3])
        )
        self.problems = list(problems)


class ExportJob(Record, frozen=True):
    """A note and everything it cites, read from the project, plus what is wrong with it."""

    note: Note
    passages: dict[int, Passage]
    articles: dict[int, Article]
    problems: list[Problem] = field(default_factory=list)
    kept_renderings: str = ""
    """What the note's last export rendered of its citations, kept in the project."""

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]


class ExportResult(Record, frozen=True):
    target: Path
    format: str
    problems: list[Problem]
    footnotes: int
    renderings: str | None = None
    """What this export rendered of the note's citations, when it differs from what the
    project kept: for :func:`keep_renderings_in`, so the next export renders none."""


def cited_material(
    project: ProjectQueries, note: Note
) -> tuple[dict[int, Passage], dict[int, Article]]:
    """The passages a note cites and their articles; a deleted one is simply absent."""
    cited = [pid for section in note.sections for pid in find_citations(section.body)]
    found = project.get_passages(cited)
    passages = {pid: found[pid] for pid in dict.fromkeys(cited) if pid in found}
    articles = project.get_articles(p.article_id for p in passages.values())
    return passages, articles


def prepare_export(project: ProjectQueries, note_id: int) -> ExportJob:
    note = read_note(project, note_id)
    passages, articles = cited_material(project, note)
    problems = check_note(note, passages, articles)
    return ExportJob(note, passages, articles, problems, project.kept_renderings(note.uuid))


def run_export(
    job: ExportJob,
    target: Path,
    format: str,
    *,
    reference_doc: Path | None = None,
    table_of_contents: bool = False,
    strict: bool = False,
    flavour: str = "commonmark",
    page_size: str | None = None,
    language: str | None = None,
    citation_style: str | Path = DEFAULT_STYLE,
    keep_on_disk_too: bool = False,
    citation_language: str | None = None,
) -> ExportResult:
    """Write the file. ``strict`` refuses (ExportRefused) when a quotation or source is wrong.

    ``citation_style`` is a built-in style's name (see :func:`citation_styles`)
    or the path of a .csl file. ``citation_language`` (default: ``language``) is
    the note's language, which a style without a locale of its own renders in:
    the settings', even where a reference document decides the Word file's
    ``language``, so the export cites as the Composer's preview does.
    Raises ExportError for an unwritable target,
    a bad reference document or a style that cannot be used; the target is
    then untouched (the exporters write to a temporary file).
    """
    kind = normalised_format(format)
    if strict and any(p.refused_when_strict for p in job.problems):
        raise ExportRefused(job.problems)
    style = find_citation_style(citation_style, citation_language or language)
    keep_renderings(keep_on_disk_too)
    if job.kept_renderings:
        adopt(style, job.kept_renderings)
    document = export_note(
        job.note,
        job.passages,
        job.articles,
        target,
        kind,
        reference_doc=reference_doc,
        table_of_contents=table_of_contents,
        flavour=flavour,
        page_size=page_size,
        # A reference document's language is the Word file's; Markdown has none of its own.
        language=language if kind == "docx" else citation_language or language,
        style=style,
        # The export's own words (Sources, Page 1 of 3) are the note's, as its citations.
        note_language=citation_language or language,
    )
    # "" when the note cites nothing now: what it kept of sources it cited before goes.
    rendered = (snapshot(style) or "") if document.citation_style else None
    changed = rendered if rendered is not None and rendered != job.kept_renderings else None
    return ExportResult(target, kind, job.problems, len(document.footnotes), changed)


def keep_renderings_in(project: Path, note: Note, renderings: str) -> None:
    """Keep an export's renderings in the project it came from, if it can be written now.

    Best effort: a project open in the window (its lock) or on a read-only disk keeps
    what it had, and its next export renders again.
    """
    from briefer.session.session import Session
    from briefer.store import ProjectError

    with contextlib.suppress(ProjectError, OSError), Session.open(project) as session:
        session.keep_renderings(note.uuid, renderings)


def note_style(note: Note, given: str | Path | None, setting: str | Path) -> str | Path:
    """The citation style an export of ``note`` uses: ``given`` (``--style``) when there is
    one, else the note's own (Note Details), else the settings' (Preferences)."""
    return given or note.citation_style or setting


def warm_up(
    citation_style: str | Path | None = DEFAULT_STYLE,
    *,
    word: bool = True,
    keep_on_disk_too: bool = False,
    language: str | None = None,
) -> None:
    """Load now what the first export would otherwise load: for a thread of the window.

    The window calls it off the GUI thread once a project is open, so the analyst's
    first export pays only for the note (rendering its citations, writing the file),
    not for loading python-docx and citeproc-py, parsing the citation style and a
    style's first-use work (citations_csl.warm renders a made-up note for that),
    which the CLI pays on every run; in the note's ``language``, as the export
    will render (a style is parsed per locale). Nothing is read from the project, and nothing
    is written unless ``keep_on_disk_too`` (the setting keep_citation_renderings):
    then the made-up note's few renderings join the kept file. A style that cannot
    be read is left for the export to report. Safe beside a running export: at
    worst the style is parsed twice.
    """
    if word:
        import briefer.exporters.docx  # the writer
        import briefer.exporters.docx_pydocx  # noqa: F401 - python-docx, for a reference document
    style = style_or_plain(citation_style, language)
    if style is not None:
        if keep_on_disk_too:  # as the export will, so the kept file is read, not replaced
            keep_renderings(True)
        with contextlib.suppress(CitationStyleError, OSError):
            warm(style)


def keep_renderings(on_disk: bool) -> None:
    """Whether what a citation style renders is also kept in the user's cache folder.

    Then a second `briefer export` of a note reads its unchanged sources' notes and
    bibliography entries instead of rendering them (see exporters.csl_kept). Off unless
    the setting ``keep_citation_renderings`` says so: the files hold sources' titles,
    authors and links outside the project file, which handling-marked work may forbid.
    Within one process (the window) renderings are always kept in memory.
    """
    keep_on_disk(resolve_paths().cache_dir / "citations" if on_disk else None)


def citation_styles() -> list[StyleInfo]:
    """The built-in CSL styles (resources/csl), by name."""
    return bundled_styles(resource_path("csl"))


def page_sizes() -> tuple[str, ...]:
    """The page sizes a Word export on Briefer's own template takes: the settings' page_size."""
    return PAGE_SIZES


def note_languages() -> tuple[tuple[str, str], ...]:
    """(tag, name in English) of the languages whose words, dates and quotation marks the
    exports know, as Preferences offers them: the settings' language."""
    return NOTE_LANGUAGES


def find_citation_style(choice: str | Path, language: str | None = None) -> StyleInfo:
    """The style ``choice`` names (built-in name, alias or .csl path), or CitationStyleError.

    ``language`` is the note's (the settings' language, a tag like "en-GB"): the
    locale a style without its own default-locale renders in (exporters.csl_styles).
    """
    return resolve_style(choice, resource_path("csl"), language)


def style_or_plain(choice: str | Path | None, language: str | None = None) -> StyleInfo | None:
    """The style ``choice`` names, or None (Briefer's plain form) when there is none or it
    cannot be read: for views that preview an export, which must never fail for it (the
    export itself says what is wrong)."""
    if choice is None:
        return None
    try:
        return find_citation_style(choice, language)
    except CitationStyleError:
        return None


def normalised_format(format: str) -> str:
    kind = format.lower().strip().lstrip(".")
    kind = {"md": "markdown", "word": "docx"}.get(kind, kind)
    if kind not in FORMAT_SUFFIXES:
        raise ExportError(
            f"Briefer cannot export to {format!r}. Choose docx (Word) or md (Markdown)."
        )
    return kind
