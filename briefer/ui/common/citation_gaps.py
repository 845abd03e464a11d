"""What a citation of an article will lack, said where the analyst looks at it: the
Library's tooltips and the Reader's header. No project, no widgets."""

from __future__ import annotations

import datetime as dt


def citation_gaps(publisher: str, published: dt.date | None) -> str:
    """ "No publisher or date yet: ... adds it.", or "" when the article has both: a note
    citing it could not say where or when it appeared (the export's check asks too)."""
    lacking = [name for name, value in (("publisher", publisher.strip()),
                                        ("date", published)) if not value]  # fmt: skip
    if not lacking:
        return ""
    return (f"No {' or '.join(lacking)} yet: Article > Edit Article Details… "
            "(Ctrl+Shift+D) adds it.")  # fmt: skip
