"""Merging another project into this one, as one command: File > Undo takes all of it back.

Articles match by UUID, then by canonical URL or text hash, and come with their images
and originals; themes by UUID, then by name (merge_match.py); passages by UUID, then by
article and span, re-anchored by quote and context where the article's text differs,
their theme sets united and both comments kept; notes are copied with their citations
pointed at this project's passages, renamed on a title clash; keyword suggestions
dismissed there stay dismissed. Nothing here is ever
deleted, and what is already here is recognised, so merging twice adds nothing.
Imports core and store; never Qt.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefer.core.anchoring import TextQuote, quote_at, reanchor
from briefer.core.model import Article, Note, Passage, Section, Theme
from briefer.core.record import Record, field, replace
from briefer.core.words import counted
from briefer.session.article_commands import details_from_copy, imported_details
from briefer.session.command import BackupReason, Change, Command, CommandError
from briefer.session.merge_match import (
    CITATION,
    ThemeChoice,
    ThemeMatch,
    already_here,
    copy_uuid,
    free_title,
    note_content,
    open_other,
)
from briefer.session.merge_themes import Match, Take, Unions, plan_themes
from briefer.session.record_log import RecordLog, unite_comments, unite_passage
from briefer.store import Project


class MergeReport(Record):
    """What a merge did (or, from a dry run, would do), for the CLI and the window."""

    source: str
    articles_added: int = 0
    articles_matched: int = 0
    details_filled: int = 0
    """Articles here that took a publisher, author, date or address only the other had."""
    details_differing: list[str] = field(default_factory=list)
    originals_added: int = 0
    images_added: int = 0
    themes_added: list[str] = field(default_factory=list)
    themes_matched: int = 0
    theme_conflicts: list[str] = field(default_factory=list)
    near_duplicates: list[str] = field(default_factory=list)
    passages_added: int = 0
    passages_merged: int = 0
    passages_merged_changed: int = 0
    passages_reanchored: int = 0
    passages_unplaceable: list[str] = field(default_factory=list)
    notes_added: list[str] = field(default_factory=list)
    notes_renamed: list[str] = field(default_factory=list)
    notes_present: int = 0
    left_out: list[str] = field(default_factory=list)

    @property
    def adds_nothing(self) -> bool:
        return not (
            self.articles_added or self.details_filled or self.themes_added or self.passages_added
            or self.passages_merged_changed or self.notes_added
        )  # fmt: skip

    def lines(self) -> list[str]:
        out = [
            f"Articles: {self.articles_added} added ({self.originals_added} with originals, "
            f"{counted(self.images_added, 'image')}), {self.articles_matched} already here"
            + (
                f" ({self.details_filled} given details they lacked)."
                if self.details_filled
                else "."
            ),
            f"Themes: {len(self.themes_added)} added, {self.themes_matched} matched, "
            f"{counted(len(self.theme_conflicts), 'conflict')}.",
            f"Passages: {self.passages_added} added, {self.passages_merged} matched "
            f"({self.passages_merged_changed} gained themes or comments), "
            f"{self.passages_reanchored} re-anchored, "
            f"{len(self.passages_unplaceable)} could not be placed.",
            f"Notes: {len(self.notes_added)} added ({len(self.notes_renamed)} renamed), "
            f"{self.notes_present} already here.",
        ]
        if self.themes_added:
            out.append("New themes: " + ", ".join(self.themes_added) + ".")
        out += [f"Theme conflict: {c}." for c in self.theme_conflicts]
        out += [f"Near-duplicate theme: {c}." for c in self.near_duplicates]
        out += [
            f"Different details: {c}; change them in the article's details if theirs are right."
            for c in self.details_differing
        ]
        out += [f"Renamed note: {c}." for c in self.notes_renamed]
        out += [f"Left out: {c}." for c in self.passages_unplaceable + self.left_out]
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "articles": {"added": self.articles_added, "matched": self.articles_matched,
                         "details_filled": self.details_filled,
                         "details_differing": self.details_differing,
                         "originals_added": self.originals_added,
                         "images_added": self.images_added},
            "themes": {"added": self.themes_added, "matched": self.themes_matched,
                       "conflicts": self.theme_conflicts, "near_duplicates": self.near_duplicates},
            "passages": {"added": self.passages_added, "merged": self.passages_merged,
                         "merged_changed": self.passages_merged_changed,
                         "reanchored": self.passages_reanchored,
                         "unplaceable": self.passages_unplaceable},
            "notes": {"added": self.notes_added, "renamed": self.notes_renamed,
                      "already_present": self.notes_present},
            "left_out": self.left_out,
        }  # fmt: skip


Progress = Callable[[int, int], None]
"""Told (articles done, articles in all) as a merge walks the other project."""


class MergeCancelled(CommandError):
    """The analyst stopped the merge; its transaction rolled back, so nothing changed."""

    def __init__(self) -> None:
        super().__init__("The merge was cancelled; this project is as it was.")


def _source_name(path: Path) -> str:
    return path.stem or path.name


class MergeProjectCommand(Command):
    """Brings another project's work into this one in one step.

    ``choices`` says, by the other theme's UUID, what to do with a theme that differs
    from or resembles one here (the window's mapping step); unnamed ones get
    ``ThemeMatch.default``. The first ``apply`` decides everything and keeps the rows it
    wrote; a redo writes the same rows, reading originals from the other file again
    rather than holding them all in memory.

    ``progress`` and ``cancelled``, when set, are called from the thread running the first
    apply, once per article of the other project: a window runs the merge on a worker and
    shows the count. Cancelling raises ``MergeCancelled`` between two articles, inside the
    one transaction, which the session then rolls back whole; the command is left unrun.
    """

    def __init__(self, other: Path, choices: dict[str, ThemeChoice] | None = None) -> None:
        self.other = Path(other)
        self.source = _source_name(self.other)
        self.choices = dict(choices or {})
        self.label = f"Merge {self.other.name}"
        self.report: MergeReport | None = None
        self._log = RecordLog()
        self._from: dict[int, int] = {}  # an added article's id here -> its id there
        self.progress: Progress | None = None
        self.unions = Unions()  # what the first apply united, for the mapping step's sums
        self.cancelled: Callable[[], bool] | None = None

    def backup_before(self, project: Project) -> BackupReason | None:
        return BackupReason("before-merge", f"before merging {self.other.name}")

    def apply(self, project: Project) -> list[Change]:
        with open_other(self.other, project.path) as other:
            if self.report is None:
                report = MergeReport(self.source)
                try:
                    _Merge(project, other, self, report).run()
                except BaseException:  # rolled back by the session: forget the rows too
                    self._log, self._from, self.unions = RecordLog(), {}, Unions()
                    raise
                self.report = report
            else:
                self._log.replay(
                    project, lambda a: other.get_original(self._from[a.id]) if a.id else None
                )
        return self._log.changes(removing=False)

    def revert(self, project: Project) -> list[Change]:
        self._log.undo(project)
        return self._log.changes(removing=True)


class _Merge:
    """One first apply: walks the other project once, article by article."""

    def __init__(
        self, project: Project, other: Project, command: MergeProjectCommand, report: MergeReport
    ) -> None:
        self.here = project
        self.other = other
        self.command = command
        self.log = command._log
        self.report = report
        self.theme_of: dict[int, int] = {}
        self.passage_of: dict[int, int] = {}
        self.passage_uuids = project.uuids("passage")
        self.merged_changed: set[int] = set()
        self.added_from: dict[int, frozenset[int]] = {}  # passage added -> their theme ids
        self._known: dict[str, dict[str, int]] = {"passage": self.passage_uuids}

    def run(self) -> None:
        self._themes()
        self._articles()
        self._notes()
        self.report.passages_merged_changed = len(self.merged_changed)

    # -- themes --------------------------------------------------------------------------

    def _themes(self) -> None:
        ours = self.here.list_themes()
        planned = plan_themes(ours, self.other.list_themes(), self.command.choices,
                              self.report.source)  # fmt: skip
        self.report.themes_added += planned.added
        self.report.themes_matched += planned.matched
        self.report.theme_conflicts += planned.conflicts
        self.report.near_duplicates += planned.near_duplicates
        self.report.left_out += planned.left_out
        for step in planned.steps:
            if isinstance(step, Match):
                self.theme_of[step.theirs] = step.here
            elif isinstance(step, Take):
                if step.after is not None:
                    self.here.update_theme(step.after)
                    self.log.themes_changed.append((step.before, step.after))
                self.theme_of[step.theirs] = step.here
            else:
                theme = replace(
                    step.theme,
                    parent_id=self.theme_of.get(step.theme.parent_id or -1),
                    uuid=self._free_uuid("theme", step.theme.uuid),
                )
                theme_id = self.here.add_theme(theme)
                self.log.themes.append(replace(theme, id=theme_id))
                self.theme_of[step.theirs] = theme_id

    def _free_uuid(self, kind: str, given: str) -> str:
        """``given`` when no record of ``kind`` here has it, else a new UUID: chosen here,
        so a redo writes the very same one."""
        if given and given not in self._uuids(kind):
            self._uuids(kind)[given] = 0
            return given
        fresh = str(uuid_module.uuid4())
        self._uuids(kind)[fresh] = 0
        return fresh

    def _uuids(self, kind: str) -> dict[str, int]:
        if kind not in self._known:
            self._known[kind] = self.here.uuids(kind)
        return self._known[kind]

    # -- articles and their passages -------------------------------------------------------

    def _articles(self) -> None:
        article_uuids = self.here.uuids("article")
        summaries = self.other.list_articles()
        progress, cancelled = self.command.progress, self.command.cancelled
        for done, summary in enumerate(summaries):
            if cancelled is not None and cancelled():
                raise MergeCancelled
            if progress is not None:
                progress(done, len(summaries))
            theirs = self.other.get_article(summary.id)
            here_id = article_uuids.get(theirs.uuid) if theirs.uuid else None
            if here_id is None:
                here_id = self.here.find_duplicate(theirs.url, theirs.text, theirs.title)
            if here_id is None:
                here_id = self._add_article(theirs)
                self._add_passages(theirs, here_id)
                self._dismissals(theirs, here_id)
            else:
                self.report.articles_matched += 1
                here = self._details(self.here.get_article(here_id), theirs)
                self._merge_passages(theirs, here)
                if here.text == theirs.text:  # elsewhere their spans name other words
                    self._dismissals(theirs, here_id)
        if progress is not None:
            progress(len(summaries), len(summaries))

    def _details(self, here: Article, theirs: Article) -> Article:
        """``here`` with the details only ``theirs`` has (written and logged); what the two
        give differently is reported, never chosen."""
        filled, differing = details_from_copy(here, theirs)
        if differing:
            self.report.details_differing.append(f"“{here.title}”: {'; '.join(differing)}")
        if not filled:
            return here
        after = replace(here, **filled)
        self.here.update_article_details(after)
        self.log.articles_changed.append((here, after))
        self.report.details_filled += 1
        return after

    def _add_article(self, theirs: Article) -> int:
        original = self.other.get_original(_id(theirs))
        # Another project file is as untrusted as a page: its details get an import's bounds.
        article = replace(
            imported_details(theirs), id=None, uuid=self._free_uuid("article", theirs.uuid)
        )
        article_id = self.here.add_article(article, original)
        self.log.articles.append(replace(article, id=article_id))
        self.command._from[article_id] = _id(theirs)
        self.report.articles_added += 1
        self.report.originals_added += original is not None
        self.report.images_added += len(theirs.images)
        return article_id

    def _dismissals(self, theirs: Article, article_id: int) -> None:
        """The keyword suggestions the other analyst dismissed stay dismissed here."""
        have = self.here.dismissed_suggestions(article_id)
        for start, end, theme in sorted(self.other.dismissed_suggestions(_id(theirs))):
            theme_here = self.theme_of.get(theme)
            if theme_here is None or (start, end, theme_here) in have:
                continue
            key = (article_id, start, end, theme_here)
            self.here.dismiss_suggestion(*key)
            self.log.dismissed.append(key)
            have.add((start, end, theme_here))

    def _themes_of(self, passage: Passage) -> tuple[int, ...]:
        return tuple(
            dict.fromkeys(self.theme_of[t] for t in passage.theme_ids if t in self.theme_of)
        )

    def _add_passages(self, theirs: Article, article_id: int) -> None:
        for passage in self.other.list_passages(article_id=_id(theirs)):
            self._add_passage(passage, article_id, (passage.start, passage.end), theirs.text)

    def _add_passage(
        self, theirs: Passage, article_id: int, span: tuple[int, int], text: str
    ) -> None:
        quote = quote_at(text, span)
        passage = replace(
            theirs,
            id=None,
            article_id=article_id,
            start=span[0],
            end=span[1],
            text=quote.exact,
            prefix=quote.prefix,
            suffix=quote.suffix,
            theme_ids=self._themes_of(theirs),
            uuid=self._free_uuid("passage", theirs.uuid),
        )
        passage_id = self.here.add_passage(passage)
        added = replace(passage, id=passage_id)
        if added.created_at is None:
            added = self.here.get_passage(passage_id)
        self.log.passages.append(added)
        self.passage_uuids[added.uuid] = passage_id
        self.passage_of[_id(theirs)] = passage_id
        self.added_from[passage_id] = frozenset(theirs.theme_ids)
        self.report.passages_added += 1

    def _merge_passages(self, theirs: Article, here: Article) -> None:
        assert here.id is not None
        same_text = theirs.text == here.text
        on_span = {(p.start, p.end): _id(p) for p in self.here.list_passages(article_id=here.id)}
        for passage in self.other.list_passages(article_id=_id(theirs)):
            known = self.passage_uuids.get(passage.uuid) if passage.uuid else None
            if known:
                self._unite(known, passage)
                continue
            span: tuple[int, int] | None = (passage.start, passage.end)
            if not same_text:
                quote = TextQuote(passage.text, passage.prefix, passage.suffix)
                span = reanchor(here.text, quote, (passage.start, passage.end))
                if span is None:
                    self.report.passages_unplaceable.append(
                        f'"{_short(passage.text)}" in "{_short(here.title)}" (its words are '
                        "not in this project's copy of the article)"
                    )
                    continue
                self.report.passages_reanchored += span != (passage.start, passage.end)
            assert span is not None
            if span in on_span:
                self._unite(on_span[span], passage)
                continue
            self._add_passage(passage, here.id, span, here.text)
            on_span[span] = self.passage_of[_id(passage)]

    def _unite(self, passage_id: int, theirs: Passage) -> None:
        self.passage_of[_id(theirs)] = passage_id
        self.report.passages_merged += 1
        current = self.here.get_passage(passage_id)
        before = self.added_from.get(passage_id)
        self.command.unions.record(
            passage_id,
            (frozenset(), before)
            if before is not None
            else (frozenset(current.theme_ids), frozenset()),
            theirs.theme_ids,
            unite_comments(current.comment, theirs.comment) != current.comment,
        )
        if self.log.retag(
            self.here, unite_passage(current, self._themes_of(theirs), theirs.comment)
        ):
            self.merged_changed.add(passage_id)

    # -- notes ---------------------------------------------------------------------------

    def _notes(self) -> None:
        here_notes = [self.here.get_note(_id(n)) for n in self.here.list_notes()]
        uuid_of_here = self._passage_uuid_reader(self.here)
        contents: dict[str, set[str]] = {}
        for note in here_notes:
            contents.setdefault(note_content(note, uuid_of_here), set()).add(note.uuid)
        note_uuids = {n.uuid for n in here_notes}
        titles = {n.title.casefold() for n in here_notes}
        dropped = 0
        for listed in self.other.list_notes():
            theirs = self.other.get_note(_id(listed))
            sections, lost = self._sections_here(theirs.sections)
            mapped = replace(theirs, sections=sections)
            content = note_content(mapped, uuid_of_here)
            if already_here(theirs.uuid, content, contents):
                self.report.notes_present += 1
                continue
            dropped += lost
            note_uuid = (
                theirs.uuid if theirs.uuid not in note_uuids else copy_uuid(theirs.uuid, content)
            )
            title = free_title(theirs.title, self.report.source, titles)
            if title != theirs.title:
                self.report.notes_renamed.append(f'"{theirs.title}" added as "{title}"')
            note = replace(
                mapped,
                id=None,
                title=title,
                sections=tuple(replace(s, id=None) for s in sections),
                uuid=self._free_uuid("note", note_uuid),
            )
            note_id = self.here.add_note(note)
            self.log.notes.append(self.here.get_note(note_id))
            contents.setdefault(content, set()).add(note.uuid)
            note_uuids.add(note.uuid)
            titles.add(title.casefold())
            self.report.notes_added.append(title)
        if dropped:
            self.report.left_out.append(
                f"{counted(dropped, 'citation')} in notes to passages that could not be placed "
                "(marked in the notes' text)"
            )

    def _sections_here(self, sections: tuple[Section, ...]) -> tuple[tuple[Section, ...], int]:
        """Sections with their citations pointing at this project's passages; a citation
        of a passage that could not be placed becomes a marker the analyst can find."""
        lost = 0

        def here(match: Any) -> str:
            nonlocal lost
            passage_id = self.passage_of.get(int(match.group(1)))
            if passage_id is None:
                lost += 1
                return f"[passage not merged from {self.report.source}]"
            return f"[@p{passage_id}]"

        return tuple(replace(s, body=CITATION.sub(here, s.body)) for s in sections), lost

    @staticmethod
    def _passage_uuid_reader(project: Project) -> Any:
        cache: dict[int, str] = {}

        def uuid_of(passage_id: int) -> str:
            if passage_id not in cache:
                found = project.get_passages([passage_id]).get(passage_id)
                cache[passage_id] = found.uuid if found else ""
            return cache[passage_id]

        return uuid_of


def _id(record: Article | Theme | Passage | Note) -> int:
    assert record.id is not None
    return record.id


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["MergeCancelled", "MergeProjectCommand", "MergeReport", "Progress", "ThemeMatch"]
