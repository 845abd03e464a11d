"""Dates in words in the note's language: "4 марта 2025 г.", "2025 m. kovo 4 d.".

A date with its day names the month in the genitive in Russian, Czech, Slovak,
Croatian and Greek; the CSL locale files name months in the nominative, so
citeproc-py printed "4 март 2025 г." (csl_patches_dates, month_forms). And a
localized date keeps its own delimiter: Lithuanian's printed "2025 m.kovo4 d.".
Real project files exported to Word and read back with python-docx.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.exporters.citations_csl import forget_styles
from briefer.exporters.month_forms import month_in_date
from tests.exporters.test_csl_dialects import export, footnotes, made_project, paragraphs

CHICAGO_DATE = {  # the harbour article's date, 4 March 2025, in its first footnote
    "ru-RU": "4 марта 2025 г.",
    "cs-CZ": "4. března 2025",
    "sk-SK": "04. marca 2025",
    "hr-HR": "04. ožujka 2025.",
    "el-GR": "4 Μαρτίου 2025",
    "pl-PL": "4 marca 2025",  # the pl-PL locale names months as a date does already
    "fi-FI": "4. maaliskuuta 2025",  # so does fi-FI (partitive)
    "sl-SI": "4. marec 2025",  # Slovenian dates keep the nominative
    "lt-LT": "2025 m. kovo 4 d.",  # the locale's date, with its own delimiter
}
APA_RETRIEVED = {  # the undated page, read on 2 December 2025
    "ru-RU": "Извлечено 2 декабря 2025 г.",
    "cs-CZ": "Získáno 2. prosince 2025",
    "el-GR": "Ανακτήθηκε 2 Δεκεμβρίου 2025",
    "lt-LT": "Gauta 2025 m. gruodžio 2 d.",
}
MONTH_AND_YEAR = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Month and year</title><id>month-and-year</id>
    <updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout suffix=".">
    <text variable="title"/>
    <date variable="issued" form="text" date-parts="{parts}" prefix=", "/>
  </layout></citation>
</style>
"""


@pytest.fixture(autouse=True)
def _fresh_styles() -> object:
    forget_styles()
    yield None
    forget_styles()


@pytest.mark.parametrize("language", sorted(CHICAGO_DATE))
def test_a_footnote_s_date_names_its_month_as_the_language_does(
    tmp_path: Path, language: str
) -> None:
    target = tmp_path / "chicago.docx"
    with made_project(tmp_path / "p.briefer", dt.date(2025, 12, 2)) as project:
        export(project, target, language, "chicago")
    assert f", The Times, {CHICAGO_DATE[language]}, https://example.org/h." in footnotes(target)[0]


@pytest.mark.parametrize("language", sorted(APA_RETRIEVED))
def test_apa_s_retrieved_date_names_its_month_as_the_language_does(
    tmp_path: Path, language: str
) -> None:
    target = tmp_path / "apa.docx"
    with made_project(tmp_path / "p.briefer", dt.date(2025, 12, 2)) as project:
        export(project, target, language, "apa")
    (entry,) = [p for p in paragraphs(target) if "example.org/port" in p]
    assert APA_RETRIEVED[language] in entry


@pytest.mark.parametrize(
    ("parts", "written"), [("year-month", "март 2025 г."), ("year-month-day", "4 марта 2025 г.")]
)
def test_a_month_without_its_day_stays_in_the_nominative(
    tmp_path: Path, parts: str, written: str
) -> None:
    """ "март 2025 г." names a month; "4 марта 2025 г." a day of it."""
    style = tmp_path / "month-and-year.csl"
    style.write_text(MONTH_AND_YEAR.format(parts=parts), encoding="utf-8")
    target = tmp_path / "note.docx"
    with made_project(tmp_path / "p.briefer", dt.date(2025, 12, 2)) as project:
        export(project, target, "ru-RU", str(style))
    assert footnotes(target)[0] == f"Harbour deal signed, {written}"  # one period


def test_a_style_s_own_month_names_are_left_alone() -> None:
    """Only the locale file's nominative changes: a style naming months itself keeps
    its names, whatever their case; so does a language that does not inflect them."""
    assert month_in_date("ru", 3, "март") == "марта"
    assert month_in_date("ru-RU", 3, "Март") == "Марта"
    assert month_in_date("ru", 3, "мар.") == "мар."
    assert month_in_date("sk", 3, "marec") == "marca"
    assert month_in_date("sl", 3, "marec") == "marec"
    assert month_in_date("en", 3, "March") == "March"
    assert month_in_date("cs", 13, "březen") == "březen"


MONTH_PARTS = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Month parts</title><id>month-parts</id>
    <updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout suffix=".">
    <text variable="title" suffix=", "/>
    <date variable="issued">{parts}</date>
  </layout></citation>
</style>
"""


@pytest.mark.parametrize(
    ("parts", "written"),
    [('<date-part name="month" suffix=" "/><date-part name="year"/>', "март 2025"),
     ('<date-part name="day" suffix=" "/><date-part name="month" suffix=" "/>'
      '<date-part name="year"/>', "4 марта 2025")],
)  # fmt: skip
def test_a_style_s_own_date_of_month_and_year_keeps_the_nominative(
    tmp_path: Path, parts: str, written: str
) -> None:
    """A style's own <date> without a day part (Chicago author-date's month and year)
    names a month, though the article's date has a day."""
    style = tmp_path / "month-parts.csl"
    style.write_text(MONTH_PARTS.format(parts=parts), encoding="utf-8")
    target = tmp_path / "note.docx"
    with made_project(tmp_path / "p.briefer", dt.date(2025, 12, 2)) as project:
        export(project, target, "ru-RU", str(style))
    assert footnotes(target)[0] == f"Harbour deal signed, {written}."
