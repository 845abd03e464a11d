"""A .briefer file is untrusted input: crafted schema objects, slow queries, zlib bombs and
damaged values are refused with a typed one-sentence error, and the file is left alone.

Each project is made by Briefer (Session.create / Project.create) and then altered with
plain sqlite3, as a person sharing a crafted file would.
"""

from __future__ import annotations

import functools
import json
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core.model import Note, Passage, Section
from briefer.session import Session
from briefer.store import (
    CorruptProject,
    Project,
    ProjectError,
    ProjectTooSlow,
    UntrustedProject,
    opening,
)
from tests.store.conftest import file_digest, listing, sample_article, sample_original


def _shared_project(path: Path) -> None:
    """What a colleague would send: default themes, two articles, a passage and a note."""
    Session.create(path, title="Shared brief").close()
    with Project.open(path) as project:
        trade = project.list_themes()[0].id
        assert trade is not None
        first = project.add_article(sample_article("First story"), sample_original())
        project.add_article(sample_article("Second story", url="https://example.com/2"))
        passage = project.add_passage(Passage(first, 0, 7, "Ukraine", theme_ids=(trade,)))
        project.add_note(Note("Weekly brief", sections=(Section("Trade", f"Grain [@p{passage}]"),)))


def _alter(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _refused_untouched(path: Path, error: type[ProjectError]) -> str:
    """Both ways of opening refuse with ``error``; the file and its folder stay as they were."""
    before, digest = listing(path.parent), file_digest(path)
    messages = []
    for read_only in (False, True):
        with pytest.raises(error) as caught:
            Project.open(path, read_only=read_only)
        messages.append(str(caught.value))
    assert file_digest(path) == digest, "a refused file must stay byte-for-byte the same"
    assert listing(path.parent) == before, "no -wal, -shm or lock may be left beside it"
    assert messages[0] == messages[1] and str(path) in messages[0]
    assert "\n" not in messages[0]
    return messages[0]


@pytest.fixture(scope="module")
def shared_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once: most tests damage their copy of it, none may touch this one."""
    folder = tmp_path_factory.mktemp("shared-original")
    path = folder / "brief.briefer"
    _shared_project(path)
    assert listing(folder) == ["brief.briefer"]
    return path


@pytest.fixture
def shared(tmp_path: Path, shared_original: Path) -> Path:
    """A fresh copy of the shared project for each test, byte for byte as it was built."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "brief.briefer"
    shutil.copyfile(shared_original, path)
    return path


def _varint(n: int) -> bytes:
    """SQLite's variable-length integer (big-endian groups of 7 bits)."""
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append(0x80 | (n & 0x7F))
        n >>= 7
    return bytes(reversed(out))


def _run_measured(*args: str) -> tuple[int, str, str, int]:
    """``briefer ARGS`` in a child of a child, so that only its peak RSS is measured:
    exit code, stdout, stderr and peak RSS in KiB."""
    measure = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run([sys.executable, '-m', 'briefer', *sys.argv[1:]],"
        " capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stdout.write(f'{peak}\\n{done.stdout}')\n"
        "sys.stderr.write(done.stderr)\n"
        "sys.exit(done.returncode)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", measure, *args], capture_output=True, text=True, timeout=120
    )
    peak, out = done.stdout.split("\n", 1)
    return done.returncode, out, done.stderr, int(peak)


# -- foreign and altered schema objects ------------------------------------------------------

_WIPE_TRIGGER = (
    "CREATE TRIGGER wipe AFTER INSERT ON passage_themes BEGIN"
    " DELETE FROM notes; UPDATE articles SET title = 'owned'; END"
)
_ENDLESS_VIEW = (
    "CREATE VIEW article_search(id, title, text) AS"
    " WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
    " SELECT a.id, a.title, b.text FROM articles a JOIN article_bodies b"
    " ON b.article_id = a.id, r"
)


