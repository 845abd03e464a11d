"""Which importer reads a file (by content first, extension second), and the safe entry points.

The session calls ``import_path``, ``import_bytes`` and ``expand_paths``, and
``import_paste`` from paste.py (re-exported here), so a paste loads no other format.
Imports core and briefer.importers only; never store, session or ui.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath

from briefer.core.logs import get_logger
from briefer.core.model import Original
from briefer.core.record import replace
from briefer.core.safetext import readable_name
from briefer.importers.base import Imported, Importer, ImportLimits, ImportRejected, LocalFileReader
from briefer.importers.docx import DocxImporter
from briefer.importers.elsewhere import not_read
from briefer.importers.eml import EmlImporter
from briefer.importers.html import HtmlImporter
from briefer.importers.markdown import MarkdownImporter
from briefer.importers.mhtml import MhtmlImporter
from briefer.importers.paste import import_paste as import_paste  # its home: paste.py
from briefer.importers.pdf import PdfImporter
from briefer.importers.sources import (
    ImportPlan,
    SourceUnreadable,
    companion_reader,
    plan_import,
    read_source,
)
from briefer.importers.text import TextImporter

log = get_logger(__name__)

CONFIDENT = 50
"""A sniff score from content alone at or above this overrides the file's extension."""

_EXTENSION_BONUS = 30
_TIE_BREAK = 10
_MEDIA_TYPES = {
    "text": "text/plain",
    "markdown": "text/markdown",
    "email": "message/rfc822",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "mhtml": "multipart/related",
    "pdf": "application/pdf",
}
_FORMAT_NAMES = {  # as the refusal says it: "is not really a Word (.docx) file"
    "text": "a text",
    "markdown": "a Markdown",
    "email": "an e-mail (.eml)",
    "docx": "a Word (.docx)",
    "html": "a web page",
    "mhtml": "a web archive (.mhtml)",
    "pdf": "a PDF",
}


def all_importers() -> list[Importer]:
    """Every importer, most specific first.

    All are imported unconditionally: a missing library (pypdfium2, trafilatura) is a
    broken installation and must fail loudly, not turn into "cannot read .pdf files".
    """
    return [
        DocxImporter(),
        EmlImporter(),
        MarkdownImporter(),
        HtmlImporter(),
        MhtmlImporter(),
        PdfImporter(),
        TextImporter(),
    ]


def supported_extensions() -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for importer in all_importers():
        seen.update(dict.fromkeys(ext.lower() for ext in importer.extensions))
    return tuple(seen)


