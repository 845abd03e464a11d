"""What a bringing-in command (a REFI-QDA import, a merge of projects) wrote, to undo and redo it.

Both commands add records from elsewhere and unite passages that are already here; this
keeps the rows they wrote, so ``revert`` removes exactly those and puts the edited ones
back, and a redo writes the very same rows (ids and UUIDs included) that later commands
in the history may refer to. ``unite_passage`` is the one rule both use for a passage
that is already here. Imports core and store; never Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefer.core.model import Article, Note, Original, Passage, Theme
from briefer.core.record import Record, field, replace
from briefer.session.article_commands import FIELDS, write_fields
from briefer.session.command import Change, Entity
from briefer.store import Project


def _paragraphs(comment: str) -> list[str]:
    return [part.strip() for part in comment.split("\n\n") if part.strip()]


def unite_comments(ours: str, theirs: str) -> str:
    """Both comments when they differ: ours, then each paragraph of theirs not already in
    ours. Paragraph by paragraph, so uniting back and forth settles instead of growing."""
    have = _paragraphs(ours)
    extra = [part for part in _paragraphs(theirs) if part not in have]
    if not extra:
        return ours
    return "\n\n".join([ours.strip(), *extra] if ours.strip() else extra)


def unite_passage(passage: Passage, theme_ids: tuple[int, ...], comment: str) -> Passage:
    """``passage`` with ``theme_ids`` added after its own and ``comment`` united with its."""
    united = tuple(dict.fromkeys((*passage.theme_ids, *theme_ids)))
    return replace(passage, theme_ids=united, comment=unite_comments(passage.comment, comment))


def _id_of(article: Article) -> int:
    assert article.id is not None
    return article.id


def _details_changed(before: Article, after: Article) -> dict[str, tuple[Any, Any]]:
    return {
        name: (getattr(before, name), getattr(after, name))
        for name in FIELDS
        if getattr(before, name) != getattr(after, name)
    }


class RecordLog(Record):
    """The rows one command added, and (before, after) of the rows it changed."""

    themes: list[Theme] = field(default_factory=list)
    themes_changed: list[tuple[Theme, Theme]] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    articles_changed: list[tuple[Article, Article]] = field(default_factory=list)
    """Articles here given details they lacked (before, after); their text never changes."""
    passages: list[Passage] = field(default_factory=list)
    passages_changed: list[tuple[Passage, Passage]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    dismissed: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Keyword suggestions dismissed: (article id, start, end, theme id)."""
    # Where each passage id is in the two lists above (which only grow): a merge of
    # thousands must not search a list for every passage it unites. (No log is compared.)
    _added_at: dict[int, int] = field(default_factory=dict)
    _changed_at: dict[int, int] = field(default_factory=dict)

    def retag(self, project: Project, after: Passage) -> bool:
        """Write ``after`` over the passage it updates, remembering the first ``before``;
        False when nothing changes."""
        assert after.id is not None
        before = project.get_passage(after.id)
        if before == after:
            return False
        for at in range(len(self._added_at), len(self.passages)):  # the lists only grow
            self._added_at[self.passages[at].id or 0] = at
        for at in range(len(self._changed_at), len(self.passages_changed)):
            self._changed_at[self.passages_changed[at][0].id or 0] = at
        added = self._added_at.get(after.id)
        if added is not None:  # one of ours: redo adds it as it is now
            self.passages[added] = after
        else:
            earlier = self._changed_at.get(after.id)
            if earlier is not None:  # changed before in this command: keep the first before
                self.passages_changed[earlier] = (self.passages_changed[earlier][0], after)
            else:
                self.passages_changed.append((before, after))
        project.update_passage(after)
        return True

    def replay(
        self, project: Project, original_of: Callable[[Article], Original | None] | None = None
    ) -> None:
        """Write everything again (redo), in the order the first apply did."""
        for theme in self.themes:
            project.add_theme(theme)
        for _old_theme, theme in self.themes_changed:
            project.update_theme(theme)
        for article in self.articles:
            project.add_article(article, original_of(article) if original_of else None)
        for before_article, article in self.articles_changed:
            write_fields(project, _id_of(article), _details_changed(before_article, article))
        for passage in self.passages:
            project.add_passage(passage)
        for _old, changed in self.passages_changed:
            project.update_passage(changed)
        for note in self.notes:
            project.add_note(note)
        for key in self.dismissed:
            project.dismiss_suggestion(*key)

    def undo(self, project: Project) -> None:
        """Remove what was added and put back what was changed, newest first."""
        for key in reversed(self.dismissed):
            project.undismiss_suggestion(*key)
        for note in reversed(self.notes):
            assert note.id is not None
            project.delete_note(note.id)
        for before, _after in reversed(self.passages_changed):
            project.update_passage(before)
        for passage in reversed(self.passages):
            assert passage.id is not None
            project.delete_passage(passage.id)
        # Before the deletes: a detail may have been filled in on an article it added.
        for before_article, article in reversed(self.articles_changed):
            write_fields(project, _id_of(article), _details_changed(article, before_article))
        for article in reversed(self.articles):
            assert article.id is not None
            project.delete_article(article.id)
        for before_theme, _theme in reversed(self.themes_changed):
            project.update_theme(before_theme)
        for theme in reversed(self.themes):  # children were added after their parents
            assert theme.id is not None
            project.delete_theme(theme.id)

    def changes(self, *, removing: bool) -> list[Change]:
        key = "removed" if removing else "added"
        added_articles = {a.id for a in self.articles}
        touched = (
            {p.article_id for p in self.passages}
            | {a.article_id for _b, a in self.passages_changed}
            | {a.id for _b, a in self.articles_changed if a.id is not None}
        )
        return [
            Change.of(Entity.THEME, **{key: [t.id for t in self.themes if t.id is not None]}),
            Change.of(Entity.THEME, updated=[a.id for _b, a in self.themes_changed if a.id]),
            Change.of(Entity.ARTICLE, **{key: [i for i in added_articles if i is not None]}),
            Change.of(Entity.ARTICLE, updated=touched - added_articles),
            Change.of(Entity.PASSAGE, **{key: [p.id for p in self.passages if p.id is not None]}),
            Change.of(Entity.PASSAGE, updated=[a.id for _b, a in self.passages_changed if a.id]),
            Change.of(Entity.THEME, updated={t for p in self.passages for t in p.theme_ids}),
            Change.of(Entity.NOTE, **{key: [n.id for n in self.notes if n.id is not None]}),
            Change.of(Entity.SUGGESTION, updated={d[0] for d in self.dismissed}),
        ]
