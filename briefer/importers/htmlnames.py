"""Cleaning the names a web page gives itself: titles without the site's name, publishers
that are names (not slugs, addresses or slogans), authors without dates and furniture.

Pure string functions used by htmlmeta; standard library and core only, never
store/session/ui.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from briefer.core.words import count_text_words
from briefer.importers.placenames import is_place

# " | Site", " - Site", "Site: Title", "标题_站名": separators around a site's name.
_SEPARATOR = re.compile(r"(\s+(?:[|\-–—·•»/]|::)\s+|(?<=\S):\s+|\s*_(?=[^_\s]))")
_SITE_AFFIXES = re.compile(
    r"^the|(?:news|online|com|couk|uk|live|digital|magazine|tv|media|daily|today)$"
)
_PIPE_LIKE = frozenset({"|", "-", "–", "—", "·", "•", "»", "/", "::", "_"})
_DOMAIN = re.compile(r"^(?:https?:)?(?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/?$", re.I)
_SLUG = re.compile(r"@?[a-z0-9_.-]+")
_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "at", "de", "der", "des", "die", "du", "for", "in", "la", "le", "of",
     "on", "the", "to", "und", "von", "&"}
)  # fmt: skip
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"})
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:story|words|text|written|reported|reporting|posted)\s+)?"
    r"(?:by|von|par|por|di|door)\b[:\s]*",
    re.I,
)
# Where the name ends in a byline run together with its furniture.
_BYLINE_STOP = re.compile(
    r"\b(?:updated|published|posted|last\s+(?:updated|modified)|print\s+this|share\s+this"
    r"|share\s+on|follow\s+(?:me|us|on)|read\s+more|e-?mail\s+(?:me|the\s+author)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\b\d{1,2}:\d{2}"
    r"|\b\d+\s*min(?:ute)?s?\s+read\b|\b(?:editing|additional\s+reporting|compiled)\s+by\b"
    r"|\bfrom\s*:",  # "by: Laurie Oakes From: Herald Sun"
    re.I,
)
# "From: Herald Sun", "From: | <a>Herald Sun</a>": the paper a by-line credits.
_FROM = re.compile(r"\bfrom\s*:\s*(?:\|\s*)?([^|]{2,80})", re.I)
_FROM_SPLIT = re.compile(r"(\bfrom\s*:)\s*\|", re.I)
# Words that name a newspaper, never a person: "The Advertiser", "Herald Sun", "ABC News".
# Not "Post", "Star", "Sun" or "Press", which are family names too (Emily Post).
_MASTHEAD_WORDS = frozenset(
    {"herald", "advertiser", "gazette", "tribune", "courier", "telegraph", "chronicle",
     "examiner", "observer", "guardian", "mercury", "bulletin", "dispatch", "sentinel",
     "inquirer", "journal", "times", "news", "newspaper", "newspapers", "daily", "weekly",
     "mail", "argus", "leader", "independent"}
)  # fmt: skip
_FAMILY_NAME_WORDS = frozenset(
    {"leader", "daily", "mercury", "mail", "guardian", "courier", "argus"}
)
"""Masthead words that are family names too: alone after a given name, a person."""
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;|•·]|\s-\s|\n)\s*")
_AUTHOR_NOISE = re.compile(
    r"\bstaff\b|^(?:print(?:\s+this)?(?:\s+(?:article|page|story))?|updated|published|share"
    r"|contributors?|correspondents?|reporters?|editors?|writers?|columnists?|photographer"
    r"|(?:senior|chief|political|economics|business|foreign|deputy|associate|managing|news|"
    r"technology|science|health|environment|sports?)\s+(?:\w+\s+)?(?:editor|correspondent|"
    r"reporter|writer|analyst)|our\s+(?:special\s+)?(?:bureau|correspondents?|reporters?)"
    r"|agencies|wires)$",
    re.I,
)
_ROLE_END = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|columnist|contributor|journalist|producer|chief"
    r"|photographer|analyst|intern)s?$",
    re.I,
)
# "Jane Doe in Beijing", "Ann Lee in New York and Bo Chan in Paris", "… and agencies":
# where each person wrote from, and whom with.
_DATELINE_TAIL = re.compile(
    r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?=\s+(?:and|&)\s|$)"
    r"|\s+(?:and|&)\s+(?:agencies|wires)$"
)
_AGENCIES = frozenset(
    {"AAP", "AFP", "ANI", "ANSA", "APA", "BBC", "CNN", "DPA", "EFE", "IANS", "KNA", "PTI",
     "TASS", "UNI", "UPI", "AP", "PA"}
)  # fmt: skip
"""News agencies and broadcasters a byline names in capitals, which stay so."""
# "and" left at either end of a part once the names around it are split off.
_CONNECTOR = re.compile(r"^(?:(?:and|&|with|und|et|y)(?:\s+|$))+|\s+(?:and|&|with|und|et|y)$", re.I)
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_WITH = r"(?:with|avec|con|mit|com|met)"
_WRITTEN_WITH = re.compile(r"\s*\(\s*" + _WITH + r"\s+([^()]+)\)", re.I)
_CO_AUTHOR_AND = re.compile(r"\s+(?:and|et|und|y|e|en|&)\s+", re.I)
_PLACE_AND = re.compile(r"^(.+?)\s+(?:and|&)\s+(.+)$", re.I)


def site_key(name: str) -> str:
    """A site's name as compared: letters and digits only, case-folded ("ZDNet" = "zdnet")."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def site_keys(names: Iterable[str | None]) -> frozenset[str]:
    return frozenset(key for key in (site_key(n.lstrip("@")) for n in names if n) if key)


