"""Hostile and huge pages, e-mails, Markdown and text: time and peak memory of each import.

    python bench/hostile_imports.py [NAME ...]   (only the inputs named, e.g. figures10k.html)

Each import runs in its own process; bench_import.py runs this too. The inputs are those
investigations found breaking the 60 s and 500 MB promises (attribute bombs, a million
spans, 300,000 MIME parts, 60 MB pages and e-mails, 500,000 Markdown headings, a million
lines of text), plus the largest of each kind the limits still let through. Each is
generated once into bench/out/hostile/. Peak memory is the child's VmHWM (Linux).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out" / "hostile"
TEXT = (
    "Velden port fees rise by eleven percent from March, the port authority said on Tuesday,"
    " after two years of talks with the shipping lines that call at the harbour."
)
MAIL = (
    "From: Desk <desk@example.org>\r\nTo: a@example.org\r\nSubject: Port fees\r\n"
    "Date: Wed, 19 Nov 2025 09:12:00 +0100\r\nMIME-Version: 1.0\r\n"
)
MiB = 1024 * 1024

CHILD = """
import json, sys, time
from pathlib import Path
from briefer.importers.base import ImportRejected
from briefer.importers.registry import import_path
started = time.perf_counter()
try:
    import_path(Path(sys.argv[1]))
    outcome = "imported"
except ImportRejected as error:
    outcome = "refused: " + error.reason
