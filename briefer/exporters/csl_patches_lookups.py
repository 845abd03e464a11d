"""The mends that make the lookups every rendered element makes cheaper, answering the same.

Split from csl_patches, which installs every mend once: this family only saves time
(a formatting or affix check made once per element, a term or macro looked up once
per style, children listed once rather than walked through lxml's proxies). Imports
the standard library; citeproc inside ``patch_lookups``, given citeproc's model.
"""

from __future__ import annotations

from typing import Any


def patch_lookups(model: Any, language_key: str) -> None:
    """Cheaper forms of the lookups every rendered element makes, each answering the same.

    Tens of thousands of calls per note, so each is a fifth to a half of what
    it was: a formatting or affix check made once per element, a term looked up
    once per style, a source's variable read without ``super()``. ``language_key`` names
    the attribute of a loaded style's root that holds the language of items naming none
    (csl_patches.ITEM_LANGUAGE), which ``Text.process`` reads.
    """
    from citeproc import source
    from citeproc.source import VariableError
    from citeproc.string import String

    formatting = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")
    format_text = model.Formatted.format

    def format_once_known(self: Any, string: Any) -> Any:
        # Most elements set no formatting: then format() only turns numbers into text.
        formatted = self.__dict__.get("_briefer_formatted")
        if formatted is None:
            formatted = self.__dict__["_briefer_formatted"] = any(
                name in self.attrib for name in formatting
            )
        if formatted:
            return format_text(self, string)
        return str(string) if isinstance(string, int | float) else string

    model.Formatted.format = format_once_known

    wrap = model.Affixed.wrap
    plain = String

    def wrap_if_affixed(self: Any, string: Any) -> Any:
        # Without prefix and suffix, citeproc-py's wrap adds "" on both sides, which a
        # String (its __radd__, __add__) and a str return unchanged; a formatter's tag
        # (a str subclass) would come back a plain str, so that still goes through wrap.
        affixed = self.__dict__.get("_briefer_affixed")
        if affixed is None:
            attrib = self.attrib
            affixed = self.__dict__["_briefer_affixed"] = "prefix" in attrib or "suffix" in attrib
        if affixed or not (type(string) is str or isinstance(string, plain)):
            return wrap(self, string)
        return string

    model.Affixed.wrap = wrap_if_affixed

    get_term = model.CitationStylesElement.get_term

    def term_once(
        self: Any, name: str, form: Any = None, fallback_locale: bool = True,
        zero_padded: bool = False,
    ) -> Any:  # fmt: skip
        root = self.get_root()
        terms = root.__dict__.setdefault("_briefer_terms", {})
        key = (name, form, fallback_locale, zero_padded)
        if key not in terms:
            terms[key] = get_term(self, name, form, fallback_locale, zero_padded)
        return terms[key]

    model.CitationStylesElement.get_term = term_once
    get_macro = model.CitationStylesElement.get_macro

    def macro_once(self: Any, name: str) -> Any:
        macros = self.get_root().__dict__.setdefault("_briefer_macros", {})
        found = macros.get(name)
        if found is None:
            found = macros[name] = get_macro(self, name)
        return found

    model.CitationStylesElement.get_macro = macro_once
    for form in ("single", "multiple"):
        model.Term.__dict__[form]  # a property each; AttributeError if citeproc changed them
        setattr(model.Term, form, property(_kept_form(getattr(model.Term, form).fget, form)))

    def variable(self: Any, key: str) -> Any:
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            raise VariableError  # noqa: B904 - citeproc-py's own error, as it raised it

    source.CustomDict.__getitem__ = variable
    source.CustomDict.__getattr__ = variable
    _patch_children(model, VariableError, language_key)


def _children(element: Any, choose: type) -> list[tuple[Any, bool]]:
    """An element's children, each with whether it is a cs:choose: listed once per element."""
    found: list[tuple[Any, bool]] | None = element.__dict__.get("_briefer_children")
    if found is None:
        found = element.__dict__["_briefer_children"] = [
            (child, isinstance(child, choose)) for child in element.iterchildren()
        ]
    return found


def _patch_children(model: Any, variable_error: type[Exception], language_key: str) -> None:
    """citeproc-py's two loops over an element's children (``Parent.render_children``,
    ``Group.process``), line for line, over a list made once rather than lxml's iterator,
    which makes a proxy per child per visit: the rendering's innermost loop; and
    ``Text.process``, the element rendered most, without an exception per call."""
    choose, join = model.Choose, model.join

    def render_children(self: Any, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        output = []
        for child, is_choose in _children(self, choose):
            try:
                if is_choose:
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
                if text is not None:
                    output.append(text)
            except variable_error:
                pass
        if output:
            return join(output, delimiter)
        return None

    def group_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        output = []
        variable_called = False
        variable_rendered = False
        delimiter = self.get("delimiter", "")
        for child, is_choose in _children(self, choose):
            variable_called = variable_called or child.calls_variable()
            try:
                if is_choose:
                    child_text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    child_text = child.render(item, context=context, **kwargs)
                if child_text is not None:
                    output.append(child_text)
                    variable_rendered = variable_rendered or child.calls_variable()
            except variable_error:
                pass
        success = not variable_called or (variable_called and variable_rendered)
        if output and success:
            return self.join(output)
        raise variable_error

    model.Parent.render_children = render_children
    model.Group.process = group_process
    string = model.String

    def text_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        # citeproc-py's Text.process, line for line, but a source without a language
        # no longer costs a raised and caught VariableError at every cs:text.
        if context is None:
            context = self
        try:
            reference = item.reference
        except variable_error:
            reference = None
        if reference is not None and "language" in reference:
            language = dict.__getitem__(reference, "language")[:2]
        else:  # CSL: the default locale's; citeproc-py took "en" whatever the locale
            root = self.get_root()
            language = root.__dict__.get(language_key) or root.get("default-locale", "en")[:2]
        attrib = self.attrib
        if "variable" in attrib:
            text = self._variable(item, context)
        elif "macro" in attrib:
            text = self.get_macro(self.get("macro")).render(item, context)
        elif "term" in attrib:
            text = self._term(item)
        elif "value" in attrib:
            text = string(self.preformat(self.get("value")))
        return text, language

    model.Text.process = text_process
    name_option = model.Name.get_option

    def name_option_once(
        self: Any, name: str, context: Any = None, sort_options: Any = None
    ) -> Any:
        # Outside a sort key, a name option depends only on the style's elements: the
        # cs:name, the citation or bibliography above ``context``, the root.
        if sort_options is not None:
            return name_option(self, name, context, sort_options)
        memo = self.__dict__.setdefault("_briefer_name_options", {})
        key = (name, context)
        if key not in memo:
            memo[key] = name_option(self, name, context, None)
        return memo[key]

    model.Name.get_option = name_option_once


def _kept_form(read: Any, form: str) -> Any:
    """A term's single or plural text, read once: a locale never changes once loaded."""
    slot = f"_briefer_{form}"

    def kept(self: Any) -> Any:
        found = self.__dict__.get(slot)
        if found is None:
            found = self.__dict__[slot] = read(self)
        return found

    return kept
