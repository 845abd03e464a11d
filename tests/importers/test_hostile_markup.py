"""Hostile web pages and e-mails are refused, in one sentence, before an uninterruptible parser
runs (attribute bombs, millions of elements, hundreds of thousands of MIME parts, e-mail bodies
of 60 MB), and the largest pages that are read stay under 500 MB (README, "Limits").

Peak memory is read in a child process from /proc/self/status (VmHWM), as in
test_resource_bounds.py.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from PIL import Image

from briefer.importers import html, htmlconvert
from briefer.importers.base import ImportLimits, ImportRejected
from briefer.importers.eml import EmlImporter
from briefer.importers.html import HtmlImporter
from briefer.importers.htmlbounds import (
    MAX_ATTRIBUTES,
    MAX_MARKUP_CHARS,
    MAX_NODES,
    check_markup,
)
from briefer.importers.htmlconvert import MAX_BLOCKS
from briefer.importers.mhtml import MhtmlImporter
from briefer.importers.paste import paste_to_article
from tests.importers.child_import import LIMIT_MB, import_in_child, needs_proc

TEXT = (
    "Velden port fees rise by eleven percent from March, the port authority said on Tuesday,"
    " after two years of talks with the shipping lines that call at the harbour."
)
MAIL_HEAD = (
    "From: Desk <desk@example.org>\r\nTo: a@example.org\r\nSubject: Port fees\r\n"
    "Date: Wed, 19 Nov 2025 09:12:00 +0100\r\nMIME-Version: 1.0\r\n"
)


def _page(attributes: str) -> bytes:
    return (
        f"<html><head><title>Port fees</title></head><body><article><p {attributes}>{TEXT}</p>"
        f"<p>{TEXT}</p></article></body></html>"
    ).encode()


def _attributes(count: int, template: str = 'a{i}="{i}"', sep: str = " ") -> str:
    return sep.join(template.format(i=i) for i in range(count))


def _refusal(error: pytest.ExceptionInfo[ImportRejected]) -> str:
    reason = error.value.reason
    assert "\n" not in reason and "Traceback" not in reason
    return reason


def test_an_element_with_as_many_attributes_as_allowed_is_read() -> None:
    article = HtmlImporter().extract(
        _page(_attributes(MAX_ATTRIBUTES)), "page.html", ImportLimits()
    )
    assert "eleven percent" in article.text


def test_a_page_of_large_inline_images_is_not_counted_as_markup() -> None:
    image = "data:image/png;base64," + "A" * 2000
    page = f"<p>{TEXT}</p>" + f'<img src="{image}">' * 10
    markup = len(page) - 10 * len(image)
    check_markup(page, "page.html", max_chars=markup)
    with pytest.raises(ImportRejected, match="more than the 0 MB a web page may have"):
        check_markup(page, "page.html", max_chars=markup - 1)


def test_an_element_with_60000_attributes_is_refused_before_parsing() -> None:
    with pytest.raises(ImportRejected) as error:
        HtmlImporter().extract(_page(_attributes(60_000)), "attrs.html", ImportLimits())
    reason = _refusal(error)
    assert reason.startswith("attrs.html has an element (<p>) with more than 500 attributes")


def test_one_attribute_past_the_limit_is_refused() -> None:
    with pytest.raises(ImportRejected, match="more than 500 attributes"):
        HtmlImporter().extract(_page(_attributes(MAX_ATTRIBUTES + 1)), "page.html", ImportLimits())


@pytest.mark.parametrize(
    ("template", "sep"),
    [
        ('a{i}=">"', " "),  # a quoted ">" does not end the tag
        ('a{i}="{i}"', ""),  # no space is needed after a quoted value
        ("a{i}='x'", "/"),  # nor anything but a slash
        ("a{i}=x=y", " "),  # an unquoted value may hold "="
        ("a{i}", "\n"),  # bare names, one a line
    ],
)
def test_quoting_tricks_do_not_hide_attributes(template: str, sep: str) -> None:
    with pytest.raises(ImportRejected, match="more than 500 attributes"):
        HtmlImporter().extract(_page(_attributes(2000, template, sep)), "page.html", ImportLimits())


def test_markup_inside_a_script_or_a_comment_is_not_counted() -> None:
    fake = f"<p {_attributes(2000)}>"
    page = _page('class="lead"').replace(
        b"<article>",
        f"<article><script>var s = '{fake}';</script><!-- {fake} -->"
        f"<style>/*{fake}*/</style>".encode(),
    )
    article = HtmlImporter().extract(page, "page.html", ImportLimits())
    assert "eleven percent" in article.text


def test_a_comment_closed_early_does_not_hide_what_follows() -> None:
    # HTML5 closes "<!-->" at once, so the bomb after it is real markup.
    with pytest.raises(ImportRejected, match="more than 500 attributes"):
        check_markup(f"<!--><p {_attributes(2000)}>x</p>", "page.html")
    with pytest.raises(ImportRejected, match="more than 500 attributes"):
        check_markup(f"<!-- x --!><p {_attributes(2000)}>x</p>", "page.html")


def test_a_page_of_more_elements_and_attributes_than_allowed_is_refused() -> None:
    page = "<html><body><p>" + "<span>w</span> " * 1001 + "</p></body></html>"
    check_markup(page, "spans.html", max_nodes=1004)  # html, body, p and 1001 spans
    with pytest.raises(ImportRejected) as error:
        check_markup(page, "spans.html", max_nodes=1003)
    assert _refusal(error).startswith("spans.html has more than 1,003 elements and attributes")
    assert MAX_NODES >= 600_000  # a 10 MB page of flat tables has about 530,000
    tags = '<p class="a" id="b" hidden>x</p>' * 250  # 4 nodes each, and html and body
    check_markup(f"<html><body>{tags}", "tags.html", max_nodes=1002)
    with pytest.raises(ImportRejected, match="more than 1,001 elements and attributes"):
        check_markup(f"<html><body>{tags}", "tags.html", max_nodes=1001)


def test_an_attribute_bomb_in_an_e_mail_is_refused_naming_the_message() -> None:
    mail = (
        MAIL_HEAD
        + "Content-Type: text/html; charset=utf-8\r\n\r\n"
        + _page(_attributes(60_000)).decode()
    ).encode()
    with pytest.raises(ImportRejected) as error:
        EmlImporter().extract(mail, "alert.eml", ImportLimits())
    assert _refusal(error).startswith("alert.eml has an element (<p>) with more than 500")


def test_a_page_nested_too_deep_for_the_parser_is_refused_by_name() -> None:
    page = "<html><body>" + "<ul><li>item " * 100_000 + TEXT + "</li></ul>" * 100_000
    with pytest.raises(ImportRejected) as error:
        HtmlImporter().extract(page.encode(), "lists.html", ImportLimits())
    assert _refusal(error).startswith("lists.html is nested more than 256 elements deep")


def test_an_attribute_bomb_pasted_is_refused() -> None:
    with pytest.raises(ImportRejected, match="more than 500 attributes"):
        paste_to_article(html=_page(_attributes(5000)).decode(), limits=ImportLimits())


def _multipart(parts: int, body: str = "x") -> bytes:
    lines = "".join(f"--B\r\nContent-Type: text/plain\r\n\r\n{body} {i}\r\n" for i in range(parts))
    return (
        MAIL_HEAD + "Content-Type: multipart/mixed; boundary=B\r\n\r\n" + lines + "--B--\r\n"
    ).encode()


def test_an_e_mail_of_300000_parts_is_refused_before_parsing() -> None:
    with pytest.raises(ImportRejected) as error:
        EmlImporter().extract(_multipart(300_000), "parts.eml", ImportLimits())
    assert _refusal(error).startswith("parts.eml has more than 2,000 MIME parts")


def test_an_e_mail_of_many_parts_and_signature_lines_is_read() -> None:
    signed = f"{TEXT}\r\n-- \r\nDesk"
    article = EmlImporter().extract(_multipart(1500, signed), "parts.eml", ImportLimits())
    assert "eleven percent" in article.text


def test_an_e_mail_of_one_part_too_many_is_refused() -> None:
    # 2,000 parts and the closing line make 2,001 lines that open or close a part.
    with pytest.raises(ImportRejected, match="more than 2,000 MIME parts"):
        EmlImporter().extract(_multipart(2000), "parts.eml", ImportLimits())
    EmlImporter().extract(_multipart(1999), "parts.eml", ImportLimits())


def test_an_e_mail_body_past_25_mb_is_refused_but_a_large_attachment_is_not() -> None:
    big = (TEXT + "\r\n\r\n") * (26 * 1024 * 1024 // (len(TEXT) + 4))
    plain = (MAIL_HEAD + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + big).encode()
    with pytest.raises(ImportRejected) as error:
        EmlImporter().extract(plain, "huge.eml", ImportLimits())
    assert _refusal(error).startswith("huge.eml holds 26 MB of message text, more than the 25 MB")
    attached = (
        MAIL_HEAD
        + "Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\n"
        + f"Content-Type: text/plain\r\n\r\n{TEXT}\r\n--B\r\n"
        + "Content-Type: text/csv\r\nContent-Disposition: attachment; filename=d.csv\r\n\r\n"
        + big
        + "\r\n--B--\r\n"
    ).encode()
    assert "eleven percent" in EmlImporter().extract(attached, "a.eml", ImportLimits()).text


def test_an_e_mail_of_more_lines_than_blocks_allowed_is_refused() -> None:
    head = MAIL_HEAD + "Content-Type: text/plain\r\n\r\n"
    edge = EmlImporter().extract(
        (head + "Word.\n" * (MAX_BLOCKS - 10)).encode(), "a.eml", ImportLimits()
    )
    assert len(edge.blocks) == MAX_BLOCKS - 10
    with pytest.raises(ImportRejected) as error:
        EmlImporter().extract((head + "Word.\n\n" * MAX_BLOCKS).encode(), "b.eml", ImportLimits())
    assert _refusal(error).startswith("b.eml holds more than 250,000 lines of message text")


def test_an_e_mail_of_more_html_blocks_than_allowed_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(htmlconvert, "MAX_BLOCKS", 100)
    head = MAIL_HEAD + "Content-Type: text/html\r\n\r\n<html><body>"
    EmlImporter().extract((head + f"<p>{TEXT}</p>" * 100).encode(), "a.eml", ImportLimits())
    with pytest.raises(ImportRejected) as error:
        EmlImporter().extract((head + f"<p>{TEXT}</p>" * 101).encode(), "b.eml", ImportLimits())
    assert _refusal(error).startswith("b.eml has more than 100 paragraphs, rows and headings")


def _fill(path: Path, head: str, unit: str, size: int, tail: str) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        chunk = unit * max(1, (1 << 20) // len(unit))
        while out.tell() < size:
            out.write(chunk)
        out.write(tail)


@needs_proc
@pytest.mark.slow
def test_the_largest_page_allowed_stays_under_500_mb(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    _fill(
        page,
        "<html><head><title>Big</title></head><body><article>",
        f"<p>{TEXT}</p>\n",
        MAX_MARKUP_CHARS - 64 * 1024,
        "</article></body></html>",
    )
    result = import_in_child(page)
    assert result["reason"] == ""
    assert int(result["chars"]) > 25 * 1024 * 1024  # every paragraph kept
    assert float(result["peak_mb"]) < LIMIT_MB, result


@needs_proc
@pytest.mark.slow
def test_a_60_mb_page_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    _fill(page, "<html><body>", f"<p>{TEXT}</p>\n", 60 * 1024 * 1024, "</body></html>")
    result = import_in_child(page)
    assert re.match(
        r"big\.html holds 6\d MB of markup besides its images, more than the 32 MB",
        str(result["reason"]),
    )
    assert float(result["peak_mb"]) < LIMIT_MB, result


@needs_proc
@pytest.mark.slow
def test_the_most_elements_allowed_stay_under_500_mb(tmp_path: Path) -> None:
    page = tmp_path / "spans.html"
    count = MAX_NODES - 10
    page.write_text("<html><body><p>" + "<span>w</span> " * count + "</p></body></html>")
    result = import_in_child(page)
    assert result["reason"] == ""
    assert int(result["chars"]) >= 2 * count  # every word kept
    assert float(result["peak_mb"]) < LIMIT_MB, result


@needs_proc
@pytest.mark.slow
def test_the_most_blocks_allowed_stay_under_500_mb(tmp_path: Path) -> None:
    page = tmp_path / "words.html"
    count = MAX_BLOCKS - 10
    page.write_text("<html><body>" + "<p>word</p>" * count + "</body></html>")
    result = import_in_child(page)
    assert result["reason"] == ""
    assert int(result["blocks"]) == count + 1  # and the title, from the file's name
    assert float(result["peak_mb"]) < LIMIT_MB, result


def test_a_page_of_more_blocks_than_allowed_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "EXTRACTOR_MAX_ELEMENTS", 10)  # the plain converter reads it
    monkeypatch.setattr(htmlconvert, "MAX_BLOCKS", 100)
    page = "<html><body>{}</body></html>"
    read = HtmlImporter().extract(
        page.format(f"<p>{TEXT}</p>" * 100).encode(), "rows.html", ImportLimits()
    )
    assert len(read.blocks) == 101  # and the title
    with pytest.raises(ImportRejected) as error:
        HtmlImporter().extract(
            page.format(f"<p>{TEXT}</p>" * 101).encode(), "rows.html", ImportLimits()
        )
    assert _refusal(error).startswith("rows.html has more than 100 paragraphs, rows and headings")


@needs_proc
@pytest.mark.slow
def test_a_million_spans_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    page = tmp_path / "spans.html"
    _fill(page, "<html><body><p>", "<span>w</span> ", 15 * 1024 * 1024, "</p></body></html>")
    result = import_in_child(page)
    assert str(result["reason"]).startswith("spans.html has more than 600,000 elements and")
    assert float(result["peak_mb"]) < LIMIT_MB / 2, result


@needs_proc
@pytest.mark.slow
def test_a_24_mb_e_mail_body_stays_under_500_mb(tmp_path: Path) -> None:
    mail = tmp_path / "big.eml"
    head = (
        MAIL_HEAD.replace("\r\n", "\n") + "Content-Type: text/html; charset=utf-8\n\n<html><body>"
    )
    _fill(mail, head, f"<p>{TEXT}</p>\n", 24 * 1024 * 1024, "</body></html>")
    result = import_in_child(mail)
    assert result["reason"] == ""
    assert int(result["chars"]) > 20 * 1024 * 1024
    assert float(result["peak_mb"]) < LIMIT_MB, result


@needs_proc
@pytest.mark.slow
def test_the_most_attribute_laden_page_allowed_stays_under_500_mb(tmp_path: Path) -> None:
    page = tmp_path / "attrs.html"
    element = f"<p {_attributes(MAX_ATTRIBUTES)}>{TEXT}</p>\n"
    count = MAX_NODES // (MAX_ATTRIBUTES + 1) - 10  # just inside the budget
    page.write_text(f"<html><head><title>Attrs</title></head><body>{element * count}</body></html>")
    result = import_in_child(page)
    assert result["reason"] == ""
    assert int(result["blocks"]) >= count
    assert float(result["peak_mb"]) < LIMIT_MB, result


def test_a_megabyte_subject_is_cut_before_anything_reads_it() -> None:
    """Python's mail parser reads a header word by word on every read: a 1 MB Subject
    took ten seconds a read, and the import's time limit cannot interrupt it."""
    words = " ".join(["harbour"] * 130_000)
    data = (
        f"From: desk@port.example\r\nSubject: {words}\r\n"
        "Date: Thu, 20 Nov 2025 10:00:00 +0100\r\nContent-Type: text/plain\r\n\r\n"
        f"{TEXT}\r\n"
    ).encode()
    article = EmlImporter().extract(data, "subject.eml", ImportLimits())
    assert article.title.startswith("harbour harbour") and len(article.title) <= 8192
    assert "eleven percent" in article.text


