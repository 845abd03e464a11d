"""Footnotes that differ from page to page only by figures are text, not running footers."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from briefer.core.model import Article
from briefer.importers.base import ImportLimits
from briefer.importers.pdf import PdfImporter
from briefer.importers.pdffurniture import remove_furniture
from briefer.importers.pdflayout import Line, Page

PDF = Path(__file__).parents[1] / "data" / "importers" / "pdf"


def _import(name: str) -> Article:
    return PdfImporter().extract((PDF / name).read_bytes(), name, ImportLimits())


def _paragraphs(article: Article) -> list[str]:
    return [article.block_text(block) for block in article.blocks]


def _fodt(name: str) -> tuple[list[str], list[str]]:
    """A .fodt's paragraphs (each note's mark where it stands) and its notes ("n text")."""
    source = (PDF / name).read_text(encoding="utf-8")
    body = source[source.index("<office:text>") : source.index("</office:text>")]
    notes: list[str] = []

    def mark(found: re.Match[str]) -> str:
        notes.append(f"{found.group(1)} {found.group(2)}")
        return found.group(1)

    body = re.sub(
        r"<text:note [^>]*><text:note-citation>(\d+)</text:note-citation>"
        r"<text:note-body><text:p[^>]*>(.*?)</text:p></text:note-body></text:note>",
        mark,
        body,
    )
    paragraphs = [
        re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<text:p[^>]*>(.*?)</text:p>", body)
    ]
    return paragraphs, notes


def _tex(name: str) -> tuple[list[str], list[str]]:
    """A .tex report's paragraphs (each \\footnote as its number) and its notes ("n text")."""
    source = (PDF / name).read_text(encoding="utf-8")
    body = source[source.index("\\begin{document}") + 16 : source.index("\\end{document}")]
    notes: list[str] = []

    def mark(found: re.Match[str]) -> str:
        notes.append(f"{len(notes) + 1} {found.group(1)}")
        return str(len(notes))

    body = re.sub(r"\\footnote\{(.*?)\}", mark, body, flags=re.S)
    body = re.sub(r"\\section\*\{(.*?)\}", r"\1\n\n", body).replace("\\newpage", "\n\n")
    clean = [
        " ".join(p.replace("~", " ").replace("'", "\u2019").split())
        for p in (*body.split("\n\n"), *notes)
    ]
    return [p for p in clean[: -len(notes)] if p], clean[-len(notes) :]


def _words(texts: list[str]) -> Counter[str]:
    return Counter(word for text in texts for word in " ".join(text.split()).split())


def _assert_notes_in_place(got: list[str], notes: list[str]) -> None:
    """Each note whole, as a paragraph of its own, after the paragraph carrying its mark,
    in the order of the notes."""
    at = -1
    for note in notes:
        number, text = note.split(" ", 1)
        assert f"{number} {' '.join(text.split())}" in got, note
        place = got.index(f"{number} {' '.join(text.split())}")
        marked = next(
            i for i, p in enumerate(got) if re.search(rf"\D{number}(?:\s|$)", p) and i < place
        )
        assert at < place and marked < place
        at = place


def test_libreoffice_footnotes_differing_only_by_figures_stay_in_the_text() -> None:
    """LibreOffice 7.4, six A5 pages without page numbers: one note a page, each at the
    same height ("1", a tab, "See Annex 2."; "2", "Ibid., p. 12."; ...), note n on page n.
    Every word of every note is read, after its paragraph; nothing else is added."""
    article = _import("footnotes-office.pdf")
    paragraphs, notes = _fodt("footnotes-office.fodt")
    got = _paragraphs(article)
    assert notes == [
        "1 See Annex 2.", "2 Ibid., p. 12.", "3 Ibid., p. 14.",
        "4 See Annex 4.", "5 Ibid., p. 31.", "6 See Annex 2.",
    ]  # fmt: skip
    _assert_notes_in_place(got, notes)
    assert _words(got) == _words([*paragraphs, *notes])


def test_pdftex_footnotes_ibid_with_page_figures_stay_and_page_numbers_go() -> None:
    """pdfTeX, six pages with plain page numbers: notes "Ibid., p. 12." and "p. 14." end
    pages 2 and 3 at one height, "Interview, 3 May 2025." and "Interview, 9 May 2025."
    share a page, "See Annex 2." and "See Annex 4." close the last. The notes' numbers are
    raised; the page numbers must go and every note's word stay."""
    article = _import("footnotes-latex.pdf")
    paragraphs, notes = _tex("footnotes-latex.tex")
    got = _paragraphs(article)
    assert "2 Ibid., p. 12." in notes and "7 Ibid., p. 31." in notes
    _assert_notes_in_place(got, notes)
    assert _words(got) == _words([*paragraphs, *notes])  # no page number "1" ... "6" left


