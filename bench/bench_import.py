"""Importer figures: HTML pages per second and a 300-page PDF, on one core (run in its own process).

    python bench/bench_import.py [--compare-pdfminer] [--no-hostile]

Prints each figure beside its target; figures, not a pass/fail test. The PDF is
generated once into bench/out/ (with reportlab when installed, else by repeating
the test fixture's pages with pypdfium2). ``--compare-pdfminer`` also times
pdfminer.six's layout analysis on the same file, the alternative we measured.
Then each hostile or huge web page and e-mail of hostile_imports.py, in its own
process (Linux: peak memory is read from /proc); ``--no-hostile`` leaves them out.
"""

from __future__ import annotations

import importlib.util
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefer.importers.base import ImportLimits
from briefer.importers.html import HtmlImporter
from briefer.importers.mhtml import MhtmlImporter
from briefer.importers.pdf import PdfImporter

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "tests" / "data" / "importers" / "web"
PDF = ROOT / "tests" / "data" / "importers" / "pdf"
OUT = Path(__file__).resolve().parent / "out"
PAGES = 300
ROUNDS = 20


def one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def html_rate() -> tuple[float, int]:
    pages = sorted(WEB.glob("*.html"))
    archive = (WEB / "jsonld.mhtml").read_bytes()
    inputs = [(page.name, page.read_bytes()) for page in pages]

    def read_local(name: str) -> bytes | None:
        path = WEB / name
        return path.read_bytes() if path.is_file() else None

    HtmlImporter().extract(inputs[0][1], inputs[0][0], ImportLimits())  # warm imports
    count = 0
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for name, data in inputs:
            HtmlImporter().extract(data, name, ImportLimits(), read_local)
            count += 1
        MhtmlImporter().extract(archive, "jsonld.mhtml", ImportLimits())
        count += 1
    return count / (time.perf_counter() - started), count


def wrapped_text_time(paragraphs: int = 5_000) -> tuple[float, int]:
    """A long plain-text report hard-wrapped at 72 columns, as mailing lists and old
    archives keep them: its paragraphs are re-joined line by line."""
    from briefer.importers.text import TextImporter

    sentence = "The committee noted that freight volumes through the northern corridor "
    body = (sentence * 4).strip()
    wrapped = "\n".join(body[i : i + 72] for i in range(0, len(body), 72))
    data = "\n\n".join(f"{n}. {wrapped}" for n in range(paragraphs)).encode()
    started = time.perf_counter()
    article = TextImporter().extract(data, "report.txt", ImportLimits())
    return time.perf_counter() - started, article.word_count


def long_pdf() -> Path | None:
    OUT.mkdir(exist_ok=True)
    target = OUT / f"report-{PAGES}-pages.pdf"
    if target.exists():
        return target
    if importlib.util.find_spec("reportlab") is not None:
        sys.path.insert(0, str(PDF))
        import make_pdfs  # type: ignore[import-not-found]  # tests/data/importers/pdf

        target.write_bytes(make_pdfs.long_report(PAGES))
        return target
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(PDF / "report.pdf")
    combined = pdfium.PdfDocument.new()
    while len(combined) < PAGES:
        combined.import_pages(source)
    combined.save(target)
    return target


def pdf_time(path: Path) -> tuple[float, int, int]:
    data = path.read_bytes()
    started = time.perf_counter()
    article = PdfImporter().extract(data, path.name, ImportLimits())
    import pypdfium2 as pdfium

    return time.perf_counter() - started, len(pdfium.PdfDocument(data)), article.word_count


def pdfminer_time(path: Path) -> float | None:
    if importlib.util.find_spec("pdfminer") is None:
        return None
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    started = time.perf_counter()
    for _ in extract_pages(str(path), laparams=LAParams()):
        pass
    return time.perf_counter() - started


def main() -> int:
    one_core()
    rows: list[tuple[str, str, str]] = []
    rate, count = html_rate()
    rows.append((f"HTML/MHTML import ({count} pages)", f"{rate:.0f} articles/s", ">= 20/s"))
    seconds, words = wrapped_text_time()
    rows.append((f"Hard-wrapped text import ({words} words)", f"{seconds:.2f} s", "< 2 s"))
    path = long_pdf()
    if path is None:
        rows.append(("PDF import", "skipped: no way to generate the PDF", "< 15 s"))
    else:
        seconds, pages, words = pdf_time(path)
        rows.append((f"PDF import ({pages} pages, {words} words)", f"{seconds:.1f} s", "< 15 s"))
        if "--compare-pdfminer" in sys.argv:
            other = pdfminer_time(path)
            shown = "not installed" if other is None else f"{other:.1f} s (layout only)"
            rows.append(("  pdfminer.six, same file", shown, "(alternative)"))
    if "--no-hostile" not in sys.argv and sys.platform == "linux":
        from hostile_imports import measure  # bench/, beside this script

        rows.append(("Hostile web pages and e-mails", "each in its own process", ""))
        rows += measure()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if sys.platform == "darwin":
        peak /= 1024  # bytes there, kilobytes on Linux
    rows.append(("Peak memory (whole run)", f"{peak:.0f} MB", "< 500 MB"))
    width = max(len(name) for name, _, _ in rows)
    print(f"{'importers (one core)':<{width}}  {'measured':<22}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<22}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
