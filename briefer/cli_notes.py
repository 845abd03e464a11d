"""The CLI's note commands: notes, templates, draft, check, figures, export.

The same session functions the window uses (api.draft_command, api.prepare_export,
api.run_export, api.note_figures), so a note drafted and exported headless is the
note the Composer would have made. Problems found before export go to
stderr as warnings; ``--strict`` turns blocking ones into a refusal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from briefer import session as api  # names load on first use

# Each command imports what only it needs (figures, templates) where it runs,
# so that `briefer export`, the command timed against pandoc, loads no more.
from briefer.cli_common import EXIT_ERROR, EXIT_USAGE, CliError, emit, open_session
from briefer.cli_format import print_table, shown
from briefer.core.citations import find_citations
from briefer.core.integrity import Problem, ProblemKind
from briefer.core.model import Note
from briefer.core.words import counted
from briefer.settings import Paths, load_settings

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing
if TYPE_CHECKING:
    from typing import Any, NoReturn

NOTE_SUBCOMMANDS = ("notes", "templates", "draft", "check", "figures", "export", "styles")

CommandFactory = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(sub: Any, command: CommandFactory) -> None:
    """Add the note commands; ``command(name, help)`` makes a parser that takes PROJECT."""
    p = command("notes", "list the project's notes")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "templates",
        help="list note templates, or save a note as one",
        description="List the built-in and your own note templates, or save a note as one.",
    )
    p.add_argument("--json", action="store_true")
    if isinstance(p, argparse.ArgumentParser):  # not when another command is run
        p.error = _templates_error  # type: ignore[method-assign]
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    save = actions.add_parser("save", help="save a note's structure as your own template")
    save.add_argument("project", type=Path, metavar="PROJECT")
    save.add_argument("--note", type=int, required=True, metavar="ID")
    save.add_argument("--name", required=True)
    save.add_argument("--description", default="")
    save.add_argument("--replace", action="store_true", help="overwrite your template of that name")

    p = command("draft", "draft a note from a template and the themes' passages")
    p.add_argument("--title", required=True)
    p.add_argument("--template", help="template name (default: from settings)")
    p.add_argument(
        "--themes", help='comma-separated theme names (default: all), e.g. "Trade,Energy"'
    )
    p.add_argument("--author", help="default: from settings")
    p.add_argument("--marking", help="handling marking (default: from settings)")
    p.add_argument(
        "--date", type=_date, help='e.g. 2026-11-24 or "24 November 2026" (default: today)'
    )
    p.add_argument("--json", action="store_true")

    p = command("check", "check a note's quotations and sources before export")
    p.add_argument("--note", type=int, required=True, metavar="ID")
    p.add_argument("--json", action="store_true")

    p = command("figures", "list the key figures in the passages a note cites")
    p.add_argument("--note", type=int, required=True, metavar="ID")
    p.add_argument("--markdown", action="store_true", help="print them as a Markdown table")
    p.add_argument("--json", action="store_true")

    p = command("export", "export a note to Word (.docx) or Markdown (.md)")
    p.add_argument("--note", type=int, required=True, metavar="ID")
    p.add_argument("--format", choices=("docx", "md", "markdown"), help="default: from -o's suffix")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--reference-doc", type=Path, metavar="FILE", help=".docx or .dotx for styles")
    p.add_argument("--toc", action="store_true", help="add a table of contents (DOCX)")
    p.add_argument(
        "--flavour",
        choices=("commonmark", "pandoc"),
        default="commonmark",
        help="Markdown for GitHub and markdown-it (commonmark, the default) or for pandoc",
    )
    p.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        help="DOCX page size (default: from settings, or the reference document's)",
    )
    p.add_argument(
        "--style",
        metavar="NAME|FILE.csl",
        help="citation style: a built-in one (see `briefer styles`) or a .csl file "
        "(default: the note's own, else from settings, chicago-notes-bibliography)",
    )
    p.add_argument("--strict", action="store_true", help="refuse to export if a check fails")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "styles",
        help="list the built-in citation styles",
        description="List the built-in CSL citation styles that `export --style` takes. "
        "Any other CSL style works too: give the path of its .csl file.",
    )
    p.add_argument("--json", action="store_true")


def _templates_error(message: str) -> NoReturn:
    """`briefer templates PROJECT`, as every other command is typed, said only "invalid
    choice: 'p.briefer' (choose from 'save')"."""
    if "invalid choice" in message:
        message = (
            "`briefer templates` lists the templates and takes no project; to save a note as"
            " a template, type `briefer templates save PROJECT --note ID --name NAME`"
        )
    raise CliError(f"{message} (see `briefer templates --help`)", EXIT_USAGE)


def _date(text: str) -> dt.date:
    """A date as the window's fields read it: "2026-11-24", "24 November 2026", "24/11/2026"."""
    from briefer.core.typed_dates import DateNotRead, read_typed_date

    try:
        day = read_typed_date(text)
    except DateNotRead as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if day is None:
        raise argparse.ArgumentTypeError("--date needs a date, e.g. 24 November 2026")
    return day


