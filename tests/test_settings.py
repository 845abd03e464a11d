"""Settings: every location redirectable, corrupt files set aside, writes atomic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.resources import load_json, resource_path, resources_dir
from briefer.settings import MAX_RECENT, Settings, load_settings, resolve_paths, save_settings


def test_briefer_home_redirects_every_location(briefer_home: Path) -> None:
    paths = resolve_paths()
    for folder in (paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir,
                   paths.backups_dir, paths.templates_dir):  # fmt: skip
        assert folder.is_relative_to(briefer_home)


def test_explicit_home_wins_over_environment(tmp_path: Path) -> None:
    assert (
        resolve_paths(tmp_path / "portable").config_dir == (tmp_path / "portable/config").resolve()
    )


def test_settings_round_trip(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    settings = Settings(author="A. Analyst", default_marking="CONFIDENTIAL", editor_font_size=13)
    settings.add_recent(tmp_path / "one.briefer")
    save_settings(paths, settings)
    assert load_settings(paths).settings == settings
    assert load_settings(paths).problem == ""


def test_missing_file_gives_defaults_without_complaint(tmp_path: Path) -> None:
    loaded = load_settings(resolve_paths(tmp_path))
    assert loaded.settings == Settings() and loaded.problem == ""


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2]",
        json.dumps({"author": 7}),
        json.dumps({"recent_projects": "x"}),
        "\x00\xff",
    ],
)
def test_corrupt_settings_are_set_aside_not_fatal(tmp_path: Path, content: str) -> None:
    paths = resolve_paths(tmp_path)
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text(content, encoding="utf-8", errors="surrogateescape")
    loaded = load_settings(paths)
    assert loaded.settings == Settings()
    assert "could not be read" in loaded.problem
    kept = list(paths.config_dir.glob("settings.corrupt-*.json"))
    assert (
        len(kept) == 1 and kept[0].read_text(encoding="utf-8", errors="surrogateescape") == content
    )
    assert not paths.settings_file.exists()


def test_recent_projects_are_unique_newest_first_and_capped(tmp_path: Path) -> None:
    settings = Settings()
    for i in range(MAX_RECENT + 3):
        settings.add_recent(tmp_path / f"p{i}.briefer")
    settings.add_recent(tmp_path / "p5.briefer")
    assert len(settings.recent_projects) == MAX_RECENT
    assert settings.recent_projects[0].endswith("p5.briefer")
    assert len(set(settings.recent_projects)) == MAX_RECENT


def test_failed_save_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = resolve_paths(tmp_path)
    save_settings(paths, Settings(author="first"))

    def broken_replace(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(OSError):
        save_settings(paths, Settings(author="second"))
    monkeypatch.undo()
    assert load_settings(paths).settings.author == "first"
    assert [p.name for p in paths.config_dir.iterdir()] == ["settings.json"]


def test_resources_are_found_from_a_checkout() -> None:
    assert (resources_dir() / "themes").is_dir()
    themes = load_json("themes", "default-themes.json")["themes"]
    assert [t["shortcut"] for t in themes] == ["1", "2", "3", "4", "5", "6"]
    with pytest.raises(FileNotFoundError, match="not found"):
        resource_path("no", "such.file")


def test_a_switch_round_trips_and_a_count_refuses_true(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "home")
    save_settings(paths, Settings(keep_citation_renderings=True))
    assert load_settings(paths).settings.keep_citation_renderings is True
    paths.settings_file.write_text('{"keep_backups": true}', encoding="utf-8")
    loaded = load_settings(paths)
    assert loaded.problem and loaded.settings.keep_backups == Settings().keep_backups


def test_a_setting_briefer_no_longer_has_is_ignored_not_fatal(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    paths.config_dir.mkdir(parents=True)
    # a setting a newer or older Briefer wrote, which this one does not have
    paths.settings_file.write_text(json.dumps({"author": "A. Analyst", "reader_columns": 2}))
    loaded = load_settings(paths)
    assert loaded.problem == "" and loaded.settings.author == "A. Analyst"
    assert not hasattr(loaded.settings, "reader_columns")
