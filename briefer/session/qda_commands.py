"""The import of a REFI-QDA file as one command: themes, articles and passages together.

One ``apply`` adds everything and one ``revert`` removes exactly what it added, so
File > Undo takes a whole import back. Codes become themes (nested codes child themes),
text sources articles, coded selections passages on exactly the selected words.

The file's GUIDs become the records' UUIDs, so what Briefer exported comes back as the
same records: a code, source or selection whose GUID the project already has is that
record (reused, not added again). Words that already are a passage get the selection's
themes (and its note, if new) instead of a second passage; revert restores them.
Imports core, exchange and store; never Qt.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuid_module
from collections.abc import Callable
from typing import Any

from briefer.core.anchoring import quote_at
from briefer.core.model import Article, Block, BlockKind, Passage, Theme
from briefer.core.palette import spare_colour, spare_shortcut
from briefer.core.record import Record, field
from briefer.core.words import counted
from briefer.exchange import LeftOut, QdaCode, QdaProject, QdaSource
from briefer.session.command import BackupReason, Change, Command, CommandError
from briefer.session.record_log import RecordLog, unite_passage
from briefer.store import Project

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def paragraph_blocks(text: str) -> tuple[Block, ...]:
    """Paragraphs between blank lines, as spans of ``text`` itself: the text is never
    altered, or the file's offsets would no longer point at the words they chose."""
    return tuple(
        Block(BlockKind.PARAGRAPH, m.start(), m.end())
        for m in _PARAGRAPH.finditer(text)
        if m.group().strip()
    )


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


class QdaImportReport(Record):
    """What an import did, and everything in the file Briefer could not hold."""

    source: str
    themes_added: list[str] = field(default_factory=list)
    themes_reused: list[str] = field(default_factory=list)
    articles_added: int = 0
    articles_reused: list[str] = field(default_factory=list)
    passages_added: int = 0
    passages_present: int = 0
    left_out: list[LeftOut] = field(default_factory=list)

    def lines(self) -> list[str]:
        done = [
            f"Imported from {self.source}: {counted(len(self.themes_added), 'new theme')}, "
            f"{counted(self.articles_added, 'new article')}, "
            f"{counted(self.passages_added, 'passage')}."
        ]
        if self.themes_reused:
            done.append(
                f"{counted(len(self.themes_reused), 'code')} matched a theme of the same "
                "name, kept as it is: " + ", ".join(dict.fromkeys(self.themes_reused)) + "."
            )
        if self.articles_reused:
            done.append(
                f"{counted(len(self.articles_reused), 'source')} "
                f"{'has' if len(self.articles_reused) == 1 else 'have'} the same text as an "
                "article already here; their passages went on it: "
                + ", ".join(self.articles_reused)
                + "."
            )
        if self.passages_present:
            done.append(
                f"{counted(self.passages_present, 'passage')} "
                f"{'was' if self.passages_present == 1 else 'were'} already in the project."
            )
        if self.left_out:
            done.append(
                "Not imported (Briefer cannot hold them): "
                + "; ".join(str(item) for item in self.left_out)
                + "."
            )
        return done

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "themes_added": self.themes_added,
            "themes_reused": self.themes_reused,
            "articles_added": self.articles_added,
            "articles_reused": self.articles_reused,
            "passages_added": self.passages_added,
            "passages_already_present": self.passages_present,
            "left_out": {item.what: item.count for item in self.left_out},
        }


