"""The mends citeproc-py's element classes get once, on first use: speed and CSL 1.0.2 rules.

Kept apart from citations_csl (which renders) because each mend is a small
replacement of one citeproc-py method, read against that method's source.
Imports the standard library and the csl_patches_* modules (their mends for dates,
disambiguation, cs:substitute, ordinals, left-out entries and the cheaper lookups)
here; citeproc inside
``patch``.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from typing import Any

from briefer.exporters.csl_patches_dates import patch_dates
from briefer.exporters.csl_patches_disambiguation import disambiguated, patch_disambiguation
from briefer.exporters.csl_patches_listed import patch_listed
from briefer.exporters.csl_patches_lookups import patch_lookups
from briefer.exporters.csl_patches_ordinal import patch_ordinal
from briefer.exporters.csl_patches_substitute import patch_substitute

_patched = False
_patching = threading.Lock()
"""A window warms a style up on a thread of its own while an export may start on another."""
_EACH_TIME = ("is-numeric", "is-uncertain-date", "position", "disambiguate")
"""Condition tests whose answer depends on more than the item's type and variables."""
ITEM_LANGUAGE = "_briefer_item_language"
"""Where a loaded style's root keeps the language of items that name none: the
locale it renders in (csl_kept sets it), so title case applies to English only."""
MAX_MEMO = 20_000
"""Sort keys kept per sort element across exports; past it they are dropped."""


def patch() -> None:
    """Mend citeproc-py's element classes once (idempotent); each change says why.

    - XPath results, ``get_root`` and ``calls_variable`` are cached on the
      element: a style is never changed once loaded, and these lookups were
      nine tenths of the time (10 s for 320 Chicago notes, 0.8 s after);
      so is a cite's reference, looked up through two dict subclasses
      tens of thousands of times; sort keys are computed only when the
      keys before them tie, and kept per item (``_lazy_sort``); a condition
      that tests only the item's type, variables or locator is answered
      once per *shape* of item (its type, the variables it has, its
      locator's label), so sixty sources of two shapes ask Chicago's
      thousand conditions twice, not sixty times; and the lookups every
      element makes are made once (see csl_patches_lookups).
    - ``position`` tests read the position decided by csl_position.
    - ``<label variable="X">`` renders nothing when X is empty (CSL 1.0.2,
      Label), where citeproc-py printed the bare term ("Edition").
    - ``initialize="false"`` keeps given names whole (CSL 1.0.1+).
    - ``disambiguate="true"`` is tested (citeproc-py skipped it, so a cs:if
      of it alone always passed), and a cite renders in the disambiguation
      state citations_csl gives it (csl_patches_disambiguation).
    - What a cs:substitute rendered through a macro or a cs:choose is not
      rendered again (csl_patches_substitute).
    - An ordinal ("2." in German, "1ᵉʳ" in French) takes its suffix from the
      first locale with ordinal terms, matched as CSL 1.0.1+ says, never from
      en-US's "nd" behind it (csl_patches_ordinal).
    - A localized date joins its parts with its own delimiter, and a date that
      shows its day names the month as such a date does ("4 марта", not "4 март";
      csl_patches_dates).
    (The locale's ``punctuation-in-quote`` is applied to the output, in
    citations_csl.render.)
    """
    if _patched:
        return
    with _patching:
        if not _patched:
            _patch()


