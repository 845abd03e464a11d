"""What the Composer reads from a note's template: its target length and its quotation rule.

Read when a note is shown or a passage quoted, from the templates folder as it is then
(the analyst may have edited a template since the note was drafted); a note whose
template is gone or unreadable falls back to the defaults drafting uses.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from briefer.core.draft import is_block_quotation
from briefer.core.model import Note, Passage
from briefer.core.templates import DEFAULT_BLOCK_QUOTATION_WORDS
from briefer.session import CommandError, load_templates


def target_words(templates_dir: Path | None, note: Note) -> int:
    """The note's template's target length in words; 0 when it sets none or is gone."""
    try:
        return load_templates(templates_dir).named(note.template).target_words
    except CommandError:
        return 0


def quoted_as_block(templates_dir: Path | None, note: Note | None, passage: Passage) -> bool:
    """Whether ``passage`` is set as a block quotation in ``note``, as drafting sets it:
    from the template's ``block_quotation_words`` (the default's without a template)."""
    words = DEFAULT_BLOCK_QUOTATION_WORDS
    if note is not None:
        with contextlib.suppress(CommandError):  # gone or unreadable: the default
            words = load_templates(templates_dir).named(note.template).block_quotation_words
    return is_block_quotation(passage, words)
