"""Logging loads with the first record, and the log's set-up is in place before it.

Each case runs in its own Python process: pytest has loaded logging long before any test,
and a process that logs nothing must never load it (core/logs.py says why).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROLOGUE = """
import sys, warnings
from briefer.settings import resolve_paths, setup_logging
from briefer.core.logs import get_logger
setup = setup_logging(resolve_paths(sys.argv[1]))
"""


def run(tmp_path: Path, body: str) -> tuple[str, str, str]:
    """Run PROLOGUE and ``body``; its stdout, its stderr and the log file's text."""
    home = tmp_path / "home"
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{tmp_path}"}
    env.pop("BRIEFER_HOME", None)
    script = PROLOGUE + textwrap.dedent(body)
    done = subprocess.run(
        [sys.executable, "-c", script, str(home)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    log_file = home / "logs" / "briefer.log"
    return done.stdout, done.stderr, log_file.read_text("utf-8") if log_file.exists() else ""


def test_a_run_that_logs_nothing_never_loads_logging(tmp_path: Path) -> None:
    out, err, log = run(tmp_path, """
        log = get_logger("briefer.quiet")
        print("logging" in sys.modules, "traceback" in sys.modules)
    """)  # fmt: skip
    assert out.split() == ["False", "False"] and err == "" and log == ""


def test_the_first_record_loads_logging_and_reaches_the_file(tmp_path: Path) -> None:
    out, err, log = run(tmp_path, """
        log = get_logger("briefer.exporters.docx")
        log.warning("the reference document has no Footnote Text style")
        log.info("%d footnotes", 12)
        try:
            1 / 0
        except ZeroDivisionError:
            log.exception("while counting")
        print(type(log).__name__, setup.log_file)
    """)  # fmt: skip
    assert err == ""
    assert out.split()[1].endswith("briefer.log")
    assert "WARNING briefer.exporters.docx: the reference document has no Footnote" in log
    assert "INFO briefer.exporters.docx: 12 footnotes" in log
    assert "ERROR briefer.exporters.docx: while counting" in log and "ZeroDivisionError" in log


def test_a_library_that_imports_logging_itself_logs_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "chatty_library.py").write_text(
        "import logging\n"
        "logging.getLogger('chatty_library').warning('a page without a date')\n"
        "logging.getLogger('trafilatura.core').info('chatter the log does not need')\n",
        encoding="utf-8",
    )
    out, err, log = run(tmp_path, """
        import chatty_library, logging
        print(type(logging.__loader__).__name__, type(logging.__spec__.loader).__name__)
        print(sys.meta_path[0].__class__.__name__)
    """)  # fmt: skip
    assert err == ""
    assert "WARNING chatty_library: a page without a date" in log
    assert "chatter" not in log  # the set-up quietened trafilatura before it spoke
    loader, spec_loader, first_finder = out.split()
    assert loader == spec_loader == "SourceFileLoader"  # logging keeps its own loader
    assert first_finder != "_LoggingWatch"  # and the watch is gone


def test_a_python_warning_before_logging_loads_goes_to_the_file(tmp_path: Path) -> None:
    out, err, log = run(tmp_path, """
        warnings.warn("the style's locale lacks a term", UserWarning, stacklevel=1)
        warnings.warn("and a second one", UserWarning, stacklevel=1)
        import logging
        print(warnings.showwarning is logging._showwarning)
    """)  # fmt: skip
    assert err == "" and out.strip() == "True"
    assert "WARNING py.warnings" in log
    assert "locale lacks a term" in log and "and a second one" in log


def test_a_set_up_undone_before_any_record_leaves_python_as_it_was(tmp_path: Path) -> None:
    out, err, log = run(tmp_path, """
        from briefer.settings import stop_logging
        before = warnings.showwarning
        stop_logging(setup)
        import logging
        logging.getLogger("briefer.late").warning("after the set-up was undone")
        print(any(type(f).__name__ == "_LoggingWatch" for f in sys.meta_path),
              warnings.showwarning.__module__, logging.getLogger().handlers == [])
    """)  # fmt: skip
    assert out.split() == ["False", "warnings", "True"]
    assert log == ""
    assert "after the set-up was undone" in err  # Python's own last resort, as without Briefer
