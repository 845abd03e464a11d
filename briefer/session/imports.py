"""Batch import: files and folders in, one outcome per file out, never all-or-nothing.

Extraction is the importers' job and storage the store's; this module joins
them with duplicate detection and one transaction per article, so one bad
file in a batch does not stop the others. The importers' registry is
imported where it is used: it pulls in Pillow, the e-mail package and the
format libraries, which a CLI export or listing never needs.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from briefer.core import likeness
from briefer.core.record import Record, replace
from briefer.core.safetext import readable_name
from briefer.importers.base import ImportCancelled, Imported, ImportRejected
from briefer.importers.sources import ImportPlan
from briefer.session.article_commands import DETAIL_NAMES, details_from_copy, imported_details
from briefer.store import DiskFull, Project, ProjectError


class ImportStatus(enum.StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class NearCopy(Record, frozen=True):
    """An article already in the project that holds most of an imported one's text."""

    article_id: int
    title: str
    percent: int
    """The share of the shorter text's word shingles that the other holds."""
    of_this: bool
    """True when the imported text is the shorter one, whose share ``percent`` gives."""
    part: bool = False
    """True when the imported text is no copy but a part of that article, which is more
    than twice as long (two paragraphs of it pasted): ``likeness`` calls it contained."""

    @property
    def note(self) -> str:
        if self.part:
            return (f"Part of “{self.title}” (article {self.article_id}), already in the "
                    f"project: {self.percent}% of this text is in it.")  # fmt: skip
        whose = "of this text is in it" if self.of_this else "of that article's text is in this one"
        return (f"Much like “{self.title}” (article {self.article_id}), already in the project: "
                f"{self.percent}% {whose}.")  # fmt: skip


class ImportOutcome(Record, frozen=True):
    """What became of one source: its article id, or why not."""

    source: str
    status: ImportStatus
    article_id: int | None = None
    title: str = ""
    reason: str = ""
    warnings: tuple[str, ...] = ()
    """What was imported but could not be read well (scanned pages, broken fonts)."""
    filled: tuple[str, ...] = ()
    """Details (``Article`` field names) a duplicate filled in on the article kept."""
    note: str = ""
    """For a duplicate: what it filled in, and what it gives differently; for an article
    imported that is much like one already there, which (``like``); else empty."""
    like: NearCopy | None = None
    """The article already in the project that an imported one is much like, if any."""

    @property
    def imported(self) -> bool:
        return self.status is ImportStatus.IMPORTED


class ImportReport(Record, frozen=True):
    outcomes: list[ImportOutcome]
    stopped_by: ProjectError | None = None
    """The project error that ended the batch early, if any (every file is still listed)."""

    def count(self, status: ImportStatus) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def disk_full(self) -> DiskFull | None:
        """Why the import stopped early, when the disk under the project filled up."""
        return self.stopped_by if isinstance(self.stopped_by, DiskFull) else None

    @property
    def summary(self) -> str:
        likes = [o.like for o in self.outcomes if o.imported and o.like is not None]
        alike = sum(1 for like in likes if not like.part)
        within = len(likes) - alike
        notes = [f"{alike} much like an article already there"] if alike else []
        notes += [f"{within} part of an article already there"] if within else []
        parts = [
            f"{self.count(ImportStatus.IMPORTED)} imported"
            + (f" ({', '.join(notes)})" if notes else ""),
            f"{self.count(ImportStatus.DUPLICATE)} already in the project",
            f"{self.count(ImportStatus.FAILED)} failed",
        ]
        skipped = self.count(ImportStatus.SKIPPED)
        if skipped:
            parts.append(f"{skipped} skipped (links, special files, formats not read)")
        cancelled = self.count(ImportStatus.CANCELLED)
        if cancelled:
            parts.append(f"{cancelled} not imported (cancelled)")
        return ", ".join(parts)


class _Cancelled(Exception):
    """A paste cancelled before its commit: raised inside its transaction, the store rolls
    it back; before it, nothing was written."""


