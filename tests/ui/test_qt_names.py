"""Our Qt subclasses never hide a Qt method behind an instance attribute.

``self.actions = ...`` on a QDialog once hid QWidget.actions(), and
``self.source = ...`` on a QTextBrowser hid source(): Qt's own code and
anyone calling the method then get our object instead. mypy catches this,
but the suite is what CI runs, so this reads every ``self.<name> =`` in a
Qt subclass under briefer/ui and checks the name against the Qt bases.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from pathlib import Path

import pytest

import briefer

UI = Path(briefer.__file__).parent / "ui"


def _assigned_names(node: ast.ClassDef) -> set[str]:
    names: set[str] = set()
    for sub in ast.walk(node):
        targets: list[ast.expr] = []
        if isinstance(sub, ast.Assign):
            targets = list(sub.targets)
        elif isinstance(sub, ast.AnnAssign | ast.AugAssign):
            targets = [sub.target]
        for target in targets:
            for part in ast.walk(target):
                if (
                    isinstance(part, ast.Attribute)
                    and isinstance(part.value, ast.Name)
                    and part.value.id == "self"
                ):
                    names.add(part.attr)
    return names


def _shadowing(module_name: str, path: Path) -> list[str]:
    module = importlib.import_module(module_name)
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(module, node.name, None)
        if not inspect.isclass(cls):
            continue
        qt_bases = [b for b in cls.__mro__ if b.__module__.startswith("PySide6")]
        for name in sorted(_assigned_names(node)):
            if any(name in vars(base) for base in qt_bases):
                found.append(f"{node.name}.{name}")
    return found


@pytest.mark.parametrize("path", sorted(UI.glob("*.py")), ids=lambda p: p.name)
def test_no_instance_attribute_hides_a_qt_method(path: Path) -> None:
    assert _shadowing(f"briefer.ui.{path.stem}", path) == []


def test_the_check_finds_a_hidden_method(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = tmp_path / "_briefer_shadow_sample.py"
    sample.write_text(
        "from PySide6.QtWidgets import QDialog\n"
        "class Sample(QDialog):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.actions = []\n"
        "        self.fine = 1\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "_briefer_shadow_sample", raising=False)
    assert _shadowing("_briefer_shadow_sample", sample) == ["Sample.actions"]
