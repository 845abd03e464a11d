"""Source formats to core Articles: the registry's entry points, re-exported on first use.

Names resolve lazily so that ``import briefer.importers.base`` (or any one importer)
does not load python-docx, lxml and every other format's library. Never imports
store, session or ui.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefer.importers.base import (
        ArticleBuilder,
        Deadline,
        Imported,
        Importer,
        ImportLimits,
        ImportRejected,
    )
    from briefer.importers.registry import (
        all_importers,
        detect,
        expand_paths,
        import_bytes,
        import_paste,
        import_path,
        supported_extensions,
    )

_EXPORTS = {
    "ArticleBuilder": "briefer.importers.base",
    "Deadline": "briefer.importers.base",
    "Imported": "briefer.importers.base",
    "Importer": "briefer.importers.base",
    "ImportLimits": "briefer.importers.base",
    "ImportRejected": "briefer.importers.base",
    "all_importers": "briefer.importers.registry",
    "detect": "briefer.importers.registry",
    "expand_paths": "briefer.importers.registry",
    "import_bytes": "briefer.importers.registry",
    "import_paste": "briefer.importers.registry",
    "import_path": "briefer.importers.registry",
    "supported_extensions": "briefer.importers.registry",
    "SUPPORTED_EXTENSIONS": "briefer.importers.registry",
}

__all__ = [  # noqa: RUF022 - grouped as in _EXPORTS
    "ArticleBuilder",
    "Deadline",
    "ImportLimits",
    "ImportRejected",
    "Imported",
    "Importer",
    "SUPPORTED_EXTENSIONS",
    "all_importers",
    "detect",
    "expand_paths",
    "import_bytes",
    "import_paste",
    "import_path",
    "supported_extensions",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
