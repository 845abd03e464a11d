"""Turns the bytes of a text-ish file into a str, guessing the encoding when nobody says.

Standard library, plus charset-normalizer for the Chinese, Japanese and Korean
legacy encodings (loaded only for text that is neither UTF-8 nor UTF-16);
imports nothing from Briefer except the rejection error and its charset siblings.
"""

from __future__ import annotations

import codecs
import re

from briefer.core.logs import get_logger
from briefer.importers.base import ImportRejected
from briefer.importers.charsets import browser_codec
from briefer.importers.singlebyte import best_single_byte

log = get_logger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SAMPLE = 64 * 1024
# Bytes a Windows-1252 decoder has no character for; their presence rules it out.
_CP1252_HOLES = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
# The legacy multi-byte encodings of East Asian text, as codecs.lookup names them.
_EAST_ASIAN = frozenset(
    {
        "gb18030", "gb2312", "gbk", "hz", "big5", "big5hkscs", "cp950",
        "shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213",
        "euc_jp", "euc_jis_2004", "euc_jisx0213", "euc_kr", "cp949", "johab",
    }
)  # fmt: skip
# 7-bit Japanese and Korean mail encodings announce themselves with escapes.
_ISO2022 = ((b"\x1b$B", "iso2022_jp"), (b"\x1b$@", "iso2022_jp"), (b"\x1b$)C", "iso2022_kr"))
# Text codecs Python has that no web page or message is written in.
_NOT_CHARSETS = frozenset(
    {"idna", "punycode", "utf-7", "raw-unicode-escape", "unicode-escape", "undefined", "charmap"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")

NOT_TEXT = (
    "This file does not look like text (it contains binary data). If it is a document,"
    " save it as .txt, .docx or .pdf from its original program and import that."
)


def decode_text(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """The text in ``data`` and the name of the encoding it was read with.

    A byte-order mark wins, then a ``declared`` charset (from an e-mail header or
    an HTML meta tag) if the bytes really decode with it, then UTF-16 recognised by
    its zero bytes, strict UTF-8, and finally a guess between the single-byte
    encodings analysts meet most: Windows-1251 (Cyrillic), Windows-1252 and Latin-1.
    Declared charsets are checked because mail clients and web servers lie often,
    and read as browsers read them (see ``web_codec``). Undeclared bytes that are
    none of those are detected by ``detect_legacy``.
    Newlines come back as ``\\n`` and NUL and other control bytes are removed.
    """
    text, encoding = _decode(data, declared)
    if _looks_binary(text):
        raise ImportRejected(NOT_TEXT)
    return clean_text(text), encoding


def clean_text(text: str) -> str:
    """Newlines normalised to ``\\n``, form feeds to blank lines, control characters gone."""
    text = _NEWLINES.sub("\n", text).replace("\f", "\n\n")
    return _CONTROL.sub("", text.lstrip("\ufeff"))


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    if declared:
        label = web_codec(declared)
        # An "ascii" label on 8-bit text says nothing: the writer did not know.
        if label is not None and charset_codec(declared) not in ("ascii", "utf-8"):
            try:
                return data.decode(label), label
            except UnicodeDecodeError:  # The label lied; fall through to detection.
                log.warning("text declared as %s is not; detecting its encoding", label)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    iso2022 = _iso2022(data)
    if iso2022 is not None:
        return data.decode(iso2022, errors="replace"), iso2022
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _truncated_utf8(data, error):
            # A file cut in the middle of a character is still UTF-8.
            return data.decode("utf-8", errors="replace"), "utf-8"
    name = detect_legacy(data)
    return data.decode(name, errors="replace"), name


def detect_legacy(data: bytes) -> str:
    """The codec of undeclared text that is not UTF-8: ISO-2022-JP or -KR told by their
    escapes, Chinese (GB18030, Big5), Japanese (Shift_JIS, EUC-JP) or Korean (EUC-KR)
    when the bytes read as that, else the single-byte code page that reads best."""
    return _iso2022(data) or _east_asian(data) or guess_single_byte(data)


def _iso2022(data: bytes) -> str | None:
    sample = data[:_SAMPLE]
    return next((name for escape, name in _ISO2022 if escape in sample), None)


def _east_asian(data: bytes) -> str | None:
    """The East Asian multi-byte encoding the bytes read best in, if that is what they are.

    charset-normalizer weighs how plausible the decoded text is; only its
    East Asian answers are taken, since for European text our own single-byte
    guess is tuned to what analysts meet (it would call French "cp1250").
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE]).best()
    if best is None:
        return None
    try:
        name = codecs.lookup(best.encoding).name
    except LookupError:
        return None
    if name not in _EAST_ASIAN:
        return None
    return name if _reads_as_east_asian(str(best)) else None


def _reads_as_east_asian(text: str) -> bool:
    """Whether decoded text looks like Chinese, Japanese or Korean, not misread European.

    Read as Big5 or Shift_JIS, a French "même" becomes "m瘱e": a lone
    ideograph between Latin letters, which real East Asian text hardly has.
    Short European texts can fool the detector, so a few such characters
    and a clear majority of the non-ASCII text are required too.
    """
    positions = [i for i, ch in enumerate(text) if _is_east_asian(ch)]
    if len(positions) < 4:
        return False
    if len(positions) < 0.6 * sum(1 for ch in text if ord(ch) > 0x7F):
        return False
    wedged = sum(
        1
        for i in positions
        if 0 < i < len(text) - 1 and _latin(text[i - 1]) and _latin(text[i + 1])
    )
    return wedged <= 0.1 * len(positions)


def _is_east_asian(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK ideographs
        or 0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0xAC00 <= code <= 0xD7AF  # hangul syllables
        or 0x3000 <= code <= 0x303F  # CJK punctuation
    )


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


# Python codecs whose characters browsers read with a larger superset.
_SUPERSETS = {
    "ascii": "cp1252", "latin-1": "cp1252", "iso8859-1": "cp1252", "iso8859-9": "cp1254",
    "tis-620": "cp874", "iso8859-11": "cp874", "gb2312": "gb18030", "gbk": "gb18030",
    "shift_jis": "cp932", "euc_kr": "cp949", "big5": "big5hkscs",
}  # fmt: skip


def web_codec(label: str | None) -> str | None:
    """The codec to read text declared as ``label`` with, the way browsers and mail
    programs read it: a label of the WHATWG Encoding Standard as the standard says
    ("gb2312" as GB18030, "shift_jis" as Windows-31J, "euc-kr" as Windows-949,
    "iso-8859-1" and "ascii" as Windows-1252), any other as Python's codec of that
    name, widened to the same supersets. ``None`` if it names no text encoding."""
    if not label:
        return None
    name = browser_codec(label) or charset_codec(label)
    return _SUPERSETS.get(name, name) if name is not None else None


def charset_codec(label: str | None) -> str | None:
    """The Python codec a declared charset names, or ``None`` if it names no text encoding.

    ``codecs.lookup`` also knows transforms (base64, rot13, zlib, hex, uu, bz2,
    quopri) that ``bytes.decode`` refuses with a LookupError, and codecs no
    browser or mail client reads documents in (idna, punycode, UTF-7, Python's
    escapes): a page declaring one of those is read as if it declared nothing.
    """
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text that is mostly ASCII has a zero in every other byte."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if odd_zeros > 0.4 * pairs and even_zeros < 0.05 * pairs:
        return "utf-16-le"
    if even_zeros > 0.4 * pairs and odd_zeros < 0.05 * pairs:
        return "utf-16-be"
    return None


def _truncated_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    """A file cut inside its last character, if what comes before is UTF-8 beyond ASCII:
    plain ASCII ending in one high byte ("Le café" in Windows-1252) is not UTF-8."""
    return (
        error.start >= len(data) - 3
        and error.reason == "unexpected end of data"
        and not data[: error.start].isascii()
    )


def guess_single_byte(data: bytes) -> str:
    """The single-byte code page of bytes that are not UTF-8, told by their letters.

    Windows-1252 for Western European text unless another code page (Mac Roman,
    Central European, Baltic, Turkish, Cyrillic in its four encodings, Greek,
    Hebrew, Arabic, Thai) reads clearly better: see ``singlebyte.best_single_byte``.
    Western text is called Latin-1 when it has no Windows-1252 typographic
    characters (curly quotes, dashes, €) or has bytes Windows-1252 leaves undefined.
    """
    sample = data[:_SAMPLE]
    if sample.isascii():
        return "ascii"
    name = best_single_byte(sample)
    if name != "cp1252":
        return name
    c1 = {b for b in sample if 0x80 <= b < 0xA0}
    if not c1 or c1 & _CP1252_HOLES:
        return "iso-8859-1"
    return "cp1252"


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    # A stray NUL or two (a bad copy-paste) is tolerated; a binary file has many.
    nuls = sample.count("\x00")
    controls = len(_CONTROL.findall(sample))
    return (nuls > 8 and nuls > 0.01 * len(sample)) or (
        controls > 8 and controls > 0.05 * len(sample)
    )
