"""Calibration notes for the page estimate: notes of different shapes and page setups.

Each case is a note (with the passages and articles it cites) and, optionally, a
reference document built here with python-docx. render.py exports each with
Briefer's DOCX writer, has LibreOffice render it to PDF and writes the page counts
to expected.json; tests/exporters/test_page_estimate.py checks the estimate against
them. Deterministic: the same code makes the same notes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from collections.abc import Callable
from pathlib import Path

from briefer.core.citations import quotation_markdown
from briefer.core.draft import draft_note
from briefer.core.model import Article, Note, Passage, Section, Theme
from briefer.core.record import Record
from briefer.core.templates import template_from_data
from briefer.exporters.document import ExportDocument
from briefer.exporters.page_profile import PageProfile

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected.json"
TEMPLATES = HERE.parents[3] / "resources" / "templates"
_TEXT = (
    "the minister said trade talks would resume next week after a pause over steel quotas "
    "and port fees while officials in both capitals expect a deal before the winter "
    "session of parliament exporters warned that delays at the border cost them millions "
    "each month analysts note that freight volumes fell by a fifth in the third quarter "
    "as shipping lines rerouted vessels around the strait energy prices rose sharply in "
    "response to the outage at the northern terminal defence planners are reviewing the "
    "exercise schedule with allies regional governments asked for compensation and "
    "clearer rules"
)
_WORDS = _TEXT.split()


def sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 98)}%")
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


class Case(Record, frozen=True):
    note: Note
    passages: dict[int, Passage]
    articles: dict[int, Article]
    reference: Callable[[Path], Path] | None = None
    """Writes a reference document into the folder given and returns its path."""


class _Sources:
    """Articles and passages made up as a note cites them."""

    def __init__(self, rng: random.Random, articles: int = 12) -> None:
        self.rng = rng
        self.articles = {
            i: Article(
                title=sentence(rng, 4, 9).rstrip("."),
                text="...",
                publisher=rng.choice(["The Courier", "Harbour Times", "Reuters", "Le Monde"]),
                published=dt.date(2025, 1 + i % 12, 1 + i % 27),
                url=f"https://news.example.org/{2025}/{i:03d}/{'-'.join(_WORDS[i : i + 4])}",
                id=i,
            )
            for i in range(1, articles + 1)
        }
        self.passages: dict[int, Passage] = {}

    def quote(self, low: int = 1, high: int = 3) -> str:
        number = len(self.passages) + 1
        text = " ".join(sentence(self.rng) for _ in range(self.rng.randint(low, high)))
        article = self.rng.choice(list(self.articles))
        self.passages[number] = Passage(article, 0, len(text), text, id=number)
        return quotation_markdown(text, number)


def _meta(**extra: object) -> dict[str, object]:
    return {
        "author": "A. Analyst",
        "date": dt.date(2025, 12, 5),
        "recipient": "Head of Trade Policy",
        "reference": "BR-2025-117",
        **extra,
    }


def short_memo() -> Case:
    rng = random.Random(1)
    src = _Sources(rng, 3)
    sections = (
        Section("Summary", paragraph(rng, 3) + "\n\n" + src.quote(), position=0),
        Section("Background", paragraph(rng, 4) + "\n\n" + src.quote(), position=1),
        Section("Next steps", paragraph(rng, 2), position=2),
    )
    note = Note("Steel quotas: where the talks stand", sections=sections, **_meta())  # type: ignore[arg-type]
    return Case(note, src.passages, src.articles)


def footnotes_40() -> Case:
    """A long note citing 40 passages, each a footnote, some cited twice."""
    rng = random.Random(2)
    src = _Sources(rng, 15)
    sections = []
    for s in range(8):
        parts = []
        for _ in range(5):
            parts.append(paragraph(rng, rng.randint(2, 5)))
            parts.append(src.quote(1, 2))
        if s % 3 == 2:
            parts.append(f"As noted above [@p{rng.randint(1, len(src.passages))}].")
        sections.append(Section(sentence(rng, 2, 5).rstrip("."), "\n\n".join(parts), position=s))
    note = Note("Trade and energy: the autumn in review", sections=tuple(sections),
                **_meta(marking="OFFICIAL-SENSITIVE"))  # type: ignore[arg-type]  # fmt: skip
    return Case(note, src.passages, src.articles)


def tables() -> Case:
    rng = random.Random(3)
    src = _Sources(rng, 4)
    sections = []
    for s in range(3):
        columns = 3 + s
        header = "| " + " | ".join(f"Col {c} {_WORDS[c]}" for c in range(columns)) + " |"
        rule = "|" + "---|" * columns
        rows = []
        for _ in range(6 + 4 * s):
            cells = [
                sentence(rng, 1, 3 if c else 2).rstrip(".")
                if rng.random() < 0.6
                else sentence(rng, 6, 14).rstrip(".")
                for c in range(columns)
            ]
            rows.append("| " + " | ".join(cells) + " |")
        body = (
            paragraph(rng, 3)
            + "\n\n"
            + "\n".join([header, rule, *rows])
            + "\n\n"
            + src.quote()
            + "\n\n"
            + paragraph(rng, 2)
        )
        sections.append(Section(f"Figures {s + 1}", body, position=s))
    note = Note("Freight and prices in figures", sections=tuple(sections), **_meta())  # type: ignore[arg-type]
    return Case(note, src.passages, src.articles)


def _themes() -> list[Theme]:
    names = ["Trade", "Defence", "Mobility", "Energy", "Technology", "Finance"]
    return [Theme(n, "#336699", id=i + 1, position=i) for i, n in enumerate(names)]


def _drafted(template_file: str, seed: int, per_theme: int, title: str) -> tuple[Note, _Sources]:
    rng = random.Random(seed)
    src = _Sources(rng, 20)
    template = template_from_data(json.loads((TEMPLATES / template_file).read_text("utf-8")))
    themes = _themes()
    passages = []
    for theme in themes:
        for _ in range(per_theme):
            src.quote(1, 3)
            number = len(src.passages)
            passage = src.passages[number]
            # Each passage at its own place: nested spans would be drafted once (the
            # longer quoted, the fragment inside it not), not the note this calibrates.
            start = number * 100_000
            tagged = Passage(passage.article_id, start, start + len(passage.text), passage.text,
                             theme_ids=(theme.id or 0,), id=number)  # fmt: skip
            src.passages[number] = tagged
            passages.append(tagged)
    published = {a.id or 0: a.published for a in src.articles.values()}
    note = draft_note(template, title=title, themes=themes, passages=passages,
                      published=published, author="A. Analyst", marking="OFFICIAL",
                      date=dt.date(2025, 12, 5))  # fmt: skip
    return note, src


def one_page_brief() -> Case:
    """The One-page brief as drafted: guidance as placeholders, two quotations a theme."""
    note, src = _drafted("one-page-brief.json", 4, 4, "Weekly brief: ports and power")
    return Case(note, src.passages, src.articles)


def briefing_note_a4() -> Case:
    """A drafted Briefing note, exported on an A4 reference document with 2 cm margins."""
    note, src = _drafted("briefing-note.json", 5, 6, "Briefing: the northern strait")
    return Case(note, src.passages, src.articles, reference=_a4_reference)


def lists_and_code() -> Case:
    rng = random.Random(6)
    src = _Sources(rng, 3)
    parts = []
    for _ in range(4):
        parts.append(paragraph(rng, 2))
        parts.append("\n".join(f"- {sentence(rng, 4, 18)}" for _ in range(4)))
        parts.append("\n".join(f"1. {sentence(rng, 4, 18)}\n   - {sentence(rng, 3, 9)}"
                               for _ in range(3)))  # fmt: skip
        parts.append("```\n" + "\n".join(f"row {i}: {sentence(rng, 2, 6)}" for i in range(5))
                     + "\n```")  # fmt: skip
        parts.append("---")
        parts.append(src.quote())
    sections = (
        Section("Actions", "\n\n".join(parts[:12]), position=0),
        Section("Detail", "\n\n".join(parts[12:]), level=2, position=1),
        Section("Annex", "### Minor point\n\n" + paragraph(rng, 6), position=2),
    )
    note = Note("Actions and owners", sections=sections, **_meta(marking="OFFICIAL"))  # type: ignore[arg-type]
    return Case(note, src.passages, src.articles)


def times_letter() -> Case:
    """A note on a Letter reference document set in Times New Roman 12 pt, 1 inch margins."""
    rng = random.Random(7)
    src = _Sources(rng, 8)
    sections = tuple(
        Section(
            sentence(rng, 2, 4).rstrip("."),
            "\n\n".join(paragraph(rng, 4) + "\n\n" + src.quote(1, 2) for _ in range(3)),
            position=i,
        )
        for i in range(5)
    )
    note = Note("Energy outlook", sections=sections, **_meta())  # type: ignore[arg-type]
    return Case(note, src.passages, src.articles, reference=_times_reference)


def long_320() -> Case:
    """The benchmark's shape: eight sections, 320 quotations, a line of comment each."""
    rng = random.Random(8)
    src = _Sources(rng, 60)
    sections = tuple(
        Section(
            f"Theme {s + 1}",
            "\n\n".join(src.quote(1, 2) + "\n\n" + sentence(rng) for _ in range(40)),
            position=s,
        )
        for s in range(8)
    )
    note = Note("Everything tagged this quarter", sections=sections, **_meta())  # type: ignore[arg-type]
    return Case(note, src.passages, src.articles)


