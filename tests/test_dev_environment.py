"""The tests run on the libraries the release ships: every package pinned in
``packaging/constraints.txt`` that this environment has is at its pinned version
(``scripts/bootstrap.sh`` installs with those constraints)."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

CONSTRAINTS = Path(__file__).resolve().parent.parent / "packaging" / "constraints.txt"
#: The virtual environment's own setuptools comes from ``python -m venv``; only the build
#: (PyInstaller) needs the pinned one, and ``packaging/build-linux.sh`` installs it.
NOT_CHECKED = frozenset({"setuptools"})


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not pinned with ==: {line!r}"
            found[canonical(name)] = version
    return found


def test_installed_packages_have_the_release_versions() -> None:
    installed = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    wanted = pins()
    differ = {
        name: f"{installed[name]} installed, {version} pinned"
        for name, version in wanted.items()
        if name in installed and name not in NOT_CHECKED and installed[name] != version
    }
    assert differ == {}, "run scripts/bootstrap.sh: " + str(differ)


def test_the_dev_tools_are_pinned() -> None:
    """ruff and mypy judge the code in CI as on every developer's machine."""
    assert {"ruff", "mypy", "pytest", "pytest-qt", "hypothesis"} <= pins().keys()