def _patch() -> None:
    global _patched
    from citeproc import model

    base = model.CitationStylesElement
    get_root = base.get_root

    from lxml import etree

    compiled: dict[str, Any] = {}
    namespaces = base.nsmap  # citeproc-py searches self.xpath(expression, namespaces=nsmap),
    # nsmap being a class attribute: the same map for every element

    def cached_xpath(self: Any, expression: str) -> Any:
        # Each element asks each question once; the same few dozen questions are
        # asked by hundreds of elements, so each is compiled once, not once each.
        cache = self.__dict__.setdefault("_briefer_xpath", {})
        if expression not in cache:
            search = compiled.get(expression)
            if search is None:
                if len(compiled) > MAX_MEMO:
                    compiled.clear()
                search = compiled[expression] = etree.XPath(expression, namespaces=namespaces)
            cache[expression] = search(self)
        return cache[expression]

    def cached_root(self: Any) -> Any:
        found = self.__dict__.get("_briefer_root")
        if found is None:
            found = self.__dict__["_briefer_root"] = get_root(self)
        return found

    def memo_calls_variable(original: Any) -> Any:
        def calls_variable(self: Any) -> Any:
            found = self.__dict__.get("_briefer_calls")
            if found is None:
                found = self.__dict__["_briefer_calls"] = original(self)
            return found

        return calls_variable

    base.xpath_search = cached_xpath

    def cached_child(self: Any, name: str) -> Any:
        # citeproc-py reads a child element as an attribute (style.root.bibliography,
        # locale.terms): a find() per read. Kept in the instance dict, later reads
        # never get here; an attribute citeproc-py sets itself (layout.repressed)
        # simply replaces it, as it shadowed the find() before.
        if name.startswith("__"):
            raise AttributeError(name)
        found = self.__dict__[name] = self.find("cs:" + name, self.nsmap)
        return found

    model.SomewhatObjectifiedElement.__getattr__ = cached_child
    base.get_root = cached_root
    model.Parent.calls_variable = memo_calls_variable(model.Parent.calls_variable)
    model.Text.calls_variable = memo_calls_variable(model.Text.calls_variable)

    position = model.If._position

    def decided_position(self: Any, item: Any, context: Any) -> list[bool]:
        decided = item.__dict__.get("_briefer_position")
        if decided is None:
            return list(position(self, item, context))
        ctx = self if context is None else context
        if ctx.xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        words = tuple(self.get("position").split())
        answers = tuple(decided.matches(test) for test in words)
        asked = item.__dict__.get("_briefer_asked")
        if asked is not None:
            asked.append((item.__dict__["_briefer_index"], words, answers))
        return list(answers)

    model.If._position = decided_position

    label_process = model.Label.process

    def label_process_if_set(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        # Names pass their own (present) variable in; only a standalone label is checked.
        name = self.get("variable") if not args and "variable" not in kwargs else None
        if name == FIRST_NOTE:
            if _first_note(item) is None:
                return None
        elif name and name != "locator" and name.replace("-", "_") not in item.reference:
            return None
        return label_process(self, item, *args, **kwargs)

    model.Label.process = label_process_if_set
    text_variable = model.Text._variable

    def variable_or_first_note(self: Any, item: Any, context: Any) -> Any:
        # CSL's first-reference-note-number, a cite's own variable citeproc-py lacks:
        # OSCOLA's short note "Ministry of Trade (n 2)" names the note of the full one.
        if self.get("variable") == FIRST_NOTE:
            number = _first_note(item)
            if number is None:
                from citeproc.source import VariableError

                raise VariableError
            return str(number)
        return text_variable(self, item, context)

    model.Text._variable = variable_or_first_note

    initialize = model.Name.initialize

    def initialize_unless_false(self: Any, given: Any, mark: Any, context: Any) -> Any:
        holders = [
            self,
            *self.xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography][1]"),
        ]
        holders.append(self.get_root())
        for holder in holders:
            value = holder.get("initialize")
            if value is not None:
                if value == "false":
                    return given
                break
        return initialize(self, given, mark, context)

    model.Name.initialize = initialize_unless_false

    from citeproc import source

    def cached_reference(self: Any) -> Any:
        found = self.__dict__.get("_briefer_reference")
        if found is None:
            found = self.__dict__["_briefer_reference"] = self.bibliography.source[self.key]
        return found

    source.CitationItem.reference = property(cached_reference)
    model.Sort.sort = _lazy_sort

    def render_if(
        self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any
    ) -> Any:
        by_shape = self.__dict__.get("_briefer_by_shape")
        if by_shape is None:
            by_shape = self.__dict__["_briefer_by_shape"] = not any(
                name in self.attrib for name in _EACH_TIME
            )
        if by_shape:
            cache = self.__dict__.setdefault("_briefer_test", {})
            key = _shape(item)
            passed = cache.get(key)
            if passed is None:
                passed = cache[key] = _condition(self, item, context)
        else:
            passed = _condition(self, item, context)
        if not passed:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    model.If.render = render_if

    choose_render = model.Choose.render

    def render_choose(
        self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any
    ) -> Any:
        plan = self.__dict__.get("_briefer_plan")
        if plan is None:
            branches = list(self.iterchildren())
            by_shape = all(
                type(b) is model.Else
                or (isinstance(b, model.If) and not any(n in b.attrib for n in _EACH_TIME))
                for b in branches
            )
            plan = self.__dict__["_briefer_plan"] = (branches, by_shape, {})
        branches, by_shape, chosen = plan
        if not by_shape:
            return choose_render(self, item, context, delimiter, **kwargs)
        key = _shape(item)
        index = chosen.get(key)
        if index is None:
            index = chosen[key] = next(
                (
                    i
                    for i, branch in enumerate(branches)
                    if type(branch) is model.Else or _condition(branch, item, context)
                ),
                -1,
            )
        if index < 0:
            return None
        branch = branches[index]
        return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)

    model.Choose.render = render_choose

    def quote(self: Any, string: Any) -> Any:
        # citeproc-py's also looked up punctuation-in-quote, then never used it.
        if self.get("quotes", "false").lower() == "true":
            open_quote = self.get_single_term(name="open-quote")
            close_quote = self.get_single_term(name="close-quote")
            string = open_quote + string + close_quote
        return string

    model.Quoted.quote = quote

    def locale_option(self: Any, name: str) -> Any:
        options = self.__dict__.get("_briefer_options", False)
        if options is False:
            options = self.__dict__["_briefer_options"] = self.find("cs:style-options", self.nsmap)
        if options is None:
            raise IndexError
        return options.get(name, self._default_options[name])

    model.Locale.get_option = locale_option

    patch_lookups(model, ITEM_LANGUAGE)
    patch_disambiguation(model)  # after patch_lookups: it wraps the layout's render_children
    patch_substitute(model)  # after the first-note variable: it wraps Text._variable
    patch_ordinal(model)
    patch_dates(model, ITEM_LANGUAGE)  # after patch_ordinal: it wraps Date_Part.process
    patch_listed(model, _condition)  # after render_choose: it wraps Choose.render
    _patched = True


