"""The dependency arrows of ARCHITECTURE.md, enforced by reading every module's imports.

ui, cli -> session -> store, importers, exporters -> core; settings and
resources are leaves anything above core may use. Qt only in ui/ (and the
composition root), SQL only in store/, no module over 600 lines. The store's
Project is private to the session: the window and the CLI never import the store
and never reach for a ``project``/``_project`` attribute (they read through
``session.query`` and write through commands).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefer"
MAX_LINES = 600

# room -> the rooms (besides itself and the standard library/third parties) it may import
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "store": {"core"},
    "importers": {"core"},
    # resources: the prebuilt Word package (ARCHITECTURE: a leaf anything above core may use)
    "exporters": {"core", "resources"},
    "exchange": {"core"},
    "settings": {"core", "logfile"},  # the temp-file naming rules; the log, once it loads
    "logfile": set(),  # the log file's handler: loaded with logging (core/logs.py)
    "resources": set(),
    "screen": set(),  # asked by cli before Qt loads: is there a screen for the window
    "session": {"core", "store", "importers", "exporters", "exchange", "settings",
                "resources"},
    "cli": {"core", "session", "settings", "resources", "cli_common", "cli_format", "cli_notes",
            "cli_qda", "cli_merge", "cli_articles", "app", "screen"},
    "cli_articles": {"core", "session", "settings", "cli_common"},
    "cli_qda": {"core", "session", "settings", "cli_common"},
    "cli_merge": {"core", "session", "settings", "cli_common"},
    "cli_common": {"core", "session", "settings"},  # core.safetext: what it prints
    "cli_notes": {"core", "session", "settings", "cli_common", "cli_format"},
    "cli_format": {"core"},
    "app": {"core", "session", "settings", "resources", "ui"},
    "ui": {"core", "session", "settings", "resources"},
    "__init__": set(),
    "launch": {"cli"},  # the console script's entry: loads cli with the collector paused
    "__main__": {"launch"},
}  # fmt: skip
QT_ALLOWED = {"ui", "app"}
# The rooms on the far side of the seam: they see a Session, never the store's Project.
SEAM_CALLERS = {"ui", "app", "cli", "cli_common", "cli_notes", "cli_format", "cli_articles"}
STORE_HANDLES = {"project", "_project"}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def room_of(path: Path) -> str:
    first = path.relative_to(PACKAGE).parts[0]
    return first.removesuffix(".py")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "briefer" and node.level == 0:
            # "from briefer import session" imports the room briefer.session
            found += [
                (node.lineno, f"briefer.{alias.name}")
                for alias in node.names
                if not alias.name.startswith("__")  # __version__ is not a room
            ]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations(path: Path, room: str) -> list[str]:
    bad = []
    for line, name in imported_modules(path):
        top = name.split(".")[0]
        if top in ("PySide6", "shiboken6") and room not in QT_ALLOWED:
            bad.append(f"line {line}: Qt ({name}) outside ui/")
        if top == "sqlite3" and room != "store":
            bad.append(f"line {line}: SQL (sqlite3) outside store/")
        if top == "briefer" and "." in name:
            target = name.split(".")[1]
            if target != room and target not in ALLOWED[room] and target != "__init__":
                bad.append(f"line {line}: {room} imports {name}")
    return bad


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_arrows(path: Path) -> None:
    room = room_of(path)
    assert room in ALLOWED, f"{room} is not a room on the map; add it to ARCHITECTURE and here"
    bad = violations(path, room)
    assert not bad, "\n".join(bad)


def store_reaches(path: Path) -> list[str]:
    """Every ``x.project`` or ``x._project`` in ``path``: how code past the seam would get
    the store's mutators. mypy refuses ``session.project`` (Session has none); this also
    catches the private ``_project``, which mypy lets through. ``args.project`` is
    argparse's PROJECT argument (a path), not a store."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in STORE_HANDLES
        and not (isinstance(node.value, ast.Name) and node.value.id == "args")
    ]
    return [
        f"line {node.lineno}: .{node.attr} reaches past the session's query interface"
        for node in sorted(found, key=lambda n: (n.lineno, n.col_offset))
    ]


