"""Word's automatic numbers ("1.2", "Article IV", "(c)") computed as Word shows them.

Word does not store a numbered heading's "3.2" or a clause's "4.1.7": numbering.xml
holds a pattern per level ("%1.%2") and the reader counts. Analysts cite those
numbers ("see para 4.1.7", "point (a)"), so every numbered paragraph keeps its
number in its text. Counters belong to the abstract definition (lists that share
one continue each other, as in Word) and restart when a list instance overrides
its start. Imports lxml through docx_parts; never store, session or ui.
"""

from __future__ import annotations

import re
import zipfile
from typing import Any

from briefer.core.numerals import roman
from briefer.core.record import Record, field
from briefer.importers.docx_parts import read_part, w

_VAL = w("val")
_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_UNNUMBERED = frozenset({"bullet", "none", ""})


class Level(Record, frozen=True):
    fmt: str
    """numFmt: "decimal", "lowerLetter", "upperRoman", "bullet", ..."""
    text: str
    """lvlText: "%1.%2", "Article %1", "(%1)"; a bullet's glyph for bullets."""
    start: int = 1
    legal: bool = False
    """isLgl: every number in the label shows as decimal ("1.3", not "I.c")."""


class Numbering(Record):
    """numbering.xml read once: formats for the classifier, live counters for labels."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    """abstractNumId -> ilvl -> level."""
    instances: dict[int, tuple[str, dict[int, int]]] = field(default_factory=dict)
    """numId -> (abstractNumId, ilvl -> startOverride)."""
    instance_levels: dict[int, dict[int, Level]] = field(default_factory=dict)
    """numId -> ilvl -> level the instance redefines (a ``w:lvl`` inside ``w:lvlOverride``)."""
    style_levels: dict[tuple[str, str], int] = field(default_factory=dict)
    """(abstractNumId, styleId) -> ilvl: the level a linked style (Heading 2) stands at."""
    _counters: dict[str, list[int | None]] = field(default_factory=dict)
    _started: set[int] = field(default_factory=set)

    def format(self, num_id: int, ilvl: int) -> str | None:
        level = self._level(num_id, ilvl)
        return level.fmt if level is not None else None

    def level_for_style(self, num_id: int, style_id: str) -> int | None:
        instance = self.instances.get(num_id)
        return self.style_levels.get((instance[0], style_id)) if instance else None

    def label(self, num_id: int, ilvl: int) -> str:
        """Counts this paragraph and returns its label ("" for bullets and unknown lists)."""
        instance = self.instances.get(num_id)
        if instance is None or not 0 <= ilvl < _LEVELS:
            return ""
        abstract, overrides = instance
        levels = self.levels.get(abstract, {})
        if num_id in self.instance_levels:
            levels = {**levels, **self.instance_levels[num_id]}
        counters = self._counters.setdefault(abstract, [None] * _LEVELS)
        if num_id not in self._started:
            self._started.add(num_id)
            for at, start in overrides.items():
                if 0 <= at < _LEVELS:
                    counters[at] = start - 1  # the next paragraph at that level shows start
        for above in range(ilvl):  # "1.1.1" under no "1.1" yet: that 1 now counts as shown
            if counters[above] is None:
                counters[above] = _start(levels, above)
        current = counters[ilvl]
        counters[ilvl] = (current + 1) if current is not None else _start(levels, ilvl)
        for deeper in range(ilvl + 1, _LEVELS):
            counters[deeper] = None
        level = levels.get(ilvl)
        if level is None or level.fmt in _UNNUMBERED:
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            value = counters[at]
            shown = levels.get(at, level)
            fmt = shown.fmt if shown.fmt not in _UNNUMBERED and not level.legal else "decimal"
            return formatted(value if value is not None else _start(levels, at), fmt)

        return _PLACEHOLDER.sub(number, level.text).strip()

    def _level(self, num_id: int, ilvl: int) -> Level | None:
        own = self.instance_levels.get(num_id, {}).get(ilvl)
        if own is not None:
            return own
        instance = self.instances.get(num_id)
        return self.levels.get(instance[0], {}).get(ilvl) if instance else None


def _start(levels: dict[int, Level], ilvl: int) -> int:
    level = levels.get(ilvl)
    return level.start if level is not None else 1


def read_numbering(archive: zipfile.ZipFile, name: str) -> Numbering:
    """Levels of every abstract numbering, and which abstract each list instance uses."""
    root = read_part(archive, name)
    numbering = Numbering()
    if root is None:
        return numbering
    linked: dict[str, str] = {}
    """abstractNumId -> the numbering style it only points to (``w:numStyleLink``)."""
    defining: dict[str, str] = {}
    """numbering style -> the abstractNumId that defines its levels (``w:styleLink``)."""
    for node in root.iter(w("abstractNum")):
        abstract = node.get(w("abstractNumId"), "")
        levels: dict[int, Level] = {}
        for lvl in node.iter(w("lvl")):
            ilvl = _int(lvl.get(w("ilvl"))) or 0
            levels[ilvl] = _read_level(lvl)
            style = lvl.find(w("pStyle"))
            if style is not None:
                numbering.style_levels[(abstract, style.get(_VAL, ""))] = ilvl
        numbering.levels[abstract] = levels
        link = node.find(w("numStyleLink"))
        if link is not None:
            linked[abstract] = link.get(_VAL, "")
        link = node.find(w("styleLink"))
        if link is not None:
            defining.setdefault(link.get(_VAL, ""), abstract)
    for num in root.iter(w("num")):
        ref = num.find(w("abstractNumId"))
        num_id = _int(num.get(w("numId")))
        if ref is None or num_id is None:
            continue
        abstract = ref.get(_VAL, "")
        # A list that uses a list style (Word's "1 / a / i" styles) holds no levels of its
        # own: they, and the counters, belong to the definition that style links to.
        abstract = defining.get(linked.get(abstract, ""), abstract)
        overrides: dict[int, int] = {}
        for override in num.iter(w("lvlOverride")):
            ilvl = _int(override.get(w("ilvl"))) or 0
            start = override.find(w("startOverride"))
            value = _int(start.get(_VAL)) if start is not None else None
            redefined = override.find(w("lvl"))
            if redefined is not None:
                numbering.instance_levels.setdefault(num_id, {})[ilvl] = _read_level(redefined)
            if value is not None:
                overrides[ilvl] = value
        numbering.instances[num_id] = (abstract, overrides)
    return numbering


def _read_level(lvl: Any) -> Level:
    text, start, legal = lvl.find(w("lvlText")), lvl.find(w("start")), lvl.find(w("isLgl"))
    return Level(
        _number_format(lvl),
        text.get(_VAL, "") if text is not None else "",
        _or(_int(start.get(_VAL)) if start is not None else None, 1),
        legal is not None and legal.get(_VAL, "1") not in ("0", "false", "off"),
    )


def _number_format(lvl: Any) -> str:
    """numFmt, also where Word 2010+ wraps a custom one ("001, 002, 003, ...") in
    mc:AlternateContent with a plain fallback for older readers."""
    fmt = lvl.find(_NUM_FMT)
    if fmt is None:
        fmt = lvl.find(f"{_CHOICE}/{_NUM_FMT}")
    if fmt is None:
        fallback = lvl.find(f"{_FALLBACK}/{_NUM_FMT}")
        return fallback.get(_VAL, "") if fallback is not None else ""
    value = str(fmt.get(_VAL, ""))
    if value == "custom":
        padded = _PADDED.match(fmt.get(_FORMAT, ""))
        if padded:
            return f"decimalPad{len(padded.group(1))}"
        fallback = lvl.find(f"{_FALLBACK}/{_NUM_FMT}")
        return fallback.get(_VAL, "decimal") if fallback is not None else "decimal"
    return value


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_NUM_FMT, _FORMAT = w("numFmt"), w("format")
_CHOICE = f"{_MC}AlternateContent/{_MC}Choice"
_FALLBACK = f"{_MC}AlternateContent/{_MC}Fallback"
_PADDED = re.compile(r"^(0+1)\b")
"""A custom format Word offers in its dialog: numbers zero-padded to a width ("001")."""


def formatted(value: int, fmt: str) -> str:
    """``value`` as Word writes it in numbering format ``fmt`` ("lowerRoman" -> "iv")."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = _letters(value)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        numeral = roman(value)
        return numeral.upper() if fmt == "upperRoman" else numeral
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    if fmt.startswith("decimalPad") and value >= 0:
        return str(value).zfill(int(fmt.removeprefix("decimalPad")))
    if fmt == "ordinal" and value > 0:
        suffix = "th" if value % 100 in (11, 12, 13) else _ORDINAL.get(value % 10, "th")
        return f"{value}{suffix}"
    return str(value)


_ORDINAL = {1: "st", 2: "nd", 3: "rd"}


def _letters(value: int) -> str:
    """Word's letters: a..z, then aa..zz, then aaa.. (repeated, not base 26)."""
    if value <= 0:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _or(value: int | None, default: int) -> int:
    return value if value is not None else default


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
