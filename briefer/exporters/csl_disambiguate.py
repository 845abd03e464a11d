"""CSL 1.0.2 disambiguation of cites that would read alike ("Wire 2025" for two articles).

citeproc-py has none: two sources by the same author in the same year both
read "(Wire, 2025)", and "Smith 2025" stands for two different Smiths. The
specification ("Disambiguation", under cs:citation's options) resolves an
ambiguous cite in four steps, each tried only on the cites still ambiguous
after the one before, and only where the style asks for it:

1. ``disambiguate-add-names``: names hidden by et-al are added one by one;
2. ``disambiguate-add-givenname``: given names (initials, then full, as
   ``givenname-disambiguation-rule`` allows) are added to names that differ
   only there; the ``all-names``/``primary-name`` rules also expand such
   names in every cite, ambiguous or not (global name disambiguation);
3. the ``disambiguate="true"`` condition of cs:if becomes true;
4. ``disambiguate-add-year-suffix``: "a", "b", ... in bibliography order,
   which then shows in the cite and the bibliography entry alike.

A pure function of the cited items, their names and a ``render`` callback
that renders an item's cite in a given :class:`State`; standard library only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from briefer.core.record import Record, replace

BY_CITE = "by-cite"
"""The specification's default ``givenname-disambiguation-rule``."""
_GLOBAL_RULES = frozenset(
    {"all-names", "all-names-with-initials", "primary-name", "primary-name-with-initials"}
)
INITIALS = 1
"""A name level: the given name as initials (or whole, where the style has no initialize-with)."""
FULL = 2
"""A name level: the whole given name."""

Person = tuple[str, str]
"""A name as (family, given); a literal (an organisation) has no given name."""


class Rules(Record, frozen=True):
    """What a style's cs:citation asks for (its disambiguation attributes)."""

    add_names: bool = False
    add_givenname: bool = False
    givenname_rule: str = BY_CITE
    add_year_suffix: bool = False
    condition: bool = False
    """Whether the style tests ``disambiguate="true"`` anywhere."""
    et_al_use_first: int = 1

    @property
    def active(self) -> bool:
        return self.add_names or self.add_givenname or self.add_year_suffix or self.condition

    def as_list(self) -> list[object]:
        return [
            self.add_names,
            self.add_givenname,
            self.givenname_rule,
            self.add_year_suffix,
            self.condition,
            self.et_al_use_first,
        ]

    @classmethod
    def from_list(cls, raw: Sequence[object]) -> Rules:
        names, given, rule, suffix, condition, first = raw
        return cls(
            bool(names), bool(given), str(rule), bool(suffix), bool(condition), int(str(first))
        )


class State(Record, frozen=True):
    """How one item's cites are rendered to tell it apart: the default renders as the style says.

    ``names`` is how many names to show before et-al (0: the style's own
    number); ``expand`` a level (INITIALS, FULL) per name, by position.
    """

    names: int = 0
    expand: tuple[int, ...] = ()
    condition: bool = False

    @property
    def plain(self) -> bool:
        return self == _PLAIN

    def token(self) -> str:
        return f"{self.names}|{','.join(map(str, self.expand))}|{int(self.condition)}"

    def level(self, index: int) -> int:
        return self.expand[index] if index < len(self.expand) else 0


_PLAIN = State()


class Outcome(Record, frozen=True):
    """Each item's state (only those not plain) and year suffix (only those given one)."""

    states: dict[str, State]
    suffixes: dict[str, str]


