"""The mends that let citeproc-py render a cite in a disambiguation :class:`State`.

citeproc-py reads none of CSL's disambiguation: it never tests
``disambiguate="true"`` (a cs:if holding only that test passed always),
knows no way to show more names or given names for one item, and prints a
``year-suffix`` only where a style names the variable. Each mend here reads
a state citations_csl sets on a cite's item (``_briefer_state``) for the
length of one rendering, so a source rendered without one is as before.
Called from csl_patches.patch with citeproc's model module.
"""

from __future__ import annotations

import threading
from typing import Any

from briefer.exporters.csl_disambiguate import FULL, INITIALS, State

STATE = "_briefer_state"
"""The item attribute holding a cite's State while it renders."""
_suffix = threading.local()
"""The year suffix waiting for the first year a cs:date renders, and whether it was used."""


def disambiguated(item: Any) -> bool:
    """The answer to ``disambiguate="true"`` for this cite (never true in a bibliography)."""
    state: State | None = item.__dict__.get(STATE)
    return state is not None and state.condition


def patch_disambiguation(model: Any) -> None:
    """Install the name, date and layout mends (once, from csl_patches)."""
    _patch_names(model)
    _patch_year_suffix(model)


def _patch_names(model: Any) -> None:
    from citeproc.source import Name

    process = model.Name.process

    def process_in_state(
        self: Any, item: Any, variable: Any, context: Any = None, sort_options: Any = None,
        **kwargs: Any,
    ) -> Any:  # fmt: skip
        state: State | None = item.__dict__.get(STATE)
        if state is None or sort_options is not None:
            return process(self, item, variable, context, sort_options, **kwargs)
        options = None
        if state.names:  # all of them: no "et al." (citeproc-py added it after the last)
            everyone = state.names >= len(item.reference.get(variable, []))
            options = {"et-al-min": 0} if everyone else {"et-al-use-first": state.names}
        if not state.expand:
            return process(self, item, variable, context, options, **kwargs)
        # A name to expand is handed to citeproc-py already written out, as a
        # literal family name, in the form the style's short name would take.
        reference = item.reference
        names = reference.get(variable, [])
        form = self.get_option("form", context)
        mark = self.get_option("initialize-with", context)
        written = []
        for index, name in enumerate(names):
            level = state.level(index)
            given, family, dp, ndp, suffix = name.parts()
            if not level or not given:
                written.append(name)
                continue
            if form == "short" or level == FULL or mark is None:
                if level == INITIALS and mark is not None:
                    given = self.initialize(given, mark, context)
                text = " ".join(p for p in (given, dp, ndp, family) if p)
                if suffix:
                    text += f", {suffix}" if form == "short" else f" {suffix}"
                written.append(Name(family=text))
            else:
                written.append(name)  # a long form with initials shows them already
        copy = dict.__new__(type(reference))
        dict.update(copy, reference)
        copy.__dict__.update(reference.__dict__)
        dict.__setitem__(copy, variable, written)
        kept = item.__dict__.get("_briefer_reference")
        item.__dict__["_briefer_reference"] = copy
        try:
            return process(self, item, variable, context, options, **kwargs)
        finally:
            if kept is None:
                item.__dict__.pop("_briefer_reference", None)
            else:
                item.__dict__["_briefer_reference"] = kept

    model.Name.process = process_in_state


def _patch_year_suffix(model: Any) -> None:
    """CSL 1.0.2: without ``cs:text variable="year-suffix"`` in the style, the suffix follows
    the first year a cs:date renders, in the cite and in the bibliographic entry."""
    layout_render = model.Layout.render_children
    date_process = model.Date.process
    part_process = model.Date_Part.process

    def explicit(element: Any) -> bool:
        root = element.get_root()
        found = root.__dict__.get("_briefer_explicit_suffix")
        if found is None:
            found = root.__dict__["_briefer_explicit_suffix"] = bool(
                root.xpath(".//cs:text[@variable='year-suffix']", namespaces=root.nsmap)
            )
        return bool(found)

    def render_children(self: Any, item: Any, **kwargs: Any) -> Any:
        item.__dict__.pop("_briefer_suffixed", None)  # one suffix per cite or entry
        return layout_render(self, item, **kwargs)

    def date_in_state(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        if getattr(_suffix, "pending", None) or self.is_locale_date():
            # a locale's date renders a style's date of form="...": the style's decides
            return date_process(self, item, *args, **kwargs)
        try:
            suffix = dict.__getitem__(item.reference, "year_suffix")
        except KeyError:
            suffix = None
        if not suffix or "_briefer_suffixed" in item.__dict__ or explicit(self):
            return date_process(self, item, *args, **kwargs)
        _suffix.pending, _suffix.used = str(suffix), False
        try:
            return date_process(self, item, *args, **kwargs)
        finally:
            if _suffix.used:
                item.__dict__["_briefer_suffixed"] = True
            _suffix.pending = None

    def part_with_suffix(self: Any, date: Any, context: Any = None) -> Any:
        text = part_process(self, date, context)
        pending = getattr(_suffix, "pending", None)
        if pending and text and not _suffix.used and self.get("name") == "year":
            _suffix.used = True
            text = f"{text}{pending}"
        return text

    model.Layout.render_children = render_children
    model.Date.process = date_in_state
    model.Date_Part.process = part_with_suffix
