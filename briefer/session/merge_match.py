"""How a merge of projects opens the other file and recognises what both hold.

The other project is untrusted input: it is opened read-only through the store's own
checks (a foreign, damaged or newer file is a typed error, nothing written), and refused
while another Briefer has it open for writing, whose latest work would be missed. Themes
are matched by UUID, then by name; near-duplicate names are pointed out, never merged
unasked. Notes are recognised by their UUID and their content. Imports core and store;
never Qt.
"""

from __future__ import annotations

import difflib
import enum
import hashlib
import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefer.core.model import Note, Theme
from briefer.core.record import Record
from briefer.core.tempfiles import remove_quietly, temp_path
from briefer.session.command import CommandError
from briefer.store import MigrationNeeded, Project
from briefer.store.lock import held_elsewhere
from briefer.store.upgrading import upgrade_copy

_COPY_NAMESPACE = uuid.UUID("6f1d2c9a-5b7e-4e38-9a41-0c2b7d3e8f15")
CITATION = re.compile(r"(?<!\\)\[@p([0-9]+)\]")
"""A citation token (core.citations' ``[@pN]``) that is not backslash-escaped."""

NEAR_RATIO = 0.85
"""How alike two theme names must read (difflib's ratio, case and punctuation folded) to
be shown as possibly one theme: "Defence" and "Defense", "Sanction" and "Sanctions"."""


def _open_checked(other: Path, this: Path) -> Project | None:
    """``other`` opened read-only, or None when it is healthy but of an older format."""
    if other.exists() and this.exists() and other.resolve() == this.resolve():
        raise CommandError(f"{other} is this project itself; choose another project to merge.")
    holder = held_elsewhere(other)
    if holder is not None:
        raise CommandError(
            f"{other} is open for writing by {holder.user} on {holder.host}; close it there "
            "first so the merge takes all of its work."
        )
    try:
        return Project.open(other, read_only=True)
    except MigrationNeeded:  # checked as every open checks; only its format is older
        return None


def check_other(other: Path, this: Path) -> None:
    """Raise what ``open_other`` would for ``other``, without upgrading an older one."""
    found = _open_checked(Path(other), this)
    if found is not None:
        with found:
            found.info()


@contextmanager
def open_other(other: Path, this: Path) -> Iterator[Project]:
    """``other`` opened read-only for a merge into the project at ``this``, and closed.

    A file of an older format is never touched: a copy of it, named as Briefer's temp
    files are, beside ``this`` (a folder the merge writes to anyway), is upgraded, read
    and deleted, also on failure. Raises the store's typed errors for a missing, foreign,
    damaged or newer file, and ``CommandError`` for this project itself or one another
    Briefer is writing."""
    found = _open_checked(Path(other), this)
    if found is not None:
        with found as project:
            yield project
        return
    copy = temp_path(Path(this))
    other = Path(other)
    try:
        upgrade_copy(other, copy)
        with Project.open(copy, read_only=True) as project:
            yield project
    finally:
        ends = ("", "-journal", "-wal", "-shm")
        remove_quietly(*(copy.with_name(copy.name + end) for end in ends))


def fold(name: str) -> str:
    """A theme name as names are compared: case, accents aside, and punctuation ignored."""
    return re.sub(r"[\W_]+", "", name.casefold())


class ThemeChoice(enum.StrEnum):
    """What to do with one of the other project's themes that resembles one here."""

    KEEP_OURS = "keep"  # use this project's theme as it is
    TAKE_THEIRS = "theirs"  # use this project's theme, with their name, colour and key
    SEPARATE = "separate"  # add theirs as a theme of its own


class ThemeMatch(Record, frozen=True):
    """One of the other project's themes and the theme here it matches or resembles.

    ``how`` is "uuid" or "name" for a match, "near" for a resemblance only, "" for none;
    ``differences`` lists what differs ("name", "colour", "key")."""

    theirs: Theme
    ours: Theme | None
    how: str
    differences: tuple[str, ...]

    @property
    def conflict(self) -> bool:
        """Whether the analyst has something to decide (the window's mapping step)."""
        return self.how == "near" or bool(self.differences)

    @property
    def default(self) -> ThemeChoice:
        """What the CLI does: this project's values kept, near-duplicates kept apart."""
        return ThemeChoice.SEPARATE if self.how in ("near", "") else ThemeChoice.KEEP_OURS

    def describe(self) -> str:
        if self.ours is None:
            return f'"{self.theirs.name}" is new'
        if self.how == "near":
            return f'"{self.theirs.name}" resembles "{self.ours.name}"'
        parts = []
        if "name" in self.differences:
            parts.append(f'named "{self.theirs.name}" there')
        if "colour" in self.differences:
            parts.append(f"colour {self.ours.colour} here, {self.theirs.colour} there")
        if "key" in self.differences:
            parts.append(f'key "{self.ours.shortcut}" here, "{self.theirs.shortcut}" there')
        return f'"{self.ours.name}": ' + "; ".join(parts)


