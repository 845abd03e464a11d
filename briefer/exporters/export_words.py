"""The few words an export writes itself (Sources, Contents, Page X of Y, the title block's
labels and date) in the note's language.

Quotation marks and citations already follow the note's language; these words would
otherwise stay English in a German note. Standard library only; no Qt.
"""

from __future__ import annotations

import datetime as dt

from briefer.core.record import Record
from briefer.exporters.csl_locale_file import locale_file
from briefer.exporters.csl_styles import citeproc_locale
from briefer.exporters.document import format_date
from briefer.exporters.month_forms import genitive_months


class ExportWords(Record, frozen=True):
    """The bibliography heading, the table of contents heading, and the footer's page line.

    The footer reads ``page_before`` PAGE ``page_between`` NUMPAGES ``page_after``: the
    numbers stay Word fields, so the words go around them in the language's own order
    ("Seite 1 von 3", "Sivu 1/3").
    """

    sources: str
    contents: str
    page_before: str
    page_between: str
    page_after: str = ""
    author: str = "Author"
    date: str = "Date"
    recipient: str = "Recipient"
    reference: str = "Reference"
    marking: str = "Marking"

    def page_line(self, page: int | str, pages: int | str) -> str:
        """The footer as read with ``page`` and ``pages`` in place of the fields."""
        return f"{self.page_before}{page}{self.page_between}{pages}{self.page_after}"


ENGLISH = ExportWords("Sources", "Contents", "Page ", " of ")

# Keyed by the primary language subtag: only languages whose words are known for sure.
# The contents heading is the one Word's own table of contents uses in that language.
_WORDS: dict[str, ExportWords] = {
    "en": ENGLISH,
    "de": ExportWords("Quellen", "Inhalt", "Seite ", " von ", "", "Verfasser", "Datum",
                      "Empfänger", "Aktenzeichen", "Einstufung"),
    "fr": ExportWords("Sources", "Table des matières", "Page ", " sur ", "", "Auteur", "Date",
                      "Destinataire", "Référence", "Classification"),
    "es": ExportWords("Fuentes", "Contenido", "Página ", " de ", "", "Autor", "Fecha",
                      "Destinatario", "Referencia", "Clasificación"),
    "it": ExportWords("Fonti", "Sommario", "Pagina ", " di ", "", "Autore", "Data",
                      "Destinatario", "Riferimento", "Classificazione"),
    "pt": ExportWords("Fontes", "Índice", "Página ", " de ", "", "Autor", "Data",
                      "Destinatário", "Referência", "Classificação"),
    "nl": ExportWords("Bronnen", "Inhoud", "Pagina ", " van ", "", "Auteur", "Datum",
                      "Geadresseerde", "Kenmerk", "Rubricering"),
    "pl": ExportWords("Źródła", "Spis treści", "Strona ", " z ", "", "Autor", "Data",
                      "Adresat", "Sygnatura", "Klauzula"),
    "sv": ExportWords("Källor", "Innehåll", "Sida ", " av ", "", "Författare", "Datum",
                      "Mottagare", "Referens", "Klassificering"),
    "da": ExportWords("Kilder", "Indhold", "Side ", " af ", "", "Forfatter", "Dato",
                      "Modtager", "Reference", "Klassifikation"),
    "no": ExportWords("Kilder", "Innhold", "Side ", " av ", "", "Forfatter", "Dato",
                      "Mottaker", "Referanse", "Gradering"),
    "fi": ExportWords("Lähteet", "Sisällys", "Sivu ", "/", "", "Laatija", "Päivämäärä",
                      "Vastaanottaja", "Viite", "Turvaluokka"),
    "ru": ExportWords("Источники", "Содержание", "Страница ", " из ", "", "Автор", "Дата",
                      "Получатель", "Номер", "Гриф"),
    "uk": ExportWords("Джерела", "Зміст", "Сторінка ", " з ", "", "Автор", "Дата",
                      "Одержувач", "Номер", "Гриф"),
}  # fmt: skip
_WORDS["nb"] = _WORDS["nn"] = _WORDS["no"]  # Bokmål and Nynorsk write these alike


NOTE_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en-GB", "English (United Kingdom)"),
    ("en-US", "English (United States)"),
    ("da-DK", "Danish (Denmark)"),
    ("nl-NL", "Dutch (Netherlands)"),
    ("fi-FI", "Finnish (Finland)"),
    ("fr-FR", "French (France)"),
    ("de-DE", "German (Germany)"),
    ("it-IT", "Italian (Italy)"),
    ("nb-NO", "Norwegian Bokmål (Norway)"),
    ("nn-NO", "Norwegian Nynorsk (Norway)"),
    ("pl-PL", "Polish (Poland)"),
    ("pt-BR", "Portuguese (Brazil)"),
    ("pt-PT", "Portuguese (Portugal)"),
    ("ru-RU", "Russian (Russia)"),
    ("es-ES", "Spanish (Spain)"),
    ("sv-SE", "Swedish (Sweden)"),
    ("uk-UA", "Ukrainian (Ukraine)"),
)
"""(tag, name in English) of the note languages Preferences offers: English as Britain and
the United States write it (their quotation marks and dates differ), then each language
whose words are above, in a dialect whose own CSL locale its citations render in. The
settings take any language tag; one not listed here is kept as it is."""


def export_words(language: str | None) -> ExportWords:
    """The words for ``language`` (a tag like "de-AT" or "de_AT"; its primary subtag
    decides); English for None, an empty tag or a language not listed here."""
    primary = (language or "").strip().replace("_", "-").split("-", 1)[0].lower()
    return _WORDS.get(primary, ENGLISH)


def note_date(day: dt.date, language: str | None) -> str:
    """The date under a note's title: "4 December 2025" in English (unambiguous in
    every English-speaking office), else as the note's citations write a date in
    words, from the same CSL locale ("4. März 2025", "4 de marzo de 2025"), but as a
    date stands alone: the day unpadded, no leading "el". Russian and Ukrainian
    locales name the month as a word alone ("март"); a date says "4 марта 2025 г."."""
    tag = (language or "").strip().replace("_", "-")
    if not tag or tag.lower().startswith("en") or export_words(tag) is ENGLISH:
        return format_date(day)
    primary = tag.split("-", 1)[0].lower()
    months = genitive_months(primary)
    if primary in _YEAR_MARKS and months is not None:
        return f"{day.day} {months[day.month - 1]} {day.year} {_YEAR_MARKS[primary]}"
    if primary == "no":  # Norwegian with no written standard named: Bokmål's locale
        tag = "nb-NO"
    found = locale_file(citeproc_locale(tag))
    return (found.date_alone(day) if found is not None else None) or format_date(day)


_YEAR_MARKS = {"ru": "г.", "uk": "р."}
"""Russian and Ukrainian dates end in an abbreviated "year" (the uk-UA locale's
own date reads "2025. 04 берез.", a form for tables)."""
