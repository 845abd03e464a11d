"""REFI-QDA exchange for the open project: export it as a .qdpx or .qdc, import one.

Export reads the project into the exchange room's plain ``QdaProject`` and lets its
writer make the file; import reads a file there and runs one ``ImportQdaCommand``
(qda_commands.py), so a single Undo takes all of it back. Imports exchange, store and
core; never Qt, never ui.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from briefer import __version__
from briefer.core.model import Article, Passage, Theme
from briefer.core.record import Record
from briefer.core.words import counted
from briefer.exchange import (
    ExchangeError,
    QdaCode,
    QdaLimits,
    QdaProject,
    QdaSelection,
    QdaSource,
    read_exchange_file,
    write_codebook,
    write_project,
)
from briefer.session.qda_commands import ImportQdaCommand, QdaImportReport
from briefer.session.queries import ProjectQueries
from briefer.session.session import Session

__all__ = ["QdaExportResult", "QdaImportReport", "export_qda", "import_qda", "qda_of_project"]

_FALLBACK_GUIDS = uuid.UUID("0b7c2d38-94f1-4a56-8e0d-5c3f6a1b9e27")
SUFFIXES = (".qdpx", ".qdc")


def _guid(kind: str, record: Article | Theme | Passage) -> str:
    """The record's GUID in exchange files: its permanent ``uuid`` (schema v3), so an
    export imported back, here or in a copy of this project, is recognised record by
    record. A record read before it was stored has none; it gets one derived from its
    kind and id, stable from export to export."""
    if record.uuid:
        return record.uuid
    return str(uuid.uuid5(_FALLBACK_GUIDS, f"{kind}:{record.id}"))


class QdaExportResult(Record, frozen=True):
    target: Path
    codebook_only: bool
    codes: int
    sources: int
    selections: int

    @property
    def summary(self) -> str:
        if self.codebook_only:
            return f"Exported {counted(self.codes, 'theme')} as a codebook to {self.target}."
        return (
            f"Exported {counted(self.codes, 'theme')}, {counted(self.sources, 'article')} "
            f"and {counted(self.selections, 'passage')} to {self.target}."
        )


def _codes(themes: list[Theme]) -> tuple[QdaCode, ...]:
    """Themes as a tree of codes; a theme whose parent is missing goes to the top."""
    ids = {t.id for t in themes}
    children: dict[int | None, list[Theme]] = {}
    for theme in themes:
        parent = theme.parent_id if theme.parent_id in ids else None
        children.setdefault(parent, []).append(theme)
    seen: set[int | None] = set()

    def build(parent: int | None) -> tuple[QdaCode, ...]:
        built = []
        for theme in children.get(parent, []):
            if theme.id in seen:  # a cycle in a damaged project must not recurse forever
                continue
            seen.add(theme.id)
            built.append(
                QdaCode(
                    guid=_guid("theme", theme),
                    name=theme.name,
                    colour=theme.colour.upper(),
                    description=theme.description,
                    children=build(theme.id),
                )
            )
        return tuple(built)

    return build(None)


def _metadata(article: Article) -> tuple[tuple[str, str], ...]:
    values = (
        ("author", article.author),
        ("publisher", article.publisher),
        ("published", article.published.isoformat() if article.published else ""),
        ("url", article.url),
        ("language", article.language),
    )
    return tuple((key, value) for key, value in values if value)


def qda_of_project(
    project: ProjectQueries, title: str, *, codebook_only: bool = False
) -> QdaProject:
    """The project as exchanged: themes as codes, articles as plain-text sources, passages
    as selections coded with their themes and carrying their comments as notes."""
    themes = project.list_themes()
    theme_guids = {t.id: _guid("theme", t) for t in themes}
    sources: list[QdaSource] = []
    if not codebook_only:
        for summary in project.list_articles():
            article = project.get_article(summary.id)
            selections = tuple(
                QdaSelection(
                    guid=_guid("passage", passage),
                    start=passage.start,
                    end=passage.end,
                    code_guids=tuple(theme_guids[t] for t in passage.theme_ids if t in theme_guids),
                    note=passage.comment,
                    name=passage.text if len(passage.text) <= 80 else passage.text[:79] + "…",
                    created=passage.created_at,
                )
                for passage in project.list_passages(article_id=summary.id)
            )
            sources.append(
                QdaSource(
                    guid=_guid("article", article),
                    name=article.title or f"Article {article.id}",
                    text=article.text,
                    metadata=_metadata(article),
                    selections=selections,
                    created=article.imported_at,
                )
            )
    return QdaProject(
        name=title,
        codes=_codes(themes),
        sources=tuple(sources),
        origin=f"Briefer {__version__}",
    )


def _kind(target: Path) -> bool:
    """True for a codebook, False for a project archive, by the name the analyst chose."""
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExchangeError(
            f"Name the file {target.stem}.qdpx (the whole project) or {target.stem}.qdc "
            "(the themes only); REFI-QDA tools recognise nothing else."
        )
    return suffix == ".qdc"


def export_qda(session: Session, target: Path) -> QdaExportResult:
    """Write ``target`` (.qdpx or .qdc, by its suffix); the project is only read."""
    codebook_only = _kind(target)
    qda = qda_of_project(session.query, session.info().title, codebook_only=codebook_only)
    if codebook_only:
        write_codebook(qda, target)
    else:
        write_project(qda, target)
    return QdaExportResult(
        target=target,
        codebook_only=codebook_only,
        codes=len(qda.all_codes()),
        sources=len(qda.sources),
        selections=sum(len(s.selections) for s in qda.sources),
    )


def import_qda(session: Session, source: Path, limits: QdaLimits | None = None) -> QdaImportReport:
    """Read ``source`` whole, then add what it holds as one undoable edit.

    A file that cannot be read raises ``ExchangeError`` before anything is written.
    """
    qda = read_exchange_file(source, limits)
    command = ImportQdaCommand(qda, source.name)
    session.do(command)
    assert command.report is not None
    return command.report


def import_qda_command(source: Path, limits: QdaLimits | None = None) -> ImportQdaCommand:
    """The edit, unrun, for the window to push on its undo stack."""
    return ImportQdaCommand(read_exchange_file(source, limits), source.name)
