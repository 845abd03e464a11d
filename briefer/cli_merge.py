"""`briefer merge PROJECT OTHER [--dry-run] [--json]`: bring another copy's work into this one.

Kept apart from cli.py, which is near its size limit; shares cli_common's rules (one-line
errors, exit codes, --json). Theme conflicts keep this project's values and are reported;
the window's File > Merge Project… lets the analyst choose per theme instead.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from briefer import session as api  # names load on first use
from briefer.cli_common import CliError, emit, open_session, warn
from briefer.core.safetext import shown
from briefer.settings import Paths

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

MERGE_SUBCOMMANDS = ("merge",)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "merge",
        help="merge another project (a colleague's copy, another laptop's) into this one",
        description="Add what OTHER holds that PROJECT lacks (articles with their originals, "
        "themes, passages, notes) as one undoable step, after a backup; nothing is deleted, "
        "and merging the same file twice adds nothing. Theme conflicts keep PROJECT's "
        "values and are reported. OTHER may come from an older Briefer: it is read through "
        "an upgraded temporary copy and never changed.",
    )
    p.add_argument("project", type=Path, metavar="PROJECT", help="the .briefer file to merge into")
    p.add_argument("other", type=Path, metavar="OTHER", help="the .briefer file to merge from")
    p.add_argument("--dry-run", action="store_true", help="only say what the merge would do")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--break-lock",
        action="store_true",
        help="open PROJECT even though another computer's Briefer holds its lock",
    )


def cmd_merge(args: argparse.Namespace, paths: Paths) -> int:
    if not args.other.is_file():
        raise CliError(f"{args.other} is not a file; give the .briefer project to merge from.")
    if args.dry_run:  # no backup on open: a dry run leaves nothing behind
        session = api.Session.open(args.project, break_lock=args.break_lock)
    else:
        session = open_session(args, paths, write=True)
    with session:
        report = api.merge_project(session, args.other, dry_run=args.dry_run)
        warn(session)
    if args.json:
        emit({"dry_run": args.dry_run, **report.as_json()})
        return 0
    verb = "Would merge" if args.dry_run else "Merged"
    print(
        f"{verb} {args.other} into {args.project}"
        + (" (nothing new)." if report.adds_nothing else ":")
    )
    for line in report.lines():
        print(f"  {shown(line)}")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Paths], int]] = {"merge": cmd_merge}
