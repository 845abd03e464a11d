"""Ordinal days in the note's language: "2. Dezember", never "2nd Dezember".

German writes a date's day as an ordinal ("2. Dezember 2025": the de-DE locale's
date form="text"), and APA prints an undated web page's "Abgerufen 2. Dezember 2025".
citeproc-py looked "ordinal-02" up down to en-US and printed "2nd" (see
csl_patches_ordinal). Real project files exported to Word and read back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.exporters.citations_csl import forget_styles
from briefer.exporters.csl_patches_ordinal import OrdinalTerm, ordinal_suffix
from briefer.resources import resource_path
from tests.exporters.test_csl_dialects import export, footnotes, made_project, paragraphs

NBSP = "\u00a0"
APA_RETRIEVED = {
    "de-DE": f"Port statistics. (o.{NBSP}J.). Abgerufen {{day}}. Dezember 2025, von "
    "https://example.org/port",
    "de-AT": f"Port statistics. (o.{NBSP}J.). Abgerufen {{day}}. Dezember 2025, von "
    "https://example.org/port",
    "fr-FR": f"Port statistics. (s.{NBSP}d.). Consulté {{day}} décembre 2025, à l’adresse "
    "https://example.org/port",  # the apostrophe curled, as Word types it
    "es-ES": f"Port statistics. (s.{NBSP}f.). Recuperado {{day}} de diciembre de 2025, de "
    "https://example.org/port",
}
# The article's language is not known, so it is taken to be the note's: CSL title-cases
# English titles only, and the title stays as the page wrote it.
CHICAGO = {
    "de-DE": "Jane Smith, „Harbour deal signed“, The Times, 4. März 2025, https://example.org/h.",
    "fr-FR": f"Jane Smith, «{NBSP}Harbour deal signed{NBSP}», The Times, 4 mars 2025, "
    "https://example.org/h.",
    "es-ES": "Jane Smith, «Harbour deal signed», The Times, 4 de marzo de 2025, "
    "https://example.org/h.",
}


@pytest.mark.parametrize("day", [1, 2, 3, 4, 11, 12, 21, 22, 23, 31])
@pytest.mark.parametrize("language", sorted(APA_RETRIEVED))
def test_apa_writes_the_day_a_page_was_read_as_the_language_does(
    tmp_path: Path, language: str, day: int
) -> None:
    """German: "2." (the locale's only ordinal term); French and Spanish: the day's
    number, as their locales' dates have it."""
    forget_styles()
    target = tmp_path / "apa.docx"
    with made_project(tmp_path / "p.briefer", dt.date(2025, 12, day)) as project:
        export(project, target, language, "apa")
    assert APA_RETRIEVED[language].format(day=day) in paragraphs(target)


@pytest.mark.parametrize("language", sorted(CHICAGO))
def test_chicago_footnotes_in_german_french_and_spanish(tmp_path: Path, language: str) -> None:
    forget_styles()
    target = tmp_path / "chicago.docx"
    with made_project(tmp_path / "p.briefer", dt.date(2025, 12, 2)) as project:
        export(project, target, language, "chicago")
    assert footnotes(target)[0] == CHICAGO[language]


def _ordinal_days_apa(tmp_path: Path) -> Path:
    """A user's APA asking for the day an undated page was read as an ordinal: "1ᵉʳ" in
    French, where its in-style <locale xml:lang="fr"> stands before the fr-FR file."""
    text = (resource_path("csl") / "apa.csl").read_text(encoding="utf-8")
    localized = '<date form="text" variable="accessed"/>'
    assert text.count(localized) == 1
    ordinal = (
        '<date variable="accessed"><date-part name="day" form="ordinal" suffix=" "/>'
        '<date-part name="month" suffix=" "/><date-part name="year"/></date>'
    )
    path = tmp_path / "apa-ordinal-days.csl"
    path.write_text(text.replace(localized, ordinal), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("language", "day", "written"),
    [
        ("fr-FR", 1, "Consulté 1ᵉʳ décembre 2025"),  # a month is masculine: not "1ʳᵉ"
        ("fr-FR", 2, "Consulté 2 décembre 2025"),  # fr-FR: ordinal for day 1 only
        ("de-DE", 1, "Abgerufen 1. Dezember 2025"),
        ("de-DE", 22, "Abgerufen 22. Dezember 2025"),
        ("es-ES", 1, "Recuperado 1.ª diciembre 2025"),  # es-ES's one ordinal term, not "1st"
        ("es-ES", 3, "Recuperado 3.ª diciembre 2025"),
        ("en-GB", 1, "Retrieved 1st December 2025"),
        ("en-GB", 11, "Retrieved 11th December 2025"),
        ("en-GB", 22, "Retrieved 22nd December 2025"),
        ("en-US", 13, "Retrieved 13th December 2025"),
    ],
)
def test_a_style_asking_for_ordinal_days_gets_the_locale_s_own(
    tmp_path: Path, language: str, day: int, written: str
) -> None:
    forget_styles()
    style = _ordinal_days_apa(tmp_path)
    target = tmp_path / "ordinal.docx"
    with made_project(tmp_path / "p.briefer", dt.date(2025, 12, day)) as project:
        export(project, target, language, str(style))
    (entry,) = [p for p in paragraphs(target) if p.startswith("Port statistics.")]
    assert f" {written}, " in entry
    forget_styles()


ENGLISH = [
    OrdinalTerm("ordinal", "th"),
    OrdinalTerm("ordinal-01", "st"),
    OrdinalTerm("ordinal-02", "nd"),
    OrdinalTerm("ordinal-03", "rd"),
    OrdinalTerm("ordinal-11", "th"),
    OrdinalTerm("ordinal-12", "th"),
    OrdinalTerm("ordinal-13", "th"),
]
FRENCH = [
    OrdinalTerm("ordinal", "ᵉ"),
    OrdinalTerm("ordinal-01", "ʳᵉ", "whole-number", "feminine"),
    OrdinalTerm("ordinal-01", "ᵉʳ", "whole-number", "masculine"),
]


@pytest.mark.parametrize(
    ("terms", "number", "gender", "suffix"),
    [
        (ENGLISH, 1, "", "st"),
        (ENGLISH, 11, "", "th"),  # ordinal-11 (last two digits) beats ordinal-01 (last digit)
        (ENGLISH, 21, "", "st"),
        (ENGLISH, 112, "", "th"),
        (ENGLISH, 102, "", "nd"),
        (ENGLISH, 4, "", "th"),
        ([OrdinalTerm("ordinal", ".")], 2, "", "."),
        (FRENCH, 1, "masculine", "ᵉʳ"),
        (FRENCH, 1, "feminine", "ʳᵉ"),
        (FRENCH, 21, "masculine", "ᵉ"),  # whole-number: 1 only
        (FRENCH, 1, "", "ᵉ"),  # neither gender asked: no neuter ordinal-01, so "ordinal"
        ([OrdinalTerm("ordinal-01", "x", "last-two-digits")], 101, "", "x"),
        ([OrdinalTerm("ordinal-01", "x", "last-two-digits")], 21, "", ""),
        ([], 5, "", ""),
    ],
)
def test_the_suffix_follows_the_specification_s_matching(
    terms: list[OrdinalTerm], number: int, gender: str, suffix: str
) -> None:
    assert ordinal_suffix(terms, number, gender) == suffix


def test_renderings_kept_under_an_older_format_are_not_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project keeps its note's renderings as the Briefer of the time made them: one
    from before this mend says "2nd Dezember". csl_kept.FORMAT was bumped for the mend,
    and renderings kept under an older FORMAT are rendered afresh, never served."""
    from briefer.exporters import csl_kept

    with made_project(tmp_path / "p.briefer", dt.date(2025, 12, 2)) as project:
        with monkeypatch.context() as older:
            older.setattr(csl_kept, "FORMAT", csl_kept.FORMAT - 1)
            forget_styles()
            kept = export(project, tmp_path / "older.docx", "de-DE", "apa")
        assert kept and "Abgerufen 2. Dezember" in kept
        kept = kept.replace("Abgerufen 2. Dezember", "Abgerufen 2nd Dezember")
        forget_styles()
        target = tmp_path / "now.docx"
        export(project, target, "de-DE", "apa", kept=kept)
    assert APA_RETRIEVED["de-DE"].format(day=2) in paragraphs(target)
    forget_styles()
