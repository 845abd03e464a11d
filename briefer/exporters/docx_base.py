"""resources/word/base.docx: the package docx_plain fills, made by the python-docx writer.

It is what an export through python-docx without a reference document
writes for a note of nothing but a handling marking (so it holds a header
as well as a footer), A4 and British English: python-docx's template with
Briefer's house Quote style, the styles and list numbering the writer
ensures, settings in compatibility mode 15, empty footnotes with Word's
separators, only the parts a note uses. ``make word-base`` rewrites it
after a change to python-docx or to that writer, and a test regenerates it
and fails if the shipped one differs, so the two packages never drift.

    python -m briefer.exporters.docx_base [TARGET]
"""

from __future__ import annotations

import datetime as dt
import sys
import zipfile
from pathlib import Path

from briefer.core.model import Note
from briefer.exporters.document import ExportDocument, build_document
from briefer.exporters.docx_plain import BASE_LANGUAGE, BASE_PAGE, BASE_PARTS
from briefer.resources import resources_dir

__all__ = ["BASE_PARTS", "base_document", "main", "write_base"]

BASE_MARKING = "BASE MARKING"
_FIXED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # core.xml's dates, so a rebuild is identical


def base_document() -> ExportDocument:
    """The note the base package is an export of."""
    note = Note(title="", marking=BASE_MARKING, created_at=_FIXED, modified_at=_FIXED)
    return build_document(note, {}, {})


def write_base(target: Path) -> None:
    """Export :func:`base_document` through python-docx to ``target``."""
    from briefer.exporters.docx import export_docx  # python-docx's writer; not at import

    export_docx(
        base_document(), target, page_size=BASE_PAGE, language=BASE_LANGUAGE, python_docx=True
    )
    _fixed_times(target)


def _fixed_times(path: Path) -> None:
    """Every member dated 1980-01-01 (the zip epoch), in the same order: a rebuild of an
    unchanged base is the same file, byte for byte, so git shows no change."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            out.writestr(fixed, data)


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else resources_dir().joinpath(*BASE_PARTS)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_base(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
