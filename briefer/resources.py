"""Finds the resources/ folder in a checkout, an installed wheel or a frozen bundle.

Plain files (JSON, SVG, Markdown, DOCX) so Qt-free code can read them too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The first candidate that exists: bundle, wheel (briefer/resources), checkout."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "Briefer's resources folder is missing; reinstall Briefer. Looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"Briefer resource not found: {'/'.join(parts)}")
    return path


def load_json(*parts: str) -> Any:
    return json.loads(resource_path(*parts).read_text(encoding="utf-8"))
