"""What producers write into a document's title and author instead of a value.

PDF information dictionaries and Word's core properties alike hold placeholders
("Untitled", "Microsoft Office User", the "python-docx" a script's template left),
file names ("report_v2.doc", "10811.exe"), application prefixes ("Microsoft Word -
x"), Perl's "ARRAY(0x...)", paths and arXiv stamps. Pure string rules, standard
library only.
"""

from __future__ import annotations

import re

_PLACEHOLDERS = frozenset(
    {"untitled", "anonymous", "unknown", "none", "user", "admin", "author", "owner",
     "administrator", "default", "title", "document", "no title", "null", "test",
     "powerpoint presentation", "untitled document", "new document", "windows user",
     "microsoft office user", "valued customer", "preferred customer", "owner-pc", "pc",
     "python-docx", "docx4j", "apache poi", "phpword", "openpyxl"}
)  # fmt: skip
_FILE_NAME = re.compile(
    r"\.(docx?|pdf|indd|odt|rtf|pages|pptx?|xlsx?|txt|tex|dvi|ps|eps|exe|html?|qxd|p65|"
    r"wpd|fm|cdr|ai|psd|tiff?|jpe?g|png|sxw|lwp|wps)$",
    re.IGNORECASE,
)
_APP_PREFIX = re.compile(
    r"^(?:microsoft (?:word|powerpoint|excel|publisher) - |untitled-?\d*$|slide \d+$|"
    r"document\d*$|doc\d+$)",
    re.IGNORECASE,
)
_JUNK = re.compile(
    r"^(?:(?:ARRAY|HASH|SCALAR)\(0x[0-9a-f]+\)|arXiv:\s*\S+(?:\s+\[[^\]]*\])?.*|"
    r"[a-z]:\\.*|/\S*|[\w.-]*\d{3,}[\w.-]*|\W+|"
    r"(?:pdf|tmp|temp)[\w-]*)$",
    re.IGNORECASE,
)


def meaningful(value: str) -> str:
    """Document information minus what producers write instead of a value.

    Placeholders ("untitled"), file names ("report_v2.doc", "10811.exe"),
    application prefixes ("Microsoft Word - x"), Perl's "ARRAY(0x55d0...)",
    paths and arXiv stamps ("arXiv:1234.5678v1 [cs.CL] 1 Jan 2020") give "".
    """
    value = " ".join(value.replace("\x00", "").split())
    if not value or value.casefold() in _PLACEHOLDERS or _FILE_NAME.search(value):
        return ""
    if _APP_PREFIX.match(value) or _JUNK.match(value):
        return ""
    if not any(char.isalpha() for char in value):
        return ""
    return value
