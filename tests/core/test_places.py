"""Where each project was left: kept, bounded, written whole, and a bad file ignored."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from briefer.core.places import (
    COMPOSE,
    MAX_FILE_BYTES,
    MAX_PROJECTS,
    Place,
    read_places,
    recall,
    remember,
)


def test_a_place_is_kept_per_project_and_read_back(tmp_path: Path) -> None:
    file = tmp_path / "config" / "places.json"
    first, second = tmp_path / "a.briefer", tmp_path / "b.briefer"
    place = Place(COMPOSE, 2, 1200, 1250, 1, 7, 33)
    assert remember(file, first, place)
    assert remember(file, second, Place(article_id=5))
    assert recall(file, first) == place
    assert recall(file, second) == Place(article_id=5)
    assert recall(file, tmp_path / "never.briefer") is None


def test_the_key_is_the_resolved_path(tmp_path: Path) -> None:
    file = tmp_path / "places.json"
    (tmp_path / "sub").mkdir()
    remember(file, tmp_path / "sub" / ".." / "a.briefer", Place(note_id=3))
    assert recall(file, tmp_path / "a.briefer") == Place(note_id=3)
    os.symlink(tmp_path / "a.briefer", tmp_path / "link.briefer")
    assert recall(file, tmp_path / "link.briefer") == Place(note_id=3)


def test_only_the_latest_projects_are_kept_the_latest_first(tmp_path: Path) -> None:
    file = tmp_path / "places.json"
    for n in range(MAX_PROJECTS + 5):
        remember(file, tmp_path / f"p{n}.briefer", Place(article_id=n))
    remember(file, tmp_path / "p10.briefer", Place(article_id=99))  # left again: first
    places = read_places(file)
    assert len(places) == MAX_PROJECTS
    assert next(iter(places)) == str((tmp_path / "p10.briefer").resolve())
    assert recall(file, tmp_path / "p0.briefer") is None  # the oldest went
    assert recall(file, tmp_path / f"p{MAX_PROJECTS + 4}.briefer") == Place(article_id=54)


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all {",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"projects": "everything"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"projects": [' + b"1" * 10_000 + b"]}",  # past Python's digit limit
        b" " * (MAX_FILE_BYTES + 1) + b"{}",
    ],
)
def test_a_damaged_file_is_ignored_with_a_log_line(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "places.json"
    file.write_bytes(content)
    with caplog.at_level(logging.WARNING, "briefer.core.places"):
        assert read_places(file) == {}
        assert recall(file, tmp_path / "a.briefer") is None
    assert "places file" in caplog.text
    assert remember(file, tmp_path / "a.briefer", Place(article_id=1))  # written anew
    assert recall(file, tmp_path / "a.briefer") == Place(article_id=1)


def test_hostile_entries_are_skipped_and_the_good_ones_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "places.json"
    good = str((tmp_path / "good.briefer").resolve())
    bad_places = [
        {"view": "delete-everything"},
        {"article_id": "1; DROP TABLE"},
        {"article_id": True},
        {"article_top": -5},
        {"article_top": 2**80},
        {"note_cursor": None},
        {"section_id": 1.5},
        ["not", "a", "place"],
    ]
    entries: list[object] = [
        {"path": f"/p{i}.briefer", "place": p} for i, p in enumerate(bad_places)
    ]
    entries += [{"path": 7, "place": {}}, {"path": "x" * 5000, "place": {}}, "junk", None]
    entries.append({"path": good, "place": {"view": "compose", "note_id": 4, "extra": "ignored"}})
    file.write_text(json.dumps({"projects": entries}), encoding="utf-8")
    with caplog.at_level(logging.WARNING, "briefer.core.places"):
        places = read_places(file)
    assert places == {good: Place(view=COMPOSE, note_id=4)}
    assert "12 damaged entries skipped" in caplog.text


def test_an_unwritable_folder_is_logged_never_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING, "briefer.core.places"):
        assert not remember(blocker / "places.json", tmp_path / "a.briefer", Place())
    assert "could not keep the place" in caplog.text


def test_a_write_leaves_no_temp_files(tmp_path: Path) -> None:
    file = tmp_path / "places.json"
    for n in range(3):
        remember(file, tmp_path / "a.briefer", Place(article_id=n))
    assert [p.name for p in tmp_path.iterdir()] == ["places.json"]