def test_running_footers_with_changing_figures_go_and_notes_numbered_as_the_pages_stay() -> None:
    """LibreOffice 7.4, seven pages: no head or foot on page 1; on the others a head
    "Harbour Board · Page n of 7", a footer "Annual Report 2025 — n" on odd pages and "n",
    a tab, "Annual Report" on even ones, over "Issued 3 May 2026" on every page. Note n
    falls on page n, four of them "Ibid." at one height, right above the footer that
    opens with the same number. All the furniture goes, every note stays."""
    article = _import("footers-office.pdf")
    paragraphs, notes = _fodt("footers-office.fodt")
    got = _paragraphs(article)
    assert sum(note.endswith(" Ibid.") for note in notes) == 4
    _assert_notes_in_place(got, notes)
    assert _words(got) == _words([*paragraphs, *notes])
    for furniture in ("Annual Report", "Issued", "Page", "2026", "·"):
        assert furniture not in article.text


def _page(index: int, *foot: Line, refer: str = "") -> Page:
    body = tuple(
        Line(
            f"Line {row} of page {index + 1} says its own thing.{refer if row == 5 else ''}",
            72, 520, 700 - 14 * row, 10, index,
            marks=(refer,) if refer and row == 5 else (),
        )
        for row in range(30)
    )  # fmt: skip
    return Page((*body, *foot), 595, 842)


def _texts(kept: list[list[Line]], below: float = 100) -> list[list[str]]:
    return [[line.text for line in page if line.baseline < below] for page in kept]


def test_a_note_a_page_numbered_as_the_pages_is_told_from_a_footer_by_its_evidence() -> None:
    # One note a page at one height, note n on page n, each "n", a tab, then text whose
    # only figure is its number. The body refers to it: a note, even with no page numbers.
    notes = [
        _page(
            n,
            Line(str(n + 1), 72, 76, 60, 8, n),
            Line("Ibid.", 84, 100, 60, 8, n),
            refer=str(n + 1),
        )
        for n in range(6)
    ]
    assert _texts(remove_furniture(notes)) == [[str(n + 1), "Ibid."] for n in range(6)]
    # A footer "n", a tab, "Annual Report" under each note, which the body refers to once:
    # the note above it. The footer goes, the note stays.
    footed = [
        _page(
            n,
            Line(str(n + 1), 72, 76, 60, 8, n), Line("Ibid.", 84, 100, 60, 8, n),
            Line(str(n + 1), 72, 76, 30, 8, n), Line("Annual Report", 84, 150, 30, 8, n),
            refer=str(n + 1),
        )
        for n in range(6)
    ]  # fmt: skip
    assert _texts(remove_furniture(footed)) == [[str(n + 1), "Ibid."] for n in range(6)]
    # The same footer as a head over the text: it goes, the note stays.
    headed = [
        _page(
            n,
            Line(str(n + 1), 72, 76, 60, 8, n), Line("Ibid.", 84, 100, 60, 8, n),
            Line(str(n + 1), 72, 76, 800, 8, n), Line("Annual Report", 84, 150, 800, 8, n),
            refer=str(n + 1),
        )
        for n in range(6)
    ]  # fmt: skip
    kept = remove_furniture(headed)
    assert _texts(kept) == [[str(n + 1), "Ibid."] for n in range(6)]
    assert all(max(line.baseline for line in page) < 800 for page in kept)
    # Raised numbers opening each note (LaTeX), with the same text on every page (notes
    # numbered from 1 on each page): notes, though the body's marks are not read.
    raised = [
        _page(n, Line("1 See the Act of 1998, s. 4.", 72, 200, 60, 8, n, marks=("1",)))
        for n in range(6)
    ]
    assert _texts(remove_furniture(raised)) == [["1 See the Act of 1998, s. 4."]] * 6
    # Numbers typed "[n]" or "n." before the note, which the text refers to: notes.
    for typed in ("[{}] Ibid.", "{}. Ibid."):
        pages = [
            _page(n, Line(typed.format(n + 1), 72, 120, 60, 8, n), refer=str(n + 1))
            for n in range(6)
        ]
        assert _texts(remove_furniture(pages)) == [[typed.format(n + 1)] for n in range(6)]


