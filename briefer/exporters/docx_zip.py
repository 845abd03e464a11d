"""A package's parts as text, rewritten with its unchanged parts copied still compressed.

The Word base (resources/word/base.docx) is mostly parts an export leaves
as they are, styles.xml (350 kB) above all; inflating and deflating them
again was a third of a plain export. zipfile cannot copy a member without
recompressing it, so this writes the few records of a zip itself, as
zipfile writes them (deflate at zlib's default level, Unix 0600 entries,
local time): the same archive, member for member. Standard library only.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib

from briefer.core.record import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import BinaryIO

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # what zipfile writes for deflated members
_UNIX = 3
_MODE = 0o600 << 16  # zipfile's default for a member written from bytes


class _Stored(Record, frozen=True):
    crc: int
    size: int
    compressed: bytes


class ZipParts:
    """The members of a deflated zip, by name, in order; each read only when asked for."""

    def __init__(self, data: bytes) -> None:
        self._stored: dict[str, _Stored] = {}
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.compress_type != zipfile.ZIP_DEFLATED:
                    raise zipfile.BadZipFile(f"{info.filename} is not deflated")
                offset = info.header_offset
                name_length, extra_length = struct.unpack_from("<2H", data, offset + 26)
                start = offset + _LOCAL.size + name_length + extra_length
                compressed = data[start : start + info.compress_size]
                self._stored[info.filename] = _Stored(info.CRC, info.file_size, compressed)
        self.names = list(self._stored)
        """The members in the order they are written."""
        self._text: dict[str, str] = {}
        self._changed: set[str] = set()

    def __getitem__(self, name: str) -> str:
        if name not in self._text:
            stored = self._stored[name]
            self._text[name] = zlib.decompress(stored.compressed, -15).decode("utf-8")
        return self._text[name]

    def __setitem__(self, name: str, text: str) -> None:
        """Replace (or add, at the end unless :meth:`insert_after` placed it) a member."""
        if name not in self.names:
            self.names.append(name)
        self._text[name] = text
        self._changed.add(name)

    def __delitem__(self, name: str) -> None:
        self.names.remove(name)

    def insert_after(self, existing: str, name: str, text: str) -> None:
        self.names.insert(self.names.index(existing) + 1, name)
        self[name] = text

    def write(self, stream: BinaryIO) -> None:
        """The zip, in :attr:`names` order; a member never changed is copied as stored."""
        now = time.localtime(time.time())
        dos_date = (now.tm_year - 1980) << 9 | now.tm_mon << 5 | now.tm_mday
        dos_time = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2
        out = io.BytesIO()
        central = []
        for name in self.names:
            if name in self._changed:
                data = self._text[name].encode("utf-8")
                deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
                member = _Stored(
                    zlib.crc32(data), len(data), deflate.compress(data) + deflate.flush()
                )
            else:
                member = self._stored[name]
            encoded = name.encode("ascii")
            offset = out.tell()
            sizes = (member.crc, len(member.compressed), member.size, len(encoded))
            out.write(_LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, 8, dos_time, dos_date, *sizes, 0))
            out.write(encoded)
            out.write(member.compressed)
            header = (_VERSION, _UNIX, _VERSION, 0, 0, 8, dos_time, dos_date, *sizes)
            entry = _CENTRAL.pack(b"PK\x01\x02", *header, 0, 0, 0, 0, _MODE, offset)
            central.append(entry + encoded)
        start = out.tell()
        directory = b"".join(central)
        out.write(directory)
        count = len(central)
        out.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), start, 0))
        stream.write(out.getbuffer())
