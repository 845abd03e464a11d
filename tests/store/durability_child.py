"""Child process for test_durability: edits a project in a loop until it is killed.

Prints ``ok <kind> <key>`` (flushed) only after each store call has returned, so every
line the parent reads is an edit the store acknowledged.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefer.core.model import Article, Passage, Theme
from briefer.store import Project


def main(path: Path, run: int) -> None:
    project = Project.open(path)
    article_id = project.add_article(Article(f"a{run}-base", f"base text of run {run} " * 20))
    print(f"ok article a{run}-base", flush=True)
    print("ready", flush=True)
    step = 0
    while True:
        key = f"{run}-{step}"
        kind = step % 3
        if kind == 0:
            project.add_theme(Theme(f"t{key}", "#336699"))
            print(f"ok theme t{key}", flush=True)
        elif kind == 1:
            # One passage per span: each step tags words of its own.
            project.add_passage(Passage(article_id, step, step + 4, "base", comment=f"p{key}"))
            print(f"ok passage p{key}", flush=True)
        else:
            with project.transaction():
                new_id = project.add_article(Article(f"a{key}", f"text {key} " * 200))
                project.add_passage(Passage(new_id, 0, 4, "text", comment=f"q{key}"))
            print(f"ok article a{key}", flush=True)
            print(f"ok passage q{key}", flush=True)
        step += 1


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