def test_footers_whose_figures_count_with_the_pages_go_beside_notes_whose_figures_do_not() -> None:
    footers = [
        lambda n: f"Report 2026 | {n + 1}",
        lambda n: f"Page {n + 1} of 12",
        lambda n: f"{n + 1} | Annual Report",
        lambda n: f"Annual Report 2025 — {n + 14}",
        lambda n: "Printed on 3 May 2026",
        lambda n: "3 May 2026",  # a date opening with a figure, the same on every page
        lambda n: f"Chapter {n // 4 + 1} | {n + 1}",  # the chapter's number stays a few pages
    ]
    notes = ["Ibid., p. 12.", "See Annex 2.", "Interview, 3 May 2025.", "See Annex 4.",
             "Ibid., p. 14.", "Ibid., p. 31.", "Interview, 9 May 2025.", "Ibid., p. 12.",
             "See Annex 2.", "Ibid., p. 40.", "See Annex 7.", "Interview, 12 May."]  # fmt: skip
    for footer in footers:
        # Plain notes (no raised number, no reference read), number n + 3 on page n:
        # their other figures change without counting, so they are no furniture.
        pages = [
            _page(
                n,
                Line(f"{n + 3} {notes[n]}", 72, 260, 60, 8, n),
                *(
                    (Line(footer(n), 250, 350, 30, 8, n),)
                    if n % 5 != 2  # some pages lack the footer
                    else ()
                ),
            )
            for n in range(12)
        ]
        kept = _texts(remove_furniture(pages))
        assert kept == [[f"{n + 3} {notes[n]}"] for n in range(12)], footer(0)
    # Even and odd pages apart, each counting with the pages.
    pages = [
        _page(
            n,
            Line(f"{n + 1} {notes[n]}", 72, 260, 60, 8, n, marks=(str(n + 1),)),
            Line(
                f"{n + 1} | Annual Report" if n % 2 else f"Annual Report | {n + 1}",
                72,
                200,
                30,
                8,
                n,
            ),
        )
        for n in range(12)
    ]
    assert _texts(remove_furniture(pages)) == [[f"{n + 1} {notes[n]}"] for n in range(12)]


def _symbol_fodt(name: str) -> list[str]:
    """A .fodt report of one region a page as it should read: its heading, paragraphs
    (each note's symbol where it stands) and table rows ("a | b | c"), then its notes."""
    source = (PDF / name).read_text(encoding="utf-8")
    body = source[source.index("<office:text>") : source.index("</office:text>")]
    out: list[str] = []
    for page in body.split("<text:h ")[1:]:
        notes = re.findall(
            r"<text:note-citation text:label=\"([^\"]+)\">.*?<text:p[^>]*>(.*?)</text:p>", page
        )
        page = re.sub(r"<text:note .*?<text:note-citation[^>]*>(.*?)</text:note-citation>.*?"
                      r"</text:note>", r"\1", f"<text:h {page}")  # fmt: skip
        page = re.sub(
            r"<table:table-row>(.*?)</table:table-row>",
            lambda row: f"<text:p>{' | '.join(re.findall(r'>([^<]+)</text:p>', row[1]))}</text:p>",
            page,
        )
        out += re.findall(r"<text:[ph]\b[^>]*>([^<]*)</text:[ph]>", page)
        out += [f"{mark} {text}" for mark, text in notes]
    return [" ".join(p.split()) for p in out]


def test_notes_marked_with_symbols_that_repeat_on_many_pages_stay_and_the_furniture_goes() -> None:
    """LibreOffice 7.4, five A5 pages, one region a page: a table whose caption carries a
    note "*" (custom mark) "Figures are provisional." on every page, "†" "Data: national
    statistics office." on two of them, "‡" and "§" once; a head "Regional Water Accounts
    2025 <tab> Confidential", a footer "Page n of 5" over the report's address. Each
    repeated note stands at one height on 40% of the pages or more, like a footer, and
    in the same place on most pages, like a stamp: the body's raised marks tell them
    apart. The notes keep their marks whether the mark is glued to the note or set
    apart by a hanging indent; the head and footer go."""
    for name in ("symbolnotes.pdf", "symbolnotes-apart.pdf"):
        expected = _symbol_fodt(name.replace(".pdf", ".fodt"))
        assert expected.count("* Figures are provisional.") == 5
        assert expected.count("† Data: national statistics office.") == 2
        assert "Use | 2024 | 2025" in expected
        got = _paragraphs(_import(name))
        assert got == expected, name
        text = "\n".join(got)
        for furniture in ("Regional Water", "Confidential", "Page ", "https://"):
            assert furniture not in text, (name, furniture)


