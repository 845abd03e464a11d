"""The sample project: built once from resources/samples so a new user can try everything.

Built through the same session and importers as any project, in the user's
data folder; afterwards it is an ordinary project the analyst may change.
"""

from __future__ import annotations

from pathlib import Path

from briefer.resources import resource_path
from briefer.session.session import Session

SAMPLE_NAME = "Sample project.briefer"


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
            p for p in resource_path("samples").iterdir() if not p.name.startswith(".")
        )
        session.import_all(samples, recursive=False)
    partial.replace(target)  # a half-built sample never passes for a finished one
    return target
