"""The project file's schema, its version history and its ordered migrations.

Also the reference every opened file is compared with (``expected_objects``,
``compare_schema``): a file must hold exactly the tables, indexes and views this module
creates for its version, so a version bump keeps the old schema's text in ``_DDL``.

Standard library (and identity.py, the v3 migration). Format versions (``PRAGMA user_version``):

- v1: meta, articles (+ bodies, images, originals, FTS5 index), themes, passages (+ theme
  links), dismissed suggestions, notes (+ sections).
- v2: sections.guidance, the template's advice for a section, kept apart from what the
  analyst writes so it is shown as a placeholder and never exported.
- v3: a uuid (unique) on articles, themes, passages and notes, so copies of a project can
  be merged; one passage per (article, start, end), duplicates merged on upgrade (see
  identity.py); notes.citation_style, the note's own CSL style ('' = the settings').

The current schema is always v1's text plus the migrations, run in order: a new file and
an upgraded one are then the very same, down to the SQL text SQLite stores.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence

from briefer.core.digests import hex_digest
from briefer.core.patterns import compiled
from briefer.core.record import Record
from briefer.store.identity import upgrade_to_v3

APPLICATION_ID = 0x42524946
"""``PRAGMA application_id`` of every Briefer project ("BRIF"), so a foreign SQLite file is
recognised without guessing from table names."""

SCHEMA_VERSION = 3

Migration = Callable[[sqlite3.Connection], None]
"""Turns a project of version N into version N+1, inside the caller's transaction."""


# Article text lives apart from the listing columns so that listing 2,000 articles never
# walks the overflow pages of their text. AUTOINCREMENT keeps ids from being reused, so a
# citation to a deleted passage can never silently point at a newer one.
_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    published TEXT,
    url TEXT NOT NULL DEFAULT '',
    canonical_url TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    source_format TEXT NOT NULL DEFAULT '',
    source_name TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    text_hash TEXT NOT NULL
);
CREATE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url != '';
CREATE INDEX articles_text_hash ON articles(text_hash);

CREATE TABLE article_bodies (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    blocks TEXT NOT NULL
);

CREATE TABLE article_images (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    text_offset INTEGER NOT NULL,
    caption TEXT NOT NULL,
    name TEXT NOT NULL
);
CREATE INDEX article_images_article ON article_images(article_id, position);

CREATE TABLE originals (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    compression TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);

CREATE VIEW article_search(id, title, text) AS
    SELECT a.id, a.title, b.text FROM articles a JOIN article_bodies b ON b.article_id = a.id;

CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text,
    content='article_search', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO article_fts (article_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');

CREATE TABLE themes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    colour TEXT NOT NULL,
    shortcut TEXT NOT NULL DEFAULT '',
    parent_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,
    description TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE passages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX passages_article ON passages(article_id, start);

CREATE TABLE passage_themes (
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (passage_id, theme_id)
) WITHOUT ROWID;
CREATE INDEX passage_themes_theme ON passage_themes(theme_id);

CREATE TABLE dismissed_suggestions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, start, "end", theme_id)
) WITHOUT ROWID;
CREATE INDEX dismissed_suggestions_theme ON dismissed_suggestions(theme_id);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    date TEXT,
    recipient TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    marking TEXT NOT NULL DEFAULT '',
    template TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    heading TEXT NOT NULL,
    body TEXT NOT NULL,
    level INTEGER NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX sections_note ON sections(note_id, ord);
"""


def _add_section_guidance(conn: sqlite3.Connection) -> None:
    """v1 -> v2. Guidance that v1 drafts wrote into bodies stays there: it cannot be told
    apart from the analyst's words, and the integrity check cannot flag what it cannot see."""
    conn.execute("ALTER TABLE sections ADD COLUMN guidance TEXT NOT NULL DEFAULT ''")


MIGRATIONS: tuple[Migration, ...] = (_add_section_guidance, upgrade_to_v3)
"""``MIGRATIONS[i]`` upgrades version ``i + 1`` to ``i + 2``; its length is SCHEMA_VERSION - 1."""

_DDL = {1: _V1}
"""The text every schema starts from; later versions are reached by ``MIGRATIONS``, so an
older file is verified against exactly what that Briefer made before it is migrated."""


def _lay_down(conn: sqlite3.Connection, ddl: str) -> None:
    for statement in ddl.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _lay_down_version(conn: sqlite3.Connection, version: int) -> None:
    _lay_down(conn, _DDL[1])
    for migration in MIGRATIONS[: version - 1]:
        migration(conn)


def create_schema(conn: sqlite3.Connection) -> None:
    """Lay down the current schema in an empty database, inside the caller's transaction."""
    _lay_down_version(conn, SCHEMA_VERSION)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


# -- verifying a file's schema -----------------------------------------------------------

SchemaKey = tuple[str, str]
"""``(type, name)`` of one row of ``sqlite_master``."""