def store_imported(
    project: Project,
    imported: Imported,
    source: str,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportOutcome:
    """Adds the article unless the project already has it (same URL or same text).

    A copy already there may say less about itself: a PDF has no publisher or address
    where the saved page has both. What it lacks is filled in from the new copy; where
    both say something different, the reason says so and leaves the analyst to choose.
    Every import stores through here, so here its details are bounded and tidied
    (``imported_details``) and its source name made one a store can hold.
    ``cancelled`` is read while looking for a near copy, before the transaction and last
    inside it: true then, nothing is written (``_Cancelled``, raised inside the
    transaction, rolls it back); once committed, the article stands.
    """
    article = imported_details(imported.article)
    original = replace(imported.original, filename=readable_name(imported.original.filename))
    source = readable_name(source)
    # Looking for a near copy only reads, and comparing texts takes milliseconds: it is
    # done before the edit's transaction, so the write lock is held for the writes alone.
    # An exact duplicate (the usual case on a second import) needs no such look.
    seen = project.find_duplicate(article.url, article.text, article.title)
    like = near_copy(project, article.text, cancelled) if seen is None else None
    if cancelled():  # before the write lock and the article's writes, not after them
        raise _Cancelled
    with project.transaction():
        existing = project.find_duplicate(article.url, article.text, article.title)
        if existing is not None:
            kept = project.get_article(existing)
            filled, differing = details_from_copy(kept, article)
            if filled:
                project.update_article_details(replace(kept, **filled))
            if cancelled():
                raise _Cancelled
            note = _duplicate_note(list(filled), differing)
            return ImportOutcome(
                source,
                ImportStatus.DUPLICATE,
                existing,
                article.title,
                " ".join(filter(None, [f"Already in the project as article {existing}.", note])),
                filled=tuple(filled),
                note=note,
            )
        if seen is not None:  # the duplicate seen a moment ago has gone since: look now
            like = near_copy(project, article.text, cancelled)
        elif like is not None:
            like = _still_there(project, like)
        article_id = project.add_article(article, original)
        if cancelled():
            raise _Cancelled
    return ImportOutcome(
        source, ImportStatus.IMPORTED, article_id, article.title, warnings=imported.warnings,
        note=like.note if like else "", like=like,
    )  # fmt: skip


def near_copy(
    project: Project, text: str, cancelled: Callable[[], bool] = lambda: False
) -> NearCopy | None:
    """The article here that most of ``text`` is in, or that is mostly in it (``likeness``);
    failing that, one that holds nearly all of ``text`` as a part of itself (an excerpt).

    A file the analyst chose is imported even so (the web page and the Word copy of one
    story differ in a standfirst or a caption, and either may be the one to cite), but
    the report says so. Candidates come from the search index, which holds a few sampled
    phrases of ``text``: the cost is a few indexed look-ups per import (they grow with the
    index, never with a pass over every article), and only the few candidates' texts are
    read and compared. A text too long to be an article (``LONGEST`` characters or
    ``LONGEST_WORDS`` words) is not compared. ``cancelled`` is read before each text is
    split into shingles (a long one takes a second): true, ``_Cancelled`` is raised.
    """
    if _too_long(text):
        return None
    phrases = likeness.sample_phrases(text)
    # A near copy holds at least ~40% of the sample (85% of ours in it, or 85% of it in
    # half as much): 2 of 8 misses one of those at the edge about one time in twelve, and
    # a copy of the kind the analyst meets (90% and more) almost never.
    least = max(2, len(phrases) // 4)
    best: NearCopy | None = None
    mine: frozenset[int] | None = None  # made once a candidate is found: most imports have none
    for article_id, title, other in project.copy_candidates(phrases, least):
        if _too_long(other):
            continue
        if cancelled():
            raise _Cancelled
        if mine is None:
            mine = likeness.shingles(text)
            if len(mine) < likeness.MIN_SHINGLES:
                return None
        if cancelled():
            raise _Cancelled
        found = likeness.likeness(mine, likeness.shingles(other))
        share = likeness.percent(found.shared)
        part = found.contained and found.first_shorter  # an excerpt of a longer article
        if not (found.near or part):
            continue
        if best is None or (best.part, -best.percent) > (part, -share):  # a copy first
            best = NearCopy(article_id, title, share, of_this=found.first_shorter, part=part)
    return best


def _too_long(text: str) -> bool:
    if len(text) > likeness.LONGEST:
        return True
    # Never more words than characters: most texts are not counted.
    return len(text) > likeness.LONGEST_WORDS and likeness.word_count(text) > likeness.LONGEST_WORDS


def _still_there(project: Project, like: NearCopy) -> NearCopy | None:
    """``like`` as the project has it now: another edit may have deleted or renamed the
    article since it was found (its text never changes, so the share still holds)."""
    now = project.article_summaries([like.article_id]).get(like.article_id)
    return None if now is None else replace(like, title=now.title)


def _duplicate_note(filled: list[str], differing: list[str]) -> str:
    note = ""
    if filled:
        names = [DETAIL_NAMES[name] for name in filled]
        joined = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        note = f"Filled in its {joined} from this copy."
    if differing:
        them = "them" if len(differing) > 1 else "it"
        note += (f" This copy gives {'; '.join(differing)}; change {them} in the article's "
                 "details if this copy is right.")  # fmt: skip
    return note.strip()


def import_files(
    project: Project,
    paths: Iterable[Path] | ImportPlan,
    *,
    recursive: bool = True,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[ImportOutcome]:
    """One outcome per file, skipped and missing ones included, as each is known.

    A full disk ends the batch (every later file would fail the same way), but each
    remaining file is still listed, so the report says what did not come in.
    Each outcome names its file readably (``readable_name``): a name that is not
    UTF-8 is still imported, and the report, the JSON and the window can show it.
    """
    from briefer.importers.registry import import_path, scan_paths

    plan = paths if isinstance(paths, ImportPlan) else scan_paths(paths, recursive=recursive)
    for path in plan.missing:
        yield ImportOutcome(_named(path), ImportStatus.FAILED, reason="No such file or folder.")
    for skipped in plan.skipped:
        reason = readable_name(skipped.reason)
        yield ImportOutcome(_named(skipped.path), ImportStatus.SKIPPED, reason=reason)
    for index, path in enumerate(plan.files):
        if cancelled():
            for rest in plan.files[index:]:
                yield ImportOutcome(
                    _named(rest), ImportStatus.CANCELLED, reason="Import cancelled."
                )
            return
        try:
            imported = import_path(path, follow_links=path not in plan.from_folders)
        except ImportRejected as exc:
            yield ImportOutcome(_named(path), ImportStatus.FAILED, reason=readable_name(exc.reason))
            continue
        try:
            yield store_imported(project, imported, _named(path))
        except DiskFull as full:
            for rest in plan.files[index:]:
                yield ImportOutcome(_named(rest), ImportStatus.FAILED, reason=str(full))
            raise


def _named(path: Path) -> str:
    return readable_name(str(path))


def import_pasted(
    project: Project,
    *,
    text: str | None = None,
    html: str | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportOutcome:
    """The clipboard's content as an article; ``cancelled`` is read while it is read,
    while a near copy is looked for and before and inside the transaction, so a cancel
    leaves the project as it was."""
    try:
        from briefer.importers.paste import import_paste  # not every format's library

        imported = import_paste(text=text, html=html, cancelled=cancelled)
    except ImportRejected as exc:
        return ImportOutcome("clipboard", ImportStatus.FAILED, reason=exc.reason)
    except ImportCancelled:
        return _paste_cancelled()
    try:
        return store_imported(project, imported, "clipboard", cancelled)
    except _Cancelled:
        return _paste_cancelled()


def _paste_cancelled() -> ImportOutcome:
    return ImportOutcome("clipboard", ImportStatus.CANCELLED, reason="Paste cancelled.")
