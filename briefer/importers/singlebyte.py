"""Which single-byte code page undeclared, non-UTF-8 text was written in, told by its letters.

Standard library only; imports nothing from Briefer.
"""

from __future__ import annotations

from itertools import pairwise

_SAMPLE = 16 * 1024
_MARGIN = 0.1
"""How much better per non-ASCII character another code page must read than
Windows-1252 to be chosen: Western text, by far the most common, keeps its default."""


def _letters(lower: str) -> frozenset[str]:
    return frozenset(lower + lower.upper())


def _span(first: int, last: int) -> str:
    return "".join(map(chr, range(first, last + 1)))


_WESTERN = _letters("àáâãäåæçèéêëìíîïñòóôõöøùúûüÿœšžß") | set("¿¡")
# Icelandic ð, þ and ý are left out: they are what Turkish ğ, ş and ı become in Windows-1252.
_CENTRAL = _letters("ąćęłńóśźżáčďéěíňřšťúůýžľĺŕôäöüőűăâîşţđ") | {"ß"}
_BALTIC = _letters("ąčęėįšųūžāēģīķļņōŗõäöü")
_TURKISH = _letters("çğıöşüâîû") | {"İ"}
_CYRILLIC = _letters(_span(0x430, 0x44F) + "ёіїєґў")
_GREEK = _letters(_span(0x3B1, 0x3C9) + "άέήίόύώϊϋ") | set("ΐΰς")
_HEBREW = frozenset(_span(0x5B0, 0x5F4))
_ARABIC = frozenset(_span(0x621, 0x64A) + "پچژگکی")
_THAI = frozenset(_span(0xE01, 0xE5B))
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

# (codec, the letters of the languages written in it, the most frequent of them for a
# non-Latin script, None for a Latin one), in order of preference when two read equally.
_CANDIDATES: tuple[tuple[str, frozenset[str], frozenset[str] | None], ...] = (
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
_MAY_JOIN = frozenset("’‘·\xad")
"""Marks that may stand between two letters of a word (l’état, l·l)."""


def best_single_byte(data: bytes) -> str:
    """The code page among those analysts meet whose reading of ``data`` looks most like text.

    Each candidate decodes a sample, and each character above ASCII is scored:
    a letter of the languages that code page is for counts, and so does
    punctuation where text has it (quotes, dashes, €); a letter of other languages
    does not; a symbol inside a word, a control character or an undefined byte
    counts against. Misreadings have tell-tale shapes: KOI8-R read as Windows-1251 gives
    "рПТФ" (capitals inside words), Greek read as Windows-1252 a word made only of
    accented letters, French read as Windows-1251 a Cyrillic letter between Latin
    ones ("mкme"), Polish read as Windows-1252 "op³aty". Windows-1252 stays unless
    another page reads clearly better, since short texts tell little.
    """
    sample = data[:_SAMPLE]
    scores = {codec: _score(sample.decode(codec, errors="replace"), home, frequent)
              for codec, home, frequent in _CANDIDATES}  # fmt: skip
    best = max(scores, key=lambda codec: scores[codec])
    return best if scores[best] >= scores["cp1252"] + _MARGIN else "cp1252"


def _score(text: str, home: frozenset[str], frequent: frozenset[str] | None) -> float:
    """The mean plausibility of the characters above ASCII in ``text`` (−2 to 1)."""
    latin = frequent is None
    broken = _case_broken(text)
    total = 0.0
    count = 0
    last = len(text) - 1
    for index, ch in enumerate(text):
        if ch < "\x80":
            continue
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
            elif frequent is None or ch in frequent:
                total += 1
            else:
                total += 0.5
        elif ch == "\ufffd" or ch < "\xa0":
            total -= 2  # a byte this code page has no character for, or a control
        elif ch not in _COMMON or (ch not in _MAY_JOIN and before.isalpha() and after.isalpha()):
            total -= 1
        else:
            total += 1  # quotes, dashes, € where text has them: as telling as a letter
    return total / count if count else 0.0


def _case_broken(text: str) -> set[int]:
    """Positions of letters above ASCII in words with a capital after a small letter."""
    broken: set[int] = set()
    start = None
    for index, ch in enumerate(text + " "):
        if ch.isalpha():
            if start is None:
                start = index
            continue
        if start is not None and index - start > 1:
            word = text[start:index]
            if not word.isascii() and any(a.islower() and b.isupper() for a, b in pairwise(word)):
                broken.update(start + i for i, c in enumerate(word) if c >= "\x80")
        start = None
    return broken


def _alone(before: str, after: str) -> bool:
    return not before.isalpha() and not after.isalpha()


def _high_letter(ch: str) -> bool:
    return ch >= "\x80" and ch.isalpha()


def _low_letter(ch: str) -> bool:
    return ch < "\x80" and ch.isalpha()
