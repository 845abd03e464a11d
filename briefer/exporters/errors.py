"""The one error type exporters raise. Standard library only."""

from __future__ import annotations


class ExportError(Exception):
    """An export could not be written; ``str()`` says what happened and what to do.

    Nothing is left under the target name when this is raised.
    """
