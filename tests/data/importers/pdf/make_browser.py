"""Writes browser.pdf: a saved news article printed to PDF by headless Chromium.

    python tests/data/importers/pdf/make_browser.py   (needs chromium from Debian)

Chromium prints with its own running header (date, time and page title) and footer
(the page's address and "n/m") on every page: what an analyst gets from a browser's
"Save as PDF". The source text is browser.expected.txt; the page is built from it.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def page_html(expected: str) -> str:
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>"]
    blocks = expected.strip().split("\n\n")
    title = blocks[0].removeprefix("# ")
    parts.append(f"<title>{html.escape(title)}</title>")
    parts.append("<style>body{font-family:serif;max-width:40em;margin:auto}</style></head><body>")
    for block in blocks:
        if block.startswith("# "):
            parts.append(f"<h1>{html.escape(block[2:])}</h1>")
        elif block.startswith("## "):
            parts.append(f"<h2>{html.escape(block[3:])}</h2>")
        else:
            parts.append(f"<p>{html.escape(block)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    expected = (HERE / "browser.expected.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "harbour-strike.html"
        source.write_text(page_html(expected), encoding="utf-8")
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu",
             f"--print-to-pdf={HERE / 'browser.pdf'}", str(source)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip


if __name__ == "__main__":
    main()
