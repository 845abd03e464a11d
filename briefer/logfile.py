"""The log file: Briefer's records, libraries' warnings and Python's, in one rotating file.

Loaded with logging itself, by the set-up ``settings.setup_logging`` asks for (core.logs),
so a command that logs nothing loads neither.
"""

from __future__ import annotations

import logging
from pathlib import Path

# Libraries whose INFO and DEBUG chatter would drown Briefer's own lines in the log.
_QUIET_LIBRARIES = (
    "trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "citeproc",
    "pypdfium2", "docx", "PIL", "markdown_it",
)  # fmt: skip
_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class LogFile(logging.Handler):
    """The rotating log file (1 MB, three older ones), opened at its first record.

    Most CLI runs log nothing; they then neither touch the file nor load
    logging.handlers, which brings socket, pickle and queue with it: a few
    milliseconds of every `briefer export`. If the file cannot be opened then,
    the log goes to stderr rather than nowhere.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.baseFilename = str(path)
        self._target: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._target is None:
            import logging.handlers

            try:
                target: logging.Handler = logging.handlers.RotatingFileHandler(
                    self.baseFilename, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
                )
            except OSError:
                target = logging.StreamHandler()
            target.setFormatter(self.formatter)
            self._target = target
        self._target.handle(record)

    def flush(self) -> None:
        if self._target is not None:
            self._target.flush()

    def close(self) -> None:
        if self._target is not None:
            self._target.close()
        super().close()


def start(log_dir: Path, log_file: Path) -> logging.Handler:
    """Send the log to ``log_file``, third-party libraries' warnings and Python's included;
    if the file cannot be written, to stderr rather than nowhere. Returns the handler."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = LogFile(log_file)
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(_LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for name in _QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    return handler


def stop(handler: logging.Handler) -> None:
    """Undo ``start``."""
    logging.getLogger().removeHandler(handler)
    handler.close()
    logging.captureWarnings(False)
