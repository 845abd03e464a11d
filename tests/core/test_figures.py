"""Key figures: what an analyst would underline in a source, and nothing else."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefer.core.figures import FigureKind, figures_table_markdown, find_figures, key_figures
from briefer.core.model import Passage

M, P, D, Q = FigureKind.MONEY, FigureKind.PERCENT, FigureKind.DATE, FigureKind.QUANTITY

EXAMPLES = [
    ("The deal, worth $2 billion, covers new berths.", [("$2 billion", M)]),
    ("Trade should reach $100 billion by the end of the decade.",
     [("$100 billion by the end of the decade", M)]),
    ("Exports rose 50% last year.", [("50%", P)]),
    ("The tariff takes effect on 1 August.", [("1 August", D)]),
    ("It was signed on August 1, 2025 in Delhi.", [("August 1, 2025", D)]),
    ("Talks resume in March 2026.", [("March 2026", D)]),
    ("The plan runs until 2030.", [("2030", D)]),
    ("Growth of 2-3% is expected.", [("2-3%", P)]),
    ("Between 10 and 12 per cent of imports.", [("Between 10 and 12 per cent", P)]),
    ("Rates rose 0.5 percentage points.", [("0.5 percentage points", P)]),
    ("The fund holds €4.5bn.", [("€4.5bn", M)]),
    ("A loan of USD 300 million was agreed.", [("USD 300 million", M)]),
    ("It costs 40 million euros.", [("40 million euros", M)]),
    ("Britain pledged £250m to the fund.", [("£250m", M)]),
    ("Capacity of 3.5 million tonnes a year.", [("3.5 million tonnes", Q)]),
    ("The plant will create 3,000 jobs.", [("3,000 jobs", Q)]),
    ("Some 1,200 troops and 12 vessels took part.", [("1,200 troops", Q), ("12 vessels", Q)]),
    ("Output of 600,000 barrels a day.", [("600,000 barrels a day", Q)]),
    ("A 2 GW wind farm.", [("2 GW", Q)]),
    ("The pipeline carries 40 billion cubic metres.", [("40 billion cubic metres", Q)]),
    ("About 45,000 visitors came.", [("45,000", Q)]),
    ("Results for Q3 2025 and data from 2025-08-01.", [("Q3 2025", D), ("2025-08-01", D)]),
    ("Delivery is due by mid-2027.", [("mid-2027", D)]),
    ("The 5% levy starts on 1 January 2027 and costs $2bn.",
     [("5%", P), ("1 January 2027", D), ("$2bn", M)]),
    ("Two ministers met three times.", []),
    ("See section 3.2 and clause 14.", []),
    ("Call +44 20 7946 0958 for details.", []),
    ("As quoted [@p12] and [@p2024].", []),
    ("He may sign in May.", []),
    ("The 1990s were different; in 2019 things changed.", [("2019", D)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_examples(text: str, expected: list[tuple[str, FigureKind]]) -> None:
    assert [(f.text, f.kind) for f in find_figures(text)] == expected


@given(
    st.text(alphabet=st.sampled_from(list("0123456789 ,.$%€-–tonmbilesAugust[]@p")), max_size=80)
)
def test_matches_never_overlap_and_are_the_text_itself(text: str) -> None:
    figures = find_figures(text)
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text and figure.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(figures))


def test_key_figures_carry_their_sentence_and_source() -> None:
    text = "Talks went well. The deal, worth $2 billion, was signed. Exports may rise 40% by 2030."
    figures = key_figures([Passage(3, 0, len(text), text, id=9), Passage(3, 0, 4, "None", id=10)])
    assert [(f.figure.text, f.sentence, f.passage_id, f.article_id) for f in figures] == [
        ("$2 billion", "The deal, worth $2 billion, was signed.", 9, 3),
        ("40%", "Exports may rise 40% by 2030.", 9, 3),
        ("2030", "Exports may rise 40% by 2030.", 9, 3),
    ]


def test_the_table_is_a_real_pipe_table_whatever_the_cells_hold() -> None:
    text = "Costs | *margins* <b> rose 5% [x]."
    figures = key_figures([Passage(1, 0, len(text), text, id=4)])
    table = figures_table_markdown(figures)
    tokens = MarkdownIt("commonmark").enable("table").parse(table)
    cells = [t.children[0].content if t.children else "" for t in tokens if t.type == "inline"]
    assert [t.type for t in tokens][:2] == ["table_open", "thead_open"]
    assert cells[:3] == ["Figures", "Context", "Source"]
    assert cells[3] == "5%" and cells[5] == "[@p4]"
    rendered = MarkdownIt("commonmark").enable("table").render(table)
    assert "Costs | *margins* &lt;b&gt; rose 5% [x]." in rendered


@pytest.mark.parametrize(
    ("text", "figure", "sentence"),
    [
        (
            "Talks ended. Mr. Patel said exports rose 12% in Sept. last year. Others disagreed.",
            "12%",
            "Mr. Patel said exports rose 12% in Sept. last year.",
        ),
        (
            "The U.S. Navy sent 3,000 troops. They arrived on Monday.",
            "3,000 troops",
            "The U.S. Navy sent 3,000 troops.",
        ),
        (
            "Berth No. 4 handled 1.2 million TEU. Dr. J. Okafor runs it.",
            "1.2 million TEU",
            "Berth No. 4 handled 1.2 million TEU.",
        ),
        (
            "Output fell 8%. Prices rose.",
            "8%",
            "Output fell 8%.",
        ),
    ],
)
def test_sentences_are_not_cut_at_abbreviations(text: str, figure: str, sentence: str) -> None:
    figures = key_figures([Passage(1, 0, len(text), text, id=2)])
    assert {f.figure.text: f.sentence for f in figures}[figure] == sentence


def test_one_row_per_sentence_with_all_its_figures() -> None:
    text = "The £2 billion deal cuts tariffs by 15% from 2027. Trade rose 4%."
    figures = key_figures([Passage(1, 0, len(text), text, id=7)])
    assert len(figures) == 4
    table = figures_table_markdown(figures)
    rows = table.splitlines()[2:]
    assert rows == [
        "| £2 billion; 15%; 2027 | The £2 billion deal cuts tariffs by 15% from 2027. | [@p7] |",
        "| 4% | Trade rose 4%. | [@p7] |",
    ]
