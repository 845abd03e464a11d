"""Writes luatex.pdf from luatex.expected.txt with LuaLaTeX (fontspec, OpenType Latin Modern).

A development tool, not a test dependency (CI reads the committed PDF):
``python make_luatex.py`` with ``lualatex`` on the PATH (Debian: texlive-luatex,
texlive-latex-recommended). LuaTeX writes Type 0 (CID) fonts with ToUnicode maps,
OpenType ligatures (fi, fl, ffi) and no space characters between words: word gaps
exist only as positions, which is what a reader must turn back into spaces.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).parent

PREAMBLE = r"""\documentclass[11pt,a4paper]{article}
\usepackage{fontspec}
\pagestyle{plain}
\title{@TITLE@}
\author{Ostfjord Transport Office}
\date{14 January 2026}
\begin{document}
\maketitle
"""


def tex(text: str) -> str:
    chunks = [" ".join(c.split()) for c in text.split("\n\n") if c.strip()]
    parts = [PREAMBLE.replace("@TITLE@", chunks[0][2:])]
    for chunk in chunks[1:]:
        if chunk.startswith("## "):
            parts.append(f"\\section*{{{chunk[3:]}}}")
        else:
            parts.append(chunk + "\n")
    parts.append("\\end{document}\n")
    return "\n".join(parts)


def main() -> None:
    if shutil.which("lualatex") is None:
        raise SystemExit("lualatex is not installed (apt-get install texlive-luatex)")
    source = tex((HERE / "luatex.expected.txt").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "luatex.tex").write_text(source, encoding="utf-8")
        subprocess.run(
            ["lualatex", "-interaction=nonstopmode", "luatex.tex"],
            cwd=scratch, check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        shutil.copyfile(Path(scratch) / "luatex.pdf", HERE / "luatex.pdf")


if __name__ == "__main__":
    main()
