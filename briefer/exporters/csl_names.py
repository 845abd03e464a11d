"""Authors for a citation from the by-line an importer stored: people split into given and
family names, organisations kept whole.

The importers join several authors with ", " ("Ines Kaur, Tomas Berg"), mail and PDFs
bring "Smith, Jane", and pages add what is no author at all: an agency, a paper or a
role after the name ("Jane Smith, Reuters", "..., Shipping Correspondent"). A style
sorts and abbreviates by family name, so reading these right decides whether the
bibliography says "Kaur, Ines, and Tomas Berg" or "Tomas Berg Ines Kaur". Where it is
unclear, a name is kept whole: a person kept whole still reads right, a body split does
not ("Unit, 'Harbourside Restores the Ferry'"). Standard library only.
"""

from __future__ import annotations

import re

_PERSON_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
"""A word of a name: letters of any script first, then letters, apostrophes, dots, hyphens."""
_SEMICOLONS = re.compile(r"\s*;\s*")
"""Authors as the Author field asks for them: "Jane Smith; Omar Ali"."""
_NAME_SPLIT = re.compile(r"\s*(?:\band\b|(?<!\S)&(?!\S))\s*")  # "S&P" is one name
_INITIALS = re.compile(r"^(?:[A-Z]\.\s*)+$")
_ORGANISATION_WORDS = frozenset({
    # bodies and their parts ("Policy Unit", "Foreign Affairs Committee", "Chatham House")
    "academy", "administration", "agency", "alliance", "assembly", "association",
    "authority", "bank", "board", "bureau", "cabinet", "centre", "center", "chamber",
    "coalition", "college", "command", "commission", "committee", "company", "congress",
    "consortium", "corp", "corporation", "council", "court", "delegation", "department",
    "directorate", "division", "embassy", "federation", "forum", "foundation", "fund",
    "government", "group", "house", "inc", "initiative", "institute", "institution", "lab",
    "laboratory", "labs", "league", "llc", "ltd", "ministry", "mission", "network",
    "observatory", "office", "organisation", "organization", "panel", "parliament",
    "partners", "partnership", "party", "plc", "police", "presidency", "program", "programme",
    "project", "secretariat", "senate", "service", "services", "society", "taskforce",
    "team", "tribunal", "trust", "union", "unit", "university",
    # papers, newsrooms and by-line roles ("Bloomberg News", "Reuters Staff", "Chief Economist")
    "analyst", "analysts", "briefing", "broadcasting", "bulletin", "channel", "chronicle",
    "columnist", "contributor", "contributors", "correspondent", "correspondents",
    "courier", "daily", "desk", "digest", "dispatch", "economist", "editor", "editorial",
    "editors", "express", "gazette", "globe", "guardian", "herald", "independent", "insider",
    "journal", "magazine", "mail", "media", "mirror", "monitor", "monitoring", "news",
    "newsletter", "newsroom", "newswire", "observer", "online", "post", "press", "radio",
    "report", "reporter", "reporters", "review", "staff", "standard", "telegraph",
    "television", "times", "today", "tribune", "tv", "watch", "weekly", "wire", "wires",
    "writer", "writers",
    # what a body studies or serves, never a person's name ("Energy Policy Research")
    "affairs", "analysis", "analytics", "central", "data", "defence", "defense",
    "development", "economic", "economics", "energy", "european", "federal", "finance",
    "financial", "foreign", "global", "insight", "insights", "intelligence", "international",
    "national", "policy", "public", "regional", "research", "royal", "security",
    "statistics", "strategic", "strategy", "studies", "the", "united", "world", "business",
    "capital", "economy", "endowment", "markets", "risk", "risks", "africa", "america",
    "americas", "asia", "europe", "pacific", "sans", "frontières", "without", "borders",
    # the same in the languages briefings most often quote ("Banque de France")
    "agence", "agencia", "agenzia", "amt", "banca", "banco", "banque", "bund", "comité",
    "comisión", "commissione", "conseil", "consejo", "consiglio", "diario", "fondation",
    "fondazione", "fundación", "gobierno", "gouvernement", "governo", "groupe", "gruppe",
    "gruppo", "grupo", "institut", "instituto", "istituto", "ministère", "ministerio",
    "ministero", "ministerium", "nachrichten", "noticias", "parlement", "parlamento",
    "redacción", "rédaction", "redaktion", "redazione", "regierung", "stiftung", "universidad",
    "università", "universität", "université", "verband", "zeitung", "агентство",
    "институт", "комитет", "министерство", "новости", "правительство", "пресс-служба",
    "редакция", "служба", "совет", "центр",
})  # fmt: skip
"""Words that make a by-line a body or a role ("Policy Unit", "Chief Economist", "The
Guardian"), not a person. A body's name is made of such common nouns, a person's of
proper names; a by-line that holds one is kept whole, as CSL's literal name."""
_ARTICLES = frozenset({
    "al", "das", "de", "del", "der", "die", "du", "el", "il", "l'", "la", "las", "le", "les",
    "lo", "los", "the",
})  # fmt: skip
"""Words a paper's or a body's name may begin with ("Le Monde", "Al Jazeera", "Die Zeit",
"De Telegraaf") and a person's given name almost never does."""
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
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""What may follow a family name ("Jr.", "III"): CSL's suffix, never the family name."""