def test_a_megabyte_content_type_is_refused_before_parsing() -> None:
    """The parser reads each part's Content-Type as it goes: a megabyte of parameters
    took a minute and 600 MB before anything could refuse it."""
    parameters = "; ".join(f"p{i}=v" for i in range(100_000))
    data = (f"{MAIL_HEAD}Content-Type: text/plain; {parameters}\r\n\r\n{TEXT}\r\n").encode()
    with pytest.raises(ImportRejected) as error:
        EmlImporter().extract(data, "params.eml", ImportLimits())
    assert _refusal(error).startswith("params.eml has a Content-Type header of ")


def _bombed_paragraph(attributes: int) -> str:
    return "<p " + " ".join(f"a{i}=1" for i in range(attributes)) + f">{TEXT}</p>"


def test_a_framed_page_in_a_web_archive_is_bounded_as_the_page_is() -> None:
    """A web archive's frame parts are parsed when the main page reads as a shell: the
    same markup limits apply to them before libxml2 (which cannot be interrupted) runs."""
    from briefer.importers.mhtml import MhtmlImporter

    main = "<html><body><h1>Port fees</h1><iframe src='cid:frame-1'></iframe></body></html>"
    framed = f"<html><body>{_bombed_paragraph(600)}</body></html>"
    data = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/fees\r\n"
        "Subject: Port fees\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/html\r\nContent-Location: https://news.example/fees\r\n\r\n"
        f"{main}\r\n--B\r\nContent-Type: text/html\r\nContent-ID: <frame-1>\r\n\r\n"
        f"{framed}\r\n--B--\r\n"
    ).encode()
    with pytest.raises(ImportRejected) as error:
        MhtmlImporter().extract(data, "fees.mhtml", ImportLimits())
    assert "more than 500 attributes" in _refusal(error)


