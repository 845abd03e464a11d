"""Tagging words that already are a passage never makes a second one (issue 13)."""

from __future__ import annotations

from briefer.session import Session, TagPassageCommand, TagPassagesCommand
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


def test_larger_words_around_a_passage_make_a_passage_of_their_own(session: Session) -> None:
    trade = ids(session)["trade"]
    _tag(session, "trade in", trade)
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