def parse_names(text: str, *, publisher: str = "") -> list[dict[str, str]]:
    """Authors from a by-line: "Jane Smith and Ali Khan", "Smith, Jane", or an organisation.

    A part that is not clearly a person's name (a lower-case word, one word
    only, more than four, a body's word such as "Unit", "Staff" or "Policy", an
    agency, an acronym, or the ``publisher``'s own name, as in "Invezz
    Newsroom") stays whole as a literal name, so "Policy Unit" is never "Unit"
    in a short note, nor "Ministry of Defence" sorted as "Defence, Ministry of".
    A comma separates names as "and" does, unless it inverts one ("Smith, Jane");
    after a person, what is no person is their affiliation or role, not an author.
    """
    house = publisher.casefold().split()
    text = re.sub(r"^\s*by\s+", "", text.strip(), flags=re.IGNORECASE)
    names: list[dict[str, str]] = []
    for group in _SEMICOLONS.split(text):
        parts = _NAME_SPLIT.split(group)
        if len(parts) > 1:
            # "and" joins people ("Jane Smith and Ali Khan") or is part of a body's name
            # ("Ernst & Young", "Food and Agriculture Organization"): split only when
            # every side is a person or a news agency ("Jane Smith and AFP").
            each = [_part_names(part, house) for part in parts]
            if all(
                _people(found) or part.casefold() in _AGENCIES
                for part, found in zip(parts, each, strict=True)
            ):
                names.extend(name for found in each for name in found)
                continue
            parts = [group]
        for part in parts:
            names.extend(_part_names(part, house))
    return names


def _part_names(part: str, house: list[str]) -> list[dict[str, str]]:
    """The names in one by-line part between "and"s: a person, names split by commas, or
    a person followed by their affiliation or role (dropped)."""
    pieces: list[str] = []
    for piece in (piece.strip() for piece in part.split(",")):
        if pieces and piece.casefold().rstrip(".") in _SUFFIXES:  # "Martin Luther King, Jr."
            pieces[-1] += f" {piece}"
        elif piece:
            pieces.append(piece)
    found: list[dict[str, str]] = []
    if (
        len(pieces) == 2
        and _undecidable(*pieces)
        and not _holds(house, pieces[1].casefold().split())
    ):  # "Jane Smith, Politico" at Politico: the paper, as an affiliation
        return [{"literal": ", ".join(pieces)}]
    if len(pieces) >= 2 and _inverted(pieces[0], pieces[1]):  # "Smith, Jane, Reuters"
        found.append({"family": pieces[0], "given": pieces[1]})
        pieces = pieces[2:]
    found += [_name(piece, house) for piece in pieces]
    if found and "family" in found[0]:
        found = [found[0], *(name for name in found[1:] if "family" in name)]
    elif (
        len(found) > 1
        and not any("family" in name for name in found)
        and not all(piece.casefold() in _AGENCIES for piece in pieces)  # "AFP, Reuters": two
    ):
        return [{"literal": part.strip()}]  # "Department for Environment, Food and…"
    return found


