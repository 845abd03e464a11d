"""What every CLI command shares: the one-line error, exit codes, JSON output, opening.

Kept apart from cli.py so the note commands (cli_notes.py) and the rest use
the same rules without importing each other.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
from collections.abc import Sequence

from briefer import session as api  # names load on first use
from briefer.core.safetext import shown
from briefer.settings import Paths, load_settings

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70


class CliError(Exception):
    """A problem to report in one line, with the exit code to use."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwinds like Ctrl+C, so the open project is closed and
    its lock released on the way out (the default action would kill the process as is)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def exit_cleanly_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into ``Terminated`` in the main thread (SIGINT already
    raises KeyboardInterrupt)."""

    def raise_terminated(signum: int, frame: object) -> None:
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, raise_terminated)


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see `{self.prog} --help`)", EXIT_USAGE)


class OnlyCommand:
    """The subcommands' parsers, made only for the command being run (all of them for
    `briefer --help`): some thirty parsers with their help texts cost a run of
    `briefer export` a few milliseconds it would spend on nothing."""

    def __init__(self, subparsers: Any, only: str | None) -> None:
        self.subparsers = subparsers
        self.only = only

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if self.only is not None and name != self.only:
            return _Unused()
        return self.subparsers.add_parser(name, **kwargs)


class _Unused:
    """A parser that is not made: takes any call (arguments, sub-actions) and keeps nothing."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self


_UNPRINTABLE_IN_JSON = "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
"""What ``json.dumps(ensure_ascii=False)`` leaves raw that a terminal acts on (C1 controls,
bidirectional overrides) or a UTF-8 stream refuses (lone surrogates); C0 it escapes itself.
A pattern, compiled by ``emit``: only --json needs it, and a class spanning the surrogates
costs some 1% of a short `briefer export` to compile."""


def emit(data: Any) -> None:
    """``data`` as JSON; characters a terminal would act on are written as ``\\uXXXX``
    escapes (they can only stand inside strings, so the JSON means the same)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    print(re.sub(_UNPRINTABLE_IN_JSON, lambda m: f"\\u{ord(m.group()):04x}", text))


def warn(session: api.Session) -> None:
    """Side problems (a backup not written) as one line each on stderr; work carries on."""
    for message in session.take_warnings():
        print(f"briefer: warning: {shown(str(message))}", file=sys.stderr)


def open_session(args: argparse.Namespace, paths: Paths, *, write: bool) -> api.Session:
    if not write:
        return api.Session.open(args.project, read_only=True)
    settings = load_settings(paths).settings
    session = api.Session.open(
        args.project,
        backup_dir=paths.backups_dir,
        backup_policy=api.backup_policy(settings),
        break_lock=getattr(args, "break_lock", False),
    )
    warn(session)
    return session


def not_a_command(word: str, commands: Sequence[str], suffix: str) -> str:
    """The usage error for a first word that is neither a command nor a project file,
    naming the command it is most like when it looks like a slip of the keys ("exprot")."""
    import difflib  # for this error only

    close = difflib.get_close_matches(word.lower(), commands, n=1, cutoff=0.75)
    what = f'"{word}" is neither a command nor a project file ({suffix})'
    if close:
        return f'{what}. Did you mean "{close[0]}"? See `briefer --help`.'
    return f"{what}; see `briefer --help`"
