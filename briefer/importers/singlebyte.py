"""Which single-byte code page undeclared, non-UTF-8 text was written in, told by its letters.

Standard library only; imports nothing from Briefer.
"""

from __future__ import annotations

import re
from itertools import pairwise

_SAMPLE = 16 * 1024
_ENOUGH = 1500
"""Bytes above ASCII that tell the code page as well as any more would: the sample
ends soon after them, so Russian or Czech text is judged on its first few kilobytes."""
_HIGH = re.compile(r"[^\x00-\x7f]")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")
# A word with a character above ASCII in it (possessive, so ASCII words cost no backtracking).
_HIGH_WORD = re.compile(r"[0-9A-Za-z_]*+[^\x00-\x7f]\w*")
_MARGIN = 0.1
"""How much better per non-ASCII character another code page must read than
Windows-1252 to be chosen: Western text, by far the most common, keeps its default."""


def _letters(lower: str) -> frozenset[str]:
    return frozenset(lower + lower.upper())


def _span(first: int, last: int) -> str:
    return "".join(map(chr, range(first, last + 1)))


Language = tuple[frozenset[str], frozenset[str], int]
"""A language's letters above ASCII; the letters a text of it soon shows (its signature);
and after how many letters above ASCII a text without any of them is not in that language:
enough that a real text goes that long without one less than once in a hundred (Slovak
ľ, ô and ä are a twelfth of its accented letters, Czech ě, ř and ů nearly a quarter)."""


def _language(letters: frozenset[str], signature: str = "", after: int = 0) -> Language:
    return letters, _letters(signature) if signature else frozenset(), after


# The languages each Latin code page is for. A reading is judged by the one language it
# fits best: Czech read as Windows-1252 has "è", "ø", "ì", "á" and "ý", all Western
# letters but never all in one Western language. A long reading must also show its
# language's signature: Hungarian read as Windows-1252 has only Portuguese letters
# ("hétfõre", "fõvárosi", "vízszintje") but no ã, ç or ê, which Portuguese text soon has.
# Icelandic ð, þ and ý are left out: they are what Turkish ğ, ş and ı become in Windows-1252.
_WESTERN = (
    _language(_letters("àâæçéèêëîïôœùûüÿ"), "àèçêùâîôû", 10),  # French
    _language(_letters("äöü") | {"ß"}),  # German
    _language(_letters("áéíñóúü") | set("¿¡"), "ñ¿¡", 45),  # Spanish
    _language(_letters("áàâãçéêíóôõú"), "ãçêâô", 12),  # Portuguese
    _language(_letters("àèéìòóù"), "àèìòù", 8),  # Italian
    _language(_letters("àçèéíïòóúü"), "àèòç", 12),  # Catalan
    _language(_letters("éèëïöü"), "ëï", 15),  # Dutch
    _language(_letters("æøåé")),  # Danish, Norwegian
    _language(_letters("åäöé")),  # Swedish
    _language(_letters("äöåšž")),  # Finnish
)
_CENTRAL = (
    _language(_letters("áčďéěíňóřšťúůýž"), "ěřů", 20),  # Czech
    _language(_letters("áäčďéíĺľňóôŕšťúýž"), "äĺľŕô", 80),  # Slovak
    _language(_letters("ąćęłńóśźż")),  # Polish
    _language(_letters("áéíóöőúüű"), "őűöü", 20),  # Hungarian
    _language(_letters("čćđšž")),  # Croatian, Slovenian, Bosnian
    _language(_letters("ăâîşţ")),  # Romanian
    _language(_letters("äöü") | {"ß"}),  # German
)
_TURKISH = (_language(_letters("çğıöşüâîû") | {"İ"}),)
_BALTIC = (
    _language(_letters("ąčęėįšųūž")),  # Lithuanian
    _language(_letters("āčēģīķļņōŗšūž")),  # Latvian
    _language(_letters("õäöüšž")),  # Estonian
)
_CYRILLIC = (_language(_letters(_span(0x430, 0x44F) + "ёіїєґў")),)
_GREEK = (_language(_letters(_span(0x3B1, 0x3C9) + "άέήίόύώϊϋ") | set("ΐΰς")),)
_HEBREW = (_language(frozenset(_span(0x5B0, 0x5F4))),)
_ARABIC = (_language(frozenset(_span(0x621, 0x64A) + "پچژگکی")),)
_THAI = (_language(frozenset(_span(0xE01, 0xE5B))),)
_OTHER_LANGUAGE = 0.5
"""What a letter of a code page's languages counts, in a reading whose language lacks it:
a Spanish text may quote "Müller", but a whole text of such letters is a misreading."""
# The dozen or so most frequent letters of the non-Latin scripts' languages: a right
# reading is mostly these, a reading in the wrong code page of the same script is not.
_FREQUENT = {
    "cyrillic": _letters("оеаинтсрвлкі"),
    "greek": _letters("αοιετσνηυρκςάέίόή"),
    "hebrew": frozenset("יוהלמארתבנשם"),
    "arabic": frozenset("اليمونهربتةع"),
    "thai": frozenset("านรอกเม่งยวีัตสค"),
}
# The letters that are words on their own in those scripts' languages; any other lone
# letter is a misreading ("à" read as Thai is a lone เ; Thai has no spaces between words).
_ALONE = _letters("вскоияауіїєжзй") | _letters("ηο") | frozenset("و")

