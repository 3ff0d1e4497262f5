"""Imports point one way: cli, tui -> ops -> parse, store, export -> model.

Reads every module's import statements (top level and inside functions) and
fails on an arrow that points the wrong way or a forbidden library.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"

# What each part of the package may import from tracker itself.
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "errors": set(),
    "config": {"errors"},
    "parse": {"model", "parse"},
    "export": {"model", "export"},
    "store": {"model", "errors", "store"},
    "ops": {"model", "errors", "config", "parse", "store", "export", "ops"},
    "cli": {"model", "errors", "config", "ops", "export", "tui", "__init__"},
    "tui": {"model", "errors", "config", "ops", "export", "tui"},
    "__main__": {"cli"},
    "__init__": set(),
}
# Third-party libraries each part must never import.
FORBIDDEN: dict[str, set[str]] = {
    "parse": {"sqlalchemy", "textual", "rich"},
    "export": {"sqlalchemy", "textual", "rich"},
    "model": {"sqlalchemy", "textual", "rich"},
    "tui": {"sqlalchemy"},
    "ops": {"textual"},
    "store": {"textual", "rich"},
}


def part_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if rel.parts else "__init__"


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path: Path) -> None:
    part = part_of(path)
    wrong = []
    for name in imports_of(path):
        top, _, rest = name.partition(".")
        if top == "tracker":
            target = rest.split(".")[0] if rest else "__init__"
            if target not in ALLOWED.get(part, set()):
                wrong.append(name)
        elif top in FORBIDDEN.get(part, set()):
            wrong.append(name)
    assert not wrong, f"{path.relative_to(PACKAGE)} ({part}) must not import {wrong}"


def test_parser_loads_no_database_or_ui_library() -> None:
    code = (
        "import sys, tracker.parse, tracker.export.document\n"
        "bad = [m for m in ('sqlalchemy', 'textual', 'rich') if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
