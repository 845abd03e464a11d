"""Authors for a citation from the by-line an importer stored: people split into given and
family names, organisations kept whole.

The importers join several authors with ", " ("Ines Kaur, Tomas Berg"), mail and PDFs
bring "Smith, Jane", and pages add what is no author at all: an agency, a paper or a
role after the name ("Jane Smith, Reuters", "..., Shipping Correspondent"). A style
sorts and abbreviates by family name, so reading these right decides whether the
bibliography says "Kaur, Ines, and Tomas Berg" or "Tomas Berg Ines Kaur". Standard
library only.
"""

from __future__ import annotations

import re

_PERSON_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
_NAME_SPLIT = re.compile(r"\s*(?:;|\band\b|&)\s*")
_INITIALS = re.compile(r"^(?:[A-Z]\.\s*)+$")
_ORGANISATION_WORDS = frozenset({
    "agency", "analyst", "association", "bank", "board", "bureau", "centre", "center",
    "columnist", "commission", "committee", "company", "contributor", "correspondent",
    "correspondents", "council", "daily", "department", "desk", "digest", "economist",
    "editor", "editorial", "editors", "foundation", "gazette", "government", "group",
    "herald", "inc", "institute", "journal", "ltd", "magazine", "media", "ministry",
    "monitor", "network", "news", "newsroom", "office", "post", "press", "radio", "report",
    "reporter", "reporters", "review", "service", "staff", "team", "the", "times",
    "tribune", "university", "weekly", "wire", "writer",
})  # fmt: skip
"""Words that make a two-to-four word by-line an organisation or a role ("Policy Digest",
"Chief Economist", "The Guardian"), not a person."""
_AGENCIES = frozenset({
    "afp", "ani", "ansa", "ap", "bloomberg", "dpa", "efe", "ians", "kyodo", "pa", "pti",
    "reuters", "tass", "upi", "xinhua", "yonhap",
})  # fmt: skip
"""News agencies whose names stand alone in by-lines, so "AFP, Reuters" is two sources."""
_PARTICLES = frozenset({
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el",
    "ibn", "la", "le", "st.", "ten", "ter", "van", "von",
})  # fmt: skip
"""Words that begin a family name ("van der Berg", "Le Pen") as part of it."""


def parse_names(text: str, *, publisher: str = "") -> list[dict[str, str]]:
    """Authors from a by-line: "Jane Smith and Ali Khan", "Smith, Jane", or an organisation.

    A part that does not look like a person's name (a lower-case word, one
    word only, more than four, a word such as "Digest" or "Staff", or the
    ``publisher``'s own name, as in "Invezz Newsroom") stays whole as a literal
    name, so "Ministry of Defence" or "Policy Digest" is never cut into a given
    name and a family name, nor sorted as "Newsroom, Invezz" in the bibliography.
    A comma separates names as "and" does, unless it inverts one ("Smith, Jane");
    after a person, what is no person is their affiliation or role, not an author.
    """
    house = publisher.casefold().split()
    text = re.sub(r"^\s*by\s+", "", text.strip(), flags=re.IGNORECASE)
    names: list[dict[str, str]] = []
    for part in _NAME_SPLIT.split(text):
        pieces = [piece.strip() for piece in part.split(",") if piece.strip()]
        found: list[dict[str, str]] = []
        if (
            len(pieces) == 2
            and _undecidable(*pieces)
            and not _holds(house, pieces[1].casefold().split())
        ):  # "Jane Smith, Politico" at Politico: the paper, as an affiliation
            names.append({"literal": ", ".join(pieces)})
            continue
        if len(pieces) >= 2 and _inverted(pieces[0], pieces[1]):  # "Smith, Jane, Reuters"
            found.append({"family": pieces[0], "given": pieces[1]})
            pieces = pieces[2:]
        found += [_name(piece, house) for piece in pieces]
        if found and "family" in found[0]:
            found = [found[0], *(name for name in found[1:] if "family" in name)]
        names.extend(found)
    return names


def _inverted(family: str, given: str) -> bool:
    """Whether "A, B" is one name written family first ("Smith, Jane", "van der Berg, J.",
    "Le Pen, Marine") rather than two names ("Ines Kaur, Tomas Berg") or a name and its
    agency ("Jane Smith, Reuters"): the family part is one capitalised word after any
    particles, and the given part a few capitalised words or initials."""
    words = family.split()
    given_words = given.split()
    if not words or {family.casefold(), given.casefold()} & _AGENCIES:  # "AFP, Reuters"
        return False
    particles = all(w.casefold() in _PARTICLES for w in words[:-1])
    return (
        particles and _PERSON_WORD.match(words[-1]) is not None
        and 1 <= len(given_words) <= 3
        and (_INITIALS.match(given) is not None
             or all(_PERSON_WORD.match(w) for w in given_words))
        and not any(w.casefold().strip(".,") in _ORGANISATION_WORDS for w in given_words)
    )  # fmt: skip


def _undecidable(first: str, second: str) -> bool:
    """ "García Márquez, Gabriel" (inverted) reads exactly as "Jane Smith, Politico" (a name
    and its paper): two capitalised words, then one that is neither a known agency nor an
    organisation's word. Kept whole, neither loses a word nor gains a false author."""
    words = first.split()
    return (
        len(words) == 2 and all(_PERSON_WORD.match(w) for w in words)
        and not any(w.casefold() in _PARTICLES for w in words[:-1])
        and _PERSON_WORD.match(second) is not None and not _INITIALS.match(second)
        and second.casefold().strip(".") not in _AGENCIES | _ORGANISATION_WORDS
    )  # fmt: skip


def _name(part: str, house: list[str]) -> dict[str, str]:
    words = part.split()
    folded = [w.casefold().strip(".,") for w in words]
    organisation = any(w in _ORGANISATION_WORDS for w in folded) or _holds(folded, house)
    if 2 <= len(words) <= 4 and not organisation and all(_PERSON_WORD.match(w) for w in words):
        return {"family": words[-1], "given": " ".join(words[:-1])}
    return {"literal": part}


def _holds(words: list[str], run: list[str]) -> bool:
    """Whether ``run`` (a publisher's name, as words) appears whole within ``words``."""
    n = len(run)
    return n > 0 and any(words[i : i + n] == run for i in range(len(words) - n + 1))
