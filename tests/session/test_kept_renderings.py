"""A note's citation renderings kept in its project, so the next `briefer export` renders none.

Real project files through the CLI and the session; a child process stands for the
next `briefer export`, which must not even load citeproc-py when nothing changed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from briefer.cli import main
from briefer.exporters.citations_csl import forget_styles
from briefer.exporters.csl_kept import kept_style, style_digest
from briefer.session import (
    DeleteArticleCommand,
    DeleteNoteCommand,
    EditSectionBodyCommand,
    Session,
)
from briefer.session.export import ExportJob, find_citation_style, run_export
from tests.exporters.test_csl import USER_STYLE
from tests.exporters.test_csl_cache import NOTE, PASSAGES, _articles
from tests.test_cli_notes import draft, tagged, tagged_original  # noqa: F401 - fixtures

ROOT = Path(__file__).parents[2]


def _kept(project: Path) -> dict[str, str]:
    with sqlite3.connect(project) as conn:
        rows = conn.execute("SELECT key, value FROM meta WHERE key LIKE 'renderings:%'")
        return {str(k): str(v) for k, v in rows}


def _footnotes(docx_path: Path) -> str:
    with zipfile.ZipFile(docx_path) as archive:
        return archive.read("word/footnotes.xml").decode("utf-8")


def _export_in_child(project: Path, note_id: int, target: Path) -> list[str]:
    """`briefer export` in a new process; what it loaded of the citation machinery."""
    script = (
        "import sys\n"
        "from briefer.cli import main\n"
        f"code = main(['export', {str(project)!r}, '--note', '{note_id}', '-o', {str(target)!r}])\n"
        "assert code == 0, code\n"
        "print([m for m in ('citeproc', 'lxml.etree') if m in sys.modules])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1].replace("'", '"'))
    assert isinstance(loaded, list)
    return [str(m) for m in loaded]


def test_a_second_export_renders_nothing_and_writes_the_same_notes(
    tagged: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    note = draft(capsys, tagged, "--themes", "Trade,Energy")
    first, second = tmp_path / "first.docx", tmp_path / "second.docx"
    assert "citeproc" in _export_in_child(tagged, int(str(note["id"])), first)
    kept = _kept(tagged)
    assert len(kept) == 1 and "Port" in next(iter(kept.values()))
    assert "citeproc" not in _export_in_child(tagged, int(str(note["id"])), second)
    assert _footnotes(second) == _footnotes(first)
    assert _kept(tagged) == kept  # nothing new to keep: the file was not written again


def test_a_project_open_in_the_window_is_exported_and_left_alone(
    tagged: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    note = draft(capsys, tagged, "--themes", "Trade")
    with Session.open(tagged):  # the window holds the project's lock
        code = main(
            ["export", str(tagged), "--note", str(note["id"]), "-o", str(tmp_path / "a.md")]
        )
        assert code == 0
    assert (tmp_path / "a.md").read_text("utf-8").count("[^") >= 2
    assert _kept(tagged) == {}


def test_a_project_keeps_only_what_its_note_cites(briefer_home: Path) -> None:
    forget_styles()
    whole = run_export(ExportJob(NOTE, PASSAGES, _articles()), briefer_home / "a.md", "markdown")
    assert whole.renderings and "port board" in whole.renderings.lower()
    one_source = {11: PASSAGES[11]}
    sections = (NOTE.sections[0].__class__("Summary", "Only [@p11].", level=1),)
    short = NOTE.__class__(title="Steel", sections=sections)
    alone = run_export(ExportJob(short, one_source, _articles()), briefer_home / "b.md", "markdown")
    assert alone.renderings and "steel deal signed" in alone.renderings.lower()
    assert "port board" not in alone.renderings.lower() and "Harbour Weekly" not in alone.renderings


def test_kept_renderings_stand_in_for_rendering_in_a_new_process(briefer_home: Path) -> None:
    chosen = find_citation_style("chicago")
    forget_styles()
    job = ExportJob(NOTE, PASSAGES, _articles())
    first = run_export(job, briefer_home / "a.md", "markdown")
    assert first.renderings
    forget_styles()  # as a new process starts
    again = run_export(
        ExportJob(NOTE, PASSAGES, _articles(), kept_renderings=first.renderings),
        briefer_home / "b.md",
        "markdown",
    )
    assert again.renderings is None  # the same as kept: nothing to write back
    assert kept_style(chosen).csl is None  # every rendering was read, the style never parsed
    assert (briefer_home / "b.md").read_text("utf-8") == (briefer_home / "a.md").read_text("utf-8")


@pytest.mark.parametrize(
    "crafted",
    [
        "",
        "garbage",
        "0" * 40 + "\n{}",
        "DIGEST\n{not json",
        'DIGEST\n{"options": {"near_note_distance": "x"}, "citations": [1]}',
        'DIGEST\n{"options": 1, "citations": {}, "entries": {}, "orders": {}}',
        "DIGEST\n" + "[" * 100_000 + "]" * 100_000,
    ],
)
def test_crafted_renderings_in_a_project_change_nothing(crafted: str, briefer_home: Path) -> None:
    chosen = find_citation_style("apa")
    forget_styles()
    run_export(ExportJob(NOTE, PASSAGES, _articles()), briefer_home / "a.md", "markdown",
               citation_style="apa")  # fmt: skip
    forget_styles()
    digest = kept_style(chosen).digest
    forget_styles()
    job = ExportJob(NOTE, PASSAGES, _articles(), kept_renderings=crafted.replace("DIGEST", digest))
    result = run_export(job, briefer_home / "b.md", "markdown", citation_style="apa")
    expected = (briefer_home / "a.md").read_text("utf-8")
    assert (briefer_home / "b.md").read_text("utf-8") == expected
    assert result.renderings  # rendered afresh, and offered to replace the crafted text


def test_renderings_go_with_their_note_and_with_any_deleted_article(
    tagged: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = draft(capsys, tagged, "--themes", "Trade")
    second = draft(capsys, tagged, "--themes", "Energy")
    for note in (first, second):
        code = main(
            ["export", str(tagged), "--note", str(note["id"]), "-o", str(tmp_path / "x.md")]
        )
        assert code == 0
    assert len(_kept(tagged)) == 2
    with Session.open(tagged) as session:
        session.do(DeleteNoteCommand(int(str(first["id"]))))
    assert len(_kept(tagged)) == 1
    with Session.open(tagged) as session:
        article = session.query.list_articles()[0].id
        session.do(DeleteArticleCommand(article))
    assert _kept(tagged) == {}


def test_a_note_that_is_gone_keeps_nothing(tagged: Path) -> None:  # noqa: F811
    with Session.open(tagged) as session:
        session.keep_renderings("no-such-note", "x")
        assert session.query.kept_renderings("no-such-note") == ""
    assert _kept(tagged) == {}


def test_a_giant_or_binary_kept_value_is_not_read(tagged: Path) -> None:  # noqa: F811
    assert main(["draft", str(tagged), "--title", "N", "--themes", "Trade"]) == 0
    with Session.open(tagged) as session:
        note_uuid = session.query.list_notes()[0].uuid
    key = "renderings:" + note_uuid
    for crafted in ("zeroblob(10)", "printf('%.*c', 9000000, 'x')"):
        with sqlite3.connect(tagged) as conn:
            conn.execute(f"INSERT OR REPLACE INTO meta (key, value) VALUES (?, {crafted})", (key,))
        with Session.open(tagged) as session:
            assert session.query.kept_renderings(note_uuid) == ""


def test_a_note_that_no_longer_cites_anything_keeps_nothing(
    tagged: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    note = draft(capsys, tagged, "--themes", "Trade")
    args = ["export", str(tagged), "--note", str(note["id"]), "-o", str(tmp_path / "x.md")]
    assert main(args) == 0
    assert len(_kept(tagged)) == 1
    with Session.open(tagged) as session:
        stored = session.query.get_note(int(str(note["id"])))
        for section in stored.sections:
            if "[@p" in section.body:
                session.do(EditSectionBodyCommand(stored.id or 0, section.id or 0, "No quotes."))
    assert main(args) == 0
    assert _kept(tagged) == {}


def test_an_edited_style_file_keeps_the_renderings_of_its_new_text(
    tmp_path: Path, briefer_home: Path
) -> None:
    path = tmp_path / "house.csl"
    path.write_text(USER_STYLE, encoding="utf-8")
    forget_styles()
    job = ExportJob(NOTE, PASSAGES, _articles())
    first = run_export(job, tmp_path / "a.md", "markdown", citation_style=path)
    path.write_text(USER_STYLE.replace(" / ", " | "), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = run_export(job, tmp_path / "b.md", "markdown", citation_style=path)
    assert first.renderings and second.renderings
    digest = second.renderings.partition("\n")[0]
    assert digest == style_digest(find_citation_style(path)) != first.renderings.partition("\n")[0]
    assert " | " in second.renderings and " / " not in second.renderings


def test_a_crafted_kept_link_to_anything_but_the_web_is_plain_text(briefer_home: Path) -> None:
    forget_styles()
    first = run_export(ExportJob(NOTE, PASSAGES, _articles()), briefer_home / "a.md", "markdown")
    assert first.renderings and "https://example.org/steel" in first.renderings
    crafted = first.renderings.replace('"https://example.org/steel"', '"file:///etc/passwd"')
    assert crafted != first.renderings
    forget_styles()
    job = ExportJob(NOTE, PASSAGES, _articles(), kept_renderings=crafted)
    run_export(job, briefer_home / "b.docx", "docx")
    with zipfile.ZipFile(briefer_home / "b.docx") as archive:
        relationships = "".join(
            archive.read(n).decode() for n in archive.namelist() if n.endswith(".rels")
        )
    assert "file:" not in relationships and "https://example.org/steel" in relationships


def _rendered_once(home: Path) -> tuple[str, dict[str, Any]]:
    """A fresh export's kept renderings as (style digest, parsed JSON), to craft from."""
    forget_styles()
    first = run_export(ExportJob(NOTE, PASSAGES, _articles()), home / "a.md", "markdown")
    assert first.renderings
    digest, _, text = first.renderings.partition("\n")
    raw = json.loads(text)
    assert isinstance(raw, dict)
    return digest, raw


