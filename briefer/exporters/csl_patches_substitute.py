"""The mend for cs:substitute: what a substitute rendered is not rendered again.

CSL 1.0.2 (cs:substitute): "Substituted variables are suppressed in the rest of
the output to prevent duplication." citeproc-py suppresses a substitute's child
only when that child names a variable itself (``<text variable="title"/>``).
APA and Chicago substitute through a macro (``<text macro="author-title-substitute"/>``)
or a cs:choose, so a web page without an author printed its title twice
("Title. (n.d.). Title. Invezz.") and an unsigned newspaper article its paper
twice ("Invezz. "Title." Invezz, n.d."). Here every text variable the chosen child
rendered is suppressed for the rest of the item, as the specification says.
Imports nothing; ``patch_substitute`` is given citeproc's model (csl_patches).
"""

from __future__ import annotations

from typing import Any

_NOTED = "_briefer_substituted"
"""On a layout while a substitute's child renders: the (tag, variable) it printed."""


def patch_substitute(model: Any) -> None:
    """Replace ``Substitute.render`` and note what ``Text._variable`` prints meanwhile."""
    text_variable = model.Text._variable
    names = model.Names

    def variable_noted(self: Any, item: Any, context: Any) -> Any:
        text = text_variable(self, item, context)
        if text:
            noted = context.get_layout().__dict__.get(_NOTED)
            if noted is not None:
                noted.append((self.tag, self.get("variable")))
        return text

    def render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        # citeproc-py's Substitute.render, child by child, plus the suppression.
        from citeproc.source import VariableError

        layout = context.get_layout() if context is not None else None
        outer = layout.__dict__.get(_NOTED) if layout is not None else None
        text = None
        try:
            for child in self.getchildren():
                noted: list[tuple[str, str]] = []
                if layout is not None:
                    layout.__dict__[_NOTED] = noted
                try:
                    if isinstance(child, names) and child.name is None:
                        owner = self.xpath_search("./parent::cs:names[1]")[0]
                        text = child.render(item, names_context=owner, context=context, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    continue
                if text:
                    self.add_to_repressed_list(child, context)
                    if layout is not None:
                        for tag, variable in noted:
                            layout.repressed.setdefault(tag, []).append(variable)
                        if outer is not None:  # a substitute within a substitute's macro
                            outer.extend(noted)
                    break
        finally:
            if layout is not None:
                if outer is None:
                    layout.__dict__.pop(_NOTED, None)
                else:
                    layout.__dict__[_NOTED] = outer
        return text

    model.Text._variable = variable_noted
    model.Substitute.render = render