def _people(found: list[dict[str, str]]) -> bool:
    return bool(found) and all("family" in name for name in found)


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
        particles and _proper(words[-1])
        and 1 <= len(given_words) <= 3
        and (_INITIALS.match(given) is not None
             or all(_proper(w) for w in given_words))
        and not any(w.casefold().strip(".,") in _ORGANISATION_WORDS for w in given_words)
    )  # fmt: skip


def _undecidable(first: str, second: str) -> bool:
    """ "García Márquez, Gabriel" (inverted) reads exactly as "Jane Smith, Politico" (a name
    and its paper): two capitalised words, then one that is neither a known agency nor an
    organisation's word. Kept whole, neither loses a word nor gains a false author."""
    words = first.split()
    return (
        len(words) == 2 and all(_proper(w) for w in words)
        and not any(w.casefold() in _PARTICLES for w in words[:-1])
        and _proper(second) and not _INITIALS.match(second)
        and second.casefold().strip(".") not in _AGENCIES | _ORGANISATION_WORDS
    )  # fmt: skip


def _name(part: str, house: list[str]) -> dict[str, str]:
    """One by-line part as a person's name, or kept whole (literal) when it is not clearly one.

    A person's name here is two to four capitalised proper names, the last the
    family name, with any particles before it joining it ("Ursula von der Leyen",
    "Marine Le Pen"). Anything else stays whole: a body's common noun ("Policy
    Unit"), an agency ("Reuters Staff"), an acronym before the last word ("BBC
    Monitoring"), an article in front ("Le Monde"), the publisher's own name. A
    person kept whole still reads right in every note; a body split reads "Unit".
    """
    words = part.split()
    suffix = ""
    if len(words) > 2 and words[-1].casefold().strip(".,") in _SUFFIXES:
        suffix = words.pop().rstrip(",")  # "Martin Luther King Jr.": King, not "Jr."
        words[-1] = words[-1].rstrip(",")
    folded = [w.casefold().strip(".,") for w in words]
    if (
        not 2 <= len(words) <= 5
        or folded[0] in _ARTICLES
        or any(w in _ORGANISATION_WORDS or w in _AGENCIES for w in folded)
        or any(is_acronym(w) for w in words[:-1])
        or _holds(folded, house)
    ):
        return {"literal": part}
    family_start = len(words) - 1
    while family_start > 1 and folded[family_start - 1] in _PARTICLES:
        family_start -= 1  # "von der Leyen", "Le Pen", "de Gaulle"
    given, family = words[:family_start], words[family_start:]
    if len(given) > 3 or not all(_proper(w) for w in (*given, family[-1])):
        return {"literal": part}
    name = {"family": " ".join(family), "given": " ".join(given)}
    return {**name, "suffix": suffix} if suffix else name


def _proper(word: str) -> bool:
    """Whether ``word`` is written as a proper name: "Smith", "Jean-Luc", "Ирина", "Łukasz"."""
    return word[:1].isupper() and _PERSON_WORD.match(word) is not None


def is_acronym(word: str) -> bool:
    """ "BBC", "IEA", "UK": a body's or a place's initials. Before a family name, an
    all-capital word of two to five letters is no given name ("J." is an initial; a wholly
    capitalised by-line, "JANE SMITH", stays whole too); before a headline's colon it is a
    dateline, not a title (citations_csl.short_title)."""
    letters = word.strip(".,")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _holds(words: list[str], run: list[str]) -> bool:
    """Whether ``run`` (a publisher's name, as words) appears whole within ``words``."""
    n = len(run)
    return n > 0 and any(words[i : i + n] == run for i in range(len(words) - n + 1))
