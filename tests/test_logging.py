"""Briefer's log file gets what libraries warn about; stderr keeps only Briefer's own lines."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from briefer.settings import resolve_paths, setup_logging, stop_logging

ROOT = Path(__file__).parents[1]

# JSON-LD whose articleSection is a number: trafilatura's metadata reader trips on it and
# logs "error in JSON metadata extraction" as a warning, then imports the page anyway.
_LD = '{"@context": "https://schema.org", "@type": "NewsArticle", "articleSection": 5}'
_PAGE = (
    "<html><head><title>Harbour reopens</title>"
    f'<script type="application/ld+json">{_LD}</script></head><body><article>'
    "<h1>Harbour reopens</h1><p>"
    + "The harbour reopened on Monday after three weeks of repairs to the quay. " * 20
    + "</p></article></body></html>"
)


def briefer(*args: str, home: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("BRIEFER_HOME", None)  # --home alone decides where the log goes
    return subprocess.run(
        [sys.executable, "-m", "briefer", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
    )


def test_a_library_warning_goes_to_the_log_file_not_to_stderr(tmp_path: Path) -> None:
    page = tmp_path / "harbour.html"
    page.write_text(_PAGE, encoding="utf-8")
    home, project = tmp_path / "home", tmp_path / "p.briefer"
    assert briefer("new", str(project), home=home, cwd=tmp_path).returncode == 0
    done = briefer("import", str(project), str(page), home=home, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "imported" in done.stdout
    assert all(line.startswith("briefer: ") for line in done.stderr.splitlines()), done.stderr
    assert "trafilatura" not in done.stderr and "JSON metadata" not in done.stderr
    log = (home / "logs" / "briefer.log").read_text(encoding="utf-8")
    assert "WARNING trafilatura" in log and "error in JSON metadata extraction" in log


def test_python_warnings_and_briefer_lines_reach_the_log(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "home")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        setup = setup_logging(paths)
        try:
            warnings.warn("the style's locale is missing a term", UserWarning, stacklevel=1)
            logging.getLogger("briefer.exporters.test").warning("fell back to Chicago")
            logging.getLogger("trafilatura.core").info("chatter the log does not need")
        finally:
            stop_logging(setup)
    log = paths.log_file.read_text(encoding="utf-8")
    assert "WARNING py.warnings" in log and "locale is missing a term" in log
    assert "WARNING briefer.exporters.test: fell back to Chicago" in log
    assert "chatter" not in log
    assert setup.handler is not None and setup.handler not in logging.getLogger().handlers


def test_an_unexpected_error_is_one_line_and_its_traceback_is_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefer import cli

    def boom(args: object, paths: object) -> int:
        raise RuntimeError("a bug in a command")

    monkeypatch.setitem(cli.HANDLERS, "info", boom)
    home = tmp_path / "home"
    assert cli.main(["--home", str(home), "info", str(tmp_path / "p.briefer")]) == 70
    err = capsys.readouterr().err
    log_file = home / "logs" / "briefer.log"
    assert err.count("\n") == 1 and str(log_file) in err and "Traceback" not in err
    log = log_file.read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: a bug in a command" in log


def test_the_log_file_is_made_by_the_first_record_only(tmp_path: Path) -> None:
    """A CLI run that logs nothing leaves no file and loads no logging.handlers (socket,
    pickle, queue: time every `briefer export` would pay for nothing)."""
    script = (
        "import logging, sys\n"
        "from briefer.cli import main\n"
        f"assert main(['--home', {str(tmp_path / 'home')!r}, 'styles']) == 0\n"
        "print('logging.handlers' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False"
    assert not (tmp_path / "home" / "logs" / "briefer.log").exists()


def test_a_log_file_that_cannot_be_opened_sends_the_log_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = resolve_paths(tmp_path / "home")
    paths.log_dir.mkdir(parents=True)
    paths.log_file.mkdir()  # a folder where the file should be
    setup = setup_logging(paths)
    try:
        logging.getLogger("briefer.test").warning("still heard")
    finally:
        stop_logging(setup)
    assert "WARNING briefer.test: still heard" in capsys.readouterr().err