def _note(session: api.Session, note_id: int) -> Note:
    try:
        return session.query.get_note(note_id)
    except api.RecordNotFound:
        ids = ", ".join(str(n.id) for n in session.query.list_notes()) or "none yet"
        raise CliError(f"No note {note_id} in this project. Notes: {ids}.") from None


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "kind": problem.kind.value,
        "blocking": problem.blocking,
        "message": problem.message,
        "section": problem.section,
        "passage_id": problem.passage_id,
        "article_id": problem.article_id,
    }


def _warn(problems: list[Problem], project: Path) -> None:
    for problem in problems:
        label = "problem" if problem.blocking else "warning"
        print(f"briefer: {label}: {shown(problem.message)}", file=sys.stderr)
    for line in _detail_hints(project, problems):
        print(f"briefer: {shown(line[:1].lower() + line[1:])}", file=sys.stderr)


def cmd_notes(args: argparse.Namespace, paths: Paths) -> int:
    pages: dict[int | None, float] = {}
    with open_session(args, paths, write=False) as session:
        notes = [_note(session, n.id) for n in session.query.list_notes() if n.id is not None]
        if args.json and notes:
            from briefer.session.pages import PageCounter

            # The Word export's page on Briefer's own template, at the settings' size, in
            # each note's own citation style when it has one.
            chosen = load_settings(paths).settings
            counter = PageCounter(
                page_size=chosen.page_size,
                citation_style=chosen.citation_style,
                language=chosen.language,
            )
            pages = {n.id: counter.estimate(session.query, n).length for n in notes}
    rows: list[dict[str, object]] = [
        {
            "id": n.id,
            "title": n.title,
            "author": n.author,
            "date": n.date.isoformat() if n.date else None,
            "marking": n.marking,
            "template": n.template,
            "citation_style": n.citation_style,  # "" = the settings' style
            "sections": len(n.sections),
            "citations": sum(len(find_citations(s.body)) for s in n.sections),
            "pages": pages.get(n.id),
            "modified": n.modified_at.isoformat() if n.modified_at else None,
        }
        for n in notes
    ]
    if args.json:
        emit(rows)
        return 0
    print_table(
        ["ID", "Marking", "Sections", "Citations", "Title"],
        [[str(r["id"]), str(r["marking"]), str(r["sections"]), str(r["citations"]),
          str(r["title"])] for r in rows],
    )  # fmt: skip
    return 0


def cmd_templates(args: argparse.Namespace, paths: Paths) -> int:
    if args.action == "save":
        with open_session(args, paths, write=False) as session:
            note = _note(session, args.note)
        from briefer.core.templates import template_from_note

        template = template_from_note(note, args.name.strip(), args.description)
        target = api.save_user_template(template, paths.templates_dir, replace=args.replace)
        print(f'Saved note {args.note} as template "{template.name}" in {target}.')
        return 0
    catalog = api.load_templates(paths.templates_dir)
    for problem in catalog.problems:
        print(f"briefer: warning: {shown(str(problem))}", file=sys.stderr)
    if args.json:
        emit(
            [
                {
                    "name": t.name,
                    "description": t.description,
                    "builtin": t.builtin,
                    "target_words": t.target_words,
                    "sections": [s.heading for s in t.sections],
                }
                for t in catalog.templates
            ]
        )
        return 0
    print_table(
        ["Name", "Kind", "Target", "Sections"],
        [[t.name, "built-in" if t.builtin else "yours", f"{t.target_words} words",
          ", ".join(s.heading for s in t.sections)] for t in catalog.templates],
    )  # fmt: skip
    return 0


def cmd_draft(args: argparse.Namespace, paths: Paths) -> int:
    settings = load_settings(paths).settings
    catalog = api.load_templates(paths.templates_dir)
    template = catalog.named(args.template or settings.default_template)
    themes = [t for t in (args.themes or "").split(",") if t.strip()] or None
    with open_session(args, paths, write=True) as session:
        command = api.draft_command(
            session.query,
            template,
            title=args.title,
            theme_names=themes,
            author=settings.author if args.author is None else args.author,
            marking=settings.default_marking if args.marking is None else args.marking,
            date=args.date or dt.date.today(),
        )
        session.do(command)
        assert command.note_id is not None
        note = session.query.get_note(command.note_id)
    quotations = sum(len(find_citations(s.body)) for s in note.sections)
    if args.json:
        emit(
            {
                "id": note.id,
                "title": note.title,
                "template": note.template,
                "date": note.date.isoformat() if note.date else None,
                "sections": [s.heading for s in note.sections],
                "quotations": quotations,
            }
        )
    else:
        dated = f", dated {note.date.isoformat()}" if note.date else ""
        print(
            f'Drafted note {note.id} "{shown(note.title)}" from "{shown(template.name)}"'
            f"{dated}: {len(note.sections)} sections, {quotations} quotations."
        )
    return 0


