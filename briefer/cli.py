"""The command-line interface: the same session the window uses, one command at a time.

`briefer` alone (or with a project path) opens the window; subcommands work
headless. Listing commands take --json with the shapes documented in the
README. Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from briefer import __version__, cli_articles, cli_merge, cli_notes, cli_qda
from briefer import session as api  # names load on first use
from briefer.cli_common import (
    EXIT_ERROR,
    EXIT_INTERNAL,
    EXIT_USAGE,
    CliError,
    OnlyCommand,
    Parser,
    Terminated,
    emit,
    exit_cleanly_on_signals,
    not_a_command,
    open_session,
    warn,
)
from briefer.cli_format import (
    article_json,
    passage_json,
    print_table,
    search_hit_json,
    shown,
    theme_json,
    words_not_found,
)
from briefer.core import logs
from briefer.core.model import Theme
from briefer.core.palette import spare_colour, spare_shortcut
from briefer.core.words import counted
from briefer.screen import no_screen_reason
from briefer.settings import LogSetup, Paths, resolve_paths, setup_logging, stop_logging

log = logs.get_logger("briefer.cli")

SUBCOMMANDS = (
    "new", "info", "import", "articles", "show", "search", "themes", "tag", "passages",
    "backups", "restore", *cli_notes.NOTE_SUBCOMMANDS, *cli_qda.QDA_SUBCOMMANDS,
    *cli_merge.MERGE_SUBCOMMANDS,
)  # fmt: skip

PROJECT_SUFFIX = ".briefer"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; ``only``: with just that subcommand's parser in it."""
    parser = Parser(
        prog="briefer",
        description="Turn news articles and reports into a sourced briefing note.",
        epilog="Run `briefer` with no command (or with a .briefer file) to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"briefer {__version__}")
    parser.add_argument(
        "--home", type=Path, help="keep settings, logs and backups under this folder"
    )
    sub = OnlyCommand(
        parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser), only
    )

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("project", type=Path, metavar="PROJECT", help="the .briefer file")
        p.add_argument(
            "--break-lock",
            action="store_true",
            help="open even though another computer's Briefer holds the project's lock"
            " (only when that Briefer has crashed or the computer is gone)",
        )
        return p

    p = command("new", "create a new project with the default themes")
    p.add_argument("--title", help="project title (default: the file name)")
    p = command("info", "show what a project holds")
    p.add_argument("--json", action="store_true")
    p = command("import", "import files or folders (recursively) as articles")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("--no-recursive", action="store_true", help="do not descend into sub-folders")
    p.add_argument("--json", action="store_true")
    p = command("articles", "list the articles, or edit or delete one")
    p.add_argument("--json", action="store_true")
    cli_articles.add_actions(p)
    p = command("show", "show one article's metadata and text")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true", help="also include the block structure")
    p = command("search", "full-text search across articles")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p = command("themes", "list themes, or add / rename / delete one")
    p.add_argument("--json", action="store_true")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    add = actions.add_parser("add", help="add a theme")
    add.add_argument("name")
    add.add_argument("--colour", "--color", dest="colour", help="#RRGGBB")
    add.add_argument(
        "--shortcut", help='one key, e.g. 7 (default: the next free digit; "" for none)'
    )
    add.add_argument("--keywords", default="", help='comma-separated, e.g. "port, shipping*"')
    add.add_argument("--description", default="")
    add.add_argument("--parent", help="name of the parent theme")
    rename = actions.add_parser("rename", help="rename a theme")
    rename.add_argument("old")
    rename.add_argument("new")
    delete = actions.add_parser("delete", help="delete a theme (and passages tagged only with it)")
    delete.add_argument("name")
    p = command("tag", "tag the first occurrence of some words in an article")
    p.add_argument("--article", type=int, required=True, metavar="ID")
    p.add_argument("--text", required=True, help="the exact words to tag")
    p.add_argument(
        "--theme", action="append", required=True, metavar="NAME", help="repeat for several"
    )
    p.add_argument("--comment", default="")
    p.add_argument("--json", action="store_true")
    p = command("passages", "list tagged passages")
    p.add_argument("--theme", metavar="NAME", help="only passages with this theme")
    p.add_argument("--article", type=int, metavar="ID", help="only passages of this article")
    p.add_argument("--json", action="store_true")
    cli_notes.add_parsers(sub, command)
    cli_qda.add_parsers(sub)
    cli_merge.add_parsers(sub)
    p = command("backups", "list a project's backups, newest first, numbered for `restore`")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser(
        "restore",
        help="copy a backup into a new project file",
        description="Copy a backup into a NEW project file (never over an existing one). "
        "Either `briefer restore PROJECT N --to NEW.briefer`, N being the number "
        "`briefer backups PROJECT` shows (1 = newest), or `briefer restore BACKUP_FILE "
        "--to NEW.briefer`. The project itself is left as it is; open NEW to look.",
    )
    p.add_argument("source", type=Path, metavar="PROJECT_OR_BACKUP",
                   help="a project (with N), or a backup file")  # fmt: skip
    p.add_argument("number", type=int, nargs="?", metavar="N", help="backup number, 1 = newest")
    p.add_argument("--to", type=Path, required=True, metavar="NEW.briefer", dest="target",
                   help="the new project file to write; it must not exist yet")  # fmt: skip
    return parser


