"""Re-render the calibration notes with LibreOffice and write their page counts.

    python tests/data/exporters/pages/render.py [--keep DIR]

For every case in notes.py: export with Briefer's DOCX writer, convert to PDF
with `soffice --headless`, read the page count with `pdfinfo`, and write
expected.json: per note, the pages, the old words/500 figure, a digest of the
note's text and the page setup the writer used, so the test can tell when a
count no longer describes the note or the writer. A count for another setup
(another writer, say one that defaults to A4) is kept beside the new one.
Needs LibreOffice, poppler-utils and the metric-compatible fonts
(fonts-crosextra-carlito, fonts-crosextra-caladea, fonts-liberation2).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))
sys.path.insert(0, str(HERE))

from notes import CASES, EXPECTED, Case, digest, setup  # noqa: E402

from briefer.core.words import note_word_count  # noqa: E402
from briefer.exporters.document import build_document  # noqa: E402
from briefer.exporters.docx import export_docx  # noqa: E402
from briefer.exporters.page_estimate import estimate_pages  # noqa: E402
from briefer.session.pages import page_profile  # noqa: E402


def words(case: Case) -> int:
    """The Composer's word count (core.words.note_word_count), for the old words/500 figure."""
    return note_word_count(case.note)


def render(docx: list[Path], folder: Path) -> dict[str, int]:
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *map(str, docx)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    pages = {}
    for path in docx:
        info = subprocess.run(["pdfinfo", str(path.with_suffix(".pdf"))], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip
        pages[path.stem] = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    return pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="leave the DOCX and PDF files here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        made, results = [], {}
        for name, make in CASES.items():
            case = make()
            reference = case.reference(folder) if case.reference else None
            document = build_document(case.note, case.passages, case.articles)
            target = folder / f"{name}.docx"
            export_docx(document, target, reference_doc=reference)
            made.append(target)
            profile = page_profile(reference)
            estimate = estimate_pages(document, profile)
            results[name] = {"words": words(case), "digest": digest(document),
                             "setup": setup(profile), "estimate": estimate.length}  # fmt: skip
        for name, pages in render(made, folder).items():
            results[name]["pages"] = pages
    # Counts for another writer (another page setup) or another note stay beside these.
    kept = json.loads(EXPECTED.read_text("utf-8")) if EXPECTED.exists() else {}
    lines = []
    for name, r in results.items():
        entry = {key: r[key] for key in ("pages", "words", "digest", "setup")}
        others = [e for e in kept.get(name, []) if (e.get("setup"), e.get("digest"))
                  != (entry["setup"], entry["digest"])]  # fmt: skip
        rows = ",\n    ".join(json.dumps(e) for e in [entry, *others])
        lines.append(f"  {json.dumps(name)}: [\n    {rows}\n  ]")
    EXPECTED.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{'note':18} {'LibreOffice':>11} {'estimate':>8} {'words/500':>9}")
    for name, r in results.items():
        print(f"{name:18} {r['pages']:>11} {r['estimate']:>8} {r['words'] / 500:>9.1f}")


if __name__ == "__main__":
    main()
