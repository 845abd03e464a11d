"""Commands on passages and articles: tag, toggle a theme, comment, delete.

A passage is created from an article span; the command copies the quoted
words and their context at that moment, so the citation can be checked later.
"""

from __future__ import annotations

from abc import abstractmethod

from briefer.core.anchoring import TextQuote, quote_at
from briefer.core.model import Article, Original, Passage
from briefer.core.record import replace
from briefer.core.spans import clamp
from briefer.session.command import BackupReason, Change, Command, CommandError, Entity
from briefer.session.quoting import notes_quoting_any
from briefer.store import Project, RecordNotFound


def _passage(project: Project, passage_id: int) -> Passage:
    try:
        return project.get_passage(passage_id)
    except RecordNotFound:
        raise CommandError(f"Passage {passage_id} no longer exists.") from None


def existing_article(project: Project, article_id: int) -> Article:
    try:
        return project.get_article(article_id)
    except RecordNotFound:
        raise CommandError(f"Article {article_id} does not exist in this project.") from None


class TagPassageCommand(Command):
    """Marks ``[start, end)`` of an article as a passage under one or more themes.

    Words that already are a passage, or lie inside one, never become a second passage
    (the store holds one per span): the themes go onto that passage instead. Words that
    overlap (or hold) a passage with one of these themes grow that passage to cover them
    too (``grown``), its comment and other themes kept: a second, overlapping passage of
    the same theme would be drafted as the same words quoted twice. The Reader's keys and
    accepting a suggestion both tag through here, so they follow one rule. With
    ``toggle`` (the Reader's theme keys) a theme the passage already has comes off, and a
    passage left with no theme is removed, as ``ToggleThemeCommand`` does; without it
    (the CLI, accepting suggestions) tagging only ever adds.
    """

    def __init__(
        self,
        article_id: int,
        start: int,
        end: int,
        theme_ids: tuple[int, ...] | list[int],
        comment: str = "",
        *,
        toggle: bool = True,
    ) -> None:
        if not theme_ids:
            raise CommandError("Choose at least one theme to tag the passage with.")
        self.article_id = article_id
        self.span = (start, end)
        self.theme_ids = tuple(dict.fromkeys(theme_ids))
        self.comment = comment
        self.toggle = toggle
        self.label = "Tag passage"
        self._id: int | None = None
        self._created: Passage | None = None
        self._retag: _RetagCommand | None = None
        self.kept_apart: Passage | None = None
        """The passage of the theme the words overlap, left as it was because a note
        quotes it: growing it would make that quotation no longer match, and block the
        note's export, without the note being touched. The words become their own."""

    def apply(self, project: Project) -> list[Change]:
        if self._created is None and self._retag is None:
            article = existing_article(project, self.article_id)
            start, end = clamp(self.span, len(article.text))
            if start >= end:
                raise CommandError("Select some text in the article to tag.")
            missing = [t for t in self.theme_ids if project.find_theme(t) is None]
            if missing:
                raise CommandError(f"Theme {missing[0]} no longer exists.")
            existing = project.passage_covering(self.article_id, start, end)
            same = project.passage_overlapping(self.article_id, start, end, self.theme_ids)
            # Inside a passage that has the theme: that passage, as before. Else a passage
            # of the theme sticking out of the words grows, even when they lie in one of
            # another theme (which would otherwise take the theme and hold the first).
            holds = existing is not None and bool(set(self.theme_ids) & set(existing.theme_ids))
            grow = (
                None if same is None or holds
                else _grown_span(project, same, start, end, article.text)
            )  # fmt: skip
            # Growing a quoted passage would change the note's quotation under it.
            if (
                grow is not None
                and same is not None
                and same.id is not None
                and notes_quoting_any(project, {same.id})
            ):
                self.kept_apart, grow = same, None
            if same is not None and same.id is not None and grow == (same.start, same.end):
                # Its neighbours of the theme hold the rest of the words: nothing to grow.
                self._retag = _RetagCommand(same.id, self.theme_ids, self.comment, toggle=False)
            elif same is not None and same.id is not None and grow is not None:
                self._retag = _RetagCommand(
                    same.id, self.theme_ids, self.comment, toggle=False,
                    grow_to=(grow, quote_at(article.text, grow)),
                )  # fmt: skip
            elif existing is not None and existing.id is not None:
                self._retag = _RetagCommand(existing.id, self.theme_ids, self.comment, self.toggle)
            else:
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
        if self._retag is not None:
            changes = self._retag.apply(project)
            self.label = self._retag.label
            return changes
        assert self._created is not None
        self._id = project.add_passage(self._created)
        # Keep the row as stored (its id, uuid and creation time), so a redo is exact.
        self._created = project.get_passage(self._id)
        return [
            Change.of(Entity.PASSAGE, added=[self._id]),
            Change.of(Entity.ARTICLE, updated=[self.article_id]),
            Change.of(Entity.THEME, updated=self.theme_ids),
        ]

    def revert(self, project: Project) -> list[Change]:
        if self._retag is not None:
            return self._retag.revert(project)
        assert self._id is not None
        project.delete_passage(self._id)
        return [
            Change.of(Entity.PASSAGE, removed=[self._id]),
            Change.of(Entity.ARTICLE, updated=[self.article_id]),
            Change.of(Entity.THEME, updated=self.theme_ids),
        ]

    @property
    def passage_id(self) -> int | None:
        """The passage the words now are (new or existing); None once tagging removed it."""
        if self._retag is not None:
            return None if self.removed else self._retag.passage_id
        return self._id

    @property
    def existed(self) -> bool:
        """Whether the words already were a passage (or lay inside one)."""
        return self._retag is not None

    @property
    def removed(self) -> bool:
        """Whether toggling took the passage's last theme off, so it was removed."""
        return self._retag is not None and self._retag.removed

    @property
    def grown(self) -> Passage | None:
        """The passage as it was before it grew to cover the words; None if none grew."""
        retag = self._retag
        return retag.before if retag is not None and retag.grow_to is not None else None

    @property
    def changed(self) -> bool:
        """False when every theme was already on the passage and nothing was added."""
        retag = self._retag
        return retag is None or retag.before != retag.after