seconds = time.perf_counter() - started
status = Path("/proc/self/status").read_text()
peak_kb = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:")))
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "outcome": outcome}))
"""


def _attrs(count: int) -> str:
    return " ".join(f'a{i}="{i}"' for i in range(count))


def _fill(path: Path, head: str, unit: str, size: int, tail: str) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        chunk = unit * max(1, MiB // len(unit))
        while out.tell() < size:
            out.write(chunk)
        out.write(tail)


def _page(attributes: str) -> str:
    return f"<html><head><title>Attrs</title></head><body><p {attributes}>{TEXT}</p></body></html>"


def _parts(count: int) -> str:
    parts = "".join(f"--B\r\nContent-Type: text/plain\r\n\r\nx{i}\r\n" for i in range(count))
    return MAIL + "Content-Type: multipart/mixed; boundary=B\r\n\r\n" + parts + "--B--\r\n"


def _archive(count: int) -> str:
    parts = "".join(
        f"--B\r\nContent-Type: image/png\r\nContent-Location: https://x.example/{i}.png\r\n\r\nx\r\n"
        for i in range(count)
    )
    return (
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary=B\r\n\r\n'
        "--B\r\nContent-Type: text/html\r\nContent-Location: https://x.example/a\r\n\r\n"
        f"<html><body><article><p>{TEXT}</p></article></body></html>\r\n{parts}--B--\r\n"
    )


INPUTS: list[tuple[str, str, Callable[[Path], object]]] = [
    ("many_attrs.html", "one <p>, 300,000 attributes", lambda p: p.write_text(
        _page(_attrs(300_000)))),
    ("attrs60k.html", "one <p>, 60,000 attributes", lambda p: p.write_text(
        _page(_attrs(60_000)))),
    ("flat_1m_spans.html", "15 MB of <span>w</span>", lambda p: _fill(
        p, "<html><body><p>", "<span>w</span> ", 15 * MiB, "</p></body></html>")),
    ("parts300k.eml", "300,000 MIME parts", lambda p: p.write_text(_parts(300_000))),
    ("parts300k.mhtml", "a web archive of 300,000 parts", lambda p: p.write_text(
        _archive(300_000))),
    ("story_lists.html", "200 'More news' lists beside 60,000 elements", lambda p: p.write_text(
        "<html><body><div><div><div><div>"
        + "<h2>More news</h2><h3><a href='/x'>t</a></h3>" * 200
        + f"<p>{TEXT}</p>" + "<span>w</span> " * 60_000
        + "</div></div></div></div></body></html>")),
    ("figures10k.html", "10,000 captioned figures in an article", lambda p: p.write_text(
        "<html><body><article><h1>Port fees</h1>" + "".join(
            f"<p>{i} {TEXT}</p><figure><img src='https://x.example/{i}.jpg'><figcaption>"
            f"Crane {i} at the quay on Tuesday. (Photo: Reuters)</figcaption></figure>"
            for i in range(10_000)) + "</article></body></html>")),
    ("byline40k.html", "a by-line of 40,000 family-first names", lambda p: p.write_text(
        "<html><head><meta name='author' content='" + ", ".join(["Smith", "Jane"] * 20_000)
        + f"'></head><body><article><h1>Port fees</h1><p>{TEXT}</p></article></body></html>")),
    ("big60.html", "60 MB of <p>s", lambda p: _fill(
        p, "<html><body><article>", f"<p>{TEXT}</p>\n", 60 * MiB, "</article></body></html>")),
    ("big60.eml", "60 MB of plain text", lambda p: _fill(
        p, MAIL + "Content-Type: text/plain\r\n\r\n", TEXT + "\r\n\r\n", 60 * MiB, "")),
    ("big60_html.eml", "60 MB of HTML", lambda p: _fill(
        p, MAIL + "Content-Type: text/html\r\n\r\n<html><body>", f"<p>{TEXT}</p>\n",
        60 * MiB, "")),
    ("edge_markup.html", "32 MB of <p>s, the most allowed", lambda p: _fill(
        p, "<html><body><article>", f"<p>{TEXT}</p>\n", 32 * MiB - 64 * 1024, "</article>")),
    ("edge_blocks.html", "249,990 <p>word</p>, the most blocks allowed", lambda p: p.write_text(
        "<html><body>" + "<p>word</p>" * 249_990 + "</body></html>")),
    ("edge_nodes.html", "599,990 <span>s, the most elements allowed", lambda p: p.write_text(
        "<html><body><p>" + "<span>w</span> " * 599_990 + "</p></body></html>")),
    ("edge_attrs.html", "1,187 <p>s of 500 attributes", lambda p: p.write_text(
        "<html><body>" + f"<p {_attrs(500)}>{TEXT}</p>\n" * 1187 + "</body></html>")),
    ("edge_text.eml", "24 MB of HTML, near the most allowed", lambda p: _fill(
        p, MAIL + "Content-Type: text/html\r\n\r\n<html><body>", f"<p>{TEXT}</p>\n",
        24 * MiB, "")),
    ("edge_attached.eml", "24 MB of HTML, a message attached in place", lambda p: _fill(
        p, MAIL + "Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\n"
        "Content-Type: text/html\r\n\r\n<html><body>", f"<p>{TEXT}</p>\n", 24 * MiB,
        "</body></html>\r\n--B\r\nContent-Type: message/rfc822\r\n\r\n" + MAIL
        + "Content-Type: text/plain\r\n\r\n" + TEXT + "\r\n--B--\r\n")),
    ("paras300k.html", "300,000 <p>x</p>, past the block limit", lambda p: p.write_text(
        "<html><body>" + "<p>x</p>" * 300_000 + "</body></html>")),
    ("headings500k.md", "2 MB of '# h' lines, 500,000", lambda p: p.write_text("# h\n" * 500_000)),
    ("edge_headings.md", "240,000 '# h' lines, near the most allowed", lambda p: p.write_text(
        "# h\n" * 240_000)),
    ("blank20m.md", "20 million blank lines between two words", lambda p: p.write_text(
        "a\n" + "\n" * 20_000_000 + "b\n")),
    ("words30.md", "30 MB of 'a ' in one paragraph", lambda p: _fill(p, "", "a ", 30 * MiB, "")),
    ("rows1m.txt", "10 MB of '| a | b |' lines, 1,000,000", lambda p: p.write_text(
        "| a | b |\n" * 1_000_000)),
    ("edge_rows.txt", "240,000 '| a | b |' lines, near the most allowed", lambda p: p.write_text(
        "| a | b |\n" * 240_000)),
    ("line30.txt", "30 MB in one line", lambda p: _fill(p, TEXT, "x", 30 * MiB, "")),
]  # fmt: skip


def measure(only: Sequence[str] = ()) -> list[tuple[str, str, str]]:
    """One row per input (those named in ``only``, when given): its name, what the import
    did (time, peak, outcome), the target."""
    OUT.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, str]] = []
    for name, what, make in INPUTS:
        if only and name not in only:
            continue
        path = OUT / name
        if not path.exists():
            make(path)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0:
            shown = f"failed after {time.perf_counter() - started:.0f} s"
        else:
            result = json.loads(done.stdout)
            outcome = "imported" if result["outcome"] == "imported" else "refused"
            shown = f"{result['seconds']:.1f} s, {result['peak_mb']:.0f} MB, {outcome}"
        rows.append((f"  {name} ({what})", shown, "< 60 s, < 500 MB"))
    return rows


def main() -> int:
    rows = measure(sys.argv[1:])
    width = max(len(name) for name, _, _ in rows)
    print(f"{'hostile imports (own process each)':<{width}}  {'measured':<28}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<28}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
