"""Word's fields in a paragraph's runs: which text a reader sees of them.

A complex field is a code part (between ``w:fldChar begin`` and ``separate``) and a
result; Word shows the result. Split from docx_body, which streams the parts; this
follows the fields open around each run. Imports docx_parts; never store, session or ui.
"""

from __future__ import annotations

import re
from typing import Any

from briefer.core.record import Record, field
from briefer.importers.docx_parts import w

FLD_CHAR, INSTR, FLD_SIMPLE = w("fldChar"), w("instrText"), w("fldSimple")
_T, _VAL = w("t"), w("val")
_FIELD_TYPE, _INSTRUCTION = w("fldCharType"), w("instr")
_FORM_DATA, _DROP_DOWN, _LIST_ENTRY = w("ffData"), w("ddList"), w("listEntry")
_RESULT, _DEFAULT = w("result"), w("default")
_CHECK_BOX, _CHECKED = w("checkBox"), w("checked")
_CHECKED_BOX, _EMPTY_BOX = "\u2612", "\u2610"
"""How a legacy check box shows: Word draws a crossed box or an empty one (☒ ☐)."""
_BUTTON = re.compile(r"^\s*(?:MACROBUTTON|GOTOBUTTON)\s+\S+\s+(.*\S)", re.IGNORECASE | re.DOTALL)
"""A button field shows the text of its own instruction ("[Click here and type your name]"),
the prompt templates fill letters and CVs with; it has no result to read."""
_MAX_INSTRUCTION = 2000
"""A field's code is a line; past this it is no button's prompt (and no regex runs long)."""


def _button(instruction: str) -> re.Match[str] | None:
    return _BUTTON.match(instruction[:_MAX_INSTRUCTION])


class Field(Record):
    """A complex field being read: its instruction, and what it shows with no result."""

    instruction: list[str] = field(default_factory=list)
    result_begun: bool = False
    choice: str = ""
    """A legacy drop-down form field's selected entry (w:ffData/w:ddList)."""
    box: str = ""
    """A legacy check box's state as Word draws it (w:ffData/w:checkBox): the box is the
    field's whole appearance, so it shows even where a (empty) result part follows."""


def in_results(fields: list[Field]) -> bool:
    """Outside every open field's code part: Word keeps a nested field's result inside the
    outer field's code ("{ IF { MERGEFIELD Gender } = ... }") and shows only the outer
    field's result, while fields inside a result (a TOC's page numbers) show theirs."""
    return all(begun.result_begun for begun in fields)


def field_text(node: Any, fields: list[Field]) -> str:
    """What a field's markup adds to the text: a button's prompt, a drop-down's choice or a
    check box's state, which Word shows though the field has no result; a result is read
    as runs."""
    tag = node.tag
    if tag == FLD_SIMPLE:
        button = _button(node.get(_INSTRUCTION, ""))
        has_result = any(True for _ in node.iter(_T))
        return button.group(1) if button and not has_result else ""
    if tag == INSTR:
        if fields and not fields[-1].result_begun:
            fields[-1].instruction.append(node.text or "")
        return ""
    kind = node.get(_FIELD_TYPE, "")
    if kind == "begin":
        fields.append(Field(choice=_drop_down_choice(node), box=_check_box(node)))
    elif kind == "separate" and fields:
        fields[-1].result_begun = True
    elif kind == "end" and fields:
        ended = fields.pop()
        if ended.box:
            return ended.box
        if not ended.result_begun:
            button = _button("".join(ended.instruction))
            return button.group(1) if button else ended.choice
    return ""


def _drop_down_choice(begin: Any) -> str:
    entries = begin.findall(f"{_FORM_DATA}/{_DROP_DOWN}/{_LIST_ENTRY}")
    if not entries:
        return ""
    chosen = begin.find(f"{_FORM_DATA}/{_DROP_DOWN}/{_RESULT}")
    if chosen is None:
        chosen = begin.find(f"{_FORM_DATA}/{_DROP_DOWN}/{_DEFAULT}")
    try:
        index = int(chosen.get(_VAL, "0")) if chosen is not None else 0
    except ValueError:
        index = 0
    return str(entries[index].get(_VAL, "")) if 0 <= index < len(entries) else ""


def _check_box(begin: Any) -> str:
    """A check box's state: w:checked when present (absent w:val means checked, "0" or
    "false" unchecked), else its w:default; "" when the field is no check box."""
    box = begin.find(f"{_FORM_DATA}/{_CHECK_BOX}")
    if box is None:
        return ""
    state = box.find(_CHECKED)
    if state is None:
        state = box.find(_DEFAULT)
        checked = state is not None and _on(state.get(_VAL, "0"))
    else:
        checked = _on(state.get(_VAL, "1"))
    return _CHECKED_BOX if checked else _EMPTY_BOX


def _on(value: str) -> bool:
    return value.strip().lower() not in ("0", "false", "off")
