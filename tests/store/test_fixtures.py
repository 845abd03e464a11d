"""Every old format version still opens: the committed fixture of each is read back."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from briefer.store import SCHEMA_VERSION, Project
from tests.store.make_fixtures import TEXT, WHEN


def test_version_1_fixture_opens_with_everything_in_it(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "project-v1.briefer"
    shutil.copyfile(data_dir / "store" / "project-v1.briefer", path)
    with Project.open(path, backup_dir=tmp_path / "backups") as project:
        info = project.info()
        assert info.title == "Grain corridor (v1 fixture)"
        assert info.schema_version == SCHEMA_VERSION
        (summary,) = project.list_articles()
        article = project.get_article(summary.id)
        assert (article.text, article.published, article.imported_at) == (
            TEXT,
            dt.date(2024, 3, 4),
            WHEN,
        )
        original = project.get_original(summary.id)
        assert original is not None and original.data == f"<p>{TEXT}</p>".encode()
        (passage,) = project.list_passages()
        assert article.text[passage.start : passage.end] == passage.text
        assert [project.get_theme(t).name for t in passage.theme_ids] == ["Trade", "Shipping"]
        assert project.theme_by_name("trade").keywords == ("export*", "grain")  # type: ignore[union-attr]
        shipping = project.theme_by_name("Shipping")
        assert shipping is not None
        assert project.dismissed_suggestions(summary.id) == {(73, 81, shipping.id)}
        (note,) = project.list_notes()
        assert project.get_note(note.id).sections[0].body.endswith(f"[@{passage.id}]")  # type: ignore[arg-type]
        assert [h.article_id for h in project.search("zurich premiums")] == [summary.id]
        assert project.check_integrity() == []
