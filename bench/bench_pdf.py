"""PDF import on its own: a 300-page PDF of real producers' pages, seconds and peak memory.

    python bench/bench_pdf.py [PAGES]

The PDF is assembled once into bench/out/ from the committed fixtures' pages
(LibreOffice columns, pdfTeX two columns, font-size-1 text scaled by the text
matrix, a line-numbered transcript, turned pages, a two-column report), so it
needs no producer installed and exercises every layout path. Prints figures
beside the target; run_all.py runs it in its own process, so the peak is the
PDF import's alone.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdfium2 as pdfium

from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "tests" / "data" / "importers" / "pdf"
OUT = Path(__file__).resolve().parent / "out"
SOURCES = ("grid.pdf", "paper.pdf", "scaled.pdf", "transcript.pdf", "rotated.pdf", "report.pdf")
TARGET_SECONDS = 15.0


def mixed_pdf(pages: int) -> Path:
    OUT.mkdir(exist_ok=True)
    target = OUT / f"mixed-{pages}-pages.pdf"
    if target.exists():
        return target
    sources = [pdfium.PdfDocument(PDF / name) for name in SOURCES]
    combined = pdfium.PdfDocument.new()
    while len(combined) < pages:
        for source in sources:
            if len(combined) >= pages:
                break
            wanted = min(len(source), pages - len(combined))
            combined.import_pages(source, list(range(wanted)))
    combined.save(target)
    return target


def main() -> int:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    path = mixed_pdf(pages)
    data = path.read_bytes()
    started = time.perf_counter()
    article, warnings = PdfImporter().extract_with_warnings(data, path.name, ImportLimits())
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if sys.platform == "darwin":
        peak /= 1024  # bytes there, kilobytes on Linux
    rows = [
        (f"PDF import ({pages} mixed pages, {article.word_count} words)", f"{seconds:.1f} s",
         f"< {TARGET_SECONDS:g} s"),
        ("  warnings (scanned or garbled pages)", str(len(warnings)), "0"),
        ("Peak memory (PDF import)", f"{peak:.0f} MB", "< 500 MB"),
    ]  # fmt: skip
    width = max(len(name) for name, _, _ in rows)
    print(f"{'PDF import':<{width}}  {'measured':<12}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<12}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
