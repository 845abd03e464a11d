"""A broken installation fails loudly, and a parser that breaks leaves its traceback in the log."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap

import pytest

from briefer.importers import registry
from briefer.importers.base import ImportRejected
from briefer.importers.text import TextImporter


@pytest.mark.parametrize("library", ["pypdfium2", "trafilatura"])
def test_a_missing_library_is_an_installation_error_not_a_cannot_read(library: str) -> None:
    # None in sys.modules makes `import library` raise ImportError, as if not installed.
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules[{library!r}] = None
        try:
            from briefer.importers import registry
            names = [i.name for i in registry.all_importers()]
        except ImportError as error:
            print("ImportError", error)
        else:
            print("imported", names)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.startswith("ImportError"), done.stdout
    assert library in done.stdout


def test_every_format_is_always_listed() -> None:
    names = [i.name for i in registry.all_importers()]
    assert names == ["docx", "email", "markdown", "html", "mhtml", "pdf", "text"]


def test_a_parser_failure_is_logged_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("the parser tripped")

    monkeypatch.setattr(TextImporter, "extract", broken)
    with caplog.at_level(logging.WARNING), pytest.raises(ImportRejected) as rejected:
        registry.import_bytes(b"Plain words about the harbour.", "note.txt")
    assert "the parser tripped" in str(rejected.value)
    logged = [r for r in caplog.records if r.name == "briefer.importers.registry"]
    assert logged and logged[0].exc_info is not None
    assert logged[0].exc_info[1] is not None and "tripped" in str(logged[0].exc_info[1])
    assert "note.txt" in logged[0].getMessage()
