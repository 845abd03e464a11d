"""Writes paper.tex from paper.expected.txt and typesets it with pdfTeX into paper.pdf.

A development tool, not a test dependency (CI reads the committed PDF):
``python make_tex.py`` with ``pdflatex`` on the PATH (Debian: texlive-latex-base).
What papers look like: two columns with TeX's own hyphenation, a running head
and page numbers, a footnote, the title and date printed on page one, an
arXiv-style identifier set sideways in the left margin, and an information
dictionary whose title is that identifier rather than the paper's title.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
STAMP = "arXiv:2603.01234v1 [econ.GN] 3 Mar 2026"

PREAMBLE = r"""\documentclass[twocolumn,10pt]{article}
\usepackage{graphicx}
\setlength{\textheight}{17cm}
\pdfinfo{/Title (@STAMP@) /Author (ARRAY(0x55d0c8a1f2e8)) /CreationDate (D:20260402120000Z)}
\pagestyle{myheadings}
\markright{Valmora Working Papers in Transport Economics 26/3}
\title{@TITLE@}
\author{Hana Ibsen \and Tomas Lind}
\date{March 3, 2026}
\begin{document}
\maketitle
\noindent\smash{\llap{\raisebox{-14cm}{\rotatebox{90}{\large @STAMP@}}\hspace{1.2cm}}}%
"""


def tex(text: str) -> str:
    chunks = [" ".join(c.split()) for c in text.split("\n\n") if c.strip()]
    title = chunks[0][2:]
    parts = [PREAMBLE.replace("@STAMP@", STAMP).replace("@TITLE@", title)]
    for chunk in chunks[1:]:
        if chunk.startswith("## "):
            parts.append("\\section*{" + chunk[3:] + "}\n")
        elif chunk.startswith("Abstract. "):
            parts.append("\\textbf{Abstract.} " + chunk[len("Abstract. ") :] + "\n\n")
        else:
            parts.append(chunk + "\n\n")
    parts.append("\\end{document}\n")
    return "".join(parts)


def main() -> int:
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        print("pdflatex (texlive-latex-base) is needed", file=sys.stderr)
        return 1
    source = tex((HERE / "paper.expected.txt").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "paper.tex").write_text(source, encoding="utf-8")
        for _ in range(2):
            subprocess.run(
                [pdflatex, "-interaction=nonstopmode", "paper.tex"],
                cwd=folder, check=True, capture_output=True,
                env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1775131200",
                     "FORCE_SOURCE_DATE": "1"},
            )  # fmt: skip
        shutil.copyfile(Path(folder) / "paper.pdf", HERE / "paper.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
