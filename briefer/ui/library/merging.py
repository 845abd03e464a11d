"""A merge of projects off the GUI thread: the dry run and the merge each on a worker.

Merging 2,000 articles takes seconds, so both steps run on a QThread with a progress
dialog counting articles, and the window keeps painting. The session may be used from
the worker as imports use it: the store's connection allows other threads and its lock
serialises the GUI's reads with the worker's transaction (the window's models keep their
rows, so painting does not read). Cancel is offered because the command checks between
articles, inside its one transaction: cancelling rolls all of it back. The thread and the
dialog are ui/common/background.py's, shared with the QDA import and export.
"""

from __future__ import annotations

from pathlib import Path

from briefer.core.logs import get_logger
from briefer.ui.common.background import Job, JobRunner, Progress
from briefer.ui.shell.crash import log_hint

log = get_logger(__name__)

__all__ = ["Job", "MergeRunner", "Progress", "unexpected"]


class MergeRunner(JobRunner):
    """The shared runner (ui/common/background.py), counting articles."""

    step_text = "Article {done} of {total}"


def unexpected(exc: Exception, log_file: Path | None) -> str:
    """The sentence for an error no lower layer typed (it is logged with its traceback)."""
    log.error("a merge stopped by an unexpected error", exc_info=exc)
    return f"The merge stopped: {exc!r}. Nothing was changed. {log_hint(log_file)}"
