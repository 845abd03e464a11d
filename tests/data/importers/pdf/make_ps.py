"""Writes PostScript by hand and has Ghostscript's ps2pdf turn it into PDFs.

A development tool, not a test dependency (CI reads the committed PDFs):
``python make_ps.py`` with ``ps2pdf`` on the PATH. Two documents a person would
read without trouble and a layout engine might not:

* transcript.pdf: a hearing transcript set in Courier with line numbers 1-25 in
  the left margin, a ruled margin, a running header and a reporter's footer.
* rotated.pdf: a portrait page, then the same kind of text turned a quarter on
  the page, once with /Rotate 90 (viewers show it upright) and once without
  (the reader turns the paper), and a sideways stamp in the margin of page one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).parent
LINES_PER_PAGE = 25


def ps_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def transcript() -> str:
    source = (HERE / "transcript.expected.txt").read_text(encoding="utf-8")
    lines: list[str] = []
    for paragraph in source.split("\n\n"):
        text = " ".join(paragraph.split())
        wrapped = textwrap.wrap(text, 56)
        lines += [wrapped[0]] + ["   " + rest for rest in wrapped[1:]]
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    out = ["%!PS-Adobe-3.0", f"%%Pages: {len(pages)}", "%%EndComments"]
    for number, page in enumerate(pages, start=1):
        out += [
            f"%%Page: {number} {number}",
            "/Courier findfont 12 scalefont setfont",
            f"470 750 moveto (Page {number + 40}) show",
            "0.5 setlinewidth 82 60 moveto 82 740 lineto stroke",
        ]
        for row, line in enumerate(page, start=1):
            y = 712 - (row - 1) * 26
            label = str(row)  # right-aligned: Courier is 7.2 points a character at 12
            out.append(f"{70 - 7.2 * len(label):.1f} {y} moveto {ps_string(label)} show")
            out.append(f"92 {y} moveto {ps_string(line)} show")
        out += [
            "/Courier findfont 9 scalefont setfont",
            "190 36 moveto (EASTBAY REPORTING SERVICES  555-0142) show",
            "showpage",
        ]
    out.append("%%EOF")
    return "\n".join(out) + "\n"


def rotated() -> str:
    source = (HERE / "rotated.expected.txt").read_text(encoding="utf-8").split("\n\n")
    portrait, upright, sideways = (" ".join(p.split()) for p in source[:3])

    def body(text: str, width: int) -> list[str]:
        return [f"0 {-14 * i} moveto {ps_string(line)} show" for i, line in
                enumerate(textwrap.wrap(text, width))]  # fmt: skip

    out = ["%!PS-Adobe-3.0", "%%Pages: 3", "%%EndComments"]
    out += ["%%Page: 1 1", "/Times-Roman findfont 11 scalefont setfont", "gsave 72 720 translate"]
    out += body(portrait, 85)
    out += ["grestore", "gsave 30 200 translate 90 rotate /Helvetica findfont 8 scalefont setfont",
            "0 0 moveto (Preprint 2026-114 [econ.GN] filed 3 Mar 2026) show grestore",
            "showpage"]  # fmt: skip
    for number, text, rotate in ((2, upright, True), (3, sideways, False)):
        out += [f"%%Page: {number} {number}", "/Times-Roman findfont 11 scalefont setfont"]
        if rotate:
            out.append("[ {ThisPage} << /Rotate 90 >> /PUT pdfmark")
        out += ["gsave 540 72 translate 90 rotate"]
        out += body(text, 110)
        out += ["grestore", "showpage"]
    out.append("%%EOF")
    return "\n".join(out) + "\n"


def main() -> int:
    ps2pdf = shutil.which("ps2pdf")
    if ps2pdf is None:
        print("ps2pdf (Ghostscript) is needed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        for name, make in (("transcript", transcript), ("rotated", rotated)):
            source = Path(folder) / f"{name}.ps"
            source.write_text(make(), encoding="latin-1")
            subprocess.run(
                [ps2pdf, "-dAutoRotatePages=/None", "-dCompatibilityLevel=1.5", str(source),
                 str(HERE / f"{name}.pdf")],
                check=True,
            )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
