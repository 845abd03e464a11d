"""Every catch-all outside ui/ leaves its traceback in the log before it becomes a message.

A bare ``except Exception`` that only turns an error into "could not read" hides the
bug that caused it; the log is where a maintainer finds it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefer"
_CATCH_ALL = {"Exception", "BaseException"}


def _catches_everything(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in _CATCH_ALL for n in names)


def _logs_traceback(call: ast.Call) -> bool:
    func = call.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return False
    if func.value.id != "log":
        return False
    if func.attr == "exception":
        return True
    return any(
        k.arg == "exc_info" and isinstance(k.value, ast.Constant) and k.value.value is True
        for k in call.keywords
    )


def _handled_quietly(handler: ast.ExceptHandler) -> bool:
    """A handler that neither re-raises bare nor logs a traceback."""
    body = ast.Module(body=handler.body, type_ignores=[])
    for node in ast.walk(body):
        if isinstance(node, ast.Raise) and node.exc is None:
            return False  # cleans up and passes the same error on: nothing is hidden
        if isinstance(node, ast.Call) and _logs_traceback(node):
            return False
    return True


def catch_alls_without_traceback() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in ("ui",) or relative.name == "app.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ExceptHandler)
                and _catches_everything(node)
                and _handled_quietly(node)
            ):
                found.append(f"{relative}:{node.lineno}")
    return found


def test_every_catch_all_outside_ui_logs_its_traceback() -> None:
    assert catch_alls_without_traceback() == []


def test_the_check_sees_a_quiet_catch_all(tmp_path: Path) -> None:
    quiet = ast.parse("try:\n    f()\nexcept Exception as e:\n    raise Bad(str(e)) from e\n")
    loud = ast.parse(
        "try:\n    f()\nexcept Exception:\n    log.exception('x')\n    raise Bad() from None\n"
    )
    handlers = [n for t in (quiet, loud) for n in ast.walk(t) if isinstance(n, ast.ExceptHandler)]
    assert [_handled_quietly(h) for h in handlers] == [True, False]