def _is_site(segment: str, sites: frozenset[str]) -> bool:
    key = site_key(segment)
    if not key:
        return False
    if key in sites or _DOMAIN.match(segment.strip()):
        return True
    # "Al Jazeera" for a site that calls itself "Al Jazeera English".
    if len(key) >= 5 and any(site.startswith(key) for site in sites):
        return True
    # "BBC News" for a site named "BBC", "The Verge" for "Verge", "Example Online" for
    # example.com: equal once the usual prefixes and suffixes of site names are set aside.
    # "CNN Business", "BBC Sport": the site's name and a section, in two words.
    words = segment.split()
    cores = {_SITE_AFFIXES.sub("", key)}
    if len(words) == 2:
        cores.add(_SITE_AFFIXES.sub("", site_key(words[0])))
    cores = {core for core in cores if len(core) >= 2}
    return len(words) <= 4 and any(_SITE_AFFIXES.sub("", site) in cores for site in sites)


def clean_title(title: str, sites: frozenset[str]) -> str:
    """The headline in a page title: the site's name (before or after), a section left
    between headline and site, and a headline repeated twice taken out."""
    title = undouble(" ".join(title.split()))
    parts = _SEPARATOR.split(title)
    segments, separators = parts[0::2], parts[1::2]
    dropped_site = False
    while len(segments) > 1 and _is_site(segments[-1], sites) and separators[-1].strip() != ":":
        segments.pop()
        separators.pop()
        dropped_site = True
    while len(segments) > 1 and _is_site(segments[0], sites):
        segments.pop(0)
        separators.pop(0)
    # "Headline | Section | Site": what stood between headline and site is a section label.
    while (
        dropped_site
        and len(segments) > 1
        and separators[-1].strip() in _PIPE_LIKE
        and len(segments[-1].split()) <= 3
        and len(" ".join(segments[:-1]).split()) >= 4
    ):
        segments.pop()
        separators.pop()
    # "Headline | Headline"
    while len(segments) > 1 and site_key(segments[-1]) == site_key(segments[-2]):
        segments.pop()
        separators.pop()
    out = segments[0]
    for separator, segment in zip(separators, segments[1:], strict=False):
        out += separator + segment
    return out.strip()


def undouble(text: str) -> str:
    """A headline printed twice in a row ("Fire at the port Fire at the port") once."""
    size = len(text)
    if size >= 20:
        half = size // 2
        if size % 2 == 0 and text[:half] == text[half:]:
            return text[:half]
        if size % 2 == 1 and text[half] == " " and text[:half] == text[half + 1 :]:
            return text[:half]
    return text


def strip_short_tail(title: str) -> str:
    """Drop a trailing " | Tag" after a longer headline, for a bare <title> with no site known."""
    for match in reversed(list(_SEPARATOR.finditer(title))):
        if match.group(0).strip() not in _PIPE_LIKE:
            continue
        head, tail = title[: match.start()], title[match.end() :]
        if head.strip() and count_text_words(tail) <= 4 < count_text_words(head) + 2:
            return head.strip()
        break
    return title


