"""Regenerate briefer/exporters/font_widths.py: per-character advance widths of the fonts
LibreOffice lays a Briefer export out in, so the page estimate needs no font files.

    python tests/data/exporters/pages/make_font_widths.py

Needs Pillow and the Debian packages fonts-crosextra-carlito, fonts-crosextra-caladea,
fonts-liberation2 and fonts-dejavu-core (metric-compatible stand-ins for Calibri, Cambria,
Arial, Times New Roman and Courier New). Widths are in thousandths of an em; the line
height is the font's own (hhea ascender + descender + line gap), in ems, which is how
LibreOffice sizes a single-spaced line.
"""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

from PIL import ImageFont

ROOT = Path(__file__).resolve().parents[4]
TARGET = ROOT / "briefer" / "exporters" / "font_widths.py"
CHARSET = (
    "".join(chr(c) for c in range(32, 127))
    + "".join(chr(c) for c in range(161, 256) if c != 173)
    + "“”‘’–—…•€″′§¶†‡™"
)
FAMILIES = {
    "carlito": "/usr/share/fonts/truetype/crosextra/Carlito-{}.ttf",
    "caladea": "/usr/share/fonts/truetype/crosextra/Caladea-{}.ttf",
    "liberation-sans": "/usr/share/fonts/truetype/liberation2/LiberationSans-{}.ttf",
    "liberation-serif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-{}.ttf",
    "liberation-mono": "/usr/share/fonts/truetype/liberation2/LiberationMono-{}.ttf",
}
STYLES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic",
          (True, True): "BoldItalic"}  # fmt: skip
SIZE = 1000


def _tables(data: bytes) -> dict[str, bytes]:
    count = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        tables[tag.decode("latin-1")] = data[offset : offset + length]
    return tables


def line_height(path: str) -> float:
    data = Path(path).read_bytes()
    tables = _tables(data)
    units = struct.unpack(">H", tables["head"][18:20])[0]
    ascender, descender, gap = struct.unpack(">hhh", tables["hhea"][4:10])
    return (ascender - descender + gap) / units


def main() -> None:
    lines = [
        '"""Advance widths of the fonts a Briefer export is laid out in; generated, do not edit.',
        "",
        "Made by tests/data/exporters/pages/make_font_widths.py with Pillow from the",
        "metric-compatible fonts LibreOffice uses for Word's (Carlito for Calibri, Caladea for",
        "Cambria, Liberation for Arial, Times New Roman and Courier New). Standard library only.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "CHARSET = (",
        *[f"    {CHARSET[i : i + 40]!r}" for i in range(0, len(CHARSET), 40)],
        ")",
        '"""The characters measured; WIDTHS[...] lists theirs in this order, in 1/1000 em."""',
        "",
        "LINE_HEIGHT: dict[str, float] = {",
    ]
    for family, pattern in FAMILIES.items():
        lines.append(f'    "{family}": {line_height(pattern.format("Regular")):.4f},')
    lines += ["}", "", "WIDTHS: dict[tuple[str, bool, bool], str] = {"]
    for family, pattern in FAMILIES.items():
        for (bold, italic), style in STYLES.items():
            font = ImageFont.truetype(pattern.format(style), SIZE)
            widths = " ".join(str(round(font.getlength(c))) for c in CHARSET)
            lines.append(f'    ("{family}", {bold}, {italic}): (')
            chunk = ""
            for word in widths.split():
                if len(chunk) + len(word) > 80:
                    lines.append(f'        "{chunk}"')
                    chunk = ""
                chunk += word + " "
            lines.append(f'        "{chunk.rstrip()}"')
            lines.append("    ),")
    lines.append("}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run(["ruff", "format", str(TARGET)], check=False)


if __name__ == "__main__":
    main()
