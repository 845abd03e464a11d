"""Temp-file names: ours unmistakably, within file-name limits, swept only when stale."""

from __future__ import annotations

import os
import time
from pathlib import Path

from briefer.core.tempfiles import NAME_MAX_BYTES, fit_name, is_ours, remove_stale, temp_path


def test_fit_name_keeps_short_names_and_shortens_long_ones_stably() -> None:
    assert fit_name("brief.briefer", 20) == "brief.briefer"
    long = "Ministerial visit to the port of " + "Ō" * 120 + ".briefer"  # > 255 bytes
    short = fit_name(long, 30)
    assert len(short.encode("utf-8")) + 30 <= NAME_MAX_BYTES
    assert short == fit_name(long, 30)  # two processes derive the same name
    assert short != fit_name(long.replace("port", "airport"), 30)
    short.encode("utf-8").decode("utf-8")  # never cut inside a character


def test_temp_names_are_recognisably_ours(tmp_path: Path) -> None:
    name = temp_path(tmp_path / "note.docx").name
    assert is_ours(name) and is_ours(name + "-journal")
    for other in ("note.docx", ".note.docx.tmp", "~$note.docx", ".~lock.note.docx#", "x.tmp"):
        assert not is_ours(other), other


def test_remove_stale_takes_only_old_files_of_ours(tmp_path: Path) -> None:
    now = time.time()
    stale = temp_path(tmp_path / "a.briefer")
    journal = stale.with_name(stale.name + "-journal")
    fresh = temp_path(tmp_path / "b.docx")
    theirs = tmp_path / ".report.docx.tmp"
    for path in (stale, journal, fresh, theirs):
        path.write_bytes(b"x")
    for path in (stale, journal, theirs):
        os.utime(path, (now - 3600, now - 3600))
    link = temp_path(tmp_path / "c.docx")
    link.symlink_to(theirs)

    removed = remove_stale(tmp_path, now=now)

    assert sorted(removed) == sorted([stale, journal])
    assert fresh.exists() and theirs.exists() and link.is_symlink()
