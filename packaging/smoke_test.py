"""Runs the BUILT Briefer (not the source tree) headless, to prove the bundle works.

    python packaging/smoke_test.py [PROGRAM] [--extra FILE ...]

PROGRAM defaults to this OS's build in dist/. Steps: --version equals briefer/__init__.py;
new; import resources/samples/harbour-deal.txt (and any --extra files); themes; tag; search;
templates; draft a note from the Trade theme; export --format docx (checking the DOCX is a
ZIP whose word/document.xml holds the article's words). Exits 1 with the failing step
on any failure.
The GUI start is not tested here: the app has no "quit after the first window" switch yet.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "harbour-deal.txt"
SAMPLE_TITLE = "Harbour deal opens northern port to container traffic"
SAMPLE_QUOTE = "largest investment in the harbour for a generation"
TIMEOUT_S = 180


class SmokeFailure(Exception):
    pass


def default_program() -> Path:
    if sys.platform == "win32":
        return ROOT / "dist" / "briefer" / "briefer-cli.exe"
    if sys.platform == "darwin":
        return ROOT / "dist" / "Briefer.app" / "Contents" / "MacOS" / "briefer"
    return ROOT / "dist" / "briefer" / "briefer"


def source_version() -> str:
    tree = ast.parse((ROOT / "briefer" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__version__":
            return str(ast.literal_eval(node.value))
    raise SmokeFailure("briefer/__init__.py has no __version__")


class Runner:
    def __init__(self, program: Path, home: Path) -> None:
        self.program = program
        self.env = dict(os.environ, BRIEFER_HOME=str(home), QT_QPA_PLATFORM="offscreen")

    def run(self, *args: str | Path, expect: int = 0) -> str:
        command = [str(self.program), *map(str, args)]
        shown = " ".join(command[1:])
        started = time.monotonic()
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, encoding="utf-8",
                errors="replace", env=self.env, timeout=TIMEOUT_S, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            raise SmokeFailure(f"`briefer {shown}` did not finish in {TIMEOUT_S} s") from exc
        took = time.monotonic() - started
        if done.returncode != expect:
            raise SmokeFailure(
                f"`briefer {shown}` exited {done.returncode} (expected {expect})\n"
                f"stdout: {done.stdout.strip()}\nstderr: {done.stderr.strip()}"
            )
        print(f"ok    briefer {shown}  ({took:.1f} s)")
        return done.stdout

    def json(self, *args: str | Path) -> Any:
        out = self.run(*args)
        try:
            return json.loads(out)
        except json.JSONDecodeError as exc:
            raise SmokeFailure(
                f"`briefer {' '.join(map(str, args))}` printed no JSON: {out!r}"
            ) from exc


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def check_docx(path: Path) -> None:
    check(path.is_file(), f"export wrote no file at {path}")
    check(zipfile.is_zipfile(path), f"{path} is not a ZIP, so not a DOCX")
    with zipfile.ZipFile(path) as docx:
        check("word/document.xml" in docx.namelist(), f"{path} has no word/document.xml")
        xml = docx.read("word/document.xml").decode("utf-8")
    check("harbour" in xml, f"{path}: word/document.xml does not contain the sample's words")
    print(f"ok    {path.name}: {path.stat().st_size:,} bytes, word/document.xml names the harbour")


def draft_and_export(runner: Runner, project: Path, out_dir: Path) -> None:
    """Draft a note from the Trade theme with a built-in template and export it to Word."""
    templates = runner.json("templates", "--json")
    names = [t["name"] for t in templates]
    check("Briefing note" in names, f"the bundle's templates are {names}")
    note = runner.json("draft", project, "--title", "Smoke briefing", "--themes", "Trade", "--json")
    check(note["quotations"] >= 1, f"the draft quotes nothing: {note}")
    out = out_dir / "smoke-briefing.docx"
    runner.run("export", project, "--note", str(note["id"]), "--format", "docx", "-o", out)
    check_docx(out)


def smoke(program: Path, extras: list[Path]) -> None:
    check(program.is_file(), f"no built program at {program} (run `make package` first)")
    with tempfile.TemporaryDirectory(prefix="briefer-smoke-") as tmp:
        work = Path(tmp)
        runner = Runner(program, work / "home")
        expected = f"briefer {source_version()}"
        version = runner.run("--version").strip()
        check(version == expected, f"--version printed {version!r}, expected {expected!r}")

        project = work / "Smoke test.briefer"
        runner.run("new", project, "--title", "Smoke test")
        report = runner.json("import", project, SAMPLE, *extras, "--json")
        # an extra file may be the same article in another format: a duplicate is read fine
        failed = [r for r in report["results"] if r["status"] == "failed"]
        check(not failed, f"import failed: {failed}")
        sample = next(r for r in report["results"] if Path(r["source"]).name == SAMPLE.name)
        check(sample["title"] == SAMPLE_TITLE, f"sample imported as {sample['title']!r}")

        themes = runner.json("themes", project, "--json")
        check(any(t["name"] == "Trade" for t in themes), f"no Trade theme in {themes}")
        runner.run("tag", project, "--article", str(sample["article_id"]), "--text",
                   SAMPLE_QUOTE, "--theme", "Trade")  # fmt: skip
        hits = runner.json("search", project, "dredging", "--json")
        check(
            any(h["article_id"] == sample["article_id"] for h in hits), "search missed the sample"
        )
        draft_and_export(runner, project, work)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", nargs="?", type=Path, default=default_program())
    parser.add_argument("--extra", type=Path, nargs="+", default=[],
                        help="more files to import (e.g. an HTML page and a PDF)")  # fmt: skip
    args = parser.parse_args()
    print(f"Smoke test of {args.program}")
    started = time.monotonic()
    try:
        smoke(args.program.resolve(), [p.resolve() for p in args.extra])
    except SmokeFailure as exc:
        print(f"FAIL  {exc}", file=sys.stderr)
        return 1
    print(f"PASS  in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
