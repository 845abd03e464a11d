"""Writes browser.pdf and browser-site.pdf: news pages printed to PDF by headless Chromium.

    python tests/data/importers/pdf/make_browser.py   (needs chromium from Debian)

Chromium prints with its own running header (date, time and page title) and footer
(the page's address and "n/m") on every page: what an analyst gets from a browser's
"Save as PDF". browser.pdf's source text is browser.expected.txt, opened as a file;
browser-site.pdf is a page titled "Headline | Site" with a menu above its headline, a
dateline, a by-line, a share line and a feed footer, served from 127.0.0.1 so the printed address
is a web one (only this script opens that port). masthead.pdf is masthead.html beside it
served the same way at a long address with a tracking query, which the footer cuts with "…";
dated.pdf is dated.html at an address holding the article's date.
"""

from __future__ import annotations

import functools
import html
import http.server
import shutil
import subprocess
import tempfile
import threading
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


SITE_PORT = 8765
SITE_PAGE = """<!doctype html><html lang='en'><head><meta charset='utf-8'>
<title>Ferry fares rise as fuel costs bite | The Northland Courier</title>
<style>body{font-family:serif;max-width:40em;margin:auto}</style></head><body>
<p>Home · News · Business · Travel</p>
<h1>Ferry fares rise as fuel costs bite</h1>
<p>4 December 2025</p>
<p>By Mara Quist, transport correspondent</p>
<p>Share this article</p>
<p>Ferry operators on the northern routes will raise fares by a tenth from January,
blaming the price of marine diesel, which has climbed for five months running.</p>
<p>The islands' council said the rise would fall hardest on commuters and asked the
ministry to restore the winter subsidy it cut last year.</p>
<p>The post Ferry fares rise as fuel costs bite appeared first on The Northland Courier.</p>
</body></html>"""


MASTHEAD_ADDRESS = (
    "2026/04/16/business/harbour-pilots-vote-to-strike-over-night-shifts.html"
    "?utm_source=newsletter&utm_medium=email&utm_campaign=morning-briefing-2026-04-16"
)


DATED_ADDRESS = "transport/article/2026/04/16/harbour-pilots-strike_4627.html"


def print_served_page(
    browser: str,
    page: str = SITE_PAGE,
    address: str = "ferry-fares.html",
    output: str = "browser-site.pdf",
) -> None:
    """browser-site.pdf: SITE_PAGE served over HTTP on 127.0.0.1, printed by the browser."""
    with tempfile.TemporaryDirectory() as scratch:
        served = Path(scratch) / address.partition("?")[0]
        served.parent.mkdir(parents=True, exist_ok=True)
        served.write_text(page, encoding="utf-8")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=scratch)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", SITE_PORT), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu",
                 f"--print-to-pdf={HERE / output}",
                 f"http://127.0.0.1:{SITE_PORT}/{address}"],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
        finally:
            server.shutdown()


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
    print_served_page(browser)
    masthead = (HERE / "masthead.html").read_text(encoding="utf-8")
    print_served_page(browser, masthead, MASTHEAD_ADDRESS, "masthead.pdf")
    dated = (HERE / "dated.html").read_text(encoding="utf-8")
    print_served_page(browser, dated, DATED_ADDRESS, "dated.pdf")


if __name__ == "__main__":
    main()
