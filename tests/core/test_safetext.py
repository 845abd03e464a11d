"""The helpers that make a file's names and details safe to store, cite and print."""

from __future__ import annotations

import os
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.core.safetext import (
    best_web_address,
    is_link_target,
    one_line,
    readable_name,
    shown,
    without_controls,
)
from briefer.session import ArticleDetails

BIDI_MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Marks that reorder the text around them on a terminal."""


def test_a_latin1_name_reads_as_windows_1252_and_can_be_encoded() -> None:
    raw = os.fsdecode(b"/data/m_Pr\xe4sentation \x80.txt")
    name = readable_name(raw)
    assert name == "/data/m_Präsentation €.txt"
    name.encode("utf-8")  # what SQLite and a UTF-8 terminal need
    assert readable_name("Präsentation.txt") == "Präsentation.txt"


def test_a_lone_surrogate_from_a_json_escape_becomes_a_replacement_character() -> None:
    """JSON-LD may hold "\\ud800": SQLite cannot store it, and a batch stopped on it."""
    clean = without_controls("Bad \ud800 title \udfff")
    assert clean == "Bad \ufffd title \ufffd"
    clean.encode("utf-8")


def test_control_characters_go_and_escape_sequences_go_whole() -> None:
    assert without_controls("a\x1b[31mb\x08c\x1b]0;title\x07d\x9be") == "abcde"
    assert without_controls("Tues\x0bday\x0cnext\r\nline\tend") == "Tues\nday\nnext\nline\tend"


def test_one_line_cuts_at_a_word_with_an_ellipsis() -> None:
    title = one_line("Harbour  fees\nrise " * 100, 50)
    assert len(title) <= 50 and title.endswith("…") and "\n" not in title
    assert title[:-1].split()[-1] in ("Harbour", "fees", "rise")  # a whole word before it
    assert one_line("Short title", 50) == "Short title"


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        (("javascript:alert(1)", "https://a.example/x"), "https://a.example/x"),
        (("file:///etc/passwd",), ""),
        (("/news/1", "https://a.example/other"), "https://a.example/news/1"),
        (("/news/1",), ""),
        (("https://a.example/" + "x" * 3000, "http://b.example/"), "http://b.example/"),
        (("http://[broken", "https://ok.example/"), "https://ok.example/"),
    ],
)
def test_the_first_usable_web_address_wins(candidates: tuple[str, ...], expected: str) -> None:
    assert best_web_address(*candidates) == expected


def test_link_targets_are_web_mail_or_bookmarks() -> None:
    allowed = ["https://a.example/", "http://a.example/x", "mailto:desk@example.org", "#_Ref1"]
    refused = ["file:///etc/passwd", "javascript:x", "smb://h/s", "../x", "mailto:", ""]
    assert all(is_link_target(u) for u in allowed)
    assert not any(is_link_target(u) for u in refused)


def test_shown_makes_what_a_terminal_acts_on_visible() -> None:
    assert shown("Anna\x1b[31m Groot") == "Anna\\e[31m Groot"
    assert shown("rtl\u202etxt.exe\nx") == "rtl<U+202E>txt.exe\\nx"
    assert shown("line one\nline\ttwo", lines=True) == "line one\nline\ttwo"
    assert shown("\udcff") == "ÿ"  # an undecodable byte, read as its code page


def test_details_the_analyst_types_lose_their_control_characters() -> None:
    details = ArticleDetails("Velden\x1b[31m fees", author="Anna\x08 Groot").checked()
    assert (details.title, details.author) == ("Velden fees", "Anna Groot")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_shown_leaves_no_control_format_or_surrogate_character(text: str) -> None:
    out = shown(text)
    assert not any(unicodedata.category(c) in ("Cc", "Cs") or c in BIDI_MARKS for c in out)
    assert out == text or not text.isprintable()
