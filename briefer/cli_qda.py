"""`briefer qda export|import`: REFI-QDA files for NVivo, ATLAS.ti, MAXQDA and QualCoder.

Kept apart from cli.py, which is near its size limit; shares cli_common's rules
(one-line errors, exit codes, --json).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from briefer import session as api  # names load on first use
from briefer.cli_common import EXIT_USAGE, CliError, emit, open_session, warn
from briefer.core.safetext import shown
from briefer.settings import Paths

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any

QDA_SUBCOMMANDS = ("qda",)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "qda",
        help="exchange themes and passages with QDA tools (REFI-QDA .qdpx / .qdc)",
        description="Export the project for NVivo, ATLAS.ti, MAXQDA, QualCoder and other "
        "REFI-QDA tools, or import a file they wrote.",
    )
    actions = p.add_subparsers(dest="qda_action", metavar="ACTION", parser_class=type(p))
    export = actions.add_parser(
        "export",
        help="write FILE.qdpx (the whole project) or FILE.qdc (the themes only)",
        description="Write FILE.qdpx (themes, articles and passages) or FILE.qdc (themes).",
    )
    export.add_argument("project", type=Path, metavar="PROJECT", help="the .briefer file")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="FILE.qdpx or FILE.qdc")  # fmt: skip
    export.add_argument("--json", action="store_true")
    imp = actions.add_parser(
        "import",
        help="add a .qdpx or .qdc file's codes, text sources and coded passages",
        description="Add the codes (as themes), text sources (as articles) and coded "
        "selections (as passages) of a REFI-QDA file, as one undoable step.",
    )
    imp.add_argument("project", type=Path, metavar="PROJECT", help="the .briefer file")
    imp.add_argument("file", type=Path, metavar="FILE", help="FILE.qdpx or FILE.qdc")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--break-lock", action="store_true",
                     help="open even though another computer's Briefer holds the lock")  # fmt: skip


def cmd_qda(args: argparse.Namespace, paths: Paths) -> int:
    if args.qda_action == "export":
        with open_session(args, paths, write=False) as session:
            result = api.export_qda(session, args.output)
        if args.json:
            emit({"target": str(result.target), "codebook_only": result.codebook_only,
                  "themes": result.codes, "articles": result.sources,
                  "passages": result.selections})  # fmt: skip
        else:
            print(shown(result.summary))
        return 0
    if args.qda_action == "import":
        if not args.file.is_file():
            raise CliError(f"{args.file} is not a file; give a .qdpx or .qdc file to import.")
        with open_session(args, paths, write=True) as session:
            report = api.import_qda(session, args.file)
            warn(session)
        if args.json:
            emit(report.as_json())
        else:
            print("\n".join(shown(line) for line in report.lines()))
        return 0
    raise CliError("choose `briefer qda export` or `briefer qda import`", EXIT_USAGE)


HANDLERS: dict[str, Callable[[argparse.Namespace, Paths], int]] = {"qda": cmd_qda}
