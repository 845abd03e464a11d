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
        "Image credit: Jane Smith",
        "© X, AFP",
        "REUTERS/Jane Smith",
        "Photograph: Jane Smith/Getty Images",
        "JOHN MACDOUGALL / AFP",  # AFP sets its photographer's surname in capitals
        "Picture: Ray Strange",
        "Crédit photo : AFP",
        "Ludovic MARIN / AFP",
        "AFP PHOTO / LUDOVIC MARIN",
        "Meridian/Carla Reis",
        "Doug Mills/The New York Times",
        "Ahmad Gharabli, AFP via Getty Images",
        "Xinhua News Agency",
        "Getty Images North America",
        "Jane A. Smith/Reuters",
        "Photo: Reuters | Jane Smith",
        "Picture: Jake Nowakowski Source: News Corp Australia",
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
        (f"{_SENTENCE} Picture: Ray Strange", _SENTENCE),
        (f"{_SENTENCE} Source: Supplied", _SENTENCE),
        (_SENTENCE[:-1] + " / Reuters", _SENTENCE[:-1]),
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
        # An agency's name inside a longer name is what is pictured, not who took it.
        "The Reuters Building In Canary Wharf",
        "Bloomberg Headquarters In New York",
        "Pool Party At The White House",
        # A slash between names is no credit without an agency or a photographer's name.
        "EU/NATO Summit",
        "Kyiv, Ukraine / March 2024",
        # "Video", "Map", "Source" open titles and data sources as often as credits.
        "Video: Moment Of The Explosion In Beirut",
        "Source: IMF World Economic Outlook, October 2024",
        "Figure 1. Share of capacity, 2025. Source: IMF World Economic Outlook, October 2024",
    ],
)
def test_a_caption_without_a_credit_is_kept_whole(caption: str) -> None:
    assert without_credit(caption) == caption


@pytest.mark.parametrize(
    ("caption", "kept"),
    [
        ("Ukrainian President Volodymyr Zelensky (AFP)", "Ukrainian President Volodymyr Zelensky"),
        ("Kamala Harris and Donald Trump. Reuters", "Kamala Harris and Donald Trump."),
        ("Foreign Minister Sergey Lavrov | AFP", "Foreign Minister Sergey Lavrov"),
        ("Prime Minister Keir Starmer / Getty Images", "Prime Minister Keir Starmer"),
        ("Gaza City, October 2023 (Reuters)", "Gaza City, October 2023"),
        ("Hamas Leader Yahya Sinwar (File Photo)", "Hamas Leader Yahya Sinwar"),
    ],
)  # fmt: skip
def test_names_before_a_final_credit_say_what_is_pictured(caption: str, kept: str) -> None:
    """A credit set after a separator or in brackets goes; the names before it stay, as
    they name who or what is pictured."""
    assert without_credit(caption) == kept