def year_suffix(index: int) -> str:
    """The n-th suffix (0-based): a ... z, aa, ab ... az, ba ... as the specification says."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    if index < 26:
        return letters[index]
    return year_suffix(index // 26 - 1) + letters[index % 26]


def disambiguate(
    keys: Sequence[str],
    people: Mapping[str, Sequence[Person]],
    render: Callable[[str, State], str],
    rules: Rules,
) -> Outcome:
    """Each item's state and year suffix, following the specification's four steps.

    ``keys`` are the cited items in bibliography order (the order year
    suffixes follow); ``people`` the names of each item the style may print;
    ``render`` an item's cite, as plain text, in a state.
    """
    states: dict[str, State] = dict.fromkeys(keys, _PLAIN)
    if rules.add_givenname and rules.givenname_rule in _GLOBAL_RULES:
        primary = rules.givenname_rule.startswith("primary-name")
        initials_only = rules.givenname_rule.endswith("with-initials")
        scope = {k: list(people.get(k, ()))[: 1 if primary else None] for k in keys}
        everyone = {p for names in scope.values() for p in names}
        for key in keys:
            expand = tuple(_level(p, everyone, initials_only) for p in scope[key])
            if any(expand):
                states[key] = replace(states[key], expand=expand)
    texts = {key: render(key, states[key]) for key in keys}

    def again(members: Sequence[str]) -> None:
        for key in members:
            texts[key] = render(key, states[key])

    if rules.add_names:
        for group in _groups(keys, texts):
            _add_names(group, people, states, texts, render, rules.et_al_use_first)
    if rules.add_givenname and rules.givenname_rule == BY_CITE:
        for group in _groups(keys, texts):
            shown = {k: _shown(k, people, states, rules.et_al_use_first) for k in group}
            everyone = {p for k in group for p in shown[k]}
            for key in group:
                expand = tuple(_level(p, everyone, False) for p in shown[key])
                if any(expand):
                    merged = tuple(max(a, states[key].level(i)) for i, a in enumerate(expand))
                    states[key] = replace(states[key], expand=merged)
            again(group)
    if rules.condition:
        for group in _groups(keys, texts):
            for key in group:
                states[key] = replace(states[key], condition=True)
            again(group)
    suffixes: dict[str, str] = {}
    if rules.add_year_suffix:
        for group in _groups(keys, texts):
            for index, key in enumerate(group):
                suffixes[key] = year_suffix(index)
    return Outcome({k: s for k, s in states.items() if not s.plain}, suffixes)


def _groups(keys: Sequence[str], texts: Mapping[str, str]) -> list[list[str]]:
    """Sets of items whose cites read alike, each in ``keys`` order (the bibliography's)."""
    by_text: dict[str, list[str]] = {}
    for key in keys:
        by_text.setdefault(texts[key], []).append(key)
    return [group for group in by_text.values() if len(group) > 1]


def _level(person: Person, everyone: set[Person], initials_only: bool) -> int:
    """How far a name must be expanded to differ from every other name of its family."""
    family, given = person
    if not given:
        return 0
    others = [g for f, g in everyone if f == family and g and g != given]
    if not others:
        return 0
    if initials_only or all(_initials(g) != _initials(given) for g in others):
        return INITIALS
    return FULL


def _initials(given: str) -> str:
    return "".join(part[0].upper() for part in given.replace("-", " ").replace(".", " ").split())


def _shown(
    key: str, people: Mapping[str, Sequence[Person]], states: Mapping[str, State], first: int
) -> list[Person]:
    names = list(people.get(key, ()))
    count = states[key].names or first
    return names if len(names) < 2 else names[: max(count, 1)]


def _add_names(
    group: Sequence[str],
    people: Mapping[str, Sequence[Person]],
    states: dict[str, State],
    texts: dict[str, str],
    render: Callable[[str, State], str],
    first: int,
) -> None:
    """Step 1: show one more name at a time in every member still ambiguous.

    A member told apart keeps the names that did it; one never told apart
    goes back to the style's own number of names, as if no names were added.
    """
    pending = [k for k in group if len(people.get(k, ())) > first]
    most = max((len(people.get(k, ())) for k in pending), default=0)
    for count in range(first + 1, most + 1):
        if not pending:
            break
        for key in pending:
            if len(people.get(key, ())) >= count:
                states[key] = replace(states[key], names=count)
                texts[key] = render(key, states[key])
        told = [k for k in pending if sum(texts[o] == texts[k] for o in group) == 1]
        pending = [k for k in pending if k not in told]
    for key in pending:
        if states[key].names:
            states[key] = replace(states[key], names=0)
            texts[key] = render(key, states[key])
