"""Exports are written atomically (core.atomic), failing as ExportError."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefer.core import atomic
from briefer.exporters.errors import ExportError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import BinaryIO


def write_atomically(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """``core.atomic.write_atomically`` for an export: its errors say "export again"."""
    atomic.write_atomically(target, write, ExportError, "export again")
