"""Document formats Briefer does not read, and what the analyst can do with such a file.

An analyst's folder of sources holds old Word files, slide decks, Outlook messages and
spreadsheets beside the articles. Named directly, each is refused with what to do
instead; inside a chosen folder, each is listed as skipped with the same advice, where
before it was passed over without a word. Standard library only.
"""

from __future__ import annotations

_AS_DOCX = "open it in Word or LibreOffice, save it as .docx and import that"
_AS_PDF = "export or print it to PDF and import that"

ADVICE = {
    ".doc": _AS_DOCX,
    ".dot": _AS_DOCX,
    ".rtf": _AS_DOCX,
    ".odt": _AS_DOCX,
    ".wpd": _AS_DOCX,
    ".pages": "export it from Pages as Word (.docx) or PDF and import that",
    ".msg": (
        "it is an Outlook message; save it from Outlook as HTML (File > Save As) or"
        " download it as .eml from Outlook on the web, and import that"
    ),
    ".webarchive": "it is a Safari web archive; print the page to PDF and import that",
    ".ppt": _AS_PDF,
    ".pptx": _AS_PDF,
    ".odp": _AS_PDF,
    ".key": _AS_PDF,
    ".xls": _AS_PDF,
    ".xlsx": _AS_PDF,
    ".ods": _AS_PDF,
    ".numbers": _AS_PDF,
    ".epub": _AS_PDF,
    ".xps": _AS_PDF,
    ".oxps": _AS_PDF,
}
"""Extensions of documents an analyst would expect to import, with what to do instead."""


def not_read(extension: str) -> str | None:
    """The sentence saying a file of ``extension`` is not read and what to do, or None
    when the extension is not a document format analysts meet (images, archives...)."""
    advice = ADVICE.get(extension.lower())
    return f"Briefer cannot read {extension.lower()} files: {advice}." if advice else None
