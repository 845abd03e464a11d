"""Tagging words that already are a passage never makes a second one (issue 13)."""

from __future__ import annotations

from briefer.core.citations import quotation_markdown
from briefer.core.model import Note, Section
from briefer.session import (
    AddNoteCommand,
    Session,
    TagPassageCommand,
    TagPassagesCommand,
    prepare_export,
)
from tests.session.test_commands import TEXT, ids, span
from tests.session.test_commands import session as session  # the same project, a fixture


def _tag(session: Session, words: str, theme: int, *, toggle: bool = True) -> TagPassageCommand:
    command = TagPassageCommand(ids(session)["article"], *span(words), [theme], toggle=toggle)
    session.do(command)
    return command


def test_a_second_theme_key_on_the_same_words_adds_it_to_the_one_passage(
    session: Session,
) -> None:
    trade, energy = ids(session)["trade"], ids(session)["energy"]
    first = _tag(session, "expand trade in oil", trade)
    second = _tag(session, "expand trade in oil", energy)
    (passage,) = session.query.list_passages()
    assert passage.id == first.passage_id == second.passage_id
    assert passage.theme_ids == (trade, energy)
    assert second.existed and second.label == "Add theme to passage"
    assert session.undo() == "Add theme to passage"
    assert session.query.get_passage(passage.id).theme_ids == (trade,)  # type: ignore[arg-type]


def test_the_same_key_again_takes_the_theme_off_and_then_the_passage(session: Session) -> None:
    trade, energy = ids(session)["trade"], ids(session)["energy"]
    _tag(session, "expand trade in oil", trade)
    _tag(session, "expand trade in oil", energy)
    off = _tag(session, "trade in", trade)  # inside the passage: acts on it
    (passage,) = session.query.list_passages()
    assert passage.theme_ids == (energy,) and off.label == "Remove theme from passage"
    gone = _tag(session, "expand trade in oil", energy)
    assert session.query.list_passages() == [] and gone.removed
    assert gone.passage_id is None and gone.label == "Remove passage"
    session.undo()
    assert session.query.list_passages() == [passage]  # same id, uuid and comment


def test_without_toggle_tagging_only_adds(session: Session) -> None:
    trade = ids(session)["trade"]
    _tag(session, "submarines", trade, toggle=False)
    again = _tag(session, "submarines", trade, toggle=False)
    assert not again.changed and again.existed
    assert [p.theme_ids for p in session.query.list_passages()] == [(trade,)]


def test_a_comment_given_with_the_tag_joins_the_passage_comment(session: Session) -> None:
    trade, defence = ids(session)["trade"], ids(session)["defence"]
    article = ids(session)["article"]
    session.do(TagPassageCommand(article, *span("submarines"), [trade], "Which class?"))
    session.do(TagPassageCommand(article, *span("submarines"), [defence], "Check the count."))
    (passage,) = session.query.list_passages()
    assert passage.comment == "Which class?\n\nCheck the count."


def test_larger_words_around_a_passage_of_another_theme_make_a_passage_of_their_own(
    session: Session,
) -> None:
    """Around a passage of the same theme they grow it instead (the tests below)."""
    trade, energy = ids(session)["trade"], ids(session)["energy"]
    _tag(session, "trade in", energy)
    _tag(session, "expand trade in oil", trade)
    assert [p.text for p in session.query.list_passages()] == ["expand trade in oil", "trade in"]
    assert TEXT.count("trade in") == 1


def test_accepting_suggestions_inside_a_passage_adds_their_theme(session: Session) -> None:
    trade, energy = ids(session)["trade"], ids(session)["energy"]
    _tag(session, "expand trade in oil", trade)
    session.do(TagPassagesCommand(ids(session)["article"], [span("oil"), span("submarines")],
                                  [trade]))  # fmt: skip
    passages = session.query.list_passages()
    assert [(p.text, p.theme_ids) for p in passages] == [
        ("expand trade in oil", (trade,)),  # already had it: accepting never takes it off
        ("submarines", (trade,)),
    ]
    session.do(TagPassagesCommand(ids(session)["article"], [span("oil")], [energy]))
    assert session.query.list_passages()[0].theme_ids == (trade, energy)


def test_a_sentence_overlapping_a_passage_of_its_theme_grows_that_passage(
    session: Session,
) -> None:
    """NEWUSER s22 #1: tag a sentence's first words, then accept the sentence (the keyword
    suggestion): one passage over the whole sentence, not a second one around the first."""
    trade, energy = ids(session)["trade"], ids(session)["energy"]
    article = ids(session)["article"]
    session.do(TagPassageCommand(article, *span("India and Russia agreed"), [trade, energy],
                                 "Who signed?"))  # fmt: skip
    (first,) = session.query.list_passages()
    sentence = "India and Russia agreed to expand trade in oil and fertiliser."
    accept = TagPassageCommand(article, *span(sentence), [trade], toggle=False)
    session.do(accept)
    (passage,) = session.query.list_passages()
    assert passage.id == first.id == accept.passage_id
    assert (passage.text, passage.theme_ids, passage.comment) == (
        sentence,
        (trade, energy),
        "Who signed?",
    )
    assert passage.suffix.startswith("\n\nDefence ties") and passage.prefix == ""
    assert accept.grown == first and accept.label == "Extend passage"
    assert session.undo() == "Extend passage"  # one step back to the first words
    assert session.query.list_passages() == [first]
    session.redo()
    assert session.query.list_passages() == [passage]


