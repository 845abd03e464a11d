"""How core values become column values and back: times, dates, blocks, originals, URLs.

Standard library and briefer.core only; no SQL here, so each rule is testable alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import lzma
import zlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefer.core.model import Block, BlockKind
from briefer.core.words import folded_pieces

UTC = dt.UTC


def now_utc() -> dt.datetime:
    return dt.datetime.now(UTC)


def to_utc_text(moment: dt.datetime) -> str:
    """ISO-8601 in UTC. A naive time is taken as local time, as ``astimezone`` does."""
    return moment.astimezone(UTC).isoformat()


def from_utc_text(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def to_date_text(day: dt.date | None) -> str | None:
    if day is None:
        return None
    if isinstance(day, dt.datetime):  # a datetime is a date too; keep only the day
        day = day.date()
    return day.isoformat()


def from_date_text(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def blocks_to_json(blocks: tuple[Block, ...]) -> str:
    return json.dumps(
        [[str(b.kind), b.start, b.end, b.level, b.ordered] for b in blocks],
        separators=(",", ":"),
    )


def blocks_from_json(text: str) -> tuple[Block, ...]:
    return tuple(
        Block(BlockKind(kind), start, end, level=level, ordered=bool(ordered))
        for kind, start, end, level, ordered in json.loads(text)
    )


def compress(data: bytes) -> tuple[str, bytes]:
    """zlib when it helps; already-compressed originals (DOCX, PDF, JPEG) are kept as they are."""
    packed = zlib.compress(data, 6)
    if len(packed) < len(data):
        return "zlib", packed
    return "none", data


def decompress(method: str, data: bytes) -> bytes:
    if method == "zlib":
        return zlib.decompress(data)
    if method == "lzma":
        return lzma.decompress(data)
    if method == "none":
        return bytes(data)
    raise ValueError(f"unknown compression {method!r}")


_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """The form two links to the same article share: case-folded scheme and host, no
    fragment, no trailing slash, no default port, no utm_* (or click-id) parameters."""
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host
    if parts.username or parts.password:
        netloc = f"{parts.username or ''}:{parts.password or ''}@{host}"
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{netloc}:{port}"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith("utm_") and key.lower() not in _TRACKING_PARAMS
        ]
    )
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, query, ""))


def text_hash(text: str) -> str:
    """Same hash for texts that differ only in case and white space."""
    digest = hashlib.sha256()  # piece by piece: a 60 MB text is never copied whole
    for piece in folded_pieces(text):
        digest.update(piece.casefold().encode("utf-8"))
    return digest.hexdigest()


def keywords_to_json(keywords: tuple[str, ...]) -> str:
    return json.dumps(list(keywords), ensure_ascii=False)


def keywords_from_json(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def name_key(name: str) -> str:
    """What makes two theme names the same: case and runs of white space do not count."""
    return " ".join(name.split()).casefold()