# -- helpers ---------------------------------------------------------------


def _theme(session: api.Session, name: str) -> Theme:
    theme = session.theme_named(name)
    if theme is None:
        names = ", ".join(t.name for t in session.query.list_themes()) or "none yet"
        raise CliError(f'No theme called "{name}". Themes: {names}.')
    return theme


# -- commands --------------------------------------------------------------


def cmd_new(args: argparse.Namespace, paths: Paths) -> int:
    project: Path = args.project
    if project.suffix.lower() != PROJECT_SUFFIX:  # "report.pdf" would hide a project as a PDF
        named = (
            project.with_suffix(PROJECT_SUFFIX) if project.suffix else Path(f"{project}.briefer")
        )
        raise CliError(
            f"A project's file name ends in {PROJECT_SUFFIX}, so that Briefer and its Open "
            f'dialog find it: try "{shown(str(named))}".',
            EXIT_USAGE,
        )
    with api.Session.create(args.project, title=args.title) as session:
        themes = ", ".join(t.name for t in session.query.list_themes())
    print(f"Created {args.project} with themes: {themes}.")
    return 0


def cmd_info(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths, write=False) as session:
        info = session.info()
    data = {
        "path": str(info.path),
        "title": info.title,
        "schema_version": info.schema_version,
        "created": info.created_at.isoformat() if info.created_at else None,
        "articles": info.article_count,
        "passages": info.passage_count,
        "themes": info.theme_count,
        "notes": info.note_count,
        "size_bytes": info.size_bytes,
    }
    if args.json:
        emit(data)
    else:
        for key, value in data.items():
            print(f"{key.replace('_', ' ').capitalize():15} {shown(str(value))}")
    return 0


def cmd_import(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths, write=True) as session:
        report = session.import_all(args.files, recursive=not args.no_recursive)
    if args.json:
        emit(
            {
                "imported": report.count(api.ImportStatus.IMPORTED),
                "duplicates": report.count(api.ImportStatus.DUPLICATE),
                "failed": report.count(api.ImportStatus.FAILED),
                "skipped": report.count(api.ImportStatus.SKIPPED),
                "results": [
                    {
                        "source": o.source,
                        "status": o.status.value,
                        "article_id": o.article_id,
                        "title": o.title,
                        "reason": o.reason,
                        "warnings": list(o.warnings),
                        "note": o.note,
                        "much_like": None
                        if o.like is None
                        else {
                            "article_id": o.like.article_id,
                            "title": o.like.title,
                            "percent": o.like.percent,
                            "part": o.like.part,  # this text is a part of that article
                        },
                    }
                    for o in report.outcomes
                ],
            }
        )
    else:
        for o in report.outcomes:
            detail = f"#{o.article_id} {o.title}" if o.article_id is not None else o.reason
            if o.status is api.ImportStatus.DUPLICATE:
                detail = f"#{o.article_id} {o.title}: {o.reason}"
            print(f"{o.status.value:9}  {shown(o.source)}  {shown(detail)}")
            for warning in o.warnings:
                print(f"{'':9}  warning: {shown(warning)}")
            if o.like is not None:
                print(f"{'':9}  note: {shown(o.note)}")
        print(report.summary.capitalize() + ".")
    if report.stopped_by is not None:
        raise report.stopped_by
    if not report.outcomes:
        raise CliError("No importable files found in what was given.")
    return EXIT_ERROR if report.count(api.ImportStatus.FAILED) else 0