def headings_many() -> Case:
    """Thirty short sections at three levels: headings kept with their text at page ends."""
    rng = random.Random(9)
    src = _Sources(rng, 5)
    sections = []
    for s in range(30):
        body = paragraph(rng, rng.randint(1, 3))
        if s % 4 == 1:
            body += "\n\n" + src.quote(1, 1)
        if s % 5 == 3:
            body = f"## {sentence(rng, 2, 4).rstrip('.')}\n\n" + body
        sections.append(Section(sentence(rng, 2, 6).rstrip("."), body, 1 + s % 3, position=s))
    note = Note("Situation by district", sections=tuple(sections), **_meta())  # type: ignore[arg-type]
    return Case(note, src.passages, src.articles)


def long_quotes() -> Case:
    """Twelve long quotations that break across pages, each with its footnote."""
    rng = random.Random(10)
    src = _Sources(rng, 6)
    parts = []
    for _ in range(12):
        parts.append(paragraph(rng, 1))
        parts.append(src.quote(8, 14))
    sections = (Section("What they said", "\n\n".join(parts), position=0),)
    note = Note("Statements in full", sections=sections, **_meta(marking="OFFICIAL"))  # type: ignore[arg-type]
    return Case(note, src.passages, src.articles)


def arial_a4() -> Case:
    """An A4 reference in Arial 10 pt with 1.5 cm margins and its own heading sizes."""
    rng = random.Random(11)
    src = _Sources(rng, 8)
    sections = tuple(
        Section(
            sentence(rng, 2, 4).rstrip("."),
            "\n\n".join(paragraph(rng, 5) + "\n\n" + src.quote(1, 3) for _ in range(4)),
            1 + i % 2,
            position=i,
        )
        for i in range(6)
    )
    note = Note("Regional outlook", sections=sections, **_meta())  # type: ignore[arg-type]
    return Case(note, src.passages, src.articles, reference=_arial_reference)


