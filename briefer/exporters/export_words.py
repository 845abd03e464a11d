"""The few words an export writes itself (Sources, Contents, Page X of Y) in the note's language.

Quotation marks and citations already follow the note's language; these words would
otherwise stay English in a German note. Standard library only; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExportWords:
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

    def page_line(self, page: int | str, pages: int | str) -> str:
        """The footer as read with ``page`` and ``pages`` in place of the fields."""
        return f"{self.page_before}{page}{self.page_between}{pages}{self.page_after}"


ENGLISH = ExportWords("Sources", "Contents", "Page ", " of ")

# Keyed by the primary language subtag: only languages whose words are known for sure.
# The contents heading is the one Word's own table of contents uses in that language.
_WORDS: dict[str, ExportWords] = {
    "en": ENGLISH,
    "de": ExportWords("Quellen", "Inhalt", "Seite ", " von "),
    "fr": ExportWords("Sources", "Table des matières", "Page ", " sur "),
    "es": ExportWords("Fuentes", "Contenido", "Página ", " de "),
    "it": ExportWords("Fonti", "Sommario", "Pagina ", " di "),
    "pt": ExportWords("Fontes", "Índice", "Página ", " de "),
    "nl": ExportWords("Bronnen", "Inhoud", "Pagina ", " van "),
    "pl": ExportWords("Źródła", "Spis treści", "Strona ", " z "),
    "sv": ExportWords("Källor", "Innehåll", "Sida ", " av "),
    "da": ExportWords("Kilder", "Indhold", "Side ", " af "),
    "no": ExportWords("Kilder", "Innhold", "Side ", " av "),
    "fi": ExportWords("Lähteet", "Sisällys", "Sivu ", "/"),
    "ru": ExportWords("Источники", "Содержание", "Страница ", " из "),
    "uk": ExportWords("Джерела", "Зміст", "Сторінка ", " з "),
}
_WORDS["nb"] = _WORDS["nn"] = _WORDS["no"]  # Bokmål and Nynorsk write these alike


def export_words(language: str | None) -> ExportWords:
    """The words for ``language`` (a tag like "de-AT" or "de_AT"; its primary subtag
    decides); English for None, an empty tag or a language not listed here."""
    primary = (language or "").strip().replace("_", "-").split("-", 1)[0].lower()
    return _WORDS.get(primary, ENGLISH)