FIRST_NOTE = "first-reference-note-number"


def _first_note(item: Any) -> int | None:
    """The note a cite's item was first cited in, for a cite after the first; else None."""
    decided = item.__dict__.get("_briefer_position")
    if decided is None or decided.name == "first" or not decided.first_reference_note_number:
        return None  # note 0: disambiguation comparing cites without it
    return int(decided.first_reference_note_number)


def _shape(item: Any) -> tuple[object, ...]:
    """What a type, variable or locator test can see of a cite: the same shape, the same answer."""
    found: tuple[object, ...] | None = item.__dict__.get("_briefer_shape")
    if found is None:
        reference = item.reference
        label = item.locator.label if "locator" in item else None
        found = item.__dict__["_briefer_shape"] = (
            reference.get("type"),
            frozenset(reference),
            label,
        )
    return found


def _condition(element: Any, item: Any, context: Any) -> bool:
    """citeproc-py's ``If.render`` test, without the rendering that follows it."""
    attrib = element.attrib
    results: list[Any] = []
    if "type" in attrib:
        results += element._type(item)
    if "variable" in attrib:
        results += element._variable(item)
    if "is-numeric" in attrib:
        results += element._is_numeric(item)
    if "is-uncertain-date" in attrib:
        results += element._is_uncertain_date(item)
    if "locator" in attrib:
        results += element._locator(item)
    if "position" in attrib:
        results += element._position(item, context)
    if "disambiguate" in attrib:  # citeproc-py skipped it: a cs:if of it alone always passed
        results.append(disambiguated(item) == (attrib["disambiguate"] == "true"))
    match = element.get("match")
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)


def _lazy_sort(self: Any, items: list[Any], context: Any) -> list[Any]:
    """citeproc-py's ``Sort.sort``, computing a sort key only when earlier keys tie.

    Chicago sorts its bibliography by eight keys, each a macro rendered per
    item; the first (author) nearly always decides, so most are never needed.
    A key computed for an item is kept on this element under the item's
    fingerprint (its CSL-JSON, set by citations_csl), so the next export of
    the same sources renders none. Same comparison as citeproc-py's: None
    sorts last, text case-folded, numbers as numbers.
    """
    keys = self.findall("cs:key", self.nsmap)
    descending = [k.get("sort", "ascending").lower() == "descending" for k in keys]
    # Only a bibliography's keys are kept: a citation's may test the cite's position.
    in_bibliography = str(self.getparent().tag).endswith("bibliography")
    numbered = [k.get("variable") == "citation-number" or not in_bibliography for k in keys]
    kept: dict[tuple[int, str], Any] = self.__dict__.setdefault("_briefer_keys", {})
    if len(kept) > MAX_MEMO:
        kept.clear()
    cache: dict[tuple[int, int], Any] = {}

    def key_of(k: int, i: int) -> Any:
        if (k, i) not in cache:
            fingerprint = items[i].__dict__.get("_briefer_print")
            if fingerprint is None or numbered[k]:
                cache[k, i] = keys[k].sort_keys([items[i]], context)[0]
            else:
                if (k, fingerprint) not in kept:
                    kept[k, fingerprint] = keys[k].sort_keys([items[i]], context)[0]
                cache[k, i] = kept[k, fingerprint]
        return cache[k, i]

    def compare(left: int, right: int) -> int:
        for k in range(len(keys)):
            a, b = key_of(k, left), key_of(k, right)
            if a is None or b is None:
                if a is None and b is None:
                    continue
                return 1 if a is None else -1
            with contextlib.suppress(AttributeError):
                a, b = str(a.lower()), str(b.lower())
            with contextlib.suppress(ValueError):
                a, b = int(str(a)), int(str(b))
            result = int((a > b) - (a < b))
            if result:
                return -result if descending[k] else result
        return 0

    order = sorted(range(len(items)), key=functools.cmp_to_key(compare))
    return [items[i] for i in order]