def test_a_line_opening_with_a_symbol_is_a_note_only_when_the_text_refers_to_it() -> None:
    note = "* Figures are provisional."
    # The same note at one height on every page, the text's mark raised or glued to a word
    # at text size ("metres*"): a note each time, though it repeats like a footer.
    raised = [_page(n, Line(note, 72, 200, 60, 8, n), refer="*") for n in range(6)]
    assert _texts(remove_furniture(raised)) == [[note]] * 6
    # A glued mark shows a note above the page's foot (here its number, which goes).
    glued = [
        Page(
            (*_page(n).lines[:-1], Line("Use in million cubic metres*", 72, 300, 290, 10, n),
             Line(note, 72, 200, 60, 8, n), Line(str(n + 1), 290, 300, 30, 8, n)),
            595, 842,
        )
        for n in range(6)
    ]  # fmt: skip
    assert _texts(remove_furniture(glued)) == [[note]] * 6
    # At the foot itself a line opening with "*" is a running footer: a glued "*" is as
    # often a search term ("harbour*") or a flagged price as a reference to a note.
    footer = "* Confidential – not for circulation"
    searched = [
        Page(
            (*_page(n).lines[:-1], Line("Search: harbour* OR port*", 72, 300, 290, 10, n),
             Line(footer, 72, 300, 30, 8, n)),
            595, 842,
        )
        for n in range(6)
    ]  # fmt: skip
    assert _texts(remove_furniture(searched)) == [[]] * 6
    # "*", a tab, the note (Word sets its marks so): the mark and its words stay.
    apart = [
        _page(n, Line("*", 72, 76, 60, 8, n), Line(note[2:], 90, 200, 60, 8, n), refer="*")
        for n in range(6)
    ]
    assert _texts(remove_furniture(apart)) == [["*", note[2:]]] * 6
    # Running lines opening with a symbol the text does not refer to are furniture; so is
    # one whose symbol, a section sign, stands before a figure, however the text refers.
    for footer in ("* Draft for consultation", "† Harbour Board", "§ 12 Definitions"):
        pages = [_page(n, Line(footer, 72, 200, 30, 8, n), refer="§") for n in range(6)]
        assert _texts(remove_furniture(pages)) == [[]] * 6, footer


@pytest.mark.parametrize(
    ("name", "footer", "glued"),
    [
        ("starfooter.pdf", "Confidential – not for circulation", "harbour* OR port*"),
        ("daggerfooter.pdf", "In memory of the founding members", "Captain John Marsh†"),
    ],
)
def test_a_footer_opening_with_a_symbol_goes_though_the_text_glues_that_symbol_to_words(
    name: str, footer: str, glued: str
) -> None:
    """LibreOffice 7.4: the footer alone at each page's foot; the text's glued symbols
    refer to no note. Before, the footer was kept as a note and landed mid-sentence."""
    text = _import(name).text
    assert glued in text
    assert footer not in text


def test_a_key_to_the_marks_at_the_text_s_size_stays_a_table() -> None:
    """LibreOffice 7.4: "†", "‡", "§", "¶" and their meanings, a two-column table set at
    the text's size (notes are set smaller). Before, the rows ran into one paragraph
    with the paragraph after them."""
    paragraphs = _paragraphs(_import("symbolkey.pdf"))
    start = paragraphs.index("Key to the marks in the list of chairs:")
    assert paragraphs[start + 1 : start + 5] == [
        "† | Died in office",
        "‡ | Resigned before the end of the term",
        "§ | Served two terms",
        "¶ | Acting chair only",
    ]
    assert paragraphs[start + 5].startswith("Each club was asked")


def test_a_key_to_the_marks_in_small_type_stays_a_table() -> None:
    """The same key set at 9 points under 11-point text: smaller, like notes, but its
    meanings are no sentences, so it stays a table of mark and meaning."""
    paragraphs = _paragraphs(_import("symbolkey-small.pdf"))
    start = paragraphs.index("Key to the marks in the list of chairs:")
    assert paragraphs[start + 1 : start + 3] == [
        "† | Died in office",
        "‡ | Resigned before the end of the term",
    ]
