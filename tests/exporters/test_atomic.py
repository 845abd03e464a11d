"""Atomic writes: a failed export leaves neither a half file nor a temp file behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefer.exporters import ExportError
from briefer.exporters.document import ExportDocument
from briefer.exporters.docx import export_docx
from briefer.exporters.markdown import export_markdown

WRITERS = [export_docx, export_markdown]


@pytest.mark.parametrize("write", WRITERS)
def test_folder_that_does_not_exist_is_named(
    write, document: ExportDocument, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "note.out"
    with pytest.raises(ExportError, match="missing") as caught:
        write(document, target)
    assert str(tmp_path / "missing") in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("write", WRITERS)
def test_parent_that_is_a_file_is_refused(write, document: ExportDocument, tmp_path: Path) -> None:
    blocker = tmp_path / "report.txt"
    blocker.write_text("a file, not a folder")
    with pytest.raises(ExportError, match="not a folder"):
        write(document, blocker / "note.out")
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


@pytest.mark.parametrize("write", WRITERS)
def test_failed_replace_leaves_old_file_and_no_temp(
    write, document: ExportDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.out"
    target.write_bytes(b"previous export")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="not open in another program"):
        write(document, target)
    assert [p.name for p in tmp_path.iterdir()] == ["note.out"]
    assert target.read_bytes() == b"previous export"


def test_failure_while_writing_removes_the_temp_file(
    document: ExportDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError, match="is full; free some space and export again"):
        export_markdown(document, tmp_path / "note.md")
    assert list(tmp_path.iterdir()) == []


def test_a_real_full_disk_keeps_the_previous_export(
    document: ExportDocument, small_disk: Path
) -> None:
    from tests.conftest import fill_disk

    target = small_disk / "note.docx"
    export_docx(document, target)
    before = target.read_bytes()
    filler = fill_disk(small_disk, leave=0)
    with pytest.raises(ExportError) as failed:
        export_docx(document, target)
    assert str(failed.value) == (
        f"The disk holding {small_disk} is full; free some space and export again."
        " Nothing was lost (note.docx as it was is unchanged)."
    )
    assert target.read_bytes() == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin", "note.docx"]
    filler.unlink()
    export_docx(document, target)


def test_success_replaces_the_old_file(document: ExportDocument, tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    target.write_text("old")
    export_markdown(document, target)
    assert target.read_text(encoding="utf-8").startswith("---\ntitle:")
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


def test_an_export_killed_mid_write_leaves_nothing_after_the_next_export(
    document: ExportDocument, tmp_path: Path
) -> None:
    """A real kill -9 during an export, then the next export sweeps up what it left."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from briefer.exporters.atomic import write_atomically\n"
        "def slow(stream):\n"
        "    stream.write(b'x' * 4096); stream.flush(); print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "write_atomically(Path(sys.argv[1]), slow)\n"
    )
    target = tmp_path / "note.docx"
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(target)],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(left) == 1 and left[0].name.startswith(".note.docx.~briefer-")
    old = time.time() - 3600
    os.utime(left[0], (old, old))  # the kill was an hour ago
    someone_elses = tmp_path / ".note.docx.draft.tmp"  # not our naming: never touched
    someone_elses.write_text("theirs")
    os.utime(someone_elses, (old, old))

    export_docx(document, target)

    assert sorted(p.name for p in tmp_path.iterdir()) == [".note.docx.draft.tmp", "note.docx"]


@pytest.fixture
def umask_027():
    previous = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("write", WRITERS)
@pytest.mark.usefixtures("umask_027")
def test_a_new_export_honours_the_umask(write, document: ExportDocument, tmp_path: Path) -> None:
    """mkstemp's private 0600 would hide the export from the group it is meant for."""
    target = tmp_path / "note.out"
    write(document, target)
    assert oct(target.stat().st_mode & 0o7777) == oct(0o666 & ~0o027)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("write", WRITERS)
@pytest.mark.usefixtures("umask_027")
def test_re_exporting_keeps_the_existing_files_mode(
    write, document: ExportDocument, tmp_path: Path
) -> None:
    target = tmp_path / "note.out"
    target.write_bytes(b"previous export")
    for mode in (0o644, 0o600, 0o664):
        target.chmod(mode)
        write(document, target)
        assert oct(target.stat().st_mode & 0o7777) == oct(mode)
        assert target.read_bytes() != b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["note.out"]