def test_a_selection_over_either_edge_or_round_a_passage_grows_it_by_key(
    session: Session,
) -> None:
    """The theme's key on a selection that overlaps a passage of that theme (toggle on, as
    in the Reader) extends it: over its end, over its start, or round it whole."""
    trade = ids(session)["trade"]
    _tag(session, "trade in oil", trade)
    grown = _tag(session, "oil and fertiliser", trade)  # over its end
    assert [p.text for p in session.query.list_passages()] == ["trade in oil and fertiliser"]
    assert grown.grown is not None and not grown.removed
    _tag(session, "expand trade", trade)  # over its start
    _tag(session, "agreed to expand trade in oil and fertiliser.", trade)  # round it
    (passage,) = session.query.list_passages()
    assert passage.text == "agreed to expand trade in oil and fertiliser."


def test_a_passage_of_another_theme_is_left_alone_and_the_words_become_their_own(
    session: Session,
) -> None:
    trade, defence = ids(session)["trade"], ids(session)["defence"]
    _tag(session, "trade in oil", defence)
    fresh = _tag(session, "oil and fertiliser", trade)
    assert fresh.grown is None
    assert sorted((p.text, p.theme_ids) for p in session.query.list_passages()) == [
        ("oil and fertiliser", (trade,)),
        ("trade in oil", (defence,)),
    ]


def test_words_in_a_passage_of_another_theme_grow_the_one_of_their_theme_they_overlap(
    session: Session,
) -> None:
    """A Defence sentence holding a Trade fragment: accepting a Trade suggestion inside the
    sentence grows the fragment, not the sentence (which would then hold a second Trade
    passage, quoted twice in a note); words inside a Trade passage still act on it."""
    trade, defence = ids(session)["trade"], ids(session)["defence"]
    article = ids(session)["article"]
    _tag(session, "trade in oil", trade)
    _tag(session, "India and Russia agreed to expand trade in oil and fertiliser.", defence)
    accept = TagPassageCommand(article, *span("expand trade"), [trade], toggle=False)
    session.do(accept)
    assert accept.grown is not None
    assert [(p.text, p.theme_ids) for p in session.query.list_passages()] == [
        ("India and Russia agreed to expand trade in oil and fertiliser.", (defence,)),
        ("expand trade in oil", (trade,)),
    ]
    off = _tag(session, "trade in", trade)  # inside the Trade passage: toggles it off there
    assert off.grown is None and off.removed


def test_a_suggestion_that_is_a_passage_of_another_theme_joins_it_and_the_fragment_stays(
    session: Session,
) -> None:
    """Growing the Trade fragment to the sentence would give it the Defence passage's very
    span, which the store refuses (one passage per span): the sentence takes Trade, as
    words that already are a passage always did, and nothing fails."""
    trade, defence = ids(session)["trade"], ids(session)["defence"]
    article = ids(session)["article"]
    sentence = "India and Russia agreed to expand trade in oil and fertiliser."
    _tag(session, "trade in oil", trade)
    _tag(session, sentence, defence)
    accept = TagPassageCommand(article, *span(sentence), [trade], toggle=False)
    session.do(accept)
    assert accept.grown is None
    assert [(p.text, p.theme_ids) for p in session.query.list_passages()] == [
        (sentence, (defence, trade)),
        ("trade in oil", (trade,)),
    ]


def test_a_passage_a_note_quotes_is_not_grown_so_the_note_still_exports(
    session: Session,
) -> None:
    """Review s22: growing a quoted passage made the note's quotation "changed", blocking
    its export though the note was never touched; the words become their own passage."""
    trade = ids(session)["trade"]
    article = ids(session)["article"]
    session.do(TagPassageCommand(article, *span("India and Russia agreed"), [trade]))
    (first,) = session.query.list_passages()
    assert first.id is not None
    body = quotation_markdown(first.text, first.id)
    session.do(AddNoteCommand(Note("Brief", sections=(Section("Summary", body),))))
    sentence = "India and Russia agreed to expand trade in oil and fertiliser."
    accept = TagPassageCommand(article, *span(sentence), [trade], toggle=False)
    session.do(accept)
    assert accept.grown is None and accept.kept_apart == first
    assert session.query.get_passage(first.id) == first  # the quoted words stay as quoted
    assert sorted(p.text for p in session.query.list_passages()) == sorted([first.text, sentence])
    note = session.query.list_notes()[0]
    assert note.id is not None
    job = prepare_export(session.query, note.id)
    assert not job.blocking  # nothing the analyst did not do is in the way


def test_words_across_two_passages_of_the_theme_grow_one_only_to_the_other(
    session: Session,
) -> None:
    """Review s22: growing one onto the other made them share words, quoted twice."""
    trade = ids(session)["trade"]
    article = ids(session)["article"]
    left_words, right_words = "India and Russia agreed", "oil and fertiliser"
    session.do(TagPassageCommand(article, *span(left_words), [trade]))
    session.do(TagPassageCommand(article, *span(right_words), [trade]))
    across = TagPassageCommand(article, *span("Russia agreed to expand trade in oil"), [trade])
    session.do(across)
    left, right = sorted(session.query.list_passages(), key=lambda p: p.start)
    assert left.end <= right.start  # side by side, no word in both
    assert left.text == "India and Russia agreed to expand trade in"  # to the other's edge
    assert right.text == right_words
    again = TagPassageCommand(article, *span("trade in oil"), [trade])
    session.do(again)  # already the theme's words, on both sides: nothing new
    assert len(session.query.list_passages()) == 2 and not again.changed
