"""Opens untrusted REFI-QDA bytes safely: the zip of a .qdpx and the XML inside it.

Every read is bounded (entry count, declared and actual sizes), names that try to climb
out of the archive are refused outright, and XML is parsed without DTDs, entity
expansion, network access or libxml2's huge-tree mode. Imports core and lxml only.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from briefer.exchange.qda_model import ExchangeError, QdaLimits

_DRIVE = re.compile(r"^[A-Za-z]:")
_DECLARATIONS = tuple(
    word.encode(codec)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
"""Refused before parsing: libxml2 would otherwise expand entities in attribute values
(billion laughs) up to its own amplification limit before we could look."""


def _unsafe_name(name: str) -> bool:
    """A member name that would land outside a folder it were unpacked into (zip slip)."""
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or bool(_DRIVE.match(name))
        or any(part == ".." for part in name.split("/"))
    )


class Archive:
    """A ``.qdpx`` opened for bounded reading; members are found case-insensitively,
    since ATLAS.ti writes ``Sources/ABC.TXT`` for ``internal://abc.txt``."""

    def __init__(self, path: Path, limits: QdaLimits) -> None:
        self.name = path.name
        self.limits = limits
        self._read_bytes = 0  # across every read: many small texts are bounded together
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise ExchangeError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
        if size > limits.max_archive_bytes:
            raise ExchangeError(
                f"{path.name} is {size:,} bytes, more than the {limits.max_archive_bytes:,} "
                "a REFI-QDA project may have here; it was not read."
            )
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ExchangeError(
                f"{path.name} is not a readable .qdpx archive (a .qdpx is a zip file): {exc}."
            ) from exc
        try:
            self._members = self._check(self._zip.infolist())
        except BaseException:
            self._zip.close()
            raise

    def _check(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        if len(infos) > self.limits.max_entries:
            raise ExchangeError(
                f"{self.name} holds {len(infos):,} files, more than the "
                f"{self.limits.max_entries:,} a REFI-QDA project may have here; it was not read."
            )
        total = 0
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if _unsafe_name(info.filename):
                raise ExchangeError(
                    f"{self.name} contains a file named {info.filename!r} that points outside "
                    "the archive, as malicious archives do; it was not read."
                )
            total += info.file_size
            if not info.is_dir():
                members[info.filename.casefold()] = info
        if total > self.limits.max_declared_bytes:
            raise ExchangeError(
                f"{self.name} would unpack to {total:,} bytes, more than the "
                f"{self.limits.max_declared_bytes:,} allowed; it was not read."
            )
        return members

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def find(self, name: str) -> str | None:
        """The member ``name`` (any case), or None."""
        info = self._members.get(name.casefold())
        return info.filename if info is not None else None

    def root_files(self, suffix: str) -> list[str]:
        return [i.filename for k, i in self._members.items() if "/" not in k and k.endswith(suffix)]

    def read(self, member: str, limit: int) -> bytes:
        """The bytes of ``member``, refusing more than ``limit`` however the header lies."""
        info = self._members[member.casefold()]
        limit = min(limit, self.limits.max_total_bytes - self._read_bytes)
        if info.file_size > limit:
            raise ExchangeError(
                f"{member} in {self.name} is {info.file_size:,} bytes unpacked, more than the "
                f"{limit:,} allowed; the archive was not read."
            )
        try:
            with self._zip.open(info) as stream:
                data = stream.read(limit + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise ExchangeError(f"{member} in {self.name} is damaged ({exc}).") from exc
        except (NotImplementedError, RuntimeError) as exc:  # unknown method, encryption
            raise ExchangeError(f"{member} in {self.name} cannot be unpacked ({exc}).") from exc
        if len(data) > limit:
            raise ExchangeError(
                f"{member} in {self.name} unpacks to more than {limit:,} bytes; "
                "the archive was not read."
            )
        self._read_bytes += len(data)
        return data


def parse_xml(data: bytes, what: str) -> etree._Element:
    """The root element of ``data``; a DTD or entity declaration is refused, never expanded."""
    if any(marker in data for marker in _DECLARATIONS):
        raise ExchangeError(
            f"{what} declares a DTD or entities, which REFI-QDA files never need; it was not read."
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "unreadable"
        raise ExchangeError(f"{what} is not well-formed XML ({reason}).") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise ExchangeError(
            f"{what} declares a DTD or entities, which REFI-QDA files never need; it was not read."
        )
    return root
