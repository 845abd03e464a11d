"""The mend for ordinal numbers: one locale's set of ordinal terms, matched as CSL says.

A German locale defines one ordinal term, "ordinal" ("."), and the de-DE date
form="text" writes its day as an ordinal ("2. Dezember 2025"). citeproc-py
looks "ordinal-02" up first, through every locale down to en-US, and took
en-US's "nd": APA's "Abgerufen 2nd Dezember 2025" (so for days 1-3, 11-13, 21-23
and 31; APA's in-style ``<locale xml:lang="de">`` hid de-DE from citeproc-py's
first, same-language look). CSL 1.0.1+ ("Ordinal Suffixes"): the ordinal terms
("ordinal", "ordinal-00" to "ordinal-99") of a locale replace those of the locales
it falls back to as a whole set, never mixed with them; "ordinal-10" to
"ordinal-99" (matching the last two digits) win over "ordinal-00" to "ordinal-09"
(the last digit), which win over "ordinal"; ``match`` narrows a term to the last
two digits or the whole number; and a term's ``gender-form`` is chosen by the
gender of what is counted (the month's term for a day), else the neuter one.
citeproc-py also ignored ``gender-form``: a French day 1 of a style asking for
ordinal days took the feminine "1ʳᵉ" where a month (masculine) wants "1ᵉʳ".
Imports the standard library only; ``patch_ordinal`` is given citeproc's model.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, NamedTuple

_NS = {"cs": "http://purl.org/net/xbiblio/csl"}
_TERMS = "./cs:terms/cs:term[not(@form) and (@name='ordinal' or starts-with(@name, 'ordinal-'))]"
_counting = threading.local()
"""The gender of the month while a day renders (a thread may render while another does)."""


class OrdinalTerm(NamedTuple):
    """One ordinal term of a locale: "ordinal" or "ordinal-NN", its match and gender-form."""

    name: str
    text: str
    match: str = ""
    gender_form: str = ""


def ordinal_suffix(terms: Sequence[OrdinalTerm], number: int, gender: str = "") -> str:
    """The suffix of ``number`` among one locale's ordinal ``terms`` ("" if none fits).

    ``gender`` is that of what is counted ("masculine", "feminine", "" for neuter):
    a term of that gender-form is taken, else one without gender-form.
    """
    two_digits, last_digit = abs(number) % 100, abs(number) % 10

    def fits(term: OrdinalTerm) -> bool:
        wanted = int(term.name[len("ordinal-") :])
        if term.match == "whole-number":
            return abs(number) == wanted
        if wanted >= 10 or term.match == "last-two-digits":
            return two_digits == wanted
        return last_digit == wanted

    def numbered(name: str) -> bool:
        digits = name[len("ordinal-") :]
        return name.startswith("ordinal-") and len(digits) == 2 and digits.isdigit()

    two = [t for t in terms if numbered(t.name) and int(t.name[-2:]) >= 10 and fits(t)]
    one = [t for t in terms if numbered(t.name) and int(t.name[-2:]) < 10 and fits(t)]
    plain = [t for t in terms if t.name == "ordinal"]
    for group in (two, one, plain):
        for wanted_form in (gender, ""):
            found = next((t for t in group if t.gender_form == wanted_form), None)
            if found is not None:
                return found.text
    return ""


def locale_ordinals(locales: Sequence[Any]) -> list[OrdinalTerm]:
    """The ordinal terms of the first of ``locales`` (in fallback order) that has any."""
    for locale in locales:
        found = locale.xpath(_TERMS, namespaces=_NS)
        if found:
            return [
                OrdinalTerm(
                    str(term.get("name")),
                    str(term.single),
                    str(term.get("match", "")),
                    str(term.get("gender-form", "")),
                )
                for term in found
            ]
    return []


def patch_ordinal(model: Any) -> None:
    """Replace citeproc-py's ``to_ordinal`` and tell it the month's gender for a day."""
    from citeproc.source import VariableError

    part_process = model.Date_Part.process
    locale_class = model.Locale

    def to_ordinal(number: int, context: Any) -> str:
        root = context.get_root()
        locales = [root] if isinstance(root, locale_class) else list(root.locales)
        gender = getattr(_counting, "gender", None)
        if gender is None:  # a number: the gender of its variable's term ("edition")
            variable = context.get("variable")
            gender = _gender(context, variable) if variable else ""
        # A style's locales never change once loaded: their terms are read once, and
        # each number's suffix found once per gender.
        terms = root.__dict__.get("_briefer_ordinal_terms")
        if terms is None:
            terms = root.__dict__["_briefer_ordinal_terms"] = locale_ordinals(locales)
        suffixes = root.__dict__.setdefault("_briefer_ordinals", {})
        key = (number, gender)
        if key not in suffixes:
            suffixes[key] = ordinal_suffix(terms, number, gender)
        return f"{number}{suffixes[key]}"

    def process(self: Any, date: Any, context: Any = None) -> Any:
        if self.get("name") != "day":
            return part_process(self, date, context)
        try:
            month = int(date.month)
        except (VariableError, AttributeError, TypeError, ValueError):
            month = 0
        outer = getattr(_counting, "gender", None)
        here = self if context is None else context
        _counting.gender = _gender(here, f"month-{month:02}") if month else ""
        try:
            return part_process(self, date, context)
        finally:
            _counting.gender = outer

    model.to_ordinal = to_ordinal
    model.Date_Part.process = process


def _gender(context: Any, name: str) -> str:
    """The gender of the term ``name`` in the rendering locale ("" when it has none)."""
    term = context.get_term(name)
    return str(term.get("gender", "")) if term is not None else ""
