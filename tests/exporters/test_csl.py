"""Citations in a CSL style, read back from real DOCX and Markdown files.

Chicago notes: a full first note, a short note after, "Ibid." straight after
where the style says so; author-date styles: citations in the text and no
footnotes; the bibliography in the style's order, hanging, with links.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.model import Article, Note, Passage, Section
from briefer.exporters import export_note
from briefer.exporters.citations_csl import csl_item, short_title
from briefer.exporters.csl_names import parse_names
from briefer.exporters.csl_styles import CitationStyleError, StyleInfo, resolve_style
from briefer.exporters.document import RunKind, build_document
from briefer.resources import resource_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
STYLES = resource_path("csl")


def style(name: str) -> StyleInfo:
    return resolve_style(name, STYLES)


@pytest.fixture
def articles() -> dict[int, Article]:
    imported = dt.datetime(2025, 12, 6, 9, 0, tzinfo=dt.UTC)
    return {
        1: Article(
            title="Steel deal signed after night of talks",
            text="...",
            publisher="The Courier",
            author="Zoe Young",
            published=dt.date(2025, 12, 4),
            url="https://example.org/steel",
            imported_at=imported,
            id=1,
        ),
        2: Article(
            title="Ports brace for a hard winter",
            text="...",
            publisher="Harbour Weekly",
            author="Ann Adams",
            published=dt.date(2025, 11, 20),
            url="https://example.org/ports",
            imported_at=imported,
            id=2,
        ),
    }


@pytest.fixture
def passages() -> dict[int, Passage]:
    return {
        11: Passage(article_id=1, start=0, end=5, text="Tariffs fall to zero.", id=11),
        21: Passage(article_id=2, start=0, end=5, text="Queues will grow.", id=21),
        12: Passage(article_id=1, start=9, end=20, text="Quotas stay.", id=12),
        13: Passage(article_id=1, start=30, end=40, text="The deal lasts ten years.", id=13),
    }


@pytest.fixture
def note() -> Note:
    """Young cited, Adams cited, Young again (short), Young straight after (Ibid.)."""
    body = "\n\n".join(
        [
            quotation_markdown("Tariffs fall to zero.", 11),
            quotation_markdown("Queues will grow.", 21),
            "Quotas stay, say officials [@p12].",
            "The deal lasts ten years [@p13].",
        ]
    )
    return Note(title="Steel and ports", sections=(Section("Summary", body, level=1),))


def _footnotes(path: Path) -> list[ET.Element]:
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("word/footnotes.xml"))
    return [f for f in root.iter(f"{W}footnote") if f.get(f"{W}type") in (None, "normal")]


def _text(element: ET.Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t")).strip()


def _export(tmp_path: Path, note: Note, passages: dict[int, Passage],
            articles: dict[int, Article], name: str, suffix: str = ".docx") -> Path:  # fmt: skip
    target = tmp_path / f"note{suffix}"
    export_note(note, passages, articles, target, suffix[1:], style=style(name))
    return target


def test_chicago_ibid_footnotes_full_then_short_then_ibid(
    tmp_path: Path, note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    path = _export(tmp_path, note, passages, articles, "chicago-notes-bibliography-subsequent-ibid")
    texts = [_text(f) for f in _footnotes(path)]
    assert len(texts) == 4
    first, other, short, ibid = texts
    # CMOS 14.89 (a newspaper article): author, "title," paper, date, URL; the comma
    # inside the quotes as American usage (the en-US locale) has it.
    assert first == (
        "Zoe Young, “Steel Deal Signed After Night of Talks,” The Courier, "
        "December 4, 2025, https://example.org/steel."
    )
    assert other.startswith("Ann Adams, “Ports Brace for a Hard Winter,” Harbour Weekly")
    assert short == "Young, “Steel Deal Signed.”"  # CMOS 13.32: a short title of a few words
    assert ibid == "Ibid."


def test_british_style_keeps_punctuation_outside_quotes_and_oscola_lowercase_ibid(
    tmp_path: Path, note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    mhra = [f.text for f in build_document(note, passages, articles, style("mhra")).footnotes]
    assert mhra[0].startswith("Zoe Young, ‘Steel Deal Signed After Night of Talks’, The Courier")
    assert "[accessed 6 December 2025]" in mhra[0]
    oscola = [f.text for f in build_document(note, passages, articles, style("oscola")).footnotes]
    assert oscola[3].startswith("ibid")


def test_default_chicago_uses_the_short_form_where_the_18th_edition_drops_ibid(
    tmp_path: Path, note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    path = _export(tmp_path, note, passages, articles, "chicago-notes-bibliography")
    texts = [_text(f) for f in _footnotes(path)]
    assert texts[2] == texts[3]
    assert texts[3] == "Young, “Steel Deal Signed.”"
    # citeproc-py's own faults mended: no "Edition" label for an empty edition, and
    # the given name kept whole where the style says initialize="false".
    assert not any("dition" in t for t in texts)
    assert texts[0].startswith("Zoe Young")


def test_footnote_urls_are_real_hyperlinks(
    tmp_path: Path, note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    path = _export(tmp_path, note, passages, articles, "chicago")
    first = _footnotes(path)[0]
    links = list(first.iter(f"{W}hyperlink"))
    assert [_text(link) for link in links] == ["https://example.org/steel"]
    with zipfile.ZipFile(path) as archive:
        rels = ET.fromstring(archive.read("word/_rels/footnotes.xml.rels"))
    targets = {r.get("Id"): r for r in rels.iter(f"{PKG_REL}Relationship")}
    rel = targets[links[0].get(f"{R}id")]
    assert rel.get("Target") == "https://example.org/steel"
    assert rel.get("TargetMode") == "External"


def test_bibliography_sorted_by_the_style_with_a_hanging_indent(
    tmp_path: Path, note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    path = _export(tmp_path, note, passages, articles, "chicago")
    word = docx.Document(str(path))
    entries = [p for p in word.paragraphs if p.style is not None and p.style.name == "Bibliography"]
    # Cited Young first, Adams second; the style sorts by author.
    assert [p.text.split(".")[0] for p in entries] == ["Adams, Ann", "Young, Zoe"]
    style = word.styles["Bibliography"]
    indent = style.paragraph_format
    assert indent.first_line_indent is not None and indent.first_line_indent < 0
    assert indent.left_indent == -indent.first_line_indent
    heading = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert heading[-1] == "Sources"
    assert any(h.target_ref == "https://example.org/ports" for h in _body_links(word))


def _body_links(word: docx.document.Document) -> list[docx.opc.rel._Relationship]:
    return [r for r in word.part.rels.values() if r.is_external]


def test_apa_cites_in_the_text_and_has_no_footnotes(
    tmp_path: Path, note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    path = _export(tmp_path, note, passages, articles, "apa")
    assert _footnotes(path) == []
    word = docx.Document(str(path))
    body = "\n".join(p.text for p in word.paragraphs)
    assert "(Young, 2025)" in body and "(Adams, 2025)" in body
    assert "Quotas stay, say officials (Young, 2025)." in body
    entries = [p.text for p in word.paragraphs if p.style.name == "Bibliography"]
    assert entries[0].startswith("Adams, A. (2025, November 20).")
    assert entries[1].startswith("Young, Z. (2025, December 4).")


def test_markdown_gets_the_same_notes_with_links(
    tmp_path: Path, note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    path = _export(tmp_path, note, passages, articles, "chicago-ibid", ".md")
    text = path.read_text(encoding="utf-8")
    definitions = [line for line in text.splitlines() if line.startswith("[^")]
    assert len(definitions) == 4
    assert definitions[0].startswith("[^1]: Zoe Young, “Steel Deal Signed After Night of Talks,”")
    assert "*The Courier*" in definitions[0]
    assert "[https://example.org/steel](<https://example.org/steel>)" in definitions[0]
    assert definitions[3] == "[^4]: Ibid."
    sources = text.split("# Sources", 1)[1]
    assert sources.index("Adams, Ann") < sources.index("Young, Zoe")


def test_author_date_citation_in_a_table_cell_and_after_a_word(
    passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    body = "| Fact | Source |\n|---|---|\n| Zero tariffs | [@p11] |\n\nAs reported[@p21]."
    note = Note(title="T", sections=(Section("S", body),))
    document = build_document(note, passages, articles, style("harvard"))
    assert document.footnotes == ()
    table = next(b.table for b in document.blocks if b.table is not None)
    assert "".join(r.text for r in table.rows[0][1]) == "(Young, 2025)"
    paragraph = document.blocks[-1]
    assert "".join(r.text for r in paragraph.runs) == "As reported (Adams, 2025)."
    assert all(r.kind is RunKind.TEXT for r in paragraph.runs)


def test_missing_source_still_marked_in_a_style(
    passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    note = Note(title="T", sections=(Section("S", "Gone [@p99], here [@p11]."),))
    document = build_document(note, passages, articles, style("chicago"))
    kinds = [r.kind for r in document.blocks[-1].runs]
    assert RunKind.MISSING_SOURCE in kinds and RunKind.FOOTNOTE in kinds
    assert [f.number for f in document.footnotes] == [1]
    assert document.problems


USER_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>House style</title><id>https://example.org/house</id></info>
  <citation>
    <layout suffix=".">
      <choose>
        <if position="ibid"><text value="Same"/></if>
        <else-if position="subsequent"><text variable="title" form="short"/></else-if>
        <else>
          <group delimiter=" / ">
            <names variable="author"><name/></names>
            <text variable="title" text-case="uppercase"/>
            <text variable="container-title"/>
          </group>
        </else>
      </choose>
    </layout>
  </citation>
  <bibliography>
    <sort><key variable="title" sort="descending"/></sort>
    <layout><text variable="title"/></layout>
  </bibliography>
</style>
"""