_BRAND_DOMAIN = re.compile(
    r"^(?P<brand>[A-Z][^/]*?)\.(?:com|net|org|co\.uk|co|uk|in|fr|de|it|es|ie|au|ca|jp)$"
)
_TAGLINE = re.compile(r"\s+[|–—-]\s+|:\s+")


def plausible_publisher(name: str | None) -> str:
    """``name`` if it reads as a publication's name; "" for a slug ("nytimes"), a web
    address ("www.example.com"), a handle ("@usatoday") or a slogan ("Breaking news,
    sport, TV, radio and a whole lot more"). A brand written as its address ("Reuters.com",
    "Le Monde.fr") is the brand; a name with a tagline ("Harbour Daily – Your source for
    port news") is the name."""
    name = " ".join((name or "").split()).strip(" |-–—·:")
    brand = _BRAND_DOMAIN.match(name)
    if brand:
        name = brand["brand"]
    whole = _plausible_name(name)
    if whole or not _TAGLINE.search(name):
        return whole
    head = _TAGLINE.split(name, maxsplit=1)[0]
    return _plausible_name(head) if len(head.split()) <= 5 else ""


def _plausible_name(name: str) -> str:
    if not name or len(name) > 80 or _DOMAIN.match(name) or "://" in name:
        return ""
    if _SLUG.fullmatch(name):
        return ""
    words = name.split()
    if any(mark in name for mark in ",;!?") or name.endswith(".") or len(words) > 7:
        return ""
    lower = [w for w in words if w.islower() and w not in _FUNCTION_WORDS]
    if len(words) >= 4 and len(lower) >= 2:
        return ""
    if name.startswith("the ") and len(words) > 1:  # The Guardian's own "the Guardian"
        return "The" + name[3:]
    return name


_SECTION_WORDS = frozenset(
    {"analysis", "blog", "blogs", "business", "culture", "economy", "editorial", "health",
     "home", "latest", "live", "markets", "news", "opinion", "politics", "science", "sport",
     "sports", "tech", "technology", "video", "world", "comment", "features", "local"}
)  # fmt: skip
"""Words a page title ends with that name a section, not the publication."""


def publisher_in_title(written: str, headline: str, sites: frozenset[str]) -> str:
    """The publication a page's <title> names after (or before) its headline, or "".

    "Oil tanker seized — Global Wire" names Global Wire when the headline is "Oil tanker
    seized": the last resort of pages whose og:site_name is a slug ("globalwire") or
    missing. A segment the site's known names match is taken at once; otherwise it
    must read as a name, not a section ("Opinion", "World news").
    """
    if not headline:
        return ""
    parts = _SEPARATOR.split(" ".join(written.split()))
    segments, separators = parts[0::2], parts[1::2]
    if len(segments) < 2 or any(s.strip() == ":" for s in separators):
        return ""
    key = site_key(headline)
    if site_key(segments[0]) == key:
        candidate = segments[-1]
    elif site_key(segments[-1]) == key:
        candidate = segments[0]
    else:
        return ""
    name = plausible_publisher(candidate)
    if not name:
        return ""
    if site_key(name) in sites:
        return name
    words = [w.casefold().strip(".") for w in name.split()]
    if all(w in _SECTION_WORDS or w in _FUNCTION_WORDS for w in words):
        return ""
    capitalised = all(w[:1].isupper() or w[:1].isdigit() for w in name.split() if len(w) > 3)
    return name if capitalised else ""


_PROFILE_PATH = re.compile(
    r"/(?:profile|profiles|author|authors|by|people|staff|contributors?|journalists?)/"
    r"([a-z]+(?:-[a-z]+){1,3})/?$",
    re.IGNORECASE,
)


def name_in_profile_url(url: str) -> str:
    """The name a profile address spells ("…/profile/jane-doe" -> "Jane Doe"), or "".

    The last resort for pages whose only author is a link to the writer's page (The
    Guardian's article:author); a social-media page ("facebook.com/bbcnews") is none.
    """
    if "://" not in url:
        return ""
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    found = _PROFILE_PATH.search(path)
    return " ".join(part.capitalize() for part in found[1].split("-")) if found else ""


