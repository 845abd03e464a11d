"""What is not a command is a usage error, and never opens the window by accident."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefer import app
from briefer.cli import _wants_window, main

ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize(
    "argv",
    [
        ["combine", "a.briefer", "b.briefer"],  # `merge` is a command now
        ["import", "p.briefer", "f.txt", "--home", "d"],
        ["nosuchcmd"],
        ["--home", "d", "nosuchcmd"],
        ["p.briefer", "extra"],
        ["--frobnicate"],
    ],
)
def test_an_unknown_command_or_misplaced_option_is_a_usage_error_in_a_real_process(
    argv: list[str], tmp_path: Path
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFER_HOME": str(tmp_path / "h")}
    started = time.monotonic()
    # A window opening would sit in its event loop until the timeout kills it.
    done = subprocess.run(
        [sys.executable, "-m", "briefer", *argv],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2, done.stderr
    assert time.monotonic() - started < 25
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefer: "), done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("word", "meant"), [("exprot", "export"), ("Import", "import"), ("merg", "merge")]
)
def test_a_mistyped_command_names_the_one_meant(
    word: str, meant: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "run_app", lambda argv: pytest.fail("the window was opened"))
    assert main([word, "p.briefer"]) == 2
    assert capsys.readouterr().err == (
        f'briefer: "{word}" is neither a command nor a project file (.briefer).'
        f' Did you mean "{meant}"? See `briefer --help`.\n'
    )
    assert main(["harbour", "p.briefer"]) == 2  # nothing like a command: no guess
    assert "Did you mean" not in capsys.readouterr().err


def test_the_misplaced_home_says_where_it_goes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_window(argv: object) -> int:
        raise AssertionError("the window was opened")

    monkeypatch.setattr(app, "run_app", no_window)
    assert main(["import", "p.briefer", "f.txt", "--home", "d"]) == 2
    assert "--home goes before the command" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["p.briefer"], True),
        (["--home", "h", "p.briefer"], True),
        (["--home=h"], True),
        (["--home", "h"], True),
        (["--home"], False),
        (["merge", "a", "b"], False),
        (["nosuchcmd"], False),
        (["import", "p", "f", "--home", "d"], False),
        (["--home", "h", "backups", "p.briefer"], False),
        (["p.briefer", "other.briefer"], False),
        (["--version"], False),
        (["-h"], False),
    ],
)
def test_only_a_project_or_nothing_opens_the_window(argv: list[str], window: bool) -> None:
    assert _wants_window(argv) is window


def test_an_existing_file_of_another_name_still_goes_to_the_window(tmp_path: Path) -> None:
    renamed = tmp_path / "project.bak"
    renamed.write_bytes(b"")
    assert _wants_window([str(renamed)])  # the window says whether it is a project


def test_a_project_path_and_no_arguments_reach_the_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(app, "run_app", lambda argv: calls.append(list(argv)) or 0)
    assert main(["p.briefer"]) == 0
    assert main([]) == 0
    assert calls == [["p.briefer"], []]


@pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="Windows and macOS always have their screen"
)
@pytest.mark.parametrize("platform", [None, "xcb", "wayland;xcb"])
@pytest.mark.parametrize("argv", [["p.briefer"], []])
def test_with_no_screen_the_window_is_refused_in_one_line_not_a_qt_abort(
    argv: list[str], platform: str | None, tmp_path: Path
) -> None:
    """An SSH login or a container has no X11 or Wayland: Qt would stop the process with a
    page of plugin names and a core dump. The analyst reads one line and the way out."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM")
    }
    if platform is not None:  # as /etc/environment sets it for every login, SSH included
        env["QT_QPA_PLATFORM"] = platform
    done = subprocess.run(
        [sys.executable, "-m", "briefer", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**env, "BRIEFER_HOME": str(tmp_path / "h"), "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("briefer: there is no screen to open the window on")
    assert "briefer --help" in lines[0]
    assert not (tmp_path / "p.briefer").exists()  # nothing made on the way


@pytest.mark.parametrize(
    ("environ", "platform", "refused"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),  # the user's own choice
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),  # names a display, has none
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":1"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland-egl", "WAYLAND_SOCKET": "5"}, "linux", False),
        ({"DISPLAY": "  "}, "freebsd14", True),
        ({}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_only_an_x11_or_wayland_system_without_either_lacks_a_screen(
    environ: dict[str, str], platform: str, refused: bool
) -> None:
    from briefer.screen import no_screen_reason

    assert (no_screen_reason(environ, platform) is not None) is refused
