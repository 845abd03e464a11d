"""Which locale a CSL style renders in: its own default-locale, else the note's language.

CSL 1.0.2: a style's default-locale, when set, overrides the user's locale;
without one the processor uses the user's (here the note's language), with
the specification's fallback to a primary dialect and then en-US.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.record import replace
from briefer.exporters.citations_csl import forget_styles, keep_on_disk
from briefer.exporters.csl_styles import bundled_styles, citeproc_locale, resolve_style
from briefer.exporters.document import ExportDocument, build_document
from briefer.resources import resource_path
from tests.exporters.test_csl_cache import NOTE, PASSAGES, _articles

STYLES = resource_path("csl")
PORTS = "Ports brace for a hard winter"  # imported 6 December 2025, published 20 November


def _document(style: str | Path, language: str | None) -> ExportDocument:
    return build_document(NOTE, PASSAGES, _articles(), resolve_style(style, STYLES, language))


def _entry(document: ExportDocument, title: str = PORTS) -> str:
    (entry,) = [s.text for s in document.sources if title.lower() in s.text.lower()]
    return entry


@pytest.mark.parametrize(
    ("language", "title", "accessed"),
    [
        ("en-GB", f"‘{PORTS}’,", "Available at: {url} (Accessed: 6 December 2025)."),
        ("en-US", f"“{PORTS},”", "Available at: {url} (Accessed: December 6, 2025)."),
        ("de-DE", f"„{PORTS}“,", "Verfügbar unter: {url} (Zugegriffen: 6. Dezember 2025)."),
    ],
)  # fmt: skip
def test_harvard_has_no_locale_of_its_own_and_cites_in_the_note_s_language(
    language: str, title: str, accessed: str
) -> None:
    entry = _entry(_document("harvard", language))
    accessed = accessed.format(url="https://example.org/ports")
    assert entry == f"Adams, A. (2025) {title} Harbour Weekly, 20 November. {accessed}"


@pytest.mark.parametrize("name", ["mhra", "oscola"])
def test_a_style_that_declares_its_locale_keeps_it_in_any_note(name: str) -> None:
    declared = resolve_style(name, STYLES)
    assert declared.locale == "en-GB"
    for language in ("en-US", "de-DE", "en-GB"):
        assert resolve_style(name, STYLES, language) == declared
    british = _document(name, None)
    for language in ("en-US", "de-DE"):
        assert _document(name, language) == british


def test_chicago_and_apa_declare_no_locale_so_they_follow_the_note_too() -> None:
    """The bundled Chicago and APA files set no default-locale (Chicago carries an en-GB
    block of its own for British use): an en-US note is as before, a British one British."""
    assert {s.name: s.locale for s in bundled_styles(STYLES)} == {
        "apa": "",
        "chicago-author-date": "",
        "chicago-notes-bibliography": "",
        "chicago-notes-bibliography-subsequent-ibid": "",
        "harvard-cite-them-right": "",
        "mhra-notes": "en-GB",
        "oscola": "en-GB",
    }
    assert _document("chicago", "en-US") == _document("chicago", None)  # citeproc-py's en-US
    us, gb = _document("chicago", "en-US").footnotes[0], _document("chicago", "en-GB").footnotes[0]
    assert us.text == (
        "Zoe Young, “Steel Deal Signed After Night of Talks,” The Courier, December 4, 2025, "
        "https://example.org/steel."
    )
    assert gb.text == (
        "Zoe Young, ‘Steel Deal Signed After Night of Talks’, The Courier, 4 December 2025, "
        "https://example.org/steel."
    )


@pytest.mark.parametrize(
    ("language", "locale"),
    [
        ("en-GB", "en-GB"),
        ("en_gb", "en-GB"),
        ("EN-us", "en-US"),
        ("en", "en-US"),  # the primary dialect of English in the CSL locales is en-US
        ("en-CA", "en-US"),  # no en-CA locale file: the primary dialect (Canadian Press)
        ("en-AU", "en-GB"),  # no en-AU locale file, and Australian usage is British
        ("en_nz", "en-GB"),
        ("en-IE", "en-GB"),
        ("en-AU-x-legal", "en-GB"),
        ("de", "de-DE"),
        ("de-AT", "de-AT"),
        ("de-LU", "de-DE"),
        ("pt", "pt-PT"),
        ("pt-BR", "pt-BR"),
        ("sr-latn-rs", "sr-Latn-RS"),
        ("xx-YY", "en-US"),  # a language with no locale at all
    ],
)
def test_the_locale_file_follows_the_specification_s_fallback(language: str, locale: str) -> None:
    assert citeproc_locale(language) == locale
    assert resolve_style("harvard", STYLES, language).rendering_locale == locale


def _harvard_xml(default_locale: str = "") -> str:
    text = (STYLES / "harvard-cite-them-right.csl").read_text(encoding="utf-8")
    if default_locale:
        start = '<style xmlns="http://purl.org/net/xbiblio/csl"'
        assert start in text
        text = text.replace(start, f'{start} default-locale="{default_locale}"', 1)
    return text


def test_a_users_csl_file_without_default_locale_follows_the_note(tmp_path: Path) -> None:
    mine = tmp_path / "our-harvard.csl"
    mine.write_text(_harvard_xml(), encoding="utf-8")
    assert "(Accessed: 6 December 2025)." in _entry(_document(mine, "en-GB"))
    assert "(Accessed: December 6, 2025)." in _entry(_document(mine, "en-US"))
    american = tmp_path / "our-us-harvard.csl"
    american.write_text(_harvard_xml("en-US"), encoding="utf-8")
    assert "(Accessed: December 6, 2025)." in _entry(_document(american, "en-GB"))


def _dependent(tmp_path: Path, parent_id: str, default_locale: str = "") -> Path:
    locale = f' default-locale="{default_locale}"' if default_locale else ""
    path = tmp_path / f"journal{default_locale}.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"{locale}>'
        "<info><title>Journal of Ports</title><id>https://example.org/ports-journal</id>"
        f'<link href="{parent_id}" rel="independent-parent"/></info></style>',
        encoding="utf-8",
    )
    return path


def test_a_dependent_style_follows_its_own_locale_else_its_parents_else_the_note(
    tmp_path: Path,
) -> None:
    styles = {s.name: s for s in bundled_styles(STYLES)}
    over_harvard = _dependent(tmp_path, styles["harvard-cite-them-right"].style_id)
    assert "(Accessed: 6 December 2025)." in _entry(_document(over_harvard, "en-GB"))
    assert "(Accessed: December 6, 2025)." in _entry(_document(over_harvard, "en-US"))
    german = _dependent(tmp_path, styles["harvard-cite-them-right"].style_id, "de-DE")
    assert "(Zugegriffen: 6. Dezember 2025)." in _entry(_document(german, "en-GB"))
    over_mhra = _dependent(tmp_path, styles["mhra-notes"].style_id)
    assert resolve_style(over_mhra, STYLES, "en-US").rendering_locale == "en-GB"


@pytest.mark.parametrize("on_disk", [False, True])
def test_a_kept_rendering_is_never_served_to_another_locale(tmp_path: Path, on_disk: bool) -> None:
    """The parse and renderings kept per process (and in the cache folder) are per locale."""
    keep_on_disk(tmp_path / "cache" if on_disk else None)
    try:
        forget_styles()
        british = _document("harvard", "en-GB")
        if on_disk:
            forget_styles()  # a new process: only the cache folder remembers
        american = _document("harvard", "en-US")
        assert "(Accessed: December 6, 2025)." in _entry(american)
        forget_styles()
        assert _document("harvard", "en-GB") == british
        assert "(Accessed: 6 December 2025)." in _entry(british)
        if on_disk:
            assert len(list((tmp_path / "cache").glob("csl-*.json"))) == 2
    finally:
        keep_on_disk(None)
        forget_styles()


def test_the_language_is_part_of_the_style_a_note_renders_in() -> None:
    harvard = resolve_style("harvard", STYLES)
    british = resolve_style("harvard", STYLES, "en-GB")
    assert british == replace(harvard, language="en-GB") != harvard
    assert resolve_style("harvard", STYLES, "") == harvard
