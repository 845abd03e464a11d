"""Typed user settings, every file location Briefer uses (platformdirs), and the log file.

The only module that knows where files live. ``BRIEFER_HOME`` (or the CLI's
``--home``) redirects all of it under one folder, which is how tests and
portable installs keep the real user directories untouched. No Qt here.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from briefer.core import logs
from briefer.core.record import Record, asdict, field
from briefer.core.tempfiles import remove_stale, temp_prefix

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    import logging

APP_NAME = "Briefer"
HOME_ENV = "BRIEFER_HOME"
SETTINGS_FILE = "settings.json"
MAX_RECENT = 10

log = logs.get_logger(__name__)


class Paths(Record, frozen=True):
    """Where settings, data, backups, templates, caches and logs go."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / SETTINGS_FILE

    @property
    def places_file(self) -> Path:
        """Where each project was left (core.places): beside the settings, never in the
        project, which must not change from being looked at."""
        return self.config_dir / "places.json"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def templates_dir(self) -> Path:
        return self.data_dir / "templates"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "briefer.log"


def resolve_paths(home: Path | str | None = None) -> Paths:
    """The platform's user folders, or all of them under ``home`` / ``$BRIEFER_HOME``."""
    root = home if home is not None else os.environ.get(HOME_ENV)
    if root:
        base = Path(root).expanduser().resolve()
        return Paths(base / "config", base / "data", base / "cache", base / "logs")
    return Paths(
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


class Settings(Record):
    """What the analyst chose once and expects remembered."""

    author: str = ""
    default_template: str = "Briefing note"
    default_marking: str = "OFFICIAL"
    # The CSL style notes are exported in: a built-in style's name (`briefer styles`)
    # or the path of a .csl file. `briefer export --style` overrides it for one export.
    citation_style: str = "chicago-notes-bibliography"
    # Keep citation renderings in the cache folder, so a repeated CLI export is faster.
    # Off by default: the files would hold sources' titles and links outside the project.
    keep_citation_renderings: bool = False
    recent_projects: list[str] = field(default_factory=list)
    appearance: str = "system"
    editor_font_size: int = 11
    # At most this many keyword suggestions per article in the Reader, strongest first
    # (see core.suggest); 0 turns them off.
    suggestions_per_article: int = 8
    # Backups of a project (see store.backups.BackupPolicy): the newest ``keep_backups``
    # taken on open, one an hour for ``backup_hours`` hours, one a day for ``backup_days``
    # days, and those taken before a delete for ``backup_before_delete_days`` days (at most
    # ``backup_before_delete_max``). Backups taken before a migration are never pruned.
    keep_backups: int = 5
    backup_hours: int = 24
    backup_days: int = 14
    backup_before_delete_days: int = 14
    backup_before_delete_max: int = 20
    last_export_dir: str = ""
    # The folder the last import came from: File > Import starts there next time (the
    # analyst's downloads, say), not in whatever folder the app was started from.
    last_import_dir: str = ""
    # The Markdown flavour last chosen in the Export dialog: "commonmark" (GitHub,
    # markdown-it: footnotes) or "pandoc" (pandoc's own reader); see exporters.markdown_flavours.
    markdown_flavour: str = "commonmark"
    # Word exports built on Briefer's own template (a reference document keeps its own):
    # "A4" or "Letter", and the proofing language as a tag like "en-GB". The defaults
    # come from the locale: Letter and en-US in the US, A4 and en-GB where it says nothing.
    page_size: str = field(default_factory=lambda: default_page_size())
    language: str = field(default_factory=lambda: default_language())
    window_geometry: str = ""
    # The panels as they were at the last close (written, no longer read: each mode now
    # keeps its own layout below).
    window_state: str = ""
    # Read and Tag's and Compose's own layouts (see ui.shell.layouts): the panels, then the
    # mode's splitters (base64), then its tabs' current indexes. Empty: the default layout.
    read_layout: list[str] = field(default_factory=list)
    compose_layout: list[str] = field(default_factory=list)

    def add_recent(self, project: Path) -> None:
        entry = str(project.expanduser().resolve())
        self.recent_projects = [entry, *(p for p in self.recent_projects if p != entry)][
            :MAX_RECENT
        ]


# Where paper is Letter (ISO 216 elsewhere): the United States, Canada, Mexico, the
# Philippines, Chile, Colombia, Venezuela and a few more.
_LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR", "CR"})
_LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LC_MESSAGES", "LANG")


def _locale_tag(environ: Mapping[str, str]) -> str:
    """``fr-FR`` from ``fr_FR.UTF-8`` in the first locale variable set; "" for C/POSIX."""
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "").split(".")[0].split("@")[0]
        if value and value not in ("C", "POSIX"):
            parts = value.replace("-", "_").split("_")
            if len(parts) == 2 and parts[0].isalpha() and parts[1].isalpha():
                return f"{parts[0].lower()}-{parts[1].upper()}"
            return ""
    return ""