def cmd_articles(args: argparse.Namespace, paths: Paths) -> int:
    if args.action is not None:
        return cli_articles.run_action(args, paths)
    with open_session(args, paths, write=False) as session:
        articles = session.query.list_articles()
    if args.json:
        emit([article_json(a) for a in articles])
        return 0
    print_table(
        ["ID", "Date", "Publisher", "Passages", "Title"],
        [
            [str(a.id), a.published.isoformat() if a.published else "", a.publisher,
             str(a.passage_count), a.title]
            for a in articles
        ],
    )  # fmt: skip
    return 0


def cmd_show(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths, write=False) as session:
        article = session.query.get_article(args.article_id)
        original_size = session.query.original_size(args.article_id)  # never inflated
    if args.json:
        data = article_json(article)
        data["source"] = article.source_name
        data["original_bytes"] = original_size
        data["text"] = article.text
        data["blocks"] = [
            {"kind": b.kind.value, "start": b.start, "end": b.end, "level": b.level,
             "ordered": b.ordered}
            for b in article.blocks
        ]  # fmt: skip
        emit(data)
        return 0
    print(shown(article.title))
    for label, value in (
        ("Publisher", article.publisher),
        ("Author", article.author),
        ("Published", article.published.isoformat() if article.published else ""),
        ("URL", article.url),
        ("Format", article.source_format),
        ("Source", article.source_name),
        (
            "Original",
            f"kept in the project ({original_size:,} bytes)" if original_size is not None else "",
        ),
    ):
        if value:
            print(f"{label}: {shown(value)}")
    print()
    print(shown(article.text, lines=True))
    return 0


def cmd_search(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths, write=False) as session:
        hits = session.query.search(args.query, limit=args.limit)
    if args.json:
        emit([search_hit_json(h) for h in hits])
        return 0
    if not hits:
        print(f'No article matches "{shown(args.query)}".')
    for hit in hits:
        print(f"#{hit.article_id}  {shown(hit.title)}\n    {shown(hit.snippet)}")
    return 0


def cmd_themes(args: argparse.Namespace, paths: Paths) -> int:
    if args.action is None:
        with open_session(args, paths, write=False) as session:
            themes = session.query.list_themes()
            counts = session.query.theme_passage_counts()
        names = {t.id: t.name for t in themes}
        if args.json:
            emit([theme_json(t, counts.get(t.id or 0, 0), names) for t in themes])
            return 0
        print_table(
            ["Key", "Colour", "Passages", "Theme", "Keywords"],
            [[t.shortcut, t.colour, str(counts.get(t.id or 0, 0)), t.name, ", ".join(t.keywords)]
             for t in themes],
        )  # fmt: skip
        return 0
    with open_session(args, paths, write=True) as session:
        if args.action == "add":
            themes = session.query.list_themes()
            colour = args.colour or spare_colour(themes)
            shortcut = spare_shortcut(themes) if args.shortcut is None else args.shortcut
            parent = _theme(session, args.parent).id if args.parent else None
            keywords = tuple(k.strip() for k in args.keywords.split(",") if k.strip())
            try:
                theme = Theme(args.name.strip(), colour, shortcut, parent, args.description,
                              keywords)  # fmt: skip
            except ValueError as exc:
                raise api.CommandError.from_value_error(exc) from exc
            session.do(api.AddThemeCommand(theme))
            key = f", key {theme.shortcut}" if theme.shortcut else ""
            print(f'Added theme "{shown(theme.name)}" ({colour}{key}).')
        elif args.action == "rename":
            theme = _theme(session, args.old)
            assert theme.id is not None
            session.do(api.UpdateThemeCommand(theme.id, name=args.new.strip()))
            print(f'Renamed "{shown(theme.name)}" to "{shown(args.new.strip())}".')
        elif args.action == "delete":
            theme = _theme(session, args.name)
            assert theme.id is not None
            count = session.query.theme_passage_counts().get(theme.id, 0)
            session.do(api.DeleteThemeCommand(theme.id))  # backs the project up first
            warn(session)
            print(f'Deleted theme "{shown(theme.name)}" (it was on {counted(count, "passage")}).')
    return 0


