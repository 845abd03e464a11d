"""Large Word documents for the memory test and bench/bench_docx.py, written as a stream.

python-docx would take minutes (and gigabytes) to build these, so the body XML is
generated straight into the ZIP, beside the other parts of python-docx's template.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import docx

_OPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>'
)
_CLOSE = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
_WORDS = (
    "port", "harbour", "ferry", "tariff", "council", "vessel", "quay", "berth", "cargo",
    "freight", "container", "pilot", "tide", "channel", "dredging", "storm", "survey",
    "repair", "budget", "island", "route", "timetable", "crew", "winter", "summer", "export",
    "import", "customs", "terminal", "crane", "lease", "subsidy", "passenger", "operator",
    "season", "estimate",
)  # fmt: skip


_MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
sys.stdout.buffer.write(done.stdout)
print(f"\\n{done.returncode} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
"""


def run_measured(args: list[str], root: Path) -> tuple[int, str, float]:
    """Exit code, output and peak resident memory (MB) of ``args`` run as a grandchild.

    Linux counts a child's memory from the moment it is forked, so a child of a
    large process (a test run, a bench that just built its inputs) starts with its
    parent's footprint. A small Python in between forks the measured process and
    reports its RUSAGE_CHILDREN peak, which is then that process's own.
    """
    env = dict(os.environ, PYTHONPATH=str(root))
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args],
        stdout=subprocess.PIPE,
        cwd=root,
        env=env,
        check=True,
    )
    output, _, last = done.stdout.decode("utf-8", "replace").rstrip("\n").rpartition("\n")
    code, peak = last.split()
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes there, KiB on Linux
    return int(code), output, int(peak) / scale


def write_docx(path: Path, body: Iterable[str]) -> None:
    """A .docx whose word/document.xml holds ``body`` (raw paragraph XML), streamed to disk."""
    template = io.BytesIO()
    docx.Document().save(template)
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info))
        with target.open("word/document.xml", "w", force_zip64=True) as part:
            chunk: list[str] = [_OPEN]
            for xml in body:
                chunk.append(xml)
                if len(chunk) >= 4096:
                    part.write("".join(chunk).encode("utf-8"))
                    chunk.clear()
            chunk.append(_CLOSE)
            part.write("".join(chunk).encode("utf-8"))


def empty_paragraphs(count: int, seed: int = 7) -> Iterator[str]:
    """Empty paragraphs as Word 2010+ writes them (a random paraId each), then one sentence.

    Random ids and a few editing-session rsids keep the compression ratio near
    Word's own (about 9 to 1): 1.8 million of them make a 19 MB file that unpacks
    to 170 MB, within the importer's unpacked-size limit, so it is really parsed.
    """
    rng = random.Random(seed)
    sessions = [f"00{rng.getrandbits(24):06X}" for _ in range(40)]
    for _ in range(count):
        yield (
            f'<w:p w14:paraId="{rng.getrandbits(31):08X}" w14:textId="77777777"'
            f' w:rsidR="{rng.choice(sessions)}" w:rsidRDefault="{rng.choice(sessions)}"/>'
        )
    yield "<w:p><w:r><w:t>The last paragraph is the only one with text.</w:t></w:r></w:p>"


EMPTY_19_MB = 1_800_000
"""Paragraphs in :func:`empty_paragraphs` for a 19 MB file."""


def report_paragraphs(count: int, seed: int = 11) -> Iterator[str]:
    """A long report: a heading every 25 paragraphs, a bullet every 10, sentences of real words."""
    rng = random.Random(seed)
    for index in range(count):
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(12, 40)))
        if index % 25 == 0:
            style = '<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>'
        elif index % 10 == 0:
            style = '<w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>'
        else:
            style = '<w:pPr><w:pStyle w:val="Normal"/><w:spacing w:after="120"/></w:pPr>'
        yield (
            f'<w:p w:rsidR="00A1B2C3">{style}<w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr>'
            f'<w:t xml:space="preserve">{words.capitalize()}.</w:t></w:r></w:p>'
        )


def one_long_paragraph(runs: int, seed: int = 3) -> Iterator[str]:
    """A single paragraph of ``runs`` runs: no paragraph closes until the very end."""
    rng = random.Random(seed)
    yield "<w:p>"
    for _ in range(runs):
        yield f'<w:r><w:t xml:space="preserve">{rng.choice(_WORDS)} </w:t></w:r>'
    yield "</w:p>"
