"""The scorer that the quality tests rely on must itself be right."""

from tests.importers.wordscore import score


def test_identical_text_scores_one() -> None:
    s = score("India and Russia signed a deal.", "india and russia, signed a deal")
    assert (s.precision, s.recall) == (1.0, 1.0)


def test_extra_boilerplate_lowers_precision_only() -> None:
    s = score("Share on Twitter. India signed a deal.", "India signed a deal.")
    assert s.recall == 1.0
    assert s.precision == 4 / 7


def test_lost_words_lower_recall_only() -> None:
    s = score("India signed", "India signed a deal")
    assert s.precision == 1.0
    assert s.recall == 0.5
