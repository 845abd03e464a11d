"""A bibliography entry in the style's own layout for a source the style leaves out.

A note style may leave some kinds of source out of its bibliography with an
empty branch of the layout's top cs:choose: Chicago's ``<else-if match="any"
type="document manuscript ...">`` (CMOS 14.114-14.118: private and unpublished
documents), personal communications, social media. A briefing's Sources list
names every source it quotes, so such a source is rendered once more with those
empty branches passed over: it falls to the branch the style gives every other
source (Chicago's bibliography entry: "Policy Unit. “Harbourside ...” n.d."),
and reads like its neighbours, not like a footnote. Nothing else changes:
branches elsewhere in the style, empty or not, choose as they always do.
Imports the standard library only; citeproc's model is handed in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LISTED = "_briefer_listed"
"""Set on a citation item while it is rendered as an entry the style would leave out."""


def patch_listed(model: Any, condition: Callable[[Any, Any, Any], bool]) -> None:
    """Wrap cs:choose so a listed item passes over the bibliography layout's empty branches.

    ``condition`` is a branch's test without its rendering (csl_patches._condition).
    """
    choose_render = model.Choose.render

    def render_choose(
        self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any
    ) -> Any:
        if not getattr(item, "__dict__", {}).get(LISTED) or not _tops_bibliography(self):
            return choose_render(self, item, context, delimiter, **kwargs)
        for branch in self.iterchildren():
            if not any(isinstance(child.tag, str) for child in branch):
                continue  # the style's "leave this kind out" (a comment is no content)
            if type(branch) is model.Else or condition(branch, item, context):
                return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)
        return None

    model.Choose.render = render_choose


def _tops_bibliography(choose: Any) -> bool:
    """Whether ``choose`` is a child of the bibliography's layout (kept on the element)."""
    found = choose.__dict__.get("_briefer_tops_bibliography")
    if found is None:
        layout = choose.getparent()
        outer = layout.getparent() if layout is not None else None
        found = (
            layout is not None
            and outer is not None
            and str(layout.tag).endswith("}layout")
            and str(outer.tag).endswith("}bibliography")
        )
        choose.__dict__["_briefer_tops_bibliography"] = found
    return bool(found)


def listed_entry(layout: Any, item: Any) -> list[Any]:
    """The bibliography ``layout``'s entry for ``item`` with its omissions passed over."""
    item.__dict__[LISTED] = True
    try:
        return list(layout.render_bibliography([item]))
    finally:
        item.__dict__.pop(LISTED, None)