def test_a_srcdoc_frame_is_bounded_as_the_page_is() -> None:
    """A frame's page written into its srcdoc attribute is one attribute to the page's own
    check; it is checked itself before it is parsed."""
    framed = f"<html><body>{_bombed_paragraph(600)}</body></html>".replace('"', "&quot;")
    page = f'<html><body><h1>Port fees</h1><iframe srcdoc="{framed}"></iframe></body></html>'
    with pytest.raises(ImportRejected) as error:
        HtmlImporter().extract(page.encode(), "fees.html", ImportLimits())
    assert _refusal(error).startswith("fees.html has an element (<p>) with more than 500")


@needs_proc
def test_a_web_archive_of_300000_parts_reads_its_first_parts_in_little_memory(
    tmp_path: Path,
) -> None:
    """The MIME parser builds every part before one is read and cannot be stopped: the
    archive is cut after the 2,000 parts Briefer reads (it took 287-404 MB and 6-22 s)."""
    parts = "".join(
        f"--B\r\nContent-Type: image/png\r\nContent-Location: https://x.example/{i}.png"
        "\r\n\r\nx\r\n"
        for i in range(300_000)
    )
    archive = tmp_path / "parts.mhtml"
    archive.write_text(
        "From: <Saved by Blink>\r\nSubject: Velden\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary=B\r\n\r\n'
        "--B\r\nContent-Type: text/html\r\nContent-Location: https://x.example/a\r\n\r\n"
        f"<html><body><article><h1>Velden</h1><p>{TEXT}</p></article></body></html>\r\n"
        f"{parts}--B--\r\n"
    )
    result = import_in_child(archive)
    assert result["reason"] == "" and int(result["chars"]) > len(TEXT)
    assert float(result["peak_mb"]) < 200, result


