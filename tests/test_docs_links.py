"""The README and the docs point only at files inside the repository, and those exist.

A clean clone is all a reader has: a link to ../shared/… or to a screenshot nobody
rendered is a dead end (issue 15: the README pointed outside the repository).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def local_links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [
        target
        for target in LINK.findall(text)
        if not re.match(r"[a-z][a-z0-9+.-]*:", target) and not target.startswith("#")
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_resolves_inside_the_repository(page: Path) -> None:
    broken = []
    for target in local_links(page):
        path = (page.parent / target.split("#", 1)[0]).resolve()
        if not path.is_relative_to(ROOT):
            broken.append(f"{target}: outside the repository")
        elif not path.exists():
            broken.append(f"{target}: no such file")
    assert broken == []


def test_the_checker_sees_a_link_that_leaves_the_repository(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("See [map](../shared/ARCHITECTURE.md) and [web](https://example.org).")
    assert local_links(page) == ["../shared/ARCHITECTURE.md"]