def _arial_reference(folder: Path) -> Path:
    import docx
    from docx.shared import Cm, Pt

    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    for name, font, size in (("Normal", "Arial", 10), ("Heading 1", "Arial", 16),
                             ("Heading 2", "Arial", 12), ("Title", "Arial", 20)):  # fmt: skip
        style = word.styles[name]
        style.font.name = font
        style.font.size = Pt(size)
    word.styles["Normal"].paragraph_format.space_after = Pt(4)
    target = folder / "arial-reference.docx"
    word.save(str(target))
    return target


def _a4_reference(folder: Path) -> Path:
    import docx
    from docx.shared import Cm

    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    target = folder / "a4-reference.docx"
    word.save(str(target))
    return target


def _times_reference(folder: Path) -> Path:
    import docx
    from docx.shared import Inches, Pt

    word = docx.Document()
    section = word.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    normal = word.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    target = folder / "times-reference.docx"
    word.save(str(target))
    return target


def setup(profile: PageProfile) -> dict[str, object]:
    """What the rendered counts depend on: page, margins, and the body and footnote formats.

    Stored with the counts; when the writer's output changes, the counts are re-rendered.
    """
    body, note = profile.format("paragraph"), profile.footnote
    return {
        "page": [round(profile.page_width, 1), round(profile.page_height, 1)],
        "margins": [
            round(m, 1) for m in (profile.top, profile.bottom, profile.left, profile.right)
        ],
        "body": [body.font, body.size, body.after, round(body.line, 3)],
        "footnote": [note.font, note.size, note.after, round(note.line, 3)],
    }


def digest(document: ExportDocument) -> str:
    """A short fingerprint of the note's exported text: a count belongs to one text."""
    parts = [document.metadata.title]
    for block in document.blocks:
        parts.append(block.kind.value + block.text + "".join(r.text for r in block.runs))
        if block.table is not None:
            cells = [c for row in (block.table.header, *block.table.rows) for c in row]
            parts.extend("".join(r.text for r in cell) for cell in cells)
    parts.extend(f.text for f in document.footnotes)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


CASES: dict[str, Callable[[], Case]] = {
    "short-memo": short_memo,
    "footnotes-40": footnotes_40,
    "tables": tables,
    "one-page-brief": one_page_brief,
    "briefing-note-a4": briefing_note_a4,
    "lists-and-code": lists_and_code,
    "times-letter": times_letter,
    "long-320": long_320,
    "headings-many": headings_many,
    "long-quotes": long_quotes,
    "arial-a4": arial_a4,
}
