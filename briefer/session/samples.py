"""The sample project: built once from resources/samples so a new user can try everything.

Built through the same session and importers as any project, in the user's
data folder; afterwards it is an ordinary project the analyst may change.
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.logs import get_logger
from briefer.core.typed_words import find_words
from briefer.resources import load_json, resource_path
from briefer.session.passage_commands import TagPassageCommand
from briefer.session.session import Session

log = get_logger(__name__)

SAMPLE_NAME = "Sample project.briefer"
PASSAGES_FILE = "passages.json"


def ensure_sample_project(data_dir: Path) -> Path:
    """The sample project's path, building it first if it does not exist yet."""
    target = data_dir / SAMPLE_NAME
    if target.exists():
        return target
    data_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{SAMPLE_NAME}.building")
    partial.unlink(missing_ok=True)
    with Session.create(partial, title="Sample project") as session:
        samples = sorted(
            p
            for p in resource_path("samples").iterdir()
            if not p.name.startswith(".") and p.name != PASSAGES_FILE
        )
        report = session.import_all(samples, recursive=False)
        _tag_sample_passages(session, {Path(o.source).name: o.article_id for o in report.outcomes})
    partial.replace(target)  # a half-built sample never passes for a finished one
    return target


def _tag_sample_passages(session: Session, articles: dict[str, int | None]) -> None:
    """Tag the passages listed in resources/samples/passages.json, as an analyst would."""
    listed = load_json("samples", PASSAGES_FILE)["passages"]
    for item in listed:
        article_id = articles.get(item["article"])
        if article_id is None:
            continue
        text = session.query.get_article(article_id).text
        span = find_words(text, item["text"])
        themes = [session.theme_named(name) for name in item["themes"]]
        theme_ids = [t.id for t in themes if t is not None and t.id is not None]
        if span is None or not theme_ids:
            log.warning("sample passage not found: %s", item["text"][:40])
            continue
        session.do(TagPassageCommand(article_id, span[0], span[1], theme_ids, toggle=False))
    session.history.clear()  # the sample starts with nothing to undo