def cmd_check(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths, write=False) as session:
        _note(session, args.note)
        job = api.prepare_export(session.query, args.note)
    if args.json:
        emit([_problem_json(p) for p in job.problems])
    elif not job.problems:
        print(f"Note {args.note}: every quotation matches its source and every source is complete.")
    else:
        for problem in job.problems:
            print(("Problem: " if problem.blocking else "Warning: ") + shown(problem.message))
        for line in _detail_hints(args.project, job.problems):
            print(shown(line))
    return EXIT_ERROR if job.blocking else 0


_DETAIL_OPTION = {
    ProblemKind.NO_DATE: "--date YYYY-MM-DD",
    ProblemKind.NO_PUBLISHER: "--publisher NAME",
}


def _detail_hints(project: Path, problems: Sequence[Problem]) -> list[str]:
    """The command that fills in each source's missing date or publisher."""
    wanted: dict[int, list[str]] = {}
    for problem in problems:
        option = _DETAIL_OPTION.get(problem.kind)
        if option and problem.article_id is not None:
            wanted.setdefault(problem.article_id, []).append(option)
    return [
        f"To add it: briefer articles {project} edit {article_id} {' '.join(options)}"
        for article_id, options in wanted.items()
    ]


def cmd_figures(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths, write=False) as session:
        _note(session, args.note)
        figures = api.note_figures(session.query, args.note)
    if args.json:
        emit(
            [
                {
                    "figure": f.figure.text,
                    "kind": f.figure.kind.value,
                    "sentence": f.sentence,
                    "passage_id": f.passage_id,
                    "article_id": f.article_id,
                }
                for f in figures
            ]
        )
    elif args.markdown:
        from briefer.core.figures import figures_table_markdown

        print(shown(figures_table_markdown(figures), lines=True) if figures else "")
    else:
        print_table(
            ["Figure", "Passage", "Sentence"],
            [[f.figure.text, str(f.passage_id), f.sentence] for f in figures],
        )
    return 0


def cmd_export(args: argparse.Namespace, paths: Paths) -> int:
    kind = args.format or {".docx": "docx", ".md": "md", ".markdown": "md"}.get(
        args.output.suffix.lower()
    )
    if kind is None:
        raise CliError(
            "Say which format with --format docx or --format md (or end -o with .docx/.md)."
        )
    chosen = load_settings(paths).settings
    if args.style:
        api.find_citation_style(args.style)  # a mistyped style fails before opening
    with open_session(args, paths, write=False) as session:
        _note(session, args.note)
        job = api.prepare_export(session.query, args.note)
    style = api.note_style(job.note, args.style, chosen.citation_style)
    # A reference document's page and language win over settings; --page-size over both.
    settings = None if args.reference_doc else chosen
    try:
        result = api.run_export(
            job,
            args.output,
            kind,
            reference_doc=args.reference_doc,
            table_of_contents=args.toc,
            strict=args.strict,
            flavour=args.flavour,
            page_size=args.page_size or (settings.page_size if settings else None),
            language=settings.language if settings else None,
            citation_style=style,
            keep_on_disk_too=chosen.keep_citation_renderings,
            citation_language=chosen.language,  # as the Composer previews it, reference or not
        )
    except api.ExportRefused as exc:
        _warn(exc.problems, args.project)
        raise CliError(
            f"Nothing was written to {args.output}: fix the problems above, "
            "or export without --strict."
        ) from None
    if result.renderings is not None:  # so the next export of the note renders only changes
        api.keep_renderings_in(args.project, job.note, result.renderings)
    if args.json:
        emit(
            {
                "output": str(result.target),
                "format": result.format,
                "footnotes": result.footnotes,
                "style": str(style),
                "problems": [_problem_json(p) for p in result.problems],
            }
        )
    else:
        _warn(result.problems, args.project)
        notes = counted(result.footnotes, "footnote")
        print(f"Exported note {args.note} to {result.target} ({notes}).")
    return 0


def cmd_styles(args: argparse.Namespace, paths: Paths) -> int:
    default = load_settings(paths).settings.citation_style
    styles = api.citation_styles()
    if args.json:
        emit(
            [
                {
                    "name": s.name,
                    "title": s.title,
                    "kind": s.kind,
                    "default": s.name == default,
                }
                for s in styles
            ]
        )
        return 0
    print_table(
        ["Name", "Kind", "Title"],
        [[s.name + (" *" if s.name == default else ""), s.kind, s.title] for s in styles],
    )
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Paths], int]] = {
    "notes": cmd_notes,
    "templates": cmd_templates,
    "draft": cmd_draft,
    "check": cmd_check,
    "figures": cmd_figures,
    "export": cmd_export,
    "styles": cmd_styles,
}
