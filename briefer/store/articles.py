"""Article rows: text, blocks, images, compressed originals and their FTS5 entries.

Functions over an open connection, called by ``Project`` inside its transaction. Imports
only the standard library, briefer.core and this package.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence

from briefer.core.model import Article, ArticleImage, ArticleSummary, Original
from briefer.store import codec, renderings
from briefer.store.errors import DuplicateId, RecordNotFound
from briefer.store.identity import given_uuid

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

_COLUMNS = (
    "id, title, publisher, author, published, url, language, source_format, source_name,"
    " imported_at, uuid"
)


def _details(article: Article) -> tuple[str, str, str, str | None, str, str]:
    """title, publisher, author, published, url, canonical_url: as both writes store them."""
    return (
        article.title, article.publisher, article.author,
        codec.to_date_text(article.published), article.url, codec.canonical_url(article.url),
    )  # fmt: skip


def add_article(conn: sqlite3.Connection, article: Article, original: Original | None) -> int:
    if article.id is not None and article_ids_exist(conn, article.id):
        raise DuplicateId("article", article.id)
    imported_at = article.imported_at or codec.now_utc()
    cursor = conn.execute(
        "INSERT INTO articles (id, title, publisher, author, published, url, canonical_url,"
        " language, source_format, source_name, imported_at, word_count, text_hash, uuid)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            *_details(article),
            article.language,
            article.source_format,
            article.source_name,
            codec.to_utc_text(imported_at),
            article.word_count,
            codec.text_hash(article.text),
            given_uuid(conn, "article", article.uuid),
        ),
    )
    article_id = int(cursor.lastrowid or 0)
    conn.execute(
        "INSERT INTO article_bodies (article_id, text, blocks) VALUES (?, ?, ?)",
        (article_id, article.text, codec.blocks_to_json(article.blocks)),
    )
    conn.executemany(
        "INSERT INTO article_images (article_id, position, media_type, data, width, height,"
        " text_offset, caption, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                position,
                image.media_type,
                image.data,
                image.width,
                image.height,
                image.offset,
                image.caption,
                image.name,
            )
            for position, image in enumerate(article.images)
        ],
    )
    if original is not None:
        method, data = codec.compress(original.data)
        conn.execute(
            "INSERT INTO originals (article_id, filename, media_type, compression, size, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, original.filename, original.media_type, method, len(original.data), data),
        )
    conn.execute(
        "INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)",
        (article_id, article.title, article.text),
    )
    return article_id


def get_article(conn: sqlite3.Connection, article_id: int) -> Article:
    row = conn.execute(
        f"SELECT {_COLUMNS}, b.text, b.blocks FROM articles a"
        " JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise RecordNotFound("article", article_id)
    images = tuple(
        ArticleImage(
            media_type=media_type,
            data=data,  # checked as bytes by the caller; bytes(n) of a stored int would be n zeros
            width=width,
            height=height,
            offset=offset,
            caption=caption,
            name=name,
        )
        for media_type, data, width, height, offset, caption, name in conn.execute(
            "SELECT media_type, data, width, height, text_offset, caption, name"
            " FROM article_images WHERE article_id = ? ORDER BY position",
            (article_id,),
        )
    )
    return Article(
        id=row[0],
        title=row[1],
        publisher=row[2],
        author=row[3],
        published=codec.from_date_text(row[4]),
        url=row[5],
        language=row[6],
        source_format=row[7],
        source_name=row[8],
        imported_at=codec.from_utc_text(row[9]),
        uuid=row[10],
        text=row[11],
        blocks=codec.blocks_from_json(row[12]),
        images=images,
    )


_SUMMARY = (
    "SELECT a.id, a.title, a.publisher, a.author, a.published, a.url, a.source_format,"
    " a.word_count, coalesce(pc.n, 0), a.imported_at, a.uuid, a.source_name FROM articles a"
    " LEFT JOIN (SELECT article_id, count(*) AS n FROM passages {where} GROUP BY article_id) pc"
    " ON pc.article_id = a.id"
)


def list_articles(conn: sqlite3.Connection) -> list[ArticleSummary]:
    """One query with a grouped count: the listing never touches article text."""
    return _summaries(conn.execute(_SUMMARY.format(where="") + " ORDER BY a.id"))


def get_summaries(conn: sqlite3.Connection, article_ids: Sequence[int]) -> list[ArticleSummary]:
    """The listing rows of just these articles (those that exist), for a view to update
    the rows an edit touched without reading every article again."""
    found: list[ArticleSummary] = []
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        query = _SUMMARY.format(where=f"WHERE article_id IN ({marks})")
        found += _summaries(conn.execute(f"{query} WHERE a.id IN ({marks})", chunk + chunk))
    return found


def _summaries(rows: Iterable[Sequence[Any]]) -> list[ArticleSummary]:
    return [
        ArticleSummary(
            id=r[0],
            title=r[1],
            publisher=r[2],
            author=r[3],
            published=codec.from_date_text(r[4]),
            url=r[5],
            source_format=r[6],
            word_count=r[7],
            passage_count=r[8],
            imported_at=codec.from_utc_text(r[9]),
            uuid=r[10],
            source_name=r[11],
        )
        for r in rows
    ]


def update_details(conn: sqlite3.Connection, article: Article) -> None:
    """Write the article's title, publisher, author, date and address over its row's.

    Only what a citation is made of: the text, its blocks and images never change, so
    passage offsets stay valid. The search index forgets the old title for the new one,
    and kept citation renderings go, as on a delete, since they hold the old details.
    """
    row = conn.execute(
        "SELECT a.title, b.text FROM articles a JOIN article_bodies b ON b.article_id = a.id"
        " WHERE a.id = ?",
        (article.id,),
    ).fetchone()
    if row is None:
        raise RecordNotFound("article", article.id or 0)
    conn.execute(
        "UPDATE articles SET title = ?, publisher = ?, author = ?, published = ?, url = ?,"
        " canonical_url = ? WHERE id = ?",
        (*_details(article), article.id),
    )
    if row[0] != article.title:  # an external-content index is told the old values
        conn.execute(
            "INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
            (article.id, row[0], row[1]),
        )
        conn.execute(
            "INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)",
            (article.id, article.title, row[1]),
        )
    renderings.forget_all(conn)


def delete_article(conn: sqlite3.Connection, article_id: int) -> None:
    row = conn.execute(
        "SELECT a.title, b.text FROM articles a JOIN article_bodies b ON b.article_id = a.id"
        " WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise RecordNotFound("article", article_id)
    # An external-content FTS5 index must be told the old values to forget them.
    conn.execute(
        "INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
        (article_id, row[0], row[1]),
    )
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    renderings.forget_all(conn)  # they may hold its title and link


MAX_ORIGINAL_BYTES = 256 * 1024 * 1024
"""The most an original may inflate to: four times what an importer accepts (64 MB)."""


def get_original(
    conn: sqlite3.Connection, article_id: int, limit: int = MAX_ORIGINAL_BYTES
) -> Original | None:
    """The original, read from the file and inflated in bounded steps.

    It must inflate to exactly the ``size`` stored beside it (never past ``limit``), so a
    crafted original costs at most the memory its row admits to.
    """
    row = conn.execute(
        "SELECT filename, media_type, compression, size, typeof(data) FROM originals"
        " WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise RecordNotFound("article", article_id)
        return None
    filename, media_type, method, size, kind = row
    if not isinstance(size, int) or not 0 <= size <= limit:
        raise codec.BadValue(f"an original's size is {size!r}")
    if kind != "blob" or not isinstance(method, str):
        raise codec.BadValue(f"an original is stored as {kind}")
    with conn.blobopen("originals", "data", article_id, readonly=True) as blob:
        chunks = iter(lambda: blob.read(codec.INFLATE_STEP), b"")
        data = codec.decompress_chunks(method, chunks, limit=size)
    if len(data) != size:
        raise codec.BadValue(f"an original holds {len(data):,} bytes, not {size:,}")
    return Original(filename=filename, media_type=media_type, data=data)


def original_size(conn: sqlite3.Connection, article_id: int) -> int | None:
    """The stored size of an article's original, without reading or inflating it."""
    row = conn.execute("SELECT size FROM originals WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise RecordNotFound("article", article_id)
        return None
    if not isinstance(row[0], int) or row[0] < 0:
        raise codec.BadValue(f"an original's size is {row[0]!r}")
    return row[0]


def find_duplicate(conn: sqlite3.Connection, url: str, text: str, title: str = "") -> int | None:
    """The article already here with the same address, or the same text.

    The same text may come with or without its headline: a Word file or a PDF keeps
    the headline atop the text, while a text file's first line (or a page's <h1>) was
    taken out as the title. With ``title``, the text counts as the same either way.
    """
    canonical = codec.canonical_url(url)
    if canonical:
        row = conn.execute(
            "SELECT id FROM articles WHERE canonical_url = ? ORDER BY id LIMIT 1", (canonical,)
        ).fetchone()
        if row is not None:
            return int(row[0])
    if not text.strip():
        return None
    hashes = [codec.text_hash(text), *_hashes_beside_title(text, title)]
    row = conn.execute(
        f"SELECT id FROM articles WHERE text_hash IN ({', '.join('?' * len(hashes))})"
        " ORDER BY id LIMIT 1",
        hashes,
    ).fetchone()
    return None if row is None else int(row[0])


def copy_candidates(
    conn: sqlite3.Connection, phrases: Sequence[str], least: int, limit: int = 3
) -> list[tuple[int, str, str]]:
    """Id, title and text of the articles whose text holds at least ``least`` of
    ``phrases``, those holding most first, at most ``limit`` of them.

    One statement of indexed phrase look-ups (FTS5 splits each phrase into words as it
    split the articles), so the cost grows with the phrases, not with the project.
    """
    if not phrases:
        return []
    union = " UNION ALL ".join(["SELECT rowid AS id FROM article_fts WHERE article_fts MATCH ?"]
                               * len(phrases))  # fmt: skip
    rows = conn.execute(
        f"SELECT h.id, a.title, b.text FROM (SELECT id, count(*) AS n FROM ({union})"
        " GROUP BY id HAVING n >= ? ORDER BY n DESC, id LIMIT ?) h"
        " JOIN articles a ON a.id = h.id JOIN article_bodies b ON b.article_id = h.id"
        " ORDER BY h.n DESC, h.id",
        [*('text : "' + phrase.replace('"', '""') + '"' for phrase in phrases), least, limit],
    )
    return [(i, t, x) for i, t, x in rows if isinstance(t, str) and isinstance(x, str)]


def _hashes_beside_title(text: str, title: str) -> list[str]:
    """The text's hash with ``title`` put atop it, or taken off where the text opens with it."""
    words = title.split()
    if not words or len(title) > 2_000:
        return []
    opening = re.match(
        r"\s*" + r"\s+".join(map(re.escape, words)) + r"(?=\s|$)", text, re.IGNORECASE
    )
    if opening is None:
        return [codec.text_hash(text, heading=title)]
    rest = text[opening.end() :]
    return [codec.text_hash(rest)] if rest.strip() else []


def article_ids_exist(conn: sqlite3.Connection, article_id: int) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None
