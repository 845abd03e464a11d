"""The mends for dates in words: a localized date's own delimiter, a month's form beside its day.

- A style's ``<date form="text" variable="issued"/>`` renders the locale's
  date. citeproc-py joined that date's parts with the *style's* element's
  delimiter (none) instead of the locale date's own, so Lithuanian's
  ``<date form="text" delimiter=" ">`` printed "2025 m.kovo4 d." and Latvian's
  "2025. gada4.martā". CSL 1.0.2 ("Localized Date Formats"): the localized
  format is the locale's, the calling element adds only affixes, display,
  formatting and text-case.
- A date that shows its day names the month as a date does in the note's
  language: "4 марта 2025 г.", not the locale term's "4 март" (month_forms);
  a month with its year alone keeps the nominative ("март 2025 г.").
Imports the standard library and month_forms; ``patch_dates`` is given citeproc's model.
"""

from __future__ import annotations

import threading
from typing import Any

from briefer.exporters.month_forms import month_in_date

_showing = threading.local()
"""Whether the date rendering on this thread shows its day (a thread per render)."""


def patch_dates(model: Any, language_key: str) -> None:
    """Mend citeproc-py's Date and Date_Part; ``language_key`` names the attribute of a
    loaded style's root that holds the language it renders in (csl_patches.ITEM_LANGUAGE)."""
    from citeproc.source import VariableError

    date_process = model.Date.process
    part_process = model.Date_Part.process

    def render_single_date(
        self: Any, date: Any, show_parts: Any = None, context: Any = None
    ) -> Any:
        parts = (
            self.parts(date, show_parts, context)
            if context != self
            else self.parts(date, show_parts)
        )
        return self.join(parts) if parts else None  # the locale date's delimiter

    def process(self: Any, item: Any, variable: Any = None, show_parts: Any = None,
                context: Any = None, **kwargs: Any) -> Any:  # fmt: skip
        outer = getattr(_showing, "day", None)
        wanted = self.get("date-parts")
        shown = show_parts if show_parts is not None else ["year", "month", "day"]
        # The day shows if asked for and this date has a part for it: a style's own
        # <date> of month and year parts ("март 2025") shows none, whatever the item's
        # date holds; a call of the locale's form decides in the locale date's call.
        _showing.day = (
            "day" in shown
            and (wanted is None or "day" in wanted.split("-"))
            and any(part.get("name") == "day" for part in self.iterchildren())
        )
        try:
            return date_process(self, item, variable, show_parts, context, **kwargs)
        finally:
            _showing.day = outer

    def part(self: Any, date: Any, context: Any = None) -> Any:
        text = part_process(self, date, context)
        if self.get("name") != "month" or not text or not getattr(_showing, "day", False):
            return text
        if self.get("form", "long") != "long":  # the style's attributes are merged in by now
            return text
        try:
            month, day = int(date.month), int(date.day)
        except (VariableError, AttributeError, TypeError, ValueError):
            return text
        if not day:
            return text
        here = self if context is None else context
        language = here.get_root().__dict__.get(language_key) or ""
        return month_in_date(language, month, str(text))

    model.Date.render_single_date = render_single_date
    model.Date.process = process
    model.Date_Part.process = part
