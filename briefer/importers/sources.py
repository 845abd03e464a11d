"""Where an import may read: the files the user chose, regular files inside chosen folders,
and a saved page's own ``Name_files`` folder. Nothing else, however a source names it.

A link inside a chosen folder can point anywhere (``/etc/shadow``, a passport scan in
another folder), and a FIFO or device would block a read for ever, so folder walks keep
regular files only and say what they skipped. Standard library only; never store,
session or ui.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from briefer.core.record import Record, field
from briefer.importers.elsewhere import not_read

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
COMPANION_SUFFIX = "_files"
"""What browsers append to a saved page's name for the folder of its images."""


class SourceUnreadable(Exception):
    """A chosen path cannot be read as a file; ``reason`` is one sentence for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Skipped(Record, frozen=True):
    """A path inside a chosen folder that an import leaves alone, and why."""

    path: Path
    reason: str


class ImportPlan(Record):
    """What an import of some paths will read, found before the first file is read."""

    files: list[Path] = field(default_factory=list)
    """Files to import, each once, in a stable order."""
    from_folders: set[Path] = field(default_factory=set)
    """The subset of ``files`` found by walking a folder: links are never followed for them."""
    skipped: list[Skipped] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.files) + len(self.skipped) + len(self.missing)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def plan_import(
    paths: Iterable[Path], *, supported: Iterable[str], recursive: bool = True
) -> ImportPlan:
    """Files to import from a mix of files and folders.

    Folders contribute their supported regular files (sorted), never hidden files, links
    or special files; a document Briefer does not read (a .doc, a .pptx) is listed as
    skipped with what to do instead. Nor the ``name_files`` folder a browser saves beside
    ``name.html``, whose images belong to that page. Files named directly are kept even
    if unsupported, so the analyst is told why they were not imported; a link the user
    chose directly is the user's choice and is followed.
    """
    extensions = {ext.lower() for ext in supported}
    plan = ImportPlan()
    seen: set[Path] = set()

    def add(path: Path, *, from_folder: bool) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            plan.files.append(path)
            if from_folder:
                plan.from_folders.add(path)

    for path in paths:
        if not os.path.lexists(path):
            plan.missing.append(path)
        elif not path.is_dir():
            add(path, from_folder=False)
        else:
            for found in _walk(path, recursive, plan.skipped):
                if found.suffix.lower() in extensions:
                    add(found, from_folder=True)
                elif (reason := not_read(found.suffix)) is None:
                    continue
                elif _readable_despite_name(found):  # named alone it would come in too
                    add(found, from_folder=True)
                else:
                    plan.skipped.append(Skipped(found, reason))  # a .doc: say what to do
    return plan


def _readable_despite_name(path: Path) -> bool:
    """Whether a file named as a format Briefer does not read holds one it does: a Word
    document saved as "report.doc", a PDF named ".xps". Importing picks the reader by
    content, so a file named directly comes in; a folder's copy should too. Only the
    first bytes are read, and for a ZIP its list of parts."""
    try:
        with path.open("rb") as file:
            head = file.read(8)
            if head.startswith(b"%PDF-"):
                return True
            if not head.startswith(b"PK\x03\x04"):
                return False
            file.seek(0)
            with zipfile.ZipFile(file) as archive:
                return "word/document.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _walk(folder: Path, recursive: bool, skipped: list[Skipped]) -> list[Path]:
    found: list[Path] = []
    for current, dirs, files in os.walk(folder, followlinks=False):
        here = Path(current)
        page_stems = {Path(f).stem for f in files if Path(f).suffix.lower() in (".html", ".htm")}
        kept_dirs = []
        for name in sorted(dirs, key=str.casefold):
            if name.startswith(".") or (
                name.endswith(COMPANION_SUFFIX) and name[: -len(COMPANION_SUFFIX)] in page_stems
            ):
                continue
            if (here / name).is_symlink():
                skipped.append(Skipped(here / name, _link_reason("folder")))
                continue
            kept_dirs.append(name)
        dirs[:] = kept_dirs if recursive else []
        for name in sorted(files, key=str.casefold):
            if name.startswith("."):
                continue
            path = here / name
            try:
                mode = path.lstat().st_mode
            except OSError:
                continue  # gone since the listing
            if stat.S_ISREG(mode):
                found.append(path)
            elif stat.S_ISLNK(mode):
                skipped.append(Skipped(path, _link_reason("file")))
            else:
                skipped.append(Skipped(path, f"It is {_kind(mode)}, not a file with an article."))
        if not recursive:
            break
    return found


def _link_reason(what: str) -> str:
    return (
        f"This {what} is a link to somewhere else, and a folder import reads only what is"
        " really inside the chosen folder; choose the linked item itself to import it."
    )


def read_source(
    path: Path, *, check_size: Callable[[int], None], follow_links: bool = True
) -> bytes:
    """The bytes of one regular file, opened so that a swapped-in link, pipe or device
    is refused instead of followed or waited on.

    ``check_size`` sees the size before a byte is read and raises to refuse it; reading
    stops at that size, so a file that grows meanwhile cannot exceed it.
    """
    flags = os.O_RDONLY | _NONBLOCK | _BINARY | (0 if follow_links else _NOFOLLOW)
    name = path.name or str(path)
    if not follow_links and path.is_symlink():
        raise SourceUnreadable(f"{name} is a link; Briefer did not follow it.")
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise SourceUnreadable(
            f"{name} was not found; it may have been moved or deleted."
        ) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise SourceUnreadable(f"{name} is a link; Briefer did not follow it.") from None
        if error.errno == errno.EISDIR:
            raise SourceUnreadable(
                f"{name} is a folder; choose the files inside it instead."
            ) from None
        raise SourceUnreadable(f"{name} could not be opened: {error.strerror or error}.") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceUnreadable(f"{name} is a folder; choose the files inside it instead.")
        if not stat.S_ISREG(info.st_mode):
            raise SourceUnreadable(
                f"{name} is {_kind(info.st_mode)}, not a file Briefer can import."
            )
        check_size(info.st_size)
        chunks = []
        remaining = info.st_size
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise SourceUnreadable(f"{name} could not be read: {error.strerror or error}.") from None
    finally:
        os.close(fd)


def companion_reader(page: Path, max_bytes: int) -> Callable[[str], bytes | None]:
    """Reads the files a saved page refers to, but only inside its own ``Name_files``
    folder, with no link anywhere on the way: no URLs, no escapes, no other folders.

    A page saved in Downloads may name ``passport_scan.jpg`` or ``../Documents/x.png``;
    only what the browser saved with the page is the page's.
    """
    folder = page.parent
    companion = page.stem + COMPANION_SUFFIX

    def read(reference: str) -> bytes | None:
        ref = unquote(reference.split("#", 1)[0].split("?", 1)[0]).replace("\\", "/").strip()
        if not ref or _SCHEME.match(ref) or ref.startswith("/"):
            return None
        parts = [p for p in PurePosixPath(ref).parts if p != "."]
        if len(parts) < 2 or parts[0].casefold() != companion.casefold() or ".." in parts:
            return None
        current = folder
        try:
            for part in parts:
                current = current / part
                mode = current.lstat().st_mode
                if stat.S_ISLNK(mode):
                    return None
            if not stat.S_ISREG(mode):
                return None

            def refuse_big(size: int) -> None:
                if size > max_bytes:
                    raise SourceUnreadable("too big")

            return read_source(current, check_size=refuse_big, follow_links=False)
        except (OSError, SourceUnreadable):
            return None

    return read
