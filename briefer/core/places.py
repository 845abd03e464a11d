"""Where the analyst was in each project (the view, the article and how far into it, the
note and its section), kept beside the settings so a project reopens there.

Never inside the project: a project opened read-only, or on a read-only disk, must still
remember, and a file must not change from being looked at. The file is the analyst's own
but may be damaged or planted: anything wrong in it is ignored with a log line, never
raised. Standard library only; the window gathers a Place and applies one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

from briefer.core.atomic import write_atomically
from briefer.core.logs import get_logger
from briefer.core.record import Record, asdict

READ = "read"
COMPOSE = "compose"
MAX_PROJECTS = 50
"""The places kept: the projects opened most recently."""
MAX_FILE_BYTES = 256 * 1024
"""Far more than 50 places take (about 200 bytes each): a larger file is not ours."""
MAX_PATH_CHARS = 4096
MAX_NUMBER = 2**53  # ids and offsets; a larger one is no record's

log = get_logger(__name__)


class PlacesFileError(Exception):
    """The places file could not be written (logged by ``remember``, never shown)."""


class Place(Record, frozen=True):
    """One project's place. Reader offsets are in the article's own text (canonical), not
    in the Reader's document, whose positions move with its header; the note's cursor is
    a position in the section's editor, clamped to its text when put back."""

    view: str = READ
    article_id: int | None = None
    article_top: int = 0
    """The offset of the first text in sight; 0 is the top of the article."""
    article_cursor: int = 0
    note_id: int | None = None
    section_id: int | None = None
    note_cursor: int = 0

    @classmethod
    def from_json(cls, data: object) -> Place:
        """The place ``data`` holds; ValueError if it is not a place of ours."""
        if not isinstance(data, dict):
            raise ValueError("a place is an object")
        values: dict[str, object] = {}
        for name in cls.__struct_fields__:
            if name not in data:
                continue
            value = data[name]
            if name == "view":
                if value not in (READ, COMPOSE):
                    raise ValueError(f"unknown view {str(value)[:40]!r}")
            elif (value is not None or not name.endswith("_id")) and (
                type(value) is not int or not 0 <= value < MAX_NUMBER  # True is no count here
            ):
                raise ValueError(f"{name} is not a count")
            values[name] = value
        return cls(**values)  # type: ignore[arg-type]


def project_key(project: Path) -> str:
    """A project's key: its resolved path, as the recent projects are kept."""
    return str(project.expanduser().resolve())


def read_places(file: Path) -> dict[str, Place]:
    """The places kept in ``file``, the most recently left first; {} when there is no file
    or it is not one of ours (logged). A bad entry is skipped, the others kept."""
    try:
        with file.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.warning("places file %s unreadable (%s); opening projects at their start", file, exc)
        return {}
    if len(raw) > MAX_FILE_BYTES:
        log.warning("places file %s is over %d bytes; ignored", file, MAX_FILE_BYTES)
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
        entries = data["projects"] if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise ValueError("no list of projects")
    except (ValueError, KeyError, RecursionError) as exc:
        log.warning("places file %s damaged (%s); ignored", file, str(exc)[:200])
        return {}
    places: dict[str, Place] = {}
    skipped = 0
    for entry in entries[:MAX_PROJECTS]:
        try:
            key = entry["path"] if isinstance(entry, dict) else None
            if not isinstance(key, str) or not key or len(key) > MAX_PATH_CHARS:
                raise ValueError("no path")
            places.setdefault(key, Place.from_json(entry.get("place")))
        except ValueError:
            skipped += 1
    if skipped:
        log.warning("places file %s: %d damaged entries skipped", file, skipped)
    return places


def recall(file: Path, project: Path) -> Place | None:
    """Where the analyst left ``project``, if ``file`` says."""
    try:
        key = project_key(project)
    except (OSError, RuntimeError):
        return None
    return read_places(file).get(key)


def remember(file: Path, project: Path, place: Place) -> bool:
    """Keep ``place`` as ``project``'s, first, dropping the oldest past MAX_PROJECTS.

    Written atomically (another window's write in between is read first, so
    each window keeps the others' places). False, logged, if it cannot be written: losing
    a place must never get in the analyst's way.
    """
    try:
        key = project_key(project)
        places = {key: place}
        places.update((k, v) for k, v in read_places(file).items() if k != key)
        kept = list(places.items())[:MAX_PROJECTS]
        text = json.dumps(
            {"projects": [{"path": k, "place": asdict(v)} for k, v in kept]}, indent=1
        )

        def write(stream: BinaryIO) -> None:
            stream.write(text.encode("utf-8") + b"\n")

        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(file, write, PlacesFileError)
    except (OSError, RuntimeError, PlacesFileError) as exc:
        log.warning("could not keep the place in %s: %s", project, exc)
        return False
    return True
