"""Picture credits taken off captions: what is only a credit goes, a real caption stays."""

from __future__ import annotations

import pytest

from briefer.importers.captioncredit import without_credit

_SENTENCE = "Defence Minister X inspects the new frigate at Mumbai on Tuesday."
_NEPAL = "Un Népalais prie à Katmandou, le 30 avril 2015."
_DHAKA = "Police forensics investigate the scene where a blogger was hacked to death in Dhaka"


@pytest.mark.parametrize(
    "caption",
    [
        "Photo: Reuters",
        "(Getty Images)",
        "AFP",
        "Image credit: Ministry of Defence",
        "File photo",
        "Foto: LA NACION",
        "Source: Supplied",
        "Photograph: Andrew Milligan/PA",
        "Photo by John Smith on Unsplash",
        "(AP Photo/Evan Vucci)",
        "Representational image",
        "Image: Twitter/@DefenceMinIndia",
        "© Munir uz Zaman, AFP",
    ],
)
def test_a_caption_that_only_credits_is_nothing(caption: str) -> None:
    assert without_credit(caption) == ""


@pytest.mark.parametrize(
    ("caption", "kept"),
    [
        (f"{_SENTENCE} (Photo: Reuters)", _SENTENCE),
        (f"{_SENTENCE} Photo: Reuters", _SENTENCE),
        (f"{_SENTENCE} (Thomas Coex/AFP/Getty Images)", _SENTENCE),
        (f"{_SENTENCE} REUTERS/Gleb Garanich", _SENTENCE),
        (_SENTENCE[:-1] + " | Photo Credit: PTI", _SENTENCE[:-1]),
        (_SENTENCE[:-1] + " - AFP", _SENTENCE[:-1]),
        (f"{_SENTENCE} (File photo)", _SENTENCE),
        (f"{_NEPAL} (Photo Prakash Mathema. AFP)", _NEPAL),
        (f"© Munir uz Zaman, AFP | {_DHAKA}", _DHAKA),
        (_SENTENCE[:-1] + " Photograph: Anadolu/Getty Images", _SENTENCE[:-1]),
        (f"{_SENTENCE} Jane Doe for The New York Times", _SENTENCE),
        (f"{_SENTENCE} [File: Amit Dave/Reuters]", _SENTENCE),
        (f"{_SENTENCE} (HT Photo)", _SENTENCE),
        (f"{_SENTENCE} JOHN MACDOUGALL / AFP", _SENTENCE),
        (f"Image caption, {_SENTENCE}", _SENTENCE),
    ],
)  # fmt: skip
def test_a_credit_at_a_captions_end_goes_and_its_sentence_stays(caption: str, kept: str) -> None:
    assert without_credit(caption) == kept


@pytest.mark.parametrize(
    "caption",
    [
        _SENTENCE,
        "Narendra Modi",  # who is pictured, not who took it
        "Emmanuel Macron and Narendra Modi",
        "Photo: Defence Minister X inspects the new frigate at Mumbai on Tuesday.",
        "The frigate INS Tamal (F71) at Mumbai",
        "Defence Minister Rajnath Singh (centre) with the crew",
        "Video: the minister's speech at the commissioning",
        "Israel/Gaza border at dawn",
        "Support for Ukraine runs high in Warsaw",
        "Caption contest winners at the Velden fair",
        "Figure 1. Share of global rare earth separation capacity, 2025.",
    ],
)
def test_a_caption_without_a_credit_is_kept_whole(caption: str) -> None:
    assert without_credit(caption) == caption
