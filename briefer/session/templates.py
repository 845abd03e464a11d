"""Where note templates come from: the built-ins in resources/templates and the user's own.

The user's templates are JSON files in the user data folder
(``Paths.templates_dir``). A broken user template is skipped with a message
naming the file, never a reason for the list (or the app) to fail. A user
template with a built-in's name takes its place, so an organisation can
adapt "Briefing note" without renaming it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefer.core.logs import get_logger
from briefer.core.record import Record, field
from briefer.core.templates import Template, TemplateError, template_from_data, template_to_data
from briefer.resources import resource_path
from briefer.session.command import CommandError
from briefer.settings import atomic_write_text

log = get_logger(__name__)


class TemplateCatalog(Record, frozen=True):
    """The templates on offer, in menu order, and why any file was left out."""

    templates: list[Template]
    problems: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [t.name for t in self.templates]

    def named(self, name: str) -> Template:
        """The template called ``name`` (case-insensitive); CommandError lists the others."""
        for template in self.templates:
            if template.name.casefold() == name.strip().casefold():
                return template
        raise CommandError(
            f'There is no template called "{name}". Choose one of: {", ".join(self.names)}.'
        )


def builtin_templates_dir() -> Path:
    return resource_path("templates")


def load_templates(user_dir: Path | None = None) -> TemplateCatalog:
    """Built-ins first (in file-name order), then user templates; same name: the user's wins."""
    found: dict[str, Template] = {}
    problems: list[str] = []
    sources = [(builtin_templates_dir(), True)]
    if user_dir is not None and user_dir.is_dir():
        sources.append((user_dir, False))
    for folder, builtin in sources:
        for path in sorted(folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                template = template_from_data(data, builtin=builtin)
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, TemplateError) as exc:
                problems.append(f"Template {path.name} was skipped: {_reason(exc)}")
                log.warning("template %s skipped: %s", path, exc)
                continue
            found[template.name.casefold()] = template
    return TemplateCatalog(list(found.values()), problems)


def save_user_template(template: Template, user_dir: Path, *, replace: bool = False) -> Path:
    """Write ``template`` as a JSON file in the user's templates folder and return its path.

    Refuses to overwrite another user template of the same name unless
    ``replace`` is true, so a "save as template" never silently loses one.
    """
    if not template.name.strip():
        raise CommandError("A template needs a name.")
    target = user_dir / f"{slug(template.name)}.json"
    if target.exists() and not replace:
        raise CommandError(
            f'You already have a template called "{template.name}" ({target}). '
            "Choose another name, or replace it."
        )
    text = json.dumps(template_to_data(template), indent=2, ensure_ascii=False) + "\n"
    try:
        user_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
    except OSError as exc:
        raise CommandError(
            f"Could not save the template in {user_dir}: {exc.strerror or exc}. "
            "Check that the folder is writable."
        ) from exc
    return target


def slug(name: str) -> str:
    """A file name from a template name that every OS accepts."""
    cleaned = re.sub(r"[^\w\-]+", "-", name.strip().casefold()).strip("-")
    return cleaned[:80] or "template"


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"it is not valid JSON (line {exc.lineno}: {exc.msg})."
    if isinstance(exc, UnicodeDecodeError):
        return "it is not UTF-8 text."
    if isinstance(exc, OSError):
        return f"it could not be read ({exc.strerror or exc})."
    return str(exc)