# (codec, the languages written in it, the most frequent letters for a
# non-Latin script, None for a Latin one), in order of preference when two read equally.
_CANDIDATES: tuple[tuple[str, tuple[Language, ...], frozenset[str] | None], ...] = (
    ("cp1252", _WESTERN, None),
    ("mac-roman", _WESTERN, None),  # TextEdit and old Mac Word: “ is Ò, é is Ž in cp1252
    ("cp1254", _TURKISH, None),  # before cp1250, which has ý, ţ, đ where it has ı, ş, ğ
    ("cp1250", _CENTRAL, None),
    ("iso8859-2", _CENTRAL, None),
    ("cp1257", _BALTIC, None),
    ("cp1255", _HEBREW, _FREQUENT["hebrew"]),
    ("cp1256", _ARABIC, _FREQUENT["arabic"]),
    ("cp1251", _CYRILLIC, _FREQUENT["cyrillic"]),
    ("koi8-r", _CYRILLIC, _FREQUENT["cyrillic"]),
    ("koi8-u", _CYRILLIC, _FREQUENT["cyrillic"]),
    ("iso8859-5", _CYRILLIC, _FREQUENT["cyrillic"]),
    ("cp866", _CYRILLIC, _FREQUENT["cyrillic"]),
    ("cp1253", _GREEK, _FREQUENT["greek"]),
    ("iso8859-7", _GREEK, _FREQUENT["greek"]),
    ("cp874", _THAI, _FREQUENT["thai"]),
)
# Punctuation text really has; anything else above ASCII that is not a letter is a misreading.
_COMMON = frozenset("’‘“”„‚«»‹›–—…€°§·•№©®™\xa0\xad¿¡×±½¼¾²³")
_MAY_JOIN = frozenset("’‘\xad")
"""Marks that may stand between two letters of a word (l’état); and Catalan's "·" between
two l's only (col·lecció), since Czech "másla" read as Mac Roman is "m·sla"."""


def best_single_byte(data: bytes) -> str:
    """The code page among those analysts meet whose reading of ``data`` looks most like text.

    Each candidate decodes a sample, and each character above ASCII is scored:
    a letter of the language that reading fits best counts, a letter of another
    of the page's languages counts half, and so does punctuation where text has it
    (quotes, dashes, €); a letter of other languages does not; a symbol inside a
    word, a control character or an undefined byte counts against. Misreadings
    have tell-tale shapes: KOI8-R read as Windows-1251 gives "рПТФ" (capitals inside
    words), Greek read as Windows-1252 a word made only of accented letters, French
    read as Windows-1251 a Cyrillic letter between Latin ones ("mкme"), Polish read
    as Windows-1252 "op³aty", Czech read as Windows-1252 "pøíliš" and "stíhaèky"
    (Danish ø, French è and Spanish í in one text). Windows-1252 stays unless
    another page reads clearly better, since short texts tell little.
    """
    sample = _sample(data)
    scores = {codec: _score(sample.decode(codec, errors="replace"), languages, frequent)
              for codec, languages, frequent in _CANDIDATES}  # fmt: skip
    best = max(scores, key=lambda codec: scores[codec])
    return best if scores[best] >= scores["cp1252"] + _MARGIN else "cp1252"