def test_planted_trigger_is_refused_and_never_fires(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _alter(shared, _WIPE_TRIGGER)
    message = _refused_untouched(shared, UntrustedProject)
    assert "a trigger 'wipe' that Briefer did not create" in message
    assert "has not been changed" in message

    code = main(["tag", str(shared), "--article", "1", "--text", "grain", "--theme", "Trade"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "trigger 'wipe'" in err
    conn = sqlite3.connect(opening.read_only_uri(shared, immutable=True), uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 1
        titles = [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id")]
        assert titles == ["First story", "Second story"]
        assert conn.execute("SELECT count(*) FROM passages").fetchone()[0] == 1
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (["CREATE VIEW peek AS SELECT * FROM notes"], "a view 'peek'"),
        (["CREATE INDEX extra ON articles(title)"], "an index 'extra'"),
        (["CREATE TABLE spare (x)"], "a table 'spare'"),
        (["CREATE VIRTUAL TABLE more USING fts5(x)"], "a virtual table 'more' (and 5 more)"),
        (["DROP VIEW article_search", _ENDLESS_VIEW], "a changed view 'article_search'"),
        (
            ["DROP INDEX passages_span", "CREATE INDEX passages_span ON passages(text)"],
            "a changed index 'passages_span'",
        ),
        (["ALTER TABLE articles DROP COLUMN language"], "a changed table 'articles'"),
        (["ALTER TABLE themes ADD COLUMN secret TEXT"], "a changed table 'themes'"),
        (
            ["DROP TABLE article_fts_config", "CREATE TABLE article_fts_config (k, v)"],
            "a changed table 'article_fts_config'",
        ),
    ],
)
def test_foreign_or_changed_objects_are_refused(
    shared: Path, statements: list[str], named: str
) -> None:
    _alter(shared, *statements)
    message = _refused_untouched(shared, UntrustedProject)
    assert named in message


def test_missing_index_is_damage(shared: Path) -> None:
    _alter(shared, "DROP INDEX articles_text_hash")
    assert "articles_text_hash" in _refused_untouched(shared, CorruptProject)


def test_white_space_in_the_stored_schema_does_not_count(shared: Path) -> None:
    """Only white space outside quotes is forgiven; the file still opens as it was made."""
    from briefer.store import schema

    sql = "CREATE  INDEX articles_text_hash\n  ON articles( text_hash )"
    assert schema.normalise_sql(sql) == "CREATE INDEX articles_text_hash ON articles( text_hash )"
    assert schema.normalise_sql("x = '  a  '") == "x = '  a  '"
    with Project.open(shared, read_only=True) as project:
        assert len(project.list_articles()) == 2


def test_connections_do_not_trust_the_schema(shared: Path) -> None:
    for read_only in (False, True):
        with Project.open(shared, read_only=read_only) as project:
            conn = project._conn
            assert conn is not None
            assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
            assert project.search("grain")  # FTS5 over its content view still works


# -- queries are bounded -----------------------------------------------------------------------


def test_endless_view_is_interrupted_even_if_the_schema_check_missed_it(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: with the check switched off, the crafted view still cannot hang."""
    _alter(shared, "DROP VIEW article_search", _ENDLESS_VIEW)
    monkeypatch.setattr(opening, "check_schema", lambda *args: None)
    with Project.open(shared, read_only=True, query_seconds=0.3) as project:
        started = time.monotonic()
        with pytest.raises(ProjectTooSlow) as caught:
            project.search("grain")
        assert time.monotonic() - started < 5
        assert "took too long to answer a query (over 0.3 s)" in str(caught.value)
        assert len(project.list_articles()) == 2  # the next call has its own time


def test_search_on_endless_view_ends_with_one_line(shared: Path) -> None:
    _alter(shared, "DROP VIEW article_search", _ENDLESS_VIEW)
    done = subprocess.run(
        [sys.executable, "-m", "briefer", "search", str(shared), "grain"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "a changed view 'article_search'" in done.stderr


# -- originals -------------------------------------------------------------------------------


@functools.cache
def _zlib_bomb(copies: int) -> tuple[bytes, int]:
    """A valid zlib stream of ``copies`` x 4 MiB of zeros in about 4 KB per copy."""
    zeros = bytes(1 << 22)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(zeros) + packer.flush(zlib.Z_SYNC_FLUSH)
    again = packer.compress(zeros) + packer.flush(zlib.Z_SYNC_FLUSH)  # the same bytes each time
    end = packer.flush()
    check = 1
    for _ in range(copies):
        check = zlib.adler32(zeros, check)
    stream = b"\x78\xda" + first + again * (copies - 1) + end + struct.pack(">I", check)
    return stream, copies << 22


def _plant_bomb(path: Path, claimed: int | None = None) -> int:
    bomb, size = _zlib_bomb(500)  # 2 MB that inflate to 2.1 GB
    assert len(bomb) > 2_000_000
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "UPDATE originals SET data = ?, compression = 'zlib', size = ? WHERE article_id = 1",
            (bomb, size if claimed is None else claimed),
        )
        conn.commit()
    finally:
        conn.close()
    return size


def test_show_of_a_zlib_bomb_stays_small(shared: Path) -> None:
    size = _plant_bomb(shared)
    code, out, err, peak_kib = _run_measured("show", str(shared), "1")
    assert code == 0, err
    assert f"kept in the project ({size:,} bytes)" in out
    assert peak_kib < 600 * 1024, f"briefer show peaked at {peak_kib // 1024} MB"


@pytest.mark.parametrize("claimed", [None, 1000])
def test_zlib_bomb_original_is_refused_in_bounded_steps(shared: Path, claimed: int | None) -> None:
    _plant_bomb(shared, claimed)
    with Project.open(shared, read_only=True) as project:
        started = time.monotonic()
        with pytest.raises(CorruptProject) as caught:
            project.get_original(1)
        assert time.monotonic() - started < 2  # it stops at the size, never inflates it all
        assert "original" in str(caught.value)
        assert project.original_size(1) == (claimed or 500 << 22)


# -- damaged values ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "read"),
    [
        ("UPDATE article_bodies SET blocks = '{not json'", "get_article"),
        ("UPDATE article_bodies SET blocks = '[[\"nope\", 0, 1, 0, 0]]'", "get_article"),
        ("UPDATE article_bodies SET blocks = '" + "[" * 100_000 + "'", "get_article"),
        ("UPDATE themes SET keywords = 'oops'", "list_themes"),
        ("UPDATE articles SET word_count = 'many'", "list_articles"),
        ("UPDATE articles SET published = 'last week'", "list_articles"),
        ("UPDATE article_images SET data = 1000000000000", "get_article"),
        ("UPDATE passages SET start = x'00'", "list_passages"),
        ("UPDATE notes SET title = x'07'", "list_notes"),
        ("UPDATE originals SET size = -1", "get_original"),
        ("UPDATE originals SET data = 'text'", "get_original"),
        ("UPDATE originals SET compression = 'rot13'", "get_original"),
    ],
)
def test_damaged_values_are_corrupt_project(shared: Path, statement: str, read: str) -> None:
    _alter(
        shared,
        "INSERT INTO article_images (article_id, position, media_type, data, width, height,"
        " text_offset, caption, name) VALUES (1, 0, 'image/png', x'89504e47', 1, 1, 0, '', '')",
        statement,
    )
    for read_only in (True, False):
        with Project.open(shared, read_only=read_only) as project:
            call = getattr(project, read)
            with pytest.raises(CorruptProject) as caught:
                call(1) if read in ("get_article", "get_original") else call()
            assert "\n" not in str(caught.value) and "damaged" in str(caught.value)


def test_search_index_claiming_a_gigabyte(shared: Path) -> None:
    """Twelve bytes of FTS5 structure record asked SQLite for 1.1 GB of zeroed memory."""
    structure = bytes(4) + _varint(1) + _varint(1) + _varint(0) + _varint(0) + _varint(10**8)
    conn = sqlite3.connect(shared)
    try:
        conn.execute("UPDATE article_fts_data SET block = ? WHERE id = 10", (structure,))
        conn.commit()
    finally:
        conn.close()
    with Project.open(shared, read_only=True) as project:
        with pytest.raises(CorruptProject):
            project.search("grain")
        assert len(project.list_articles()) == 2
    code, _, err, peak_kib = _run_measured("search", str(shared), "grain")
    assert code == 1 and err.count("\n") == 1 and "damaged" in err, err
    assert peak_kib < 600 * 1024, f"briefer search peaked at {peak_kib // 1024} MB"


def test_search_index_with_random_structure(shared: Path) -> None:
    """A damaged FTS5 structure record makes SQLite report out of memory: damage, not a crash."""
    block = "dcd38a9c2328d071d71fe5b69599e1fa474b614ac0ca836756fe6286e1c48bc2296116"
    _alter(shared, f"UPDATE article_fts_data SET block = x'{block}' WHERE id = 10")
    with Project.open(shared, read_only=True) as project:
        with pytest.raises(CorruptProject):
            project.search("grain")
        assert len(project.list_articles()) == 2


@pytest.mark.parametrize("version", [0, -3])
def test_user_version_briefer_never_wrote(shared: Path, version: int) -> None:
    _alter(shared, f"PRAGMA user_version = {version}")
    message = _refused_untouched(shared, CorruptProject)
    assert f"format version {version}" in message


@pytest.mark.parametrize(
    ("damage", "command"),
    [
        ("UPDATE article_bodies SET blocks = '{not json'", ["show", "1"]),
        ("PRAGMA user_version = 0", ["info"]),
        ("ALTER TABLE articles DROP COLUMN language", ["articles"]),
        ("UPDATE themes SET keywords = '[1'", ["themes"]),
        ("UPDATE passages SET created_at = 'noon'", ["passages"]),
        ("UPDATE notes SET modified_at = 5", ["notes"]),
    ],
)
def test_cli_says_one_line_for_damage(
    shared: Path, damage: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _alter(shared, damage)
    code = main([command[0], str(shared), *command[1:]])
    out, err = capsys.readouterr()
    assert code == 1, out + err
    assert err.startswith("briefer: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "unexpected error" not in err


def test_cli_damaged_file_in_a_subprocess(shared: Path) -> None:
    _alter(shared, "UPDATE article_bodies SET blocks = 'null'")
    done = subprocess.run(
        [sys.executable, "-m", "briefer", "show", str(shared), "1", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("briefer: ") and done.stderr.count("\n") == 1, done.stderr
    assert done.stdout == ""
    json.dumps(done.stderr)  # plain text, nothing binary


def test_damage_detail_is_one_short_line(tmp_path: Path) -> None:
    """SQLite quotes schema text, line breaks and all; the message stays one line."""
    detail = "Could not decode to UTF-8 column 'sql' with text 'CREATE TABLE t (\n    a,\n" * 20
    message = str(CorruptProject(tmp_path / "x.briefer", detail))
    assert "\n" not in message and len(message) < 400 and "…" in message
