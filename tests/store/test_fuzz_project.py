"""A real project damaged 1,000 ways: every read path answers or raises a ProjectError.

One small project (articles with originals, themes, passages, a note) is made once; each
case damages a copy of its bytes (bit flips, overwritten runs, truncation) or its contents
through sqlite3 (dropped columns and tables, wrong-typed values, bad JSON, odd
user_version, a rewritten schema), then opens it read-only and, in another copy, for
writing, and runs every read; every tenth case also runs the read-only CLI commands. Seeds
are fixed, so a failure names the case that repeats it.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from briefer.cli import main
from briefer.core.model import Note, Passage, Section
from briefer.core.record import Record
from briefer.session import Session
from briefer.store import Project, ProjectError
from tests.store.conftest import sample_article, sample_original

CASES = 1000
CASE_SECONDS = 10  # a case taking longer than this is a hang
QUERY_SECONDS = 2.0  # the store's own bound on each call, tightened for the test


class Hang(Exception):
    pass


class Base(Record, frozen=True):
    data: bytes
    columns: tuple[tuple[str, str], ...]  # (table, column) of every plain table


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Base:
    return make_base(tmp_path_factory.mktemp("fuzz-base") / "base.briefer")


def make_base(path: Path) -> Base:
    Session.create(path, title="Fuzz").close()
    with Project.open(path) as project:
        themes = [t.id for t in project.list_themes() if t.id is not None]
        for n in range(3):
            article = project.add_article(
                sample_article(f"Story {n}", url=f"https://example.com/{n}"),
                sample_original(f"<p>story {n}</p>".encode() * 200),
            )
            project.add_passage(
                Passage(article, 8, 15, "resumed", theme_ids=(themes[n], themes[-1]))
            )
        project.dismiss_suggestion(1, 0, 7, themes[0])
        project.add_note(Note("Brief", sections=(Section("Trade", "Grain [@p1]"),)))
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        columns = tuple(
            (table, str(row[1]))
            for table in tables
            for row in conn.execute(f'PRAGMA table_info("{table}")')
        )
    finally:
        conn.close()
    return Base(path.read_bytes(), columns)


# -- ways to damage a file ----------------------------------------------------------------


def _flip_bits(data: bytearray, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8)
    return "bit flips"


def _overwrite_run(data: bytearray, rng: random.Random) -> str:
    length = rng.choice([1, 2, 4, 16, 64, 512])
    at = rng.randrange(len(data))
    fill = rng.choice([b"\x00", b"\xff", None])
    run = bytes(rng.randrange(256) for _ in range(length)) if fill is None else fill * length
    data[at : at + length] = run[: len(data) - at]
    return "byte run"


def _truncate(data: bytearray, rng: random.Random) -> str:
    page = 4096
    cut = (
        rng.randrange(len(data)) if rng.random() < 0.5 else page * rng.randrange(len(data) // page)
    )
    del data[cut:]
    return "truncated"


_WRONG_VALUES: tuple[object, ...] = (
    -1,
    0,
    2**62,
    3.5,
    "text",
    "",
    "{",
    "[[",
    '[["heading", 5, 2, 0, 0]]',
    '[["paragraph", 0, 99999999, 0, 0]]',
    "[1, 2]",
    "null",
    "9999-99-99",
    b"\x00\xff\xfe",
    None,
)


def _sql_damage(path: Path, rng: random.Random, base: Base) -> str:
    table, column = rng.choice(base.columns)
    kind = rng.randrange(8)
    if kind == 0:
        statements = [f'ALTER TABLE "{table}" DROP COLUMN "{column}"']
    elif kind == 1:
        statements = [f'DROP TABLE "{table}"']
    elif kind == 2:
        statements = [f"PRAGMA user_version = {rng.choice([0, -1, 2, 99, 2**31 - 1])}"]
    elif kind == 3:
        statements = [
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', 'NULL')"
            f" WHERE name = '{table}'",
        ]
    elif kind == 4:
        statements = [f'DELETE FROM "{table}" WHERE rowid % 2 = 1']
    elif kind == 5:  # the search index's own pages (SQLite's randomblob would not repeat)
        conn = sqlite3.connect(path)
        try:
            ids = [r[0] for r in conn.execute("SELECT id FROM article_fts_data ORDER BY id")]
            for block_id in rng.sample(ids, rng.randint(1, min(3, len(ids)))):
                size = rng.randrange(1, 300)
                conn.execute(
                    "UPDATE article_fts_data SET block = ? WHERE id = ?",
                    (rng.randbytes(size), block_id),
                )
            conn.commit()
        finally:
            conn.close()
        return "search index blocks overwritten"
    else:
        value = rng.choice(_WRONG_VALUES)
        conn = sqlite3.connect(path)
        try:
            conn.execute(f'UPDATE "{table}" SET "{column}" = ?', (value,))
            conn.commit()
            return f"{table}.{column} = {value!r:.40}"
        except sqlite3.Error:
            return "no change"
        finally:
            conn.close()
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        return "; ".join(statements)
    except sqlite3.Error:
        return "no change"
    finally:
        conn.close()


def _damage(seed: int, path: Path, base: Base) -> str:
    rng = random.Random(seed)
    path.write_bytes(base.data)
    way = seed % 5
    if way in (3, 4):
        done = _sql_damage(path, rng, base)
        if way == 3:
            return done
        data = bytearray(path.read_bytes())
        flips = _flip_bits(data, rng)
        path.write_bytes(bytes(data))
        return f"{done} + {flips}"
    data = bytearray(base.data)
    done = (_flip_bits, _overwrite_run, _truncate)[way](data, rng)
    path.write_bytes(bytes(data))
    return done


# -- what a user can do with a file ---------------------------------------------------------


def _reads(project: Project) -> Iterator[Callable[[], object]]:
    yield project.info
    yield project.list_articles
    for article_id in range(1, 5):
        yield lambda a=article_id: project.get_article(a)
        yield lambda a=article_id: project.get_original(a)
        yield lambda a=article_id: project.original_size(a)
        yield lambda a=article_id: project.dismissed_suggestions(a)
        yield lambda a=article_id: project.list_passages(article_id=a)
    yield lambda: project.get_articles([1, 2, 3])
    yield project.list_themes
    yield project.theme_passage_counts
    yield lambda: project.theme_by_name("Trade")
    yield lambda: project.get_theme(1)
    yield project.list_passages
    yield lambda: project.list_passages(theme_id=1)
    yield lambda: project.get_passages([1, 2, 3])
    yield lambda: project.get_passage(1)
    yield project.list_notes
    yield lambda: project.get_note(1)
    yield lambda: project.search("grain")
    yield lambda: project.search('"black sea" corrid*')
    yield lambda: project.find_duplicate("https://example.com/1", "text")


_FAILED = object()


def _exercise(path: Path, copy: Path) -> list[str]:
    """Run every read; return a line for each exception that is not a ProjectError."""
    problems: list[str] = []

    def attempt(step: str, call: Callable[[], object]) -> object:
        try:
            return call()
        except ProjectError:
            return _FAILED
        except Exception:
            problems.append(f"{step}: {traceback.format_exc(limit=-3)}")
            return _FAILED

    copy.write_bytes(path.read_bytes())
    for target, read_only in ((path, True), (copy, False)):
        project = attempt(
            f"open read_only={read_only}",
            lambda t=target, r=read_only: Project.open(t, read_only=r, query_seconds=QUERY_SECONDS),
        )
        if isinstance(project, Project):
            with project:
                for n, call in enumerate(_reads(project)):
                    attempt(f"read {n} read_only={read_only}", call)
    session = attempt("Session.open", lambda: Session.open(path, read_only=True))
    if isinstance(session, Session):
        with session:
            attempt("Session.theme_named", lambda: session.theme_named("Trade"))
    return problems


_CLI_COMMANDS = (
    ["info"],
    ["articles"],
    ["show", "1"],
    ["show", "2", "--json"],
    ["search", "grain"],
    ["themes"],
    ["passages"],
    ["notes"],
)
CLI_EVERY = 10  # the CLI runs on every tenth case: it adds formatting, not new reads


def _cli(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Each read-only command answers (exit 0) or says one line (exit 1)."""
    problems = []
    for command in _CLI_COMMANDS:
        code = main([command[0], str(path), *command[1:]])
        err = capsys.readouterr().err
        if code not in (0, 1) or (code == 1 and err.count("\n") != 1) or (code == 0 and err):
            problems.append(f"briefer {' '.join(command)} exited {code}: {err[-300:]}")
    return problems


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang()


@pytest.mark.slow
def test_damaged_projects_never_crash_or_hang(
    base: Base, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failures: list[str] = []
    slowest = 0.0
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for seed in range(CASES):
            case = tmp_path / f"case-{seed}"
            case.mkdir()
            path, copy = case / "damaged.briefer", case / "copy.briefer"
            what = _damage(seed, path, base)
            started = time.monotonic()
            signal.alarm(CASE_SECONDS)
            try:
                problems = _exercise(path, copy)
                if seed % CLI_EVERY == 0:
                    problems += _cli(path, capsys)
            except Hang:
                problems = [f"hang: over {CASE_SECONDS} s"]
            finally:
                signal.alarm(0)
            slowest = max(slowest, time.monotonic() - started)
            failures += [f"seed {seed} ({what}): {p}" for p in problems]
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not failures, f"{len(failures)} failures; first:\n" + "\n".join(failures[:3])
    assert slowest < CASE_SECONDS
