"""What a merge of projects does with the other project's themes, decided without writing.

One pure function for the merge command and the window's mapping step alike: the command
carries the steps out, and the mapping step recomputes the theme part of its summary as
the analyst changes a choice, without another dry run. Imports core and session only.
"""

from __future__ import annotations

from collections.abc import Mapping

from briefer.core.model import Theme
from briefer.core.record import Record, field, replace
from briefer.session.merge_match import ThemeChoice, free_title, match_themes


class Match(Record, frozen=True):
    """Their theme is this one here, as it is."""

    theirs: int
    here: int


class Take(Record, frozen=True):
    """Their theme is this one here, which takes their name, colour and key (``after``;
    None when that changes nothing)."""

    theirs: int
    here: int
    before: Theme
    after: Theme | None


class Add(Record, frozen=True):
    """Their theme is added: ``theme`` as it will be written, its ``parent_id`` still
    their parent's id, its ``uuid`` theirs to keep if free here ("" for a new one)."""

    theirs: int
    theme: Theme


Step = Match | Take | Add


class ThemeSteps(Record):
    """The steps, in order, and what the merge's report says of themes."""

    steps: list[Step] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    matched: int = 0
    conflicts: list[str] = field(default_factory=list)
    near_duplicates: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


def choice_text(choice: ThemeChoice) -> str:
    return {
        ThemeChoice.KEEP_OURS: "this project's kept",
        ThemeChoice.TAKE_THEIRS: "theirs taken",
        ThemeChoice.SEPARATE: "kept as a separate theme",
    }[choice]


def _id(theme: Theme) -> int:
    assert theme.id is not None
    return theme.id


def plan_themes(
    ours: list[Theme], theirs: list[Theme], choices: Mapping[str, ThemeChoice], source: str
) -> ThemeSteps:
    """What merging ``theirs`` into ``ours`` does, ``choices`` by their theme's UUID
    (``ThemeMatch.default`` for the others); ``source`` names their project in new names."""
    out = ThemeSteps()
    keys = {t.shortcut for t in ours if t.shortcut}
    names = {t.name.casefold() for t in ours}
    position = max((t.position for t in ours), default=0)
    for match in match_themes(ours, theirs):
        there, here = match.theirs, match.ours
        choice = choices.get(there.uuid, match.default)
        if here is not None and match.conflict:
            note = f"{match.describe()} ({choice_text(choice)})"
            (out.near_duplicates if match.how == "near" else out.conflicts).append(note)
        if here is not None and here.id is not None:
            if choice is ThemeChoice.KEEP_OURS or not match.conflict:
                out.steps.append(Match(_id(there), here.id))
                out.matched += 1
                continue
            if choice is ThemeChoice.TAKE_THEIRS:
                after = _take_theirs(here, there, keys, names, out.left_out)
                out.steps.append(Take(_id(there), here.id, here, after))
                out.matched += 1
                continue
        position += 1
        name = free_title(there.name, source, names)
        shortcut = there.shortcut
        if shortcut and shortcut in keys:
            out.left_out.append(f'the key "{shortcut}" of theme "{name}" (in use here)')
            shortcut = ""
        theme = replace(
            there,
            id=None,
            name=name,
            shortcut=shortcut,
            position=position,
            uuid=there.uuid if there.uuid and here is None else "",
        )
        out.steps.append(Add(_id(there), theme))
        keys.add(shortcut)
        names.add(name.casefold())
        out.added.append(name)
    return out


def _take_theirs(
    here: Theme, theirs: Theme, keys: set[str], names: set[str], left_out: list[str]
) -> Theme | None:
    name = here.name
    if theirs.name.casefold() == here.name.casefold() or theirs.name.casefold() not in names:
        name = theirs.name
    shortcut = theirs.shortcut
    if shortcut and shortcut in keys - {here.shortcut}:  # another theme here has it
        left_out.append(f'the key "{shortcut}" of theme "{name}" (in use here)')
        shortcut = here.shortcut
    after = replace(here, name=name, colour=theirs.colour, shortcut=shortcut)
    if after == here:
        return None
    keys.discard(here.shortcut)
    keys.add(shortcut)
    names.discard(here.name.casefold())
    names.add(name.casefold())
    return after


def theme_map(steps: ThemeSteps) -> dict[int, int]:
    """Their theme id -> the theme here it becomes; an added theme gets a negative
    stand-in id, unlike any theme here."""
    return {
        step.theirs: -1 - step.theirs if isinstance(step, Add) else step.here
        for step in steps.steps
    }


class Unions(Record):
    """The passages here a merge unites with theirs, kept by a dry run so the mapping step
    can count, for other theme choices, how many of them would gain themes or comments.

    ``before`` is a passage's themes before its first union: ids here, plus their ids for a
    passage this merge itself added."""

    before: dict[int, tuple[frozenset[int], frozenset[int]]] = field(default_factory=dict)
    theirs: dict[int, set[int]] = field(default_factory=dict)
    comment_changed: set[int] = field(default_factory=set)

    def record(
        self, passage_id: int, before: tuple[frozenset[int], frozenset[int]],
        their_themes: tuple[int, ...], comment_changed: bool,
    ) -> None:  # fmt: skip
        self.before.setdefault(passage_id, before)
        self.theirs.setdefault(passage_id, set()).update(their_themes)
        if comment_changed:
            self.comment_changed.add(passage_id)

    def changed(self, themes: Mapping[int, int]) -> int:
        """How many passages would change with their themes mapped by ``themes``."""
        count = 0
        for passage_id, (here, theirs_before) in self.before.items():
            had = set(here) | {themes[t] for t in theirs_before if t in themes}
            gained = {themes[t] for t in self.theirs[passage_id] if t in themes} - had
            count += bool(gained) or passage_id in self.comment_changed
        return count