def test_a_web_archive_cut_after_2000_parts_still_reads_them() -> None:
    """The cut keeps the parts read: a picture among the first 2,000 stays in place."""
    picture = io.BytesIO()
    Image.new("RGB", (300, 200), "navy").save(picture, "PNG")
    png = base64.b64encode(picture.getvalue()).decode()
    parts = "".join(
        f"--B\r\nContent-Type: text/plain\r\nContent-Location: https://x.example/{i}.txt"
        "\r\n\r\nx\r\n"
        for i in range(1_997)
    )
    archive = (
        "From: <Saved by Blink>\r\nSubject: Velden\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary=B\r\n\r\n'
        "--B\r\nContent-Type: text/html\r\nContent-Location: https://x.example/a\r\n\r\n"
        '<html><body><article><h1>Velden</h1><p><img src="map.png" alt="a map"></p>'
        f"<p>{TEXT}</p></article></body></html>\r\n{parts}"
        "--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: https://x.example/map.png\r\n\r\n{png}\r\n"
        + "--B\r\nContent-Type: text/plain\r\n\r\nmore\r\n" * 50
        + "--B--\r\n"
    ).encode()
    article = MhtmlImporter().extract(archive, "parts.mhtml", ImportLimits())
    assert len(article.images) == 1 and TEXT in article.text
