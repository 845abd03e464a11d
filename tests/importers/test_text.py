"""Plain text: encodings decoded right, news-page structure recognised, boilerplate dropped."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from briefer.core.model import BLOCK_SEPARATOR, BlockKind
from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.cleanup import is_boilerplate_line
from briefer.importers.encoding import decode_text
from briefer.importers.text import TextImporter, parse_date
from briefer.importers.text_paragraphs import split_paragraphs

TEXT = Path(__file__).parents[1] / "data" / "importers" / "text"

FRENCH = "« Le prix a atteint 38 € la tonne », a-t-il dit – c’est “inédit”.\nDeuxième ligne."
RUSSIAN = "Министр заявил, что переговоры о поставках зерна продолжатся в пятницу.\nВторая строка."
GERMAN = "Die Brücke über die Förde wird für 12 Millionen Euro saniert.\nÄußerst spät."


@pytest.mark.parametrize(
    ("original", "encoding", "expected_name"),
    [
        (FRENCH, "cp1252", "cp1252"),
        (RUSSIAN, "cp1251", "cp1251"),
        (GERMAN, "latin-1", "iso-8859-1"),
        (FRENCH, "utf-8", "utf-8"),
        (RUSSIAN, "utf-8-sig", "utf-8"),
        (GERMAN, "utf-16", "utf-16-le"),
        (RUSSIAN, "utf-16-be", "utf-16-be"),
        (FRENCH, "utf-16-le", "utf-16-le"),
        (GERMAN, "utf-32", "utf-32-le"),
    ],
)
def test_decode_text_recovers_the_original(
    original: str, encoding: str, expected_name: str
) -> None:
    data = original.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    text, name = decode_text(data)
    assert text == original
    assert name == expected_name


CHINESE = "港口协议为北方港口开放集装箱运输。该协议价值约二十四亿欧元，为期十年。"
CHINESE_TRADITIONAL = "港口協議為北方港口開放貨櫃運輸。該協議價值約二十四億歐元，為期十年。"
JAPANESE = "港湾協定により北部の港がコンテナ輸送に開放される。協定の価値は約二十四億ユーロ。"
KOREAN = "항만 협정으로 북부 항구가 컨테이너 운송에 개방된다. 이 협정의 가치는 약 24억 유로이다."


@pytest.mark.parametrize(
    ("original", "encoding"),
    [
        (CHINESE, "gb18030"),
        (CHINESE, "gb2312"),
        (CHINESE_TRADITIONAL, "big5"),
        (JAPANESE, "shift_jis"),
        (JAPANESE, "euc_jp"),
        (JAPANESE, "iso2022_jp"),
        (KOREAN, "euc_kr"),
        ("Reuters, 4 March: " + CHINESE + " (GDP +5%)", "gb18030"),
    ],
)
def test_east_asian_legacy_encodings_are_recognised(original: str, encoding: str) -> None:
    text, _name = decode_text(original.encode(encoding))
    assert text == original


@pytest.mark.parametrize(
    ("original", "encoding"),
    [("tonne même, la", "cp1252"), ("cœur, la très", "cp1252"), ("Die Äußerst", "latin-1")],
)
def test_short_european_text_is_not_mistaken_for_east_asian(original: str, encoding: str) -> None:
    assert decode_text(original.encode(encoding))[0] == original


def test_decode_normalises_newlines_and_strips_nul() -> None:
    text, _ = decode_text(b"one\r\ntwo\rthree\x00\nfour")
    assert text == "one\ntwo\nthree\nfour"


def test_declared_charset_is_used_only_when_it_fits() -> None:
    assert decode_text(RUSSIAN.encode("cp1251"), declared="windows-1251")[0] == RUSSIAN
    # Mislabelled as us-ascii, but really UTF-8: detection wins over the label.
    assert decode_text(FRENCH.encode("utf-8"), declared="us-ascii")[0] == FRENCH
    assert decode_text(GERMAN.encode("latin-1"), declared="no-such-charset")[0] == GERMAN


def test_binary_junk_is_not_text() -> None:
    junk = bytes(range(256)) * 40
    with pytest.raises(ImportRejected, match="does not look like text"):
        decode_text(junk)


def test_copied_news_page_structure() -> None:
    data = (TEXT / "harbour-strike.txt").read_bytes()
    article = TextImporter().extract(data, "harbour-strike.txt", ImportLimits())
    assert article.title == "Dockworkers at Port Arvel end nine-day strike after wage deal"
    assert article.author == "Marta Lindqvist"
    assert article.published == dt.date(2025, 11, 14)
    headings = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["What the agreement changes", "Backlog expected to clear by December"]
    assert all(b.level == 2 for b in article.blocks if b.kind is BlockKind.HEADING)
    for gone in ("Markets", "Share on Facebook", "appeared first on", "Image:", "By Marta"):
        assert gone not in article.text
    assert article.text.startswith("Dockworkers at Port Arvel returned to the quays")
    assert article.publisher == "Coastwire"  # named only by the dropped feed footer
    # Offsets are right: the blocks tile the text with the separator between them.
    assert BLOCK_SEPARATOR.join(article.block_text(b) for b in article.blocks) == article.text
    assert article.source_format == "text"


@pytest.mark.parametrize(
    ("name", "title", "author"),
    [
        (
            "grain-corridor-fr.cp1252.txt",
            "Le corridor céréalier du Danube rouvre après trois semaines d’arrêt",
            "Claire Dumontel",
        ),
        (
            "rail-link-ru.cp1251.txt",
            "Новая железнодорожная линия соединит Камск и Верхнеборск к 2027 году",
            "Ирина Соколова",
        ),
        (
            "wind-park-de.latin1.txt",
            "Windpark vor Rügenholm erhält grünes Licht für den Ausbau",
            "Jürgen Weißmüller",
        ),
        (
            "harbour-strike.utf16.txt",
            "Dockworkers at Port Arvel end nine-day strike after wage deal",
            "Marta Lindqvist",
        ),
    ],
)
def test_other_encodings_and_languages(name: str, title: str, author: str) -> None:
    article = TextImporter().extract((TEXT / name).read_bytes(), name, ImportLimits())
    assert article.title == title
    assert article.author == author
    assert "€" in article.text or "fr" not in name
    assert "\r" not in article.text


def test_one_paragraph_per_line_and_hard_wrapped_text() -> None:
    per_line = "First paragraph ends here.\nSecond paragraph ends here.\nThird one too."
    assert split_paragraphs(per_line) == [
        "First paragraph ends here.",
        "Second paragraph ends here.",
        "Third one too.",
    ]
    wrapped = (
        "The committee met on Tuesday to review the budget for the coming\n"
        "year and agreed to postpone the decision on the new bridge until\n"
        "the engineers report.\n"
        "A second paragraph starts here and it also runs on for a while\n"
        "before it ends.\n"
    )
    paragraphs = split_paragraphs(wrapped)
    assert len(paragraphs) == 2
    assert paragraphs[0].endswith("until the engineers report.")


def test_lists_in_text_become_list_items() -> None:
    data = b"Plan\n\nThe ministry listed three steps.\n\n- dredge the channel\n- new cranes\n"
    article = TextImporter().extract(data, "plan.txt", ImportLimits())
    items = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["dredge the channel", "new cranes"]


def test_untitled_text_takes_its_title_from_the_file_name() -> None:
    data = b"This note starts straight with a sentence that ends with a full stop."
    article = TextImporter().extract(data, "meeting_notes-03.txt", ImportLimits())
    assert article.title == "meeting notes 03"
    assert article.text == data.decode()


def test_a_report_length_first_line_is_still_the_title() -> None:
    title = (
        "Regional energy security and the future of cross-border electricity, gas and "
        "hydrogen interconnection in the Baltic Sea region: an assessment of market design, "
        "infrastructure financing and geopolitical risk for the period 2025 to 2040"
    )
    body = "The report was published by the institute on Monday. It runs to 80 pages."
    article = TextImporter().extract(f"{title}\n\n{body}\n".encode(), "long_undated.txt",
                                     ImportLimits())  # fmt: skip
    assert len(title) > 200 and article.title == title
    assert article.text == body  # the title is not left in the text as well


def test_a_long_first_paragraph_without_a_full_stop_is_not_taken_for_a_title() -> None:
    paragraph = " ".join(["The ministry said the port would reopen on Monday"] * 8)
    article = TextImporter().extract(f"{paragraph}\n\nMore.\n".encode(), "port.txt",
                                     ImportLimits())  # fmt: skip
    assert len(paragraph) > 300 and article.title == "port"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Published 4 December 2025", dt.date(2025, 12, 4)),
        ("December 4, 2025", dt.date(2025, 12, 4)),
        ("Thu 4 Dec 2025 10.32 GMT", dt.date(2025, 12, 4)),
        ("2025-02-28", dt.date(2025, 2, 28)),
        ("le 3 décembre 2025", dt.date(2025, 12, 3)),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    "line",
    [
        "The post Rates hold steady appeared first on Marketwire.",
        "Share this article",
        "Share on Facebook Twitter LinkedIn WhatsApp",
        "Pinterest LinkedIn Tumblr",
        "Click to share on X (Opens in new window)",
        "Follow us on Telegram",
        "Sign up for our newsletter",
        "Read more: Ports brace for winter",
        "Also read: Why freight rates rose",
        "Advertisement",
        "We use cookies to improve your experience. Accept all",
        "Image: Reuters",
        "Photo credit: AFP/Getty Images",
        "Reporting by Jane Smith; Editing by Alex Richardson",
        "(Reporting by Jane Smith in London; additional reporting by Omar Ali; editing by Li Wei)",
        "Our Standards: The Thomson Reuters Trust Principles.",
        # found on real pages (Mozilla Readability's test set): France 24, Le Monde
        "Date created : 2015-05-12",
        "Latest update : 2015-05-12",
        "Updated on December 4, 2025 at 10:30 am",
        "Publié le 12/05/2015 à 10h25",
        "Lire aussi : Le Parlement adopte le projet de loi sur le renseignement",
        "Lesen Sie auch: Der Hafen wird ausgebaut",
        "Leggi anche: Il porto cresce",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said she would share the report on Facebook before the vote.",
        "Shares in the shipping company fell 4% on Monday.",
        "Twitter and LinkedIn were both fined by the regulator last year.",
        "The photo agency said its image of the strike had been altered.",
        "Advertisement revenue fell sharply in the third quarter.",
        "Read more about the plan in the annex, the ministry said.",
        "Reporting by local journalists has been restricted since the war began.",
        "Editing by hand slowed the census, the office said.",
        "Updated forecast for 2026",  # a heading, not a date stamp
        "Published results 2024",
        "Published data show that exports rose 5% in 2025.",
        "Lire la suite du rapport annuel.",
        "Updated 4 May 2025 to correct the name of the minister",  # an editor's correction
        "Published 2 June 2021 on the ICC site",
        "Lire - et relire - Proust reste une joie",
    ],
)
def test_normal_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_markdown_headings_in_text_lose_their_marks() -> None:
    """A .txt written with Markdown's "#" headings: the title is the words, not "# ..."."""
    data = (
        b"# Lakeside ferry fares to rise ##\n\nFares will rise by a fifth from January.\n\n"
        b"## What residents say\n\nThey were not consulted.\n\n#hashtag is not a heading.\n"
    )
    article = TextImporter().extract(data, "ferry.txt", ImportLimits())
    assert article.title == "Lakeside ferry fares to rise"
    blocks = [(b.kind, b.level, article.block_text(b)) for b in article.blocks]
    assert blocks == [
        (BlockKind.PARAGRAPH, 0, "Fares will rise by a fifth from January."),
        (BlockKind.HEADING, 2, "What residents say"),
        (BlockKind.PARAGRAPH, 0, "They were not consulted."),
        (BlockKind.PARAGRAPH, 0, "#hashtag is not a heading."),
    ]


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By MARTA LINDQVIST", "Marta Lindqvist"),  # set in capitals on the page
        ("By Marta Lindqvist in Arvel", "Marta Lindqvist"),  # where she filed from
        ("By Marta Lindqvist (Stockholm)", "Marta Lindqvist"),
        ("By Staff Reporter", ""),
        ("By Marta Lindqvist and Jon Berg", "Marta Lindqvist and Jon Berg"),
    ],
)
def test_a_copied_by_line_gives_the_writers_as_a_page_does(byline: str, author: str) -> None:
    text = (
        "Dockworkers at Port Arvel end nine-day strike after wage deal\n\n"
        f"{byline}\n\n"
        "Dockworkers at Port Arvel returned to the quays on Friday after a nine-day strike"
        " ended with a wage deal that raises pay by six percent over two years.\n\n"
        "The port authority said the backlog of container ships would clear by December."
    )
    article = TextImporter().extract(text.encode(), "strike.txt", ImportLimits())
    assert article.author == author
    assert byline not in article.text


