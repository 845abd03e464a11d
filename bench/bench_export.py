"""Export figures: a note of 8 sections and 320 quoted passages, against pandoc.

    python bench/bench_export.py [--rounds N]

Builds a project of 60 generated articles with 320 tagged passages over
eight themes (bench/out/export.briefer), drafts the note from the themes
(timed in-process, target < 1 s), then times the whole CLI process
`briefer export --format docx` and, on the same machine in the same run,
pandoc converting the same note's Markdown export to DOCX (target: Briefer
no slower than pandoc, < 200 MB peak memory); the same for a note of its
first 10 quotations (target: within 1.5x pandoc, whose start-up dominates).
Every CLI run is a fresh process. The first export of a note renders its
citations and keeps them in the project (store.renderings; timed apart, as
"first"); the timed runs after it find them there, as an analyst's second
export of a note does, and load no citation engine.
Timed runs alternate Briefer and pandoc, and CPU time is printed beside wall
time: on a machine other jobs share, the wall time mostly measures the wait.
Then the window's export, `run_export` as its worker calls it, each case in
a fresh process: cold; after the warm-up the window runs off its GUI thread
once a project is open (target < 0.3 s); after the Composer has shown the
note (its page count renders the citations); and again. Peak memory is each
child process's own maximum resident set size (wait4). pandoc comes from
Debian: `apt-get install pandoc`; without it that row says so.

Briefer's modules are byte-compiled first, as they are in an installed app
(pip and PyInstaller compile them): otherwise a machine that sets
PYTHONDONTWRITEBYTECODE would time Python compiling Briefer's source on
every run (some 40 ms), which no user's export pays.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_project import make_article

from briefer.core.anchoring import quote_at
from briefer.core.model import Note, Original, Passage, Section, Theme
from briefer.core.spans import snap_to_words
from briefer.exporters import DEFAULT_STYLE
from briefer.session import (
    AddNoteCommand,
    AddThemeCommand,
    Session,
    draft_command,
    load_templates,
)
from briefer.store import Project

OUT = Path(__file__).resolve().parent / "out"
ROOT = Path(__file__).resolve().parent.parent
EXTRA_THEMES = (("Technology", "#16A085"), ("Finance", "#D35400"))
PASSAGES = 320
SMALL_QUOTATIONS = 10
ARTICLES = 60


def build_project(path: Path, seed: int = 7) -> list[str]:
    """A project whose eight themes each carry 40 passages; returns the theme names."""
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    with Session.create(path, title="Export benchmark") as session:
        for name, colour in EXTRA_THEMES:
            session.do(AddThemeCommand(Theme(name, colour)))
    # A generator fills the file in bulk through the store, outside the session's seam:
    # one transaction for everything, where the app makes one per edit.
    with Project.open(path) as project:
        themes = [t for t in project.list_themes() if t.id is not None]
        texts = []
        with project.transaction():
            for index in range(ARTICLES):
                article = make_article(rng, index, 900)
                original = Original(f"a{index}.html", "text/html", article.text.encode())
                texts.append((project.add_article(article, original), article.text))
            taken: set[tuple[int, int, int]] = set()  # one passage per span in the store
            index = 0
            while index < PASSAGES:
                article_id, text = rng.choice(texts)
                first = rng.randrange(0, len(text) - 300)
                start, end = snap_to_words(text, (first, first + rng.randint(60, 260)))
                if (article_id, start, end) in taken:
                    continue
                taken.add((article_id, start, end))
                quote = quote_at(text, (start, end))
                theme_id = themes[index % len(themes)].id
                assert theme_id is not None
                project.add_passage(
                    Passage(
                        article_id,
                        start,
                        end,
                        quote.exact,
                        quote.prefix,
                        quote.suffix,
                        (theme_id,),
                    )
                )
                index += 1
        return [t.name for t in themes]


def run_child(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident MB of one child process.

    CPU time is the steadier figure on a machine other jobs share: waiting for a
    core counts in the wall time, not in the CPU time.
    """
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(args)} failed: {error}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def row(name: str, value: str, target: str) -> None:
    print(f"  {name:44} {value:>14}   target {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    # This process and its children keep settings and renderings here, not in the user's.
    os.environ["BRIEFER_HOME"] = str(OUT / "home")
    shutil.rmtree(OUT / "home" / "cache" / "citations", ignore_errors=True)
    project_path = OUT / "export.briefer"
    names = build_project(project_path)

    with Session.open(project_path) as session:
        template = load_templates().named("Briefing note")
        started = time.perf_counter()
        command = draft_command(session.query, template, title="Benchmark note", theme_names=names)
        session.do(command)
        draft_seconds = time.perf_counter() - started
        note_id = command.note_id
        note = session.query.get_note(note_id or 0)
        small_id = add_small_note(session, note, SMALL_QUOTATIONS)
    compileall.compile_dir(ROOT / "briefer", quiet=1)
    window = time_window_export(note_id or 0, args.rounds)
    quotations = sum(s.body.count("[@p") for s in note.sections)

    pandoc = shutil.which("pandoc")
    print(f"Export: {len(note.sections)} sections, {quotations} quotations with footnotes, "
          f"default citation style ({DEFAULT_STYLE})")  # fmt: skip
    row("draft the note from 8 themes", f"{draft_seconds * 1000:.0f} ms", "< 1 s")
    small_pandoc = compare_with_pandoc(
        f"{SMALL_QUOTATIONS}-quotation note", project_path, small_id, pandoc, args.rounds, 1.5
    )
    compare_with_pandoc(
        f"{quotations}-quotation note", project_path, note_id or 0, pandoc, args.rounds, 1.0
    )
    startup_split(project_path, small_id, args.rounds, small_pandoc)
    cold, warm, shown = window["cold"], window["warm"], window["composer"]
    print("  window export of the 320-quotation note, wall (CPU) time:")
    for name, (wall, cpu), goal in (
        ("first, fresh process (cold)", cold["first"], "(loads, parses, renders)"),
        ("warm-up once a project is open", warm["warm_up"], "(off the GUI thread)"),
        ("first after the warm-up only", warm["first"], "(no note shown yet)"),
        ("the Composer's page count of the note", shown["pages"], "(its worker thread)"),
        ("first of the note the Composer shows", shown["first"], "< 300 ms (Export Note)"),
        ("again", warm["again"], "< 300 ms"),
    ):
        row(f"  {name}", f"{wall * 1000:.0f} ({cpu * 1000:.0f}) ms", goal)


def add_small_note(session: Session, note: Note, count: int) -> int:
    """A note of the first ``count`` quoted paragraphs of ``note``: a short briefing."""
    paragraphs = [p for s in note.sections for p in s.body.split("\n\n") if "[@p" in p]
    body = "\n\n".join(paragraphs[:count])
    command = AddNoteCommand(Note("Short note", sections=(Section("Summary", body),)))
    session.do(command)
    return command.note_id or 0


WINDOW_CHILD = """
import json, statistics, sys, time
from pathlib import Path
started = time.perf_counter()
from briefer.exporters import DEFAULT_STYLE
from briefer.session import Session
from briefer.session.export import prepare_export, run_export, warm_up
project, note_id, target, rounds, warm = sys.argv[1:6]
with Session.open(Path(project)) as session:
    job = prepare_export(session.query, int(note_id))
opened = time.perf_counter() - started
warming = counting = (0.0, 0.0)
if warm in ("warm", "composer"):
    started, cpu = time.perf_counter(), time.process_time()
    warm_up(DEFAULT_STYLE)
    warming = (time.perf_counter() - started, time.process_time() - cpu)
if warm == "composer":  # the Composer shows the note: its status line counts the pages
    from briefer.session.pages import PageCounter
    started, cpu = time.perf_counter(), time.process_time()
    with Session.open(Path(project)) as session:
        PageCounter(citation_style=DEFAULT_STYLE).estimate(session.query, job.note)
    counting = (time.perf_counter() - started, time.process_time() - cpu)
times = []
for _ in range(1 + int(rounds)):
    started, cpu = time.perf_counter(), time.process_time()
    run_export(job, Path(target), "docx", citation_style=DEFAULT_STYLE)
    times.append((time.perf_counter() - started, time.process_time() - cpu))
again = [statistics.median(t[i] for t in times[1:]) for i in (0, 1)]
print(json.dumps({"warm_up": warming, "pages": counting, "first": times[0], "again": again}))
"""


def time_window_export(note_id: int, rounds: int) -> dict[str, dict[str, list[float]]]:
    """run_export as the window's worker calls it, each case in a fresh process.

    "cold": the project opened and the job prepared, nothing else loaded: the
    first export loads python-docx and citeproc-py, parses the style and
    renders every source. "warm": the same after session.export.warm_up, which
    the window runs on a thread of its own once a project is open (it loads,
    parses and renders a made-up note; it reads no note of the project).
    "composer": the same, then the page count the Composer's status line makes
    of the note it shows (File > Export Note exports that note), which renders
    its citations in the same style. "again": the median of ``rounds`` exports
    after the first, reusing what the process kept.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    found = {}
    for case in ("cold", "warm", "composer"):
        args = [str(OUT / "export.briefer"), str(note_id), str(OUT / "window.docx"), str(rounds)]
        done = subprocess.run(
            [sys.executable, "-c", WINDOW_CHILD, *args, case],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        found[case] = json.loads(done.stdout)
    return found


def briefer_command() -> list[str]:
    """`briefer` as an analyst runs it: the script pip installed beside this Python (it
    imports briefer.launch directly), or ``python -m briefer`` (through runpy, a few
    milliseconds more) from a checkout that was never installed."""
    script = Path(sys.executable).with_name("briefer")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "briefer"]


def compare_with_pandoc(
    label: str, project: Path, note_id: int, pandoc: str | None, rounds: int, target: float
) -> float | None:
    """`briefer export` of the note against pandoc on its Markdown, each its own process;
    returns pandoc's median wall time (None without pandoc).

    The first run renders the citations and keeps them in the project; the
    timed runs read them there. They alternate Briefer and pandoc, so a change
    in the machine's load falls on both; medians of ``rounds`` each.
    """
    env = dict(os.environ)
    shutil.rmtree(OUT / "home" / "cache" / "citations", ignore_errors=True)
    briefer = [*briefer_command(), "export", str(project), "--note", str(note_id)]
    docx, markdown = OUT / f"export-{note_id}.docx", OUT / f"export-{note_id}.md"
    first = run_child([*briefer, "-o", str(docx)], env)
    run_child([*briefer, "-o", str(markdown)], env)
    briefer_runs, pandoc_runs = [], []
    for _ in range(rounds):
        briefer_runs.append(run_child([*briefer, "-o", str(docx)], env))
        if pandoc:
            pandoc_runs.append(run_child([pandoc, str(markdown), "-o", str(OUT / "pandoc.docx")]))
    seconds = statistics.median(r[0] for r in briefer_runs)
    cpu = statistics.median(r[1] for r in briefer_runs)
    peak = max(r[2] for r in [first, *briefer_runs])
    goal = "<= pandoc" if target == 1.0 else f"<= {target}x pandoc"
    row(f"{label}: briefer export, first", f"{first[0]:.2f} s", "(renders, keeps in project)")
    row(f"{label}: briefer export", f"{seconds:.2f} s", goal)
    row("  its CPU time", f"{cpu:.2f} s", "")
    row("  its peak memory", f"{peak:.0f} MB", "< 200 MB")
    if not pandoc:
        row("pandoc", "not installed", "apt-get install pandoc")
        return None
    pandoc_seconds = statistics.median(r[0] for r in pandoc_runs)
    pandoc_cpu = statistics.median(r[1] for r in pandoc_runs)
    row(f"{label}: pandoc note.md -o note.docx", f"{pandoc_seconds:.2f} s", "(reference)")
    row("  its CPU time", f"{pandoc_cpu:.2f} s", "(reference)")
    row("  its peak memory", f"{max(r[2] for r in pandoc_runs):.0f} MB", "(reference)")
    ratio = seconds / pandoc_seconds
    verdict = "within target" if ratio <= target else "OVER TARGET"
    print(f"  {label}: Briefer takes {ratio:.2f}x pandoc's time ({verdict}), "
          f"{cpu / pandoc_cpu:.2f}x its CPU time")  # fmt: skip
    return pandoc_seconds


STARTUP_CHILD = """
import importlib._bootstrap as bootstrap, json, sys, time
started = time.perf_counter()
spent = {"loading": 0.0, "depth": 0}
load = bootstrap._load_unlocked  # every import, whichever statement or function asks


def loading(spec):
    spent["depth"] += 1
    begun = time.perf_counter()
    try:
        return load(spec)
    finally:
        spent["depth"] -= 1
        if not spent["depth"]:  # a module's own imports count once, in the outermost
            spent["loading"] += time.perf_counter() - begun


bootstrap._load_unlocked = loading
report, sys.argv = sys.argv[1], ["briefer", *sys.argv[2:]]
from briefer.launch import main  # as the `briefer` command starts
main()
ours = sum(name.startswith("briefer") for name in sys.modules)
spent.update(whole=time.perf_counter() - started, modules=len(sys.modules), ours=ours)
with open(report, "w") as out:
    json.dump(spent, out)
"""


def startup_split(project: Path, note_id: int, rounds: int, small_pandoc: float | None) -> None:
    """Where the small note's export goes: what any Python program pays to start, then
    loading the modules the command needs (Briefer's and the libraries'), then the
    export itself. It puts the small note's ratio to pandoc in proportion.

    The interpreter's start is timed as its own process (``python -c pass``); the rest
    inside one export process, medians of ``rounds``.
    """
    started = [run_child([sys.executable, "-c", "pass"])[0] for _ in range(rounds)]
    report = OUT / "startup.json"
    args = ["export", str(project), "--note", str(note_id), "-o", str(OUT / "split.docx")]
    runs = []
    for _ in range(rounds):
        run_child([sys.executable, "-c", STARTUP_CHILD, str(report), *args])
        runs.append(json.loads(report.read_text("utf-8")))
    python = statistics.median(started)
    loading = statistics.median(r["loading"] for r in runs)
    work = statistics.median(r["whole"] - r["loading"] for r in runs)
    print(f"  where the {SMALL_QUOTATIONS}-quotation export's time goes (wall, medians):")
    row("  Python starting (python -c pass)", f"{python * 1000:.0f} ms", "(any Python program's)")
    row(f"  loading {runs[0]['modules']} modules ({runs[0]['ours']} Briefer's)",
        f"{loading * 1000:.0f} ms", "(load only what the command needs)")  # fmt: skip
    row("  the export itself (open, read, write)", f"{work * 1000:.0f} ms", "")
    if small_pandoc:
        row("  Python starting against pandoc's whole run", f"{python / small_pandoc:.2f}x",
            "(before any of Briefer's own work)")  # fmt: skip


if __name__ == "__main__":
    main()
