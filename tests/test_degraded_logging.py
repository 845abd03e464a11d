"""What a lower layer skips or degrades leaves a warning in the log, from its own logger."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest
import trafilatura

from briefer.core import tempfiles
from briefer.exporters import docx_parts
from briefer.importers.base import ImportLimits
from briefer.importers.images import normalise_image
from briefer.importers.registry import import_bytes
from briefer.session import Session

PAGE = (
    "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
    "<p>" + "The harbour reopened on Monday after three weeks of repairs. " * 15 + "</p>"
    "</article></body></html>"
).encode()


def warnings_from(caplog: pytest.LogCaptureFixture, logger: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == logger and r.levelno == logging.WARNING]


def test_an_unreadable_image_is_skipped_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert normalise_image(b"not an image at all", ImportLimits()) is None
    assert warnings_from(caplog, "briefer.importers.images")


def test_a_failing_extractor_is_logged_and_the_page_still_imports(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    with caplog.at_level(logging.WARNING):
        imported = import_bytes(PAGE, "harbour.html")
    assert "harbour reopened" in imported.article.text
    logged = warnings_from(caplog, "briefer.importers.html")
    assert logged and logged[0].exc_info is not None


def test_a_backup_that_failed_on_open_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = tmp_path / "p.briefer"
    Session.create(project).close()
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("a file where the backups folder should be")
    with caplog.at_level(logging.WARNING):
        session = Session.open(project, backup_dir=not_a_folder)
        try:
            assert session.take_warnings()
        finally:
            session.close()
    assert warnings_from(caplog, "briefer.store.project")


def test_a_stale_temp_file_that_cannot_go_is_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    stale = tmp_path / (tempfiles.temp_prefix("note.docx") + "x.tmp")
    stale.write_bytes(b"half a file")
    old = time.time() - 2 * tempfiles.STALE_AFTER_SECONDS
    os.utime(stale, (old, old))

    def refuse(path: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(tempfiles.os, "unlink", refuse)
    with caplog.at_level(logging.WARNING):
        assert tempfiles.remove_stale(tmp_path) == []
    assert warnings_from(caplog, "briefer.core.tempfiles")


def test_a_damaged_footnotes_part_in_a_template_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        assert docx_parts._only_separators(b"<w:footnotes this is not xml") is None
    logged = warnings_from(caplog, "briefer.exporters.docx_parts")
    assert logged and logged[0].exc_info is not None


def test_a_charset_label_that_lies_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    from briefer.importers.encoding import decode_text

    data = "Zürich talks resume ".encode() * 5  # UTF-8 bytes that 7-bit ISO-2022-JP refuses
    with caplog.at_level(logging.WARNING):
        text, _ = decode_text(data, declared="iso-2022-jp")
    assert "Zürich" in text
    assert warnings_from(caplog, "briefer.importers.encoding")