WRAPPED = Path(__file__).parent.parent / "data" / "importers" / "text" / "wrapped"


@pytest.mark.parametrize("name", ["wide-table.txt", "report-table.txt"])
def test_a_table_aligned_with_spaces_keeps_a_line_a_row(name: str) -> None:
    text = (WRAPPED / name).read_text(encoding="utf-8")
    rows = [line.strip() for line in text.splitlines() if "   " in line.strip()]
    paragraphs = split_paragraphs(text)
    assert len(rows) >= 6
    assert [p for p in paragraphs if p in rows] == rows
    assert not any(p.startswith(("The ", "Coal ")) and "   " in p for p in paragraphs)


def test_wire_copy_in_capitals_is_rejoined() -> None:
    paragraphs = split_paragraphs((WRAPPED / "wire-caps.txt").read_text(encoding="utf-8"))
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("THE HARBOUR BOARD MET ON TUESDAY")
    assert all(p.endswith(".") for p in paragraphs)


def test_each_clause_of_a_contract_starts_a_paragraph_its_letter_kept() -> None:
    paragraphs = split_paragraphs((WRAPPED / "legal-wrapped.txt").read_text(encoding="utf-8"))
    assert [p[:4] for p in paragraphs] == ["4.2 ", "(a) ", "(b) ", "(c) ", "4.3 "]
    assert paragraphs[2].endswith("; and")


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("suspended-hyphens-en.txt", ["small- and medium-sized", "first- and second-quarter"]),
        ("suspended-hyphens-de.txt", ["Ein- und Ausfuhren", "Holz- und Düngerausfuhren"]),
    ],
)
def test_a_suspended_hyphen_at_a_line_end_keeps_its_space(name: str, kept: list[str]) -> None:
    (paragraph, *_rest) = split_paragraphs((WRAPPED / name).read_text(encoding="utf-8"))
    for words in kept:
        assert words in paragraph


