"""Photo credits in picture captions: a caption that only credits ("Photo: Reuters",
"(Getty Images)", "AFP", "File photo") is no text to keep, and a real caption's trailing
or leading credit ("... on Tuesday. (Photo: Reuters)") goes while its sentence stays.

Pure string rules over short strings; imports only the standard library. Conservative:
a credit is a credit's label with names after it, or names in a credit's shape (an
agency's own name among them, a photographer's name with a slash), never a phrase with
lower-case words in it. Names say who or what is pictured and stay: "Narendra Modi", "The
Reuters Building In Canary Wharf", and "Ukrainian President Volodymyr Zelensky" before
its "(AFP)".
"""

from __future__ import annotations

import re

_MAX_CREDIT_CHARS = 160
"""A credit is one short line; a longer piece of a caption is always kept."""
_MAX_CREDIT_WORDS = 14
_MAX_STRIPS = 4  # credits taken off one caption's ends: "(Photo X. AFP)" takes two

_LABEL = re.compile(
    r"(?:(?P<generic>videos?|maps?|graphics?|infographic|sources?|quelle|fonte)"
    r"|(?P<picture>pictures?|pics?|illustrations?)"
    r"|photo(?:graph|graphy)?s?|images?|img|credits?|courtesy(?:\s+of)?|fotos?|fotograf[íi]as?|"
    r"imagen(?:es)?|bild(?:er)?|cr[ée]dits?(?:\s+photos?)?|crediti|"
    r"(?:file|stock|archive)(?:\s+(?:photo|picture|image|pic)s?)?)\b"
    r"(?P<credit>\s+(?:credits?|courtesy))?(?:\s+source)?"
    r"\s*(?::|©|/|\||-|–|—|\bby\b|\bcourtesy(?:\s+of)?\b|\bde\b|\bvon\b|\bpar\b)?\s*",
    re.IGNORECASE,
)
"""What opens a credit: "Photo:", "Image credit:", "Photograph by", "Foto:", "Crédit photo :".
A ``generic`` label as often opens a title or a data source ("Video: Moment Of The
Explosion", "Source: IMF World Economic Outlook") and a ``picture`` label a title, so
names after them are a credit only in a credit's own shape (see ``_names_credit``)."""
_PHRASE = re.compile(
    r"(?:(?:file|stock|archive|representational|representative|handout|pool)"
    r"(?:\s+(?:photo|picture|pic|image|photograph)s?)?"
    r"|(?:image|photo|picture)s?\s+(?:used\s+)?for\s+representation(?:al)?(?:\s+(?:purposes?|only))?"
    r"|for\s+representation(?:al)?(?:\s+(?:purposes?|only))?|screen\s*grab|screenshot|video\s+grab"
    r"|supplied|photo|image|picture|illustration|photo\s+illustration|file)",
    re.IGNORECASE,
)
"""Whole captions that say only where the picture came from, not what it shows."""
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_AGENCIES = frozenset(
    {
        "reuters", "afp", "ap", "pti", "ani", "ians", "epa", "epa-efe", "efe", "dpa", "getty",
        "gettyimages", "shutterstock", "istock", "istockphoto", "alamy", "xinhua", "bloomberg",
        "anadolu", "aap", "kyodo", "yonhap", "tass", "sipa", "zuma", "nurphoto", "abaca",
        "lightrocket", "unsplash", "pixabay", "pexels", "wikimedia", "handout", "supplied",
        "file", "files", "pool", "agencies", "screengrab", "screenshot", "corbis", "imago",
        "ansa", "belga", "keystone", "scanpix", "ritzau", "ntb", "lehtikuva", "apa", "ctk",
        "bernama", "antara", "wenn", "rex", "eyevine", "photo", "photos", "images",
    }
)  # fmt: skip
"""Words that make a run of names a credit: the agencies and picture libraries news
pages credit, and the words ("Photo", "Images") their credits add to a name."""
_AGENCY_PHRASES = (
    "associated press", "press association", "pa wire", "pa media", "ria novosti", "news corp",
)  # fmt: skip
_AGENCY_WORDS = frozenset(
    {
        "photo", "photos", "picture", "pictures", "images", "news", "agency", "tv", "video",
        "wire", "pool", "file", "files", "handout", "staff", "media", "service", "commons",
        "press", "creative", "contributor", "north", "south", "america", "europe", "asiapac",
        "entertainment", "sport", "australia", "graphics",
    }
)  # fmt: skip
"""Words an agency's credit adds to its name: "Kyodo News", "Reuters TV", "Wikimedia Commons"."""
_PICTURE_WORDS = frozenset({"photo", "photos", "pictures", "images", "photography"})
_TITLE_WORDS = frozenset(
    {
        "the", "a", "an", "in", "at", "to", "with", "from", "after", "before", "over",
        "under", "into", "as", "is", "are", "was", "off", "up", "out", "near", "during",
    }
)  # fmt: skip
"""Small words a Title-Case title capitalises and a person's name does not hold."""
_CONNECTORS = frozenset(
    {
        "and", "for", "via", "on", "of", "by", "courtesy", "de", "del", "della", "da", "do",
        "dos", "das", "van", "von", "der", "den", "al", "el", "bin", "le", "la", "du", "uz",
        "y", "e", "und", "et", "ibn", "ter", "ten", "zu",
    }
)  # fmt: skip
_NAME_SEPARATORS = re.compile(r"\s*[/,;|&+·•]\s*|\s+")
_TRIM = " \t.;,:-–—|·•"
_SENTENCE_END = re.compile(r"(?:(?<!\b[A-Z])\.|[!?…\"”’»)])\s+")
"""A sentence's end, not an initial's: "Jane A. Smith/Reuters" is one credit."""
_SLASH = re.compile(r"\s+/\s+")
"""A spaced slash before a credit at a caption's end: "Prime Minister Keir Starmer / AFP"."""
_CREDIT_PARTS = re.compile(r"\s*[/,;|&+·•()\[\]]\s*|\s+(?:via|for|and|by)\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*\.?")
_CAPITALS_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][A-Z'’-]+")
"""A photographer's name as AFP sets it, surname in capitals: "JOHN MACDOUGALL", "Ludovic MARIN"."""
_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_TRAILING_GROUP = re.compile(r"[(\[]([^()\[\]]{1,160})[)\]]\W*$")
_WIRE_TAIL = re.compile(
    r"(?:^|\s)((?:REUTERS|AFP|AP|EPA(?:-EFE)?|PTI|ANI|XINHUA|AAP|ANADOLU)"
    r"(?:\s+Photo)?\s*/\s*\S.{0,80})$"
)
"""A wire credit set straight after the sentence: "... on Tuesday REUTERS/Dado Ruvic"."""
_LABEL_AFTER = re.compile(
    r"\s+(?=(?:photo(?:graph)?s?|pictures?|images?|illustration|credits?|sources?|fotos?)"
    r"(?:\s+credits?)?\s*:)",
    re.IGNORECASE,
)
"""A credit's label after a caption with no full stop: "... at the summit Photograph: X"."""
_FOR_PUBLICATION = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+\s+for\s+[A-Z]")
"""A photographer working for a paper: "Jane Doe for The New York Times"."""
_CAPTION_LABEL = re.compile(
    r"^(?:(?:image|photo|picture|video)\s+)?caption\s*[,:.–—-]\s*", re.IGNORECASE
)


def is_credit(text: str) -> bool:
    """Whether ``text``, a whole caption, only credits a picture: "Photo: Reuters",
    "(Getty Images)", "AFP", "Thomas Coex/AFP/Getty Images", "File photo", "Image credit:
    Ministry of Defence". Title-Case names with an agency's name inside them ("The Reuters
    Building In Canary Wharf") or a slash between them ("EU/NATO Summit") say what is
    pictured and are no credit."""
    return _is_credit(text, alone=True)


def without_credit(caption: str) -> str:
    """``caption`` without the credits at its ends; "" when it is only a credit.

    "Defence Minister X inspects the frigate on Tuesday. (Photo: Reuters)" keeps its
    sentence; "© Munir uz Zaman, AFP | Police forensics investigate ..." loses its
    opening credit; "Photo: Reuters" is all credit. The ends go first and the caption is
    all credit only when what remains is too, so the agency after "Ukrainian President
    Volodymyr Zelensky (AFP)" does not make the names before it a credit.
    """
    # The label some pages give screen readers ("Image caption, ...") goes first.
    text = _CAPTION_LABEL.sub("", " ".join(caption.split()), count=1)
    for _ in range(_MAX_STRIPS):
        shorter = _without_tail(text)
        if shorter is None:
            shorter = _without_head(text)
        if shorter is None:
            break
        text = shorter
    text = text.strip(" \t|–—-/,;:")
    if not any(c.isalnum() for c in text) or is_credit(text):
        return ""
    return text


def _is_credit(text: str, *, alone: bool) -> bool:
    """Whether ``text`` only credits a picture: a whole caption when ``alone``, else a
    piece at a caption's end, where any names joined by a slash or beside an agency's
    read as a credit ("... on Tuesday. Meridian/Carla Reis")."""
    stripped = text.strip().strip("()[]{}").strip(_TRIM)
    if not stripped:
        return False
    if len(stripped) > _MAX_CREDIT_CHARS or len(stripped.split()) > _MAX_CREDIT_WORDS:
        return False
    if _PHRASE.fullmatch(stripped):
        return True
    mark = _COPYRIGHT.match(stripped)
    if mark is not None:
        return _names_credit(stripped[mark.end() :], label="credit", alone=alone)
    label = _LABEL.match(stripped)
    if label is not None and label.end() > 0:
        rest = stripped[label.end() :].strip(_TRIM)
        kind = "credit"
        if label.group("credit") is None and label.group("generic") is not None:
            kind = "generic"
        elif label.group("credit") is None and label.group("picture") is not None:
            kind = "picture"
        return _names_credit(rest, label=kind, alone=alone)
    return _names_credit(stripped, label="", alone=alone)


def _without_tail(text: str) -> str | None:
    """``text`` without the credit that ends it, None when none does; "" when what the
    credit follows is its photographer ("JOHN MACDOUGALL / AFP")."""
    group = _TRAILING_GROUP.search(text)
    if group is not None and group.start() > 0 and _is_credit(group.group(1), alone=False):
        return _unless_credit_head(text[: group.start()].rstrip())
    start = max(0, len(text) - _MAX_CREDIT_CHARS - 2)
    for pattern in (_SENTENCE_END, _SEPARATOR, _SLASH, _LABEL_AFTER):
        for match in pattern.finditer(text, start):  # longest tail first
            if match.start() == 0:
                continue
            if _is_credit(text[match.end() :], alone=False):
                head = text[: match.end()].rstrip()
                if pattern is not _SENTENCE_END:
                    head = head.rstrip(" |–—-/")
                return _unless_credit_head(head)
    wire = _WIRE_TAIL.search(text, start)
    if wire is not None and wire.start(1) > 0:
        return text[: wire.start(1)].rstrip()
    return None


def _unless_credit_head(head: str) -> str:
    """``head``, or "" when it belongs to the credit after it: a label ("Crédit" before
    "photo : AFP"), or the photographer whose agency follows, as AFP sets the name,
    surname in capitals ("Ludovic MARIN / AFP")."""
    bare = head.strip(_TRIM)
    return "" if _LABEL.fullmatch(bare) or _CAPITALS_NAME.fullmatch(bare) else head


def _without_head(text: str) -> str | None:
    """``text`` without a credit that opens it before a separator ("© X, AFP | ..."); ""
    when all of it is a credit."""
    for match in _SEPARATOR.finditer(text, 0, min(len(text), _MAX_CREDIT_CHARS + 2)):
        if match.end() < len(text) and _is_credit(text[: match.start()], alone=False):
            rest = text[match.end() :].strip()
            # A name alone after a credit is its photographer: "Photo: Reuters | Jane Smith".
            return "" if _is_person(rest.strip(_TRIM)) else rest
    return None


def _names_credit(text: str, *, label: str, alone: bool) -> bool:
    """Whether ``text`` is names (capitalised words, agencies, years and the small words
    between them) that read as a credit. After a credit's ``label`` ("credit": "Photo:",
    "©") any names do. Otherwise they need a credit's shape: an agency's name standing as
    one of the names ("Evan Vucci/AP", "Getty Images", not "The Reuters Building"), a
    photographer's name with a slash ("Meridian/Carla Reis"), or "for" a publication; after
    a "picture" label a person's name alone will do ("Picture: Ray Strange"). A piece at a
    caption's end (not ``alone``) is a credit with any names beside an agency or a slash."""
    tokens = [t.strip(".'’()[]\"@#") for t in _NAME_SEPARATORS.split(text)]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > _MAX_CREDIT_WORDS:
        return False
    capitalised = False
    agency = False
    for token in tokens:
        folded = token.casefold()
        if folded in _AGENCIES:
            agency = True
        elif token[:1].isupper():
            capitalised = True
        elif folded not in _CONNECTORS and not token.isdigit():
            return False
    folded_text = text.casefold()
    agency = agency or any(phrase in folded_text for phrase in _AGENCY_PHRASES)
    if label == "credit":  # "Photo: ...", "© ..."
        return capitalised or agency
    if _FOR_PUBLICATION.search(text) is not None or _agency_stands_alone(text):
        return True
    if label == "picture" and (not alone or _is_person(text)):
        return True
    parts = [part.strip() for part in text.split("/")]
    if len(parts) > 1 and (any(_is_person(part) for part in parts) or " " not in text):
        return True  # "Meridian/Carla Reis", "Doug Mills/The New York Times", "NASA/JPL-Caltech"
    return not alone and not label and "/" in text


def _agency_stands_alone(text: str) -> bool:
    """Whether one of the names in ``text`` is an agency's own ("Ahmad Gharabli, AFP via
    Getty Images", "Kyodo News", "HT Photo"), not an agency's name inside a longer name
    ("Bloomberg Headquarters In New York", "The Associated Press Building")."""
    for part in _CREDIT_PARTS.split(text):
        words = [w.strip(".'’()[]\"@#").casefold() for w in part.split()]
        words = [w for w in words if w]
        if not words:
            continue
        joined = " ".join(words)
        for phrase in _AGENCY_PHRASES:
            joined = joined.replace(phrase, "reuters")  # any one agency's name will do
        words = joined.split()
        if any(w in _AGENCIES for w in words) and all(
            w in _AGENCIES or w in _AGENCY_WORDS for w in words
        ):
            return True
        if len(words) <= 3 and words[-1] in _PICTURE_WORDS:
            return True  # a paper's or a studio's own: "HT Photo", "SOPA Images"
    return False


def _is_person(text: str) -> bool:
    """Whether ``text`` reads as one person's name: two to four capitalised words, none a
    Title-Case small word ("Of", "The"), in one case or with the surname in capitals
    ("Carla Reis", "JOHN MACDOUGALL", "Ludovic MARIN"), not "NATO Summit" or "March 2024"."""
    words = text.split()
    names = [w for w in words if w.casefold() not in _CONNECTORS or w[:1].isupper()]
    if not 2 <= len(names) <= 4 or len(words) - len(names) > 1:
        return False
    if any(w.casefold() in _CONNECTORS and w[:1].isupper() for w in names):
        return False
    if any(w.casefold() in _TITLE_WORDS for w in names):
        return False
    if not all(w[:1].isupper() and _NAME_WORD.fullmatch(w) for w in names):
        return False
    capitals = [w.isupper() for w in names if len(w.strip(".")) > 1]  # not initials
    return capitals == sorted(capitals)  # one case, or the surname alone in capitals
