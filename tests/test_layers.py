"""The layers keep apart: each module imports only from its own layer and the ones below it,
and nothing below the window imports Qt (DESIGN.md, "Layout"; desktop/app/__init__.py).

From the bottom: ``db`` and the package's own ``desktop.paths``, ``desktop.version``,
``desktop.applog``; ``desktop.core``; ``desktop.sync``; ``desktop.reports``; ``desktop.app``
(the use cases); then the two front-ends, ``desktop.ui`` and ``desktop.cli`` (the command
line starts the window and shares its translations; the window never calls the command
line). Every import counts wherever it is written — at the top, inside a function (a "late"
import), under ``TYPE_CHECKING``, or as ``importlib.import_module("…")`` with a literal name
— so a late import cannot hide a dependency that points up.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Each layer and its height; a module may import its own height and below.
LAYERS: dict[str, int] = {
    "desktop": 0,  # the package's own __init__ only, not what is in it
    "db": 0,
    "desktop.paths": 0,
    "desktop.version": 0,
    "desktop.applog": 0,
    "desktop.core": 1,
    "desktop.sync": 2,
    "desktop.reports": 3,
    "desktop.app": 4,
    "desktop.ui": 5,
    "desktop.cli": 5,
    "desktop.__main__": 6,
}
#: Same height, one way only: the command line may open the window, not the reverse.
FORBIDDEN_SIDEWAYS = {("desktop.ui", "desktop.cli")}
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
#: The lowest layer that may import Qt.
QT_FROM = LAYERS["desktop.ui"]


@dataclass(frozen=True)
class Import:
    line: int
    name: str


def layer_of(module: str) -> str | None:
    """The layer ``module`` belongs to (``None``: not TDCS code, e.g. a library)."""
    matches = [
        layer
        for layer in LAYERS
        if module == layer or (layer != "desktop" and module.startswith(layer + "."))
    ]
    return max(matches, key=len) if matches else None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(source: str, module: str, *, package: bool = False) -> list[Import]:
    """Every module ``source`` imports, anywhere in it, with relative names resolved."""
    found: list[Import] = []
    here = module.split(".") if package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend(Import(node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here[: len(here) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.append(Import(node.lineno, base))
            # ``from desktop import sync`` imports the sub-package ``desktop.sync``.
            found.extend(Import(node.lineno, f"{base}.{alias.name}") for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(Import(node.lineno, node.args[0].value))
    return found


def violations(source: str, module: str, *, package: bool = False) -> list[str]:
    """What in ``source`` (the module ``module``) breaks the layering."""
    mine = layer_of(module)
    assert mine is not None, f"{module} is in no layer: add its package to LAYERS"
    problems: dict[tuple[int, str], str] = {}  # one per line and layer
    for imported in imports(source, module, package=package):
        if imported.name.split(".")[0] in QT_PACKAGES:
            if LAYERS[mine] < QT_FROM:
                problems.setdefault(
                    (imported.line, "Qt"), f"{module}:{imported.line} imports Qt ({imported.name})"
                )
            continue
        theirs = layer_of(imported.name)
        if theirs is None:
            continue
        if LAYERS[theirs] > LAYERS[mine] or (mine, theirs) in FORBIDDEN_SIDEWAYS:
            problems.setdefault(
                (imported.line, theirs),
                f"{module}:{imported.line} imports {imported.name} ({mine} may not import "
                f"{theirs})",
            )
    return list(problems.values())


def source_files() -> list[Path]:
    return sorted([*(ROOT / "db").rglob("*.py"), *(ROOT / "desktop").rglob("*.py")])


def test_every_module_imports_only_its_layer_and_below() -> None:
    problems = [
        problem
        for path in source_files()
        for problem in violations(
            path.read_text(encoding="utf-8"), module_name(path), package=path.name == "__init__.py"
        )
    ]
    assert problems == []


def late_imports(source: str) -> list[Import]:
    """TDCS modules imported inside a function of ``source``."""
    return [
        Import(node.lineno, name)
        for function in ast.walk(ast.parse(source))
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else [a.name for a in node.names]
        )
        if layer_of(name) is not None or node.level
    ]


def test_core_imports_nothing_late() -> None:
    """A late import inside core hid a cycle (core's self-test importing the loans' step,
    which imported the self-test's failure back) and a dependency that pointed up; core's
    modules import each other at the top, so a cycle fails at once."""
    late = [
        f"{module_name(path)}:{found.line} imports {found.name}"
        for path in sorted((ROOT / "desktop" / "core").rglob("*.py"))
        for found in late_imports(path.read_text(encoding="utf-8"))
    ]
    assert late == []


def test_the_layers_cover_every_package() -> None:
    """A new package under ``desktop/`` gets its place in the order before it is used."""
    for path in source_files():
        assert layer_of(module_name(path)) is not None, path


@pytest.mark.parametrize(
    ("module", "source", "problem"),
    [
        ("desktop.core.selftest", "from desktop.reports.selftest import step_report", "reports"),
        (
            "desktop.core.selftest",
            "def step():\n    from desktop.sync.selftest import step_sync\n",
            "desktop.sync.selftest",
        ),
        ("desktop.sync.files", "from desktop.reports import pdf", "reports"),
        ("desktop.reports.service", "import desktop.app.reports", "app"),
        ("desktop.app.sync", "from desktop.ui.background import run_in_background", "ui"),
        ("desktop.app.setup", "from desktop.cli.base import tr", "cli"),
        ("desktop.ui.app", "from desktop.cli import main", "cli"),
        ("desktop.reports.pdf.render", "from PySide6.QtGui import QPdfWriter", "Qt"),
        ("desktop.core.i18n", "from PySide6 import QtCore", "Qt"),
        ("db.backup", "from desktop.core.userfiles import os_reason", "core"),
        (
            "desktop.core.loans.selftest",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import desktop.app\n",
            "app",
        ),
        ("desktop.sync.board", "from .. import reports", "desktop.reports"),
        ("desktop.app.reports", "import importlib\nimportlib.import_module('desktop.ui')", "ui"),
    ],
)
def test_an_import_that_points_up_is_found(module: str, source: str, problem: str) -> None:
    found = violations(source, module)
    assert len(found) == 1 and problem in found[0], found


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("desktop.app.selftest", "from desktop.reports.selftest import step_report"),
        ("desktop.cli", "def gui():\n    from desktop.ui.app import run_gui\n"),
        ("desktop.ui.background", "from PySide6.QtCore import QThreadPool"),
        ("desktop.cli.base", "from PySide6.QtCore import QCoreApplication"),
        ("desktop.sync.keys", "from desktop.core.userfiles import write_atomically"),
        ("desktop.core.paths_user", "from desktop.paths import AppPaths"),
        ("desktop.reports.xlsx_table", "def save():\n    from openpyxl import Workbook\n"),
    ],
)
def test_an_import_within_the_rules_passes(module: str, source: str) -> None:
    assert violations(source, module) == []
