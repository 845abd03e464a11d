"""The reader: ATLAS.ti-style projects read exactly; hostile or broken files are refused
with one sentence before anything reaches a project."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefer.exchange import ExchangeError, QdaLimits, read_exchange_file, read_project
from tests.exchange.qda_data import atlas_qdpx

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
CODE = "aaaaaaaa-0000-4000-8000-000000000001"
SOURCE = "bbbbbbbb-0000-4000-8000-000000000002"


def qde(
    codes: str = "", sources: str = "", extra: str = "", ns: str = "urn:QDA-XML:project:1.0"
) -> str:
    book = f"<CodeBook><Codes>{codes}</Codes></CodeBook>" if codes else ""
    holder = f"<Sources>{sources}</Sources>" if sources else ""
    return f'{HEAD}<Project xmlns="{ns}" name="t">{book}{holder}{extra}</Project>'


def code(guid: str = CODE, name: str = "Trade", inner: str = "") -> str:
    return f'<Code guid="{guid}" name="{name}" isCodable="true">{inner}</Code>'


def text_source(selections: str, name: str = "doc") -> str:
    return (
        f'<TextSource guid="{SOURCE}" name="{name}" plainTextPath="internal://{SOURCE}.txt">'
        f"{selections}</TextSource>"
    )


def selection(start: int, end: int, target: str = CODE) -> str:
    return (
        f'<PlainTextSelection guid="cccccccc-0000-4000-8000-{start:012d}" '
        f'startPosition="{start}" endPosition="{end}"><Coding guid="dddddddd-0000-4000-8000-'
        f'{start:012d}"><CodeRef targetGUID="{target}"/></Coding></PlainTextSelection>'
    )


def archive(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def qde_of(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zipped:
        return zipped.read("project.qde")


def refused(path: Path, match: str, limits: QdaLimits | None = None) -> str:
    with pytest.raises(ExchangeError, match=match) as caught:
        read_exchange_file(path, limits)
    message = str(caught.value)
    assert "\n" not in message and message.endswith("."), message
    return message


def test_the_atlas_style_project_reads_with_parents_and_exact_words(tmp_path: Path) -> None:
    project = read_project(atlas_qdpx(tmp_path / "atlas.qdpx"))
    feelings, weather, topics = project.codes
    assert (feelings.name, feelings.colour, feelings.description) == (
        "Feelings", "#F00082", "thoughts about breakfast foods",
    )  # fmt: skip
    assert [c.name for c in feelings.walk()] == ["Feelings", "happiness", "delight"]
    assert feelings.children[0].colour == "#FF00AA"  # ATLAS.ti may write #F0A
    assert weather.colour == "#3399FF" and not topics.codable
    assert [c.name for c in topics.children] == ["Economy"]
    (source,) = project.sources
    assert "\r" not in source.text and source.meta("author") == "Friedrich Markgraf"
    words = [source.text[s.start : s.end] for s in source.selections]
    assert words == ["such joy 😀", "the sun came out", "nai\u0308ve plan", "taxes and jobs", "🇫🇷"]
    sun = source.selections[1]
    assert sun.note == "The weather lifts the mood in every interview."
    economy = topics.children[0].guid
    assert source.selections[2].code_guids == (economy, feelings.guid)  # braces, case ignored
    left = {item.what: item.count for item in project.left_out}
    assert left == {
        "users": 2,
        "cases": 1,
        "picture sources": 1,
        "picture selections": 1,
        "codings of whole sources": 1,
        "variable values": 1,
        "formatted (DOCX) versions of text sources": 1,
        "notes not attached to a coded selection (memos)": 1,
    }


def test_older_and_unnamespaced_projects_read_alike(tmp_path: Path) -> None:
    for ns in ("urn:QDA-XML:project:0:10", ""):
        xml = qde(code(), text_source(selection(4, 9)), ns=ns).replace(' xmlns=""', "")
        path = archive(
            tmp_path / "p.qdpx", {"project.qde": xml, f"sources/{SOURCE}.txt": "The trade."}
        )
        (source,) = read_project(path).sources
        assert source.text[source.selections[0].start : source.selections[0].end] == "trade"


def test_inline_text_and_a_codebook_file_need_no_archive(tmp_path: Path) -> None:
    inline = (
        f'<TextSource guid="{SOURCE}" name="inline"><PlainTextContent>A trade deal'
        f"</PlainTextContent>{selection(2, 7)}</TextSource>"
    )
    path = archive(tmp_path / "p.qdpx", {"project.qde": qde(code(), inline)})
    assert read_project(path).sources[0].text == "A trade deal"
    qdc = tmp_path / "book.qdc"
    sub = code("eeeeeeee-0000-4000-8000-000000000009", "Sub")
    qdc.write_text(
        f'{HEAD}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{code(inner=sub)}'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    book = read_exchange_file(qdc)
    assert [c.name for c in book.all_codes()] == ["Trade", "Sub"] and not book.sources


def test_external_text_is_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private words", encoding="utf-8")
    source = (
        f'<TextSource guid="{SOURCE}" name="outside" plainTextPath="absolute://{secret}">'
        f"{selection(0, 7)}</TextSource>"
    )
    project = read_project(archive(tmp_path / "p.qdpx", {"project.qde": qde(code(), source)}))
    assert project.sources == ()
    left = {item.what: item.count for item in project.left_out}
    assert left["text sources whose text is outside the file"] == 1


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt", "sources/../../evil.txt",
                                  "C:/evil.txt", "sources\\..\\evil.txt"])  # fmt: skip
def test_zip_slip_names_refuse_the_archive(tmp_path: Path, name: str) -> None:
    path = archive(tmp_path / "slip.qdpx", {"project.qde": qde(code()), name: "x"})
    refused(path, "points outside the archive")


def test_huge_entries_and_too_many_entries_are_refused(tmp_path: Path) -> None:
    big = archive(
        tmp_path / "big.qdpx",
        {
            "project.qde": qde(code(), text_source(selection(0, 1))),
            f"sources/{SOURCE}.txt": "x" * 5000,
        },
    )
    refused(big, "more than the 1,000 allowed", QdaLimits(max_text_bytes=1000))
    refused(big, "would unpack to", QdaLimits(max_declared_bytes=2000))
    refused(big, "more than the 1,500 allowed", QdaLimits(max_total_bytes=1500 + len(qde_of(big))))
    refused(big, "project.qde in big.qdpx is", QdaLimits(max_xml_bytes=100))
    refused(big, "bytes, more than", QdaLimits(max_archive_bytes=100))
    many = archive(tmp_path / "many.qdpx", {f"sources/{i}.txt": "x" for i in range(30)})
    refused(many, "30 files", QdaLimits(max_entries=20))


def test_a_header_that_understates_the_size_is_still_bounded(tmp_path: Path) -> None:
    path = archive(tmp_path / "lie.qdpx", {"project.qde": qde(code()) + " " * 5000})
    data = bytearray(path.read_bytes())
    # Rewrite the declared uncompressed size (local header and central directory) to 10.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature)
        data[at + offset : at + offset + 4] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    message = refused(path, r"lie\.qdpx")
    assert "damaged" in message or "more than" in message


def test_billion_laughs_and_external_entities_are_refused(tmp_path: Path) -> None:
    laughs = (
        f'{HEAD}<!DOCTYPE Project [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
        '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="&h;"/>'
    )
    refused(archive(tmp_path / "laughs.qdpx", {"project.qde": laughs}), "DTD or entities")
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    xxe = (
        f'{HEAD}<!DOCTYPE CodeBook [<!ENTITY s SYSTEM "file://{secret}">]>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="'
        f'{CODE}" name="&s;" isCodable="true"/></Codes></CodeBook>'
    )
    qdc = tmp_path / "xxe.qdc"
    qdc.write_text(xxe, encoding="utf-8")
    refused(qdc, "DTD or entities")


def test_broken_and_foreign_files_are_refused(tmp_path: Path) -> None:
    refused(archive(tmp_path / "empty.qdpx", {"readme.txt": "hi"}), "has no project.qde")
    not_zip = tmp_path / "text.qdpx"
    not_zip.write_text("hello", encoding="utf-8")
    refused(not_zip, "not a .qdpx archive")
    good = archive(tmp_path / "good.qdpx", {"project.qde": qde(code())})
    truncated = tmp_path / "cut.qdpx"
    truncated.write_bytes(good.read_bytes()[:-30])
    refused(truncated, "not a readable .qdpx archive")
    refused(archive(tmp_path / "bad.qdpx", {"project.qde": "<Project"}), "not well-formed XML")
    html = tmp_path / "page.qdc"
    html.write_text("<html><body/></html>", encoding="utf-8")
    refused(html, "not a REFI-QDA codebook")


def test_a_selection_outside_its_text_or_an_unknown_code_is_refused(tmp_path: Path) -> None:
    text = {f"sources/{SOURCE}.txt": "short"}
    outside = archive(
        tmp_path / "o.qdpx", {"project.qde": qde(code(), text_source(selection(2, 9))), **text}
    )
    refused(outside, "runs from 2 to 9, outside its text of 5 characters")
    unknown = selection(0, 5, "ffffffff-0000-4000-8000-000000000000")
    bad_ref = archive(
        tmp_path / "u.qdpx", {"project.qde": qde(code(), text_source(unknown)), **text}
    )
    refused(bad_ref, "which the file's codebook does not have")
    missing = archive(
        tmp_path / "m.qdpx", {"project.qde": qde(code(), text_source(selection(0, 1)))}
    )
    refused(missing, "is missing from m.qdpx")
    latin = archive(
        tmp_path / "l.qdpx",
        {
            "project.qde": qde(code(), text_source(selection(0, 1))),
            f"sources/{SOURCE}.txt": "caf\xe9".encode("latin-1"),
        },
    )
    refused(latin, "not UTF-8")


def test_codes_nested_absurdly_deep_are_refused(tmp_path: Path) -> None:
    inner = ""
    for depth in range(12):
        inner = code(f"aaaaaaaa-0000-4000-8000-{depth:012d}", f"c{depth}", inner)
    path = archive(tmp_path / "deep.qdpx", {"project.qde": qde(inner)})
    refused(path, "nest more than 5 deep", QdaLimits(max_depth=5))
    assert len(read_project(path).all_codes()) == 12
