"""A month's name in a date with its day: "4 марта", "4. března", "4 Μαρτίου", not "март".

Slavic languages and Greek name a month alone in the nominative ("март 2025")
and in a date with its day in the genitive ("4 марта 2025"), as CLDR's "format"
and "stand-alone" month names record. The CSL locale files name each month once,
in the nominative, so a date rendered from them reads "4 март 2025 г.". Polish,
Finnish and Lithuanian locales already give the form a date takes, and
Slovenian, Serbian and Bulgarian dates keep the nominative: they are not listed.
Standard library only: the citation mend (csl_patches_dates) and the date under a
Russian or Ukrainian note's title (export_words) read the same table.
"""

from __future__ import annotations

_FORMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ru": (("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
            "сентябрь", "октябрь", "ноябрь", "декабрь"),
           ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря")),
    "uk": (("січень", "лютий", "березень", "квітень", "травень", "червень", "липень",
            "серпень", "вересень", "жовтень", "листопад", "грудень"),
           ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
            "вересня", "жовтня", "листопада", "грудня")),
    "cs": (("leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen",
            "září", "říjen", "listopad", "prosinec"),
           ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna",
            "září", "října", "listopadu", "prosince")),
    "sk": (("január", "február", "marec", "apríl", "máj", "jún", "júl", "august",
            "september", "október", "november", "december"),
           ("januára", "februára", "marca", "apríla", "mája", "júna", "júla", "augusta",
            "septembra", "októbra", "novembra", "decembra")),
    "hr": (("siječanj", "veljača", "ožujak", "travanj", "svibanj", "lipanj", "srpanj",
            "kolovoz", "rujan", "listopad", "studeni", "prosinac"),
           ("siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja",
            "kolovoza", "rujna", "listopada", "studenoga", "prosinca")),
    "el": (("Ιανουάριος", "Φεβρουάριος", "Μάρτιος", "Απρίλιος", "Μάιος", "Ιούνιος",
            "Ιούλιος", "Αύγουστος", "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος", "Δεκέμβριος"),
           ("Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου",
            "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου",
            "Δεκεμβρίου")),
}  # fmt: skip


def month_in_date(language: str, month: int, name: str) -> str:
    """``name`` (month ``month``, 1-12) as a date with its day writes it in ``language``.

    Only the nominative the CSL locale gives is changed (case and a leading capital
    kept): a style's own locale that already names months otherwise is left alone.
    """
    forms = _FORMS.get(language.split("-", 1)[0].lower())
    if forms is None or not 1 <= month <= 12:
        return name
    nominative, genitive = forms[0][month - 1], forms[1][month - 1]
    if name == nominative:
        return genitive
    if name == nominative.capitalize():
        return genitive.capitalize()
    if name == nominative.upper():
        return genitive.upper()
    return name


def genitive_months(language: str) -> tuple[str, ...] | None:
    """The twelve months as a date with its day names them, if ``language`` inflects them."""
    forms = _FORMS.get(language.split("-", 1)[0].lower())
    return forms[1] if forms is not None else None
