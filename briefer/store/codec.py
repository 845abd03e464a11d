"""How core values become column values and back: times, dates, blocks, originals, URLs.

Standard library and briefer.core only; no SQL here, so each rule is testable alone. What
comes back from a file is untrusted: decoders refuse what Briefer never writes
(``BadValue``), and originals inflate in bounded steps.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import lzma
import types
import zlib
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefer.core.model import Block, BlockKind
from briefer.core.record import Record, field_types
from briefer.core.words import fold_spaces, folded_pieces

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


class BadValue(ValueError):
    """A stored value is not one Briefer writes (wrong type, bad JSON, too big)."""


def blocks_from_json(text: str) -> tuple[Block, ...]:
    rows = json.loads(text)
    if not isinstance(rows, list):
        raise BadValue("blocks are not a JSON list")
    return tuple(
        Block(BlockKind(kind), start, end, level=level, ordered=bool(ordered))
        for kind, start, end, level, ordered in rows
    )


def compress(data: bytes) -> tuple[str, bytes]:
    """zlib when it helps; already-compressed originals (DOCX, PDF, JPEG) are kept as they are."""
    packed = zlib.compress(data, 6)
    if len(packed) < len(data):
        return "zlib", packed
    return "none", data


INFLATE_STEP = 1 << 20
"""Bytes read from the file, or produced by inflating, in one step."""


def decompress(method: str, data: bytes, limit: int | None = None) -> bytes:
    return decompress_chunks(method, [data], limit)


def decompress_chunks(method: str, chunks: Iterable[bytes], limit: int | None = None) -> bytes:
    """Inflate ``chunks`` in bounded steps, refusing (``BadValue``) past ``limit`` bytes.

    Memory stays near ``limit`` whatever the data claims: a few kilobytes that inflate to
    gigabytes (a zlib bomb) are stopped at the limit, not after.
    """
    if method == "zlib":
        pieces = _inflate_zlib(chunks)
    elif method == "lzma":
        pieces = _inflate_lzma(chunks)
    elif method == "none":
        pieces = iter(chunks)
    else:
        raise BadValue(f"unknown compression {method!r}")
    out = bytearray()
    try:
        for piece in pieces:
            out += piece
            if limit is not None and len(out) > limit:
                raise BadValue(f"an original inflates past {limit:,} bytes")
    except (zlib.error, lzma.LZMAError) as error:
        raise BadValue(f"an original cannot be inflated ({error})") from None
    return bytes(out)


def _inflate_zlib(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    for chunk in chunks:
        pending = chunk
        while pending and not inflater.eof:
            yield inflater.decompress(pending, INFLATE_STEP)
            pending = inflater.unconsumed_tail
    while not inflater.eof:  # output zlib still holds once every input byte is in
        piece = inflater.decompress(b"", INFLATE_STEP)
        if not piece:
            break
        yield piece
    yield inflater.flush()
    if not inflater.eof:
        raise BadValue("an original is cut short")


def _inflate_lzma(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = lzma.LZMADecompressor()
    for chunk in chunks:
        if inflater.eof:
            break
        yield inflater.decompress(chunk, INFLATE_STEP)
        while not inflater.needs_input and not inflater.eof:
            yield inflater.decompress(b"", INFLATE_STEP)
    if not inflater.eof:
        raise BadValue("an original is cut short")


# -- checking what comes back from a file --------------------------------------------------


_Check = Callable[[object], bool]
_FieldCheck = tuple[str, tuple[type, ...], _Check | None]


def check_record(value: object) -> None:
    """Raise ``BadValue`` unless every core record in ``value`` has the types it declares.

    SQLite keeps whatever type a file stores in a column, so an ``int`` field may come
    back as text or a blob; caught here, it is a clear "damaged project" instead of a crash
    far away in a view. ``value`` may be a record, or a list, tuple, set or dict of them.
    """
    if isinstance(value, dict):
        check_record(list(value))
        check_record(list(value.values()))
    elif isinstance(value, list | tuple | set | frozenset):
        kind: type | None = None
        checks: tuple[_FieldCheck, ...] | None = None
        for item in value:
            if type(item) is not kind:
                kind = type(item)
                checks = _field_checks(kind) if issubclass(kind, Record) else None
            if checks is None:
                check_record(item)
            else:
                _check_fields(item, checks)
    elif isinstance(value, Record):
        _check_fields(value, _field_checks(type(value)))


def _check_fields(record: object, checks: tuple[_FieldCheck, ...]) -> None:
    for name, kinds, accepts in checks:
        value = getattr(record, name)
        if not (isinstance(value, kinds) if accepts is None else accepts(value)):
            raise BadValue(f"{type(record).__name__}.{name} holds {type(value).__name__}")


@functools.cache
def _field_checks(cls: type) -> tuple[_FieldCheck, ...]:
    """Per field: the plain types it accepts, or (for tuples and records) a predicate."""
    checks: list[_FieldCheck] = []
    for name, hint in field_types(cls).items():
        kinds = _plain_types(hint)
        checks.append((name, kinds or (), None if kinds else _accepts(hint)))
    return tuple(checks)


def _plain_types(hint: object) -> tuple[type, ...] | None:
    """The types an isinstance check needs for ``hint``, or None if it needs more."""
    if isinstance(hint, types.UnionType):
        found: list[type] = []
        for arg in hint.__args__:
            kinds = _plain_types(arg)
            if kinds is None:
                return None
            found += kinds
        return tuple(found)
    if hint is float:
        return (int, float)
    if isinstance(hint, type) and (
        issubclass(hint, enum.Enum)
        or hint in (str, bytes, bool, int, dt.date, dt.datetime, type(None))
    ):
        return (hint,)
    return None


def _accepts(hint: object) -> _Check:
    """A predicate for values of ``hint``: tuples, records, and unions holding them."""
    kinds = _plain_types(hint)
    if kinds is not None:
        return lambda v: isinstance(v, kinds)
    if isinstance(hint, types.UnionType):
        options = [_accepts(arg) for arg in hint.__args__]
        return lambda v: any(option(v) for option in options)
    if isinstance(hint, types.GenericAlias) and hint.__origin__ is tuple:
        args = hint.__args__
        if len(args) == 2 and args[1] is Ellipsis:
            item = _accepts(args[0])
            return lambda v: isinstance(v, tuple) and all(item(x) for x in v)
        items = [_accepts(arg) for arg in args]
        return lambda v: (
            isinstance(v, tuple)
            and len(v) == len(items)
            and all(c(x) for c, x in zip(items, v, strict=True))
        )
    if isinstance(hint, type) and issubclass(hint, Record):
        checks = _field_checks(hint)

        def record(v: object) -> bool:
            return isinstance(v, hint) and all(
                isinstance(getattr(v, n), k) if a is None else a(getattr(v, n))
                for n, k, a in checks
            )

        return record
    return lambda v: True


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


def text_hash(text: str, *, heading: str = "") -> str:
    """Same hash for texts that differ only in case and white space.

    ``heading`` is hashed as if it opened the text on a line of its own, so a text
    without its headline can be hashed as the copy that has it, without joining them.
    An import asks for the same hashes of its text up to five times (the duplicate
    look before the write and again inside it, then the stored row): a text of
    megabytes is folded once and its hashes kept for the next ask.
    """
    if len(text) >= _KEEP_HASHES_FROM:
        return _kept_text_hash(text, heading)
    return _text_hash(text, heading)


_KEEP_HASHES_FROM = 1 << 20
"""Characters from which a text's hash is kept: folding 30 MB took some 3 s a time."""


@functools.lru_cache(maxsize=2)  # the text, and the text after its headline
def _kept_text_hash(text: str, heading: str) -> str:
    return _text_hash(text, heading)


def _text_hash(text: str, heading: str) -> str:
    import hashlib  # stored in projects, so SHA-256; only writes need it (core.digests)

    digest = hashlib.sha256()  # piece by piece: a 60 MB text is never copied whole
    folded_heading = fold_spaces(heading).casefold()
    digest.update(folded_heading.encode("utf-8"))
    for index, piece in enumerate(folded_pieces(text)):
        if index == 0 and folded_heading:
            digest.update(b" ")
        digest.update(piece.casefold().encode("utf-8"))
    return digest.hexdigest()


def keywords_to_json(keywords: tuple[str, ...]) -> str:
    return json.dumps(list(keywords), ensure_ascii=False)


def keywords_from_json(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def name_key(name: str) -> str:
    """What makes two theme names the same: case and runs of white space do not count."""
    return " ".join(name.split()).casefold()