def domain_label(url: str) -> str:
    """The name part of a web address's host: "bbc" for www.bbc.co.uk, "" if none."""
    try:
        host = (urlsplit(url).hostname or "") if "//" in url else ""
    except ValueError:  # "http://[broken"
        return ""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return ""
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


def publisher_from_domain(url: str) -> str:
    """A last-resort publisher name from the address: "Invezz", "BBC" (short ones are acronyms)."""
    label = domain_label(url)
    if not label or not label.replace("-", "").isalnum() or label.isdigit():
        return ""
    return label.upper() if len(label) <= 3 else label[:1].upper() + label[1:]


def clean_author(author: str, organisations: frozenset[str] = frozenset()) -> str:
    """The people in a byline: "By Jane Doe, Reuters, Dec 4, 2025 Print this article" ->
    "Jane Doe" (when Reuters is the publisher). Organisations, job titles, "Staff",
    dates, share links and the place it was filed from ("Jane Doe, New York") go; ""
    when nothing is left.

    A part that is only a place (placenames.is_place) is a dateline when it follows a
    person's whole name or what was dropped before it ("Jane Doe, WASHINGTON", "Reuters,
    London", "Cairo, Egypt"). It stays when it comes first or follows one lone word, as
    in names written family name first, which meta tags such as citation_author use:
    "Jordan, Michael", "London, Jack", "Smith, Georgia". Family and given names are
    places often enough (Washington, Lincoln, Houston; Sydney, Georgia, Austin) that
    losing the writer's name would be the likelier mistake, and a by-line naming only
    a place is rare. After a name written family name first ("Smith, Jane, London"),
    two lone words in a row, a place is the dateline again.
    """
    kept: list[str] = []
    chunks = _FROM_SPLIT.sub(r"\1 ", " ".join(author.split())).split("|")
    # "|" parts each get their own cut: "By Jane Doe | Updated Dec 4 | Sam Ortiz"; one that
    # is only a place is the dateline beside the by-line ("WASHINGTON | By Jane Doe").
    for chunk in chunks:
        if len(chunks) > 1 and is_place(chunk):
            continue
        chunk = _BYLINE_PREFIX.sub("", chunk)
        stop = _BYLINE_STOP.search(chunk)
        kept.append(chunk[: stop.start()] if stop else chunk)
    # "Jane Doe (avec Ann Lee et Bo Chan)": the writers she wrote with are authors too.
    listed = _WRITTEN_WITH.sub(lambda m: ", " + _CO_AUTHOR_AND.sub(", ", m[1]), ", ".join(kept))
    author = _PARENTHESES.sub(lambda m: "" if _aside(m, organisations) else m[0], listed)
    people: list[str] = []
    before: str | None = None  # the part before this one ("" if dropped), None at first
    lone = 0  # one-word parts kept in a row just before: two make "Smith, Jane", a name
    parts = _AUTHOR_SPLIT.split(author)
    # The parts left after each one, counted once (a crafted by-line has thousands).
    rest = [p.strip(" .") for p in parts]
    left = [0] * (len(parts) + 1)
    for i in range(len(parts) - 1, -1, -1):
        left[i] = left[i + 1] + bool(rest[i])
    for index, part in enumerate(parts):
        part = _BYLINE_PREFIX.sub("", part).strip(" .:-–—")
        part = _CONNECTOR.sub("", _DATELINE_TAIL.sub("", part))
        if not part:
            continue
        after, before = before, ""
        run, lone = lone, 0
        # After "Smith, Jane" a place is her dateline if what follows pairs up without it
        # or is a place too ("Berlin, Germany"): in "Doe, John, Houston, Sarah" Houston is
        # Sarah's family name.
        paired = run and run % 2 == 0 and (left[index + 1] % 2 == 0 or _place_next(rest, index))
        if (after is not None and len(after.split()) != 1) or paired:
            if is_place(part):
                continue
            # "Jane Doe, Hong Kong and Bo Chan, Beijing": her place, then the next writer.
            joined = _PLACE_AND.match(part)
            if joined and is_place(joined[1]) and not is_place(joined[2]):
                part = joined[2]
        if _AUTHOR_NOISE.search(part) or _ROLE_END.search(part):
            continue
        if site_key(part) in organisations or (people and is_masthead(part)):
            continue  # "Jane Smith | The Advertiser": her paper, named after her
        if "@" in part or "://" in part or _DOMAIN.match(part) or len(part.split()) > 6:
            continue
        if not any(ch.isalpha() for ch in part):
            continue
        before = part
        lone = run + 1 if len(part.split()) == 1 else 0
        people.append(_uncapped(part))
    return ", ".join(dict.fromkeys(people))