def _sample(data: bytes) -> bytes:
    """The start of ``data``, up to _SAMPLE bytes or the end of the word _ENOUGH bytes
    above ASCII in: scoring is a Python loop over those bytes, run for every candidate."""
    sample = data[:_SAMPLE]
    highs = _HIGH_BYTES.finditer(sample)
    for _ in range(_ENOUGH):
        if next(highs, None) is None:
            return sample
    end = next(highs, None)
    if end is None:
        return sample
    space = sample.find(b" ", end.start())
    return sample if space < 0 else sample[:space]


def _score(text: str, languages: tuple[Language, ...], frequent: frozenset[str] | None) -> float:
    """The mean plausibility of the characters above ASCII in ``text`` (−2 to 1)."""
    latin = frequent is None
    home = frozenset().union(*(letters for letters, _, _ in languages))
    broken = _case_broken(text)
    total = 0.0
    count = 0
    letters: dict[str, int] = {}  # the letters whose worth depends on the language
    last = len(text) - 1
    for match in _HIGH.finditer(text):
        ch = match.group()
        index = match.start()
        count += 1
        before = text[index - 1] if index else " "
        after = text[index + 1] if index < last else " "
        if ch in home or ch.isalpha():
            if index in broken:
                total -= 1
            elif latin and _high_letter(before) and _high_letter(after):
                total -= 1  # a word of accented letters only: another script misread
            elif not latin and (_low_letter(before) or _low_letter(after)):
                total -= 1  # a letter of this script joined to Latin ones: "mкme", "cafι"
            elif ch not in home or (not latin and _alone(before, after) and ch not in _ALONE):
                continue  # another language's letter, or a lone letter that is no word
            elif ch.isupper() and before.isalpha():
                total += 0.25  # capitals inside words are rare in any language
            elif frequent is None:
                letters[ch] = letters.get(ch, 0) + 1
            else:
                total += 1 if ch in frequent else 0.5
        elif ch == "\ufffd" or ch < "\xa0":
            total -= 2  # a byte this code page has no character for, or a control
        elif ch not in _COMMON or (_joins(ch, before, after) and not _may_join(ch, before, after)):
            total -= 1
        else:
            total += 1  # quotes, dashes, € where text has them: as telling as a letter
    if letters:
        total += _fit(letters, languages)
    return total / count if count else 0.0


def _fit(letters: dict[str, int], languages: tuple[Language, ...]) -> float:
    """What the Latin letters of a reading are worth, judged by the language they fit best:
    one each of that language's, _OTHER_LANGUAGE each of the others."""
    found = sum(letters.values())
    fitting = max(
        (
            sum(n for ch, n in letters.items() if ch in language)
            for language, signature, after in languages
            if not signature or found < after or not signature.isdisjoint(letters)
        ),
        default=0,
    )
    return fitting + _OTHER_LANGUAGE * (found - fitting)


def _case_broken(text: str) -> set[int]:
    """Positions of letters above ASCII in words with a capital after a small letter."""
    broken: set[int] = set()
    for match in _HIGH_WORD.finditer(text):
        word = match.group()
        rest = word[1:]
        if rest == rest.lower() or word == word.upper():
            continue  # the usual shapes, checked at C speed: "Česká", "ČTK", "پچ"
        if any(a.islower() and b.isupper() for a, b in pairwise(word)):
            start = match.start()
            broken.update(start + i for i, c in enumerate(word) if c >= "\x80")
    return broken


def _joins(ch: str, before: str, after: str) -> bool:
    """Whether a mark stands inside a word: between two letters, or "·" touching one."""
    if ch == "·":
        return before.isalpha() or after.isalpha()
    return before.isalpha() and after.isalpha()


def _may_join(ch: str, before: str, after: str) -> bool:
    if ch == "·":
        return before in "lL" and after in "lL"
    return ch in _MAY_JOIN


def _alone(before: str, after: str) -> bool:
    return not before.isalpha() and not after.isalpha()


def _high_letter(ch: str) -> bool:
    return ch >= "\x80" and ch.isalpha()


def _low_letter(ch: str) -> bool:
    return ch < "\x80" and ch.isalpha()