def __getattr__(name: str) -> object:
    # Computed on use, not at import, so importing the registry has no side effects.
    if name == "IMPORTERS":
        return tuple(all_importers())
    if name == "SUPPORTED_EXTENSIONS":
        return frozenset(supported_extensions())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _extension(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def _safe_sniff(importer: Importer, data: bytes, filename: str) -> int:
    try:
        return max(0, min(100, int(importer.sniff(data, filename))))
    except Exception:  # a faulty sniffer must not stop detection by the others
        log.warning("the %s importer failed to sniff %s", importer.name, filename, exc_info=True)
        return 0


def detect(data: bytes, filename: str) -> Importer:
    """The importer for ``data``: content decides when it is clear, else the extension."""
    extension = _extension(filename)
    importers = all_importers()
    scored = [(_safe_sniff(i, data, filename), index, i) for index, i in enumerate(importers)]
    best_score, _, best = max(scored, key=lambda s: (s[0], -s[1]))
    if best_score >= CONFIDENT:
        # Among formats that all recognise the content, the extension breaks near-ties
        # (an e-mail whose HTML part also looks like a web page).
        confident = [s for s in scored if s[0] >= CONFIDENT]
        return max(
            confident,
            key=lambda s: (s[0] + (_TIE_BREAK if extension in s[2].extensions else 0), -s[1]),
        )[2]
    claiming = [s for s in scored if extension and extension in s[2].extensions]
    if claiming:
        return max(claiming, key=lambda s: (s[0] + _EXTENSION_BONUS, -s[1]))[2]
    if not extension and best_score > 0:
        return best
    shown = extension or "extension-less"
    raise ImportRejected(
        not_read(extension)
        or f"Briefer cannot read {shown} files; supported: {', '.join(supported_extensions())}."
    )


def import_bytes(
    data: bytes,
    filename: str,
    *,
    limits: ImportLimits = ImportLimits(),  # noqa: B008 - frozen, so sharing is safe
    read_local: LocalFileReader | None = None,
) -> Imported:
    """The article in ``data``, or ``ImportRejected`` with a reason a person can act on.

    Never raises anything else: one damaged file must not stop a batch. A name that is
    not UTF-8 (Latin-1 bytes from a folder unzipped from Windows) is made readable
    first: the article, its original and every reason carry it, and none can hold it raw.
    """
    filename = readable_name(filename)
    name = PurePath(filename).name or "the file"
    _check_size(len(data), name, limits)
    importer = detect(data, filename)
    warnings: tuple[str, ...] = ()
    try:
        extract_with_warnings = getattr(importer, "extract_with_warnings", None)
        if extract_with_warnings is not None:  # formats that can say what read badly
            article, warnings = extract_with_warnings(data, filename, limits, read_local)
        else:
            article = importer.extract(data, filename, limits, read_local)
    except ImportRejected:
        raise
    except Exception as error:  # any parser failure on hostile input becomes a reason
        log.exception("the %s importer failed on %s", importer.name, name)
        kind = _FORMAT_NAMES.get(importer.name, f"a {importer.name}")
        detail = str(error).strip() or type(error).__name__
        raise ImportRejected(
            f"Could not read {name}: it seems damaged or is not really {kind} file"
            f" ({detail[:200]})."
        ) from None
    if not article.source_format or not article.source_name:
        article = replace(
            article,
            source_format=article.source_format or importer.name,
            source_name=article.source_name or name,
        )
    media_type = _MEDIA_TYPES.get(importer.name, "application/octet-stream")
    return Imported(article, Original(name, media_type, data), warnings)


_MB = 1024 * 1024


def _megabytes(size: int) -> str:
    """A limit as people write it: "64 MB", "1.5 MB"."""
    whole = f"{size / _MB:,.2f}".rstrip("0").rstrip(".")
    return f"{whole} MB"


def too_large(name: str, size: int, limit: int) -> str:
    """Why a file over the size limit is refused, with numbers that show it is over.

    "64.0 MB, larger than the 64 MB" read as a contradiction: the size gets as many
    decimals as it takes (up to three) to read larger than the limit, and when even
    that rounds to the limit, both are given in bytes.
    """
    shown_limit = _megabytes(limit)
    for places in (1, 2, 3):
        if round(size / _MB, places) > round(limit / _MB, 2):
            return (
                f"{name} is {size / _MB:,.{places}f} MB, larger than the {shown_limit}"
                " Briefer imports. Split it, or save only the article you need."
            )
    return (
        f"{name} is {size:,} bytes, larger than the {limit:,} bytes ({shown_limit})"
        " Briefer imports. Split it, or save only the article you need."
    )


def _check_size(size: int, name: str, limits: ImportLimits) -> None:
    if size == 0:
        raise ImportRejected(f"The file is empty ({name}): there is nothing to import.")
    if size > limits.max_bytes:
        raise ImportRejected(too_large(name, size, limits.max_bytes))


def import_path(
    path: Path,
    *,
    limits: ImportLimits = ImportLimits(),  # noqa: B008
    follow_links: bool = True,
) -> Imported:
    """Reads and imports one regular file; its size is checked before a byte is read.

    ``follow_links=False`` is for files found by walking a folder: a link swapped in
    after the walk is refused, not followed.
    """
    data = _read_file(path, limits, follow_links=follow_links)
    return import_bytes(data, path.name, limits=limits, read_local=local_reader(path, limits))


def _read_file(path: Path, limits: ImportLimits, *, follow_links: bool) -> bytes:
    try:
        return read_source(
            path,
            check_size=lambda size: _check_size(size, readable_name(path.name), limits),
            follow_links=follow_links,
        )
    except SourceUnreadable as error:
        raise ImportRejected(readable_name(error.reason)) from None


def local_reader(page: Path, limits: ImportLimits) -> LocalFileReader:
    """What a source may read beside it: its own ``Name_files`` folder, nothing else."""
    return companion_reader(page, limits.max_bytes)


def expand_paths(paths: Iterable[Path], *, recursive: bool = True) -> list[Path]:
    """The files an import of ``paths`` reads (see ``sources.plan_import``)."""
    return scan_paths(paths, recursive=recursive).files


def scan_paths(paths: Iterable[Path], *, recursive: bool = True) -> ImportPlan:
    """What an import of ``paths`` reads, skips (links, special files) and cannot find."""
    return plan_import(paths, supported=supported_extensions(), recursive=recursive)