def default_page_size(environ: Mapping[str, str] | None = None) -> str:
    tag = _locale_tag(os.environ if environ is None else environ)
    return "Letter" if tag.rsplit("-", 1)[-1] in _LETTER_REGIONS and tag else "A4"


def default_language(environ: Mapping[str, str] | None = None) -> str:
    return _locale_tag(os.environ if environ is None else environ) or "en-GB"


class LoadedSettings(Record, frozen=True):
    """Settings plus what happened while reading them, for the UI to tell the user."""

    settings: Settings
    problem: str = ""


def load_settings(paths: Paths) -> LoadedSettings:
    """Read settings; a corrupt file is set aside (renamed) and defaults are used.

    A broken settings file must never stop the app from starting, and must
    not be silently overwritten either: the analyst may want it back.
    """
    path = paths.settings_file
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as exc:
        return LoadedSettings(Settings(), f"Could not read settings from {path}: {exc.strerror}.")
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return LoadedSettings(_from_dict(data))
    except (ValueError, TypeError) as exc:
        aside = path.with_name(f"{path.stem}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            path.replace(aside)
        except OSError:
            aside = path
        log.warning("settings file %s unreadable (%s); set aside as %s", path, exc, aside)
        return LoadedSettings(
            Settings(),
            f"Your settings file could not be read, so defaults are in use. "
            f"The old file was kept as {aside}.",
        )


def _from_dict(data: dict[str, object]) -> Settings:
    defaults = Settings()
    values: dict[str, object] = {}
    for name in Settings.__struct_fields__:
        if name not in data:
            continue
        value, default = data[name], getattr(defaults, name)
        if isinstance(default, list):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise TypeError(f"{name} must be a list of strings")
        elif isinstance(default, bool) != isinstance(value, bool) or not isinstance(
            value, type(default)
        ):  # True is an int to Python, never a count here; a switch takes only true/false
            raise TypeError(f"{name} must be {type(default).__name__}")
        values[name] = value
    return Settings(**values)  # type: ignore[arg-type]


def save_settings(paths: Paths, settings: Settings) -> None:
    """Write atomically: a crash mid-write leaves the previous file intact."""
    atomic_write_text(paths.settings_file, json.dumps(asdict(settings), indent=2) + "\n")


def atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class LogSetup:
    """The log's set-up, asked for by ``setup_logging`` and made when logging loads
    (core.logs): a command that logs nothing never loads logging at all. ``handler`` is
    None until then; ``log_file`` names the file the log went to, if it went to one."""

    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        self.handler: logging.Handler | None = None

    def start(self) -> None:
        from briefer import logfile

        self.handler = logfile.start(self.paths.log_dir, self.paths.log_file)

    @property
    def log_file(self) -> str:
        return str(getattr(self.handler, "baseFilename", ""))


def setup_logging(paths: Paths) -> LogSetup:
    """Send Briefer's log, third-party libraries' log warnings and Python ``warnings``
    (citeproc, pypdfium2...) to one rotating file in the log folder, never to stderr
    (briefer/logfile.py), from the moment logging loads.

    Called once by the window and by each CLI run; stderr stays for Briefer's own
    one-line messages. Returns the set-up, for ``stop_logging``.
    """
    setup = LogSetup(paths)
    logs.when_loaded(setup.start)
    return setup


def stop_logging(setup: LogSetup) -> None:
    """Undo ``setup_logging``: for a CLI run inside another program (tests, scripts)."""
    logs.cancel(setup.start)
    if setup.handler is not None:
        from briefer import logfile

        logfile.stop(setup.handler)
