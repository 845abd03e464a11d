"""Names that tell notes apart where two share a title.

An analyst may well call two notes the same ("Weekly brief" every week, or a note
drafted twice from one template). Lists that pick a note by its title would then
show two rows nobody can tell apart, so each of those gets its date beside the
title, or a number where the dates do not differ. Nothing is renamed: only the
label a list shows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from briefer.core.model import Note


def distinct_titles(notes: Sequence[Note]) -> list[str]:
    """A label per note, in the same order: its title, unless another note shares it.

    Notes sharing a title (ignoring case and surrounding spaces) are labelled with their
    dates when each has a date of its own; otherwise the first (by id) keeps its title
    and the later ones are numbered "(2)", "(3)", skipping a number another note's
    title already reads as.
    """
    labels = [note.title for note in notes]
    groups: defaultdict[str, list[int]] = defaultdict(list)
    for row, note in enumerate(notes):
        groups[_key(note.title)].append(row)
    taken = {_key(label) for label in labels}
    for rows in groups.values():
        if len(rows) < 2:
            continue
        dates = [notes[row].date for row in rows]
        if all(dates) and len(set(dates)) == len(dates):
            for row, date in zip(rows, dates, strict=True):
                labels[row] = f"{notes[row].title.strip()} ({date.isoformat() if date else ''})"
            continue
        ordered = sorted(rows, key=lambda row: (notes[row].id or 0, row))
        number = 1
        for row in ordered[1:]:
            number += 1
            title = notes[row].title.strip()
            while _key(f"{title} ({number})") in taken:
                number += 1
            labels[row] = f"{title} ({number})"
            taken.add(_key(labels[row]))
    return labels


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()
