"""Writes ocr-article.pdf: a scanned page made searchable, as Tesseract's PDF output is.

    python tests/data/importers/pdf/make_ocr.py   (needs poppler-utils and tesseract-ocr)

article.pdf is rendered to a 200 dpi greyscale picture (pdftoppm), as a scanner gives
it, and Tesseract 5 reads it back into a PDF: the picture, and over it the text it
recognised, drawn invisibly (text render mode 3) in its glyph-less font, each line in
the size its scanned height suggests. So the title's two lines come out at 19 and 18
points, and a paragraph's short last line ("autumn.") at 9 where the rest is at 10.
ocrmypdf and Acrobat's Recognise Text write such a layer too. Its source text is
article.expected.txt, which Tesseract reads without a mistake at this resolution.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "200",
                "-gray",
                "-png",
                str(HERE / "article.pdf"),
                str(work / "page"),
            ],
            check=True,
        )
        pictures = sorted(work.glob("page-*.png"))
        (work / "pages.txt").write_text("".join(f"{p}\n" for p in pictures), encoding="utf-8")
        subprocess.run(
            ["tesseract", str(work / "pages.txt"), str(work / "ocr-article"), "pdf"],
            check=True,
            capture_output=True,
        )
        shutil.copy(work / "ocr-article.pdf", HERE / "ocr-article.pdf")


if __name__ == "__main__":
    main()
