"""The pre-export check catches what would misquote a source, and only that."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.core.citations import quotation_markdown
from briefer.core.integrity import ProblemKind, check_note, quotations, sections_to_export
from briefer.core.model import Article, Note, Passage, Section
from briefer.core.record import replace

TEXT = "Intro line.\n\nThe deal, worth $2 billion, covers new *berths* and a rail link.\n\nEnd."
QUOTE = "The deal, worth $2 billion, covers new *berths* and a rail link."
START = TEXT.index(QUOTE)
ARTICLE = Article("Harbour deal", TEXT, publisher="Wire", published=dt.date(2026, 1, 2), id=1)
PASSAGE = Passage(1, START, START + len(QUOTE), QUOTE, theme_ids=(1,), id=7)


def note_with(*bodies: str) -> Note:
    return Note("Brief", sections=tuple(
        Section(f"Section {i}", body, 1, i) for i, body in enumerate(bodies)
    ))  # fmt: skip


def kinds(note: Note, passages: dict[int, Passage] | None = None,
          articles: dict[int, Article] | None = None) -> list[tuple[ProblemKind, str]]:  # fmt: skip
    found = check_note(
        note, {7: PASSAGE} if passages is None else passages,
        {1: ARTICLE} if articles is None else articles,
    )  # fmt: skip
    return [(p.kind, p.section) for p in found]


def test_a_drafted_quotation_is_clean() -> None:
    assert kinds(note_with("Context.\n\n" + quotation_markdown(QUOTE, 7))) == []


def test_one_changed_word_inside_the_quotation_is_caught_in_its_section() -> None:
    body = quotation_markdown(QUOTE, 7).replace("$2 billion", "$3 billion")
    problems = check_note(note_with("fine", body), {7: PASSAGE}, {1: ARTICLE})
    assert [(p.kind, p.section, p.passage_id) for p in problems] == [
        (ProblemKind.QUOTE_CHANGED, "Section 1", 7)
    ]
    assert problems[0].blocking and "$2 billion" in problems[0].message


def test_a_paraphrase_before_a_citation_is_not_checked_word_for_word() -> None:
    assert kinds(note_with("The port gets a **big** deal [@p7].")) == []


def test_missing_passage_and_missing_article() -> None:
    assert kinds(note_with(quotation_markdown(QUOTE, 7)), passages={}) == [
        (ProblemKind.MISSING_PASSAGE, "Section 0")
    ]
    assert kinds(note_with(quotation_markdown(QUOTE, 7)), articles={}) == [
        (ProblemKind.MISSING_ARTICLE, "Section 0")
    ]


def test_a_passage_that_no_longer_matches_its_article() -> None:
    moved = replace(PASSAGE, start=0, end=len(QUOTE))
    assert (ProblemKind.SOURCE_CHANGED, "Section 0") in kinds(
        note_with(quotation_markdown(QUOTE, 7)), passages={7: moved}
    )


def test_undated_and_unpublished_sources_are_warnings_once_per_article() -> None:
    bare = replace(ARTICLE, publisher="", published=None)
    body = quotation_markdown(QUOTE, 7)
    problems = check_note(note_with(body, "Cited again [@p7]."), {7: PASSAGE}, {1: bare})
    assert [p.kind for p in problems] == [ProblemKind.NO_DATE, ProblemKind.NO_PUBLISHER]
    assert not any(p.blocking for p in problems)


@pytest.mark.parametrize("bodies", [(), ("",), ("  \n\n ",)])
def test_an_empty_note_is_a_problem(bodies: tuple[str, ...]) -> None:
    note = Note("Empty", sections=tuple(Section("", b, 1, i) for i, b in enumerate(bodies)))
    assert [p.kind for p in check_note(note, {}, {})] == [ProblemKind.EMPTY_NOTE]


def test_multi_paragraph_quotations_are_read_whole() -> None:
    body = quotation_markdown("First part.\n\nSecond *part*.", 9)
    [(passage_id, readings)] = quotations(body)
    assert passage_id == 9 and "First part. Second *part*." in readings


def test_a_section_holding_only_guidance_is_a_warning_strict_refuses() -> None:
    note = Note(
        "Week ahead",
        sections=(
            Section("Summary", "", position=0, guidance="Say what matters."),
            Section("Key developments", "", position=1, guidance="Theme by theme."),
            Section("Trade", "Exports rose.", level=2, position=2),
            Section("Outlook", "Calm.", position=3, guidance="What next."),
        ),
    )
    problems = check_note(note, {}, {})
    assert [(p.kind, p.section) for p in problems] == [(ProblemKind.GUIDANCE_ONLY, "Summary")]
    assert not problems[0].blocking and problems[0].refused_when_strict
    assert "Say what matters." in problems[0].message


def unwritten_briefing() -> Note:
    """A drafted Briefing note half written: guidance left in five sections, as the
    new-user trial exported it (page 2 ended with four headings in a row)."""
    return Note("India-Russia ties", sections=tuple(
        replace(section, position=i) for i, section in enumerate((
            Section("Summary", "Ties are deepening.", guidance="State the judgement."),
            Section("Background", "", guidance="What led here."),
            Section("Key developments", "", guidance="Theme by theme."),
            Section("Defence", "Co-production grows.", level=2),
            Section("Diplomacy", "", level=2, guidance="No passages tagged Diplomacy yet."),
            Section("Implications", "", guidance="So what for us."),
            Section("Outlook", "", guidance="What next."),
            Section("Next year", "", level=2, guidance="The year ahead."),
            Section("Annex", ""),  # emptied on purpose: no guidance
        ))
    ))  # fmt: skip


def test_only_written_sections_and_their_parents_are_exported() -> None:
    exported = [s.heading for s in sections_to_export(unwritten_briefing())]
    # Key developments stays for the Defence it holds; Annex was emptied on purpose.
    assert exported == ["Summary", "Key developments", "Defence", "Annex"]


def test_a_parent_stays_for_a_sub_section_that_is_kept_however_deep() -> None:
    note = Note("N", sections=(
        Section("Outlook", "", level=1, position=0, guidance="What next."),
        Section("Risks", "", level=2, position=1, guidance="Name them."),
        Section("Sanctions", "Tighter from May.", level=3, position=2),
        Section("Trade", "", level=1, position=3, guidance="Exports."),
    ))  # fmt: skip
    assert [s.heading for s in sections_to_export(note)] == ["Outlook", "Risks", "Sanctions"]


def test_the_check_names_each_section_left_out_and_says_so() -> None:
    problems = check_note(unwritten_briefing(), {}, {})
    assert [(p.kind, p.section) for p in problems] == [
        (ProblemKind.GUIDANCE_ONLY, name)
        for name in ("Background", "Diplomacy", "Implications", "Outlook", "Next year")
    ]
    assert all("left out of the export" in p.message for p in problems)
    assert "which is not exported" not in problems[0].message


def test_a_note_of_unwritten_sections_only_has_no_text_to_export() -> None:
    note = Note("Blank", sections=(
        Section("Summary", "", position=0, guidance="State the judgement."),
        Section("Outlook", "", position=1, guidance="What next."),
    ))  # fmt: skip
    assert [p.kind for p in check_note(note, {}, {})] == [ProblemKind.EMPTY_NOTE]


def test_a_run_in_quotation_is_checked_too() -> None:
    run_in = "As the wire put it, " + quotation_markdown(QUOTE, 7, block=False)
    assert kinds(note_with(run_in)) == []
    changed = run_in.replace("$2 billion", "$3 billion")
    assert kinds(note_with(changed)) == [(ProblemKind.QUOTE_CHANGED, "Section 0")]


@pytest.mark.parametrize("between", [",", ".", " ,", ";", "!", " "])
def test_punctuation_between_the_closing_mark_and_the_citation_hides_no_change(
    between: str,
) -> None:
    """A comma typed after a quotation's closing mark took it out of the check: a word
    changed inside it then passed and went out under its footnote (a new user's trial)."""
    body = quotation_markdown(QUOTE, 7, block=False).replace('"[@p7]', f'"{between}[@p7]')
    assert kinds(note_with(body)) == []
    changed = body.replace("$2 billion", "$3 billion")
    assert kinds(note_with(changed)) == [(ProblemKind.QUOTE_CHANGED, "Section 0")]
    block = quotation_markdown(QUOTE, 7).replace('"[@p7]', f'"{between}[@p7]')
    assert kinds(note_with(block.replace("$2 billion", "$3 billion"))) == [
        (ProblemKind.QUOTE_CHANGED, "Section 0")
    ]


def test_a_passage_tagged_with_its_own_marks_is_clean_when_quoted() -> None:
    text = '"We are taking the long view."'
    article = Article("Interview", text, publisher="Wire", published=dt.date(2026, 1, 2), id=1)
    passage = Passage(1, 0, len(text), text, id=7)
    body = quotation_markdown(text, 7)
    assert body.count('"') == 2  # not doubled
    assert kinds(note_with(body), {7: passage}, {1: article}) == []


def test_problems_name_the_footnote_the_reader_sees_and_the_section_never_a_database_id() -> None:
    other = Passage(1, 0, len("Intro line."), "Intro line.", theme_ids=(1,), id=31)
    changed = quotation_markdown(QUOTE, 7).replace("$2 billion", "$3 billion")
    note = Note("Brief", sections=(
        Section("Summary", "Context [@p31]. More [@p31], code `[@p7]` is no citation.", 1, 0,
                id=501),
        Section("Ports", "Gone [@p99]. " + quotation_markdown(QUOTE, 7), 1, 1, id=502),
        Section("Outlook", "Again [@p31].\n\n" + changed, 1, 2, id=503),
    ))  # fmt: skip
    problems = check_note(note, {7: PASSAGE, 31: other}, {1: ARTICLE})
    by_kind = {p.kind: p for p in problems}
    missing = by_kind[ProblemKind.MISSING_PASSAGE]
    assert (missing.section_id, missing.footnote) == (502, None)  # a marker, not a footnote
    assert "[missing source: passage 99]" in missing.message
    # Footnotes 1 and 2 in Summary, 3 in Ports (99 prints a marker), 4 and 5 in Outlook.
    quote = by_kind[ProblemKind.QUOTE_CHANGED]
    assert (quote.section_id, quote.footnote) == (503, 5)
    assert 'In "Outlook", the quotation at footnote 5' in quote.message
    assert "31" not in quote.message and " 7" not in quote.message


def test_a_passage_quoted_twice_is_a_warning_that_names_each_place() -> None:
    body = quotation_markdown(QUOTE, 7)
    note = Note("Brief", sections=(
        Section("Summary", "The deal is large [@p7].", 1, 0, id=601),  # cited, not quoted
        Section("Energy", body, 2, 1, id=602),
        Section("Nuclear energy", "As reported:\n\n" + body, 2, 2, id=603),
    ))  # fmt: skip
    [problem] = check_note(note, {7: PASSAGE}, {1: ARTICLE})
    assert problem.kind is ProblemKind.QUOTED_AGAIN
    assert problem.message == (
        'The passage "The deal, worth $2 billion, covers new *berths* and a rail…" is quoted '
        'twice, in "Energy" (footnote 2) and "Nuclear energy" (footnote 3): keep one '
        "quotation and delete the other."
    )
    assert not problem.blocking and not problem.refused_when_strict
    # Go to shows the second quotation, the one to delete; Open Passage shows the source.
    assert (problem.section_id, problem.footnote, problem.passage_id) == (603, 3, 7)


def test_three_quotations_of_one_passage_in_two_sections_are_one_warning() -> None:
    body = quotation_markdown(QUOTE, 7)
    run_in = "As the wire put it, " + quotation_markdown(QUOTE, 7, block=False)
    note = note_with(body + "\n\n" + run_in, body)
    [problem] = check_note(note, {7: PASSAGE}, {1: ARTICLE})
    assert problem.kind is ProblemKind.QUOTED_AGAIN and problem.footnote == 2
    assert 'quoted 3 times, in "Section 0" (footnotes 1 and 2) and "Section 1" (footnote 3)' in (
        problem.message
    )
    assert problem.message.endswith("keep one quotation and delete the others.")


def test_citing_a_quoted_passage_again_or_writing_its_token_as_code_is_no_repeat() -> None:
    body = quotation_markdown(QUOTE, 7)
    assert kinds(note_with(body, "Again, the deal [@p7].", 'Write `"x"[@p7]` to cite.')) == []
    # A quotation of a deleted passage is reported as missing, not as a repeat.
    assert kinds(note_with(body, body), passages={}) == [
        (ProblemKind.MISSING_PASSAGE, "Section 0"), (ProblemKind.MISSING_PASSAGE, "Section 1"),
    ]  # fmt: skip


@pytest.mark.parametrize("lines", [False, True], ids=["one-line", "a-line-each"])
def test_a_paragraph_of_many_run_in_quotations_names_only_the_changed_one(lines: bool) -> None:
    """Each quotation is read from after the citation before it and still the one changed
    is found (the speed this bought is bench/bench_check.py's: a paragraph of 1,000 took
    a minute when every earlier mark was tried for every citation)."""
    words = [f"Word{n}" for n in range(150)]
    passages = {
        100 + n: Passage(1, 0, len(word), word, theme_ids=(1,), id=100 + n)
        for n, word in enumerate(words)
    }
    quoted = [f'"{word}"[@p{100 + n}]' for n, word in enumerate(words)]
    quoted[97] = '"Changed"[@p197]'
    body = ("\n" if lines else " and ").join(quoted)
    found = check_note(note_with(body), passages, {1: ARTICLE})
    changed = [p for p in found if p.kind is ProblemKind.QUOTE_CHANGED]
    assert [(p.passage_id, p.footnote) for p in changed] == [(197, 98)]


def test_a_quotation_opening_far_back_among_many_marks_reads_as_changed_not_missed() -> None:
    """Past MAX_OPENINGS possible openings the check stops looking, keeping the first (a
    drafted quotation's): one that opens further in is reported, never passed."""
    inner = " ".join(f'"x{n}"' for n in range(40))
    passage = Passage(1, 0, 10, f"Start {inner} end", theme_ids=(1,), id=9)

    def changed(body: str) -> bool:
        found = check_note(note_with(body), {9: passage}, {1: ARTICLE})
        return ProblemKind.QUOTE_CHANGED in [p.kind for p in found]

    assert not changed(f'Said: "Start {inner} end"[@p9]')
    assert changed(f'He said "no", then: "Start {inner} end"[@p9]')


def check_kinds(passage_text: str, body: str) -> list[ProblemKind]:
    text = "Intro.\n\n" + passage_text + "\n\nEnd."
    article = Article("A", text, publisher="W", published=dt.date(2026, 1, 1), id=1)
    start = text.index(passage_text)
    passage = Passage(1, start, start + len(passage_text), passage_text, theme_ids=(1,), id=9)
    return [p.kind for p in check_note(note_with(body), {9: passage}, {1: article})]


def test_a_changed_word_in_a_block_quote_of_many_lines_is_reported() -> None:
    """A block quote broken over 33 lines, its mark on the first: reading only the last
    32 lines found no opening and passed the changed word (review)."""
    words = [f"word{n}" for n in range(330)]
    changed = ["CHANGED" if w == "word5" else w for w in words]
    lines = [" ".join(changed[i : i + 10]) for i in range(0, 330, 10)]
    lines[0], lines[-1] = '"' + lines[0], lines[-1] + '"[@p9]'
    body = "\n".join("> " + line for line in lines)
    assert ProblemKind.QUOTE_CHANGED in check_kinds(" ".join(words), body)


def test_a_passage_of_many_paragraphs_inserted_unchanged_is_clean() -> None:
    passage = "\n\n".join(f"Paragraph {n} says something." for n in range(40))
    assert check_kinds(passage, quotation_markdown(passage, 9)) == []


def test_a_changed_quotation_names_its_own_footnote_after_a_plain_citation() -> None:
    """The same passage cited in plain words first: the quotation is footnote 2."""
    body = "As reported [@p7].\n\n" + quotation_markdown(QUOTE, 7).replace("$2", "$3")
    found = check_note(note_with(body), {7: PASSAGE}, {1: ARTICLE})
    assert [(p.kind, p.footnote) for p in found] == [(ProblemKind.QUOTE_CHANGED, 2)]


def test_two_sources_under_one_title_are_named_apart_and_flagged_once() -> None:
    """A report imported as a Word file and as its PDF: quoting both would list it twice
    among the Sources, and their warnings would read alike."""
    word = replace(ARTICLE, publisher="", source_name="harbour-deal.docx")
    pdf = replace(ARTICLE, id=2, publisher="", source_name="harbour-deal.pdf")
    again = Passage(2, START, START + len(QUOTE), QUOTE, theme_ids=(1,), id=8)
    note = note_with(quotation_markdown(QUOTE, 7) + "\n\n" + quotation_markdown(QUOTE, 8))
    problems = check_note(note, {7: PASSAGE, 8: again}, {1: word, 2: pdf})
    assert [p.kind for p in problems] == [
        ProblemKind.NO_PUBLISHER, ProblemKind.NO_PUBLISHER, ProblemKind.SAME_TITLE,
    ]  # fmt: skip
    first, second, same = problems
    assert '"Harbour deal" (harbour-deal.docx) has no publisher' in first.message
    assert '"Harbour deal" (harbour-deal.pdf) has no publisher' in second.message
    assert "harbour-deal.docx" in same.message and "harbour-deal.pdf" in same.message
    assert not same.blocking and not same.refused_when_strict and same.article_id == 2


def test_sources_with_different_titles_raise_no_title_warning() -> None:
    other = replace(ARTICLE, id=2, title="Harbour deal: the costs")
    again = Passage(2, START, START + len(QUOTE), QUOTE, theme_ids=(1,), id=8)
    note = note_with(quotation_markdown(QUOTE, 7) + "\n\n" + quotation_markdown(QUOTE, 8))
    assert kinds(note, {7: PASSAGE, 8: again}, {1: ARTICLE, 2: other}) == []
    # one source cited twice is one source: named plainly, nothing to flag
    twice = note_with(quotation_markdown(QUOTE, 7), "Again: " + quotation_markdown(QUOTE, 7))
    assert ProblemKind.SAME_TITLE not in [k for k, _ in kinds(twice)]


def test_a_block_quotation_whose_citation_was_removed_is_flagged_and_strict_refuses() -> None:
    """Typing over a drafted quotation's citation left a misquotation that passed the check
    and went out with no footnote (a new user's trial): it is now named."""
    drafted = quotation_markdown(QUOTE, 7)
    lost = drafted.replace("[@p7]", "").replace("$2 billion", "$5 billion")
    problems = check_note(note_with("Context.", lost), {7: PASSAGE}, {1: ARTICLE})
    assert [(p.kind, p.section) for p in problems] == [(ProblemKind.UNCITED_QUOTE, "Section 1")]
    problem = problems[0]
    assert not problem.blocking and problem.refused_when_strict
    assert '"Section 1"' in problem.message and "$5 billion" in problem.message


@pytest.mark.parametrize(
    "body",
    [
        'A paragraph with a "short quote" of the analyst\'s own.',
        quotation_markdown(QUOTE, 7),
        '> "First paragraph\n>\n> "second, cited at the end" [@p7]',
        "```\n> a shell prompt, in code\n```",
        'Text.\n```\n"a long quoted string in a code block, not a quotation at all"\n```',
        ">\n>",
    ],
)
def test_cited_quotations_code_and_run_in_words_are_not_uncited_quotations(body: str) -> None:
    assert ProblemKind.UNCITED_QUOTE not in [kind for kind, _ in kinds(note_with(body))]


def test_each_uncited_block_quotation_is_named_once() -> None:
    body = "> One epigraph.\n\nText.\n\n> Another,\nwith a lazy line."
    problems = check_note(note_with(body), {}, {})
    assert [p.message.split("(")[1][:12] for p in problems] == ['"One epigrap', '"Another, wi']


def test_a_run_in_quotation_that_lost_its_citation_is_flagged_short_phrases_are_not() -> None:
    """A short quotation is inserted run-in; with its citation typed over, it is a long
    quotation in a paragraph that cites nothing. A title or a "so-called" term is not."""
    lost = f'As Wire put it: "{QUOTE}"so'  # the chip's place typed over
    assert kinds(note_with(lost)) == [(ProblemKind.UNCITED_QUOTE, "Section 0")]
    own = 'The so-called "shadow fleet" grew, says "Baltic Energy Security Outlook 2025".'
    said = f'"{QUOTE}," she said on Monday [@p7].'
    assert kinds(note_with(own)) == []
    assert ProblemKind.UNCITED_QUOTE not in [k for k, _ in kinds(note_with(said))]