def _export_crafted(digest: str, raw: dict[str, Any], target: Path) -> None:
    """Export the note in a fresh process's state, given ``raw`` as the project's kept text."""
    forget_styles()
    job = ExportJob(NOTE, PASSAGES, _articles(), kept_renderings=digest + "\n" + json.dumps(raw))
    run_export(job, target, target.suffix.lstrip("."))


def test_a_crafted_bibliography_order_is_made_again(briefer_home: Path) -> None:
    digest, raw = _rendered_once(briefer_home)
    assert raw["orders"]
    raw["orders"] = {key: [99, 0, 0] for key in raw["orders"]}
    _export_crafted(digest, raw, briefer_home / "b.md")
    expected = (briefer_home / "a.md").read_text("utf-8")
    assert (briefer_home / "b.md").read_text("utf-8") == expected


def test_a_crafted_position_test_is_answered_afresh(briefer_home: Path) -> None:
    digest, raw = _rendered_once(briefer_home)
    for renderings in raw["citations"].values():
        for asked, _spans in renderings:
            asked.append([99, ["first"], [True]])
    _export_crafted(digest, raw, briefer_home / "b.md")
    expected = (briefer_home / "a.md").read_text("utf-8")
    assert (briefer_home / "b.md").read_text("utf-8") == expected


def test_crafted_text_in_kept_renderings_is_only_text_in_word(briefer_home: Path) -> None:
    digest, raw = _rendered_once(briefer_home)
    for renderings in raw["citations"].values():
        for _asked, spans in renderings:
            spans.insert(0, ['\x01</w:t></w:r></w:p><w:p><w:r><w:t>"&', False, False, ""])
    _export_crafted(digest, raw, briefer_home / "b.docx")
    word = docx.Document(str(briefer_home / "b.docx"))  # well formed
    with zipfile.ZipFile(briefer_home / "b.docx") as archive:
        notes = archive.read("word/footnotes.xml").decode("utf-8")
    assert "&lt;/w:t&gt;&lt;/w:r&gt;&lt;/w:p&gt;" in notes and "\x01" not in notes
    assert word.paragraphs
