"""Commands on passages and articles: tag, toggle a theme, comment, delete.

A passage is created from an article span; the command copies the quoted
words and their context at that moment, so the citation can be checked later.
"""

from __future__ import annotations

import dataclasses
from abc import abstractmethod

from briefer.core.anchoring import quote_at
from briefer.core.model import Article, Original, Passage
from briefer.core.spans import clamp
from briefer.session.command import BackupReason, Change, Command, CommandError, Entity
from briefer.store import Project, RecordNotFound


def _passage(project: Project, passage_id: int) -> Passage:
    try:
        return project.get_passage(passage_id)
    except RecordNotFound:
        raise CommandError(f"Passage {passage_id} no longer exists.") from None


def _article(project: Project, article_id: int) -> Article:
    try:
        return project.get_article(article_id)
    except RecordNotFound:
        raise CommandError(f"Article {article_id} does not exist in this project.") from None


class TagPassageCommand(Command):
    """Marks ``[start, end)`` of an article as a passage under one or more themes."""

    def __init__(
        self,
        article_id: int,
        start: int,
        end: int,
        theme_ids: tuple[int, ...] | list[int],
        comment: str = "",
    ) -> None:
        if not theme_ids:
            raise CommandError("Choose at least one theme to tag the passage with.")
        self.article_id = article_id
        self.span = (start, end)
        self.theme_ids = tuple(dict.fromkeys(theme_ids))
        self.comment = comment
        self.label = "Tag passage"
        self._id: int | None = None
        self._created: Passage | None = None

    def apply(self, project: Project) -> list[Change]:
        if self._created is None:
            article = _article(project, self.article_id)
            start, end = clamp(self.span, len(article.text))
            if start >= end:
                raise CommandError("Select some text in the article to tag.")
            missing = [t for t in self.theme_ids if project.find_theme(t) is None]
            if missing:
                raise CommandError(f"Theme {missing[0]} no longer exists.")
            quote = quote_at(article.text, (start, end))
            self._created = Passage(
                article_id=self.article_id,
                start=start,
                end=end,
                text=quote.exact,
                prefix=quote.prefix,
                suffix=quote.suffix,
                theme_ids=self.theme_ids,
                comment=self.comment,
            )
        self._id = project.add_passage(self._created)
        # Keep the row as stored (its id and creation time), so a redo is exact.
        self._created = project.get_passage(self._id)
        return [
            Change.of(Entity.PASSAGE, added=[self._id]),
            Change.of(Entity.ARTICLE, updated=[self.article_id]),
            Change.of(Entity.THEME, updated=self.theme_ids),
        ]

    def revert(self, project: Project) -> list[Change]:
        assert self._id is not None
        project.delete_passage(self._id)
        return [
            Change.of(Entity.PASSAGE, removed=[self._id]),
            Change.of(Entity.ARTICLE, updated=[self.article_id]),
            Change.of(Entity.THEME, updated=self.theme_ids),
        ]

    @property
    def passage_id(self) -> int | None:
        return self._id


class _RestorablePassageCommand(Command):
    """Base for edits of one existing passage: snapshot before, restore on revert."""

    def __init__(self, passage_id: int) -> None:
        self.passage_id = passage_id
        self._before: Passage | None = None
        self._after: Passage | None = None

    @abstractmethod
    def _edit(self, before: Passage) -> Passage | None:
        """The passage after the edit, or ``None`` to delete it."""

    def apply(self, project: Project) -> list[Change]:
        before = _passage(project, self.passage_id)
        after = self._edit(before)
        self._before, self._after = before, after
        themes = set(before.theme_ids) | set(after.theme_ids if after else ())
        side = [
            Change.of(Entity.ARTICLE, updated=[before.article_id]),
            Change.of(Entity.THEME, updated=themes),
        ]
        if after is None:
            project.delete_passage(self.passage_id)
            return [Change.of(Entity.PASSAGE, removed=[self.passage_id]), *side]
        project.update_passage(after)
        return [Change.of(Entity.PASSAGE, updated=[self.passage_id]), *side]

    def revert(self, project: Project) -> list[Change]:
        assert self._before is not None
        side = [
            Change.of(Entity.ARTICLE, updated=[self._before.article_id]),
            Change.of(
                Entity.THEME,
                updated=set(self._before.theme_ids)
                | set(self._after.theme_ids if self._after else ()),
            ),
        ]
        if self._after is None:
            project.add_passage(self._before)
            return [Change.of(Entity.PASSAGE, added=[self.passage_id]), *side]
        project.update_passage(self._before)
        return [Change.of(Entity.PASSAGE, updated=[self.passage_id]), *side]


