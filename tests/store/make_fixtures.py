"""Writes tests/data/store/project-v1.briefer, the fixture of format version 1.

Run once per format version with that version's Briefer (``python -m
tests.store.make_fixtures``); the file is committed and never regenerated later, so
newer Briefers are tested against what old ones really wrote.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from briefer.core.model import Article, Block, BlockKind, Note, Original, Passage, Section, Theme
from briefer.store import Project

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "store" / "project-v1.briefer"
WHEN = dt.datetime(2024, 3, 5, 9, 30, tzinfo=dt.UTC)
TEXT = (
    "Ukraine resumed grain exports through the Black Sea corridor on Monday.\n\n"
    "Shipping insurers in Zürich said premiums had fallen sharply since June."
)


def write(path: Path) -> None:
    with Project.create(path, title="Grain corridor (v1 fixture)") as project:
        trade = project.add_theme(Theme("Trade", "#1F77B4", keywords=("export*", "grain")))
        shipping = project.add_theme(Theme("Shipping", "#FF7F0E", position=1))
        article_id = project.add_article(
            Article(
                "Grain corridor reopens",
                TEXT,
                blocks=(Block(BlockKind.PARAGRAPH, 0, 71), Block(BlockKind.PARAGRAPH, 73, 145)),
                publisher="Reuters",
                published=dt.date(2024, 3, 4),
                url="https://example.com/news/grain",
                source_format="html",
                imported_at=WHEN,
            ),
            Original("grain.html", "text/html", ("<p>" + TEXT + "</p>").encode()),
        )
        passage_id = project.add_passage(
            Passage(
                article_id,
                8,
                35,
                TEXT[8:35],
                suffix=TEXT[35:67],
                theme_ids=(trade, shipping),
                created_at=WHEN,
            )
        )
        project.dismiss_suggestion(article_id, 73, 81, shipping)
        project.add_note(
            Note(
                "Weekly brief",
                date=dt.date(2024, 3, 8),
                sections=(Section("Summary", f"Exports resumed.[@{passage_id}]"),),
                created_at=WHEN,
                modified_at=WHEN,
            )
        )


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURE
    target.unlink(missing_ok=True)
    write(target)
    print(target)