def _differences(ours: Theme, theirs: Theme) -> tuple[str, ...]:
    found = []
    if ours.name != theirs.name:
        found.append("name")
    if ours.colour.casefold() != theirs.colour.casefold():
        found.append("colour")
    if ours.shortcut != theirs.shortcut:
        found.append("key")
    return tuple(found)


def parents_first(themes: Iterable[Theme]) -> list[Theme]:
    """Themes ordered so each parent comes before its children (a cycle in a damaged file
    is broken where it is found)."""
    pending = list(themes)
    ids = {t.id for t in pending}
    done: set[int | None] = set()
    ordered: list[Theme] = []
    while pending:
        ready = [t for t in pending if t.parent_id not in ids or t.parent_id in done]
        if not ready:
            ready = pending[:1]
        for theme in ready:
            ordered.append(theme)
            done.add(theme.id)
            pending.remove(theme)
    return ordered


def match_themes(ours: list[Theme], theirs: list[Theme]) -> list[ThemeMatch]:
    """Each of ``theirs`` (parents first) with the theme of ``ours`` it is, or resembles."""
    by_uuid = {t.uuid: t for t in ours if t.uuid}
    by_name = {t.name.casefold().strip(): t for t in ours}
    folded = {fold(t.name): t for t in ours}
    taken: set[int | None] = set()
    found: list[ThemeMatch] = []
    for theme in parents_first(theirs):
        same = by_uuid.get(theme.uuid) if theme.uuid else None
        how = "uuid"
        if same is None or same.id in taken:
            same, how = by_name.get(theme.name.casefold().strip()), "name"
        if same is not None and same.id not in taken:
            taken.add(same.id)
            found.append(ThemeMatch(theme, same, how, _differences(same, theme)))
            continue
        near = _resembling(theme.name, folded)
        if near is not None and near.id not in taken:
            found.append(ThemeMatch(theme, near, "near", _differences(near, theme)))
        else:
            found.append(ThemeMatch(theme, None, "", ()))
    return found


def _resembling(name: str, folded: dict[str, Theme]) -> Theme | None:
    key = fold(name)
    if not key:
        return None
    if key in folded:
        return folded[key]
    close = difflib.get_close_matches(key, list(folded), n=1, cutoff=NEAR_RATIO)
    return folded[close[0]] if close else None


# -- notes ------------------------------------------------------------------------------


def note_content(note: Note, passage_uuid: Callable[[int], str]) -> str:
    """A fingerprint of a note's sections, its citations named by passage UUID, so the same
    note in two projects (whose passage ids differ) has the same fingerprint."""

    def named(match: re.Match[str]) -> str:
        return f"[@{passage_uuid(int(match.group(1))) or 'p' + match.group(1)}]"

    sections = [(s.heading, s.level, CITATION.sub(named, s.body)) for s in note.sections]
    data = json.dumps([note.author, note.recipient, note.reference, sections], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def copy_uuid(note_uuid: str, content: str) -> str:
    """The UUID of the copy a merge makes of a note edited on both sides: derived from the
    note and its content, so the copy is recognised in later merges, either way."""
    return str(uuid.uuid5(_COPY_NAMESPACE, f"{note_uuid}:{content}"))


def already_here(note_uuid: str, content: str, here: dict[str, set[str]]) -> bool:
    """Whether a note (``note_uuid`` with ``content``) is already in a project whose notes'
    contents are ``here`` ({content: {uuid, ...}}): the note itself, a copy made of it,
    or the note it is a copy of."""
    uuids = here.get(content, set())
    return (
        note_uuid in uuids
        or copy_uuid(note_uuid, content) in uuids
        or any(copy_uuid(u, content) == note_uuid for u in uuids)
    )


def free_title(title: str, source: str, taken: set[str]) -> str:
    """``title`` if no note here has it, else "Title (from SOURCE)", numbered if need be."""
    if title.casefold() not in taken:
        return title
    candidate = f"{title} (from {source})"
    number = 2
    while candidate.casefold() in taken:
        candidate = f"{title} (from {source} {number})"
        number += 1
    return candidate