def is_masthead(part: str) -> bool:
    """Whether a by-line's part reads as a newspaper's name ("The Advertiser", "Herald
    Sun", "Courier-Mail"): capitalised words, two to six, that open with "The" or hold a
    word only papers are called by. Two words ending in one that is a family name too
    ("Zachary Leader", "Tom Daily", "Carl Mercury") are a person: a co-author is never
    lost for a paper's name left in the authors."""
    words = [w for w in re.split(r"[\s-]+", part.strip()) if w]
    if not 2 <= len(words) <= 6:
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w in _FUNCTION_WORDS for w in words):
        return False
    if words[0] == "The":
        return True
    found = [i for i, w in enumerate(words) if w.casefold() in _MASTHEAD_WORDS]
    if found == [1] and len(words) == 2 and words[1].casefold() in _FAMILY_NAME_WORDS:
        return False
    return bool(found)


_MAX_BYLINE = 300
"""Characters of a by-line read for its paper: a longer one is no by-line."""


def byline_publisher(byline: str) -> str:
    """The publication a by-line names, or "": "by: Laurie Oakes From: Herald Sun" names
    Herald Sun; "By Jane Smith | The Advertiser | February 26, 2015" names The Advertiser
    (a masthead's name after a person's). For pages that name themselves nowhere else."""
    text = " ".join(byline[:_MAX_BYLINE].split())
    named = _FROM.search(text)
    if named:
        stop = _BYLINE_STOP.search(named[1])
        name = (named[1][: stop.start()] if stop else named[1]).strip(" .,;")
        # "reporting from: Kyiv" is where, not whose; "Daily Mail Reporter" is a job.
        return "" if is_place(name) or _ROLE_END.search(name) else plausible_publisher(name)
    parts = [part.strip() for part in re.split(r"[|,]", text)]
    for index, part in enumerate(parts[1:6], start=1):
        if _ROLE_END.search(part):
            continue
        if _paper_name(part) and clean_author(" | ".join(parts[:index])):
            return plausible_publisher(part)
    return ""


def _paper_name(part: str) -> bool:
    """Whether a by-line's part names the paper, to stand as the page's publisher: a
    masthead with a paper's word in it, or "The" and one word ("The Age"); a section's
    "The Long Read" is no paper."""
    words = [w for w in re.split(r"[\s-]+", part.strip()) if w]
    return is_masthead(part) and (
        len(words) == 2 or any(w.casefold() in _MASTHEAD_WORDS for w in words)
    )


def _place_next(rest: list[str], index: int) -> bool:
    """Whether the first non-empty part after ``index`` is a place ("Berlin, Germany")."""
    following = next((rest[i] for i in range(index + 1, len(rest)) if rest[i]), "")
    return bool(following) and is_place(following)


def _aside(bracket: re.Match[str], organisations: frozenset[str]) -> bool:
    """Whether a by-line's "(…)" goes: empty, the publisher's name ("(Reuters)"), or the
    place a named writer filed from ("Jane Doe (London)")."""
    inside = bracket[1]
    if not inside.strip() or site_key(inside) in organisations:
        return True
    return bool(bracket.string[: bracket.start()].strip(" ,")) and is_place(inside)


def _uncapped(name: str) -> str:
    """A byline set in capitals, as its style sheet might show it ("JANE DOE and JOHN
    ROE"), in the case a citation prints: "Jane Doe and John Roe". Short capitals
    ("AP") and names already in mixed case are left alone."""
    words = name.split()

    def shouted(word: str) -> bool:
        return word.isupper() and len(word) > 2 and word.strip(".,") not in _AGENCIES

    shouting = [w for w in words if shouted(w)]
    if not shouting or len(shouting) * 2 < len([w for w in words if any(c.isalpha() for c in w)]):
        return name
    return " ".join(w.title() if shouted(w) else w for w in words)