_OPTIONAL = {
    ("table", "sqlite_stat1"): ("sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
    ("table", "sqlite_stat4"): (
        "sqlite_stat4",
        "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
    ),
}
"""What SQLite itself may add to a healthy project: ``PRAGMA optimize`` (run on close)
writes planner statistics."""

_TOKEN = r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|\s+|[^'"`\[\s]+|."""
"""SQL's tokens, compiled at first use: only an altered schema's text is read by them."""


def normalise_sql(sql: str | None) -> str | None:
    """``sql`` with each run of white space outside quotes made one space, and trimmed.

    Nothing else is forgiven: a comment, a changed word or a changed literal is a change.
    """
    if sql is None:
        return None
    return "".join(" " if t.isspace() else t for t in compiled(_TOKEN, re.S).findall(sql)).strip()


Expected = dict[SchemaKey, tuple[str, str | None]]
"""``(type, name) -> (tbl_name, sql)`` of the objects of one schema version."""


KNOWN_SCHEMAS = {
    1: "745128a432c9f6cfdc6608872be6bec31619cfa2",
    2: "6a1944f60cfbcf55bcad0d114f41033e224da8bc",
    3: "32a27cbcca9e8df3af4bd4055e13b586268adb58",
}
"""``schema_digest`` of what Briefer creates for each version, as the SQLite Briefer is
tested with stores it. A healthy file's ``sqlite_master`` matches at once, and laying the
schema down in memory to compare (``expected_objects``: 15 M instructions, 4% of a short
`briefer export`) is left for the rest. Another SQLite may store the text differently; its
files are then compared object by object, as every file was before. Kept true by
tests/store/test_untrusted.py, which prints the new digest when the schema changes."""


def schema_digest(rows: Iterable[tuple[object, object, object, object]]) -> str:
    """A digest of ``(type, name, tbl_name, sql)`` rows of ``sqlite_master``, their order
    aside; the statistics SQLite may add (``_OPTIONAL``) are left out when they are exactly
    those, once each. Values are taken as they are: a crafted file's odd types differ."""
    lines: list[str] = []
    statistics: set[object] = set()
    for kind, name, table, sql in rows:
        if (table, sql) == _OPTIONAL.get((str(kind), str(name))):
            if name in statistics:
                return ""  # a statistics table twice: never a known schema
            statistics.add(name)
        else:
            lines.append(repr((kind, name, table, sql)))
    return hex_digest("\n".join(sorted(lines)).encode())


def is_known_schema(rows: Iterable[tuple[object, object, object, object]], version: int) -> bool:
    """Whether ``rows`` are exactly what Briefer creates for ``version`` (``KNOWN_SCHEMAS``).
    False says only "compare object by object": never that the file is wrong."""
    known = KNOWN_SCHEMAS.get(version)
    return bool(known) and schema_digest(rows) == known


@functools.cache
def expected_objects(version: int) -> Expected | None:
    """Everything Briefer creates for a file of ``version`` (FTS5's shadow tables and
    SQLite's automatic indexes included), made once by laying the schema down in memory;
    ``None`` for a version Briefer never wrote."""
    if not 1 <= version <= SCHEMA_VERSION:
        return None
    conn = sqlite3.connect(":memory:")
    try:
        if version == SCHEMA_VERSION:
            create_schema(conn)
        else:
            _lay_down_version(conn, version)
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    finally:
        conn.close()
    return {(str(t), str(n)): (str(tbl), sql) for t, n, tbl, sql in rows}


class SchemaDiff(Record, frozen=True):
    """How a file's ``sqlite_master`` differs from what Briefer creates."""

    foreign: tuple[SchemaKey, ...] = ()
    altered: tuple[SchemaKey, ...] = ()
    missing: tuple[SchemaKey, ...] = ()


def compare_schema(
    rows: Iterable[tuple[object, object, object, object]],
    expected: Expected,
) -> SchemaDiff:
    """Compare ``(type, name, tbl_name, sql)`` rows of a file's ``sqlite_master``; the SQL
    is normalised (see ``normalise_sql``) only when it is not the very same text."""
    foreign: list[SchemaKey] = []
    altered: list[SchemaKey] = []
    seen: set[SchemaKey] = set()
    for kind, name, table, sql in rows:
        key = (str(kind), str(name))
        want = expected.get(key) or _OPTIONAL.get(key)
        if want is None or key in seen:
            foreign.append(key)
            continue
        seen.add(key)
        want_table, want_sql = want
        if table != want_table or (
            sql != want_sql
            and (not isinstance(sql, str) or normalise_sql(sql) != normalise_sql(want_sql))
        ):
            altered.append(key)
    missing = tuple(sorted(set(expected) - seen))
    return SchemaDiff(tuple(foreign), tuple(altered), missing)


def migrate(
    conn: sqlite3.Connection,
    from_version: int,
    migrations: Sequence[Migration] = MIGRATIONS,
    target_version: int = SCHEMA_VERSION,
) -> None:
    """Run the migrations from ``from_version`` up to ``target_version`` in one transaction.

    All or nothing: a failing step rolls every step back, so the file stays at its old
    version (and the backup taken before is still the user's way back).
    """
    if len(migrations) < target_version - 1:
        raise ValueError(f"{len(migrations)} migrations cannot reach version {target_version}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version, target_version):
            migrations[version - 1](conn)
        conn.execute(f"PRAGMA user_version = {int(target_version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