def _grown_span(
    project: Project, same: Passage, start: int, end: int, text: str
) -> tuple[int, int] | None:
    """The span ``same`` grows to so it covers ``[start, end)`` too; None when it already
    does, or when another passage has exactly that span (the store keeps one passage per
    span: the words then act on the passages around them, as words inside one do)."""
    if same.start <= start and end <= same.end:
        return None
    low, high = min(start, same.start), max(end, same.end)
    # Never onto another passage of the theme: the two would share words, and a draft
    # would quote them twice. Growing stops at its edge (the words are the theme's).
    for other in project.list_passages(article_id=same.article_id):
        if other.id == same.id or not set(other.theme_ids) & set(same.theme_ids):
            continue
        if other.start >= same.end:
            high = min(high, other.start)
        elif other.end <= same.start:
            low = max(low, other.end)
    while high > same.end and text[high - 1].isspace():  # "…trade in" not "…trade in "
        high -= 1
    while low < same.start and text[low].isspace():
        low += 1
    span = (low, high)
    taken = project.passage_covering(same.article_id, *span)
    if taken is not None and taken.id != same.id and (taken.start, taken.end) == span:
        return None
    return span


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


class _RetagCommand(_RestorablePassageCommand):
    """Tagging words that already are a passage: its themes change, never a second one."""

    def __init__(
        self,
        passage_id: int,
        theme_ids: tuple[int, ...],
        comment: str,
        toggle: bool,
        grow_to: tuple[tuple[int, int], TextQuote] | None = None,
    ) -> None:
        super().__init__(passage_id)
        self.theme_ids = theme_ids
        self.comment = comment.strip()
        self.toggle = toggle
        self.grow_to = grow_to  # the wider span and its words, when tagging grows it
        self.label = "Tag passage"

    @property
    def before(self) -> Passage | None:
        return self._before

    @property
    def after(self) -> Passage | None:
        return self._after

    @property
    def removed(self) -> bool:
        return self._before is not None and self._after is None

    def _edit(self, before: Passage) -> Passage | None:
        themes = list(before.theme_ids)
        added = [t for t in self.theme_ids if t not in themes]
        taken = [t for t in self.theme_ids if t in themes] if self.toggle else []
        themes = [t for t in themes if t not in taken] + added
        comment = before.comment
        if self.comment and self.comment not in comment:
            comment = f"{comment}\n\n{self.comment}" if comment.strip() else self.comment
        if not themes:
            self.label = "Remove passage"
            return None
        self.label = "Remove theme from passage" if taken and not added else "Add theme to passage"
        after = replace(before, theme_ids=tuple(themes), comment=comment)
        if self.grow_to is None:
            return after
        self.label = "Extend passage"
        (start, end), quote = self.grow_to
        return replace(
            after, start=start, end=end, text=quote.exact, prefix=quote.prefix, suffix=quote.suffix
        )


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
            return replace(before, theme_ids=themes) if themes else None
        self.label = "Add theme to passage"
        return replace(before, theme_ids=(*before.theme_ids, self.theme_id))


class SetCommentCommand(_RestorablePassageCommand):
    def __init__(self, passage_id: int, comment: str) -> None:
        super().__init__(passage_id)
        self.comment = comment.strip()
        self.label = "Edit comment" if self.comment else "Remove comment"

    def _edit(self, before: Passage) -> Passage | None:
        return replace(before, comment=self.comment)


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
            title = existing_article(project, self.article_id).title
        except CommandError:
            return None
        short = title if len(title) <= 60 else title[:59] + "…"
        return BackupReason("before-delete-article", f'before deleting article "{short}"')

    def apply(self, project: Project) -> list[Change]:
        self._article = existing_article(project, self.article_id)
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
        # Accepting a suggestion only ever adds its theme.
        self.parts = [
            TagPassageCommand(article_id, s, e, theme_ids, toggle=False) for s, e in spans
        ]
        self.label = f"Accept {len(spans)} suggestion{'s' if len(spans) != 1 else ''}"

    def apply(self, project: Project) -> list[Change]:
        return [change for part in self.parts for change in part.apply(project)]

    def revert(self, project: Project) -> list[Change]:
        return [change for part in reversed(self.parts) for change in part.revert(project)]
