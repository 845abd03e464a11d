"""Writes tests/data/store/project-vN.briefer, the fixture of each format version.

Run once per format version with that version's Briefer (``python -m
tests.store.make_fixtures [VERSION]``); the file is committed and never regenerated
later, so newer Briefers are tested against what old ones really wrote. (The v2 file was
written by the v2 Briefer: its store let one span be tagged twice, which v3 merges.)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from briefer.core.model import Article, Block, BlockKind, Note, Original, Passage, Section, Theme
from briefer.store import Project

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "store"
FIXTURE = FIXTURES / "project-v1.briefer"
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


def write_v2(path: Path) -> None:
    """Version 2 as analysts left it: the same words tagged twice, once per theme, each
    with a comment, and a note quoting both (the duplicate of issue 13)."""
    with Project.create(path, title="Grain corridor (v2 fixture)") as project:
        trade = project.add_theme(Theme("Trade", "#1F77B4", shortcut="1"))
        shipping = project.add_theme(Theme("Shipping", "#FF7F0E", shortcut="2", position=1))
        energy = project.add_theme(Theme("Energy", "#2CA02C", shortcut="3", position=2))
        article_id = project.add_article(
            Article(
                "Grain corridor reopens",
                TEXT,
                blocks=(Block(BlockKind.PARAGRAPH, 0, 71), Block(BlockKind.PARAGRAPH, 73, 145)),
                publisher="Reuters",
                author="A. Writer",
                published=dt.date(2024, 3, 4),
                url="https://example.com/news/grain",
                source_format="html",
                imported_at=WHEN,
            )
        )
        ids = [
            project.add_passage(
                Passage(
                    article_id, 0, 71, TEXT[:71], theme_ids=themes, comment=comment, created_at=WHEN
                )
            )
            for themes, comment in (
                ((trade,), "Check the date."),
                ((shipping, trade), ""),
                ((energy,), "Insurers confirm."),
            )
        ]
        other = project.add_passage(
            Passage(article_id, 73, 145, TEXT[73:145], theme_ids=(shipping,), created_at=WHEN)
        )
        first, second, third = (f"[@p{i}]" for i in ids)
        project.add_note(
            Note(
                "Weekly brief",
                date=dt.date(2024, 3, 8),
                sections=(
                    Section("Summary", f'> "Grain moves."{first}\n\nAgain:{second}'),
                    Section("Detail", f"Insurers{third} and [@p{other}]; `{second}` is code."),
                ),
                created_at=WHEN,
                modified_at=WHEN,
            )
        )


if __name__ == "__main__":
    version = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    target = FIXTURES / f"project-v{version}.briefer"
    target.unlink(missing_ok=True)
    {1: write, 2: write_v2}[version](target)
    print(target)