class ToggleThemeCommand(_RestorablePassageCommand):
    """Adds the theme to the passage, or removes it; a passage left with no theme is removed."""

    def __init__(self, passage_id: int, theme_id: int) -> None:
        super().__init__(passage_id)
        self.theme_id = theme_id
        self.label = "Toggle theme"

    def _edit(self, before: Passage) -> Passage | None:
        if self.theme_id in before.theme_ids:
            themes = tuple(t for t in before.theme_ids if t != self.theme_id)
            self.label = "Remove theme from passage"
            return dataclasses.replace(before, theme_ids=themes) if themes else None
        self.label = "Add theme to passage"
        return dataclasses.replace(before, theme_ids=(*before.theme_ids, self.theme_id))


class SetCommentCommand(_RestorablePassageCommand):
    def __init__(self, passage_id: int, comment: str) -> None:
        super().__init__(passage_id)
        self.comment = comment.strip()
        self.label = "Edit comment" if self.comment else "Remove comment"

    def _edit(self, before: Passage) -> Passage | None:
        return dataclasses.replace(before, comment=self.comment)


class DeletePassageCommand(_RestorablePassageCommand):
    def __init__(self, passage_id: int) -> None:
        super().__init__(passage_id)
        self.label = "Delete passage"

    def _edit(self, before: Passage) -> Passage | None:
        return None


class DeleteArticleCommand(Command):
    """Removes an article with its original and passages; undo brings all of it back."""

    def __init__(self, article_id: int) -> None:
        self.article_id = article_id
        self.label = "Delete article"
        self._article: Article | None = None
        self._original: Original | None = None
        self._passages: list[Passage] = []

    def backup_before(self, project: Project) -> BackupReason | None:
        try:
            title = _article(project, self.article_id).title
        except CommandError:
            return None
        short = title if len(title) <= 60 else title[:59] + "…"
        return BackupReason("before-delete-article", f'before deleting article "{short}"')

    def apply(self, project: Project) -> list[Change]:
        self._article = _article(project, self.article_id)
        self._original = project.get_original(self.article_id)
        self._passages = project.list_passages(article_id=self.article_id)
        self.label = f'Delete article "{self._article.title[:40]}"'
        project.delete_article(self.article_id)
        return self._changes(removing=True)

    def revert(self, project: Project) -> list[Change]:
        assert self._article is not None
        project.add_article(self._article, self._original)
        for passage in self._passages:
            project.add_passage(passage)
        return self._changes(removing=False)

    def _changes(self, *, removing: bool) -> list[Change]:
        passage_ids = [p.id for p in self._passages if p.id is not None]
        themes = {t for p in self._passages for t in p.theme_ids}
        key = "removed" if removing else "added"
        return [
            Change.of(Entity.ARTICLE, **{key: [self.article_id]}),
            Change.of(Entity.PASSAGE, **{key: passage_ids}),
            Change.of(Entity.THEME, updated=themes),
        ]


class DismissSuggestionCommand(Command):
    """Records that a keyword suggestion was not wanted, so it does not come back."""

    label = "Dismiss suggestion"

    def __init__(self, article_id: int, start: int, end: int, theme_id: int) -> None:
        self.key = (article_id, start, end, theme_id)

    def apply(self, project: Project) -> list[Change]:
        project.dismiss_suggestion(*self.key)
        return [Change.of(Entity.SUGGESTION, updated=[self.key[0]])]

    def revert(self, project: Project) -> list[Change]:
        project.undismiss_suggestion(*self.key)
        return [Change.of(Entity.SUGGESTION, updated=[self.key[0]])]


class TagPassagesCommand(Command):
    """Several passages of one article in one step, e.g. accepting all of a theme's suggestions."""

    def __init__(
        self, article_id: int, spans: list[tuple[int, int]], theme_ids: tuple[int, ...] | list[int]
    ) -> None:
        if not spans:
            raise CommandError("There is nothing to tag.")
        self.parts = [TagPassageCommand(article_id, s, e, theme_ids) for s, e in spans]
        self.label = f"Accept {len(spans)} suggestion{'s' if len(spans) != 1 else ''}"

    def apply(self, project: Project) -> list[Change]:
        return [change for part in self.parts for change in part.apply(project)]

    def revert(self, project: Project) -> list[Change]:
        return [change for part in reversed(self.parts) for change in part.revert(project)]
