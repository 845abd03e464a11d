"""Shared helpers for the store tests: real projects in tmp_path and small sample records."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.core.model import Article, Block, BlockKind, Original, Theme
from briefer.store import Project

UTC = dt.UTC


def sample_article(title: str = "Grain corridor reopens", **changes: object) -> Article:
    text = (
        "Ukraine resumed grain exports through the Black Sea corridor on Monday.\n\n"
        "Shipping insurers in Zürich said premiums had fallen sharply since June."
    )
    fields: dict[str, object] = {
        "title": title,
        "text": text,
        "blocks": (
            Block(BlockKind.PARAGRAPH, 0, 71),
            Block(BlockKind.PARAGRAPH, 73, len(text)),
        ),
        "publisher": "Reuters",
        "author": "A. Writer",
        "published": dt.date(2024, 3, 4),
        "url": "https://example.com/news/grain",
        "language": "en",
        "source_format": "html",
        "source_name": "grain.html",
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def sample_original(data: bytes = b"<html><body>grain</body></html>" * 40) -> Original:
    return Original(filename="grain.html", media_type="text/html", data=data)


def theme(name: str = "Trade", colour: str = "#1F77B4", **changes: object) -> Theme:
    return Theme(name=name, colour=colour, **changes)  # type: ignore[arg-type]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "brief.briefer"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    with Project.create(project_path, title="Test brief") as opened:
        yield opened
