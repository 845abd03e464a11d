"""Photo credits in picture captions: a caption that only credits ("Photo: Reuters",
"(Getty Images)", "AFP", "File photo") is no text to keep, and a real caption's trailing
or leading credit ("... on Tuesday. (Photo: Reuters)") goes while its sentence stays.

Pure string rules over short strings; imports only the standard library. Conservative:
a credit is a label with names after it, names joined by a slash, or names with a
known agency, never a phrase with lower-case words in it (a name alone, "Narendra Modi",
says who is pictured and stays).
"""

from __future__ import annotations

import re

_MAX_CREDIT_CHARS = 160
"""A credit is one short line; a longer piece of a caption is always kept."""
_MAX_CREDIT_WORDS = 14
_MAX_STRIPS = 4  # credits taken off one caption's ends: "(Photo X. AFP)" takes two

_LABEL = re.compile(
    r"(?:photo(?:graph|graphy)?s?|pictures?|pics?|images?|img|videos?|illustrations?|"
    r"graphics?|infographic|maps?|credits?|sources?|courtesy(?:\s+of)?|fotos?|fotograf[íi]as?|"
    r"imagen(?:es)?|bild(?:er)?|quelle|cr[ée]dits?(?:\s+photos?)?|crediti|fonte|"
    r"(?:file|stock|archive)(?:\s+(?:photo|picture|image|pic)s?)?)"
    r"(?:\s+(?:credits?|courtesy|source))?"
    r"\s*(?::|©|/|\||-|–|—|\bby\b|\bcourtesy(?:\s+of)?\b|\bde\b|\bvon\b|\bpar\b)?\s*",
    re.IGNORECASE,
)
"""What opens a credit: "Photo:", "Image credit:", "Photograph by", "Foto:", "Crédit photo :"."""
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
_AGENCY_PHRASES = ("associated press", "press association", "pa wire", "pa media", "ria novosti")
_CONNECTORS = frozenset(
    {
        "and", "for", "via", "on", "of", "by", "courtesy", "de", "del", "della", "da", "do",
        "dos", "das", "van", "von", "der", "den", "al", "el", "bin", "le", "la", "du", "uz",
        "y", "e", "und", "et", "ibn", "ter", "ten", "zu",
    }
)  # fmt: skip
_NAME_SEPARATORS = re.compile(r"\s*[/,;|&+·•]\s*|\s+")
_TRIM = " \t.;,:-–—|·•"
_SENTENCE_END = re.compile(r"[.!?…\"”’»)]\s+")
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
    """Whether ``text`` only credits a picture: "Photo: Reuters", "(Getty Images)", "AFP",
    "Thomas Coex/AFP/Getty Images", "File photo", "Image credit: Ministry of Defence"."""
    stripped = text.strip().strip("()[]{}").strip(_TRIM)
    if not stripped:
        return False
    if len(stripped) > _MAX_CREDIT_CHARS or len(stripped.split()) > _MAX_CREDIT_WORDS:
        return False
    if _PHRASE.fullmatch(stripped):
        return True
    mark = _COPYRIGHT.match(stripped)
    if mark is not None:
        return _only_names(stripped[mark.end() :], marked=True)
    label = _LABEL.match(stripped)
    if label is not None and label.end() > 0:
        rest = stripped[label.end() :].strip(_TRIM)
        return _only_names(rest, marked=True)
    return _only_names(stripped, marked=False)


def without_credit(caption: str) -> str:
    """``caption`` without the credits at its ends; "" when it is only a credit.

    "Defence Minister X inspects the frigate on Tuesday. (Photo: Reuters)" keeps its
    sentence; "© Munir uz Zaman, AFP | Police forensics investigate ..." loses its
    opening credit; "Photo: Reuters" is all credit.
    """
    # The label some pages give screen readers ("Image caption, ...") goes first.
    text = _CAPTION_LABEL.sub("", " ".join(caption.split()), count=1)
    for _ in range(_MAX_STRIPS):
        if not text or is_credit(text):
            return ""
        shorter = _without_tail(text) or _without_head(text)
        if shorter is None:
            break
        text = shorter
    text = text.strip(" \t|–—-/,;:")
    return text if any(c.isalnum() for c in text) else ""


def _without_tail(text: str) -> str | None:
    """``text`` without the credit that ends it, None when none does."""
    group = _TRAILING_GROUP.search(text)
    if group is not None and group.start() > 0 and is_credit(group.group(1)):
        return text[: group.start()].rstrip()
    start = max(0, len(text) - _MAX_CREDIT_CHARS - 2)
    for pattern in (_SENTENCE_END, _SEPARATOR, _LABEL_AFTER):
        for match in pattern.finditer(text, start):  # longest tail first
            if match.start() == 0:
                continue
            if is_credit(text[match.end() :]):
                head = text[: match.end()].rstrip()
                return head if pattern is _SENTENCE_END else head.rstrip(" |–—-")
    wire = _WIRE_TAIL.search(text, start)
    if wire is not None and wire.start(1) > 0:
        return text[: wire.start(1)].rstrip()
    return None


def _without_head(text: str) -> str | None:
    """``text`` without a credit that opens it before a separator ("© X, AFP | ...")."""
    for match in _SEPARATOR.finditer(text, 0, min(len(text), _MAX_CREDIT_CHARS + 2)):
        if match.end() < len(text) and is_credit(text[: match.start()]):
            return text[match.end() :].lstrip()
    return None


def _only_names(text: str, *, marked: bool) -> bool:
    """Whether ``text`` is names (capitalised words, agencies, years and the small words
    between them) that read as a credit: ``marked`` by a label before them, or holding a
    slash or an agency's name ("Evan Vucci/AP", "Getty Images"); a bare name never is."""
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
    agency = agency or _FOR_PUBLICATION.search(text) is not None
    return (capitalised or agency) and (marked or agency or "/" in text)
