"""Page estimate figures: the Composer's estimate for a note of 320 quotations (target < 50 ms).

    python bench/bench_pages.py [--rounds N]

Builds bench_export's project (60 articles, 320 passages over eight themes, in
bench/out/pages.briefer) and drafts the Briefing note from every theme: a real
note of 320 quotations in a real project file. Then times what the Composer
pays on each keystroke: PageCounter.estimate on the note with one section just
edited (read what it cites from the project, build the export document from the
sections kept and the one re-parsed, lay it out), against the cold path (every
section parsed, nothing measured yet), and once per window the profile of the
export's page (a probe note exported and read back). Each in Briefer's plain
citation form and in the default CSL style (Chicago notes: full, then short
notes), whose renderings the process keeps. Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from briefer.core.record import replace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_export import OUT, build_project  # noqa: E402

from briefer.core.model import Note  # noqa: E402
from briefer.exporters import DEFAULT_STYLE  # noqa: E402
from briefer.session import Session, draft_command, load_templates  # noqa: E402
from briefer.session.export import cited_material  # noqa: E402
from briefer.session.pages import PageCounter  # noqa: E402

TARGET_MS = 50


def _ms(seconds: list[float]) -> str:
    return f"median {statistics.median(seconds) * 1000:6.1f} ms, max {max(seconds) * 1000:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    # Renderings are kept under bench/out/home, not the user's cache; the first
    # estimate in Chicago then renders every source, as on a first start.
    os.environ["BRIEFER_HOME"] = str(OUT / "home")
    shutil.rmtree(OUT / "home" / "cache" / "citations", ignore_errors=True)
    path = OUT / "pages.briefer"
    names = build_project(path)
    with Session.open(path) as session:
        template = load_templates().named("Briefing note")
        command = draft_command(session.query, template, title="Bench", theme_names=names)
        session.do(command)
        note = session.query.get_note(command.note_id or 0)
        quotations = sum(s.body.count("[@p") for s in note.sections)

        started = time.perf_counter()
        profile = PageCounter().profile  # made on first use, as in the Composer
        profile_ms = (time.perf_counter() - started) * 1000
        print(f"Page estimate: {len(note.sections)} sections, {quotations} quotations, "
              f"{args.rounds} rounds")  # fmt: skip
        print(f"  page profile, once per window (python-docx load included): {profile_ms:.0f} ms")
        for style in (None, DEFAULT_STYLE):
            name = style or "Briefer's plain form"
            started = time.perf_counter()
            first = PageCounter(citation_style=style, profile=profile)
            result = first.estimate(session.query, note)
            first_ms = (time.perf_counter() - started) * 1000
            counter = PageCounter(citation_style=style, profile=profile)
            counter.estimate(session.query, note)
            cold, warm = [], []
            edited_note = note
            for round_ in range(args.rounds):
                started = time.perf_counter()
                PageCounter(citation_style=style, profile=profile).estimate(
                    session.query, edited_note
                )
                cold.append(time.perf_counter() - started)
                # The analyst types a word in the longest section: only it is parsed again.
                sections = list(edited_note.sections)
                longest = max(range(len(sections)), key=lambda i: len(sections[i].body))
                edited = replace(sections[longest], body=sections[longest].body + f" word{round_}")
                sections[longest] = edited
                edited_note = replace(edited_note, sections=tuple(sections))
                started = time.perf_counter()
                counter.estimate(session.query, edited_note)
                warm.append(time.perf_counter() - started)
            print(f"  citations in {name}: {result.length} pages, "
                  f"{len(first.document(*_cited(session, note)).footnotes)} footnotes")  # fmt: skip
            print(f"    first estimate in the process (style parsed, sources rendered): "
                  f"{first_ms:.0f} ms")  # fmt: skip
            print(f"    estimate, nothing kept (first show of a note): {_ms(cold)}")
            print(f"    estimate after a keystroke:                    {_ms(warm)}   "
                  f"target < {TARGET_MS} ms")  # fmt: skip


def _cited(session: Session, note: Note) -> tuple[Note, Any, Any]:
    passages, articles = cited_material(session.query, note)
    return note, passages, articles


if __name__ == "__main__":
    main()
