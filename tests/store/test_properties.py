"""Round trips: whatever core objects are written come back equal (with their new ids)."""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.core.model import (
    Article,
    ArticleImage,
    Block,
    BlockKind,
    Note,
    Passage,
    Section,
    Theme,
)
from briefer.core.record import replace
from briefer.store import Project

EXAMPLES = settings(max_examples=40, deadline=None)

# Surrogates cannot be encoded as UTF-8 and never come out of an importer.
text = st.text(st.characters(codec="utf-8"), max_size=200)
short = st.text(st.characters(codec="utf-8"), max_size=40)
uuids = st.just("") | st.uuids().map(str)
"""A record's uuid: empty (the store makes one) or given (a record brought back)."""


def _identified(stored: Any, written: Any, record_id: int) -> Any:
    """``written`` as the store gives it back: with its id, and the uuid it was given or
    a fresh valid one."""
    assert str(uuid.UUID(stored.uuid)) == stored.uuid
    assert stored.uuid == written.uuid or not written.uuid
    return replace(written, id=record_id, uuid=stored.uuid)


moments = st.datetimes(
    min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
)
other_zones = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),
    max_value=dt.datetime(2100, 1, 1),
    timezones=st.sampled_from([dt.timezone(dt.timedelta(hours=h)) for h in (-5, 0, 2, 9)]),
)
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
colours = st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True)


@functools.cache
def _new_project_file() -> bytes:
    """A project file as ``Project.create`` leaves it, made once: creating one (schema,
    full-text index, fsyncs) costs several times what opening a copy does."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.briefer"
        Project.create(path).close()
        assert sorted(p.name for p in path.parent.iterdir()) == ["p.briefer"]
        return path.read_bytes()


@contextmanager
def fresh_project() -> Iterator[Project]:
    """A new, empty project file on disk for each example."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.briefer"
        path.write_bytes(_new_project_file())
        with Project.open(path) as p:
            assert p.list_articles() == [] and p.list_themes() == []
            yield p


@st.composite
def articles(draw: st.DrawFn) -> Article:
    body = draw(text)
    bounds = sorted(draw(st.lists(st.integers(0, len(body)), max_size=6)))
    blocks = tuple(
        Block(
            draw(st.sampled_from(list(BlockKind))),
            start,
            end,
            level=draw(st.integers(0, 6)),
            ordered=draw(st.booleans()),
        )
        for start, end in zip(bounds[::2], bounds[1::2], strict=False)
    )
    images = tuple(
        ArticleImage(
            media_type=draw(st.sampled_from(["image/png", "image/jpeg"])),
            data=draw(st.binary(max_size=64)),
            width=draw(st.integers(1, 4000)),
            height=draw(st.integers(1, 4000)),
            offset=draw(st.integers(0, len(body))),
            caption=draw(short),
            name=draw(short),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    return Article(
        title=draw(short),
        text=body,
        blocks=blocks,
        publisher=draw(short),
        author=draw(short),
        published=draw(st.none() | days),
        url=draw(short),
        language=draw(st.sampled_from(["", "en", "fr", "uk"])),
        source_format=draw(st.sampled_from(["", "html", "pdf", "docx"])),
        source_name=draw(short),
        images=images,
        imported_at=draw(moments),
        uuid=draw(uuids),
    )


themes = st.builds(
    Theme,
    uuid=uuids,
    name=short.filter(lambda s: s.strip() != ""),
    colour=colours,
    shortcut=st.sampled_from(["", "1", "Ctrl+T"]),
    description=text,
    keywords=st.lists(short, max_size=5).map(tuple),
    position=st.integers(-1000, 1000),
)

sections = st.builds(
    Section,
    heading=short,
    body=text,
    level=st.integers(1, 6),
    position=st.integers(0, 100),
)

notes = st.builds(
    Note,
    title=short,
    author=short,
    date=st.none() | days,
    recipient=short,
    reference=short,
    marking=st.sampled_from(["", "OFFICIAL", "OFFICIAL-SENSITIVE"]),
    template=short,
    sections=st.lists(sections, max_size=4).map(tuple),
    created_at=moments,
    modified_at=moments,
    uuid=uuids,
    citation_style=st.sampled_from(["", "apa", "/home/a/styles/house style.csl"]),
)


@EXAMPLES
@given(article=articles())
def test_article_round_trip(article: Article) -> None:
    with fresh_project() as project:
        article_id = project.add_article(article)
        stored = project.get_article(article_id)
        assert stored == _identified(stored, article, article_id)
        (summary,) = project.list_articles()
        assert (summary.title, summary.word_count) == (article.title, article.word_count)


@EXAMPLES
@given(theme=themes)
def test_theme_round_trip(theme: Theme) -> None:
    with fresh_project() as project:
        theme_id = project.add_theme(theme)
        stored = project.get_theme(theme_id)
        assert stored == _identified(stored, theme, theme_id)
        assert project.theme_by_name(f"  {theme.name.casefold()} ") == stored


@EXAMPLES
@given(
    body=text.filter(lambda s: len(s) > 1),
    data=st.data(),
    theme_count=st.integers(0, 3),
    created=other_zones,
)
def test_passage_round_trip(
    body: str, data: st.DataObject, theme_count: int, created: dt.datetime
) -> None:
    with fresh_project() as project:
        article_id = project.add_article(Article("t", body))
        theme_ids = [project.add_theme(Theme(f"T{n}", "#000000")) for n in range(theme_count)]
        order = tuple(data.draw(st.permutations(theme_ids)))
        start = data.draw(st.integers(0, len(body) - 1))
        end = data.draw(st.integers(start + 1, len(body)))
        passage = Passage(
            article_id,
            start,
            end,
            body[start:end],
            prefix=data.draw(short),
            suffix=data.draw(short),
            theme_ids=order,
            comment=data.draw(text),
            created_at=created,
        )
        passage_id = project.add_passage(passage)
        stored = project.get_passage(passage_id)
        assert stored == _identified(stored, passage, passage_id)  # the same instant, in UTC
        assert stored.created_at is not None and stored.created_at.utcoffset() == dt.timedelta(0)


@EXAMPLES
@given(note=notes, revised=st.lists(sections, max_size=3).map(tuple))
def test_note_round_trip(note: Note, revised: tuple[Section, ...]) -> None:
    with fresh_project() as project:
        note_id = project.add_note(note)
        stored = project.get_note(note_id)
        ids = [s.id for s in stored.sections]
        assert None not in ids and len(set(ids)) == len(ids)
        expected_sections = tuple(replace(s, id=i) for s, i in zip(note.sections, ids, strict=True))
        assert stored == replace(_identified(stored, note, note_id), sections=expected_sections)

        updated = replace(stored, sections=revised)
        project.update_note(updated)
        again = project.get_note(note_id)
        assert [replace(s, id=None) for s in again.sections] == list(revised)
        assert replace(again, sections=()) == replace(updated, sections=())