def test_prose_lines_ending_in_figures_stay_in_their_sentences() -> None:
    """French, Norwegian and English prose wrapped at 66 where lines end "1 450",
    "en 2024, 2025", "BP 12, 29200": a row of a table is shorter than the text's lines
    and sits beside another; these are prose."""
    paragraphs = split_paragraphs((WRAPPED / "numbers-w66.txt").read_text(encoding="utf-8"))
    assert len(paragraphs) == 5
    assert "qui ont traité 2 100 escales en 2024, 2025 et 2026." in paragraphs[1]


def test_a_table_of_whole_numbers_copied_from_a_pdf_keeps_a_line_a_row() -> None:
    paragraphs = split_paragraphs((WRAPPED / "pdf-integer-table.txt").read_text(encoding="utf-8"))
    for row in ("north quay 412 488", "of which ferries 301 350",
                "of which cruise ships 111 138", "south quay 120 98", "total 532 586"):  # fmt: skip
        assert row in paragraphs


@pytest.mark.parametrize(
    ("name", "count"), [("chat-lowercase.txt", 5), ("email-inline-reply.txt", 10)]
)
def test_paragraphs_in_lower_case_are_not_joined_without_a_page_number_between(
    name: str, count: int
) -> None:
    """A chat log and an inline reply under quoted lines: each paragraph its own,
    though each runs on in lower case after one that stops mid-sentence."""
    assert len(split_paragraphs((WRAPPED / name).read_text(encoding="utf-8"))) == count


def test_a_year_alone_between_two_halves_of_a_sentence_is_no_page_number() -> None:
    paragraphs = split_paragraphs((WRAPPED / "pagenum-drop.txt").read_text(encoding="utf-8"))
    assert "2025" in paragraphs


def test_hyphens_of_compounds_and_inline_clause_letters_are_left_as_written() -> None:
    (paragraph,) = split_paragraphs((WRAPPED / "suspended-false.txt").read_text(encoding="utf-8"))
    for words in ("its go-to person", "lean-to shed", "kept up-to-date", "would co-operate",
                  "a face-to-face meeting"):  # fmt: skip
        assert words in paragraph
    clauses = split_paragraphs((WRAPPED / "legal-inline-clauses.txt").read_text(encoding="utf-8"))
    assert [p[:4] for p in clauses] == ["4.2 ", "4.3 "]