@pytest.mark.parametrize(
    "path",
    [p for p in modules() if room_of(p) in SEAM_CALLERS],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_ui_and_cli_reach_the_project_only_through_the_seam(path: Path) -> None:
    bad = store_reaches(path)
    assert not bad, "\n".join(bad) + "\nread with session.query, write with a command"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_small_enough_to_read(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{lines} lines; split it by responsibility"


def test_the_checker_catches_a_forbidden_arrow(tmp_path: Path) -> None:
    """The rule must be able to fail: a core module importing Qt or the store is caught."""
    fake = tmp_path / "core_mod.py"
    fake.write_text(
        "import sqlite3\nfrom PySide6.QtCore import QObject\n"
        "def f():\n    from briefer.store.project import Project\n"
    )
    found = violations(fake, "core")
    assert len(found) == 3, found
    assert violations(fake, "ui") == [
        "line 1: SQL (sqlite3) outside store/",
        "line 4: ui imports briefer.store.project",
    ]
    assert violations(fake, "session") == [
        "line 1: SQL (sqlite3) outside store/",
        "line 2: Qt (PySide6.QtCore) outside ui/",
    ]


def test_the_checker_catches_a_reach_past_the_seam(tmp_path: Path) -> None:
    """The seam rule must be able to fail: a widget that takes the store from the session
    (public or private name, on any object) or imports it is caught; argparse's
    ``args.project`` path and a method merely named ``open_project`` are not."""
    fake = tmp_path / "ui_mod.py"
    fake.write_text(
        "from briefer.store import Project\n"
        "def f(self, session, args, controller):\n"
        "    self.session.project.add_theme(None)\n"
        "    store = session._project\n"
        "    controller.open_project(args.project)\n"
        "    return store\n"
    )
    assert store_reaches(fake) == [
        "line 3: .project reaches past the session's query interface",
        "line 4: ._project reaches past the session's query interface",
    ]
    assert violations(fake, "ui") == ["line 1: ui imports briefer.store"]
    assert violations(fake, "cli") == ["line 1: cli imports briefer.store"]


# -- no import cycles ----------------------------------------------------------
# A cycle hidden under ``if TYPE_CHECKING:`` or inside a function is still a cycle
# in the design (two modules that each need the other), so every import counts.
# A submodule's implicit import of its own package's __init__ is not an edge:
# packages here re-export their submodules, which is a hierarchy, not a cycle.


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path) -> dict[str, set[str]]:
    """module -> the modules of ``package`` it imports, anywhere in its text."""
    files = {module_name(path, package): path for path in sorted(package.rglob("*.py"))}

    def known(name: str) -> str | None:
        """The module ``name`` names, or the nearest package holding it."""
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str | None] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets |= {known(alias.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: from . import x, from ..y import z
                    base = here.split(".")[: len(here.split(".")) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:  # "from pkg import mod" imports the module pkg.mod
                    sub = f"{source}.{alias.name}"
                    targets.add(sub if sub in files else known(source))
        graph[name] = {t for t in targets if t is not None and t != name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a -> b -> ... -> a) for each group of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)

    cycles = []
    for group in groups:
        start = min(group)
        paths = {start: [start]}  # shortest way round, breadth first, inside the group
        queue = [start]
        while queue:
            node = queue.pop(0)
            if start in graph[node]:
                cycles.append([*paths[node], start])
                break
            for target in sorted(graph[node] & group):
                if target not in paths:
                    paths[target] = [*paths[node], target]
                    queue.append(target)
    return sorted(cycles)


def test_no_import_cycles_type_checking_imports_included() -> None:
    cycles = import_cycles(import_graph(PACKAGE))
    assert not cycles, "import cycles (pass what is needed down, or move the shared part):\n" + (
        "\n".join(" -> ".join(cycle) for cycle in cycles)
    )


def test_only_the_composition_root_and_the_shell_import_the_project_window() -> None:
    """The window's parts (Note menu, export, menus...) get their dependencies handed in."""
    window = "briefer.ui.shell.project_window"
    importers = {name for name, targets in import_graph(PACKAGE).items() if window in targets}
    stray = {n for n in importers if n != "briefer.app" and not n.startswith("briefer.ui.shell.")}
    assert not stray, f"{sorted(stray)} import ProjectWindow; give them what they use instead"


def test_the_cycle_check_catches_planted_cycles(tmp_path: Path) -> None:
    """The check must be able to fail, on each kind of import that hides a cycle."""
    package = tmp_path / "briefer"
    (package / "ui").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "ui/__init__.py": "",
        # a <-> b, the way back hidden under TYPE_CHECKING (as window and menus were)
        "ui/a.py": "from briefer.ui.b import build\n",
        "ui/b.py": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from briefer.ui.a import Window\n"
        ),
        # c -> d -> e -> c: a function-level import, a relative one, a module import
        "ui/c.py": "def later():\n    from briefer.ui import d\n",
        "ui/d.py": "from . import e\n",
        "ui/e.py": "import briefer.ui.c\n",
        # f imports a, nothing imports f: no cycle
        "ui/f.py": "from briefer.ui.a import build\n",
    }
    for name, text in files.items():
        (package / name).write_text(text)
    assert import_cycles(import_graph(package)) == [
        ["briefer.ui.a", "briefer.ui.b", "briefer.ui.a"],
        ["briefer.ui.c", "briefer.ui.d", "briefer.ui.e", "briefer.ui.c"],
    ]
    (package / "ui" / "b.py").write_text("build = None\n")
    assert import_cycles(import_graph(package)) == [
        ["briefer.ui.c", "briefer.ui.d", "briefer.ui.e", "briefer.ui.c"]
    ]
