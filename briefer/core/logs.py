"""Loggers that load ``logging`` with the first record, and a set-up that waits for it.

Importing logging brings traceback, linecache, tokenize, textwrap and string with it, and
compiles their patterns: some 20 M instructions, 6% of a short `briefer export`, which
logs nothing. So Briefer's modules take their logger from ``get_logger``, and the log's set-up
(``settings.setup_logging``) goes through ``when_loaded``, which runs it the moment logging
loads, whoever loads it: Briefer's first record, Python's first warning, or a library that
imports logging for its own records (trafilatura, citeproc). Those records reach the log
file as before, never stderr. Standard library only.
"""

from __future__ import annotations

import sys
import threading
import warnings
from collections.abc import Callable

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    import logging
    from importlib.machinery import ModuleSpec
    from types import ModuleType
    from typing import Any

_pending: list[Callable[[], None]] = []
_lock = threading.Lock()
_shown_by: list[Callable[..., None]] = []
"""``warnings.showwarning`` as it was before this module stood in for it."""


def get_logger(name: str) -> logging.Logger:
    """``logging.getLogger(name)``; until logging is loaded, a stand-in that loads it at
    the first call (``log.warning(...)``) and passes the call on."""
    if "logging" in sys.modules:
        import logging

        return logging.getLogger(name)
    return _Deferred(name)  # type: ignore[return-value]  # answers as the Logger it stands for


class _Deferred:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attribute: str) -> object:
        import logging

        if _pending:  # logging was loaded some way the watch did not see
            _run_pending()
        return getattr(logging.getLogger(self.name), attribute)


def when_loaded(job: Callable[[], None]) -> None:
    """Run ``job`` now if logging is loaded, else right after it loads (before any module
    that imported it goes on), or before Python shows its first warning."""
    with _lock:
        if "logging" not in sys.modules:
            if not _pending:
                sys.meta_path.insert(0, _WATCH)
                _shown_by[:] = [warnings.showwarning]
                warnings.showwarning = _first_warning
            _pending.append(job)
            return
    job()


def cancel(job: Callable[[], None]) -> None:
    """Forget ``job`` if it has not run (a set-up undone before anything was logged)."""
    with _lock:
        if job in _pending:
            _pending.remove(job)
            if not _pending:
                _stop_watching()


def _stop_watching() -> None:
    if _WATCH in sys.meta_path:
        sys.meta_path.remove(_WATCH)
    if warnings.showwarning is _first_warning:
        warnings.showwarning = _shown_by[0]


def _run_pending() -> None:
    with _lock:
        jobs = list(_pending)
        _pending.clear()
        _stop_watching()  # first, so a job capturing warnings keeps Python's own to restore
    for job in jobs:
        job()


def _first_warning(*args: object, **kwargs: object) -> None:
    import logging  # noqa: F401  (its loading runs the pending set-up, which may capture warnings)

    _run_pending()  # in case logging was loaded some way the finder did not see
    warnings.showwarning(*args, **kwargs)  # type: ignore[arg-type]


class _LoggingWatch:
    """A finder that finds nothing itself: it lends the real loader of ``logging`` a step
    after loading, so the set-up runs before the importing module takes a logger."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if name != "logging":
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec: ModuleSpec | None = None
            if finder is not self and find is not None:
                spec = find(name, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _LoadThenRun(spec.loader)  # type: ignore[assignment]
                return spec
        return None


class _LoadThenRun:
    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        module.__loader__ = self.loader  # the module keeps its own loader, not this step
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        self.loader.exec_module(module)
        _run_pending()


_WATCH = _LoggingWatch()