def cmd_tag(args: argparse.Namespace, paths: Paths) -> int:
    from briefer.core.typed_words import find_words

    with open_session(args, paths, write=True) as session:
        article = session.query.get_article(args.article)
        span = find_words(article.text, args.text)
        if span is None:
            raise CliError(words_not_found(article.text, args.text, args.article, args.project))
        theme_ids = [_theme(session, name).id for name in args.theme]
        # Tagging from the command line only adds: the same words with another theme give
        # one passage with both, and running a script twice changes nothing.
        command = api.TagPassageCommand(
            args.article,
            span[0],
            span[1],
            [t for t in theme_ids if t],
            comment=args.comment,
            toggle=False,
        )
        session.do(command)
        assert command.passage_id is not None
        passage = session.query.get_passage(command.passage_id)
        names = {t.id: t.name for t in session.query.list_themes()}
    if args.json:
        emit(passage_json(passage, names, article.title))
    elif not command.existed:
        print(f'Tagged passage {passage.id} in article {args.article}: "{shown(passage.text)}"')
    elif command.grown is not None:  # the words overlapped a passage of the theme
        print(f'Extended passage {passage.id} in article {args.article}: "{shown(passage.text)}"')
    else:
        themes = shown(", ".join(names.get(t, "?") for t in passage.theme_ids))
        verb = "Added to" if command.changed else "Nothing to add: already on"
        print(f'{verb} passage {passage.id} in article {args.article} ({themes}): '
              f'"{shown(passage.text)}"')  # fmt: skip
    return 0


def cmd_passages(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths, write=False) as session:
        theme_id = _theme(session, args.theme).id if args.theme else None
        passages = session.query.list_passages(article_id=args.article, theme_id=theme_id)
        names = {t.id: t.name for t in session.query.list_themes()}
        titles = {a.id: a.title for a in session.query.list_articles()}
    if args.json:
        emit([passage_json(p, names, titles.get(p.article_id, "")) for p in passages])
        return 0
    print_table(
        ["ID", "Article", "Themes", "Passage"],
        [[str(p.id), str(p.article_id), ", ".join(names.get(t, "?") for t in p.theme_ids),
          p.text if len(p.text) <= 100 else p.text[:99] + "…"]
         for p in passages],
    )  # fmt: skip
    return 0


def cmd_backups(args: argparse.Namespace, paths: Paths) -> int:
    entries = api.project_backups(paths.backups_dir, args.project)
    if args.json:
        emit(
            [
                {"number": e.number, "path": str(e.path), "taken_at": e.taken_at.isoformat(),
                 "reason": e.reason, "articles": e.articles, "passages": e.passages,
                 "notes": e.notes, "problem": e.problem or None}
                for e in entries
            ]
        )  # fmt: skip
        return 0
    if not entries:
        print(f"No backups of {args.project} in {paths.backups_dir}.")
        return 0

    def count(value: int | None) -> str:
        return "?" if value is None else str(value)

    print_table(
        ["#", "Taken (local time)", "Articles", "Passages", "Notes", "Reason"],
        [[str(e.number), e.local_time(), count(e.articles), count(e.passages), count(e.notes),
          e.reason + (f" ({e.problem})" if e.problem else "")]
         for e in entries],
    )  # fmt: skip
    return 0


def cmd_restore(args: argparse.Namespace, paths: Paths) -> int:
    source: Path = args.source
    if args.number is not None:
        chosen = api.find_backup(paths.backups_dir, source, args.number)
        if chosen is None:
            raise CliError(
                f"{source} has no backup number {args.number}; "
                f"`briefer backups {source}` lists them."
            )
        source = chosen
    api.restore_from_backup(source, args.target)
    print(f"Restored {source.name} into {args.target}; open it with `briefer {args.target}`.")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Paths], int]] = {
    "new": cmd_new,
    "info": cmd_info,
    "import": cmd_import,
    "articles": cmd_articles,
    "show": cmd_show,
    "search": cmd_search,
    "themes": cmd_themes,
    "tag": cmd_tag,
    "passages": cmd_passages,
    "backups": cmd_backups,
    "restore": cmd_restore,
    **cli_notes.HANDLERS,
    **cli_qda.HANDLERS,
    **cli_merge.HANDLERS,
}


