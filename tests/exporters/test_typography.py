"""Straight quotes curled the way Word curls them as one types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefer.exporters.document import Run, RunKind
from briefer.exporters.typography import (
    AMERICAN,
    BRITISH,
    QuoteStyle,
    curled_runs,
    curly_quotes,
    nest_quotes,
    quote_style,
    typeset,
)


@pytest.mark.parametrize(
    ("text", "curled"),
    [
        ('"Tariffs fall," he said.', "“Tariffs fall,” he said."),
        (
            "It's the exporters' margin that don't recover.",
            "It’s the exporters’ margin that don’t recover.",
        ),
        ("a 'trade war' (as 'they' call it)", "a ‘trade war’ (as ‘they’ call it)"),
        ("since the '90s", "since the ’90s"),
        ("He said: \"the 'deal' is off\"", "He said: “the ‘deal’ is off”"),
        ('—"Now," it reads', "—“Now,” it reads"),
        ("no quotes at all", "no quotes at all"),
    ],
)
def test_quotes_turn_the_way_a_reader_expects(text: str, curled: str) -> None:
    assert curly_quotes(text) == curled


def test_a_quote_at_the_edge_of_a_run_looks_at_the_run_before() -> None:
    assert curly_quotes('"', before="fell") == "”"
    assert curly_quotes('"bold', before="said ") == "“bold"
    assert curly_quotes("'s", before="Reuters") == "’s"


def test_runs_of_a_paragraph_curl_across_their_edges_but_not_in_code() -> None:
    runs = [
        Run(RunKind.TEXT, 'He said "'),
        Run(RunKind.TEXT, "bold", bold=True),
        Run(RunKind.TEXT, '" of '),
        Run(RunKind.CODE, 'x = "y"'),
        Run(RunKind.FOOTNOTE, footnote=1),
        Run(RunKind.LINE_BREAK),
        Run(RunKind.TEXT, "'quoted'"),
    ]
    assert [r.text for r in curled_runs(runs)] == [
        "He said “", "bold", "” of ", 'x = "y"', "", "", "‘quoted’",
    ]  # fmt: skip


@given(st.text(), st.text(max_size=1))
def test_only_the_quote_marks_change(text: str, before: str) -> None:
    curled = curly_quotes(text, before)
    assert len(curled) == len(text)
    assert '"' not in curled and "'" not in curled
    for original, new in zip(text, curled, strict=True):
        assert new == original or (original in "'\"" and new in "‘’“”")


def _nested(text: str, style: QuoteStyle) -> str:
    runs = nest_quotes(curled_runs([Run(RunKind.TEXT, text)]), style)
    return "".join(r.text for r in runs)


QUOTED = '"The minister said "we won\'t sign \'as is\'" on Monday," officials said.'


def test_american_quotes_nest_double_single_double() -> None:
    assert _nested(QUOTED, AMERICAN) == (
        "“The minister said ‘we won’t sign “as is”’ on Monday,” officials said."
    )


def test_british_quotes_nest_single_double_single() -> None:
    assert _nested(QUOTED, BRITISH) == (
        "‘The minister said “we won’t sign ‘as is’” on Monday,’ officials said."
    )


def test_apostrophes_are_never_taken_for_closing_marks() -> None:
    assert _nested("\"The ports' owners won't say.\"", BRITISH) == (
        "‘The ports’ owners won’t say.’"
    )


@pytest.mark.parametrize(
    ("language", "style"),
    [("en-GB", BRITISH), ("en_GB", BRITISH), ("en-AU", BRITISH), ("en-NZ", BRITISH),
     ("en-IE", BRITISH), ("en-ZA", BRITISH), ("en-IN", BRITISH), ("en-SG", BRITISH),
     ("en-Latn-GB", BRITISH), ("en-001", BRITISH), ("en-US", AMERICAN), ("en-CA", AMERICAN),
     ("en-PH", AMERICAN), ("en-PR", AMERICAN), ("en", AMERICAN), (None, AMERICAN),
     ("de-DE", QuoteStyle(outer=("„", "“"), inner=("‚", "‘"))),
     ("de", QuoteStyle(outer=("„", "“"), inner=("‚", "‘"))),
     ("de-CH", QuoteStyle(outer=("«", "»"), inner=("‹", "›"))),
     ("x-unknown", AMERICAN)],
)  # fmt: skip
def test_the_notes_language_picks_the_style(language: str | None, style: QuoteStyle) -> None:
    assert quote_style(language) == style


def test_a_mark_before_the_footnote_closes_whatever_precedes_it() -> None:
    runs = [Run(RunKind.TEXT, '"Rates rose by 2 -"'), Run(RunKind.FOOTNOTE, footnote=1)]
    assert curled_runs(runs)[0].text == "“Rates rose by 2 -”"
    assert curly_quotes('He said "no" - "') == "He said “no” - ”"


def _typeset(text: str, language: str) -> str:
    return "".join(r.text for r in typeset([Run(RunKind.TEXT, text)], quote_style(language)))


@pytest.mark.parametrize(
    ("language", "text", "set"),
    [
        # A German article's own quotation inside a quoted passage: „ opens, “ closes it.
        ("de-DE", '"Merz sagte: „Wir schaffen das.“ Dann ging er."',
         "„Merz sagte: ‚Wir schaffen das.‘ Dann ging er.“"),
        ("en-GB", '"Merz sagte: „Wir schaffen das.“ Dann ging er."',
         "‘Merz sagte: “Wir schaffen das.” Dann ging er.’"),
        ("en-US", "Scholz: „Die ‚Zeitenwende‘ gilt.“ Er meinte ‚jetzt‘.",
         "Scholz: “Die ‘Zeitenwende’ gilt.” Er meinte “jetzt”."),
        # Polish closes „ with ”; French sets spaces inside guillemets, which the pair
        # of the note's language replaces.
        ("en-US", "„Nie ma zgody” – powiedział.", "“Nie ma zgody” – powiedział."),
        ("en-GB", '"Le « plan » est prêt" et l\'économie',
         "‘Le “plan” est prêt’ et l’économie"),
        ("fr-FR", "“Le ‘plan’ est prêt”", "«\u00a0Le “plan” est prêt\u00a0»"),
        # Reversed guillemets, as Danish and German books set them: »…« and ›…‹.
        ("de-DE", "Er nannte es »einen guten Deal« gestern.",
         "Er nannte es „einen guten Deal“ gestern."),
        ("de-DE", "Sie sagte: »Er rief ›Halt!‹ und lief.«",
         "Sie sagte: „Er rief ‚Halt!‘ und lief.“"),
        ("en-US", "He said »no«, then «yes».", "He said “no”, then “yes”."),
        # Marks where no quotation opens stay: a breadcrumb, a decimal comma.
        ("en-GB", "Home › News › World ‹ back", "Home › News › World ‹ back"),
        ("en-GB", "3‚5 Mio", "3‚5 Mio"),
    ],
)  # fmt: skip
def test_quotations_in_other_languages_marks_nest_by_the_notes(
    language: str, text: str, set: str
) -> None:
    assert _typeset(text, language) == set


@pytest.mark.parametrize("language", ["de-DE", "fr-FR", "pl-PL", "ru-RU", "cs-CZ", "en-GB"])
def test_typesetting_what_is_typeset_changes_nothing(language: str) -> None:
    """The Word, Markdown and preview writers may each meet marks set before (a note
    pasted from an export): setting them again must not turn a closing mark into an
    opening one."""
    once = _typeset("\"He said 'no' and left,\" she wrote. \"It's 'final'.\"", language)
    assert _typeset(once, language) == once
