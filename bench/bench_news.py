"""News import as an analyst runs it: `briefer import` on a folder of saved pages.

The whole process is timed (start-up, extraction, storing, the report), since that is
what the analyst waits for. The pages are the team's web fixtures, each copied several
times with a sentence of its own so none is a duplicate. Prints figures, not pass/fail.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WEB = HERE.parent / "tests" / "data" / "importers" / "web"
COPIES = 6
_OPENING = re.compile(rb"<p[\s>][^>]*>|<p>", re.IGNORECASE)


def _pages() -> list[Path]:
    return sorted(p for p in WEB.rglob("*.html") if "_files" not in str(p.parent))


def _write_batch(folder: Path) -> int:
    count = 0
    for copy in range(COPIES):
        for page in _pages():
            data = page.read_bytes()
            # Inside the first paragraph, so the article's text (and hash) is its own.
            marker = f"Batch {copy} copy of {page.stem}, number {count}. ".encode()
            match = _OPENING.search(data, data.lower().find(b"<body"))
            data = data[: match.end()] + marker + data[match.end() :] if match else data + marker
            # And an address of its own: the same link is a duplicate whatever the text.
            data = data.replace(b"://", f"://copy{copy}.".encode())
            (folder / f"{copy:02}-{page.name}").write_bytes(data)
            count += 1
    return count


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        pages = root / "pages"
        pages.mkdir()
        count = _write_batch(pages)
        project = root / "news.briefer"
        home = ["--home", str(root / "home")]
        subprocess.run(
            [sys.executable, "-m", "briefer", *home, "new", str(project)],
            check=True,
            capture_output=True,
        )
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "briefer", *home, "import", str(project), str(pages)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        imported = sum(line.startswith("imported") for line in done.stdout.splitlines())
    width = 44
    print(f"{'news import (whole process)':<{width}}  {'measured':<22}  target")
    rate = f"{count / seconds:.0f} pages/s ({imported}/{count} imported)"
    print(f"{f'briefer import, {count} saved pages':<{width}}  {rate:<22}  >= 30 pages/s")
    print(f"{'  peak memory':<{width}}  {f'{peak:.0f} MB':<22}  < 500 MB")
    return 0 if done.returncode in (0, 1) else 1


if __name__ == "__main__":
    raise SystemExit(main())