def _after_home(argv: Sequence[str]) -> list[str]:
    """``argv`` without the leading ``--home DIR`` options (the only ones before a command)."""
    rest = list(argv)
    while rest and (rest[0] == "--home" or rest[0].startswith("--home=")):
        rest = rest[2:] if rest[0] == "--home" else rest[1:]
    return rest


def _wants_window(argv: Sequence[str]) -> bool:
    """Only `briefer [--home DIR] [PROJECT.briefer]` opens the window.

    Anything else (an unknown command, an option in the wrong place, a stray word)
    goes to the parser, which refuses it with a usage error rather than opening a
    window the user did not ask for.
    """
    rest = _after_home(argv)
    if not rest:
        return "--home" not in argv[-1:]  # `briefer --home` alone lacks its folder
    if len(rest) > 1 or rest[0].startswith("-") or rest[0] in SUBCOMMANDS:
        return False
    candidate = Path(rest[0])
    return candidate.suffix.lower() == PROJECT_SUFFIX or candidate.is_file()


def main(argv: Sequence[str] | None = None) -> int:
    as_process = argv is None  # not when a test or a script calls main() in-process
    argv = list(sys.argv[1:] if argv is None else argv)
    if _wants_window(argv):
        no_screen = no_screen_reason(os.environ, sys.platform)
        if no_screen is not None:  # Qt would abort with a page of plugin names
            print(f"briefer: {no_screen}", file=sys.stderr)
            return EXIT_ERROR
        from briefer.app import run_app  # the window's imports cost; the CLI never pays them

        return run_app(argv)
    if as_process:
        exit_cleanly_on_signals()
    log_setup: LogSetup | None = None
    try:
        first = next(iter(_after_home(argv)), "-")
        if not first.startswith("-") and first not in SUBCOMMANDS:
            raise CliError(not_a_command(first, SUBCOMMANDS, PROJECT_SUFFIX), EXIT_USAGE)
        if "--home" in argv[1:] and argv[0] in SUBCOMMANDS:
            raise CliError("--home goes before the command: `briefer --home DIR COMMAND ...`",
                           EXIT_USAGE)  # fmt: skip
        args = build_parser(first if first in SUBCOMMANDS else None).parse_args(argv)
        paths = resolve_paths(args.home)
        log_setup = setup_logging(paths)
        if args.command is None:
            raise CliError("choose a command (see `briefer --help`)", EXIT_USAGE)
        code = HANDLERS[args.command](args, paths)
        if as_process:
            sys.stdout.flush()  # a reader gone away shows here, not in Python's exit
        return code
    except CliError as exc:
        print(f"briefer: {shown(str(exc))}", file=sys.stderr)
        return exc.code
    except (
        api.ProjectError,
        api.CommandError,
        api.ImportRejected,
        api.ExportError,
        api.ExchangeError,
    ) as exc:
        print(f"briefer: {shown(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The output's reader went away (`briefer show P 1 | head`): stop quietly, as other
        # command-line tools do, with SIGPIPE's status; stdout goes nowhere from now on,
        # so Python's own flush at exit has nothing to complain about.
        if as_process:
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            folder = Path(exc.filename).parent if exc.filename else Path.cwd()
            print(f"briefer: {api.DiskFull(folder)}", file=sys.stderr)
            return EXIT_ERROR
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"briefer: {shown(f'{exc.strerror or exc}{where}')}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("briefer: interrupted", file=sys.stderr)
        return 130
    except Terminated as exc:
        print("briefer: stopped by a signal; the project was closed cleanly", file=sys.stderr)
        return 128 + exc.signum
    except Exception as exc:
        log.exception("unexpected error in the CLI")
        log_file = log_setup.log_file if log_setup is not None else ""
        where = f" with {log_file}" if log_file else ""
        print(f"briefer: unexpected error: {shown(repr(exc))}. Please report it{where}.",
              file=sys.stderr)  # fmt: skip
        return EXIT_INTERNAL
    finally:
        if log_setup is not None and not as_process:
            stop_logging(log_setup)  # a test or script calling main() keeps its own logging


if __name__ == "__main__":
    raise SystemExit(main())
