"""Word import figures: 100,000 paragraphs, 19 MB of empty paragraphs, 20 MB with photographs.

    python bench/bench_docx.py

Each file is imported in its own process, started from a small one so that its
peak memory is its own (see run_measured). The files are generated once into
bench/out/ (delete them to regenerate); BENCH_SMALL=1 (run_all's smoke run)
uses a tenth of each. Figures, not a pass/fail test; targets are printed beside.
"""

from __future__ import annotations

import io
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.importers.docx_big import (  # noqa: E402 - after the path is set
    EMPTY_19_MB,
    empty_paragraphs,
    report_paragraphs,
    run_measured,
    write_docx,
)

OUT = Path(__file__).resolve().parent / "out"
SMALL = os.environ.get("BENCH_SMALL") == "1"
SCALE = 10 if SMALL else 1
PICTURES = 20 // SCALE


def illustrated_report(path: Path) -> None:
    """About 20 MB: 3,000 paragraphs and 20 photographs of 1600 x 1200 (noise: JPEG stays big)."""
    import docx
    from docx.shared import Inches
    from PIL import Image

    rng = random.Random(5)
    document = docx.Document()
    document.core_properties.title = "Illustrated harbour report"
    paragraphs = report_paragraphs(150 * PICTURES)
    for index in range(PICTURES):
        for _ in range(150):
            document.add_paragraph(_plain_text(next(paragraphs)))
        noise = Image.frombytes("RGB", (1600, 1200), rng.randbytes(1600 * 1200 * 3))
        photo = io.BytesIO()
        noise.save(photo, format="JPEG", quality=70)
        document.add_picture(photo, width=Inches(5))
        document.add_paragraph(f"Figure {index + 1}: the quays", style="Caption")
    document.save(str(path))


def _plain_text(xml: str) -> str:
    return xml.split('preserve">', 1)[1].split("</w:t>", 1)[0]


def inputs() -> Iterator[tuple[str, Path, str, str]]:
    OUT.mkdir(exist_ok=True)
    suffix = "-small" if SMALL else ""
    count = 100_000 // SCALE
    report = OUT / f"report-paragraphs{suffix}.docx"
    if not report.exists():
        write_docx(report, report_paragraphs(count))
    yield f"{count:,}-paragraph report", report, "< 10 s", "< 500 MB"
    empty = OUT / f"empty-paragraphs{suffix}.docx"
    if not empty.exists():
        write_docx(empty, empty_paragraphs(EMPTY_19_MB // SCALE))
    yield "empty paragraphs", empty, "< 15 s", "< 500 MB"
    illustrated = OUT / f"illustrated{suffix}.docx"
    if not illustrated.exists():
        illustrated_report(illustrated)
    yield f"report with {PICTURES} photographs", illustrated, "(none)", "< 500 MB"


CHILD = """
import sys, time
from pathlib import Path
from briefer.importers.base import ImportRejected
from briefer.importers.registry import import_path
started = time.perf_counter()
try:
    article = import_path(Path(sys.argv[1])).article
    shown = f"{len(article.blocks):,} blocks, {len(article.images)} images"
except ImportRejected as error:
    shown = f"refused: {error}"
print(f"{time.perf_counter() - started:.2f}|{shown}")
"""


def measure(path: Path) -> tuple[float, float, str]:
    code, output, peak = run_measured([sys.executable, "-c", CHILD, str(path)], ROOT)
    output = output.strip()
    if code != 0 or "|" not in output:
        return float("nan"), peak, f"failed: {output[-200:]}"
    seconds, shown = output.split("|", 1)
    return float(seconds), peak, shown


def main() -> int:
    rows: list[tuple[str, str, str, str]] = []
    for name, path, time_target, memory_target in inputs():
        size = path.stat().st_size / 1024 / 1024
        seconds, peak, shown = measure(path)
        rows.append(
            (
                f"DOCX {name} ({size:.1f} MB): {shown}",
                f"{seconds:.1f} s",
                f"{peak:.0f} MB",
                f"{time_target}, {memory_target}",
            )
        )
    width = max(len(row[0]) for row in rows)
    print(f"{'Word import (child process each)':<{width}}  {'time':>7}  {'peak':>7}  target")
    for label, took, held, goal in rows:
        print(f"{label:<{width}}  {took:>7}  {held:>7}  {goal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