class QdaImportCancelled(CommandError):
    """The analyst stopped the import; its transaction rolled back, so nothing changed."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; this project is as it was.")


class ImportQdaCommand(Command):
    """Adds a REFI-QDA file's codes, text sources and coded selections in one step.

    The first ``apply`` decides everything and keeps the rows it wrote (ids included), so
    a redo writes the very same rows and later commands that refer to them stay valid.

    ``progress`` and ``cancelled``, when set, are called from the thread running the first
    apply, once per text source: a window runs the import on a worker and shows the count.
    Cancelling raises ``QdaImportCancelled`` between two sources, inside the one
    transaction, which the session then rolls back whole; the command is left unrun.
    """

    def __init__(self, qda: QdaProject, source: str) -> None:
        if not qda.codes and not qda.sources:
            left = "; ".join(str(item) for item in qda.left_out) or "nothing at all"
            raise CommandError(f"{source} holds no codes or text sources Briefer can use ({left}).")
        self.qda = qda
        self.source = source
        self.label = f"Import {source}"
        self.report: QdaImportReport | None = None
        self._log = RecordLog()
        self.progress: Callable[[int, int], None] | None = None
        self.cancelled: Callable[[], bool] | None = None

    def backup_before(self, project: Project) -> BackupReason | None:
        return BackupReason("before-qda-import", f"before importing {self.source}")

    def apply(self, project: Project) -> list[Change]:
        if self.report is None:
            report = QdaImportReport(self.source, left_out=list(self.qda.left_out))
            theme_of = self._add_themes(project, report)
            sources = self.qda.sources
            for done, source in enumerate(sources):
                if self.cancelled is not None and self.cancelled():
                    raise QdaImportCancelled
                if self.progress is not None:
                    self.progress(done, len(sources))
                self._add_source(project, source, theme_of, report)
            self.report = report
        else:
            self._log.replay(project)
        return self._log.changes(removing=False)

    def revert(self, project: Project) -> list[Change]:
        self._log.undo(project)
        return self._log.changes(removing=True)

    # -- the first apply ---------------------------------------------------------------

    def _add_themes(self, project: Project, report: QdaImportReport) -> dict[str, int]:
        theme_of: dict[str, int] = {}
        position = max((t.position for t in project.list_themes()), default=0)

        known = project.uuids("theme")

        def add(code: QdaCode, parent: int | None) -> None:
            nonlocal position
            guid = _uuid(code.guid)
            same = known.get(guid) if guid else None
            existing = project.get_theme(same) if same else project.theme_by_name(code.name)
            if existing is not None and existing.id is not None:
                theme_of[code.guid] = existing.id
                report.themes_reused.append(existing.name)
            else:
                position += 1
                themes = project.list_themes()
                theme = Theme(  # a key too, as a theme added in the window gets one
                    name=code.name,
                    colour=code.colour or spare_colour(themes),
                    shortcut=spare_shortcut(themes),
                    parent_id=parent,
                    description=code.description,
                    position=position,
                    uuid=guid,
                )
                theme_id = project.add_theme(theme)
                self._log.themes.append(project.get_theme(theme_id))
                known[project.get_theme(theme_id).uuid] = theme_id
                theme_of[code.guid] = theme_id
                report.themes_added.append(code.name)
            for child in code.children:
                add(child, theme_of[code.guid])

        for code in self.qda.codes:
            add(code, None)
        return theme_of

    def _article_for(self, project: Project, source: QdaSource, report: QdaImportReport) -> int:
        guid = _uuid(source.guid)
        known = project.uuids("article").get(guid) if guid else None
        if known is not None and project.get_article(known).text == source.text:
            report.articles_reused.append(source.name)
            return known
        same = project.find_duplicate("", source.text)
        if same is not None and project.get_article(same).text == source.text:
            report.articles_reused.append(source.name)
            return same
        article = Article(
            title=source.meta("title") or source.name,
            text=source.text,
            blocks=paragraph_blocks(source.text),
            publisher=source.meta("publisher"),
            author=source.meta("author"),
            published=_date(source.meta("published")),
            url=source.meta("url"),
            language=source.meta("language"),
            source_format="refi-qda",
            source_name=f"{self.source}: {source.name}",
            uuid=guid if guid and known is None else "",
        )
        article_id = project.add_article(article)
        self._log.articles.append(project.get_article(article_id))
        report.articles_added += 1
        return article_id

    def _add_source(
        self, project: Project, source: QdaSource, theme_of: dict[str, int], report: QdaImportReport
    ) -> None:
        if not source.text.strip():
            report.left_out.append(LeftOut(f'empty text source "{source.name}"', 1))
            return
        article_id = self._article_for(project, source, report)
        present = {
            (p.start, p.end, frozenset(p.theme_ids), p.comment)
            for p in project.list_passages(article_id=article_id)
        }
        passage_uuids = project.uuids("passage")
        for selection in source.selections:
            if selection.end <= selection.start:  # only a CR of a CRLF was selected
                report.left_out.append(LeftOut("empty selections", 1))
                continue
            themes = tuple(dict.fromkeys(theme_of[g] for g in selection.code_guids))
            key = (selection.start, selection.end, frozenset(themes), selection.note)
            if key in present:
                report.passages_present += 1
                continue
            on_span = next(
                (p for p in project.list_passages(article_id=article_id)
                 if (p.start, p.end) == (selection.start, selection.end)),
                None,
            )  # fmt: skip
            if on_span is not None:  # one passage per span: it gets the selection's themes
                self._retag(project, on_span, themes, selection.note)
                present.add(key)
                report.passages_present += 1
                continue
            quote = quote_at(source.text, (selection.start, selection.end))
            guid = _uuid(selection.guid)
            passage = Passage(
                article_id=article_id,
                start=selection.start,
                end=selection.end,
                text=quote.exact,
                prefix=quote.prefix,
                suffix=quote.suffix,
                theme_ids=themes,
                comment=selection.note,
                created_at=selection.created,
                uuid=guid if guid and guid not in passage_uuids else "",
            )
            passage_id = project.add_passage(passage)
            self._log.passages.append(project.get_passage(passage_id))
            present.add(key)
            report.passages_added += 1

    def _retag(
        self, project: Project, passage: Passage, themes: tuple[int, ...], note: str
    ) -> None:
        """Unite an existing passage's themes (and comment) with a selection's."""
        self._log.retag(project, unite_passage(passage, themes, note))


def _uuid(guid: str) -> str:
    """A REFI-QDA GUID as Briefer stores UUIDs (lower case, no braces), "" if it is none."""
    try:
        return str(uuid_module.UUID(guid.strip().strip("{}")))
    except (ValueError, AttributeError):
        return ""