def test_a_users_csl_file_works_offline(
    tmp_path: Path, note: Note, passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    path = tmp_path / "house.csl"
    path.write_text(USER_STYLE, encoding="utf-8")
    chosen = resolve_style(str(path), STYLES)
    assert (chosen.name, chosen.note_style, chosen.bundled) == ("house", True, False)
    document = build_document(note, passages, articles, chosen)
    assert [f.text for f in document.footnotes] == [
        "Zoe Young / STEEL DEAL SIGNED AFTER NIGHT OF TALKS / The Courier.",
        "Ann Adams / PORTS BRACE FOR A HARD WINTER / Harbour Weekly.",
        "Steel deal signed.",
        "Same.",
    ]
    assert [s.text for s in document.sources] == [
        "Steel deal signed after night of talks",
        "Ports brace for a hard winter",
    ]


def test_dependent_style_uses_its_bundled_parent_and_never_fetches(tmp_path: Path) -> None:
    dependent = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-GB">
  <info><title>Journal of {name}</title><id>https://example.org/j</id>
    <link href="{parent}" rel="independent-parent"/></info>
</style>"""
    known = tmp_path / "journal.csl"
    known.write_text(
        dependent.format(name="Tests", parent="http://www.zotero.org/styles/apa"), "utf-8"
    )
    chosen = resolve_style(known, STYLES)
    assert chosen.path == STYLES / "apa.csl" and chosen.locale == "en-GB"
    unknown = tmp_path / "other.csl"
    unknown.write_text(
        dependent.format(name="X", parent="http://www.zotero.org/styles/nature"), "utf-8"
    )
    with pytest.raises(CitationStyleError, match="never downloaded"):
        resolve_style(unknown, STYLES)


@pytest.mark.parametrize(
    ("choice", "message"),
    [("nope", "no built-in citation style 'nope'"), ("/no/such/file.csl", "cannot be read")],
)
def test_an_unknown_style_is_one_sentence(choice: str, message: str) -> None:
    with pytest.raises(CitationStyleError, match=message) as caught:
        resolve_style(choice, STYLES)
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_a_style_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.csl"
    path.write_text("<html><body>not a style</body></html>", encoding="utf-8")
    with pytest.raises(CitationStyleError, match="not a CSL style"):
        resolve_style(path, STYLES)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Jane Smith", [{"family": "Smith", "given": "Jane"}]),
        ("By Jane Smith and Ali Khan", [{"family": "Smith", "given": "Jane"},
                                        {"family": "Khan", "given": "Ali"}]),
        ("Smith, Jane", [{"family": "Smith", "given": "Jane"}]),
        ("van der Berg, J. P.", [{"family": "van der Berg", "given": "J. P."}]),
        ("Ines Kaur, Tomas Berg", [{"family": "Kaur", "given": "Ines"},
                                   {"family": "Berg", "given": "Tomas"}]),
        ("Jane Smith, Ali Khan and Bo Li", [{"family": "Smith", "given": "Jane"},
                                            {"family": "Khan", "given": "Ali"},
                                            {"family": "Li", "given": "Bo"}]),
        ("Smith, Jane; Khan, Ali", [{"family": "Smith", "given": "Jane"},
                                    {"family": "Khan", "given": "Ali"}]),
        ("Jane Smith, Reuters", [{"family": "Smith", "given": "Jane"}]),
        ("By Jane Smith, Shipping Correspondent", [{"family": "Smith", "given": "Jane"}]),
        ("Jane Smith, Washington Post", [{"family": "Smith", "given": "Jane"}]),
        ("AFP, Reuters", [{"literal": "AFP"}, {"literal": "Reuters"}]),
        ("Jane Smith and AFP", [{"family": "Smith", "given": "Jane"}, {"literal": "AFP"}]),
        ("SMITH, Jane", [{"family": "SMITH", "given": "Jane"}]),
        ("Le Pen, Marine", [{"family": "Le Pen", "given": "Marine"}]),
        ("Smith, Jane, Reuters", [{"family": "Smith", "given": "Jane"}]),
        ("Jane Smith, The Guardian", [{"family": "Smith", "given": "Jane"}]),
        ("Jane Smith, Chief Economist", [{"family": "Smith", "given": "Jane"}]),
        # Undecidable without knowing the names: kept whole, nothing lost or invented.
        ("García Márquez, Gabriel", [{"literal": "García Márquez, Gabriel"}]),
        ("Jane Smith, Politico", [{"literal": "Jane Smith, Politico"}]),
        ("Ministry of Defence", [{"literal": "Ministry of Defence"}]),
        ("Reuters", [{"literal": "Reuters"}]),
        ("Policy Digest", [{"literal": "Policy Digest"}]),
        ("Harbour Times staff", [{"literal": "Harbour Times staff"}]),
        ("", []),
    ],
)  # fmt: skip
def test_bylines_become_csl_names(byline: str, names: list[dict[str, str]]) -> None:
    assert parse_names(byline) == names


def test_a_byline_naming_the_publisher_is_the_organisation_not_a_person() -> None:
    assert parse_names("Invezz Newsroom", publisher="Invezz") == [{"literal": "Invezz Newsroom"}]
    assert parse_names("Le Monde Afrique", publisher="Le Monde") == [
        {"literal": "Le Monde Afrique"}
    ]
    # a person stays a person, even at a publisher whose name is a word of theirs
    assert parse_names("Ali Khan", publisher="Khan Academy Review") == [
        {"family": "Khan", "given": "Ali"}
    ]
    assert parse_names("Reuters Editors") == [{"literal": "Reuters Editors"}]
    # where the paper is the publisher, a name followed by it is that person alone
    assert parse_names("Jane Smith, Politico", publisher="POLITICO Europe") == [
        {"family": "Smith", "given": "Jane"}
    ]
    assert parse_names("Jane Smith, Guardian", publisher="The Guardian") == [
        {"family": "Smith", "given": "Jane"}
    ]


def test_article_metadata_feeds_the_style(articles: dict[int, Article]) -> None:
    item = csl_item("1", articles[1])
    assert item["type"] == "article-newspaper"
    assert item["container-title"] == "The Courier"
    assert item["issued"] == {"date-parts": [[2025, 12, 4]]}
    assert item["accessed"] == {"date-parts": [[2025, 12, 6]]}
    assert item["URL"] == "https://example.org/steel"
    assert item["title-short"] == "Steel deal signed"
    bare = csl_item("2", Article(title="A page", text="", url="https://example.org/p"))
    assert "title-short" not in bare
    assert bare["type"] == "webpage" and "container-title" not in bare


def test_a_source_chicago_leaves_out_of_its_bibliography_gets_a_bibliography_entry(
    passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    """CMOS omits a source with neither URL nor publisher from the bibliography; a briefing
    still lists it, in the style's bibliography form (full stops, not its note's commas),
    in the style's order."""
    articles[1] = Article(
        title="Quiet harbour memo", text="...", published=dt.date(2025, 3, 12), id=1
    )
    note = Note(title="T", sections=(Section("S", "One [@p11], two [@p21]."),))
    document = build_document(note, passages, articles, style("chicago"))
    assert [s.article_id for s in document.sources] == [2, 1]  # Adams before "Quiet"
    assert document.footnotes[0].text == "“Quiet Harbour Memo,” March 12, 2025."
    assert document.sources[1].text == "“Quiet Harbour Memo.” March 12, 2025."


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Harbour deal signed", ""),
        ("Ports: what the winter means for freight", "Ports"),
        ("The Strait of Ores: navies rehearse convoys", "The Strait of Ores"),
        ("Eastmark and Northland sign energy and defence pact", "Eastmark and Northland sign"),
        ("Navies rehearse convoy escort in the strait", "Navies rehearse convoy escort"),
        ("Tariffs fall to zero for steel from January", "Tariffs fall to zero"),
        ("Steel deal signed after night of talks", "Steel deal signed"),
        ("Talks resume at 10:30 in the capital", "Talks resume at 10:30"),
        # four words at most (CMOS 13.32), ending at a clause's comma or dash within them
        ("Harbourside restores the ferry link", "Harbourside restores the ferry"),
        (
            "Regional Energy Security, Cross-Border Electricity Interconnectors and the Future"
            " of Gas Transit: A Review",
            "Regional Energy Security",
        ),
        ("Ukraine, Russia and the West talk again", "Ukraine, Russia"),
        ("Talks resume — then stall again in Geneva", "Talks resume"),
        ("Trade – India and Russia sign a grain deal", "Trade"),  # a dash after one word too
        ("Ports — a new era for northern shipping", "Ports"),
        # a news label is no title: what follows it is
        ("Analysis: India and Russia to boost ties", "India and Russia"),
        ("Exclusive: Ports close", "Ports close"),
        # nor is a dateline's abbreviation: the headline's first words, the place kept
        ("UK: Inflation rises to 4% as energy bills climb", "UK: Inflation rises"),
        ("EU: Ports close", ""),
        ("NATO: allies rehearse convoy escort in the strait", "NATO: allies rehearse convoy"),
    ],
)
def test_short_titles(title: str, short: str) -> None:
    assert short_title(title) == short


def test_citations_side_by_side_are_one_citation(
    passages: dict[int, Passage], articles: dict[int, Article]
) -> None:
    note = Note(title="T", sections=(Section("S", "Both agree [@p11] [@p21]. Again [@p13]."),))
    notes = build_document(note, passages, articles, style("chicago"))
    assert [f.passage_id for f in notes.footnotes] == [11, 13]
    first, second = (f.text for f in notes.footnotes)
    assert first.startswith("Zoe Young, “Steel Deal Signed After Night of Talks,”")
    assert "; Ann Adams, “Ports Brace for a Hard Winter,”" in first
    assert second == "Young, “Steel Deal Signed.”"
    marks = [r.footnote for r in notes.blocks[-1].runs if r.kind is RunKind.FOOTNOTE]
    assert marks == [1, 2]
    in_text = build_document(note, passages, articles, style("apa"))
    text = "".join(r.text for r in in_text.blocks[-1].runs)
    assert text == "Both agree (Adams, 2025; Young, 2025). Again (Young, 2025)."
